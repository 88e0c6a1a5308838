"""Allocating an intake: participants read, cut into cohorts, placed, and the plan built."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

import attrs

from pelatihan.calendar import Calendar
from pelatihan.cohort import Participant, int_to_roman, nip_key, tmt_of
from pelatihan.errors import ValidationError
from pelatihan.evaluation import probation_end
from pelatihan.grades import Track
from pelatihan.nip import MINIMUM_AGE
from pelatihan.nip import _parts as nip_parts
from pelatihan.planning._models import Allocation, PlannedCohort, Reason, Rooms, Unplaced, room_use
from pelatihan.planning._placing import (
    _capacity,
    _check_rooms,
    _Group,
    _groups,
    _Planner,
    _Starts,
)
from pelatihan.provenance import Figure, Status
from pelatihan.rulebooks import OpenFigureError, Rulebook
from pelatihan.schedule import DEFAULT_CALENDAR
from pelatihan.training import Method


def _size_figure(cohort_size: int | None, books: Iterable[Rulebook]) -> Figure[int]:
    """The cohort-size limit: the smallest of the rulebooks the starts are planned with.

    A cohort within the smallest limit is within the limit of whichever regime
    governs it; ``cohort_size`` overrides it (with the status of the figure it replaces).
    """
    figures = [book.cohort_size_max for book in books]
    known = [figure for figure in figures if figure.value is not None]
    shipped = min(known, key=lambda figure: figure.value or 0) if known else None
    if cohort_size is not None:
        if isinstance(cohort_size, bool) or cohort_size < 1:
            raise ValueError(f"cohort_size must be 1 or more, not {cohort_size!r}")
        if shipped is not None:
            value: Figure[int | None] = shipped.override(cohort_size, source="cohort_size")
            return Figure(cohort_size, value.status, value.basis, value.source, value.note)
        return Figure(cohort_size, Status.USER, source="cohort_size")
    if shipped is None or shipped.value is None:
        raise OpenFigureError(
            "the cohort-size limit is not established; give cohort_size",
            "batas jumlah peserta per angkatan belum ditetapkan; berikan cohort_size",
            value="cohort_size_max",
        )
    return Figure(shipped.value, shipped.status, shipped.basis, shipped.source, shipped.note)


def allocate(
    participants: Iterable[Participant],
    *,
    rooms: Rooms,
    window: tuple[datetime.date, datetime.date],
    method: Method | str,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    cohort_size: int | None = None,
    track: Track | str | None = None,
    keep_agencies_together: bool = False,
    minimise_rooms: bool = False,
    id_prefix: str | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    klasikal_approved: bool = False,
) -> Allocation:
    """Split an intake into cohorts and place them so that each finishes within probation.

    Args:
        participants: The intake, in any order.
        rooms: Classrooms for in-class phases: a number for every day, or a
            number per day (days not in the mapping have none).
        window: The first and last day the cohorts may use (both inclusive):
            every cohort starts and ends within it.
        method: The delivery method (``"blended"``, ``"klasikal"``, ``"distance"``).
        rulebook: An organiser's rulebooks (variants), by regime id, or one
            rulebook, which is taken as the variant of its own regime
            (``{book.regime: book}``). Each cohort is planned under the regime
            in force on its start, with the rulebook given for that regime, else
            the regime's shipped rulebook: the rulebook
            :func:`~pelatihan.validate` checks the cohort against when given the
            same rulebooks by regime.
        calendar: The training calendar; the Indonesia-wide one by default.
        cohort_size: The most participants in a cohort; by default the
            rulebooks' ``cohort_size_max``, the smallest of the regimes the
            window's starts fall under (a figure with its status; the plan's
            :attr:`Allocation.cohort_size` says which).
        track: The track of participants whose grade names none.
        keep_agencies_together: Keep the participants of one agency (and
            track) in one cohort, or in as few as the size limit allows.
        minimise_rooms: Plan with the fewest rooms, at most ``rooms`` (a
            number), that place as many participants as ``rooms`` do: a binary
            search over the count with the same planner. The greedy plan is not
            always monotone in the rooms, so the count is the least the search
            found enough; it is never too few.
        id_prefix: The start of the cohorts' ids (``latsar-2025`` by default,
            after the window's first year).
        in_force_from: Regimes' first days the caller knows, by regime id, in
            place of the shipped boundaries (as for :func:`~pelatihan.validate`).
        klasikal_approved: Whether the Head of LAN approved classroom delivery
            in writing: recorded on every cohort's schedule, as the JSON cohort
            format's ``klasikal_approved`` (classroom cohorts from
            ``klasikal_approval_from``, 2024, need it).

    Returns:
        The plan. Every participant is either in one of its cohorts or in its
        :attr:`~Allocation.unplaced` list.

    Raises:
        OpenFigureError: If no start in the window can be planned because the
            rulebook does not establish a figure the plan needs (the phase days
            of classroom delivery under PerLAN 1/2021, for example).
        ValueError: If the window ends before it starts, ``rooms`` or
            ``cohort_size`` is not a whole number (1 or more for the size), or
            ``minimise_rooms`` is asked with rooms per day.

    Example:
        >>> people = [Participant(f"19990101 202506 1 {n:03d}", f"P{n}", "III/a", "X")
        ...           for n in range(1, 201)]
        >>> window = (datetime.date(2025, 7, 1), datetime.date(2026, 5, 29))
        >>> plan = allocate(people, rooms=10, window=window, method="blended",
        ...                 minimise_rooms=True)
        >>> plan.rooms, len(plan.cohorts), plan.all_placed
        (1, 5, True)
    """
    first, last = window
    if last < first:
        raise ValueError(f"the window ends ({last}) before it starts ({first})")
    _check_rooms(rooms)
    if minimise_rooms and isinstance(rooms, Mapping):
        raise ValueError("minimise_rooms needs rooms as one number, the most there are")
    if isinstance(rulebook, Rulebook):
        rulebook = {rulebook.regime: rulebook}
    starts = _Starts(
        window,
        Method.parse(method),
        calendar or DEFAULT_CALENDAR,
        tuple(sorted((rulebook or {}).items())),
        tuple(sorted((in_force_from or {}).items())),
        klasikal_approved,
    )
    books = list(starts.rulebooks.values()) or _first_rulebook(starts)
    intake = _Intake(
        list(participants),
        starts,
        _size_figure(cohort_size, books),
        Track.parse(track) if isinstance(track, str) else track,
        keep_agencies_together,
        id_prefix if id_prefix is not None else f"latsar-{first.year}",
    )
    plan = intake.plan(rooms)
    if not minimise_rooms or isinstance(rooms, Mapping):
        return plan
    low, high = 0, plan.peak_rooms  # the peak of the plan with all rooms is enough
    best = plan if plan.peak_rooms == rooms else intake.plan(high)
    if best.placed < plan.placed:  # not monotone at the top: keep what was asked for
        low, high, best = high + 1, rooms, plan
    while low < high:
        middle = (low + high) // 2
        trial = intake.plan(middle)
        if trial.placed >= plan.placed:
            best, high = trial, middle
        else:
            low = middle + 1
    return best


def _first_rulebook(starts: _Starts) -> list[Rulebook]:
    """The rulebook of the window's first day, for a window without a start."""
    book = starts.rulebook_on(starts.first)
    return [book] if book is not None else []


