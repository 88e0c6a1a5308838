"""The baseline: pelatihan's cohort checks written the way a developer would with pydantic v2.

Nothing here comes from ``pelatihan``. The planned end of a cohort is computed
with the ``holidays`` package directly (Monday to Friday, less national holidays
and *cuti bersama*); the figures (cohort size 40, 51 classroom days under
PerLAN 12/2018, 74 blended days under PerLAN 1/2021, a probation year of 12
months, a warning margin of 30 days, a minimum age of 18) are written here as
constants, as such a developer would copy them from the regulations.

Each participant is one pydantic model, validated on its own so that one bad
record never hides the others: field validators check the NIP's structure, parse
the grade with a regular expression, and check the grade's track against the
cohort's (passed as validation context). Each :class:`pydantic.ValidationError`
is caught and its errors counted by type. Checks across fields and records
(birth date, sex and TMT against the NIP, duplicate NIPs, cohort size, the
probation deadline) run in plain Python on the validated values; when a record
fails, on the fields that did not.

:func:`check` returns a count of findings per kind, named as pelatihan names
its rules; :data:`COMPARABLE` lists the kinds both check the same way, whose
counts must be equal (the benchmark fails otherwise).

    python benchmarks/baseline_pydantic.py FILE.json
"""

from __future__ import annotations

import calendar
import datetime
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal, NamedTuple

import holidays
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

__all__ = ["COMPARABLE", "check", "main"]

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

# (first day a cohort may start under it, days of each method; None: not established)
REGIMES: tuple[tuple[datetime.date, dict[str, int | None]], ...] = (
    (datetime.date(2018, 12, 31), {"klasikal": 51}),  # PerLAN 12/2018: classroom only
    (datetime.date(2021, 1, 8), {"klasikal": None, "blended": 74, "distance": None}),
    (datetime.date(2021, 12, 31), {"klasikal": None, "blended": 74, "distance": None}),
)

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


class Participant(_SexField):
    """A participant record, every field checked; the cohort's track comes as context."""

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
    def _check_grade(cls, value: object, info: ValidationInfo) -> tuple[int, str]:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PydanticCustomError("missing", "grade is required")
        context = info.context or {}
        return track_of(parse_grade(value), context.get("track"))


class ParticipantRest(_SexField):
    """The fields of a record that failed, read again without the ones that failed."""

    birth_date: datetime.date | None = None
    tmt_cpns: datetime.date | None = None


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


def _regime_days(start: datetime.date) -> dict[str, int | None] | None:
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


def _failed(error: ValidationError, counts: Counter[str]) -> set[str]:
    fields: set[str] = set()
    for item in error.errors(include_url=False, include_context=False, include_input=False):
        counts[_kind(item["type"])] += 1
        if item["loc"]:
            fields.add(str(item["loc"][0]))
    return fields


def _without(record: Mapping[str, Any], fields: set[str]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in fields}


