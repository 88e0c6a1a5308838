"""Placing cohorts: each start's schedule, the rooms per day, earliest deadline first."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Mapping, Sequence

import attrs

from pelatihan.calendar import Calendar
from pelatihan.errors import ValidationError
from pelatihan.grades import Track
from pelatihan.planning._models import Rooms
from pelatihan.regimes import NoRegimeError, resolve
from pelatihan.rulebooks import OpenFigureError, Rulebook, get
from pelatihan.schedule import Schedule, plan_schedule
from pelatihan.training import Method


@attrs.frozen
class _Group:
    """Participants that go into one cohort: one track, consecutive deadlines."""

    track: Track
    members: tuple[int, ...]  # indexes into the intake, in order of deadline
    release: datetime.date  # the latest TMT: no start before it
    deadline: datetime.date  # the earliest end of probation


class _Starts:
    """Every start in the window: its schedule, end and in-class days as day numbers.

    Each start is planned under the regime in force on it (:func:`~pelatihan.regimes.resolve`,
    with the caller's ``in_force_from``), with the caller's rulebook of that regime where
    there is one, else the regime's shipped rulebook.
    """

    def __init__(  # noqa: PLR0917 - private, made by allocate only
        self,
        window: tuple[datetime.date, datetime.date],
        method: Method,
        calendar: Calendar,
        books: tuple[tuple[str, Rulebook], ...],
        in_force_from: tuple[tuple[str, datetime.date], ...],
        klasikal_approved: bool,
    ) -> None:
        first, last = window
        self.first, self.last = first, last
        self.days = (last - first).days + 1
        self.method = method
        self.calendar = calendar
        self.books = dict(books)
        self.in_force_from = dict(in_force_from) or None
        self.klasikal_approved = klasikal_approved
        self._plans: dict[datetime.date, Schedule | None] = {}
        self.rulebooks: dict[str, Rulebook] = {}  # by regime: those the window's starts use
        self.dates: list[datetime.date] = []
        self.ends: list[datetime.date] = []
        self.schedules: list[Schedule] = []
        self.in_class: list[tuple[int, ...]] = []
        problem: OpenFigureError | None = None
        day = first
        while day <= last:
            try:
                plan = self.plan(day)
            except OpenFigureError as error:
                problem = problem or error
                plan = None
            if (
                plan is not None
                and plan.phases
                and plan.start == day
                and plan.end is not None
                and plan.end <= last
            ):
                book = self.rulebook_on(day)
                if book is not None:
                    self.rulebooks.setdefault(book.regime, book)
                self.dates.append(day)
                self.ends.append(plan.end)
                self.schedules.append(plan)
                self.in_class.append(tuple((d - first).days for d in plan.in_class_days()))
            day += datetime.timedelta(days=1)
        if not self.dates and problem is not None:
            raise problem
        self.monotone = all(a <= b for a, b in zip(self.ends, self.ends[1:], strict=False))

    def rulebook_on(self, day: datetime.date) -> Rulebook | None:
        """The rulebook of a cohort that starts on ``day`` (``None`` before any regime)."""
        try:
            regime = resolve(day, in_force_from=self.in_force_from).regime.id
        except NoRegimeError:
            return None
        book = self.books.get(regime)
        return book if book is not None else get(regime)

    def plan(self, day: datetime.date) -> Schedule | None:
        """The schedule of a cohort that starts on ``day`` (``None`` before any regime)."""
        if day not in self._plans:
            book = self.rulebook_on(day)
            if book is None:
                self._plans[day] = None
                return None
            try:
                self._plans[day] = plan_schedule(
                    day,
                    Track.III,
                    self.method,
                    calendar=self.calendar,
                    rulebook=book,
                    klasikal_approved=self.klasikal_approved,
                )
            except OpenFigureError:
                raise
            except (LookupError, ValidationError, ValueError, OverflowError):
                self._plans[day] = None  # beyond the calendar
        return self._plans[day]

    def latest_start(self, release: datetime.date, deadline: datetime.date) -> datetime.date | None:
        """The latest day on or after ``release`` whose schedule ends by ``deadline``."""
        day = deadline
        while day >= release and (deadline - day).days <= 3 * 366:
            try:
                plan = self.plan(day)
            except OpenFigureError:
                plan = None
            if plan is not None and plan.end is not None and plan.end <= deadline:
                return plan.start
            day -= datetime.timedelta(days=1)
        return None


def _capacity(rooms: Rooms, first: datetime.date, days: int) -> list[int]:
    if isinstance(rooms, Mapping):
        return [rooms.get(first + datetime.timedelta(days=k), 0) for k in range(days)]
    return [rooms] * days


def _check_rooms(rooms: Rooms) -> None:
    values = rooms.values() if isinstance(rooms, Mapping) else [rooms]
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"rooms must be whole numbers 0 or more, not {value!r}")


def _balanced(members: Sequence[int], size: int) -> list[tuple[int, ...]]:
    """``members`` cut into consecutive runs of at most ``size``, as equal as can be."""
    if not members:
        return []
    count = -(-len(members) // size)
    base, extra = divmod(len(members), count)
    runs: list[tuple[int, ...]] = []
    at = 0
    for number in range(count):
        length = base + (1 if number < extra else 0)
        runs.append(tuple(members[at : at + length]))
        at += length
    return runs


class _Planner:
    """Places groups on starts, earliest deadline first, for a given room capacity."""

    def __init__(self, starts: _Starts, capacity: list[int]) -> None:
        self.starts = starts
        self.capacity = capacity
        self.use = [0] * starts.days
        count = len(starts.dates)
        self.next_free = list(range(count + 1))  # disjoint sets: the next start not known full

    def _find(self, index: int) -> int:
        root = index
        while self.next_free[root] != root:
            root = self.next_free[root]
        while self.next_free[index] != root:  # path compression
            self.next_free[index], index = root, self.next_free[index]
        return root

    def _fits(self, index: int) -> bool:
        use, capacity = self.use, self.capacity
        return all(use[day] < capacity[day] for day in self.starts.in_class[index])

    def place(self, group: _Group) -> int | None:
        """The start of ``group`` (its index), booked; ``None`` when none ends in time."""
        starts = self.starts
        index = self._find(bisect.bisect_left(starts.dates, group.release))
        while index < len(starts.dates) and starts.dates[index] <= group.deadline:
            if not self._fits(index):
                self.next_free[index] = index + 1  # full for good: use only grows
                index = self._find(index)
                continue
            if starts.ends[index] <= group.deadline:
                for day in starts.in_class[index]:
                    self.use[day] += 1
                return index
            if starts.monotone:  # later starts end later still
                return None
            index = self._find(index + 1)
        return None

    def diagnose(
        self, group: _Group
    ) -> tuple[int | None, datetime.date | None, datetime.date | None]:
        """For a group not placed: rooms needed, the start they give, the latest start in time."""
        starts = self.starts
        first = bisect.bisect_left(starts.dates, group.release)
        in_time = [
            index
            for index in range(first, len(starts.dates))
            if starts.dates[index] <= group.deadline and starts.ends[index] <= group.deadline
        ]
        if not in_time:
            return None, None, starts.latest_start(group.release, group.deadline)
        best: tuple[int, int] | None = None
        for index in in_time:
            needed = max(
                (self.use[day] + 1 for day in starts.in_class[index]),
                default=0,
            )
            if best is None or needed < best[0]:
                best = (needed, index)
        assert best is not None
        return best[0], starts.dates[best[1]], starts.dates[in_time[-1]]


def _groups(
    tracks: Mapping[Track, list[int]],
    deadlines: Sequence[datetime.date],
    releases: Sequence[datetime.date],
    agencies: Sequence[str] | None,
    size: int,
) -> list[_Group]:
    groups: list[_Group] = []
    for track, members in tracks.items():
        ordered = sorted(members, key=deadlines.__getitem__)  # stable: ties in intake order
        if agencies is None:
            runs = _balanced(ordered, size)
        else:
            by_agency: dict[str, list[int]] = {}
            for index in ordered:
                by_agency.setdefault(agencies[index], []).append(index)
            units = [run for group in by_agency.values() for run in _balanced(group, size)]
            units.sort(key=lambda run: (deadlines[run[0]], run[0]))
            runs = []
            current: list[int] = []
            for unit in units:  # next fit: a unit that does not fit opens a new cohort
                if current and len(current) + len(unit) > size:
                    runs.append(tuple(current))
                    current = []
                current.extend(unit)
            if current:
                runs.append(tuple(current))
        groups.extend(
            # a run's first has the earliest deadline (agencies' runs join in order of their first)
            _Group(track, run, max(map(releases.__getitem__, run)), deadlines[run[0]])
            for run in runs
        )
    groups.sort(key=lambda group: (group.deadline, group.release, group.track.value))
    return groups
