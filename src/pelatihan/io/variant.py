"""Rulebook variant files: an organiser's figures in TOML or JSON (``pelatihan/variant@1``).

A variant file names a shipped rulebook as its ``base`` (a regime id, see
``pelatihan regimes``) and gives the figures that differ, by the paths of
:meth:`Rulebook.figures() <pelatihan.rulebooks.Rulebook.figures>`; every other
figure stays as shipped. It says where its figures come from (``source``: the
organiser's decree, a report) and can add a ``note``::

    format = "pelatihan/variant@1"
    id = "bpsdm-contoh-2025-klasikal"
    base = "perlan-1-2021+10-2021+kep-2024"
    title = "BPSDM Provinsi Contoh, classroom Latsar 2025"
    source = "SK Kepala BPSDM Provinsi Contoh Nomor 800/123/2025"

    [figures]
    "methods.klasikal.days_total" = 43
    "methods.klasikal.phases" = [
      { kind = "klasikal", days = 10, label = "on campus 1" },
      { kind = "habituasi", days = 30 },
      { kind = "klasikal", days = 3, label = "on campus 2" },
    ]

The JSON form has the same keys (``pelatihan schema --variant`` prints its JSON
Schema). :func:`read_variant` reads a file into a
:class:`~pelatihan.rulebooks.Rulebook`; each figure it sets has status
``USER`` and, as its source, the file's name and the file's ``source``. Values
are converted to each figure's type: whole numbers for days, weights and
limits; decimals (written as text, ``"70.01"``, or as a number, read exactly,
never as a binary float) for scores; dates written ``YYYY-MM-DD``; ``true`` or
``false``; ``null`` (or the text ``"null"`` in TOML, which has no null) for a
figure that may be left open; and, for ``methods.<method>.phases``, a list of
phases, each with ``kind``, ``days`` and optionally ``label`` and
``weekdays`` (0 Monday to 6 Sunday). TOML tables may also nest the path
(``[figures.methods.klasikal]`` then ``days_total = 43``).

:func:`apply_settings` applies figures written ``PATH=VALUE`` (the command's
``--set``) to a rulebook, with the same conversions from text:

    >>> from pelatihan import rulebooks
    >>> from pelatihan.io.variant import apply_settings
    >>> book = apply_settings(rulebooks.get("perlan-1-2021+10-2021"), [
    ...     "methods.klasikal.phases=klasikal:18,habituasi:22,klasikal:2",
    ...     "evaluation.pass_mark=70.01",
    ... ])
    >>> [phase.days.value for phase in book.method("klasikal").phases]
    [18, 22, 2]
    >>> figure = book.figure("evaluation.pass_mark")
    >>> figure.value, figure.status.value, figure.source
    (Decimal('70.01'), 'USER', 'the command line (--set)')

Anything that cannot be used (an unknown base or path, a value of the wrong
type, a file that is not TOML or JSON) raises :class:`VariantError`, whose
message names the file, the figure's path and what was expected:

    >>> from pelatihan.io.variant import VariantError
    >>> try:
    ...     apply_settings(rulebooks.get("perlan-1-2021"), ["methods.klasikal.days_totl=40"])
    ... except VariantError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    --set: the rulebook perlan-1-2021 has no figure 'methods.klasikal.days_totl'
    (did you mean 'methods.klasikal.days_total'?)
"""

from __future__ import annotations

import datetime
import decimal
import difflib
import json
import os
import re
import sys
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from pelatihan.errors import ValidationError, quote, shorten
from pelatihan.io.document import InputError
from pelatihan.io.jsonfile import loads_exact
from pelatihan.provenance import Source
from pelatihan.rulebooks import Rulebook, all_rulebooks
from pelatihan.training import PhaseKind

if sys.version_info >= (3, 11):  # pragma: no cover - version dependent
    import tomllib
else:  # pragma: no cover - version dependent
    import tomli as tomllib

__all__ = [
    "COMMAND_LINE",
    "FORMAT",
    "MAX_VARIANT_BYTES",
    "SUFFIXES",
    "VariantError",
    "apply_settings",
    "parse_setting",
    "read_variant",
    "settings_by_regime",
    "variant_from_data",
]

FORMAT = "pelatihan/variant@1"
"""The name and version of the variant file format."""

SUFFIXES = (".toml", ".json")
"""The extensions of variant files: TOML or JSON."""

MAX_VARIANT_BYTES = 1_000_000
"""A variant file larger than this is refused (a real one has a few hundred bytes)."""

