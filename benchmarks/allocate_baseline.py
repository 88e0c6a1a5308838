"""A plain greedy first-fit intake planner, written straightforwardly: the benchmark's baseline.

It does what a programmer would write in an afternoon for ``pelatihan allocate``,
and nothing more, so that ``benchmarks/allocate.py`` can time the two on the
same intake file:

* read the participant list (CSV, ``;`` or ``,``, UTF-8 with or without a
  byte-order mark) with the ``csv`` module: the columns ``NIP`` and ``Gol/Ruang``
  (``Nama``, ``Instansi`` copied to the plan);
* the TMT is digits 9-14 of the NIP (its separators removed; a NIP that is not
  18 digits, or whose month is not 1-12, is not placed), the end of probation a
  year after the TMT less a day; the track is the grade's golongan (``III/a``,
  ``3a``, ``III A``, ``Penata Muda (III/a)`` or the rank's name alone);
* group by track, sort by the end of probation, fill cohorts of 40 in that order;
* place each cohort, most urgent first, on the first day from the latest TMT of
  its participants whose classroom days all have a room free, trying each day
  in turn (each start's schedule worked out once). The schedule is the same
  fixed pattern for every start: 9 MOOC, 20 e-learning, 30 habituation and 3
  classroom training days of blended delivery under the 2024 decrees, on
  Monday to Friday. Unlike pelatihan, it knows no
  holidays, *cuti bersama* or regimes;
* write one row per participant (NIP, name, agency, track, cohort, start, end,
  end of probation, margin) to the plan CSV.

    python benchmarks/allocate_baseline.py intake.csv --rooms 60 --from 2025-01-02 \\
        --until 2026-12-31 -o plan.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime
import functools
import sys

COHORT_SIZE = 40
PHASES = (9, 20, 30, 3)  # MOOC, e-learning, habituation, classroom: training days
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
RANKS = {
    "juru muda": 1, "juru muda tingkat i": 1, "juru": 1, "juru tingkat i": 1,
    "pengatur muda": 2, "pengatur muda tingkat i": 2, "pengatur": 2, "pengatur tingkat i": 2,
    "penata muda": 3, "penata muda tingkat i": 3, "penata": 3, "penata tingkat i": 3,
}  # fmt: skip


def golongan(grade: str) -> int | None:
    """The golongan of a grade as HR exports write it, or None."""
    text = grade.strip()
    if "(" in text and text.endswith(")"):
        text = text[text.index("(") + 1 : -1]
    rank = RANKS.get(text.lower())
    if rank is not None:
        return rank
    head = text.replace("/", " ").split()
    if not head:
        return None
    word = head[0].upper()
    if len(head) == 1 and len(word) > 1 and word[-1].isalpha():
        word = word[:-1]  # 3a, IIIa
    if word.isdigit():
        return int(word)
    return ROMAN.get(word)


def tmt(nip: str) -> datetime.date | None:
    digits = nip.replace(" ", "").replace(".", "").replace("-", "")
    if len(digits) != 18 or not digits.isdigit():
        return None
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        return None
    return datetime.date(year, month, 1)


def probation_end(start: datetime.date) -> datetime.date:
    return start.replace(year=start.year + 1) - datetime.timedelta(days=1)


@functools.cache
def schedule(start: datetime.date) -> tuple[datetime.date, list[datetime.date]]:
    """The last day and the classroom days of a cohort that starts on ``start``."""
    day = start
    days: list[datetime.date] = []
    for count in PHASES:
        days = []
        while len(days) < count:
            if day.weekday() < 5:
                days.append(day)
            day += datetime.timedelta(days=1)
    return days[-1], days


Member = tuple[datetime.date, datetime.date, dict[str, str]]  # probation end, TMT, row


def read(path: str) -> tuple[list[dict[str, str]], dict[int, list[Member]], int]:
    """The rows, the participants by track, and how many have no TMT or track."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        sample = file.readline()
        file.seek(0)
        people = list(csv.DictReader(file, delimiter=";" if ";" in sample else ","))
    tracks: dict[int, list[Member]] = {}
    unknown = 0
    for person in people:
        start = tmt(person["NIP"])
        level = golongan(person["Gol/Ruang"])
        if start is None or level not in (1, 2, 3):
            unknown += 1
            continue
        track = 3 if level == 3 else 2
        tracks.setdefault(track, []).append((probation_end(start), start, person))
    return people, tracks, unknown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file")
    parser.add_argument("--rooms", type=int, required=True)
    parser.add_argument("--from", dest="first", type=datetime.date.fromisoformat, required=True)
    parser.add_argument("--until", type=datetime.date.fromisoformat, required=True)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    people, tracks, unplaced = read(args.file)

    cohorts: list[tuple[int, list[Member]]] = []
    for track, members in tracks.items():
        members.sort(key=lambda member: member[0])
        cohorts.extend(
            (track, members[at : at + COHORT_SIZE]) for at in range(0, len(members), COHORT_SIZE)
        )
    cohorts.sort(key=lambda cohort: cohort[1][0][0])

    rooms: dict[datetime.date, int] = {}
    rows: list[tuple[str | int, ...]] = []
    numbers = {2: 0, 3: 0}
    for track, members in cohorts:
        deadline = min(member[0] for member in members)
        day = max(args.first, *(member[1] for member in members))
        placed = False
        while day <= deadline:
            end, in_class = schedule(day)
            if end > deadline or end > args.until:
                break
            if all(rooms.get(d, 0) < args.rooms for d in in_class):
                for d in in_class:
                    rooms[d] = rooms.get(d, 0) + 1
                placed = True
                break
            day += datetime.timedelta(days=1)
        if not placed:
            unplaced += len(members)
            continue
        numbers[track] += 1
        name = f"latsar-{'iii' if track == 3 else 'ii'}-{numbers[track]:04d}"
        rows.extend(
            (
                person["NIP"],
                person["Nama"],
                person["Instansi"],
                "III" if track == 3 else "II",
                name,
                day.isoformat(),
                end.isoformat(),
                finish.isoformat(),
                (finish - end).days,
            )
            for finish, _, person in members
        )

    with open(args.output, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(("NIP", "Nama", "Instansi", "Jalur", "Angkatan", "Mulai", "Selesai",
                         "Akhir masa percobaan", "Sisa (hari)"))  # fmt: skip
        writer.writerows(rows)
    print(f"{len(people)} participants: {len(rows)} placed, {unplaced} not placed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
