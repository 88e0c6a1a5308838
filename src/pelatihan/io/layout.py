"""The layout of a table as agencies lay it out: where the header is, and what each row is.

Official participant lists are made to be printed: a title and the agency's
name above the header, a header of two rows, a row numbering the columns, a
total row and a signature block below the participants. The table readers
(:mod:`pelatihan.io.csv`, :mod:`pelatihan.io.xlsx`) feed their rows to a
:class:`Layout`, which finds the header (:func:`find_header`) and hands each
row after it to the table (a :class:`~pelatihan.io.table.RowTable`: a
participant list, a results export) or accounts for it with a finding
(:class:`RowSorter`). What it looks for is the table's: the columns it
requires (:attr:`~pelatihan.io.table.RowTable.REQUIRED`) by the headers of
its fields (:attr:`~pelatihan.io.table.RowTable.HEADERS`).

The header
----------

* The header is the first row, among the first :data:`HEADER_SEARCH_ROWS`
  rows, whose cells name every column the table requires (for a participant
  list, a NIP column and a name column). Each row with text above it is a
  title row (``input.title-row``, info). When no such row is found, the first
  row with text is the header, and the error about the columns it lacks says
  which rows were looked at.
* A row of group titles right above the header (two cells with text or more,
  ``Identitas Peserta`` over ``NIP`` and ``Nama``) gives a column whose header
  cell is empty its name (the cell merged down over both rows); it is reported
  as the header's other row (``input.two-row-header``, info).
* A row right under the header is the header's second row when its NIP and
  name cells are empty and each of its cells with text is a header: a known
  header, or under an empty header cell, or under a header cell that is merged
  across the columns to its right (its right neighbour empty with text under
  it). A merged header cell extends over the columns its second row spans; a
  column's header is then the second row's when it is a known header, else the
  merged cell's (unless another column of the span has its field), else the
  second row's text (``Pangkat/Golongan`` over ``Gol. Ruang`` and
  ``Keterangan``: the grade, and an unknown column). The second row is
  reported (``input.two-row-header``).

The rows
--------

Every row after the header is exactly one of: a record, a blank row
(``input.blank-row``), or one of these, each an info finding at its row:

* ``input.column-numbers``: the first row with text under the header, when its
  cells (two or more) are all column numbers in increasing order (``1``,
  ``(2)``, ``3.``, ``[4]``).
* ``input.total-row``: a row whose first cell with text starts with the word
  ``JUMLAH`` or ``TOTAL`` (any case) and that has no NIP that looks like one
  (18 digits) and not both a NIP and a name. When it states a number (its last
  cell with text is a whole number) and that number is not the count of records
  since the header (or the total row before it), ``input.total-mismatch`` (a
  warning) says so.
* ``input.footer-row``: rows below the records. The footer begins at a row
  that is not a record by the rule below, has no NIP that looks like one,
  and either has text in one or two cells, none in the name cell, no digit
  in the NIP cell and a letter in one (in a table with a NIP and a name
  column), or begins like a signature block (a place and a date,
  ``Sidoarjo, 15 April 2024``; ``Mengetahui``, ``Kepala ...``, ``a.n.``,
  ``NIP. ...``, ``Catatan``, ``Keterangan:``, a rank with its grade,
  ``Pembina (IV/a)``). Every row after it that is not a record, a blank row
  or a total row is a footer row too.
* ``input.section-row``: those rows when a record follows them. A row is
  below the table only when no record follows it in the table (in its
  worksheet, for a workbook of several); rows that would begin the footer
  and have a record after them head a section of the table (``B. GOLONGAN
  III``, ``Peserta Golongan II`` between two groups of participants, or
  above the first). The records after them are read as records, and the rows
  after those are looked at afresh.

A row with a name and text in another known column is always a record,
whatever comes before it (so is a row with a NIP and a name): a data row with
a malformed NIP stays a participant, and the rules report its NIP. Only the
first rows and the rows that lack a NIP or a name are looked at closer; the
others go straight to the table.

    >>> from pelatihan.io.layout import Layout
    >>> from pelatihan.io.tabular import TableBuilder
    >>> def start(header, name, header_row):
    ...     return TableBuilder(header, file=name, header_row=header_row)
    >>> layout = Layout(TableBuilder, start, "daftar.csv")
    >>> rows = [
    ...     ["DAFTAR PESERTA LATSAR CPNS ANGKATAN II", "", ""],
    ...     ["No", "NIP", "Nama"],
    ...     ["(1)", "(2)", "(3)"],
    ...     ["1", "19860926 201505 1 001", "Budi"],
    ...     ["JUMLAH", "", "1"],
    ...     ["Sidoarjo, 15 April 2024", "", ""],
    ... ]
    >>> for number, cells in enumerate(rows, start=1):
    ...     layout.feed(number, cells)
    >>> doc = layout.end().document()
    >>> doc.rows
    {('cohorts', 0, 'participants', 0): 4}
    >>> [(f.code, f.location.row) for f in doc.findings]  # doctest: +NORMALIZE_WHITESPACE
    [('input.title-row', 1), ('input.column-numbers', 3), ('input.total-row', 5),
     ('input.footer-row', 6)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

import attrs

from pelatihan.catalogue.reading import (
    COLUMN_NUMBERS,
    FOOTER_ROW,
    SECTION_ROW,
    TITLE_ROW,
    TOTAL_MISMATCH,
    TOTAL_ROW,
    TWO_ROW_HEADER,
)
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Location, Rule
from pelatihan.io.document import InputError
from pelatihan.io.table import RowTable, normalize_header

__all__ = [
    "HEADER_SEARCH_ROWS",
    "Header",
    "Layout",
    "RowSorter",
    "find_header",
    "names_required",
]

TableT = TypeVar("TableT", bound=RowTable)
RawT = TypeVar("RawT")

HEADER_SEARCH_ROWS = 30
"""The rows, from the first, among which a table's header is looked for."""