class _Intake:
    """An intake made ready to plan: each start's schedule, the cohorts to place."""

    def __init__(  # noqa: PLR0917 - private, called once, by allocate
        self,
        people: list[Participant],
        starts: _Starts,
        size: Figure[int],
        default_track: Track | None,
        keep_agencies_together: bool,
        prefix: str,
    ) -> None:
        self.people = people
        self.window = (starts.first, starts.last)
        self.method = starts.method
        self.size = size
        self.prefix = prefix
        self.starts = starts
        self.unplaced: list[Unplaced] = []
        tracks: dict[Track, list[int]] = {}
        self.deadlines: list[datetime.date] = [datetime.date.min] * len(people)
        releases: list[datetime.date] = [datetime.date.min] * len(people)
        seen: set[str] = set()
        minimum = MINIMUM_AGE.value
        # TMT and deadline by the NIP's digits 9-14, or by the TMT given: an intake has a few
        dates: dict[object, tuple[datetime.date, datetime.date]] = {}
        tracks_by_grade: dict[str, Track | None] = {}
        for index, person in enumerate(people):
            grade = person.grade
            if grade in tracks_by_grade:
                own = tracks_by_grade[grade]
            else:
                own = tracks_by_grade[grade] = _track_of(grade)
            own = own or default_track
            # the NIP's checks of validate (memoised), and the key validate tells NIPs apart by
            try:
                digits = nip_parts(person.nip, minimum)[0]
            except ValidationError:
                key, month = nip_key(person.nip), None
            else:
                key, month = digits, digits[8:14]
            if key in seen:
                self.unplaced.append(Unplaced(person, index, Reason.DUPLICATE, own))
                continue
            seen.add(key)
            given = person.tmt_cpns  # the TMT given wins over the NIP's (tmt_of)
            said = given if given is not None else month  # what the TMT is known by, if any
            known = dates.get(said) if said is not None else None
            if known is None:
                tmt = given or tmt_of(person)
                if tmt is None:
                    self.unplaced.append(Unplaced(person, index, Reason.NO_TMT, own))
                    continue
                known = (tmt, probation_end(tmt))
                if said is not None:
                    dates[said] = known
            tmt, deadline = known
            if own is None:
                self.unplaced.append(Unplaced(person, index, Reason.NO_TRACK, None, deadline))
                continue
            self.deadlines[index], releases[index] = deadline, tmt
            tracks.setdefault(own, []).append(index)
        agencies = [person.agency for person in people] if keep_agencies_together else None
        self.groups = _groups(tracks, self.deadlines, releases, agencies, size.value)

    def plan(self, rooms: Rooms) -> Allocation:
        """The plan with ``rooms``."""
        starts = self.starts
        planner = _Planner(starts, _capacity(rooms, starts.first, starts.days))
        placed: list[tuple[_Group, int]] = []
        failed: list[_Group] = []
        for group in self.groups:
            index = planner.place(group)
            if index is None:
                failed.append(group)
            else:
                placed.append((group, index))
        unplaced = list(self.unplaced)
        for group in failed:  # the fix is worked out on what the finished plan leaves free
            needed, with_rooms, latest = planner.diagnose(group)
            reason = Reason.ROOMS if needed is not None else Reason.TOO_LATE
            unplaced.extend(
                Unplaced(
                    self.people[member],
                    member,
                    reason,
                    group.track,
                    self.deadlines[member],
                    needed,
                    with_rooms,
                    latest,
                )
                for member in group.members
            )
        unplaced.sort(key=lambda item: item.index)
        cohorts = _cohorts(placed, starts, self.people, self.deadlines, self.prefix)
        use = room_use(cohort.schedule for cohort in cohorts)
        return Allocation(
            cohorts=cohorts,
            unplaced=tuple(unplaced),
            rooms=rooms,
            window=self.window,
            method=self.method,
            cohort_size=self.size,
            room_use=tuple(use.items()),
        )


