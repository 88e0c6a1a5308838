import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import (
    Calendar,
    Phase,
    Schedule,
    Severity,
    Status,
    plan_schedule,
    rulebooks,
    validate_schedule,
)
from pelatihan.calendar import HolidayDataWarning, _holidays
from pelatihan.validation import Location, catalogue

d = datetime.date


def codes(schedule: Schedule, **kwargs: object) -> list[str]:
    return sorted(f.code for f in validate_schedule(schedule, **kwargs))  # type: ignore[arg-type]


def test_planned_schedules_pass_their_own_rulebook() -> None:
    for start, method in [(d(2019, 10, 17), "klasikal"), (d(2024, 4, 22), "blended")]:
        report = validate_schedule(plan_schedule(start, "III", method))
        assert report.ok, report.to_text()
        assert len(report) == 0


def test_east_java_2019_as_reported_21_then_30_passes() -> None:
    calendar = Calendar()
    first_end = calendar.nth_training_day(d(2019, 10, 17), 21)
    second_start = calendar.next_training_day(first_end + datetime.timedelta(1))
    schedule = Schedule(
        [
            Phase("klasikal", d(2019, 10, 17), first_end),
            Phase("habituasi", second_start, calendar.nth_training_day(second_start, 30)),
        ],
        regime="perlan-12-2018",
        method="klasikal",
    )
    assert validate_schedule(schedule).ok


def test_wrong_totals_are_each_reported_with_figure_status_and_citation() -> None:
    plan = plan_schedule(d(2024, 4, 22), "III", "blended")
    shortened = Schedule(
        [*plan.phases[:-1], Phase("klasikal", plan.phases[-1].start, plan.phases[-1].start)],
        regime=plan.regime,
        method=plan.method,
    )
    report = validate_schedule(shortened)
    assert sorted(report.codes()) == [
        "schedule.days-in-class",
        "schedule.days-total",
        "schedule.kind-days",
    ]
    total = next(f for f in report if f.code == "schedule.days-total")
    assert total.value == 69
    assert total.status is Status.SEC
    assert total.basis is not None
    assert total.basis.instrument == "perlan-1-2021"
    assert total.location.path == "$.phases"
    assert "69" in total.message_id
    assert "74" in total.message_en


def test_open_figures_are_reported_as_not_checked() -> None:
    schedule = Schedule(
        [
            Phase("klasikal", d(2022, 3, 1), d(2022, 3, 10)),
            Phase("habituasi", d(2022, 3, 11), d(2022, 4, 8)),
        ],
        method="klasikal",
        klasikal_approved=True,
    )
    report = validate_schedule(schedule)
    assert report.ok
    opened = [f for f in report if f.code == "schedule.figure-open"]
    assert len(opened) == 3
    assert all(f.severity is Severity.INFO and f.status is Status.OPEN for f in opened)


def test_a_variant_makes_open_figures_checkable() -> None:
    book = rulebooks.get("perlan-1-2021+10-2021").variant(
        "v", {"methods.klasikal.days_total": 20, "methods.klasikal.days_in_class": 8}
    )
    schedule = Schedule(
        [
            Phase("klasikal", d(2022, 3, 1), d(2022, 3, 10)),
            Phase("habituasi", d(2022, 3, 11), d(2022, 4, 8)),
        ],
        method="klasikal",
    )
    report = validate_schedule(schedule, book)
    total = next(f for f in report if f.code == "schedule.days-total")
    assert total.status is Status.USER
    assert "schedule.days-in-class" in report.codes()


def test_phases_out_of_order_overlapping_and_with_gaps_are_all_reported() -> None:
    schedule = Schedule(
        [
            Phase("mooc", d(2024, 4, 22), d(2024, 5, 14)),
            Phase("habituasi", d(2024, 5, 15), d(2024, 6, 28)),
            Phase("elearning", d(2024, 6, 20), d(2024, 7, 30)),  # out of order, overlaps
            Phase("klasikal", d(2024, 8, 5), d(2024, 8, 12)),  # gap of 3 training days
        ],
        method="blended",
    )
    report = validate_schedule(schedule)
    found = {(f.code, f.location.path) for f in report}
    assert ("schedule.phase-order", "$.phases[2]") in found
    assert ("schedule.overlap", "$.phases[2]") in found
    assert ("schedule.gap", "$.phases[3]") in found
    gap = next(f for f in report if f.code == "schedule.gap")
    assert gap.value == 3
    assert gap.severity is Severity.WARNING


def test_overlap_with_an_earlier_long_phase_is_found() -> None:
    schedule = Schedule(
        [
            Phase("habituasi", d(2019, 11, 1), d(2019, 12, 31)),
            Phase("klasikal", d(2019, 11, 4), d(2019, 11, 5)),
            Phase("klasikal", d(2019, 12, 2), d(2019, 12, 3)),
        ],
        method="klasikal",
    )
    overlaps = [
        f.location.path for f in validate_schedule(schedule) if f.code == "schedule.overlap"
    ]
    assert overlaps == ["$.phases[1]", "$.phases[2]"]