def names_required(cells: Sequence[str], kind: type[RowTable]) -> bool:
    """Whether ``cells`` name every column a table of ``kind`` requires, by its headers.

    Example:
        >>> from pelatihan.io.tabular import TableBuilder
        >>> names_required(["No", "Nama", "Gol/Ruang"], TableBuilder)
        False
        >>> names_required(["No", "NIP", "Nama"], TableBuilder)
        True
    """
    aliases = kind.aliases()
    named = {aliases.get(normalize_header(cell)) for cell in cells if cell}
    return all(field in named for field in kind.REQUIRED)


@attrs.frozen
class Header:
    """A table's header as :func:`find_header` finds it.

    Args:
        row: The header's row number (the upper row of a header of two).
        names: The header of each column, the two rows of a header of two combined.
        taken: How many of the rows looked at the header ends after (its rows,
            and every row above it).
        findings: The rows above the header and the header's other row, each
            accounted for.
    """

    row: int
    names: tuple[str, ...]
    taken: int
    findings: tuple[Finding, ...]


def find_header(
    rows: Sequence[tuple[int, Sequence[str]]], kind: type[RowTable], file: str | None
) -> Header | None:
    """The header among ``rows`` (numbered, as text) by the rules above, or ``None``.

    Example:
        >>> from pelatihan.io.tabular import TableBuilder
        >>> rows = [(1, ["Daftar Peserta", ""]), (2, ["", ""]), (3, ["NIP", "Nama"])]
        >>> header = find_header(rows, TableBuilder, "a.csv")
        >>> header.row, header.names, header.taken, [f.code for f in header.findings]
        (3, ('NIP', 'Nama'), 3, ['input.title-row'])
    """
    texts = [(number, [cell.strip() for cell in cells]) for number, cells in rows]
    at = next((i for i, (_, cells) in enumerate(texts) if names_required(cells, kind)), None)
    if at is None:
        return None
    row, names = texts[at]
    findings: list[Finding] = []
    upper: list[str] | None = None
    if at > 0 and texts[at - 1][0] == row - 1 and sum(1 for c in texts[at - 1][1] if c) >= 2:
        upper = texts[at - 1][1]
    for number, cells in texts[:at]:
        if not any(cells):
            continue
        if upper is not None and number == row - 1:
            findings.append(_two_rows(file, number, row))
        else:
            findings.append(
                TITLE_ROW.finding(
                    Location(file=file, row=number),
                    f"row {number} is above the header (row {row}): it is skipped",
                    f"baris {number} berada di atas judul kolom (baris {row}): baris ini dilewati",
                    value=shorten(next(cell for cell in cells if cell)),
                )
            )
    if upper is not None:  # a cell merged down over both rows names its column
        width = max(len(names), len(upper))
        names = [
            (names[i] if i < len(names) else "") or (upper[i] if i < len(upper) else "")
            for i in range(width)
        ]
    taken = at + 1
    if at + 1 < len(texts) and texts[at + 1][0] == row + 1:
        lower = texts[at + 1][1]
        if _is_second_row(names, lower, kind):
            names = _combined(names, lower, kind)
            findings.append(_two_rows(file, row + 1, row))
            taken += 1
    return Header(row, tuple(names), taken, tuple(findings))


