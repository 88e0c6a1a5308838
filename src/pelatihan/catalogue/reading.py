"""Rules of reading files, structuring records and reading tables.

The codes ``input.*``, ``results.*`` of reading results exports, and ``report.folded``
for the findings of a code beyond a report's cap.
"""

from __future__ import annotations

from pelatihan.catalogue._table import Table
from pelatihan.findings import FOLDED, MAX_FINDINGS_PER_CODE, Rule, Severity

__all__ = [
    "BLANK_ROW",
    "COHORT_CONFLICT",
    "COLUMN_NUMBERS",
    "DATE_RULE",
    "DUPLICATE_COLUMN",
    "DUPLICATE_KEY",
    "FOOTER_ROW",
    "FORMAT_RULE",
    "HIDDEN_SHEET",
    "MISSING_RULE",
    "REPORT_FOLDED",
    "RESULTS_UNATTACHED",
    "RESULTS_UNKNOWN_COHORT",
    "ROW_SHAPE",
    "RULES",
    "SCORE_RULE",
    "SECTION_ROW",
    "SHEET_WITHOUT_TABLE",
    "SKIPPED_ROW_CODES",
    "SPACES_RULE",
    "TITLE_ROW",
    "TOTAL_MISMATCH",
    "TOTAL_ROW",
    "TWO_ROW_HEADER",
    "TYPE_RULE",
    "UNCLOSED_QUOTE",
    "UNKNOWN_COLUMN",
    "UNKNOWN_KEY_RULE",
    "VALUE_RULE",
]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_listed = Table()

DUPLICATE_KEY = _listed(
    Rule(
        "input.duplicate-key",
        Severity.ERROR,
        "Key given twice",
        "Kunci ditulis dua kali",
        "No object gives the same key twice. When one does, the last value is used and the "
        "earlier one is dropped, so this is an error at the object that gives the key (its "
        "path), saying what was dropped (a list's number of items: participants that would "
        "otherwise vanish). The two values are not merged: which one the author meant is "
        "not known.",
    )
)


SPACES_RULE = _listed(
    Rule(
        "input.spaces",
        Severity.WARNING,
        "Text with spaces around it",
        "Teks diapit spasi",
        "Text in cohorts built in Python has no spaces around it and is not only spaces: "
        "every reader strips them (and reads text of only spaces as missing), so such a cohort "
        "written as JSON would read back different. Files never give this.",
    )
)

FORMAT_RULE = _listed(
    Rule(
        "input.format",
        Severity.ERROR,
        "Not the pelatihan cohort format",
        "Bukan format angkatan pelatihan",
        'A JSON document is an object with "format": "pelatihan/cohorts@1" and a list of '
        '"cohorts".',
    )
)

TYPE_RULE = _listed(
    Rule(
        "input.type",
        Severity.ERROR,
        "Value of the wrong type",
        "Nilai dengan tipe yang salah",
        "Each value has the type the format gives it (text, a list, an object, true/false), "
        "as the JSON Schema says: a number where text is expected (a name of 12) is "
        "reported; a cohort's id and a NIP may also be whole numbers.",
    )
)

MISSING_RULE = _listed(
    Rule(
        "input.missing",
        Severity.ERROR,
        "Required value missing",
        "Nilai wajib tidak ada",
        "Every required field is present and not empty.",
    )
)

UNKNOWN_KEY_RULE = _listed(
    Rule(
        "input.unknown-key",
        Severity.WARNING,
        "Unknown key",
        "Kunci tidak dikenal",
        "Every key is one the format defines; others are reported and ignored.",
    )
)

DATE_RULE = _listed(
    Rule(
        "input.date",
        Severity.ERROR,
        "Not a date",
        "Bukan tanggal",
        "Dates are real calendar dates written YYYY-MM-DD (ISO 8601), in the digits 0-9: "
        "Arabic-Indic or full-width digits are reported, as --start and the JSON Schema "
        "refuse them.",
    )
)

