"""The fast path of structuring: plainly right records read by a function written from their fields.

National exports have hundreds of thousands of participants, and nearly every
record is plainly right: known keys, text that is not blank, ISO dates, the
canonical code of a choice (``L``/``P``). :func:`plain_reader` writes, once
at import, a function that checks a record for exactly that and builds its
model with one call, or returns ``None``: the record then goes the general
way (:mod:`pelatihan.io.structure`), field by field, which reports every
problem. The function is written from the record's declaration
(:mod:`pelatihan.io.fields`), so a new field needs nothing here; it is
written out field by field, with no loop over the fields and no call per
field, because it runs once per record of a national export. For every record
it accepts it gives what the general path gives (``tests/test_structure_paths.py``).

    >>> person = plain_participant({"nip": "19950417 201903 2 004", "name": " Dewi ",
    ...                             "grade": "III/a", "agency": "Dinkes", "sex": "P",
    ...                             "birth_date": "1995-04-17"})
    >>> person.name, person.sex, person.birth_date, person.tmt_cpns
    ('Dewi', <Sex.FEMALE: 2>, datetime.date(1995, 4, 17), None)
    >>> plain_participant({"nip": "19950417 201903 2 004", "name": "Dewi", "grade": "III/a",
    ...                    "agency": "Dinkes", "birth_date": "17-04-1995"}) is None
    True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs

from pelatihan._memo import remember
from pelatihan.io.fields import PARTICIPANT, Field, Record

__all__ = [
    "plain_of",
    "plain_participant",
    "plain_reader",
    "plain_row_reader",
    "plain_values_reader",
]

M = TypeVar("M")

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits, as in the schema

_DATES: dict[str, datetime.date] = {}
"""ISO dates already read on the fast path: birth dates and TMTs repeat across an export."""


def plain_date(value: object) -> datetime.date | None:
    """The date of plain ISO text (``YYYY-MM-DD``, nothing around it); ``None`` for anything else.

    Example:
        >>> plain_date("1995-04-17"), plain_date("17-04-1995"), plain_date("2023-02-29")
        (datetime.date(1995, 4, 17), None, None)
    """
    if type(value) is not str:
        return None
    day = _DATES.get(value)
    if day is None:
        if _ISO_DATE.fullmatch(value) is None:
            return None  # also keeps out forms fromisoformat accepts but the format does not
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return None
        remember(_DATES, value, day)
    return day


# How each kind of field is read on the fast path: statements that turn ``{v}``, a value
# that is not None, into the field's value, or return None (``{blank}`` is what blank
# text does, ``{helper}`` the kind's helper). Each also returns None for a value of None,
# so a required field needs no check of its own.
_TEXT = (
    "if type({v}) is not str:",
    "    return None",
    "{v} = {v}.strip()",
    "if not {v}:",
    "    {blank}",
)
_STATEMENTS: dict[str, tuple[str, ...]] = {
    "text": _TEXT,
    "nip": _TEXT,
    "date": (  # a date already read is looked up here: a call less for nearly every date
        "day = DATES.get({v}) if type({v}) is str else None",
        "{v} = day if day is not None else {helper}({v})",
        "if {v} is None:",
        "    return None",
    ),
    "choice": (
        "{v} = {helper}.get({v}) if type({v}) is str else None",
        "if {v} is None:",
        "    return None",
    ),
    "flag": (
        "if type({v}) is not bool:",
        "    return None",
    ),
    "record": (  # a nested record (a cohort's organiser): its own fast path
        "{v} = {helper}({v}) if type({v}) is dict else None",
        "if {v} is None:",
        "    return None",
    ),
    "weekdays": (  # a list of weekday numbers, 0 to 6 (no booleans): their set
        "if type({v}) is not list or not {v}:",
        "    return None",
        "for day in {v}:",
        "    if type(day) is not int or not 0 <= day <= 6:",
        "        return None",
        "{v} = frozenset({v})",
    ),
}


def _helper(field: Field) -> object:
    kind = field.kind
    if kind.name == "date":
        return plain_date
    if kind.name == "choice" and kind.code is not None:
        return {kind.code(member): member for member in kind.choices}
    if kind.name == "record" and kind.record is not None:
        return plain_of(kind.record)
    return None


# Values of each kind on the fast path, to learn whether a model's converter leaves them as
# they are (then it need not be called on them)
_SAMPLES: dict[str, tuple[object, ...]] = {
    "text": ("x",),
    "nip": ("x",),
    "date": (datetime.date(2000, 1, 1),),
    "flag": (True, False),
}


def _samples(field: Field) -> tuple[object, ...]:
    if field.kind.name == "choice":
        return field.kind.choices
    return _SAMPLES.get(field.kind.name, ())


def _construction(
    record: Record[Any], values: dict[str, str], namespace: dict[str, object]
) -> list[str]:
    """The statements that return the record's model built of ``values`` (by attribute).

    A model whose attributes are slots, with no validator and no
    ``__attrs_post_init__``, has them set one by one, without its ``__init__``:
    a frozen class's ``__init__`` goes through a bound ``object.__setattr__``
    for each. A converter is called only on a value it may change: one that
    leaves every fast-path value of its field's kind as it is (the same object)
    is not. Any other model is built by calling it.
    """
    model = record.model
    attributes = attrs.fields(model)
    slotted = all(
        type(getattr(model, attribute.name, None)).__name__ == "member_descriptor"
        for attribute in attributes
    )
    if (
        not slotted
        or hasattr(model, "__attrs_post_init__")
        or any(attribute.validator is not None for attribute in attributes)
    ):
        built = ", ".join(values[attribute.name] for attribute in attributes)
        return [f"    return Model({built})"]
    namespace["new"] = object.__new__
    lines = ["    built = new(Model)"]
    for attribute in attributes:
        value = values[attribute.name]
        namespace[f"set_{attribute.name}"] = getattr(model, attribute.name).__set__
        converter = attribute.converter
        samples = _samples(record.field(attribute.name))
        if converter is not None and not (
            samples and all(converter(sample) is sample for sample in samples)
        ):
            namespace[f"convert_{attribute.name}"] = converter
            value = f"convert_{attribute.name}({value})"
        lines.append(f"    set_{attribute.name}(built, {value})")
    lines.append("    return built")
    return lines


def _reading(
    record: Record[Any],
    namespace: dict[str, object],
    leave: frozenset[str] = frozenset(),
    cells: dict[str, int] | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The statements that read each field of ``record`` but those in ``leave``, or return None.

    With the name of the variable that holds each field's value. The function
    written takes a record (a mapping), or, with ``cells``, a row's cells: the
    field of each cell, by its position (see :func:`plain_row_reader`).
    """
    names: dict[str, str] = {}
    if cells is None:
        lines = ["def plain(record):", "    get = record.get"]
    else:
        lines = ["def plain(cells):"]
        if cells:  # every cell at once, in C: the row has exactly these
            taken = ", ".join(f"cell_{key}" for key in cells)
            lines.append(f"    ({taken},) = cells")

    def fetch(field: Field, name: str) -> None:
        """The statement that puts what the record or row gives of ``field`` in ``name``."""
        if cells is None:
            lines.append(f"    {name} = get({field.key!r})")
        elif field.kind.name == "date":  # a date cell read as a table reads it, when it can
            cell = f"cell_{field.key}"
            lines.append(f"    {name} = (DATE_TEXT({cell}) or {cell}) if {cell} else None")
        else:  # an empty cell gives nothing
            lines.append(f"    {name} = cell_{field.key} or None")

    def read(field: Field) -> None:
        # a kind with no plain form (a list, a number) leaves to the general path every record
        # that gives the field
        statements = _STATEMENTS.get(field.kind.name, ("return None",))
        name = names[field.key] = f"value_{field.key}"
        namespace[f"helper_{field.key}"] = _helper(field)
        default = namespace[f"default_{field.key}"] = field.default
        blank = "return None" if field.required else f"{name} = default_{field.key}"
        body = [
            line.format(v=name, helper=f"helper_{field.key}", blank=blank) for line in statements
        ]
        if cells is not None and field.key not in cells:  # no column gives it
            lines.append(f"    {blank}" if field.required else f"    {name} = default_{field.key}")
            return
        fetch(field, name)
        if cells is not None and statements is _TEXT:  # a stripped cell: its text, None if empty
            if field.required or default is not None:
                lines.extend([f"    if {name} is None:", f"        {blank}"])
            return
        if field.required:
            lines.extend(f"    {line}" for line in body)
            return
        lines.append(f"    if {name} is not None:")
        lines.extend(f"        {line}" for line in body)
        if default is not None:
            lines.extend(["    else:", f"        {name} = default_{field.key}"])

    required = [field for field in record.required if field.key not in leave]
    for field in required:
        read(field)
    if cells is None:  # a row's cells are all of known fields
        # with every required key read present, a record of no more keys has no unknown one
        lines.append(f"    if len(record) > {len(required)} and not KEYS.issuperset(record):")
        lines.append("        return None")
    for field in record.fields:
        if not field.required and field.key not in leave:
            read(field)
    return lines, names


