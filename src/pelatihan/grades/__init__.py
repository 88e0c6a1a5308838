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

from collections.abc import Mapping
from typing import ClassVar, Final  # noqa: F401 - ClassVar: the errors' annotations (see adopt)

from pelatihan._reexport import adopt
from pelatihan.grades import _entry, _tracks
from pelatihan.grades._entry import Education, entry_grade, entry_grade_figure
from pelatihan.grades._errors import (
    InconsistentGrade,
    InvalidGrade,
    InvalidTrack,
    NoTrack,
    UnknownEducation,
)
from pelatihan.grades._golongan import _MAX_INPUT as _MAX_INPUT
from pelatihan.grades._golongan import Grade
from pelatihan.grades._tracks import Track
from pelatihan.provenance import Figure

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

SMP_ENTRY_GRADE: Final[Figure[Grade]] = _entry.SMP_ENTRY_GRADE
"""The entry grade for SMP: OPEN, because sources conflict (I/b or I/c)."""

ENTRY_GRADES: Final[Mapping[Education, Figure[Grade]]] = _entry.ENTRY_GRADES
"""The entry grade of a new CPNS, by education, each with its status and legal basis."""

TRACK_RULES: Final[Mapping[int, Figure[Track | None]]] = _tracks.TRACK_RULES
"""The Latsar track of a CPNS, by golongan (``None``: no track)."""


adopt(__name__, *(globals()[name] for name in __all__))
