"""Structuring: from a raw document to cohort models, every structural problem collected.

A problem with one field (a date that is not a date, a track that is not II or
III, a key nobody knows) becomes a finding at its place (the keys down to it),
with the row for tabular input; the rest of the record is still structured and
checked, so one bad cell never hides the others. Records that cannot be
structured at all (a participant that is not an object) are reported, never
silently dropped: every input record ends up either in :attr:`Loaded.cohorts`
or in a finding.

Each record is structured field by field, as its declaration
(:mod:`pelatihan.io.fields`) gives its fields, rather than with a general
structuring library, which would reject a whole record at its first bad
field. Plainly right participants take a fast path written from the same
declaration (:mod:`pelatihan.io.plain`).

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
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import attrs

from pelatihan.catalogue.reading import (
    DATE_RULE,
    FORMAT_RULE,
    MISSING_RULE,
    SCORE_RULE,
    TYPE_RULE,
    UNKNOWN_KEY_RULE,
    VALUE_RULE,
)
from pelatihan.cohort import Cohort, Participant
from pelatihan.errors import ValidationError, quote, shorten
from pelatihan.evaluation import InvalidScore, to_score
from pelatihan.findings import Finding, Location, compact
from pelatihan.io.document import FORMAT, Keys, RawDocument
from pelatihan.io.fields import COHORT, PARTICIPANT, Field, Kind, Record
from pelatihan.io.plain import FLAG_TEXTS, plain_of, plain_participant, plain_values_reader
from pelatihan.legal import UnknownInstrumentError, get_regime
from pelatihan.nip import validate as validate_nip

__all__ = ["Loaded", "structure"]

M = TypeVar("M")


_MAX_COUNT = 10_000
_MAX_ID_DIGITS = 100
"""A whole number with more digits is not read as an identifier (1e999999999 would be a hang)."""
"""The largest count of absences (sessions, JP or days) read: a Latsar has a few hundred JP."""

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits, as in the schema


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
        sizes: For each cohort of the input, structured or not, the number of
            participants it gives (0 when it gives no list), when the loader
            counted them; ``None`` otherwise (:meth:`input_sizes` counts them then).
    """

    cohorts: tuple[Cohort, ...]
    document: RawDocument
    findings: tuple[Finding, ...] = ()
    cohort_index: tuple[int, ...] = ()
    participant_index: tuple[tuple[int, ...], ...] = ()
    result_index: tuple[tuple[int, ...], ...] = ()
    sizes: tuple[int, ...] | None = None

    def input_sizes(self) -> tuple[int, ...]:
        """For each cohort of the input, structured or not, the number of participants it gives.

        0 for a cohort that gives no list of participants.

        Example:
            >>> from pelatihan.io.document import RawDocument
            >>> raw = {"cohorts": [{"participants": [{}, {}]}, 7, {"participants": "x"}]}
            >>> structure(RawDocument(raw)).input_sizes()
            (2, 0, 0)
        """
        if self.sizes is not None:
            return self.sizes
        return tuple(map(_input_size, self.input_cohorts()))

    def input_cohorts(self) -> list[object]:
        """The cohorts the input gives, as plain data, whatever each is; none without a list.

        Read from :attr:`document`'s data: for a JSON file loaded the typed way
        (:mod:`pelatihan.io.typed`), the file is decoded again when this is first asked.
        """
        data = self.document.data
        cohorts = data.get("cohorts") if isinstance(data, dict) else None
        return cohorts if isinstance(cohorts, list) else []

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


def _input_size(record: object) -> int:
    """The number of participants a cohort of the input gives (0 when it gives no list)."""
    people = record.get("participants") if isinstance(record, dict) else None
    return len(people) if isinstance(people, list) else 0


