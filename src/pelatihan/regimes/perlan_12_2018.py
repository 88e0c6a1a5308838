"""Peraturan LAN 12/2018: classroom Latsar with habituation at the workplace."""

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
    actualisation,
    agenda,
    attitude,
    unavailable,
)
from pelatihan.rulebook import Component, Evaluation, KindDays, MethodRules, PhaseRule, Rulebook
from pelatihan.training import Method, PhaseKind

__all__ = ["REGIME", "RULEBOOK"]

_BASIS = Citation("perlan-12-2018")
_JATIM = "kilasjatim.com, opening of the East Java Latsar, 17 October 2019"
_TWO = "two secondary sources agree (an East Java 2019 report and a reported cohort run)"
_ONE_RUN = "one reported cohort run: 18 days theory, 30 days habituation, 3 days exam and seminar"


_PRESS_2021 = (
    "LAN's press release on Peraturan LAN 1/2021, February 2021, as reported at "
    "https://kompasiana.com/gamingessa1802/602bd1d8d541df43d44a5a42"
)

_ACADEMIC_NOTE = (
    "The written tests of classroom Latsar (type A, multiple choice; type B, a case); their "
    "weights under this regulation are not established."
)
_REST_NOTE = "The weights of attitude and actualisation under this regulation are not established."


REGIME = Regime(
    id="perlan-12-2018",
    instrument="perlan-12-2018",
    amended_by=(),
    in_force_from=Figure(
        datetime.date(2018, 12, 31),
        Status.OPEN,
        _BASIS,
        source="Berita Negara 2018 No. 1800",
        note=(
            "Promulgated in 2018 (gazette number 1800, late in the year); the day is not "
            "established. The default is the last day of 2018, so that no 2018 cohort is "
            "attributed to this regulation unless the caller says so."
        ),
    ),
)


def _sec(value: int, source: str, note: str = "") -> Figure[int | None]:
    return Figure(value, Status.SEC, _BASIS, source=source, note=note)


RULEBOOK = Rulebook(
    id="perlan-12-2018",
    regime="perlan-12-2018",
    title="Peraturan LAN 12/2018",
    methods=(
        MethodRules(
            method=Method.KLASIKAL,
            available=Figure(
                True,
                Status.REG,
                _BASIS,
                note="The regulation's preamble sets a classroom-based Latsar.",
            ),
            phases=(
                PhaseRule(
                    PhaseKind.KLASIKAL,
                    _sec(
                        18,
                        _ONE_RUN,
                        "How the 21 classroom days split around habituation is reported for "
                        "one run only; organisers' splits vary.",
                    ),
                    label="on campus 1",
                ),
                PhaseRule(PhaseKind.HABITUASI, _sec(30, _TWO), label="habituation"),
                PhaseRule(
                    PhaseKind.KLASIKAL,
                    _sec(3, _ONE_RUN, "Examination and the seminar of the actualisation results."),
                    label="on campus 2",
                ),
            ),
            days_total=_sec(51, _TWO),
            days_in_class=_sec(21, _JATIM),
            days_out_of_class=_sec(30, _TWO),
            kind_days=(
                KindDays(PhaseKind.KLASIKAL, _sec(21, _JATIM)),
                KindDays(PhaseKind.HABITUASI, _sec(30, _TWO)),
            ),
        ),
        unavailable(
            Method.BLENDED,
            _BASIS,
            "Blended learning was introduced by Peraturan LAN 1/2021 (LAN press release, "
            "February 2021).",
            _PRESS_2021,
        ),
        unavailable(
            Method.DISTANCE,
            _BASIS,
            "Distance learning was introduced by Peraturan LAN 1/2021 (LAN press release, "
            "February 2021).",
            _PRESS_2021,
        ),
    ),
    agendas=(
        agenda(
            1,
            "Sikap Perilaku Bela Negara",
            (
                "Wawasan Kebangsaan dan Nilai-Nilai Bela Negara",
                "Analisis Isu Kontemporer",
                "Kesiapsiagaan Bela Negara",
            ),
            _BASIS,
        ),
        agenda(
            2,
            "Nilai-Nilai Dasar PNS",
            ("Akuntabilitas", "Nasionalisme", "Etika Publik", "Komitmen Mutu", "Anti Korupsi"),
            _BASIS,
            note="The five ANEKA values.",
        ),
        agenda(
            3,
            "Kedudukan dan Peran PNS dalam NKRI",
            ("Manajemen ASN", "Pelayanan Publik", "Whole of Government"),
            _BASIS,
        ),
        agenda(4, "Habituasi", None, _BASIS),
    ),
    minutes_per_jp=MINUTES_PER_JP,
    cohort_size_max=COHORT_SIZE_MAX,
    klasikal_approval_from=Figure(
        None,
        Status.INF,
        _BASIS,
        note="Classroom delivery is the regime's own method; no approval is needed.",
    ),
    evaluation=Evaluation(
        components=(
            Component(
                "type_a",
                "Tes Tertulis Tipe A",
                "Written test type A",
                Figure(None, Status.OPEN, _BASIS, note=_ACADEMIC_NOTE),
                (Method.KLASIKAL,),
                ACADEMIC,
            ),
            Component(
                "type_b",
                "Tes Tertulis Tipe B",
                "Written test type B",
                Figure(None, Status.OPEN, _BASIS, note=_ACADEMIC_NOTE),
                (Method.KLASIKAL,),
                ACADEMIC,
            ),
            attitude(Figure(None, Status.OPEN, _BASIS, note=_REST_NOTE)),
            actualisation(Figure(None, Status.OPEN, _BASIS, note=_REST_NOTE)),
        ),
        pass_mark=PASS_MARK,
        bands=BANDS,
        remediated_score=REMEDIATED_SCORE,
        remediation_within_probation=REMEDIATION_WITHIN_PROBATION,
        remediation_days=REMEDIATION_DAYS,
        appointment_after_probation=APPOINTMENT_AFTER_PROBATION,
    ),
)
