"""What every table shares: headers matched to fields, rows read as text, cells read as values.

HR systems export participant lists and results as tables, one row per
record under a header row; :mod:`pelatihan.io.csv` and :mod:`pelatihan.io.xlsx`
read them row by row. :class:`RowTable` is what every table shares: headers
matched to fields whatever their spelling (:func:`normalize_header`), unknown
and duplicate columns, blank rows, rows longer than the header, and a table
without rows. :class:`pelatihan.io.tabular.TableBuilder` (participant lists)
and :class:`pelatihan.io.results.ResultsTable` (results exports) build on it,
each with the headers of its fields (:mod:`pelatihan.io.fields`), and read a
cell as the value of its field's kind with :func:`cell_value`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar, TypeVar

import attrs

from pelatihan._memo import remember
from pelatihan.catalogue.reading import BLANK_ROW, DUPLICATE_COLUMN, ROW_SHAPE, UNKNOWN_COLUMN
from pelatihan.errors import quote, shorten
from pelatihan.findings import Finding, Location
from pelatihan.io.dates import iso_or_none
from pelatihan.io.document import InputError
from pelatihan.io.fields import DATE, FLAG, UNUSED_HEADERS, Kind

__all__ = [
    "BLANK_ROW",
    "DUPLICATE_COLUMN",
    "HEADER_TABLE",
    "ROW_SHAPE",
    "UNKNOWN_COLUMN",
    "RowTable",
    "cell_value",
    "file_label",
    "header_aliases",
    "iso_text",
    "normalize_header",
    "with_header_table",
]


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


def file_label(file: str | None) -> str:
    """How messages name a file: its name, or ``<input>`` for data with no file name.

    Example:
        >>> file_label("angkatan.csv"), file_label(None)
        ('angkatan.csv', '<input>')
    """
    return "<input>" if file is None else file


_UNUSED = frozenset(normalize_header(header) for header in UNUSED_HEADERS)

TableT = TypeVar("TableT", bound="RowTable")


def _listing(headers: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(quote(header) for header in headers[:limit])
    if len(headers) > limit:
        shown += f", \u2026 (+{len(headers) - limit})"
    return shown or "-"


class RowTable:
    """The header and row handling every table shares; a subclass says what a row becomes.

    A subclass sets :attr:`HEADERS`, :attr:`LABELS_ID`, :attr:`REQUIRED` and :attr:`RECORD`, and
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
    LABELS_ID: ClassVar[Mapping[str, str]] = {}
    """How Indonesian messages name each field of :attr:`HEADERS` (by its key when absent)."""
    STANDS_IN: ClassVar[Mapping[str, str]] = {}
    """For a field, the field whose column is read as it when the table has no column of its
    own (a participant list's rank, *pangkat*, for its grade: a rank names a grade)."""
    _aliases: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._aliases = header_aliases(cls.HEADERS)

    @classmethod
    def aliases(cls) -> Mapping[str, str]:
        """The field of each normalised header (:func:`header_aliases` of :attr:`HEADERS`)."""
        return cls._aliases

    @classmethod
    def with_columns(cls: type[TableT], columns: Mapping[str, str] | None) -> type[TableT]:
        """This kind of table, reading the column headed ``columns[field]`` as ``field``.

        For a header the table does not know (``Nama Tanpa Gelar``), or one it
        reads as another field: the header is then that field's alone. The
        header row is found by these headers too. Without ``columns``, the class itself.

        Raises:
            ValueError: If a key of ``columns`` is not a field of the table, or a
                header is empty or given for two fields.

        Example:
            >>> from pelatihan.io.tabular import TableBuilder
            >>> kind = TableBuilder.with_columns({"name": "Nama Tanpa Gelar"})
            >>> kind(["NIP", "Nama Tanpa Gelar", "Nama"]).columns
            ('nip', 'name', None)
        """
        if not columns:
            return cls
        unknown = sorted(set(columns) - set(cls.HEADERS))
        if unknown:
            raise ValueError(
                f"{', '.join(map(repr, unknown))} is not a field of the table: "
                f"expected one of {', '.join(cls.HEADERS)}"
            )
        given: dict[str, str] = {}
        for field, header in columns.items():
            key = normalize_header(header)
            if not key:
                raise ValueError(f"the header of {field!r} is empty")
            if given.setdefault(key, field) != field:
                raise ValueError(f"the header {header!r} is given for {given[key]!r} and {field!r}")
        headers = {
            field: (
                *((columns[field],) if field in columns else ()),
                *(name for name in names if normalize_header(name) not in given),
            )
            for field, names in cls.HEADERS.items()
        }
        namespace = {"HEADERS": headers, "__module__": cls.__module__, "__doc__": cls.__doc__}
        made: type[TableT] = type(cls.__name__, (cls,), namespace)
        made.__qualname__ = cls.__qualname__
        # a field's own key is a header too: one that another field's header now names is not
        made._aliases = {
            **{key: field for key, field in made._aliases.items() if key not in given},
            **given,
        }
        return made

    def __init__(
        self,
        header: Sequence[str],
        *,
        file: str | None = None,
        header_row: int = 1,
    ) -> None:
        self.file = file
        """The name findings about the rows give the file (a worksheet's, for a workbook's part)."""
        self.source = file
        """The file's name, as the document it makes gives it."""
        self.findings: list[Finding] = []
        """The findings about the table so far."""
        self.records = 0
        """The rows with text so far."""
        self._pending_blank: list[list[int]] = []
        """The blank rows held back, as runs of consecutive rows: ``[first, last]``."""
        self._pending_skip: tuple[Finding, int, _Describe] | None = None
        """The run of skipped rows of one code being extended: its first row's finding, its
        last row, and how to describe the run."""
        self._set_header(header, header_row)

    @property
    def settled(self) -> bool:
        """Whether no row is held back: a run of blank or skipped rows still to be reported."""
        return not self._pending_blank and self._pending_skip is None

    def restart(self, header: Sequence[str], *, file: str | None, header_row: int) -> None:
        """Read the rows that follow under another header: the next worksheet's table.

        Blank rows held back are its predecessor's extent and are dropped; findings
        about the rows that follow name ``file``.

        Raises:
            InputError: If the header lacks a column of :attr:`REQUIRED`.
        """
        self._flush_skip()
        self._pending_blank.clear()
        self.file = file
        self._set_header(header, header_row)

    def part(self, name: str) -> None:
        """The rows that follow are a part of the table named ``name`` (a worksheet).

        A subclass may use the name (a participant list names the cohort of rows
        that name none after it); this one does nothing.
        """

    def skip_row(self, finding: Finding, describe: _Describe | None = None) -> None:
        """Account for a row that is not a record with ``finding`` (located at the row).

        Blank rows held back before it are reported first: they are not the end of the table.
        With ``describe``, a run of consecutive rows skipped with findings of one code is
        one finding located at the run's rows (``row`` to ``last_row``), its messages
        ``describe(first, last)`` in English and Indonesian, its value the first row's;
        a run of one row is ``finding`` itself.
        """
        if self._pending_blank:
            self._flush_blank()
        row = finding.location.row
        pending = self._pending_skip
        if pending is not None:
            first, last, described = pending
            if (
                describe is not None
                and row == last + 1
                and first.code == finding.code
                and first.location.file == finding.location.file
            ):
                self._pending_skip = (first, row, described)  # described by its first row
                return
            self._flush_skip()
        if describe is None or row is None:
            self.findings.append(finding)
        else:
            self._pending_skip = (finding, row, describe)

    def flush_skipped(self) -> None:
        """Report the run of skipped rows being extended now, so that :attr:`findings` holds it."""
        self._flush_skip()

    def _flush_skip(self) -> None:
        """Report the run of skipped rows being extended, if there is one."""
        pending = self._pending_skip
        if pending is None:
            return
        self._pending_skip = None
        finding, last, describe = pending
        first = finding.location.row
        if first is None or last == first:
            self.findings.append(finding)
            return
        message_en, message_id = describe(first, last)
        self.findings.append(
            attrs.evolve(
                finding,
                location=attrs.evolve(finding.location, last_row=last),
                message_en=message_en,
                message_id=message_id,
            )
        )

    def _set_header(self, header: Sequence[str], header_row: int) -> None:
        file = self.file
        names = [cell.strip() for cell in header]
        while names and not names[-1]:
            names.pop()
        self.header: tuple[str, ...] = tuple(names)
        self._unnamed: set[int] = set()
        columns: list[str | None] = []
        first: dict[str, int] = {}
        where = Location(file=file, row=header_row)
        for index, name in enumerate(names):
            key = normalize_header(name)
            field = self._aliases.get(key) if name else None
            if field is None:
                columns.append(None)
                if name and key not in _UNUSED:
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
                elif not name:
                    self._unnamed.add(index)
            elif field in first:
                columns.append(None)
                earlier = first[field]
                self.findings.append(
                    DUPLICATE_COLUMN.finding(
                        where,
                        f"column {index + 1}, {quote(name)}, is a second {field} column after "
                        f"column {earlier + 1}, {quote(names[earlier])}: it is ignored",
                        f"kolom {index + 1}, {quote(name)}, adalah kolom "
                        f"{self.LABELS_ID.get(field, field)} kedua setelah "
                        f"kolom {earlier + 1}, {quote(names[earlier])}: kolom ini diabaikan",
                        value=shorten(name),
                    )
                )
            else:
                first[field] = index
                columns.append(field)
        for field, stand_in in self.STANDS_IN.items():
            if field not in first and stand_in in first:
                index = first.pop(stand_in)
                first[field] = index
                columns[index] = field
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
        values = self.row_values(row, cells)
        if values is None:
            return None
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

    def row_values(self, row: int, cells: Sequence[str]) -> list[str] | None:
        """A row's cells stripped, counted in :attr:`records`; ``None`` for a blank row.

        What every reading of a row begins with: a blank row is held back (reported
        later, ``input.blank-row``), and a row with text ends the runs of blank and
        skipped rows before it.
        """
        values = list(map(str.strip, cells))
        if not any(values):
            self.blank_rows(row, row)
            return None
        if self._pending_skip is not None:
            self._flush_skip()
        if self._pending_blank:
            self._flush_blank()
        self.records += 1
        return values

    def blank_rows(self, first: int, last: int) -> None:
        """Hold back the blank rows ``first`` to ``last`` (reported later, ``input.blank-row``).

        A run of blank rows is held as its first and last row, whatever its length:
        a file of millions of blank lines, or a worksheet whose rows jump from 2 to
        20,000,000, takes no more memory than one blank row.
        """
        if self._pending_skip is not None:  # a blank row ends a run of skipped rows
            self._flush_skip()
        pending = self._pending_blank
        if pending and pending[-1][1] == first - 1:
            pending[-1][1] = last
        else:
            pending.append([first, last])

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
        self._flush_skip()
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
        """Report the blank rows held back: one finding for each run of consecutive rows."""
        for first, last in self._pending_blank:
            if first == last:
                self.findings.append(
                    BLANK_ROW.finding(
                        Location(file=self.file, row=first),
                        f"row {first} is blank: it is skipped",
                        f"baris {first} kosong: baris ini dilewati",
                    )
                )
                continue
            count = last - first + 1
            self.findings.append(
                BLANK_ROW.finding(
                    Location(file=self.file, row=first, last_row=last),
                    f"rows {first:,}\u2013{last:,} are blank ({count:,} rows): they are skipped",
                    f"baris {_ribuan(first)}\u2013{_ribuan(last)} kosong ({_ribuan(count)} "
                    "baris): baris-baris ini dilewati",
                    value=count,
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


_Describe = Callable[[int, int], tuple[str, str]]
"""How a run of skipped rows is described, from its first and last row: English, Indonesian."""


def _ribuan(number: int) -> str:
    """A number with the thousands marked the Indonesian way (``1.000.011``)."""
    return f"{number:,}".replace(",", ".")


_ISO_TEXTS: dict[str, str | None] = {}
"""Date cells already read: a table repeats its first days, birth dates and TMTs."""


def iso_text(cell: str) -> str | None:
    """The ISO text of a date cell :func:`~pelatihan.io.dates.parse_date` reads, else ``None``.

    :func:`~pelatihan.io.dates.iso_or_none`, remembered for the next cell with the same text.
    """
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
        return iso_text(text) or text
    if kind is FLAG:
        return _FLAGS.get(text.casefold(), text)
    return text