def _written(
    record: Record[Any], lines: list[str], namespace: dict[str, object], what: str
) -> Callable[[Mapping[str, Any]], Any]:
    exec(compile("\n".join(lines), f"<plain {record.name}{what}>", "exec"), namespace)
    reader: Callable[[Mapping[str, Any]], Any] = namespace["plain"]  # type: ignore[assignment]
    return reader


def plain_reader(record: Record[M]) -> Callable[[Mapping[str, Any]], M | None]:
    """Write the fast path of ``record``: its model from a plainly right record, else ``None``.

    A record is plainly right when it has only known keys and each field it gives
    is plain: text that is not blank (stripped), ``YYYY-MM-DD``, a choice's
    canonical code, ``true``/``false``, a nested record that is plainly right.
    Absent optional fields take their default.

    A field of a kind with no plain form (a list, a number) is plain only when absent.

    Raises:
        ValueError: If the model has an attribute the record does not declare.
    """
    namespace: dict[str, object] = {"KEYS": record.key_set, "Model": record.model, "DATES": _DATES}
    lines, names = _reading(record, namespace)
    attributes = [attribute.name for attribute in attrs.fields(cast("Any", record.model))]
    undeclared = [name for name in attributes if name not in names]
    if undeclared:
        raise ValueError(
            f"{record.model.__name__} has {', '.join(undeclared)}, which the {record.name} "
            "record of pelatihan.io.fields does not declare"
        )
    lines.extend(_construction(record, names, namespace))
    reader = _written(record, lines, namespace, "")
    reader.__doc__ = f"The {record.name} of a plainly right record, else ``None``."
    return reader


