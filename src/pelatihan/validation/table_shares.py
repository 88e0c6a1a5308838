"""A large CSV file validated in pieces, shared out between processes.

A CSV file validated as it is read (:mod:`pelatihan.validation.stream`) is
read, structured and checked row by row, in one process. For a large file the
calling process and workers forked from it
(:func:`~pelatihan.validation.parallel.workers` says how many) share that out:
:func:`validate_table_shared` cuts the file into pieces of about equal size, each
beginning at a row whose cohort is not the one of the row before, and
:func:`~pelatihan.validation.parallel.share` gives them out, the caller taking
the first, the workers the last, until they meet.

The caller reads its pieces as one table, as :func:`~pelatihan.io.csv.read_table`
reads a file: the header and the rows around the participants (title rows,
blank rows, a total row, a signature block) are read there. A worker reads a
piece of the rows under the header, with a table of the same header of its own,
and checks its participants; it gives a piece back only when each of its
lines is a participant's row, read by the header's column layout, and then
sends what the caller needs of it: its cohorts (closed there, their own checks
done), the findings, its participants' places and NIPs, and those shown (that
have a finding). The caller takes a worker's piece on, in the order of the
file, only where the file read in one process would have read it the same
way: its first row is the row after the caller's last, every line before it
was one row, the rows before it left nothing held back (a run of blank rows,
the rows below a table), and none of its cohorts has a row in another piece.
A piece a worker did not give back, or that is not taken on, is read by the
caller in its turn. What looks across cohorts (NIPs given twice, within the
file and across files, the folding of a code's findings beyond the cap, the
report's order) is done once, in the caller, as when one process does it all
(:class:`~pelatihan.validation.fold.Fold`). A participant a finding made there
is about (a NIP given again) is read again from its row, for its NIP as written
and for the report's names. Every process reads the file a piece at a time
(``os.pread``): none holds it whole, and the caller closes its own cohorts piece
by piece while the workers work.

A file whose rows are not grouped by cohort (sorted by name, say) is told by
the lines looked at for the cuts, and validated in one process at once. When a
piece read in the caller breaks the assumptions all the same (a row of one of
the cohorts of an earlier piece, a line that is not one row: a quoted cell over
several lines, a line broken by a lone carriage return), or a piece cannot be
read at all, what the pieces gave is left and the file is validated again in
one process, which gives the report, or the error, of a file read whole. The
report is the one :func:`~pelatihan.validation.stream.validate_table` gives in
one process, byte for byte (``tests/test_table_shares.py``).
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from pelatihan.cohort import Cohort, Participant
from pelatihan.findings import Finding, Location, Tally, compact
from pelatihan.io.csv import (
    CsvRows,
    ends_open,
    head_delimiter,
    near_too_long,
    piece_lines,
    records,
    splits_plainly,
    text_lines,
)
from pelatihan.io.document import InputError, Keys, open_input
from pelatihan.io.layout import HEADER_SEARCH_ROWS, RowSorter
from pelatihan.io.reader import CSV_SUFFIXES
from pelatihan.io.tabular import TableBuilder, TableCohort
from pelatihan.validation import parallel
from pelatihan.validation import stream as one_process
from pelatihan.validation.fold import _SHIFT, AcrossFiles, Fold, NipKey
from pelatihan.validation.stream import Streamed, _Stream, _StreamTable, estimated_rows

__all__ = ["validate_table_shared"]

PIECES_PER_PROCESS = 16
"""Into how many pieces a file is cut for each process that reads them."""

_HEAD_BYTES = 1 << 20
"""The most of a file's beginning read for its first :data:`HEADER_SEARCH_ROWS` lines."""

_LOOK = 1 << 16
"""How much of a file is read at a time, looking for a row whose cohort is not the row before's."""

_LOOK_MOST = 1 << 20
"""The most read for one such row: with none there, the piece goes on to the next place."""

_AFTER = 1 << 62
"""Past any offset: a row's piece is the last whose first row is no later."""

