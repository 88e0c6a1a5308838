"""Tables: the header mapping and row handling shared by CSV and Excel, participants and results.

HR systems export participant lists as tables with one row per participant
under a header row. :class:`TableBuilder` turns the header and the rows, as
text, into a :class:`~pelatihan.io.document.RawDocument` in the interchange
shape; :mod:`pelatihan.io.csv` and :mod:`pelatihan.io.xlsx` feed it rows as
they read them.

:class:`RowTable` is what every table shares: headers matched to fields
whatever their spelling, unknown and duplicate columns, blank rows, rows
longer than the header, and a table without rows. :class:`TableBuilder`
(participant lists) and :class:`pelatihan.io.results.ResultsTable` (results
exports) build on it, each with its own headers.

Headers
-------

A header names its column's field whatever its case and whatever spaces, dots,
underscores, slashes and hyphens it holds (``Gol. Ruang``, ``GOL/RUANG`` and
``gol_ruang`` are one header). The headers are those the fields declare
(:mod:`pelatihan.io.fields`):

.. header table

The field names themselves (``birth_date``, ``tmt_cpns``) are headers too. A
column with another header is ignored, with an ``input.unknown-column``
warning; a second column for the same field is ignored, with an
``input.duplicate-column`` error. A table needs a NIP column and a name column:
without either, reading it raises :class:`~pelatihan.io.document.InputError`.

Cohorts
-------

Rows with the same ``cohort`` (*angkatan*) form one cohort, whose ``id`` and
``name`` are that text; cohorts come in the order they first appear. Rows with
no cohort (no such column, or an empty cell) belong to the cohort named by the
``cohort`` default, or else by the file's stem (``angkatan-1`` for
``angkatan-1.csv``). The cohort's ``track``, ``method``, ``regime``, ``start``
and ``organizer`` come from columns, or else from the defaults the caller
gives. A cohort whose rows give two values for one of them gets an
``input.cohort-conflict`` error at the row that disagrees, and keeps the first.

Rows
----

Every row after the header is accounted for: it becomes a participant of its
cohort (its row number recorded in :attr:`RawDocument.rows
<pelatihan.io.document.RawDocument.rows>`) or, when it is blank, an
``input.blank-row`` info finding. A row with text beyond the header's last
column still becomes a participant, with an ``input.row-shape`` error; a row
shorter than the header has empty cells. Cells are stripped of surrounding
whitespace, empty cells are left out, and dates (``birth_date``, ``tmt_cpns``,
``start``) become ISO text when :func:`~pelatihan.io.dates.parse_date` reads
them (otherwise they are kept as written, for the structurer to report). No
other value is checked here.

    >>> from pelatihan.io.tabular import TableBuilder
    >>> table = TableBuilder(["NIP", "Nama", "Gol/Ruang", "Tgl. Lahir", "No"], file="a.csv")
    >>> table.add_row(2, ["19860926 201505 1 001", " Siti ", "III/a", "26-09-1986", "1"])
    >>> table.add_row(3, ["", "", "", "", ""])
    >>> doc = table.document()
    >>> doc.data["cohorts"][0]["participants"]  # doctest: +NORMALIZE_WHITESPACE
    [{'nip': '19860926 201505 1 001', 'name': 'Siti', 'grade': 'III/a',
      'birth_date': '1986-09-26'}]
    >>> doc.rows
    {('cohorts', 0, 'participants', 0): 2}
    >>> [(f.code, f.severity.value, str(f.location)) for f in doc.findings]
    [('input.unknown-column', 'warning', 'a.csv:1 $'), ('input.blank-row', 'info', 'a.csv:3 $')]
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import ClassVar

import attrs

from pelatihan._memo import remember
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Location, Rule, Severity, register
from pelatihan.io.dates import iso_or_none
from pelatihan.io.document import FORMAT, InputError, Keys, RawDocument
from pelatihan.io.fields import COHORT, COHORT_HEADERS, DATE, FLAG, PARTICIPANT, Kind

__all__ = [
    "BLANK_ROW",
    "COHORT_CONFLICT",
    "COHORT_FIELDS",
    "DATE_FIELDS",
    "DEFAULT_KEYS",
    "DUPLICATE_COLUMN",
    "HEADERS",
    "PARTICIPANT_FIELDS",
    "RESULTS_UNATTACHED",
    "RESULTS_UNKNOWN_COHORT",
    "ROW_SHAPE",
    "UNKNOWN_COLUMN",
    "RowTable",
    "TableBuilder",
    "TableCohort",
    "cell_value",
    "file_label",
    "header_field",
    "normalize_header",
]

UNKNOWN_COLUMN = register(
    Rule(
        "input.unknown-column",
        Severity.WARNING,
        "Unknown column ignored",
        "Kolom tidak dikenal diabaikan",
        "Every column of a table (a participant list, a results export) has a known header; "
        "a column with another header (or with none) is ignored.",
    )
)
DUPLICATE_COLUMN = register(
    Rule(
        "input.duplicate-column",
        Severity.ERROR,
        "Column given twice",
        "Kolom ganda",
        "No two columns of a table are for the same field; the second is ignored.",
    )
)
BLANK_ROW = register(
    Rule(
        "input.blank-row",
        Severity.INFO,
        "Blank row skipped",
        "Baris kosong dilewati",
        "A row of a table with no text at all is skipped.",
    )
)
ROW_SHAPE = register(
    Rule(
        "input.row-shape",
        Severity.ERROR,
        "Row longer than the header",
        "Baris lebih panjang dari judul kolom",
        "No row of a table has text beyond the header's last column; such text is ignored.",
    )
)
COHORT_CONFLICT = register(
    Rule(
        "input.cohort-conflict",
        Severity.ERROR,
        "Rows of a cohort disagree",
        "Baris satu angkatan tidak sepakat",
        "The rows of one cohort give the same track, method, regime, start and organiser, "
        "or leave them empty; the first value given is kept.",
    )
)

RESULTS_UNKNOWN_COHORT = register(
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
RESULTS_UNATTACHED = register(
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

_COLUMNS = (*PARTICIPANT.fields, *(field for field in COHORT.fields if field.headers))
"""The fields a table's columns give: the participant's, and the cohort's that have headers."""

