from __future__ import annotations

import functools
import importlib.metadata
import pickle
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan.calendar import (
    SIX_DAY_WEEK,
    WORKWEEK,
    Calendar,
    CalendarData,
    Closure,
    ClosureKind,
    HolidayDataWarning,
    _holidays,
    calendar_data,
    is_confirmed_year,
)
from pelatihan.errors import ValidationError

D = date

# The national holidays and cuti bersama of 2024 (SKB 3 Menteri for 2024 as amended, plus
# the election days declared holidays), listed by hand, independently of the holidays package.
PUBLIC_2024 = {
    D(2024, 1, 1),  # Tahun Baru Masehi
    D(2024, 2, 8),  # Isra Mikraj
    D(2024, 2, 10),  # Tahun Baru Imlek (Saturday)
    D(2024, 2, 14),  # Pemilihan Umum
    D(2024, 3, 11),  # Nyepi
    D(2024, 3, 29),  # Wafat Yesus Kristus
    D(2024, 3, 31),  # Paskah (Sunday)
    D(2024, 4, 10),  # Idul Fitri
    D(2024, 4, 11),  # Idul Fitri, second day
    D(2024, 5, 1),  # Hari Buruh
    D(2024, 5, 9),  # Kenaikan Yesus Kristus
    D(2024, 5, 23),  # Waisak
    D(2024, 6, 1),  # Hari Lahir Pancasila (Saturday)
    D(2024, 6, 17),  # Idul Adha
    D(2024, 7, 7),  # Tahun Baru Islam (Sunday)
    D(2024, 8, 17),  # Hari Kemerdekaan (Saturday)
    D(2024, 9, 16),  # Maulid Nabi
    D(2024, 11, 27),  # Pilkada
    D(2024, 12, 25),  # Natal
}
CUTI_BERSAMA_2024 = {
    D(2024, 2, 9),
    D(2024, 3, 12),
    D(2024, 4, 8),
    D(2024, 4, 9),
    D(2024, 4, 12),
    D(2024, 4, 15),
    D(2024, 5, 10),
    D(2024, 5, 24),
    D(2024, 6, 18),
    D(2024, 12, 26),
}
CLOSED_2024 = PUBLIC_2024 | CUTI_BERSAMA_2024

COHORT_START = D(2024, 4, 22)
COHORT_END = D(2024, 8, 9)

# These tests rely on the decrees the holidays package records, up to the SKB 3 Menteri for 2027:
# every year from 2002 to 2027 is confirmed from holidays 0.105 on, the floor pyproject.toml
# declares (holidays 0.99 stops at 2026, 0.95 at 2025 and has no 18 August 2025). Starting points
# up to 2025 and spans of at most about 14 months keep every query inside confirmed years, hence
# warning-free.
LAST_DECREED_YEAR = 2027
CONFIRMED_DATES = st.dates(min_value=D(2019, 1, 1), max_value=D(2025, 12, 31))
WEEKDAY_SETS = st.frozensets(st.integers(0, 6), min_size=1)


def simple_days(
    start: date, end: date, closed: set[date], weekdays: frozenset[int] = WORKWEEK
) -> Iterator[date]:
    day = start
    while day <= end:
        if day.weekday() in weekdays and day not in closed:
            yield day
        day += timedelta(days=1)


