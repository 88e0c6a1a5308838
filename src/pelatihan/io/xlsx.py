"""Reading participant lists from Excel workbooks (``.xlsx``).

:func:`read_xlsx` reads the worksheets of a workbook into a
:class:`~pelatihan.io.document.RawDocument` in the interchange shape;
:mod:`pelatihan.io.tabular` describes the headers it knows, how rows are
grouped into cohorts and how every row is accounted for. It needs the optional
dependency `openpyxl <https://pypi.org/project/openpyxl/>`_ (``pip install
'pelatihan[xlsx]'``); without it, it raises :class:`ModuleNotFoundError` saying
so, while ``import pelatihan.io.xlsx`` still works.

The worksheet
-------------

* Every worksheet with a participant table is read (chart sheets are not
  worksheets), or only the one named by ``sheet``. A worksheet has a table when
  one of its first 30 rows is a header (:mod:`pelatihan.io.layout`: the first
  row naming a NIP column and a name column, below any title rows; headers of
  two rows, column numbers, totals and signature blocks are read as such).
* A workbook with one such worksheet reads as a table of its own: findings name
  the file, and rows without a cohort form the cohort of the ``cohort`` default
  or the file's stem. With several, each worksheet's rows are read under its own
  header, rows without a cohort column form a cohort named after their
  worksheet, and findings on its rows name the file and the worksheet,
  ``angkatan.xlsx[Cadangan]`` (:attr:`RawDocument.files
  <pelatihan.io.document.RawDocument.files>`), a
  :class:`~pelatihan.location.Sheet` that orders the findings of the
  worksheets as the workbook orders them. A worksheet without a table is
  named (``input.sheet-without-table``, info); a hidden one with a table is
  read, and reported (``input.hidden-sheet``, a warning). A workbook of several
  worksheets none of which has a table is an
  :class:`~pelatihan.io.document.InputError` naming them all; the worksheet of
  a workbook of one is read as a CSV file is, its first row with text the
  header when no row names the columns.
* Rows keep the numbers Excel shows, so a finding at row 7 is on the sheet's row 7.
* Values are read as Excel last computed them (formulas give their results).
  Cells become text: dates and date-times their ISO date (``2024-04-22``),
  whole numbers their digits, ``TRUE``/``FALSE`` ``"true"``/``"false"``.
* A NIP cell holding a floating-point number is kept as Python writes the
  float, ``1.98609262015051e+17``: Excel keeps 15 significant digits, so an
  18-digit NIP typed as a number has already lost its last digits, and the NIP
  rules report it. Format the NIP column as text in Excel to keep them. Other
  whole floating-point numbers become their digits (``12.0`` becomes ``12``).
* Blank rows after the last row with a value are not reported: a worksheet's
  extent often runs past its data.

    >>> import datetime, io, openpyxl
    >>> from pelatihan.io.xlsx import read_xlsx
    >>> book = openpyxl.Workbook()
    >>> sheet = book.active
    >>> sheet.append(["NIP", "Nama", "Gol/Ruang", "Tanggal Lahir"])
    >>> sheet.append(["19860926 201505 1 001", "Budi", "III/a", datetime.datetime(1986, 9, 26)])
    >>> sheet.append([1.98609262015051e17, "Sari", "III/b", "26/09/1986"])
    >>> data = io.BytesIO()
    >>> book.save(data)
    >>> doc = read_xlsx(io.BytesIO(data.getvalue()), file_name="angkatan.xlsx")
    >>> for person in doc.data["cohorts"][0]["participants"]:
    ...     print(person)
    {'nip': '19860926 201505 1 001', 'name': 'Budi', 'grade': 'III/a', 'birth_date': '1986-09-26'}
    {'nip': '1.98609262015051e+17', 'name': 'Sari', 'grade': 'III/b', 'birth_date': '1986-09-26'}

A worksheet of an agency's layout, and a second worksheet with a table:

    >>> book = openpyxl.Workbook()
    >>> sheet = book.active
    >>> sheet.title = "Angkatan II"
    >>> for row in [
    ...     ["DAFTAR PESERTA LATSAR CPNS ANGKATAN II TAHUN 2024"],
    ...     ["No", "NIP", "Nama", "Pangkat/Golongan", None],
    ...     [None, None, None, "Gol. Ruang", "Keterangan"],
    ...     [1, "19860926 201505 1 001", "Budi", "III/a", None],
    ...     [None, None, None, "Sidoarjo, 15 April 2024"],
    ... ]:
    ...     sheet.append(row)
    >>> book.create_sheet("Cadangan").append(["NIP", "Nama"])
    >>> book["Cadangan"].append(["19950417 201903 2 004", "Dewi"])
    >>> data = io.BytesIO()
    >>> book.save(data)
    >>> doc = read_xlsx(io.BytesIO(data.getvalue()), file_name="daftar.xlsx")
    >>> [(c["id"], [p["name"] for p in c["participants"]]) for c in doc.data["cohorts"]]
    [('Angkatan II', ['Budi']), ('Cadangan', ['Dewi'])]
    >>> [(f.code, str(f.location)) for f in doc.findings]  # doctest: +NORMALIZE_WHITESPACE
    [('input.title-row', 'daftar.xlsx[Angkatan II]:1 $'),
     ('input.two-row-header', 'daftar.xlsx[Angkatan II]:3 $'),
     ('input.footer-row', 'daftar.xlsx[Angkatan II]:5 $')]
"""

