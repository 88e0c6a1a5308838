"""The baseline: pelatihan's cohort checks written the way a developer would with pydantic v2.

Nothing here comes from ``pelatihan``. The planned end of a cohort, and the
training days of the phases a file gives, are computed with the ``holidays``
package directly (Monday to Friday, or the phase's own weekdays, less national
holidays and *cuti bersama*); the figures (cohort size 40, the days of each
regime's phases, a probation year of 12 months, a warning margin of 30 days, a
minimum age of 18) are written here as constants, as such a developer would
copy them from the regulations.

The file is read with pydantic's own JSON reader: ``Document.model_validate_json``
on its bytes, every cohort and participant a model. A record that fails its
model is kept as the plain mapping it was (a union falling back to ``dict``),
so that one bad record never hides the others, and is validated again on its own
to collect its errors: field validators check the NIP's structure and parse the
grade with a regular expression. Checks across fields and records (birth date,
sex and TMT against the NIP, the grade's track against the cohort's, duplicate
NIPs, cohort size, the days of the phases, the probation deadline) run in plain
Python on the validated values; when a record fails, on the fields that did not.

:func:`check_json` (the bytes of a file) and :func:`check` (a parsed document)
return a count of findings per kind, named as pelatihan names its rules;
:data:`COMPARABLE` lists the kinds both check the same way, whose counts must be
equal (the benchmark fails otherwise). From the command line, the findings
(kind and JSON path) are written as JSON, as a user's script would report them::

    python benchmarks/baseline_pydantic.py FILE.json -o REPORT.json
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal, NamedTuple

import ending
import holidays
import pydantic_core
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

__all__ = ["COMPARABLE", "check", "check_json", "main"]

COMPARABLE: tuple[str, ...] = (
    "nip.format",
    "nip.length",
    "nip.birth-date",
    "nip.tmt",
    "nip.pppk",
    "nip.age",
    "nip.sex",
    "nip.serial",
    "grade.format",
    "grade.inconsistent",
    "track.none",
    "participant.track",
    "participant.birth-date",
    "participant.sex",
    "participant.tmt",
    "participant.duplicate-nip",
    "participant.probation",
    "participant.probation-near",
    "cohort.size",
    "cohort.empty",
    "organizer.accreditation",
    "schedule.days-total",
    "schedule.days-in-class",
    "schedule.days-out-of-class",
    "schedule.kind-days",
)
"""The kinds of finding the baseline and pelatihan both check, by pelatihan's rule codes.

