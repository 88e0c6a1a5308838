r"""The report as a table: one row per finding, written as CSV or as an Excel workbook.

Each row gives the finding's file and sheet, row (the first and last of a finding
about a run of rows), cohort, the NIP and name of
the participant it is about, its code, severity, message (in the chosen
language), legal basis, provenance status, the source of a figure the user
supplied, its value and its JSON path.

No cell can run as a formula in a spreadsheet (CSV or formula injection, after
OWASP): a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is written after a ``'``. So is a negative number given as a value
(``-3`` is written ``'-3``), and a text that starts with ``'`` itself, so that
taking one leading ``'`` away always gives the text back. In a workbook every
text is, besides, a cell of type string, never a formula.

    >>> neutralised('=HYPERLINK("http://x")'), neutralised("-3"), neutralised("Dewi")
    ('\'=HYPERLINK("http://x")', "'-3", 'Dewi')
    >>> neutralised("'quoted"), restored(neutralised("'quoted"))
    ("''quoted", "'quoted")
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pelatihan.cli._common import _SEVERITY_LABEL, _Unusable, _write_file
from pelatihan.cli._summary import Names, ReadSummary, cohort_label, split_sheet
from pelatihan.findings import Finding, Report
from pelatihan.io.csv import csv_writer
from pelatihan.io.results import participant_of_result
from pelatihan.io.structure import Loaded

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_BY_SUFFIX = {"": "text", ".txt": "text", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell's text must not start with, or a spreadsheet may take it for a formula."""

_ESCAPED = (*FORMULA_STARTS, "'")
_FORMULA_CELL = re.compile("\x00[" + re.escape("".join(_ESCAPED)) + "]")
"""A cell of a row joined with NULs that starts with one of :data:`_ESCAPED`."""

HEADERS = {
    "en": (
        "File",
        "Sheet",
        "Row",
        "Last row",
        "Cohort",
        "NIP",
        "Name",
        "Code",
        "Severity",
        "Message",
        "Legal basis",
        "Status",
        "Source",
        "Value",
        "Path",
    ),
    "id": (
        "Berkas",
        "Lembar",
        "Baris",
        "Sampai baris",
        "Angkatan",
        "NIP",
        "Nama",
        "Kode",
        "Tingkat",
        "Pesan",
        "Dasar Hukum",
        "Status",
        "Sumber",
        "Nilai",
        "Lokasi",
    ),
}
"""The header row of the findings, per language."""

_WIDTHS = (28, 14, 7, 9, 28, 24, 28, 28, 12, 80, 30, 8, 24, 24, 32)
_NIP_COLUMN = 5

CSV_DELIMITERS = {"en": ",", "id": ";"}
"""The CSV report's delimiter per language: Excel set to Indonesian reads ``;``."""

SUMMARY_HEADERS = {
    "en": (
        "File",
        "Sheet",
        "Cohort",
        "Participants",
        "Errors",
        "Warnings",
        "Info",
        "No errors",
    ),
    "id": (
        "Berkas",
        "Lembar",
        "Angkatan",
        "Peserta",
        "Kesalahan",
        "Peringatan",
        "Info",
        "Tanpa kesalahan",
    ),
}
_SUMMARY_WIDTHS = (28, 14, 32, 12, 12, 12, 10, 16)
_SHEET_NAMES = {"en": ("Findings", "Summary"), "id": ("Temuan", "Ringkasan")}
_YES_NO = {"en": ("yes", "no"), "id": ("ya", "tidak")}
_TOTAL = {"en": "Total", "id": "Jumlah"}

EXCEL_MAX_ROWS = 1_048_576
"""The rows of an Excel worksheet."""
EXCEL_MAX_TEXT = 32_767
"""The characters of an Excel cell."""

_MISSING_OPENPYXL = (
    "writing Excel reports needs the optional dependency: pip install 'pelatihan[xlsx]'"
)
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # what XML 1.0 cannot hold

Cell = str | int
"""A cell of a row: text, or a row number."""


