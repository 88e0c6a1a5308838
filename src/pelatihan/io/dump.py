"""Writing cohorts in the JSON interchange format (``pelatihan/cohorts@1``).

What :func:`cohorts_to_data` writes, :func:`pelatihan.io.structure.structure`
reads back to equal cohorts: the round trip is lossless (scores are written as
text, so a :class:`~decimal.Decimal` keeps every digit). Each record is written
field by field, by its declaration (:mod:`pelatihan.io.fields`).

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
from collections.abc import Callable, Iterable
from typing import Any

from pelatihan.cohort import Cohort
from pelatihan.io.document import FORMAT
from pelatihan.io.fields import COHORT, Kind, Record

__all__ = ["cohort_to_data", "cohorts_to_data", "cohorts_to_json", "record_to_data"]


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
