"""Structuring: from a raw document to cohort models, every structural problem collected.

A problem with one field (a date that is not a date, a track that is not II or
III, a key nobody knows) becomes a finding with its place (the keys down to it), and the row
for tabular input; the rest of the record is still structured and checked, so
one bad cell never hides the others. Records that cannot be structured at all
(a participant that is not an object) are reported, never silently dropped:
every input record ends up either in :attr:`Loaded.cohorts` or in a finding.

This is done field by field here rather than with a general structuring
library, which would reject a whole record at its first bad field.

    >>> from pelatihan.io.document import RawDocument
    >>> from pelatihan.io.structure import structure
    >>> raw = {"format": "pelatihan/cohorts@1", "cohorts": [{
    ...     "id": "c1", "name": "Angkatan I", "track": "III", "method": "blended",
    ...     "start": "2024-04-22", "colour": "blue",
    ...     "participants": [{"nip": "19950417 201903 2 004", "name": "Dewi", "grade": "III/a",
    ...                       "agency": "Dinkes", "birth_date": "17-04-1995"}]}]}
    >>> loaded = structure(RawDocument(raw, "angkatan.json"))
    >>> for finding in loaded.findings:
    ...     print(finding.code, finding.location.path)
    input.unknown-key $.cohorts[0].colour
    input.date $.cohorts[0].participants[0].birth_date
    >>> loaded.cohorts[0].participants[0].birth_date is None
    True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import attrs

from pelatihan._memo import remember
from pelatihan.cohort import Cohort, Organizer, Participant
from pelatihan.errors import ValidationError, quote, shorten
from pelatihan.evaluation import Absences, InvalidScore, Result, to_score
from pelatihan.findings import Finding, Location, Rule, Severity, register
from pelatihan.grades import Track
from pelatihan.io.document import (
    ABSENCE_KEYS,
    COHORT_KEYS,
    FORMAT,
    PARTICIPANT_KEYS,
    PHASE_KEYS,
    RESULT_KEYS,
    Keys,
    RawDocument,
)
from pelatihan.legal import UnknownInstrumentError, get_regime
from pelatihan.nip import Sex
from pelatihan.nip import validate as validate_nip
from pelatihan.schedule import Phase
from pelatihan.training import Method, PhaseKind

__all__ = ["Loaded", "structure"]

T = TypeVar("T")

FORMAT_RULE = register(
    Rule(
        "input.format",
        Severity.ERROR,
        "Not the pelatihan cohort format",
        "Bukan format angkatan pelatihan",
        f'A JSON document is an object with "format": "{FORMAT}" and a list of "cohorts".',
    )
)
TYPE_RULE = register(
    Rule(
        "input.type",
        Severity.ERROR,
        "Value of the wrong type",
        "Nilai dengan tipe yang salah",
        "Each value has the type the format gives it (text, a list, an object, true/false).",
    )
)
MISSING_RULE = register(
    Rule(
        "input.missing",
        Severity.ERROR,
        "Required value missing",
        "Nilai wajib tidak ada",
        "Every required field is present and not empty.",
    )
)
UNKNOWN_KEY_RULE = register(
    Rule(
        "input.unknown-key",
        Severity.WARNING,
        "Unknown key",
        "Kunci tidak dikenal",
        "Every key is one the format defines; others are reported and ignored.",
    )
)
DATE_RULE = register(
    Rule(
        "input.date",
        Severity.ERROR,
        "Not a date",
        "Bukan tanggal",
        "Dates are real calendar dates written YYYY-MM-DD (ISO 8601).",
    )
)
VALUE_RULE = register(
    Rule(
        "input.value",
        Severity.ERROR,
        "Value not allowed",
        "Nilai tidak diperbolehkan",
        "Values with a fixed set of choices (sex, track, method, phase kind, regime) hold one "
        "of them.",
    )
)

SCORE_RULE = register(
    Rule(
        "results.score",
        Severity.ERROR,
        "Score not from 0 to 100",
        "Nilai tidak antara 0 dan 100",
        "Every score is a number from 0 to 100.",
    )
)

_MAX_COUNT = 10_000
"""The largest count of absences (sessions, JP or days) read: a Latsar has a few hundred JP."""

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _Bad(Exception):
    """A field that cannot be structured; carries its finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_en)
        self.finding = finding


