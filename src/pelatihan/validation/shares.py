"""A large JSON file loaded and checked in runs of cohorts, shared out between processes.

For a JSON file of the interchange format, loading the cohorts (making their
models) and checking them are each about half of a validation, and a cohort
needs nothing of any other to be loaded or checked. So :func:`load_and_check`
cuts the file's cohorts into runs of about equal size and shares them out
(:func:`~pelatihan.validation.parallel.share`) between the calling process and
workers forked before any cohort is decoded
(:func:`~pelatihan.validation.parallel.workers` says how many): the caller
takes runs from the first, the workers from the last, until they meet, so that
all finish at about the same time however fast each turns out to be. A worker
loads the cohorts of its runs from the file's text
(:meth:`~pelatihan.io.typed.Opened.part`), checks them, and sends back what the
caller needs of them: their findings, their participants' places and NIPs, and
the cohorts holding only the participants that have a finding (for showing them
by name, as a table validated as it is read keeps them). What looks across
cohorts is done once, in the caller, in the order of the file, by the same code
as when one process does it all (:class:`~pelatihan.validation.fold.Fold`):
NIPs given twice, within the file and across the files of one run, the folding
of a code's findings beyond the cap, and the report's order. The report is the
one :func:`~pelatihan.validation.fold.check` gives for the file loaded whole,
byte for byte (``tests/test_shares.py``).

A run a worker does not give back (it failed, or its process died) is loaded
and checked by the caller. When the file is not to be read the typed way after
all (a cohort that is not an object, a text that is not UTF-8, a key given
twice), what the runs gave is left and the file is loaded and checked in the
calling process, as it is when no worker is started.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from pelatihan.cohort import Cohort, Participant
from pelatihan.findings import Finding, Location, Report, compact
from pelatihan.io.structure import Loaded
from pelatihan.io.typed import _DOCUMENT_KEYS, Opened, load_opened
from pelatihan.validation import parallel
from pelatihan.validation.fold import AcrossFiles, Fold, NipKey, _check, _Checker

__all__ = ["load_and_check"]


@attrs.frozen
class _Part:
    """What a worker sends back of a run of cohorts, ``start`` to ``stop``."""

    start: int
    stop: int
    structuring: list[Finding]
    """The findings of structuring its cohorts."""
    found: list[Finding]
    """The findings of checking them, but NIPs given twice."""
    firsts: dict[NipKey, int]
    """The place of the first participant of the run with each NIP."""
    again: list[tuple[int, NipKey]]
    """The place and NIP of each other participant whose NIP is compared, in order."""
    cohorts: list[Cohort]
    """Each cohort, holding only its participants shown (:attr:`shown`)."""
    shown: list[tuple[int, ...]]
    """Each cohort's participants that have a finding, by their positions among its own;
    all of them for a cohort with results."""
    indexes: list[tuple[int, ...] | None]
    """Each cohort's participants' indexes in the input; ``None`` when they are their positions."""
    results: list[tuple[int, ...]]
    """Each cohort's results' indexes in the input."""
    sizes: list[int]
    """The number of participants each cohort gives in the input."""
    counts: list[int]
    """The number of participants of each cohort (those structured)."""
    keys: int
    """The number of keys its cohorts and their records were given."""
    colons: int | None
    """The colons of the whole file, counted by the worker that took the last run."""


class _Worker:
    """In a worker process: runs of the file's cohorts, each loaded from its text and checked."""

    def __init__(self, opened: Opened, options: dict[str, Any]) -> None:
        self.opened = opened
        self.options = options
        self.document = opened.document()
        self.indexes: dict[int, tuple[int, ...]] = {}
        """The participants' indexes in the input of each cohort this worker has loaded."""
        self.fold: Fold | None = None
        """One fold for all of the worker's runs: the schedules it works out are kept."""

    def locate(self, position: int, index: int, row: int) -> Location:
        """Where a participant of a cohort this worker has loaded is (a JSON file has no rows)."""
        del row
        return self.document.location(
            ("cohorts", position, "participants", self.indexes[position][index])
        )

    def run(self, start: int, stop: int) -> _Part:
        """Load the cohorts ``start`` to ``stop`` and check them: what the caller needs of them."""
        part = self.opened.part(start, stop)
        if part is None:  # the caller loads and checks the file itself
            raise ValueError(f"the cohorts {start} to {stop} are not all kept at their places")
        loaded, keys = part
        if self.fold is None:
            self.fold = Fold(self.locate, keep=True, **self.options)
            self.fold.defers(keeping=True)
        fold = self.fold
        checker = _Checker(loaded, self.options)
        structured = _structured(loaded.findings)
        cohorts: list[Cohort] = []
        shown: list[tuple[int, ...]] = []
        indexes: list[tuple[int, ...] | None] = []
        for position in range(start, stop):
            index = self.indexes[position] = loaded.participant_index[position]
            state = checker.feed(fold, position)
            cohort = loaded.cohorts[position]
            count = len(cohort.participants)
            indexes.append(None if index == tuple(range(count)) else index)
            if cohort.results:  # placed by their NIPs among all the participants
                cohorts.append(cohort)
                shown.append(tuple(range(count)))
                continue
            marked = structured.get(position, ())
            kept = sorted(
                {*(state.flagged or {}), *(n for n, item in enumerate(index) if item in marked)}
            )
            cohorts.append(
                attrs.evolve(cohort, participants=[cohort.participants[n] for n in kept])
            )
            shown.append(tuple(kept))
        firsts, again = fold.noted_firsts()
        found, fold.found, fold.floor = fold.found, [], 0
        last = stop == len(self.opened.texts)  # the first run a worker takes
        return _Part(
            start,
            stop,
            list(loaded.findings),
            found,
            firsts,
            again,
            cohorts,
            shown,
            indexes,
            list(loaded.result_index[start:stop]),
            list(loaded.sizes or ()),
            [len(cohort.participants) for cohort in loaded.cohorts[start:stop]],
            keys,
            self.opened.body.count(b":") if last else None,
        )


