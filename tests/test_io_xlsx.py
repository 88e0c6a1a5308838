from __future__ import annotations

import datetime
import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan.findings import Severity
from pelatihan.io.document import InputError, RawDocument

pytest.importorskip("openpyxl")

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import PatternFill
from openpyxl.workbook.workbook import Workbook

from pelatihan.io.xlsx import read_xlsx

NIP_1 = "19860926 201505 1 001"
NIP_2 = "19950417 201903 2 004"


def workbook(*sheets: tuple[str, Sequence[Sequence[object]]]) -> Workbook:
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    return book


def data(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(book: Workbook, name: str | None = "angkatan.xlsx", **options: Any) -> RawDocument:
    return read_xlsx(io.BytesIO(data(book)), file_name=name, **options)


def cohorts(doc: RawDocument) -> list[dict[str, Any]]:
    assert isinstance(doc.data, dict)
    result: list[dict[str, Any]] = doc.data["cohorts"]
    return result


def participants(doc: RawDocument) -> list[dict[str, str]]:
    return [person for cohort in cohorts(doc) for person in cohort["participants"]]


def codes(doc: RawDocument) -> list[str]:
    return [finding.code for finding in doc.findings]


def test_cells_become_text_dates_become_iso() -> None:
    book = workbook(
        (
            "Peserta",
            [
                ["NIP", "Nama", "Gol/Ruang", "Tanggal Lahir", "TMT CPNS", "Jabatan", "Pendidikan"],
                [
                    NIP_1,
                    "  Budi Santoso ",
                    "III/a",
                    datetime.datetime(1986, 9, 26, 0, 0),  # noqa: DTZ001 - Excel's are naive
                    datetime.date(2015, 5, 1),
                    7,
                    2.5,
                ],
                [NIP_2, "Dewi", "II/c", "17/04/1995", "1 Maret 2019", 3.0, True],
            ],
        )
    )
    assert participants(read(book)) == [
        {
            "nip": NIP_1,
            "name": "Budi Santoso",
            "grade": "III/a",
            "birth_date": "1986-09-26",
            "tmt_cpns": "2015-05-01",
            "position": "7",
            "education": "2.5",
        },
        {
            "nip": NIP_2,
            "name": "Dewi",
            "grade": "II/c",
            "birth_date": "1995-04-17",
            "tmt_cpns": "2019-03-01",
            "position": "3",
            "education": "true",
        },
    ]


def test_a_float_nip_keeps_the_floats_text_so_the_lost_digits_show() -> None:
    book = workbook(("S", [["NIP", "Nama"], [1.98609262015051e17, "Budi"], [1986092620, "Sari"]]))
    assert [p["nip"] for p in participants(read(book))] == ["1.98609262015051e+17", "1986092620"]


def test_a_whole_float_outside_the_nip_column_is_an_integer() -> None:
    book = workbook(("S", [["NIP", "Nama", "Jabatan"], ["1", "Budi", 12.0]]))
    sheet = book["S"]
    sheet["C2"].number_format = "0.00"
    assert participants(read(book))[0]["position"] == "12"


def test_times_and_booleans_become_text() -> None:
    book = workbook(("S", [["NIP", "Nama", "Jabatan", "JK"], ["1", "Budi", False, "L"]]))
    book["S"]["C2"] = datetime.time(8, 30)
    assert participants(read(book))[0] == {
        "nip": "1",
        "name": "Budi",
        "sex": "L",
        "position": "08:30:00",
    }


def test_the_header_is_the_first_row_with_a_value_and_rows_keep_sheet_numbers() -> None:
    book = workbook(
        (
            "S",
            [
                [],
                [None, None],
                ["Angkatan", "NIP", "Nama"],
                ["I", NIP_1, "Budi"],
                [],
                ["II", NIP_2, "Dewi"],
                ["I", "3", "Eka"],
            ],
        )
    )
    doc = read(book)
    assert [c["id"] for c in cohorts(doc)] == ["I", "II"]
    assert doc.rows == {
        ("cohorts", 0, "participants", 0): 4,
        ("cohorts", 1, "participants", 0): 6,
        ("cohorts", 0, "participants", 1): 7,
    }
    assert codes(doc) == ["input.blank-row"]
    assert doc.findings[0].location.row == 5
    assert doc.findings[0].severity is Severity.INFO


def test_blank_rows_after_the_last_value_are_not_reported() -> None:
    book = workbook(("S", [["NIP", "Nama"], [NIP_1, "Budi"]]))
    sheet = book["S"]
    sheet.cell(row=40, column=3).fill = PatternFill("solid", fgColor="FFFF00")
    doc = read(book)
    assert len(participants(doc)) == 1
    assert doc.findings == ()


def test_cells_beyond_the_header_are_a_row_shape_error() -> None:
    book = workbook(("S", [["NIP", "Nama"], [NIP_1, "Budi", "catatan"], [NIP_2, "Dewi", None]]))
    doc = read(book)
    assert len(participants(doc)) == 2
    assert codes(doc) == ["input.row-shape"]
    assert doc.findings[0].location.row == 2


def test_unknown_and_duplicate_columns_are_reported() -> None:
    book = workbook(("S", [["Kode", "NIP", "Nama", "Name"], [1, NIP_1, "Budi", "Budi S"]]))
    doc = read(book)
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]
    assert codes(doc) == ["input.unknown-column", "input.duplicate-column"]
    assert {f.location.row for f in doc.findings} == {1}


