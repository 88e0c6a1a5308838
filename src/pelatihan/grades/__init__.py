"""Grades of civil servants, the grade a new CPNS starts in, and the Latsar tracks.

.. rubric:: Golongan, ruang and pangkat

Every Indonesian civil servant (*PNS*), and every candidate civil servant
(*CPNS*), holds a **grade**. A grade has two coordinates:

* the **golongan** (group), written in Roman numerals from I to IV. It follows
  the level of schooling the job needs: golongan I for primary and
  lower-secondary school leavers, II for upper-secondary school and diplomas,
  III for university graduates, IV for senior officials (reached by promotion);
* the **ruang** (literally "room": the step within the group), a lower-case
  letter from ``a`` to ``d``, and to ``e`` in golongan IV.

They are written together as ``III/a`` (golongan III, ruang a). Each grade also
has a **pangkat** (rank), a title such as *Penata Muda*. The pangkat and the
golongan/ruang name the same thing, which is why forms often give both:
``Penata Muda (III/a)``. In the names, *Muda* means junior, *Madya* middle,
*Utama* principal, and *Tingkat I* ("first level", abbreviated *Tk. I*) the
senior step of the same title. Promotion (*kenaikan pangkat*) moves one step:
III/a, III/b, III/c, III/d, then IV/a. There are 17 grades (SEC):

=========  ==========================
Grade      Pangkat
=========  ==========================
I/a        Juru Muda
I/b        Juru Muda Tingkat I
I/c        Juru
I/d        Juru Tingkat I
II/a       Pengatur Muda
II/b       Pengatur Muda Tingkat I
II/c       Pengatur
II/d       Pengatur Tingkat I
III/a      Penata Muda
III/b      Penata Muda Tingkat I
III/c      Penata
III/d      Penata Tingkat I
IV/a       Pembina
IV/b       Pembina Tingkat I
IV/c       Pembina Utama Muda
IV/d       Pembina Utama Madya
IV/e       Pembina Utama
=========  ==========================

A :class:`Grade` is a frozen, ordered value. :meth:`Grade.parse` reads the forms
found in spreadsheets and forms (``III/a``, ``III a``, ``IIIa``, ``3a``, ``3/a``,
``Penata Muda (III/a)``, ``III/a - Penata Muda``, a pangkat alone, any case, any
spacing) and rejects everything else with :class:`InvalidGrade`:

    >>> from pelatihan.grades import Education, Grade, Track, entry_grade
    >>> grade = Grade.parse("Penata Muda (III/a)")
    >>> str(grade), grade.roman, grade.ruang, grade.pangkat
    ('III/a', 'III', 'a', 'Penata Muda')
    >>> [str(Grade.parse(text)) for text in ["3b", "iii / C", "Penata Muda Tk. I", "IV-e"]]
    ['III/b', 'III/c', 'III/b', 'IV/e']
    >>> Grade.parse("II/d") < Grade.parse("III/a") < Grade.parse("Pembina Utama")
    True
    >>> Grade.parse("II/e")
    Traceback (most recent call last):
    ...
    pelatihan.grades.InvalidGrade: ruang 'e' does not exist in golongan II: expected 'a' to 'd'
    >>> Grade.parse("Penata (III/a)")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    pelatihan.grades.InconsistentGrade: inconsistent grade 'Penata (III/a)':
    the rank Penata is III/c, but the golongan/ruang given is III/a (Penata Muda)

.. rubric:: Entry grade by education

A new CPNS starts in a grade set by the education (the diploma used to apply),
under PP 98/2000 (*Pengadaan PNS*), Pasal 11 ayat (4) as amended by PP 11/2002,
as reported by secondary sources. :data:`ENTRY_GRADES` holds each row as a
:class:`~pelatihan.provenance.Figure` with its status and legal basis:

=======  =======================================  ===========  ======
Level    Spellings accepted (any case)            Entry grade  Status
=======  =======================================  ===========  ======
SD       SD, MI                                   I/a          SEC
SMP      SMP, SLTP, MTs                           I/c          OPEN
SLTA     SLTA, SMA, SMU, SMK, MA                  II/a         SEC
D1       D1, D-I, Diploma I                       II/a         SEC
D2       D2, D-II, Diploma II                     II/b         SEC
D3       D3, D-III, D III, Diploma III            II/c         SEC
D4       D4, D-IV, DIV, Diploma IV                III/a        SEC
S1       S1, S-1, S.1, Sarjana, Strata 1          III/a        SEC
S2       S2, S-2, Magister, Strata 2              III/b        SEC
PROFESI  Profesi, Dokter, Dokter Gigi, Apoteker   III/b        SEC
S3       S3, S-3, Doktor, Strata 3                III/c        SEC
=======  =======================================  ===========  ======

The SMP row is OPEN: sources conflict between I/b and I/c, so the shipped I/c is
a default (:data:`SMP_ENTRY_GRADE`) that callers must confirm, or replace.
Every row can be overridden; an overridden figure has status ``USER``. Note the
two look-alikes: *Doktor* is a doctorate (S3), *Dokter* a physician (PROFESI).

    >>> str(entry_grade("S1"))
    'III/a'
    >>> str(entry_grade(Education.parse("Diploma III")))
    'II/c'
    >>> str(entry_grade("SMP")), str(entry_grade("SMP", overrides={"SMP": "I/b"}))
    ('I/c', 'I/b')

.. rubric:: Latsar tracks

Latsar is run in two tracks, each cohort (*angkatan*) holding one track only:
*Pelatihan Dasar CPNS Golongan III* for CPNS in golongan III and *Golongan II*
for CPNS in golongan II (SEC, PerLAN 1/2021). Golongan I has no track of its
own; its CPNS join the Golongan II track (INF). The modelled regulations give
golongan IV no track, so :meth:`Track.for_grade` raises :class:`NoTrack` for it.
:data:`TRACK_RULES` holds these rules as figures, by golongan.

    >>> Track.for_grade("Penata Muda").title
    'Pelatihan Dasar CPNS Golongan III'
    >>> str(Track.for_grade("I/c")), Track.for_grade_figure("I/c").status.value
    ('II', 'INF')
    >>> Track.for_grade("IV/a")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    pelatihan.grades.NoTrack: golongan IV has no Latsar track: the modelled regulations
    run Latsar for golongan II and III only (golongan I joins track II)

Every error is a :class:`~pelatihan.errors.ValidationError` with a stable
``code`` and messages in English and Indonesian:

    >>> try:
    ...     Education.parse("Ners")
    ... except ValueError as error:
    ...     print(error.code)
    ...     print(error.message("id"))  # doctest: +NORMALIZE_WHITESPACE
    education.unknown
    jenjang pendidikan 'Ners' tidak dikenali: seharusnya SD, SMP/SLTP, SLTA (SMA, SMU,
    SMK, MA), D-I sampai D-IV, S-1 sampai S-3 (Sarjana, Magister, Doktor), atau
    pendidikan profesi (dokter, dokter gigi, apoteker)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final, TypeAlias

import attrs

from pelatihan._memo import remember
from pelatihan.errors import ValidationError, quote
from pelatihan.provenance import Citation, Figure, Status

__all__ = [
    "ENTRY_GRADES",
    "SMP_ENTRY_GRADE",
    "TRACK_RULES",
    "Education",
    "Grade",
    "InconsistentGrade",
    "InvalidGrade",
    "InvalidTrack",
    "NoTrack",
    "Track",
    "UnknownEducation",
    "entry_grade",
    "entry_grade_figure",
]

_PANGKAT: Final[Mapping[tuple[int, str], str]] = MappingProxyType(
    {
        (1, "a"): "Juru Muda",
        (1, "b"): "Juru Muda Tingkat I",
        (1, "c"): "Juru",
        (1, "d"): "Juru Tingkat I",
        (2, "a"): "Pengatur Muda",
        (2, "b"): "Pengatur Muda Tingkat I",
        (2, "c"): "Pengatur",
        (2, "d"): "Pengatur Tingkat I",
        (3, "a"): "Penata Muda",
        (3, "b"): "Penata Muda Tingkat I",
        (3, "c"): "Penata",
        (3, "d"): "Penata Tingkat I",
        (4, "a"): "Pembina",
        (4, "b"): "Pembina Tingkat I",
        (4, "c"): "Pembina Utama Muda",
        (4, "d"): "Pembina Utama Madya",
        (4, "e"): "Pembina Utama",
    }
)
"""The pangkat of each (golongan, ruang), in order (SEC)."""

_ROMAN: Final = ("I", "II", "III", "IV")
_RUANG: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {1: ("a", "b", "c", "d"), 2: ("a", "b", "c", "d"), 3: ("a", "b", "c", "d"), 4: tuple("abcde")}
)

_MAX_INPUT: Final = 100
"""Longer inputs are rejected before any pattern is tried."""


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class InvalidGrade(ValidationError):
    """A grade that does not exist or cannot be read.

    Example:
        >>> from pelatihan.grades import InvalidGrade
        >>> try:
        ...     Grade.parse("V/a")
        ... except InvalidGrade as error:
        ...     print(error.code, error.component, error.value)
        grade.format golongan V/a
    """

    code: ClassVar[str] = "grade.format"
    """Stable machine-readable code of this kind of error."""


class InconsistentGrade(InvalidGrade):
    """A pangkat and a golongan/ruang written together that name different grades.

    Example:
        >>> from pelatihan.grades import InconsistentGrade
        >>> try:
        ...     Grade.parse("Pembina, III/d")
        ... except InconsistentGrade as error:
        ...     print(error.code)
        grade.inconsistent
    """

    code: ClassVar[str] = "grade.inconsistent"
    """Stable machine-readable code of this kind of error."""


class UnknownEducation(ValidationError):
    """An education level that :meth:`Education.parse` does not know.

    Example:
        >>> from pelatihan.grades import UnknownEducation
        >>> try:
        ...     Education.parse("S4")
        ... except UnknownEducation as error:
        ...     print(error.code, error.value)
        education.unknown S4
    """

    code: ClassVar[str] = "education.unknown"
    """Stable machine-readable code of this kind of error."""


class InvalidTrack(ValidationError):
    """A Latsar track that does not exist or cannot be read.

    Example:
        >>> from pelatihan.grades import InvalidTrack
        >>> try:
        ...     Track.parse("golongan IV")
        ... except InvalidTrack as error:
        ...     print(error.code)
        track.format
    """

    code: ClassVar[str] = "track.format"
    """Stable machine-readable code of this kind of error."""


class NoTrack(ValidationError):
    """A grade whose CPNS have no Latsar track (golongan IV).

    Example:
        >>> from pelatihan.grades import NoTrack
        >>> try:
        ...     Track.for_grade("Pembina")
        ... except NoTrack as error:
        ...     print(error.code, error.component)
        track.none golongan
    """

    code: ClassVar[str] = "track.none"
    """Stable machine-readable code of this kind of error."""


_EXPECTED_GRADE_EN: Final = "expected a grade like 'III/a' or a rank like 'Penata Muda'"
_EXPECTED_GRADE_ID: Final = (
    "seharusnya golongan/ruang seperti 'III/a' atau pangkat seperti 'Penata Muda'"
)


def _check_grade(golongan: object, ruang: object, text: str | None = None) -> tuple[int, str]:
    """Return ``(golongan, ruang)`` if they name a grade; raise :class:`InvalidGrade` if not.

    The error's value is ``text`` when the grade was read from text, else the wrong component.
    """
    if isinstance(golongan, bool) or not isinstance(golongan, int) or not 1 <= golongan <= 4:
        raise InvalidGrade(
            f"golongan must be an int from 1 to 4 (I to IV), got {quote(golongan)}",
            f"golongan harus bilangan bulat 1 sampai 4 (I sampai IV), bukan {quote(golongan)}",
            component="golongan",
            value=golongan if text is None else text,
        )
    allowed = _RUANG[golongan]
    if not isinstance(ruang, str) or ruang not in allowed:
        roman = _ROMAN[golongan - 1]
        raise InvalidGrade(
            f"ruang {quote(ruang)} does not exist in golongan {roman}: "
            f"expected 'a' to '{allowed[-1]}'",
            f"ruang {quote(ruang)} tidak ada pada golongan {roman}: "
            f"seharusnya 'a' sampai '{allowed[-1]}'",
            component="ruang",
            value=ruang if text is None else text,
        )
    return golongan, ruang


# ---------------------------------------------------------------------------
# Grade
# ---------------------------------------------------------------------------


@attrs.frozen(order=True)
class Grade:
    """A civil-service grade: golongan I to IV and ruang ``a`` to ``d`` (``e`` in IV).

    Grades are ordered by seniority, I/a lowest and IV/e highest, and are
    checked on construction; :meth:`parse` reads them from text.

    Args:
        golongan: The group, 1 to 4.
        ruang: The step within the group, a lower-case letter.

    Raises:
        InvalidGrade: If no such grade exists.

    Example:
        >>> grade = Grade(3, "a")
        >>> str(grade), grade.roman, grade.pangkat
        ('III/a', 'III', 'Penata Muda')
        >>> Grade(3, "a") < Grade(3, "b") < Grade(4, "a")
        True
        >>> Grade(2, "e")
        Traceback (most recent call last):
        ...
        pelatihan.grades.InvalidGrade: ruang 'e' does not exist in golongan II: expected 'a' to 'd'
    """

    golongan: int
    ruang: str

    def __attrs_post_init__(self) -> None:
        _check_grade(self.golongan, self.ruang)

    def __str__(self) -> str:
        return f"{self.roman}/{self.ruang}"

    @property
    def roman(self) -> str:
        """The golongan in Roman numerals.

        Example:
            >>> Grade(4, "e").roman
            'IV'
        """
        return _ROMAN[self.golongan - 1]

    @property
    def pangkat(self) -> str:
        """The rank name of this grade.

        Example:
            >>> Grade(4, "d").pangkat
            'Pembina Utama Madya'
        """
        return _PANGKAT[(self.golongan, self.ruang)]

    @classmethod
    def all(cls) -> tuple[Grade, ...]:
        """Return the 17 grades, lowest first.

        Example:
            >>> grades = Grade.all()
            >>> len(grades), str(grades[0]), str(grades[-1])
            (17, 'I/a', 'IV/e')
        """
        return _ALL_GRADES

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Read a grade written as a golongan/ruang, a pangkat, or both.

        Accepted: ``III/a``, ``III/A``, ``III a``, ``IIIa``, ``III-a``,
        ``III.a``, ``3a``, ``3/a``, ``3 A``, ``Gol. III/a``; a pangkat alone
        (``Penata Muda``, ``Penata Muda Tk. I``, ``PENATA MUDA TINGKAT 1``); a
        pangkat with its golongan/ruang (``Penata Muda (III/a)``, ``Penata Muda,
        III/a``, ``III/a - Penata Muda``). Case and spacing do not matter.

        Args:
            text: The text to read, at most 100 characters.

        Returns:
            The grade.

        Raises:
            InvalidGrade: If ``text`` is not a grade (or not a ``str``).
            InconsistentGrade: If it gives a pangkat and a golongan/ruang that
                disagree.

        Example:
            >>> str(Grade.parse("Penata Muda, III/a")), str(Grade.parse("pembina utama madya"))
            ('III/a', 'IV/d')
            >>> Grade.parse("III/z")  # doctest: +NORMALIZE_WHITESPACE
            Traceback (most recent call last):
            ...
            pelatihan.grades.InvalidGrade: ruang 'z' does not exist in golongan III:
            expected 'a' to 'd'
        """
        return _parse_grade_cached(text)


