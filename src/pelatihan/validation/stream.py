"""Validating a table (CSV or Excel) as it is read, in memory that does not grow with it.

:func:`validate_table` reads a participant list row by row and checks each
participant as soon as its row is read: the participant is then let go. What
stays in memory is the report, one entry per NIP (to find duplicates), a few
facts per cohort, and the participants that have a finding (to show them).
:func:`pelatihan.validate` takes this path for ``.csv``, ``.txt`` and ``.xlsx``
files; the report is the one validating the loaded file would give, finding for
finding.

A participant's checks against its cohort (its grade's track, the end of its
probation year) need the cohort's track, method and first day. The rows give
them, the first value given being kept: once each of the three is given by a
row of the cohort, or has no column at all, the cohort is settled and its rows
are checked as they come. Rows of a cohort whose facts are still open wait for
them (for the end of the file at the latest), so the rare file that gives a
cohort's facts only on a later row is still checked in full.

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> rows = [
    ...     "Angkatan;NIP;Nama;Gol/Ruang;Instansi;Metode;Tanggal Mulai",
    ...     "I;19950417 202403 2 004;Dewi;III/a;Dinkes;blended;2024-04-22",
    ...     "I;19950417 202403 2 004;Eko;II/c;Dinkes;blended;2024-04-22",
    ... ]
    >>> _ = (folder / "peserta.csv").write_text(chr(10).join(rows), encoding="utf-8")
    >>> streamed = validate_table(folder / "peserta.csv", defaults={"track": "III"})
    >>> streamed.participants, sorted(streamed.report.codes())  # doctest: +NORMALIZE_WHITESPACE
    (2, ['organizer.accreditation', 'participant.duplicate-nip', 'participant.track',
         'schedule.regime-default'])
    >>> [person.name for person in streamed.shown.cohorts[0].participants]
    ['Eko']
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from pelatihan.calendar import Calendar
from pelatihan.cohort import Cohort, Participant
from pelatihan.findings import Finding, Location, Report
from pelatihan.grades import Grade
from pelatihan.io.csv import read_table
from pelatihan.io.document import Keys, RawDocument
from pelatihan.io.reader import EXCEL_SUFFIXES, TABLE_SUFFIXES
from pelatihan.io.structure import Loaded, _plain_participant, _Structurer
from pelatihan.io.tabular import TableBuilder, TableCohort
from pelatihan.io.xlsx import read_xlsx_table
from pelatihan.rulebooks import Rulebook
from pelatihan.validation.cohort_rules import (
    PROBATION_MARGIN_DAYS,
    _Checker,
    _Parsed,
    _Place,
    _repeated_nip,
)

__all__ = ["STREAMED_SUFFIXES", "Streamed", "estimated_rows", "validate_table"]

STREAMED_SUFFIXES = TABLE_SUFFIXES
"""The file types :func:`validate_table` reads (and :func:`pelatihan.validate` streams)."""

_PLAN_FIELDS = ("track", "method", "start")
"""The cohort facts a participant's checks against the cohort need."""

_SHIFT = 1 << 32
_PROGRESS_EVERY = 1000


@attrs.frozen
class Streamed:
    """What validating a table as it is read gives.

    Args:
        report: Every finding, as :func:`pelatihan.validate` gives them.
        participants: The number of participants (rows with text) checked.
        shown: The file's cohorts, each holding only its participants that have
            a finding (at their positions in ``participant_index``), for showing
            the findings with names: a :class:`~pelatihan.io.structure.Loaded`
            as :func:`~pelatihan.io.reader.load` gives, less everyone else.
    """

    report: Report
    participants: int
    shown: Loaded


@attrs.define
class _State:
    """What is kept of one cohort while its rows are read."""

    cohort: Cohort | None = None  # once its facts are settled
    last_day: datetime.date | None = None
    waiting: list[tuple[Participant, _Parsed | None, Grade | None, _Place, int, int]] = attrs.field(
        factory=list
    )
    shown: dict[int, tuple[Participant, int]] = attrs.field(factory=dict)  # by index: row


class _StreamChecker(_Checker):
    """The checker of a stream: rows come in file order, and a NIP's first takes little room.

    The first of each NIP is kept as one integer (its cohort, number and row, which
    :meth:`_Stream.locate` turns back into its location) instead of a place object.
    """

    def __init__(
        self,
        calendar: Calendar | None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None,
        margin_days: int,
        locate: Callable[[int], Location],
        in_force_from: Mapping[str, datetime.date] | None = None,
    ) -> None:
        super().__init__(calendar, rulebook, margin_days, in_force_from)
        # by the NIP's 18 digits as a number (half the room of the text), else its text
        self.firsts: dict[int | str, int] = {}
        self.again: list[tuple[int | str, int, _Place, str]] = []
        self.locate = locate

    def duplicate(self, position: int, person: Participant, digits: str, here: _Place) -> None:
        key: int | str = int(digits) if digits else "".join(person.nip.split())
        if self.firsts.setdefault(key, here.index) != here.index:
            self.again.append((key, position, here, person.nip))

    def repeated(self) -> Iterator[Finding]:
        for key, position, here, nip in self.again:
            first = self.firsts[key]
            yield _repeated_nip(
                nip,
                here,
                same_cohort=first // (_SHIFT * _SHIFT) == position,
                first=_Place(self.locate, first),
            )


