"""Peraturan LAN 1/2021 as amended by 10/2021, with the 2022 guideline and curriculum.

Peraturan LAN 10/2021 aligns the curriculum with the ASN core values and rewords
agenda 3; Keputusan Kepala LAN 13/2022 (guideline) and 14/2022 (curriculum)
replace the 2021 decrees. The delivery methods are those of 1/2021.
"""

from __future__ import annotations

import datetime

import attrs

from pelatihan.provenance import Citation, Figure, Status
from pelatihan.regimes import perlan_1_2021
from pelatihan.regimes.base import Regime
from pelatihan.regimes.common import (
    ACADEMIC,
    academic_components,
    agenda,
    open_attitude_and_actualisation,
)

__all__ = ["EVALUATION", "REGIME", "RULEBOOK"]

_AMENDMENT = Citation("perlan-10-2021")
_GUIDE_2021 = Citation("kep-93-2021")
_GUIDE_2022 = Citation("kep-13-2022")

REGIME = Regime(
    id="perlan-1-2021+10-2021",
    instrument="perlan-1-2021",
    amended_by=("perlan-10-2021",),
    decrees=("kep-13-2022", "kep-14-2022"),
    in_force_from=Figure(
        datetime.date(2021, 12, 31),
        Status.OPEN,
        _AMENDMENT,
        note=(
            "The amendment's in-force date is not established. It aligns the curriculum with "
            "the ASN core values launched on 27 July 2021, so it came after that day, and its "
            "number dates it to 2021 (inferred). The default is the last day of 2021, so that "
            "no 2021 cohort is attributed to the amended text unless the caller says so."
        ),
    ),
    earliest=datetime.date(2021, 7, 27),
)

_KEP_13_TEXT = "https://anyflip.com/rnswh/qafs/basic/51-100 (Keputusan Kepala LAN 13/2022, text)"

EVALUATION = attrs.evolve(
    perlan_1_2021.RULEBOOK.evaluation,
    components=(
        *academic_components(Status.REG, _GUIDE_2022, source=_KEP_13_TEXT),
        *open_attitude_and_actualisation(_GUIDE_2022),
    ),
    group_weights=((ACADEMIC, Figure(20, Status.REG, _GUIDE_2022, source=_KEP_13_TEXT)),),
)

_BASE = perlan_1_2021.RULEBOOK

RULEBOOK = attrs.evolve(
    _BASE,
    id=REGIME.id,
    regime=REGIME.id,
    title="Peraturan LAN 1/2021 jo. 10/2021",
    agendas=(
        _BASE.agendas[0],
        _BASE.agendas[1],
        agenda(
            3,
            "Kedudukan dan Peran PNS untuk mendukung terwujudnya smart governance \u2026",
            None,
            _AMENDMENT,
            name_status=Status.REG,
            note="The wording continues beyond what is recorded here.",
        ),
        _BASE.agendas[3],
    ),
    klasikal_approval_from=Figure(
        datetime.date(2024, 1, 1),
        Status.OPEN,
        _GUIDE_2021,
        note="Set by the 2021 guideline; whether the 2022 guideline (Keputusan Kepala LAN "
        "13/2022) keeps it is not established.",
    ),
    evaluation=EVALUATION,
)
