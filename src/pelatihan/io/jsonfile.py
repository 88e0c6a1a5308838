r"""Reading the JSON interchange format (``pelatihan/cohorts@1``).

The file must be UTF-8 JSON (a byte-order mark is allowed). What cannot be read
at all — a missing or empty file, text that is not UTF-8, text that is not
JSON, ``NaN`` or ``Infinity`` (not JSON), nesting deeper than any cohort file
needs — is one :class:`~pelatihan.io.document.InputError` naming the file.
A key given twice in one object keeps its last value and is an error at that
object's path, saying what was dropped (a list's or an object's number of
items): nothing is lost silently. Numbers
with a fraction are read as :class:`~decimal.Decimal`, so a score of 70.01 stays
exactly 70.01.

A file is read in one of two ways, with the same result. A regular file — one
msgspec's JSON decoder (written in C) accepts, nested no deeper than
:data:`MAX_DEPTH`, with no key given twice — is decoded by it, with numbers
that have a fraction or an exponent as :class:`~decimal.Decimal` of their text.
That no key is given twice is proved by counting: every ``:`` outside a text
separates a key from its value, so the keys the decoded objects hold equal the
colons of the file (or those right after a quote or JSON's whitespace) only
when no object lost a key to a later one (the keys are counted, and the nesting
checked, by a walk over the decoded data that passes over the values of a
cohort file's participants when the file's brackets show they hold no list or
object). Anything else — invalid JSON, a key given twice or a colon inside a
text that keeps the count from proving it, half a surrogate pair (which msgspec
refuses), deep nesting, a number msgspec refuses — is read by
:func:`read_json_exact`, Python's own ``json`` module with a hook on every
object, which gives the errors and the findings described above.
"""

from __future__ import annotations

import codecs
import collections
import decimal
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

import msgspec

from pelatihan.catalogue.reading import DUPLICATE_KEY, VALUE_RULE
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Key, Location
from pelatihan.io.document import (
    InputError,
    RawDocument,
    open_input,
    read_limited,
)

__all__ = [
    "MAX_DEPTH",
    "loads_exact",
    "read_json",
    "read_json_bytes",
    "read_json_exact",
    "read_json_text",
]

MAX_DEPTH = 64
"""The deepest nesting accepted; the format itself needs 5 levels."""


def _object_keys(data: object, depth: int = MAX_DEPTH) -> int | None:
    """The number of keys of the objects in parsed JSON; ``None`` if nested deeper than ``depth``.

    Walked one level of containers at a time; the keys of an object given twice
    count once (a decoded object holds each key once). The objects of one list
    (a cohort's participants) are looked into together, in C, and one by one
    only when one of them holds a container.

    Example:
        >>> _object_keys({"a": [{"b": 1, "c": {}}], "d": 2}), _object_keys(7)
        (4, 0)
        >>> deepest: list[object] = []
        >>> for _ in range(MAX_DEPTH - 1):
        ...     deepest = [deepest]
        >>> _object_keys(deepest), _object_keys([deepest])
        (0, None)
    """
    walked = _walk([data] if type(data) is dict or type(data) is list else [], depth)
    return None if walked is None else walked[0]


def _walk(containers: list[Any], depth: int) -> tuple[int, int] | None:
    """The keys of the objects in ``containers`` and in all they hold, and the containers in all.

    ``None`` if containers are nested more than ``depth`` deep, those given counted
    as the first level.
    """
    keys = count = 0
    # each level: groups of containers as deep as each other (the containers of one list, or
    # of one object)
    level: list[list[Any]] = [containers] if containers else []
    for _ in range(depth):
        if not level:
            return keys, count
        below: list[list[Any]] = []
        for group in level:
            count += len(group)
            objects = [item for item in group if type(item) is dict]
            if objects:
                keys += sum(map(len, objects))
                values = itertools.chain.from_iterable(map(dict.values, objects))
                if not _CONTAINERS.isdisjoint(map(type, values)):
                    below += filter(None, map(_containers, map(dict.values, objects)))
            if len(objects) < len(group):
                lists = [item for item in group if type(item) is list]
                below += filter(None, map(_containers, lists))
        level = below
    return None if level else (keys, count)