from __future__ import annotations

import datetime
import os
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from typing import IO, TYPE_CHECKING, Any, TypeVar

from pelatihan.catalogue.reading import HIDDEN_SHEET, SHEET_WITHOUT_TABLE
from pelatihan.findings import Finding, Location
from pelatihan.io.document import InputError, RawDocument, open_input
from pelatihan.io.layout import HEADER_SEARCH_ROWS, Header, Layout, find_header
from pelatihan.io.table import RowTable, file_label
from pelatihan.io.tabular import TableBuilder
from pelatihan.location import Sheet

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = ["read_xlsx", "read_xlsx_table"]

TableT = TypeVar("TableT", bound=RowTable)

_MISSING_OPENPYXL = (
    "reading Excel files needs the optional dependency: pip install 'pelatihan[xlsx]'"
)

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of Excel 97-2003 (.xls) files

# What openpyxl raises for a file that is not a readable workbook: not a zip, a zip
# without the workbook's parts, broken XML (ElementTree's and lxml's errors are
# SyntaxErrors), values of the wrong type, a truncated or corrupt archive.
_BROKEN: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    KeyError,
    SyntaxError,
    TypeError,
    ValueError,
    EOFError,
    zlib.error,
    IndexError,  # a shared string the workbook does not have
    NotImplementedError,  # a part compressed with a method zipfile cannot read
)
# Opening a workbook runs openpyxl's code only, which fails on some malformed parts
# (a chart sheet without a drawing, say) with these too.
_BROKEN_ON_OPEN: tuple[type[Exception], ...] = (*_BROKEN, AttributeError, OSError)


