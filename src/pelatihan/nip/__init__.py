"""NIP (Nomor Induk Pegawai, the Indonesian civil servant's identity number).

Every Indonesian civil servant (*Pegawai Negeri Sipil*, PNS) and every
candidate civil servant (*Calon PNS*, CPNS) has a NIP: the number that
identifies them in the national civil-service records of the National Civil
Service Agency (*Badan Kepegawaian Negara*, BKN). It is on every appointment
decree, payslip and training certificate, and it is the key by which a Latsar
participant is known to the organiser, the home agency and BKN. BKN assigns it
when a CPNS is appointed, and it stays the same for the whole career.

Since BKN's rule of 2007 (*Peraturan Kepala BKN* 22/2007, the legal record
``perka-bkn-22-2007`` cited by :data:`STRUCTURE`) a NIP has 18 digits, and the
first 15 are not arbitrary:

======  =========================================================  ============
digits  meaning                                                    example
======  =========================================================  ============
1-8     date of birth, ``YYYYMMDD``                                ``19860926``
9-14    TMT CPNS: the year and month the CPNS appointment          ``201505``
        took effect (*terhitung mulai tanggal*), ``YYYYMM``
15      sex: ``1`` male (*laki-laki*), ``2`` female (*perempuan*)  ``1``
16-18   serial number, ``001`` to ``999``, telling apart people    ``001``
        who share the first 15 digits
======  =========================================================  ============

It is usually written with spaces between the parts, ``19860926 201505 1 001``;
dots (``19860926.201505.1.001``) and dashes are seen too. There is **no check
digit**, so a typing error in the serial number cannot be detected.

What :func:`validate` checks, in this order, each failure with its own
exception (all subclasses of :class:`InvalidNIP`, itself a
:class:`~pelatihan.errors.ValidationError` and so a :class:`ValueError`):

1. the value is text or an integer and, once spaces, dots and dashes are
   removed, holds only the ASCII digits 0-9 (:class:`InvalidFormat`);
2. there are exactly 18 digits (:class:`InvalidLength`);
3. digits 1-8 are a real date, in 1900 or later (:class:`InvalidBirthDate`);
4. digits 9-14 are a real year and month, in 1900 or later (:class:`InvalidTMT`),
   unless they read as the year and contract count of a PPPK number
   (:class:`PPPKNumber`, see below);
5. the TMT is not before the month of birth, and the holder is at least
   :data:`MINIMUM_AGE` (18) years old on the first day of the TMT month
   (:class:`ImplausibleAge`);
6. digit 15 is ``1`` or ``2`` (:class:`InvalidSex`);
7. the serial number is not ``000`` (:class:`InvalidSerial`).

A number that passes is well formed; only BKN's records can say whether it was
ever issued. The age rule is a plausibility check with a default that callers
can change (``minimum_age=``): the 9-digit NIPs of civil servants appointed
before the 2007 rule were replaced by 18-digit ones that carry the TMT of
appointments made under older rules.

Contract civil servants (*Pegawai Pemerintah dengan Perjanjian Kerja*, PPPK)
have a number of their own, the NI PPPK, also 18 digits long: the birth date
(``YYYYMMDD``), the year of first appointment (``YYYY``), a 2-digit number of
contracts, the sex digit and a 3-digit serial, as in ``19921107 202221 1 001``.
Read as a NIP, its digits 13-14 are a "month" such as 21. PPPK do not take
Latsar CPNS (they have an orientation of their own), so such a number gets its
own error, :class:`PPPKNumber` (``nip.pppk``), instead of "there is no month
21". At check 4, digits 9-14 are taken for an NI PPPK when all of these hold:

* digits 13-14 are ``13`` to ``99``: never a month. ``01`` to ``12`` cannot be
  told from a TMT month, and ``00`` (no contract) is reported as a TMT without
  a month (:class:`InvalidTMT`);
* digits 9-12 are a year from :data:`PPPK_SINCE` (2019: no PPPK was appointed
  before the regulation on appointing them, PP 49/2018), in which the holder
  reaches the minimum age (the year less the birth year is at least
  ``minimum_age``).

The birth date (check 3) is real by then; the sex digit and serial are not
looked at. The NI PPPK shape is reported by secondary sources (status ``SEC``),
such as the rbtv.disway.id article below.

Sources and status: the structure above is reported alike by several secondary
sources (status ``SEC``; the BKN rule's own text was not read), for example
https://tekno.tempo.co/amp/1511377/penasaran-dengan-arti-18-digit-nip-pns-ini-penjelasannya,
https://rbtv.disway.id/amp/72478/apa-perbedaan-nip-pppk-dan-pns-ini-penjelasan-lengkapnya
and https://id.scribd.com/document/368960434/NIP-Adalah. The minimum age is
the figure :data:`MINIMUM_AGE`, with its own provenance.

    >>> from pelatihan import nip
    >>> nip.validate("19860926 201505 1 001")
    '198609262015051001'
    >>> nip.format(198609262015051001)
    '19860926 201505 1 001'
    >>> number = nip.parse("19950417.201903.2.004")
    >>> number.birth_date, str(number.tmt), number.sex.code, number.serial
    (datetime.date(1995, 4, 17), '2019-03', 'P', 4)
    >>> nip.is_valid("19860926 201505 1 000")
    False

Each kind of bad value raises its own exception:

    >>> nip.validate("19860926 2015O5 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidFormat: NIP '19860926 2015O5 1 001' contains 'O' (U+004F LATIN ...
    >>> nip.validate(1.98609262015051e17)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidFormat: NIP 1.98609262015051e+17 is a float: spreadsheets turn ...
    >>> nip.validate("1.98609E+17")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidFormat: NIP '1.98609E+17' is a number in scientific notation: ...
    >>> nip.validate("19860926 201505 1 01")
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidLength: NIP must have 18 digits, got 17
    >>> nip.validate("19860231 201505 1 001")
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidBirthDate: the NIP's birth date 19860231 (digits 1-8) is not a real date
    >>> nip.validate("19860926 201513 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidTMT: the NIP's TMT 201513 (digits 9-14) is not a real year and month: ...
    >>> nip.validate("19921107 202221 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.PPPKNumber: the number looks like a PPPK number (NI PPPK); PPPK do not take ...
    >>> nip.validate("19921107 202200 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidTMT: the NIP's TMT 202200 (digits 9-14) is not a real year and month: ...
    >>> nip.validate("19921107 201821 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidTMT: the NIP's TMT 201821 (digits 9-14) is not a real year and month: ...
    >>> nip.validate("19860926 200005 1 001")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    pelatihan.nip.ImplausibleAge: the NIP's TMT 2000-05 (digits 9-14) makes its holder 13 ...
    >>> nip.validate("19860926 201505 3 001")
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidSex: the NIP's sex digit 3 (digit 15) must be 1 (male) or 2 (female)
    >>> nip.validate("19860926 201505 1 000")
    Traceback (most recent call last):
        ...
    pelatihan.nip.InvalidSerial: the NIP's serial number 000 (digits 16-18) must be 001 to 999

Every error says which part is wrong, and why in English and in Indonesian:

    >>> try:
    ...     nip.validate("19860926 201505 3 001")
    ... except nip.InvalidNIP as error:
    ...     print(error.code, error.component, error.value)
    ...     print(error.message_id)
    nip.sex sex 3
    kode jenis kelamin 3 pada NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan)
    >>> try:
    ...     nip.validate("19921107 202221 1 001")
    ... except nip.InvalidNIP as error:
    ...     print(error.code, error.component, error.value)
    ...     print(error.message_id)  # doctest: +ELLIPSIS
    nip.pppk tmt 202221
    nomor ini tampaknya nomor PPPK (NI PPPK); PPPK tidak mengikuti Latsar CPNS: ...
"""