def _document_keys(data: object, text: str | bytes) -> int | None:
    """:func:`_object_keys` of ``data``, decoded from ``text``; sooner for a cohort document.

    In a document of the interchange shape (an object whose ``cohorts`` is a
    list of objects, each one's ``participants`` a list of objects), the
    participants' records are counted without looking into their values when
    the containers found elsewhere, with the records themselves, are as many as
    the text's ``{`` and ``[``: each container the text gives opens with one of
    them, and a bracket inside a text only adds to the count. So then no value
    of a participant is a container, and no record nests deeper than the
    format's five levels. Anything else is walked whole.

    Example:
        >>> text = '{"cohorts": [{"id": "a", "participants": [{"nip": "1"}, {"nip": "[2"}]}]}'
        >>> _document_keys(json.loads(text), text), _object_keys(json.loads(text))
        (5, 5)
    """
    if type(data) is not dict or type(cohorts := data.get("cohorts")) is not list:
        return _object_keys(data)
    document: dict[str, Any] = data
    keys, count = len(document), 2  # the document and its list of cohorts
    # containers of the document beside its cohorts, and of the cohorts beside their participants
    beside = [v for k, v in document.items() if k != "cohorts" and type(v) in _CONTAINERS]
    inside: list[Any] = []
    records: list[list[Any]] = []
    for cohort in cohorts:
        people = cohort.get("participants") if type(cohort) is dict else None
        if type(people) is not list or not _DICT.issuperset(map(type, people)):
            return _object_keys(data)
        keys += len(cohort)
        records.append(people)
        inside += [v for k, v in cohort.items() if k != "participants" and type(v) in _CONTAINERS]
    count += len(cohorts) + len(records)
    for people in records:
        count += len(people)
        keys += sum(map(len, people))
    # their depth in the document: 2 beside the cohorts, 4 inside one
    for found in (_walk(beside, MAX_DEPTH - 1), _walk(inside, MAX_DEPTH - 3)):
        if found is None:
            return None
        keys += found[0]
        count += found[1]
    if isinstance(text, str):
        brackets = text.count("{") + text.count("[")
    else:
        brackets = text.count(b"{") + text.count(b"[")
    return keys if count == brackets else _object_keys(data)


_CONTAINERS = frozenset({dict, list})
_DICT = frozenset({dict})


def _containers(values: Iterable[Any]) -> list[Any]:
    """The objects and lists among ``values``."""
    return [value for value in values if type(value) is dict or type(value) is list]


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


_SURROGATE = re.compile("[\ud800-\udfff]")  # in a str, a surrogate is one no pair completed


def _mend_surrogates(data: object, file_name: str | None) -> tuple[Finding, ...]:
    """Replace each half of a surrogate pair in ``data``'s texts by U+FFFD, reporting each text.

    A text (a value or a key) holding one is an ``input.value`` error at its path;
    the rest of the file is read as usual.
    """
    findings: list[Finding] = []

    def report(keys: tuple[Key, ...], text: str, what_en: str, what_id: str) -> str:
        mended = _SURROGATE.sub("\ufffd", text)
        findings.append(
            VALUE_RULE.finding(
                Location(keys, file=file_name),
                f"{what_en} {quote(text)} holds half of a surrogate pair (a \\u escape), "
                f"which is not text; it is read as {quote(mended)}",
                f"{what_id} {quote(text)} memuat separuh pasangan surrogate (escape \\u), "
                f"yang bukan teks; dibaca sebagai {quote(mended)}",
                value=shorten(text.encode("utf-8", "backslashreplace").decode("utf-8")),
            )
        )
        return mended

    def walk(node: object, keys: tuple[Key, ...]) -> object:
        if type(node) is str:
            return report(keys, node, "the text", "teks") if _SURROGATE.search(node) else node
        if type(node) is list:
            for index, item in enumerate(node):
                node[index] = walk(item, (*keys, index))
        elif type(node) is dict:
            items = list(node.items())
            node.clear()
            for key, value in items:
                name = key
                if _SURROGATE.search(key):
                    name = report(keys, key, "the key", "kunci")
                node[name] = walk(value, (*keys, name))
        return node

    walk(data, ())
    return tuple(findings)


def _too_deep_error(name: str, file_name: str | None) -> InputError:
    return InputError(
        f"{name}: JSON nested deeper than {MAX_DEPTH} levels; a cohort file needs 5",
        f"{name}: JSON bersarang lebih dari {MAX_DEPTH} tingkat; berkas angkatan cukup 5",
        value=file_name,
    )