def test_split_phases_in_order_are_accepted() -> None:
    plan = plan_schedule(d(2019, 10, 17), "III", "klasikal")
    first = plan.phases[0]
    calendar = plan.calendar
    middle = calendar.nth_training_day(first.start, 9)
    split = Schedule(
        [
            Phase("klasikal", first.start, middle),
            Phase(
                "klasikal", calendar.next_training_day(middle + datetime.timedelta(1)), first.end
            ),
            *plan.phases[1:],
        ],
        method="klasikal",
    )
    assert validate_schedule(split).ok


def test_phase_kind_not_in_the_method_is_an_error() -> None:
    schedule = Schedule([Phase("mooc", d(2019, 10, 17), d(2019, 10, 31))], method="klasikal")
    assert "schedule.phase-kind" in codes(schedule)


def test_claimed_regime_that_is_not_in_force_is_an_error() -> None:
    plan = plan_schedule(d(2024, 4, 22), "III", "blended")
    claimed = Schedule(plan.phases, regime="perlan-12-2018", method="blended")
    report = validate_schedule(claimed)
    assert report.codes() == {"schedule.regime"}
    regime = report.findings[0]
    assert regime.location.path == "$.regime"
    assert regime.value == "perlan-12-2018"


def test_method_the_regime_lacks_stops_further_checks() -> None:
    schedule = Schedule([Phase("mooc", d(2019, 10, 17), d(2019, 10, 31))], method="blended")
    assert codes(schedule) == ["schedule.method"]


def test_start_before_any_regime_is_one_error() -> None:
    schedule = Schedule([Phase("klasikal", d(2017, 3, 1), d(2017, 3, 31))])
    report = validate_schedule(schedule)
    assert report.codes() == {"schedule.no-regime"}
    assert report.findings[0].location.path == "$.start"


def test_phase_ending_before_it_starts_and_empty_phase() -> None:
    schedule = Schedule(
        [
            Phase("klasikal", d(2019, 10, 17), d(2019, 10, 10)),
            Phase("habituasi", d(2019, 10, 19), d(2019, 10, 20)),  # a weekend
        ],
        method="klasikal",
    )
    found = codes(schedule)
    assert "schedule.phase-dates" in found
    assert "schedule.empty-phase" in found


def test_phase_starting_on_a_holiday_is_a_warning_naming_it() -> None:
    schedule = Schedule([Phase("klasikal", d(2024, 8, 17), d(2024, 8, 23))], method="klasikal")
    closed = [f for f in validate_schedule(schedule) if f.code == "schedule.closed-day"]
    assert [f.location.path for f in closed] == ["$.phases[0].start"]
    assert "Kemerdekaan" in closed[0].message_en


def test_classroom_cohort_from_2024_without_approval_is_a_warning() -> None:
    phases = [Phase("klasikal", d(2024, 7, 1), d(2024, 7, 5))]
    report = validate_schedule(Schedule(phases, method="klasikal"))
    approval = [f for f in report if f.code == "schedule.klasikal-approval"]
    assert len(approval) == 1
    assert approval[0].severity is Severity.WARNING
    assert approval[0].basis is not None
    assert approval[0].basis.instrument == "kep-93-2021"
    approved = validate_schedule(Schedule(phases, method="klasikal", klasikal_approved=True))
    assert "schedule.klasikal-approval" not in approved.codes()


def test_unconfirmed_holiday_year_is_a_finding_as_well_as_a_python_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_holidays, "_warned_years", set())  # warnings come once per year
    schedule = Schedule([Phase("mooc", d(2099, 3, 2), d(2099, 3, 20))], method="blended")
    with pytest.warns(HolidayDataWarning, match="2099"):
        report = validate_schedule(schedule)
    assert "calendar.unconfirmed-year" in report.codes()


def test_findings_are_placed_below_the_given_location() -> None:
    schedule = Schedule([Phase("klasikal", d(2019, 10, 17), d(2019, 10, 10))], method="klasikal")
    report = validate_schedule(schedule, location=Location("$.cohorts[4]", file="x.json"))
    assert all(f.location.path.startswith("$.cohorts[4]") for f in report)
    assert all(f.location.file == "x.json" for f in report)


def test_every_code_reported_is_in_the_catalogue() -> None:
    known = {rule.code for rule in catalogue.rules()}
    assert {
        "schedule.days-total",
        "schedule.overlap",
        "schedule.gap",
        "schedule.regime",
        "schedule.klasikal-approval",
        "calendar.unconfirmed-year",
    } <= known


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["mooc", "elearning", "habituasi", "klasikal", "distance"]),
            st.dates(min_value=d(2021, 2, 1), max_value=d(2025, 12, 31)),
            st.integers(min_value=-5, max_value=60),
        ),
        max_size=6,
    )
)
def test_any_schedule_gets_a_report_with_catalogued_codes(
    raw: list[tuple[str, datetime.date, int]],
) -> None:
    schedule = Schedule(
        [Phase(kind, start, start + datetime.timedelta(days=length)) for kind, start, length in raw]
    )
    report = validate_schedule(schedule)
    known = {rule.code for rule in catalogue.rules()}
    assert report.codes() <= known
    for finding in report:
        assert finding.message_en
        assert finding.message_id
        assert finding.severity is catalogue.get(finding.code).severity
