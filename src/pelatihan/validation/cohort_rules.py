"""Cohort rules: a cohort's schedule, regime, rulebook, organiser and size.

:class:`CohortRules` checks a cohort as a whole: its schedule (given by its
phases, or planned from its first day and method), the regime that governs
it and the rulebook it is checked against, its organiser's accreditation and
its size. The pipeline (:mod:`pelatihan.validation.fold`) asks it for a
cohort's schedule as soon as the cohort's facts are known (its participants'
probation deadlines need the last day) and for the cohort's findings when the
cohort is closed.

    >>> import datetime
    >>> from pelatihan import Cohort
    >>> rules = CohortRules(None, None)
    >>> cohort = Cohort("c1", "Angkatan I", track="III", method="blended",
    ...                 start=datetime.date(2025, 4, 21), participants=[])
    >>> here = Location(("cohorts", 0))
    >>> schedule, found = rules.schedule(cohort, rules.rulebook_for(cohort), here)
    >>> schedule.end.isoformat(), found
    ('2025-07-25', [])
    >>> for finding in rules.whole(cohort, None, here, 0):
    ...     print(finding.code, finding.location)
    organizer.accreditation $.cohorts[0].organizer
    cohort.empty $.cohorts[0].participants
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from pelatihan.calendar import Calendar
from pelatihan.catalogue.cohorts import (
    ACCREDITATION,
    COHORT_EMPTY,
    COHORT_SIZE,
    COHORTS_ROOMS,
    NO_SCHEDULE,
    RULEBOOK_REGIME,
)
from pelatihan.catalogue.schedules import FIGURE_OPEN, NO_REGIME, SPAN
from pelatihan.cohort import Cohort
from pelatihan.errors import ValidationError
from pelatihan.findings import Finding, Location, Severity
from pelatihan.grades import Track
from pelatihan.legal import NoRegimeError, get_regime, resolve
from pelatihan.planning import room_use
from pelatihan.provenance import Figure, Status
from pelatihan.rulebooks import OpenFigureError, Rulebook, get
from pelatihan.schedule import Schedule, plan_schedule
from pelatihan.training import Method
from pelatihan.validation.schedule_rules import (
    known_regime,
    method_not_provided,
    regime_findings,
    schedule_findings,
)

__all__ = ["PROBATION_MARGIN_DAYS", "CohortRules", "room_findings", "size_severity"]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

PROBATION_MARGIN_DAYS: Figure[int] = Figure(
    30,
    Status.OPEN,
    None,
    note="How close to the end of the probation year a Latsar end is worth a warning: a "
    "default of this library, not a regulation figure; pass probation_margin_days= to change it.",
)
"""Days before the end of the probation year within which a Latsar end is a warning."""


def size_severity(limit: Figure[int | None]) -> Severity:
    """The severity of a cohort over ``limit``: an error only when the limit is established.

    A limit read in a regulation (REG) or supplied by the organiser (USER) is
    binding; one that is reported, inferred or open (SEC, INF, OPEN) is not, and
    a cohort over it is a warning.

    Example:
        >>> from pelatihan import rulebooks
        >>> shipped = rulebooks.get("perlan-1-2021").cohort_size_max
        >>> shipped.status.value, size_severity(shipped).value
        ('INF', 'warning')
        >>> size_severity(shipped.override(35)).value
        'error'
    """
    return _E if limit.status in {Status.REG, Status.USER} else _W


def _placed_below(here: Location, found: Iterable[Finding]) -> Iterator[Finding]:
    """Findings made at the top (``$``) of what they are about, placed below ``here``."""
    return (attrs.evolve(one, location=here.below(*one.location.keys)) for one in found)


class CohortRules:
    """The checks of a cohort as a whole; remembers the plans cohorts share.

    Args:
        calendar: The calendar to count days on (Indonesia-wide when ``None``).
        rulebook: One rulebook for every cohort, rulebooks by regime id, or
            ``None`` for each cohort's regime's shipped rulebook.
        in_force_from: Regimes' first days the caller knows, in place of the
            shipped boundaries.
    """

    def __init__(
        self,
        calendar: Calendar | None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None,
        in_force_from: Mapping[str, datetime.date] | None = None,
    ) -> None:
        self.calendar = calendar
        self.in_force_from = dict(in_force_from) if in_force_from else None
        self.rulebook: Rulebook | None = None
        self.by_regime: dict[str, Rulebook] | None = None
        if isinstance(rulebook, Rulebook):
            self.rulebook = rulebook
        elif rulebook is not None:
            self.by_regime = dict(rulebook)
        # plans and their findings at the top, by what they are planned from: cohorts of a
        # national export share first days, tracks and methods
        self.plans: dict[tuple[object, ...], tuple[Schedule | None, tuple[Finding, ...]]] = {}
        # findings at the top of schedules given phase by phase, by what they are checked on:
        # an agency's export repeats a few schedules over many cohorts
        self.checked: dict[tuple[object, ...], tuple[Finding, ...]] = {}

    def schedule(
        self, cohort: Cohort, rulebook: Rulebook | None, here: Location
    ) -> tuple[Schedule | None, list[Finding]]:
        """The cohort's schedule, if it has one, and the findings on it (and on its regime)."""
        found: list[Finding] = []
        schedule: Schedule | None = None
        if cohort.phases:
            schedule = cohort.schedule(self.calendar)
            if schedule is not None:
                found.extend(self.schedule_checked(schedule, rulebook, here))
        elif cohort.start is not None and cohort.method is not None:
            schedule = self.plan(cohort, cohort.start, cohort.method, rulebook, here, out=found)
        else:
            found.append(
                NO_SCHEDULE.finding(
                    here,
                    "the cohort has no phases, nor a first day and method to plan from; the "
                    "schedule and the probation deadline were not checked",
                    "angkatan tidak memiliki tahap, maupun tanggal mulai dan metode untuk "
                    "direncanakan; jadwal dan batas masa percobaan tidak diperiksa",
                )
            )
        return schedule, found

    def schedule_checked(
        self, schedule: Schedule, rulebook: Rulebook | None, here: Location
    ) -> Iterator[Finding]:
        """The findings on a schedule given phase by phase, worked out once per schedule.

        What :func:`~pelatihan.validation.schedule_rules.schedule_findings` finds
        depends on the schedule and the rulebook only: found at the top, then
        placed below ``here``. The rulebooks and the calendar are the checker's
        own (or shipped ones), alive while it is, so their identities are keys.
        """
        key = (
            schedule.phases,
            schedule.regime,
            schedule.method,
            schedule.track,
            schedule.klasikal_approved,
            id(schedule.calendar),
            None if rulebook is None else id(rulebook),
        )
        cached = self.checked.get(key)
        if cached is None:
            cached = tuple(
                schedule_findings(schedule, rulebook, Location(), in_force_from=self.in_force_from)
            )
            self.checked[key] = cached
        return _placed_below(here, cached)

    def whole(
        self, cohort: Cohort, rulebook: Rulebook | None, here: Location, count: int
    ) -> list[Finding]:
        """The findings on a cohort of ``count`` participants besides its schedule."""
        return [
            *self.organizer(cohort, here),
            *self.size(count, rulebook, here),
            *self.rulebook_regime(cohort, rulebook, here),
        ]

    def plan(
        self,
        cohort: Cohort,
        start: datetime.date,
        method: Method,
        rulebook: Rulebook | None,
        here: Location,
        *,
        out: list[Finding],
    ) -> Schedule | None:
        """Plan a cohort given by its first day; report why when it cannot be planned."""
        out.extend(self.claimed_regime(cohort, start, here))
        if rulebook is None:
            return None  # no regime for the start: reported by claimed_regime
        if not rulebook.method(method).available.value:
            out.append(method_not_provided(rulebook, method, here))
            return None
        track = cohort.track or Track.III
        key = (start, track, method, cohort.klasikal_approved, rulebook.id, id(rulebook))
        cached = self.plans.get(key)
        if cached is None:
            cached = self.planned(start, track, method, cohort.klasikal_approved, rulebook)
            self.plans[key] = cached
        schedule, findings = cached
        out.extend(_placed_below(here, findings))
        return schedule

    def planned(
        self,
        start: datetime.date,
        track: Track,
        method: Method,
        approved: bool,
        rulebook: Rulebook,
    ) -> tuple[Schedule | None, tuple[Finding, ...]]:
        """A plan and its findings at ``$``, or why it cannot be made."""
        try:
            schedule = plan_schedule(
                start,
                track,
                method,
                calendar=self.calendar,
                rulebook=rulebook,
                klasikal_approved=approved,
            )
        except OpenFigureError as error:
            return None, (
                FIGURE_OPEN.finding(
                    Location(),
                    f"{error.message_en}; the schedule and the probation deadline were not checked",
                    f"{error.message_id}; jadwal dan batas masa percobaan tidak diperiksa",
                    value=error.value,
                ),
            )
        except ValidationError as error:  # the calendar cannot reach that far
            return None, (
                SPAN.finding(
                    Location(),
                    f"{error.message_en}; the schedule and the probation deadline were not checked",
                    f"{error.message_id}; jadwal dan batas masa percobaan tidak diperiksa",
                    value=error.value,
                ),
            )
        found = schedule_findings(schedule, rulebook, Location(), in_force_from=self.in_force_from)
        return schedule, tuple(found)

    def rulebook_for(self, cohort: Cohort) -> Rulebook | None:
        """The rulebook a cohort is checked against (``None`` when it has no regime)."""
        if self.rulebook is not None:
            return self.rulebook
        regime = _regime_of(cohort, self.in_force_from)
        if regime is None:
            return None
        if self.by_regime is not None and regime in self.by_regime:
            return self.by_regime[regime]
        return get(regime)

    def rulebook_regime(
        self, cohort: Cohort, rulebook: Rulebook | None, here: Location
    ) -> Iterator[Finding]:
        """Say so when the rulebook supplied is not of the cohort's regime."""
        if rulebook is None or (self.rulebook is None and self.by_regime is None):
            return
        regime = _regime_of(cohort, self.in_force_from)
        if regime is None:
            return
        if self.rulebook is not None and regime == self.rulebook.regime:
            return
        if self.by_regime is not None and regime in self.by_regime:
            return
        name = _regime_name(regime)
        if self.rulebook is not None:
            en = (
                f"the cohort is governed by {name}, but it was checked against the rulebook "
                f"{rulebook.id}, which is of {rulebook.regime}"
            )
            id_ = (
                f"angkatan diatur oleh {name}, tetapi diperiksa dengan buku aturan "
                f"{rulebook.id}, yang berlaku untuk {rulebook.regime}"
            )
        else:
            supplied = ", ".join(
                f"{book.id} is of {book.regime}" for book in (self.by_regime or {}).values()
            )
            en = (
                f"the cohort is governed by {name}, and no rulebook was supplied for it "
                f"({supplied}); it was checked against the shipped rulebook of {regime}"
            )
            id_ = (
                f"angkatan diatur oleh {name}, dan tidak ada buku aturan yang diberikan untuknya "
                f"({supplied}); angkatan diperiksa dengan buku aturan bawaan {regime}"
            )
        yield RULEBOOK_REGIME.finding(here, en, id_, value=regime)

    def claimed_regime(
        self, cohort: Cohort, start: datetime.date, here: Location
    ) -> Iterator[Finding]:
        """The regime a cohort planned from its first day falls under, and the one it names."""
        try:
            resolution = resolve(
                start, known_regime(cohort.regime), in_force_from=self.in_force_from
            )
        except NoRegimeError as error:
            yield NO_REGIME.finding(
                here.child("start"), error.message_en, error.message_id, value=start
            )
            return
        yield from regime_findings(resolution, cohort.regime, start, here)

    def organizer(self, cohort: Cohort, here: Location) -> Iterator[Finding]:
        """Say so unless the organiser is known to be accredited by LAN."""
        organizer = cohort.organizer
        if organizer is not None and organizer.accredited is True:
            return
        if organizer is None:
            en, id_ = "no organiser is given", "penyelenggara tidak dicantumkan"
        elif organizer.accredited is False:
            en = f"the organiser {organizer.name!r} is not accredited by LAN"
            id_ = f"penyelenggara {organizer.name!r} tidak terakreditasi LAN"
        else:
            en = f"the organiser {organizer.name!r} is not known to be accredited by LAN"
            id_ = f"penyelenggara {organizer.name!r} tidak diketahui terakreditasi LAN"
        yield ACCREDITATION.finding(here.child("organizer"), en, id_)

    def size(self, count: int, rulebook: Rulebook | None, here: Location) -> Iterator[Finding]:
        """A cohort without participants, or with more than the rulebook's limit."""
        if count == 0:
            yield COHORT_EMPTY.finding(
                here.child("participants"),
                "the cohort has no participants",
                "angkatan tidak memiliki peserta",
            )
            return
        if rulebook is None:
            return
        figure = rulebook.cohort_size_max
        limit = figure.value
        if limit is not None and count > limit:
            yield COHORT_SIZE.finding(
                here.child("participants"),
                f"the cohort has {count} participants; the limit is {limit} "
                f"({figure.status.value})",
                f"angkatan memiliki {count} peserta; batasnya {limit} ({figure.status.value})",
                value=count,
                figure=figure,
                severity=size_severity(figure),
            )