def read_json_text(text: str, file_name: str | None = None) -> RawDocument:
    """Read JSON text into a :class:`~pelatihan.io.document.RawDocument`.

    A regular text is decoded by msgspec; anything else is read by
    :func:`read_json_exact`, which gives the same document for a regular text,
    and the findings and errors of any other.

    Raises:
        InputError: If the text is empty, too deeply nested, or not JSON.

    Example:
        >>> read_json_text('{"cohorts": [{"id": "a", "start": "2025-07-14"}], "x": 70.10}').data
        {'cohorts': [{'id': 'a', 'start': '2025-07-14'}], 'x': Decimal('70.10')}
        >>> doc = read_json_text('{"cohorts": [], "cohorts": []}', "angkatan.json")
        >>> [f.code for f in doc.findings], doc.file
        (['input.duplicate-key'], 'angkatan.json')
    """
    data = _decode_regular(text)
    if data is _IRREGULAR:
        return read_json_exact(text, file_name)
    return RawDocument(data, file_name)


def read_json_bytes(data: bytes, file_name: str | None = None) -> RawDocument:
    r"""Read a JSON file's bytes (UTF-8, a byte-order mark allowed) as :func:`read_json_text` does.

    Raises:
        InputError: If the bytes are not UTF-8, or as :func:`read_json_text`.

    Example:
        >>> read_json_bytes(codecs.BOM_UTF8 + b'{"nip": "198609262015051001"}').data
        {'nip': '198609262015051001'}
        >>> read_json_bytes(b'{"name": "Siti \xff"}', "angkatan.json")
        Traceback (most recent call last):
        ...
        pelatihan.io.document.InputError: angkatan.json: not UTF-8 text (byte 15); save the file ...
    """
    body = _without_bom(data)
    decoded = _decode_regular(body)
    if decoded is not _IRREGULAR:
        return RawDocument(decoded, file_name)
    name = file_name or "<input>"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not UTF-8 text (byte {error.start}); save the file as UTF-8",
            f"{name}: bukan teks UTF-8 (bita ke-{error.start}); simpan berkas sebagai UTF-8",
            value=file_name,
        ) from None
    return read_json_exact(text, file_name)


def _without_bom(data: bytes) -> bytes:
    """A file's bytes without the UTF-8 byte-order mark it may begin with."""
    return data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data


_UNREADABLE = (msgspec.DecodeError, ValueError, ArithmeticError, RecursionError)
"""What msgspec's decoding raises for a text the exact reader reports: msgspec's own errors (not
ValueErrors before 0.22), bad UTF-8 (in a key, a ``UnicodeDecodeError``), a number
:class:`~decimal.Decimal` refuses."""


def _proved(keys: int, text: str | bytes) -> bool:
    """Whether ``keys``, those the decoded objects hold, prove that ``text`` gave none twice.

    They must be as many as one of the bounds of :func:`_key_bounds` (the looser, counted
    sooner, first).
    """
    return any(keys == bound for bound in _key_bounds(text))


def _reencoded(data: object, text: str | bytes) -> bool:
    r"""Whether ``data``, ``text`` decoded, gives back every colon of ``text``: no key given twice.

    The second proof, for a text whose colons :func:`_proved` cannot count as keys
    (``"Bagian : Umum"``). A colon of the text is a key's, or stands in a text. Written
    out again (:func:`msgspec.json.encode`, which writes a colon as itself) the
    decoded data has a colon for each key it holds and each colon of its texts. A key
    given twice loses one of its two colons and the colons of the texts of one of its
    values, so the two counts are equal only when none was. A colon written as the
    escape ``\u003a`` would be counted in the data and not in the text: a text with
    one is not proved this way.

    Example:
        >>> _reencoded({"a": "x : y"}, b'{"a": "x : y"}'), _reencoded({"a": 2}, b'{"a": 1, "a": 2}')
        (True, False)
    """
    if isinstance(text, str):
        if "\\u003a" in text or "\\u003A" in text:
            return False
        colons = text.count(":")
    else:
        if b"\\u003a" in text or b"\\u003A" in text:
            return False
        colons = text.count(b":")
    return msgspec.json.encode(data).count(b":") == colons


_IRREGULAR: Final = object()
"""What :func:`_decode_regular` gives for a text it leaves to :func:`read_json_exact`."""

_DECODER: Final = msgspec.json.Decoder(float_hook=decimal.Decimal)
"""Numbers with a fraction or an exponent read as ``parse_float=Decimal`` reads them."""

_BEFORE_COLON = ('":', " :", "\t:", "\n:", "\r:")
"""What stands right before the colon of a key: the key's closing quote, or JSON's whitespace."""
_BEFORE_COLON_BYTES = tuple(pair.encode() for pair in _BEFORE_COLON)


