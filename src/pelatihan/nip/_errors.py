"""The exceptions of a NIP that is not valid, one per check, and of a year and month that is not."""

from __future__ import annotations

from typing import ClassVar

from pelatihan.errors import ValidationError


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
