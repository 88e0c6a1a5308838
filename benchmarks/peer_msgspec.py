"""The peer: pelatihan's cohort checks as a competent engineer would write them in an afternoon.

msgspec decodes the file straight into typed records (``msgspec.Struct``, dates
included), then plain Python checks them: the NIP's structure and its agreement
with the birth date, sex and TMT given; the grade, and its track against the
cohort's; duplicate NIPs in the file; the cohort's size and organiser; the
training days of the phases on the holiday calendar (the ``holidays`` package,
Monday to Friday or the phase's own weekdays, less national holidays and *cuti
bersama*), or the planned end of a cohort giving only its first day; and the
probation deadline. Values that repeat across a national export (birth dates,
TMT months, grade texts, phases, deadlines) are worked out once and remembered.
Nothing here comes from ``pelatihan``: the figures are written below, each with
where it was read.

It is the bar pelatihan is measured against, so it is written to be fast, not
to be kind: a file that does not have the regular shape (a value of the wrong
type, a missing key) is refused whole with msgspec's message, where pelatihan
and the pydantic baseline report each such value and check the rest. Its
findings are named as pelatihan names its rules, so that the benchmark can
compare their counts, and are written as JSON, kind and JSON path::

    python benchmarks/peer_msgspec.py FILE.json -o REPORT.json
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import re
import sys
from collections import Counter
from collections.abc import Sequence

import ending
import holidays
import msgspec

__all__ = ["check_json", "main"]

# -- the figures -------------------------------------------------------------------------------
# Copied once, as a peer would, from the published Latsar figures (docs/schedules.md,
# docs/latsar.md), each with the instrument it comes from and its status.

COHORT_SIZE_MAX = 40  # cohorts of about 40, 40 at most (INF)
MINIMUM_AGE = 18  # a NIP's TMT at a working age (the library's setting)
PPPK_SINCE = 2019  # NI PPPK numbers, whose "month" is above 12, exist since PP 49/2018
PROBATION_MONTHS = 12  # UU 5/2014 art. 64: one year of probation from the TMT (REG)
PROBATION_MARGIN_DAYS = 30  # the library's warning margin before the deadline, so counts compare
IN_CLASS = frozenset({"klasikal"})  # classroom days are in class, every other phase out of class
WORKWEEK = (0, 1, 2, 3, 4)  # training days: Monday to Friday less closed days (INF)


class Days:
    """The training days of one method under one regime; each figure a set of accepted values."""

    __slots__ = ("in_class", "kinds", "out_of_class", "plan", "total")

    def __init__(self, total: set[int], in_class: int, kinds: dict[str, set[int]]) -> None:
        self.total = frozenset(total)
        self.in_class = frozenset({in_class})
        self.out_of_class = frozenset(days - in_class for days in total)
        self.kinds = {kind: frozenset(days) for kind, days in kinds.items()}
        self.plan = min(total)  # a cohort giving only its first day is planned with this


# PerLAN 12/2018, classroom: 51 days = 21 in class + 30 of habituation (SEC).
_CLASSROOM_2018 = Days({51}, 21, {"klasikal": {21}, "habituasi": {30}})
# PerLAN 1/2021 blended: 74 days = MOOC 16 + e-learning 22 + habituation 30 + classroom 6 (SEC).
_BLENDED_2021 = Days({74}, 6, {"mooc": {16}, "elearning": {22}, "habituasi": {30},
                               "klasikal": {6}})  # fmt: skip
# The 2024 LAN decrees, from 2025: MOOC 9 (14 at some organisers) + e-learning 20 + habituation 30
# + classroom 3 (SEC, organisers' reports).
_BLENDED_2025 = Days({62, 67}, 3, {"mooc": {9, 14}, "elearning": {20}, "habituasi": {30},
                                   "klasikal": {3}})  # fmt: skip

# The regime by the cohort's first day. Only PerLAN 1/2021's signing (8 January 2021) is known; the
# other first days are not established (OPEN), and these are the library's defaults, so counts
# compare.
REGIMES: tuple[tuple[datetime.date, dict[str, Days]], ...] = (
    (datetime.date(2018, 12, 31), {"klasikal": _CLASSROOM_2018}),
    (datetime.date(2021, 1, 8), {"blended": _BLENDED_2021}),
    (datetime.date(2025, 1, 1), {"blended": _BLENDED_2025}),
)

# Grades and their ranks (pangkat): golongan I to IV, ruang a to d (e for IV) (SEC).
_RANKS = ("juru muda", "juru muda tingkat i", "juru", "juru tingkat i", "pengatur muda",
          "pengatur muda tingkat i", "pengatur", "pengatur tingkat i", "penata muda",
          "penata muda tingkat i", "penata", "penata tingkat i", "pembina", "pembina tingkat i",
          "pembina utama muda", "pembina utama madya", "pembina utama")  # fmt: skip
RANK_GRADE = {rank: (i // 4 + 1, "abcd"[i % 4] if i < 16 else "e") for i, rank in enumerate(_RANKS)}
GOLONGAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
SEX = {"l": "L", "m": "L", "1": "L", "laki-laki": "L", "laki laki": "L", "pria": "L",
       "male": "L", "p": "P", "f": "P", "2": "P", "perempuan": "P", "wanita": "P",
       "female": "P"}  # fmt: skip

# -- the records -------------------------------------------------------------------------------


class Phase(msgspec.Struct):
    kind: str
    start: datetime.date
    end: datetime.date
    weekdays: list[int] | None = None


class Organizer(msgspec.Struct):
    name: str = ""
    accredited: bool | None = None


class Participant(msgspec.Struct):
    nip: str
    name: str
    grade: str
    agency: str
    birth_date: datetime.date | None = None
    sex: str | None = None
    tmt_cpns: datetime.date | None = None
    education: str | None = None
    position: str | None = None


class Cohort(msgspec.Struct):
    id: str
    name: str
    track: str
    method: str
    participants: list[Participant]
    start: datetime.date | None = None
    phases: list[Phase] | None = None
    organizer: Organizer | None = None
    regime: str | None = None


class Document(msgspec.Struct):
    format: str
    cohorts: list[Cohort]


DECODER = msgspec.json.Decoder(Document)

PhaseKey = tuple[tuple[datetime.date, datetime.date, tuple[int, ...], str], ...]
"""A schedule as a key: each phase's first and last day, weekdays and kind."""

