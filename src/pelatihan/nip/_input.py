"""From the value given to its 18 digits: text or integer, separators, spreadsheet mishaps."""

from __future__ import annotations

import numbers
import re
import unicodedata

from pelatihan.errors import shorten
from pelatihan.nip._errors import InvalidFormat, InvalidLength

_LENGTH = 18
_SEPARATOR_CLASS = r"\s.\-\u2010-\u2015\u2212"
_SEPARATORS = re.compile(f"[{_SEPARATOR_CLASS}]+")
_FORBIDDEN = re.compile(f"[^0-9{_SEPARATOR_CLASS}]")
_ASCII_DIGITS = "0123456789"
_COMPACT_LIMIT = 256
_OLD_NIP_LENGTH = 9


def _describe_char(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def _type_error(value: object) -> InvalidFormat:
    if value is None:
        return InvalidFormat(
            "no NIP given: got None",
            "NIP tidak diisi (None)",
            value=None,
        )
    kind = type(value).__name__
    return InvalidFormat(
        f"a NIP must be text (str) or a whole number (int), not {kind}",
        f"NIP harus berupa teks (str) atau bilangan bulat (int), bukan {kind}",
        value=value,
    )


_SCIENTIFIC = re.compile(r"\s*[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]{1,2}\s*")
"""A number a spreadsheet wrote in scientific notation (``1.98609E+17``)."""


def _as_text(number: object) -> str:
    """The input as text, before separators are removed."""
    if isinstance(number, str):
        if _SCIENTIFIC.fullmatch(number):
            raise InvalidFormat(
                f"NIP {number.strip()!r} is a number in scientific notation: a spreadsheet "
                "stored the NIP as a number and lost the digits after the 15th, so store it as "
                "text",
                f"NIP {number.strip()!r} berupa angka dalam notasi ilmiah: lembar kerja "
                "menyimpan NIP sebagai angka sehingga digit setelah digit ke-15 hilang; simpan "
                "NIP sebagai teks",
                value=number.strip(),
            )
        return number
    if isinstance(number, bool):
        raise _type_error(number)
    if isinstance(number, float):
        raise InvalidFormat(
            f"NIP {number!r} is a float: spreadsheets turn long numbers into floats and "
            "lose the digits after the 15th, so store the NIP as text",
            f"NIP {number!r} berupa bilangan pecahan (float): lembar kerja mengubah angka "
            "yang panjang menjadi float sehingga digit setelah digit ke-15 hilang; simpan NIP "
            "sebagai teks",
            value=number,
        )
    if isinstance(number, numbers.Integral):
        try:
            integer = int(number)
        except (TypeError, ValueError, OverflowError):
            raise _type_error(number) from None
        if integer < 0:
            raise InvalidFormat(
                "a NIP cannot be a negative number",
                "NIP tidak boleh berupa bilangan negatif",
                value=number,
            )
        try:
            return str(integer)
        except ValueError:
            raise InvalidLength(
                "NIP must have 18 digits, got an integer too long to write out",
                "NIP harus 18 digit, sedangkan bilangan ini terlalu panjang untuk ditulis",
                value=None,
            ) from None
    raise _type_error(number)


def compact(number: str | int) -> str:
    """Remove the separators from a NIP, leaving its digits.

    Removes every whitespace character (as :meth:`str.isspace` defines it, so
    also no-break spaces), dots, hyphens and the Unicode dashes U+2010 to U+2015
    and U+2212. An integer (spreadsheets deliver NIPs as numbers) is written
    out in digits. Nothing else is checked: use :func:`validate` for that.

    Args:
        number: The NIP as text or as an integer.

    Returns:
        The text without separators.

    Raises:
        InvalidFormat: If ``number`` is neither text nor an integer (a float
            gets its own explanation), or is a negative integer.

    Example:
        >>> compact("19860926 201505 1 001")
        '198609262015051001'
        >>> compact("19950417.201903.2.004"), compact(199901012022031010)
        ('199504172019032004', '199901012022031010')
    """
    value: object = number
    return _SEPARATORS.sub("", _as_text(value))


def _length_error(count: int, number: object) -> InvalidLength:
    shown = shorten(number)
    if count == 0:
        return InvalidLength(
            "NIP must have 18 digits, got none: the value is empty",
            "NIP harus 18 digit, tetapi isinya kosong",
            value=shown,
        )
    if count == _OLD_NIP_LENGTH:
        return InvalidLength(
            "NIP must have 18 digits, got 9 (a 9-digit number may be an old NIP, from "
            "before BKN's 18-digit rule of 2007)",
            "NIP harus 18 digit, bukan 9 (nomor 9 digit mungkin NIP lama, dari masa sebelum "
            "aturan BKN tahun 2007 tentang NIP 18 digit)",
            value=shown,
        )
    return InvalidLength(
        f"NIP must have 18 digits, got {count}",
        f"NIP harus 18 digit, bukan {count}",
        value=shown,
    )


def _digits(number: object) -> str:
    """The 18 ASCII digits of ``number``, or InvalidFormat / InvalidLength."""
    text = _as_text(number)
    forbidden = _FORBIDDEN.search(text)
    if forbidden is not None:
        char = forbidden.group()
        shown = shorten(number)
        where = f"{char!r} ({_describe_char(char)})"
        position = forbidden.start() + 1
        raise InvalidFormat(
            f"NIP {shown!r} contains {where} at position {position}; only the digits 0-9 "
            "and the separators space, '.' and '-' are allowed",
            f"NIP {shown!r} memuat {where} pada posisi ke-{position}; yang boleh hanya "
            "angka 0-9 dan pemisah berupa spasi, titik, atau tanda hubung",
            value=shown,
        )
    if len(text) > _COMPACT_LIMIT:
        count = sum(text.count(digit) for digit in _ASCII_DIGITS)
        if count != _LENGTH:
            raise _length_error(count, number)
    digits = _SEPARATORS.sub("", text)
    if len(digits) != _LENGTH:
        raise _length_error(len(digits), number)
    return digits
