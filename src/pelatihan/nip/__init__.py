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

import datetime  # noqa: F401 - NIP's annotations and doctests resolve here (see adopt)
from typing import ClassVar  # noqa: F401 - the errors' annotations resolve here (see adopt)

from pelatihan._reexport import adopt
from pelatihan.nip import _figures
from pelatihan.nip._checks import _parts as _parts
from pelatihan.nip._errors import (
    ImplausibleAge,
    InvalidBirthDate,
    InvalidFormat,
    InvalidLength,
    InvalidNIP,
    InvalidSerial,
    InvalidSex,
    InvalidTMT,
    InvalidYearMonth,
    PPPKNumber,
)
from pelatihan.nip._input import compact
from pelatihan.nip._number import (
    NIP,
    format,  # noqa: A004  (python-stdnum's name for this function)
    is_valid,
    parse,
    parse_with_digits,
    validate,
)
from pelatihan.nip._values import Sex, YearMonth
from pelatihan.provenance import Figure

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

STRUCTURE: Figure[str] = _figures.STRUCTURE
"""The layout of the 18 digits, with the legal basis the NIP rules rest on.

Example:
    >>> str(STRUCTURE.basis), STRUCTURE.status.value
    ('Peraturan Kepala BKN 22/2007', 'SEC')
"""

MINIMUM_AGE: Figure[int] = _figures.MINIMUM_AGE
"""The minimum age, in whole years, on the first day of the TMT month.

A default (status ``SEC``): pass ``minimum_age=`` to :func:`validate`,
:func:`parse` or :func:`is_valid` to use another value.

Example:
    >>> MINIMUM_AGE.value, MINIMUM_AGE.status.value, str(MINIMUM_AGE.basis)
    (18, 'SEC', 'PP 11/2017, Pasal 23')
"""

PPPK_SINCE: Figure[int] = _figures.PPPK_SINCE
"""The first year an NI PPPK can carry as the year of first appointment.

Example:
    >>> PPPK_SINCE.value, PPPK_SINCE.status.value
    (2019, 'INF')
"""


adopt(__name__, *(globals()[name] for name in __all__))