PARTICIPANT_FIELDS = PARTICIPANT.keys
"""The participant's fields, in the order a participant record lists them."""

COHORT_FIELDS = tuple(field.key for field in COHORT.fields if field.headers)
"""The facts of a cohort a table can give, besides its name, in the order a cohort lists them."""

DATE_FIELDS = frozenset(field.key for field in _COLUMNS if field.kind is DATE)
"""The fields whose text is turned into ISO dates when it is a recognisable date (the
participant table's other cells stay text, for structuring to read)."""

DEFAULT_KEYS = frozenset({*COHORT_FIELDS, "cohort"})
"""The keys a reader's ``defaults`` may have."""

HEADERS: dict[str, tuple[str, ...]] = {
    **{field.key: field.headers for field in PARTICIPANT.fields},
    "cohort": COHORT_HEADERS,
    **{field.key: field.headers for field in COHORT.fields if field.headers},
}
"""The headers each field's column may have (matched by :func:`normalize_header`): those
the participant's and the cohort's fields declare (:mod:`pelatihan.io.fields`)."""

HEADER_TABLE = ".. header table"
"""The line of a module's documentation that :func:`with_header_table` replaces."""


def with_header_table(
    doc: str, headers: Mapping[str, Sequence[str]], notes: Mapping[str, str] | None = None
) -> str:
    """A module's documentation, its :data:`HEADER_TABLE` line replaced by a table of ``headers``.

    The table (reStructuredText) lists each field and its headers, with a field's
    note after them; a field without headers of its own is named by its key only.

    Example:
        >>> print(with_header_table(".. header table", {"nip": ("NIP",), "jp": ()}))
        =====  =================================================================
        field  headers
        =====  =================================================================
        nip    NIP
        jp     (its name only)
        =====  =================================================================
    """
    notes = notes or {}
    first = max(len("field"), *(len(field) for field in headers))
    rule = f"{'=' * first}  {'=' * _TABLE_WIDTH}"
    lines = [rule, f"{'field':<{first}}  headers", rule]
    for field, names in headers.items():
        text = ", ".join(names) or "(its name only)"
        if field in notes:
            text += f" {notes[field]}"
        wrapped = textwrap.wrap(text, _TABLE_WIDTH, break_long_words=False, break_on_hyphens=False)
        lines.append(f"{field:<{first}}  {wrapped[0]}")
        lines.extend(f"{'':<{first}}  {line}" for line in wrapped[1:])
    lines.append(rule)
    return doc.replace(HEADER_TABLE, "\n".join(lines))


_TABLE_WIDTH = 65

_IGNORED = re.compile(r"[\s._/\-\ufeff]+")


