"""The Ministry of Home Affairs Latsar of 2021: cohorts under Peraturan LAN 1/2021.

The Ministry of Home Affairs (Kemendagri) opened Latsar for its CPNS of golongan III and II on
Monday 15 March 2021. Peraturan LAN 1/2021 had replaced 12/2018 that January, making blended
learning the norm; the opening report does not say which method was used, so this script plans
blended cohorts (an assumption), prints each track's schedule, checks it, and writes the schedule of
one cohort as an iCalendar file that calendar programs can import.

    python examples/kemendagri_2021.py [--ics FILE]
"""

from __future__ import annotations

import argparse
import datetime
import tempfile
from pathlib import Path

from pelatihan import legal, plan_schedule, validate_schedule
from pelatihan.io.ics import write_ics

START = datetime.date(2021, 3, 15)


def main(argv: list[str] | None = None) -> None:
    """Plan both tracks, check them, and export one as iCalendar."""
    parser = argparse.ArgumentParser(description="Plan the Kemendagri 2021 Latsar cohorts.")
    parser.add_argument(
        "--ics", type=Path, help="where to write the golongan III cohort's calendar"
    )
    args = parser.parse_args(argv)

    regime = legal.regime_on(START)
    print(f"Opened {START}: governed by {regime.name} (in force from {regime.in_force_from.value},")
    print(f"  status {regime.in_force_from.status.value}: {regime.in_force_from.note})")

    for track in ("III", "II"):
        plan = plan_schedule(START, track, "blended")
        print(f"\nGolongan {track}, blended learning:")
        for phase in plan.phases:
            print(
                f"  {phase.label:<12} {phase.setting.label:<13} {phase.start} - {phase.end}"
                f"  {phase.training_days(plan.calendar):>2} days"
            )
        jp = plan.jp.value if plan.jp is not None else None
        print(
            f"  in class {plan.days_in_class}, out of class {plan.days_out_of_class}, "
            f"total {plan.days_total} days, {jp} JP"
        )
        print(" ", validate_schedule(plan).to_text().splitlines()[-1])

    plan = plan_schedule(START, "III", "blended")
    stamp = datetime.datetime(2021, 3, 1, tzinfo=datetime.timezone.utc)
    with tempfile.TemporaryDirectory() as scratch:
        target = args.ics or Path(scratch) / "latsar-kemendagri-2021-gol-iii.ics"
        write_ics(
            plan,
            target,
            cohort_id="kemendagri-2021-gol-iii",
            name="Kemendagri 2021 Golongan III",
            stamp=stamp,
        )
        text = target.read_text(encoding="utf-8")
    uids = [line for line in text.splitlines() if line.startswith("UID:")]
    print(f"\niCalendar: {len(uids)} events, stable ids {uids[0][4:]} ... {uids[-1][4:]}")
    if args.ics is not None:
        print(f"written to {args.ics}")


if __name__ == "__main__":
    main()