def _two_rows(file: str | None, number: int, row: int) -> Finding:
    return TWO_ROW_HEADER.finding(
        Location(file=file, row=number),
        f"row {number} and row {row} make one header, read column by column",
        f"baris {number} dan baris {row} membentuk satu judul kolom, dibaca kolom demi kolom",
        value=number,
    )


_NUMBER = re.compile(r"[(\[]?(\d{1,3})[)\].]?")


def _is_second_row(upper: Sequence[str], lower: Sequence[str], kind: type[RowTable]) -> bool:
    aliases = kind.aliases()
    fields = [aliases.get(normalize_header(cell)) if cell else None for cell in upper]
    for field in kind.REQUIRED:
        index = fields.index(field)
        if index < len(lower) and lower[index]:
            return False
    if not any(lower):
        return False
    for index, cell in enumerate(lower):
        if not cell:
            continue
        if _NUMBER.fullmatch(cell):
            return False
        if normalize_header(cell) in aliases:
            continue
        above = upper[index] if index < len(upper) else ""
        if not above:
            continue
        merged = (
            index + 1 < len(lower)
            and lower[index + 1]
            and not (upper[index + 1] if index + 1 < len(upper) else "")
        )
        if not merged:
            return False
    return True


def _combined(upper: Sequence[str], lower: Sequence[str], kind: type[RowTable]) -> list[str]:
    aliases = kind.aliases()
    width = max(len(upper), len(lower))
    upper = [*upper, *[""] * (width - len(upper))]
    lower = [*lower, *[""] * (width - len(lower))]
    filled: list[str] = []  # each column's upper cell, a merged cell over the columns it spans
    for index in range(width):
        if upper[index]:
            filled.append(upper[index])
        elif index and lower[index] and filled[index - 1]:
            filled.append(filled[index - 1])
        else:
            filled.append("")
    given = {
        field
        for cell in lower
        if cell and (field := aliases.get(normalize_header(cell))) is not None
    }
    names: list[str] = []
    for index in range(width):
        below, above = lower[index], filled[index]
        if below and normalize_header(below) in aliases:
            names.append(below)
            continue
        field = aliases.get(normalize_header(above)) if above else None
        if field is not None and (field not in given or not below):
            given.add(field)
            names.append(above)
        else:
            names.append(below or above)
    return names


_TOTAL = re.compile(r"(?:jumlah|total)\b", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"(?:mengetahui|menyetujui|disetujui|kepala\b|a\.\s?n\.?|an\.|plt\.?\s|plh\.?\s|nip\b"
    r"|catatan|keterangan\s*:|ttd\b|dto\b|sekretaris\b|tembusan"
    r"|(?:pembina|penata|pengatur|juru)\b.*\((?:i{1,3}|iv)\s*/\s*[a-e]\)"
    r"|[^\W\d_][\w .'()-]*,\s*(?:\d{1,2}\s+)?[^\W\d_]+\.?\s+\d{4}\s*$)",
    re.IGNORECASE,
)
_NIP_SEPARATORS = re.compile(r"[\s.\-]")
_WHOLE = re.compile(r"\d{1,7}")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


