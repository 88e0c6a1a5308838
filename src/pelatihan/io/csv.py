r"""Reading participant lists from CSV files, as HR systems and Excel export them.

:func:`read_csv` reads a CSV file into a :class:`~pelatihan.io.document.RawDocument`
in the interchange shape; :mod:`pelatihan.io.tabular` describes the headers it
knows, how rows are grouped into cohorts and how every row is accounted for.
:func:`read_table` is the reading itself, for any :class:`~pelatihan.io.table.RowTable`:
results exports are read with it too (:func:`pelatihan.io.results.read_results_csv`).

The file
--------

* The text must be UTF-8, with or without a byte-order mark (Excel's "CSV
  UTF-8"). Any other encoding (Excel's plain "CSV" on Windows writes
  Windows-1252) is an :class:`~pelatihan.io.document.InputError` naming the
  file, the byte offset and the line of the first byte that is not UTF-8.
* The delimiter is the one of ``;`` (Excel with Indonesian settings), ``,`` and
  tab that makes the header line a header: of the first 30 lines, the first
  that names every column the table needs with one of them, split by the one
  it holds most often. A file with no such line takes the one the first line
  that is not blank holds most often. Fields in double quotes may hold
  delimiters, quotes (doubled) and line breaks.
* A double quote that is never closed would take every line after it into one
  cell. The row that opens it is read up to the end of its own line instead,
  each line after it as a row of its own, and the row is reported
  (``input.unclosed-quote``, an error): no participant disappears into a cell.
* The header, and what each row after it is, follow :mod:`pelatihan.io.layout`:
  the header is the first row among the first 30 that names a NIP column and a
  name column, below any title rows (``input.title-row``); a header of two
  rows, a row of column numbers, a total row and a signature block below the
  participants are read as such, each row reported. Rows are numbered as a
  spreadsheet numbers them, from the file's first line, and a row whose quoted
  cell spans several lines is still one row.
* A NUL character is a character like any other, in a cell as in a written row,
  on every Python version (Python 3.10's :mod:`csv` refuses it, 3.11's takes it:
  on 3.10 it is carried through :mod:`csv` as two ordinary characters).
* Rows are read one at a time, so a file's size is bounded only by the size of
  the resulting document.

    >>> import io
    >>> from pelatihan.io.csv import read_csv
    >>> data = (
    ...     "\ufeffAngkatan;NIP;Nama;Gol/Ruang;Instansi\r\n"
    ...     "I;19860926 201505 1 001;Budi Santoso;III/a;\"Dinas Kesehatan; Kota Bogor\"\r\n"
    ...     ";;;;\r\n"
    ...     "II;19950417 201903 2 004;Dewi Lestari;II/c;BKN\r\n"
    ... ).encode("utf-8")
    >>> doc = read_csv(io.BytesIO(data), file_name="peserta.csv", defaults={"track": "III"})
    >>> cohorts = doc.data["cohorts"]
    >>> [(c["id"], c["track"], [p["name"] for p in c["participants"]]) for c in cohorts]
    [('I', 'III', ['Budi Santoso']), ('II', 'III', ['Dewi Lestari'])]
    >>> cohorts[0]["participants"][0]["agency"]
    'Dinas Kesehatan; Kota Bogor'
    >>> doc.rows
    {('cohorts', 0, 'participants', 0): 2, ('cohorts', 1, 'participants', 0): 4}
    >>> [(f.code, f.location.row) for f in doc.findings]
    [('input.blank-row', 3)]

An agency's list saved from Excel, with its title, column numbers and total:

    >>> data = (
    ...     "DAFTAR PESERTA LATSAR CPNS ANGKATAN II;;;\r\n"
    ...     ";;;\r\n"
    ...     "No;NIP;Nama;Gol/Ruang\r\n"
    ...     "(1);(2);(3);(4)\r\n"
    ...     "1;19860926 201505 1 001;Budi Santoso;III/a\r\n"
    ...     "JUMLAH;;;1\r\n"
    ... ).encode("utf-8")
    >>> doc = read_csv(io.BytesIO(data), file_name="daftar.csv")
    >>> doc.rows
    {('cohorts', 0, 'participants', 0): 5}
    >>> [(f.code, f.location.row) for f in doc.findings]  # doctest: +NORMALIZE_WHITESPACE
    [('input.title-row', 1), ('input.column-numbers', 4), ('input.total-row', 6)]
"""

