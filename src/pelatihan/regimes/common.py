"""Figures and helpers shared by several regimes' rulebooks."""

from __future__ import annotations

from decimal import Decimal

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.rulebook import Agenda, MethodRules
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


_BANDS_NOTE = (
    "The band names are used across LAN training; the edges >90, >80, >70 (70.01) and >60 are "
    "inferred from the 70.01 pass mark."
)


def _band(edge: str) -> Figure[Decimal | None]:
    return Figure(Decimal(edge), Status.INF, None, note=_BANDS_NOTE)


BANDS: tuple[tuple[str, Figure[Decimal | None]], ...] = (
    ("sangat_memuaskan", _band("90")),
    ("memuaskan", _band("80")),
    ("cukup_memuaskan", _band("70")),
    ("kurang_memuaskan", _band("60")),
    ("tidak_memuaskan", Figure(None, Status.INF, None, note="Every score of 60 or less.")),
)
"""Qualification bands, best first: a score in a band exceeds the band's edge."""

REMEDIATED_SCORE: Figure[Decimal | None] = Figure(
    Decimal("70.01"),
    Status.SEC,
    None,
    source="LAN training material and organisers' reports",
    note="A participant who reaches Cukup Memuaskan only after remediation passes with exactly "
    "70.01.",
)

APPOINTMENT_MONTHS_AFTER: Figure[int | None] = Figure(
    1,
    Status.SEC,
    Citation("pp-11-2017", "Pasal 36"),
    source="civil-service agencies' guidance on appointment after Latsar",
    note="A CPNS who passed can be appointed PNS from the first day of the month after passing.",
)


def unavailable(method: Method, basis: Citation, note: str, source: str) -> MethodRules:
    """Rules for a method the regime does not provide, as secondary sources report."""
    return MethodRules(
        method=method, available=Figure(False, Status.SEC, basis, source=source, note=note)
    )


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