class _Checker:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.seen: set[str] = set()
        self.ends: dict[tuple[datetime.date, int], datetime.date] = {}  # memo for this run only

    def document(self, data: object) -> None:
        if not isinstance(data, dict):
            self.counts["input.type"] += 1
            return
        if data.get("format") != "pelatihan/cohorts@1":
            self.counts["input.format"] += 1
        cohorts = data.get("cohorts")
        if not isinstance(cohorts, list):
            self.counts["input.missing" if cohorts is None else "input.type"] += 1
            return
        for record in cohorts:
            if isinstance(record, dict):
                self.cohort(record)
            else:
                self.counts["input.type"] += 1

    def cohort(self, record: dict[str, Any]) -> None:
        counts = self.counts
        fields: _CohortFields
        try:
            cohort = Cohort.model_validate(record)
            fields, people = cohort, cohort.participants
        except ValidationError as error:
            failed = _failed(error, counts)
            try:
                fields = CohortRest.model_validate(_without(record, failed))
            except ValidationError:  # cannot happen: the failing fields were left out
                fields = CohortRest()
            raw = record.get("participants")
            people = raw if isinstance(raw, list) else []
        organizer = fields.organizer
        if organizer is None or organizer.accredited is not True:
            counts["organizer.accreditation"] += 1
        last_day, has_rules = self.schedule(fields)
        if not people:
            counts["cohort.empty"] += 1
        elif has_rules and len(people) > COHORT_SIZE_MAX:
            counts["cohort.size"] += 1
        context = {"track": fields.track}
        for person in people:
            if isinstance(person, dict):
                self.participant(person, context, last_day)
            else:
                counts["input.type"] += 1

    def schedule(self, fields: _CohortFields) -> tuple[datetime.date | None, bool]:
        """The cohort's last day, if known, and whether a regime's rules apply to it."""
        if fields.phases:
            first = min(phase.start for phase in fields.phases)
            return max(phase.end for phase in fields.phases), _regime_days(first) is not None
        if fields.start is None:
            return None, fields.regime is not None
        regime = _regime_days(fields.start)
        if regime is None:
            return None, False
        days = regime.get(fields.method) if fields.method is not None else None
        if not days:
            return None, True
        key = (fields.start, days)
        end = self.ends.get(key)
        if end is None:
            end = self.ends[key] = planned_end(fields.start, days)
        return end, True

    def participant(
        self, record: dict[str, Any], context: dict[str, Any], last_day: datetime.date | None
    ) -> None:
        counts = self.counts
        try:
            person = Participant.model_validate(record, context=context)
            nip: Nip | None = person.nip
            key = person.nip.digits
            born, sex, tmt = person.birth_date, person.sex, person.tmt_cpns
        except ValidationError as error:
            failed = _failed(error, counts)
            raw = record.get("nip")
            text = str(raw).strip() if isinstance(raw, (str, int)) else ""
            nip = parse_nip(raw) if text and "nip" not in failed else None
            key = nip.digits if nip is not None else "".join(text.split())
            try:
                rest = ParticipantRest.model_validate(_without(record, failed))
            except ValidationError:  # cannot happen: the failing fields were left out
                rest = ParticipantRest()
            born, sex, tmt = rest.birth_date, rest.sex, rest.tmt_cpns
        if key:
            if key in self.seen:
                counts["participant.duplicate-nip"] += 1
            else:
                self.seen.add(key)
        if nip is not None:
            if born is not None and born != nip.birth_date:
                counts["participant.birth-date"] += 1
            if sex is not None and sex != nip.sex:
                counts["participant.sex"] += 1
            if tmt is not None and (tmt.year, tmt.month) != (nip.tmt.year, nip.tmt.month):
                counts["participant.tmt"] += 1
        if last_day is None:
            return
        start_of_probation = tmt if tmt is not None else nip.tmt if nip is not None else None
        if start_of_probation is None:
            return
        deadline = _deadline(start_of_probation)
        if last_day > deadline:
            counts["participant.probation"] += 1
        elif (deadline - last_day).days < PROBATION_MARGIN_DAYS:
            counts["participant.probation-near"] += 1


def check(data: object) -> Counter[str]:
    """Check a parsed cohort document; return the count of findings per kind."""
    checker = _Checker()
    checker.document(data)
    return checker.counts


def comparable(counts: Mapping[str, int], kinds: Iterable[str] = COMPARABLE) -> dict[str, int]:
    """The counts of the comparable kinds, zeros included."""
    return {kind: counts.get(kind, 0) for kind in kinds}


def main(argv: Sequence[str] | None = None) -> int:
    """Check a JSON cohort file and print the counts per kind as JSON."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python benchmarks/baseline_pydantic.py FILE.json", file=sys.stderr)
        return 2
    with open(args[0], "rb") as stream:
        data = json.load(stream)
    print(json.dumps(dict(sorted(check(data).items())), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