# -- the values --------------------------------------------------------------------------------

_NOT_NIP = re.compile(r"[^0-9\s.\-\u2010-\u2015\u2212]")
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u2212]+")


def nip_head(head: str) -> tuple[datetime.date | None, datetime.date | None, str | None]:
    """The birth date and TMT of a NIP's first 14 digits, or the kind of what is wrong."""
    try:
        born = datetime.date(int(head[0:4]), int(head[4:6]), int(head[6:8]))
    except ValueError:
        return None, None, "nip.birth-date"
    if born.year < 1900:
        return None, None, "nip.birth-date"
    year, month = int(head[8:12]), int(head[12:14])
    if month >= 13 and year >= PPPK_SINCE and year - born.year >= MINIMUM_AGE:
        return None, None, "nip.pppk"
    if not 1 <= month <= 12 or year < 1900:
        return None, None, "nip.tmt"
    tmt = datetime.date(year, month, 1)
    age = year - born.year - ((month, 1) < (born.month, born.day))
    if (year, month) < (born.year, born.month) or age < MINIMUM_AGE:
        return None, None, "nip.age"
    return born, tmt, None


_CODE = re.compile(r"(?:gol(?:ongan)?\.? ?)?(iv|iii|ii|i|[1-4])(?: ?[/.\-] ?| )?([a-z])")
_WITH_CODE = re.compile(
    r"([a-z][a-z .]*?) ?(?:\( ?(.+?) ?\)|[,;:/|\-] ?(.+))"  # "Penata Muda (III/a)", "Penata, III/c"
)
_TINGKAT = re.compile(r" (?:tingkat|tkt\.?|tk\.?) ?(?:i|1)$")


def _coded(golongan: str, ruang: str) -> tuple[int, str] | str:
    number = GOLONGAN[golongan]
    return (number, ruang) if ruang in ("abcde" if number == 4 else "abcd") else "grade.format"


def _ranked(text: str) -> tuple[int, str] | None:
    return RANK_GRADE.get(_TINGKAT.sub(" tingkat i", text.strip()))


def grade(text: str) -> tuple[int, str] | str:
    """A grade (``III/a``, ``3a``, ``Penata Muda``, ``Penata Muda (III/a)``), or what is wrong."""
    plain = " ".join(text.split()).lower()
    if not plain:
        return "grade.format"
    match = _CODE.fullmatch(plain)
    if match:
        return _coded(match[1], match[2])
    named = _ranked(plain)
    if named:
        return named
    match = _WITH_CODE.fullmatch(plain)
    if match:
        named = _ranked(match[1])
        code = _CODE.fullmatch(match[2] or match[3])
        if named and code:
            coded = _coded(code[1], code[2])
            return coded if isinstance(coded, str) or coded == named else "grade.inconsistent"
    return "grade.format"


