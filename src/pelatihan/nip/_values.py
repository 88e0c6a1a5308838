"""The values a NIP holds besides its birth date: the sex (digit 15) and the TMT month (9-14)."""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any

import attrs

from pelatihan.errors import shorten
from pelatihan.nip._errors import InvalidSex, InvalidYearMonth

_YEAR_MONTH = re.compile(r"([0-9]{4})-?([0-9]{2})")


class Sex(enum.Enum):
    """The sex recorded in digit 15 of a NIP.

    Attributes:
        MALE: Male, *laki-laki*: digit ``1``, code ``L``.
        FEMALE: Female, *perempuan*: digit ``2``, code ``P``.

    Example:
        >>> Sex(2), Sex(2).code
        (<Sex.FEMALE: 2>, 'P')
        >>> Sex.parse("Laki-laki")
        <Sex.MALE: 1>
    """

    MALE = 1
    FEMALE = 2

    @property
    def code(self) -> str:
        """The one-letter Indonesian code used in HR exports: ``"L"`` or ``"P"``.

        Example:
            >>> Sex.MALE.code
            'L'
        """
        return "L" if self is Sex.MALE else "P"

    @classmethod
    def parse(cls, value: object) -> Sex:
        """Read a sex as HR data writes it.

        Accepts, ignoring case and surrounding spaces, ``"L"``/``"P"`` (Indonesian),
        ``"M"``/``"F"``, ``"1"``/``"2"`` (the NIP digit, also as an integer),
        ``"laki-laki"``/``"perempuan"`` (also ``"LAKI - LAKI"``, ``"Laki2"``, ``"Lk"``/``"Pr"``:
        spaces, dots and hyphens do not matter), ``"pria"``/``"wanita"`` and
        ``"male"``/``"female"``.

        Args:
            value: The text, digit or :class:`Sex` to read.

        Returns:
            The sex.

        Raises:
            InvalidSex: If the value is none of those.

        Example:
            >>> Sex.parse("p"), Sex.parse(1), Sex.parse(" Female ")
            (<Sex.FEMALE: 2>, <Sex.MALE: 1>, <Sex.FEMALE: 2>)
        """
        if isinstance(value, Sex):
            return value
        key: str | None = None
        if isinstance(value, str):
            key = _SEPARATORS.sub("", value.casefold())
        elif isinstance(value, int) and not isinstance(value, bool):
            key = str(value)
        found = _SEX_NAMES.get(key) if key is not None else None
        if found is None:
            shown = shorten(value)
            raise InvalidSex(
                f"unknown sex {shown!r}: expected L/P, M/F, 1/2, laki-laki/perempuan "
                "or male/female",
                f"jenis kelamin {shown!r} tidak dikenal: gunakan L/P, M/F, 1/2, "
                "laki-laki/perempuan, atau male/female",
                component="sex",
                value=shown,
            )
        return found


_SEPARATORS = re.compile(r"[\s.\-]+")
"""What spellings of a sex differ by and are read without: spaces, dots, hyphens."""

_SEX_NAMES = {
    "1": Sex.MALE,
    "l": Sex.MALE,
    "m": Sex.MALE,
    "lk": Sex.MALE,
    "lakilaki": Sex.MALE,
    "laki2": Sex.MALE,
    "pria": Sex.MALE,
    "male": Sex.MALE,
    "2": Sex.FEMALE,
    "p": Sex.FEMALE,
    "f": Sex.FEMALE,
    "pr": Sex.FEMALE,
    "perempuan": Sex.FEMALE,
    "wanita": Sex.FEMALE,
    "female": Sex.FEMALE,
}


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 9999:
        raise InvalidYearMonth(
            f"year must be 1 to 9999, got {value}",
            f"tahun harus antara 1 dan 9999, bukan {value}",
            value=value,
        )


def _check_month(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= 12:
        raise InvalidYearMonth(
            f"month must be 1 to 12, got {value}",
            f"bulan harus antara 1 dan 12, bukan {value}",
            value=value,
        )


_INT = attrs.validators.instance_of(int)


@attrs.frozen(order=True)
class YearMonth:
    """A month of a year, such as the TMT month of a NIP.

    Ordered by year, then month.

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12.

    Raises:
        InvalidYearMonth: If the year or the month is out of range.

    Example:
        >>> tmt = YearMonth(2015, 5)
        >>> str(tmt), tmt.first_day
        ('2015-05', datetime.date(2015, 5, 1))
        >>> YearMonth.parse("2015-05") == tmt < YearMonth(2015, 6)
        True
    """

    year: int = attrs.field(validator=[_INT, _check_year])
    month: int = attrs.field(validator=[_INT, _check_month])

    @property
    def first_day(self) -> datetime.date:
        """The first day of the month.

        Example:
            >>> YearMonth(2019, 3).first_day
            datetime.date(2019, 3, 1)
        """
        return datetime.date(self.year, self.month, 1)

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Read a year and month written ``YYYY-MM`` (or ``YYYYMM``, as in a NIP).

        Args:
            text: The text to read; surrounding spaces are ignored.

        Returns:
            The year and month.

        Raises:
            InvalidYearMonth: If the text is not written that way, or the month is
                not 1 to 12.

        Example:
            >>> YearMonth.parse("2015-05"), YearMonth.parse("201903")
            (YearMonth(year=2015, month=5), YearMonth(year=2019, month=3))
        """
        match = _YEAR_MONTH.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            shown = shorten(text)
            raise InvalidYearMonth(
                f"a year and month must be written YYYY-MM (such as 2015-05), got {shown!r}",
                f"tahun dan bulan harus ditulis YYYY-MM (misalnya 2015-05), bukan {shown!r}",
                value=shown,
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def from_date(cls, date: datetime.date) -> YearMonth:
        """Return the month that ``date`` falls in.

        Args:
            date: Any date.

        Returns:
            Its year and month.

        Example:
            >>> YearMonth.from_date(datetime.date(1986, 9, 26))
            YearMonth(year=1986, month=9)
        """
        return cls(date.year, date.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
