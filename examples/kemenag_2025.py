"""Kemenag's 2025 blended Latsar: the 2024 LAN decrees, a 3-day classroom, and two MOOC lengths.

Cohorts of 2025 follow Peraturan LAN 1/2021 jo. 10/2021 with the LAN decrees 580 and
581/K.1/PDP.07/2024. The training centres of the Ministry of Religious Affairs (Kemenag)
reported their 2025 blended Latsar as a MOOC, 20 working days of e-learning, 30 of habituation
at the workplace and 3 days in class (BDK Surabaya, https://bdksurabaya-kemenag.id/?p=7189).
One BDK Surabaya cohort's MOOC ran 14 working days, 14-31 July 2025; a Pekanbaru cohort's ran
9 (a 2025 report template of Loka Diklat Keagamaan Pekanbaru). ``examples/cohort-2025.json`` is
a cohort shaped like the Surabaya one (its participants are invented).

This script names the regime in force, validates the cohort file, re-plans the cohort with a
9-day MOOC and checks that too, and shows what the same cohort gets when judged by the 2022
figures it no longer follows.

    python examples/kemenag_2025.py
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pelatihan
from pelatihan import legal, plan_schedule, rulebooks, validate_schedule

HERE = Path(__file__).parent
COHORT = HERE / "cohort-2025.json"
START = datetime.date(2025, 7, 14)


def main() -> None:
    """Validate the 2025 cohort under its regime, with both MOOC lengths and the 2022 rulebook."""
    regime = legal.regime_on(START)
    print(f"A cohort opening on {START} follows {regime.name}")
    since = regime.in_force_from
    print(f"  (id {regime.id}; from {since.value}, {since.status.value})")
    book = rulebooks.get(regime.id)
    mooc = book.method("blended").phases[0].days
    others = ", ".join(str(days) for days in mooc.alternatives)
    print(f"  MOOC {mooc.value} working days by default ({mooc.status.value}; also: {others})")

    report = pelatihan.validate(COHORT)
    print(f"\n{COHORT.name}, MOOC of 14 days: {report.summary()}")

    nine = plan_schedule(START, "III", "blended")
    days = [phase.training_days(nine.calendar) for phase in nine.phases]
    print(f"Re-planned with the default MOOC: {days} days, {validate_schedule(nine).summary()}")

    old = rulebooks.get("perlan-1-2021+10-2021")
    judged = pelatihan.validate(COHORT, rulebook=old)
    print(f"\nThe same cohort judged by the 2022 figures ({old.title}): {judged.summary()}")
    for finding in judged:
        print(f"  {finding.severity.value:<8} {finding.code:<27} {finding.message_en}")


if __name__ == "__main__":
    main()
