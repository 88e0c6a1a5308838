"""The plan's models: its cohorts, the participants it could not place, and room use."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping

import attrs

from pelatihan.cohort import Cohort, Organizer, Participant
from pelatihan.grades import Track
from pelatihan.provenance import Figure
from pelatihan.schedule import Schedule
from pelatihan.training import Method

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
            klasikal_approved=self.schedule.klasikal_approved,
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