def _key_bounds(text: str | bytes) -> Iterator[int]:
    """At least the number of keys ``text`` gives, if it is JSON: the tighter bound second.

    Example:
        >>> list(_key_bounds('{"a": "08:00", "b" : {"c":1}}'))
        [4, 3]
    """
    if isinstance(text, str):
        yield text.count(":")
        yield sum(map(text.count, _BEFORE_COLON))
    else:
        yield text.count(b":")
        yield sum(map(text.count, _BEFORE_COLON_BYTES))


def _decode_regular(text: str | bytes) -> Any:
    r"""``text`` decoded by msgspec when the result is provably that of :func:`read_json_exact`.

    Else :data:`_IRREGULAR`: when msgspec refuses the text (not JSON, not
    UTF-8, ``NaN``, an integer of more than 4,300 digits, a ``\u`` escape of half
    a surrogate pair, which the exact reader mends and reports), when it nests
    deeper than :data:`MAX_DEPTH`, or when it might give a key twice.

    msgspec keeps the last value of a key given twice, silently. A colon outside
    a text separates a key from its value, and only there; the key's closing quote
    or JSON's whitespace (space, tab, line feed, carriage return) stands right
    before it. So the colons of the text, and more tightly the colons right after
    one of those, are at least the keys the text gives; the decoded objects hold
    at most that many, and as many only when no object lost a key to a later one.
    When the count is not equal, a colon in a text may be why: the data written out
    again must then give back every colon (:func:`_reencoded`), or the exact reader
    decides.

    Example:
        >>> _decode_regular(b'{"a": {"b": [1, 2.50]}, "c": "08:00", "d": "x :"}')
        {'a': {'b': [1, Decimal('2.50')]}, 'c': '08:00', 'd': 'x :'}
        >>> texts = ['{"a": 1, "a": 2}', '{"a": "\\":", "a": 1}', '["\\ud800"]', "NaN"]
        >>> [_decode_regular(text) is _IRREGULAR for text in [*texts, "[" * 65 + "]" * 65]]
        [True, True, True, True, True]
    """
    try:
        data = _DECODER.decode(text)
    except _UNREADABLE:
        return _IRREGULAR
    keys = _document_keys(data, text)
    if keys is None or not (_proved(keys, text) or _reencoded(data, text)):
        return _IRREGULAR
    return data


def read_json_exact(text: str, file_name: str | None = None) -> RawDocument:
    """Read JSON text into a :class:`~pelatihan.io.document.RawDocument` with Python's ``json``.

    This is the reader of every file :func:`read_json_text` does not decode
    itself, and the measure of the result it gives for the rest: the same
    document, findings included.

    Raises:
        InputError: If the text is empty, too deeply nested, or not JSON.

    Example:
        >>> doc = read_json_exact('{"format": "pelatihan/cohorts@1", "cohorts": [{"id": "a"}], '
        ...                      '"cohorts": []}')
        >>> doc.data, [f.code for f in doc.findings]
        ({'format': 'pelatihan/cohorts@1', 'cohorts': []}, ['input.duplicate-key'])
        >>> print(doc.findings[0].location.path, doc.findings[0].severity.value)
        $ error
        >>> print(doc.findings[0].message_en.split("; ")[1])
        the last value is used and the first 'cohorts', with 1 item, is dropped
    """
    name = file_name or "<input>"
    if not text.strip():
        raise InputError(
            f"{name}: the file is empty; expected a JSON object in the pelatihan/cohorts@1 format",
            f"{name}: berkas kosong; seharusnya objek JSON dengan format pelatihan/cohorts@1",
            value=file_name,
        )
    try:
        data, duplicates = _parse(text)
    except RecursionError:  # nested far deeper still: the parser gave up
        raise _too_deep_error(name, file_name) from None
    except (json.JSONDecodeError, ValueError, decimal.InvalidOperation) as error:
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" at line {error.lineno}, column {error.colno}"
            detail = error.msg
        elif isinstance(error, decimal.InvalidOperation):
            detail = "a number too large to read"
        else:
            detail = str(error)
        raise InputError(
            f"{name}: not valid JSON{where}: {detail}",
            f"{name}: bukan JSON yang sah{where}: {detail}",
            value=file_name,
        ) from None
    if _object_keys(data) is None:
        raise _too_deep_error(name, file_name)
    findings = _duplicate_findings(data, duplicates, file_name)
    if _SURROGATE_ESCAPE.search(text):
        findings += _mend_surrogates(data, file_name)
    return RawDocument(data, file_name, findings=findings)