def _nip_like(cell: str) -> bool:
    """Whether a cell looks like a NIP: 18 digits, give or take spaces, dots and hyphens."""
    digits = _NIP_SEPARATORS.sub("", cell)
    return len(digits) == 18 and digits.isdigit() and digits.isascii()


class RowSorter:
    """Gives each row after a table's header to the table, or accounts for it with a finding.

    Args:
        table: The table, its header read.
    """

    def __init__(self, table: RowTable) -> None:
        self.table = table
        columns = table.columns
        self._nip = columns.index("nip") if "nip" in columns else -1
        self._name = columns.index("name") if "name" in columns else -1
        self._ident = self._name if self._name >= 0 else self._nip
        self._both = self._nip >= 0 and self._name >= 0
        self._first = True  # the next row with text may number the columns
        self._footer = False
        # while the rows below the table may be a section heading: where in the table's findings
        # they begin, and what each run of them shows, by its first row
        self._held: int | None = None
        self._shown: dict[int, str] = {}
        self._last_held = -2
        self._counted = 0  # the records before the last total row
        self._plain = False  # whether a row with a NIP and a name goes straight to the table

    @property
    def nip(self) -> int:
        """The index of the NIP column, or -1."""
        return self._nip

    def add(self, row: int, cells: Sequence[str]) -> None:
        """Give the row numbered ``row``, its cells as text, to the table, or account for it."""
        if self._plain and self.straight(cells):
            self.table.add_row(row, cells)
            return
        self._sort(row, cells)

    @property
    def plain(self) -> bool:
        """Whether the next row goes straight to the table when :meth:`straight` says so.

        So it does from the first row with text after the header on, outside the
        rows below the table: nothing held back decides what a row is.
        """
        return self._plain

    def straight(self, cells: Sequence[str]) -> bool:
        """Whether a row has a NIP and a name: a record, whatever the rows around it.

        Never in a table without a NIP column or without a name column.
        """
        if not self._both:
            return False
        try:
            nip, name = cells[self._nip], cells[self._name]
        except IndexError:
            return False
        return bool(nip and name) and not nip.isspace() and not name.isspace()

    def add_blank(self, first: int, last: int) -> None:
        """Account for the blank rows ``first`` to ``last``, which the file does not hold.

        A worksheet leaves out the rows between two rows with values; they are
        blank rows, held by the table as one run.
        """
        self.table.blank_rows(first, last)

    def _sort(self, row: int, cells: Sequence[str]) -> None:
        table = self.table
        values = [cell.strip() for cell in cells]
        filled = [(index, value) for index, value in enumerate(values) if value]
        if not filled:
            table.add_row(row, cells)  # a blank row, which the table reports
            return
        if self._first:
            self._first = False
            self._plain = self._both
            if len(filled) >= 2 and _numbers_columns(filled):
                self._skip(COLUMN_NUMBERS, row, "numbers the columns", "berisi nomor kolom", filled)
                return
        nip = values[self._nip] if 0 <= self._nip < len(values) else ""
        ident = values[self._ident] if 0 <= self._ident < len(values) else ""
        looks_like_nip = bool(nip) and _nip_like(nip)
        name = values[self._name] if 0 <= self._name < len(values) else ""
        if not looks_like_nip and not (nip and name) and _TOTAL.match(filled[0][1]):
            self._total(row, filled)
            return
        columns = table.columns
        width = len(columns)
        if ident and any(
            index != self._ident and index < width and columns[index] is not None
            for index, _ in filled
        ):
            if self._held is not None:  # a record after them: the rows held head a section
                self._sections()
            table.add_row(row, cells)
            return
        if not self._footer and not looks_like_nip:
            if len(filled) <= 2:
                starts = (
                    self._both
                    and not _DIGIT.search(nip)  # no NIP: empty, or text without a digit
                    and not name
                    and any(_LETTER.search(value) for _, value in filled)
                ) or any(_SIGNATURE.match(value) for _, value in filled)
            else:
                starts = _SIGNATURE.match(filled[0][1]) is not None
            if starts:
                self._footer = True
                self._plain = False
                self._held = len(table.findings)
        if self._footer:
            self._skip(FOOTER_ROW, row, "is below the table", "berada di bawah tabel", filled)
            return
        table.add_row(row, cells)

    def _skip(
        self,
        rule: Rule,
        row: int,
        en: str,
        id_: str,
        filled: Sequence[tuple[int, str]],
    ) -> None:
        shown = ", ".join(quote(value) for _, value in filled[:3])
        if len(filled) > 3:
            shown += ", \u2026"
        if rule is FOOTER_ROW:
            if row != self._last_held + 1:  # a run of them may begin here
                self._shown[row] = shown
            self._last_held = row
        self.table.skip_row(
            rule.finding(
                Location(file=self.table.file, row=row),
                f"row {row} {en} ({shown}): it is skipped",
                f"baris {row} {id_} ({shown}): baris ini dilewati",
                value=shorten(filled[0][1]),
            ),
            _Run(en, id_, shown) if rule is FOOTER_ROW else None,
        )

    def _sections(self) -> None:
        """The rows held as below the table have a record after them: they head a section."""
        table = self.table
        table.flush_skipped()
        findings = table.findings
        for index in range(self._held or 0, len(findings)):
            held = findings[index]
            if held.code != FOOTER_ROW.code or held.location.row is None:
                continue
            first, last = held.location.row, held.location.last_row
            shown = self._shown.get(first, "")
            if last is None:
                en = f"row {first} heads a section of the table ({shown}): it is skipped"
                id_ = f"baris {first} adalah judul bagian tabel ({shown}): baris ini dilewati"
            else:
                count = last - first + 1
                en = (
                    f"rows {first}\u2013{last} ({count} rows) head a section of the table, the "
                    f"first ({shown}): they are skipped"
                )
                id_ = (
                    f"baris {first}\u2013{last} ({count} baris) adalah judul bagian tabel, yang "
                    f"pertama ({shown}): baris-baris ini dilewati"
                )
            findings[index] = SECTION_ROW.finding(held.location, en, id_, value=held.value)
        self._held = None
        self._shown.clear()
        self._footer = False
        self._plain = self._both

    def _total(self, row: int, filled: Sequence[tuple[int, str]]) -> None:
        self._skip(TOTAL_ROW, row, "states a total", "berisi jumlah", filled)
        records = self.table.records - self._counted
        self._counted = self.table.records
        last = filled[-1][1] if len(filled) > 1 else ""
        if _WHOLE.fullmatch(last) and int(last) != records:
            noun_en, noun_id = self.table.RECORD
            self.table.findings.append(
                TOTAL_MISMATCH.finding(
                    Location(file=self.table.file, row=row),
                    f"row {row} states a total of {int(last)}, but {records} row(s) above it "
                    f"were read as {noun_en}s",
                    f"baris {row} menyebut jumlah {int(last)}, tetapi {records} baris di atasnya "
                    f"dibaca sebagai {noun_id}",
                    value=int(last),
                )
            )