@attrs.frozen
class Loaded:
    """Cohorts structured from a document, with the findings of reading and structuring.

    Args:
        cohorts: The cohorts that could be structured.
        document: The raw document they came from.
        findings: Findings of reading and structuring.
        cohort_index: For each structured cohort, its index in the input.
        participant_index: For each structured cohort, its participants' indexes
            in the input.
        result_index: For each structured cohort, its results' indexes in the input.
    """

    cohorts: tuple[Cohort, ...]
    document: RawDocument
    findings: tuple[Finding, ...] = ()
    cohort_index: tuple[int, ...] = ()
    participant_index: tuple[tuple[int, ...], ...] = ()
    result_index: tuple[tuple[int, ...], ...] = ()

    def cohort_location(self, position: int) -> Location:
        """The location of the cohort at ``position`` in :attr:`cohorts`."""
        return self.document.location(("cohorts", self.cohort_index[position]))

    def participant_location(self, position: int, participant: int) -> Location:
        """The location (with file row) of a participant of the cohort at ``position``."""
        index = self.participant_index[position][participant]
        return self.document.location(
            ("cohorts", self.cohort_index[position], "participants", index)
        )

    def result_location(self, position: int, result: int) -> Location:
        """The location (with file and row) of a result of the cohort at ``position``."""
        index = self.result_index[position][result]
        return self.document.location(("cohorts", self.cohort_index[position], "results", index))