def _structured(findings: Sequence[Finding]) -> dict[int, set[int]]:
    """The participants (cohort, then index in the input) that findings are about."""
    marked: dict[int, set[int]] = {}
    for finding in findings:
        keys = finding.location.keys
        if len(keys) >= 4 and keys[0] == "cohorts" and keys[2] == "participants":
            cohort, index = keys[1], keys[3]
            if isinstance(cohort, int) and isinstance(index, int):
                marked.setdefault(cohort, set()).add(index)
    return marked


class _Shares:
    """The file's cohorts as the calling process knows them: its own whole, the workers' shown."""

    def __init__(self, opened: Opened, count: int) -> None:
        self.opened = opened
        self.document = opened.document()
        self.cohorts: list[Cohort | None] = [None] * count
        self.indexes: list[tuple[int, ...] | None] = [None] * count
        """Each cohort's participants' indexes in the input; ``None``: their positions."""
        self.shown: list[dict[int, Participant] | None] = [None] * count
        """For a worker's cohort, the participants it holds, by their positions in the
        cohort; ``None``: it holds all of them."""
        self.results: list[tuple[int, ...]] = [()] * count
        self.sizes: list[int] = [0] * count
        self.counts: list[int] = [0] * count
        """The number of participants of each cohort (structured, held or not)."""

    def take(self, loaded: Loaded, start: int, stop: int) -> None:
        """The cohorts ``start`` to ``stop`` of ``loaded``, loaded here: whole."""
        sizes = loaded.sizes or ()
        for position in range(start, stop):
            cohort = self.cohorts[position] = loaded.cohorts[position]
            self.indexes[position] = loaded.participant_index[position]
            self.results[position] = loaded.result_index[position]
            self.sizes[position] = sizes[position - start]
            self.counts[position] = len(cohort.participants)

    def add(self, part: _Part) -> None:
        """A worker's run."""
        for offset, cohort in enumerate(part.cohorts):
            position = part.start + offset
            self.cohorts[position] = cohort
            self.indexes[position] = part.indexes[offset]
            self.results[position] = part.results[offset]
            self.sizes[position] = part.sizes[offset]
            count = self.counts[position] = part.counts[offset]
            shown = part.shown[offset]
            if len(shown) != count:
                self.shown[position] = dict(zip(shown, cohort.participants, strict=True))

    def locate(self, position: int, index: int, row: int) -> Location:
        """Where a participant is, from its cohort's position and its own."""
        return self.document.location(
            ("cohorts", position, "participants", self.input_index(position, index))
        )

    def input_index(self, position: int, index: int) -> int:
        """The index in the input of the participant ``index`` of the cohort at ``position``."""
        indexes = self.indexes[position]
        return index if indexes is None else indexes[index]

    def nip_of(self, position: int, index: int) -> str:
        """The NIP of a participant (as the fold asks, for a NIP given twice)."""
        return self.participant(position, index).nip

    def participant(self, position: int, index: int) -> Participant:
        """The participant ``index`` of the cohort at ``position``, structured when not held."""
        shown = self.shown[position]
        if shown is None:
            cohort = self.cohorts[position]
            if cohort is None:  # pragma: no cover - asked only of the shares merged
                raise ValueError(f"the cohort {position} is not merged yet")
            return cohort.participants[index]
        person = shown.get(index)
        if person is None:
            person = self.opened.participant(position, self.input_index(position, index))
            shown[index] = person
        return person

    def loaded(self, findings: Sequence[Finding], report: Report) -> Loaded:
        """The cohorts, each holding every participant a finding of ``report`` is about."""
        for position, wanted in _structured(report.findings).items():
            shown = self.shown[position]
            if shown is None:
                continue
            indexes = self.indexes[position]
            count = self.counts[position]
            at = dict(zip(indexes, range(count), strict=True)) if indexes is not None else None
            for index in wanted:  # those structured: the others are not held in any case
                n = (index if index < count else None) if at is None else at.get(index)
                if n is not None:
                    self.participant(position, n)
        cohorts: list[Cohort] = []
        participants: list[tuple[int, ...]] = []
        for position, merged in enumerate(self.cohorts):
            if merged is None:  # pragma: no cover - every share is merged before
                raise AssertionError(f"cohort {position} was not loaded")
            shown = self.shown[position]
            held = list(range(len(merged.participants))) if shown is None else sorted(shown)
            if shown is not None and len(held) != len(merged.participants):
                merged = attrs.evolve(merged, participants=[shown[n] for n in held])  # noqa: PLW2901
            cohorts.append(merged)
            indexes = self.indexes[position]
            if indexes is None:
                participants.append(tuple(held))
            elif shown is None:  # every participant held: the indexes of them all, in order
                participants.append(indexes[: len(held)])
            else:
                participants.append(tuple([indexes[n] for n in held]))
        return Loaded(
            cohorts=tuple(cohorts),
            document=self.document,
            findings=tuple(findings),
            cohort_index=tuple(range(len(cohorts))),
            participant_index=tuple(participants),
            result_index=tuple(self.results),
            sizes=tuple(self.sizes),
        )


