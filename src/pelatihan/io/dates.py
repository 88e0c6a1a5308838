"""Dates as HR systems and spreadsheets write them, read into :class:`datetime.date`.

Participant lists exported from HR systems write dates in many ways. Indonesia
writes the day first, so ``05/04/2024`` is the 5th of April, never the 4th of
May. :func:`parse_date` accepts:

* ISO 8601, ``YYYY-MM-DD`` (``2024-04-22``), optionally followed by a time of
  day, ``YYYY-MM-DDTHH:MM:SS`` or ``YYYY-MM-DD HH:MM:SS`` (``HH:MM`` and
  fractions of a second too); the time is dropped;
* day, month, year as numbers, day first, separated by ``-``, ``/`` or ``.``
  (the same separator twice): ``22-04-2024``, ``22/04/2024``, ``22.04.2024``,
  ``5/4/2024``;
* day, month name, year: ``22 April 2024``, ``5 Agt 2024``, ``17-Aug-2024``,
  with the Indonesian month names and their usual abbreviations (Januari/Jan,
  Februari/Feb/Peb, Maret/Mar, April/Apr, Mei, Juni/Jun, Juli/Jul,
  Agustus/Agu/Agt/Ags, September/Sep/Sept, Oktober/Okt, November/Nov/Nop,
  Desember/Des, and the older spellings Pebruari and Nopember) or the English
  ones (January/Jan ... December/Dec), in any case, an abbreviation optionally
  followed by a dot.

The year always has four digits and lies in 1900-2100, and the date must be a
real calendar date (``29-02-2023`` is not). Anything else raises
:class:`InvalidDate`, whose messages, in English and Indonesian, list the
accepted forms.

    >>> from pelatihan.io.dates import iso_or_none, parse_date
    >>> parse_date("22/04/2024")
    datetime.date(2024, 4, 22)
    >>> parse_date("17 Agustus 1945")
    datetime.date(1945, 8, 17)
    >>> parse_date("2024-04-22 00:00:00")
    datetime.date(2024, 4, 22)
    >>> iso_or_none("5 Peb 2024"), iso_or_none("04/22/2024")
    ('2024-02-05', None)
"""

from __future__ import annotations

import datetime
import re

from pelatihan.errors import ValidationError, quote, shorten

__all__ = ["MAX_YEAR", "MIN_YEAR", "MONTH_NAMES", "InvalidDate", "iso_or_none", "parse_date"]

MIN_YEAR = 1900
"""The earliest year :func:`parse_date` accepts."""
MAX_YEAR = 2100
"""The latest year :func:`parse_date` accepts."""

MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "peb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""Month names and abbreviations, Indonesian and English, in lowercase, with their numbers."""

_TIME = (
    r"(?:[T ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.[0-9]{1,9})?)?)"
)
_ISO = re.compile(
    rf"(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{2}})-(?P<day>[0-9]{{2}}){_TIME}?",
    re.ASCII,
)
_DAY_FIRST = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})",
    re.ASCII,
)
_MONTH_NAME = re.compile(
    r"(?P<day>[0-9]{1,2})(?: +|-)(?P<month>[a-z]+)\.?(?: +|-)(?P<year>[0-9]{4})",
    re.ASCII | re.IGNORECASE,
)

_FORMS_EN = (
    "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY (day first) "
    "or '22 April 2024' with an Indonesian or English month name"
)
_FORMS_ID = (
    "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY (tanggal di depan) "
    "atau '22 April 2024' dengan nama bulan dalam bahasa Indonesia atau Inggris"
)


class InvalidDate(ValidationError):
    """A text that is not a date in one of the accepted forms, or not a real date.

    Example:
        >>> try:
        ...     parse_date("29-02-2023")
        ... except InvalidDate as error:
        ...     print(error.code, error.value)
        ...     print(error.message_id)
        input.date 29-02-2023
        tanggal '29-02-2023' bukan tanggal yang ada di kalender
    """

    code = "input.date"


def parse_date(text: str) -> datetime.date:
    """Read a date written as an HR system or a spreadsheet writes it.

    Surrounding whitespace is ignored. See the module documentation for the
    accepted forms.

    Args:
        text: The date as text.

    Returns:
        The date.

    Raises:
        InvalidDate: If ``text`` is in none of the accepted forms, is not a real
            calendar date, or its year is outside 1900-2100.

    Example:
        >>> parse_date("2019-10-17"), parse_date("17.10.2019"), parse_date("17 OKT 2019")
        (datetime.date(2019, 10, 17), datetime.date(2019, 10, 17), datetime.date(2019, 10, 17))
        >>> parse_date("10/17/2019")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        pelatihan.io.dates.InvalidDate: date '10/17/2019' is not a real calendar date (the day ...
    """
    stripped = text.strip()
    match = _ISO.fullmatch(stripped) or _DAY_FIRST.fullmatch(stripped)
    if match is not None:
        month = int(match["month"])
    else:
        match = _MONTH_NAME.fullmatch(stripped)
        number = MONTH_NAMES.get(match["month"].lower()) if match is not None else None
        if match is None or number is None:
            raise InvalidDate(
                f"date {quote(text)} is not in an accepted form: {_FORMS_EN}",
                f"tanggal {quote(text)} tidak dalam bentuk yang diterima: {_FORMS_ID}",
                value=shorten(text),
            )
        month = number
    year, day = int(match["year"]), int(match["day"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate(
            f"date {quote(text)} has the year {year}: expected {MIN_YEAR} to {MAX_YEAR}",
            f"tanggal {quote(text)} bertahun {year}: seharusnya {MIN_YEAR} sampai {MAX_YEAR}",
            value=shorten(text),
        )
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        hint_en = hint_id = ""
        if month > 12 and day <= 12 and match.re is _DAY_FIRST:
            hint_en, hint_id = " (the day comes first)", " (tanggal ditulis lebih dulu)"
        raise InvalidDate(
            f"date {quote(text)} is not a real calendar date{hint_en}",
            f"tanggal {quote(text)} bukan tanggal yang ada di kalender{hint_id}",
            value=shorten(text),
        ) from None
    if match.re is _ISO and match["hour"] is not None:
        hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise InvalidDate(
                f"date {quote(text)} has a time of day that does not exist",
                f"tanggal {quote(text)} memuat jam yang tidak ada",
                value=shorten(text),
            )
    return date


def iso_or_none(text: str) -> str | None:
    """The ISO text (``YYYY-MM-DD``) of a date :func:`parse_date` accepts, else ``None``.

    Example:
        >>> iso_or_none("22/04/2024"), iso_or_none("kemarin")
        ('2024-04-22', None)
    """
    try:
        return parse_date(text).isoformat()
    except InvalidDate:
        return None
