"""The error of variant files and settings, ``VariantError`` (``variant.invalid``), and its words.

A message names the file (or ``--set``), the figure's path when one is at fault and what
was expected; what was found instead is put into words in English or Indonesian. The
public name is offered, and documented, by :mod:`pelatihan.io.variant`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pelatihan.errors import shorten
from pelatihan.io.document import InputError


class VariantError(InputError):
    """A variant file or a ``PATH=VALUE`` setting that cannot be used.

    The message names the file (or ``--set``), the figure's path when one is
    at fault, and what was expected.
    """

    code = "variant.invalid"


def _fail(where: str, en: str, id_: str, value: object = None) -> VariantError:
    return VariantError(f"{where}: {en}", f"{where}: {id_}", value=shorten(value))


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
