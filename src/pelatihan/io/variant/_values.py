"""A figure's value from a variant file or a setting, converted to the figure's type.

Whole numbers, exact decimals, ISO dates, booleans, texts and lists of texts, ``null``
for a figure that may be left open, and the phases of a method (a list of phases, or
``kind:days,kind:days`` on the command line).
"""

from __future__ import annotations

import datetime
import json
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pelatihan.errors import ValidationError, quote
from pelatihan.io.variant._errors import VariantError, _fail, _kind_of
from pelatihan.training import PhaseKind

_PHASE_KEYS = ("kind", "days", "label", "weekdays")
_INTEGER = re.compile(r"[0-9]{1,12}")
_DECIMAL = re.compile(r"[+-]?[0-9]{1,12}(?:[.,][0-9]{1,12})?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_COMPACT_PHASE = re.compile(r"\s*([^:,]+?)\s*:\s*([0-9]{1,12})\s*")

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
