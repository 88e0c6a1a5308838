"""The exceptions that ``pelatihan`` raises for bad input.

Every error about a value that does not hold (a malformed NIP, a grade nobody
writes, a date before any Latsar regime) is a :class:`ValidationError`, itself a
:class:`ValueError`, so callers can catch the whole family at once or one cause
exactly::

    >>> from pelatihan import nip, ValidationError
    >>> try:
    ...     nip.validate("19860926 201505 3 001")
    ... except ValidationError as error:
    ...     print(error.code, error.component)
    nip.sex sex

Each error carries:

* ``code``, a stable machine-readable code (documented, never reused);
* ``component``, the part of the value that is wrong (for a NIP: ``birth_date``,
  ``tmt``, ``sex``, ``serial``; ``None`` when the value is wrong as a whole);
* ``value``, the offending value or component;
* ``message_en`` and ``message_id``, the explanation in English and Indonesian;
  ``str(error)`` is the English one.
"""

from __future__ import annotations

import re
from typing import ClassVar

__all__ = ["PREVIEW_LIMIT", "ValidationError", "printable", "quote", "shorten"]

PREVIEW_LIMIT = 40
"""At most this many characters of an input appear in a message or an error's ``value``."""


_MAX_QUOTED_BITS = 256  # integers beyond this are not written out (Python refuses > 4,300 digits)


def shorten(value: object) -> object:
    """Return ``value``, with text longer than :data:`PREVIEW_LIMIT` cut and ending in an ellipsis.

    Errors keep the offending input as their ``value``; this bounds what a hostile
    or broken input (a 10 MB cell) can put there.

    Example:
        >>> shorten("x" * 100) == "x" * 39 + "\u2026"
        True
        >>> shorten(42)
        42
    """
    if isinstance(value, str) and len(value) > PREVIEW_LIMIT:
        return value[: PREVIEW_LIMIT - 1] + "\u2026"
    return value


def quote(value: object) -> str:
    """Quote an input for a message: text and numbers as written (shortened), anything else by type.

    Example:
        >>> quote("III/z"), quote(7), quote(None), quote(b"III/a")
        ("'III/z'", '7', '(NoneType)', '(bytes)')
    """
    if not isinstance(value, (str, int)):
        return f"({type(value).__name__})"
    if isinstance(value, int) and value.bit_length() > _MAX_QUOTED_BITS:
        return f"(an integer of about {value.bit_length() * 3 // 10:,} digits)"
    text = repr(shorten(value))
    limit = 2 * PREVIEW_LIMIT  # escapes (control characters, huge numbers) can lengthen a repr
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # control characters (Unicode category Cc)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional controls
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (category Cs): file names that are not UTF-8
)
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""Return ``text`` safe to print on a terminal or in one line of a text file.

    Control characters (Unicode category Cc: escape sequences, carriage
    returns, line feeds, tabs), the bidirectional controls (U+061C, U+200E,
    U+200F, U+202A to U+202E, U+2066 to U+2069), the line and paragraph
    separators (U+2028, U+2029) and lone surrogates (category Cs, as a file
    name that is not UTF-8 has them) are written as Python writes them in a
    ``repr``, without quotes: ``\x1b``, ``\n``, ``\u202e``, ``\udcff``.
    Everything else is kept as given (accents, combining marks, joiners, other
    scripts), so a name stays readable, an input cannot move the cursor, clear
    the screen, set a window title, reverse what follows or start a line of its
    own, and the result can always be encoded as UTF-8. A backslash is kept as
    it is.

    Example:
        >>> printable("Budi\x1b[2J\nerror  forged")
        'Budi\\x1b[2J\\nerror  forged'
        >>> print(printable("Siti\u202eNurhaliza\tA\udcff"))
        Siti\u202eNurhaliza\tA\udcff
        >>> printable("Dewi Lestari, S.Pd.") == "Dewi Lestari, S.Pd."
        True
    """
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escaped, text)


class ValidationError(ValueError):
    """Root of every error ``pelatihan`` raises about an invalid value.

    Args:
        message_en: What is wrong, in English.
        message_id: What is wrong, in Indonesian.
        component: The part of the value that is wrong, if one part is.
        value: The offending value (or component).

    Example:
        >>> error = ValidationError("bad", "salah", value=3)
        >>> str(error), error.message_id, error.value, error.code
        ('bad', 'salah', 3, 'invalid')
        >>> isinstance(error, ValueError)
        True
    """

    code: ClassVar[str] = "invalid"
    """Stable machine-readable code of this kind of error."""

    def __init__(
        self,
        message_en: str,
        message_id: str,
        *,
        component: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_id = message_id
        self.component = component
        self.value = value

    def message(self, lang: str = "en") -> str:
        """Return the message in ``lang`` (``"en"`` or ``"id"``).

        Example:
            >>> ValidationError("bad", "salah").message("id")
            'salah'
        """
        if lang == "id":
            return self.message_id
        if lang == "en":
            return self.message_en
        raise ValueError(f"unknown language {lang!r}: expected 'en' or 'id'")

    def __reduce__(self) -> tuple[object, ...]:
        # Keep keyword-only attributes across pickling (multiprocessing, caches).
        return (
            _rebuild,
            (type(self), self.message_en, self.message_id, self.component, self.value),
        )


def _rebuild(
    cls: type[ValidationError],
    message_en: str,
    message_id: str,
    component: str | None,
    value: object,
) -> ValidationError:
    error = cls.__new__(cls)
    ValidationError.__init__(error, message_en, message_id, component=component, value=value)
    return error
