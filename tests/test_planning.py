"""The intake planner: what holds of every plan, reasons and fixes, the round trip to validate."""

from __future__ import annotations

import collections
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan import Participant, allocate, validate
from pelatihan.cohort import tmt_of
from pelatihan.evaluation import probation_end
from pelatihan.grades import Track
from pelatihan.io.document import RawDocument
from pelatihan.io.dump import cohorts_to_data
from pelatihan.io.structure import structure
from pelatihan.nip import NIP, Sex, YearMonth
from pelatihan.planning import Reason, room_use

WINDOW = (datetime.date(2025, 7, 1), datetime.date(2026, 6, 30))
AGENCIES = ("Dinas Kesehatan", "Dinas Pendidikan", "Bappeda")


@st.composite
def intakes(draw: st.DrawFn) -> list[Participant]:
    """Intakes of up to 60 CPNS: TMTs from 2025-01 to 2025-09, both tracks, a few bad grades."""
    count = draw(st.integers(min_value=0, max_value=60))
    people: list[Participant] = []
    for serial in range(1, count + 1):
        month = draw(st.integers(min_value=1, max_value=9))
        nip = NIP.from_parts(datetime.date(1998, 1, 1), YearMonth(2025, month), Sex.MALE, serial)
        grade = draw(st.sampled_from(("III/a", "III/b", "II/a", "II/c", "IV/a")))
        people.append(
            Participant(nip.formatted, f"P{serial}", grade, draw(st.sampled_from(AGENCIES)))
        )
    return people


def _placed(plan: object) -> list[tuple[Participant, object]]:
    return [(person, cohort) for cohort in plan.cohorts for person in cohort.participants]  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    intakes(),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=1, max_value=8),
    st.booleans(),
)
def test_a_plan_keeps_rooms_tracks_sizes_probation_and_every_participant(
    people: list[Participant], rooms: int, size: int, together: bool
) -> None:
    plan = allocate(
        people,
        rooms=rooms,
        window=WINDOW,
        method="blended",
        cohort_size=size,
        keep_agencies_together=together,
    )
    # never more rooms than exist on any day, counted from the cohorts' own schedules
    needed = collections.Counter(
        day for cohort in plan.cohorts for day in cohort.schedule.in_class_days()
    )
    assert all(used <= rooms for used in needed.values())
    assert dict(plan.room_use) == dict(needed)
    for cohort in plan.cohorts:
        assert 1 <= len(cohort.participants) <= size
        assert {Track.for_grade(person.grade) for person in cohort.participants} == {cohort.track}
        assert WINDOW[0] <= cohort.start
        assert cohort.end <= WINDOW[1]
        for person in cohort.participants:
            tmt = tmt_of(person)
            assert tmt is not None
            assert tmt <= cohort.start
            assert cohort.end <= probation_end(tmt)
    # every participant is placed once or reported
    placed = [id(person) for person, _ in _placed(plan)]
    reported = [id(item.participant) for item in plan.unplaced]
    assert sorted(placed + reported) == sorted(id(person) for person in people)
    for item in plan.unplaced:
        assert item.message("en")
        assert item.message("id")
        if item.reason is Reason.ROOMS:
            assert item.rooms_needed is not None
            assert item.rooms_needed > rooms
            assert item.start_with_rooms is not None


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intakes(), st.integers(min_value=1, max_value=2))
def test_a_plan_written_as_json_validates_without_a_size_or_probation_finding(
    people: list[Participant], rooms: int
) -> None:
    plan = allocate(people, rooms=rooms, window=WINDOW, method="blended", cohort_size=6)
    data = cohorts_to_data(plan.to_cohorts())
    loaded = structure(RawDocument(data))
    assert loaded.cohorts == plan.to_cohorts()
    codes = {finding.code for finding in validate(loaded, rulebook=None)}
    assert not codes & {"participant.probation", "cohort.size", "cohorts.rooms"}


def _people(count: int, month: int, grade: str = "III/a", first: int = 1) -> list[Participant]:
    return [
        Participant(
            NIP.from_parts(
                datetime.date(1998, 1, 1), YearMonth(2025, month), Sex.FEMALE, n
            ).formatted,
            f"P{n}",
            grade,
            "Dinas",
        )
        for n in range(first, first + count)
    ]


