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
row of the cohort, or has no column at all (in any worksheet of a workbook of
several tables), the cohort is settled and its rows
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
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from pelatihan._memo import remember
from pelatihan.calendar import Calendar
from pelatihan.cohort import Cohort, Participant
from pelatihan.findings import COMPACT_GROWTH, Finding, Location, Report, compact
from pelatihan.io.csv import field_limit, read_table, records, stripped_cells
from pelatihan.io.document import InputError, Keys, RawDocument, open_input
from pelatihan.io.fields import COHORT, PARTICIPANT
from pelatihan.io.plain import plain_row_reader
from pelatihan.io.reader import EXCEL_SUFFIXES, TABLE_SUFFIXES
from pelatihan.io.results import RawResults, attach_results, read_results
from pelatihan.io.structure import Loaded, _plain_participant, _Structurer
from pelatihan.io.table import iso_text
from pelatihan.io.tabular import TableBuilder, TableCohort
from pelatihan.io.xlsx import read_xlsx_table
from pelatihan.rulebooks import Rulebook
from pelatihan.validation.fold import AcrossFiles, CohortState, Fold

__all__ = ["STREAMED_SUFFIXES", "Streamed", "estimated_rows", "validate_table"]

STREAMED_SUFFIXES = TABLE_SUFFIXES
"""The file types :func:`validate_table` reads (and :func:`pelatihan.validate` streams)."""

_PLAN_FIELDS = ("track", "method", "start")
"""The cohort facts a participant's checks against the cohort need."""

_PROGRESS_EVERY = 1000