def _track_of(grade: str) -> Track | None:
    try:
        return Track.for_grade(grade)
    except ValidationError:
        return None


def _numeral(number: int) -> str:
    """A cohort's number in its name: Roman numerals, Arabic ones past 3,999 (none in Roman).

    Example:
        >>> _numeral(12), _numeral(4000)
        ('XII', '4000')
    """
    return int_to_roman(number) if number < 4000 else str(number)


def _cohorts(
    placed: Sequence[tuple[_Group, int]],
    starts: _Starts,
    people: Sequence[Participant],
    deadlines: Sequence[datetime.date],
    prefix: str,
) -> tuple[PlannedCohort, ...]:
    order = sorted(placed, key=lambda item: (starts.dates[item[1]], item[0].track.value))
    days = sorted({starts.dates[index] for _, index in order})
    waves = {day: number for number, day in enumerate(days, start=1)}
    numbers: dict[Track, int] = {}
    cohorts: list[PlannedCohort] = []
    for group, index in order:
        number = numbers[group.track] = numbers.get(group.track, 0) + 1
        schedule = attrs.evolve(starts.schedules[index], track=group.track)
        cohorts.append(
            PlannedCohort(
                id=f"{prefix}-{group.track.value.lower()}-{number:03d}",
                name=f"Latsar Golongan {group.track.value} Angkatan {_numeral(number)}",
                track=group.track,
                wave=waves[starts.dates[index]],
                schedule=schedule,
                participants=tuple([people[i] for i in group.members]),
                deadlines=tuple([deadlines[i] for i in group.members]),
            )
        )
    return tuple(cohorts)
