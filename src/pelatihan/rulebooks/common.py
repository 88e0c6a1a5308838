"""Figures shared by several rulebooks."""

from __future__ import annotations

from decimal import Decimal

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.rulebooks.model import Agenda, MethodRules
from pelatihan.training import Method

MINUTES_PER_JP: Figure[int] = Figure(
    45,
    Status.SEC,
    None,
    source="common convention in Indonesian civil-service training (weakly sourced)",
    note="One lesson hour (JP) is conventionally 45 minutes.",
)

COHORT_SIZE_MAX: Figure[int | None] = Figure(
    40,
    Status.INF,
    None,
    source="reported practice: cohorts of 30 to 40; one province ran 400 CPNS in 10 cohorts of 40",
    note="A maximum of 40 participants per cohort is inferred from practice.",
)

PASS_MARK: Figure[Decimal | None] = Figure(
    Decimal("70.01"),
    Status.SEC,
    None,
    source="LAN training material and organisers' reports",
    note="A final score of at least 70.01 passes.",
)


def unavailable(method: Method, basis: Citation, note: str) -> MethodRules:
    """Rules for a method the regime does not provide."""
    return MethodRules(method=method, available=Figure(False, Status.SEC, basis, note=note))


def agenda(
    number: int,
    name: str | None,
    modules: tuple[str, ...] | None,
    basis: Citation,
    *,
    name_status: Status = Status.SEC,
    note: str = "",
) -> Agenda:
    """An agenda whose name and modules are reported by secondary sources (or OPEN when None)."""
    return Agenda(
        number=number,
        name=Figure(
            name,
            name_status if name is not None else Status.OPEN,
            basis,
            source=_CURRICULUM_SOURCE if name_status is Status.SEC and name else None,
            note=note,
        ),
        modules=Figure(
            modules,
            Status.SEC if modules is not None else Status.OPEN,
            basis,
            source=_CURRICULUM_SOURCE if modules is not None else None,
            note="" if modules is not None else "The module list is not established.",
        ),
    )


_CURRICULUM_SOURCE = "LAN's Latsar module books and organisers' training material, as reported"
