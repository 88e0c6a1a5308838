"""Latsar regimes: which rules govern a cohort, one module of data per regime.

A *regime* is the regulation, with its amendments and the decrees of the Head
of LAN under it, that governs a cohort; which one applies depends on the
cohort's first day. Each regime is one module here holding all of it: the ids
of its instruments, the day it applies from (a figure with its provenance),
and its rulebook (every figure a cohort is checked against). Adding a regime is
adding one such module and naming it in ``_MODULES``.

    >>> import datetime
    >>> from pelatihan import regimes
    >>> [regime.id for regime in regimes.regimes()]  # doctest: +NORMALIZE_WHITESPACE
    ['perlan-12-2018', 'perlan-1-2021', 'perlan-1-2021+10-2021',
     'perlan-1-2021+10-2021+kep-2024']
    >>> regimes.regime_on(datetime.date(2019, 10, 17)).id
    'perlan-12-2018'
    >>> regimes.regime_on(datetime.date(2022, 3, 1)).id
    'perlan-1-2021+10-2021'
    >>> regimes.regime_on(datetime.date(2025, 7, 14)).name
    'Peraturan LAN 1/2021 jo. 10/2021 (Keputusan Kepala LAN 580 dan 581/K.1/PDP.07/2024)'

The boundaries between regimes are figures with a provenance status like any
other; where one is not established, :func:`regime_on` takes the caller's own
date, and :func:`resolve` tells whether a cohort's regime rests on a default.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from pelatihan._memo import remember
from pelatihan.instruments import UnknownInstrumentError
from pelatihan.regimes import (
    perlan_1_2021,
    perlan_1_2021_10_2021,
    perlan_1_2021_10_2021_kep_2024,
    perlan_12_2018,
)
from pelatihan.regimes.base import NoRegimeError, Regime
from pelatihan.rulebook import Rulebook

__all__ = [
    "NoRegimeError",
    "Regime",
    "Resolution",
    "get_regime",
    "regime_on",
    "regimes",
    "resolve",
    "rulebook",
    "rulebooks",
]

_MODULES = (perlan_12_2018, perlan_1_2021, perlan_1_2021_10_2021, perlan_1_2021_10_2021_kep_2024)
"""The regime modules, oldest first; each has a ``REGIME`` and its ``RULEBOOK``."""

_REGIMES: tuple[Regime, ...] = tuple(module.REGIME for module in _MODULES)
_REGIME_BY_ID: dict[str, Regime] = {regime.id: regime for regime in _REGIMES}
_RULEBOOKS: tuple[Rulebook, ...] = tuple(module.RULEBOOK for module in _MODULES)
_RULEBOOK_BY_ID: dict[str, Rulebook] = {book.regime: book for book in _RULEBOOKS}


def regimes() -> tuple[Regime, ...]:
    """Return every modelled Latsar regime, oldest first."""
    return _REGIMES


def rulebooks() -> tuple[Rulebook, ...]:
    """Return the shipped rulebook of every regime, oldest regime first."""
    return _RULEBOOKS


def get_regime(regime_id: str) -> Regime:
    """Return the regime with this id.

    Raises:
        UnknownInstrumentError: If no regime has this id.

    Example:
        >>> get_regime("perlan-1-2021").amended_by
        ()
    """
    regime = _REGIME_BY_ID.get(regime_id)
    if regime is None:
        raise _unknown(regime_id)
    return regime


def rulebook(regime_id: str) -> Rulebook:
    """Return the shipped rulebook of a regime.

    Raises:
        UnknownInstrumentError: If no regime has this id.

    Example:
        >>> rulebook("perlan-12-2018").method("klasikal").days_in_class.value
        21
    """
    book = _RULEBOOK_BY_ID.get(regime_id)
    if book is None:
        raise _unknown(regime_id)
    return book


def _unknown(regime_id: str) -> UnknownInstrumentError:
    known = ", ".join(_REGIME_BY_ID)
    return UnknownInstrumentError(
        f"no Latsar regime has the id {regime_id!r}; known regimes: {known}",
        f"tidak ada rezim Latsar dengan id {regime_id!r}; rezim yang dikenal: {known}",
        value=regime_id,
    )


def _table(in_force_from: Mapping[str, datetime.date] | None) -> tuple[Regime, ...]:
    if not in_force_from:
        return _REGIMES
    table = list(_REGIMES)
    for regime_id, start in in_force_from.items():
        position = table.index(get_regime(regime_id))
        table[position] = attrs.evolve(
            table[position],
            in_force_from=table[position].in_force_from.override(
                start, note="boundary supplied by the caller"
            ),
            earliest=None,
        )
    return tuple(table)


def regime_on(
    day: datetime.date,
    *,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Regime:
    """Return the Latsar regime in force for a cohort that starts on ``day``.

    A cohort is governed by the newest regime in force on its first day. The
    boundaries carry a provenance status (see each regime's
    ``in_force_from``); where a boundary is not established, pass the date you
    rely on in ``in_force_from``, keyed by regime id. The regime returned then
    carries that date with status ``USER``.

    Args:
        day: The cohort's first day.
        in_force_from: Dates that replace the shipped boundaries, by regime id.

    Raises:
        NoRegimeError: If ``day`` is before the first regime this library models.
        UnknownInstrumentError: If ``in_force_from`` names an unknown regime.

    Example:
        >>> import datetime
        >>> regime_on(datetime.date(2021, 3, 15)).id
        'perlan-1-2021'
        >>> regime_on(
        ...     datetime.date(2021, 3, 15),
        ...     in_force_from={"perlan-1-2021": datetime.date(2021, 4, 1)},
        ... ).id
        'perlan-12-2018'
        >>> regime_on(datetime.date(2017, 8, 1))
        Traceback (most recent call last):
        ...
        pelatihan.regimes.base.NoRegimeError: no Latsar regime modelled for a cohort starting on ...
    """
    if isinstance(day, datetime.datetime):
        day = day.date()
    return _in_force(day, _table(in_force_from))


def _in_force(day: datetime.date, table: tuple[Regime, ...]) -> Regime:
    """The newest regime of ``table`` in force on ``day``."""
    in_force = [regime for regime in table if regime.in_force_from.value <= day]
    if not in_force:
        first = min(table, key=lambda regime: regime.in_force_from.value)
        since = first.in_force_from.value.isoformat()
        raise NoRegimeError(
            f"no Latsar regime modelled for a cohort starting on {day.isoformat()}: the first, "
            f"{first.name}, applies from {since}; earlier cohorts followed the 2017 LAN "
            "regulations (one per track), which this library does not model",
            f"tidak ada rezim Latsar yang dimodelkan untuk angkatan yang mulai {day.isoformat()}: "
            f"rezim pertama, {first.name}, berlaku sejak {since}; angkatan sebelumnya mengikuti "
            "Peraturan LAN tahun 2017 (satu per golongan), yang tidak dimodelkan pustaka ini",
            value=day,
        )
    return max(in_force, key=lambda regime: regime.in_force_from.value)


@attrs.frozen
class Resolution:
    """Which regime governs a cohort, and what that rests on.

    Args:
        regime: The regime that governs the cohort.
        in_force: The regime in force on the cohort's first day by the
            boundaries (shipped or supplied).
        claimed: The regime the cohort claims, if it claims one.
        default_boundary: The regime whose boundary is not established and
            decided the matter by its default, if any: the cohort starts
            between the earliest day that regime could apply from and its
            default first day.
    """

    regime: Regime
    in_force: Regime
    claimed: Regime | None = None
    default_boundary: Regime | None = None

    @property
    def contradicted(self) -> bool:
        """Whether the cohort claims a regime that cannot govern it."""
        return self.claimed is not None and self.regime.id != self.claimed.id


def resolve(
    start: datetime.date,
    claimed: str | None = None,
    *,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Resolution:
    """Decide which regime governs a cohort that starts on ``start``.

    Without a claim, the regime in force on ``start``. A claimed regime is
    accepted when it is the one in force, or when only a boundary that is not
    established separates the two: a cohort that starts in 2024 may claim the
    2024 decrees, whose first day is a default. Otherwise the claim is
    contradicted and the regime in force governs.

    Raises:
        NoRegimeError: If ``start`` is before the first regime modelled.
        UnknownInstrumentError: If ``claimed`` or ``in_force_from`` names an
            unknown regime.

    Example:
        >>> import datetime
        >>> found = resolve(datetime.date(2024, 4, 22))
        >>> found.regime.id, found.default_boundary.id
        ('perlan-1-2021+10-2021', 'perlan-1-2021+10-2021+kep-2024')
        >>> resolve(datetime.date(2024, 9, 2), "perlan-1-2021+10-2021+kep-2024").regime.id
        'perlan-1-2021+10-2021+kep-2024'
        >>> resolve(datetime.date(2019, 10, 17), "perlan-1-2021").contradicted
        True
    """
    if in_force_from:
        return _resolve(start, claimed, _table(in_force_from))
    key = (start, claimed)
    found = _RESOLVED.get(key)
    if found is None:
        found = remember(_RESOLVED, key, _resolve(start, claimed, _REGIMES))
    return found


_RESOLVED: dict[tuple[datetime.date, str | None], Resolution] = {}
"""Resolutions on the shipped boundaries, by first day and claim: cohorts share first days."""


def _resolve(start: datetime.date, claimed: str | None, table: tuple[Regime, ...]) -> Resolution:
    in_force = _in_force(start, table)
    uncertain = [regime for regime in table if regime.rests_on_default(start)]
    position = {regime.id: index for index, regime in enumerate(table)}
    if claimed is None:
        return Resolution(in_force, in_force, None, uncertain[0] if uncertain else None)
    if claimed == in_force.id:  # the input names the regime: nothing rests on a default
        return Resolution(in_force, in_force, in_force)
    wanted = table[position[get_regime(claimed).id]]
    low, high = sorted((position[wanted.id], position[in_force.id]))
    between = table[low + 1 : high + 1]
    if all(regime in uncertain for regime in between):
        return Resolution(wanted, in_force, wanted, between[-1])
    return Resolution(in_force, in_force, wanted)