COMMAND_LINE = "the command line (--set)"
"""The source of the figures set with :func:`apply_settings` unless another is given."""

_KEYS = ("format", "id", "base", "title", "source", "note", "figures")
_REQUIRED = ("format", "id", "base", "figures")
_PHASE_KEYS = ("kind", "days", "label", "weekdays")
_INTEGER = re.compile(r"[0-9]{1,12}")
_DECIMAL = re.compile(r"[+-]?[0-9]{1,12}(?:[.,][0-9]{1,12})?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_COMPACT_PHASE = re.compile(r"\s*([^:,]+?)\s*:\s*([0-9]{1,12})\s*")
_PHASES_PATH = re.compile(r"methods\.([a-z]+)\.phases")
_MAX_DEPTH = 16


class VariantError(InputError):
    """A variant file or a ``PATH=VALUE`` setting that cannot be used.

    The message names the file (or ``--set``), the figure's path when one is
    at fault, and what was expected.
    """

    code = "variant.invalid"


def _fail(where: str, en: str, id_: str, value: object = None) -> VariantError:
    return VariantError(f"{where}: {en}", f"{where}: {id_}", value=shorten(value))


# -- reading files ----------------------------------------------------------------------------


def read_variant(path: str | os.PathLike[str]) -> Rulebook:
    r"""Read a variant file (``.toml`` or ``.json``) into a rulebook.

    Args:
        path: The file. Its name, as given, becomes part of the source of
            every figure it sets.

    Returns:
        The base rulebook with the file's figures, each with status ``USER``;
        its ``id`` and ``title`` are the file's, its ``parent`` the base's id.

    Raises:
        VariantError: If the file cannot be read, is not in the format, names an
            unknown base or path, or gives a value of the wrong type.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp(), "contoh.toml")
        >>> _ = path.write_text(
        ...     'format = "pelatihan/variant@1"\nid = "contoh"\nbase = "perlan-1-2021+10-2021"\n'
        ...     '[figures]\n"methods.klasikal.phases" = "klasikal:18,habituasi:22,klasikal:2"\n',
        ...     encoding="utf-8",
        ... )
        >>> book = read_variant(path)
        >>> book.parent, [phase.days.value for phase in book.method("klasikal").phases]
        ('perlan-1-2021+10-2021', [18, 22, 2])
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(
            name,
            f"a variant file is TOML (.toml) or JSON (.json), not {suffix or 'without extension'}",
            f"berkas varian berformat TOML (.toml) atau JSON (.json), bukan "
            f"{suffix or 'tanpa ekstensi'}",
            name,
        )
    try:
        size = Path(name).stat().st_size
        if size > MAX_VARIANT_BYTES:
            raise _fail(
                name,
                f"the file has {size:,} bytes; a variant file has at most {MAX_VARIANT_BYTES:,}",
                f"berkas berukuran {size:,} bita; berkas varian paling besar "
                f"{MAX_VARIANT_BYTES:,} bita",
                name,
            )
        raw = Path(name).read_bytes()
    except OSError as error:
        raise _fail(
            name,
            f"cannot read the file: {error.strerror or error}",
            f"berkas tidak dapat dibaca: {error.strerror or error}",
            name,
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(name, "the file is not UTF-8 text", "berkas bukan teks UTF-8", name) from None
    data = _parse_toml(text, name) if suffix == ".toml" else _parse_json(text, name)
    return variant_from_data(data, file=name)


def _parse_json(text: str, name: str) -> object:
    try:
        data, duplicates = loads_exact(text)
    except json.JSONDecodeError as error:
        raise _fail(
            name,
            f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            f"bukan JSON: {error.msg} pada baris {error.lineno}, kolom {error.colno}",
            name,
        ) from None
    except (ValueError, RecursionError, decimal.InvalidOperation) as error:
        raise _fail(name, f"not JSON: {error}", f"bukan JSON: {error}", name) from None
    if duplicates:
        key = duplicates[0]
        raise _fail(
            name,
            f"the key {key!r} is given twice; give each key once",
            f"kunci {key!r} tertulis dua kali; tulis setiap kunci sekali",
            key,
        )
    return data


def _parse_toml(text: str, name: str) -> object:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _fail(name, f"not TOML: {error}", f"bukan TOML: {error}", name) from None
    except (ValueError, RecursionError) as error:
        raise _fail(name, f"not TOML: {error}", f"bukan TOML: {error}", name) from None


def variant_from_data(data: object, file: str | None = None) -> Rulebook:
    """Build the rulebook a variant file's data describes (what a TOML or JSON parser gives).

    Args:
        data: The file's content as plain data. Decimal figures must be text,
            whole numbers or :class:`~decimal.Decimal` values, never floats.
        file: The file's name, for messages and the figures' source.

    Raises:
        VariantError: As for :func:`read_variant`.

    Example:
        >>> book = variant_from_data({
        ...     "format": "pelatihan/variant@1", "id": "contoh", "base": "perlan-12-2018",
        ...     "source": "SK 2019", "figures": {"evaluation.components.attitude.weight": 40},
        ... }, file="contoh.json")
        >>> figure = book.figure("evaluation.components.attitude.weight")
        >>> figure.value, figure.status.value, figure.source
        (40, 'USER', 'contoh.json (SK 2019)')
    """
    where = file or "<variant>"
    if not isinstance(data, Mapping):
        raise _fail(
            where,
            f"expected an object (a table) with the keys {', '.join(_REQUIRED)}; "
            f"found {_kind_of(data)}",
            f"seharusnya objek (tabel) dengan kunci {', '.join(_REQUIRED)}; "
            f"ditemukan {_kind_of(data, 'id')}",
        )
    unknown = [str(key) for key in data if key not in _KEYS]
    if unknown:
        raise _fail(
            where,
            f"unknown key {quote(unknown[0])}; a variant file has the keys {', '.join(_KEYS)}",
            f"kunci {quote(unknown[0])} tidak dikenal; berkas varian memiliki kunci "
            f"{', '.join(_KEYS)}",
            unknown[0],
        )
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise _fail(
            where,
            f"the key {missing[0]!r} is missing; a variant file has {', '.join(_REQUIRED)}",
            f"kunci {missing[0]!r} tidak ada; berkas varian wajib memuat {', '.join(_REQUIRED)}",
            missing[0],
        )
    if data["format"] != FORMAT:
        raise _fail(
            where,
            f"format: expected {FORMAT!r}, not {quote(data['format'])}",
            f"format: seharusnya {FORMAT!r}, bukan {quote(data['format'])}",
            data["format"],
        )
    ident = _required_text(data, "id", where)
    base_id = _required_text(data, "base", where)
    title = _text_key(data, "title", where)
    source = _text_key(data, "source", where)
    note = _text_key(data, "note", where) or ""
    shipped = {book.id: book for book in all_rulebooks()}
    base = shipped.get(base_id)
    if base is None:
        raise _fail(
            where,
            f"base: {base_id!r} is not a shipped rulebook; expected one of {', '.join(shipped)}",
            f"base: {base_id!r} bukan buku aturan bawaan; gunakan salah satu dari "
            f"{', '.join(shipped)}",
            base_id,
        )
    figures = data["figures"]
    if not isinstance(figures, Mapping):
        raise _fail(
            where,
            f"figures: expected an object (a table) of figure paths and values; "
            f"found {_kind_of(figures)}",
            f"figures: seharusnya objek (tabel) berisi jalur angka dan nilainya; "
            f"ditemukan {_kind_of(figures, 'id')}",
        )
    flat: dict[str, object] = {}
    _flatten(figures, "", flat, where, 0)
    figure_source = str(Source(file, source or "")) if file else source
    book = base
    for path, value in flat.items():
        book = _set(book, path, value, f"{where}: figures", source=figure_source, note=note)
    return attrs.evolve(book, id=ident, title=title or f"{base.title} ({ident})", parent=base.id)


def _required_text(data: Mapping[Any, Any], key: str, where: str) -> str:
    value = _text_key(data, key, where)
    if value is None:
        raise _fail(
            where,
            f"{key}: expected text, not {quote(None)}",
            f"{key}: seharusnya teks, bukan {quote(None)}",
            None,
        )
    return value


def _text_key(data: Mapping[Any, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(
            where,
            f"{key}: expected text, not {quote(value)}",
            f"{key}: seharusnya teks, bukan {quote(value)}",
            value,
        )
    return value.strip()


def _flatten(
    table: Mapping[Any, Any], prefix: str, out: dict[str, object], where: str, depth: int
) -> None:
    if depth > _MAX_DEPTH:
        raise _fail(
            where,
            f"figures: {prefix} nests too deep to be a figure path",
            f"figures: {prefix} bertingkat terlalu dalam untuk jalur angka",
            prefix,
        )
    for key, value in table.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            _flatten(value, path, out, where, depth + 1)
        elif path in out:
            raise _fail(
                where,
                f"figures: {path!r} is given twice; give each figure once",
                f"figures: {path!r} tertulis dua kali; tulis setiap angka sekali",
                path,
            )
        else:
            out[path] = value


def _kind_of(value: object, lang: str = "en") -> str:
    """What ``value`` is, in words, for a message."""
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, str):
        kind = "text"
    elif isinstance(value, float):
        kind = "float"
    elif isinstance(value, (int, Decimal)):
        kind = "number"
    elif isinstance(value, (list, tuple)):
        kind = "list"
    elif isinstance(value, Mapping):
        kind = "object"
    else:
        return type(value).__name__
    return _KINDS[kind][1 if lang == "id" else 0]


_KINDS = {
    "null": ("null", "null"),
    "boolean": ("true or false", "true atau false"),
    "text": ("text", "teks"),
    "float": (
        "a binary floating-point number (write decimals as text or Decimal)",
        "bilangan titik-mengambang biner (tulis desimal sebagai teks atau Decimal)",
    ),
    "number": ("a number", "angka"),
    "list": ("a list", "daftar"),
    "object": ("an object", "objek"),
}


# -- PATH=VALUE settings ------------------------------------------------------------------------


def parse_setting(text: str) -> tuple[str, str]:
    """Split a setting written ``PATH=VALUE`` into its path and its value (as text).

    Raises:
        VariantError: If there is no ``=`` or no path.

    Example:
        >>> parse_setting("evaluation.bands.memuaskan = 80.5")
        ('evaluation.bands.memuaskan', '80.5')
    """
    path, equals, value = text.partition("=")
    if not equals or not path.strip():
        raise _fail(
            f"--set {text}",
            "expected PATH=VALUE, such as methods.klasikal.days_total=42",
            "seharusnya JALUR=NILAI, misalnya methods.klasikal.days_total=42",
            text,
        )
    return path.strip(), value.strip()


def apply_settings(
    rulebook: Rulebook,
    settings: Iterable[str],
    *,
    source: str = COMMAND_LINE,
    note: str = "",
) -> Rulebook:
    """Apply figures written ``PATH=VALUE``, in order, to a rulebook.

    Values are text, converted to each figure's type as in a variant file;
    ``null`` leaves a figure open, and ``methods.<method>.phases`` also takes
    the short form ``kind:days,kind:days`` (or a JSON list of phases).

    Args:
        rulebook: The rulebook to start from: a shipped one or a variant.
        settings: The settings, each ``PATH=VALUE``.
        source: Where the figures come from (the command line by default).
        note: A note for every figure set.

    Returns:
        ``rulebook`` itself when there is no setting, else a variant of it whose
        id ends in ``+set``; its ``parent`` is ``rulebook``'s parent if it has
        one (a variant file), else ``rulebook``'s id.

    Raises:
        VariantError: If a setting is not ``PATH=VALUE``, names no figure, or
            gives a value of the wrong type.
    """
    book = rulebook
    for text in settings:
        path, value = parse_setting(text)
        book = _set(book, path, value, "--set", source=source, note=note)
    if book is rulebook:
        return rulebook
    return attrs.evolve(
        book,
        id=f"{rulebook.id}+set",
        title=f"{rulebook.title}, with figures from the command line",
        parent=rulebook.parent or rulebook.id,
    )


def settings_by_regime(
    settings: Sequence[str], *, source: str = COMMAND_LINE
) -> dict[str, Rulebook]:
    """The shipped rulebook of every regime with ``settings`` applied, by regime id.

    A setting whose figure a regime's rulebook does not have (the blended
    phases of Peraturan LAN 12/2018, which has no blended delivery) is left
    out for that regime; one that no shipped rulebook has is an error.

    Raises:
        VariantError: If a setting names a figure of no shipped rulebook, or
            gives a value of the wrong type.

    Example:
        >>> books = settings_by_regime(["evaluation.components.attitude.weight=40"])
        >>> sorted(books)  # doctest: +NORMALIZE_WHITESPACE
        ['perlan-1-2021', 'perlan-1-2021+10-2021', 'perlan-1-2021+10-2021+kep-2024',
         'perlan-12-2018']
        >>> books["perlan-12-2018"].figure("evaluation.components.attitude.weight").value
        40
    """
    parsed = [(text, parse_setting(text)[0]) for text in settings]
    shipped = all_rulebooks()
    for _text, path in parsed:
        if not any(_has(book, path) for book in shipped):
            raise _unknown(shipped[-1], path, "--set")
    return {
        book.regime: apply_settings(
            book, [text for text, path in parsed if _has(book, path)], source=source
        )
        for book in shipped
    }


# -- one figure ---------------------------------------------------------------------------------


def _phases_method(book: Rulebook, path: str) -> str | None:
    """The method whose whole sequence of phases ``path`` names, if it does."""
    match = _PHASES_PATH.fullmatch(path)
    if match is None or match[1] not in {rules.method.value for rules in book.methods}:
        return None
    return match[1]


def _has(book: Rulebook, path: str) -> bool:
    return path in book.figures() or _phases_method(book, path) is not None


def _unknown(book: Rulebook, path: str, where: str) -> VariantError:
    paths = [*book.figures(), *(f"methods.{rules.method.value}.phases" for rules in book.methods)]
    close = difflib.get_close_matches(path, paths, n=1)
    hint_en = (
        f" (did you mean {close[0]!r}?)"
        if close
        else ("; Rulebook.figures() and pelatihan schema --variant list the paths")
    )
    hint_id = (
        f" (maksudnya {close[0]!r}?)"
        if close
        else ("; daftar jalur ada pada Rulebook.figures() dan pelatihan schema --variant")
    )
    return _fail(
        where,
        f"the rulebook {book.id} has no figure {quote(path)}{hint_en}",
        f"buku aturan {book.id} tidak memiliki angka {quote(path)}{hint_id}",
        path,
    )


def _set(
    book: Rulebook,
    path: str,
    value: object,
    where: str,
    *,
    source: str | None,
    note: str,
) -> Rulebook:
    """``book`` with the figure at ``path`` set to ``value``, converted to the figure's type."""
    method = _phases_method(book, path)
    if method is not None:
        converted: object = _phases(value, f"{where}: {path}")
    else:
        kinds = book.figure_types()
        if path not in kinds:
            raise _unknown(book, path, where)
        converted = _convert(value, kinds[path], f"{where}: {path}")
    changed = book.variant(book.id, {path: converted}, source=source, note=note)
    return attrs.evolve(changed, title=book.title, parent=book.parent)