def test_a_sheet_is_chosen_by_name() -> None:
    book = workbook(
        ("Catatan", [["hanya catatan"]]),
        ("Peserta", [["NIP", "Nama"], [NIP_1, "Budi"]]),
    )
    doc = read(book, sheet="Peserta", defaults={"track": "III"})
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]
    assert cohorts(doc)[0]["track"] == "III"
    with pytest.raises(InputError, match="no NIP column and no name column"):
        read(book, sheet="Catatan")
    whole = read(book)  # every worksheet with a table; the other one is named
    assert participants(whole) == [{"nip": NIP_1, "name": "Budi"}]
    assert [(f.code, f.value) for f in whole.findings] == [("input.sheet-without-table", "Catatan")]
    assert whole.rows == {("cohorts", 0, "participants", 0): 2}
    assert whole.files == {}


def test_a_missing_sheet_lists_the_sheets() -> None:
    book = workbook(("Peserta", [["NIP", "Nama"], [NIP_1, "Budi"]]))
    with pytest.raises(InputError, match=r"no worksheet named 'Data'.*'Peserta'"):
        read(book, sheet="Data")


def test_chart_sheets_are_not_worksheets() -> None:
    book = workbook(("Peserta", [["NIP", "Nama"], [NIP_1, "Budi"]]))
    chart = BarChart()
    chart.add_data(Reference(book["Peserta"], min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Grafik", 0).add_chart(chart)
    assert participants(read(book)) == [{"nip": NIP_1, "name": "Budi"}]
    with pytest.raises(InputError, match="no worksheet named 'Grafik'"):
        read(book, sheet="Grafik")


def test_an_empty_sheet_has_no_rows() -> None:
    with pytest.raises(InputError, match="no rows"):
        read(workbook(("S", [])))
    with pytest.raises(InputError, match="no rows"):
        read(workbook(("S", [["NIP", "Nama"], [], [None]])))


def test_a_sheet_without_a_nip_column_names_the_file() -> None:
    with pytest.raises(InputError, match=r"^angkatan\.xlsx: no NIP column: .*'Nama'"):
        read(workbook(("S", [["Nama"], ["Budi"]])))


def test_a_file_that_is_not_a_zip_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "peserta.xlsx"
    path.write_bytes(b"NIP;Nama\n1;Budi\n")
    with pytest.raises(InputError) as caught:
        read_xlsx(path)
    assert caught.value.message_en.startswith(f"{path}: not an Excel workbook (.xlsx)")
    assert str(path) in caught.value.message_id


def test_a_zip_that_is_not_a_workbook_is_an_input_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"^x\.xlsx: not an Excel workbook"):
        read_xlsx(io.BytesIO(out.getvalue()), file_name="x.xlsx")


def test_a_truncated_workbook_is_an_input_error() -> None:
    whole = data(workbook(("S", [["NIP", "Nama"], [NIP_1, "Budi"]])))
    with pytest.raises(InputError, match="not an Excel workbook"):
        read_xlsx(io.BytesIO(whole[: len(whole) // 2]), file_name="x.xlsx")


def test_an_old_xls_file_is_named_as_such() -> None:
    with pytest.raises(InputError, match=r"Excel 97-2003 workbook \(\.xls\)"):
        read_xlsx(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), file_name="a.xls")


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_xlsx(tmp_path / "tidak-ada.xlsx")


def test_paths_are_read_and_the_workbook_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "angkatan-5.xlsx"
    path.write_bytes(data(workbook(("S", [["NIP", "Nama"], [NIP_1, "Budi"]]))))
    closed: list[bool] = []
    original = Workbook.close

    def close(self: Workbook) -> None:
        closed.append(True)
        original(self)

    monkeypatch.setattr(Workbook, "close", close)
    for source in (path, str(path)):
        doc = read_xlsx(source)
        assert doc.file == str(path)
        assert cohorts(doc)[0]["id"] == "angkatan-5"
    with path.open("rb") as stream:
        assert read_xlsx(stream).file == str(path)
    assert closed == [True, True, True]


def test_without_openpyxl_reading_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'pelatihan\[xlsx\]'"):
        read_xlsx(io.BytesIO(b""))


ROW_KINDS = st.sampled_from(["normal", "blank", "long"])
VALUE = st.one_of(
    st.text(st.characters(categories=["L", "N", "Zs"]), max_size=6),
    st.integers(-(10**6), 10**6),
    st.booleans(),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(ROW_KINDS, max_size=12), st.data())
def test_every_sheet_row_is_a_participant_or_a_blank_row_finding(
    kinds: list[str], draw: st.DataObject
) -> None:
    rows: list[list[object]] = [["NIP", "Nama"]]
    for number, kind in enumerate(kinds):
        if kind == "blank":
            rows.append([])
        else:
            row: list[object] = [f"n{number}", draw.draw(VALUE)]
            if kind == "long":
                row.append("x")
            rows.append(row)
    book = workbook(("S", rows))
    last = max((n for n, kind in enumerate(kinds) if kind != "blank"), default=None)
    if last is None:
        with pytest.raises(InputError, match="no rows"):
            read(book)
        return
    doc = read(book)
    blank = [f for f in doc.findings if f.code == "input.blank-row"]
    covered = [
        row
        for f in blank
        for row in range(f.location.row or 0, (f.location.last_row or f.location.row or 0) + 1)
    ]
    assert len(participants(doc)) + len(covered) == last + 1  # trailing blank rows are not rows
    numbers = sorted(doc.rows.values())
    assert numbers == [n + 2 for n, kind in enumerate(kinds) if kind != "blank"]
    assert covered == [n + 2 for n, kind in enumerate(kinds[: last + 1]) if kind == "blank"]
    assert [p["nip"] for p in participants(doc)] == [
        f"n{n}" for n, kind in enumerate(kinds) if kind != "blank"
    ]
