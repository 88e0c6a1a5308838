"""Education levels, and the grade a new CPNS starts in by education (PP 98/2000 as amended).

:data:`~pelatihan.grades.SMP_ENTRY_GRADE` and :data:`~pelatihan.grades.ENTRY_GRADES` are
documented where :mod:`pelatihan.grades` offers them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypeAlias

from pelatihan.errors import quote
from pelatihan.grades._errors import UnknownEducation
from pelatihan.grades._golongan import _MAX_INPUT, _ROMAN_VALUE, Grade, _grade, _normalize
from pelatihan.provenance import Citation, Figure, Status


class Education(enum.Enum):
    """An education level, as it sets the entry grade of a CPNS.

    Attributes:
        SD: Primary school (*Sekolah Dasar*, or *Madrasah Ibtidaiyah*).
        SMP: Lower-secondary school (*SMP*, formerly *SLTP*; *Madrasah Tsanawiyah*).
        SLTA: Upper-secondary school: SMA (formerly SMU), SMK (vocational), MA (madrasah).
        D1: Diploma I, a one-year vocational diploma.
        D2: Diploma II.
        D3: Diploma III.
        D4: Diploma IV (*sarjana terapan*, an applied bachelor's degree).
        S1: Bachelor's degree (*Sarjana*, *Strata 1*).
        S2: Master's degree (*Magister*, *Strata 2*).
        S3: Doctorate (*Doktor*, *Strata 3*).
        PROFESI: Professional education after a bachelor's degree: dokter, dokter gigi, apoteker.

    Example:
        >>> Education.parse("S-1") is Education.S1, str(Education.parse("Diploma IV"))
        (True, 'D4')
        >>> Education.parse("Doktor"), Education.parse("Dokter")
        (<Education.S3: 'S3'>, <Education.PROFESI: 'PROFESI'>)
    """

    SD = "SD"
    SMP = "SMP"
    SLTA = "SLTA"
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    PROFESI = "PROFESI"

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
        matter; a trailing ``sederajat`` ("or equivalent") is allowed, and so is
        a field of study after the level, as exports write it (``S-1
        Keperawatan``, ``D III Kebidanan``, ``SMA IPA``, ``Profesi Dokter``).

        Args:
            text: The text to read.

        Returns:
            The education level.

        Raises:
            UnknownEducation: If ``text`` is none of those spellings.

        Example:
            >>> [str(Education.parse(t)) for t in ["s 1", "D III", "SMK", "Magister", "apoteker"]]
            ['S1', 'D3', 'SLTA', 'S2', 'PROFESI']
            >>> [str(Education.parse(t)) for t in ["S-1 Teknik Sipil", "D-III Kebidanan"]]
            ['S1', 'D3']
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


_FIELD_OF_STUDY: Final = re.compile(r"[ ,;:()]+")
"""What separates the words of an education level from a field of study after it."""
_LEVEL_WORDS: Final = 3
"""The most words an education level takes (``sarjana terapan``, ``d iii``)."""


def _level(clean: str) -> Education | None:
    """The education level ``clean`` (normalised text) names, or ``None``."""
    level = _EDUCATION_WORDS.get(clean)
    if level is not None:
        return level
    match = _EDUCATION_LEVEL_RE.fullmatch(clean)
    if match is not None:
        return _EDUCATION_LEVELS.get((match["kind"][0], _NUMBER[match["number"]]))
    return None


def _parse_education(text: object) -> Education:
    if isinstance(text, Education):
        return text
    if isinstance(text, str) and len(text) <= _MAX_INPUT:
        clean = _SEDERAJAT.sub("", _normalize(text))
        level = _level(clean)
        if level is not None:
            return level
        words = _FIELD_OF_STUDY.split(clean)
        for count in range(min(len(words) - 1, _LEVEL_WORDS), 0, -1):
            # the level, then a field of study
            level = _level(_SEDERAJAT.sub("", " ".join(words[:count])))
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

_Overrides: TypeAlias = (
    Mapping[Education, Grade | str]
    | Mapping[str, Grade | str]
    | Mapping[Education | str, Grade | str]
)


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
