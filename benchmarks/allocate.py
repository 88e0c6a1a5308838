"""How fast ``pelatihan allocate`` plans a national intake, against a plain greedy baseline.

A national CPNS intake is about 250,000 participants, about 6,250 cohorts of 40.
This script writes such an intake as a CSV participant list (the participants of
``generate.py``: valid NIPs, grades written the ways HR exports write them; TMTs
on the first of each month of one year, both tracks), then times, end to end in
fresh processes and interleaved repetitions:

(a) ``pelatihan allocate FILE --rooms N --from ... --until ... --method blended
    -o plan.csv``;
(b) ``allocate_baseline.py FILE --rooms N --from ... --until ... -o plan.csv``: a
    greedy first-fit written straightforwardly, which reads the same file itself.

It reports the median wall time and the largest peak resident memory of each
(``os.wait4`` of the child), and the machine's load. Before any time counts, both
plans must place the same number of participants, and pelatihan's plan must keep
the rooms on every day (read back from its CSV); a difference stops the run with
exit status 1.

    python benchmarks/allocate.py                     # 250,000 participants, 5 repetitions
    python benchmarks/allocate.py --participants 20000 --repeat 1   # a smoke check
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import generate

HERE = Path(__file__).resolve().parent
YEAR = 2025
"""The year of the TMTs: one intake a month."""
WINDOW = ("2025-01-02", "2026-12-31")
"""The window the cohorts may use: from the first TMT to past the last probation end."""
HEADER = ("NIP", "Nama", "Gol/Ruang", "Instansi", "Pendidikan")


def intake(participants: int, seed: int = 1) -> bytes:
    """A national intake as a CSV participant list (``;``, UTF-8 with BOM).

    The participants of :mod:`generate` (``_Generator.person``): cohorts of 40
    of track II or III, each of one TMT month of :data:`YEAR`; the rows are
    then shuffled, as an intake list is not sorted by cohort.
    """
    generator = generate._Generator(participants, seed, 0.0)
    rng = generator.rng
    intakes = [generate.Intake(YEAR, month, "blended", 1) for month in range(1, 13)]
    rows: list[tuple[str, ...]] = []
    left = participants
    index = 0
    while left > 0:
        size = min(generate.COHORT_SIZE, left)
        track = "III" if rng.random() < 0.65 else "II"
        organizer = rng.choice(generate.ORGANIZERS)
        cohort = generate._Cohort(index, rng.choice(intakes), track, organizer)
        for _ in range(size):
            record = generator.person(cohort).record
            rows.append(
                (
                    record["nip"],
                    record["name"],
                    record["grade"],
                    record["agency"],
                    record["education"],
                )
            )
        left -= size
        index += 1
    random.Random(seed).shuffle(rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# Runs one command and reports its wall time and peak memory: this small process has no
# other children, so RUSAGE_CHILDREN is the command's alone (a child forked from the
# benchmark itself would count the benchmark's own memory as its peak).
_CHILD = """
import json, resource, subprocess, sys, time
begin = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)
wall = time.perf_counter() - begin
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "wall": wall, "rss": peak}))
"""


def run(command: Sequence[str], plan: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of ``command``, in a fresh process."""
    plan.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *command], capture_output=True, check=True, text=True
    )
    result = json.loads(done.stdout)
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit status {result['code']}")
    return result["wall"], result["rss"]


def placed_by_pelatihan(plan: Path, rooms: int) -> int:
    """Participants placed in pelatihan's plan CSV; checks the rooms on every day on the way."""
    with plan.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    cohorts = {row["Cohort id"]: row for row in rows if row["Placed"] == "yes"}
    placed = sum(1 for row in rows if row["Placed"] == "yes")
    # the rooms: recount from the cohorts' own schedules, planned again
    from pelatihan import plan_schedule  # noqa: PLC0415 - the library under test

    use: dict[datetime.date, int] = {}
    for row in cohorts.values():
        schedule = plan_schedule(datetime.date.fromisoformat(row["Start"]), row["Track"], "blended")
        if schedule.end is None or schedule.end.isoformat() != row["End"]:
            raise SystemExit(f"cohort {row['Cohort id']}: the plan's end is not its schedule's")
        for day in schedule.in_class_days():
            use[day] = use.get(day, 0) + 1
    if use and max(use.values()) > rooms:
        raise SystemExit(f"pelatihan's plan needs {max(use.values())} rooms on a day")
    return placed


def placed_by_baseline(plan: Path) -> int:
    with plan.open(encoding="utf-8-sig", newline="") as file:
        return sum(1 for _ in csv.DictReader(file, delimiter=";"))


def _load() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, default=250_000)
    parser.add_argument("--rooms", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, interleaved (5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="where the files go (a temporary folder)")
    parser.add_argument("--write-intake", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_intake is not None:
        args.write_intake.write_bytes(intake(args.participants, args.seed))
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.workdir or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        intake_file = folder / f"intake-{args.participants}.csv"
        if not intake_file.exists():  # in a child: this process stays small
            subprocess.run(
                [sys.executable, __file__, "--write-intake", str(intake_file),
                 "--participants", str(args.participants), "--seed", str(args.seed)],
                check=True,
            )  # fmt: skip
        window = ["--from", WINDOW[0], "--until", WINDOW[1]]
        ours, theirs = folder / "plan.csv", folder / "baseline-plan.csv"
        commands = {
            "pelatihan allocate": [
                sys.executable, "-m", "pelatihan", "allocate", str(intake_file),
                "--rooms", str(args.rooms), *window, "--method", "blended", "-o", str(ours),
                "--lang", "en",
            ],
            "greedy first-fit baseline": [
                sys.executable, str(HERE / "allocate_baseline.py"), str(intake_file),
                "--rooms", str(args.rooms), *window, "-o", str(theirs),
            ],
        }  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
        loads = [_load()]
        for repetition in range(args.repeat):
            for name, command in commands.items():
                seconds, peak = run(command, ours if name.startswith("pelatihan") else theirs)
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
            if repetition == 0:  # the plans agree before any time counts
                placed = placed_by_pelatihan(ours, args.rooms), placed_by_baseline(theirs)
                if placed[0] != placed[1]:
                    print(f"the plans differ: pelatihan placed {placed[0]}, the baseline "
                          f"{placed[1]}", file=sys.stderr)  # fmt: skip
                    return 1
            loads.append(_load())
    print(
        f"{args.participants:,} participants, {args.rooms} rooms, window {WINDOW[0]} to "
        f"{WINDOW[1]}; both place {placed[0]:,}; {args.repeat} runs each, interleaved"
    )
    print()
    print("| command | median s | min s | max s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for name in commands:
        runs = times[name]
        print(
            f"| {name} | {statistics.median(runs):.1f} | {min(runs):.1f} | {max(runs):.1f} | "
            f"{peaks[name]:.0f} |"
        )
    print()
    print(f"load average (1, 5, 15 min) before and after each round: {'; '.join(loads)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
