"""Latsar schedules: phases in class and out of class, planned on the working calendar.

A schedule is a sequence of :class:`Phase` values, each of a kind (MOOC,
e-learning, distance learning, classroom, habituation), in class or out of
class, with its first and last day and the weekdays that count as training
days in it. Its days are counted in training days on a
:class:`~pelatihan.calendar.Calendar`, so national holidays and *cuti bersama*
do not count.

:func:`plan_schedule` lays a cohort's phases out from its first day, following
the rulebook of the regime in force:

    >>> import datetime
    >>> from pelatihan import plan_schedule
    >>> plan = plan_schedule(datetime.date(2019, 10, 17), "III", "klasikal")
    >>> plan.regime, plan.days_in_class, plan.days_out_of_class, plan.days_total
    ('perlan-12-2018', 21, 30, 51)
    >>> for phase in plan.phases:
    ...     print(phase.kind.value, phase.start, phase.end, phase.training_days())
    klasikal 2019-10-17 2019-11-11 18
    habituasi 2019-11-12 2019-12-23 30
    klasikal 2019-12-26 2019-12-30 3

A schedule built from another source (an organiser's plan, an HR export) is
checked against its rulebook with :func:`pelatihan.validate_schedule`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from pelatihan.calendar import WORKWEEK, Calendar
from pelatihan.grades import Track
from pelatihan.legal import regime_on
from pelatihan.provenance import Figure
from pelatihan.rulebooks import OpenFigureError, Rulebook, get
from pelatihan.training import Method, PhaseKind, Setting

__all__ = ["DEFAULT_CALENDAR", "Phase", "Schedule", "plan_schedule"]

DEFAULT_CALENDAR = Calendar()
"""The Indonesia-wide working calendar (national holidays and cuti bersama)."""


def _weekdays(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


def phases_tuple(value: Iterable[Phase]) -> tuple[Phase, ...]:
    """Converter of a sequence of phases (shared by the models that hold phases)."""
    return tuple(value)


def _kind(value: PhaseKind | str) -> PhaseKind:
    return PhaseKind.parse(value)


def method_or_none(value: Method | str | None) -> Method | None:
    """Converter of an optional delivery method given as a member or its name."""
    return None if value is None else Method.parse(value)


def track_or_none(value: Track | str | None) -> Track | None:
    """Converter of an optional Latsar track given as a member or its name."""
    if value is None or isinstance(value, Track):
        return value
    return Track.parse(value)


@attrs.frozen
class Phase:
    """One phase of a schedule.

    Args:
        kind: What happens in it (a :class:`~pelatihan.training.PhaseKind` or its name).
        start: Its first day.
        end: Its last day (inclusive).
        weekdays: The weekdays that are training days in it (``date.weekday()``
            numbers; Monday to Friday by default, add 5 for Saturday classes).
        label: A name, when a kind appears more than once (``"on campus 2"``).

    Example:
        >>> phase = Phase("e-learning", datetime.date(2024, 5, 20), datetime.date(2024, 6, 21))
        >>> phase.kind.value, phase.setting.label
        ('elearning', 'out of class')
        >>> phase.training_days()  # Waisak, Idul Adha and their cuti bersama are closed
        21
    """

    kind: PhaseKind = attrs.field(converter=_kind)
    start: datetime.date
    end: datetime.date
    weekdays: frozenset[int] = attrs.field(default=WORKWEEK, converter=_weekdays)
    label: str = ""

    @property
    def setting(self) -> Setting:
        """In class or out of class, from the kind."""
        return self.kind.setting

    def training_days(self, calendar: Calendar = DEFAULT_CALENDAR) -> int:
        """The number of training days from start to end on ``calendar``."""
        return calendar.count_training_days(self.start, self.end, self.weekdays)


@attrs.frozen
class Schedule:
    """A cohort's schedule: its phases, and what it claims to be.

    Args:
        phases: The phases, in the order given.
        calendar: The calendar its days are counted on.
        regime: The regime the schedule claims to follow (a regime id), if any.
        method: The delivery method, if known.
        track: The Latsar track, if known.
        klasikal_approved: Whether the Head of LAN approved classroom delivery
            in writing (needed for classroom cohorts from 2024).
        jp: The lesson hours (JP) the rulebook gives the method, when it gives them.

    Example:
        >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
        >>> plan.start, plan.end, plan.days_total, plan.jp.value
        (datetime.date(2024, 4, 22), datetime.date(2024, 8, 12), 74, 647)
    """

    phases: tuple[Phase, ...] = attrs.field(converter=phases_tuple)
    calendar: Calendar = DEFAULT_CALENDAR
    regime: str | None = None
    method: Method | None = attrs.field(default=None, converter=method_or_none)
    track: Track | None = attrs.field(default=None, converter=track_or_none)
    klasikal_approved: bool = False
    jp: Figure[int | None] | None = None

    @property
    def start(self) -> datetime.date | None:
        """The earliest first day of any phase (``None`` without phases)."""
        return min((phase.start for phase in self.phases), default=None)

    @property
    def end(self) -> datetime.date | None:
        """The latest last day of any phase (``None`` without phases)."""
        return max((phase.end for phase in self.phases), default=None)

    def phase_days(self) -> tuple[int, ...]:
        """The training days of each phase, in order."""
        return tuple(phase.training_days(self.calendar) for phase in self.phases)

    def days_in(self, setting: Setting) -> int:
        """The training days of all phases in ``setting``."""
        return sum(
            days
            for phase, days in zip(self.phases, self.phase_days(), strict=True)
            if phase.setting is setting
        )

    def in_class_days(self) -> tuple[datetime.date, ...]:
        """The training days of the phases in class, in order: the days a cohort needs a room.

        Example:
            >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
            >>> [day.isoformat() for day in plan.in_class_days()]  # doctest: +NORMALIZE_WHITESPACE
            ['2024-08-05', '2024-08-06', '2024-08-07', '2024-08-08', '2024-08-09',
             '2024-08-12']
        """
        days = {
            day
            for phase in self.phases
            if phase.setting is Setting.IN_CLASS
            for day in self.calendar.training_days(phase.start, phase.end, phase.weekdays)
        }
        return tuple(sorted(days))

    @property
    def days_in_class(self) -> int:
        """Training days in class."""
        return self.days_in(Setting.IN_CLASS)

    @property
    def days_out_of_class(self) -> int:
        """Training days out of class."""
        return self.days_in(Setting.OUT_OF_CLASS)

    @property
    def days_total(self) -> int:
        """Training days of all phases."""
        return sum(self.phase_days())


def plan_schedule(
    start: datetime.date,
    track: Track | str,
    method: Method | str,
    regime: str | None = None,
    calendar: Calendar | None = None,
    *,
    rulebook: Rulebook | None = None,
    klasikal_approved: bool = False,
) -> Schedule:
    """Plan a cohort's schedule from its first day.

    Phases follow the rulebook's order and day counts, each on its own
    training days: the first phase starts on the first training day on or after
    ``start``, and each phase starts on the first training day after the
    previous one ends. Closed days (holidays, *cuti bersama*, the calendar's
    closures) are skipped.

    Args:
        start: The cohort's first day.
        track: The Latsar track (``"II"`` or ``"III"``).
        method: The delivery method (``"klasikal"``, ``"blended"``, ``"distance"``).
        regime: The regime id; by default the one in force on ``start``.
        calendar: The calendar to plan on; the Indonesia-wide one by default.
        rulebook: A rulebook to plan with (an organiser's variant); by default
            the shipped rulebook of the regime.
        klasikal_approved: Whether classroom delivery was approved in writing.

    Raises:
        NoRegimeError: If no regime is modelled for ``start``.
        OpenFigureError: If the method is not available in the regime, or a
            phase's day count is not established; the message names the figure
            to supply in a rulebook variant.

    Example:
        >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
        >>> [(p.kind.value, p.training_days()) for p in plan.phases]
        [('mooc', 16), ('elearning', 22), ('habituasi', 30), ('klasikal', 6)]
        >>> plan_schedule(datetime.date(2022, 3, 1), "II", "klasikal")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pelatihan.rulebook.OpenFigureError: ... 'methods.klasikal.phases[0].days' ...
    """
    calendar = calendar or DEFAULT_CALENDAR
    track = Track.parse(track) if isinstance(track, str) else track
    method = Method.parse(method)
    if rulebook is None:
        rulebook = get(regime or regime_on(start).id)
    rules = rulebook.method(method)
    if not rules.available.value:
        raise OpenFigureError(
            f"{rulebook.title} does not provide the method {method.value}: {rules.available.note}",
            f"{rulebook.title} tidak menyediakan metode {method.value}",
            value=method.value,
        )
    phases: list[Phase] = []
    day = start
    for index, rule in enumerate(rules.phases):
        days = rule.days.value
        if days is None:
            path = f"methods.{method.value}.phases[{index}].days"
            raise OpenFigureError(
                f"cannot plan: {rulebook.title} does not establish the days of the "
                f"{rule.label or rule.kind.value} phase of {method.value} delivery; supply "
                f"{path!r} in a rulebook variant (Rulebook.variant)",
                f"tidak dapat merencanakan: {rulebook.title} tidak menetapkan jumlah hari tahap "
                f"{rule.label or rule.kind.value} untuk metode {method.value}; isi {path!r} "
                "dalam varian buku aturan (Rulebook.variant)",
                value=path,
            )
        if days == 0:
            continue
        first = calendar.next_training_day(day, rule.weekdays)
        last = calendar.nth_training_day(first, days, rule.weekdays)
        phases.append(Phase(rule.kind, first, last, rule.weekdays, rule.label))
        day = last + datetime.timedelta(days=1)
    return Schedule(
        phases=tuple(phases),
        calendar=calendar,
        regime=rulebook.regime,
        method=method,
        track=track,
        klasikal_approved=klasikal_approved,
        jp=rules.jp_total,
    )
