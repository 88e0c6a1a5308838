"""Participant lists as tables: the columns they may have, and how rows become cohorts.

HR systems export participant lists as tables with one row per participant
under a header row. :class:`TableBuilder` turns the header and the rows, as
text, into a :class:`~pelatihan.io.document.RawDocument` in the interchange
shape; :mod:`pelatihan.io.csv` and :mod:`pelatihan.io.xlsx` feed it rows as
they read them. It is a :class:`~pelatihan.io.table.RowTable`, which does what
every table does (results exports too): match headers, skip blank rows, report
unknown and duplicate columns and rows longer than the header.

Headers
-------

A header names its column's field whatever its case and whatever spaces, dots,
underscores, slashes and hyphens it holds (``Gol. Ruang``, ``GOL/RUANG`` and
``gol_ruang`` are one header). The headers are those the fields declare
(:mod:`pelatihan.io.fields`):

.. header table

The field names themselves (``birth_date``, ``tmt_cpns``) are headers too. A
column headed as agencies' lists often are for what the library does not use
(``No``, ``Keterangan``, ``Tempat Lahir``, ``Agama``: the headers of
:data:`~pelatihan.io.fields.UNUSED_HEADERS`) is left aside quietly; a column
with another header is ignored, with an ``input.unknown-column`` warning; a
second column for the same field is ignored, with an
``input.duplicate-column`` error. A list without a grade column reads its
rank column (``Pangkat``, *Penata Muda*) as the grade, since a rank names a
grade; with both, the rank is checked against the grade. A header of your own
is read as a field with :meth:`TableBuilder.with_columns <pelatihan.io.table.RowTable.with_columns>`
(the readers' ``columns``, the command's ``--column FIELD=HEADER``). A table
needs a NIP column and a name column: without either, reading it raises
:class:`~pelatihan.io.document.InputError`.

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

The readers find the header and sort the rows after it as
:mod:`pelatihan.io.layout` describes: the header is the first row, among the
first 30, that names a NIP column and a name column (title rows above it are
``input.title-row`` findings); a header may take two rows
(``input.two-row-header``); a row numbering the columns under it
(``input.column-numbers``), a total row (``input.total-row``) and the rows of
a signature block below the participants (``input.footer-row``) are not
participants. A row with a name and another field always is one.

Every row after the header is accounted for: it becomes a participant of its
cohort (its row number recorded in :attr:`RawDocument.rows
<pelatihan.io.document.RawDocument.rows>`), or, when it is blank, an
``input.blank-row`` info finding, or one of the findings above (their codes
are :data:`~pelatihan.catalogue.reading.SKIPPED_ROW_CODES`). A row with text
beyond the header's last column still becomes a participant, with an
``input.row-shape`` error; a row
shorter than the header has empty cells. Cells are stripped of surrounding
whitespace, empty cells are left out, and dates (``birth_date``, ``tmt_cpns``,
``start``) become ISO text when :func:`~pelatihan.io.dates.parse_date` reads
them (otherwise they are kept as written, for the structurer to report). No
other value is checked here.

    >>> from pelatihan.io.tabular import TableBuilder
    >>> table = TableBuilder(["NIP", "Nama", "Gol/Ruang", "Tgl. Lahir", "Warna"], file="a.csv")
    >>> table.add_row(2, ["19860926 201505 1 001", " Siti ", "III/a", "26-09-1986", "biru"])
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

import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import ClassVar

import attrs

from pelatihan.catalogue.reading import COHORT_CONFLICT, RESULTS_UNATTACHED, RESULTS_UNKNOWN_COHORT
from pelatihan.errors import quote, shorten
from pelatihan.findings import Location
from pelatihan.io.dates import iso_or_none
from pelatihan.io.document import FORMAT, Keys, RawDocument
from pelatihan.io.fields import COHORT, COHORT_HEADERS, COHORT_LABEL_ID, DATE, PARTICIPANT
from pelatihan.io.table import (
    BLANK_ROW,
    DUPLICATE_COLUMN,
    ROW_SHAPE,
    UNKNOWN_COLUMN,
    RowTable,
    file_label,
    header_aliases,
    iso_text,
    normalize_header,
    with_header_table,
)

__all__ = [
    "BLANK_ROW",
    "COHORT_CONFLICT",
    "COHORT_FIELDS",
    "DATE_FIELDS",
    "DEFAULT_KEYS",
    "DUPLICATE_COLUMN",
    "HEADERS",
    "LABELS_ID",
    "PARTICIPANT_FIELDS",
    "RESULTS_UNATTACHED",
    "RESULTS_UNKNOWN_COHORT",
    "ROW_SHAPE",
    "UNKNOWN_COLUMN",
    "RowTable",
    "TableBuilder",
    "TableCohort",
    "file_label",
    "header_field",
    "normalize_header",
]


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

LABELS_ID: dict[str, str] = {
    **{field.key: field.label("id") for field in PARTICIPANT.fields},
    "cohort": COHORT_LABEL_ID,
    **{field.key: field.label("id") for field in COHORT.fields if field.headers},
}
"""How Indonesian messages name each field of :data:`HEADERS`."""

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


@attrs.define
class TableCohort:
    """A cohort as a table's rows make it up: its name, facts, and participant records.

    Args:
        index: Its position among the table's cohorts (order of first appearance).
        name: Its name, which is also its id.
        facts: The first value each row gave for a cohort fact, with that row's number.
        size: The number of its rows (participants) so far.
        participants: Their records, when the table keeps them.
        parts: For a workbook with several tables, the worksheets its rows are
            on (as :attr:`TableBuilder.parts` names them), in order.
    """

    index: int
    name: str
    facts: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    size: int = 0
    participants: list[dict[str, str]] = attrs.field(factory=list)
    parts: tuple[str | None, ...] = ()


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
    LABELS_ID = LABELS_ID
    REQUIRED: ClassVar[Mapping[str, tuple[str, str]]] = {
        "nip": ("NIP", "NIP"),
        "name": ("name", "nama"),
    }
    STANDS_IN: ClassVar[Mapping[str, str]] = {"grade": "rank"}
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
        self._files: dict[Keys, str | None] = {}
        self._parts: list[str | None] = []
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
        keys = ("cohorts", cohort.index, "participants", index)
        self._rows[keys] = row
        if self.file != self.source:  # a worksheet of a workbook with several tables
            self._files[keys] = self.file

    @property
    def cohort_column(self) -> int | None:
        """The index of the column naming each row's cohort, if the table has one."""
        return self._cohort_column

    def adopt(self, cohorts: Sequence[TableCohort], records: int) -> int | None:
        """Take on cohorts whose rows were read by another table of the same header.

        For a file read in pieces (:mod:`pelatihan.validation.table_shares`): the
        cohorts of a piece of ``records`` rows, each of whose rows was one of their
        participants, numbered on after this table's. Returns the position of the
        first, or ``None`` (taking on nothing) when one of them is a cohort of this
        table already: then the rows of a cohort are not all in one piece.
        """
        if any(cohort.name in self._cohorts for cohort in cohorts):
            return None
        base = len(self._cohorts)
        for cohort in cohorts:
            self._cohorts[cohort.name] = attrs.evolve(cohort, index=base + cohort.index)
        self.records += records
        return base

    def cohorts_from(self, position: int) -> list[TableCohort]:
        """The cohorts from ``position`` on, in the order of their first row."""
        return list(itertools.islice(self._cohorts.values(), position, None))

    @property
    def parts(self) -> tuple[str | None, ...]:
        """The labels of the worksheets read, in order, for a workbook with several tables."""
        return tuple(self._parts)

    def part(self, name: str) -> None:
        """The rows that follow are the worksheet ``name``: rows naming no cohort are its cohort."""
        self._unnamed_cohort = name
        self._parts.append(self.file)

    def _set_header(self, header: Sequence[str], header_row: int) -> None:
        super()._set_header(header, header_row)
        columns = self.columns
        order = {field: position for position, field in enumerate(PARTICIPANT_FIELDS)}
        participant = sorted(
            ((index, field) for index, field in enumerate(columns) if field in order),
            key=lambda column: order[column[1]],
        )
        facts = [
            (index, field)
            for index, field in enumerate(columns)
            if field is not None and field not in order and field != "cohort"
        ]
        # The column layout of a row no wider than the header (:meth:`place_cells`): the
        # participant's columns in the order a record lists its fields, and the cohort's facts
        # in the header's order; each taken from a row's cells at once, with the fields whose
        # text is read as a date.
        self._participant_columns = tuple(index for index, _ in participant)
        self._fact_columns = tuple(index for index, _ in facts)
        self._participant_cells = _cells_at([index for index, _ in participant])
        self._participant_fields = tuple(field for _, field in participant)
        self._participant_dates = tuple(f for f in self._participant_fields if f in DATE_FIELDS)
        self._fact_cells = _cells_at([index for index, _ in facts])
        self._fact_fields = tuple((field, field in DATE_FIELDS) for _, field in facts)
        self._cohort_column = columns.index("cohort") if "cohort" in columns else None
        self._agreed: dict[int, tuple[str, ...]] = {}
        """The cells of each cohort's facts on its last row, when they agreed with its facts."""

    def place_row(
        self, row: int, cells: Sequence[str]
    ) -> tuple[TableCohort, int, dict[str, str]] | None:
        """Read a row: its cohort, its number among the cohort's rows, its participant record.

        Records the cohort's facts (reporting a disagreement) and text beyond the
        header; ``None`` for a blank row.

        A row no wider than the header, in a table with no unnamed column left to
        report, is read column by column from the layout worked out with the
        header (the rows of a national export); any other row by field, as
        :meth:`read_cells` gives them. Both give the same (``tests/test_table_paths.py``).
        """
        if self.plain_width(cells):
            return self._place_plain(row, cells)
        return self._place_read(row, cells)

    def plain_width(self, cells: Sequence[str]) -> bool:
        """Whether a row is read by the column layout (:meth:`place_cells`).

        So it is when it has no text beyond the header (an export that ends each
        line with a delimiter gives a last cell that is empty), nor in a column with
        no header that has had none so far (the first such text is reported).
        """
        width = len(self.columns)
        if len(cells) > width and "".join(cells[width:]).strip():
            return False
        unnamed = self._unnamed
        return not unnamed or not any(
            cells[index].strip() for index in unnamed if index < len(cells)
        )

    def _place_plain(
        self, row: int, cells: Sequence[str]
    ) -> tuple[TableCohort, int, dict[str, str]] | None:
        """:meth:`place_row` for a row no wider than the header: by the header's column layout."""
        placed = self.place_cells(row, cells)
        if placed is None:
            return None
        cohort, index, taken = placed
        return cohort, index, self.record_of(taken)

    def place_cells(
        self, row: int, cells: Sequence[str]
    ) -> tuple[TableCohort, int, tuple[str, ...]] | None:
        """:meth:`place_row` for a row no wider than the header, its participant's cells as given.

        The participant's cells, stripped, are those of :attr:`participant_fields`,
        in that order; :meth:`record_of` makes its record of them. A row shorter than
        the header is read as if its missing cells were empty. A row whose cohort's
        facts are given by the same cells as on the cohort's last row, which agreed
        with them, gives nothing new of the cohort. ``None`` for a blank row.
        """
        values = self.row_values(row, cells)
        if values is None:
            return None
        missing = len(self.columns) - len(values)
        if missing:
            values += [""] * missing
        at = self._cohort_column
        cohort_name = values[at] if at is not None and values[at] else self._unnamed_cohort
        taken = self._participant_cells(values)
        cohort, index = self._cohort_row(cohort_name, row, ())
        given = self._fact_cells(values)
        if self._agreed.get(cohort.index) != given:
            facts = [
                (field, (iso_text(value) or value) if date else value)
                for (field, date), value in zip(self._fact_fields, given, strict=True)
                if value
            ]
            if self._cohort_facts(cohort, facts, row):
                self._agreed[cohort.index] = given
        return cohort, index, taken

    def cohort_lead(self) -> tuple[int, Callable[[Sequence[str]], tuple[str, ...]]]:
        """How many columns a row has before its participant's, and what takes those from the rest.

        The columns before are the cohort's: the cohort column and every cohort
        fact's come before every participant column (as in a national export),
        and a row whose text up to the last of them is another row's is of the
        same cohort, with the same facts. ``0`` when they do not (or the table
        has no cohort column).
        """
        cohort = () if self._cohort_column is None else (self._cohort_column,)
        lead = max((*cohort, *self._fact_columns), default=-1) + 1
        if not cohort or min(self._participant_columns, default=0) < lead:
            lead = 0
        return lead, _cells_at([index - lead for index in self._participant_columns])

    @property
    def participant_fields(self) -> tuple[str, ...]:
        """The participant's fields a row's columns give, in the order a record lists its fields."""
        return self._participant_fields

    def record_of(self, taken: Sequence[str]) -> dict[str, str]:
        """The participant record of a row's participant cells (:meth:`place_cells`).

        The fields whose cell is not empty, date cells written as ISO dates when
        they can be read as dates.
        """
        record = {
            field: value
            for field, value in zip(self._participant_fields, taken, strict=True)
            if value
        }
        for field in self._participant_dates:
            value = record.get(field)
            if value is not None:
                record[field] = iso_text(value) or value
        return record

    def _place_read(
        self, row: int, cells: Sequence[str]
    ) -> tuple[TableCohort, int, dict[str, str]] | None:
        """:meth:`place_row` for any row: by the fields :meth:`read_cells` reads."""
        read = self.read_cells(row, cells)
        if read is None:
            return None
        named, extra = read
        record: dict[str, str] = {}
        facts: dict[str, str] = {}
        cohort_name = self._unnamed_cohort
        for field, cell in named.items():
            value = (iso_text(cell) or cell) if field in DATE_FIELDS else cell
            if field in _PARTICIPANT_FIELD_SET:
                record[field] = value
            elif field == "cohort":
                cohort_name = value
            else:
                facts[field] = value
        cohort, index = self._cohort_row(cohort_name, row, extra)
        self._cohort_facts(cohort, facts.items(), row)
        return cohort, index, {f: record[f] for f in PARTICIPANT_FIELDS if f in record}

    def _cohort_row(self, name: str, row: int, extra: Sequence[str]) -> tuple[TableCohort, int]:
        """The cohort named ``name``, made when new, and the number of the row among its rows.

        Notes the worksheet it is on, and reports ``extra``, the row's text beyond the header.
        """
        cohort = self._cohorts.get(name)
        if cohort is None:
            cohort = self._cohorts[name] = TableCohort(len(self._cohorts), name)
        index = cohort.size
        cohort.size += 1
        if self._parts and (not cohort.parts or cohort.parts[-1] is not self.file):
            cohort.parts = (*cohort.parts, self.file)  # once per worksheet: no list per cohort
        if extra:
            where = Location(("cohorts", cohort.index, "participants", index), self.file, row)
            self.row_shape(where, row, extra)
        return cohort, index

    def _cohort_facts(
        self, cohort: TableCohort, facts: Iterable[tuple[str, str]], row: int
    ) -> bool:
        """Record the facts a row gives of its cohort, reporting one that disagrees.

        Returns:
            Whether every fact agreed with the first the cohort's rows gave (or was the first).
        """
        known = cohort.facts
        agreed = True
        for field, value in facts:
            first = known.get(field)
            if first is None or first[0] != value:  # new, or a disagreement to report
                agreed = self._fact(cohort, field, value, row) and agreed
        return agreed

    def cohort_parts(self) -> tuple[tuple[str | None, ...], ...]:
        """The worksheets each cohort's rows are on, for a workbook with several tables."""
        if not self._parts:
            return ()
        return tuple(cohort.parts for cohort in self._cohorts.values())

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
            file=self.source,
            rows=dict(self._rows),
            findings=tuple(self.findings),
            files=dict(self._files),
            parts=tuple(self._parts),
            cohort_parts=self.cohort_parts(),
        )

    def _fact(self, cohort: TableCohort, field: str, value: str, row: int) -> bool:
        """Record a fact of the cohort; whether it agrees with the first given (or is the first)."""
        known = cohort.facts.get(field)
        if known is None:
            cohort.facts[field] = (value, row)
            return True
        first, first_row = known
        if first == value:
            return True
        self.findings.append(
            COHORT_CONFLICT.finding(
                Location(("cohorts", cohort.index, field), self.file, row),
                f"row {row} gives the {field} {quote(value)} for cohort {quote(cohort.name)}, "
                f"row {first_row} gave {quote(first)}: the first is kept",
                f"baris {row} memberi {LABELS_ID.get(field, field)} {quote(value)} untuk angkatan "
                f"{quote(cohort.name)}, baris {first_row} memberi {quote(first)}: "
                "yang pertama dipakai",
                value=shorten(value),
            )
        )
        return False


_PARTICIPANT_FIELD_SET = frozenset(PARTICIPANT_FIELDS)


def _cells_at(indexes: Sequence[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """What takes the cells at ``indexes`` of a row at once, as a tuple (in C for two or more)."""
    if len(indexes) >= 2:
        return operator.itemgetter(*indexes)
    if indexes:
        (only,) = indexes
        return lambda values: (values[only],)
    return lambda values: ()


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