from __future__ import annotations

import codecs
import csv
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Generic, Protocol, TextIO, TypeVar

from pelatihan.catalogue.reading import UNCLOSED_QUOTE
from pelatihan.findings import Finding, Location
from pelatihan.io.document import MAX_FILE_BYTES, InputError, RawDocument, check_size, open_input
from pelatihan.io.layout import HEADER_SEARCH_ROWS, Layout, names_required
from pelatihan.io.table import RowTable, file_label
from pelatihan.io.tabular import TableBuilder

__all__ = ["DELIMITERS", "read_csv", "read_table"]

TableT = TypeVar("TableT", bound=RowTable)

DELIMITERS = (";", ",", "\t")
"""The delimiters :func:`read_csv` recognises, in the order that breaks ties."""

_CHUNK = 1 << 16

MAX_LINE = 1_000_000
"""The longest line of a CSV file, in characters; a longer one is refused (a participant
record takes a few hundred)."""
_LINE_END = re.compile(r"\r\n|\r|\n")

# Python 3.10's csv module refuses a NUL character (reading: "line contains NUL";
# writing: "need to escape"), 3.11's takes it as any other. On 3.10 a NUL goes through
# the csv module as _MARK and "0", and _MARK itself as _MARK and "1": ordinary
# characters, which neither split nor quote a cell, turned back in each cell read and
# each row written, so every version reads and writes the same text.
_NUL_SAFE = sys.version_info >= (3, 11)
_MARK = "\ue000"
_HIDDEN = {"\x00": _MARK + "0", _MARK: _MARK + "1"}
_SHOWN = {hidden: shown for shown, hidden in _HIDDEN.items()}
_TO_HIDE = re.compile("[\x00\ue000]")
_TO_SHOW = re.compile(f"{_MARK}[01]")


def _hide(text: str) -> str:
    """``text`` without a NUL, for Python 3.10's csv module."""
    if "\x00" not in text and _MARK not in text:
        return text
    return _TO_HIDE.sub(lambda match: _HIDDEN[match.group()], text)


def _show(text: str) -> str:
    """The text :func:`_hide` gave ``text`` for."""
    return _TO_SHOW.sub(lambda match: _SHOWN[match.group()], text) if _MARK in text else text


def _shown(cells: list[str]) -> list[str]:
    return [_show(cell) for cell in cells] if _MARK in "".join(cells) else cells


class RowWriter(Protocol):
    """What :func:`csv_writer` gives: a writer of one row at a time."""

    def writerow(self, row: Iterable[Any], /) -> Any:
        """Write one row."""