from __future__ import annotations

import datetime
import enum
import numbers
import re
import unicodedata
from typing import Any, ClassVar

import attrs

from pelatihan._memo import remember
from pelatihan.errors import ValidationError, shorten
from pelatihan.provenance import Citation, Figure, Status

__all__ = [
    "MINIMUM_AGE",
    "NIP",
    "PPPK_SINCE",
    "STRUCTURE",
    "ImplausibleAge",
    "InvalidBirthDate",
    "InvalidFormat",
    "InvalidLength",
    "InvalidNIP",
    "InvalidSerial",
    "InvalidSex",
    "InvalidTMT",
    "InvalidYearMonth",
    "PPPKNumber",
    "Sex",
    "YearMonth",
    "compact",
    "format",
    "is_valid",
    "parse",
    "parse_with_digits",
    "validate",
]

STRUCTURE: Figure[str] = Figure(
    "YYYYMMDD YYYYMM S NNN",
    Status.SEC,
    Citation("perka-bkn-22-2007"),
    source="summaries of the BKN rule (slides, press); see the module documentation",
    note="birth date, TMT CPNS year and month, sex digit, serial; no check digit",
)
"""The layout of the 18 digits, with the legal basis the NIP rules rest on.

Example:
    >>> str(STRUCTURE.basis), STRUCTURE.status.value
    ('Peraturan Kepala BKN 22/2007', 'SEC')
"""

