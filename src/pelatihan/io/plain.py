"""The fast path of structuring: plainly right records read by a function written from their fields.

National exports have hundreds of thousands of participants, and nearly every
record is plainly right: known keys, text that is not blank, ISO dates, a
choice written as its parser reads it with no finding (``L``, ``Perempuan``).
:func:`plain_reader` writes, once
at import, a function that checks a record for exactly that and builds its
model with one call, or returns ``None``: the record then goes the general
way (:mod:`pelatihan.io.structure`), field by field, which reports every
problem. The function is written from the record's declaration
(:mod:`pelatihan.io.fields`), so a new field needs nothing here; it is
written out field by field, with no loop over the fields and no call per
field, because it runs once per record of a national export. For every record
it accepts it gives what the general path gives (``tests/test_structure_paths.py``).

The same statements are written for a row's cells (:func:`plain_row_reader`),
and for a record of a JSON file that msgspec has decoded into a struct of the
JSON types its fields need (:func:`plain_struct`, :func:`plain_struct_reader`):
there they are the statements for a mapping, less what the struct's types
already hold to (:mod:`pelatihan.io.typed`).

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
from types import MappingProxyType
from typing import Any, Final, TypeVar, cast

import attrs
import msgspec

from pelatihan._memo import remember
from pelatihan.errors import ValidationError
from pelatihan.io.fields import PARTICIPANT, Field, Kind, Record
from pelatihan.legal import regimes

__all__ = [
    "FLAG_TEXTS",
    "plain_of",
    "plain_participant",
    "plain_reader",
    "plain_row_reader",
    "plain_struct",
    "plain_struct_list_reader",
    "plain_struct_reader",
    "plain_struct_values_reader",
    "plain_values_reader",
]

M = TypeVar("M")

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits, as in the schema

FLAG_TEXTS: Final[Mapping[str, bool]] = MappingProxyType(
    {"true": True, "false": False, "ya": True, "tidak": False, "yes": True, "no": False}
)
"""The texts a flag may be written as besides ``true`` and ``false``, lower-cased and
stripped: the general path (:mod:`pelatihan.io.structure`) reads them with no finding, and so
does the fast path."""

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
# text that may be given as a whole number (a NIP, an id), as the general path reads it: its digits
_WHOLE_TEXT = (
    "if type({v}) is int:",
    "    {v} = str({v})",
    "elif type({v}) is not str:",
    "    return None",
    *_TEXT[2:],
)
# a date cell, read as a table reads it when it can (``DATE_TEXT``): the date of a cell's text
# already read is looked up, a call and a lookup less for nearly every date cell of an export
_CELL_DATE = (
    "day = CELL_DATES.get({v})",
    "if day is None:",
    "    day = {helper}(DATE_TEXT({v}) or {v})",
    "    if day is None:",
    "        return None",
    "    remember(CELL_DATES, {v}, day)",
    "{v} = day",
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
    "choice": (  # its code, or other text its parser has read before, is looked up here
        "found = {helper}.get({v}) if type({v}) is str else None",
        "{v} = found if found is not None else {helper}.read({v})",
        "if {v} is None:",
        "    return None",
    ),
    "regime": (  # a regime's id, as :func:`pelatihan.legal.regimes` gives them
        "if type({v}) is not str:",
        "    return None",
        "{v} = {helper}.get({v}.strip())",
        "if {v} is None:",
        "    return None",
    ),
    "flag": (  # true or false, or text the general path reads as one (FLAG_TEXTS)
        "if type({v}) is not bool:",
        "    {v} = {helper}.get({v}.strip().lower()) if type({v}) is str else None",
        "    if {v} is None:",
        "        return None",
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


# The statements of each kind on the typed path: those above, less what the type msgspec decoded
# the value into already holds to (:func:`_struct_type`): text is text, a date a date
_TYPED_STATEMENTS: dict[str, tuple[str, ...]] = {
    "text": _TEXT[2:],
    "nip": _TEXT[2:],
    "date": (),
    "choice": _STATEMENTS["choice"],
    "regime": _STATEMENTS["regime"][2:],
    "flag": _STATEMENTS["flag"],  # a boolean, or text
    "record": (  # a nested record's struct: read by its own typed fast path
        "{v} = {helper}({v})",
        "if {v} is None:",
        "    return None",
    ),
    "weekdays": (
        "if not {v}:",
        "    return None",
        "for day in {v}:",
        "    if not 0 <= day <= 6:",
        "        return None",
        "{v} = frozenset({v})",
    ),
}


_TYPED_WHOLE_TEXT = ("{v} = str({v}) if type({v}) is int else {v}.strip()", *_TEXT[3:])


def _nested(field: Field) -> Record[Any]:
    record = field.kind.record
    if record is None:
        raise ValueError(f"the field {field.key} is of no record")
    return record


class _Choices(dict[str, object]):
    """A choice's members by the texts read as them: each member's code, and the other texts read.

    A text that is not a member's code is read by the choice's parser (as the
    general path reads it: ``Laki-laki`` is the code ``L``'s member, with no
    finding) the first time it is met, and remembered (:mod:`pelatihan._memo`), so
    that an export writing its choices its own way stays on the fast path.
    """

    def __init__(self, kind: Kind) -> None:
        code = kind.code
        super().__init__({code(member): member for member in kind.choices} if code else {})
        self.parse = kind.parse

    def read(self, value: object) -> object | None:
        """The member the choice's parser reads ``value`` as; ``None`` for text it does not read."""
        if type(value) is not str or self.parse is None:
            return None
        try:
            member: object = self.parse(value)
        except ValidationError:
            return None
        return remember(self, value, member)