_ALL_GRADES: Final = tuple(Grade(golongan, ruang) for golongan, ruang in _PANGKAT)

_ROMAN_VALUE: Final[Mapping[str, int]] = MappingProxyType(
    {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
)

_TINGKAT_I: Final = r"(?:tingkat|tkt|tk)(?:\. ?| )(?:i|1)"
"""``Tingkat I`` and its abbreviations: ``Tk. I``, ``Tk I``, ``Tk.I``, ``Tingkat 1``."""

_TINGKAT_I_END: Final = re.compile(_TINGKAT_I + "$")


def _name_pattern(pangkat: str) -> str:
    base = pangkat.lower()
    if base.endswith(" tingkat i"):
        return re.escape(base.removesuffix(" tingkat i")) + " " + _TINGKAT_I
    return re.escape(base)


_NAME: Final = "|".join(_name_pattern(name) for name in sorted(_PANGKAT.values(), key=len)[::-1])
_PREFIX: Final = r"(?:(?:golongan|gol\.?) ?)?"
_DASHES: Final = r"\-\u2013\u2014"
_CODE: Final = _PREFIX + rf"(?P<gol>iv|iii|ii|i|[1-4])(?: ?[/.{_DASHES}] ?| )?(?P<ruang>[a-e])"
_JOIN: Final = rf"(?P<open> ?\( ?| ?[,;:/|{_DASHES}] ?| )"
_CLOSE: Final = r"(?P<close> ?\))?"

_CODE_RE: Final = re.compile(_CODE)
_NAME_RE: Final = re.compile(f"(?P<name>{_NAME})")
_NAME_CODE_RE: Final = re.compile(f"(?P<name>{_NAME}){_JOIN}{_CODE}{_CLOSE}")
_CODE_NAME_RE: Final = re.compile(f"{_CODE}{_JOIN}(?P<name>{_NAME}){_CLOSE}")
_LOOSE_CODE_RE: Final = re.compile(
    _PREFIX + rf"(?P<gol>[ivx]+|[0-9]+)(?: ?[/.{_DASHES}] ?| )?(?P<ruang>[a-hj-uwyz])"
)
_GOLONGAN_ONLY_RE: Final = re.compile(_PREFIX + r"(?P<gol>iv|iii|ii|i|[1-4])")

_BY_NAME: Final[Mapping[str, Grade]] = MappingProxyType(
    {grade.pangkat.lower(): grade for grade in _ALL_GRADES}
)

_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _normalize(text: str) -> str:
    """Lower-case ``text``, drop invisible characters and collapse every run of spaces."""
    return " ".join(text.translate(_INVISIBLE).split()).lower()


def _invalid_grade(text: object, problem_en: str, problem_id: str) -> InvalidGrade:
    return InvalidGrade(
        f"{problem_en}: {_EXPECTED_GRADE_EN}", f"{problem_id}: {_EXPECTED_GRADE_ID}", value=text
    )


_PARSED: dict[str, Grade] = {}
"""Grade texts already read: exports repeat a few forms (see :mod:`pelatihan._memo`)."""


def _parse_grade_cached(text: object) -> Grade:
    """:func:`_parse_grade`, remembering the texts already read."""
    if isinstance(text, str):
        found = _PARSED.get(text)
        return found if found is not None else remember(_PARSED, text, _parse_grade(text))
    return _parse_grade(text)


def _parse_grade(text: object) -> Grade:
    if not isinstance(text, str):
        kind = type(text).__name__
        raise _invalid_grade(
            text, f"a grade must be a str, not {kind}", f"golongan harus berupa str, bukan {kind}"
        )
    if len(text) > _MAX_INPUT:
        raise _invalid_grade(
            text,
            f"grade {quote(text)} is too long ({len(text)} characters, at most {_MAX_INPUT})",
            f"golongan {quote(text)} terlalu panjang ({len(text)} karakter, "
            f"paling banyak {_MAX_INPUT})",
        )
    clean = _normalize(text)
    if not clean:
        raise _invalid_grade(text, "the grade is empty", "golongan/ruang kosong")
    match = _CODE_RE.fullmatch(clean)
    if match is not None:
        return _from_code(match, text)
    match = _NAME_RE.fullmatch(clean)
    if match is not None:
        return _from_name(match["name"])
    match = _NAME_CODE_RE.fullmatch(clean) or _CODE_NAME_RE.fullmatch(clean)
    if match is not None and ("(" in match["open"]) == (match["close"] is not None):
        by_name, by_code = _from_name(match["name"]), _from_code(match, text)
        if by_name != by_code:
            raise InconsistentGrade(
                f"inconsistent grade {quote(text)}: the rank {by_name.pangkat} is {by_name}, "
                f"but the golongan/ruang given is {by_code} ({by_code.pangkat})",
                f"pangkat dan golongan/ruang tidak sesuai pada {quote(text)}: pangkat "
                f"{by_name.pangkat} adalah {by_name}, tetapi golongan/ruang yang tertulis "
                f"{by_code} ({by_code.pangkat})",
                value=text,
            )
        return by_code
    raise _diagnose(clean, text)


def _from_code(match: re.Match[str], text: str) -> Grade:
    golongan, ruang = _check_grade(_ROMAN_VALUE[match["gol"]], match["ruang"], text)
    return Grade(golongan, ruang)


def _from_name(name: str) -> Grade:
    return _BY_NAME[_TINGKAT_I_END.sub("tingkat i", name)]


def _diagnose(clean: str, text: str) -> InvalidGrade:
    """Explain why ``text`` (normalized as ``clean``) is not a grade, as precisely as possible."""
    loose = _LOOSE_CODE_RE.fullmatch(clean)
    if loose is not None:
        golongan = _ROMAN_VALUE.get(loose["gol"])
        if golongan is None:
            gol = loose["gol"].upper()
            return InvalidGrade(
                f"golongan {quote(gol)} does not exist: expected I to IV, as in 'III/a'",
                f"golongan {quote(gol)} tidak ada: seharusnya I sampai IV, seperti 'III/a'",
                component="golongan",
                value=text,
            )
        try:
            _check_grade(golongan, loose["ruang"], text)
        except InvalidGrade as error:
            return error
    only = _GOLONGAN_ONLY_RE.fullmatch(clean)
    if only is not None:
        roman = _ROMAN[_ROMAN_VALUE[only["gol"]] - 1]
        return InvalidGrade(
            f"grade {quote(text)} has no ruang: expected a letter after the golongan, "
            f"as in '{roman}/a'",
            f"golongan {quote(text)} tanpa ruang: seharusnya ada huruf setelah golongan, "
            f"seperti '{roman}/a'",
            component="ruang",
            value=text,
        )
    return _invalid_grade(
        text,
        f"unknown grade {quote(text)}",
        f"golongan/ruang {quote(text)} tidak dikenali",
    )


# ---------------------------------------------------------------------------
# Education
# ---------------------------------------------------------------------------


class Education(enum.Enum):
    """An education level, as it sets the entry grade of a CPNS.

    Example:
        >>> Education.parse("S-1") is Education.S1, str(Education.parse("Diploma IV"))
        (True, 'D4')
        >>> Education.parse("Doktor"), Education.parse("Dokter")
        (<Education.S3: 'S3'>, <Education.PROFESI: 'PROFESI'>)
    """

    SD = "SD"
    """Primary school (*Sekolah Dasar*, or *Madrasah Ibtidaiyah*)."""
    SMP = "SMP"
    """Lower-secondary school (*SMP*, formerly *SLTP*; *Madrasah Tsanawiyah*)."""
    SLTA = "SLTA"
    """Upper-secondary school: SMA (formerly SMU), SMK (vocational), MA (madrasah)."""
    D1 = "D1"
    """Diploma I, a one-year vocational diploma."""
    D2 = "D2"
    """Diploma II."""
    D3 = "D3"
    """Diploma III."""
    D4 = "D4"
    """Diploma IV (*sarjana terapan*, an applied bachelor's degree)."""
    S1 = "S1"
    """Bachelor's degree (*Sarjana*, *Strata 1*)."""
    S2 = "S2"
    """Master's degree (*Magister*, *Strata 2*)."""
    S3 = "S3"
    """Doctorate (*Doktor*, *Strata 3*)."""
    PROFESI = "PROFESI"
    """Professional education after a bachelor's degree: dokter, dokter gigi, apoteker."""

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: str) -> Education:
        """Read an education level in any of its common spellings.

        ``S1``, ``S-1``, ``S.1``, ``s 1``, ``Sarjana``, ``Strata 1``; ``D IV``,
        ``D-IV``, ``D4``, ``DIV``, ``Diploma IV`` (and likewise D-I to D-III);
        ``SLTA``, ``SMA``, ``SMU``, ``SMK``, ``MA``; ``SLTP``, ``SMP``, ``MTs``;
        ``SD``, ``MI``; ``S2``, ``Magister``; ``S3``, ``Doktor``; ``Profesi``,
        ``Dokter``, ``Dokter Gigi``, ``Apoteker``. Case and spacing do not
        matter; a trailing ``sederajat`` ("or equivalent") is allowed.

        Args:
            text: The text to read.

        Returns:
            The education level.

        Raises:
            UnknownEducation: If ``text`` is none of those spellings.

        Example:
            >>> [str(Education.parse(t)) for t in ["s 1", "D III", "SMK", "Magister", "apoteker"]]
            ['S1', 'D3', 'SLTA', 'S2', 'PROFESI']
        """
        return _parse_education(text)


