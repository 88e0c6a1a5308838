"""The shape of a Latsar regime: the instruments that set it and when it applies."""

from __future__ import annotations

import datetime

import attrs

from pelatihan.errors import ValidationError
from pelatihan.instruments import Instrument, get
from pelatihan.provenance import Figure

__all__ = ["NoRegimeError", "Regime"]


class NoRegimeError(ValidationError):
    """Raised by :func:`~pelatihan.regimes.regime_on` for a date before any regime modelled."""

    code = "legal.no-regime"


@attrs.frozen
class Regime:
    """A Latsar regime: a regulation, with its amendments and decrees, that governs cohorts.

    Args:
        id: Stable identifier (``"perlan-12-2018"``, ``"perlan-1-2021+10-2021"``).
        instrument: Id of the regulation that sets the regime.
        amended_by: Ids of the amendments in force in this regime.
        in_force_from: The first day a cohort may start under this regime,
            with its provenance.
        decrees: Ids of the decrees of the Head of LAN (operating guideline,
            curriculum) that the regime's figures come from.
        edition: What tells this regime apart from an earlier one under the
            same regulation, shown after its name (the decrees that changed).
        earliest: Where ``in_force_from`` is not established, the earliest day
            the regime could in fact have applied from. A cohort that starts
            from then until the default boundary is attributed by that default
            alone, and its report says so.
    """

    id: str
    instrument: str
    amended_by: tuple[str, ...]
    in_force_from: Figure[datetime.date]
    decrees: tuple[str, ...] = ()
    edition: str = ""
    earliest: datetime.date | None = None

    @property
    def name(self) -> str:
        """The regime's name as written in Indonesian practice.

        Example:
            >>> from pelatihan.regimes import get_regime
            >>> get_regime("perlan-1-2021+10-2021").name
            'Peraturan LAN 1/2021 jo. 10/2021'
        """
        name = get(self.instrument).short_name
        if self.amended_by:
            amendments = ", ".join(f"{get(a).number}/{get(a).year}" for a in self.amended_by)
            name = f"{name} jo. {amendments}"
        return f"{name} ({self.edition})" if self.edition else name

    def decrees_cited(self) -> tuple[Instrument, ...]:
        """The decrees of the Head of LAN that the regime's figures come from."""
        return tuple(get(decree) for decree in self.decrees)

    def rests_on_default(self, start: datetime.date) -> bool:
        """Whether a cohort starting on ``start`` falls on the uncertain side of this boundary.

        True when the boundary is a default (not read in a text) and ``start``
        lies between the earliest day the regime could apply from and that
        default: such a cohort is attributed to the previous regime by the
        default alone.
        """
        return self.earliest is not None and self.earliest <= start < self.in_force_from.value

    def __str__(self) -> str:
        return self.name
