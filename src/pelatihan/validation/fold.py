"""The pipeline's one fold: records fed through the rules in the order they are read.

Every path that validates cohorts — a JSON file loaded whole, cohort values
built in Python, a CSV or Excel table checked row by row as it is read, results
attached from a results export — drives one :class:`Fold`:

1. :meth:`Fold.open` a cohort when its first record is met;
2. :meth:`Fold.settle` it once its facts (track, method, first day, phases)
   are known: its schedule is worked out, and its participants are checked
   against it from then on;
3. feed each :meth:`Fold.participant`; :meth:`Fold.end` the cohort's
   participants, then feed each :meth:`Fold.result`;
4. :meth:`Fold.close` the cohort (its size, organiser, regime, missing results);
5. :meth:`Fold.finish`: NIPs given twice, across cohorts, and (with
   :class:`AcrossFiles`) NIPs of files validated before this one.

A participant fed before its cohort is settled is checked on its own at once,
and against the cohort when it settles. The rules themselves are pure checks
of one record or one cohort (:mod:`~pelatihan.validation.participant_rules`,
:mod:`~pelatihan.validation.cohort_rules`, :mod:`~pelatihan.validation.result_rules`),
so a rule written once works on every path. :func:`check` is the fold over
cohorts already in memory.

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
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pelatihan.calendar import Calendar
from pelatihan.catalogue.cohorts import DUPLICATE, DUPLICATE_ACROSS_FILES
from pelatihan.cohort import Cohort, Participant
from pelatihan.evaluation import Result
from pelatihan.findings import COMPACT_GROWTH, Finding, Location, Report, compact
from pelatihan.grades import Grade, Track
from pelatihan.io.attach import nip_key
from pelatihan.io.dump import unwritable_texts
from pelatihan.io.fields import COHORT
from pelatihan.io.structure import Loaded
from pelatihan.location import Sheet
from pelatihan.rulebooks import Rulebook
from pelatihan.validation import parallel
from pelatihan.validation.cohort_rules import PROBATION_MARGIN_DAYS, CohortRules
from pelatihan.validation.participant_rules import Parsed, ParticipantRules, Place
from pelatihan.validation.result_rules import CohortResults

__all__ = ["AcrossFiles", "CohortState", "Fold", "check"]

_SHIFT = 1 << 32
_FILE_SHIFT = _SHIFT**4
"""Above every place key (cohort, position, row): the file's number is packed above it."""

NipKey = int | str
"""A NIP as the fold compares them: its 18 digits as a number, else :func:`nip_key`'s text."""

Locate = Callable[[int, int, int], Location]
"""Where a participant is, from its cohort's position, its own and its row (0: unknown)."""


class CohortState:
    """What the fold keeps of one cohort while its records come.

    Args:
        position: The cohort's position among the cohorts fed.
        here: The cohort's location.
        results: Whether results will be fed for it.
        keep: Whether to keep the participants that have a finding (:attr:`flagged`).
    """

    __slots__ = (
        "base",
        "cohort",
        "flagged",
        "found",
        "here",
        "last_day",
        "position",
        "quick",
        "results",
        "rulebook",
        "track",
        "waiting",
    )

    def __init__(self, position: int, here: Location, *, results: bool, keep: bool) -> None:
        self.position = position
        self.base = position * _SHIFT * _SHIFT
        """Where the places of its participants start (see :meth:`Fold.participant`)."""
        self.here = here
        self.cohort: Cohort | None = None  # once settled
        self.quick: tuple[Track | None, datetime.date | None] | None = None
        """Once settled, the track and probation limit a participant is told quiet by
        (:meth:`~pelatihan.validation.participant_rules.ParticipantRules.quiet`); ``None``
        for a cohort with results (each participant is noted for them), or in a fold that
        compares its NIPs with other files'."""
        self.rulebook: Rulebook | None = None
        self.track: Track | None = None
        self.last_day: datetime.date | None = None
        self.found: list[Finding] = []  # on its schedule, from when it settled
        # participants fed before it settled: each with its NIP's parts, grade, place, index, row
        self.waiting: list[tuple[Participant, Parsed | None, Grade | None, Place, int, int]] = []
        self.results: CohortResults | None = CohortResults(None, None) if results else None
        self.flagged: dict[int, tuple[Participant, int]] | None = {} if keep else None
        """The participants with a finding, by their index: the participant and its row."""

    def flag(self, index: int, person: Participant, row: int) -> None:
        """Keep a participant that has a finding (when the cohort keeps them)."""
        if self.flagged is not None:
            self.flagged[index] = (person, row)