class _Structurer:
    """Structures records by their declarations (:mod:`pelatihan.io.fields`), reporting problems."""

    def __init__(self, document: RawDocument) -> None:
        self.document = document
        self.findings: list[Finding] = list(document.findings)
        self.floor = 0
        """What :func:`~pelatihan.findings.compact` left in :attr:`findings` last time."""

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

    def field(self, data: Mapping[str, Any], keys: Keys, field: Field) -> Any:
        """The value of ``field`` in ``data`` (a record at ``keys``), or its default, reported."""
        key, kind = field.key, field.kind
        value = data.get(key)
        if value is None or (kind.blank_is_absent and isinstance(value, str) and not value.strip()):
            if field.required:
                where = self.at((*keys, key))
                self.report(
                    MISSING_RULE.finding(
                        where, f"{key} is required", f"{field.label('id')} wajib diisi"
                    )
                )
            return field.default
        try:
            return getattr(self, _CONVERTERS[kind.name])(kind, value, (*keys, key))
        except _Bad as bad:
            self.report(bad.finding)
            return field.default

    def values(self, record: Record[Any], data: Mapping[str, Any], keys: Keys) -> dict[str, Any]:
        """The value of each field of ``record`` in ``data``, its unknown keys reported."""
        self.unknown_keys(data, keys, record.key_set)
        return {field.key: self.field(data, keys, field) for field in record.fields}

    def build(self, record: Record[M], data: Mapping[str, Any], keys: Keys) -> M | None:
        """The model of ``data``, or ``None`` when ``record`` keeps no such record."""
        if record.keep == "always":
            return record.model(**self.values(record, data, keys))
        before = len(self.findings)
        values = self.values(record, data, keys)
        if record.keep == "complete" and any(
            values[field.key] == field.default for field in record.required
        ):
            return None
        if record.keep == "valid" and any(finding.is_error for finding in self.findings[before:]):
            return None
        return record.model(**values)

    # -- converters: (kind, value, keys) to the field's value, or _Bad ---------------

    def text(self, kind: Kind, value: object, keys: Keys) -> str:
        if isinstance(value, str):
            return value.strip()
        if kind.integers:
            if isinstance(value, int) and not isinstance(value, bool):
                return str(value)
            if (
                isinstance(value, Decimal)
                and value.is_finite()
                and value.adjusted() < _MAX_ID_DIGITS
                and value == value.to_integral_value()
            ):
                return str(int(value))  # 12.0, as a spreadsheet's export writes 12
            raise self.type_error(keys, "text or a whole number", "teks atau bilangan bulat", value)
        raise self.type_error(keys, "text", "teks", value)

    def nip_text(self, kind: Kind, value: object, keys: Keys) -> str:
        if isinstance(value, (float, Decimal)):
            try:
                # the NIP module explains what a spreadsheet float does to a NIP
                validate_nip(cast("str", float(value)))
            except ValidationError as error:
                raise _Bad(Finding.from_error(error, self.at(keys))) from None
        return self.text(kind, value, keys)

    def date(self, kind: Kind, value: object, keys: Keys) -> datetime.date:
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

    def flag(self, kind: Kind, value: object, keys: Keys) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in FLAG_TEXTS:
            return FLAG_TEXTS[value.strip().lower()]
        raise self.type_error(keys, "true or false", "true atau false", value)

    def choice(self, kind: Kind, value: object, keys: Keys) -> Any:
        if not isinstance(value, str) or kind.parse is None:
            raise self.type_error(keys, "text", "teks", value)
        try:
            return kind.parse(value)
        except ValidationError as error:
            raise _Bad(
                VALUE_RULE.finding(
                    self.at(keys), error.message_en, error.message_id, value=shorten(value)
                )
            ) from None

    def regime(self, kind: Kind, value: object, keys: Keys) -> str:
        text = self.text(kind, value, keys)
        try:
            return get_regime(text).id
        except UnknownInstrumentError as error:
            raise _Bad(
                VALUE_RULE.finding(
                    self.at(keys), error.message_en, error.message_id, value=shorten(text)
                )
            ) from None

    def count(self, kind: Kind, value: object, keys: Keys) -> Decimal:
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

    def whole_count(self, kind: Kind, value: object, keys: Keys) -> int:
        number = self.count(kind, value, keys)
        if number != number.to_integral_value():
            # 2.9 days is not 2 days: truncating would let it pass a limit of 2
            raise _Bad(
                VALUE_RULE.finding(
                    self.at(keys),
                    f"{quote(value)} is not a whole number: absences are whole numbers "
                    "(sessions, days)",
                    f"{quote(value)} bukan bilangan bulat: ketidakhadiran dihitung dengan "
                    "bilangan bulat (sesi, hari)",
                    value=_plain(value),
                )
            )
        return int(number)

    def weekdays(self, kind: Kind, value: object, keys: Keys) -> frozenset[int]:
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

    def scores(self, kind: Kind, value: object, keys: Keys) -> dict[str, Decimal]:
        if not isinstance(value, dict):
            raise self.type_error(keys, "an object", "objek", value)
        scores: dict[str, Decimal] = {}
        for key, score in value.items():
            here = (*keys, str(key))
            try:
                scores[str(key)] = to_score(score)
            except InvalidScore as error:
                self.report(
                    SCORE_RULE.finding(
                        self.at(here), error.message_en, error.message_id, value=_plain(score)
                    )
                )
        return scores

    def record(self, kind: Kind, value: object, keys: Keys) -> Any:
        if not isinstance(value, dict) or kind.record is None:
            raise self.type_error(keys, "an object", "objek", value)
        built = plain_of(kind.record)(value)  # a plainly right record: no finding
        return built if built is not None else self.build(kind.record, value, keys)

    def records(self, kind: Kind, value: object, keys: Keys) -> list[tuple[int, Any]]:
        """The items that could be structured, each with its index.

        None at all for a ``whole`` kind with an item that could not be.
        """
        if not isinstance(value, list) or kind.record is None:
            raise self.type_error(keys, "a list", "daftar (list)", value)
        record = kind.record
        kept: list[tuple[int, Any]] = []
        top = len(keys) == 3  # a cohort's participants or results: no record around them
        plain = _plain_participant if record is PARTICIPANT else plain_of(record)
        for index, item in enumerate(value):
            built: Any = plain(item) if type(item) is dict else None
            if built is not None:  # a plainly right record: no finding
                kept.append((index, built))
                continue
            if top:  # the findings of a code beyond the cap are folded as they come
                self.floor = compact(self.findings, floor=self.floor)
            here = (*keys, index)
            if not isinstance(item, dict):
                self.report(self.type_error(here, "an object", "objek", item).finding)
                continue
            if record is PARTICIPANT:
                built = self.participant(item, here)
            else:
                built = self.build(record, item, here)
            if built is not None:
                kept.append((index, built))
        return [] if kind.whole and len(kept) < len(value) else kept

    # -- records ----------------------------------------------------------------

    def participant(self, data: Mapping[str, Any], keys: Keys) -> Participant:
        """A participant read field by field, each problem reported (the general path)."""
        return PARTICIPANT.model(**self.values(PARTICIPANT, data, keys))

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
                        self.at(("cohorts",)), "cohorts is required", "daftar angkatan wajib diisi"
                    )
                )
            else:
                self.report(
                    self.type_error(("cohorts",), "a list", "daftar (list)", cohorts).finding
                )
            return []
        return list(enumerate(cohorts))

    def cohort(
        self, data: Mapping[str, Any], keys: Keys
    ) -> tuple[Cohort, tuple[int, ...], tuple[int, ...]]:
        """A cohort, and the indexes of the participants and results structured.

        A cohort whose own fields are plainly right (:data:`_plain_cohort`) has
        only its lists of records read here, each record by its own fast path
        when it can; any other goes field by field.
        """
        values = _plain_cohort(data) if type(data) is dict else None
        if values is None:
            values = self.values(COHORT, data, keys)
        else:
            for field in _LIST_FIELDS:
                values[field.key] = self.field(data, keys, field)
        indexes: dict[str, tuple[int, ...]] = {}
        for key in _LISTS:
            items: list[tuple[int, Any]] = values[key]
            indexes[key] = tuple(index for index, _ in items)
            values[key] = tuple(item for _, item in items)
        return COHORT.model(**values), indexes["participants"], indexes["results"]