def _regime_of(
    cohort: Cohort, in_force_from: Mapping[str, datetime.date] | None = None
) -> str | None:
    """The id of the regime that governs a cohort (:func:`~pelatihan.regimes.resolve`).

    By its first day, or the regime it claims where only a boundary that is not
    established separates the two; without a first day, the one it claims.
    """
    day = cohort.first_day
    if day is None:
        return cohort.regime or None
    try:
        return resolve(day, known_regime(cohort.regime), in_force_from=in_force_from).regime.id
    except NoRegimeError:
        return None


def _regime_name(regime: str) -> str:
    try:
        return get_regime(regime).name
    except ValidationError:
        return regime


def room_findings(
    cohorts: Sequence[tuple[Location, str, Schedule]], rooms: Figure[int]
) -> list[Finding]:
    """The runs of days on which the cohorts' in-class phases need more rooms than ``rooms``.

    One ``cohorts.rooms`` error per run of consecutive days over the limit, at the
    first cohort (in the order given) in class on its first day, naming the cohorts
    in class then. ``cohorts`` gives each cohort's location, name and schedule.

    Example:
        >>> from pelatihan import plan_schedule
        >>> from pelatihan.provenance import Figure, Status
        >>> one = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
        >>> two = plan_schedule(datetime.date(2024, 4, 23), "III", "blended")
        >>> found = room_findings([(Location(("cohorts", 0)), "A", one),
        ...                        (Location(("cohorts", 1)), "B", two)],
        ...                       Figure(1, Status.USER, source="--rooms"))
        >>> [(f.code, f.location.path) for f in found]
        [('cohorts.rooms', '$.cohorts[0]')]
        >>> found[0].message()  # doctest: +ELLIPSIS
        '2 cohorts are in class on 2024-08-06 to 2024-08-12 (5 days), ...'
    """
    limit = rooms.value
    use = room_use(schedule for _, _, schedule in cohorts)
    position = {day: index for index, day in enumerate(use)}  # the days with a cohort in class
    runs: list[list[datetime.date]] = []
    for day in (day for day, used in use.items() if used > limit):
        if runs and position[runs[-1][-1]] + 1 == position[day]:
            runs[-1].append(day)
        else:
            runs.append([day])
    found: list[Finding] = []
    for run in runs:
        first = run[0]
        days = set(run)
        present = [
            (where, name)
            for where, name, schedule in cohorts
            if days & set(schedule.in_class_days())
        ]
        peak = max(use[day] for day in run)
        names = ", ".join(name for _, name in present[:10]) + (", ..." if len(present) > 10 else "")
        span = first.isoformat() if len(run) == 1 else f"{first} to {run[-1]}"
        found.append(
            COHORTS_ROOMS.finding(
                present[0][0],
                f"{peak} cohorts are in class on {span} ({len(run)} days), but there are "
                f"{limit} rooms: {names}",
                f"{peak} angkatan berada di kelas pada {span} ({len(run)} hari), padahal "
                f"ruang kelas hanya {limit}: {names}",
                value=peak,
                figure=rooms,
            )
        )
    return found
