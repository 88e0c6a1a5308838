"""Writing cohorts in the JSON interchange format (``pelatihan/cohorts@1``).

What :func:`cohorts_to_data` writes, :func:`pelatihan.io.structure.structure`
reads back to equal cohorts: the round trip is lossless (scores are written as
text, so a :class:`~decimal.Decimal` keeps every digit). Each record is written
field by field, by its declaration (:mod:`pelatihan.io.fields`). Text is written
exactly as the model holds it; the readers strip spaces around text, so only text
with none survives the round trip, as all text read from a file has.
:func:`unwritable_texts` reports the text of cohorts built in Python that would
not (spaces around it, or half of a surrogate pair, which is not UTF-8), and
:func:`pelatihan.validate` reports it for them.

    >>> import datetime
    >>> from pelatihan import Cohort, Participant, plan_schedule
    >>> from pelatihan.io.document import RawDocument
    >>> from pelatihan.io.structure import structure
    >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
    >>> cohort = Cohort("c1", "Angkatan I", "III", "blended", phases=plan.phases,
    ...                 participants=[Participant("19950417 202403 2 004", "Dewi", "III/a", "X")])
    >>> data = cohorts_to_data([cohort])
    >>> structure(RawDocument(data)).cohorts == (cohort,)
    True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pelatihan.catalogue.reading import SPACES_RULE, VALUE_RULE
from pelatihan.cohort import Cohort
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Location
from pelatihan.io.document import FORMAT
from pelatihan.io.fields import COHORT, Kind, Record

__all__ = [
    "cohort_to_data",
    "cohorts_to_data",
    "cohorts_to_json",
    "record_to_data",
    "unwritable_texts",
]


def _same(kind: Kind, value: Any) -> object:
    return value


def _choice(kind: Kind, value: Any) -> object:
    return kind.code(value) if kind.code is not None else value


def _record(kind: Kind, value: Any) -> object:
    return record_to_data(kind.record, value) if kind.record is not None else value


def _records(kind: Kind, value: Any) -> object:
    return [_record(kind, item) for item in value]


_WRITERS: dict[str, Callable[[Kind, Any], object]] = {
    "text": _same,
    "nip": _same,
    "date": lambda kind, day: day.isoformat(),
    "flag": _same,
    "choice": _choice,
    "regime": _same,
    "count": lambda kind, number: str(number),  # as text, so a Decimal keeps every digit
    "whole-count": _same,
    "weekdays": lambda kind, days: sorted(days),
    "scores": lambda kind, scores: {key: str(score) for key, score in scores.items()},
    "record": _record,
    "records": _records,
}
"""How each kind of field is written, by the kind's name."""


def record_to_data(record: Record[Any], model: object) -> dict[str, object]:
    """A model as plain JSON data, by its record's declaration (absent facts left out).

    A field is left out when its value is ``None``, or when it is optional and
    holds its default (unless it is written even then).

    Example:
        >>> from pelatihan import Participant
        >>> from pelatihan.io.fields import PARTICIPANT
        >>> record_to_data(PARTICIPANT, Participant("1", "Dewi", "III/a", "X", sex="P"))
        {'nip': '1', 'name': 'Dewi', 'grade': 'III/a', 'agency': 'X', 'sex': 'P'}
    """
    data: dict[str, object] = {}
    for field in record.fields:
        value = getattr(model, field.key)
        if value is None or (
            not field.required and not field.written_when_default and value == field.default
        ):
            continue
        data[field.key] = _WRITERS[field.kind.name](field.kind, value)
    return data


def cohort_to_data(cohort: Cohort) -> dict[str, object]:
    """One cohort as plain JSON data (absent facts are left out)."""
    return record_to_data(COHORT, cohort)


def cohorts_to_data(cohorts: Iterable[Cohort]) -> dict[str, object]:
    """A document of the interchange format holding ``cohorts``."""
    return {"format": FORMAT, "cohorts": [cohort_to_data(cohort) for cohort in cohorts]}


def cohorts_to_json(cohorts: Iterable[Cohort], *, indent: int | None = 2) -> str:
    """The interchange format as JSON text (UTF-8 characters kept)."""
    return json.dumps(cohorts_to_data(cohorts), indent=indent, ensure_ascii=False)


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def unwritable_texts(record: Record[Any], model: object, at: Location) -> Iterator[Finding]:
    """The texts of ``model`` (a ``record``, at ``at``) that would not read back as they are.

    Text with spaces around it, or of only spaces, is an ``input.spaces``
    warning (a reader strips it, or reads it as missing); text holding half of a
    surrogate pair, which cannot be written as UTF-8, an ``input.value`` error.

    Example:
        >>> from pelatihan import Participant
        >>> from pelatihan.io.fields import PARTICIPANT
        >>> person = Participant("1", " Dewi", "III/a", "Dinas " + chr(0xD800))
        >>> [(f.code, f.location.path) for f in unwritable_texts(PARTICIPANT, person, Location())]
        [('input.spaces', '$.name'), ('input.value', '$.agency')]
    """
    for field in record.fields:
        value = getattr(model, field.key)
        kind = field.kind
        if kind.record is not None and kind.name == "record" and value is not None:
            yield from unwritable_texts(kind.record, value, at.child(field.key))
        elif kind.record is not None and kind.name == "records":
            for index, item in enumerate(value):
                yield from unwritable_texts(kind.record, item, at.below(field.key, index))
        elif isinstance(value, str) and value:
            if _has_surrogate(value):
                shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
                yield VALUE_RULE.finding(
                    at.child(field.key),
                    f"{quote(shown)} holds half of a surrogate pair, which is not text and "
                    "cannot be written as UTF-8",
                    f"{quote(shown)} memuat separuh pasangan surrogate, yang bukan teks dan tidak "
                    "dapat ditulis sebagai UTF-8",
                    value=shorten(shown),
                )
            elif value != value.strip():
                blank = not value.strip()
                yield SPACES_RULE.finding(
                    at.child(field.key),
                    f"{quote(value)} "
                    + (
                        "is only spaces: written and read back, it is missing"
                        if blank
                        else "has spaces around it: written and read back, they are gone"
                    ),
                    f"{quote(value)} "
                    + (
                        "hanya berisi spasi: ditulis lalu dibaca kembali, nilainya hilang"
                        if blank
                        else "diapit spasi: ditulis lalu dibaca kembali, spasinya hilang"
                    ),
                    value=shorten(value),
                )