class _Stream:
    """Checks each participant of a table as its row is read."""

    def __init__(
        self,
        file: str | None,
        *,
        calendar: Calendar | None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None,
        margin_days: int,
        progress: Callable[[int, int], None] | None,
        estimate: int,
        in_force_from: Mapping[str, datetime.date] | None = None,
    ) -> None:
        self.file = file
        self.checker = _StreamChecker(calendar, rulebook, margin_days, self.locate, in_force_from)
        self.rows: dict[Keys, int] = {}  # the row of the participant being structured, if any
        self.document = RawDocument({}, file, rows=self.rows)
        self.structurer = _Structurer(self.document)
        self.found: list[Finding] = []
        self.states: list[_State] = []
        self.count = 0
        self.table_findings = 0  # the table's findings looked at so far
        self.progress = progress
        self.estimate = estimate

    def locate(self, key: int) -> Location:
        cohort_index, rest = divmod(key, _SHIFT * _SHIFT)
        index, row = divmod(rest, _SHIFT)
        return Location(("cohorts", cohort_index, "participants", index), self.file, row or None)

    def participant(
        self, table: TableBuilder, cohort: TableCohort, index: int, record: dict[str, str], row: int
    ) -> None:
        self.count += 1
        findings_before = len(self.structurer.findings) + len(self.found)
        repeats_before = len(self.checker.again)
        person = _plain_participant(record)
        if person is None:  # the general path, which reports what is wrong, at the row
            keys = ("cohorts", cohort.index, "participants", index)
            self.rows[keys] = row
            person = self.structurer.participant(record, keys)
            del self.rows[keys]
        if cohort.index == len(self.states):
            self.states.append(_State())
        state = self.states[cohort.index]
        place = _Place(self.locate, (cohort.index * _SHIFT + index) * _SHIFT + row)
        parsed, grade = self.checker.participant_own(cohort.index, person, place, self.found)
        if state.cohort is None and all(
            field in cohort.facts or not table.has_column(field) for field in _PLAN_FIELDS
        ):
            waited = len(self.found)
            self.settle(table, cohort, state)
            findings_before += len(self.found) - waited  # those are the waiting rows' own
        if state.cohort is None:
            state.waiting.append((person, parsed, grade, place, index, row))
        else:
            self.checker.participant_in_cohort(
                person, parsed, grade, place, state.cohort, state.last_day, self.found
            )
        if (
            len(self.structurer.findings) + len(self.found) > findings_before
            or len(self.checker.again) > repeats_before
            or self.row_found(table, cohort.index, index)
        ):
            state.shown[index] = (person, row)
        if self.progress is not None and self.count % _PROGRESS_EVERY == 0:
            self.progress(self.count, max(self.estimate, self.count))

    def row_found(self, table: TableBuilder, cohort_index: int, index: int) -> bool:
        """Whether reading the row found something about the participant (text past the header)."""
        if len(table.findings) == self.table_findings:
            return False
        new = table.findings[self.table_findings :]
        self.table_findings = len(table.findings)
        keys = ("cohorts", cohort_index, "participants", index)
        return any(finding.location.keys == keys for finding in new)

    def settle(self, table: TableBuilder, cohort: TableCohort, state: _State) -> None:
        """Take the cohort's facts as they are now, and check the rows that waited for them."""
        data = table.cohort_data(cohort)
        data["participants"] = []
        scratch = _Structurer(RawDocument({}, self.file))  # its findings come again at the end
        structured, _, _ = scratch.cohort(data, ("cohorts", cohort.index))
        here = Location(("cohorts", cohort.index), self.file)
        rulebook = self.checker.rulebook_for(structured)
        state.last_day = self.checker.cohort_own(structured, rulebook, here, 0, [])
        state.cohort = structured
        for person, parsed, grade, place, index, row in state.waiting:
            before = len(self.found)
            self.checker.participant_in_cohort(
                person, parsed, grade, place, structured, state.last_day, self.found
            )
            if len(self.found) > before:
                state.shown[index] = (person, row)
        state.waiting.clear()

    def finish(self, table: TableBuilder, *, trailing_blank_rows: bool) -> Streamed:
        table.finish(trailing_blank_rows=trailing_blank_rows)
        cohorts: list[Cohort] = []
        kept: list[tuple[int, ...]] = []
        rows: dict[Keys, int] = {}
        for cohort in table.cohorts:
            state = self.states[cohort.index]
            if state.cohort is None:
                self.settle(table, cohort, state)
            keys = ("cohorts", cohort.index)
            data = table.cohort_data(cohort)
            data["participants"] = []
            structured, _, _ = self.structurer.cohort(data, keys)
            here = self.document.location(keys)
            rulebook = self.checker.rulebook_for(structured)
            self.checker.cohort_own(structured, rulebook, here, cohort.size, self.found)
            indexes = tuple(sorted(state.shown))
            cohorts.append(
                attrs.evolve(structured, participants=[state.shown[i][0] for i in indexes])
            )
            kept.append(indexes)
            for index in indexes:
                rows["cohorts", cohort.index, "participants", index] = state.shown[index][1]
        self.found.extend(self.checker.repeated())
        if self.progress is not None:
            self.progress(self.count, self.count)
        shown = Loaded(
            cohorts=tuple(cohorts),
            document=RawDocument({}, self.file, rows=rows, findings=tuple(table.findings)),
            findings=(),
            cohort_index=tuple(range(len(cohorts))),
            participant_index=tuple(kept),
            result_index=tuple(() for _ in cohorts),
        )
        report = Report([*table.findings, *self.structurer.findings, *self.found])
        return Streamed(report, self.count, shown)