_Header = tuple[list[str], "str | None", int]
"""A table's header as its reader makes it: the header's cells, the file's name, its row."""


_PREAD: Callable[[int, int, int], bytes] | None = getattr(os, "pread", None)
"""Reading at a place without moving the file's position, which processes share."""


class _File:
    """A file read at places, by any of the processes that share it (``os.pread``).

    Raises:
        InputError: If it is not a regular file, or is larger than the limit.
        OSError: If it cannot be opened.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.opened = open_input(name, name)
        self.descriptor = self.opened.fileno()
        self.size = os.fstat(self.descriptor).st_size

    def read(self, start: int, stop: int) -> bytes:
        """The bytes ``start`` to ``stop`` (fewer at the end of the file)."""
        parts: list[bytes] = []
        while start < stop:
            if _PREAD is None:  # pragma: no cover - Windows, which starts no worker
                self.opened.seek(start)
                part = self.opened.read(stop - start)
            else:
                part = _PREAD(self.descriptor, stop - start, start)
            if not part:
                break
            parts.append(part)
            start += len(part)
        return b"".join(parts)

    def close(self) -> None:
        self.opened.close()


def _line_count(data: bytes) -> int:
    """The lines of a piece that ends at the end of a line or of the file."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


@attrs.frozen
class _Head:
    """What a file's first lines say of it: how to read the rest, and where it may be cut."""

    delimiter: str
    header: _Header
    cohort_column: int
    end: int
    """The offset of the line after the first :data:`HEADER_SEARCH_ROWS`."""


def _head(
    file: _File, data: bytes, columns: Mapping[str, str] | None, defaults: Mapping[str, str] | None
) -> _Head | None:
    """The head of a file, read as :func:`~pelatihan.io.csv.read_table` reads it.

    ``None`` when the file is not to be cut in pieces (it has no column of
    cohorts, say). Its rows are read into a table of the same headers that keeps them (there are
    a few): the table of the file is made by the caller's reading of its first piece.
    ``data``: the file's beginning.
    """
    end = 0
    for _ in range(HEADER_SEARCH_ROWS):
        end = data.find(b"\n", end) + 1
        if not end:
            return None
    try:
        kind = TableBuilder.with_columns(columns)
        lines = list(text_lines(io.BytesIO(data[:end]), file.name))
        delimiter = head_delimiter(lines, kind)
        headers: list[_Header] = []

        def start(header: Sequence[str], name: str | None, header_row: int) -> TableBuilder:
            headers.append((list(header), name, header_row))
            return kind(header, file=name, header_row=header_row, defaults=defaults)

        rows: CsvRows[TableBuilder] | None = (
            CsvRows(file.name, start, kind, delimiter) if delimiter else None
        )
        if rows is None or len(lines) != HEADER_SEARCH_ROWS:
            return None
        rows.feed(iter(lines))
    except (InputError, ValueError):  # the reader in one process says what is wrong
        return None
    table = rows.layout.table
    if rows.row != HEADER_SEARCH_ROWS or table is None or len(headers) != 1:
        return None
    column = table.cohort_column
    if column is None:  # one cohort: the file is not cut
        return None
    return _Head(delimiter, headers[0], column, end)