_CONVERTERS = {
    "text": "text",
    "nip": "nip_text",
    "date": "date",
    "flag": "flag",
    "choice": "choice",
    "regime": "regime",
    "count": "count",
    "whole-count": "whole_count",
    "weekdays": "weekdays",
    "scores": "scores",
    "record": "record",
    "records": "records",
}
"""The structurer's method that converts a value of each kind: looked up by name, so that a
structurer holds no reference to itself and is freed as soon as it is done with, even while
the cyclic garbage collector is paused."""

_LIST_FIELDS = tuple(field for field in COHORT.fields if field.kind.name == "records")
_LISTS = tuple(field.key for field in _LIST_FIELDS)
"""The cohort's lists of records: each item structured is kept with its index."""

_plain_cohort = plain_values_reader(COHORT, frozenset(_LISTS))
"""The values of a cohort's own fields when they are plainly right, or ``None``: a national
export has thousands of cohorts. Looked up when called (by the name), so that a test can
compare the general path with it."""


_plain_participant = plain_participant
"""The fast path of a participant's record, taken first, looked up when called (by the
streamed path too); :meth:`_Structurer.participant` is the general one."""


def _plain(value: object) -> object:
    """A value small and plain enough to keep in a finding."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return shorten(value)
    return f"({type(value).__name__})"


class _Cohorts:
    """The cohorts of a document as they are structured, with their indexes in the input."""

    def __init__(self, structurer: _Structurer) -> None:
        self.structurer = structurer
        self.sizes: list[int] = []
        """The number of participants each cohort of the input gives, as :meth:`add` and
        :meth:`take` are given them."""
        self.cohorts: list[Cohort] = []
        self.cohort_index: list[int] = []
        self.participant_index: list[tuple[int, ...]] = []
        self.result_index: list[tuple[int, ...]] = []

    def add(self, index: int, record: object) -> None:
        """Structure the cohort ``record``, the document's ``index``-th, reporting its problems."""
        structurer = self.structurer
        structurer.floor = compact(structurer.findings, floor=structurer.floor)
        self.sizes.append(_input_size(record))
        keys = ("cohorts", index)
        if not isinstance(record, dict):
            structurer.report(structurer.type_error(keys, "an object", "objek", record).finding)
            return
        self._keep(index, *structurer.cohort(record, keys))

    def take(
        self, index: int, cohort: Cohort, participants: tuple[int, ...], results: tuple[int, ...]
    ) -> None:
        """Keep ``cohort``, the document's ``index``-th, with its records' indexes in the input.

        For a cohort structured elsewhere, each of whose participants given in the
        input was structured.
        """
        self.sizes.append(len(cohort.participants))
        self._keep(index, cohort, participants, results)

    def places(self, count: int) -> None:
        """Keep the first ``count`` cohorts' places, with no cohort (``None``) at them.

        For a part of a document loaded on its own
        (:meth:`pelatihan.io.typed.Opened.part`): its cohorts keep their positions.
        """
        self.cohorts.extend([None] * count)  # type: ignore[list-item]  # places only
        self.cohort_index.extend(range(count))
        self.participant_index.extend([()] * count)
        self.result_index.extend([()] * count)

    def _keep(
        self, index: int, cohort: Cohort, participants: tuple[int, ...], results: tuple[int, ...]
    ) -> None:
        self.cohorts.append(cohort)
        self.cohort_index.append(index)
        self.participant_index.append(participants)
        self.result_index.append(results)

    def loaded(self) -> Loaded:
        """The cohorts kept, with every finding of reading and structuring."""
        structurer = self.structurer
        return Loaded(
            cohorts=tuple(self.cohorts),
            document=structurer.document,
            findings=tuple(structurer.findings),
            cohort_index=tuple(self.cohort_index),
            participant_index=tuple(self.participant_index),
            result_index=tuple(self.result_index),
            sizes=tuple(self.sizes),
        )


def structure(document: RawDocument) -> Loaded:
    """Build the cohorts of a raw document, collecting every structural problem.

    Args:
        document: What a reader returned.

    Returns:
        The cohorts, with the findings of reading and structuring, and the
        input positions needed to place later findings (file rows included).
    """
    structurer = _Structurer(document)
    cohorts = _Cohorts(structurer)
    for index, record in structurer.document_cohorts():
        cohorts.add(index, record)
    return cohorts.loaded()