def plain_values_reader(
    record: Record[Any], leave: frozenset[str]
) -> Callable[[Mapping[str, Any]], dict[str, Any] | None]:
    """Write the fast path of ``record``'s fields but those in ``leave``: their values, or ``None``.

    ``None`` unless the record has only known keys and every field it gives, but
    those in ``leave``, is plain (as :func:`plain_reader` has it); the fields in
    ``leave`` (a cohort's lists of records) are for the caller to read.

    Example:
        >>> from pelatihan.io.fields import COHORT
        >>> read = plain_values_reader(COHORT, frozenset({"participants", "phases", "results"}))
        >>> values = read({"id": "A", "name": " Angkatan I ", "track": "III",
        ...                "method": "blended", "organizer": {"name": "BPSDM"}, "participants": []})
        >>> values["name"], values["organizer"].name, values["start"]
        ('Angkatan I', 'BPSDM', None)
        >>> read({"id": 7, "name": "Angkatan I", "track": "III", "method": "blended"}) is None
        True
    """
    namespace: dict[str, object] = {"KEYS": record.key_set, "DATES": _DATES}
    lines, names = _reading(record, namespace, leave)
    lines.append(
        "    return {" + ", ".join(f"{key!r}: {name}" for key, name in names.items()) + "}"
    )
    reader = _written(record, lines, namespace, " values")
    reader.__doc__ = f"The values of a plainly right {record.name} record, else ``None``."
    return reader


def plain_row_reader(
    record: Record[M], keys: Sequence[str], date_text: Callable[[str], str | None]
) -> Callable[[Sequence[str]], M | None]:
    """Write the fast path of a table's rows: ``record``'s model from a row's cells, else ``None``.

    ``keys`` are the fields of the cells, in their order: the function takes
    exactly that many cells, each text, stripped (as a table's rows give them,
    :meth:`~pelatihan.io.table.RowTable.row_values`). An empty cell gives no field, and the
    text of a date field is first read as ``date_text`` reads it (a date cell's
    ISO text, or ``None`` to keep the text as it is). So the function gives what
    :func:`plain_reader`'s gives for the record of the row's cells that are not
    empty, their dates written that way (``tests/test_structure_paths.py``),
    without making that record.

    Raises:
        ValueError: If a key is not a field of ``record``, or is given twice.

    Example:
        >>> read = plain_row_reader(PARTICIPANT, ["nip", "name", "grade", "agency", "birth_date"],
        ...                         lambda text: "-".join(reversed(text.split("-"))))
        >>> read(["19950417 201903 2 004", "Dewi", "III/a", "Dinkes", "17-04-1995"]).birth_date
        datetime.date(1995, 4, 17)
        >>> read(["19950417 201903 2 004", "", "III/a", "Dinkes", ""]) is None  # no name
        True
    """
    unknown = [key for key in keys if key not in record.key_set]
    if unknown or len(set(keys)) < len(keys):
        raise ValueError(
            f"the cells of a {record.name} row must be of its fields, each once: {list(keys)}"
        )
    namespace: dict[str, object] = {"Model": record.model, "DATES": _DATES, "DATE_TEXT": date_text}
    lines, names = _reading(record, namespace, cells={key: at for at, key in enumerate(keys)})
    lines.extend(_construction(record, names, namespace))
    reader = _written(record, lines, namespace, " row")
    reader.__doc__ = f"The {record.name} of a row's plainly right cells, else ``None``."
    return cast("Callable[[Sequence[str]], M | None]", reader)


plain_participant = plain_reader(PARTICIPANT)
"""The participant of a plainly right record, or ``None`` for the general path."""

_READERS: dict[Record[Any], Callable[[Mapping[str, Any]], Any]] = {PARTICIPANT: plain_participant}


def plain_of(record: Record[M]) -> Callable[[Mapping[str, Any]], M | None]:
    """The fast path of ``record`` (:func:`plain_reader`), written the first time it is asked for.

    Example:
        >>> from pelatihan.io.fields import PHASE
        >>> plain_of(PHASE)({"kind": "klasikal", "start": "2025-07-14", "end": "2025-07-18"})
        Phase(kind=<PhaseKind.KLASIKAL: 'klasikal'>, start=datetime.date(2025, 7, 14), \
end=datetime.date(2025, 7, 18), weekdays=frozenset({0, 1, 2, 3, 4}), label='')
    """
    reader = _READERS.get(record)
    if reader is None:
        reader = _READERS[record] = plain_reader(record)
    return reader