class _Shown:
    """A text stream that writes what :func:`_hide` hid as it was."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_show(text))


class _NulWriter:
    """Python 3.10's csv writer, writing a NUL as 3.11's does."""

    def __init__(self, stream: TextIO, delimiter: str, lineterminator: str) -> None:
        self._writer = csv.writer(
            _Shown(stream), delimiter=delimiter, lineterminator=lineterminator
        )

    def writerow(self, row: Iterable[Any], /) -> Any:
        return self._writer.writerow(
            [_hide(cell) if isinstance(cell, str) else cell for cell in row]
        )


def csv_writer(stream: TextIO, *, delimiter: str, lineterminator: str) -> RowWriter:
    r"""A :func:`csv.writer` that writes a NUL character on every Python version.

    >>> import io
    >>> out = io.StringIO()
    >>> _ = csv_writer(out, delimiter=";", lineterminator="\n").writerow(["a\x00b", "c;d"])
    >>> out.getvalue()
    'a\x00b;"c;d"\n'
    """
    if _NUL_SAFE:
        return csv.writer(stream, delimiter=delimiter, lineterminator=lineterminator)
    return _NulWriter(stream, delimiter, lineterminator)  # pragma: no cover - version dependent


def read_csv(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    defaults: Mapping[str, str] | None = None,
    file_name: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> RawDocument:
    r"""Read a CSV participant list into raw data.

    Args:
        source: A path, or a file opened in binary mode.
        defaults: Cohort facts for the cohorts whose rows do not give them:
            ``track``, ``method``, ``start``, ``regime``, ``organizer``, and
            ``cohort``, the name of the cohort when there is no cohort column
            (otherwise the file's stem).
        file_name: The name to give the file in findings and errors (by default
            the path, or the file object's ``name``).
        columns: Headers of your own: the header of the column to read as each field
            (``{"name": "Nama Tanpa Gelar"}``; see
            :meth:`~pelatihan.io.table.RowTable.with_columns`).

    Returns:
        The document, with the row of each participant and the findings about
        the file (unknown or duplicate columns, blank rows, rows too long,
        cohorts whose rows disagree).

    Raises:
        InputError: If the file cannot be opened, is not UTF-8, has no rows, or
            has no NIP or no name column.
        ValueError: If ``defaults`` has an unknown key, or ``columns`` a field
            that a participant list does not have.

    Example:
        >>> import io
        >>> doc = read_csv(io.BytesIO(b"NIP,Nama\n1,Ana\n"), file_name="angkatan-1.csv")
        >>> cohort = doc.data["cohorts"][0]
        >>> cohort["id"], cohort["name"], cohort["participants"]
        ('angkatan-1', 'angkatan-1', [{'nip': '1', 'name': 'Ana'}])
        >>> read_csv(io.BytesIO(b"NIP,Nama\n1,Ren\xe9\n"), file_name="x.csv")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        pelatihan.io.document.InputError: x.csv: not UTF-8 text: byte 0xe9 at offset 14 (line 2) ...
    """
    kind = TableBuilder.with_columns(columns)

    def start(header: Sequence[str], name: str | None, header_row: int) -> TableBuilder:
        return kind(header, file=name, header_row=header_row, defaults=defaults)

    return read_table(source, start, file_name=file_name, kind=kind).document()


def read_table(
    source: str | os.PathLike[str] | IO[bytes],
    start: Callable[[Sequence[str], str | None, int], TableT],
    *,
    file_name: str | None = None,
    record: tuple[str, str] = ("participant", "peserta"),
    kind: type[RowTable] = TableBuilder,
) -> TableT:
    r"""Read a CSV file's rows into a table: the encoding, delimiter and row numbering above.

    Args:
        source: A path, or a file opened in binary mode.
        start: Makes the table from the header's cells, the file's name and the
            header's row number; every row after the header is then given to
            its :meth:`~pelatihan.io.table.RowTable.add_row`.
        file_name: The name to give the file in findings and errors (by default
            the path, or the file object's ``name``).
        record: What a row is, in English and Indonesian, for the message about
            an empty file.
        kind: The class of the table ``start`` makes: its headers and required
            columns find the header (:mod:`pelatihan.io.layout`).

    Returns:
        The table, every row added; the caller ends it.

    Raises:
        InputError: If the file cannot be opened, is not UTF-8, is empty, or
            cannot be read as CSV (or ``start`` raises it).

    Example:
        >>> import io
        >>> from pelatihan.io.tabular import TableBuilder
        >>> def start(header, name, header_row):
        ...     return TableBuilder(header, file=name, header_row=header_row)
        >>> table = read_table(io.BytesIO(b"NIP;Nama\n1;Ana\n"), start)
        >>> table.columns, table.records
        (('nip', 'name'), 1)
    """
    if isinstance(source, (str, os.PathLike)):
        path = file_name or os.fspath(source)
        try:
            with open_input(source, path) as stream:
                return _read(stream, path, start, record, kind)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(
                f"{path}: cannot be read: {reason}",
                f"{path}: tidak dapat dibaca: {reason}",
                value=path,
            ) from error
    stream_name = getattr(source, "name", None)
    name = file_name or (stream_name if isinstance(stream_name, str) else None)
    return _read(source, name, start, record, kind)


def _read(
    stream: IO[bytes],
    name: str | None,
    start: Callable[[Sequence[str], str | None, int], TableT],
    record: tuple[str, str],
    kind: type[RowTable],
) -> TableT:
    lines = text_lines(stream, name)
    head = list(itertools.islice(lines, HEADER_SEARCH_ROWS))
    if not any(line.strip() for line in head):
        head += _first_text(lines)
    delimiter = _delimiter(head, kind)
    if not delimiter:
        raise _empty(name, record)
    rows: CsvRows[TableT] = CsvRows(name, start, kind, delimiter)
    rows.feed(itertools.chain(head, lines))
    table = rows.layout.end()
    if table is None:
        raise _empty(name, record)
    return table


def text_lines(stream: IO[bytes], name: str | None, *, first: bool = True) -> Iterator[str]:
    r"""The lines of a CSV file (or of a piece of it), as :class:`CsvRows` reads them.

    Each with its line ending, as :func:`_lines` gives them (on Python 3.10 with
    any NUL hidden from the csv module). ``first``: whether ``stream`` begins at
    the file's beginning, where a byte-order mark is left out.
    """
    lines = _lines(stream, name, bom=first)
    if not _NUL_SAFE:  # pragma: no cover - version dependent
        lines = map(_hide, lines)
    return lines


def piece_lines(data: bytes) -> list[str]:
    r"""The lines of a piece of a CSV file that begins at the beginning of a line.

    As :func:`records` reads them: each without its ``\n`` (a ``\r`` before it
    ends the record too), a blank line at the end left out, on Python 3.10 with
    any NUL hidden. A line ending in a lone ``\r`` is not split here: :mod:`csv`
    refuses it.

    Raises:
        UnicodeDecodeError: If the piece is not UTF-8.
    """
    lines = data.decode("utf-8").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    if not _NUL_SAFE:  # pragma: no cover - version dependent
        lines = [_hide(line) for line in lines]
    return lines


def splits_plainly(data: bytes) -> bool:
    r"""Whether each line of a piece of a CSV file is its cells, split at the delimiter.

    So it is when the piece holds no double quote, no ``\r`` but before a ``\n``
    and (on Python 3.10) no NUL: each line of :func:`piece_lines` is then one
    record, whose cells, stripped, are those of :func:`stripped_cells` when
    the line is shorter than the csv module's field size limit
    (``tests/test_table_shares.py``).

    Example:
        >>> splits_plainly(b"1;Ana\r\n2;Budi\r\n"), splits_plainly(b'1;"Ana"\n')
        (True, False)
        >>> splits_plainly(b"1;Ana\r2;Budi\n")  # a lone CR, which the csv module refuses
        False
    """
    return (
        b'"' not in data
        and (b"\r" not in data or _LONE_CR.search(data) is None)
        and (_NUL_SAFE or b"\0" not in data)
    )


_LONE_CR = re.compile(rb"\r(?!\n)")
"""A carriage return not before a line feed (found in a third of the time two counts took)."""


def stripped_cells(line: str, delimiter: str) -> list[str]:
    r"""The cells of a line of a piece that :func:`splits_plainly`, each stripped.

    As :func:`records` reads the line, each cell stripped
    (:meth:`~pelatihan.io.table.RowTable.row_values`), for a line shorter than the
    csv module's field size limit (:func:`field_limit`); but a line with nothing
    before its line end, of which the csv module reads no cell, gives one empty cell.

    Example:
        >>> stripped_cells("1; Ana ;\r", ";")
        ['1', 'Ana', '']
    """
    return list(map(str.strip, line.split(delimiter)))


def field_limit() -> int:
    """The longest cell the csv module reads now (:func:`csv.field_size_limit`)."""
    return csv.field_size_limit()


def ends_open(data: bytes, delimiter: str) -> bool:
    r"""Whether a piece of a CSV file ends inside a double-quoted cell.

    ``data`` begins at the beginning of a line and ends at the end of one. Its
    last line's quote, left open, would run on into what follows: a reader of the
    piece alone (:mod:`pelatihan.validation.table_shares`) does not read the
    record that one reading the whole file reads. A last line the csv module finds
    irregular in another way is taken to end inside a cell, too.

    Example:
        >>> ends_open(b'1;"Dinas\n', ";"), ends_open(b'1;"Dinas"\n', ";"), ends_open(b"1;2", ";")
        (True, False, False)
    """
    last = data[data.rfind(b"\n", 0, max(len(data) - 1, 0)) + 1 :]
    if b'"' not in last:
        return False
    text = last.decode("utf-8", "replace").rstrip("\r\n")
    return _unclosed([text if _NUL_SAFE else _hide(text)], delimiter)


def near_too_long(data: bytes) -> bool:
    r"""Whether a piece of a CSV file holds a line near the longest :func:`read_table` reads.

    A line of more than :data:`MAX_LINE` characters is refused, but whether one a
    little longer is depends on where the reader's chunks of the file fall: a
    reader of the piece alone (:mod:`pelatihan.validation.table_shares`) leaves
    every line longer than :data:`MAX_LINE` less a chunk to the whole file's. Told
    at once, by looking for a line end in each stretch of half that length, which
    such a line covers one of: a line half as long is taken to be near it, too.

    Example:
        >>> near_too_long(b"1;Ana\n" * 200_000), near_too_long(b"x" * MAX_LINE)
        (False, True)
    """
    half = (MAX_LINE - _CHUNK) // 2
    return any(data.find(b"\n", at, at + half) < 0 for at in range(0, len(data) - half + 1, half))


def head_delimiter(lines: Sequence[str], kind: type[RowTable]) -> str:
    """The delimiter of a file whose first lines (up to :data:`HEADER_SEARCH_ROWS`) are ``lines``.

    As :func:`read_table` finds it; ``""`` when none of them has text.
    """
    return _delimiter(lines[:HEADER_SEARCH_ROWS], kind)


class CsvRows(Generic[TableT]):
    """A CSV file's records fed to a :class:`~pelatihan.io.layout.Layout`, a run of lines at a time.

    What :func:`read_table` does with a file's lines, for a reader that has them
    in pieces (:mod:`pelatihan.validation.table_shares`): rows numbered from
    the file's first line on, each piece's lines read on from the last row fed.

    Args:
        name: The file's name, for findings and errors.
        start: Makes the table, as for :func:`read_table`.
        kind: The class of the table, as for :func:`read_table`.
        delimiter: The file's delimiter (:func:`head_delimiter`).
    """

    def __init__(
        self,
        name: str | None,
        start: Callable[[Sequence[str], str | None, int], TableT],
        kind: type[RowTable],
        delimiter: str,
    ) -> None:
        self.name = name
        self.delimiter = delimiter
        self.layout: Layout[TableT, list[str]] = Layout(kind, start, name)
        self.row = 0
        """The number of the last row fed."""
        self.unclosed = 0
        """The records fed whose double quote was never closed (``input.unclosed-quote``)."""

    def feed(self, lines: Iterator[str], *, quoted: bool = True) -> None:
        """Feed the records of ``lines``, the file's lines after the last row fed, in order.

        ``quoted``: as for :func:`records`.

        Raises:
            InputError: If a record cannot be read as CSV.
        """
        layout, name = self.layout, self.name
        row = self.row
        rows = records(lines, self.delimiter, quoted=quoted)
        try:
            sorter = layout.sorter
            if sorter is None:
                for cells, unclosed in rows:
                    row += 1
                    if unclosed:
                        self.unclosed += 1
                        layout.note(_unclosed_quote(name, row, unclosed))
                    layout.feed(row, cells)
                    sorter = layout.sorter
                    if sorter is not None:
                        break
            if sorter is not None:  # the header is read: each row straight to the table
                add = sorter.add
                for cells, unclosed in rows:
                    row += 1
                    if unclosed:
                        self.unclosed += 1
                        layout.note(_unclosed_quote(name, row, unclosed))
                    add(row, cells)
        except csv.Error as error:
            label = file_label(name)
            raise InputError(
                f"{label}: row {row + 1} cannot be read as CSV: {error}",
                f"{label}: baris {row + 1} tidak dapat dibaca sebagai CSV: {error}",
                value=name,
            ) from None
        finally:
            self.row = row


def _first_text(lines: Iterator[str]) -> list[str]:
    """The lines up to the first that is not blank (all of them, when every one is)."""
    taken: list[str] = []
    for line in lines:
        taken.append(line)
        if line.strip():
            break
    return taken


def _empty(name: str | None, record: tuple[str, str]) -> InputError:
    label = file_label(name)
    return InputError(
        f"{label}: no rows: the file is empty; expected a header and a row for each {record[0]}",
        f"{label}: tidak ada baris: berkas kosong; seharusnya ada judul kolom dan satu baris "
        f"untuk setiap {record[1]}",
        value=name,
    )


def _delimiter(lines: Sequence[str], kind: type[RowTable]) -> str:
    """The delimiter: the one that makes the first header line a header, else the first line's.

    Of the delimiters with which a line names every column a table requires, the
    one it holds most often; for a file with no such line among the first, the one
    the first line that is not blank holds most often (the first of a tie).
    """
    first = ""
    for line in lines:
        if not line.strip():
            continue
        first = first or line
        best = ""
        for delimiter in DELIMITERS:
            if delimiter not in line or (best and line.count(delimiter) <= line.count(best)):
                continue
            try:
                cells = next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))
            except (csv.Error, StopIteration):
                continue
            if not _NUL_SAFE:  # pragma: no cover - version dependent
                cells = _shown(cells)
            if names_required(cells, kind):
                best = delimiter
        if best:
            return best
    return max(DELIMITERS, key=first.count) if first else ""


def records(
    lines: Iterable[str], delimiter: str, *, quoted: bool = True
) -> Iterator[tuple[list[str], int]]:
    """The file's records, each with the number of lines an unclosed quote of it took (or 0).

    On Python 3.10 the lines are as :func:`_hide` gives them, the cells as they were.
    ``quoted``: whether a line may hold a double quote; for lines that hold none,
    ``False`` reads them straight, each a record.
    """
    if not quoted:
        read = csv.reader(lines, delimiter=delimiter, skipinitialspace=True)
        cells = read if _NUL_SAFE else map(_shown, read)
        return zip(cells, itertools.repeat(0))
    lines = iter(lines)
    if _NUL_SAFE:
        return _csv_records(lines, delimiter)
    return (  # pragma: no cover - version dependent
        (_shown(cells), swallowed) for cells, swallowed in _csv_records(lines, delimiter)
    )


def _csv_records(lines: Iterator[str], delimiter: str) -> Iterator[tuple[list[str], int]]:
    """The records of :func:`records`, as the csv module reads them.

    A record whose quote is never properly closed (it runs on to the end of the
    file, or to a later record's quote) is its first line alone, and the lines it
    took are read again as records.
    """
    taken: list[str] = []  # the lines of the record being read
    while True:
        reader = csv.reader(_taking(lines, taken), delimiter=delimiter, skipinitialspace=True)
        for cells in reader:
            if len(taken) > 1 and _unclosed(taken, delimiter):
                rest = taken[1:]
                own = next(csv.reader(taken[:1], delimiter=delimiter, skipinitialspace=True))
                taken.clear()
                yield own, len(rest)
                lines = itertools.chain(rest, lines)
                break
            taken.clear()
            yield cells, 0
        else:
            return


def _taking(lines: Iterator[str], taken: list[str]) -> Iterator[str]:
    """The lines, each also added to ``taken`` as the CSV reader takes it."""
    for line in lines:
        taken.append(line)
        yield line


def _unclosed(lines: list[str], delimiter: str) -> bool:
    """Whether a row's lines end inside a quoted cell: its quote ran to the end of the file."""
    try:
        list(csv.reader(lines, delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error:
        return True
    return False


def _unclosed_quote(name: str | None, row: int, swallowed: int) -> Finding:
    label = file_label(name)
    return UNCLOSED_QUOTE.finding(
        Location((), file=name, row=row),
        f"{label}: row {row} opens a double quote that is never closed; the {swallowed} "
        "line(s) after it are read as rows of their own",
        f"{label}: baris {row} membuka tanda kutip yang tidak pernah ditutup; {swallowed} "
        "baris sesudahnya dibaca sebagai baris tersendiri",
        value=swallowed,
    )


def _lines(stream: IO[bytes], name: str | None, *, bom: bool = True) -> Iterator[str]:
    r"""The file's lines, each with its line ending (``\r\n``, ``\r`` or ``\n``).

    ``bom``: whether a byte-order mark at the beginning is left out (the file's
    beginning, not a piece's).
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    fed = newlines = 0
    pending = ""
    start = bom
    while True:
        chunk = stream.read(_CHUNK)
        final = not chunk
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            raise _not_utf8(name, error, fed - held, newlines) from None
        fed += len(chunk)
        if fed > MAX_FILE_BYTES:
            check_size(fed, file_label(name))
        newlines += chunk.count(b"\n")
        if start and text:
            text = text.removeprefix("\ufeff")
            start = False
        scanned = max(len(pending) - 1, 0)  # what is pending holds no line end but a last "\r"
        pending += text
        if pending.count("\r") == pending.count("\r\n"):  # each "\r" is a "\r\n"'s
            # the usual file, its lines ending in "\n" or "\r\n": split in C
            *lines, pending = pending.split("\n")
            for line in lines:
                yield line + "\n"
        else:
            begin = 0
            for match in _LINE_END.finditer(pending, scanned):
                if match.end() == len(pending) and match.group() == "\r" and not final:
                    break  # a "\r\n" may be split between chunks
                yield pending[begin : match.end()]
                begin = match.end()
            pending = pending[begin:]
        if len(pending) > MAX_LINE:
            label = file_label(name)
            raise InputError(
                f"{label}: line {newlines + 1} is longer than {MAX_LINE:,} characters; a "
                "participant record takes a few hundred",
                f"{label}: baris {newlines + 1} lebih panjang dari {MAX_LINE:,} karakter; satu "
                "catatan peserta hanya beberapa ratus karakter",
                value=name,
            )
        if final:
            if pending:
                yield pending
            return


def _not_utf8(name: str | None, error: UnicodeDecodeError, base: int, newlines: int) -> InputError:
    offset = base + error.start
    line = newlines + error.object[: error.start].count(b"\n") + 1
    shown = f"0x{error.object[error.start]:02x}"
    label = file_label(name)
    return InputError(
        f"{label}: not UTF-8 text: byte {shown} at offset {offset} (line {line}) is not valid "
        "UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)",
        f"{label}: bukan teks UTF-8: bita {shown} pada posisi {offset} (baris {line}) bukan "
        "UTF-8 yang sah; simpan berkas sebagai UTF-8 (CSV UTF-8 di Excel)",
        value=offset,
    )
