"""Provenance: how well a figure is established, and on what legal basis.

Every figure ``pelatihan`` uses (a day count, a grade, an age limit, a date a
regulation took effect) is a :class:`Figure`: the value together with its
:class:`Status`, the :class:`Citation` of the legal basis it rests on, and
where it was read. Figures that are not read in a regulation's own text are
defaults that callers can override; :meth:`Figure.override` records that the
value now comes from the user.

    >>> from pelatihan.provenance import Citation, Figure, Status
    >>> age = Figure(18, Status.SEC, Citation("pp-11-2017", "Pasal 23"), source="BKN guidance")
    >>> age.value, age.status.value, str(age.basis)
    (18, 'SEC', 'PP 11/2017, Pasal 23')
    >>> age.is_regulation
    False
    >>> mine = age.override(17, note="pilot programme")
    >>> mine.value, mine.status is Status.USER, mine.basis == age.basis
    (17, True, True)
"""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from pelatihan import instruments
from pelatihan.evidence import Source, Status

__all__ = ["Citation", "Figure", "Source", "Status"]

T = TypeVar("T")


@attrs.frozen
class Citation:
    """A reference to a legal instrument, and to an article in it when known.

    Args:
        instrument: The instrument's id in :mod:`pelatihan.legal` (for example
            ``"perlan-1-2021"``). Ids the registry does not know are kept as
            they are, so an organiser's own decree can be cited too.
        article: The article, paragraph or part, in the instrument's own words
            (``"Pasal 34 ayat (5)"``, ``"Lampiran, Bab III"``).

    Example:
        >>> str(Citation("perlan-1-2021", "Pasal 17"))
        'Peraturan LAN 1/2021, Pasal 17'
        >>> str(Citation("sk-bpsdm-jatim-2019"))
        'sk-bpsdm-jatim-2019'
    """

    instrument: str
    article: str | None = None

    def __str__(self) -> str:
        known = instruments.find(self.instrument)
        name = known.short_name if known is not None else self.instrument
        return f"{name}, {self.article}" if self.article else name


@attrs.frozen
class Figure(Generic[T]):
    """A value together with its provenance.

    Args:
        value: The figure itself. For an OPEN figure with no default the type
            parameter includes ``None`` and the value is ``None``.
        status: How well the value is established.
        basis: The legal basis the figure rests on, if any.
        source: Where the value was read: an address, or a description of the
            secondary sources that agree on it.
        note: Anything a reader must know: the reasoning of an INF figure, the
            conflict behind an OPEN one.
        alternatives: Other values that sources report for the same figure,
            where organisers differ (a MOOC of 9 or of 14 working days).
            ``value`` is the default a plan uses; checks accept every value
            :meth:`admits`.

    Example:
        >>> days = Figure(None, Status.OPEN, note="no source gives the days")
        >>> days.value is None, days.status.value
        (True, 'OPEN')
        >>> mooc = Figure(9, Status.SEC, alternatives=(14,), note="9 or 14 days are reported")
        >>> mooc.admits(14), mooc.admits(16), mooc.override(12).alternatives
        (True, False, ())
    """

    value: T
    status: Status
    basis: Citation | None = None
    source: str | None = None
    note: str = ""
    alternatives: tuple[T, ...] = ()

    @property
    def is_regulation(self) -> bool:
        """Whether the value was read in the regulation's own text (status REG)."""
        return self.status is Status.REG

    def override(self, value: T, *, note: str = "", source: str | None = None) -> Figure[T]:
        """Return this figure with ``value`` supplied by the user (status ``USER``).

        The legal basis is kept: the user's value stands in for the same rule;
        the values other sources report (:attr:`alternatives`) are dropped.
        """
        return attrs.evolve(
            self, value=value, status=Status.USER, source=source, note=note, alternatives=()
        )

    def admits(self, value: object) -> bool:
        """Whether ``value`` is the figure's value or one of its reported alternatives."""
        return value == self.value or value in self.alternatives