class _Structurer:
    def __init__(self, document: RawDocument) -> None:
        self.document = document
        self.findings: list[Finding] = list(document.findings)

    # -- helpers -----------------------------------------------------------------

    def at(self, keys: Keys) -> Location:
        return self.document.location(keys)

    def report(self, finding: Finding) -> None:
        self.findings.append(finding)

    def type_error(self, keys: Keys, expected_en: str, expected_id: str, value: object) -> _Bad:
        got = type(value).__name__ if value is not None else "null"
        return _Bad(
            TYPE_RULE.finding(
                self.at(keys),
                f"expected {expected_en}, got {got} {quote(value)}",
                f"seharusnya {expected_id}, bukan {got} {quote(value)}",
                value=_plain(value),
            )
        )

    def unknown_keys(self, record: Mapping[str, Any], keys: Keys, known: frozenset[str]) -> None:
        for key in record:
            if key not in known:
                where = self.at((*keys, str(key)))
                allowed = ", ".join(sorted(known))
                self.report(
                    UNKNOWN_KEY_RULE.finding(
                        where,
                        f"unknown key {quote(key)} is ignored; known keys: {allowed}",
                        f"kunci {quote(key)} tidak dikenal dan diabaikan; kunci yang dikenal: "
                        f"{allowed}",
                        value=shorten(str(key)),
                    )
                )

    def field(
        self,
        record: Mapping[str, Any],
        keys: Keys,
        key: str,
        convert: Callable[[object, Keys], T],
        *,
        required: bool = False,
        default: T,
    ) -> T:
        here = (*keys, key)
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report(
                    MISSING_RULE.finding(
                        self.at(here),
                        f"{key} is required",
                        f"{key} wajib diisi",
                    )
                )
            return default
        try:
            return convert(value, here)
        except _Bad as bad:
            self.report(bad.finding)
            return default

    # -- converters -------------------------------------------------------------

    def text(self, value: object, keys: Keys) -> str:
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        raise self.type_error(keys, "text", "teks", value)

    def nip_text(self, value: object, keys: Keys) -> str:
        if isinstance(value, (float, Decimal)):
            try:
                # the NIP module explains what a spreadsheet float does to a NIP
                validate_nip(cast("str", float(value)))
            except ValidationError as error:
                raise _Bad(Finding.from_error(error, self.at(keys))) from None
        return self.text(value, keys)

    def date(self, value: object, keys: Keys) -> datetime.date:
        if isinstance(value, str):
            match = _ISO_DATE.fullmatch(value.strip())
            if match is not None:
                try:
                    return datetime.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    pass
            raise _Bad(
                DATE_RULE.finding(
                    self.at(keys),
                    f"{quote(value)} is not a date written YYYY-MM-DD",
                    f"{quote(value)} bukan tanggal dengan format YYYY-MM-DD",
                    value=shorten(value),
                )
            )
        raise self.type_error(keys, "a date written YYYY-MM-DD", "tanggal YYYY-MM-DD", value)

    def flag(self, value: object, keys: Keys) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _BOOLEAN_TEXT:
            return _BOOLEAN_TEXT[value.strip().lower()]
        raise self.type_error(keys, "true or false", "true atau false", value)

    def choice(self, parse: Callable[[Any], T]) -> Callable[[object, Keys], T]:
        def convert(value: object, keys: Keys) -> T:
            if not isinstance(value, str):
                raise self.type_error(keys, "text", "teks", value)
            try:
                return parse(value)
            except ValidationError as error:
                raise _Bad(
                    VALUE_RULE.finding(
                        self.at(keys), error.message_en, error.message_id, value=shorten(value)
                    )
                ) from None

        return convert

    def regime(self, value: object, keys: Keys) -> str:
        text = self.text(value, keys)
        try:
            return get_regime(text).id
        except UnknownInstrumentError as error:
            raise _Bad(
                VALUE_RULE.finding(
                    self.at(keys), error.message_en, error.message_id, value=shorten(text)
                )
            ) from None

    # -- records ----------------------------------------------------------------

    def document_cohorts(self) -> list[tuple[int, Any]]:
        data = self.document.data
        if not isinstance(data, dict):
            self.report(self.type_error((), "a JSON object", "objek JSON", data).finding)
            return []
        marker = data.get("format")
        if marker != FORMAT:
            self.report(
                FORMAT_RULE.finding(
                    self.at(("format",)),
                    f'"format" must be "{FORMAT}", got {quote(marker)}',
                    f'"format" harus "{FORMAT}", bukan {quote(marker)}',
                    value=_plain(marker),
                )
            )
        self.unknown_keys(data, (), frozenset({"format", "cohorts"}))
        cohorts = data.get("cohorts")
        if not isinstance(cohorts, list):
            if cohorts is None:
                self.report(
                    MISSING_RULE.finding(
                        self.at(("cohorts",)), "cohorts is required", "cohorts wajib diisi"
                    )
                )
            else:
                self.report(
                    self.type_error(("cohorts",), "a list", "daftar (list)", cohorts).finding
                )
            return []
        return list(enumerate(cohorts))

    def organizer(self, value: object, keys: Keys) -> Organizer:
        if not isinstance(value, dict):
            raise self.type_error(keys, "an object", "objek", value)
        self.unknown_keys(value, keys, frozenset({"name", "accredited"}))
        name = self.field(value, keys, "name", self.text, required=True, default="")
        accredited = self.field(value, keys, "accredited", self.flag, default=None)
        return Organizer(name, accredited)

    def phases(self, value: object, keys: Keys) -> tuple[Phase, ...]:
        if not isinstance(value, list):
            raise self.type_error(keys, "a list", "daftar (list)", value)
        phases: list[Phase] = []
        complete = True
        for index, item in enumerate(value):
            here = (*keys, index)
            if not isinstance(item, dict):
                self.report(self.type_error(here, "an object", "objek", item).finding)
                complete = False
                continue
            self.unknown_keys(item, here, _PHASE_KEYS)
            before = len(self.findings)
            kind = self.field(
                item, here, "kind", self.choice(PhaseKind.parse), required=True, default=None
            )
            start = self.field(item, here, "start", self.date, required=True, default=None)
            end = self.field(item, here, "end", self.date, required=True, default=None)
            weekdays = self.field(item, here, "weekdays", self.weekdays, default=None)
            label = self.field(item, here, "label", self.text, default="")
            if (
                kind is None
                or start is None
                or end is None
                or any(f.is_error for f in self.findings[before:])
            ):
                complete = False
                continue
            if weekdays is None:
                phases.append(Phase(kind, start, end, label=label))
            else:
                phases.append(Phase(kind, start, end, weekdays, label))
        # A schedule with a phase missing would be checked wrongly: check it only when whole.
        return tuple(phases) if complete else ()

    def weekdays(self, value: object, keys: Keys) -> frozenset[int]:
        if (
            isinstance(value, list)
            and value
            and all(
                isinstance(day, int) and not isinstance(day, bool) and 0 <= day <= 6
                for day in value
            )
        ):
            return frozenset(value)
        raise self.type_error(
            keys,
            "a non-empty list of weekday numbers 0 (Monday) to 6 (Sunday)",
            "daftar nomor hari 0 (Senin) sampai 6 (Minggu)",
            value,
        )

    def score(self, value: object, keys: Keys) -> Decimal:
        try:
            return to_score(value)
        except InvalidScore as error:
            raise _Bad(
                SCORE_RULE.finding(
                    self.at(keys), error.message_en, error.message_id, value=_plain(value)
                )
            ) from None

    def count(self, value: object, keys: Keys) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
            raise self.type_error(keys, "a number", "angka", value)
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not 0 <= number <= _MAX_COUNT:
            raise self.type_error(
                keys, f"a number from 0 to {_MAX_COUNT:,}", f"angka 0 sampai {_MAX_COUNT:,}", value
            )
        return number

    def absences(self, value: object, keys: Keys) -> Absences:
        if not isinstance(value, dict):
            raise self.type_error(keys, "an object", "objek", value)
        self.unknown_keys(value, keys, _ABSENCE_KEYS)
        sessions = self.field(value, keys, "sessions", self.count, default=Decimal(0))
        jp = self.field(value, keys, "jp", self.count, default=Decimal(0))
        days = self.field(value, keys, "days", self.count, default=Decimal(0))
        return Absences(int(sessions), jp, int(days))

    def result(self, record: Mapping[str, Any], keys: Keys) -> Result | None:
        self.unknown_keys(record, keys, _RESULT_KEYS)
        nip = self.field(record, keys, "nip", self.nip_text, required=True, default="")
        scores: dict[str, Decimal] = {}
        raw = record.get("scores")
        if isinstance(raw, dict):
            for key, value in raw.items():
                here = (*keys, "scores", str(key))
                try:
                    scores[str(key)] = self.score(value, here)
                except _Bad as bad:
                    self.report(bad.finding)
        elif raw is not None:
            self.report(self.type_error((*keys, "scores"), "an object", "objek", raw).finding)
        absences = self.field(record, keys, "absences", self.absences, default=Absences())
        remediated = self.field(record, keys, "remediated", self.flag, default=False)
        passed_on = self.field(record, keys, "passed_on", self.date, default=None)
        if not nip:
            return None
        return Result(nip, scores, absences, remediated, passed_on)

    def participant(self, record: Mapping[str, Any], keys: Keys) -> Participant:
        fast = _plain_participant(record)
        if fast is not None:
            return fast
        self.unknown_keys(record, keys, _PARTICIPANT_KEYS)
        return Participant(
            nip=self.field(record, keys, "nip", self.nip_text, required=True, default=""),
            name=self.field(record, keys, "name", self.text, required=True, default=""),
            grade=self.field(record, keys, "grade", self.text, required=True, default=""),
            agency=self.field(record, keys, "agency", self.text, required=True, default=""),
            birth_date=self.field(record, keys, "birth_date", self.date, default=None),
            sex=self.field(record, keys, "sex", self.choice(Sex.parse), default=None),
            tmt_cpns=self.field(record, keys, "tmt_cpns", self.date, default=None),
            education=self.field(record, keys, "education", self.text, default=None),
            position=self.field(record, keys, "position", self.text, default=None),
        )

    def cohort(
        self, record: Mapping[str, Any], keys: Keys
    ) -> tuple[Cohort, tuple[int, ...], tuple[int, ...]]:
        self.unknown_keys(record, keys, _COHORT_KEYS)
        participants: list[Participant] = []
        kept: list[int] = []
        raw = record.get("participants")
        if isinstance(raw, list):
            for index, item in enumerate(raw):
                here = (*keys, "participants", index)
                if isinstance(item, dict):
                    participants.append(self.participant(item, here))
                    kept.append(index)
                else:
                    self.report(self.type_error(here, "an object", "objek", item).finding)
        elif raw is None:
            self.report(
                MISSING_RULE.finding(
                    self.at((*keys, "participants")),
                    "participants is required",
                    "participants wajib diisi",
                )
            )
        else:
            self.report(
                self.type_error((*keys, "participants"), "a list", "daftar (list)", raw).finding
            )
        results: list[Result] = []
        kept_results: list[int] = []
        raw_results = record.get("results")
        if isinstance(raw_results, list):
            for index, item in enumerate(raw_results):
                here = (*keys, "results", index)
                if isinstance(item, dict):
                    result = self.result(item, here)
                    if result is not None:
                        results.append(result)
                        kept_results.append(index)
                else:
                    self.report(self.type_error(here, "an object", "objek", item).finding)
        elif raw_results is not None:
            self.report(
                self.type_error((*keys, "results"), "a list", "daftar (list)", raw_results).finding
            )
        cohort = Cohort(
            id=self.field(record, keys, "id", self.text, required=True, default=""),
            name=self.field(record, keys, "name", self.text, required=True, default=""),
            track=self.field(
                record, keys, "track", self.choice(Track.parse), required=True, default=None
            ),
            method=self.field(
                record, keys, "method", self.choice(Method.parse), required=True, default=None
            ),
            organizer=self.field(record, keys, "organizer", self.organizer, default=None),
            phases=self.field(record, keys, "phases", self.phases, default=()),
            participants=participants,
            regime=self.field(record, keys, "regime", self.regime, default=None),
            start=self.field(record, keys, "start", self.date, default=None),
            klasikal_approved=self.field(
                record, keys, "klasikal_approved", self.flag, default=False
            ),
            results=results,
        )
        return cohort, tuple(kept), tuple(kept_results)