_CLOSED: dict[int, frozenset[datetime.date]] = {}


def closed(year: int) -> frozenset[datetime.date]:
    """The national holidays and *cuti bersama* of a year (categories public and government)."""
    days = _CLOSED.get(year)
    if days is None:
        found = holidays.country_holidays(
            "ID", years=year, categories=("public", "government"), language="id"
        )
        days = _CLOSED[year] = frozenset(day for day in found if day.year == year)
    return days


def training_days(start: datetime.date, end: datetime.date, weekdays: Sequence[int]) -> int:
    """The days from ``start`` to ``end`` on ``weekdays`` that are not closed."""
    one = datetime.timedelta(days=1)
    count = 0
    day = start
    while day <= end:
        if day.weekday() in weekdays and day not in closed(day.year):
            count += 1
        day += one
    return count


def nth_working_day(start: datetime.date, days: int) -> datetime.date:
    """The ``days``-th working day from ``start``."""
    one = datetime.timedelta(days=1)
    day = start
    while True:
        if day.weekday() < 5 and day not in closed(day.year):
            days -= 1
            if days == 0:
                return day
        day += one


def deadline(tmt: datetime.date) -> datetime.date:
    """The last day of the probation year that starts on ``tmt``."""
    month = tmt.month - 1 + PROBATION_MONTHS
    year, month = tmt.year + month // 12, month % 12 + 1
    day = min(tmt.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


def regime_days(first: datetime.date) -> dict[str, Days] | None:
    """The days of each method of the regime in force on ``first``; ``None`` before any."""
    found = None
    for since, days in REGIMES:
        if since <= first:
            found = days
    return found


# -- the checks --------------------------------------------------------------------------------


def check(document: Document) -> list[tuple[str, str]]:  # noqa: PLR0915 - one loop
    """Every finding of a decoded document, as (kind, JSON path) pairs."""
    findings: list[tuple[str, str]] = []
    note = findings.append
    heads: dict[str, tuple[datetime.date | None, datetime.date | None, str | None]] = {}
    grades: dict[str, tuple[int, str] | str] = {}
    schedules: dict[tuple[str, PhaseKey], tuple[list[str], datetime.date]] = {}
    ends: dict[tuple[datetime.date, int], datetime.date] = {}
    deadlines: dict[datetime.date, datetime.date] = {}
    seen: set[str] = set()
    if document.format != "pelatihan/cohorts@1":
        note(("input.format", "$.format"))
    for c, cohort in enumerate(document.cohorts):
        where = f"$.cohorts[{c}]"
        if cohort.organizer is None or cohort.organizer.accredited is not True:
            note(("organizer.accreditation", f"{where}.organizer"))
        # the schedule: its last day, and whether a regime's rules apply
        last_day: datetime.date | None = None
        regime: dict[str, Days] | None = None
        if cohort.phases:
            phases = tuple(
                (p.start, p.end, tuple(p.weekdays) if p.weekdays is not None else WORKWEEK, p.kind)
                for p in cohort.phases
            )
            regime = regime_days(min(p.start for p in cohort.phases))
            known = schedules.get((cohort.method, phases))
            if known is None:
                known = schedules[cohort.method, phases] = (
                    phase_findings(phases, regime.get(cohort.method) if regime else None),
                    max(p.end for p in cohort.phases),
                )
            for kind in known[0]:
                note((kind, f"{where}.phases"))
            last_day = known[1]
        elif cohort.start is not None:
            regime = regime_days(cohort.start)
            days = regime.get(cohort.method) if regime else None
            if days is not None:
                planned = (cohort.start, days.plan)
                last_day = ends.get(planned)
                if last_day is None:
                    last_day = ends[planned] = nth_working_day(*planned)
        people = cohort.participants
        if not people:
            note(("cohort.empty", f"{where}.participants"))
        elif len(people) > COHORT_SIZE_MAX and (regime is not None or cohort.regime is not None):
            note(("cohort.size", f"{where}.participants"))
        track = cohort.track
        for p, person in enumerate(people):
            here = f"{where}.participants[{p}]"
            # the NIP
            text = person.nip
            digits = text.replace(" ", "")
            if len(digits) != 18 or not digits.isascii() or not digits.isdigit():
                stripped = text.strip()
                key = "".join(stripped.split())
                if _NOT_NIP.search(stripped):
                    note(("nip.format", f"{here}.nip"))
                    digits = ""
                else:
                    digits = _SEPARATORS.sub("", stripped)
                    if len(digits) != 18:
                        note(("nip.length", f"{here}.nip"))
                    else:
                        key = digits
            else:
                key = digits
            valid = False
            born = tmt = None
            if len(digits) == 18:
                head = digits[:14]
                found = heads.get(head)
                if found is None:
                    found = heads[head] = nip_head(head)
                born, tmt, wrong = found
                if wrong is not None:
                    note((wrong, f"{here}.nip"))
                elif digits[14] not in "12":
                    note(("nip.sex", f"{here}.nip"))
                elif digits[15:] == "000":
                    note(("nip.serial", f"{here}.nip"))
                else:
                    valid = True
            if key in seen:
                note(("participant.duplicate-nip", f"{here}.nip"))
            else:
                seen.add(key)
            # the grade and its track
            level = grades.get(person.grade)
            if level is None:
                level = grades[person.grade] = grade(person.grade)
            if isinstance(level, str):
                note((level, f"{here}.grade"))
            elif level[0] == 4:
                note(("track.none", f"{here}.grade"))
            elif track != ("III" if level[0] == 3 else "II"):
                note(("participant.track", f"{here}.grade"))
            # the record against its NIP
            given_tmt = person.tmt_cpns
            sex = None
            if person.sex is not None:
                sex = SEX.get(person.sex.strip().lower())
                if sex is None:
                    note(("input.value", f"{here}.sex"))
            if valid:
                if person.birth_date is not None and person.birth_date != born:
                    note(("participant.birth-date", f"{here}.birth_date"))
                if sex is not None and sex != ("L" if digits[14] == "1" else "P"):
                    note(("participant.sex", f"{here}.sex"))
                if given_tmt is not None and given_tmt.replace(day=1) != tmt:
                    note(("participant.tmt", f"{here}.tmt_cpns"))
            # the probation year
            if last_day is None:
                continue
            begin = given_tmt if given_tmt is not None else tmt if valid else None
            if begin is None:
                continue
            due = deadlines.get(begin)
            if due is None:
                due = deadlines[begin] = deadline(begin)
            if last_day > due:
                note(("participant.probation", here))
            elif (due - last_day).days < PROBATION_MARGIN_DAYS:
                note(("participant.probation-near", here))
    return findings


def phase_findings(phases: PhaseKey, days: Days | None) -> list[str]:
    """The kinds of finding of a schedule's training days against its regime's figures."""
    if days is None:
        return []
    by_kind: Counter[str] = Counter()
    for start, end, weekdays, kind in phases:
        by_kind[kind] += training_days(start, end, weekdays)
    total = sum(by_kind.values())
    in_class = sum(count for kind, count in by_kind.items() if kind in IN_CLASS)
    kinds = []
    if total not in days.total:
        kinds.append("schedule.days-total")
    if in_class not in days.in_class:
        kinds.append("schedule.days-in-class")
    if total - in_class not in days.out_of_class:
        kinds.append("schedule.days-out-of-class")
    kinds += ["schedule.kind-days" for kind, ok in days.kinds.items() if by_kind[kind] not in ok]
    return kinds


def check_json(body: bytes) -> Counter[str]:
    """The count of findings per kind of a file's bytes (a ``msgspec`` error if irregular)."""
    return Counter(kind for kind, _ in check(DECODER.decode(body)))


def main(argv: Sequence[str] | None = None) -> int:
    """Check a JSON cohort file; write its findings as JSON; 1 if any, 2 if it cannot be read."""
    parser = argparse.ArgumentParser(description="The msgspec peer: check a cohort file.")
    parser.add_argument("file", help="a JSON cohort file (pelatihan/cohorts@1)")
    parser.add_argument("-o", "--output", help="write the findings here (default: stdout)")
    args = parser.parse_args(argv)
    with open(args.file, "rb") as stream:
        body = stream.read()
    try:
        document = DECODER.decode(body)
    except msgspec.DecodeError as error:  # ValidationError is one: the peer takes regular files
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    findings = check(document)
    ending.keep(document, findings)
    report = {
        "counts_by_code": dict(sorted(Counter(kind for kind, _ in findings).items())),
        "findings": [{"code": kind, "path": where} for kind, where in findings],
    }
    text = msgspec.json.encode(report)
    if args.output is None:
        sys.stdout.buffer.write(text + b"\n")
    else:
        with open(args.output, "wb") as stream:
            stream.write(text + b"\n")
    return 1 if findings else 0


if __name__ == "__main__":
    ending.run(main)