_EXPECTED = {
    int: ("a whole number (0 or more)", "bilangan bulat (0 atau lebih)"),
    Decimal: (
        'a decimal number, as text ("70.01") or a number',
        'bilangan desimal, sebagai teks ("70.01") atau angka',
    ),
    datetime.date: ("a date written YYYY-MM-DD", "tanggal berformat YYYY-MM-DD"),
    bool: ("true or false", "true atau false"),
    str: ("text", "teks"),
    tuple: ("a list of texts", "daftar teks"),
}


def _convert(value: object, kind: Any, where: str) -> object:
    """``value`` as a value of the type ``kind`` (``int | None``, ``Decimal``, ...)."""
    arguments = typing.get_args(kind) if isinstance(kind, types.UnionType) else (kind,)
    optional = type(None) in arguments
    (base,) = [argument for argument in arguments if argument is not type(None)]
    target = typing.get_origin(base) or base
    if value is None or (isinstance(value, str) and value.strip().lower() == "null"):
        if optional:
            return None
        raise _expected(where, target, optional, value)
    converted = _CONVERTERS[target](value)
    if converted is _INVALID:
        raise _expected(where, target, optional, value)
    return converted


def _expected(where: str, target: Any, optional: bool, value: object) -> VariantError:
    en, id_ = _EXPECTED[target]
    if optional:
        en, id_ = f"{en} or null", f"{id_} atau null"
    quoted = isinstance(value, (str, int)) and not isinstance(value, bool)
    found_en = quote(value) if quoted else _kind_of(value)
    found_id = quote(value) if quoted else _kind_of(value, "id")
    return _fail(
        where, f"expected {en}, not {found_en}", f"seharusnya {id_}, bukan {found_id}", value
    )