_EDUCATION_WORDS: Final[Mapping[str, Education]] = MappingProxyType(
    {
        "sd": Education.SD,
        "mi": Education.SD,
        "smp": Education.SMP,
        "sltp": Education.SMP,
        "mts": Education.SMP,
        "slta": Education.SLTA,
        "sma": Education.SLTA,
        "smu": Education.SLTA,
        "smk": Education.SLTA,
        "ma": Education.SLTA,
        "sarjana": Education.S1,
        "sarjana terapan": Education.D4,
        "magister": Education.S2,
        "doktor": Education.S3,
        "doktoral": Education.S3,
        "profesi": Education.PROFESI,
        "pendidikan profesi": Education.PROFESI,
        "dokter": Education.PROFESI,
        "dokter gigi": Education.PROFESI,
        "apoteker": Education.PROFESI,
    }
)
_NUMBER: Final[Mapping[str, int]] = MappingProxyType(
    {
        **_ROMAN_VALUE,
        "satu": 1,
        "dua": 2,
        "tiga": 3,
        "empat": 4,
    }
)
_EDUCATION_LEVEL_RE: Final = re.compile(
    r"(?P<kind>s|strata|d|diploma)(?: ?[-.] ?| )?(?P<number>iv|iii|ii|i|[1-4]|satu|dua|tiga|empat)"
)
_EDUCATION_LEVELS: Final[Mapping[tuple[str, int], Education]] = MappingProxyType(
    {
        ("d", 1): Education.D1,
        ("d", 2): Education.D2,
        ("d", 3): Education.D3,
        ("d", 4): Education.D4,
        ("s", 1): Education.S1,
        ("s", 2): Education.S2,
        ("s", 3): Education.S3,
    }
)
_SEDERAJAT: Final = re.compile(r" ?[/ ] ?sederajat$")


