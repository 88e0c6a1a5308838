r"""Loading a JSON cohort file the typed way: each cohort decoded by msgspec into typed records.

A national export is nearly all plainly right records. For a file of the
interchange format, :func:`load_json` has msgspec's JSON decoder (written in C)
decode each cohort straight into structs written from the declarations
(:func:`~pelatihan.io.plain.plain_struct`): only the keys a record may give,
each of the type its plain form needs (text, a date, a boolean, ...).
The fast path's statements then
make the models from the structs (:func:`~pelatihan.io.plain.plain_struct_reader`),
as they make them from a mapping, without a dictionary per record. A cohort
that is not plainly right — an unknown key, a number where text belongs, a
date not written ``YYYY-MM-DD``, a blank name, results with scores — is decoded
into plain data and structured as :func:`~pelatihan.io.structure.structure`
structures it, with every finding; the others are not affected.

The result is the one :func:`~pelatihan.io.jsonfile.read_json` and
:func:`~pelatihan.io.structure.structure` give together (``tests/test_typed.py``
compares the two on generated documents), and that is proved for each file
before it is taken, as :mod:`pelatihan.io.jsonfile` proves it for its own
decoding: the keys the records were given (a struct's key not given is
:data:`msgspec.UNSET`) must be as many as the file's colons (all of them, or
those right after a quote or JSON's whitespace), so that no key was given
twice; when a colon in a text keeps them from being as many (``"Bagian : Umum"``),
the file's plain data, written out again, must give back every colon
(:func:`~pelatihan.io.jsonfile._reencoded`); and a cohort
decoded into plain data must nest no deeper than :data:`~pelatihan.io.jsonfile.MAX_DEPTH`.
Anything else — a file that is not JSON or not UTF-8, a document with a key
other than ``format`` and ``cohorts``, another format, a key given twice, half
a surrogate pair — is read by :func:`~pelatihan.io.jsonfile.read_json` and
structured whole, with its errors and findings.

The document's plain data (:attr:`~pelatihan.io.document.RawDocument.data`) is
decoded only when it is first asked for: to attach results, or to name a record
that could not be structured.

    >>> loaded = load_json_bytes(b'{"format": "pelatihan/cohorts@1", "cohorts": [{"id": "a",'
    ...     b' "name": "A", "track": "III", "method": "blended", "participants": [{"nip": "1",'
    ...     b' "name": " Dewi", "grade": "III/a", "agency": "Dinkes", "sex": "P"}]}]}', "a.json")
    >>> loaded.cohorts[0].participants[0].name, loaded.findings
    ('Dewi', ())
    >>> loaded.document.data["cohorts"][0]["participants"][0]["name"]
    ' Dewi'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, Any, Final

import msgspec

from pelatihan.cohort import Cohort
from pelatihan.io.document import FORMAT, RawDocument
from pelatihan.io.fields import COHORT, Field
from pelatihan.io.jsonfile import (
    _DECODER,
    _UNREADABLE,
    MAX_DEPTH,
    _object_keys,
    _proved,
    _reencoded,
    _without_bom,
    file_bytes,
    read_json_bytes,
)
from pelatihan.io.plain import (
    _nested,
    plain_struct,
    plain_struct_list_reader,
    plain_struct_reader,
    plain_struct_values_reader,
)
from pelatihan.io.structure import _LIST_FIELDS, _LISTS, Loaded, _Cohorts, _Structurer, structure

__all__ = ["load_json", "load_json_bytes"]


class _Document(msgspec.Struct, forbid_unknown_fields=True):
    """A document of the interchange format, each cohort left as its JSON text."""

    format: str
    cohorts: list[msgspec.Raw]


_DOCUMENT: Final = msgspec.json.Decoder(_Document)
_DOCUMENT_KEYS = 2
"""The keys of a document :data:`_DOCUMENT` decodes: both are required."""

_LEAVE = frozenset(_LISTS)
_COHORT_STRUCT = plain_struct(COHORT, _LEAVE)
_COHORT: Final = msgspec.json.Decoder(_COHORT_STRUCT)
_cohort_values = plain_struct_values_reader(COHORT, _LEAVE)


def _is_none(value: object) -> bool:
    return value is None


def _list_reading(field: Field) -> tuple[Callable[[list[Any]], Any], int | None]:
    """What reads a list field's structs, and the keys each struct has (``None``: not one for all).

    A record with a record within it (a result's absences) has its keys counted
    struct by struct; any other, as its structs are read.
    """
    record = _nested(field)
    if any(inner.kind.name in ("record", "records") for inner in record.fields):
        read = plain_struct_reader(record)

        def read_each(items: list[Any]) -> tuple[list[Any], int] | None:
            models = list(map(read, items))
            return None if any(map(_is_none, models)) else (models, 0)

        return read_each, None
    return plain_struct_list_reader(record), len(plain_struct(record).__struct_fields__)


_STRUCT_LISTS = tuple(
    (field, *_list_reading(field))
    for field in _LIST_FIELDS
    if field.key in _COHORT_STRUCT.__struct_fields__
)
"""The cohort's lists of records that a plainly right cohort may give, each with how it is read."""

_OWN_FIELDS = tuple(name for name in _COHORT_STRUCT.__struct_fields__ if name not in _LEAVE)


def _typed_cohort(
    struct: Any,
) -> tuple[Cohort, tuple[int, ...], tuple[int, ...], int] | None:
    """The cohort of a plainly right cohort's struct; else ``None``.

    With the indexes of its participants and results, and the number of keys
    the cohort and its records were given.
    """
    values = _cohort_values(struct)
    if values is None:
        return None
    keys = _struct_keys(struct, _OWN_FIELDS)
    indexes: dict[str, tuple[int, ...]] = {}
    for field in _LIST_FIELDS:
        values[field.key] = field.default
        indexes[field.key] = ()
    for field, read, width in _STRUCT_LISTS:
        items = getattr(struct, field.key)
        if items is msgspec.UNSET:
            continue
        keys += 1
        if items is None:
            continue
        read_items = read(items)
        if read_items is None:
            return None
        models, absent = read_items
        if width is None:
            keys += sum(map(_struct_keys, items))
        else:
            keys += width * len(items) - absent
        values[field.key] = tuple(models)
        indexes[field.key] = tuple(range(len(models)))
    return COHORT.model(**values), indexes["participants"], indexes["results"], keys


def _struct_keys(struct: Any, names: tuple[str, ...] | None = None) -> int:
    """The keys a decoded struct (those of ``names``), and the structs within them, were given."""
    keys = 0
    for name in struct.__struct_fields__ if names is None else names:
        value = getattr(struct, name)
        if value is msgspec.UNSET:
            continue
        keys += 1
        if isinstance(value, msgspec.Struct):
            keys += _struct_keys(value)
        elif type(value) is list:
            keys += sum(_struct_keys(item) for item in value if isinstance(item, msgspec.Struct))
    return keys


# -- the document ------------------------------------------------------------------


class _TypedDocument(RawDocument):
    """A JSON document whose plain data is decoded from its text when first asked for."""

    __slots__ = ()

    @property
    def data(self) -> object:
        """The document in the interchange shape, decoded the first time it is asked for."""
        value = _DATA.__get__(self)
        if type(value) is _Text:
            value = _DECODER.decode(value.body)
            _DATA.__set__(self, value)
        return value

    @data.setter
    def data(self, value: object) -> None:
        _DATA.__set__(self, value)


_DATA: Final[Any] = RawDocument.__dict__["data"]
"""The slot :class:`~pelatihan.io.document.RawDocument` keeps its data in."""


class _Text:
    """The text of a document not decoded yet."""

    __slots__ = ("body",)

    def __init__(self, body: bytes) -> None:
        self.body = body


def _typed(data: bytes, file_name: str | None) -> Loaded | None:
    """The document of ``data`` loaded the typed way; ``None`` for :func:`read_json_bytes`."""
    body = _without_bom(data)
    try:
        document = _DOCUMENT.decode(body)
    except _UNREADABLE:  # not of the interchange shape (a ValidationError), or not JSON
        return None
    if document.format != FORMAT:
        return None
    cohorts = _Cohorts(_Structurer(_TypedDocument(_Text(body), file_name)))
    keys = _DOCUMENT_KEYS
    for index, text in enumerate(document.cohorts):
        try:
            struct = _COHORT.decode(text)
        except msgspec.ValidationError:  # not plainly right
            struct = None
        except _UNREADABLE:  # not JSON, not UTF-8, half a surrogate pair
            return None
        built = None if struct is None else _typed_cohort(struct)
        if built is not None:
            cohort, participants, results, given = built
            keys += given
            cohorts.take(index, cohort, participants, results)
            continue
        try:
            record = _DECODER.decode(text)
        except _UNREADABLE:
            return None
        walked = _object_keys(record, MAX_DEPTH - 2)  # a cohort is the third level
        if walked is None:
            return None
        keys += walked
        cohorts.add(index, record)
    loaded = cohorts.loaded()
    if not _proved(keys, body):  # a key given twice, or a ":" in a text that hides whether one was
        try:
            plain = loaded.document.data  # decoded now, once, and kept
        except _UNREADABLE:
            return None
        if not _reencoded(plain, body):
            return None
    return loaded


def load_json_bytes(data: bytes, file_name: str | None = None) -> Loaded:
    """Load a JSON cohort file's bytes: what ``structure(read_json_bytes(data, file_name))`` gives.

    Raises:
        InputError: If the bytes cannot be read as UTF-8 JSON, as :func:`read_json_bytes`.
    """
    loaded = _typed(data, file_name)
    return loaded if loaded is not None else structure(read_json_bytes(data, file_name))


def load_json(source: str | os.PathLike[str] | IO[bytes]) -> Loaded:
    """Load a JSON cohort file (a path, or a binary file object) into cohort models.

    What ``structure(read_json(source))`` gives, sooner for a file of the
    interchange format.

    Raises:
        InputError: If the file cannot be read as UTF-8 JSON, as :func:`read_json`.
    """
    return load_json_bytes(*file_bytes(source))