def _helper(field: Field) -> object:
    kind = field.kind
    if kind.name == "date":
        return plain_date
    if kind.name == "choice":
        return _Choices(kind)
    if kind.name == "flag":
        return FLAG_TEXTS
    if kind.name == "record" and kind.record is not None:
        return plain_of(kind.record)
    if kind.name == "regime":
        return {regime.id: regime.id for regime in regimes()}
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


class _Mapping:
    """The function written takes a record as a mapping (a JSON object decoded)."""

    header: tuple[str, ...] = ("def plain(record):", "    get = record.get")
    unknown_keys = True  # a mapping may have keys of no field
    stripped = False
    whole_numbers = True  # a whole number may stand for text that may be one (a NIP, an id)

    def gives(self, field: Field) -> bool:
        return True

    def fetch(self, field: Field, name: str) -> list[str]:
        return [f"    {name} = get({field.key!r})"]

    def statements(self, field: Field) -> tuple[str, ...]:
        # a kind with no plain form (a list, a number) leaves to the general path every record
        # that gives the field
        if field.kind.integers and self.whole_numbers:
            return _WHOLE_TEXT
        return _STATEMENTS.get(field.kind.name, ("return None",))

    def helper(self, field: Field) -> object:
        return _helper(field)


class _Cells(_Mapping):
    """The function written takes a row's cells: the field of each cell, by its position.

    Each cell is text, stripped; an empty cell gives nothing.
    """

    unknown_keys = False
    stripped = True
    whole_numbers = False  # a cell is text

    def __init__(self, cells: dict[str, int]) -> None:
        self.cells = cells
        taken = ", ".join(f"cell_{key}" for key in cells)
        # every cell at once, in C: the row has exactly these
        self.header = ("def plain(cells):", *([f"    ({taken},) = cells"] if cells else []))

    def gives(self, field: Field) -> bool:
        return field.key in self.cells  # no column gives any other

    def fetch(self, field: Field, name: str) -> list[str]:
        return [f"    {name} = cell_{field.key} or None"]

    def statements(self, field: Field) -> tuple[str, ...]:
        if field.kind.name == "date":
            return _CELL_DATE
        return super().statements(field)


class _Struct(_Mapping):
    """The function written takes a record decoded into its :func:`plain_struct`.

    With ``tally``, each key the struct was not given adds one to ``absent``.
    """

    header = ("def plain(record):",)
    unknown_keys = False  # msgspec refused them

    def __init__(self, *, tally: bool = False) -> None:
        self.tally = tally

    def gives(self, field: Field) -> bool:
        return _has_plain_form(field)  # the struct has no other key

    def fetch(self, field: Field, name: str) -> list[str]:
        lines = [f"    {name} = record.{field.key}"]
        if not field.required:  # a key the record did not give is UNSET; null is None
            lines += [f"    if {name} is UNSET:", f"        {name} = None"]
            lines += ["        absent += 1"] if self.tally else []
        return lines

    def statements(self, field: Field) -> tuple[str, ...]:
        if field.kind.integers:
            return _TYPED_WHOLE_TEXT
        return _TYPED_STATEMENTS[field.kind.name]

    def helper(self, field: Field) -> object:
        if field.kind.name == "record":
            return plain_struct_reader(_nested(field))
        return _helper(field)


