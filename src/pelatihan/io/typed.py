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

:func:`open_json_bytes` decodes the document alone, each cohort left as its
text (:class:`Opened`), so that processes can each load some of the cohorts
(:meth:`Opened.part`; :mod:`pelatihan.validation.shares`).

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

from pelatihan.cohort import Cohort, Participant
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

__all__ = ["Opened", "load_json", "load_json_bytes", "load_opened", "open_json", "open_json_bytes"]


class _Document(msgspec.Struct, forbid_unknown_fields=True):
    """A document of the interchange format, each cohort left as its JSON text."""

    format: str
    cohorts: list[msgspec.Raw]


_DOCUMENT: Final = msgspec.json.Decoder(_Document)
_DOCUMENT_KEYS = 2
"""The keys of a document :data:`_DOCUMENT` decodes: both are required."""


class _People(msgspec.Struct):
    """A cohort's participants, each left as its JSON text; its other keys skipped."""

    participants: list[msgspec.Raw] = []


_PEOPLE: Final = msgspec.json.Decoder(_People)

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


_SAMPLE = 1 << 20
"""The bytes :meth:`Opened.participants` counts the participants of."""


class Opened:
    """A JSON file of the interchange format's shape, each cohort left as its text.

    What :func:`open_json_bytes` gives.

    :meth:`loaded` loads every cohort the typed way; :meth:`part` loads some of
    them, for a process that checks those alone
    (:func:`pelatihan.validation.shares.load_and_check`).
    """

    __slots__ = ("body", "data", "file_name", "texts")

    def __init__(self, data: bytes, body: bytes, file_name: str | None, texts: list[Any]) -> None:
        self.data = data
        """The file's bytes."""
        self.body = body
        """The file's bytes without a byte-order mark."""
        self.file_name = file_name
        self.texts = texts
        """Each cohort's JSON text (:class:`msgspec.Raw`), in the order of the file."""

    def participants(self) -> int:
        """About how many participants the file gives, for deciding on workers and showing progress.

        How often its first mebibyte writes ``"nip"``, for the whole file: exact
        for a file no larger, an estimate for a larger one (counting them all would
        take about 60 ms at 250,000 participants).
        """
        sample = _SAMPLE
        body = self.body
        found = body.count(b'"nip"', 0, sample)
        return found if len(body) <= sample else found * len(body) // sample

    def document(self) -> _TypedDocument:
        """A document of the file, its plain data decoded when first asked for."""
        return _TypedDocument(_Text(self.body), self.file_name)

    def loaded(self) -> Loaded | None:
        """Every cohort, loaded the typed way; ``None`` for :func:`read_json_bytes`."""
        cohorts = _Cohorts(_Structurer(self.document()))
        keys = _load_cohorts(cohorts, self.texts, 0, len(self.texts))
        if keys is None:
            return None
        loaded = cohorts.loaded()
        return loaded if self.proved(_DOCUMENT_KEYS + keys, loaded.document) else None

    def part(self, start: int, stop: int) -> tuple[Loaded, int] | None:
        """The cohorts ``start`` to ``stop``, loaded at their places, and the keys they gave.

        Each as :meth:`loaded` loads it; the cohorts before ``start`` are places
        only (``None``), and :attr:`Loaded.sizes` counts the part's cohorts alone.
        ``None`` when a cohort of the part is not kept at its place (it is not an
        object) or :meth:`loaded` would give ``None``, as far as the part tells:
        whether a key was given twice is told by :meth:`proved`, from every
        part's keys.
        """
        cohorts = _Cohorts(_Structurer(self.document()))
        cohorts.places(start)
        keys = _load_cohorts(cohorts, self.texts, start, stop)
        if keys is None:
            return None
        loaded = cohorts.loaded()
        return (loaded, keys) if len(loaded.cohort_index) == stop else None

    def participant(self, cohort: int, index: int) -> Participant:
        """The participant ``index`` of the cohort ``cohort`` (in the input), structured alone.

        As loading its cohort structures it: each participant that is an object
        is structured by itself, the same way whichever way its cohort is read
        (``tests/test_shares.py``).

        Raises:
            ValueError: If the cohort does not give it as an object.
        """
        try:
            people = _PEOPLE.decode(self.texts[cohort]).participants
            record = _DECODER.decode(people[index])
        except (msgspec.DecodeError, IndexError) as error:
            raise ValueError(f"the cohort {cohort} gives no participant {index}") from error
        if not isinstance(record, dict):
            raise ValueError(f"the participant {index} of the cohort {cohort} is not an object")
        structurer = _Structurer(self.document())
        return structurer.participant(record, ("cohorts", cohort, "participants", index))

    def proved(self, keys: int, document: RawDocument) -> bool:
        """Whether the file gives no key twice, its records having been given ``keys`` keys.

        When a colon in a text keeps the colons from counting the keys, the plain
        data of ``document`` (one of :meth:`document`'s) is decoded, and kept, to tell.
        """
        if _proved(keys, self.body):
            return True
        try:
            plain = document.data  # decoded now, once, and kept
        except _UNREADABLE:
            return False
        return _reencoded(plain, self.body)