def _parse_education(text: object) -> Education:
    if isinstance(text, Education):
        return text
    if isinstance(text, str) and len(text) <= _MAX_INPUT:
        clean = _SEDERAJAT.sub("", _normalize(text))
        level = _EDUCATION_WORDS.get(clean)
        if level is not None:
            return level
        match = _EDUCATION_LEVEL_RE.fullmatch(clean)
        if match is not None:
            level = _EDUCATION_LEVELS.get((match["kind"][0], _NUMBER[match["number"]]))
            if level is not None:
                return level
    raise UnknownEducation(
        f"unknown education level {quote(text)}: expected SD, SMP/SLTP, "
        "SLTA (SMA, SMU, SMK, MA), D-I to D-IV, S-1 to S-3 (Sarjana, Magister, Doktor), "
        "or a professional degree (dokter, dokter gigi, apoteker)",
        f"jenjang pendidikan {quote(text)} tidak dikenali: seharusnya SD, SMP/SLTP, "
        "SLTA (SMA, SMU, SMK, MA), D-I sampai D-IV, S-1 sampai S-3 (Sarjana, Magister, "
        "Doktor), atau pendidikan profesi (dokter, dokter gigi, apoteker)",
        value=text,
    )


# ---------------------------------------------------------------------------
# Entry grade by education (PP 98/2000 art. 11(4) as amended by PP 11/2002; SEC)
# ---------------------------------------------------------------------------