_RESULTS = COHORT.field("results").kind
"""The kind of a cohort's results, as structuring reads them."""


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
        cohort_sizes: The number of participants of each of the file's cohorts,
            in the order of :attr:`shown`'s cohorts (they add up to ``participants``).
    """

    report: Report
    participants: int
    shown: Loaded
    cohort_sizes: tuple[int, ...] = ()


class _Stream:
    """Feeds each participant of a table to the pipeline's fold as its row is read."""

    def __init__(
        self,
        file: str | None,
        *,
        calendar: Calendar | None,
        rulebook: Rulebook | Mapping[str, Rulebook] | None,
        probation_margin_days: int | None,
        progress: Callable[[int, int], None] | None,
        estimate: int,
        in_force_from: Mapping[str, datetime.date] | None = None,
        results: RawResults | None = None,
        across: AcrossFiles | None = None,
        fold: Fold | None = None,
    ) -> None:
        self.file = file
        self.results = results
        # with results: each cohort's participants' NIPs as written, to place the results by
        self.nips: list[list[object]] = []
        self.fold = fold or Fold(
            self.locate,
            calendar=calendar,
            rulebook=rulebook,
            probation_margin_days=probation_margin_days,
            in_force_from=in_force_from,
            keep=True,
            across=across,
        )
        """The fold checking the rows; ``fold``, one kept from the rows of another table of
        the file's (a piece's, :mod:`pelatihan.validation.table_shares`), located as this one."""
        self.closed: dict[int, tuple[Cohort, tuple[int, ...], dict[Keys, int]]] = {}
        """The cohorts closed before the end (:meth:`close_from`), or checked by another
        stream (of a piece of the file) and closed there: each holding its participants
        shown, their indexes and their rows, by its position."""
        self.rows: dict[Keys, int] = {}  # the row of the participant being structured, if any
        self.files: dict[Keys, str | None] = {}  # and its worksheet, if not the file's one table
        # each participant's worksheet, for a workbook with several tables
        self.sheets: dict[tuple[int, int], str | None] = {}
        self.shown_files: dict[Keys, str | None] = {}  # the worksheets of those shown
        self.document = RawDocument({}, file, rows=self.rows, files=self.files)
        self.structurer = _Structurer(self.document)
        self.states: list[CohortState] = []
        # each cohort settled with no finding, and the facts it was structured from
        self.settled: dict[int, tuple[dict[str, object], Cohort]] = {}
        self.count = 0
        self.table_findings = 0  # the table's findings looked at so far
        self.structure_floor = 0  # what compact() left in the structurer's findings last time
        self.table_floor = 0  # and in the table's
        self.progress = progress
        self.estimate = estimate

    def locate(self, cohort: int, index: int, row: int) -> Location:
        file = self.sheets.get((cohort, index), self.file) if self.sheets else self.file
        return Location(("cohorts", cohort, "participants", index), file, row or None)

    def state(self, cohort: TableCohort) -> CohortState:
        while cohort.index >= len(self.states):
            position = len(self.states)
            here = Location(("cohorts", position), self.file)
            self.states.append(self.fold.open(position, here, results=self.results is not None))
            if self.results is not None:
                self.nips.append([])
        return self.states[cohort.index]

    def participant(
        self, table: TableBuilder, cohort: TableCohort, index: int, record: dict[str, str], row: int
    ) -> None:
        """Structure and check the participant ``record`` of row ``row``, number ``index``."""
        structural = len(self.structurer.findings)
        person = self.person(table, cohort, index, record, row)
        self.check(table, cohort, index, person, row, structural, record.get("nip"))

    def person(
        self, table: TableBuilder, cohort: TableCohort, index: int, record: dict[str, str], row: int
    ) -> Participant:
        """The participant ``record`` of row ``row``, number ``index``, structured."""
        person = _plain_participant(record)
        if person is None:  # the general path, which reports what is wrong, at the row
            keys = ("cohorts", cohort.index, "participants", index)
            self.rows[keys] = row
            if table.file != table.source:  # a worksheet of a workbook with several tables
                self.files[keys] = table.file
            person = self.structurer.participant(record, keys)
            del self.rows[keys]
            self.files.pop(keys, None)
        return person

    def check(  # noqa: PLR0917 - the hot path of a table's rows
        self,
        table: TableBuilder,
        cohort: TableCohort,
        index: int,
        person: Participant,
        row: int,
        structural: int,
        nip: object = None,
    ) -> None:
        """Check the participant of row ``row``, number ``index`` in ``cohort``, as structured.

        ``structural`` is the number of structuring findings before it was
        structured; ``nip``, its NIP as the row gives it (for placing results).
        """
        self.count += 1
        structured = self.structurer.findings
        state = self.noted(table, cohort, index, 1, nip)
        found = self.fold.participant(state, index, person, row)
        read = len(table.findings) != self.table_findings and self.row_found(
            table, cohort.index, index
        )
        if not found and (read or len(structured) > structural):
            state.flag(index, person, row)
        if self.progress is not None and self.count % _PROGRESS_EVERY == 0:
            self.progress(self.count, max(self.estimate, self.count))
        # the findings of a code beyond the cap are folded as they come
        if len(structured) > COMPACT_GROWTH * self.structure_floor:
            self.structure_floor = compact(structured, floor=self.structure_floor)
        if len(table.findings) > COMPACT_GROWTH * self.table_floor:
            self.table_floor = compact(table.findings, floor=self.table_floor)
        self.table_findings = len(table.findings)  # this row's are looked at: none is new

    def check_run(
        self,
        table: TableBuilder,
        cohort: TableCohort,
        index: int,
        people: Sequence[Participant],
        rows: Sequence[int],
    ) -> None:
        """:meth:`check` for each of a run of rows of ``cohort``, numbered from ``index``.

        Rows read with nothing to report and structured the plain way (by the
        row's reader): neither reading nor structuring them found anything, and
        the cohort's facts are as they were on the run's first row. The progress
        is shown at the same counts as :meth:`check` shows it.
        """
        done = self.count
        self.count = done + len(people)
        state = self.noted(table, cohort, index, len(people))
        self.fold.cohort_participants(state, people, index, rows)
        if self.progress is not None:
            for shown in range(
                done + _PROGRESS_EVERY - done % _PROGRESS_EVERY, self.count + 1, _PROGRESS_EVERY
            ):
                self.progress(shown, max(self.estimate, shown))

    def noted(
        self, table: TableBuilder, cohort: TableCohort, index: int, count: int, nip: object = None
    ) -> CohortState:
        """The state of ``cohort``, its ``count`` rows from number ``index`` noted, to check them.

        The worksheet they are on and, with results, the NIP (``nip``, as the row
        gives it; the same for each) are noted; the cohort is settled once its
        facts are known.
        """
        if table.file != table.source:  # a worksheet of a workbook with several tables
            for number in range(index, index + count):
                self.sheets[cohort.index, number] = table.file
        states = self.states
        state = states[cohort.index] if cohort.index < len(states) else self.state(cohort)
        if self.results is not None:
            self.nips[cohort.index].extend([nip] * count)
        # a fact no column gives is settled, unless a later worksheet may have the column
        if state.cohort is None and all(
            field in cohort.facts or not (table.has_column(field) or table.parts)
            for field in _PLAN_FIELDS
        ):
            self.fold.settle(state, self.facts(table, cohort))
        return state

    def row_found(self, table: TableBuilder, cohort_index: int, index: int) -> bool:
        """Whether reading the row found something about the participant (text past the header).

        Asked only when the table has findings not looked at yet.
        """
        new = table.findings[self.table_findings :]
        self.table_findings = len(table.findings)
        keys = ("cohorts", cohort_index, "participants", index)
        return any(finding.location.keys == keys for finding in new)

    def facts(self, table: TableBuilder, cohort: TableCohort) -> Cohort:
        """The cohort as its rows have given it so far, without participants.

        Structured apart, and again at the end (:meth:`structured`), when its
        findings are reported; kept, for the end, when it had none.
        """
        data = table.cohort_data(cohort)
        data["participants"] = []
        scratch = _Structurer(RawDocument({}, self.file))
        structured, _, _ = scratch.cohort(data, ("cohorts", cohort.index))
        if not scratch.findings:
            self.settled[cohort.index] = (data, structured)
        return structured

    def structured(self, table: TableBuilder, cohort: TableCohort) -> tuple[Cohort, object, object]:
        """The cohort as its rows gave it, without participants, and its id and name.

        Its findings are reported; the cohort settled from the same facts with no
        finding is that one, since structuring depends on the facts alone.
        """
        data = table.cohort_data(cohort)
        data["participants"] = []
        settled = self.settled.pop(cohort.index, None)
        if settled is not None and settled[0] == data:
            return settled[1], data["id"], data["name"]
        structured, _, _ = self.structurer.cohort(data, ("cohorts", cohort.index))
        return structured, data["id"], data["name"]

    def feed_results(self, names: list[tuple[object, object]]) -> list[Finding]:
        """Attach the results to the cohorts and feed them; the findings of reading them.

        The results are placed as :func:`~pelatihan.io.results.attach_results`
        places them in the table loaded whole: by the cohort a row names, else
        by its NIP, else in the first cohort.
        """
        if self.results is None:
            return []
        skeleton = [
            {"id": id_, "name": name, "participants": [{"nip": nip} for nip in nips]}
            for (id_, name), nips in zip(names, self.nips, strict=True)
        ]
        document = RawDocument({"cohorts": skeleton}, self.file)
        attached = attach_results(document, self.results)
        structurer = _Structurer(attached)
        data = cast("dict[str, list[dict[str, Any]]]", attached.data)
        for position, cohort in enumerate(data["cohorts"]):
            keys = ("cohorts", position, "results")
            for index, result in structurer.records(_RESULTS, cohort.get("results") or [], keys):
                self.fold.result(self.states[position], result, attached.location((*keys, index)))
        return structurer.findings

    def close(
        self,
        cohort: TableCohort,
        structured: Cohort,
        cohorts: list[Cohort],
        kept: list[tuple[int, ...]],
        rows: dict[Keys, int],
    ) -> None:
        """Close a cohort, and keep it with its participants that have a finding, for showing."""
        state = self.state(cohort)
        self.fold.close(state, structured, cohort.size)
        shown = state.flagged or {}
        indexes = tuple(sorted(shown))
        cohorts.append(attrs.evolve(structured, participants=[shown[i][0] for i in indexes]))
        kept.append(indexes)
        for index in indexes:
            keys = ("cohorts", cohort.index, "participants", index)
            rows[keys] = shown[index][1]
            if (cohort.index, index) in self.sheets:
                self.shown_files[keys] = self.sheets[cohort.index, index]
        state.flagged = None

    def close_all(
        self, table: TableBuilder
    ) -> tuple[list[Cohort], list[tuple[int, ...]], dict[Keys, int], list[Finding]]:
        """Close every cohort of the table, whose rows are all read.

        Returns the cohorts, each holding its participants that have a finding,
        their indexes, and rows; and the findings of reading the results.
        """
        cohorts: list[Cohort] = []
        kept: list[tuple[int, ...]] = []
        rows: dict[Keys, int] = {}
        ended: list[tuple[TableCohort, Cohort]] = []  # with results, to close after them
        names: list[tuple[object, object]] = []  # each cohort's id and name, to place results by
        for cohort in table.cohorts:
            closed = self.closed.get(cohort.index)
            if closed is None and self.results is None:
                closed = self.close_one(table, cohort)  # keeping only what is shown
            if closed is not None:
                cohorts.append(closed[0])
                kept.append(closed[1])
                rows.update(closed[2])
                continue
            state = self.state(cohort)
            structured, id_, name = self.structured(table, cohort)
            self.fold.end(state, structured)
            ended.append((cohort, structured))
            names.append((id_, name))
        found_on_results = self.feed_results(names)
        if self.results is not None:
            for cohort, structured in ended:
                self.close(cohort, structured, cohorts, kept, rows)
        return cohorts, kept, rows, found_on_results

    def close_from(self, table: TableBuilder, position: int) -> None:
        """Close the table's cohorts from ``position`` on, before the end of the file.

        For a reader that knows no later row is of one of them (a piece of the file
        read whole, :mod:`pelatihan.validation.table_shares`); without results.
        """
        for cohort in table.cohorts_from(position):
            self.closed[cohort.index] = self.close_one(table, cohort)

    def close_one(
        self, table: TableBuilder, cohort: TableCohort
    ) -> tuple[Cohort, tuple[int, ...], dict[Keys, int]]:
        """Close a cohort whose rows are all read, without results.

        Returns it holding its participants that have a finding, their indexes and rows.
        """
        state = self.state(cohort)
        structured, _, _ = self.structured(table, cohort)
        self.fold.end(state, structured)
        cohorts: list[Cohort] = []
        kept: list[tuple[int, ...]] = []
        rows: dict[Keys, int] = {}
        self.close(cohort, structured, cohorts, kept, rows)
        return cohorts[0], kept[0], rows

    def finish(self, table: TableBuilder, *, trailing_blank_rows: bool) -> Streamed:
        """The report and what is shown, every row read."""
        table.finish(trailing_blank_rows=trailing_blank_rows)
        cohorts, kept, rows, found_on_results = self.close_all(table)
        found = self.fold.finish()
        if self.progress is not None:
            self.progress(self.count, self.count)
        shown_loaded = Loaded(
            cohorts=tuple(cohorts),
            document=RawDocument(
                {},
                self.file,
                rows=rows,
                findings=tuple(table.findings),
                files=self.shown_files,
                parts=table.parts,
                cohort_parts=table.cohort_parts(),
            ),
            findings=(),
            cohort_index=tuple(range(len(cohorts))),
            participant_index=tuple(kept),
            result_index=tuple(() for _ in cohorts),
        )
        report = Report([*table.findings, *self.structurer.findings, *found_on_results, *found])
        sizes = tuple(cohort.size for cohort in table.cohorts)
        return Streamed(report, self.count, shown_loaded, sizes)