class AcrossFiles:
    """The NIPs of several files validated together, one after the other.

    Give the same :class:`AcrossFiles` to the validation of each file
    (``across=`` of :func:`pelatihan.validate` and the functions like it): a
    NIP that a file validated earlier already holds is then reported in the
    later file, at its first appearance there, as
    ``participant.duplicate-nip-across-files``, naming where it first
    appeared. What it keeps is one number per NIP (its first file and place),
    as the fold does within a file, and each file's way of placing a
    participant. Files are numbered in the order their validation begins.

    Example:
        >>> from pelatihan import Cohort, Participant, validate
        >>> def cohort(name):
        ...     person = Participant("19950417 202403 2 004", "Dewi", "III/a", "Dinkes")
        ...     return Cohort(name, name, track="III", participants=[person])
        >>> across = AcrossFiles()
        >>> first = validate(cohort("a"), across=across)
        >>> second = validate(cohort("b"), across=across)
        >>> "participant.duplicate-nip-across-files" in first.codes()
        False
        >>> for finding in second:
        ...     if finding.code == "participant.duplicate-nip-across-files":
        ...         print(finding.location, finding.message("en"))  # doctest: +NORMALIZE_WHITESPACE
        $.cohorts[0].participants[0].nip NIP 199504172024032004 appears in another file
        validated with this one; first at $.cohorts[0].participants[0] of file 1
    """

    def __init__(self) -> None:
        self.firsts: dict[NipKey, int] = {}
        """The first place of each NIP: its file's number packed above its place key."""
        self.finders: list[Callable[[int], Location]] = []
        """Each file's way of placing a participant from a place key."""

    def join(self, find: Callable[[int], Location]) -> int:
        """A file's validation begins: its number."""
        self.finders.append(find)
        return len(self.finders) - 1

    def earlier(self, key: NipKey, number: int) -> int | None:
        """The first place of a NIP in a file before file ``number`` (packed), if any."""
        first = self.firsts.get(key)
        if first is None or first // _FILE_SHIFT >= number:
            return None
        return first

    def where(self, first: int, lang: str) -> str:
        """Where a packed first place is, for a message: its file (or number), row and path."""
        number, key = divmod(first, _FILE_SHIFT)
        location = self.finders[number](key)
        if location.file is not None:
            return str(location)
        return (
            f"{location} of file {number + 1}"
            if lang == "en"
            else (f"{location} pada berkas ke-{number + 1}")
        )