def output_format(chosen: str | None, output: str | None) -> str:
    """The report's format, from ``--format`` and the extension of ``--output``.

    Without ``--format``, the extension says: ``.json``, ``.csv``, ``.xlsx``, or
    text for ``.txt`` or none. Raises _Unusable for an extension that says
    another format than ``--format``, an unknown extension without it, and an
    Excel report without ``--output``.

    Example:
        >>> output_format(None, "laporan.xlsx"), output_format(None, None)
        ('xlsx', 'text')
    """
    if output is None:
        if chosen == "xlsx":
            raise _Unusable(
                "--format xlsx needs --output FILE: a workbook is not written to standard output"
            )
        return chosen or "text"
    suffix = Path(output).suffix.lower()
    implied = _BY_SUFFIX.get(suffix)
    if chosen is None:
        if implied is None:
            raise _Unusable(
                f"{output}: the extension {suffix!r} does not say which format to write; "
                "give --format (text, json, csv or xlsx), or name the file .txt, .json, "
                ".csv or .xlsx"
            )
        return implied
    if implied is not None and implied != chosen:
        shown = f"the extension {suffix!r}" if suffix else "no extension"
        raise _Unusable(
            f"{output}: --format {chosen} contradicts {shown}, which is for a {implied} report"
        )
    return chosen


def neutralised(text: str) -> str:
    """``text``, after a ``'`` when it starts with what a spreadsheet may run as a formula.

    A text that starts with ``'`` gets one more, so :func:`restored` undoes this.
    """
    return "'" + text if text.startswith(_ESCAPED) else text


def restored(cell: str) -> str:
    """The text :func:`neutralised` gave ``cell`` for: without one leading ``'``."""
    return cell[1:] if cell.startswith("'") else cell


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def finding_rows(
    documents: Sequence[Loaded], reports: Sequence[Report], lang: str
) -> Iterator[tuple[Cell, ...]]:
    """One row per finding, file after file, each file's findings in report order.

    The cells are as the finding gives them, not yet neutralised; the row is an
    ``int``, or ``""`` when the finding has none; the last row is the end of a
    finding about a run of rows (``input.blank-row`` over rows 5 to 900), or ``""``.
    """
    severities = _SEVERITY_LABEL[lang]
    for document, report in zip(documents, reports, strict=True):
        names = Names(document)
        for finding in report:
            file, sheet = split_sheet(finding.location.file)
            cohort, nip, name = _about(document, names, finding, lang)
            yield (
                file,
                sheet,
                finding.location.row if finding.location.row is not None else "",
                finding.location.last_row if finding.location.last_row is not None else "",
                cohort,
                nip,
                name,
                finding.code,
                severities[finding.severity.value],
                finding.message(lang),
                str(finding.basis) if finding.basis is not None else "",
                finding.status.value if finding.status is not None else "",
                finding.source or "",
                _value(finding.value),
                finding.location.path,
            )


def _about(document: Loaded, names: Names, finding: Finding, lang: str) -> tuple[str, str, str]:
    """The cohort, and the NIP and name of the participant, a finding is about."""
    keys = finding.location.keys
    if len(keys) < 2 or keys[0] != "cohorts" or not isinstance(keys[1], int):
        return "", "", ""
    cohort = keys[1]
    label = cohort_label(*names.cohort(cohort), cohort, lang)
    item = keys[3] if len(keys) > 3 and isinstance(keys[3], int) else None
    person: int | None = None
    if item is not None and keys[2] == "participants":
        person = item
    elif item is not None and keys[2] == "results":
        person = participant_of_result(document.document, cohort, item)
    if person is None:
        return label, "", ""
    return (label, *names.participant(cohort, person))


# -- CSV ----------------------------------------------------------------------------------