def _reading(
    record: Record[Any],
    namespace: dict[str, object],
    source: _Mapping,
    leave: frozenset[str] = frozenset(),
) -> tuple[list[str], dict[str, str]]:
    """The statements that read each field of ``record`` but those in ``leave``, or return None.

    With the name of the variable that holds each field's value. The function
    written takes what ``source`` says: a record as a mapping, a row's cells
    (see :func:`plain_row_reader`), or a record's struct (see
    :func:`plain_struct_reader`).
    """
    names: dict[str, str] = {}
    lines = list(source.header)

    def read(field: Field) -> None:
        name = names[field.key] = f"value_{field.key}"
        namespace[f"helper_{field.key}"] = source.helper(field)
        default = namespace[f"default_{field.key}"] = field.default
        blank = "return None" if field.required else f"{name} = default_{field.key}"
        if not source.gives(field):
            lines.append(f"    {blank}")
            return
        statements = source.statements(field)
        body = [
            line.format(v=name, helper=f"helper_{field.key}", blank=blank) for line in statements
        ]
        lines.extend(source.fetch(field, name))
        if not body:  # the value is as msgspec decoded it (a date, a member, a flag)
            if not field.required and default is not None:
                lines.extend([f"    if {name} is None:", f"        {blank}"])
        elif source.stripped and statements is _TEXT:  # a stripped cell: its text, or None
            if field.required or default is not None:
                lines.extend([f"    if {name} is None:", f"        {blank}"])
        elif field.required:
            lines.extend(f"    {line}" for line in body)
        else:
            lines.append(f"    if {name} is not None:")
            lines.extend(f"        {line}" for line in body)
            if default is not None:
                lines.extend(["    else:", f"        {blank}"])

    required = [field for field in record.required if field.key not in leave]
    for field in required:
        read(field)
    if source.unknown_keys:
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
    is plain: text that is not blank (stripped; a NIP or an id may be a whole
    number, read as its digits, as the general path reads it), ``YYYY-MM-DD``,
    a choice written as its parser reads it (its code, or another text the parser reads
    as a member, remembered once read: ``Laki-laki``, ``golongan III``), a
    regime's id, ``true``/``false`` (or text the general path reads as one,
    :data:`FLAG_TEXTS`), a list of weekday numbers, a nested record that is
    plainly right. Absent optional fields take their default.

    A field of a kind with no plain form (a list, a number) is plain only when absent.

    Raises:
        ValueError: If the model has an attribute the record does not declare.
    """
    namespace: dict[str, object] = {"KEYS": record.key_set, "Model": record.model, "DATES": _DATES}
    lines, names = _reading(record, namespace, _Mapping())
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
        >>> read({"id": 7, "name": "Angkatan I", "track": "III", "method": "blended"})["id"]
        '7'
        >>> read({"id": 7.5, "name": "Angkatan I", "track": "III", "method": "blended"}) is None
        True
    """
    namespace: dict[str, object] = {"KEYS": record.key_set, "DATES": _DATES}
    reader = _values_written(record, namespace, _Mapping(), leave, " values")
    reader.__doc__ = f"The values of a plainly right {record.name} record, else ``None``."
    return reader


def _values_written(
    record: Record[Any],
    namespace: dict[str, object],
    source: _Mapping,
    leave: frozenset[str],
    what: str,
) -> Callable[[Any], dict[str, Any] | None]:
    """The function that gives the values of ``record``'s fields but those in ``leave``."""
    lines, names = _reading(record, namespace, source, leave)
    lines.append(
        "    return {" + ", ".join(f"{key!r}: {name}" for key, name in names.items()) + "}"
    )
    return _written(record, lines, namespace, what)


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
    namespace: dict[str, object] = {
        "Model": record.model,
        "DATE_TEXT": date_text,
        "CELL_DATES": {},  # the dates of cells read, by their text (``date_text`` is this one's)
        "remember": remember,
    }
    lines, names = _reading(record, namespace, _Cells({key: at for at, key in enumerate(keys)}))
    lines.extend(_construction(record, names, namespace))
    reader = _written(record, lines, namespace, " row")
    reader.__doc__ = f"The {record.name} of a row's plainly right cells, else ``None``."
    return cast("Callable[[Sequence[str]], M | None]", reader)