_ENTRY_BASIS: Final = Citation("pp-98-2000", "Pasal 11 ayat (4)")
_ENTRY_SOURCE: Final = (
    "tables of entry grades by education in regional staffing material, e.g. "
    "http://bkdkableb0ng.blogspot.com/2014/11/info-bid-mutasi-tabel-kenaikan-pangkat.html"
)

SMP_ENTRY_GRADE: Final[Figure[Grade]] = Figure(
    Grade.parse("I/c"),
    Status.OPEN,
    _ENTRY_BASIS,
    source=(
        "art. 11(4)(b) as amended, quoted at http://kepegkanwilbali.blogspot.com/p/info-kepeg.html "
        "(I/c); a tutoring page, https://id.scribd.com/document/341723592, says I/b"
    ),
    note=(
        "Sources conflict on the entry grade for SMP (I/b or I/c). The quoted article text "
        "gives I/c, so I/c is the default, but the gazetted text has not been read: confirm "
        "it, or replace it with overrides={'SMP': 'I/b'}."
    ),
)
"""The entry grade for SMP: OPEN, because sources conflict (I/b or I/c)."""


def _reported(grade: str, note: str = "") -> Figure[Grade]:
    return Figure(Grade.parse(grade), Status.SEC, _ENTRY_BASIS, source=_ENTRY_SOURCE, note=note)


