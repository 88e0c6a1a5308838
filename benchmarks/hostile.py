"""What hostile inputs cost: seconds and peak memory per MB of input, end to end.

Each input is small and makes many findings: a million blank CSV lines, 100,000
empty cohorts (``{}``), 200,000 empty participants in one cohort, a workbook of two
participants whose second is declared on Excel's last row; and for comparison a
clean-shaped intake of 40,000 participants (``generate.py``). Each is written to a
temporary directory and validated in a fresh process,
``python -m pelatihan validate FILE --format json -o REPORT``; the time, the peak
resident memory of the child (``os.wait4``) and the report's size are
printed as a Markdown table, per MB of input.

    python benchmarks/hostile.py            # the three inputs
    python benchmarks/hostile.py --scale 0.1  # a tenth of each, a smoke check
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FORMAT = "pelatihan/cohorts@1"


def blank_lines(path: Path, scale: float) -> Path:
    file = path / "blank-lines.csv"
    lines = int(1_000_000 * scale)
    file.write_text("NIP;Nama\n19860926 201505 1 001;Budi\n" + "\n" * lines, encoding="utf-8")
    return file


def empty_cohorts(path: Path, scale: float) -> Path:
    file = path / "empty-cohorts.json"
    cohorts = [{}] * int(100_000 * scale)
    file.write_text(json.dumps({"format": FORMAT, "cohorts": cohorts}), encoding="utf-8")
    return file


def empty_participants(path: Path, scale: float) -> Path:
    file = path / "empty-participants.json"
    people = [{}] * int(200_000 * scale)
    document = {"format": FORMAT, "cohorts": [{"participants": people}]}
    file.write_text(json.dumps(document), encoding="utf-8")
    return file


def sparse_workbook(path: Path, scale: float) -> Path:
    """A workbook of two participants whose last row is declared at Excel's last, 1,048,576."""
    from openpyxl import Workbook  # noqa: PLC0415 - only this input needs it

    file = path / "sparse.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["NIP", "Nama"])
    sheet.append(["19860926 201505 1 001", "Budi"])
    sheet.cell(row=max(3, int(1_048_576 * scale)), column=2, value="Sari")
    book.save(file)
    return file


def clean_participants(path: Path, scale: float) -> Path:
    """For comparison: a clean-shaped intake (2% mistakes) of 40,000 participants."""
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import generate, to_json  # noqa: PLC0415 - the benchmark's generator

    file = path / "clean.json"
    file.write_bytes(to_json(generate(max(40, int(40_000 * scale))).data))
    return file


INPUTS: dict[str, Callable[[Path, float], Path]] = {
    "1M blank CSV lines": blank_lines,
    "100k empty cohorts": empty_cohorts,
    "200k empty participants": empty_participants,
    "a workbook whose last row is 1,048,576": sparse_workbook,
    "for comparison: 40k participants, clean-shaped": clean_participants,
}


def measure(file: Path, extra: list[str]) -> tuple[float, float, int, int]:
    """Seconds, peak RSS in MB, exit status and report size in bytes of validating ``file``."""
    report = file.with_suffix(".report.json")
    command = [sys.executable, "-m", "pelatihan", "validate", str(file), "--format", "json"]
    command += ["-o", str(report), *extra]
    start = time.perf_counter()
    child = subprocess.Popen(command, env=os.environ.copy())
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest's
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss  # KiB on Linux
    return seconds, peak / 1024, child.returncode, report.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="size of each input (1: full)")
    parser.add_argument("--max-per-code", help="passed to the command")
    args = parser.parse_args(argv)
    extra = [] if args.max_per_code is None else ["--max-per-code", args.max_per_code]
    print("| input | input MB | seconds | s/MB | peak RSS MB | RSS MB per input MB | report MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as directory:
        for name, make in INPUTS.items():
            file = make(Path(directory), args.scale)
            size = file.stat().st_size / 1e6
            seconds, peak, status, written = measure(file, extra)
            if status not in (0, 1):
                print(f"{name}: exit status {status}", file=sys.stderr)
                return 1
            print(
                f"| {name} | {size:.2f} | {seconds:.1f} | {seconds / size:.1f} | {peak:.0f} | "
                f"{peak / size:.0f} | {written / 1e6:.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