# What msgspec decodes a field of each kind into on the typed path (:func:`plain_struct`): the
# JSON type the kind's plain form needs, and a date for a date (msgspec reads YYYY-MM-DD and
# nothing else)
_STRUCT_TYPES: dict[str, object] = {
    "text": str,
    "nip": str,
    "date": datetime.date,
    "choice": str,
    "regime": str,
    "flag": bool | str,
    "weekdays": list[int],
}


def _struct_type(field: Field) -> object | None:
    """What a struct decodes ``field`` into; ``None`` for a field the typed path leaves out."""
    kind = field.kind
    if kind.integers:  # text, or a whole number read as its digits
        return str | int
    if kind.name in _STRUCT_TYPES:
        return _STRUCT_TYPES[kind.name]
    if kind.name in ("record", "records") and _can_be_plain(_nested(field)):
        nested = plain_struct(_nested(field))
        return nested if kind.name == "record" else list[nested]  # type: ignore[valid-type]
    return None


def _has_plain_form(field: Field) -> bool:
    """Whether a field is read on the typed path (any other is never given there)."""
    return field.kind.name != "records" and _struct_type(field) is not None


def _can_be_plain(record: Record[Any]) -> bool:
    """Whether a record can be plainly right: each of its required fields has a plain form."""
    return all(
        field.kind.name in _STRUCT_TYPES or field.kind.name == "record" for field in record.required
    )


_STRUCTS: dict[tuple[Record[Any], frozenset[str]], type[msgspec.Struct]] = {}


def plain_struct(record: Record[Any], leave: frozenset[str] = frozenset()) -> type[msgspec.Struct]:
    """The struct msgspec decodes a record of ``record`` into, on the typed path.

    Written from the declaration: a key for each field with a plain form
    (:func:`plain_reader`), typed by what that form needs: text for text, a
    choice and a regime; text or a whole number for a NIP or an id; a date for
    a date (msgspec reads ``YYYY-MM-DD`` and nothing else, as :func:`plain_date`
    does); a boolean or text for a flag; a list of whole numbers; a nested
    record's struct. Each is
    required as the field is, and, for a field in
    ``leave``, a list of its records' structs (a cohort's participants). An
    optional key the record does not give is :data:`msgspec.UNSET`, and null
    is ``None``, so that the keys a record gave can be counted. Unknown keys
    are refused, and so is any key of a field with no plain form (a result's
    scores): msgspec then raises :class:`msgspec.ValidationError` and the record
    goes the general way.

    Example:
        >>> import msgspec
        >>> decode = msgspec.json.Decoder(plain_struct(PARTICIPANT)).decode
        >>> decode(b'{"nip": "1", "name": " Dewi", "grade": "III/a", "agency": "Dinkes"}')
        participant(nip='1', name=' Dewi', grade='III/a', agency='Dinkes', birth_date=UNSET, \
sex=UNSET, tmt_cpns=UNSET, education=UNSET, position=UNSET, rank=UNSET)
        >>> decode(b'{"nip": 1.5, "name": "Dewi", "grade": "III/a", "agency": "D"}')
        ... # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ...
        msgspec.ValidationError: Expected `int | str`, got `float` - at `$.nip`
    """
    known = _STRUCTS.get((record, leave))
    if known is not None:
        return known
    fields: list[tuple[str, object] | tuple[str, object, object]] = []
    for field in record.fields:
        if field.key in leave and field.kind.name != "records":
            raise ValueError(f"only a list of records is left to the caller, not {field.key}")
        typed = _struct_type(field)
        if typed is None or (field.kind.name == "records" and field.key not in leave):
            continue
        if field.required:
            fields.append((field.key, typed))
        else:
            fields.append((field.key, typed | None | msgspec.UnsetType, msgspec.UNSET))  # type: ignore[operator]
    struct = _STRUCTS[(record, leave)] = msgspec.defstruct(
        record.name, fields, kw_only=True, forbid_unknown_fields=True, module=__name__
    )
    return struct


