"""Peraturan LAN 1/2021 jo. 10/2021 with the 2024 LAN decrees: cohorts from 2025.

Keputusan Kepala LAN 580/K.1/PDP.07/2024 (curriculum) and 581/K.1/PDP.07/2024
(operating guideline) are cited as the legal bases of 2025 cohorts, next to
UU 20/2023 and Peraturan LAN 1/2021 jo. 10/2021, which stays the regulation.
Their text was not read: the figures here are what organisers report of their
2025 cohorts (SEC, often one source) and what follows from them (INF).

The evaluation has five components instead of three (SEC, one report
template): academic 20, actualisation plan 20, actualisation results 30,
attitude 15 and technical competence 15; a score of 60.01 to 70.00 defers
graduation (*Ditunda Kelulusannya*) rather than failing.

Blended Latsar shrank: a MOOC of 48 JP, e-learning of 20 working days,
habituation at the workplace of 30, and 3 days in class. Organisers differ on
the MOOC: 9 working days in one, 14 in another; both are accepted, 9 is the
default a plan uses, and an organiser sets its own in a rulebook variant
(``methods.blended.phases[0].days``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.regimes import perlan_1_2021, perlan_1_2021_10_2021
from pelatihan.regimes.base import Regime
from pelatihan.regimes.common import (
    ACADEMIC,
    ACTUALISATION,
    academic_components,
    attitude,
)
from pelatihan.rulebook import Component, Evaluation, KindDays, MethodRules, PhaseRule
from pelatihan.training import Method, PhaseKind

__all__ = ["EVALUATION", "REGIME", "RULEBOOK"]

_GUIDE = Citation("kep-581-2024")
_GUIDE_2021 = Citation("kep-93-2021")

_PEKANBARU = (
    "a 2025 report template of Loka Diklat Keagamaan Pekanbaru (Kemenag): MOOC 48 JP, "
    "16-25 June 2025"
)
_SURABAYA_MOOC = (
    "BDK Surabaya (Kemenag), a 2025 cohort: MOOC 14-31 July 2025 (bdksurabaya-kemenag.id)"
)
_SURABAYA = (
    "BDK Surabaya (Kemenag), https://bdksurabaya-kemenag.id/?p=7189, and Kemenag's 2025 Latsar "
    "reported by ANTARA"
)
_SUM = "The sum of the phases; it follows the MOOC, whose length organisers vary (9 or 14 days)."

REGIME = Regime(
    id="perlan-1-2021+10-2021+kep-2024",
    instrument="perlan-1-2021",
    amended_by=("perlan-10-2021",),
    decrees=("kep-580-2024", "kep-581-2024"),
    edition="Keputusan Kepala LAN 580 dan 581/K.1/PDP.07/2024",
    in_force_from=Figure(
        datetime.date(2025, 1, 1),
        Status.OPEN,
        _GUIDE,
        source="https://id.scribd.com/document/822751342 (LAN, Latsar CPNS 2025, legal bases)",
        note=(
            "The decrees' in-force date is not established. They are numbered in 2024, a blended "
            "cohort of April to August 2024 still ran the 2022 figures (74 days), and 2025 "
            "cohorts cite the 2024 decrees. The default is 1 January 2025; a cohort that "
            "started in 2024 is attributed to the 2022 decrees by this default alone, and its "
            "report says so."
        ),
    ),
    earliest=datetime.date(2024, 1, 1),
)


def _sec(days: int, source: str, note: str = "") -> Figure[int | None]:
    return Figure(days, Status.SEC, _GUIDE, source=source, note=note)


_MOOC = Figure[int | None](
    9,
    Status.SEC,
    _GUIDE,
    source=f"{_PEKANBARU}; {_SURABAYA_MOOC}",
    note=(
        "Organisers differ: 9 working days in one 2025 cohort, 14 in another. Both are "
        "accepted; 9 is the default a plan uses. Set your own in a rulebook variant."
    ),
    alternatives=(14,),
)
_ELEARNING = _sec(
    20,
    _SURABAYA,
    "Changed from 22 days (BDK Surabaya: changes 'especially to "
    "e-learning', https://bdksurabaya-kemenag.id/?p=7345).",
)
_HABITUASI = _sec(30, _SURABAYA, "Actualisation at the workplace, as before.")
_KLASIKAL = _sec(3, _SURABAYA, "Down from 6 days.")


def _sum(default: int, alternative: int) -> Figure[int | None]:
    return Figure(default, Status.INF, _GUIDE, note=_SUM, alternatives=(alternative,))


BLENDED = MethodRules(
    method=Method.BLENDED,
    available=Figure(
        True,
        Status.SEC,
        _GUIDE,
        source=_SURABAYA,
        note="Blended learning stays the norm.",
    ),
    phases=(
        PhaseRule(PhaseKind.MOOC, _MOOC, label="MOOC"),
        PhaseRule(PhaseKind.ELEARNING, _ELEARNING, label="e-learning"),
        PhaseRule(PhaseKind.HABITUASI, _HABITUASI, label="habituation"),
        PhaseRule(PhaseKind.KLASIKAL, _KLASIKAL, label="classroom"),
    ),
    days_total=_sum(62, 67),
    days_in_class=_KLASIKAL,
    days_out_of_class=_sum(59, 64),
    kind_days=(
        KindDays(PhaseKind.MOOC, _MOOC),
        KindDays(PhaseKind.ELEARNING, _ELEARNING),
        KindDays(PhaseKind.HABITUASI, _HABITUASI),
        KindDays(PhaseKind.KLASIKAL, _KLASIKAL),
    ),
    jp_total=Figure(
        None,
        Status.OPEN,
        _GUIDE,
        note="Only the MOOC's 48 JP is reported; the total lesson hours are not established.",
    ),
)

_CLASSROOM_2025 = (
    "One 2025 classroom cohort (Papua Tengah, https://meepago.com/read/2025/09/03/1415/"
    "single-news-1.html) ran about 18 working days on campus, about a month at the workplace, "
    "then the final examination; one report, so not a default."
)

KLASIKAL = attrs.evolve(
    perlan_1_2021.KLASIKAL,
    available=Figure(
        True,
        Status.SEC,
        _GUIDE,
        source="https://meepago.com/read/2025/09/03/1415/single-news-1.html",
        note="Classroom Latsar still ran in 2025, with the approval of the Head of LAN.",
    ),
    phases=tuple(
        attrs.evolve(phase, days=Figure(None, Status.OPEN, _GUIDE, note=_CLASSROOM_2025))
        for phase in perlan_1_2021.KLASIKAL.phases
    ),
    jp_total=Figure(
        None,
        Status.OPEN,
        _GUIDE,
        note="511 JP was reported for classroom delivery under the 2021 decrees; the figure of the "
        "2024 decrees is not established.",
    ),
)

_TEMPLATE = (
    "a 2025 report template of Loka Diklat Keagamaan Pekanbaru (Kemenag) in a public code "
    "repository, chapter V (Evaluasi): the evaluation components and their weights, and the "
    "band table (predikat, rentang nilai)"
)
_ONE_SOURCE = "One source (weak); the 2024 guideline itself was not read."
_SPLIT = (
    "The academic evaluation is 20% (reported); its split into two tests of 10% each per "
    "method is taken from the 2022 guideline (Keputusan Kepala LAN 13/2022)."
)


def _weight(value: int, note: str = _ONE_SOURCE, source: str = _TEMPLATE) -> Figure[int | None]:
    return Figure(value, Status.SEC, _GUIDE, source=source, note=note)


def _band(edge: str | None, note: str) -> Figure[Decimal | None]:
    return Figure(
        Decimal(edge) if edge is not None else None, Status.SEC, _GUIDE, source=_TEMPLATE, note=note
    )


EVALUATION: Evaluation = attrs.evolve(
    perlan_1_2021_10_2021.EVALUATION,
    components=(
        *academic_components(Status.INF, _GUIDE, _SPLIT),
        Component(
            "actualisation_plan",
            "Rancangan Aktualisasi",
            "Actualisation plan",
            _weight(20, "The seminar of the actualisation plan. " + _ONE_SOURCE),
            group=ACTUALISATION,
        ),
        Component(
            "actualisation_results",
            "Pelaksanaan Aktualisasi",
            "Actualisation results",
            _weight(
                30,
                "The seminar of the actualisation results: achievement 5 + usefulness 20 + "
                "communication 5 (BDK Surabaya, December 2024). Two sources agree.",
                f"{_TEMPLATE}; https://bdksurabaya-kemenag.id/?p=5477 (BDK Surabaya, December "
                "2024: the results seminar is worth 30%)",
            ),
            group=ACTUALISATION,
        ),
        attitude(_weight(15)),
        Component(
            "technical_competence",
            "Pengembangan Kompetensi Teknis Bidang Tugas",
            "Technical competence in the field of duty",
            _weight(15, "New in 2025 cohorts. " + _ONE_SOURCE),
        ),
    ),
    group_weights=((ACADEMIC, _weight(20)),),
    bands=(
        ("sangat_memuaskan", _band("90", "90.01 to 100.")),
        ("memuaskan", _band("80", "80.01 to 90.00.")),
        ("cukup_memuaskan", _band("70", "70.01 to 80.00: the lowest passing band.")),
        (
            "ditunda_kelulusannya",
            _band("60", "60.01 to 70.00: graduation deferred (ditunda), not failed."),
        ),
        ("tidak_memuaskan", _band(None, "60.00 or less.")),
    ),
)
"""The evaluation of 2025 cohorts: five components, and a deferred band."""

_BASE = perlan_1_2021_10_2021.RULEBOOK

RULEBOOK = attrs.evolve(
    _BASE,
    id=REGIME.id,
    regime=REGIME.id,
    title="Peraturan LAN 1/2021 jo. 10/2021, Keputusan Kepala LAN 580 dan 581/2024",
    methods=(KLASIKAL, BLENDED, perlan_1_2021.DISTANCE),
    klasikal_approval_from=Figure(
        datetime.date(2024, 1, 1),
        Status.INF,
        _GUIDE_2021,
        source="https://meepago.com/read/2025/09/03/1415/single-news-1.html",
        note="Set by the 2021 guideline; a 2025 classroom cohort ran with the approval of the "
        "Head of LAN, so the 2024 guideline is taken to keep it.",
    ),
    evaluation=EVALUATION,
)
