"""Tables laid out as agencies lay them out: titles, two-row headers, totals, footers, sheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan.catalogue.reading import RULES, SKIPPED_ROW_CODES
from pelatihan.cli import main
from pelatihan.findings import Severity
from pelatihan.io.csv import read_csv
from pelatihan.io.document import InputError, RawDocument
from pelatihan.io.layout import HEADER_SEARCH_ROWS
from pelatihan.io.reader import load
from pelatihan.io.results import read_results_csv
from pelatihan.io.xlsx import read_xlsx
from pelatihan.validation.pipeline import validate
from pelatihan.validation.stream import validate_table

NIP_1 = "19860926 201505 1 001"
NIP_2 = "19950417 201903 2 004"
NIP_3 = "19900101 201801 1 003"

AGENCY: list[list[object]] = [
    ["DAFTAR PESERTA LATSAR CPNS ANGKATAN II TAHUN 2024"],
    ["BKPSDM KABUPATEN SIDOARJO"],
    [],
    ["No", "NIP", "Nama", "Pangkat/Golongan", None, "Unit Kerja", "Jenis Kelamin"],
    [None, None, None, "Gol. Ruang", "Keterangan", None, None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    [1, NIP_1, "Budi Santoso", "III/a", "-", "Dinas Kesehatan", "L"],
    [2, NIP_2, "Dewi Lestari", "II/c", None, "Dinas Pendidikan", "P"],
    [3, "1995041720190", "Eko Prasetyo", "II/c", None, "BKPSDM", "L"],
    ["JUMLAH PESERTA", None, None, None, None, None, 3],
    [],
    [None, None, None, None, None, "Sidoarjo, 15 April 2024"],
    [None, None, None, None, None, "Kepala BKPSDM"],
    [None, None, None, None, None, "Kabupaten Sidoarjo"],
    [],
    [None, None, None, None, None, "Drs. H. Ahmad Fauzi, M.Si"],
    [None, "NIP. 19700101 199003 1 002"],
    [None, None, None, None, None, "Pembina Utama Muda (IV/c)"],
]
AGENCY_SKIPPED = {
    1: "input.title-row",
    2: "input.title-row",
    5: "input.two-row-header",
    6: "input.column-numbers",
    10: "input.total-row",
    11: "input.blank-row",
    12: "input.footer-row",
    13: "input.footer-row",
    14: "input.footer-row",
    15: "input.blank-row",
    16: "input.footer-row",
    17: "input.footer-row",
    18: "input.footer-row",
}


def _csv(rows: Sequence[Sequence[object]], delimiter: str = ";") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return out.getvalue().encode("utf-8")


def _book(*sheets: tuple[str, Sequence[Sequence[object]]], hidden: Sequence[str] = ()) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        if title in hidden:
            sheet.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_csv_rows(rows: Sequence[Sequence[object]], **options: Any) -> RawDocument:
    return read_csv(io.BytesIO(_csv(rows)), file_name="daftar.csv", **options)


def read_book(data: bytes, **options: Any) -> RawDocument:
    return read_xlsx(io.BytesIO(data), file_name="daftar.xlsx", **options)


def people(doc: RawDocument) -> list[dict[str, str]]:
    assert isinstance(doc.data, dict)
    return [p for cohort in doc.data["cohorts"] for p in cohort["participants"]]


def skipped(doc: RawDocument) -> dict[int, str]:
    return {
        row: f.code
        for f in doc.findings
        if f.code in SKIPPED_ROW_CODES and f.location.row is not None
        for row in range(f.location.row, (f.location.last_row or f.location.row) + 1)
    }


# -- the agency layout ----------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["csv", "xlsx"])
def test_the_agency_layout_reads_its_participants_and_accounts_for_every_row(
    reader: str,
) -> None:
    doc = read_csv_rows(AGENCY) if reader == "csv" else read_book(_book(("Peserta", AGENCY)))
    assert [(p["nip"], p["name"], p["grade"]) for p in people(doc)] == [
        (NIP_1, "Budi Santoso", "III/a"),
        (NIP_2, "Dewi Lestari", "II/c"),
        ("1995041720190", "Eko Prasetyo", "II/c"),
    ]
    assert people(doc)[0]["agency"] == "Dinas Kesehatan"
    assert sorted(doc.rows.values()) == [7, 8, 9]
    assert skipped(doc) == AGENCY_SKIPPED
    assert "input.total-mismatch" not in {f.code for f in doc.findings}
    unknown = [f.value for f in doc.findings if f.code == "input.unknown-column"]
    # the grade is Gol. Ruang's, under the merged cell; No and Keterangan are left aside quietly
    assert unknown == []
    assert all(f.severity is Severity.INFO for f in doc.findings if f.code in SKIPPED_ROW_CODES)


def test_the_agency_layout_validates_with_its_participants_only(tmp_path: Any) -> None:
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(_book(("Peserta", AGENCY)))
    defaults = {"track": "III", "method": "blended"}
    report = validate(load(path, defaults=defaults))
    assert validate_table(path, defaults=defaults).report == report
    rows = {f.location.row for f in report if f.code.startswith("participant.")}
    assert rows <= {7, 8, 9}
    assert main(["validate", str(path), "--track", "III", "--method", "blended"]) in (0, 1)


def test_a_header_lower_than_its_group_titles_takes_a_merged_name_from_above() -> None:
    rows: list[list[object]] = [
        ["No", "Identitas Peserta", None, "Instansi"],
        [None, "NIP", "Nama", None],
        [1, NIP_1, "Budi", "Dinkes"],
    ]
    doc = read_csv_rows(rows)
    assert people(doc) == [{"nip": NIP_1, "name": "Budi", "agency": "Dinkes"}]
    assert skipped(doc) == {1: "input.two-row-header"}
    assert [f.value for f in doc.findings if f.code == "input.unknown-column"] == []


def test_a_total_that_differs_from_the_rows_read_is_a_warning() -> None:
    rows: list[list[object]] = [
        ["No", "NIP", "Nama"],
        [1, NIP_1, "Budi"],
        [2, NIP_2, "Dewi"],
        ["Total", "", "", 5],
    ]
    doc = read_csv_rows(rows)
    assert len(people(doc)) == 2
    mismatch = [f for f in doc.findings if f.code == "input.total-mismatch"]
    assert [(f.location.row, f.value, f.severity) for f in mismatch] == [(4, 5, Severity.WARNING)]
    assert skipped(doc) == {4: "input.total-row"}


def test_a_data_row_with_a_malformed_nip_after_a_footer_line_stays_a_participant() -> None:
    rows: list[list[object]] = [
        ["NIP", "Nama", "Gol/Ruang"],
        [NIP_1, "Budi", "III/a"],
        ["Catatan: peserta cadangan di bawah"],
        ["1995 04", "Dewi", "II/c"],  # a name and a grade: a participant, its NIP reported
        [None, "Kepala Bidang"],
        [NIP_3, "Eko", None],  # a NIP and a name
        [None, "Sari", None],
    ]
    doc = read_csv_rows(rows)
    assert [p["name"] for p in people(doc)] == ["Budi", "Dewi", "Eko", "Sari"]
    # a participant follows each line: neither is below the table
    assert skipped(doc) == {3: "input.section-row", 5: "input.section-row"}


SECTIONED: list[list[object]] = [
    ["No", "NIP", "Nama", "Gol/Ruang"],
    ["A. GOLONGAN II"],
    [1, NIP_1, "Budi", "II/a"],
    ["B. GOLONGAN III"],
    [],
    [None, "Peserta Golongan III", None, None],
    [2, NIP_2, "Dewi", "III/a"],
    [3, "1995 04", "Eko", "III/a"],
    ["JUMLAH", None, None, 3],
    ["Sidoarjo, 15 April 2024"],
    [None, None, "Drs. H. Ahmad Fauzi, M.Si"],
]


@pytest.mark.parametrize("reader", ["csv", "xlsx"])
def test_a_section_heading_above_participants_is_its_own_kind_and_the_footer_stays(
    reader: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _csv(SECTIONED) if reader == "csv" else _book(("Peserta", SECTIONED))
    doc = read_csv_rows(SECTIONED) if reader == "csv" else read_book(data)
    assert [p["name"] for p in people(doc)] == ["Budi", "Dewi", "Eko"]
    assert skipped(doc) == {
        2: "input.section-row",
        4: "input.section-row",
        5: "input.blank-row",
        6: "input.section-row",
        9: "input.total-row",
        10: "input.footer-row",
        11: "input.footer-row",
    }
    heading = [f for f in doc.findings if f.code == "input.section-row"][1]
    assert heading.message_en == (
        "row 4 heads a section of the table ('B. GOLONGAN III'): it is skipped"
    )
    assert heading.message_id.startswith("baris 4 adalah judul bagian tabel")
    path = tmp_path / f"daftar.{reader}"
    path.write_bytes(data)
    facts = ["--track", "III", "--method", "blended"]
    assert validate_table(path, defaults={"track": "III"}).report == validate(
        load(path, defaults={"track": "III"})
    )
    main(["validate", str(path), *facts])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("7 rows skipped (1 blank, 1 total, 3 section heading, 2 below the table)")
    main(["validate", str(path), *facts, "--lang", "id"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("7 baris dilewati (1 kosong, 1 jumlah, 3 judul bagian, 2 di bawah tabel)")


def test_column_numbers_are_only_the_row_right_under_the_header() -> None:
    rows = [["NIP", "Nama", "Gol/Ruang"], ["1", "2", "3"], [NIP_1, "Budi", "III/a"], ["1", "2"]]
    doc = read_csv_rows(rows)
    assert skipped(doc) == {2: "input.column-numbers"}
    assert sorted(doc.rows.values()) == [3, 4]  # a later such row is a participant


def test_without_a_header_in_the_first_rows_the_error_says_where_it_looked() -> None:
    rows = [["Daftar"], ["No", "Nama Peserta"], ["1", "Budi"]]
    with pytest.raises(InputError, match=r"no NIP column.*rows 1 to 3") as error:
        read_csv_rows(rows)
    assert "baris 1 sampai 3" in error.value.message("id")
    late: list[list[object]] = [*[[]] * HEADER_SEARCH_ROWS, ["NIP", "Nama"], [NIP_1, "Budi"]]
    doc = read_csv_rows(late)  # blank rows above a header further down, as before
    assert doc.rows == {("cohorts", 0, "participants", 0): HEADER_SEARCH_ROWS + 2}


def test_a_csv_title_line_does_not_decide_the_delimiter() -> None:
    data = b"Daftar peserta, angkatan II, 2024\nNIP;Nama;Instansi\n1;Ana;Dinas A, B\n"
    doc = read_csv(io.BytesIO(data), file_name="x.csv")
    assert people(doc) == [{"nip": "1", "name": "Ana", "agency": "Dinas A, B"}]
    assert skipped(doc) == {1: "input.title-row"}


def test_results_exports_find_their_header_below_a_title() -> None:
    data = _csv([["REKAP NILAI"], ["NIP", "Sikap Perilaku"], [NIP_1, "80"], ["JUMLAH", "1"]])
    raw = read_results_csv(io.BytesIO(data), file_name="hasil.csv")
    assert [row.location.row for row in raw.rows] == [3]
    assert {f.location.row: f.code for f in raw.findings} == {
        1: "input.title-row",
        4: "input.total-row",
    }


def test_the_new_codes_are_in_the_catalogue() -> None:
    codes = {rule.code for rule in RULES}
    assert set(SKIPPED_ROW_CODES) <= codes
    assert {"input.total-mismatch", "input.hidden-sheet", "input.sheet-without-table"} <= codes


# -- worksheets ------------------------------------------------------------------------------


TABLE_A = [["NIP", "Nama"], [NIP_1, "Budi"], [NIP_2, "Dewi"]]
TABLE_B = [["Daftar cadangan"], ["NIP", "Nama", "Gol/Ruang"], [NIP_3, "Eko", "x"]]


def test_several_table_sheets_are_cohorts_named_after_them_located_by_sheet() -> None:
    data = _book(("Angkatan I", TABLE_A), ("Kosong", []), ("Cadangan", TABLE_B))
    doc = read_book(data, defaults={"cohort": "ignored"})
    assert isinstance(doc.data, dict)
    assert [(c["id"], len(c["participants"])) for c in doc.data["cohorts"]] == [
        ("Angkatan I", 2),
        ("Cadangan", 1),
    ]
    assert doc.file == "daftar.xlsx"
    assert doc.files[("cohorts", 1, "participants", 0)] == "daftar.xlsx[Cadangan]"
    assert str(doc.location(("cohorts", 1, "participants", 0, "grade"))) == (
        "daftar.xlsx[Cadangan]:3 $.cohorts[1].participants[0].grade"
    )
    where = {(f.code, f.location.file, f.location.row) for f in doc.findings}
    assert where == {
        ("input.title-row", "daftar.xlsx[Cadangan]", 1),
        ("input.sheet-without-table", "daftar.xlsx", None),
    }


def test_a_single_table_sheet_reads_as_before_and_a_hidden_one_is_reported() -> None:
    data = _book(("Catatan", [["hanya catatan"]]), ("Peserta", TABLE_A), hidden=["Peserta"])
    doc = read_book(data)
    assert isinstance(doc.data, dict)
    assert [c["id"] for c in doc.data["cohorts"]] == ["daftar"]
    assert doc.files == {}
    found = {(f.code, f.severity, f.value) for f in doc.findings}
    assert found == {
        ("input.hidden-sheet", Severity.WARNING, "Peserta"),
        ("input.sheet-without-table", Severity.INFO, "Catatan"),
    }


def test_a_workbook_without_any_table_names_every_sheet() -> None:
    data = _book(("A", [["x", "y"]]), ("B", []))
    with pytest.raises(InputError, match=r"no worksheet has a participant table.*'A', 'B'"):
        read_book(data)


def test_sheet_reads_only_that_sheet_and_the_command_takes_it(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _book(("Angkatan I", TABLE_A), ("Cadangan", TABLE_B))
    assert len(people(read_book(data, sheet="Cadangan"))) == 1
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(data)
    assert validate_table(path, sheet="Cadangan").participants == 1
    assert main(["validate", str(path), "--sheet", "Lain", "--track", "III"]) == 2
    assert "'Angkatan I', 'Cadangan'" in capsys.readouterr().err
    main(["validate", str(path), "--sheet", "Cadangan", "--track", "III", "--format", "json"])
    assert "Angkatan I" not in capsys.readouterr().out


# -- properties: every row accounted for, every data row a participant -----------------------

NAMES = ["Budi Santoso", "Dewi", "Eko Prasetyo", "Siti Aminah", "Rahmat"]
NIPS = [NIP_1, NIP_2, NIP_3, "199504172019032004", "1995041720190", "x", "1.98609E+17", ""]
TITLES = ["DAFTAR PESERTA LATSAR", "BKPSDM KABUPATEN SIDOARJO", "Angkatan II Tahun 2024"]
STARTS = [
    "Sidoarjo, 15 April 2024",
    "Mengetahui,",
    "Kepala BKPSDM",
    "a.n. Bupati Sidoarjo",
    "Catatan: data per 1 April",
]
"""The lines a signature block begins with (a line alone in the name column is a name)."""
FOOTERS = [
    *STARTS,
    "Kabupaten Sidoarjo",
    "Drs. H. Ahmad Fauzi, M.Si",
    "NIP. 19700101 199003 1 002",
    "Pembina Utama Muda (IV/c)",
]


SECTIONS = ["B. GOLONGAN III", "Peserta Golongan II", "Golongan III/a", "FORMASI KHUSUS"]
"""Lines that head a group of participants inside a table."""

Table = tuple[list[list[str]], int, list[int], list[int]]


@st.composite
def laid_out(draw: st.DrawFn) -> Table:
    """A decorated table: its rows, its header's row, its data rows' and section headings' rows."""
    rows: list[list[str]] = []
    for title in draw(st.lists(st.sampled_from(TITLES), max_size=3)):
        rows.append([title])
        if draw(st.booleans()):
            rows.append([])
    two = draw(st.booleans())
    if two:
        rows.append(["No", "NIP", "Nama", "Pangkat/Golongan", "", "Instansi"])
        rows.append(["", "", "", "Gol. Ruang", "Keterangan", ""])
    else:
        rows.append(["No", "NIP", "Nama", "Gol/Ruang", "Instansi"])
    header = len(rows) - (1 if two else 0)
    width = 6 if two else 5
    if draw(st.booleans()):
        rows.append([f"({n})" for n in range(1, width + 1)])
    data: list[int] = []
    sections: list[int] = []
    for number in range(1, draw(st.integers(1, 8)) + 1):
        if draw(st.integers(0, 3)) == 0:  # a heading above a group of rows
            column = draw(st.sampled_from([0, 1, width - 1]))
            rows.append([""] * column + [draw(st.sampled_from(SECTIONS))])
            sections.append(len(rows))
        if draw(st.integers(0, 4)) == 0:
            rows.append([])
        nip = draw(st.sampled_from(NIPS))
        grade = draw(st.sampled_from(["III/a", "II/c", ""]))
        agency = draw(st.sampled_from(["Dinkes", ""]))
        if not (nip or grade or agency):
            agency = "Dinkes"  # a data row: a name and another field
        cells = [str(number), nip, draw(st.sampled_from(NAMES)), grade]
        if two:
            cells.append(draw(st.sampled_from(["", "-", "cadangan"])))
        rows.append([*cells, agency])
        data.append(len(rows))
    if draw(st.booleans()):
        count = draw(st.sampled_from([len(data), len(data) + 1]))
        rows.append([draw(st.sampled_from(["JUMLAH", "Jumlah Peserta", "TOTAL"]))])
        rows[-1] += [""] * (width - 2) + [str(count)]
    footer = draw(st.lists(st.sampled_from(FOOTERS), max_size=5))
    if draw(st.booleans()):
        footer.insert(0, draw(st.sampled_from(STARTS)))
    elif footer:
        footer[0] = draw(st.sampled_from(STARTS))
    for line in footer:
        if draw(st.integers(0, 3)) == 0:
            rows.append([])
        column = draw(st.sampled_from([0, 1, 2, width - 1]))
        rows.append([""] * column + [line])
    return rows, header, data, sections


