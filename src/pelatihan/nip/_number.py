"""The NIP taken apart, and the functions that check, take apart and write a number."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from pelatihan.nip._checks import _check_parts, _parts, _resolve_minimum_age, _set
from pelatihan.nip._errors import InvalidNIP
from pelatihan.nip._values import _INT, Sex, YearMonth


def _plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise TypeError(f"{attribute.name} must be a datetime.date, not {type(value).__name__}")


@attrs.frozen
class NIP:
    """A valid NIP, taken apart.

    Build one with :func:`parse` from a number, or with :meth:`from_parts` from
    its parts. The constructor checks that the parts fit in a NIP (with a
    minimum age of 0); :func:`parse` and :meth:`from_parts` check the minimum
    age too.

    Args:
        birth_date: The date of birth (digits 1-8).
        tmt: The month the CPNS appointment took effect (digits 9-14).
        sex: The sex (digit 15).
        serial: The serial number, 1 to 999 (digits 16-18).

    Raises:
        InvalidNIP: If the parts cannot make a NIP.

    Example:
        >>> number = parse("19860926 201505 1 001")
        >>> number.birth_date, number.tmt, number.sex, number.serial
        (datetime.date(1986, 9, 26), YearMonth(year=2015, month=5), <Sex.MALE: 1>, 1)
        >>> str(number), number.formatted
        ('198609262015051001', '19860926 201505 1 001')
        >>> NIP(datetime.date(1986, 9, 26), YearMonth(2015, 5), Sex.MALE, 1) == number
        True
    """

    birth_date: datetime.date = attrs.field(validator=_plain_date)
    tmt: YearMonth = attrs.field(validator=attrs.validators.instance_of(YearMonth))
    sex: Sex = attrs.field(validator=attrs.validators.instance_of(Sex))
    serial: int = attrs.field(validator=_INT)

    def __attrs_post_init__(self) -> None:
        _check_parts(self.birth_date, self.tmt, self.serial, minimum_age=0)

    @property
    def compact(self) -> str:
        """The 18 digits, without separators.

        Example:
            >>> parse("19780830-200501-2-002").compact
            '197808302005012002'
        """
        birth = self.birth_date
        return (
            f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
            f"{self.tmt.year:04d}{self.tmt.month:02d}{self.sex.value}{self.serial:03d}"
        )

    @property
    def formatted(self) -> str:
        """The number written as usual, ``"19860926 201505 1 001"``.

        Example:
            >>> parse(199901012022031010).formatted
            '19990101 202203 1 010'
        """
        return _format_digits(self.compact, " ")

    @classmethod
    def from_parts(
        cls,
        birth_date: datetime.date,
        tmt: YearMonth,
        sex: Sex | str | int,
        serial: int,
        *,
        minimum_age: int | None = None,
    ) -> NIP:
        """Build a NIP from its parts, checking them as :func:`validate` does.

        Args:
            birth_date: The date of birth.
            tmt: The month the CPNS appointment took effect.
            sex: The sex, as a :class:`Sex` or anything :meth:`Sex.parse` reads.
            serial: The serial number, 1 to 999.
            minimum_age: The minimum age on the first day of the TMT month;
                ``None`` for :data:`MINIMUM_AGE`.

        Returns:
            The NIP.

        Raises:
            InvalidNIP: If the parts cannot make a valid NIP.

        Example:
            >>> number = NIP.from_parts(datetime.date(1995, 4, 17), YearMonth(2019, 3), "P", 4)
            >>> number.formatted
            '19950417 201903 2 004'
        """
        minimum = _resolve_minimum_age(minimum_age)
        given: tuple[object, object] = (birth_date, tmt)
        if not isinstance(given[0], datetime.date) or isinstance(given[0], datetime.datetime):
            raise TypeError(f"birth_date must be a datetime.date, not {type(given[0]).__name__}")
        if not isinstance(given[1], YearMonth):
            raise TypeError(f"tmt must be a YearMonth, not {type(given[1]).__name__}")
        _check_parts(birth_date, tmt, None, minimum_age=minimum)
        return cls(birth_date, tmt, Sex.parse(sex), serial)

    def __str__(self) -> str:
        return self.compact


def _check(number: object, minimum_age: int | None) -> tuple[str, NIP]:
    digits, birth_date, tmt, sex = _parts(number, _resolve_minimum_age(minimum_age))
    # every part is checked: build the value without checking it again
    value = object.__new__(NIP)
    _set(value, "birth_date", birth_date)
    _set(value, "tmt", tmt)
    _set(value, "sex", sex)
    _set(value, "serial", int(digits[15:]))
    return digits, value


def parse_with_digits(number: str | int) -> tuple[str, NIP]:
    """:func:`parse`, also returning the compact 18 digits (for callers that need both).

    Example:
        >>> parse_with_digits("19860926 201505 1 001")[0]
        '198609262015051001'
    """
    return _check(number, None)


def validate(number: str | int, *, minimum_age: int | None = None) -> str:
    """Check a NIP and return its 18 digits.

    The checks, their order and their exceptions are listed at the top of this
    module.

    Args:
        number: The NIP as text (with or without separators) or as an integer.
        minimum_age: The minimum age on the first day of the TMT month;
            ``None`` for :data:`MINIMUM_AGE`.

    Returns:
        The 18 ASCII digits.

    Raises:
        InvalidNIP: One of its subclasses, for the first check that fails.
        TypeError: If ``minimum_age`` is not an int or None.
        ValueError: If ``minimum_age`` is negative.

    Example:
        >>> validate("19990101-202203-1-010")
        '199901012022031010'
        >>> validate("19970502 201505 1 001", minimum_age=17)
        '199705022015051001'
    """
    return _check(number, minimum_age)[0]


def is_valid(number: object, *, minimum_age: int | None = None) -> bool:
    """Tell whether ``number`` is a valid NIP, without raising.

    Args:
        number: Anything; only text and integers can be valid.
        minimum_age: As for :func:`validate`.

    Returns:
        Whether :func:`validate` accepts it.

    Raises:
        TypeError: If ``minimum_age`` is not an int or None.
        ValueError: If ``minimum_age`` is negative.

    Example:
        >>> is_valid("19860926 201505 1 001"), is_valid(None), is_valid(b"198609262015051001")
        (True, False, False)
    """
    try:
        _check(number, minimum_age)
    except InvalidNIP:
        return False
    return True


def _format_digits(digits: str, separator: str) -> str:
    return separator.join((digits[0:8], digits[8:14], digits[14], digits[15:]))


def format(  # noqa: A001  (python-stdnum's name for this function)
    number: str | int,
    separator: str = " ",
    *,
    minimum_age: int | None = None,
) -> str:
    """Check a NIP and write it as usual, with its four parts apart.

    Args:
        number: The NIP as text or as an integer.
        separator: What to put between the parts.
        minimum_age: As for :func:`validate`.

    Returns:
        The NIP, such as ``"19860926 201505 1 001"``.

    Raises:
        InvalidNIP: If the number is not valid.

    Example:
        >>> format("197808302005012002")
        '19780830 200501 2 002'
        >>> format("19780830 200501 2 002", separator=".")
        '19780830.200501.2.002'
    """
    return _format_digits(validate(number, minimum_age=minimum_age), separator)


def parse(number: str | int, *, minimum_age: int | None = None) -> NIP:
    """Check a NIP and take it apart.

    Args:
        number: The NIP as text or as an integer.
        minimum_age: As for :func:`validate`.

    Returns:
        The :class:`NIP`, with its birth date, TMT, sex and serial number.

    Raises:
        InvalidNIP: If the number is not valid.

    Example:
        >>> number = parse("19780830 200501 2 002")
        >>> number.birth_date, number.tmt, number.sex, number.serial
        (datetime.date(1978, 8, 30), YearMonth(year=2005, month=1), <Sex.FEMALE: 2>, 2)
    """
    return _check(number, minimum_age)[1]
