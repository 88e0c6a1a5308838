"""Cohort rules: participants, organisers and schedules checked together, every problem reported.

The rules that look at cohorts whole: each participant (NIP, grade and track,
stated facts against the NIP, the probation deadline), the cohort (size,
organiser, schedule and regime) and the results. :func:`check` runs them over
structured cohorts or :class:`~pelatihan.Cohort` values; :func:`pelatihan.validate`
reads files too. Each returns one :class:`~pelatihan.validation.Report`. Every finding
says where it is (JSON path, and file row for tabular input), what is wrong in
English and Indonesian, and what legal basis and provenance the rule rests on.

    >>> import datetime
    >>> from pelatihan import Cohort, Organizer, Participant
    >>> cohort = Cohort(
    ...     "c1", "Angkatan I", track="III", method="blended",
    ...     organizer=Organizer("BPSDM Contoh", accredited=True),
    ...     start=datetime.date(2024, 4, 22),
    ...     participants=[
    ...         Participant("19950417 201903 2 004", "Dewi Lestari", "III/a", "Dinkes"),
    ...         Participant("19980105 202401 1 001", "Bagus Wicaksono", "II/a", "Satpol PP"),
    ...     ],
    ... )
    >>> for finding in check(cohort):
    ...     print(finding.code, finding.location)
    participant.probation $.cohorts[0].participants[0]
    participant.track $.cohorts[0].participants[1].grade
    schedule.regime-default $.cohorts[0].start
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from pelatihan import nip as nip_module
from pelatihan.calendar import Calendar
from pelatihan.catalogue.cohorts import (
    ABSENCE,
    ACCREDITATION,
    BIRTH_DATE,
    COHORT_EMPTY,
    COHORT_SIZE,
    DEFERRED,
    DUPLICATE,
    FAILED,
    GRADE_FORMAT,
    GRADE_INCONSISTENT,
    NIP_INVALID,
    NIP_RULES,
    NO_SCHEDULE,
    PARTICIPANT_TRACK,
    PASSED,
    PROBATION,
    PROBATION_NEAR,
    RESULT_COMPONENT,
    RESULT_DUPLICATE,
    RESULT_INCOMPLETE,
    RESULT_MISSING,
    RESULT_UNKNOWN,
    RULEBOOK_REGIME,
    SEX,
    TMT,
    TRACK_NONE,
)
from pelatihan.catalogue.schedules import FIGURE_OPEN, NO_REGIME, SPAN
from pelatihan.cohort import Cohort, Participant
from pelatihan.errors import ValidationError
from pelatihan.evaluation import (
    OutcomeStatus,
    Result,
    components,
    evaluate,
    probation_end,
    probation_months,
)
from pelatihan.findings import Finding, Location, Report, Severity
from pelatihan.grades import TRACK_RULES, Grade, InconsistentGrade, Track
from pelatihan.io.structure import Loaded
from pelatihan.legal import NoRegimeError, get_regime, resolve
from pelatihan.nip import Sex, YearMonth
from pelatihan.nip import _parts as nip_parts
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

__all__ = ["PROBATION_MARGIN_DAYS", "check", "size_severity"]

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


class _Place:
    """A location worked out only when a finding needs it (most records have none)."""

    __slots__ = ("_find", "_location", "index")

    def __init__(self, find: Callable[[int], Location], index: int) -> None:
        self._find = find
        self.index = index
        """What ``find`` takes to work the location out."""
        self._location: Location | None = None

    @property
    def location(self) -> Location:
        if self._location is None:
            self._location = self._find(self.index)
        return self._location

    def child(self, key: int | str) -> Location:
        return self.location.child(key)

    def __str__(self) -> str:
        return str(self.location)


class _Checker:
    def __init__(
        self,
        calendar: Calendar | None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None,
        margin_days: int,
        in_force_from: Mapping[str, datetime.date] | None = None,
    ) -> None:
        self.calendar = calendar
        # regimes' first days the caller knows, in place of the shipped boundaries
        self.in_force_from = dict(in_force_from) if in_force_from else None
        # one rulebook for every cohort, or rulebooks by regime id (the shipped one otherwise)
        self.rulebook: Rulebook | None = None
        self.by_regime: dict[str, Rulebook] | None = None
        if isinstance(rulebook, Rulebook):
            self.rulebook = rulebook
        elif rulebook is not None:
            self.by_regime = dict(rulebook)
        self.margin_days = margin_days
        self.minimum_age = nip_module.MINIMUM_AGE.value
        # the end of the probation year and the figure it rests on, by TMT: a national export
        # has a few hundred TMTs
        self.deadlines: dict[datetime.date, tuple[datetime.date, Figure[int]]] = {}
        # the first of each NIP: cohort position, place, the NIP as written; and the others
        self.seen: dict[str, tuple[int, _Place, str]] = {}
        self.repeats: list[tuple[str, int, _Place, str]] = []
        # plans and their findings at "$", by what they are planned from: cohorts of a
        # national export share first days, tracks and methods
        self.plans: dict[tuple[object, ...], tuple[Schedule | None, tuple[Finding, ...]]] = {}

    def cohort(
        self,
        position: int,
        cohort: Cohort,
        here: Location,
        participant_at: Callable[[int], Location],
        result_at: Callable[[int], Location],
    ) -> Iterator[Finding]:
        rulebook = self.rulebook_for(cohort)
        found: list[Finding] = []
        last_day = self.cohort_own(cohort, rulebook, here, len(cohort.participants), found)
        for index, participant in enumerate(cohort.participants):
            where = _Place(participant_at, index)
            self.participant(position, participant, where, cohort, last_day, found)
        yield from found
        if cohort.results:
            yield from self.results(cohort, rulebook, participant_at, result_at)

    def cohort_own(
        self,
        cohort: Cohort,
        rulebook: Rulebook | None,
        here: Location,
        count: int,
        out: list[Finding],
    ) -> datetime.date | None:
        """Check a cohort of ``count`` participants as a whole; return its last day, if known."""
        schedule: Schedule | None = None
        if cohort.phases:
            schedule = cohort.schedule(self.calendar)
            if schedule is not None:
                out.extend(
                    schedule_findings(schedule, rulebook, here, in_force_from=self.in_force_from)
                )
        elif cohort.start is not None and cohort.method is not None:
            schedule = self.plan(cohort, cohort.start, cohort.method, rulebook, here, out=out)
        else:
            out.append(
                NO_SCHEDULE.finding(
                    here,
                    "the cohort has no phases, nor a first day and method to plan from; the "
                    "schedule and the probation deadline were not checked",
                    "angkatan tidak memiliki tahap, maupun tanggal mulai dan metode untuk "
                    "direncanakan; jadwal dan batas masa percobaan tidak diperiksa",
                )
            )
        out.extend(self.organizer(cohort, here))
        out.extend(self.size(count, rulebook, here))
        out.extend(self.rulebook_regime(cohort, rulebook, here))
        return schedule.end if schedule is not None else None

    def results(
        self,
        cohort: Cohort,
        rulebook: Rulebook | None,
        participant_at: Callable[[int], Location],
        result_at: Callable[[int], Location],
    ) -> Iterator[Finding]:
        by_nip = {_nip_key(person.nip): index for index, person in enumerate(cohort.participants)}
        seen: set[str] = set()
        method = cohort.method
        for index, result in enumerate(cohort.results):
            at = result_at(index)
            key = _nip_key(result.nip)
            if key not in by_nip:
                yield RESULT_UNKNOWN.finding(
                    at.child("nip"),
                    f"result for NIP {result.nip}, who is not a participant of the cohort",
                    f"hasil untuk NIP {result.nip}, yang bukan peserta angkatan ini",
                    value=result.nip,
                )
                continue
            if key in seen:
                yield RESULT_DUPLICATE.finding(
                    at.child("nip"),
                    f"a second result for NIP {result.nip}",
                    f"hasil kedua untuk NIP {result.nip}",
                    value=result.nip,
                )
                continue
            seen.add(key)
            if rulebook is None or method is None:
                continue
            tmt = _tmt_of(cohort.participants[by_nip[key]])
            yield from self.outcome(result, method, rulebook, at, tmt)
        for key, index in by_nip.items():
            if key and key not in seen:
                person = cohort.participants[index]
                yield RESULT_MISSING.finding(
                    participant_at(index),
                    f"no result for {person.name} (NIP {person.nip})",
                    f"belum ada hasil untuk {person.name} (NIP {person.nip})",
                    value=person.nip,
                )

    def outcome(
        self,
        result: Result,
        method: Method,
        rulebook: Rulebook,
        at: Location,
        tmt: datetime.date | None,
    ) -> Iterator[Finding]:
        parts = components(method, rulebook)
        for key in result.scores:
            if key not in parts:
                allowed = ", ".join(parts) or "-"
                yield RESULT_COMPONENT.finding(
                    at.child("scores").child(key),
                    f"{method.value} delivery under {rulebook.title} has no component {key!r}; "
                    f"its components: {allowed}",
                    f"metode {method.value} menurut {rulebook.title} tidak memiliki komponen "
                    f"{key!r}; komponennya: {allowed}",
                    value=key,
                )
        outcome = evaluate(result, method, rulebook, tmt=tmt)
        evaluation = rulebook.evaluation
        if outcome.status is OutcomeStatus.INCOMPLETE:
            unset = [part.weight for part in parts.values() if part.weight.value is None]
            yield RESULT_INCOMPLETE.finding(
                at,
                f"the final score was not computed: {outcome.reason}",
                f"nilai akhir tidak dihitung: {outcome.reason_id}",
                figure=unset[0] if unset else None,
            )
        elif outcome.status is OutcomeStatus.PASSED:
            band = outcome.qualification.value if outcome.qualification else ""
            day = outcome.appointment_from
            remediated = outcome.recorded_score != outcome.final_score
            how_en = f" after remediation (computed {outcome.final_score})" if remediated else ""
            how_id = f" setelah remedial (hasil hitung {outcome.final_score})" if remediated else ""
            yield PASSED.finding(
                at,
                f"final score {outcome.recorded_score} ({band}): passed{how_en}; "
                + (
                    f"appointment as PNS from {day.isoformat()} at the earliest"
                    if day
                    else "the earliest day of appointment as PNS needs the day of passing"
                ),
                f"nilai akhir {outcome.recorded_score} ({band}): lulus{how_id}; "
                + (
                    f"pengangkatan sebagai PNS paling cepat {day.isoformat()}"
                    if day
                    else "hari pengangkatan paling cepat memerlukan tanggal lulus"
                ),
                value=outcome.recorded_score,
                figure=evaluation.appointment_after_probation if day else evaluation.pass_mark,
            )
        elif outcome.status is OutcomeStatus.DEFERRED:
            band = outcome.qualification.value if outcome.qualification else ""
            yield DEFERRED.finding(
                at,
                f"final score {outcome.recorded_score} ({band}): {outcome.reason}",
                f"nilai akhir {outcome.recorded_score} ({band}): {outcome.reason_id}",
                value=outcome.recorded_score,
                figure=dict(evaluation.bands).get("ditunda_kelulusannya"),
            )
        elif outcome.status is OutcomeStatus.FAILED:
            band = outcome.qualification.value if outcome.qualification else ""
            yield FAILED.finding(
                at,
                f"final score {outcome.recorded_score} ({band}) is below the pass mark "
                f"{evaluation.pass_mark.value}",
                f"nilai akhir {outcome.recorded_score} ({band}) di bawah batas lulus "
                f"{evaluation.pass_mark.value}",
                value=outcome.recorded_score,
                figure=evaluation.pass_mark,
            )
        limits = {
            "sessions": (evaluation.absence_sessions, "sessions", "sesi"),
            "jp": (evaluation.absence_jp, "JP", "JP"),
            "days": (evaluation.absence_days, "days", "hari"),
        }
        for name in outcome.absences_over:
            figure, unit_en, unit_id = limits[name]
            count = getattr(result.absences, name)
            yield ABSENCE.finding(
                at.child("absences").child(name),
                f"{count} {unit_en} absent, more than the limit of {figure.value} "
                f"({figure.status.value}); the participant can fail",
                f"tidak hadir {count} {unit_id}, melebihi batas {figure.value} "
                f"({figure.status.value}); peserta dapat dinyatakan tidak lulus",
                value=count,
                figure=figure,
            )

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
        for finding in findings:  # found at "$": place them below this cohort
            where = finding.location
            out.append(
                attrs.evolve(
                    finding, location=Location(here.path + where.path[1:], here.file, here.row)
                )
            )
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

    def participant(  # noqa: PLR0917 - an internal hot-path method
        self,
        position: int,
        person: Participant,
        here: _Place,
        cohort: Cohort,
        last_day: datetime.date | None,
        out: list[Finding],
    ) -> None:
        """Check one participant, appending findings to ``out`` (the hot path: no generators)."""
        parsed, grade = self.participant_own(position, person, here, out)
        self.participant_in_cohort(person, parsed, grade, here, cohort, last_day, out)

    def participant_own(
        self, position: int, person: Participant, here: _Place, out: list[Finding]
    ) -> tuple[_Parsed | None, Grade | None]:
        """The checks of a participant that need nothing of the cohort.

        Returns the parts of the NIP and the grade, when they can be read, for
        :meth:`participant_in_cohort`.
        """
        parsed: _Parsed | None = None
        digits = ""
        if person.nip:
            try:
                parsed = nip_parts(person.nip, self.minimum_age)
                digits = parsed[0]
            except nip_module.InvalidNIP as error:
                rule = NIP_RULES.get(error.code, NIP_INVALID)
                figure = nip_module.MINIMUM_AGE if error.code == "nip.age" else None
                out.append(
                    rule.finding(
                        here.child("nip"),
                        error.message_en,
                        error.message_id,
                        value=error.value,
                        figure=figure,
                    )
                )
            self.duplicate(position, person, digits, here)
        if parsed is not None:
            self.against_nip(person, parsed, here, out)
        grade = self.grade(person, here, out) if person.grade else None
        return parsed, grade

    def participant_in_cohort(  # noqa: PLR0917 - an internal hot-path method
        self,
        person: Participant,
        parsed: _Parsed | None,
        grade: Grade | None,
        here: _Place,
        cohort: Cohort,
        last_day: datetime.date | None,
        out: list[Finding],
    ) -> None:
        """The checks of a participant against the cohort: its track and its last day."""
        if grade is not None and cohort.track is not None:
            figure = TRACK_RULES[grade.golongan]
            track = figure.value
            if track is not cohort.track:
                out.append(
                    PARTICIPANT_TRACK.finding(
                        here.child("grade"),
                        f"{grade} ({grade.pangkat}) belongs to Latsar track {track}, but the "
                        f"cohort is track {cohort.track}",
                        f"{grade} ({grade.pangkat}) termasuk jalur Latsar golongan {track}, "
                        f"sedangkan angkatan ini jalur golongan {cohort.track}",
                        value=str(grade),
                        figure=figure,
                    )
                )
        self.probation(person, parsed, here, last_day, out)

    def duplicate(self, position: int, person: Participant, digits: str, here: _Place) -> None:
        """Remember a participant's NIP; a NIP seen before is reported by :meth:`repeated`."""
        key = digits or "".join(person.nip.split())
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = (position, here, person.nip)
        elif _earlier(here, first[1]):  # checked later, but earlier in the file: the first
            self.seen[key] = (position, here, person.nip)
            self.repeats.append((key, *first))
        else:
            self.repeats.append((key, position, here, person.nip))

    def repeated(self) -> Iterator[Finding]:
        """A finding for each NIP after the first (in file order when rows are known)."""
        for key, position, here, nip in self.repeats:
            first_position, first_place, _ = self.seen[key]
            yield _repeated_nip(
                nip, here, same_cohort=first_position == position, first=first_place
            )

    def against_nip(
        self,
        person: Participant,
        parsed: _Parsed,
        here: _Place,
        out: list[Finding],
    ) -> None:
        _, birth_date, nip_tmt, sex = parsed
        if person.birth_date is not None and person.birth_date != birth_date:
            out.append(
                BIRTH_DATE.finding(
                    here.child("birth_date"),
                    f"birth date {person.birth_date.isoformat()} differs from the NIP's "
                    f"{birth_date.isoformat()}",
                    f"tanggal lahir {person.birth_date.isoformat()} berbeda dengan NIP "
                    f"({birth_date.isoformat()})",
                    value=person.birth_date,
                )
            )
        if person.sex is not None and person.sex is not sex:
            out.append(
                SEX.finding(
                    here.child("sex"),
                    f"sex {person.sex.code} differs from the NIP's {sex.code} (digit 15)",
                    f"jenis kelamin {person.sex.code} berbeda dengan NIP ({sex.code}, digit 15)",
                    value=person.sex.code,
                )
            )
        tmt = person.tmt_cpns
        if tmt is not None and (tmt.year, tmt.month) != (nip_tmt.year, nip_tmt.month):
            out.append(
                TMT.finding(
                    here.child("tmt_cpns"),
                    f"TMT CPNS {tmt.isoformat()} is not in the NIP's TMT month {nip_tmt}",
                    f"TMT CPNS {tmt.isoformat()} tidak pada bulan TMT NIP ({nip_tmt})",
                    value=tmt,
                )
            )

    def grade(self, person: Participant, here: _Place, out: list[Finding]) -> Grade | None:
        """Read the grade; the grade when it has a Latsar track, else ``None`` (reported)."""
        try:
            grade = Grade.parse(person.grade)
        except ValidationError as error:
            rule = GRADE_INCONSISTENT if isinstance(error, InconsistentGrade) else GRADE_FORMAT
            out.append(
                rule.finding(
                    here.child("grade"), error.message_en, error.message_id, value=error.value
                )
            )
            return None
        figure = TRACK_RULES[grade.golongan]
        if figure.value is None:
            out.append(
                TRACK_NONE.finding(
                    here.child("grade"),
                    f"{grade} ({grade.pangkat}) is golongan IV, which has no Latsar track",
                    f"{grade} ({grade.pangkat}) adalah golongan IV, yang tidak memiliki "
                    "jalur Latsar",
                    value=str(grade),
                    figure=figure,
                )
            )
            return None
        return grade

    def probation(
        self,
        person: Participant,
        parsed: _Parsed | None,
        here: _Place,
        last_day: datetime.date | None,
        out: list[Finding],
    ) -> None:
        if last_day is None:
            return
        if person.tmt_cpns is not None:
            tmt = person.tmt_cpns
        elif parsed is not None:
            tmt = parsed[2].first_day
        else:
            return
        known = self.deadlines.get(tmt)
        if known is None:
            known = self.deadlines[tmt] = (probation_end(tmt), probation_months(tmt))
        deadline, figure = known
        if last_day > deadline:
            late = (last_day - deadline).days
            out.append(
                PROBATION.finding(
                    here.location,
                    f"Latsar ends on {last_day.isoformat()}, {late} days after the probation year "
                    f"that began with TMT {tmt.isoformat()} ends ({deadline.isoformat()}); the "
                    "agency must justify a Latsar after the probation year (budget, facilities, "
                    "staff or national policy: SE Kepala BKN 10/2022)",
                    f"Latsar berakhir {last_day.isoformat()}, {late} hari setelah masa percobaan "
                    f"sejak TMT {tmt.isoformat()} berakhir ({deadline.isoformat()}); instansi "
                    "harus dapat menjelaskan alasan Latsar setelah masa percobaan (anggaran, "
                    "sarana prasarana, SDM, atau kebijakan nasional: SE Kepala BKN 10/2022)",
                    value=last_day,
                    figure=figure,
                )
            )
        elif (deadline - last_day).days < self.margin_days:
            left = (deadline - last_day).days
            out.append(
                PROBATION_NEAR.finding(
                    here.location,
                    f"Latsar ends on {last_day.isoformat()}, only {left} days before the probation "
                    f"year ends ({deadline.isoformat()})",
                    f"Latsar berakhir {last_day.isoformat()}, hanya {left} hari sebelum masa "
                    f"percobaan berakhir ({deadline.isoformat()})",
                    value=last_day,
                    figure=figure,
                )
            )