Structural problems (a value of the wrong type, a missing field, a date that is
not a date) are counted too, under ``input.*``, but not compared: pydantic's
notion of a valid date or text is not pelatihan's.
"""

COHORT_SIZE_MAX = 40
MINIMUM_AGE = 18
PROBATION_MONTHS = 12
PPPK_SINCE = 2019  # the first year an NI PPPK carries (after PP 49/2018)
PROBATION_MARGIN_DAYS = 30


class Days(NamedTuple):
    """The training days of one method under one regime: each figure, with its alternatives."""

    total: frozenset[int]
    in_class: frozenset[int]
    out_of_class: frozenset[int]
    kinds: dict[str, frozenset[int]]
    plan: int  # the total a cohort giving only its first day is planned with


def _days(total: set[int], in_class: int, out: set[int], kinds: dict[str, set[int]]) -> Days:
    return Days(
        frozenset(total),
        frozenset({in_class}),
        frozenset(out),
        {kind: frozenset(days) for kind, days in kinds.items()},
        min(total),
    )


_BLENDED_2021 = _days({74}, 6, {68}, {"mooc": {16}, "elearning": {22}, "habituasi": {30},
                                      "klasikal": {6}})  # fmt: skip
_BLENDED_2025 = _days({62, 67}, 3, {59, 64}, {"mooc": {9, 14}, "elearning": {20},
                                              "habituasi": {30}, "klasikal": {3}})  # fmt: skip

# (first day a cohort may start under it, days of each method; None: not established)
REGIMES: tuple[tuple[datetime.date, dict[str, Days | None]], ...] = (
    # PerLAN 12/2018: classroom only, 21 days in class and 30 at the workplace
    (datetime.date(2018, 12, 31),
     {"klasikal": _days({51}, 21, {30}, {"klasikal": {21}, "habituasi": {30}})}),
    # PerLAN 1/2021: blended 16 + 22 + 30 + 6
    (datetime.date(2021, 1, 8), {"klasikal": None, "blended": _BLENDED_2021, "distance": None}),
    (datetime.date(2021, 12, 31), {"klasikal": None, "blended": _BLENDED_2021, "distance": None}),
    # the 2024 LAN decrees, from 2025: MOOC 9 (or 14) + 20 + 30 + 3
    (datetime.date(2025, 1, 1), {"klasikal": None, "blended": _BLENDED_2025, "distance": None}),
)  # fmt: skip
IN_CLASS = frozenset({"klasikal"})
WORKWEEK = (0, 1, 2, 3, 4)

# -- the NIP ---------------------------------------------------------------------------------

_SEPARATORS = r"\s.\-\u2010-\u2015\u2212"
_NOT_NIP = re.compile(f"[^0-9{_SEPARATORS}]")
_SEPARATOR_RUN = re.compile(f"[{_SEPARATORS}]+")


class Nip(NamedTuple):
    """A NIP taken apart."""

    digits: str
    birth_date: datetime.date
    tmt: datetime.date  # the first day of the TMT month
    sex: str  # "L" or "P"


def _nip_error(code: str, message: str, value: object) -> PydanticCustomError:
    return PydanticCustomError(code, message, {"value": str(value)})


def parse_nip(value: object) -> Nip:
    """Check a NIP's structure: 18 digits, birth date, TMT, age at TMT, sex digit, serial."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)
    if not isinstance(value, str):
        raise _nip_error("nip.format", "a NIP is text or a whole number", value)
    text = value.strip()
    if _NOT_NIP.search(text):
        raise _nip_error("nip.format", "NIP {value} has characters other than digits", text)
    digits = _SEPARATOR_RUN.sub("", text)
    if len(digits) != 18:
        raise _nip_error("nip.length", "NIP {value} does not have 18 digits", text)
    try:
        born = datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _nip_error("nip.birth-date", "birth date {value} is not a date", digits[:8]) from None
    if born.year < 1900:
        raise _nip_error("nip.birth-date", "birth date {value} is before 1900", digits[:8])
    year, month = int(digits[8:12]), int(digits[12:14])
    if month >= 13 and year >= PPPK_SINCE and year - born.year >= MINIMUM_AGE:
        raise _nip_error("nip.pppk", "{value} looks like an NI PPPK number", digits[8:14])
    if not 1 <= month <= 12 or year < 1900:
        raise _nip_error("nip.tmt", "TMT {value} is not a year and month", digits[8:14])
    tmt = datetime.date(year, month, 1)
    age = tmt.year - born.year - ((tmt.month, tmt.day) < (born.month, born.day))
    if (year, month) < (born.year, born.month) or age < MINIMUM_AGE:
        raise _nip_error("nip.age", "TMT {value} makes the holder too young", digits[8:14])
    if digits[14] not in "12":
        raise _nip_error("nip.sex", "sex digit {value} is not 1 or 2", digits[14])
    if digits[15:] == "000":
        raise _nip_error("nip.serial", "serial number {value} is 000", digits[15:])
    return Nip(digits, born, tmt, "L" if digits[14] == "1" else "P")


# -- the grade -------------------------------------------------------------------------------

