"""Planning an intake: the year's CPNS split into cohorts and waves that finish within probation.

:func:`allocate` takes the participants of an intake, the classrooms there
are, a window of dates and the delivery method, and returns an
:class:`Allocation`: cohorts of one track each, no larger than the cohort-size
limit, whose start dates are chosen on the training calendar so that their
in-class phases never need more rooms than exist on any day, and so that every
placed participant's cohort ends within their probation year. A participant
who cannot be placed is never dropped: the allocation lists them with the
reason and what would fix it (more rooms, or an earlier start).

    >>> import datetime
    >>> from pelatihan import Participant, allocate
    >>> intake = [
    ...     Participant("19950417 202506 2 004", "Dewi Lestari", "III/a", "Dinas Kesehatan"),
    ...     Participant("19980102 202506 1 001", "Budi Santoso", "III/a", "Dinas Pendidikan"),
    ...     Participant("20010305 202506 2 002", "Sri Wahyuni", "II/a", "Dinas Pendidikan"),
    ... ]
    >>> plan = allocate(intake, rooms=1, window=(datetime.date(2025, 7, 1),
    ...                 datetime.date(2025, 12, 31)), method="blended")
    >>> [(c.name, c.track.value, c.start.isoformat(), c.end.isoformat(), len(c.participants))
    ...  for c in plan.cohorts]  # doctest: +NORMALIZE_WHITESPACE
    [('Latsar Golongan II Angkatan I', 'II', '2025-07-01', '2025-09-26', 1),
     ('Latsar Golongan III Angkatan I', 'III', '2025-07-04', '2025-10-01', 2)]
    >>> plan.all_placed, plan.peak_rooms
    (True, 1)

The two cohorts share one classroom: the second starts three training days
after the first, so that its three classroom days follow the first's.

**The algorithm.** Participants are grouped by track (and, when asked, by
agency), ordered by the end of their probation year (their *deadline*), and cut
into cohorts of consecutive deadlines, as equal in size as the limit allows.
Cohorts are then placed in order of deadline (*earliest deadline first*), each
on the earliest start in the window whose in-class days all have a room free,
that is on or after its participants' TMT, and whose schedule ends within the
window. A cohort whose earliest such start ends after its deadline cannot be
placed: its participants are reported with the rooms that would have let it
start in time, or the latest start that would have worked. The schedule of a
start is the one :func:`~pelatihan.plan_schedule` lays out on the calendar:
the same rule that ``pelatihan plan`` and ``pelatihan validate`` use.

Why earliest deadline first: when every cohort's schedule has the same
length, a plan that places every cohort can always be rearranged so that
cohorts start in order of deadline (swapping the starts of two cohorts placed
out of order keeps both within their deadlines, as the later start goes to the
later deadline), and then the greedy choice, the earliest free start for the
most urgent cohort, never does worse than that plan. Where it is not optimal:
the schedule changes with the start (a regime boundary in the window, or
holidays that stretch one start more than another), in-class phases split in
two (classroom delivery under PerLAN 12/2018) can interleave in ways a greedy
choice does not foresee, and keeping agencies together gives cohorts whose
first TMT and last TMT differ. The plan then is a good one, not necessarily the
best one; :func:`least_rooms` searches the room count with the same planner.

**Speed.** Each start's schedule is planned once; the room use of each day is
an array, and the starts a cohort can no longer use (their in-class days full)
are skipped for good with a disjoint-set "next free start" pointer, so placing
all cohorts costs about the number of cohorts times their in-class days.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import functools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from pelatihan.calendar import Calendar
from pelatihan.cohort import Cohort, Organizer, Participant, int_to_roman, tmt_of
from pelatihan.errors import ValidationError
from pelatihan.evaluation import probation_end
from pelatihan.grades import Track
from pelatihan.provenance import Figure, Status
from pelatihan.rulebooks import OpenFigureError, Rulebook, get
from pelatihan.schedule import DEFAULT_CALENDAR, Schedule, plan_schedule
from pelatihan.training import Method

__all__ = [
    "Allocation",
    "PlannedCohort",
    "Reason",
    "Unplaced",
    "allocate",
    "room_use",
]

Rooms = int | Mapping[datetime.date, int]
"""Classrooms for in-class phases: the same number every day, or a number per day (0 if absent)."""


def room_use(schedules: Iterable[Schedule]) -> dict[datetime.date, int]:
    """The rooms the in-class days of ``schedules`` need, by day (days with none left out).

    One room per cohort on each training day of its in-class phases.

    Example:
        >>> from pelatihan import plan_schedule
        >>> one = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
        >>> two = plan_schedule(datetime.date(2024, 4, 23), "III", "blended")
        >>> {day.isoformat(): n for day, n in room_use([one, two]).items() if n > 1}
        ... # doctest: +NORMALIZE_WHITESPACE
        {'2024-08-06': 2, '2024-08-07': 2, '2024-08-08': 2, '2024-08-09': 2,
         '2024-08-12': 2}
    """
    use: dict[datetime.date, int] = {}
    for schedule in schedules:
        for day in schedule.in_class_days():
            use[day] = use.get(day, 0) + 1
    return dict(sorted(use.items()))


class Reason(enum.Enum):
    """Why a participant is not placed."""

    NO_TMT = "no-tmt"
    """The TMT CPNS is not known: no TMT given, and a NIP that is not valid."""
    NO_TRACK = "no-track"
    """The track is not known: a grade that names no track, and no track given."""
    DUPLICATE = "duplicate"
    """The NIP is given twice in the intake; the first is planned."""
    TOO_LATE = "too-late"
    """No start in the window ends within the probation year (an earlier start is needed)."""
    ROOMS = "rooms"
    """Starts that end in time exist, but their in-class days have no room free."""


@attrs.frozen
class PlannedCohort:
    """A cohort of the plan.

    Args:
        id: Its id (``latsar-2025-iii-001``).
        name: Its name (``Latsar Golongan III Angkatan I``).
        track: Its track.
        wave: The number of its wave: the cohorts that start on one day form a wave,
            numbered in order of the day.
        schedule: Its schedule, planned from its first day.
        participants: Its participants, in order of their deadline.
        deadlines: Each participant's last day of probation, in the same order.
    """

    id: str
    name: str
    track: Track
    wave: int
    schedule: Schedule
    participants: tuple[Participant, ...]
    deadlines: tuple[datetime.date, ...]

    @property
    def start(self) -> datetime.date:
        """The first day."""
        return self.schedule.phases[0].start

    @property
    def end(self) -> datetime.date:
        """The last day."""
        return self.schedule.phases[-1].end

    def to_cohort(self, organizer: Organizer | None = None) -> Cohort:
        """The cohort as the models hold it (for the JSON cohort format and :func:`validate`)."""
        return Cohort(
            id=self.id,
            name=self.name,
            track=self.track,
            method=self.schedule.method,
            organizer=organizer,
            phases=self.schedule.phases,
            participants=self.participants,
            regime=self.schedule.regime,
        )


@attrs.frozen
class Unplaced:
    """A participant the plan could not place, with the reason and the fix.

    Args:
        participant: The participant.
        index: Their position in the intake (0 for the first).
        reason: Why they are not placed.
        track: Their track, when known.
        deadline: The last day of their probation year, when known.
        rooms_needed: For :attr:`Reason.ROOMS`: the rooms that, on the in-class days
            of :attr:`start_with_rooms`, would have let their cohort start in time.
        start_with_rooms: The start their cohort could have had with ``rooms_needed``.
        latest_start: The latest start whose schedule ends by ``deadline`` (on or
            after their TMT); for :attr:`Reason.TOO_LATE` it is before the window
            opens, or ``None`` when no start from the TMT ends in time.
    """

    participant: Participant
    index: int
    reason: Reason
    track: Track | None = None
    deadline: datetime.date | None = None
    rooms_needed: int | None = None
    start_with_rooms: datetime.date | None = None
    latest_start: datetime.date | None = None

    def message(self, lang: str = "en") -> str:
        """Why the participant is not placed, and what would fix it, in ``"en"`` or ``"id"``.

        Example:
            >>> person = Participant("123", "Dewi", "III/a", "Dinkes")
            >>> Unplaced(person, 0, Reason.NO_TMT).message("id")  # doctest: +ELLIPSIS
            'TMT CPNS tidak diketahui: ...'
        """
        en, id_ = self._texts()
        return id_ if lang == "id" else en

    def _texts(self) -> tuple[str, str]:
        deadline = self.deadline.isoformat() if self.deadline else "?"
        latest = self.latest_start.isoformat() if self.latest_start else "?"
        if self.reason is Reason.NO_TMT:
            en = (
                "the TMT CPNS is not known: the NIP is not valid and no TMT is given; "
                "give a valid NIP or the TMT CPNS"
            )
            id_ = (
                "TMT CPNS tidak diketahui: NIP tidak valid dan TMT tidak dicantumkan; "
                "berikan NIP yang valid atau TMT CPNS"
            )
        elif self.reason is Reason.NO_TRACK:
            grade = self.participant.grade
            en = (
                f"the track is not known from the grade {grade!r}; give a grade of golongan "
                "I, II or III, or the track (--track)"
            )
            id_ = (
                f"jalur tidak dapat ditentukan dari golongan {grade!r}; berikan golongan "
                "I, II atau III, atau jalurnya (--track)"
            )
        elif self.reason is Reason.DUPLICATE:
            nip = self.participant.nip
            en = f"the NIP {nip} is given earlier in the intake; it is planned once"
            id_ = f"NIP {nip} sudah tercantum sebelumnya; direncanakan sekali"
        elif self.reason is Reason.ROOMS:
            rooms = f"{self.rooms_needed} room" + ("" if self.rooms_needed == 1 else "s")
            en = (
                "no room is free on the in-class days of any start in the window up to "
                f"{latest} (the latest start that ends by the probation end {deadline}); "
                f"with {rooms} on those days the cohort could start on {self.start_with_rooms}"
            )
            id_ = (
                "tidak ada ruang kelas kosong pada hari-hari kelas untuk setiap tanggal mulai "
                f"dalam rentang waktu hingga {latest} (tanggal mulai terakhir yang selesai "
                f"sebelum masa percobaan berakhir {deadline}); dengan {self.rooms_needed} ruang "
                f"kelas pada hari-hari itu angkatannya dapat dimulai {self.start_with_rooms}"
            )
        elif self.latest_start is None:
            en = f"no schedule that starts on or after the TMT ends by the probation end {deadline}"
            id_ = (
                "tidak ada jadwal yang dimulai sejak TMT dan selesai sebelum masa percobaan "
                f"berakhir {deadline}"
            )
        else:
            en = (
                f"no start in the window ends by the probation end {deadline}; the cohort "
                f"must start by {latest}"
            )
            id_ = (
                "tidak ada tanggal mulai dalam rentang waktu yang selesai sebelum masa "
                f"percobaan berakhir {deadline}; angkatannya harus dimulai paling lambat {latest}"
            )
        return en, id_


@attrs.frozen
class Allocation:
    """An intake's plan: cohorts, the participants not placed, and room use per day.

    Args:
        cohorts: The cohorts, in order of start (then track).
        unplaced: The participants not placed, in intake order, each with reason and fix.
        rooms: The classrooms the plan was made for.
        window: The first and last day cohorts may use.
        method: The delivery method.
        cohort_size: The cohort-size limit, with its provenance status.
        room_use: The rooms in use on each day that has any, in order of day.
    """

    cohorts: tuple[PlannedCohort, ...]
    unplaced: tuple[Unplaced, ...]
    rooms: Rooms
    window: tuple[datetime.date, datetime.date]
    method: Method
    cohort_size: Figure[int]
    room_use: tuple[tuple[datetime.date, int], ...]

    @property
    def all_placed(self) -> bool:
        """Whether every participant of the intake is in a cohort."""
        return not self.unplaced

    @property
    def placed(self) -> int:
        """The number of participants placed."""
        return sum(len(cohort.participants) for cohort in self.cohorts)

    @property
    def waves(self) -> int:
        """The number of waves (days on which cohorts start)."""
        return len({cohort.start for cohort in self.cohorts})

    @property
    def peak_rooms(self) -> int:
        """The most rooms in use on any day (0 without cohorts)."""
        return max((used for _, used in self.room_use), default=0)

    def to_cohorts(self, organizer: Organizer | None = None) -> tuple[Cohort, ...]:
        """The planned cohorts as models: for the JSON cohort format and validation."""
        return tuple(cohort.to_cohort(organizer) for cohort in self.cohorts)


# -- the planner ------------------------------------------------------------------------------


@attrs.frozen
class _Group:
    """Participants that go into one cohort: one track, consecutive deadlines."""

    track: Track
    members: tuple[int, ...]  # indexes into the intake, in order of deadline
    release: datetime.date  # the latest TMT: no start before it
    deadline: datetime.date  # the earliest end of probation


class _Starts:
    """Every start in the window: its schedule, end and in-class days as day numbers."""

    def __init__(
        self,
        window: tuple[datetime.date, datetime.date],
        method: Method,
        calendar: Calendar,
        rulebook: Rulebook | None,
    ) -> None:
        first, last = window
        self.first = first
        self.days = (last - first).days + 1
        self.method = method
        self.calendar = calendar
        self.rulebook = rulebook
        self._plans: dict[datetime.date, Schedule | None] = {}
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
                self.dates.append(day)
                self.ends.append(plan.end)
                self.schedules.append(plan)
                self.in_class.append(tuple((d - first).days for d in plan.in_class_days()))
            day += datetime.timedelta(days=1)
        if not self.dates and problem is not None:
            raise problem
        self.monotone = all(a <= b for a, b in zip(self.ends, self.ends[1:], strict=False))

    def plan(self, day: datetime.date) -> Schedule | None:
        """The schedule of a cohort that starts on ``day`` (``None`` before any regime)."""
        if day not in self._plans:
            try:
                self._plans[day] = plan_schedule(
                    day,
                    Track.III,
                    self.method,
                    calendar=self.calendar,
                    rulebook=self.rulebook,
                )
            except OpenFigureError:
                raise
            except (LookupError, ValidationError, ValueError, OverflowError):
                self._plans[day] = None  # no regime, or beyond the calendar
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


@functools.lru_cache(maxsize=8)
def _starts(
    window: tuple[datetime.date, datetime.date],
    method: Method,
    calendar: Calendar,
    rulebook: Rulebook | None,
) -> _Starts:
    """The starts of a window, kept for the next plans of the same window (they are read only)."""
    return _Starts(window, method, calendar, rulebook)


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


_Diagnosis = tuple[int | None, datetime.date | None, datetime.date | None]
"""Rooms needed, the start they give, the latest start that ends in time."""


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
        ordered = sorted(members, key=lambda i: (deadlines[i], i))
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
            _Group(track, run, max(releases[i] for i in run), min(deadlines[i] for i in run))
            for run in runs
        )
    groups.sort(key=lambda group: (group.deadline, group.release, group.track.value))
    return groups


_SEPARATORS = str.maketrans("", "", " .-")


def _digits(nip: str) -> str:
    """The NIP without the spaces, dots and dashes it is written with."""
    return nip.translate(_SEPARATORS)


def _size_figure(
    cohort_size: int | None, rulebook: Rulebook | None, first: datetime.date
) -> Figure[int]:
    if rulebook is None:
        from pelatihan.legal import regime_on  # noqa: PLC0415 - only without a rulebook

        try:
            rulebook = get(regime_on(first).id)
        except (LookupError, ValidationError):
            rulebook = None
    shipped = rulebook.cohort_size_max if rulebook is not None else None
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
    rulebook: Rulebook | None = None,
    calendar: Calendar | None = None,
    cohort_size: int | None = None,
    track: Track | str | None = None,
    keep_agencies_together: bool = False,
    minimise_rooms: bool = False,
    id_prefix: str | None = None,
) -> Allocation:
    """Split an intake into cohorts and place them so that each finishes within probation.

    Args:
        participants: The intake, in any order.
        rooms: Classrooms for in-class phases: a number for every day, or a
            number per day (days not in the mapping have none).
        window: The first and last day the cohorts may use (both inclusive):
            every cohort starts and ends within it.
        method: The delivery method (``"blended"``, ``"klasikal"``, ``"distance"``).
        rulebook: An organiser's rulebook (a variant) to plan every cohort with;
            by default the shipped rulebook of the regime in force on each start.
        calendar: The training calendar; the Indonesia-wide one by default.
        cohort_size: The most participants in a cohort; by default the
            rulebook's ``cohort_size_max`` (a figure with its status; the
            plan's :attr:`Allocation.cohort_size` says which).
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
    intake = _Intake(
        list(participants),
        window,
        Method.parse(method),
        rulebook,
        calendar or DEFAULT_CALENDAR,
        _size_figure(cohort_size, rulebook, first),
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


class _Intake:
    """An intake made ready to plan: each start's schedule, the cohorts to place."""

    def __init__(  # noqa: PLR0917 - private, called once, by allocate
        self,
        people: list[Participant],
        window: tuple[datetime.date, datetime.date],
        method: Method,
        rulebook: Rulebook | None,
        calendar: Calendar,
        size: Figure[int],
        default_track: Track | None,
        keep_agencies_together: bool,
        prefix: str,
    ) -> None:
        self.people = people
        self.window = window
        self.method = method
        self.size = size
        self.prefix = prefix
        self.starts = _starts(window, method, calendar, rulebook)
        self.unplaced: list[Unplaced] = []
        tracks: dict[Track, list[int]] = {}
        self.deadlines: list[datetime.date] = [datetime.date.min] * len(people)
        releases: list[datetime.date] = [datetime.date.min] * len(people)
        seen: set[str] = set()
        ends_by_tmt: dict[datetime.date, datetime.date] = {}
        tracks_by_grade: dict[str, Track | None] = {}
        for index, person in enumerate(people):
            if person.grade in tracks_by_grade:
                own = tracks_by_grade[person.grade]
            else:
                own = tracks_by_grade[person.grade] = _track_of(person.grade)
            own = own or default_track
            key = _digits(person.nip)
            if key in seen:
                self.unplaced.append(Unplaced(person, index, Reason.DUPLICATE, own))
                continue
            seen.add(key)
            tmt = tmt_of(person)
            if tmt is None:
                self.unplaced.append(Unplaced(person, index, Reason.NO_TMT, own))
                continue
            deadline = ends_by_tmt.get(tmt)
            if deadline is None:
                deadline = ends_by_tmt[tmt] = probation_end(tmt)
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
                name=f"Latsar Golongan {group.track.value} Angkatan {int_to_roman(number)}",
                track=group.track,
                wave=waves[starts.dates[index]],
                schedule=schedule,
                participants=tuple(people[i] for i in group.members),
                deadlines=tuple(deadlines[i] for i in group.members),
            )
        )
    return tuple(cohorts)