_BOOLEAN_TEXT = {"true": True, "false": False, "ya": True, "tidak": False, "yes": True, "no": False}
_PHASE_KEYS = frozenset(PHASE_KEYS)
_PARTICIPANT_KEYS = frozenset(PARTICIPANT_KEYS)
_REQUIRED_PARTICIPANT_KEYS = ("nip", "name", "grade", "agency")
_COHORT_KEYS = frozenset(COHORT_KEYS)
_RESULT_KEYS = frozenset(RESULT_KEYS)
_ABSENCE_KEYS = frozenset(ABSENCE_KEYS)


_SEX_CODES = {"L": Sex.MALE, "P": Sex.FEMALE}


def _iso_date(value: object) -> tuple[bool, datetime.date | None]:
    """Whether ``value`` is absent or plain ISO text, and the date it gives."""
    if value is None:
        return True, None
    if type(value) is not str or _ISO_DATE.fullmatch(value) is None:
        return False, None  # also keeps out forms fromisoformat accepts but the format does not
    try:
        return True, datetime.date.fromisoformat(value)
    except ValueError:
        return False, None


_DATES: dict[str, datetime.date] = {}
"""ISO dates already read on the fast path: birth dates and TMTs repeat across an export."""


def _plain_date(value: object) -> datetime.date | bool | None:
    """The date of an absent or plain ISO value; ``False`` when it is neither."""
    if value is None:
        return None
    if type(value) is not str:
        return False
    day = _DATES.get(value)
    if day is None:
        ok, day = _iso_date(value)
        if not ok or day is None:
            return False
        remember(_DATES, value, day)
    return day