def _accounted(doc: RawDocument, table: Table) -> None:
    rows, header, data, sections = table
    participants = sorted(doc.rows.values())
    assert set(data) <= set(participants)
    found: dict[int, list[str]] = {}
    for finding in doc.findings:
        where = finding.location
        if finding.code in SKIPPED_ROW_CODES and where.row is not None:
            for row in range(where.row, (where.last_row or where.row) + 1):  # a run of rows
                found.setdefault(row, []).append(finding.code)
    assert all(len(codes) == 1 for codes in found.values()), found
    last = max(n for n, row in enumerate(rows, start=1) if any(row))
    for number in range(header + 1, last + 1):
        is_participant = number in participants
        assert is_participant != (number in found), (number, rows[number - 1], found)
    assert not set(participants) - set(data)  # nothing else became a participant
    assert all(found[row] == ["input.section-row"] for row in sections)
    below = [row for row, codes in found.items() if codes == ["input.section-row"]]
    assert all(row < data[-1] for row in below)  # a heading has a participant after it
    assert all(
        found[row] == ["input.footer-row"]
        for row in found
        if row > data[-1] and (rows[row - 1] and rows[row - 1][-1] in STARTS)
    )  # a signature block stays below


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(laid_out(), st.sampled_from([";", ",", "\t"]))
def test_every_csv_row_is_accounted_for_and_every_data_row_is_a_participant(
    table: Table, delimiter: str
) -> None:
    doc = read_csv(io.BytesIO(_csv(table[0], delimiter)), file_name="daftar.csv")
    _accounted(doc, table)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(laid_out())
def test_every_sheet_row_is_accounted_for_and_every_data_row_is_a_participant(
    table: Table,
) -> None:
    doc = read_book(_book(("Peserta", [[cell or None for cell in row] for row in table[0]])))
    _accounted(doc, table)
