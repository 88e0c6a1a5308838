"""The Latsar tracks, and the track of a CPNS by grade (PerLAN 1/2021).

:data:`~pelatihan.grades.TRACK_RULES` is documented where :mod:`pelatihan.grades` offers it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from pelatihan.errors import quote
from pelatihan.grades._errors import InvalidTrack, NoTrack
from pelatihan.grades._golongan import (
    _MAX_INPUT,
    _PREFIX,
    _ROMAN,
    _ROMAN_VALUE,
    Grade,
    _grade,
    _normalize,
)
from pelatihan.provenance import Citation, Figure, Status


class Track(enum.Enum):
    """A Latsar track: the Golongan II track or the Golongan III track.

    Attributes:
        II: Pelatihan Dasar CPNS Golongan II, for CPNS in golongan II (and I).
        III: Pelatihan Dasar CPNS Golongan III, for CPNS in golongan III.

    Example:
        >>> str(Track.III), Track.III.title
        ('III', 'Pelatihan Dasar CPNS Golongan III')
        >>> Track.parse("Gol. II") is Track.II
        True
    """

    II = "II"
    III = "III"

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