def _plain_participant(record: Mapping[str, Any]) -> Participant | None:
    """The participant of a record that is plainly right, or ``None`` for the general path.

    National exports are mostly such records: known keys, non-empty text, ISO dates,
    ``L``/``P``. Anything else goes field by field, which reports every problem.
    """
    get = record.get
    nip, name, grade, agency = get("nip"), get("name"), get("grade"), get("agency")
    if not (type(nip) is str and type(name) is str and type(grade) is str and type(agency) is str):
        return None
    nip, name, grade, agency = nip.strip(), name.strip(), grade.strip(), agency.strip()
    if not (nip and name and grade and agency):
        return None
    if len(record) > len(_REQUIRED_PARTICIPANT_KEYS) and not record.keys() <= _PARTICIPANT_KEYS:
        return None
    birth_date = _plain_date(get("birth_date"))
    tmt_cpns = _plain_date(get("tmt_cpns"))
    if birth_date is False or tmt_cpns is False:
        return None
    sex_text = get("sex")
    sex = None
    if sex_text is not None:
        sex = _SEX_CODES.get(sex_text) if type(sex_text) is str else None
        if sex is None:
            return None
    education, position = get("education"), get("position")
    if education is not None:
        if type(education) is not str:
            return None
        education = education.strip() or None
    if position is not None:
        if type(position) is not str:
            return None
        position = position.strip() or None
    return Participant(
        nip,
        name,
        grade,
        agency,
        birth_date,  # type: ignore[arg-type]  # not False: checked above
        sex,
        tmt_cpns,  # type: ignore[arg-type]
        education,
        position,
    )


def _plain(value: object) -> object:
    """A value small and plain enough to keep in a finding."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return shorten(value)
    return f"({type(value).__name__})"


def structure(document: RawDocument) -> Loaded:
    """Build the cohorts of a raw document, collecting every structural problem.

    Args:
        document: What a reader returned.

    Returns:
        The cohorts, with the findings of reading and structuring, and the
        input positions needed to place later findings (file rows included).
    """
    structurer = _Structurer(document)
    cohorts: list[Cohort] = []
    cohort_index: list[int] = []
    participant_index: list[tuple[int, ...]] = []
    result_index: list[tuple[int, ...]] = []
    for index, record in structurer.document_cohorts():
        keys = ("cohorts", index)
        if not isinstance(record, dict):
            structurer.report(structurer.type_error(keys, "an object", "objek", record).finding)
            continue
        cohort, kept, kept_results = structurer.cohort(record, keys)
        cohorts.append(cohort)
        cohort_index.append(index)
        participant_index.append(kept)
        result_index.append(kept_results)
    return Loaded(
        cohorts=tuple(cohorts),
        document=document,
        findings=tuple(structurer.findings),
        cohort_index=tuple(cohort_index),
        participant_index=tuple(participant_index),
        result_index=tuple(result_index),
    )