@pytest.fixture(autouse=True)
def fresh_warned_years(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each test sees the once-per-process warning afresh.
    monkeypatch.setattr(_holidays, "_warned_years", set())


# -- the 2024 calendar ----------------------------------------------------------------


def test_idul_fitri_2024_is_a_public_holiday() -> None:
    closure = Calendar().closure(D(2024, 4, 10))
    assert closure == Closure(D(2024, 4, 10), "Hari Raya Idul Fitri", ClosureKind.PUBLIC_HOLIDAY)


@pytest.mark.parametrize("day", [D(2024, 4, 8), D(2024, 4, 9), D(2024, 4, 12), D(2024, 4, 15)])
def test_idul_fitri_2024_cuti_bersama_closes_the_day(day: date) -> None:
    closure = Calendar().closure(day)
    assert closure is not None
    assert closure.kind is ClosureKind.CUTI_BERSAMA
    assert closure.name == "Cuti Bersama Hari Raya Idul Fitri"
    assert not Calendar().is_training_day(day)


def test_independence_day_2024_is_a_public_holiday_on_a_saturday() -> None:
    closure = Calendar().closure(D(2024, 8, 17))
    assert closure is not None
    assert closure.kind is ClosureKind.PUBLIC_HOLIDAY
    assert closure.name == "Hari Kemerdekaan Republik Indonesia"
    assert not Calendar().is_training_day(D(2024, 8, 17), SIX_DAY_WEEK)
    assert Calendar().is_training_day(D(2024, 8, 24), SIX_DAY_WEEK)


def test_labour_day_2024_is_a_public_holiday() -> None:
    closure = Calendar().closure(D(2024, 5, 1))
    assert closure is not None
    assert closure.kind is ClosureKind.PUBLIC_HOLIDAY
    assert closure.name == "Hari Buruh Internasional"


def test_weekend_without_holiday_is_not_a_closure_but_not_a_training_day() -> None:
    assert Calendar().closure(D(2024, 4, 27)) is None
    assert not Calendar().is_training_day(D(2024, 4, 27))


def test_official_closures_of_2024_match_the_hand_list() -> None:
    closures = Calendar().closures_between(D(2024, 1, 1), D(2024, 12, 31))
    assert {c.day for c in closures if c.kind is ClosureKind.PUBLIC_HOLIDAY} == PUBLIC_2024
    assert {c.day for c in closures if c.kind is ClosureKind.CUTI_BERSAMA} == CUTI_BERSAMA_2024
    assert [c.day for c in closures] == sorted(CLOSED_2024)


def test_closures_between_is_inclusive_and_sorted() -> None:
    closures = Calendar().closures_between(D(2024, 4, 8), D(2024, 4, 15))
    assert [c.day.day for c in closures] == [8, 9, 10, 11, 12, 15]


def test_working_days_of_the_2024_blended_cohort_are_73() -> None:
    expected = len(list(simple_days(COHORT_START, COHORT_END, CLOSED_2024)))
    assert expected == 73
    assert Calendar().count_training_days(COHORT_START, COHORT_END) == expected
    assert list(Calendar().training_days(COHORT_START, COHORT_END)) == list(
        simple_days(COHORT_START, COHORT_END, CLOSED_2024)
    )


def test_74th_working_day_from_2024_04_22_is_2024_08_12() -> None:
    expected = list(simple_days(COHORT_START, D(2024, 12, 31), CLOSED_2024))[73]
    assert expected == D(2024, 8, 12)
    assert Calendar().nth_training_day(COHORT_START, 74) == expected


def test_six_day_week_counts_saturdays_that_are_not_holidays() -> None:
    expected = len(list(simple_days(COHORT_START, COHORT_END, CLOSED_2024, SIX_DAY_WEEK)))
    assert expected == 87
    assert Calendar().count_training_days(COHORT_START, COHORT_END, SIX_DAY_WEEK) == expected
    assert Calendar().count_training_days(COHORT_START, COHORT_END, [0, 1, 2, 3, 4, 5]) == 87


def test_a_whole_year_of_working_days_matches_the_hand_list() -> None:
    expected = len(list(simple_days(D(2024, 1, 1), D(2024, 12, 31), CLOSED_2024)))
    assert Calendar().count_training_days(D(2024, 1, 1), D(2024, 12, 31)) == expected


# -- cuti bersama switched off -----------------------------------------------------------


def test_cuti_bersama_can_be_switched_off() -> None:
    calendar = Calendar(cuti_bersama=False)
    assert calendar.closure(D(2024, 4, 8)) is None
    assert calendar.is_training_day(D(2024, 4, 8))
    assert not calendar.is_training_day(D(2024, 4, 10))
    expected = len(list(simple_days(D(2024, 4, 1), D(2024, 4, 30), PUBLIC_2024)))
    assert expected == 20
    assert calendar.count_training_days(D(2024, 4, 1), D(2024, 4, 30)) == expected
    assert Calendar().count_training_days(D(2024, 4, 1), D(2024, 4, 30)) == 16


def test_closures_between_without_cuti_bersama_lists_only_holidays() -> None:
    closures = Calendar(cuti_bersama=False).closures_between(D(2024, 4, 8), D(2024, 4, 15))
    assert [c.day.day for c in closures] == [10, 11]


# -- user closures and openings ------------------------------------------------------------


def test_a_bare_date_closure_is_an_agency_closure_by_the_organiser() -> None:
    calendar = Calendar(closures=[D(2024, 4, 23)])
    assert calendar.closures == frozenset(
        {Closure(D(2024, 4, 23), "closed by the organiser", ClosureKind.AGENCY)}
    )
    assert not calendar.is_training_day(D(2024, 4, 23))
    assert calendar.count_training_days(D(2024, 4, 22), D(2024, 4, 26)) == 4


def test_a_user_closure_keeps_its_name_and_comes_before_the_official_one() -> None:
    own = Closure(D(2024, 4, 10), "Libur daerah", ClosureKind.AGENCY)
    calendar = Calendar(closures=[own])
    assert calendar.closure(D(2024, 4, 10)) == own
    assert calendar.count_training_days(D(2024, 4, 1), D(2024, 4, 30)) == 16


def test_a_user_closure_on_a_weekend_changes_no_count() -> None:
    calendar = Calendar(closures=[D(2024, 4, 27)])
    assert calendar.closure(D(2024, 4, 27)) is not None
    assert calendar.count_training_days(D(2024, 4, 22), D(2024, 4, 28)) == 5
    assert calendar.count_training_days(D(2024, 4, 22), D(2024, 4, 28), SIX_DAY_WEEK) == 5


def test_an_opening_on_a_weekend_is_a_training_day() -> None:
    calendar = Calendar(openings=[D(2024, 4, 27)])
    assert calendar.is_training_day(D(2024, 4, 27))
    assert calendar.count_training_days(D(2024, 4, 22), D(2024, 4, 28)) == 6
    assert D(2024, 4, 27) in list(calendar.training_days(D(2024, 4, 22), D(2024, 4, 28)))


def test_an_opening_overrides_holidays_cuti_bersama_and_user_closures() -> None:
    days = [D(2024, 4, 10), D(2024, 4, 8), D(2024, 4, 23)]
    calendar = Calendar(closures=[D(2024, 4, 23)], openings=days)
    for day in days:
        assert calendar.closure(day) is None
        assert calendar.is_training_day(day)
    assert calendar.closures_between(D(2024, 4, 8), D(2024, 4, 8)) == ()
    assert calendar.count_training_days(D(2024, 4, 8), D(2024, 4, 23)) == 8


def test_with_closures_and_with_openings_return_new_calendars() -> None:
    base = Calendar()
    closed = base.with_closures(D(2024, 4, 22), Closure(D(2024, 4, 23), "x", ClosureKind.AGENCY))
    opened = closed.with_openings(D(2024, 4, 22))
    assert base.is_training_day(D(2024, 4, 22))
    assert not closed.is_training_day(D(2024, 4, 22))
    assert not closed.is_training_day(D(2024, 4, 23))
    assert opened.is_training_day(D(2024, 4, 22))
    assert len(closed.closures) == 2
    assert base.closures == frozenset()


def test_calendars_are_equal_hashable_and_picklable() -> None:
    one = Calendar(closures=[D(2024, 4, 23)], openings={D(2024, 4, 27)})
    two = Calendar(closures=(D(2024, 4, 23),), openings=[D(2024, 4, 27)])
    assert one == two
    assert hash(one) == hash(two)
    assert len({one, two, Calendar()}) == 2
    copy = pickle.loads(pickle.dumps(one))
    assert copy == one
    assert copy.count_training_days(D(2024, 4, 22), D(2024, 4, 28)) == 5


def test_datetimes_are_refused_as_days() -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        Calendar().is_training_day(datetime(2024, 4, 22, 8, 0))  # noqa: DTZ001
    with pytest.raises(TypeError, match=r"datetime\.date"):
        Calendar(closures=[datetime(2024, 4, 22, 8, 0)])  # noqa: DTZ001


# -- next and nth training day ---------------------------------------------------------------


def test_next_training_day_of_a_training_day_is_itself() -> None:
    assert Calendar().next_training_day(D(2024, 4, 22)) == D(2024, 4, 22)


def test_next_training_day_skips_weekend_holidays_and_cuti_bersama() -> None:
    assert Calendar().next_training_day(D(2024, 4, 6)) == D(2024, 4, 16)
    assert Calendar().next_training_day(D(2024, 4, 7), SIX_DAY_WEEK) == D(2024, 4, 13)


def test_nth_training_day_one_is_the_next_training_day() -> None:
    assert Calendar().nth_training_day(D(2024, 4, 6), 1) == D(2024, 4, 16)
    assert Calendar().nth_training_day(D(2024, 4, 22), 1) == D(2024, 4, 22)


def test_nth_training_day_crosses_the_year() -> None:
    # 2024-12-24 (Tue), then 25 (Natal) and 26 (cuti bersama) closed, 27 (Fri), 30, 31,
    # 2025-01-01 (Tahun Baru) closed, 2 (Thu).
    assert Calendar().nth_training_day(D(2024, 12, 24), 5) == D(2025, 1, 2)


@pytest.mark.parametrize("n", [0, -1])
def test_nth_training_day_refuses_n_below_one(n: int) -> None:
    with pytest.raises(ValueError, match="n must be 1 or more") as info:
        Calendar().nth_training_day(D(2024, 4, 22), n)
    assert isinstance(info.value, ValidationError)
    assert info.value.component == "n"
    assert "harus 1 atau lebih" in info.value.message_id


def test_nth_training_day_refuses_more_than_ten_years() -> None:
    with pytest.raises(ValueError, match="ten years"):
        Calendar().nth_training_day(D(2024, 4, 22), 5000)


def test_next_training_day_gives_up_when_every_day_is_closed() -> None:
    saturdays = [D(2024, 1, 6) + timedelta(weeks=i) for i in range(600)]
    calendar = Calendar(closures=saturdays)
    with pytest.raises(ValueError, match="ten years"):
        calendar.next_training_day(D(2024, 1, 1), {5})


# -- empty ranges and bad arguments -----------------------------------------------------------


def test_an_empty_range_has_no_training_days() -> None:
    calendar = Calendar()
    assert calendar.count_training_days(D(2024, 4, 23), D(2024, 4, 22)) == 0
    assert list(calendar.training_days(D(2024, 4, 23), D(2024, 4, 22))) == []
    assert calendar.closures_between(D(2024, 4, 23), D(2024, 4, 22)) == ()
    assert calendar.unconfirmed_years(D(2024, 4, 23), D(2024, 4, 22)) == ()


def test_a_one_day_range_counts_that_day() -> None:
    assert Calendar().count_training_days(D(2024, 4, 22), D(2024, 4, 22)) == 1
    assert Calendar().count_training_days(D(2024, 4, 10), D(2024, 4, 10)) == 0


@pytest.mark.parametrize("weekdays", [frozenset(), set(), [], ()])
def test_empty_weekdays_are_refused(weekdays: frozenset[int]) -> None:
    with pytest.raises(ValueError, match="weekdays is empty") as info:
        Calendar().count_training_days(D(2024, 4, 22), D(2024, 4, 26), weekdays)
    assert isinstance(info.value, ValidationError)
    assert info.value.component == "weekdays"


@pytest.mark.parametrize("weekdays", [{7}, {-1, 0}, {0, 1, 10}])
def test_weekdays_outside_monday_to_sunday_are_refused(weekdays: set[int]) -> None:
    calendar = Calendar()
    day = D(2024, 4, 22)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        calendar.is_training_day(day, weekdays)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        calendar.count_training_days(day, day, weekdays)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        calendar.training_days(day, day, weekdays)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        calendar.next_training_day(day, weekdays)
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        calendar.nth_training_day(day, 3, weekdays)


def test_weekdays_that_are_not_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        Calendar().is_training_day(D(2024, 4, 22), ["0"])  # type: ignore[list-item]


def test_spans_over_ten_years_are_refused() -> None:
    with pytest.raises(ValueError, match="about ten years") as info:
        Calendar().count_training_days(D(2019, 1, 1), D(2030, 1, 1))
    assert isinstance(info.value, ValidationError)
    assert info.value.component == "span"
    with pytest.raises(ValueError, match="about ten years"):
        Calendar().training_days(D(2019, 1, 1), D(2030, 1, 1))
    with pytest.raises(ValueError, match="about ten years"):
        Calendar().closures_between(D(2019, 1, 1), D(2030, 1, 1))


# -- confirmed and unconfirmed years ------------------------------------------------------------


@pytest.mark.parametrize("year", range(2002, LAST_DECREED_YEAR + 1))
def test_years_with_cuti_bersama_are_confirmed(year: int) -> None:
    assert is_confirmed_year(year)


def test_calendar_data_names_the_installed_holidays_and_its_confirmed_years() -> None:
    data = calendar_data()
    assert data.holidays_version == importlib.metadata.version("holidays")
    years = data.confirmed_years
    assert years.start == 2002
    assert years.stop > LAST_DECREED_YEAR
    assert all(is_confirmed_year(year) for year in years)
    assert not is_confirmed_year(years.stop)
    assert data.to_dict() == {
        "holidays": data.holidays_version,
        "confirmed_years": [2002, years[-1]],
    }
    assert data.describe().endswith(f"confirmed for 2002-{years[-1]}")
    assert data.describe("id").endswith(f"sudah ditetapkan untuk tahun 2002-{years[-1]}")


def test_calendar_data_with_no_confirmed_year_says_so() -> None:
    data = CalendarData("0.1", range(2002, 2002))
    assert data.to_dict() == {"holidays": "0.1", "confirmed_years": []}
    assert data.describe() == "holidays 0.1: national holidays and cuti bersama confirmed for none"


# -- the holidays package's Indonesia, loaded alone ------------------------------------------------


@given(
    st.integers(min_value=1950, max_value=2100),
    st.sampled_from(["public", "government"]),
    st.sampled_from(["id", "en_US", None]),
)
def test_indonesia_loaded_alone_gives_what_the_package_gives(
    year: int, category: str, language: str | None
) -> None:
    import holidays  # noqa: PLC0415

    alone = _holidays._indonesia()(years=year, categories=(category,), language=language)
    packaged = holidays.country_holidays(
        "ID", years=year, categories=(category,), language=language
    )
    assert dict(alone) == dict(packaged)


def test_the_package_s_indonesia_is_loaded_alone_without_its_other_countries() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pelatihan.calendar import Calendar\n"
        "print(Calendar().closure(date(2024, 8, 17)).name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    name, countries = result.stdout.splitlines()
    assert name == "Hari Kemerdekaan Republik Indonesia"
    assert countries == "[]"  # importing holidays.countries imports all 250 of them


def test_where_indonesia_cannot_be_loaded_alone_the_package_s_own_way_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(path: object) -> object:
        raise ImportError(f"no module at {path}")

    monkeypatch.setattr(_holidays, "_COUNTRY", [])
    monkeypatch.setattr(_holidays, "_alone", refused)
    read = _holidays._indonesia()
    assert isinstance(read, functools.partial)
    assert read(years=2024, categories=("public",), language="id")[date(2024, 8, 17)] == (
        "Hari Kemerdekaan Republik Indonesia"
    )
    assert (
        _holidays._read(2024, "public", ClosureKind.PUBLIC_HOLIDAY) == _holidays._year(2024).public
    )


def test_a_module_that_is_not_there_is_not_loaded_alone(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        _holidays._alone(tmp_path / "indonesia.py")


@pytest.mark.parametrize("year", [0, 1, 1999, 2001, 2100, 9999, 10000])
def test_years_before_2002_or_without_cuti_bersama_are_unconfirmed(year: int) -> None:
    assert not is_confirmed_year(year)


def test_unconfirmed_years_lists_them_without_warning() -> None:
    calendar = Calendar()
    assert calendar.unconfirmed_years(D(2099, 12, 1), D(2101, 1, 1)) == (2099, 2100, 2101)
    assert calendar.unconfirmed_years(D(2023, 12, 1), D(2024, 1, 31)) == ()


def test_a_query_in_an_unconfirmed_year_warns_once_at_the_caller() -> None:
    calendar = Calendar()
    with pytest.warns(HolidayDataWarning, match="2100 is not confirmed") as record:
        calendar.count_training_days(D(2100, 1, 4), D(2100, 1, 8))
    assert len(record) == 1
    assert record[0].filename == __file__
    message = str(record[0].message)
    assert "cuti bersama" in message
    assert "Calendar(closures=...)" in message
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        calendar.is_training_day(D(2100, 1, 4))
        Calendar(cuti_bersama=False).closure(D(2100, 3, 1))
    assert again == []


@pytest.mark.parametrize(
    "query",
    [
        lambda c: c.closure(D(2100, 1, 4)),
        lambda c: c.is_training_day(D(2100, 1, 4)),
        lambda c: c.closures_between(D(2100, 1, 4), D(2100, 1, 8)),
        lambda c: c.training_days(D(2100, 1, 4), D(2100, 1, 8)),
        lambda c: c.next_training_day(D(2100, 1, 4)),
        lambda c: c.nth_training_day(D(2100, 1, 1), 20),
    ],
)
def test_every_query_warns_about_an_unconfirmed_year(query: Callable[[Calendar], object]) -> None:
    with pytest.warns(HolidayDataWarning, match="2100") as record:
        query(Calendar())
    assert all(w.filename == __file__ for w in record)


def test_each_unconfirmed_year_of_a_span_warns() -> None:
    with pytest.warns(HolidayDataWarning) as record:
        Calendar().count_training_days(D(2099, 12, 1), D(2100, 1, 31))
    assert sorted(re.findall(r"\d{4}", str(w.message))[0] for w in record) == ["2099", "2100"]


def test_a_confirmed_year_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Calendar().count_training_days(D(2019, 1, 1), D(2027, 12, 31))


# -- properties -----------------------------------------------------------------------------------


calendars = st.builds(
    Calendar,
    closures=st.frozensets(CONFIRMED_DATES, max_size=5),
    openings=st.frozensets(CONFIRMED_DATES, max_size=5),
    cuti_bersama=st.booleans(),
)


@given(calendars, CONFIRMED_DATES, CONFIRMED_DATES, WEEKDAY_SETS)
def test_count_equals_the_number_of_training_days_listed(
    calendar: Calendar, a: date, b: date, weekdays: frozenset[int]
) -> None:
    listed = list(calendar.training_days(a, b, weekdays))
    assert calendar.count_training_days(a, b, weekdays) == len(listed)
    assert all(calendar.is_training_day(day, weekdays) for day in listed)


@given(calendars, CONFIRMED_DATES, st.integers(1, 60), WEEKDAY_SETS)
def test_nth_training_day_is_a_training_day_and_ends_a_span_of_n(
    calendar: Calendar, a: date, n: int, weekdays: frozenset[int]
) -> None:
    day = calendar.nth_training_day(a, n, weekdays)
    assert calendar.is_training_day(day, weekdays)
    assert calendar.count_training_days(a, day, weekdays) == n
    if n == 1:
        assert day == calendar.next_training_day(a, weekdays)


@given(calendars, CONFIRMED_DATES, st.integers(0, 200), st.integers(0, 200), WEEKDAY_SETS)
def test_count_is_additive_over_adjacent_ranges(
    calendar: Calendar, a: date, first: int, second: int, weekdays: frozenset[int]
) -> None:
    middle = a + timedelta(days=first)
    end = middle + timedelta(days=second)
    assert calendar.count_training_days(a, end, weekdays) == calendar.count_training_days(
        a, middle, weekdays
    ) + calendar.count_training_days(middle + timedelta(days=1), end, weekdays)


@given(calendars, st.frozensets(CONFIRMED_DATES, min_size=1, max_size=5), WEEKDAY_SETS)
def test_openings_always_count(
    calendar: Calendar, openings: frozenset[date], weekdays: frozenset[int]
) -> None:
    opened = calendar.with_openings(*openings)
    for day in openings:
        assert opened.is_training_day(day, weekdays)
        assert opened.closure(day) is None
        assert opened.count_training_days(day, day, weekdays) == 1


@given(calendars, CONFIRMED_DATES, WEEKDAY_SETS)
def test_next_training_day_is_the_first_on_or_after(
    calendar: Calendar, a: date, weekdays: frozenset[int]
) -> None:
    day = calendar.next_training_day(a, weekdays)
    assert day >= a
    assert calendar.is_training_day(day, weekdays)
    assert calendar.count_training_days(a, day - timedelta(days=1), weekdays) == 0