@attrs.frozen
class _Run:
    """How a run of rows skipped for one reason is described (the rows below a table)."""

    en: str
    id_: str
    shown: str

    def __call__(self, first: int, last: int) -> tuple[str, str]:
        count = last - first + 1
        english = (
            f"rows {first}\u2013{last} ({count} rows) {self.en.replace('is ', 'are ', 1)}, "
            f"the first ({self.shown}): they are skipped"
        )
        indonesian = (
            f"baris {first}\u2013{last} ({count} baris) {self.id_}, yang pertama "
            f"({self.shown}): baris-baris ini dilewati"
        )
        return english, indonesian


def _numbers_columns(filled: Iterable[tuple[int, str]]) -> bool:
    last = -1
    for _, value in filled:
        match = _NUMBER.fullmatch(value)
        if match is None:
            return False
        number = int(match[1])
        if number <= last:
            return False
        last = number
    return True


def _text_as_is(raw: Sequence[str], nip: int) -> Sequence[str]:
    return raw


class Layout(Generic[TableT, RawT]):
    """Reads a table's rows as they come: finds the header, then sorts the rows after it.

    Feed it every row of the file or worksheet from the first, numbered, with
    :meth:`feed`; :meth:`end` then returns the table, every row given to it or
    accounted for. The first :data:`HEADER_SEARCH_ROWS` rows are held until the
    header is found among them.

    Args:
        kind: The class of the table (its headers and required columns find the header).
        start: Makes the table from the header's cells, the file's name and the
            header's row number.
        file: The file's name (for findings and errors).
        text: A row's cells as text, given the index of the NIP column (-1 while
            the header is not known); by default the rows are text already.
        table: The table ``start`` goes on with (the next worksheet's rows), if any:
            the findings about the rows above the header follow its findings so far.
    """

    def __init__(
        self,
        kind: type[RowTable],
        start: Callable[[Sequence[str], str | None, int], TableT],
        file: str | None,
        text: Callable[[RawT, int], Sequence[str]] | None = None,
        table: RowTable | None = None,
    ) -> None:
        self._mark = len(table.findings) if table is not None else 0
        self._kind: type[RowTable] = kind
        self._start = start
        self._file = file
        self._text: Callable[[RawT, int], Sequence[str]] = text or _text_as_is  # type: ignore[assignment]
        self._head: list[tuple[int, RawT]] = []
        self._late = False  # no header among the first rows, and no text in them
        self._notes: list[Finding] = []
        self.table: TableT | None = None
        """The table, once its header is read."""
        self.sorter: RowSorter | None = None
        """What sorts the rows after the header, once it is read."""

    def note(self, finding: Finding) -> None:
        """Add a finding about the file (an unclosed quote) to the table's, in order."""
        if self.table is None:
            self._notes.append(finding)
        else:
            self.table.findings.append(finding)

    def feed(self, row: int, raw: RawT) -> None:
        """Give the row numbered ``row``."""
        if self.sorter is not None:
            self.sorter.add(row, self._text(raw, self.sorter.nip))
        elif self._late:
            cells = self._text(raw, -1)
            if any(cell.strip() for cell in cells):
                self._begin(self._fallback(cells, row, 0), ())
        else:
            self._head.append((row, raw))
            if row >= HEADER_SEARCH_ROWS:
                self._settle()

    def feed_blank(self, first: int, last: int, empty: RawT) -> None:
        """Give the blank rows ``first`` to ``last``, which the file leaves out, as ``empty``.

        While the header is looked for, each is given as a row (there are at most
        :data:`HEADER_SEARCH_ROWS`); after it, they go to the table as one run.
        """
        row = first
        while row <= last and self.sorter is None and not self._late:
            self.feed(row, empty)
            row += 1
        if row <= last and self.sorter is not None:
            self.sorter.add_blank(row, last)

    def end(self) -> TableT | None:
        """The table, every row fed; ``None`` when no row has any text."""
        if self.sorter is None and not self._late:
            self._settle()
        return self.table

    def _settle(self) -> None:
        head, self._head = self._head, []
        texts = [(number, self._text(raw, -1)) for number, raw in head]
        header = find_header(texts, self._kind, self._file)
        if header is not None:
            table = self._start(list(header.names), self._file, header.row)
            self._begin(table, header.findings)
            rest = head[header.taken :]
        else:
            at = next(
                (i for i, (_, cells) in enumerate(texts) if any(c.strip() for c in cells)), None
            )
            if at is None:
                self._late = True
                return
            number, cells = texts[at]
            looked = head[-1][0] if head else number
            self._begin(self._fallback(cells, number, looked), ())
            rest = head[at + 1 :]
        assert self.sorter is not None
        for number, raw in rest:
            self.sorter.add(number, self._text(raw, self.sorter.nip))

    def _fallback(self, cells: Sequence[str], row: int, looked: int) -> TableT:
        try:
            return self._start(cells, self._file, row)
        except InputError as error:
            if not looked:
                raise
            raise InputError(
                f"{error.message_en}; no row among rows 1 to {looked} names them",
                f"{error.message_id}; tidak ada baris di antara baris 1 sampai {looked} yang "
                "menyebutnya",
                value=error.value,
            ) from None

    def _begin(self, table: TableT, findings: Iterable[Finding]) -> None:
        table.findings[self._mark : self._mark] = [*findings, *self._notes]
        self._notes.clear()
        self.table = table
        self.sorter = RowSorter(table)
