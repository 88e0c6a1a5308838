"""Rules of reading files, structuring records and reading tables.

The codes ``input.*``, and ``results.*`` of reading results exports.
"""

from __future__ import annotations

from pelatihan.catalogue._table import Table
from pelatihan.findings import Rule, Severity

__all__ = [
    "BLANK_ROW",
    "COHORT_CONFLICT",
    "DATE_RULE",
    "DUPLICATE_COLUMN",
    "DUPLICATE_KEY",
    "FORMAT_RULE",
    "MISSING_RULE",
    "RESULTS_UNATTACHED",
    "RESULTS_UNKNOWN_COHORT",
    "ROW_SHAPE",
    "RULES",
    "SCORE_RULE",
    "SKIPPED_ROW_CODES",
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
        Severity.WARNING,
        "Key given twice",
        "Kunci ditulis dua kali",
        "No object gives the same key twice; when one does, the last value is used.",
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
        "Each value has the type the format gives it (text, a list, an object, true/false).",
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
        "Dates are real calendar dates written YYYY-MM-DD (ISO 8601).",
    )
)

VALUE_RULE = _listed(
    Rule(
        "input.value",
        Severity.ERROR,
        "Value not allowed",
        "Nilai tidak diperbolehkan",
        "Values with a fixed set of choices (sex, track, method, phase kind, regime) hold one "
        "of them.",
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

SKIPPED_ROW_CODES: tuple[str, ...] = (BLANK_ROW.code,)
"""The codes that mean a row was read and not taken as a record.

The command's summary of what was read counts the rows skipped by these codes.
"""