VALUE_RULE = _listed(
    Rule(
        "input.value",
        Severity.ERROR,
        "Value not allowed",
        "Nilai tidak diperbolehkan",
        "Values with a fixed set of choices (sex, track, method, phase kind, regime) hold one "
        "of them. Text is Unicode text: half of a surrogate pair in a cohort built in Python "
        "cannot be written as UTF-8, and is reported; one a JSON file gives by a \\u escape is "
        "reported and read as U+FFFD. Absences counted in sessions and days "
        "are whole numbers: 2.9 days is reported, not read as 2 (which would pass a limit of "
        "2 days).",
    )
)

SCORE_RULE = _listed(
    Rule(
        "results.score",
        Severity.ERROR,
        "Score not from 0 to 100",
        "Nilai tidak antara 0 dan 100",
        "Every score is a number from 0 to 100.",
    )
)


UNKNOWN_COLUMN = _listed(
    Rule(
        "input.unknown-column",
        Severity.WARNING,
        "Unknown column ignored",
        "Kolom tidak dikenal diabaikan",
        "Every column of a table (a participant list, a results export) has a known header; "
        "a column with another header (or with none) is ignored.",
    )
)

DUPLICATE_COLUMN = _listed(
    Rule(
        "input.duplicate-column",
        Severity.ERROR,
        "Column given twice",
        "Kolom ganda",
        "No two columns of a table are for the same field; the second is ignored.",
    )
)

BLANK_ROW = _listed(
    Rule(
        "input.blank-row",
        Severity.INFO,
        "Blank row skipped",
        "Baris kosong dilewati",
        "A row of a table with no text at all is skipped.",
    )
)

ROW_SHAPE = _listed(
    Rule(
        "input.row-shape",
        Severity.ERROR,
        "Row longer than the header",
        "Baris lebih panjang dari judul kolom",
        "No row of a table has text beyond the header's last column; such text is ignored.",
    )
)
TITLE_ROW = _listed(
    Rule(
        "input.title-row",
        Severity.INFO,
        "Title row above the header skipped",
        "Baris judul di atas judul kolom dilewati",
        "The header of a table is the first row, among the first rows of the file or "
        "worksheet, that names every column the table needs (for a participant list, a NIP "
        "column and a name column); each row with text above it (a title, the agency's name) "
        "is skipped.",
    )
)

TWO_ROW_HEADER = _listed(
    Rule(
        "input.two-row-header",
        Severity.INFO,
        "Header of two rows combined",
        "Judul kolom dua baris digabung",
        "A header may take two rows: a row of group titles over the header, or a second row "
        "of headers under a cell merged across several columns. The two rows are read as one "
        "header, column by column; the other row is not a record.",
    )
)

COLUMN_NUMBERS = _listed(
    Rule(
        "input.column-numbers",
        Severity.INFO,
        "Row of column numbers skipped",
        "Baris nomor kolom dilewati",
        "A row right under the header that only numbers the columns, (1), (2), (3), ..., is "
        "skipped.",
    )
)

TOTAL_ROW = _listed(
    Rule(
        "input.total-row",
        Severity.INFO,
        "Total row skipped",
        "Baris jumlah dilewati",
        "A row that starts with JUMLAH or TOTAL and gives no NIP states a total: it is skipped.",
    )
)

TOTAL_MISMATCH = _listed(
    Rule(
        "input.total-mismatch",
        Severity.WARNING,
        "Stated total differs from the rows",
        "Jumlah yang tertulis berbeda dari jumlah baris",
        "The number a total row states is the number of rows above it (since the header or "
        "the total before it) read as records.",
    )
)

FOOTER_ROW = _listed(
    Rule(
        "input.footer-row",
        Severity.INFO,
        "Row below the table skipped",
        "Baris di bawah tabel dilewati",
        "Rows below the last record that are not records (the place and date of signing, "
        "Mengetahui, Kepala ..., the signatory's name, NIP and rank, notes) are skipped; a row "
        "with a name and another field is always a record. Such rows with a record after them "
        "are not below the table: they head a section of it (input.section-row).",
    )
)

