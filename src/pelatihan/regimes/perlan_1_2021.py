"""Peraturan LAN 1/2021 as first issued, with the 2021 guideline and curriculum.

Peraturan LAN 1/2021 replaces 12/2018 and introduces blended learning as the
norm, keeps classroom delivery, and allows distance learning in an emergency.
The methods here are shared by the regimes that follow under the same
regulation, which change only what their decrees changed.
"""

from __future__ import annotations

import datetime

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.regimes.base import Regime
from pelatihan.regimes.common import (
    ACADEMIC,
    APPOINTMENT_AFTER_PROBATION,
    BANDS,
    COHORT_SIZE_MAX,
    MINUTES_PER_JP,
    PASS_MARK,
    REMEDIATED_SCORE,
    REMEDIATION_DAYS,
    REMEDIATION_WITHIN_PROBATION,
    academic_components,
    agenda,
    open_attitude_and_actualisation,
)
from pelatihan.rulebook import (
    Evaluation,
    KindDays,
    MethodRules,
    PhaseRule,
    Rulebook,
)
from pelatihan.training import Method, PhaseKind

__all__ = ["REGIME", "RULEBOOK"]

_BASIS = Citation("perlan-1-2021")
_GUIDE_2021 = Citation("kep-93-2021")
_FOUR = (
    "four secondary sources agree (LAN material and organisers' reports), among them "
    "https://banten.antaranews.com/berita/244236 (647 JP over 16 + 22 + 30 + 6 days, 2023) and "
    "https://kasn.go.id/id/publikasi/cpns-kasn-tahun-anggaran-2019-mulai-jalani-latsar (6 "
    "classroom days)"
)
_OPEN_DAYS = "The day count of this phase is not established; supply it in a rulebook variant."


def _blended(days: int) -> Figure[int | None]:
    return Figure(days, Status.SEC, _BASIS, source=_FOUR)


def _open(note: str = _OPEN_DAYS) -> Figure[int | None]:
    return Figure(None, Status.OPEN, _BASIS, note=note)


REGIME = Regime(
    id="perlan-1-2021",
    instrument="perlan-1-2021",
    amended_by=(),
    decrees=("kep-93-2021", "kep-94-2021"),
    in_force_from=Figure(
        datetime.date(2021, 1, 8),
        Status.SEC,
        _BASIS,
        source="https://kompasiana.com/gamingessa1802/602bd1d8d541df43d44a5a42 (date of signing, "
        "reported, February 2021)",
        note="8 January 2021 is the reported date of signing; the in-force date itself is "
        "not established.",
    ),
)

BLENDED = MethodRules(
    method=Method.BLENDED,
    available=Figure(True, Status.REG, _BASIS, note="Blended learning is the norm."),
    phases=(
        PhaseRule(PhaseKind.MOOC, _blended(16), label="MOOC"),
        PhaseRule(PhaseKind.ELEARNING, _blended(22), label="e-learning"),
        PhaseRule(PhaseKind.HABITUASI, _blended(30), label="habituation"),
        PhaseRule(PhaseKind.KLASIKAL, _blended(6), label="classroom"),
    ),
    days_total=_blended(74),
    days_in_class=_blended(6),
    days_out_of_class=Figure(
        68,
        Status.INF,
        _BASIS,
        note="The sum of the out-of-class phases: MOOC 16 + e-learning 22 + habituation 30.",
    ),
    kind_days=(
        KindDays(PhaseKind.MOOC, _blended(16)),
        KindDays(PhaseKind.ELEARNING, _blended(22)),
        KindDays(PhaseKind.HABITUASI, _blended(30)),
        KindDays(PhaseKind.KLASIKAL, _blended(6)),
    ),
    jp_total=Figure(647, Status.SEC, _BASIS, source=_FOUR),
)

