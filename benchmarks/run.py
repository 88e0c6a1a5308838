"""Run the pelatihan benchmark and print one Markdown table.

At each size (10k, 50k and 250k participants by default; ``--sizes``), side by
side in one run:

(a) parsing the JSON file with orjson: the floor;
(b) the pydantic baseline (``baseline_pydantic.py``) on the parsed records;
(c) pelatihan on the parsed records:
    ``pelatihan.validate(pelatihan.io.document.RawDocument(data, name))`` inside
    ``with pelatihan.collector_paused():``, as a host application validating an
    export in bulk would (the command pauses the collector the same way);
    and the ratio (c)/(b);
(d) end to end, ``pelatihan validate FILE --format json`` in a fresh process,
    for the JSON file and for the same participants as one CSV: wall time and
    peak resident memory (``getrusage(RUSAGE_CHILDREN)`` in a fresh child that
    runs only that command);
(e) ``python -c "import pelatihan"``, less ``python -c pass`` (best of 5).

In-process timings are the best of ``--repeat`` runs (3), the end-to-end ones
the best of ``--e2e-repeat`` runs (3; peak memory is the largest seen). Before
any timing counts, the findings are checked: for the kinds both check
(:data:`baseline_pydantic.COMPARABLE`), pelatihan in process, pelatihan end to
end (JSON and CSV) and the baseline must give the same counts, and those must be
the counts the generator's manifest expects. Any difference stops the run with
exit status 1: a fast wrong answer does not count.

    python benchmarks/run.py --save          # the full run, results in benchmarks/results/
    python benchmarks/run.py --quick         # 10k only, a smoke check
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import baseline_pydantic
import generate
import orjson

import pelatihan
from pelatihan.io.document import RawDocument

T = TypeVar("T")

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DEFAULT_SIZES = (10_000, 50_000, 250_000)
TARGET_SIZE = 250_000
TARGET_RATIO = 1.0
TARGET_E2E_SECONDS = 5.0
TARGET_RSS_MB = 1536.0
TARGET_IMPORT_MS = 150.0
STREAM_BYTES_PER_PARTICIPANT = 512
"""The most the CSV command's peak memory may grow per participant: the rows are not kept,
only one entry per NIP (to find duplicates), a few facts per cohort, and the report. A
participant loaded whole takes about 1.5 KB."""
LINEAR_TOLERANCE = 1.25
"""Cost is called linear when the cost per participant at the largest size is at most this
many times the cost per participant at the smallest."""

# Runs one command in a fresh process and reports its wall time and peak memory: this
# process has no other children, so RUSAGE_CHILDREN is the command's alone.
_CHILD = """
import json, resource, subprocess, sys, time
out, err = sys.argv[1], sys.argv[2]
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    begin = time.perf_counter()
    code = subprocess.call(sys.argv[3:], stdout=stdout, stderr=stderr)
    wall = time.perf_counter() - begin
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"code": code, "wall": wall, "rss": usage.ru_maxrss * scale,
                  "user": usage.ru_utime, "sys": usage.ru_stime}))
"""


class Mismatch(Exception):
    """Counts that should agree do not."""


# -- measuring ------------------------------------------------------------------------------


def best_of(repeat: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest of ``repeat`` timings of ``action``, and its last result."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        result = None  # let the previous result go before timing the next run
        gc.collect()
        begin = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - begin)
    assert result is not None
    return best, result


def pelatihan_command() -> list[str]:
    """The ``pelatihan`` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("pelatihan")
    if script.exists():
        return [str(script)]
    found = shutil.which("pelatihan")
    return [found] if found else [sys.executable, "-m", "pelatihan"]


def end_to_end(path: Path, repeat: int, workdir: Path) -> dict[str, Any]:
    """Time ``pelatihan validate FILE --format json`` in fresh processes; check its report."""
    out, err = workdir / f"{path.name}.report.json", workdir / f"{path.name}.stderr"
    command = [*pelatihan_command(), "validate", str(path), "--format", "json"]
    walls: list[float] = []
    rss = 0
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(out), str(err), *command],
            check=True,
            capture_output=True,
            text=True,
        )
        child = json.loads(done.stdout)
        if child["code"] not in (0, 1):  # 1: errors found, as expected; 2: unusable input
            raise Mismatch(
                f"{' '.join(command)} exited with {child['code']}:\n"
                + err.read_text(encoding="utf-8", errors="replace")
            )
        walls.append(child["wall"])
        rss = max(rss, child["rss"])
    report = orjson.loads(out.read_bytes())
    return {
        "seconds": min(walls),
        "runs": walls,
        "rss_bytes": rss,
        "counts": report["counts_by_code"],
    }