ENTRY_GRADES: Final[Mapping[Education, Figure[Grade]]] = MappingProxyType(
    {
        Education.SD: _reported("I/a"),
        Education.SMP: SMP_ENTRY_GRADE,
        Education.SLTA: _reported("II/a"),
        Education.D1: _reported("II/a"),
        Education.D2: _reported("II/b"),
        Education.D3: _reported("II/c"),
        Education.D4: _reported("III/a"),
        Education.S1: _reported("III/a"),
        Education.S2: _reported("III/b"),
        Education.PROFESI: _reported(
            "III/b", note="Reported for dokter and apoteker; dokter gigi is taken as dokter."
        ),
        Education.S3: _reported("III/c"),
    }
)
"""The entry grade of a new CPNS, by education, each with its status and legal basis."""

_Overrides: TypeAlias = (
    Mapping[Education, Grade | str]
    | Mapping[str, Grade | str]
    | Mapping[Education | str, Grade | str]
)


def _grade(value: object) -> Grade:
    if isinstance(value, Grade):
        return value
    return _parse_grade(value)


def entry_grade_figure(
    education: Education | str,
    *,
    overrides: _Overrides | None = None,
) -> Figure[Grade]:
    """Return the entry grade for ``education`` as a figure, with its status and basis.

    Args:
        education: The education level, or a spelling :meth:`Education.parse` reads.
        overrides: Entry grades that replace rows of :data:`ENTRY_GRADES`, keyed by
            education level (or its spelling). Every key and value is checked, even
            those that do not apply to ``education``.

    Returns:
        The shipped figure, or, if overridden, the figure with the caller's
        grade and status ``USER``.

    Raises:
        UnknownEducation: If ``education`` or a key of ``overrides`` is not an
            education level.
        InvalidGrade: If a value of ``overrides`` is not a grade.

    Example:
        >>> from pelatihan.grades import entry_grade_figure
        >>> figure = entry_grade_figure("SMP")
        >>> str(figure.value), figure.status.value, str(figure.basis)
        ('I/c', 'OPEN', 'PP 98/2000, Pasal 11 ayat (4)')
        >>> mine = entry_grade_figure("SMP", overrides={"SMP": "I/b"})
        >>> str(mine.value), mine.status.value
        ('I/b', 'USER')
    """
    level = _parse_education(education)
    figure = ENTRY_GRADES[level]
    chosen: Grade | None = None
    for key, value in (overrides or {}).items():
        grade = _grade(value)
        if _parse_education(key) is level:
            chosen = grade
    if chosen is None:
        return figure
    return figure.override(
        chosen, note=f"Supplied by the caller in place of {figure.value} ({figure.status.value})."
    )