def read_xlsx(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    sheet: str | None = None,
    defaults: Mapping[str, str] | None = None,
    file_name: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> RawDocument:
    r"""Read a participant list from an Excel workbook into raw data.

    Args:
        source: A path, or a file opened in binary mode.
        sheet: The name of the worksheet to read; by default every worksheet with
            a participant table.
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
        The document, with the sheet row of each participant and the findings
        about the file (unknown or duplicate columns, blank rows, rows too long,
        cohorts whose rows disagree).

    Raises:
        ModuleNotFoundError: If the optional dependency ``openpyxl`` is not installed.
        InputError: If the file cannot be opened, is not an ``.xlsx`` workbook,
            has no such sheet, has no rows, or has no NIP or no name column.
        ValueError: If ``defaults`` has an unknown key, or ``columns`` a field
            that a participant list does not have.

    Example:
        >>> import io
        >>> read_xlsx(io.BytesIO(b"NIP;Nama\n1;Ana\n"), file_name="x.xlsx")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
            ...
        pelatihan.io.document.InputError: x.xlsx: not an Excel workbook (.xlsx): File is not ...
    """
    kind = TableBuilder.with_columns(columns)

    def start(header: Sequence[str], name: str | None, header_row: int) -> TableBuilder:
        return kind(header, file=name, header_row=header_row, defaults=defaults)

    table = read_xlsx_table(source, start, sheet=sheet, file_name=file_name, kind=kind)
    return table.document(trailing_blank_rows=False)


def read_xlsx_table(
    source: str | os.PathLike[str] | IO[bytes],
    start: Callable[[Sequence[str], str | None, int], TableT],
    *,
    sheet: str | None = None,
    file_name: str | None = None,
    kind: type[RowTable] = TableBuilder,
) -> TableT:
    """Read a workbook's tables into a table, as :func:`pelatihan.io.csv.read_table` does a CSV's.

    Args:
        source: A path, or a file opened in binary mode.
        start: Makes the table from the header's cells, the file's name and the
            header's row number; every row after the header is then given to
            its :meth:`~pelatihan.io.table.RowTable.add_row`.
        sheet: The name of the worksheet to read; by default every worksheet with a table.
        file_name: The name to give the file in findings and errors.
        kind: The class of the table ``start`` makes: its headers and required
            columns find each worksheet's header (:mod:`pelatihan.io.layout`).

    Returns:
        The table, every row added; the caller ends it (blank rows at the end of a
        worksheet are its extent, not rows: end it with ``trailing_blank_rows=False``).

    Raises:
        ModuleNotFoundError: If the optional dependency ``openpyxl`` is not installed.
        InputError: As for :func:`read_xlsx`.
    """
    try:
        import openpyxl  # noqa: F401, PLC0415 - an optional dependency, imported when used
    except ImportError as error:
        raise ModuleNotFoundError(_MISSING_OPENPYXL, name="openpyxl") from error

    if isinstance(source, (str, os.PathLike)):
        path = file_name or os.fspath(source)
        try:
            stream = open_input(source, path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(
                f"{path}: cannot be read: {reason}",
                f"{path}: tidak dapat dibaca: {reason}",
                value=path,
            ) from error
        with stream:
            return _read(stream, path, sheet, start, kind)
    stream_name = getattr(source, "name", None)
    name = file_name or (stream_name if isinstance(stream_name, str) else None)
    return _read(source, name, sheet, start, kind)


def _read(
    stream: IO[bytes],
    name: str | None,
    sheet: str | None,
    start: Callable[[Sequence[str], str | None, int], TableT],
    kind: type[RowTable],
) -> TableT:
    from openpyxl import load_workbook  # noqa: PLC0415 - an optional dependency

    label = file_label(name)
    if stream.seekable():
        offset = stream.tell()
        old_excel = stream.read(len(_OLE2)) == _OLE2
        stream.seek(offset)
        if old_excel:
            raise InputError(
                f"{label}: an Excel 97-2003 workbook (.xls), which cannot be read; "
                "save it as an Excel Workbook (.xlsx)",
                f"{label}: buku kerja Excel 97-2003 (.xls), yang tidak dapat dibaca; "
                "simpan sebagai Excel Workbook (.xlsx)",
                value=name,
            )
    _check_size(stream, label, name)
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it drops; only values are read here.
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        try:
            book = load_workbook(stream, read_only=True, data_only=True)
        except _BROKEN_ON_OPEN as error:
            raise _not_a_workbook(label, name, error) from error
        try:
            return _tables(book, sheet, name, start, kind)
        except InputError:
            raise
        except _BROKEN as error:
            raise _not_a_workbook(label, name, error) from error
        finally:
            book.close()


MAX_UNCOMPRESSED = 256 * 1024 * 1024
"""The most a workbook may hold once unzipped (256 MiB): a national export of 250,000
participants takes a few tens of MiB; more is refused as a possible zip bomb."""

MAX_RATIO = 200
"""The most a part of a workbook may expand on unzipping (worksheets of real exports
compress about 5 to 20 times)."""


def _check_size(stream: IO[bytes], label: str, name: str | None) -> None:
    """Refuse a workbook that would unzip to more than the limits (a zip bomb)."""
    if not stream.seekable():
        return
    start = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
    except _BROKEN_ON_OPEN:
        return  # openpyxl reports a file that is not a workbook
    finally:
        stream.seek(start)
    total = sum(entry.file_size for entry in entries)
    worst = max(
        (
            entry.file_size / max(entry.compress_size, 1)
            for entry in entries
            if entry.file_size > 1 << 20
        ),
        default=0.0,
    )
    if total > MAX_UNCOMPRESSED or worst > MAX_RATIO:
        raise InputError(
            f"{label}: the workbook would unzip to {total:,} bytes (a part expands {worst:.0f} "
            f"times); more than {MAX_UNCOMPRESSED:,} bytes, or {MAX_RATIO} times, is refused as a "
            "possible zip bomb",
            f"{label}: buku kerja akan menjadi {total:,} bita setelah diekstrak (satu bagian "
            f"membesar {worst:.0f} kali); lebih dari {MAX_UNCOMPRESSED:,} bita atau {MAX_RATIO} "
            "kali ditolak karena mungkin bom zip",
            value=name,
        )


def _worksheets(
    book: Workbook, sheet: str | None, label: str, name: str | None
) -> list[ReadOnlyWorksheet]:
    """The worksheet named ``sheet``, or every worksheet (chart sheets are not worksheets)."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # noqa: PLC0415

    found: list[ReadOnlyWorksheet] = [
        ws for ws in book.worksheets if isinstance(ws, ReadOnlyWorksheet)
    ]
    if sheet is None:
        if found:
            return found
        raise InputError(
            f"{label}: the workbook has no worksheet",
            f"{label}: buku kerja tidak memiliki lembar kerja",
            value=name,
        )
    chosen = [ws for ws in found if ws.title == sheet]
    if chosen:
        return chosen
    sheets = ", ".join(repr(ws.title) for ws in found)
    raise InputError(
        f"{label}: no worksheet named {sheet!r}; the worksheets are {sheets or '(none)'}",
        f"{label}: tidak ada lembar kerja bernama {sheet!r}; lembar kerjanya "
        f"{sheets or '(tidak ada)'}",
        value=sheet,
    )


def _rows(worksheet: ReadOnlyWorksheet) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows a worksheet holds, numbered as Excel numbers them, in order.

    The rows the worksheet leaves out (blank rows between two rows with values)
    are not made: openpyxl's ``values`` would give an empty row for each, millions
    of them for a worksheet whose second row is numbered 20,000,000. A row
    numbered no later than the one before it is skipped, as openpyxl skips it.
    """
    worksheet.reset_dimensions()  # read every cell, whatever extent the file states
    try:
        from openpyxl.worksheet._reader import WorkSheetParser  # noqa: PLC0415
    except ImportError:  # pragma: no cover - another openpyxl: every row, gaps filled
        return enumerate(worksheet.values, start=1)
    return _parsed_rows(worksheet, WorkSheetParser)


def _parsed_rows(
    worksheet: ReadOnlyWorksheet, parser_class: Any
) -> Iterator[tuple[int, Sequence[object]]]:
    sheet: Any = worksheet  # openpyxl's read-only worksheet, as its ``values`` reads it
    book = sheet.parent
    with sheet._get_source() as source:
        parser = parser_class(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        previous = 0
        for number, cells in parser.parse():
            if number <= previous:
                continue
            previous = number
            yield number, sheet._get_row(cells, 1, None, True)


def _text_row(values: Sequence[object], nip: int) -> list[str]:
    return [_text(value, nip=index == nip) for index, value in enumerate(values)]


def _header(worksheet: ReadOnlyWorksheet, kind: type[RowTable]) -> Header | None:
    """The worksheet's header, found among its first rows; ``None`` when it has none."""
    worksheet.reset_dimensions()
    values = worksheet.values
    try:
        head = [
            (number, _text_row(row, -1))
            for number, row in enumerate(islice(values, HEADER_SEARCH_ROWS), start=1)
        ]
    finally:
        values.close()
    return find_header(head, kind, None)


def _tables(
    book: Workbook,
    sheet: str | None,
    name: str | None,
    start: Callable[[Sequence[str], str | None, int], TableT],
    kind: type[RowTable],
) -> TableT:
    """The table of every worksheet with one (the named one only, with ``sheet``), in order."""
    label = file_label(name)
    sheets = _worksheets(book, sheet, label, name)
    if len(sheets) == 1:
        table = _table(_rows(sheets[0]), name, start, kind)
        table.findings.extend(_hidden(sheets[0], name))
        return table
    headers = [_header(worksheet, kind) for worksheet in sheets]
    if all(header is None for header in headers):
        raise _no_table(label, name, sheets, kind)
    several = sum(header is not None for header in headers) > 1
    found: TableT | None = None
    without: list[ReadOnlyWorksheet] = []
    for index, (worksheet, header) in enumerate(zip(sheets, headers, strict=True)):
        if header is None:
            without.append(worksheet)
            continue
        here = Sheet(label, worksheet.title, index) if several else name

        def begin(
            cells: Sequence[str],
            file: str | None,
            header_row: int,
            title: str = worksheet.title,
            table: TableT | None = found,
        ) -> TableT:
            if table is None:
                table = start(cells, file, header_row)
                table.source = name
            else:
                table.restart(cells, file=file, header_row=header_row)
            if several:
                table.part(title)
            return table

        found = _table(_rows(worksheet), here, begin, kind, found)
        found.findings.extend(_hidden(worksheet, here))
    assert found is not None
    for worksheet in without:
        state = getattr(worksheet, "sheet_state", "visible")
        hidden = _STATE_WORDS.get(state, ("", ""))
        found.findings.append(
            SHEET_WITHOUT_TABLE.finding(
                Location(file=name),
                f"{label}: the worksheet {worksheet.title!r}{hidden[0]} has no {kind.RECORD[0]} "
                f"table (no header naming {_expected(kind)[0]} in its first {HEADER_SEARCH_ROWS} "
                "rows): it is not read",
                f"{label}: lembar kerja {worksheet.title!r}{hidden[1]} tidak berisi tabel "
                f"{kind.RECORD[1]} (tidak ada judul kolom dengan {_expected(kind)[1]} di "
                f"{HEADER_SEARCH_ROWS} baris pertamanya): lembar ini tidak dibaca",
                value=worksheet.title,
            )
        )
    return found


_STATE_WORDS = {
    "hidden": (" (hidden)", " (tersembunyi)"),
    "veryHidden": (" (very hidden)", " (sangat tersembunyi)"),
}
"""How messages mark a worksheet that is not visible, in English and Indonesian."""


def _expected(kind: type[RowTable]) -> tuple[str, str]:
    """The columns a table requires, in English and Indonesian, for messages."""
    return (
        " and ".join(f"a {en} column" for en, _ in kind.REQUIRED.values()),
        " dan ".join(f"kolom {id_}" for _, id_ in kind.REQUIRED.values()),
    )


def _hidden(worksheet: ReadOnlyWorksheet, file: str | None) -> list[Finding]:
    state = getattr(worksheet, "sheet_state", "visible")
    if state not in ("hidden", "veryHidden"):
        return []
    title = worksheet.title
    very = state == "veryHidden"
    return [
        HIDDEN_SHEET.finding(
            Location(file=file),
            f"the worksheet {title!r} is "
            f"{'very hidden (only a macro shows it)' if very else 'hidden'}; its rows are read "
            "like any other's",
            f"lembar kerja {title!r} {'sangat tersembunyi' if very else 'tersembunyi'}; barisnya "
            "dibaca seperti lembar lain",
            value=title,
        )
    ]


def _no_table(
    label: str, name: str | None, sheets: Sequence[ReadOnlyWorksheet], kind: type[RowTable]
) -> InputError:
    listed = ", ".join(repr(worksheet.title) for worksheet in sheets)
    en, id_ = _expected(kind)
    return InputError(
        f"{label}: no worksheet has a {kind.RECORD[0]} table: none of {listed} has a header "
        f"naming {en} in its first {HEADER_SEARCH_ROWS} rows",
        f"{label}: tidak ada lembar kerja yang berisi tabel {kind.RECORD[1]}: tidak satu pun "
        f"dari {listed} memiliki judul kolom dengan {id_} di {HEADER_SEARCH_ROWS} baris pertamanya",
        value=name,
    )


def _table(
    numbered: Iterator[tuple[int, Sequence[object]]],
    name: str | None,
    start: Callable[[Sequence[str], str | None, int], TableT],
    kind: type[RowTable],
    table: TableT | None = None,
) -> TableT:
    """A worksheet's rows through the layout (:mod:`pelatihan.io.layout`) into its table."""
    layout: Layout[TableT, Sequence[object]] = Layout(kind, start, name, _text_row, table)
    previous = 0  # the rows a worksheet leaves out are blank rows
    for number, values in numbered:
        if number > previous + 1:
            layout.feed_blank(previous + 1, number - 1, ())
        previous = number
        layout.feed(number, values)
        if layout.sorter is not None:
            break
    sorter = layout.sorter
    if sorter is not None:  # the header is read: each row straight to the table
        add, nip = sorter.add, sorter.nip
        for number, values in numbered:
            if number > previous + 1:
                sorter.add_blank(previous + 1, number - 1)
            previous = number
            add(number, [_text(value, nip=index == nip) for index, value in enumerate(values)])
    found = layout.end()
    if found is not None:
        return found
    if table is not None:
        return table
    label = file_label(name)
    raise InputError(
        f"{label}: no rows: the worksheet is empty; expected a header and a row for "
        f"each {kind.RECORD[0]}",
        f"{label}: tidak ada baris: lembar kerja kosong; seharusnya ada judul kolom dan "
        f"satu baris untuk setiap {kind.RECORD[1]}",
        value=name,
    )


def _text(value: object, *, nip: bool = False) -> str:
    """A cell's value as text (see the module documentation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if nip or not value.is_integer():
            return repr(value)
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _not_a_workbook(label: str, name: str | None, error: Exception) -> InputError:
    reason = str(error).strip("'\"") or type(error).__name__
    return InputError(
        f"{label}: not an Excel workbook (.xlsx): {reason}; save it as an Excel Workbook (.xlsx)",
        f"{label}: bukan buku kerja Excel (.xlsx): {reason}; simpan sebagai Excel Workbook (.xlsx)",
        value=name,
    )