KLASIKAL = MethodRules(
    method=Method.KLASIKAL,
    available=Figure(
        True,
        Status.REG,
        _BASIS,
        note="Kept next to blended learning; see klasikal_approval_from.",
    ),
    phases=(
        PhaseRule(PhaseKind.KLASIKAL, _open(), label="on campus 1"),
        PhaseRule(PhaseKind.HABITUASI, _open(), label="habituation"),
        PhaseRule(PhaseKind.KLASIKAL, _open(), label="on campus 2"),
    ),
    days_total=_open("The total days of classroom delivery are not established."),
    days_in_class=_open("The classroom days are not established."),
    days_out_of_class=_open("The out-of-class days are not established."),
    jp_total=Figure(
        511,
        Status.SEC,
        _BASIS,
        source="one LAN official, https://kompasiana.com/gamingessa1802/602bd1d8d541df43d44a5a42",
    ),
)

DISTANCE = MethodRules(
    method=Method.DISTANCE,
    available=Figure(
        True,
        Status.SEC,
        _BASIS,
        source="LAN press release, February 2021",
        note="Distance learning is allowed in an emergency.",
    ),
    phases=(
        PhaseRule(PhaseKind.DISTANCE, _open(), label="distance learning 1"),
        PhaseRule(PhaseKind.HABITUASI, _open(), label="habituation"),
        PhaseRule(PhaseKind.DISTANCE, _open(), label="distance learning 2"),
    ),
    days_total=_open("The days of distance learning in an emergency are not established."),
    days_in_class=Figure(
        0, Status.INF, _BASIS, note="Distance learning replaces the classroom days."
    ),
    days_out_of_class=_open("The days of distance learning in an emergency are not established."),
)


_ABSENCE = (
    "reported for 2021 blended cohorts: more than 6 sessions, 18 JP and/or 2 days (LAN officials "
    "quoted by KASN, https://kasn.go.id/id/publikasi/cpns-kasn-tahun-anggaran-2019-mulai-jalani-"
    "latsar)"
)

_ASSUMED_2022 = "Assumed the same as in the 2022 guideline (Keputusan Kepala LAN 13/2022)."

_EVALUATION = Evaluation(
    components=(
        *academic_components(Status.INF, _GUIDE_2021, _ASSUMED_2022),
        *open_attitude_and_actualisation(_GUIDE_2021),
    ),
    group_weights=((ACADEMIC, Figure(20, Status.INF, _GUIDE_2021, note=_ASSUMED_2022)),),
    pass_mark=PASS_MARK,
    bands=BANDS,
    remediated_score=REMEDIATED_SCORE,
    remediation_within_probation=REMEDIATION_WITHIN_PROBATION,
    remediation_days=REMEDIATION_DAYS,
    appointment_after_probation=APPOINTMENT_AFTER_PROBATION,
    absence_sessions=Figure(6, Status.SEC, _BASIS, source=_ABSENCE),
    absence_jp=Figure(18, Status.SEC, _BASIS, source=_ABSENCE),
    absence_days=Figure(2, Status.SEC, _BASIS, source=_ABSENCE),
)

RULEBOOK = Rulebook(
    id="perlan-1-2021",
    regime="perlan-1-2021",
    title="Peraturan LAN 1/2021",
    methods=(KLASIKAL, BLENDED, DISTANCE),
    agendas=(
        agenda(1, "Sikap Perilaku Bela Negara", None, _BASIS),
        agenda(
            2,
            "Nilai-Nilai Dasar PNS",
            None,
            _BASIS,
            note="Framed by the ASN core values BerAKHLAK from 27 July 2021 (SE MenPANRB 20/2021).",
        ),
        agenda(
            3,
            None,
            None,
            _BASIS,
            note="The wording before the 10/2021 amendment is not established.",
        ),
        agenda(4, "Habituasi", None, _BASIS),
    ),
    minutes_per_jp=MINUTES_PER_JP,
    cohort_size_max=COHORT_SIZE_MAX,
    klasikal_approval_from=Figure(
        datetime.date(2024, 1, 1),
        Status.REG,
        _GUIDE_2021,
        note="From 2024 Latsar is blended; classroom delivery needs the written approval of the "
        "Head of LAN.",
    ),
    evaluation=_EVALUATION,
)