def _load_cohorts(cohorts: _Cohorts, texts: list[Any], start: int, stop: int) -> int | None:
    """Load the cohorts ``start`` to ``stop`` of ``texts`` into ``cohorts``: the keys they gave.

    Each the typed way when it is plainly right, else decoded into plain data and
    structured; ``None`` when one is not JSON or not UTF-8, or nests too deep.
    """
    keys = 0
    for index in range(start, stop):
        text = texts[index]
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
    return keys


def open_json_bytes(data: bytes, file_name: str | None = None) -> Opened | None:
    """A JSON cohort file's bytes, opened: its document decoded, each cohort left as its text.

    ``None`` for bytes that are not JSON of the interchange format's shape (a
    document with ``format`` and ``cohorts`` alone, of this format), which
    :func:`read_json_bytes` reads, with their errors.
    """
    body = _without_bom(data)
    try:
        document = _DOCUMENT.decode(body)
    except _UNREADABLE:  # not of the interchange shape (a ValidationError), or not JSON
        return None
    if document.format != FORMAT:
        return None
    return Opened(data, body, file_name, document.cohorts)


def _typed(data: bytes, file_name: str | None) -> Loaded | None:
    """The document of ``data`` loaded the typed way; ``None`` for :func:`read_json_bytes`."""
    opened = open_json_bytes(data, file_name)
    return opened.loaded() if opened is not None else None


def load_opened(opened: Opened | None, data: bytes, file_name: str | None) -> Loaded:
    """The cohorts of a file opened (:func:`open_json_bytes`): loaded the typed way, else whole.

    Raises:
        InputError: If the bytes cannot be read as UTF-8 JSON, as :func:`read_json_bytes`.
    """
    loaded = opened.loaded() if opened is not None else None
    return loaded if loaded is not None else structure(read_json_bytes(data, file_name))


def load_json_bytes(data: bytes, file_name: str | None = None) -> Loaded:
    """Load a JSON cohort file's bytes: what ``structure(read_json_bytes(data, file_name))`` gives.

    Raises:
        InputError: If the bytes cannot be read as UTF-8 JSON, as :func:`read_json_bytes`.
    """
    return load_opened(open_json_bytes(data, file_name), data, file_name)


def open_json(source: str | os.PathLike[str] | IO[bytes]) -> Opened | Loaded:
    """Open a JSON cohort file (a path, or a binary file object): :func:`open_json_bytes`.

    A file that is not of the interchange format's shape is loaded whole at once
    (:func:`load_opened`), as :func:`load_json` loads it.

    Raises:
        InputError: If the file cannot be read as UTF-8 JSON, as :func:`read_json`.
    """
    data, file_name = file_bytes(source)
    opened = open_json_bytes(data, file_name)
    return opened if opened is not None else load_opened(None, data, file_name)


def load_json(source: str | os.PathLike[str] | IO[bytes]) -> Loaded:
    """Load a JSON cohort file (a path, or a binary file object) into cohort models.

    What ``structure(read_json(source))`` gives, sooner for a file of the
    interchange format.

    Raises:
        InputError: If the file cannot be read as UTF-8 JSON, as :func:`read_json`.
    """
    return load_json_bytes(*file_bytes(source))