def import_time(repeat: int = 5) -> dict[str, float]:
    """``python -c "import pelatihan"`` less ``python -c pass``, best of ``repeat``, in ms."""

    def best(code: str) -> float:
        times = []
        for _ in range(repeat):
            begin = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - begin)
        return min(times) * 1000

    bare, loaded = best("pass"), best("import pelatihan")
    return {"python_ms": bare, "with_import_ms": loaded, "import_ms": loaded - bare}


# -- agreement ------------------------------------------------------------------------------


def agree(size: int, sources: Mapping[str, Mapping[str, int]], kinds: Sequence[str]) -> int:
    """Check that every source gives the same count for every kind; return the total."""
    table = {
        name: {kind: counts.get(kind, 0) for kind in kinds} for name, counts in sources.items()
    }
    reference = next(iter(table.values()))
    if all(counts == reference for counts in table.values()):
        return sum(reference.values())
    names = list(table)
    lines = [
        f"COUNTS DISAGREE at {size:,} participants:",
        "| kind | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for kind in kinds:
        row = [table[name][kind] for name in names]
        if len(set(row)) > 1:
            lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + " |")
    raise Mismatch("\n".join(lines))


# -- one size -------------------------------------------------------------------------------


def validate_in_bulk(data: object, name: str) -> pelatihan.Report:
    """Validate a parsed export as a host application doing bulk work would.

    ``pelatihan.validate`` leaves Python's cyclic garbage collector as it finds it
    (the collector is process-wide); a host application validating a national
    export pauses it around the call, as the ``pelatihan`` command does for its job.
    """
    with pelatihan.collector_paused():
        return pelatihan.validate(RawDocument(data, name))


def in_process(
    data: object, name: str, args: argparse.Namespace, log: str
) -> tuple[float, Mapping[str, int], float, dict[str, int]]:
    """Time (b) the pydantic baseline and (c) pelatihan on the same parsed document."""
    print(f"{log} (b) pydantic baseline", file=sys.stderr, flush=True)
    baseline_s, baseline_counts = best_of(args.repeat, lambda: baseline_pydantic.check(data))
    print(f"{log} (c) pelatihan in process", file=sys.stderr, flush=True)
    pelatihan_s, report = best_of(args.repeat, lambda: validate_in_bulk(data, name))
    return baseline_s, baseline_counts, pelatihan_s, report.counts_by_code()


def measure(size: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Everything measured at one size."""
    log = f"[{size:,}]"
    files = {}
    manifests = {}
    for kind in ("json", "csv"):
        path = workdir / f"intake-{size}.{kind}"
        print(f"{log} generating {path.name}", file=sys.stderr, flush=True)
        manifests[kind] = generate.write(
            path, size, file_format=kind, seed=args.seed, mistakes=args.mistakes
        )
        files[kind] = path
    manifest = manifests["json"]
    body = files["json"].read_bytes()
    name = str(files["json"])

    print(f"{log} (a) orjson", file=sys.stderr, flush=True)
    parse_s, data = best_of(args.repeat, lambda: orjson.loads(body))
    baseline_s, baseline_counts, pelatihan_s, pelatihan_counts = in_process(data, name, args, log)
    del data

    kinds = list(baseline_pydantic.COMPARABLE)
    expected = manifest["expected_findings"]
    compared = agree(
        size,
        {"expected": expected, "pydantic": baseline_counts, "pelatihan": pelatihan_counts},
        kinds,
    )

    print(f"{log} (d) end to end, JSON", file=sys.stderr, flush=True)
    e2e_json = end_to_end(files["json"], args.e2e_repeat, workdir)
    agree(size, {"pelatihan in process": pelatihan_counts, "CLI JSON": e2e_json["counts"]},
          sorted(set(pelatihan_counts) | set(e2e_json["counts"])))  # fmt: skip
    print(f"{log} (d) end to end, CSV", file=sys.stderr, flush=True)
    e2e_csv = end_to_end(files["csv"], args.e2e_repeat, workdir)
    agree(size, {"expected": manifests["csv"]["expected_findings"], "CLI CSV": e2e_csv["counts"]},
          kinds)  # fmt: skip

    return {
        "participants": size,
        "cohorts": manifest["cohorts"],
        "json_bytes": manifest["bytes"],
        "csv_bytes": manifests["csv"]["bytes"],
        "mistakes": manifest["mistakes"],
        "parse_s": parse_s,
        "pydantic_s": baseline_s,
        "pelatihan_s": pelatihan_s,
        "ratio": pelatihan_s / baseline_s,
        "e2e_json": e2e_json,
        "e2e_csv": e2e_csv,
        "counts": {
            "agree": True,
            "compared_kinds": kinds,
            "compared_findings": compared,
            "pelatihan": pelatihan_counts,
            "pydantic": dict(sorted(baseline_counts.items())),
            "expected": expected,
        },
    }


# -- the report -----------------------------------------------------------------------------


def _us(seconds: float, size: int) -> str:
    return f"{seconds / size * 1e6:.1f} µs/p"


def _ms(seconds: float, size: int) -> str:
    return f"{seconds * 1000:,.0f} ms ({_us(seconds, size)})"


def _s(seconds: float, size: int) -> str:
    return f"{seconds:.2f} s ({_us(seconds, size)})"


def _mb(count: float) -> str:
    return f"{count / 2**20:,.0f} MB"


def _load() -> list[float] | None:
    """The load averages (1, 5, 15 minutes): other work on the machine shows up as noise."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


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
    packages = ("pelatihan", "pydantic", "pydantic-core", "orjson", "holidays")
    versions = {package: _version(package) for package in packages}
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "system": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": versions,
    }