MINIMUM_AGE: Figure[int] = Figure(
    18,
    Status.SEC,
    Citation("pp-11-2017", "Pasal 23"),
    source=(
        "reports of PP 11/2017 Pasal 23: a BKN press release on the 2018 recruitment, as "
        "reported by https://mandarnesia.com/sembilan-syarat-dasar-bagi-pelamar-cpns-2018, and "
        "https://polhukam.id/umum/pr-72187/"
        "batas-usia-cpns-2024-terbaru-lulusan-sma-hingga-sarjana-yang-diatur-undang-undang"
    ),
    note=(
        "CPNS applicants must be at least 18 years old when they apply (PP 11/2017, "
        "Pasal 23 ayat (1) huruf a, as reported), and the TMT comes after the application, "
        "so the holder of a NIP is at least 18 on the first day of the TMT month. "
        "Numbers of civil servants appointed under older rules may need a lower value."
    ),
)
"""The minimum age, in whole years, on the first day of the TMT month.

A default (status ``SEC``): pass ``minimum_age=`` to :func:`validate`,
:func:`parse` or :func:`is_valid` to use another value.

Example:
    >>> MINIMUM_AGE.value, MINIMUM_AGE.status.value, str(MINIMUM_AGE.basis)
    (18, 'SEC', 'PP 11/2017, Pasal 23')
"""

PPPK_SINCE: Figure[int] = Figure(
    2019,
    Status.INF,
    Citation("pp-49-2018"),
    source=(
        "UU 5/2014 created PPPK; PP 49/2018 (Manajemen PPPK, end of 2018) set how they are "
        "recruited and appointed, and the first recruitment was reported in February 2019"
    ),
    note=(
        "No PPPK could be appointed before the regulation on how to appoint them, so the year "
        "of first appointment in an NI PPPK (digits 9-12) is 2019 or later."
    ),
)
"""The first year an NI PPPK can carry as the year of first appointment.

Example:
    >>> PPPK_SINCE.value, PPPK_SINCE.status.value
    (2019, 'INF')
"""

_LENGTH = 18
_MIN_YEAR = 1900
_SEPARATOR_CLASS = r"\s.\-\u2010-\u2015\u2212"
_SEPARATORS = re.compile(f"[{_SEPARATOR_CLASS}]+")
_FORBIDDEN = re.compile(f"[^0-9{_SEPARATOR_CLASS}]")
_ASCII_DIGITS = "0123456789"
_COMPACT_LIMIT = 256
_OLD_NIP_LENGTH = 9
_YEAR_MONTH = re.compile(r"([0-9]{4})-?([0-9]{2})")


class InvalidNIP(ValidationError):
    """Root of the errors about a NIP; catch it to catch them all.

    ============================  ==================  =================
    exception                     ``code``            ``component``
    ============================  ==================  =================
    :class:`InvalidFormat`        ``nip.format``      ``None``
    :class:`InvalidLength`        ``nip.length``      ``None``
    :class:`InvalidBirthDate`     ``nip.birth-date``  ``"birth_date"``
    :class:`InvalidTMT`           ``nip.tmt``         ``"tmt"``
    :class:`PPPKNumber`           ``nip.pppk``        ``"tmt"``
    :class:`ImplausibleAge`       ``nip.age``         ``"tmt"``
    :class:`InvalidSex`           ``nip.sex``         ``"sex"``
    :class:`InvalidSerial`        ``nip.serial``      ``"serial"``
    ============================  ==================  =================

    ``value`` is the digits of the offending part (``"201513"``, ``"3"``), or,
    when the value is wrong as a whole, the input itself (text longer than 40
    characters is shortened, ending in an ellipsis).

    Example:
        >>> from pelatihan import nip
        >>> try:
        ...     nip.validate("19860926 201505 1 000")
        ... except nip.InvalidNIP as error:
        ...     print(type(error).__name__, error.code, error.component, error.value)
        InvalidSerial nip.serial serial 000
    """

    code: ClassVar[str] = "nip.invalid"