def _cuts(file: _File, head: _Head, pieces: int) -> list[tuple[int, int]]:
    """The file cut in about ``pieces`` pieces; none when its cohorts' rows are not together.

    Each piece but the first begins at a row whose cohort is not the row before's
    (a blank cohort cell, of a blank line say, is passed over). The lines looked
    at around each place, in the order of the file, also tell a file whose rows
    are not grouped by cohort (sorted by name, say): a cohort met again after
    another has begun. Such a file is read in one process at once, rather than
    found out by its first pieces.
    """
    cuts = [0]
    order = _Order()
    for number in range(1, pieces):
        at = _cohort_change(file, head, max(head.end, file.size * number // pieces), order)
        if order.apart:
            return []
        if at is not None and at > cuts[-1] and at < file.size:
            cuts.append(at)
    cuts.append(file.size)
    return list(itertools.pairwise(cuts))


class _Order:
    """The cohorts of the lines looked at, in the order of the file: whether one came back."""

    def __init__(self) -> None:
        self.current = ""
        self.left: set[str] = set()
        self.apart = False
        self.offset = -1
        """Where the last line looked at begins: a line at or before it was seen."""

    def see(self, cohort: str, offset: int) -> None:
        """The line at ``offset`` is of ``cohort`` (blank: of none)."""
        if offset <= self.offset:
            return
        self.offset = offset
        if not cohort or cohort == self.current:
            return
        if cohort in self.left:
            self.apart = True
        if self.current:
            self.left.add(self.current)
        self.current = cohort


_SAMPLE_LINES = 64
"""The lines looked at after each place the file may be cut, for the order of its cohorts."""


def _cohort_change(file: _File, head: _Head, at: int, order: _Order) -> int | None:
    """The offset of the first line after ``at`` whose cohort is not the line before's.

    Blank cohort cells are passed over. ``order`` is told the cohort of each line
    looked at: the first :data:`_SAMPLE_LINES` at least.
    """
    look = _LOOK
    while look <= _LOOK_MOST:
        data = file.read(at, at + look)
        begin = data.find(b"\n") + 1
        if not begin:
            return None
        last = ""
        found: int | None = None
        seen = 0
        while found is None or seen < _SAMPLE_LINES:
            end = data.find(b"\n", begin) + 1
            if not end:
                break
            cohort = _cohort_cell(data[begin:end], head)
            order.see(cohort, at + begin)
            seen += 1
            if cohort and last and cohort != last and found is None:
                found = at + begin
            last, begin = cohort or last, end
        if found is not None:
            return found
        look *= 4
    return None


def _cohort_cell(line: bytes, head: _Head) -> str:
    """The text of a line's cohort cell (a guess for cutting: a piece is checked later)."""
    text = line.decode("utf-8", "replace")
    try:
        cells = next(csv.reader([text], delimiter=head.delimiter, skipinitialspace=True), [])
    except csv.Error:
        return text
    column = head.cohort_column
    return cells[column].strip() if column < len(cells) else ""


@attrs.frozen
class _Piece:
    """What a worker sends back of a piece of the file: its rows, each a participant's."""

    first_row: int
    lines: int
    cohorts: list[TableCohort]
    """Its cohorts, numbered from 0, each with all its rows in the piece."""
    count: int
    """The participants (its rows)."""
    reading: list[Finding]
    structuring: list[Finding]
    found: list[Finding]
    """The findings of checking them, but NIPs given twice."""
    firsts: dict[NipKey, int]
    again: list[tuple[int, NipKey]]
    shown: list[tuple[Cohort, tuple[int, ...], dict[Keys, int]]]
    """Each cohort, holding its participants that have a finding, their indexes and rows."""


class _Options:
    """What a stream of the file is made with, in the caller and in the workers."""

    def __init__(
        self,
        name: str,
        kind: type[_StreamTable],
        defaults: Mapping[str, str] | None,
        checks: dict[str, Any],
    ) -> None:
        self.name = name
        self.kind = kind
        self.defaults = defaults
        self.checks = checks

    def stream(self, **more: Any) -> _Stream:
        return _Stream(self.name, **self.checks, **more)

    def table(self, header: _Header, stream: _Stream) -> _StreamTable:
        cells, file, row = header
        return self.kind(cells, file=file, header_row=row, defaults=self.defaults, stream=stream)


class _Worker:
    """In a worker process: pieces of the file, each read by a table of its own and checked."""

    def __init__(self, file: _File, head: _Head, options: _Options) -> None:
        self.file = file
        self.head = head
        self.options = options
        self.fold: Fold | None = None
        """One fold for all of the worker's pieces: the schedules it works out are kept."""
        self.counted: dict[int, int] = {0: 0}
        """The lines before each offset known."""

    def lines_before(self, start: int, stop: int, data: bytes) -> int:
        """The lines of the file before ``start``; ``data``: the piece from there to ``stop``."""
        count = self.counted.get(start)
        if count is None:
            after = self.counted.get(stop)
            if after is not None:
                count = after - data.count(b"\n")
            else:
                known = max(offset for offset in self.counted if offset <= start)
                count = self.counted[known]
                while known < start:
                    block = self.file.read(known, min(start, known + _HEAD_BYTES))
                    count += block.count(b"\n")
                    known += len(block)
                    if not block:
                        break
        self.counted[start] = count
        self.counted[stop] = count + data.count(b"\n")
        return count

    def run(self, start: int, stop: int) -> _Piece | None:
        """Read the piece ``start`` to ``stop`` and check it; ``None`` when the caller reads it."""
        data = self.file.read(start, stop)
        first_row = self.lines_before(start, stop, data) + 1
        piece = None
        try:
            piece = self.piece(data, first_row)
        except (InputError, csv.Error, UnicodeDecodeError):  # the caller reads it, and says
            pass  # what is wrong
        finally:
            if piece is None and self.fold is not None:  # left: nothing of it is kept
                self.fold.noted_nips()
                self.fold.found, self.fold.floor = [], 0
        return piece

    def piece(self, data: bytes, first_row: int) -> _Piece | None:
        if near_too_long(data):
            return None
        options = self.options
        stream = options.stream(fold=self.fold, progress=None, estimate=0)
        if self.fold is None:
            self.fold = stream.fold
            self.fold.defers(keeping=True)
        fold = self.fold
        table = options.table(self.head.header, stream)
        header = len(table.findings)  # about the header: the caller's table has them
        sorter = RowSorter(table)
        straight, plain, add = sorter.straight, table.plain_width, table.add_plain
        row = first_row - 1
        lines = piece_lines(data)
        if splits_plainly(data):
            row += table.add_lines(row, lines, self.head.delimiter, straight)
        else:
            for cells, unclosed in records(lines, self.head.delimiter):
                row += 1
                if unclosed or not straight(cells) or not plain(cells):
                    return None  # a row that is not a participant's, read by the header's layout
                add(row, cells)
        count = len(lines)  # the piece's lines, as _line_count counts them
        if row - first_row + 1 != count or ends_open(data, self.head.delimiter):
            return None  # a line that is not one row, or a quote that runs on past the piece
        shown = [stream.close_one(table, cohort) for cohort in table.cohorts]
        firsts, again = fold.noted_firsts()
        found, fold.found, fold.floor = fold.found, [], 0
        return _Piece(
            first_row,
            count,
            list(table.cohorts),
            stream.count,
            table.findings[header:],
            list(stream.structurer.findings),
            found,
            firsts,
            again,
            shown,
        )


def _moved(finding: Finding, base: int) -> Finding:
    """A finding about a cohort of a piece, at the cohort's position in the file."""
    location = finding.location
    keys = location.keys
    if base and len(keys) >= 2 and keys[0] == "cohorts" and isinstance(keys[1], int):
        moved = ("cohorts", keys[1] + base, *keys[2:])
        return finding.at(Location(moved, location.file, location.row, location.last_row))
    return finding


class _Merging:
    """The pieces the caller reads, and the workers' taken on with them in the file's order."""

    def __init__(
        self,
        file: _File,
        head: _Head,
        spans: Sequence[tuple[int, int]],
        options: _Options,
        *,
        progress: Callable[[int, int], None] | None,
        estimate: int,
    ) -> None:
        self.file = file
        self.head = head
        self.spans = spans
        self.progress = progress
        self.received: dict[int, _Piece | None] = {}
        """The workers' pieces received so far, by their indexes (filled by another thread)."""
        self.merged: set[int] = set()
        """The workers' pieces taken on (or read here): the progress counts the others apart."""
        self.stream = options.stream(
            progress=None if progress is None else self.show, estimate=estimate
        )
        self.options = options
        self.rows: CsvRows[_StreamTable] = CsvRows(
            options.name, self.start, options.kind, head.delimiter
        )
        self.broken = False
        """Whether a piece was not read as the file read in one process reads it."""
        self.pieces: list[tuple[int, int, int]] = []
        """Each piece read so far, here or by a worker: its first row, and where it is."""
        self.lines: dict[int, list[bytes]] = {}
        """The lines of the piece last read again, by its index in :attr:`pieces`."""
        self.scratch: _StreamTable | None = None
        """A table of the file's header, to structure a participant again (:meth:`person`)."""
        self.tally: Tally | None = None
        """The findings of each code before the next worker's piece to take on (:meth:`merge`)."""

    def start(self, header: Sequence[str], name: str | None, header_row: int) -> _StreamTable:
        return self.options.table((list(header), name, header_row), self.stream)

    def show(self, done: int, total: int) -> None:
        """The progress: the participants checked here, and those of the workers' pieces to come."""
        assert self.progress is not None
        received = list(self.received.items())  # a copy: the receiving thread adds to it
        done += sum(piece.count for index, piece in received if piece and index not in self.merged)
        self.progress(done, max(total, done))

    def own(self, index: int) -> None:
        """Read the piece ``index`` here, as the rows after those read so far."""
        if self.broken:
            return
        start, stop = self.spans[index]
        data = self.file.read(start, stop)
        rows, stream = self.rows, self.stream
        table = rows.layout.table
        first_row, cohorts, count = rows.row, len(table.cohorts) if table else 0, stream.count
        unclosed = rows.unclosed
        self.pieces.append((first_row + 1, start, stop))
        # the file's head apart from the rest of the first piece, which is then read as the
        # pieces after it are, unless a quote may run on from one into the other
        end = self.head.end if start == 0 and b'"' not in data[: self.head.end] else 0
        try:
            if end:
                self.read(data[:end], first=True)
            self.read(data[end:], first=start + end == 0)
        except (InputError, UnicodeDecodeError):
            self.broken = True
            return
        table = rows.layout.table
        self.broken = (
            rows.row - first_row != _line_count(data)  # a line that is not one row
            # a quote left open at the piece's end: in one process it runs on into the next
            or (rows.unclosed != unclosed and stop < self.file.size)
            or (stop < self.file.size and ends_open(data, self.head.delimiter))
            or near_too_long(data)  # refused, or not, by where the whole file's chunks fall
            or table is None
            or rows.layout.sorter is None
            # a row of a cohort of an earlier piece
            or sum(cohort.size for cohort in table.cohorts_from(cohorts)) != stream.count - count
        )
        if not self.broken and table is not None:
            # no later piece has rows of its cohorts (or the file is read again): they are
            # closed now, while the workers work
            stream.close_from(table, cohorts)

    def read(self, data: bytes, *, first: bool) -> None:
        """Read the rows of ``data``, the lines after those read so far (``first``: the file's).

        Raises:
            InputError: If a line cannot be read.
            UnicodeDecodeError: If ``data`` is not UTF-8.
        """
        rows = self.rows
        table, sorter = rows.layout.table, rows.layout.sorter
        if table is not None and sorter is not None and sorter.plain and splits_plainly(data):
            lines = piece_lines(data)  # after the header: no byte-order mark
            added = table.add_lines(rows.row, lines, self.head.delimiter, sorter.straight)
            rows.row += added
            rows.feed(iter(lines[added:]), quoted=False)
        else:
            rows.feed(
                text_lines(io.BytesIO(data), self.options.name, first=first), quoted=b'"' in data
            )

    def merge(self, index: int, piece: _Piece | None) -> None:
        """The piece ``index``, as a worker read it, or read here when it cannot be taken on."""
        if self.broken:
            return
        self.merged.add(index)
        rows, stream = self.rows, self.stream
        table, sorter = rows.layout.table, rows.layout.sorter
        if (
            piece is None
            or table is None
            or sorter is None
            or not sorter.plain
            or not table.settled
            or piece.first_row != rows.row + 1
        ):
            self.own(index)
            return
        base = table.adopt(piece.cohorts, piece.count)
        if base is None:  # a cohort of an earlier piece has rows in it
            self.broken = True
            return
        self.pieces.append((piece.first_row, *self.spans[index]))
        rows.row += piece.lines
        stream.count += piece.count
        structured, fold = stream.structurer.findings, stream.fold
        if self.tally is None:  # the findings of the pieces before, all read here
            self.tally = Tally(table.findings, structured, fold.found)
        # those of a code the report holds its cap of before the piece, folded before they move
        reading, structuring, found = self.tally.fold(piece.reading, piece.structuring, piece.found)
        table.findings.extend(_moved(finding, base) for finding in reading)
        stream.table_findings = len(table.findings)
        stream.table_floor = compact(table.findings, floor=stream.table_floor)
        structured.extend(_moved(finding, base) for finding in structuring)
        stream.structure_floor = compact(structured, floor=stream.structure_floor)
        fold.found.extend(_moved(finding, base) for finding in found)
        fold.floor = compact(fold.found, floor=fold.floor)
        shift = base * _SHIFT * _SHIFT
        fold.take_noted(
            {key: at + shift for key, at in piece.firsts.items()},
            [(at + shift, key) for at, key in piece.again],
            self.nip_at,
        )
        for position, (cohort, indexes, shown_rows) in enumerate(piece.shown, start=base):
            stream.closed[position] = (
                cohort,
                indexes,
                {("cohorts", position, *keys[2:]): at for keys, at in shown_rows.items()},
            )

    def finish(self, across: AcrossFiles | None) -> Streamed | None:
        """The file validated; ``None`` when it must be validated in one process."""
        table = self.rows.layout.table
        if self.broken or table is None:
            return None
        if across is not None:
            self.stream.fold.joins(across)
        return self.completed(self.stream.finish(table, trailing_blank_rows=True))

    def person(self, row: int) -> Participant:
        """The participant of the row ``row``, read again from the file and structured."""
        at = bisect.bisect_right(self.pieces, (row, _AFTER, _AFTER)) - 1
        first_row, start, stop = self.pieces[at]
        lines = self.lines.get(at)
        if lines is None:  # the last piece read again is kept, no other: memory stays flat
            lines = self.file.read(start, stop).split(b"\n")
            self.lines = {at: lines}
        # as a worker reads a piece's lines (a participant's row is one line, never the header)
        cells = next(records(piece_lines(lines[row - first_row]), self.head.delimiter))[0]
        if self.scratch is None:
            stream = self.options.stream(progress=None, estimate=0)
            self.scratch = self.options.table(self.head.header, stream)
        person = self.scratch.reread(row, cells)
        if person is None:  # pragma: no cover - a participant's row is never blank
            raise AssertionError(f"row {row} is blank")
        return person

    def nip_at(self, at: int) -> str:
        """The NIP as written of the participant at the place ``at`` (its row at the bottom)."""
        return self.person(at % _SHIFT).nip

    def completed(self, streamed: Streamed) -> Streamed:
        """``streamed`` showing every participant a finding of its report is about.

        A participant's NIP given twice, or given in an earlier file, is reported
        here, after the piece it is in was checked: it is read again.
        """
        shown = streamed.shown
        held = [set(indexes) for indexes in shown.participant_index]
        wanted: dict[int, dict[int, int]] = {}
        for finding in streamed.report.findings:
            where = finding.location
            keys = where.keys
            if len(keys) < 4 or keys[0] != "cohorts" or keys[2] != "participants":
                continue
            cohort, index = keys[1], keys[3]
            if (
                isinstance(cohort, int)
                and isinstance(index, int)
                and index not in held[cohort]
                and where.row is not None
            ):
                wanted.setdefault(cohort, {})[index] = where.row
        if not wanted:
            return streamed
        cohorts = list(shown.cohorts)
        kept = list(shown.participant_index)
        rows = dict(shown.document.rows)
        for position, more in wanted.items():
            people = dict(zip(kept[position], cohorts[position].participants, strict=True))
            for index, row in more.items():
                people[index] = self.person(row)
                rows["cohorts", position, "participants", index] = row
            order = sorted(people)
            cohorts[position] = attrs.evolve(
                cohorts[position], participants=[people[index] for index in order]
            )
            kept[position] = tuple(order)
        document = attrs.evolve(shown.document, rows=rows)
        loaded = attrs.evolve(
            shown, cohorts=tuple(cohorts), participant_index=tuple(kept), document=document
        )
        return attrs.evolve(streamed, shown=loaded)


def validate_table_shared(
    path: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    least: int | None = None,
    **options: Any,
) -> Streamed:
    """:func:`~pelatihan.validation.stream.validate_table`, in pieces shared out when workers pay.

    A CSV file is read in pieces shared out between this process and workers
    (see above) when ``jobs`` is not 1, and no ``results`` are given, and the
    file is large enough (:func:`~pelatihan.validation.parallel.workers`,
    which ``jobs`` and ``least`` are passed to) and has a column of cohorts;
    any other table is validated in this process. The outcome is the same.

    Args:
        path: As for ``validate_table``.
        jobs: ``1`` for this process alone, ``None`` for as many as there are
            usable CPUs that other programs leave idle, or a number.
        least: The fewest participants worth the workers (estimated from the
            file's first mebibyte).
        options: ``validate_table``'s other arguments.

    Raises:
        As ``validate_table`` does.
    """
    name = os.fspath(path)
    if (
        jobs != 1
        and os.path.splitext(name)[1].lower() in CSV_SUFFIXES
        and options.get("results") is None
    ):
        progress = options["progress"] = parallel.onward(options.get("progress"))
        checks = {key: options.get(key) for key in _CHECKS}
        streamed = _in_pieces(
            name,
            jobs=jobs,
            least=least,
            columns=options.get("columns"),
            defaults=options.get("defaults"),
            progress=progress,
            estimate=estimated_rows(name),
            across=options.get("across"),
            checks=checks,
        )
        if streamed is not None:
            return streamed
    return one_process.validate_table(name, **options)


_CHECKS = ("calendar", "rulebook", "probation_margin_days", "in_force_from")
"""The checks' options a stream is made with, passed on to each process's."""


def _in_pieces(
    name: str,
    *,
    jobs: int | None,
    least: int | None,
    columns: Mapping[str, str] | None,
    defaults: Mapping[str, str] | None,
    progress: Callable[[int, int], None] | None,
    estimate: int,
    across: AcrossFiles | None,
    checks: dict[str, Any],
) -> Streamed | None:
    """The file validated in pieces; ``None`` when it is to be validated in one process.

    ``estimate``: its participants, about (:func:`~pelatihan.validation.stream.estimated_rows`).
    """
    try:
        file = _File(name)
    except (OSError, InputError):  # the reader in one process says what is wrong
        return None
    try:
        count = parallel.workers(jobs, estimate, PIECES_PER_PROCESS, least=least)
        if count < 2:
            return None
        head = _head(file, file.read(0, min(file.size, _HEAD_BYTES)), columns, defaults)
        if head is None:
            return None
        options = _Options(name, _StreamTable.with_columns(columns), defaults, checks)
        spans = _cuts(file, head, PIECES_PER_PROCESS * count)
        if len(spans) < 2:
            return None
        merging = _Merging(file, head, spans, options, progress=progress, estimate=estimate)
        worker = _Worker(file, head, options)
        first, results = parallel.share(worker.run, spans, count - 1, merging.own, merging.received)
        for index in range(first, len(spans)):  # in the order of the file
            merging.merge(index, results.get(index))
        return merging.finish(across)
    finally:
        file.close()
