"""Check the NIPs and grades of a participant list, and name each participant's Latsar track.

Run it on the bundled East Java sample (a cohort opening on 17 October 2019), or on your own
semicolon- or comma-separated file with the columns ``NIP``, ``Nama`` and ``Gol/Ruang``::

    python examples/check_participants.py [FILE.csv] [--start YYYY-MM-DD]

It prints one line per participant and a summary. With ``--strict`` it exits with 1 when any
row has a problem, as a pipeline step would.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
from pathlib import Path

from pelatihan import Grade, Track, ValidationError, legal, nip

HERE = Path(__file__).parent


def check_row(row: dict[str, str]) -> tuple[str, list[str]]:
    """Return a description of a participant and the problems found in their row."""
    problems: list[str] = []
    described: list[str] = []
    try:
        parts = nip.parse(row.get("NIP", ""))
        described.append(f"born {parts.birth_date}, CPNS since {parts.tmt}, {parts.sex.code}")
    except ValidationError as error:
        problems.append(f"NIP: {error}")
    try:
        grade = Grade.parse(row.get("Gol/Ruang", ""))
        described.append(f"{grade} {grade.pangkat}")
        described.append(f"track {Track.for_grade(grade)}")
    except ValidationError as error:
        problems.append(f"grade: {error}")
    return "; ".join(described), problems


def main(argv: list[str] | None = None) -> int:
    """Check every row of the file and print a line per participant."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=HERE / "participants.csv")
    parser.add_argument(
        "--start",
        type=datetime.date.fromisoformat,
        default=datetime.date(2019, 10, 17),
        help="the cohort's first day (default: 2019-10-17)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with 1 if any row has a problem"
    )
    args = parser.parse_args(argv)

    try:
        regime = legal.regime_on(args.start)
        text = args.file.read_text(encoding="utf-8-sig")
    except (ValidationError, OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    print(f"Cohort starting {args.start}: governed by {regime.name}")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,")
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    failed = 0
    for number, row in enumerate(rows, start=2):
        description, problems = check_row(row)
        name = row.get("Nama", "?")
        if problems:
            failed += 1
            print(f"row {number:>3}  {name:<18} PROBLEM  " + " | ".join(problems))
        else:
            print(f"row {number:>3}  {name:<18} ok       {description}")
    print(f"{len(rows)} participants checked, {len(rows) - failed} ok, {failed} with problems")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