SECTION_ROW = _listed(
    Rule(
        "input.section-row",
        Severity.INFO,
        "Section heading inside a table skipped",
        "Judul bagian di dalam tabel dilewati",
        "A row above records that is not a record and would begin the rows below the table "
        "(text in one or two cells, such as B. GOLONGAN III or Peserta Golongan II, between two "
        "groups of participants or above the first) heads a section of the table: it is "
        "skipped, and the records after it are read as records. "
        "Only rows with no record after them are below the table (input.footer-row).",
    )
)

HIDDEN_SHEET = _listed(
    Rule(
        "input.hidden-sheet",
        Severity.WARNING,
        "Hidden worksheet read",
        "Lembar kerja tersembunyi dibaca",
        "The participants of a workbook are on worksheets one can see; a hidden worksheet "
        "with a participant table is read like any other, and reported.",
    )
)

SHEET_WITHOUT_TABLE = _listed(
    Rule(
        "input.sheet-without-table",
        Severity.INFO,
        "Worksheet without a table",
        "Lembar kerja tanpa tabel",
        "Every worksheet of a workbook with a table is read; a worksheet without one (empty, "
        "or with no header naming the columns a table needs) is named, and has no records.",
    )
)

REPORT_FOLDED = _listed(
    Rule(
        FOLDED,
        Severity.INFO,
        "Findings folded",
        "Temuan diringkas",
        f"A report keeps at most {MAX_FINDINGS_PER_CODE:,} findings of one code (by default; "
        "`pelatihan validate --max-per-code`): the findings of a code beyond it, those the report "
        "would list last, are folded into one finding that counts them exactly and names where "
        "the first of them is. Its value is the code, the number of findings folded and the "
        "number of rows they were about.",
    )
)

SKIPPED_ROW_CODES: tuple[str, ...] = (
    BLANK_ROW.code,
    TITLE_ROW.code,
    TWO_ROW_HEADER.code,
    COLUMN_NUMBERS.code,
    TOTAL_ROW.code,
    SECTION_ROW.code,
    FOOTER_ROW.code,
)
"""The codes of findings that mean a row of a table was read and not taken as a record
(blank, a title, a header's second row, column numbers, a total, a section heading, below
the table): each
such finding is located at that row, or at a run of consecutive rows (``row`` to
``last_row``), and no row has two of them. The command's summary of
what was read counts the rows skipped by these codes."""

UNCLOSED_QUOTE = _listed(
    Rule(
        "input.unclosed-quote",
        Severity.ERROR,
        "Quote never closed",
        "Tanda kutip tidak ditutup",
        "A cell of a CSV file that opens a double quote closes it. A quote left open to the end "
        "of the file would take every line after it into one cell: the row is read up to the "
        "end of its own line, each line after it as a row of its own, and the row is reported.",
    )
)

COHORT_CONFLICT = _listed(
    Rule(
        "input.cohort-conflict",
        Severity.ERROR,
        "Rows of a cohort disagree",
        "Baris satu angkatan tidak sepakat",
        "The rows of one cohort give the same track, method, regime, start and organiser, "
        "or leave them empty; the first value given is kept.",
    )
)

RESULTS_UNKNOWN_COHORT = _listed(
    Rule(
        "results.unknown-cohort",
        Severity.WARNING,
        "Results row names an unknown cohort",
        "Baris hasil menyebut angkatan yang tidak dikenal",
        "The cohort (Angkatan) a row of a results export names is the id or the name of a "
        "cohort in the files; otherwise the row goes to the cohort of the participant with "
        "its NIP.",
    )
)

RESULTS_UNATTACHED = _listed(
    Rule(
        "results.unattached",
        Severity.ERROR,
        "Results row not attached to any cohort",
        "Baris hasil tidak masuk ke angkatan mana pun",
        "Every row of a results export is attached to a cohort: the one it names, the one "
        "with a participant of its NIP, or else the first; a row is reported when the files "
        "have no cohort, or that cohort's results are not a list.",
    )
)

RULES: tuple[Rule, ...] = _listed.rules
"""The rules of this module, in its order."""
