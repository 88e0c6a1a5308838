"""Rulebooks: each Latsar regime's figures as data, with their provenance.

A rulebook holds, for one regime, every figure a schedule or a cohort is
checked against: the delivery methods it provides, the ordered phases of each
method with their days (in class or out of class), lesson-hour (JP) totals,
the curriculum's four agendas, minutes per JP, the cohort-size limit, and the
evaluation figures. Every figure is a :class:`~pelatihan.Figure` with its
status and citation; OPEN figures have the value ``None`` (or a documented
default) and can be supplied in a variant.

    >>> from pelatihan import rulebooks
    >>> [book.id for book in rulebooks.all_rulebooks()]
    ['perlan-12-2018', 'perlan-1-2021', 'perlan-1-2021+10-2021']
    >>> blended = rulebooks.get("perlan-1-2021").method("blended")
    >>> [(p.kind.value, p.days.value) for p in blended.phases]
    [('mooc', 16), ('elearning', 22), ('habituasi', 30), ('klasikal', 6)]
    >>> blended.jp_total.value, blended.jp_total.status.value
    (647, 'SEC')

An organiser's approved variant names only the figures that differ
(:meth:`Rulebook.variant`); everything else stays as shipped.
"""

from __future__ import annotations

from pelatihan.legal import UnknownInstrumentError, get_regime
from pelatihan.rulebooks import perlan_1_2021, perlan_12_2018
from pelatihan.rulebooks.model import (
    Agenda,
    Evaluation,
    KindDays,
    MethodRules,
    OpenFigureError,
    PhaseRule,
    Rulebook,
    UnknownFigureError,
)

__all__ = [
    "Agenda",
    "Evaluation",
    "KindDays",
    "MethodRules",
    "OpenFigureError",
    "PhaseRule",
    "Rulebook",
    "UnknownFigureError",
    "all_rulebooks",
    "get",
]

_SHIPPED: tuple[Rulebook, ...] = (
    perlan_12_2018.RULEBOOK,
    perlan_1_2021.RULEBOOK,
    perlan_1_2021.AMENDED,
)
_BY_ID = {book.id: book for book in _SHIPPED}


def all_rulebooks() -> tuple[Rulebook, ...]:
    """The shipped rulebooks, oldest regime first."""
    return _SHIPPED


def get(regime_id: str) -> Rulebook:
    """The shipped rulebook of a regime.

    Raises:
        UnknownInstrumentError: If no regime has this id.

    Example:
        >>> get("perlan-12-2018").method("klasikal").days_in_class.value
        21
    """
    book = _BY_ID.get(regime_id)
    if book is None:
        get_regime(regime_id)  # raises for an unknown regime id
        raise UnknownInstrumentError(  # pragma: no cover - every regime has a rulebook
            f"no rulebook ships for the regime {regime_id!r}",
            f"tidak ada buku aturan untuk rezim {regime_id!r}",
            value=regime_id,
        )
    return book
