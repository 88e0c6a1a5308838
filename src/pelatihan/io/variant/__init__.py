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

import decimal
import json
import os
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from pelatihan._reexport import adopt
from pelatihan.errors import quote
from pelatihan.io.document import InputError, open_input
from pelatihan.io.jsonfile import loads_exact
from pelatihan.io.variant import _settings
from pelatihan.io.variant._errors import VariantError, _fail, _kind_of
from pelatihan.io.variant._settings import _set, apply_settings, parse_setting, settings_by_regime
from pelatihan.provenance import Source
from pelatihan.rulebooks import Rulebook, all_rulebooks

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

COMMAND_LINE = _settings.COMMAND_LINE
"""The source of the figures set with :func:`apply_settings` unless another is given."""

_KEYS = ("format", "id", "base", "title", "source", "note", "figures")
_REQUIRED = ("format", "id", "base", "figures")
_MAX_DEPTH = 16


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
        with open_input(name, name) as stream:
            raw = stream.read(MAX_VARIANT_BYTES + 1)
        size = len(raw)
        if size > MAX_VARIANT_BYTES:
            raise _fail(
                name,
                f"the file has {size:,} bytes; a variant file has at most {MAX_VARIANT_BYTES:,}",
                f"berkas berukuran {size:,} bita; berkas varian paling besar "
                f"{MAX_VARIANT_BYTES:,} bita",
                name,
            )
    except InputError as error:
        raise VariantError(error.message_en, error.message_id, value=name) from None
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


adopt(__name__, VariantError, parse_setting, apply_settings, settings_by_regime)