_INVALID = object()


def _integer(value: object) -> object:
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, int):
        return value if 0 <= value < 10**12 else _INVALID
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value.strip())
    return _INVALID


def _decimal(value: object) -> object:
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, int):
        return Decimal(value) if abs(value) < 10**12 else _INVALID
    if isinstance(value, Decimal):
        return value if value.is_finite() and abs(value) < 10**12 else _INVALID
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        return Decimal(value.strip().replace(",", "."))
    return _INVALID


def _date(value: object) -> object:
    if isinstance(value, datetime.datetime):
        return _INVALID
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value.strip())
        if match is not None:
            try:
                return datetime.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return _INVALID
    return _INVALID


def _boolean(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    return _INVALID


def _string(value: object) -> object:
    return value.strip() if isinstance(value, str) and value.strip() else _INVALID


def _strings(value: object) -> object:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return _INVALID
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return tuple(item.strip() for item in value)
    return _INVALID


_CONVERTERS = {
    int: _integer,
    Decimal: _decimal,
    datetime.date: _date,
    bool: _boolean,
    str: _string,
    tuple: _strings,
}

_PHASES_EXPECTED = (
    "a list of phases, each with kind and days (and optionally label and weekdays)",
    "daftar tahap, masing-masing dengan kind dan days (serta label dan weekdays bila perlu)",
)


def _phases(value: object, where: str) -> list[dict[str, object]]:
    """A list of phases (``kind``, ``days``, ``label``, ``weekdays``), checked and converted."""
    if isinstance(value, str):
        value = _phases_text(value, where)
    if not isinstance(value, (list, tuple)) or not value:
        raise _fail(
            where,
            f"expected {_PHASES_EXPECTED[0]}, not {_kind_of(value)}",
            f"seharusnya {_PHASES_EXPECTED[1]}, bukan {_kind_of(value, 'id')}",
        )
    phases: list[dict[str, object]] = []
    for index, item in enumerate(value):
        at = f"{where}[{index}]"
        if not isinstance(item, Mapping):
            raise _fail(
                at,
                f"expected a phase with kind and days, not {_kind_of(item)}",
                f"seharusnya tahap dengan kind dan days, bukan {_kind_of(item, 'id')}",
            )
        unknown = [str(key) for key in item if key not in _PHASE_KEYS]
        if unknown:
            raise _fail(
                at,
                f"unknown key {quote(unknown[0])}; a phase has {', '.join(_PHASE_KEYS)}",
                f"kunci {quote(unknown[0])} tidak dikenal; tahap memiliki {', '.join(_PHASE_KEYS)}",
                unknown[0],
            )
        for key in ("kind", "days"):
            if key not in item:
                raise _fail(
                    at,
                    f"the key {key!r} is missing; a phase has kind and days",
                    f"kunci {key!r} tidak ada; tahap wajib memuat kind dan days",
                    key,
                )
        try:
            kind = PhaseKind.parse(item["kind"])
        except ValidationError as error:
            raise _fail(f"{at}.kind", error.message_en, error.message_id, item["kind"]) from None
        phase: dict[str, object] = {
            "kind": kind,
            "days": _convert(item["days"], int, f"{at}.days"),
        }
        label = item.get("label")
        if label is not None:
            if not isinstance(label, str):
                raise _expected(f"{at}.label", str, True, label)
            phase["label"] = label.strip()
        weekdays = item.get("weekdays")
        if weekdays is not None:
            if (
                not isinstance(weekdays, (list, tuple))
                or not weekdays
                or not all(
                    isinstance(day, int) and not isinstance(day, bool) and 0 <= day <= 6
                    for day in weekdays
                )
            ):
                raise _fail(
                    f"{at}.weekdays",
                    "expected a list of weekdays, 0 (Monday) to 6 (Sunday)",
                    "seharusnya daftar hari, 0 (Senin) sampai 6 (Minggu)",
                    weekdays if isinstance(weekdays, str) else None,
                )
            phase["weekdays"] = frozenset(weekdays)
        phases.append(phase)
    return phases


def _phases_text(value: str, where: str) -> object:
    """Phases written on the command line: a JSON list, or ``kind:days,kind:days``."""
    if value.lstrip().startswith("["):
        try:
            return json.loads(value, parse_float=Decimal)
        except (ValueError, RecursionError):
            pass
    else:
        parts = [_COMPACT_PHASE.fullmatch(part) for part in value.split(",")]
        if all(parts):
            return [{"kind": part[1], "days": part[2]} for part in parts if part is not None]
    raise _fail(
        where,
        "expected phases written kind:days,kind:days (klasikal:18,habituasi:22,klasikal:2) "
        "or a JSON list of phases",
        "seharusnya tahap ditulis jenis:hari,jenis:hari (klasikal:18,habituasi:22,klasikal:2) "
        "atau daftar tahap JSON",
        value,
    )