def write_csv(
    stream: TextIO,
    rows: Iterable[Sequence[Cell]],
    lang: str,
    header: Sequence[str] | None = None,
) -> None:
    """Write the header and ``rows`` as CSV, every text neutralised (no byte-order mark).

    The header is the findings' (:data:`HEADERS`) unless another is given.
    """
    writer = csv_writer(stream, delimiter=CSV_DELIMITERS[lang], lineterminator="\r\n")
    writer.writerow(HEADERS[lang] if header is None else header)
    for row in rows:
        # most rows are ASCII text of which no cell starts as a formula would: one look at the
        # row's cells joined tells, and they are written as they are; a row that may hold
        # such a cell (or a negative number) is written cell by cell
        joined = "\x00" + "\x00".join(map(str, row))
        if joined.isascii() and _FORMULA_CELL.search(joined) is None:
            writer.writerow(row)
        else:
            writer.writerow(
                [_encodable(neutralised(cell)) if isinstance(cell, str) else cell for cell in row]
            )


def _encodable(text: str) -> str:
    r"""``text`` with each lone surrogate written as its escape (``\udcff``): UTF-8 cannot hold one.

    A file name that is not valid UTF-8 reaches Python with such characters.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def emit_csv(
    rows: Iterable[Sequence[Cell]],
    lang: str,
    output: str | None,
    header: Sequence[str] | None = None,
) -> None:
    """Write the CSV report, in UTF-8 after a byte-order mark, to ``output`` or standard output.

    The header is the findings' unless another is given (as for :func:`write_csv`).
    """
    if output is None:
        sys.stdout.write("\ufeff")
        write_csv(sys.stdout, rows, lang, header)
        sys.stdout.flush()
        return

    def written(path: str) -> None:
        # the byte-order mark written by hand: the utf-8 codec is much faster than utf-8-sig's
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write("\ufeff")
            write_csv(file, rows, lang, header)

    _write_file(output, written, lang)


# -- Excel --------------------------------------------------------------------------------


def excel_text(text: str) -> str:
    r"""``text`` neutralised, as an Excel cell holds it.

    Line breaks become ``\n`` (a workbook keeps no ``\r``), characters XML
    cannot hold become U+FFFD, and a text longer than an Excel cell holds is
    cut, ending with ``…``.
    """
    text = neutralised(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ILLEGAL.sub("\ufffd", text)
    if len(text) > EXCEL_MAX_TEXT:
        text = text[: EXCEL_MAX_TEXT - 1] + "…"
    return text


def emit_xlsx(rows: Iterable[Sequence[Cell]], summary: ReadSummary, lang: str, output: str) -> None:
    """Write the Excel report to ``output``: the findings, and a summary per cohort."""
    try:
        import openpyxl  # noqa: PLC0415 - an optional dependency, imported when used
    except ImportError as error:
        raise ModuleNotFoundError(_MISSING_OPENPYXL, name="openpyxl") from error

    def written(path: str) -> None:
        book = openpyxl.Workbook(write_only=True)
        findings_name, summary_name = _SHEET_NAMES[lang]
        _findings_sheet(book.create_sheet(findings_name), rows, lang)
        _summary_sheet(book.create_sheet(summary_name), summary, lang)
        book.save(path)

    _write_file(output, written, lang)


def require_openpyxl() -> None:
    """Raise ModuleNotFoundError, saying how to install it, when openpyxl is not installed."""
    try:
        import openpyxl  # noqa: F401, PLC0415 - only to know it is there
    except ImportError as error:
        raise ModuleNotFoundError(_MISSING_OPENPYXL, name="openpyxl") from error


def _cells(
    sheet: WriteOnlyWorksheet,
    values: Sequence[Cell],
    *,
    bold: bool = False,
    text_columns: frozenset[int] = frozenset(),
) -> list[object]:
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - see emit_xlsx
    from openpyxl.styles import Font  # noqa: PLC0415 - see emit_xlsx

    cells: list[object] = []
    for column, value in enumerate(values):
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=excel_text(value))
            cell.data_type = "s"  # a string, never a formula, whatever its first character
        else:
            cell = WriteOnlyCell(sheet, value=value)
        if bold:
            cell.font = Font(bold=True)
        if column in text_columns:
            cell.number_format = "@"
        cells.append(cell)
    return cells


def _layout(sheet: WriteOnlyWorksheet, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - see emit_xlsx

    sheet.freeze_panes = "A2"
    dimensions: Any = sheet  # a write-only sheet has them, which its type does not say
    for column, width in enumerate(widths, start=1):
        dimensions.column_dimensions[get_column_letter(column)].width = width


def _findings_sheet(sheet: WriteOnlyWorksheet, rows: Iterable[Sequence[Cell]], lang: str) -> None:
    nip = frozenset({_NIP_COLUMN})
    _table_sheet(
        sheet, HEADERS[lang], _WIDTHS, rows, nip, ("findings", "the report as CSV or JSON")
    )


def _table_sheet(  # noqa: PLR0917 - a sheet and what goes on it
    sheet: WriteOnlyWorksheet,
    header: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[Sequence[Cell]],
    text_columns: frozenset[int],
    overflow: tuple[str, str],
) -> None:
    """A header and ``rows`` on ``sheet``, frozen under the header and filtered.

    ``overflow`` names the rows, and what to write instead, when they do not fit.
    """
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - see emit_xlsx

    _layout(sheet, widths)
    sheet.append(_cells(sheet, header, bold=True))
    count = 0
    for row in rows:
        count += 1
        if count >= EXCEL_MAX_ROWS:
            what, instead = overflow
            raise _Unusable(
                f"more than {EXCEL_MAX_ROWS - 1:,} {what} do not fit on one Excel sheet; "
                f"write {instead}"
            )
        sheet.append(_cells(sheet, row, text_columns=text_columns))
    filtered: Any = sheet  # as for its column dimensions
    filtered.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"


def _summary_sheet(sheet: WriteOnlyWorksheet, summary: ReadSummary, lang: str) -> None:
    yes, no = _YES_NO[lang]
    _layout(sheet, _SUMMARY_WIDTHS)
    sheet.append(_cells(sheet, SUMMARY_HEADERS[lang], bold=True))
    for cohort in summary.cohorts:
        file, name = split_sheet(cohort.file)
        counts = cohort.counts
        row: list[Cell] = [
            file,
            ", ".join(cohort.sheets) or name,
            cohort.label(lang),
            cohort.participants,
            counts["error"],
            counts["warning"],
            counts["info"],
            yes if cohort.ok else no,
        ]
        sheet.append(_cells(sheet, row))
    totals = summary.findings
    total: list[Cell] = [
        _TOTAL[lang],
        "",
        "",
        summary.participants,
        totals["error"],
        totals["warning"],
        totals["info"],
        no if totals["error"] else yes,
    ]
    sheet.append(_cells(sheet, total, bold=True))
    sheet.append([])
    sheet.append(_cells(sheet, [summary.line(lang)]))


Sheet = tuple[str, Sequence[str], Sequence[int], Iterable[Sequence[Cell]], frozenset[int]]
"""A worksheet of :func:`emit_sheets`: its name, header, column widths, rows, text columns."""


def emit_sheets(sheets: Sequence[Sheet], lang: str, output: str) -> None:
    """Write a workbook of tables to ``output``, with the report's conventions.

    Every text is neutralised and a cell of type string; the columns listed as
    text columns (a NIP's) are formatted as text, so Excel keeps their digits.
    """
    try:
        import openpyxl  # noqa: PLC0415 - an optional dependency, imported when used
    except ImportError as error:
        raise ModuleNotFoundError(_MISSING_OPENPYXL, name="openpyxl") from error

    def written(path: str) -> None:
        book = openpyxl.Workbook(write_only=True)
        for name, header, widths, rows, text_columns in sheets:
            sheet = book.create_sheet(name)
            _table_sheet(sheet, header, widths, rows, text_columns, ("rows", "the table as CSV"))
        book.save(path)

    _write_file(output, written, lang)