def _tmt_of(person: Participant) -> datetime.date | None:
    """The participant's TMT CPNS: as given, or the first day of the NIP's TMT month."""
    if person.tmt_cpns is not None:
        return person.tmt_cpns
    try:
        return nip_module.parse(person.nip).tmt.first_day
    except ValidationError:
        return None


def _repeated_nip(nip: str, here: _Place, *, same_cohort: bool, first: _Place) -> Finding:
    """The finding for a NIP given again at ``here``, first given at ``first``."""
    where = "this cohort" if same_cohort else "another cohort"
    where_id = "angkatan ini" if same_cohort else "angkatan lain"
    return DUPLICATE.finding(
        here.child("nip"),
        f"NIP {nip} appears again; first in {where} at {first}",
        f"NIP {nip} muncul lagi; pertama kali di {where_id} pada {first}",
        value=nip,
    )


_Parsed = tuple[str, datetime.date, YearMonth, Sex]
"""A NIP's digits, birth date, TMT and sex."""


def _earlier(place: _Place, other: _Place) -> bool:
    """Whether ``place`` is on an earlier row of the same file than ``other``."""
    here, there = place.location, other.location
    return (
        here.row is not None
        and there.row is not None
        and here.file == there.file
        and here.row < there.row
    )


def _nip_key(text: str) -> str:
    try:
        return nip_module.compact(text)
    except ValidationError:
        return "".join(text.split())