def normalize_header(text: str) -> str:
    r"""The form headers are compared in: casefolded, without spaces, ``._/-`` and a BOM.

    Example:
        >>> normalize_header("\ufeffGol. Ruang"), normalize_header("TMT_CPNS")
        ('golruang', 'tmtcpns')
    """
    return _IGNORED.sub("", text.casefold())


def header_aliases(headers: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The field of each normalised header: the fields' headers and the field names themselves.

    Example:
        >>> header_aliases({"nip": ("NIP",), "birth_date": ("Tgl. Lahir",)})
        {'nip': 'nip', 'birthdate': 'birth_date', 'tgllahir': 'birth_date'}
    """
    return {
        normalize_header(header): field
        for field, names in headers.items()
        for header in (field, *names)
    }


_ALIASES = header_aliases(HEADERS)


if __doc__:  # not left out (python -OO)
    __doc__ = with_header_table(__doc__, HEADERS)


def header_field(text: str) -> str | None:
    """The field a participant column with this header is for, or ``None`` for an unknown header.

    Example:
        >>> header_field("Tgl. Lahir"), header_field("L/P"), header_field("No")
        ('birth_date', 'sex', None)
    """
    return _ALIASES.get(normalize_header(text))


def file_label(file: str | None) -> str:
    """How messages name a file: its name, or ``<input>`` for data with no file name.

    Example:
        >>> file_label("angkatan.csv"), file_label(None)
        ('angkatan.csv', '<input>')
    """
    return "<input>" if file is None else file


def _listing(headers: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(quote(header) for header in headers[:limit])
    if len(headers) > limit:
        shown += f", \u2026 (+{len(headers) - limit})"
    return shown or "-"


class RowTable:
    """The header and row handling every table shares; a subclass says what a row becomes.

    A subclass sets :attr:`HEADERS`, :attr:`REQUIRED` and :attr:`RECORD`, and
    implements :meth:`add_row` with :meth:`read_cells`, which does the shared
    work: it strips the cells, keeps the text of known columns, holds blank rows
    back (reporting them, ``input.blank-row``, once a row with text follows or
    the table ends) and reports text in a column without a header. What a row
    becomes, and where an ``input.row-shape`` finding about it is placed, is the
    subclass's.

    Args:
        header: The header row's cells.
        file: The file's name, for findings and errors.
        header_row: The header's row number in the file.

    Raises:
        InputError: If the header lacks a column of :attr:`REQUIRED`.
    """

    HEADERS: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    """The headers each field's column may have (matched by :func:`normalize_header`)."""
    REQUIRED: ClassVar[Mapping[str, tuple[str, str]]] = {}
    """The fields a table needs a column for, with their names in English and Indonesian."""
    RECORD: ClassVar[tuple[str, str]] = ("record", "rekaman")
    """What one row is, in English and Indonesian (for messages)."""
    _aliases: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._aliases = header_aliases(cls.HEADERS)

    def __init__(
        self,
        header: Sequence[str],
        *,
        file: str | None = None,
        header_row: int = 1,
    ) -> None:
        self.file = file
        self.findings: list[Finding] = []
        """The findings about the table so far."""
        self.records = 0
        """The rows with text so far."""
        self._pending_blank: list[int] = []
        names = [cell.strip() for cell in header]
        while names and not names[-1]:
            names.pop()
        self.header: tuple[str, ...] = tuple(names)
        self._unnamed: set[int] = set()
        columns: list[str | None] = []
        first: dict[str, int] = {}
        where = Location(file=file, row=header_row)
        for index, name in enumerate(names):
            field = self._aliases.get(normalize_header(name)) if name else None
            if field is None:
                columns.append(None)
                if name:
                    self.findings.append(
                        UNKNOWN_COLUMN.finding(
                            where,
                            f"column {index + 1}, {quote(name)}, is not a known column: "
                            "it is ignored",
                            f"kolom {index + 1}, {quote(name)}, bukan kolom yang dikenal: "
                            "kolom ini diabaikan",
                            value=shorten(name),
                        )
                    )
                else:
                    self._unnamed.add(index)
            elif field in first:
                columns.append(None)
                earlier = first[field]
                self.findings.append(
                    DUPLICATE_COLUMN.finding(
                        where,
                        f"column {index + 1}, {quote(name)}, is a second {field} column after "
                        f"column {earlier + 1}, {quote(names[earlier])}: it is ignored",
                        f"kolom {index + 1}, {quote(name)}, adalah kolom {field} kedua setelah "
                        f"kolom {earlier + 1}, {quote(names[earlier])}: kolom ini diabaikan",
                        value=shorten(name),
                    )
                )
            else:
                first[field] = index
                columns.append(field)
        self.columns: tuple[str | None, ...] = tuple(columns)
        """The field of each column, ``None`` for a column that is ignored."""
        missing = [field for field in self.REQUIRED if field not in first]
        if missing:
            label = file_label(file)
            what = self.REQUIRED
            raise InputError(
                f"{label}: "
                + " and ".join(f"no {what[field][0]} column" for field in missing)
                + f": the header (row {header_row}) has {_listing(names)}; expected "
                + " and ".join(
                    f"a {what[field][0]} column ({', '.join(self.HEADERS[field])})"
                    for field in missing
                ),
                f"{label}: tidak ada kolom "
                + " dan ".join(what[field][1] for field in missing)
                + f": judul kolom (baris {header_row}) berisi {_listing(names)}; seharusnya ada "
                + " dan ".join(
                    f"kolom {what[field][1]} ({', '.join(self.HEADERS[field])})"
                    for field in missing
                ),
                value=file,
            )

    def add_row(self, row: int, cells: Sequence[str]) -> None:
        """Add the row numbered ``row`` in the file, its cells as text."""
        raise NotImplementedError

    def read_cells(self, row: int, cells: Sequence[str]) -> tuple[dict[str, str], list[str]] | None:
        """The text of a row's known columns by field, and its text beyond the header.

        Returns ``None`` for a blank row (reported later, ``input.blank-row``);
        otherwise counts the row in :attr:`records`. Empty cells are left out.
        """
        values = [cell.strip() for cell in cells]
        if not any(values):
            self._pending_blank.append(row)
            return None
        if self._pending_blank:
            self._flush_blank()
        self.records += 1
        width = len(self.columns)
        named: dict[str, str]
        if self._unnamed:
            named = {}
            for index, cell in enumerate(values[:width]):
                if not cell:
                    continue
                field = self.columns[index]
                if field is None:
                    if index in self._unnamed:
                        self._unnamed.discard(index)
                        self._report_unnamed(index, row)
                    continue
                named[field] = cell
        else:  # no column without a header is left to report: the common case
            named = {
                field: cell
                for field, cell in zip(self.columns, values, strict=False)
                if cell and field is not None
            }
        if len(values) <= width:
            return named, []
        return named, [value for value in values[width:] if value]

    def row_shape(self, location: Location, row: int, extra: Sequence[str]) -> None:
        """Report a row's text beyond the header's last column (``input.row-shape``)."""
        if not extra:
            return
        width = len(self.columns)
        self.findings.append(
            ROW_SHAPE.finding(
                location,
                f"row {row} has text beyond the header's last column ({width}): "
                f"{_listing(extra, 3)} ignored",
                f"baris {row} berisi teks di luar kolom terakhir judul kolom ({width}): "
                f"{_listing(extra, 3)} diabaikan",
                value=shorten(extra[0]),
            )
        )

    def finish(self, *, trailing_blank_rows: bool = True) -> None:
        """End the table: report the blank rows still held back, if asked.

        Args:
            trailing_blank_rows: Whether blank rows after the last row with text
                are reported (``input.blank-row``).

        Raises:
            InputError: If no row has any text.
        """
        if trailing_blank_rows:
            self._flush_blank()
        if not self.records:
            label = file_label(self.file)
            noun_en, noun_id = self.RECORD
            raise InputError(
                f"{label}: no rows: expected a header and a row for each {noun_en}",
                f"{label}: tidak ada baris: seharusnya ada judul kolom dan satu baris "
                f"untuk setiap {noun_id}",
                value=self.file,
            )

    def _flush_blank(self) -> None:
        for row in self._pending_blank:
            self.findings.append(
                BLANK_ROW.finding(
                    Location(file=self.file, row=row),
                    f"row {row} is blank: it is skipped",
                    f"baris {row} kosong: baris ini dilewati",
                )
            )
        self._pending_blank.clear()

    def _report_unnamed(self, index: int, row: int) -> None:
        self.findings.append(
            UNKNOWN_COLUMN.finding(
                Location(file=self.file, row=row),
                f"column {index + 1} has no header but row {row} has text in it: "
                "the column is ignored",
                f"kolom {index + 1} tidak berjudul tetapi baris {row} berisi teks di "
                "dalamnya: kolom ini diabaikan",
                value="",
            )
        )


@attrs.define
class TableCohort:
    """A cohort as a table's rows make it up: its name, facts, and participant records.

    Args:
        index: Its position among the table's cohorts (order of first appearance).
        name: Its name, which is also its id.
        facts: The first value each row gave for a cohort fact, with that row's number.
        size: The number of its rows (participants) so far.
        participants: Their records, when the table keeps them.
    """

    index: int
    name: str
    facts: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    size: int = 0
    participants: list[dict[str, str]] = attrs.field(factory=list)


class TableBuilder(RowTable):
    """Builds a :class:`~pelatihan.io.document.RawDocument` from a header and rows of text.

    Give it the header, then each row after the header with :meth:`add_row`, in
    order, then call :meth:`document`.

    Args:
        header: The header row's cells.
        file: The file's name, for findings and errors.
        header_row: The header's row number in the file.
        defaults: The cohort facts to use when no column gives them: keys
            ``track``, ``method``, ``start``, ``regime``, ``organizer`` and
            ``cohort`` (the name of the cohort of rows that name none).

    Raises:
        InputError: If the header has no NIP column or no name column.
        ValueError: If ``defaults`` has a key not in :data:`DEFAULT_KEYS`.

    Example:
        >>> table = TableBuilder(["Angkatan", "NIP", "Nama"], defaults={"track": "III"})
        >>> table.add_row(2, ["I", "1", "Ana"])
        >>> table.add_row(3, ["II", "2", "Budi"])
        >>> table.add_row(4, ["I", "3", "Citra"])
        >>> doc = table.document()
        >>> [(c["id"], c["track"], len(c["participants"])) for c in doc.data["cohorts"]]
        [('I', 'III', 2), ('II', 'III', 1)]
        >>> doc.rows["cohorts", 0, "participants", 1]
        4
    """

    HEADERS = HEADERS
    REQUIRED: ClassVar[Mapping[str, tuple[str, str]]] = {
        "nip": ("NIP", "NIP"),
        "name": ("name", "nama"),
    }
    RECORD = ("participant", "peserta")

    def __init__(
        self,
        header: Sequence[str],
        *,
        file: str | None = None,
        header_row: int = 1,
        defaults: Mapping[str, str] | None = None,
    ) -> None:
        self._defaults = _check_defaults(defaults or {})
        self._rows: dict[Keys, int] = {}
        self._cohorts: dict[str, TableCohort] = {}
        self._unnamed_cohort = self._defaults.get("cohort") or _stem(file)
        super().__init__(header, file=file, header_row=header_row)

    @property
    def cohorts(self) -> tuple[TableCohort, ...]:
        """The cohorts so far, in the order of their first row."""
        return tuple(self._cohorts.values())

    def add_row(self, row: int, cells: Sequence[str]) -> None:
        """Add the row numbered ``row`` in the file, its cells as text."""
        placed = self.place_row(row, cells)
        if placed is not None:
            self.take(*placed, row)

    def take(self, cohort: TableCohort, index: int, record: dict[str, str], row: int) -> None:
        """Keep the participant ``record`` of row ``row``, number ``index`` in ``cohort``.

        A subclass may do something else with it (check it at once, say).
        """
        cohort.participants.append(record)
        self._rows["cohorts", cohort.index, "participants", index] = row

    def place_row(
        self, row: int, cells: Sequence[str]
    ) -> tuple[TableCohort, int, dict[str, str]] | None:
        """Read a row: its cohort, its number among the cohort's rows, its participant record.

        Records the cohort's facts (reporting a disagreement) and text beyond the
        header; ``None`` for a blank row.
        """
        read = self.read_cells(row, cells)
        if read is None:
            return None
        named, extra = read
        record: dict[str, str] = {}
        facts: dict[str, str] = {}
        cohort_name = self._unnamed_cohort
        for field, cell in named.items():
            value = (_iso(cell) or cell) if field in DATE_FIELDS else cell
            if field in _PARTICIPANT_FIELD_SET:
                record[field] = value
            elif field == "cohort":
                cohort_name = value
            else:
                facts[field] = value
        cohort = self._cohorts.get(cohort_name)
        if cohort is None:
            cohort = self._cohorts[cohort_name] = TableCohort(len(self._cohorts), cohort_name)
        index = cohort.size
        cohort.size += 1
        if extra:
            where = Location(("cohorts", cohort.index, "participants", index), self.file, row)
            self.row_shape(where, row, extra)
        known = cohort.facts
        for field, value in facts.items():
            first = known.get(field)
            if first is None or first[0] != value:  # new, or a disagreement to report
                self._fact(cohort, field, value, row)
        return cohort, index, {f: record[f] for f in PARTICIPANT_FIELDS if f in record}

    def has_column(self, field: str) -> bool:
        """Whether a column of the table gives ``field``."""
        return field in self.columns

    def cohort_data(self, cohort: TableCohort) -> dict[str, object]:
        """A cohort's record in the interchange shape: its facts (or the defaults), no rows."""
        data: dict[str, object] = {"id": cohort.name, "name": cohort.name}
        for field in COHORT_FIELDS:
            value = cohort.facts[field][0] if field in cohort.facts else None
            value = value or self._defaults.get(field)
            if value is not None:
                data[field] = {"name": value} if field == "organizer" else value
        return data

    def document(self, *, trailing_blank_rows: bool = True) -> RawDocument:
        """The document of the rows added so far.

        Args:
            trailing_blank_rows: Whether blank rows after the last row with text
                are reported (``input.blank-row``); a worksheet's extent often
                runs past its last row of data, so the Excel reader leaves them out.

        Raises:
            InputError: If no row has any text.
        """
        self.finish(trailing_blank_rows=trailing_blank_rows)
        cohorts: list[dict[str, object]] = []
        for cohort in self._cohorts.values():
            data = self.cohort_data(cohort)
            data["participants"] = cohort.participants
            cohorts.append(data)
        return RawDocument(
            {"format": FORMAT, "cohorts": cohorts},
            file=self.file,
            rows=dict(self._rows),
            findings=tuple(self.findings),
        )

    def _fact(self, cohort: TableCohort, field: str, value: str, row: int) -> None:
        known = cohort.facts.get(field)
        if known is None:
            cohort.facts[field] = (value, row)
            return
        first, first_row = known
        if first == value:
            return
        self.findings.append(
            COHORT_CONFLICT.finding(
                Location(("cohorts", cohort.index, field), self.file, row),
                f"row {row} gives the {field} {quote(value)} for cohort {quote(cohort.name)}, "
                f"row {first_row} gave {quote(first)}: the first is kept",
                f"baris {row} memberi {field} {quote(value)} untuk angkatan "
                f"{quote(cohort.name)}, baris {first_row} memberi {quote(first)}: "
                "yang pertama dipakai",
                value=shorten(value),
            )
        )


_PARTICIPANT_FIELD_SET = frozenset(PARTICIPANT_FIELDS)
_ISO_TEXTS: dict[str, str | None] = {}
"""Date cells already read: a table repeats its first days, birth dates and TMTs."""


def _iso(cell: str) -> str | None:
    """:func:`~pelatihan.io.dates.iso_or_none`, remembered for the next cell with the same text."""
    try:
        return _ISO_TEXTS[cell]
    except KeyError:
        return remember(_ISO_TEXTS, cell, iso_or_none(cell))


_FLAGS = {
    "ya": True,
    "yes": True,
    "true": True,
    "1": True,
    "tidak": False,
    "no": False,
    "false": False,
    "0": False,
}


def cell_value(kind: Kind, text: str) -> object:
    """A cell's text as the value of a field of ``kind``, for structuring to check.

    A date in a form :func:`~pelatihan.io.dates.parse_date` reads becomes ISO text;
    ``ya``/``tidak``, ``yes``/``no``, ``true``/``false`` and ``1``/``0`` for a flag
    become true or false; anything else stays as written.

    Example:
        >>> from pelatihan.io.fields import DATE, FLAG, TEXT
        >>> cell_value(DATE, "17/08/1995"), cell_value(FLAG, "Ya"), cell_value(TEXT, "Ya")
        ('1995-08-17', True, 'Ya')
    """
    if kind is DATE:
        return _iso(text) or text
    if kind is FLAG:
        return _FLAGS.get(text.casefold(), text)
    return text


def _stem(file: str | None) -> str:
    stem = PurePath(file).stem if file else ""
    return stem or "cohort"


def _check_defaults(defaults: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(defaults) - DEFAULT_KEYS)
    if unknown:
        raise ValueError(
            f"unknown defaults {', '.join(map(repr, unknown))}: expected some of "
            f"{', '.join(sorted(DEFAULT_KEYS))}"
        )
    checked: dict[str, str] = {}
    for key, value in defaults.items():
        text = value.strip()
        if text:
            checked[key] = (iso_or_none(text) or text) if key in DATE_FIELDS else text
    return checked