def loads_exact(text: str) -> tuple[Any, list[str]]:
    """Parse JSON text with exact decimals, refusing NaN and Infinity, and noting repeated keys.

    Returns the data and the keys an object gives more than once (the last value
    is kept), for the caller to report.

    Raises:
        json.JSONDecodeError: If the text is not JSON.
        ValueError: For ``NaN``, ``Infinity`` or ``-Infinity``.
        decimal.InvalidOperation: For a number too large to read.
        RecursionError: For nesting deeper than the parser can go.

    Example:
        >>> loads_exact('{"a": 70.01, "a": 1}')
        ({'a': 1}, ['a'])
        >>> loads_exact('[0.1]')[0]
        [Decimal('0.1')]
    """
    data, duplicates = _parse(text)
    return data, [key for _, key, _ in duplicates]


_Duplicate = tuple[dict[str, Any], str, Any]
"""An object that gave a key twice, the key, and the value that was dropped."""


def _parse(text: str) -> tuple[Any, list[_Duplicate]]:
    """Parse as :func:`loads_exact` does, keeping each duplicate's object and dropped value."""
    duplicates: list[_Duplicate] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        dropped: list[tuple[str, Any]] = []
        for key, value in items:
            if key in result:
                dropped.append((key, result[key]))
            result[key] = value
        duplicates.extend((result, key, value) for key, value in dropped)
        return result

    def reject(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    data = json.loads(
        text, object_pairs_hook=pairs, parse_constant=reject, parse_float=decimal.Decimal
    )
    return data, duplicates


def _paths(data: object) -> dict[int, tuple[Key, ...]]:
    """The keys down to every object in ``data``, by the object's identity."""
    found: dict[int, tuple[Key, ...]] = {}
    stack: list[tuple[object, tuple[Key, ...]]] = [(data, ())]
    while stack:
        value, keys = stack.pop()
        if type(value) is dict:
            found[id(value)] = keys
            stack.extend((child, (*keys, key)) for key, child in value.items())
        elif type(value) is list:
            stack.extend((child, (*keys, index)) for index, child in enumerate(value))
    return found


def _dropped(value: object) -> tuple[str, str]:
    """What a dropped value held, in English and Indonesian."""
    if isinstance(value, (list, dict)):
        count = len(value)
        return f"with {count} item{'' if count == 1 else 's'}", f"berisi {count} butir"
    shown = json.dumps(value, ensure_ascii=False, default=str)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return shown, shown


def _duplicate_findings(
    data: object, duplicates: list[_Duplicate], file_name: str | None
) -> tuple[Finding, ...]:
    """One error per key given twice, at the object that gives it, naming what was dropped.

    An object inside a dropped value is in no path; a key it gives twice is
    reported at ``$`` (the value that held it is reported too).
    """
    if not duplicates:
        return ()
    paths = _paths(data)
    given = collections.Counter((id(container), key) for container, key, _ in duplicates)
    findings: list[Finding] = []
    for container, key, value in duplicates:
        keys = paths.get(id(container), ())
        english, indonesian = _dropped(value)
        which = "the first" if given[id(container), key] == 1 else "an earlier"
        yang = "yang pertama" if given[id(container), key] == 1 else "yang lebih awal"
        findings.append(
            DUPLICATE_KEY.finding(
                Location(keys, file=file_name),
                f"the key {key!r} is given more than once in this object; the last value is "
                f"used and {which} {key!r}, {english}, is dropped",
                f"kunci {key!r} ditulis lebih dari sekali dalam objek ini; nilai terakhir dipakai "
                f"dan {key!r} {yang}, {indonesian}, dibuang",
                value=key,
            )
        )
    return tuple(findings)


def read_json(source: str | os.PathLike[str] | IO[bytes]) -> RawDocument:
    """Read a JSON cohort file.

    Args:
        source: A path, or a binary file object.

    Raises:
        InputError: If the file cannot be read as UTF-8 JSON.
    """
    return read_json_bytes(*file_bytes(source))


def file_bytes(source: str | os.PathLike[str] | IO[bytes]) -> tuple[bytes, str]:
    """The bytes of a file (a path, or a binary file object), with its name.

    Raises:
        InputError: If the file cannot be read, or is too large.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            with open_input(name, name) as stream:
                return read_limited(stream, name), name
        except OSError as error:
            raise InputError(
                f"{name}: cannot read the file: {error.strerror or error}",
                f"{name}: berkas tidak dapat dibaca: {error.strerror or error}",
                value=name,
            ) from None
    name = str(getattr(source, "name", "<input>"))
    return read_limited(source, name), name