def entry_grade(
    education: Education | str,
    *,
    overrides: _Overrides | None = None,
) -> Grade:
    """Return the grade in which a new CPNS with ``education`` starts.

    The table is :data:`ENTRY_GRADES`; its SMP row is OPEN (see
    :data:`SMP_ENTRY_GRADE`). Use :func:`entry_grade_figure` to get the status too.

    Args:
        education: The education level, or a spelling :meth:`Education.parse` reads.
        overrides: Entry grades that replace rows of the table, keyed by
            education level (or its spelling).

    Returns:
        The entry grade.

    Raises:
        UnknownEducation: If ``education`` or a key of ``overrides`` is not an
            education level.
        InvalidGrade: If a value of ``overrides`` is not a grade.

    Example:
        >>> str(entry_grade("S1")), str(entry_grade(Education.D3))
        ('III/a', 'II/c')
        >>> str(entry_grade("SMP", overrides={"SMP": "I/b"}))
        'I/b'
    """
    return entry_grade_figure(education, overrides=overrides).value


# ---------------------------------------------------------------------------
# Latsar tracks
# ---------------------------------------------------------------------------


class Track(enum.Enum):
    """A Latsar track: the Golongan II track or the Golongan III track.

    Example:
        >>> str(Track.III), Track.III.title
        ('III', 'Pelatihan Dasar CPNS Golongan III')
        >>> Track.parse("Gol. II") is Track.II
        True
    """

    II = "II"
    """Pelatihan Dasar CPNS Golongan II, for CPNS in golongan II (and I)."""
    III = "III"
    """Pelatihan Dasar CPNS Golongan III, for CPNS in golongan III."""

    def __str__(self) -> str:
        return self.value

    @property
    def title(self) -> str:
        """The track's name in Indonesian.

        Example:
            >>> Track.II.title
            'Pelatihan Dasar CPNS Golongan II'
        """
        return f"Pelatihan Dasar CPNS Golongan {self.value}"

    @classmethod
    def parse(cls, text: str) -> Track:
        """Read a track: ``III``, ``3``, ``golongan III``, ``Gol. II`` or its title.

        Args:
            text: The text to read; case and spacing do not matter.

        Returns:
            The track.

        Raises:
            InvalidTrack: If ``text`` is not a track (golongan I and IV have none).

        Example:
            >>> Track.parse("golongan 3"), Track.parse("Pelatihan Dasar CPNS Golongan II")
            (<Track.III: 'III'>, <Track.II: 'II'>)
            >>> Track.parse("I")  # doctest: +NORMALIZE_WHITESPACE
            Traceback (most recent call last):
            ...
            pelatihan.grades.InvalidTrack: there is no Latsar track I: the tracks are II
            and III (CPNS in golongan I take track II)
        """
        return _parse_track(text)

    @classmethod
    def for_grade_figure(cls, grade: Grade | str) -> Figure[Track | None]:
        """Return the rule that gives the track of a CPNS in ``grade``, as a figure.

        The figure's value is ``None`` for golongan IV, which has no track.

        Args:
            grade: The grade, or text :meth:`Grade.parse` reads.

        Returns:
            The figure of :data:`TRACK_RULES` for the grade's golongan.

        Raises:
            InvalidGrade: If ``grade`` is text that is not a grade.

        Example:
            >>> figure = Track.for_grade_figure("II/c")
            >>> figure.value, figure.status.value, str(figure.basis)
            (<Track.II: 'II'>, 'SEC', 'Peraturan LAN 1/2021')
            >>> Track.for_grade_figure("IV/a").value is None
            True
        """
        return TRACK_RULES[_grade(grade).golongan]

    @classmethod
    def for_grade(cls, grade: Grade | str) -> Track:
        """Return the Latsar track of a CPNS in ``grade``.

        Golongan III takes track III, golongan II track II, and golongan I
        track II too (INF: it has no track of its own).

        Args:
            grade: The grade, or text :meth:`Grade.parse` reads.

        Returns:
            The track.

        Raises:
            InvalidGrade: If ``grade`` is text that is not a grade.
            NoTrack: If the grade is in golongan IV.

        Example:
            >>> Track.for_grade("III/a"), Track.for_grade(Grade(1, "a"))
            (<Track.III: 'III'>, <Track.II: 'II'>)
        """
        figure = cls.for_grade_figure(grade)
        if figure.value is None:
            raise NoTrack(
                "golongan IV has no Latsar track: the modelled regulations run Latsar "
                "for golongan II and III only (golongan I joins track II)",
                "golongan IV tidak memiliki jalur Latsar: peraturan yang dimodelkan hanya "
                "mengatur Latsar golongan II dan III (golongan I mengikuti jalur II)",
                component="golongan",
                value=grade,
            )
        return figure.value