def markdown(results: Mapping[str, Any]) -> str:
    """The results as Markdown: one table, the import time, the targets."""
    rows = results["sizes"]
    info = results["machine"]
    versions = ", ".join(f"{name} {version}" for name, version in info["versions"].items())
    memory = f", {info['memory_bytes'] / 2**30:.0f} GB" if info["memory_bytes"] else ""
    lines = [
        f"# pelatihan benchmark, {results['date']}",
        "",
        (
            f"{info['cpu']}, {info['cores']} cores{memory}; {info['system']}; {info['python']}; "
            f"{versions}. Seed {results['seed']}, mistakes {results['mistakes']:.0%}; "
            f"in process best of {results['repeat']}, end to end best of {results['e2e_repeat']}. "
            f"Load average (1, 5, 15 min) before {results['load_before']}, "
            f"after {results['load_after']}."
        ),
        "",
        (
            "| participants | cohorts | (a) orjson parse | (b) pydantic baseline | (c) pelatihan "
            "| (c)/(b) | (d) end to end, JSON | peak RSS | (d) end to end, CSV | peak RSS "
            "| counts agree |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        size = row["participants"]
        lines.append(
            f"| {size:,} | {row['cohorts']:,} | {_ms(row['parse_s'], size)} "
            f"| {_ms(row['pydantic_s'], size)} | {_ms(row['pelatihan_s'], size)} "
            f"| {row['ratio']:.2f} "
            f"| {_s(row['e2e_json']['seconds'], size)} | {_mb(row['e2e_json']['rss_bytes'])} "
            f"| {_s(row['e2e_csv']['seconds'], size)} | {_mb(row['e2e_csv']['rss_bytes'])} "
            f"| yes: {row['counts']['compared_findings']:,} findings "
            f"in {len(row['counts']['compared_kinds'])} kinds |"
        )
    imported = results["import"]
    lines += [
        "",
        (
            f"(e) `import pelatihan`: {imported['import_ms']:.0f} ms "
            f'(`python -c "import pelatihan"` {imported["with_import_ms"]:.0f} ms, '
            f"`python -c pass` {imported['python_ms']:.0f} ms; best of 5)."
        ),
        "",
        "Targets:",
        "",
    ]
    lines += [f"- {target}" for target in targets(results)]
    largest = rows[-1]
    lines += [
        "",
        (
            f"Findings at {largest['participants']:,} participants, by kind "
            "(pelatihan = pydantic baseline = generator manifest):"
        ),
        "",
        "| kind | count |",
        "|---|---:|",
    ]
    counts = largest["counts"]["pelatihan"]
    lines += [
        f"| {kind} | {counts.get(kind, 0):,} |"
        for kind in largest["counts"]["compared_kinds"]
        if counts.get(kind, 0)
    ]
    lines.append("")
    return "\n".join(lines)


def targets(results: Mapping[str, Any]) -> list[str]:
    """Each target of the issue, met or not, at the largest size run."""
    rows = results["sizes"]
    largest, smallest = rows[-1], rows[0]
    size = largest["participants"]
    note = "" if size >= TARGET_SIZE else f" (largest size run: {size:,}, not {TARGET_SIZE:,})"

    def mark(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    def growth(key: Callable[[Mapping[str, Any]], float]) -> float:
        large: int = largest["participants"]
        small: int = smallest["participants"]
        return (key(largest) / large) / (key(smallest) / small)

    out = [
        (
            f"in process, pelatihan/pydantic ≤ {TARGET_RATIO:.1f}: {largest['ratio']:.2f} "
            f"{mark(largest['ratio'] <= TARGET_RATIO)}{note}"
        ),
        (
            f"end to end (JSON) < {TARGET_E2E_SECONDS:.0f} s: "
            f"{largest['e2e_json']['seconds']:.2f} s "
            f"{mark(largest['e2e_json']['seconds'] < TARGET_E2E_SECONDS)}{note}"
        ),
    ]
    for kind in ("json", "csv"):
        rss = largest[f"e2e_{kind}"]["rss_bytes"] / 2**20
        out.append(
            f"peak memory ({kind.upper()}) < {TARGET_RSS_MB / 1024:.1f} GB: {rss:,.0f} MB "
            f"{mark(rss < TARGET_RSS_MB)}{note}"
        )
    if len(rows) > 1:
        added = largest["participants"] - smallest["participants"]
        per = {
            kind: (largest[f"e2e_{kind}"]["rss_bytes"] - smallest[f"e2e_{kind}"]["rss_bytes"])
            / added
            for kind in ("json", "csv")
        }
        out.append(
            f"CSV validated as a stream: peak memory grows by {per['csv']:,.0f} bytes per "
            f"participant from {smallest['participants']:,} to {size:,}, the index of NIPs seen "
            f"and the report (≤ {STREAM_BYTES_PER_PARTICIPANT} bytes: no row kept; the JSON "
            f"file, loaded whole, grows by {per['json']:,.0f}) "
            f"{mark(per['csv'] <= STREAM_BYTES_PER_PARTICIPANT)}"
        )
        for label, key in (
            ("pelatihan in process", lambda r: r["pelatihan_s"]),
            ("end to end, JSON", lambda r: r["e2e_json"]["seconds"]),
            ("end to end, CSV", lambda r: r["e2e_csv"]["seconds"]),
        ):
            factor = growth(key)
            out.append(
                f"linear cost, {label}: µs per participant x{factor:.2f} from "
                f"{smallest['participants']:,} to {size:,} (linear: ≤ x{LINEAR_TOLERANCE}) "
                f"{mark(factor <= LINEAR_TOLERANCE)}"
            )
    imported = results["import"]["import_ms"]
    out.append(
        f"`import pelatihan` < {TARGET_IMPORT_MS:.0f} ms: {imported:.0f} ms "
        f"{mark(imported < TARGET_IMPORT_MS)}"
    )
    return out


# -- main -----------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.replace("_", "").split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are whole numbers of participants, 1 or more")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    """The command line of the benchmark."""
    parser = argparse.ArgumentParser(
        description="Benchmark pelatihan against orjson and a pydantic baseline."
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="participants per file, comma-separated (10000,50000,250000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs, best kept (3)")
    parser.add_argument("--e2e-repeat", type=int, default=3, help="end-to-end runs, best kept (3)")
    parser.add_argument("--quick", action="store_true", help="10,000 participants only")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--mistakes", type=float, default=0.02, help="share of mistakes (0.02)")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    parser.add_argument(
        "--save", action="store_true", help="write benchmarks/results/latest.md and latest.json"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 1 if any counts disagree."""
    args = build_parser().parse_args(argv)
    if args.quick:
        args.sizes = [10_000]
    if args.repeat < 1 or args.e2e_repeat < 1:
        print("--repeat and --e2e-repeat must be 1 or more", file=sys.stderr)
        return 2
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "seed": args.seed,
        "mistakes": args.mistakes,
        "repeat": args.repeat,
        "e2e_repeat": args.e2e_repeat,
        "comparable_kinds": list(baseline_pydantic.COMPARABLE),
        "load_before": _load(),
    }
    print("(e) import time", file=sys.stderr, flush=True)
    results["import"] = import_time()
    temporary = None
    if args.workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="pelatihan-bench-")
        workdir = Path(temporary.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)
    try:
        results["sizes"] = [measure(size, args, workdir) for size in args.sizes]
    except Mismatch as error:
        print(f"\nFAILED: {error}\n\nA fast wrong answer does not count.", file=sys.stderr)
        return 1
    finally:
        if temporary is not None:
            temporary.cleanup()
    results["load_after"] = _load()
    text = markdown(results)
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "latest.md").write_text(text, encoding="utf-8")
        (RESULTS / "latest.json").write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"saved {RESULTS / 'latest.md'} and {RESULTS / 'latest.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