_STRUCT_READERS: dict[Record[Any], Callable[[Any], Any]] = {}


def plain_struct_reader(record: Record[M]) -> Callable[[Any], M | None]:
    """The fast path of a record decoded into its :func:`plain_struct`: its model, else ``None``.

    The same statements as :func:`plain_reader`'s, each field taken from the
    struct's attribute; msgspec has already refused unknown keys, and values
    not of the plain form's JSON type. So for every struct it gives what
    :func:`plain_reader`'s function gives for the record decoded as a mapping
    (``tests/test_typed.py``).

    Example:
        >>> import msgspec
        >>> decode = msgspec.json.Decoder(plain_struct(PARTICIPANT)).decode
        >>> read = plain_struct_reader(PARTICIPANT)
        >>> person = read(decode(b'{"nip": "1", "name": " Dewi", "grade": "III/a", "agency": "D",'
        ...                      b' "sex": "P", "tmt_cpns": null}'))
        >>> person.name, person.sex, person.tmt_cpns
        ('Dewi', <Sex.FEMALE: 2>, None)
        >>> read(decode(b'{"nip": "1", "name": " ", "grade": "III/a", "agency": "D"}')) is None
        True
    """
    known = _STRUCT_READERS.get(record)
    if known is not None:
        return cast("Callable[[Any], M | None]", known)
    namespace: dict[str, object] = {"Model": record.model, "DATES": _DATES, "UNSET": msgspec.UNSET}
    lines, names = _reading(record, namespace, _Struct())
    lines.extend(_construction(record, names, namespace))
    reader = _STRUCT_READERS[record] = _written(record, lines, namespace, " struct")
    reader.__doc__ = f"The {record.name} of a plainly right record's struct, else ``None``."
    return cast("Callable[[Any], M | None]", reader)


def plain_struct_list_reader(
    record: Record[M],
) -> Callable[[list[Any]], tuple[list[M], int] | None]:
    """The fast path of a list of records decoded into their :func:`plain_struct`, in one call.

    The models :func:`plain_struct_reader` gives for each struct, with the
    number of keys the structs were not given (those left
    :data:`msgspec.UNSET`); ``None`` when a struct is not plainly right. The
    statements are :func:`plain_struct_reader`'s, in a loop: a cohort's
    participants are read without a call each, and their keys are counted
    as they are read.

    Example:
        >>> import msgspec
        >>> decode = msgspec.json.Decoder(list[plain_struct(PARTICIPANT)]).decode
        >>> read = plain_struct_list_reader(PARTICIPANT)
        >>> people, absent = read(decode(b'[{"nip": "1", "name": "Dewi", "grade": "III/a",'
        ...                              b' "agency": "D", "sex": "P", "rank": null}]'))
        >>> [person.name for person in people], absent
        (['Dewi'], 4)
    """
    namespace: dict[str, object] = {"Model": record.model, "DATES": _DATES, "UNSET": msgspec.UNSET}
    lines, names = _reading(record, namespace, _Struct(tally=True))
    lines.extend(_construction(record, names, namespace))
    *body, last = lines[1:]
    if not last.startswith("    return "):
        raise AssertionError(f"the fast path of {record.name} ends with {last!r}")
    looped = [
        "def plain(records):",
        "    absent = 0",
        "    models = []",
        "    keep = models.append",
        "    for record in records:",
        *(f"    {line}" for line in body),
        f"        keep({last.removeprefix('    return ')})",
        "    return models, absent",
    ]
    reader = _written(record, looped, namespace, " structs")
    reader.__doc__ = f"The {record.name}s of plainly right records' structs, else ``None``."
    return cast("Callable[[list[Any]], tuple[list[M], int] | None]", reader)


def plain_struct_values_reader(
    record: Record[Any], leave: frozenset[str]
) -> Callable[[Any], dict[str, Any] | None]:
    """:func:`plain_values_reader` of a record decoded into ``plain_struct(record, leave)``.

    The values of its fields but those in ``leave``, or ``None``.
    """
    namespace: dict[str, object] = {"DATES": _DATES, "UNSET": msgspec.UNSET}
    reader = _values_written(record, namespace, _Struct(), leave, " struct values")
    reader.__doc__ = f"The values of a plainly right {record.name} record's struct, else ``None``."
    return reader


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
