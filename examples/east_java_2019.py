"""The East Java Latsar of 2019: a classroom cohort under Peraturan LAN 12/2018.

East Java's 1,962 CPNS of the 2018 intake opened Latsar on Thursday 17 October 2019, for 51 days:
21 days of learning in class and 30 days out of class (kilasjatim.com, 17 October 2019). This script
plans that cohort on the working calendar, checks the plan, then checks the schedule as reported
(21 days in class, then 30 out of class) and a schedule with a typical mistake.

    python examples/east_java_2019.py
"""

from __future__ import annotations

import datetime

from pelatihan import Calendar, Phase, Schedule, legal, plan_schedule, validate_schedule

START = datetime.date(2019, 10, 17)


def show(schedule: Schedule) -> None:
    """Print a schedule's phases and its days in class and out of class."""
    for phase in schedule.phases:
        days = phase.training_days(schedule.calendar)
        print(
            f"  {phase.label or phase.kind.value:<14} {phase.setting.label:<13} "
            f"{phase.start} - {phase.end}  {days:>2} days"
        )
    print(
        f"  in class {schedule.days_in_class}, out of class {schedule.days_out_of_class}, "
        f"total {schedule.days_total}"
    )


def main() -> None:
    """Plan, then check the reported and a mistaken schedule."""
    regime = legal.regime_on(START)
    print(f"A cohort opening on {START} is governed by {regime.name}.")

    plan = plan_schedule(START, "III", "klasikal")
    print("\nPlanned from the rulebook:")
    show(plan)
    print(validate_schedule(plan).to_text())

    calendar = Calendar()
    in_class_end = calendar.nth_training_day(START, 21)
    out_start = calendar.next_training_day(in_class_end + datetime.timedelta(days=1))
    reported = Schedule(
        [
            Phase("klasikal", START, in_class_end, label="in class"),
            Phase("habituasi", out_start, calendar.nth_training_day(out_start, 30)),
        ],
        regime="perlan-12-2018",
        method="klasikal",
    )
    print("\nAs reported (21 days in class, then 30 out of class):")
    show(reported)
    print(validate_schedule(reported).to_text())

    mistaken = Schedule(
        [
            Phase("klasikal", START, datetime.date(2019, 11, 8)),
            Phase("habituasi", datetime.date(2019, 11, 11), datetime.date(2019, 12, 20)),
            Phase("klasikal", datetime.date(2019, 12, 25), datetime.date(2019, 12, 31)),
        ],
        regime="perlan-1-2021",
        method="klasikal",
    )
    print("\nA schedule with mistakes:")
    show(mistaken)
    print(validate_schedule(mistaken).to_text(basis=True))


if __name__ == "__main__":
    main()
