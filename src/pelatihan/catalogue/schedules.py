"""Rules of schedules: ``schedule.*``, ``calendar.*`` and ``klasikal.*``."""

from __future__ import annotations

from pelatihan.catalogue._table import Table
from pelatihan.findings import Rule, Severity
from pelatihan.provenance import Citation

__all__ = [
    "CLOSED_DAY",
    "DAYS_IN_CLASS",
    "DAYS_OUT_OF_CLASS",
    "DAYS_TOTAL",
    "EMPTY",
    "EMPTY_PHASE",
    "FIGURE_OPEN",
    "GAP",
    "KIND_DAYS",
    "KLASIKAL_APPROVAL",
    "METHOD",
    "NO_REGIME",
    "OVERLAP",
    "PHASE_DATES",
    "PHASE_KIND",
    "PHASE_ORDER",
    "REGIME",
    "REGIME_DEFAULT",
    "RULES",
    "SPAN",
    "UNCONFIRMED_YEAR",
]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_listed = Table()

EMPTY = _listed(
    Rule(
        "schedule.empty",
        _E,
        "Schedule has no phases",
        "Jadwal tidak memiliki tahap",
        "A schedule must have at least one phase.",
    )
)

SPAN = _listed(
    Rule(
        "schedule.span",
        _E,
        "Schedule longer than ten years",
        "Jadwal lebih dari sepuluh tahun",
        "A schedule's first and last day are less than ten years apart (a Latsar takes a few "
        "months); a longer one is reported and its days are not counted.",
    )
)

PHASE_DATES = _listed(
    Rule(
        "schedule.phase-dates",
        _E,
        "Phase ends before it starts",
        "Tahap berakhir sebelum dimulai",
        "Every phase's last day is on or after its first day.",
    )
)

EMPTY_PHASE = _listed(
    Rule(
        "schedule.empty-phase",
        _E,
        "Phase has no training day",
        "Tahap tidak memiliki hari pelatihan",
        "Every phase has at least one training day on the calendar.",
    )
)

NO_REGIME = _listed(
    Rule(
        "schedule.no-regime",
        _E,
        "No regime for the start date",
        "Tidak ada rezim untuk tanggal mulai",
        "The schedule starts on or after the first day of a modelled Latsar regime.",
    )
)

REGIME = _listed(
    Rule(
        "schedule.regime",
        _E,
        "Claimed regime is not the one in force",
        "Rezim yang dinyatakan bukan yang berlaku",
        "The regime a schedule claims is the one in force on its first day, or one that only a "
        "boundary not yet established separates from it.",
    )
)

REGIME_DEFAULT = _listed(
    Rule(
        "schedule.regime-default",
        _I,
        "Regime rests on a default boundary",
        "Rezim bergantung pada batas bawaan",
        "Says when the regime of a schedule is decided by a boundary between regimes that is "
        "not established (a default the user can override), so that a user who knows the "
        "regime can claim it or supply the boundary.",
    )
)

METHOD = _listed(
    Rule(
        "schedule.method",
        _E,
        "Method not provided by the regime",
        "Metode tidak tersedia dalam rezim",
        "The delivery method is one the regime provides.",
    )
)

PHASE_KIND = _listed(
    Rule(
        "schedule.phase-kind",
        _E,
        "Phase kind not part of the method",
        "Jenis tahap bukan bagian dari metode",
        "Every phase is of a kind the method's phases include.",
    )
)

PHASE_ORDER = _listed(
    Rule(
        "schedule.phase-order",
        _E,
        "Phases out of order",
        "Urutan tahap tidak sesuai",
        "Phases follow the rulebook's order; a phase may be split into consecutive parts.",
    )
)

OVERLAP = _listed(
    Rule(
        "schedule.overlap",
        _E,
        "Phases overlap",
        "Tahap saling tumpang tindih",
        "No two phases share a day.",
    )
)

GAP = _listed(
    Rule(
        "schedule.gap",
        _W,
        "Training days between phases",
        "Ada hari pelatihan di antara tahap",
        "Consecutive phases leave no training day between them.",
    )
)

CLOSED_DAY = _listed(
    Rule(
        "schedule.closed-day",
        _W,
        "Phase starts or ends on a closed day",
        "Tahap dimulai atau berakhir pada hari libur",
        "Each phase starts and ends on one of its training days (not a weekend, national "
        "holiday, cuti bersama or organiser's closure).",
    )
)

DAYS_TOTAL = _listed(
    Rule(
        "schedule.days-total",
        _E,
        "Total days differ from the rulebook",
        "Jumlah hari berbeda dari buku aturan",
        "The schedule's training days add up to the method's total.",
    )
)

DAYS_IN_CLASS = _listed(
    Rule(
        "schedule.days-in-class",
        _E,
        "Days in class differ from the rulebook",
        "Jumlah hari dalam kelas berbeda dari buku aturan",
        "The training days in class add up to the method's figure.",
    )
)

DAYS_OUT_OF_CLASS = _listed(
    Rule(
        "schedule.days-out-of-class",
        _E,
        "Days out of class differ from the rulebook",
        "Jumlah hari luar kelas berbeda dari buku aturan",
        "The training days out of class add up to the method's figure.",
    )
)

KIND_DAYS = _listed(
    Rule(
        "schedule.kind-days",
        _E,
        "Days of a kind of phase differ from the rulebook",
        "Jumlah hari suatu jenis tahap berbeda dari buku aturan",
        "The training days of each kind of phase (split or not) add up to the rulebook's "
        "figure for that kind, where it gives one.",
    )
)

FIGURE_OPEN = _listed(
    Rule(
        "schedule.figure-open",
        _I,
        "Figure not established; not checked",
        "Angka belum ditetapkan; tidak diperiksa",
        "A check whose figure is OPEN in the rulebook is reported as not done; supply the "
        "figure in a rulebook variant to check it.",
    )
)

KLASIKAL_APPROVAL = _listed(
    Rule(
        "schedule.klasikal-approval",
        _W,
        "Classroom delivery without approval",
        "Penyelenggaraan klasikal tanpa persetujuan",
        "A classroom cohort starting when blended learning is the norm has the written "
        "approval of the Head of LAN.",
        Citation("kep-93-2021"),
    )
)

UNCONFIRMED_YEAR = _listed(
    Rule(
        "calendar.unconfirmed-year",
        _W,
        "Holidays of a year not yet confirmed",
        "Hari libur tahun ini belum ditetapkan",
        "The schedule's years have national holidays and cuti bersama decreed; for a later "
        "year the day counts may change when the decree is issued.",
        Citation("skb-3-menteri"),
    )
)

RULES: tuple[Rule, ...] = _listed.rules
"""The rules of this module, in its order."""
