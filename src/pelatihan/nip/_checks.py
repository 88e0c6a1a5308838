"""The checks of a NIP's parts in the documented order, and the birth dates and TMTs seen."""

from __future__ import annotations

import datetime

from pelatihan._memo import remember
from pelatihan.nip._errors import (
    ImplausibleAge,
    InvalidBirthDate,
    InvalidSerial,
    InvalidSex,
    InvalidTMT,
    PPPKNumber,
)
from pelatihan.nip._figures import MINIMUM_AGE, PPPK_SINCE
from pelatihan.nip._input import _LENGTH, _digits
from pelatihan.nip._values import Sex, YearMonth

_MIN_YEAR = 1900


def _resolve_minimum_age(minimum_age: int | None) -> int:
    value: object = minimum_age
    if value is None:
        return MINIMUM_AGE.value
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"minimum_age must be an int or None, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"minimum_age must not be negative, got {value}")
    return value


def _date_digits(date: datetime.date) -> str:
    return f"{date.year:04d}{date.month:02d}{date.day:02d}"


def _age_on(birth_date: datetime.date, day: datetime.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def _check_birth_year(birth_date: datetime.date) -> None:
    if birth_date.year < _MIN_YEAR:
        text = _date_digits(birth_date)
        raise InvalidBirthDate(
            f"the NIP's birth date {text} (digits 1-8) is before 1900",
            f"tanggal lahir {text} pada NIP (digit 1-8) sebelum tahun 1900",
            component="birth_date",
            value=text,
        )


def _check_tmt_year(tmt: YearMonth) -> None:
    if tmt.year < _MIN_YEAR:
        raise _tmt_before_1900(f"{tmt.year:04d}{tmt.month:02d}")


def _tmt_before_1900(text: str) -> InvalidTMT:
    return InvalidTMT(
        f"the NIP's TMT {text} (digits 9-14) is before 1900",
        f"TMT CPNS {text} pada NIP (digit 9-14) sebelum tahun 1900",
        component="tmt",
        value=text,
    )


def _check_age(birth_date: datetime.date, tmt: YearMonth, minimum_age: int) -> None:
    if (tmt.year, tmt.month) >= (birth_date.year, birth_date.month) and (
        _age_on(birth_date, datetime.date(tmt.year, tmt.month, 1)) >= minimum_age
    ):
        return  # the common case, without building messages
    text = f"{tmt.year:04d}{tmt.month:02d}"
    birth_month = YearMonth.from_date(birth_date)
    if tmt < birth_month:
        raise ImplausibleAge(
            f"the NIP's TMT {tmt} (digits 9-14) is before the month of birth {birth_month}",
            f"TMT CPNS {tmt} pada NIP (digit 9-14) lebih awal daripada bulan kelahiran "
            f"{birth_month}",
            component="tmt",
            value=text,
        )
    age = max(0, _age_on(birth_date, tmt.first_day))
    if age < minimum_age:
        raise ImplausibleAge(
            f"the NIP's TMT {tmt} (digits 9-14) makes its holder {age} years old on "
            f"{tmt.first_day.isoformat()} (born {birth_date.isoformat()}); a CPNS is at least "
            f"{minimum_age} on the first day of the TMT month",
            f"menurut TMT CPNS {tmt} pada NIP (digit 9-14), pemiliknya baru berusia {age} tahun "
            f"pada {tmt.first_day.isoformat()} (lahir {birth_date.isoformat()}); usia CPNS "
            f"paling rendah {minimum_age} tahun pada hari pertama bulan TMT",
            component="tmt",
            value=text,
        )


def _serial_error(text: str) -> InvalidSerial:
    return InvalidSerial(
        f"the NIP's serial number {text} (digits 16-18) must be 001 to 999",
        f"nomor urut {text} pada NIP (digit 16-18) harus antara 001 dan 999",
        component="serial",
        value=text,
    )


_SEX = {"1": Sex.MALE, "2": Sex.FEMALE}

_set = object.__setattr__  # frozen attrs instances are built field by field on the hot path


def _year_month(year: int, month: int) -> YearMonth:
    """A checked year and month, built without checking again (shared through ``_TMTS``)."""
    value = object.__new__(YearMonth)
    _set(value, "year", year)
    _set(value, "month", month)
    return value


def _check_parts(
    birth_date: datetime.date,
    tmt: YearMonth,
    serial: int | None,
    *,
    minimum_age: int,
) -> None:
    """Check parts given as values, in the order :func:`validate` checks digits."""
    _check_birth_year(birth_date)
    _check_tmt_year(tmt)
    _check_age(birth_date, tmt, minimum_age)
    if serial is not None and not 1 <= serial <= 999:
        raise _serial_error(f"{serial:03d}" if serial >= 0 else str(serial))


_BIRTH_DATES: dict[str, datetime.date] = {}
_TMTS: dict[str, YearMonth] = {}
_CHECKED: dict[str, tuple[datetime.date, YearMonth, int]] = {}
"""Digits 1-14 already checked, with the minimum age they were checked against: a real birth
date and TMT month, the holder old enough at it. An export repeats each such pair."""


def _birth_date(text: str) -> datetime.date:
    """The checked birth date of digits 1-8, remembered for the next NIP with the same."""
    try:
        birth_date = datetime.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidBirthDate(
            f"the NIP's birth date {text} (digits 1-8) is not a real date",
            f"tanggal lahir {text} pada NIP (digit 1-8) tidak ada dalam kalender",
            component="birth_date",
            value=text,
        ) from None
    _check_birth_year(birth_date)
    return remember(_BIRTH_DATES, text, birth_date)


def _looks_like_pppk(year: int, count: int, birth_date: datetime.date, minimum_age: int) -> bool:
    """Whether digits 9-12 (``year``) and 13-14 (``count``) read as an NI PPPK's, not a TMT."""
    return count > 12 and year >= PPPK_SINCE.value and year - birth_date.year >= minimum_age


def _pppk_error(text: str) -> PPPKNumber:
    year, count = text[0:4], text[4:6]
    return PPPKNumber(
        "the number looks like a PPPK number (NI PPPK); PPPK do not take Latsar CPNS: digits "
        f"9-14 {text} read as the year of first appointment {year} and {count} contracts, not "
        "as a TMT year and month",
        "nomor ini tampaknya nomor PPPK (NI PPPK); PPPK tidak mengikuti Latsar CPNS: digit "
        f"9-14 {text} terbaca sebagai tahun pengangkatan pertama {year} dan {count} kali "
        "kontrak, bukan tahun dan bulan TMT CPNS",
        component="tmt",
        value=text,
    )


def _tmt(text: str, birth_date: datetime.date, minimum_age: int) -> YearMonth:
    """The checked TMT month of digits 9-14, remembered for the next NIP with the same.

    Only the months are remembered: whether a number that has no month is an NI
    PPPK depends on the birth date too.
    """
    month = int(text[4:6])
    if not 1 <= month <= 12:
        if _looks_like_pppk(int(text[0:4]), month, birth_date, minimum_age):
            raise _pppk_error(text)
        raise InvalidTMT(
            f"the NIP's TMT {text} (digits 9-14) is not a real year and month: "
            f"there is no month {text[4:6]}",
            f"TMT CPNS {text} pada NIP (digit 9-14) bukan tahun dan bulan yang sah: "
            f"tidak ada bulan {text[4:6]}",
            component="tmt",
            value=text,
        )
    year = int(text[0:4])
    if year < _MIN_YEAR:
        raise _tmt_before_1900(text)
    return remember(_TMTS, text, _year_month(year, month))


def _parts(number: object, minimum: int) -> tuple[str, datetime.date, YearMonth, Sex]:
    """The digits, birth date, TMT and sex of a NIP, checked in the documented order.

    The hot path of validating an export: 18 digits, plain or apart with spaces,
    skip the general separator handling, and birth dates and TMT months already
    seen are not parsed again.
    """
    digits = number.replace(" ", "") if type(number) is str else ""
    if not (len(digits) == _LENGTH and digits.isascii() and digits.isdigit()):
        digits = _digits(number)  # other separators, or wrong: the general path explains
    known = _CHECKED.get(digits[0:14])
    if known is None or known[2] != minimum:
        birth_text = digits[0:8]
        birth_date = _BIRTH_DATES.get(birth_text) or _birth_date(birth_text)
        tmt_text = digits[8:14]
        tmt = _TMTS.get(tmt_text) or _tmt(tmt_text, birth_date, minimum)
        # the first day of the TMT month on or after the birthday of the minimum age: old
        # enough (the common case); otherwise _check_age decides, and explains
        if (tmt.year, tmt.month, 1) < (birth_date.year + minimum, birth_date.month, birth_date.day):
            _check_age(birth_date, tmt, minimum)
        known = remember(_CHECKED, digits[0:14], (birth_date, tmt, minimum))
    birth_date, tmt, _ = known
    sex = _SEX.get(digits[14])
    if sex is None:
        sex_text = digits[14]
        raise InvalidSex(
            f"the NIP's sex digit {sex_text} (digit 15) must be 1 (male) or 2 (female)",
            f"kode jenis kelamin {sex_text} pada NIP (digit 15) harus 1 (laki-laki) "
            "atau 2 (perempuan)",
            component="sex",
            value=sex_text,
        )
    if digits[15:] == "000":
        raise _serial_error("000")
    return digits, birth_date, tmt, sex