def test_cohorts_are_cut_as_equal_as_the_limit_allows_earliest_deadline_first() -> None:
    people = _people(41, 6) + _people(10, 3, first=100)
    plan = allocate(people, rooms=5, window=WINDOW, method="blended")
    assert plan.cohort_size.value == 40
    assert plan.cohort_size.status.value == "INF"
    assert sorted(len(cohort.participants) for cohort in plan.cohorts) == [25, 26]
    first = min(plan.cohorts, key=lambda cohort: cohort.start)
    assert any(tmt_of(person) == datetime.date(2025, 3, 1) for person in first.participants)


def test_a_cohort_without_rooms_says_how_many_would_place_it() -> None:
    plan = allocate(_people(5, 6), rooms=0, window=WINDOW, method="blended")
    assert not plan.cohorts
    assert {item.reason for item in plan.unplaced} == {Reason.ROOMS}
    item = plan.unplaced[0]
    assert item.rooms_needed == 1
    assert item.start_with_rooms == datetime.date(2025, 7, 1)
    assert item.latest_start is not None
    assert item.latest_start < probation_end(datetime.date(2025, 6, 1))
    with_room = allocate(_people(5, 6), rooms=1, window=WINDOW, method="blended")
    assert with_room.cohorts[0].start == item.start_with_rooms


def test_a_window_that_opens_too_late_gives_the_latest_start_that_works() -> None:
    late = (datetime.date(2026, 3, 2), datetime.date(2026, 9, 30))
    plan = allocate(_people(3, 3), rooms=1, window=late, method="blended")
    assert [item.reason for item in plan.unplaced] == [Reason.TOO_LATE] * 3
    latest = plan.unplaced[0].latest_start
    assert latest is not None
    assert latest < late[0]
    early = allocate(_people(3, 3), rooms=1, window=(latest, late[1]), method="blended")
    assert early.all_placed
    assert early.cohorts[0].start == latest


def test_participants_without_tmt_track_or_with_a_repeated_nip_are_reported() -> None:
    good = _people(1, 6)[0]
    people = [
        good,
        Participant("123", "No NIP", "III/a", "X"),
        Participant(good.nip.replace(" ", ""), "Again", "III/a", "X"),
        _people(1, 6, grade="IV/a", first=7)[0],
    ]
    plan = allocate(people, rooms=1, window=WINDOW, method="blended")
    reasons = [(item.index, item.reason) for item in plan.unplaced]
    assert reasons == [(1, Reason.NO_TMT), (2, Reason.DUPLICATE), (3, Reason.NO_TRACK)]
    assert plan.placed == 1
    assert allocate(people, rooms=1, window=WINDOW, method="blended", track="III").placed == 2


def test_minimising_rooms_finds_the_least_count_that_places_everyone() -> None:
    people = _people(400, 6)
    narrow = (datetime.date(2025, 7, 1), datetime.date(2025, 10, 31))
    plan = allocate(people, rooms=20, window=narrow, method="blended", minimise_rooms=True)
    assert plan.all_placed
    assert isinstance(plan.rooms, int)
    fewer = allocate(people, rooms=plan.rooms - 1, window=narrow, method="blended")
    assert not fewer.all_placed


def test_room_use_counts_one_room_per_cohort_on_each_in_class_day() -> None:
    plan = allocate(_people(80, 6), rooms=2, window=WINDOW, method="blended")
    assert plan.peak_rooms == 2
    assert room_use(cohort.schedule for cohort in plan.cohorts) == dict(plan.room_use)


def test_rooms_per_day_leave_days_without_rooms_unused() -> None:
    rooms = {datetime.date(2025, 10, 1) + datetime.timedelta(days=n): 1 for n in range(60)}
    plan = allocate(_people(10, 6), rooms=rooms, window=WINDOW, method="blended")
    assert plan.all_placed
    assert all(day in rooms for day, _ in plan.room_use)


def test_a_bad_window_or_room_count_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        allocate([], rooms=1, window=(WINDOW[1], WINDOW[0]), method="blended")
    with pytest.raises(ValueError, match="whole numbers"):
        allocate([], rooms=-1, window=WINDOW, method="blended")
