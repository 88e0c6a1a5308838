"""A participant table reads a row by its header's column layout as it reads it field by field.

:meth:`~pelatihan.io.tabular.TableBuilder.place_row` reads a row with no text beyond
the header (a line ended by a delimiter gives an empty cell there), in a table with no
unnamed column to report, by the column layout worked
out with the header: the rows of a national export. Any other row goes by the
fields :meth:`~pelatihan.io.table.Table.read_cells` gives. The two must agree on
every row either can read.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan.io.document import InputError
from pelatihan.io.tabular import HEADERS, TableBuilder

_FIELDS = tuple(HEADERS)
_CELL = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "III/a",
            "II",
            "III",
            "klasikal",
            "2025-03-04",
            "04-03-2025",
            "4/3/2025",
            "L",
            "P",
            "Angkatan I",
            "Angkatan II",
            "BPSDM",
            "31-02-2025",
        ]
    ),
    st.text(alphabet=" ab1-/", max_size=6),
)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    fields = draw(st.lists(st.sampled_from(_FIELDS), min_size=0, max_size=9, unique=True))
    header = ["NIP", "Nama"] + [HEADERS[field][draw(st.integers(0, 1))] for field in fields]
    # columns nobody knows, and columns with no header (text in one is reported)
    header += draw(st.lists(st.sampled_from(["Keterangan", "Catatan Lain", "No", ""]), max_size=2))
    header = draw(st.permutations(header))
    width = len(header)
    rows = draw(st.lists(st.lists(_CELL, min_size=0, max_size=width), min_size=1, max_size=12))
    # an export that ends each line with a delimiter gives an empty cell past the header
    beyond = st.lists(st.sampled_from(["", " "]), max_size=2)
    rows = [row + draw(beyond) if len(row) == width else row for row in rows]
    # an export repeats its cohorts' facts row after row, agreeing or not with the first
    again = draw(st.lists(st.sampled_from(rows), max_size=4))
    rows = draw(st.permutations(rows + again))
    return header, rows


def _read(header: list[str], rows: list[list[str]], plain: bool) -> object:
    table = TableBuilder(header, defaults={"track": "III"})
    placed: list[tuple[str, int, list[tuple[str, str]]] | None] = []
    for number, cells in enumerate(rows, start=2):
        outcome = table.place_row(number, cells) if plain else table._place_read(number, cells)
        if outcome is None:
            placed.append(None)
        else:
            cohort, index, record = outcome
            placed.append((cohort.name, index, list(record.items())))
            table.take(cohort, index, record, number)
    try:
        document = table.document()
    except InputError as error:  # no row with text
        return placed, str(error)
    return (
        placed,
        document.data,
        document.rows,
        [(f.code, f.location, f.message_en, f.message_id) for f in document.findings],
    )


@settings(max_examples=150, deadline=None)
@given(_tables())
def test_a_row_is_read_by_the_column_layout_as_by_its_fields(
    table: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = table
    assert _read(header, rows, plain=True) == _read(header, rows, plain=False)


def test_a_row_with_text_beyond_the_header_is_read_by_its_fields() -> None:
    table = TableBuilder(["NIP", "Nama"])
    assert table.plain_width(["1", "Ana"])
    assert table.plain_width(["1", "Ana", "", " "])  # ended by delimiters
    assert not table.plain_width(["1", "Ana", "", "x"])  # reported as the row's shape
    gap = TableBuilder(["NIP", "", "Nama"])
    assert gap.plain_width(["1", " ", "Ana"])
    assert not gap.plain_width(["1", "x", "Ana"])  # text in a column with no header: reported


def test_the_column_layout_keeps_the_records_field_order_and_reads_dates() -> None:
    table = TableBuilder(["Tanggal Lahir", "Nama", "Angkatan", "Jalur", "NIP"])
    placed = table.place_row(2, [" 17-04-1995", "Dewi ", "A", "III", "199504172019032004"])
    assert placed is not None
    cohort, index, record = placed
    assert (cohort.name, index) == ("A", 0)
    assert list(record.items()) == [
        ("nip", "199504172019032004"),
        ("name", "Dewi"),
        ("birth_date", "1995-04-17"),
    ]
    assert cohort.facts == {"track": ("III", 2)}


def test_a_fact_that_disagrees_is_reported_on_every_row_that_gives_it() -> None:
    """Rows repeating the cells of a row that disagreed are each reported, at their row."""
    table = TableBuilder(["Angkatan", "Jalur", "Tanggal Mulai", "NIP", "Nama"])
    rows = [
        ["A", "III", "04-03-2025", "1", "Ana"],
        ["A", "III", "04-03-2025", "2", "Budi"],
        ["A", "II", "2025-03-04", "3", "Citra"],
        ["A", "II", "2025-03-04", "4", "Dewi"],
        ["A", "III", "2025-03-04", "5", "Eka"],
        ["A", "III", "04-03-2025", "6", "Fajar"],
    ]
    for number, cells in enumerate(rows, start=2):
        placed = table.place_row(number, cells)
        assert placed is not None
        table.take(*placed, number)
    document = table.document()
    assert [(f.code, f.location.row, f.value) for f in document.findings] == [
        ("input.cohort-conflict", 4, "II"),
        ("input.cohort-conflict", 5, "II"),
    ]
    assert isinstance(document.data, dict)
    cohorts: list[dict[str, Any]] = document.data["cohorts"]
    assert [(c["id"], c["track"], c["start"]) for c in cohorts] == [("A", "III", "2025-03-04")]