def load_and_check(
    opened: Opened,
    *,
    jobs: int | None,
    progress: Callable[[int, int], None] | None = None,
    across: AcrossFiles | None = None,
    least: int | None = None,
    **options: Any,
) -> tuple[Loaded, Report]:
    """Load an opened JSON file and check it: in shares, one per process, when workers pay.

    The report is the one :func:`~pelatihan.validation.fold.check` gives for the
    file loaded whole (:func:`~pelatihan.io.typed.load_opened`). The cohorts
    given with it are those of the file: each whole when the file was loaded in
    one process, and when it was loaded in shares, those of the first share
    whole and the others' each holding the participants a finding is about.
    ``jobs``, ``least``: as for :func:`~pelatihan.validation.parallel.workers`,
    for the participants the file gives; ``options``: as for
    :func:`~pelatihan.validation.fold.check`.

    Raises:
        InputError: If the file cannot be read as UTF-8 JSON.
    """
    total = opened.participants()
    count = parallel.workers(jobs, total, len(opened.texts), least=least)
    progress = parallel.onward(progress)
    if count > 1:
        checked = _in_shares(opened, count, total, progress, across, options)
        if checked is not None:
            return checked
    loaded = load_opened(opened, opened.data, opened.file_name)
    return loaded, _check(loaded, progress=progress, across=across, jobs=1, **options)