def validate_table(
    path: str | os.PathLike[str],
    *,
    defaults: Mapping[str, str] | None = None,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    results: RawResults | str | os.PathLike[str] | None = None,
    across: AcrossFiles | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
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
        results: A results export (a CSV or JSON file, or what
            :func:`~pelatihan.io.results.read_results` returned), attached to the
            table's cohorts as :func:`~pelatihan.io.results.attach_results`
            attaches them, and checked with them. The participants' NIPs are
            then kept, to match the results.
        across: The NIPs of files validated before this one, as for
            :func:`pelatihan.validate`.
        sheet: For a workbook, the worksheet to read (by default every worksheet
            with a participant table, as :func:`~pelatihan.io.xlsx.read_xlsx`
            reads them); ignored for a CSV file.
        columns: Headers of your own: the header of the column to read as each
            field (``{"name": "Nama Tanpa Gelar"}``; see
            :meth:`~pelatihan.io.table.RowTable.with_columns`).

    Returns:
        The report, the number of participants, and the participants with findings.

    Raises:
        pelatihan.io.document.InputError: If the file cannot be read at all.
        ValueError: If the file is of another type, ``defaults`` has an unknown key,
            or ``columns`` a field that a participant list does not have.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix not in STREAMED_SUFFIXES:
        raise ValueError(
            f"{name}: validate_table reads {', '.join(STREAMED_SUFFIXES)} files, not {suffix!r}"
        )
    excel = suffix in EXCEL_SUFFIXES
    if results is not None and not isinstance(results, RawResults):
        results = read_results(results)
    stream = _Stream(
        name,
        calendar=calendar,
        rulebook=rulebook,
        probation_margin_days=probation_margin_days,
        progress=progress,
        estimate=0 if excel or progress is None else estimated_rows(name),
        in_force_from=in_force_from,
        results=results,
        across=across,
    )

    kind = _StreamTable.with_columns(columns)

    def start(header: Sequence[str], file: str | None, header_row: int) -> _StreamTable:
        return kind(header, file=file, header_row=header_row, defaults=defaults, stream=stream)

    table = (
        read_xlsx_table(name, start, sheet=sheet, kind=kind)
        if excel
        else read_table(name, start, kind=kind)
    )
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

    _plain_row: Callable[[Sequence[str]], Participant | None]
    """The participant of a row's participant cells when they are plainly right, else ``None``."""

    def _set_header(self, header: Sequence[str], header_row: int) -> None:
        super()._set_header(header, header_row)
        self._plain_row = _row_reader(self.participant_fields)

    def add_row(self, row: int, cells: Sequence[str]) -> None:
        """Hand the row on to the stream.

        A plainly right participant (the rows of a national export) is built
        from the row's cells without making its record; any other row goes as
        :class:`~pelatihan.io.tabular.TableBuilder` reads it.
        """
        if self._stream.results is not None or not self.plain_width(cells):
            super().add_row(row, cells)  # with results, the record places them
            return
        self.add_plain(row, cells)

    def add_plain(self, row: int, cells: Sequence[str]) -> None:
        """:meth:`add_row` for a row :meth:`plain_width` says is read by the column layout."""
        placed = self.place_cells(row, cells)
        if placed is None:
            return
        cohort, index, taken = placed
        person = self._plain_row(taken)
        if person is None:
            self._stream.participant(self, cohort, index, self.record_of(taken), row)
        else:
            self._stream.check(
                self, cohort, index, person, row, len(self._stream.structurer.findings)
            )

    def add_lines(
        self, row: int, lines: Sequence[str], delimiter: str, straight: Callable[[list[str]], bool]
    ) -> int:
        """:meth:`add_plain` for the rows of ``lines``, while each is a participant's.

        ``lines`` are the file's lines after row ``row``, from a piece that
        :func:`~pelatihan.io.csv.splits_plainly`; ``straight`` is the
        :meth:`~pelatihan.io.layout.RowSorter.straight` of the table's sorter.
        Each line is read as the csv module reads it and added with
        :meth:`add_plain`, while it is straight and of :meth:`plain_width`.
        Returns the number of lines added: the line after them, if any, is for
        the table's sorter.

        The hot path of a national export: a row of the same cohort as the row
        before, giving the same cells of its facts as that row, which agreed
        with them, is placed here, from its cells split at the delimiter
        (:func:`~pelatihan.io.csv.stripped_cells`; only the rest of a row that
        begins with the row before's text up to its cohort's last column,
        :meth:`~pelatihan.io.tabular.TableBuilder.cohort_lead`):
        :meth:`place_cells` would place it in that cohort and note nothing else.
        Such rows are checked together (:meth:`_Stream.check_run`) before the
        next row read the other way.
        """
        columns = self.columns
        width, at = len(columns), self.cohort_column
        at = -1 if at is None else at
        nip_at = columns.index("nip") if "nip" in columns else -1
        name_at = columns.index("name") if "name" in columns else -1
        quick = self._stream.results is None and not self._unnamed and min(at, nip_at, name_at) >= 0
        facts, people, plain_row = self._fact_cells, self._participant_cells, self._plain_row
        # a row that begins with the row before's text up to the last of its cohort's columns
        # is of its cohort: only the rest of it is split
        lead, taken = self.cohort_lead() if quick else (0, people)
        limit = field_limit()
        # the cohort cell and fact cells of the row before, which placed it with nothing new,
        # and the text of the row before up to the last of its cohort's columns
        same: str | None = None
        given: tuple[str, ...] = ()
        prefix: str | None = None
        cohort: TableCohort | None = None
        first = row
        run: list[Participant] = []  # the rows placed here since, checked together
        for line in lines:
            person = None
            read = False  # whether the row's reader was asked already
            if prefix is not None and line.startswith(prefix) and len(line) < limit:
                rest = stripped_cells(line[len(prefix) :], delimiter)
                # a row without a NIP or a name is not plainly a participant's: the reader says so
                read = len(rest) == width - lead
                person = plain_row(taken(rest)) if read else None
            if person is None:
                values = stripped_cells(line, delimiter)
                if (
                    not read
                    and len(values) == width
                    and values[at] == same
                    and facts(values) == given
                    and len(line) < limit
                ):
                    person = plain_row(people(values))
            if person is not None and cohort is not None:
                run.append(person)
                continue
            if run and cohort is not None:
                row += self._check_run(cohort, run, row + 1)
            cells, _ = next(records([line], delimiter, quoted=False), ([], 0))
            if not (straight(cells) and self.plain_width(cells)):
                break
            row += 1
            self.add_plain(row, cells)
            same, cohort, prefix = None, None, None
            if quick and len(values) == width and len(line) < limit and values[at]:
                cohort = self._cohorts.get(values[at])
                given = facts(values)
                if cohort is not None and self._agreed.get(cohort.index) == given:
                    same = values[at]
                    if lead:
                        prefix = line[: len(line) - len(line.split(delimiter, lead)[lead])]
        if run and cohort is not None:
            row += self._check_run(cohort, run, row + 1)
        return row - first

    def _check_run(self, cohort: TableCohort, run: list[Participant], first_row: int) -> int:
        """Place the rows of ``run``, from row ``first_row`` on, in ``cohort`` after its last.

        Check them, empty the run, and return how many there were.
        """
        index = cohort.size
        count = len(run)
        cohort.size = index + count
        self.records += count
        self._stream.check_run(self, cohort, index, run, range(first_row, first_row + count))
        run.clear()
        return count

    def take(self, cohort: TableCohort, index: int, record: dict[str, str], row: int) -> None:
        self._stream.participant(self, cohort, index, record, row)

    def reread(self, row: int, cells: Sequence[str]) -> Participant | None:
        """The participant of a row read before, by the header's column layout, structured again.

        As :meth:`add_row` structures it (the row is not checked); ``None`` for a blank row.
        """
        if not self.plain_width(cells):
            read = self.place_row(row, cells)
            return None if read is None else self._stream.person(self, *read, row)
        placed = self.place_cells(row, cells)
        if placed is None:
            return None
        cohort, index, taken = placed
        person = self._plain_row(taken)
        if person is None:
            person = self._stream.person(self, cohort, index, self.record_of(taken), row)
        return person


_ROW_READERS: dict[tuple[str, ...], Callable[[Sequence[str]], Participant | None]] = {}
"""The row readers written, by the fields of a table's participant cells
(see :mod:`pelatihan._memo`)."""


def _row_reader(fields: tuple[str, ...]) -> Callable[[Sequence[str]], Participant | None]:
    """What reads a row's cells of ``fields`` (:func:`~pelatihan.io.plain.plain_row_reader`)."""
    reader = _ROW_READERS.get(fields)
    if reader is None:
        written = plain_row_reader(PARTICIPANT, fields, iso_text)
        reader = remember(_ROW_READERS, fields, written)
    return reader


def estimated_rows(path: str | os.PathLike[str]) -> int:
    r"""An estimate of a table's participants, for a progress display, without reading it.

    For a CSV file, its lines less the header (blank rows and cells holding line
    breaks make it high): counted in its first mebibyte, exact for a file no
    larger, and for a larger one taken as the share of the file that mebibyte is
    (counting every line of 250,000 participants took about 40 ms). For an Excel
    workbook, 0 (unknown). Only a regular file no larger than
    :data:`~pelatihan.io.document.MAX_FILE_BYTES` is estimated: for anything else
    (a device, a named pipe), 0, and the reader reports it.

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
    try:
        with open_input(name, name) as file:
            sample = file.read(_SAMPLE)
            size = os.fstat(file.fileno()).st_size
    except (OSError, InputError):
        return 0  # the reader reports it
    count = sample.count(b"\n")
    if size > len(sample) and sample:
        count = count * size // len(sample)
    return max(count - 1, 0)


_SAMPLE = 1 << 20
"""How much of a CSV file :func:`estimated_rows` reads to estimate its lines."""
