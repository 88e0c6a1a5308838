"""Figures and helpers shared by several regimes' rulebooks."""

from __future__ import annotations

from decimal import Decimal

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.rulebook import Agenda, Component, MethodRules
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
    source="LAN officials quoted by KASN, "
    "https://kasn.go.id/id/publikasi/cpns-kasn-tahun-anggaran-2019-mulai-jalani-latsar; LAN "
    "training material and organisers' reports",
    note="A final score of at least 70.01 passes.",
)


_BANDS_NOTE = (
    "The band table of 2025 cohorts (Sangat Memuaskan above 90, Memuaskan above 80, Cukup "
    "Memuaskan above 70, Ditunda Kelulusannya above 60, Tidak Memuaskan 60 or less), taken for "
    "this regime: its own table was not found. The edges agree with the 70.01 pass mark. No "
    "Latsar source was found that names the fourth band Kurang Memuaskan."
)


def _band(edge: str) -> Figure[Decimal | None]:
    return Figure(Decimal(edge), Status.INF, None, note=_BANDS_NOTE)


BANDS: tuple[tuple[str, Figure[Decimal | None]], ...] = (
    ("sangat_memuaskan", _band("90")),
    ("memuaskan", _band("80")),
    ("cukup_memuaskan", _band("70")),
    ("ditunda_kelulusannya", _band("60")),
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

REMEDIATION_WITHIN_PROBATION: Figure[bool | None] = Figure(
    True,
    Status.INF,
    Citation("uu-5-2014", "Pasal 64"),
    source="https://rbtv.disway.id/read/84685 (appointment after the probation year)",
    note=(
        "The deadline for the remediation of a participant whose graduation is deferred was not "
        "found. Latsar is to be passed within the probation year, so a deferred participant is "
        "taken to have until its end, when the TMT CPNS is known; when the results are decided "
        "after that end (Latsar after the probation year is allowed, SE Kepala BKN 10/2022), no "
        "deadline is given. A default: set your own days in evaluation.remediation_days."
    ),
)

REMEDIATION_DAYS: Figure[int | None] = Figure(
    None,
    Status.OPEN,
    None,
    note="The days a deferred participant has for remediation are not established; an "
    "organiser that sets them can supply them in a rulebook variant.",
)

APPOINTMENT_AFTER_PROBATION: Figure[bool | None] = Figure(
    True,
    Status.SEC,
    Citation("uu-5-2014", "Pasal 64"),
    source="https://rbtv.disway.id/read/84685 (appointment as PNS after the probation year)",
    note=(
        "Appointment as PNS comes after the one-year probation, so never before the day after "
        "it ends; and only after passing Latsar, which may end after the probation year (SE "
        "Kepala BKN 10/2022). The earliest day given is the later of the two; the day the "
        "appointing official sets (TMT PNS) is not established."
    ),
)


ACADEMIC = "academic"
"""The group of the academic evaluation's components."""
ACTUALISATION = "actualisation"
"""The group of the actualisation components (plan and results, where they are apart)."""


def academic_components(
    status: Status, basis: Citation, note: str = "", *, source: str | None = None
) -> tuple[Component, ...]:
    """The written tests of the academic evaluation, 10% each, per method (Kep. LAN 13/2022)."""

    def weight(value: int | None) -> Figure[int | None]:
        return Figure(value, status, basis, source=source, note=note)

    classroom = (Method.KLASIKAL,)
    online = (Method.BLENDED, Method.DISTANCE)
    return (
        Component(
            "type_a", "Tes Tertulis Tipe A", "Written test type A", weight(10), classroom, ACADEMIC
        ),
        Component(
            "type_b", "Tes Tertulis Tipe B", "Written test type B", weight(10), classroom, ACADEMIC
        ),
        Component("mooc_test", "Tes MOOC", "MOOC test", weight(10), online, ACADEMIC),
        Component(
            "elearning_test", "Tes E-Learning", "E-learning test", weight(10), online, ACADEMIC
        ),
    )


def attitude(weight: Figure[int | None]) -> Component:
    """The attitude and behaviour evaluation (*sikap perilaku*)."""
    return Component("attitude", "Sikap Perilaku", "Attitude and behaviour", weight)


def actualisation(weight: Figure[int | None]) -> Component:
    """The actualisation evaluation (*aktualisasi*) as one component."""
    return Component("actualisation", "Aktualisasi", "Actualisation", weight, group=ACTUALISATION)


def open_attitude_and_actualisation(basis: Citation) -> tuple[Component, Component]:
    """The attitude and actualisation components of a guideline that does not weigh them."""
    return (
        attitude(
            Figure(
                None,
                Status.OPEN,
                basis,
                note="Not established; with actualisation it makes 80% (inferred).",
            )
        ),
        actualisation(
            Figure(
                None,
                Status.OPEN,
                basis,
                note="Not established; with attitude it makes 80% (inferred).",
            )
        ),
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
