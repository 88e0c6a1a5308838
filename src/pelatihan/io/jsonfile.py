"""Reading the JSON interchange format (``pelatihan/cohorts@1``).

The file must be UTF-8 JSON (a byte-order mark is allowed). What cannot be read
at all — a missing or empty file, text that is not UTF-8, text that is not
JSON, ``NaN`` or ``Infinity`` (not JSON), nesting deeper than any cohort file
needs — is one :class:`~pelatihan.io.document.InputError` naming the file.
A key given twice in one object keeps its last value and is reported. Numbers
with a fraction are read as :class:`~decimal.Decimal`, so a score of 70.01 stays
exactly 70.01.
"""

from __future__ import annotations

import decimal
import json
import os
import re
from typing import IO, Any

from pelatihan.catalogue.reading import DUPLICATE_KEY
from pelatihan.findings import Location
from pelatihan.io.document import InputError, RawDocument, open_input, read_limited

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


def _has_lone_surrogate(data: object) -> bool:
    """Whether a string in ``data`` holds a surrogate that no pair completed."""
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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
        >>> doc = read_json_text('{"format": "pelatihan/cohorts@1", "cohorts": [], "cohorts": []}')
        >>> doc.data, [f.code for f in doc.findings]
        ({'format': 'pelatihan/cohorts@1', 'cohorts': []}, ['input.duplicate-key'])
    """
    name = file_name or "<input>"
    if not text.strip():
        raise InputError(
            f"{name}: the file is empty; expected a JSON object in the pelatihan/cohorts@1 format",
            f"{name}: berkas kosong; seharusnya objek JSON dengan format pelatihan/cohorts@1",
            value=file_name,
        )
    try:
        data, duplicates = loads_exact(text)
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
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        raise InputError(
            f"{name}: a \\u escape in the JSON gives half of a surrogate pair, which is not text",
            f"{name}: escape \\u dalam JSON menghasilkan separuh pasangan surrogate, yang bukan "
            "teks",
            value=file_name,
        )
    findings = tuple(
        DUPLICATE_KEY.finding(
            Location(file=file_name),
            f"the key {key!r} is given more than once in an object; the last value is used",
            f"kunci {key!r} ditulis lebih dari sekali dalam satu objek; nilai terakhir dipakai",
            value=key,
        )
        for key in dict.fromkeys(duplicates)
    )
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
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    def reject(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    data = json.loads(
        text, object_pairs_hook=pairs, parse_constant=reject, parse_float=decimal.Decimal
    )
    return data, duplicates


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