def _locations(
    cohorts: tuple[Cohort, ...], loaded: Loaded | None
) -> Iterator[tuple[Location, Callable[[int], Location], Callable[[int], Location]]]:
    """Where each cohort is, and how to find where its participants and results are."""
    for position in range(len(cohorts)):
        if loaded is not None:
            yield (
                loaded.cohort_location(position),
                functools.partial(loaded.participant_location, position),
                functools.partial(loaded.result_location, position),
            )
        else:
            here = Location(f"$.cohorts[{position}]")
            yield (
                here,
                functools.partial(_below, here.child("participants")),
                functools.partial(_below, here.child("results")),
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


def _below(parent: Location, index: int) -> Location:
    return parent.child(index)


def check(
    source: Loaded | Cohort | Iterable[Cohort],
    *,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Report:
    """Check structured cohorts, or cohort values, and report every finding.

    The whole-file path of :func:`pelatihan.validate`
    (:func:`pelatihan.validation.pipeline.validate`), which reads files and
    takes the same arguments; ``source`` is what
    :func:`pelatihan.io.structure.structure` returned (its findings come first
    in the report), one :class:`~pelatihan.Cohort`, or several.
    """
    loaded = source if isinstance(source, Loaded) else None
    if loaded is not None:
        cohorts = loaded.cohorts
        findings: list[Finding] = list(loaded.findings)
    else:
        cohorts = (source,) if isinstance(source, Cohort) else tuple(source)  # type: ignore[arg-type]
        findings = []
    margin = PROBATION_MARGIN_DAYS.value if probation_margin_days is None else probation_margin_days
    checker = _Checker(calendar, rulebook, margin, in_force_from)
    total = sum(len(cohort.participants) for cohort in cohorts)
    done = 0
    for position, (here, participant_at, result_at) in enumerate(_locations(cohorts, loaded)):
        findings.extend(
            checker.cohort(position, cohorts[position], here, participant_at, result_at)
        )
        done += len(cohorts[position].participants)
        if progress is not None:
            progress(done, total)
    findings.extend(checker.repeated())
    return Report(findings)
