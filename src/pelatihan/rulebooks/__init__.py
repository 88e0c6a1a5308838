"""Rulebooks: each Latsar regime's figures as data, with their provenance.

A rulebook holds, for one regime, every figure a schedule or a cohort is
checked against: the delivery methods it provides, the ordered phases of each
method with their days (in class or out of class), lesson-hour (JP) totals,
the curriculum's four agendas, minutes per JP, the cohort-size limit, and the
evaluation figures. Every figure is a :class:`~pelatihan.Figure` with its
status and citation; OPEN figures have the value ``None`` (or a documented
default) and can be supplied in a variant. The shape is defined in
:mod:`pelatihan.rulebook`; each regime's rulebook is data in its module of
:mod:`pelatihan.regimes`.

    >>> from pelatihan import rulebooks
    >>> [book.id for book in rulebooks.all_rulebooks()]  # doctest: +NORMALIZE_WHITESPACE
    ['perlan-12-2018', 'perlan-1-2021', 'perlan-1-2021+10-2021',
     'perlan-1-2021+10-2021+kep-2024']
    >>> blended = rulebooks.get("perlan-1-2021").method("blended")
    >>> [(p.kind.value, p.days.value) for p in blended.phases]
    [('mooc', 16), ('elearning', 22), ('habituasi', 30), ('klasikal', 6)]
    >>> blended.jp_total.value, blended.jp_total.status.value
    (647, 'SEC')
    >>> mooc = rulebooks.get("perlan-1-2021+10-2021+kep-2024").method("blended").phases[0]
    >>> mooc.days.value, mooc.days.alternatives, mooc.days.status.value
    (9, (14,), 'SEC')

An organiser's approved variant names only the figures that differ
(:meth:`Rulebook.variant`); everything else stays as shipped.
"""

from __future__ import annotations

from pelatihan.regimes import rulebook as get
from pelatihan.regimes import rulebooks as all_rulebooks
from pelatihan.rulebook import (
    Agenda,
    Component,
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
    "Component",
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
