import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import Calendar, Phase, Schedule, Track, legal, plan_schedule, rulebooks
from pelatihan.calendar import SIX_DAY_WEEK, WORKWEEK
from pelatihan.rulebooks import OpenFigureError
from pelatihan.training import Method, PhaseKind, Setting

d = datetime.date


def test_plan_east_java_2019_classroom_has_21_days_in_class_and_30_out() -> None:
    plan = plan_schedule(d(2019, 10, 17), "III", "klasikal")
    assert plan.regime == "perlan-12-2018"
    assert (plan.days_in_class, plan.days_out_of_class, plan.days_total) == (21, 30, 51)
    assert [p.kind for p in plan.phases] == [
        PhaseKind.KLASIKAL,
        PhaseKind.HABITUASI,
        PhaseKind.KLASIKAL,
    ]
    assert plan.start == d(2019, 10, 17)
    assert plan.track is Track.III
    assert plan.method is Method.KLASIKAL


def test_plan_blended_2024_ends_on_the_74th_working_day() -> None:
    start = d(2024, 4, 22)
    plan = plan_schedule(start, "III", "blended")
    assert plan.regime == "perlan-1-2021+10-2021"
    assert plan.days_total == 74
    assert plan.end == Calendar().nth_training_day(start, 74) == d(2024, 8, 12)
    assert plan.jp is not None
    assert plan.jp.value == 647


def test_plan_skips_closed_days_between_phases() -> None:
    plan = plan_schedule(d(2024, 4, 22), "II", "blended")
    calendar = plan.calendar
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert after.start > before.end
        assert (
            calendar.count_training_days(
                before.end + datetime.timedelta(1), after.start - datetime.timedelta(1)
            )
            == 0
        )
        assert calendar.is_training_day(after.start)


def test_plan_uses_the_given_regime_and_calendar() -> None:
    closed = d(2019, 10, 18)
    plan = plan_schedule(
        d(2019, 10, 17), Track.II, Method.KLASIKAL, calendar=Calendar(closures=[closed])
    )
    assert closed not in set(plan.calendar.training_days(plan.phases[0].start, plan.phases[0].end))
    assert plan.phases[0].training_days(plan.calendar) == 18
    assert plan.phases[0].end > plan_schedule(d(2019, 10, 17), "II", "klasikal").phases[0].end


def test_plan_refuses_a_method_the_regime_does_not_provide() -> None:
    with pytest.raises(OpenFigureError, match="does not provide the method blended"):
        plan_schedule(d(2019, 10, 17), "III", "blended")


def test_plan_names_the_open_figure_to_supply() -> None:
    with pytest.raises(OpenFigureError) as caught:
        plan_schedule(d(2022, 3, 1), "III", "klasikal")
    assert caught.value.value == "methods.klasikal.phases[0].days"
    assert "Rulebook.variant" in str(caught.value)


def test_plan_with_a_variant_supplying_open_figures() -> None:
    book = rulebooks.get("perlan-1-2021+10-2021").variant(
        "v",
        {
            "methods.klasikal.phases[0].days": 10,
            "methods.klasikal.phases[1].days": 30,
            "methods.klasikal.phases[2].days": 3,
        },
    )
    plan = plan_schedule(d(2022, 3, 1), "III", "klasikal", rulebook=book)
    assert (plan.days_in_class, plan.days_out_of_class) == (13, 30)


def test_plan_before_any_regime_raises() -> None:
    with pytest.raises(legal.NoRegimeError):
        plan_schedule(d(2017, 1, 2), "III", "klasikal")


def test_saturday_classes_shorten_a_classroom_phase() -> None:
    book = rulebooks.get("perlan-12-2018")
    rules = book.method("klasikal")
    six_day = book.variant(
        "saturdays",
        {
            "methods.klasikal.phases": [
                rulebooks.PhaseRule(
                    p.kind,
                    p.days,
                    p.label,
                    SIX_DAY_WEEK if p.setting is Setting.IN_CLASS else WORKWEEK,
                )
                for p in rules.phases
            ]
        },
    )
    normal = plan_schedule(d(2019, 10, 17), "III", "klasikal")
    sixes = plan_schedule(d(2019, 10, 17), "III", "klasikal", rulebook=six_day)
    assert sixes.phases[0].end < normal.phases[0].end
    assert sixes.days_in_class == 21


def test_schedule_properties_count_training_days_per_setting() -> None:
    schedule = Schedule(
        [
            Phase("klasikal", d(2024, 7, 1), d(2024, 7, 5)),
            Phase("habituasi", d(2024, 7, 8), d(2024, 7, 19)),
        ]
    )
    assert schedule.phase_days() == (5, 10)
    assert (schedule.days_in_class, schedule.days_out_of_class, schedule.days_total) == (5, 10, 15)
    assert (schedule.start, schedule.end) == (d(2024, 7, 1), d(2024, 7, 19))


def test_empty_schedule_has_no_start_or_end() -> None:
    schedule = Schedule([])
    assert (schedule.start, schedule.end, schedule.days_total) == (None, None, 0)


def test_schedule_fields_accept_names() -> None:
    schedule = Schedule([], method="Blended Learning", track="golongan III")
    assert (schedule.method, schedule.track) == (Method.BLENDED, Track.III)


@settings(max_examples=40, deadline=None)
@given(
    st.dates(min_value=d(2021, 1, 8), max_value=d(2026, 10, 31)),
    st.sampled_from(["II", "III"]),
)
def test_every_blended_plan_has_the_rulebook_days_per_phase(
    start: datetime.date, track: str
) -> None:
    plan = plan_schedule(start, track, "blended")
    rules = rulebooks.get(plan.regime or "").method("blended")
    assert [p.training_days(plan.calendar) for p in plan.phases] == [
        p.days.value for p in rules.phases
    ]
    assert plan.days_total == rules.days_total.value
    assert plan.days_total == (74 if start < d(2025, 1, 1) else 62)
    assert plan.start is not None
    assert plan.start >= start
    assert plan.calendar.is_training_day(plan.start)


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=d(2019, 1, 1), max_value=d(2021, 1, 7)))
def test_every_2018_regime_classroom_plan_is_21_in_class_and_30_out(start: datetime.date) -> None:
    plan = plan_schedule(start, "III", "klasikal")
    assert (plan.days_in_class, plan.days_out_of_class) == (21, 30)
