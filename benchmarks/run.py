"""Run the pelatihan benchmark, end to end, and print one Markdown table.

Every contender is timed as a user runs it: a fresh process that starts the
interpreter, reads the file, parses it, checks it and writes its report to a
file. At each size (10,000 and 250,000 participants by default; ``--sizes``),
for each workload (cohorts giving their first day only, and cohorts giving
their phases, as agencies' exports do; ``--schedules``):

* ``pelatihan validate FILE.json --format json -o REPORT``;
* ``pelatihan validate FILE.csv --format json -o REPORT``, the same
  participants as one CSV (first days only: a CSV cannot give phases);
* the pydantic baseline, ``baseline_pydantic.py FILE.json -o REPORT``
  (pydantic's JSON reader, every record a model);
* the msgspec peer, ``peer_msgspec.py FILE.json -o REPORT`` (msgspec Structs,
  then the same checks in plain Python);
* the floor, ``floor_orjson.py FILE.json -o REPORT`` (orjson parses the file,
  every NIP touched, nothing checked).

Counts come first: in an untimed first round, the kinds of finding all check
(:data:`baseline_pydantic.COMPARABLE`) must have, in pelatihan's report, the
baseline's and the peer's, exactly the counts the generator's manifest expects,
and the floor must have seen every participant; otherwise the run stops with
exit status 1 and no time is reported. Then ``--repeat`` rounds (5), each
running every contender once, in an order that rotates from round to round, so
that the machine's other work falls on all of them alike. Reported: the median
wall time, its minimum and maximum, the ratios to the pydantic baseline and to
the msgspec peer, and each child's peak resident memory (``os.wait4``).

Import time: ``python -c "import pelatihan"`` and ``pelatihan --help``, less
``python -c pass``, medians of ``--import-repeat`` interleaved runs (15).

    python benchmarks/run.py --save                    # 10k and 250k, into benchmarks/results/
    python benchmarks/run.py --sizes 10000,250000,1000000 --save   # and 1M (several minutes more)
    python benchmarks/run.py --quick                   # 10k, 2 rounds: a smoke check
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import baseline_pydantic
import generate

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DEFAULT_SIZES = (10_000, 250_000)
SCHEDULES = ("start", "phases")
TARGET_SIZE = 250_000

TARGET_VS_PYDANTIC = 0.5
TARGET_VS_PEER = 1.5
TARGET_CSV_VS_JSON = 1.3
TARGET_IMPORT_MS = 150.0
TARGET_HELP_MS = 200.0
LINEAR_TOLERANCE = 1.25
"""Cost is called linear when the cost per participant at the largest size is at most this
many times the cost per participant at the smallest."""
LINEAR_UP_TO = 1_000_000
"""The range over which cost must be linear: 10,000 to 1,000,000 participants."""
STREAM_BYTES_PER_PARTICIPANT = 512
"""The most the CSV command's peak memory may grow per participant: the rows are not kept,
only one entry per NIP (to find duplicates), a few facts per cohort, and the report. A
participant loaded whole takes about 1.5 KB."""

PELATIHAN_JSON = "pelatihan JSON"
PELATIHAN_CSV = "pelatihan CSV"
PYDANTIC = "pydantic baseline"
PEER = "msgspec peer"
FLOOR = "orjson floor"
CONTENDERS = (PELATIHAN_JSON, PELATIHAN_CSV, PYDANTIC, PEER, FLOOR)


class Mismatch(Exception):
    """Counts that should agree do not, or a contender failed."""


# -- running one command ------------------------------------------------------------------------


def pelatihan_command() -> list[str]:
    """The ``pelatihan`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("pelatihan")
    if script.exists():
        return [str(script)]
    found = shutil.which("pelatihan")
    return [found] if found else [sys.executable, "-m", "pelatihan"]


# A small launcher process runs each command and reports its wall time and rusage. On Linux a
# child's peak memory counts its parent's at the fork (it is kept across exec), so the command is
# started from this launcher of a few MB, not from the runner, which holds much more. A command
# may fork workers (pelatihan does for large files): the kernel's peak of a process that waited for
# its children is the largest of them, not their sum, so the launcher also samples the proportional
# set size (PSS: shared pages divided among the processes sharing them) of the whole process tree
# every 100 ms, and the peak memory is the larger of the two.
_LAUNCHER = """
import json, os, sys, threading, time
log = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
actions = [(os.POSIX_SPAWN_DUP2, log, 1), (os.POSIX_SPAWN_DUP2, log, 2)]
def tree(root):
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as file:
                    todo.extend(int(child) for child in file.read().split())
        except OSError:
            pass
    return found
def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
peak = [0, 1]
stop = threading.Event()
def sample(root):
    while not stop.wait(0.1):
        pids = tree(root)
        peak[0] = max(peak[0], sum(pss(pid) for pid in pids))
        peak[1] = max(peak[1], len(pids))
begin = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ, file_actions=actions)
sampler = threading.Thread(target=sample, args=(pid,), daemon=True)
if os.path.exists(f"/proc/{os.getpid()}/smaps_rollup"):
    sampler.start()
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - begin
stop.set()
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall": wall,
                  "rss": max(usage.ru_maxrss * scale, peak[0]), "processes": peak[1],
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


def run_once(command: Sequence[str], log: Path) -> dict[str, Any]:
    """Run ``command`` in a fresh process: exit status, wall time, peak RSS, CPU time."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", _LAUNCHER, str(log), *command],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


class Contender:
    """One command on one file, and how to read the counts of its report."""

    def __init__(self, name: str, command: list[str], report: Path, log: Path) -> None:
        self.name = name
        self.command = command
        self.report = report
        self.log = log
        self.runs: list[dict[str, Any]] = []

    def run(self) -> dict[str, Any]:
        self.report.unlink(missing_ok=True)
        result = run_once(self.command, self.log)
        # 0: nothing found, 1: findings (every contender but the floor finds some)
        if result["code"] not in (0, 1) or not self.report.exists():
            output = self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise Mismatch(
                f"{self.name}: `{' '.join(self.command)}` exited with {result['code']}:\n{output}"
            )
        return result

    def counts(self) -> dict[str, int]:
        """The count of findings per code; pelatihan's folded findings counted back in."""
        report = json.loads(self.report.read_bytes())
        counts: dict[str, int] = dict(report.get("counts_by_code", report))
        # pelatihan keeps 1,000 findings of a code and folds the rest into one report.folded
        # finding that counts them; the count of each code is what was found, folded or not
        for finding in report.get("findings", ()):
            if finding.get("code") == "report.folded":
                folded = finding["value"]
                counts[folded["code"]] = counts.get(folded["code"], 0) + folded["count"]
        return counts


def contenders(files: Mapping[str, Path], workdir: Path) -> list[Contender]:
    """The contenders of one workload (no CSV when the file gives phases)."""
    python = sys.executable
    out: list[Contender] = []

    def add(name: str, file: Path, command: list[str]) -> None:
        slug = name.replace(" ", "-")
        report = workdir / f"{file.name}.{slug}.report.json"
        out.append(
            Contender(name, [*command, "-o", str(report)], report, report.with_suffix(".log"))
        )

    json_file = files["json"]
    validate = [*pelatihan_command(), "validate"]
    add(PELATIHAN_JSON, json_file, [*validate, str(json_file), "--format", "json"])
    if "csv" in files:
        add(PELATIHAN_CSV, files["csv"], [*validate, str(files["csv"]), "--format", "json"])
    add(PYDANTIC, json_file, [python, str(HERE / "baseline_pydantic.py"), str(json_file)])
    add(PEER, json_file, [python, str(HERE / "peer_msgspec.py"), str(json_file)])
    add(FLOOR, json_file, [python, str(HERE / "floor_orjson.py"), str(json_file)])
    return out


# -- agreement ----------------------------------------------------------------------------------


def agree(label: str, sources: Mapping[str, Mapping[str, int]], kinds: Sequence[str]) -> int:
    """Check that every source gives the same count for every kind; return the total."""
    table = {
        name: {kind: counts.get(kind, 0) for kind in kinds} for name, counts in sources.items()
    }
    reference = next(iter(table.values()))
    if all(counts == reference for counts in table.values()):
        return sum(reference.values())
    names = list(table)
    lines = [
        f"COUNTS DISAGREE at {label}:",
        "| kind | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for kind in kinds:
        row = [table[name][kind] for name in names]
        if len(set(row)) > 1:
            lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + " |")
    raise Mismatch("\n".join(lines))


def check_counts(
    label: str, runners: Sequence[Contender], manifests: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """The agreement of one workload: every checker's comparable counts are the manifest's."""
    kinds = list(baseline_pydantic.COMPARABLE)
    by_name = {runner.name: runner for runner in runners}
    sources: dict[str, Mapping[str, int]] = {"manifest": manifests["json"]["expected_findings"]}
    for name in (PELATIHAN_JSON, PYDANTIC, PEER):
        sources[name] = by_name[name].counts()
    total = agree(f"{label}, JSON", sources, kinds)
    if PELATIHAN_CSV in by_name:
        agree(
            f"{label}, CSV",
            {
                "manifest": manifests["csv"]["expected_findings"],
                PELATIHAN_CSV: by_name[PELATIHAN_CSV].counts(),
            },
            kinds,
        )
    seen = by_name[FLOOR].counts()["nips"]
    if seen != manifests["json"]["participants"]:
        raise Mismatch(
            f"{label}: the floor saw {seen} NIPs, not {manifests['json']['participants']}"
        )
    return {
        "agree": True,
        "compared_kinds": kinds,
        "compared_findings": total,
        "counts": {name: dict(sorted(counts.items())) for name, counts in sources.items()},
    }


# -- one workload -------------------------------------------------------------------------------


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(size: int, schedule: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Generate one workload, check the counts agree, then time every contender, interleaved."""
    label = f"{size:,} participants, {schedule}"
    files: dict[str, Path] = {}
    manifests: dict[str, dict[str, Any]] = {}
    for kind in ("json", "csv") if schedule == "start" else ("json",):
        path = workdir / f"intake-{size}-{schedule}.{kind}"
        _log(f"[{label}] generating {path.name}")
        manifests[kind] = generate.write(
            path, size, file_format=kind, seed=args.seed, mistakes=args.mistakes, schedule=schedule
        )
        files[kind] = path
    runners = contenders(files, workdir)

    _log(f"[{label}] counts (untimed)")
    for runner in runners:
        runner.run()
    agreement = check_counts(label, runners, manifests)

    loads = []
    for round_ in range(args.repeat):
        shift = round_ % len(runners)
        order = runners[shift:] + runners[:shift]
        _log(f"[{label}] round {round_ + 1}/{args.repeat}: " + ", ".join(r.name for r in order))
        loads.append(_load())
        for runner in order:
            runner.runs.append(runner.run())
    loads.append(_load())

    manifest = manifests["json"]
    return {
        "participants": size,
        "schedule": schedule,
        "cohorts": manifest["cohorts"],
        "distinct_schedules": manifest["distinct_schedules"],
        "bytes": {kind: manifests[kind]["bytes"] for kind in manifests},
        "mistakes": manifest["mistakes"],
        "load_1min": loads,
        "counts": agreement,
        "contenders": {
            runner.name: summarise(runner.runs, " ".join(runner.command)) for runner in runners
        },
    }


def summarise(runs: Sequence[Mapping[str, Any]], command: str) -> dict[str, Any]:
    """Median, min and max of the wall times; the peak memory; every run."""
    walls = [run["wall"] for run in runs]
    rss = [run["rss"] for run in runs]
    return {
        "command": command,
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "median_cpu_s": statistics.median(run["cpu"] for run in runs),
        "peak_rss_bytes": max(rss),
        "median_rss_bytes": statistics.median(rss),
        "runs": list(runs),
    }


# -- import time --------------------------------------------------------------------------------


def import_time(repeat: int) -> dict[str, Any]:
    """``import pelatihan`` and ``pelatihan --help``, less ``python -c pass``: medians, in ms."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import pelatihan'": [sys.executable, "-c", "import pelatihan"],
        "pelatihan --help": [*pelatihan_command(), "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():  # interleaved
            begin = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[name].append((time.perf_counter() - begin) * 1000)
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["python -c pass"]
    return {
        "repeat": repeat,
        "median_ms": medians,
        "runs_ms": times,
        "import_ms": medians["python -c 'import pelatihan'"] - bare,
        "help_ms": medians["pelatihan --help"] - bare,
    }


# The packages the contenders import. pip compiles a package's modules to bytecode when it installs
# it; an editable install, or an installer told not to (uv by default), leaves that to the first
# import, which writes nothing where PYTHONDONTWRITEBYTECODE is set, so that every run would compile
# the source again. The benchmark compiles them all first, so that each contender runs from
# bytecode, as it does once installed.
COMPILED = (
    "pelatihan",
    "attr",
    "attrs",
    "dateutil",
    "holidays",
    "msgspec",
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_extensions",
    "orjson",
)


def compile_bytecode(packages: Sequence[str] = COMPILED) -> list[str]:
    """Compile the contenders' packages to bytecode where it is missing or stale; their names."""
    compiled: list[str] = []
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        if spec.submodule_search_locations:
            done = all(
                compileall.compile_dir(path, quiet=1) for path in spec.submodule_search_locations
            )
        elif spec.origin and spec.origin.endswith(".py"):
            done = compileall.compile_file(spec.origin, quiet=1)
        else:
            continue  # an extension module: nothing to compile
        if not done:
            raise Mismatch(f"could not compile {name} to bytecode")
        compiled.append(name)
    return compiled


# -- the report ---------------------------------------------------------------------------------


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def machine() -> dict[str, Any]:
    """What the benchmark ran on."""
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
                break
    except OSError:
        pass
    packages = ("pelatihan", "pydantic", "pydantic-core", "msgspec", "orjson", "holidays")
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "system": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": {package: _version(package) for package in packages},
    }


def _mb(count: float) -> str:
    return f"{count / 2**20:,.0f}"


def _ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}" if base else "-"


def table(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The headline table: a line per workload and contender."""
    lines = [
        (
            "| participants | cohorts gave | contender | median s | min-max s | µs per participant "
            "| x pydantic | x msgspec | peak RSS MB | KB per participant |"
        ),
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        size = row["participants"]
        found = row["contenders"]
        pydantic = found[PYDANTIC]["median_s"]
        peer = found[PEER]["median_s"]
        given = "first day" if row["schedule"] == "start" else "phases"
        for name in CONTENDERS:
            if name not in found:
                continue
            item = found[name]
            median = item["median_s"]
            lines.append(
                f"| {size:,} | {given} | {name} | {median:.2f} | {item['min_s']:.2f}-"
                f"{item['max_s']:.2f} | {median / size * 1e6:.1f} | {_ratio(median, pydantic)} "
                f"| {_ratio(median, peer)} | {_mb(item['peak_rss_bytes'])} "
                f"| {item['peak_rss_bytes'] / size / 1024:.2f} |"
            )
    return lines


def _mark(ok: bool | None) -> str:
    return {True: "**met**", False: "**not met**", None: "**not measured**"}[ok]


def targets(results: Mapping[str, Any]) -> list[str]:
    """Each target of the issue at 250,000 participants, met or not, with the raw numbers."""
    rows = results["sizes"]
    out = []
    at_target = [row for row in rows if row["participants"] == TARGET_SIZE]
    if not at_target:
        out.append(f"The targets are set at {TARGET_SIZE:,} participants, which this run left out.")
    for row in at_target:
        found = row["contenders"]
        given = "first day" if row["schedule"] == "start" else "phases"
        ours = found[PELATIHAN_JSON]
        pydantic, peer = found[PYDANTIC], found[PEER]
        ratio = ours["median_s"] / pydantic["median_s"]
        out.append(
            f"JSON ({given}) ≤ {TARGET_VS_PYDANTIC}x the pydantic baseline: "
            f"{ours['median_s']:.2f} s against {pydantic['median_s']:.2f} s, {ratio:.2f}x "
            f"{_mark(ratio <= TARGET_VS_PYDANTIC)}"
        )
        ratio = ours["median_s"] / peer["median_s"]
        out.append(
            f"JSON ({given}) ≤ {TARGET_VS_PEER}x the msgspec peer: {ours['median_s']:.2f} s "
            f"against {peer['median_s']:.2f} s, {ratio:.2f}x {_mark(ratio <= TARGET_VS_PEER)}"
        )
        if PELATIHAN_CSV in found:
            csv = found[PELATIHAN_CSV]
            ratio = csv["median_s"] / ours["median_s"]
            out.append(
                f"CSV ≤ {TARGET_CSV_VS_JSON}x the JSON time: {csv['median_s']:.2f} s against "
                f"{ours['median_s']:.2f} s, {ratio:.2f}x {_mark(ratio <= TARGET_CSV_VS_JSON)}"
            )
        for name in (PELATIHAN_JSON, PELATIHAN_CSV):
            if name in found:
                rss, limit = found[name]["peak_rss_bytes"], pydantic["peak_rss_bytes"]
                out.append(
                    f"peak memory, {name} ({given}) ≤ the pydantic baseline's: {_mb(rss)} MB "
                    f"against {_mb(limit)} MB {_mark(rss <= limit)}"
                )
    out += linearity(rows)
    imported = results["import"]
    out.append(
        f"`import pelatihan` ≤ {TARGET_IMPORT_MS:.0f} ms: {imported['import_ms']:.0f} ms "
        f"{_mark(imported['import_ms'] <= TARGET_IMPORT_MS)}"
    )
    out.append(
        f"`pelatihan --help` ≤ {TARGET_HELP_MS:.0f} ms: {imported['help_ms']:.0f} ms "
        f"{_mark(imported['help_ms'] <= TARGET_HELP_MS)}"
    )
    return out


def linearity(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Time and memory per participant, smallest size against largest, for pelatihan."""
    out = []
    for schedule in SCHEDULES:
        mine = sorted(
            (row for row in rows if row["schedule"] == schedule), key=lambda r: r["participants"]
        )
        if len(mine) < 2:
            continue
        small, large = mine[0], mine[-1]
        given = "first day" if schedule == "start" else "phases"
        if PELATIHAN_CSV in small["contenders"]:
            grown = {
                name: (
                    large["contenders"][name]["peak_rss_bytes"]
                    - small["contenders"][name]["peak_rss_bytes"]
                )
                / (large["participants"] - small["participants"])
                for name in (PELATIHAN_CSV, PELATIHAN_JSON)
            }
            out.append(
                f"CSV validated as a stream: peak memory grows by {grown[PELATIHAN_CSV]:,.0f} "
                f"bytes per participant from {small['participants']:,} to "
                f"{large['participants']:,}, the index of NIPs seen and the report "
                f"(≤ {STREAM_BYTES_PER_PARTICIPANT}: no row kept; the JSON file, loaded whole, "
                f"grows by {grown[PELATIHAN_JSON]:,.0f}) "
                f"{_mark(grown[PELATIHAN_CSV] <= STREAM_BYTES_PER_PARTICIPANT)}"
            )
        reach = large["participants"] >= LINEAR_UP_TO
        note = "" if reach else f" (largest size run {large['participants']:,}, not 1,000,000)"
        for name in (PELATIHAN_JSON, PELATIHAN_CSV):
            if name not in small["contenders"]:
                continue
            measures: dict[str, Callable[[Mapping[str, Any]], float]] = {
                "time": lambda r, n=name: r["contenders"][n]["median_s"] / r["participants"],
                "memory": lambda r, n=name: (
                    r["contenders"][n]["peak_rss_bytes"] / r["participants"]
                ),
            }
            for what, per in measures.items():
                factor = per(large) / per(small)
                ok = factor <= LINEAR_TOLERANCE
                out.append(
                    f"{what} linear, {name} ({given}): per participant x{factor:.2f} from "
                    f"{small['participants']:,} to {large['participants']:,} "
                    f"(linear: ≤ x{LINEAR_TOLERANCE}){note} {_mark(ok if reach else None)}"
                )
    return out


def _loads(values: Sequence[float] | None) -> str:
    return ", ".join(f"{value:.2f}" for value in values) if values else "unknown"


def _compiled(results: Mapping[str, Any]) -> str:
    names = results.get("bytecode")
    return ", ".join(names) if names else "nothing"


def markdown(results: Mapping[str, Any]) -> str:
    """The results as Markdown: the machine, the table, import time, the targets, the counts."""
    info = results["machine"]
    versions = ", ".join(f"{name} {version}" for name, version in info["versions"].items())
    memory = f", {info['memory_bytes'] / 2**30:.0f} GB" if info["memory_bytes"] else ""
    loads = [value for row in results["sizes"] for value in row["load_1min"] if value is not None]
    load = f"{min(loads):.2f} to {max(loads):.2f}" if loads else "unknown"
    lines = [
        f"# pelatihan benchmark, {results['date']}",
        "",
        (
            f"{info['cpu']}, {info['cores']} cores{memory}; {info['system']}; {info['python']}; "
            f"{versions}. Seed {results['seed']}, mistakes {results['mistakes']:.0%}. Each "
            f"contender run end to end in a fresh process (start, read, parse, check, write the "
            f"report), from bytecode ({_compiled(results)} compiled first), "
            f"{results['repeat']} interleaved rounds after an untimed round that checks "
            f"the counts; medians. Load average (1 min) during the run: {load} "
            f"(1, 5 and 15 min: before {_loads(results['load_before'])}, after "
            f"{_loads(results['load_after'])}) on "
            f"{info['cores']} cores shared with other work."
        ),
        "",
        *table(results["sizes"]),
        "",
    ]
    imported = results["import"]
    medians = imported["median_ms"]
    lines += [
        (
            f"Import: `import pelatihan` {imported['import_ms']:.0f} ms, `pelatihan --help` "
            f"{imported['help_ms']:.0f} ms, each less `python -c pass` "
            f"({medians['python -c pass']:.0f} ms); medians of {imported['repeat']} interleaved "
            "runs."
        ),
        "",
        "Targets (at 250,000 participants):",
        "",
        *[f"- {target}" for target in targets(results)],
        "",
        (
            "Counts: in every workload, pelatihan, the pydantic baseline and the msgspec peer "
            "found exactly the generator's expected count of each kind they all check "
            f"({len(results['comparable_kinds'])} kinds); the CSV too; the floor saw every NIP."
        ),
        "",
        "| participants | cohorts gave | cohorts | distinct schedules | findings compared |",
        "|---:|---|---:|---:|---:|",
    ]
    for row in results["sizes"]:
        given = "first day" if row["schedule"] == "start" else "phases"
        lines.append(
            f"| {row['participants']:,} | {given} | {row['cohorts']:,} "
            f"| {row['distinct_schedules']:,} | {row['counts']['compared_findings']:,} |"
        )
    lines.append("")
    return "\n".join(lines)


# -- main ---------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.replace("_", "").split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are whole numbers of participants, 1 or more")
    return sizes


def _schedules(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    if not chosen or any(part not in SCHEDULES for part in chosen):
        raise argparse.ArgumentTypeError("schedules are start, phases or start,phases")
    return chosen


def build_parser() -> argparse.ArgumentParser:
    """The command line of the benchmark."""
    parser = argparse.ArgumentParser(
        description="Benchmark pelatihan end to end against a pydantic baseline, a msgspec "
        "peer and the orjson floor."
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="participants per file, comma-separated (10000,250000; add 1000000 for the 1M run)",
    )
    parser.add_argument(
        "--schedules",
        type=_schedules,
        default=list(SCHEDULES),
        help="workloads: cohorts giving their first day (start), their phases (start,phases)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (5)")
    parser.add_argument(
        "--import-repeat", type=int, default=15, help="runs of each import command (15)"
    )
    parser.add_argument("--quick", action="store_true", help="10,000 participants, 2 rounds")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--mistakes", type=float, default=0.02, help="share of mistakes (0.02)")
    parser.add_argument("--workdir", type=Path, help="keep the generated files and reports here")
    parser.add_argument(
        "--save", action="store_true", help="write benchmarks/results/latest.md and latest.json"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 1 if any counts disagree or a contender fails."""
    args = build_parser().parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.import_repeat = [10_000], 2, 5
    if args.repeat < 1 or args.import_repeat < 1:
        print("--repeat and --import-repeat must be 1 or more", file=sys.stderr)
        return 2
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "seed": args.seed,
        "mistakes": args.mistakes,
        "repeat": args.repeat,
        "comparable_kinds": list(baseline_pydantic.COMPARABLE),
        "load_before": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    temporary = None
    if args.workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="pelatihan-bench-")
        workdir = Path(temporary.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)
    try:
        _log("compiling the contenders' packages to bytecode")
        results["bytecode"] = compile_bytecode()
        _log("import time")
        results["import"] = import_time(args.import_repeat)
        results["sizes"] = [
            measure(size, schedule, args, workdir)
            for size in args.sizes
            for schedule in args.schedules
        ]
    except Mismatch as error:
        print(f"\nFAILED: {error}\n\nA fast wrong answer does not count.", file=sys.stderr)
        return 1
    finally:
        if temporary is not None:
            temporary.cleanup()
    results["load_after"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    text = markdown(results)
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "latest.md").write_text(text, encoding="utf-8")
        (RESULTS / "latest.json").write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        _log(f"saved {RESULTS / 'latest.md'} and {RESULTS / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
