"""Reading the JSON interchange format (``pelatihan/cohorts@1``).

The file must be UTF-8 JSON (a byte-order mark is allowed). What cannot be read
at all — a missing or empty file, text that is not UTF-8, text that is not
JSON, ``NaN`` or ``Infinity`` (not JSON), nesting deeper than any cohort file
needs — is one :class:`~pelatihan.io.document.InputError` naming the file.
A key given twice in one object keeps its last value and is an error at that
object's path, saying what was dropped (a list's or an object's number of
items): nothing is lost silently. Numbers
with a fraction are read as :class:`~decimal.Decimal`, so a score of 70.01 stays
exactly 70.01.
"""

from __future__ import annotations

import collections
import decimal
import json
import os
import re
from typing import IO, Any

from pelatihan.catalogue.reading import DUPLICATE_KEY, VALUE_RULE
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Key, Location
from pelatihan.io.document import (
    InputError,
    RawDocument,
    open_input,
    read_limited,
)

__all__ = ["MAX_DEPTH", "loads_exact", "read_json", "read_json_text"]

MAX_DEPTH = 64
"""The deepest nesting accepted; the format itself needs 5 levels."""


def _too_deep(data: object) -> bool:
    """Whether parsed JSON nests deeper than :data:`MAX_DEPTH`, walked one level at a time."""
    level = [data] if type(data) is dict or type(data) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return True
        level = [
            child
            for container in level
            for child in (container.values() if type(container) is dict else container)
            if type(child) is dict or type(child) is list
        ]
    return False


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

    Raises:
        InputError: If the text is empty, too deeply nested, or not JSON.

    Example:
        >>> doc = read_json_text('{"format": "pelatihan/cohorts@1", "cohorts": [{"id": "a"}], '
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
    if _too_deep(data):
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
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            with open_input(name, name) as stream:
                data = read_limited(stream, name)
        except OSError as error:
            raise InputError(
                f"{name}: cannot read the file: {error.strerror or error}",
                f"{name}: berkas tidak dapat dibaca: {error.strerror or error}",
                value=name,
            ) from None
    else:
        name = str(getattr(source, "name", "<input>"))
        data = read_limited(source, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not UTF-8 text (byte {error.start}); save the file as UTF-8",
            f"{name}: bukan teks UTF-8 (bita ke-{error.start}); simpan berkas sebagai UTF-8",
            value=name,
        ) from None
    return read_json_text(text, name)