class Fold:
    """The rules applied to records as they are fed: every path of the pipeline drives one.

    Args:
        locate: Where a participant is, from its cohort's position, its own
            position and its row (0 when the driver does not know it).
        calendar, rulebook, probation_margin_days, in_force_from: As for
            :func:`pelatihan.validate`.
        keep: Whether cohorts keep their participants that have a finding, for
            showing them (the streamed path, which keeps nobody else).
        nip_of: The NIP as written of the participant at a cohort's position and
            its own, for a driver that feeds participants out of file order (a
            table loaded whole, cohort by cohort): the first of a NIP is then the
            one on the earliest row. ``None`` for a driver that feeds in file order.
        across: The NIPs of files validated before this one, with this one
            (:class:`AcrossFiles`); ``None`` for a file validated alone.

    For ``nip_of``, a row of an earlier worksheet of a workbook (the
    :class:`~pelatihan.location.Sheet` its location names) is an earlier row.
    """

    def __init__(
        self,
        locate: Locate,
        *,
        calendar: Calendar | None = None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
        probation_margin_days: int | None = None,
        in_force_from: Mapping[str, datetime.date] | None = None,
        keep: bool = False,
        nip_of: Callable[[int, int], str] | None = None,
        across: AcrossFiles | None = None,
    ) -> None:
        margin = PROBATION_MARGIN_DAYS.value
        self.participants = ParticipantRules(
            margin if probation_margin_days is None else probation_margin_days
        )
        self.cohorts = CohortRules(calendar, rulebook, in_force_from)
        self.locate = locate
        self.find = _finder(locate)
        """Where the participant of a place's key is."""
        self.keep = keep
        self.nip_of = nip_of
        self.found: list[Finding] = []
        self.floor = 0  # what compact() left in found last time
        # the first of each NIP (by its 18 digits as a number, half the room of the text, else
        # its text), as its cohort, position and row packed into one number; and the others
        self.firsts: dict[NipKey, int] = {}
        self.again: list[tuple[NipKey, int, str]] = []
        self.noted: tuple[list[int], list[NipKey]] | None = None  # see defers()
        self.first_at: Callable[[NipKey, int], int] = self.firsts.setdefault
        """The first place of a NIP given at a place told quiet: that place when it is the
        first; a fold that :meth:`defers` notes it and says so."""
        self.across = across
        self.number = across.join(self.find) if across is not None else 0
        """The file's number among the files validated together."""

    def open(self, position: int, here: Location, *, results: bool = False) -> CohortState:
        """A cohort begins: the cohort at ``position``, at ``here``, with results to come or not."""
        return CohortState(position, here, results=results, keep=self.keep)

    def settle(self, state: CohortState, cohort: Cohort) -> None:
        """The cohort's facts are known: its schedule, and the participants that waited for it."""
        rulebook = self.cohorts.rulebook_for(cohort)
        schedule, state.found = self.cohorts.schedule(cohort, rulebook, state.here)
        state.cohort, state.rulebook, state.track = cohort, rulebook, cohort.track
        state.last_day = schedule.end if schedule is not None else None
        if state.results is None and self.across is None:
            last_day = state.last_day
            limit = self.participants.limit(last_day) if last_day is not None else None
            if last_day is None or limit is not None:
                state.quick = (state.track, limit)
        if state.results is not None:
            state.results.method, state.results.rulebook = cohort.method, rulebook
            state.results.first_day = schedule.start if schedule is not None else None
            state.results.last_day = state.last_day
        for person, parsed, grade, place, index, row in state.waiting:
            before = len(self.found)
            self.participants.in_cohort(
                person, parsed, grade, place, state.track, state.last_day, self.found
            )
            if len(self.found) > before:
                state.flag(index, person, row)
        state.waiting.clear()

    def participant(
        self, state: CohortState, index: int, person: Participant, row: int = 0
    ) -> bool:
        """Check the participant at ``index`` of the cohort (on ``row``, when the driver knows it).

        Returns:
            Whether it has a finding so far (it may have more once its cohort settles).
        """
        quick = state.quick
        if quick is not None:
            key = self.participants.quiet(person, quick[0], quick[1])
            if key is not None:
                at = state.base + index * _SHIFT + row
                if self.first_at(key, at) == at:
                    return False
                # given before: the general way reports it (setdefault left it as it was)
        return self._participant(state, index, person, row)

    def cohort_participants(
        self,
        state: CohortState,
        people: Sequence[Participant],
        index: int = 0,
        rows: Sequence[int] | None = None,
    ) -> None:
        """Check a run of a cohort's participants, in order: :meth:`participant` for each.

        For a driver that has a run of the cohort's participants at once: the
        whole cohort (rows unknown), or the rows of a table read one after the
        other. ``index`` is the first one's number in the cohort, ``rows`` their
        rows. The loop is the hot path of a national export, so the quick answer
        is asked in it, not through :meth:`participant`.
        """
        quick = state.quick
        if quick is None:
            placed = rows if rows is not None else itertools.repeat(0)
            for number, (person, row) in enumerate(zip(people, placed, strict=False), index):
                self._participant(state, number, person, row)
            return
        track, limit = quick
        quiet = self.participants.quiet
        at = state.base + index * _SHIFT
        remember = self.first_at
        if rows is None:  # a whole cohort's: the loop of a JSON file's, with no row to add
            for number, person in enumerate(people, index):
                key = quiet(person, track, limit)
                if key is None or remember(key, at) != at:
                    self._participant(state, number, person, 0)
                at += _SHIFT
            return
        for number, (person, row) in enumerate(zip(people, rows, strict=True), index):
            key = quiet(person, track, limit)
            here = at + row
            if key is None or remember(key, here) != here:
                self._participant(state, number, person, row)
            at += _SHIFT

    def _participant(self, state: CohortState, index: int, person: Participant, row: int) -> bool:
        """:meth:`participant` for one the quick answer does not settle: every check in turn."""
        found = self.found
        before = len(found)
        if before > COMPACT_GROWTH * self.floor:  # a code's findings beyond the cap, folded
            self.floor = compact(found, floor=self.floor)
            before = len(found)
        place = Place(self.find, state.base + index * _SHIFT + row)
        parsed, grade, digits = self.participants.own(person, place, found)
        nip = person.nip
        repeated = bool(nip) and self.duplicate(place, nip, digits)
        if state.cohort is None:
            state.waiting.append((person, parsed, grade, place, index, row))
        else:
            self.participants.in_cohort(
                person, parsed, grade, place, state.track, state.last_day, found
            )
        if state.results is not None:
            state.results.member(place.key, person)
        if repeated or len(found) > before:
            if state.flagged is not None:
                state.flagged[index] = (person, row)
            return True
        return False

    def duplicate(self, here: Place, nip: str, digits: str) -> bool:
        """Remember a participant's NIP; whether it was given before (:meth:`finish` reports it).

        Given before in this file, or in a file validated before it with this one.
        A fold that :meth:`defers` its NIPs only notes them, and says no.
        """
        key: NipKey = int(digits) if digits else nip_key(nip)
        if self.noted is not None:
            self._noted(key, here.key)
            return False
        return self.remember(here.key, key, nip)

    def remember(self, at: int, key: NipKey, nip: str | None = None) -> bool:
        """Remember the NIP ``key`` of the participant whose place's key is ``at``.

        Whether it was given before; ``nip`` is the NIP as written, looked up with
        ``nip_of`` when not given (only when it was given before).
        """
        first = self.firsts.setdefault(key, at)
        if first == at:
            return self.across is not None and self.across.earlier(key, self.number) is not None
        here = Place(self.find, at)
        if self.nip_of is not None and _before(here, Place(self.find, first)):
            # fed later, but earlier in the file: this one is the first
            self.firsts[key] = at
            at, nip = first, None
        if nip is None:
            if self.nip_of is None:
                raise ValueError("a NIP not given is looked up by the fold's nip_of")
            cohort, rest = divmod(at, _SHIFT * _SHIFT)
            nip = self.nip_of(cohort, rest // _SHIFT)
        self.again.append((key, at, nip))
        return True

    def defers(self, *, keeping: bool = False) -> None:
        """From now on, note the NIPs fed instead of comparing them (:meth:`noted_nips`).

        For a worker process checking some of the cohorts: the NIPs of all of them
        are compared in one place, in the order they were read (:meth:`remember`).
        ``keeping``: the caller knows that the participants a fold that keeps them
        keeps are then those with a finding other than a NIP given twice, which
        only the fold that compares the NIPs knows.

        Raises:
            ValueError: If the fold keeps the participants with a finding and the
                caller did not say ``keeping``.
        """
        if self.keep and not keeping:
            raise ValueError("a fold that keeps its participants with a finding compares NIPs")
        self.noted = ([], [])
        self.first_at = self._noted

    def _noted(self, key: NipKey, at: int) -> int:
        """Note the NIP ``key`` at the place ``at`` (:meth:`defers`); the place, as a first's."""
        if self.noted is not None:
            self.noted[0].append(at)
            self.noted[1].append(key)
        return at

    def joins(self, across: AcrossFiles) -> None:
        """Compare the NIPs with the other files validated with this one, from now on.

        For a fold given ``across`` only once its file is known to be read the way
        it began (:mod:`pelatihan.validation.shares`): before any other file's
        validation begins, and before :meth:`finish`.
        """
        self.across = across
        self.number = across.join(self.find)

    def noted_nips(self) -> tuple[list[int], list[NipKey]]:
        """The places' keys and NIPs noted since last asked (a fold that :meth:`defers`)."""
        if self.noted is None:
            raise ValueError("only a fold that defers its NIPs notes them")
        noted, self.noted = self.noted, ([], [])
        return noted

    def noted_firsts(self) -> tuple[dict[NipKey, int], list[tuple[int, NipKey]]]:
        """The NIPs noted since last asked (:meth:`noted_nips`), as :meth:`take_noted` takes them.

        The place of the first participant with each NIP, and the place and NIP
        of each other, in order.
        """
        firsts: dict[NipKey, int] = {}
        again: list[tuple[int, NipKey]] = []
        for at, key in zip(*self.noted_nips(), strict=True):
            if firsts.setdefault(key, at) != at:
                again.append((at, key))
        return firsts, again

    def take_noted(
        self,
        firsts: dict[NipKey, int],
        again: list[tuple[int, NipKey]],
        nip_at: Callable[[int], str] | None = None,
    ) -> None:
        """Remember the NIPs another fold noted, as if their participants had been checked here.

        For the NIPs of a run of records checked in a worker process, in the order
        of the file (:meth:`noted_firsts`): ``firsts`` holds the place of each NIP's
        first participant in the run, ``again`` the others'. The NIPs new to the
        file are taken all at once; the others one by one, so that :meth:`remember`
        reports each as given again. ``nip_at``: the NIP as written of the
        participant at a place, for a fold that cannot look it up (``nip_of``).
        """
        before = firsts.keys() & self.firsts.keys()
        for key in before:
            at = firsts.pop(key)
            self.remember(at, key, None if nip_at is None else nip_at(at))
        self.firsts.update(firsts)
        for at, key in again:
            self.remember(at, key, None if nip_at is None else nip_at(at))

    def result(self, state: CohortState, result: Result, at: Location) -> None:
        """Check a result of the cohort, at ``at`` (after its participants)."""
        if state.results is None:
            raise ValueError("a cohort fed results is opened with results=True")
        self.found.extend(state.results.result(result, at))

    def end(self, state: CohortState, cohort: Cohort) -> None:
        """The cohort's participants are all fed: ``cohort`` is the cohort as it is at the end.

        A cohort never settled is settled now. When its facts changed since it
        settled (a table's later rows named its regime or organiser), its
        schedule and rulebook are worked out again from them; its results, fed
        after this, are evaluated under them.
        """
        if state.cohort is None:
            self.settle(state, cohort)
        elif cohort is not state.cohort and cohort != state.cohort:
            state.rulebook = self.cohorts.rulebook_for(cohort)
            schedule, state.found = self.cohorts.schedule(cohort, state.rulebook, state.here)
            state.cohort = cohort
            if state.results is not None:
                state.results.method, state.results.rulebook = cohort.method, state.rulebook
                state.results.first_day = schedule.start if schedule is not None else None
                state.results.last_day = schedule.end if schedule is not None else None

    def close(self, state: CohortState, cohort: Cohort, count: int) -> None:
        """The cohort's records are all fed: ``cohort`` as it is at the end, of ``count`` people."""
        self.end(state, cohort)
        self.found.extend(state.found)
        self.found.extend(self.cohorts.whole(cohort, state.rulebook, state.here, count))
        if state.results is not None:  # the participants with no result
            self.found.extend(state.results.missing(self.find))
            state.results = None
        state.found = []
        self.floor = compact(self.found, floor=self.floor)

    def finish(self) -> list[Finding]:
        """Every finding: NIPs given again are reported now that every NIP is known."""
        for key, at, nip in self.again:
            first = self.firsts[key]
            same = first // (_SHIFT * _SHIFT) == at // (_SHIFT * _SHIFT)
            where, where_id = (
                ("this cohort", "angkatan ini") if same else ("another cohort", "angkatan lain")
            )
            self.found.append(
                DUPLICATE.finding(
                    Place(self.find, at).child("nip"),
                    f"NIP {nip} appears again; first in {where} at {Place(self.find, first)}",
                    f"NIP {nip} muncul lagi; pertama kali di {where_id} pada "
                    f"{Place(self.find, first)}",
                    value=nip,
                )
            )
        self.again.clear()
        if self.across is not None:
            self.across_files(self.across)
        return self.found

    def across_files(self, across: AcrossFiles) -> None:
        """Report the NIPs an earlier file holds; hand this file's others on to later files."""
        base = self.number * _FILE_SHIFT
        known = across.firsts
        for key, here in self.firsts.items():
            first = known.get(key)
            if first is None:
                known[key] = base + here
                continue
            nip = f"{key:018d}" if isinstance(key, int) else key
            self.found.append(
                DUPLICATE_ACROSS_FILES.finding(
                    Place(self.find, here).child("nip"),
                    f"NIP {nip} appears in another file validated with this one; first at "
                    f"{across.where(first, 'en')}",
                    f"NIP {nip} muncul di berkas lain yang diperiksa bersama berkas ini; pertama "
                    f"kali pada {across.where(first, 'id')}",
                    value=nip,
                )
            )
        self.firsts.clear()


def _finder(locate: Locate) -> Callable[[int], Location]:
    """Where the participant of a place's key is: its cohort, position and row, unpacked."""

    def find(key: int) -> Location:
        cohort, rest = divmod(key, _SHIFT * _SHIFT)
        index, row = divmod(rest, _SHIFT)
        return locate(cohort, index, row)

    return find


def _before(place: Place, other: Place) -> bool:
    """Whether ``place`` is on an earlier row of the same file than ``other``.

    Rows of the worksheets of one workbook are compared by worksheet (in the
    workbook's order), then by row.
    """
    here, there = place.location, other.location
    if here.row is None or there.row is None:
        return False
    if here.file == there.file:
        return here.row < there.row
    mine, theirs = here.file, there.file
    if type(mine) is Sheet and type(theirs) is Sheet and mine.book == theirs.book:
        return (mine.position, here.row) < (theirs.position, there.row)
    return False


def check(
    source: Loaded | Cohort | Iterable[Cohort],
    *,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    across: AcrossFiles | None = None,
    jobs: int | None = 1,
) -> Report:
    """Check structured cohorts, or cohort values, and report every finding.

    The fold over cohorts in memory: the whole-file path of
    :func:`pelatihan.validate` (:func:`pelatihan.validation.pipeline.validate`),
    which reads files and takes the same arguments; ``source`` is what
    :func:`pelatihan.io.structure.structure` returned (its findings come first
    in the report), one :class:`~pelatihan.Cohort`, or several.

    ``jobs`` is the number of processes to check a large input's cohorts in
    (:mod:`pelatihan.validation.parallel`): ``1`` (the default) for this process
    alone, ``None`` for as many as there are usable CPUs that other programs leave
    idle. The report is the same whatever it is.
    """
    return _check(
        source,
        progress=progress,
        across=across,
        jobs=jobs,
        rulebook=rulebook,
        calendar=calendar,
        probation_margin_days=probation_margin_days,
        in_force_from=in_force_from,
    )


_Run = tuple[list[Finding], tuple[list[int], list[NipKey]]]
"""What checking a run of cohorts in a worker gives: its findings, its participants' NIPs."""


def _check(
    source: Loaded | Cohort | Iterable[Cohort],
    *,
    progress: Callable[[int, int], None] | None,
    across: AcrossFiles | None,
    jobs: int | None,
    least: int | None = None,
    **options: Any,
) -> Report:
    """:func:`check`; ``least``: the fewest participants checked in workers (for tests)."""
    checker = _Checker(source, options)
    fold = checker.fold(across)
    sizes = [len(cohort.participants) for cohort in checker.cohorts]
    total = sum(sizes)
    done = 0
    start = 0  # the first cohort not yet checked
    count = parallel.workers(jobs, total, len(sizes), least=least)
    if count > 1:
        spans = parallel.cut(sizes, count * parallel.RUNS_PER_WORKER)
        runs = iter(spans)

        def merge(outcome: _Run) -> None:
            """A run's findings and NIPs, in the order of the runs: as if checked here."""
            nonlocal start, done
            found, (places, keys) = outcome
            fold.found.extend(found)
            fold.floor = compact(fold.found, floor=fold.floor)
            remember = fold.remember
            for at, key in zip(places, keys, strict=True):
                remember(at, key)
            first, start = next(runs)
            done += sum(sizes[first:start])
            if progress is not None:
                progress(done, total)

        parallel.Runs(checker.run, spans, count).merge(merge)
    for position in range(start, len(sizes)):  # all of them, or those a failed worker left
        checker.feed(fold, position)
        done += sizes[position]
        if progress is not None:
            progress(done, total)
    return Report([*checker.findings, *fold.finish()])


class _Checker:
    """The cohorts :func:`check` is given, and how each is fed to a fold."""

    def __init__(self, source: Loaded | Cohort | Iterable[Cohort], options: dict[str, Any]) -> None:
        self.loaded = loaded = source if isinstance(source, Loaded) else None
        if loaded is not None:
            self.cohorts = loaded.cohorts
            self.findings: tuple[Finding, ...] = loaded.findings
        else:
            self.cohorts = (source,) if isinstance(source, Cohort) else tuple(source)  # type: ignore[arg-type]
            self.findings = ()
        self.options = options
        self.worker: Fold | None = None
        """In a worker process: its fold, for every run it is given."""

    def locate(self, position: int, index: int, row: int) -> Location:
        if self.loaded is not None:
            return self.loaded.participant_location(position, index)
        return Location(("cohorts", position, "participants", index))

    def nip_of(self, position: int, index: int) -> str:
        return self.cohorts[position].participants[index].nip

    def fold(self, across: AcrossFiles | None) -> Fold:
        """A fold over these cohorts."""
        return Fold(self.locate, nip_of=self.nip_of, across=across, **self.options)

    def feed(self, fold: Fold, position: int) -> CohortState:
        """Check the cohort at ``position``, its participants and its results: its state."""
        cohort, loaded = self.cohorts[position], self.loaded
        here = (
            loaded.cohort_location(position)
            if loaded is not None
            else Location(("cohorts", position))
        )
        if loaded is None:  # built in Python: text no reader would give
            fold.found.extend(unwritable_texts(COHORT, cohort, here))
        state = fold.open(position, here, results=bool(cohort.results))
        fold.settle(state, cohort)
        fold.cohort_participants(state, cohort.participants)
        fold.end(state, cohort)
        for index, result in enumerate(cohort.results):
            if loaded is not None:
                at = loaded.result_location(position, index)
            else:
                at = here.below("results", index)
            fold.result(state, result, at)
        fold.close(state, cohort, len(cohort.participants))
        return state

    def run(self, start: int, stop: int) -> _Run:
        """In a worker process: check the cohorts ``start`` to ``stop``, their NIPs noted."""
        if self.worker is None:
            self.worker = self.fold(None)
            self.worker.defers()
        fold = self.worker
        for position in range(start, stop):
            self.feed(fold, position)
        found, fold.found, fold.floor = fold.found, [], 0
        return found, fold.noted_nips()