def _in_shares(  # noqa: PLR0917 - load_and_check's arguments, passed on
    opened: Opened,
    count: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    across: AcrossFiles | None,
    options: dict[str, Any],
) -> tuple[Loaded, Report] | None:
    """:func:`load_and_check` in ``count`` processes; ``None`` when it must be done in one."""
    texts = opened.texts
    if not all(bytes(memoryview(text)[:1]) == b"{" for text in texts):
        return None  # a cohort that is not an object is not kept at its place
    spans = parallel.cut([len(memoryview(text)) for text in texts], RUNS_PER_PROCESS * count)
    merging = _Merging(opened, spans, total, progress, options)
    worker = _Worker(opened, options)
    first, results = parallel.share(worker.run, spans, count - 1, merging.own, merging.received)
    merging.show()
    for index in range(first, len(spans)):  # in the order of the file
        result = results.get(index)
        if result is None:  # a worker failed: done here
            merging.own(index)
        else:
            merging.merge(result)
    merging.show(last=True)
    return merging.finish(across)


RUNS_PER_PROCESS = 16
"""Into how many runs of cohorts a file is cut for each process that loads and checks them."""


class _Merging:
    """The runs the calling process does, and the workers' merged with them in the file's order."""

    def __init__(
        self,
        opened: Opened,
        spans: Sequence[tuple[int, int]],
        total: int,
        progress: Callable[[int, int], None] | None,
        options: dict[str, Any],
    ) -> None:
        self.opened = opened
        self.spans = spans
        self.total = total
        self.progress = progress
        self.options = options
        self.shares = _Shares(opened, len(opened.texts))
        self.fold = Fold(self.shares.locate, nip_of=self.shares.nip_of, **options)
        self.structuring: list[Finding] = []
        self.floor = 0
        self.keys = _DOCUMENT_KEYS
        self.colons: int | None = None
        """The colons of the file, as a worker counted them."""
        self.done = 0
        """The participants of the runs loaded and checked here."""
        self.received: dict[int, _Part] = {}
        """The workers' runs received so far, by their indexes (filled by another thread)."""
        self.broken = False
        """Whether a run could not be loaded at its places: the file is done in one process."""

    def own(self, index: int) -> None:
        """Load the cohorts of the run ``index`` here and check them."""
        start, stop = self.spans[index]
        part = None if self.broken else self.opened.part(start, stop)
        if part is None:
            self.broken = True
            return
        loaded, keys = part
        self.shares.take(loaded, start, stop)
        self.structuring.extend(loaded.findings)
        self.floor = compact(self.structuring, floor=self.floor)
        checker = _Checker(loaded, self.options)
        for position in range(start, stop):
            checker.feed(self.fold, position)
        self.keys += keys
        self.done += sum(len(cohort.participants) for cohort in loaded.cohorts[start:stop])
        self.show()

    def show(self, *, last: bool = False) -> None:
        """Show the progress: the participants checked here, and in the runs received.

        Against the participants the file was estimated to give, or, ``last``, those it gave.
        """
        if self.progress is None:
            return
        parts = list(self.received.values())  # a copy: the receiving thread adds to it
        done = self.done + sum(sum(part.counts) for part in parts)
        self.progress(done, done if last else max(self.total, done))

    def merge(self, part: _Part) -> None:
        """A worker's run, in the order of the file: as if loaded and checked here."""
        if self.broken:
            return
        fold = self.fold
        self.structuring.extend(part.structuring)
        self.floor = compact(self.structuring, floor=self.floor)
        fold.found.extend(part.found)
        fold.floor = compact(fold.found, floor=fold.floor)
        self.shares.add(part)
        fold.take_noted(part.firsts, part.again)
        self.keys += part.keys
        if part.colons is not None:
            self.colons = part.colons

    def finish(self, across: AcrossFiles | None) -> tuple[Loaded, Report] | None:
        """The cohorts and the report; ``None`` when the file must be done in one process."""
        if self.broken:
            return None
        fold, shares = self.fold, self.shares
        if self.keys != self.colons and not self.opened.proved(self.keys, shares.document):
            return None  # a key given twice: the file is read exactly
        if across is not None:
            fold.joins(across)
        report = Report([*self.structuring, *fold.finish()])
        return shares.loaded(self.structuring, report), report