_RANKS = (
    "juru muda", "juru muda tingkat i", "juru", "juru tingkat i",
    "pengatur muda", "pengatur muda tingkat i", "pengatur", "pengatur tingkat i",
    "penata muda", "penata muda tingkat i", "penata", "penata tingkat i",
    "pembina", "pembina tingkat i", "pembina utama muda", "pembina utama madya", "pembina utama",
)  # fmt: skip
_RANK_GRADE: dict[str, tuple[int, str]] = {
    rank: (index // 4 + 1, "abcd"[index % 4] if index < 16 else "e")
    for index, rank in enumerate(_RANKS)
}
_GOLONGAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_CODE = r"(?:gol(?:ongan)?\.? ?)?(?P<gol>iv|iii|ii|i|[1-4])(?: ?[/.\-] ?| )?(?P<ruang>[a-z])"
_GRADE_CODE = re.compile(_CODE)
_RANK = r"(?P<rank>[a-z][a-z .]*?)"
_NAME_WITH_CODE = (
    re.compile(rf"{_RANK} ?\( ?{_CODE} ?\)"),
    re.compile(rf"{_RANK} ?[,;:/|\-] ?{_CODE}"),
    re.compile(rf"{_CODE} ?[,;:/|\-] ?{_RANK}"),
)
_TINGKAT = re.compile(r" (?:tingkat|tkt\.?|tk\.?) ?(?:i|1)$")


def _rank(text: str) -> tuple[int, str] | None:
    return _RANK_GRADE.get(_TINGKAT.sub(" tingkat i", text.strip()))


def _code(golongan: str, ruang: str, text: str) -> tuple[int, str]:
    number = _GOLONGAN[golongan]
    if ruang not in ("abcde" if number == 4 else "abcd"):
        raise PydanticCustomError("grade.format", "grade {value} does not exist", {"value": text})
    return number, ruang


def parse_grade(value: object) -> tuple[int, str]:
    """Read a grade (``III/a``, ``3a``, ``Penata Muda``, ``Penata Muda (III/a)``)."""
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("grade.format", "grade {value} is not text", {"value": value})
    text = " ".join(value.split()).lower()
    match = _GRADE_CODE.fullmatch(text)
    if match:
        return _code(match["gol"], match["ruang"], value)
    by_rank = _rank(text)
    if by_rank:
        return by_rank
    for pattern in _NAME_WITH_CODE:
        match = pattern.fullmatch(text)
        if match:
            named = _rank(match["rank"])
            if named is None:
                break
            coded = _code(match["gol"], match["ruang"], value)
            if named != coded:
                raise PydanticCustomError(
                    "grade.inconsistent", "rank and grade disagree in {value}", {"value": value}
                )
            return coded
    raise PydanticCustomError("grade.format", "grade {value} not recognised", {"value": value})


def track_of(grade: tuple[int, str], cohort_track: str | None) -> tuple[int, str]:
    """Check that a grade has a track (not golongan IV), and that it is the cohort's."""
    if grade[0] == 4:
        raise PydanticCustomError("track.none", "golongan IV has no Latsar track")
    track = "III" if grade[0] == 3 else "II"
    if cohort_track is not None and cohort_track != track:
        raise PydanticCustomError(
            "participant.track",
            "grade of track {track}, cohort of track {wanted}",
            {"track": track, "wanted": cohort_track},
        )
    return grade


# -- other fields ----------------------------------------------------------------------------

_SEX = {
    "l": "L", "m": "L", "1": "L", "laki-laki": "L", "laki laki": "L", "pria": "L", "male": "L",
    "p": "P", "f": "P", "2": "P", "perempuan": "P", "wanita": "P", "female": "P",
}  # fmt: skip
_TRACK = {"ii": "II", "2": "II", "iii": "III", "3": "III"}
_METHOD = {
    "klasikal": "klasikal", "classroom": "klasikal", "blended": "blended",
    "blended learning": "blended", "distance": "distance", "pjj": "distance",
}  # fmt: skip
_REGIME_IDS = frozenset({"perlan-12-2018", "perlan-1-2021", "perlan-1-2021+10-2021"})


def _text(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("missing", "a value is required")
    return value


Text = Annotated[str, BeforeValidator(_text)]
Required = Annotated[str, AfterValidator(_not_blank), BeforeValidator(_text)]


# -- the models ------------------------------------------------------------------------------

_CONFIG = ConfigDict(str_strip_whitespace=True, extra="ignore")


class _SexField(BaseModel):
    model_config = _CONFIG

    sex: Literal["L", "P"] | None = None

    @field_validator("sex", mode="before")
    @classmethod
    def _read_sex(cls, value: object) -> object:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return _SEX.get(str(value).strip().lower(), value)
        return value


def _grade(value: object) -> tuple[int, str]:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("missing", "grade is required")
    return track_of(parse_grade(value), None)


class Participant(_SexField):
    """A participant record, every field checked (its track against the cohort's is not)."""

    nip: Nip
    name: Required
    grade: tuple[int, str]
    agency: Required
    birth_date: datetime.date | None = None
    tmt_cpns: datetime.date | None = None
    education: Text | None = None
    position: Text | None = None

    @field_validator("nip", mode="plain")
    @classmethod
    def _check_nip(cls, value: object) -> Nip:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PydanticCustomError("missing", "nip is required")
        return parse_nip(value)

    @field_validator("grade", mode="plain")
    @classmethod
    def _check_grade(cls, value: object) -> tuple[int, str]:
        return _grade(value)


class ParticipantRest(_SexField):
    """The fields of a record that failed, read again without the ones that failed."""

    birth_date: datetime.date | None = None
    tmt_cpns: datetime.date | None = None
    grade: tuple[int, str] | None = None

    @field_validator("grade", mode="plain")
    @classmethod
    def _check_grade(cls, value: object) -> tuple[int, str]:
        return _grade(value)


class Organizer(BaseModel):
    """The organiser of a cohort (a missing name does not make its accreditation unknown)."""

    model_config = _CONFIG

    name: Text = ""
    accredited: bool | None = None


class Phase(BaseModel):
    """A phase of a cohort's schedule, when the file gives them."""

    model_config = _CONFIG

    kind: str
    start: datetime.date
    end: datetime.date
    weekdays: list[int] | None = None


class _CohortFields(BaseModel):
    model_config = _CONFIG

    track: Literal["II", "III"] | None = None
    method: Literal["klasikal", "blended", "distance"] | None = None
    regime: str | None = None
    start: datetime.date | None = None
    organizer: Organizer | None = None
    phases: list[Phase] | None = None

    @field_validator("track", mode="before")
    @classmethod
    def _read_track(cls, value: object) -> object:
        if isinstance(value, str):
            key = re.sub(r"^(?:golongan|gol\.?) ?", "", " ".join(value.split()).lower())
            return _TRACK.get(key, value)
        return value

    @field_validator("method", mode="before")
    @classmethod
    def _read_method(cls, value: object) -> object:
        if isinstance(value, str):
            return _METHOD.get(" ".join(value.split()).lower(), value)
        return value

    @field_validator("regime")
    @classmethod
    def _check_regime(cls, value: str | None) -> str | None:
        if value is not None and value not in _REGIME_IDS:
            raise PydanticCustomError("input.value", "unknown regime {value}", {"value": value})
        return value


class Cohort(_CohortFields):
    """A cohort record; its participants are validated one by one."""

    id: Required
    name: Required
    track: Literal["II", "III"]  # required here
    method: Literal["klasikal", "blended", "distance"]
    participants: list[Any]


class CohortRest(_CohortFields):
    """The fields of a cohort record that failed, read again without the ones that failed."""


Loose = dict[str, Any]
"""A record that failed its model, kept as it was read, to be checked again on its own."""


class ValidCohort(Cohort):
    """A cohort whose own fields are valid; each participant is a model, or a mapping if not."""

    participants: list[Annotated[Participant | Loose, Field(union_mode="left_to_right")]]


class Document(BaseModel):
    """A whole file, read by pydantic's JSON reader: each cohort a model, or a mapping if not."""

    model_config = ConfigDict(extra="ignore")

    format: Any = None
    cohorts: list[Annotated[ValidCohort | Loose, Field(union_mode="left_to_right")]]


# -- the calendar ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _closed(year: int) -> frozenset[datetime.date]:
    days = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    return frozenset(day for day in days if day.year == year)


def planned_end(start: datetime.date, days: int) -> datetime.date:
    """The ``days``-th working day from ``start`` (Monday to Friday, not a holiday)."""
    day = start
    one = datetime.timedelta(days=1)
    while True:
        if day.weekday() < 5 and day not in _closed(day.year):
            days -= 1
            if days == 0:
                return day
        day += one


def training_days(start: datetime.date, end: datetime.date, weekdays: Iterable[int]) -> int:
    """The days from ``start`` to ``end`` that fall on ``weekdays`` and are not closed."""
    days = frozenset(weekdays)
    count = 0
    day = start
    one = datetime.timedelta(days=1)
    while day <= end:
        if day.weekday() in days and day not in _closed(day.year):
            count += 1
        day += one
    return count


def _regime_days(start: datetime.date) -> dict[str, Days | None] | None:
    found = None
    for first, days in REGIMES:
        if first <= start:
            found = days
    return found


def _deadline(tmt: datetime.date) -> datetime.date:
    month = tmt.month - 1 + PROBATION_MONTHS
    year, month = tmt.year + month // 12, month % 12 + 1
    day = min(tmt.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


# -- checking --------------------------------------------------------------------------------

_INPUT = {
    "missing": "input.missing",
    "date_from_datetime_parsing": "input.date",
    "date_parsing": "input.date",
    "date_type": "input.date",
    "date_from_datetime_inexact": "input.date",
    "literal_error": "input.value",
}


def _kind(error_type: str) -> str:
    if "." in error_type:
        return error_type
    return _INPUT.get(error_type, "input.type")


def _failed(error: ValidationError, note: Any, where: str) -> set[str]:
    fields: set[str] = set()
    for item in error.errors(include_url=False, include_context=False, include_input=False):
        field = str(item["loc"][0]) if item["loc"] else ""
        note(_kind(item["type"]), f"{where}.{field}" if field else where)
        if field:
            fields.add(field)
    return fields


def _without(record: Mapping[str, Any], fields: set[str]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in fields}


class _Checker:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.findings: list[tuple[str, str]] = []
        self.seen: set[str] = set()
        # memos for this run only
        self.ends: dict[tuple[datetime.date, int], datetime.date] = {}
        self.phase_days: dict[tuple[datetime.date, datetime.date, tuple[int, ...]], int] = {}
        self.deadlines: dict[datetime.date, datetime.date] = {}
        self.read: list[object] = []  # what was read, for the caller to hold or let go

    def note(self, kind: str, where: str) -> None:
        self.counts[kind] += 1
        self.findings.append((kind, where))

    def json(self, body: bytes) -> None:
        """Read and check a file's bytes with pydantic's JSON reader."""
        try:
            document = Document.model_validate_json(body)
        except ValidationError:  # not a document of cohorts: read it plainly, report why
            try:
                data = pydantic_core.from_json(body)
            except ValueError:
                self.note("input.json", "$")
                return
            self.document(data)
            return
        self.validated(document)

    def document(self, data: object) -> None:
        """Check a parsed document (a mapping of cohorts)."""
        if not isinstance(data, dict):
            self.note("input.type", "$")
            return
        self.read.append(data)
        try:
            document = Document.model_validate(data)
        except ValidationError:  # a cohort that is not a mapping, or no list of cohorts
            if data.get("format") != "pelatihan/cohorts@1":
                self.note("input.format", "$.format")
            cohorts = data.get("cohorts")
            if not isinstance(cohorts, list):
                self.note("input.missing" if cohorts is None else "input.type", "$.cohorts")
                return
            for index, record in enumerate(cohorts):
                where = f"$.cohorts[{index}]"
                if isinstance(record, dict):
                    self.loose_cohort(record, where)
                else:
                    self.note("input.type", where)
            return
        self.validated(document)

    def validated(self, document: Document) -> None:
        self.read.append(document)
        if document.format != "pelatihan/cohorts@1":
            self.note("input.format", "$.format")
        for index, record in enumerate(document.cohorts):
            where = f"$.cohorts[{index}]"
            if isinstance(record, ValidCohort):
                self.cohort(record, record.participants, where)
            elif isinstance(record, dict):
                self.loose_cohort(record, where)
            else:
                self.note("input.type", where)

    def loose_cohort(self, record: dict[str, Any], where: str) -> None:
        fields: _CohortFields
        try:
            cohort = Cohort.model_validate(record)
            fields, people = cohort, cohort.participants
        except ValidationError as error:
            failed = _failed(error, self.note, where)
            try:
                fields = CohortRest.model_validate(_without(record, failed))
            except ValidationError:  # cannot happen: the failing fields were left out
                fields = CohortRest()
            raw = record.get("participants")
            people = raw if isinstance(raw, list) else []
        self.cohort(fields, people, where)

    def cohort(self, fields: _CohortFields, people: Sequence[Any], where: str) -> None:
        organizer = fields.organizer
        if organizer is None or organizer.accredited is not True:
            self.note("organizer.accreditation", f"{where}.organizer")
        last_day, has_rules = self.schedule(fields, where)
        if not people:
            self.note("cohort.empty", f"{where}.participants")
        elif has_rules and len(people) > COHORT_SIZE_MAX:
            self.note("cohort.size", f"{where}.participants")
        track = fields.track
        for index, person in enumerate(people):
            here = f"{where}.participants[{index}]"
            if isinstance(person, Participant):
                self.valid_participant(person, here, track, last_day)
            elif isinstance(person, dict):
                self.loose_participant(person, here, track, last_day)
            else:
                self.note("input.type", here)

    def schedule(self, fields: _CohortFields, where: str) -> tuple[datetime.date | None, bool]:
        """The cohort's last day, if known, and whether a regime's rules apply to it."""
        if fields.phases:
            first = min(phase.start for phase in fields.phases)
            regime = _regime_days(first)
            if regime is not None and fields.method is not None:
                days = regime.get(fields.method)
                if days is not None:
                    self.check_phases(fields.phases, days, f"{where}.phases")
            return max(phase.end for phase in fields.phases), regime is not None
        if fields.start is None:
            return None, fields.regime is not None
        regime = _regime_days(fields.start)
        if regime is None:
            return None, False
        days = regime.get(fields.method) if fields.method is not None else None
        if not days:
            return None, True
        key = (fields.start, days.plan)
        end = self.ends.get(key)
        if end is None:
            end = self.ends[key] = planned_end(fields.start, days.plan)
        return end, True

    def check_phases(self, phases: Sequence[Phase], days: Days, where: str) -> None:
        """The training days of the phases against the regime's: totals and days per kind."""
        by_kind: Counter[str] = Counter()
        for phase in phases:
            weekdays = tuple(phase.weekdays) if phase.weekdays is not None else WORKWEEK
            key = (phase.start, phase.end, weekdays)
            count = self.phase_days.get(key)
            if count is None:
                count = self.phase_days[key] = training_days(phase.start, phase.end, weekdays)
            by_kind[phase.kind] += count
        total = sum(by_kind.values())
        in_class = sum(count for kind, count in by_kind.items() if kind in IN_CLASS)
        if total not in days.total:
            self.note("schedule.days-total", where)
        if in_class not in days.in_class:
            self.note("schedule.days-in-class", where)
        if total - in_class not in days.out_of_class:
            self.note("schedule.days-out-of-class", where)
        for kind, allowed in days.kinds.items():
            if by_kind[kind] not in allowed:
                self.note("schedule.kind-days", where)

    def loose_participant(
        self, record: dict[str, Any], where: str, track: str | None, last_day: datetime.date | None
    ) -> None:
        try:
            person = Participant.model_validate(record)
        except ValidationError as error:
            failed = _failed(error, self.note, where)
            raw = record.get("nip")
            text = str(raw).strip() if isinstance(raw, (str, int)) else ""
            nip = parse_nip(raw) if text and "nip" not in failed else None
            key = nip.digits if nip is not None else "".join(text.split())
            try:
                rest = ParticipantRest.model_validate(_without(record, failed))
            except ValidationError:  # cannot happen: the failing fields were left out
                rest = ParticipantRest()
            self.participant(
                where,
                nip,
                key,
                grade=rest.grade,
                born=rest.birth_date,
                sex=rest.sex,
                tmt=rest.tmt_cpns,
                track=track,
                last_day=last_day,
            )
            return
        self.valid_participant(person, where, track, last_day)

    def valid_participant(
        self, person: Participant, where: str, track: str | None, last_day: datetime.date | None
    ) -> None:
        self.participant(
            where,
            person.nip,
            person.nip.digits,
            grade=person.grade,
            born=person.birth_date,
            sex=person.sex,
            tmt=person.tmt_cpns,
            track=track,
            last_day=last_day,
        )

    def participant(
        self,
        where: str,
        nip: Nip | None,
        key: str,
        *,
        grade: tuple[int, str] | None,
        born: datetime.date | None,
        sex: str | None,
        tmt: datetime.date | None,
        track: str | None,
        last_day: datetime.date | None,
    ) -> None:
        if key:
            if key in self.seen:
                self.note("participant.duplicate-nip", f"{where}.nip")
            else:
                self.seen.add(key)
        if grade is not None and track is not None and track != ("III" if grade[0] == 3 else "II"):
            self.note("participant.track", f"{where}.grade")
        if nip is not None:
            if born is not None and born != nip.birth_date:
                self.note("participant.birth-date", f"{where}.birth_date")
            if sex is not None and sex != nip.sex:
                self.note("participant.sex", f"{where}.sex")
            if tmt is not None and (tmt.year, tmt.month) != (nip.tmt.year, nip.tmt.month):
                self.note("participant.tmt", f"{where}.tmt_cpns")
        if last_day is None:
            return
        start_of_probation = tmt if tmt is not None else nip.tmt if nip is not None else None
        if start_of_probation is None:
            return
        deadline = self.deadlines.get(start_of_probation)
        if deadline is None:
            deadline = self.deadlines[start_of_probation] = _deadline(start_of_probation)
        if last_day > deadline:
            self.note("participant.probation", where)
        elif (deadline - last_day).days < PROBATION_MARGIN_DAYS:
            self.note("participant.probation-near", where)


def check(data: object) -> Counter[str]:
    """Check a parsed cohort document; return the count of findings per kind."""
    checker = _Checker()
    checker.document(data)
    return checker.counts


def check_json(body: bytes) -> Counter[str]:
    """Check the bytes of a cohort file, read by pydantic; return the count per kind."""
    checker = _Checker()
    checker.json(body)
    return checker.counts


def comparable(counts: Mapping[str, int], kinds: Iterable[str] = COMPARABLE) -> dict[str, int]:
    """The counts of the comparable kinds, zeros included."""
    return {kind: counts.get(kind, 0) for kind in kinds}


def main(argv: Sequence[str] | None = None) -> int:
    """Check a JSON cohort file; write its findings as JSON; 1 if there are any."""
    parser = argparse.ArgumentParser(description="The pydantic baseline: check a cohort file.")
    parser.add_argument("file", help="a JSON cohort file (pelatihan/cohorts@1)")
    parser.add_argument("-o", "--output", help="write the findings here (default: stdout)")
    args = parser.parse_args(argv)
    with open(args.file, "rb") as stream:
        body = stream.read()
    checker = _Checker()
    checker.json(body)
    ending.keep(checker)
    report = {
        "counts_by_code": dict(sorted(checker.counts.items())),
        "findings": [{"code": kind, "path": where} for kind, where in checker.findings],
    }
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.output is None:
        print(text)
    else:
        with open(args.output, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
    return 1 if checker.findings else 0


if __name__ == "__main__":
    ending.run(main)