def validate_table(
    path: str | os.PathLike[str],
    *,
    defaults: Mapping[str, str] | None = None,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Streamed:
    """Validate a CSV or Excel participant list as it is read.

    Args:
        path: A ``.csv`` (or ``.txt``), ``.xlsx`` or ``.xlsm`` file.
        defaults: Cohort facts not in the columns, as for :func:`pelatihan.validate`.
        rulebook: A rulebook to check every cohort against, or rulebooks by
            regime id, as for :func:`pelatihan.validate`; by default each
            cohort's regime's shipped rulebook.
        calendar: The calendar to count days on; Indonesia-wide by default.
        probation_margin_days: As for :func:`pelatihan.validate`.
        progress: Called every thousand participants with the number checked so
            far and an estimate of the total (from the file's line count; for
            Excel, 0 until the end), and once at the end with the final count twice.
        in_force_from: Regimes' first days you know, as for :func:`pelatihan.validate`.

    Returns:
        The report, the number of participants, and the participants with findings.

    Raises:
        pelatihan.io.document.InputError: If the file cannot be read at all.
        ValueError: If the file is of another type, or ``defaults`` has an unknown key.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix not in STREAMED_SUFFIXES:
        raise ValueError(
            f"{name}: validate_table reads {', '.join(STREAMED_SUFFIXES)} files, not {suffix!r}"
        )
    margin = PROBATION_MARGIN_DAYS.value if probation_margin_days is None else probation_margin_days
    excel = suffix in EXCEL_SUFFIXES
    stream = _Stream(
        name,
        calendar=calendar,
        rulebook=rulebook,
        margin_days=margin,
        progress=progress,
        estimate=0 if excel or progress is None else estimated_rows(name),
        in_force_from=in_force_from,
    )

    def start(header: Sequence[str], file: str | None, header_row: int) -> _StreamTable:
        return _StreamTable(
            header, file=file, header_row=header_row, defaults=defaults, stream=stream
        )

    table = read_xlsx_table(name, start) if excel else read_table(name, start)
    return stream.finish(table, trailing_blank_rows=not excel)


class _StreamTable(TableBuilder):
    """A participant table that hands each row to the stream instead of keeping it."""

    def __init__(
        self,
        header: Sequence[str],
        *,
        file: str | None,
        header_row: int,
        defaults: Mapping[str, str] | None,
        stream: _Stream,
    ) -> None:
        super().__init__(header, file=file, header_row=header_row, defaults=defaults)
        self._stream = stream

    def take(self, cohort: TableCohort, index: int, record: dict[str, str], row: int) -> None:
        self._stream.participant(self, cohort, index, record, row)


def estimated_rows(path: str | os.PathLike[str]) -> int:
    r"""An estimate of a table's participants, for a progress display, without reading it.

    For a CSV file, its lines less the header (blank rows and cells holding line
    breaks make it high); for an Excel workbook, 0 (unknown).

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "p.csv"
        >>> _ = path.write_text("NIP;Nama\n1;Ana\n2;Budi\n", encoding="utf-8")
        >>> estimated_rows(path)
        2
    """
    name = os.fspath(path)
    if Path(name).suffix.lower() in EXCEL_SUFFIXES:
        return 0
    count = 0
    try:
        with open(name, "rb") as file:
            while chunk := file.read(1 << 20):
                count += chunk.count(b"\n")
    except OSError:
        return 0  # the reader reports it
    return max(count - 1, 0)