class InvalidFormat(InvalidNIP):
    """The value is not text or an integer, or holds characters other than digits and separators.

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("NIP 19860926 201505 1 001")
        False
    """

    code: ClassVar[str] = "nip.format"


class InvalidLength(InvalidNIP):
    """The value does not have exactly 18 digits.

    Example:
        >>> from pelatihan import nip
        >>> nip.InvalidLength.code
        'nip.length'
    """

    code: ClassVar[str] = "nip.length"


class InvalidBirthDate(InvalidNIP):
    """Digits 1-8 are not a real date in 1900 or later.

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("18991231 201505 1 001")
        False
    """

    code: ClassVar[str] = "nip.birth-date"


class InvalidTMT(InvalidNIP):
    """Digits 9-14 are not a real year and month in 1900 or later.

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("19860926 201500 1 001")
        False
    """

    code: ClassVar[str] = "nip.tmt"


class PPPKNumber(InvalidNIP):
    """The number looks like a PPPK number (NI PPPK), not a NIP: PPPK do not take Latsar CPNS.

    Digits 13-14 are 13 to 99 after a year of first appointment from
    :data:`PPPK_SINCE` at which the holder was of the minimum age (see the
    module documentation).

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("19921107 202221 1 001")
        False
        >>> nip.PPPKNumber.code
        'nip.pppk'
    """

    code: ClassVar[str] = "nip.pppk"


class ImplausibleAge(InvalidNIP):
    """The TMT is before the month of birth, or at an age below the minimum.

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("19970502 201505 1 001")  # 17 on 1 May 2015
        False
        >>> nip.is_valid("19970501 201505 1 001")  # 18 on 1 May 2015
        True
    """

    code: ClassVar[str] = "nip.age"


class InvalidSex(InvalidNIP):
    """Digit 15 is not 1 (male) or 2 (female), or a sex is not recognised.

    Example:
        >>> from pelatihan import nip
        >>> nip.is_valid("19860926 201505 0 001")
        False
    """

    code: ClassVar[str] = "nip.sex"


class InvalidSerial(InvalidNIP):
    """The serial number (digits 16-18) is not 001 to 999.

    Example:
        >>> from pelatihan import nip
        >>> nip.InvalidSerial.code
        'nip.serial'
    """

    code: ClassVar[str] = "nip.serial"


class InvalidYearMonth(ValidationError):
    """A :class:`YearMonth` was given a month outside 1-12, a year outside 1-9999, or bad text.

    Example:
        >>> from pelatihan import nip
        >>> nip.YearMonth(2015, 13)
        Traceback (most recent call last):
            ...
        pelatihan.nip.InvalidYearMonth: month must be 1 to 12, got 13
    """

    code: ClassVar[str] = "year-month"


class Sex(enum.Enum):
    """The sex recorded in digit 15 of a NIP.

    Example:
        >>> Sex(2), Sex(2).code
        (<Sex.FEMALE: 2>, 'P')
        >>> Sex.parse("Laki-laki")
        <Sex.MALE: 1>
    """

    MALE = 1
    """Male, *laki-laki*: digit ``1``, code ``L``."""
    FEMALE = 2
    """Female, *perempuan*: digit ``2``, code ``P``."""

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
        ``"laki-laki"``/``"perempuan"``, ``"pria"``/``"wanita"`` and
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
            key = value.strip().casefold()
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


_SEX_NAMES = {
    "1": Sex.MALE,
    "l": Sex.MALE,
    "m": Sex.MALE,
    "laki-laki": Sex.MALE,
    "laki laki": Sex.MALE,
    "pria": Sex.MALE,
    "male": Sex.MALE,
    "2": Sex.FEMALE,
    "p": Sex.FEMALE,
    "f": Sex.FEMALE,
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
    birth_text = digits[0:8]
    birth_date = _BIRTH_DATES.get(birth_text) or _birth_date(birth_text)
    tmt_text = digits[8:14]
    tmt = _TMTS.get(tmt_text) or _tmt(tmt_text, birth_date, minimum)
    # the first day of the TMT month on or after the birthday of the minimum age: old
    # enough (the common case); otherwise _check_age decides, and explains
    if (tmt.year, tmt.month, 1) < (birth_date.year + minimum, birth_date.month, birth_date.day):
        _check_age(birth_date, tmt, minimum)
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