_TRACK_RE: Final = re.compile(
    r"(?:(?:pelatihan dasar|latsar)(?: cpns)? )?" + _PREFIX + r"(?P<gol>iv|iii|ii|i|[1-4])"
)


def _parse_track(text: object) -> Track:
    if isinstance(text, Track):
        return text
    match = None
    if isinstance(text, str) and len(text) <= _MAX_INPUT:
        match = _TRACK_RE.fullmatch(_normalize(text))
    if match is not None:
        golongan = _ROMAN_VALUE[match["gol"]]
        if golongan in (2, 3):
            return Track(_ROMAN[golongan - 1])
        if golongan == 1:
            raise InvalidTrack(
                "there is no Latsar track I: the tracks are II and III "
                "(CPNS in golongan I take track II)",
                "tidak ada jalur Latsar I: jalurnya hanya II dan III "
                "(CPNS golongan I mengikuti jalur II)",
                value=text,
            )
        raise InvalidTrack(
            "there is no Latsar track IV: the tracks are II and III "
            "(golongan IV has no Latsar track)",
            "tidak ada jalur Latsar IV: jalurnya hanya II dan III "
            "(golongan IV tidak memiliki jalur Latsar)",
            value=text,
        )
    raise InvalidTrack(
        f"invalid Latsar track {quote(text)}: expected 'II' or 'III' "
        "(or 'golongan II', 'Gol. III')",
        f"jalur Latsar {quote(text)} tidak dikenali: seharusnya 'II' atau 'III' "
        "(atau 'golongan II', 'Gol. III')",
        value=text,
    )


_TRACK_BASIS: Final = Citation("perlan-1-2021")

TRACK_RULES: Final[Mapping[int, Figure[Track | None]]] = MappingProxyType(
    {
        1: Figure(
            Track.II,
            Status.INF,
            _TRACK_BASIS,
            note="Golongan I has no track of its own; its CPNS join the Golongan II track.",
        ),
        2: Figure(Track.II, Status.SEC, _TRACK_BASIS),
        3: Figure(Track.III, Status.SEC, _TRACK_BASIS),
        4: Figure(
            None,
            Status.INF,
            _TRACK_BASIS,
            note="The modelled regulations define Latsar tracks for golongan II and III only.",
        ),
    }
)
"""The Latsar track of a CPNS, by golongan (``None``: no track)."""
