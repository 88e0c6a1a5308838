from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan.catalogue.reading import SKIPPED_ROW_CODES
from pelatihan.findings import Severity
from pelatihan.io.csv import csv_writer, read_csv
from pelatihan.io.document import FORMAT, InputError, RawDocument
from pelatihan.io.fields import UNUSED_HEADERS
from pelatihan.validation import catalogue

NIP_1 = "19860926 201505 1 001"
NIP_2 = "19950417 201903 2 004"
NIP_3 = "19900101 201503 1 002"


def read(text: str, name: str | None = "angkatan.csv", **options: Any) -> RawDocument:
    return read_csv(io.BytesIO(text.encode("utf-8")), file_name=name, **options)


def cohorts(doc: RawDocument) -> list[dict[str, Any]]:
    assert isinstance(doc.data, dict)
    assert doc.data["format"] == FORMAT
    result: list[dict[str, Any]] = doc.data["cohorts"]
    return result


def participants(doc: RawDocument) -> list[dict[str, str]]:
    return [person for cohort in cohorts(doc) for person in cohort["participants"]]


def codes(doc: RawDocument) -> list[str]:
    return [finding.code for finding in doc.findings]


def read_back(text: str, delimiter: str) -> list[list[str]]:
    """The rows of CSV ``text`` as the csv module of Python 3.11 reads them, on 3.10 too."""
    spare = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    rows = csv.reader(io.StringIO(text.replace("\x00", spare), newline=""), delimiter=delimiter)
    return [[cell.replace(spare, "\x00") for cell in row] for row in rows]


# Headers


def test_indonesian_headers_with_semicolons_and_a_bom() -> None:
    doc = read(
        "\ufeffNIP;Nama Lengkap;Gol/Ruang;Instansi;Tgl. Lahir;JK;TMT CPNS;"
        "Pendidikan Terakhir;Jabatan\r\n"
        f"{NIP_1};Budi Santoso;III/a;Dinas Kesehatan;26-09-1986;L;01/05/2015;S-1;Analis\r\n"
    )
    assert participants(doc) == [
        {
            "nip": NIP_1,
            "name": "Budi Santoso",
            "grade": "III/a",
            "agency": "Dinas Kesehatan",
            "birth_date": "1986-09-26",
            "sex": "L",
            "tmt_cpns": "2015-05-01",
            "education": "S-1",
            "position": "Analis",
        }
    ]
    assert doc.findings == ()
    assert doc.file == "angkatan.csv"


def test_english_headers_with_commas() -> None:
    doc = read(
        "NIP,Name,Grade,Agency,Date of Birth,Gender,Education,Position\n"
        f"{NIP_2},Dewi Lestari,II/c,BKN,17 April 1995,P,D-III,Pranata\n"
    )
    assert participants(doc) == [
        {
            "nip": NIP_2,
            "name": "Dewi Lestari",
            "grade": "II/c",
            "agency": "BKN",
            "birth_date": "1995-04-17",
            "sex": "P",
            "education": "D-III",
            "position": "Pranata",
        }
    ]


def test_tab_delimited_files_are_read() -> None:
    doc = read(f"NIP\tNama\tInstansi\n{NIP_1}\tBudi\tDinas Kesehatan, Kota Bogor\n")
    assert participants(doc) == [
        {"nip": NIP_1, "name": "Budi", "agency": "Dinas Kesehatan, Kota Bogor"}
    ]


def test_the_delimiter_is_the_one_most_frequent_in_the_header() -> None:
    doc = read(f"NIP;Nama;Instansi\n{NIP_1};Budi, S.Kom.;Dinas, Kota\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi, S.Kom.", "agency": "Dinas, Kota"}]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("nip", "nip"),
        ("Nama Peserta", "name"),
        ("NAMA", "name"),
        ("Golongan", "grade"),
        ("Golongan/Ruang", "grade"),
        ("Gol", "grade"),
        ("Gol. Ruang", "grade"),
        ("gol_ruang", "grade"),
        ("Pangkat/Golongan", "grade"),
        ("Pangkat Gol", "grade"),
        ("Unit Kerja", "agency"),
        ("Tanggal Lahir", "birth_date"),
        ("TGL_LAHIR", "birth_date"),
        ("Birth Date", "birth_date"),
        ("birth_date", "birth_date"),
        ("Jenis Kelamin", "sex"),
        ("L/P", "sex"),
        ("Sex", "sex"),
        ("TMT", "tmt_cpns"),
        ("TMT Pengangkatan CPNS", "tmt_cpns"),
        ("Pendidikan", "education"),
        ("Position", "position"),
    ],
)
def test_participant_headers_ignore_case_spaces_and_punctuation(header: str, field: str) -> None:
    value = "01-02-2003" if field in ("birth_date", "tmt_cpns") else "x"
    expected = "2003-02-01" if field in ("birth_date", "tmt_cpns") else "x"
    text = f"NIP;Nama;{header}\n1;Ana;{value}\n"
    if field in ("nip", "name"):
        text = f"{'Nama' if field == 'nip' else 'NIP'};{header}\n1;{value}\n"
        expected = value
    doc = read(text)
    assert participants(doc)[0][field] == expected
    assert doc.findings == ()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Jalur", "track"),
        ("Track", "track"),
        ("Latsar Golongan", "track"),
        ("Metode", "method"),
        ("Method", "method"),
        ("Rezim", "regime"),
        ("Regime", "regime"),
        ("Tanggal Mulai", "start"),
        ("Mulai", "start"),
        ("Start Date", "start"),
    ],
)
def test_cohort_headers_give_cohort_facts(header: str, field: str) -> None:
    doc = read(f"NIP;Nama;{header}\n1;Ana;22/04/2024\n")
    assert cohorts(doc)[0][field] == "2024-04-22" if field == "start" else "22/04/2024"
    assert field not in participants(doc)[0]


@pytest.mark.parametrize("header", ["Penyelenggara", "Organizer", "Lembaga Pelatihan"])
def test_organizer_columns_give_the_organizer_name(header: str) -> None:
    doc = read(f"NIP;Nama;{header}\n1;Ana;BPSDM Jawa Barat\n")
    assert cohorts(doc)[0]["organizer"] == {"name": "BPSDM Jawa Barat"}


def test_unknown_columns_are_ignored_with_one_warning_each() -> None:
    doc = read(f"Kode;NIP;Nama;Warna\n1;{NIP_1};Budi;x\n2;{NIP_2};Dewi;y\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}, {"nip": NIP_2, "name": "Dewi"}]
    assert codes(doc) == ["input.unknown-column", "input.unknown-column"]
    first, second = doc.findings
    assert first.severity is Severity.WARNING
    assert (first.location.path, first.location.file) == ("$", "angkatan.csv")
    assert (first.value, second.value) == ("Kode", "Warna")
    assert "'Kode'" in first.message_en
    assert "'Kode'" in first.message_id


@pytest.mark.parametrize("header", UNUSED_HEADERS)
def test_columns_agencies_keep_and_the_library_does_not_use_are_left_aside_quietly(
    header: str,
) -> None:
    doc = read(f"{header.upper()};NIP;Nama\n1;{NIP_1};Budi\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]
    assert codes(doc) == []


def test_columns_without_a_header_are_reported_once_they_hold_text() -> None:
    doc = read(f"NIP;;Nama;\n{NIP_1};;Budi;\n{NIP_2};catatan;Dewi;\n{NIP_3};lagi;Eka;\n")
    assert len(participants(doc)) == 3
    assert codes(doc) == ["input.unknown-column"]
    assert doc.findings[0].location.row == 3
    assert "column 2" in doc.findings[0].message_en


def test_a_second_column_for_a_field_is_an_error_and_ignored() -> None:
    doc = read(f"NIP;Nama;Nama Lengkap\n{NIP_1};Budi;Budi Santoso\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]
    assert codes(doc) == ["input.duplicate-column"]
    finding = doc.findings[0]
    assert finding.severity is Severity.ERROR
    assert finding.value == "Nama Lengkap"
    assert "'Nama'" in finding.message_en


def test_a_file_without_a_nip_column_names_the_file_and_the_columns() -> None:
    with pytest.raises(InputError) as caught:
        read("No;Nama Pegawai;Nama\n1;x;y\n", name="peserta.csv")
    message = caught.value.message_en
    assert message.startswith("peserta.csv:")
    assert "'No', 'Nama Pegawai', 'Nama'" in message
    assert "NIP" in message
    assert "peserta.csv" in caught.value.message_id
    assert caught.value.code == "input.unreadable"


def test_a_file_without_a_name_column_says_which_headers_name_it() -> None:
    with pytest.raises(InputError, match=r"no name column.*Nama Lengkap"):
        read("NIP;Instansi\n1;x\n")


# Cohorts


def test_rows_are_grouped_into_cohorts_by_angkatan_in_order_of_appearance() -> None:
    doc = read(
        "Angkatan;NIP;Nama\n"
        f"Angkatan II;{NIP_1};Budi\n"
        f"Angkatan I;{NIP_2};Dewi\n"
        f"Angkatan II;{NIP_3};Eka\n"
    )
    assert [(c["id"], c["name"]) for c in cohorts(doc)] == [
        ("Angkatan II", "Angkatan II"),
        ("Angkatan I", "Angkatan I"),
    ]
    assert [[p["name"] for p in c["participants"]] for c in cohorts(doc)] == [
        ["Budi", "Eka"],
        ["Dewi"],
    ]
    assert doc.rows == {
        ("cohorts", 0, "participants", 0): 2,
        ("cohorts", 1, "participants", 0): 3,
        ("cohorts", 0, "participants", 1): 4,
    }
    assert doc.location(("cohorts", 0, "participants", 1, "nip")).row == 4
    assert doc.location("$.cohorts[0].participants[1].nip").row == 4  # path text is read too


def test_without_a_cohort_column_the_cohort_is_named_after_the_file() -> None:
    doc = read(f"NIP;Nama\n{NIP_1};Budi\n", name="data/angkatan-7.csv")
    assert [(c["id"], c["name"]) for c in cohorts(doc)] == [("angkatan-7", "angkatan-7")]


def test_the_cohort_option_names_the_cohort() -> None:
    doc = read(f"NIP;Nama\n{NIP_1};Budi\n", defaults={"cohort": "Angkatan XII"})
    assert cohorts(doc)[0]["id"] == "Angkatan XII"


def test_data_without_a_file_name_forms_one_cohort() -> None:
    doc = read(f"NIP;Nama\n{NIP_1};Budi\n", name=None)
    assert doc.file is None
    assert cohorts(doc)[0]["id"] == "cohort"


def test_rows_with_an_empty_cohort_cell_go_to_the_default_cohort() -> None:
    doc = read(f"Angkatan;NIP;Nama\nI;{NIP_1};Budi\n;{NIP_2};Dewi\n", defaults={"cohort": "Lain"})
    assert [c["id"] for c in cohorts(doc)] == ["I", "Lain"]


def test_options_give_cohort_facts_in_order() -> None:
    doc = read(
        f"NIP;Nama\n{NIP_1};Budi\n",
        defaults={
            "organizer": "BPSDM Jawa Barat",
            "start": "22 April 2024",
            "regime": "perlan-1-2021",
            "method": "blended",
            "track": "III",
        },
    )
    cohort = cohorts(doc)[0]
    assert list(cohort) == [
        "id",
        "name",
        "track",
        "method",
        "regime",
        "start",
        "organizer",
        "participants",
    ]
    assert cohort["start"] == "2024-04-22"
    assert cohort["organizer"] == {"name": "BPSDM Jawa Barat"}


def test_a_column_value_wins_over_the_option_for_its_cohort() -> None:
    doc = read(
        f"Angkatan;NIP;Nama;Jalur\nI;{NIP_1};Budi;II\nI;{NIP_2};Dewi;\nII;{NIP_3};Eka;\n",
        defaults={"track": "III", "method": "blended"},
    )
    assert [(c["id"], c["track"], c["method"]) for c in cohorts(doc)] == [
        ("I", "II", "blended"),
        ("II", "III", "blended"),
    ]
    assert doc.findings == ()


def test_rows_of_a_cohort_that_disagree_are_a_conflict_and_the_first_value_is_kept() -> None:
    doc = read(
        "Angkatan;NIP;Nama;Metode;Tanggal Mulai\n"
        f"I;{NIP_1};Budi;blended;22/04/2024\n"
        f"II;{NIP_2};Dewi;klasikal;\n"
        f"I;{NIP_3};Eka;klasikal;2024-04-22\n"
    )
    assert [(c["method"], c.get("start")) for c in cohorts(doc)] == [
        ("blended", "2024-04-22"),  # the two starts agree once read as dates
        ("klasikal", None),
    ]
    assert codes(doc) == ["input.cohort-conflict"]
    finding = doc.findings[0]
    assert finding.severity is Severity.ERROR
    assert (finding.location.path, finding.location.row) == ("$.cohorts[0].method", 4)
    assert finding.value == "klasikal"
    assert "row 4" in finding.message_en
    assert "baris 4" in finding.message_id
    assert len(participants(doc)) == 3


def test_an_unknown_option_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown defaults 'colour'"):
        read(f"NIP;Nama\n{NIP_1};Budi\n", defaults={"colour": "blue"})


# Cells


def test_quoted_fields_hold_delimiters_quotes_and_line_breaks() -> None:
    doc = read(
        "NIP;Nama;Instansi;Jabatan\n"
        f'{NIP_1};"Santoso; Budi";"Dinas ""Sehat""";"Analis\nKebijakan"\n'
        f"{NIP_2};Dewi;BKN;x\n"
    )
    assert participants(doc) == [
        {
            "nip": NIP_1,
            "name": "Santoso; Budi",
            "agency": 'Dinas "Sehat"',
            "position": "Analis\nKebijakan",
        },
        {"nip": NIP_2, "name": "Dewi", "agency": "BKN", "position": "x"},
    ]
    assert list(doc.rows.values()) == [2, 3]


def test_quoted_fields_after_a_space_are_still_quoted() -> None:
    doc = read(f'NIP, Nama, Instansi\n{NIP_1}, "Santoso, Budi", "BKN, Pusat"\n')
    assert participants(doc) == [{"nip": NIP_1, "name": "Santoso, Budi", "agency": "BKN, Pusat"}]


def test_cells_are_stripped_and_empty_cells_left_out() -> None:
    doc = read(f"NIP;Nama;Gol/Ruang;Instansi\n  {NIP_1} ;\tBudi  ;   ;\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]


def test_values_are_kept_as_text_without_validation() -> None:
    doc = read("NIP;Nama;Gol/Ruang;Tgl Lahir\n0012;Budi;III/z;kemarin\n")
    assert participants(doc) == [
        {"nip": "0012", "name": "Budi", "grade": "III/z", "birth_date": "kemarin"}
    ]


def test_line_endings_crlf_lf_and_cr_are_all_read() -> None:
    for ending in ("\r\n", "\n", "\r"):
        doc = read(ending.join(["NIP;Nama", f"{NIP_1};Budi", f"{NIP_2};Dewi", ""]))
        assert [p["name"] for p in participants(doc)] == ["Budi", "Dewi"]
        assert list(doc.rows.values()) == [2, 3]
        assert doc.findings == ()


# Rows accounted for


def test_blank_rows_are_info_findings_with_their_row_numbers() -> None:
    doc = read(f"NIP;Nama\n{NIP_1};Budi\n\n;\n  ;  \n{NIP_2};Dewi\n\n")
    assert list(doc.rows.values()) == [2, 6]
    assert codes(doc) == ["input.blank-row"] * 2  # rows 3 to 5 are one run
    assert [(f.location.row, f.location.last_row) for f in doc.findings] == [(3, 5), (7, None)]
    assert [f.value for f in doc.findings] == [3, None]
    assert all(f.severity is Severity.INFO for f in doc.findings)
    assert "rows 3\u20135 are blank (3 rows)" in doc.findings[0].message_en
    assert "baris 3\u20135 kosong" in doc.findings[0].message_id
    assert "row 7 is blank" in doc.findings[1].message_en
    assert "baris 7" in doc.findings[1].message_id
    assert str(doc.findings[0].location).startswith("<input>:3-5 ") or ":3-5 " in str(
        doc.findings[0].location
    )


def test_blank_lines_before_the_header_are_counted_as_rows() -> None:
    doc = read(f"\n\nNIP;Nama\n{NIP_1};Budi\n")
    assert doc.rows == {("cohorts", 0, "participants", 0): 4}
    assert doc.findings == ()


def test_long_rows_are_row_shape_errors_but_still_participants() -> None:
    doc = read(f"NIP;Nama\n{NIP_1};Budi;extra;more\n{NIP_2};Dewi;;\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}, {"nip": NIP_2, "name": "Dewi"}]
    assert codes(doc) == ["input.row-shape"]
    finding = doc.findings[0]
    assert finding.severity is Severity.ERROR
    assert (finding.location.keys, finding.location.row) == (("cohorts", 0, "participants", 0), 2)
    assert finding.value == "extra"
    assert "row 2" in finding.message_en


def test_short_rows_have_empty_cells() -> None:
    doc = read(f"NIP;Nama;Gol/Ruang;Instansi\n{NIP_1};Budi\n")
    assert participants(doc) == [{"nip": NIP_1, "name": "Budi"}]
    assert doc.findings == ()


# Files that cannot be read


def test_a_file_that_is_not_utf8_names_the_file_and_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes(f"NIP;Nama\n{NIP_1};Ren".encode() + b"\xe9\n")
    with pytest.raises(InputError) as caught:
        read_csv(path)
    message = caught.value.message_en
    assert str(path) in message
    assert "offset 34" in message
    assert "line 2" in message
    assert "save it as UTF-8 (CSV UTF-8 in Excel)" in message
    assert "UTF-8" in caught.value.message_id
    assert caught.value.value == 34


def test_the_offset_of_bad_bytes_counts_from_the_start_of_a_long_file() -> None:
    head = "NIP;Nama\n" + "".join(f"{n};Nama ké {n}\n" for n in range(20_000))
    data = head.encode() + b"1;\xff\n"
    with pytest.raises(InputError) as caught:
        read_csv(io.BytesIO(data), file_name="besar.csv")
    assert caught.value.value == len(head.encode()) + 2
    assert "line 20002" in caught.value.message_en


def test_a_character_split_between_reads_is_decoded() -> None:
    head = "NIP;Nama\n1;"
    padding = "x" * (65_536 - len(head) - 1)
    data = (head + padding + "é\r\n2;b\r\n").encode()
    assert data[65_535:65_537] == "é".encode()
    doc = read_csv(io.BytesIO(data))
    assert [p["name"] for p in participants(doc)] == [padding + "é", "b"]
    assert list(doc.rows.values()) == [2, 3]


def test_a_crlf_split_between_reads_is_one_line_ending() -> None:
    head = "NIP;Nama\n1;"
    padding = "x" * (65_536 - len(head) - 1)
    data = (head + padding + "\r\n2;b\r\n").encode()
    assert data[65_535:65_536] == b"\r"
    doc = read_csv(io.BytesIO(data))
    assert list(doc.rows.values()) == [2, 3]
    assert doc.findings == ()


def test_a_truncated_character_at_the_end_is_not_utf8() -> None:
    with pytest.raises(InputError, match="offset 12"):
        read_csv(io.BytesIO(b"NIP;Nama\n1;a\xc3"))


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n  \r\n"])
def test_an_empty_file_has_no_rows(data: bytes) -> None:
    with pytest.raises(InputError, match=r"kosong\.csv: no rows"):
        read_csv(io.BytesIO(data), file_name="kosong.csv")


@pytest.mark.parametrize("text", ["NIP;Nama\n", "\ufeffNIP;Nama", "NIP;Nama\n\n;\n"])
def test_a_file_with_only_a_header_has_no_rows(text: str) -> None:
    with pytest.raises(InputError, match="no rows") as caught:
        read(text)
    assert "tidak ada baris" in caught.value.message_id


def test_paths_and_file_objects_are_read(tmp_path: Path) -> None:
    path = tmp_path / "angkatan-3.csv"
    path.write_bytes(f"NIP;Nama\n{NIP_1};Budi\n".encode())
    for source in (path, str(path)):
        doc = read_csv(source)
        assert doc.file == str(path)
        assert cohorts(doc)[0]["id"] == "angkatan-3"
    with path.open("rb") as stream:
        assert read_csv(stream).file == str(path)
    assert read_csv(path, file_name="lain.csv").file == "lain.csv"


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.csv"
    with pytest.raises(InputError, match=r"tidak-ada\.csv: cannot be read"):
        read_csv(path)


def test_the_rules_are_in_the_catalogue() -> None:
    import pelatihan.io.tabular  # noqa: F401, PLC0415 - registers the rules

    expected = {
        "input.unknown-column": Severity.WARNING,
        "input.duplicate-column": Severity.ERROR,
        "input.blank-row": Severity.INFO,
        "input.row-shape": Severity.ERROR,
        "input.cohort-conflict": Severity.ERROR,
    }
    for code, severity in expected.items():
        rule = catalogue.get(code)
        assert rule.severity is severity
        assert rule.title_en
        assert rule.title_id


# Properties

ROW_KINDS = st.sampled_from(["normal", "blank", "spaces", "long", "short"])
CELL = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)


@st.composite
def tables(draw: st.DrawFn) -> tuple[bytes, list[str], list[list[str]]]:
    """A CSV file's bytes, the kind of each data row, and each row's cells."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    with_cohort = draw(st.booleans())
    header = ["NIP", "Nama", *(["Angkatan"] if with_cohort else [])]
    kinds = draw(st.lists(ROW_KINDS, max_size=25))
    rows: list[list[str]] = []
    for number, kind in enumerate(kinds):
        nip = f"{number}{draw(CELL)}"
        cells = [nip, draw(CELL)]
        if with_cohort:
            cells.append(draw(st.sampled_from(["I", "II", ""])))
        if kind == "blank":
            cells = [""] * draw(st.integers(0, len(header) + 2))
        elif kind == "spaces":
            cells = [" " * draw(st.integers(0, 3)) for _ in header]
        elif kind == "long":
            cells += [draw(CELL) for _ in range(draw(st.integers(1, 3)))]
            cells[-1] += "x"
        elif kind == "short":
            cells = cells[:1]
        rows.append(cells)
    out = io.StringIO()
    writer = csv_writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + out.getvalue()).encode("utf-8"), kinds, rows


def _rows_of(findings: list[Any]) -> list[int]:
    """The rows findings located at a row, or at a run of rows, are at."""
    return [
        row
        for f in findings
        for row in range(f.location.row or 0, (f.location.last_row or f.location.row or 0) + 1)
    ]


@given(tables())
def test_every_row_is_a_participant_or_a_blank_or_skipped_row_finding(
    table: tuple[bytes, list[str], list[list[str]]],
) -> None:
    data, kinds, rows = table
    blank = [kind in ("blank", "spaces") for kind in kinds]
    if all(blank):
        with pytest.raises(InputError, match="no rows"):
            read_csv(io.BytesIO(data), file_name="p.csv")
        return
    doc = read_csv(io.BytesIO(data), file_name="p.csv")
    people = participants(doc)
    blank_findings = [f for f in doc.findings if f.code == "input.blank-row"]
    # a row without a NIP or a name may be read as a row of a signature block, a total...
    skipped = _rows_of(
        [f for f in doc.findings if f.code in SKIPPED_ROW_CODES and f.code != "input.blank-row"]
    )
    for row in skipped:
        cells = rows[row - 2]
        assert not (cells[0].strip() and cells[1].strip())  # a NIP and a name: a participant
    assert len(people) + len(_rows_of(blank_findings)) + len(skipped) == len(kinds)
    numbers = list(doc.rows.values())
    assert len(set(numbers)) == len(numbers) == len(people)
    for index, cohort in enumerate(cohorts(doc)):
        for position in range(len(cohort["participants"])):
            assert ("cohorts", index, "participants", position) in doc.rows
    expected_rows = [
        n + 2 for n, is_blank in enumerate(blank) if not is_blank and n + 2 not in skipped
    ]
    assert sorted(numbers) == expected_rows
    blank_rows = [n + 2 for n, is_blank in enumerate(blank) if is_blank]
    assert sorted(_rows_of(blank_findings)) == blank_rows
    long_rows = [n + 2 for n, kind in enumerate(kinds) if kind == "long"]
    shape = [f.location.row for f in doc.findings if f.code == "input.row-shape"]
    assert shape == [row for row in long_rows if row in expected_rows]
    by_row = {doc.rows[keys]: keys for keys in doc.rows}
    for number in expected_rows:
        cells = rows[number - 2]
        _, cohort_index, _, person_index = by_row[number]
        assert isinstance(cohort_index, int)
        assert isinstance(person_index, int)
        person = cohorts(doc)[cohort_index]["participants"][person_index]
        assert person["nip"] == cells[0].strip()
        assert person.get("name", "") == (cells[1].strip() if len(cells) > 1 else "")


@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    result: RawDocument | InputError
    try:
        result = read_csv(io.BytesIO(b"NIP;Nama\n" + data), file_name="x.csv")
    except InputError as error:
        result = error
    if isinstance(result, InputError):
        assert result.message_en.startswith("x.csv: ")
    else:
        assert len(participants(result)) == len(result.rows)


# A quote never closed


def test_a_quote_never_closed_is_reported_and_the_rows_after_it_are_still_read() -> None:
    rows = [f"{n};Peserta {n};III/a;Dinkes" for n in range(1, 1001)]
    rows[4] = '5;"Peserta 5;III/a;Dinkes'  # row 6 of the file opens a quote it never closes
    doc = read("NIP;Nama;Gol/Ruang;Instansi\n" + "\n".join(rows) + "\n")
    people = participants(doc)
    assert len(people) == 1000  # not one participant swallowing the 995 after it
    assert [person["name"] for person in people[5:7]] == ["Peserta 6", "Peserta 7"]
    unclosed = [finding for finding in doc.findings if finding.code == "input.unclosed-quote"]
    assert [(f.location.row, f.value, f.severity) for f in unclosed] == [(6, 995, Severity.ERROR)]
    assert "row 6" in unclosed[0].message_en
    assert "baris 6" in unclosed[0].message_id
    assert doc.rows["cohorts", 0, "participants", 999] == 1001


def test_a_quoted_cell_over_several_lines_is_one_row_and_no_finding() -> None:
    doc = read('NIP;Nama;Instansi\n1;Ana;"Dinas\nKesehatan"\n2;Budi;BKN\n')
    assert [person["agency"] for person in participants(doc)] == ["Dinas\nKesehatan", "BKN"]
    assert "input.unclosed-quote" not in codes(doc)
    assert doc.rows["cohorts", 0, "participants", 1] == 3


def test_a_nul_character_is_read_as_any_other_on_every_python_version() -> None:
    doc = read(
        'NIP;Nama;Instansi\n1\x00;Ana\x00Nana;"Dinas\x00\nKesehatan"\n2;\ue000\ue0001;\x00\n'
    )
    assert [(p["nip"], p["name"]) for p in participants(doc)] == [
        ("1\x00", "Ana\x00Nana"),
        ("2", "\ue000\ue0001"),
    ]
    assert participants(doc)[0]["agency"] == "Dinas\x00\nKesehatan"
    assert participants(doc)[1]["agency"] == "\x00"
    assert doc.rows["cohorts", 0, "participants", 1] == 3


def test_a_nul_character_in_the_header_line_still_finds_the_delimiter() -> None:
    doc = read("NIP;Nama;Catatan\x00\n1;Ana;x\n")
    assert [p["name"] for p in participants(doc)] == ["Ana"]


@given(st.lists(st.text(st.sampled_from('a;"\n\x00\ue0000 1')), min_size=1, max_size=4))
def test_the_csv_writer_writes_what_the_csv_module_reads_back(row: list[str]) -> None:
    out = io.StringIO(newline="")
    csv_writer(out, delimiter=";", lineterminator="\r\n").writerow(row)
    assert read_back(out.getvalue(), ";") == [row]


@given(
    st.lists(st.sampled_from(["Ana", "Budi Santoso", 'Ana "Nana"', "Dinas; Kota"]), min_size=1),
    st.data(),
)
def test_every_line_after_an_unclosed_quote_is_read_as_a_row(
    names: list[str], data: st.DataObject
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["NIP", "Nama"])
    for number, name in enumerate(names, start=1):
        writer.writerow([str(number), name])
    lines = out.getvalue().splitlines(keepends=True)
    broken = data.draw(st.integers(1, len(lines) - 1))  # a line after the header
    nip, _, name = lines[broken].partition(";")
    lines[broken] = f'{nip};"{name.strip(chr(10)).replace(chr(34), "")}\n'
    doc = read("".join(lines))
    unclosed = [f for f in doc.findings if f.code == "input.unclosed-quote"]
    swallowed = len(lines) - 1 - broken
    if swallowed:  # the lines it took, up to a later quote that seemed to close it
        assert [f.location.row for f in unclosed] == [broken + 1]
        taken = unclosed[0].value
        assert isinstance(taken, int)
        assert 1 <= taken <= swallowed
    else:
        assert unclosed == []  # the last line: nothing after it to swallow
    assert [person["nip"] for person in participants(doc)] == [
        str(number) for number in range(1, len(names) + 1)
    ]


# -- lines ----------------------------------------------------------------------------------

_line_texts = st.lists(
    st.tuples(
        st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=5),
        st.sampled_from(["\n", "\r\n", "\r"]),
    ),
    max_size=8,
)


@given(
    _line_texts,
    st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=3),
    st.integers(1, 9),
)
def test_a_file_is_cut_into_its_lines_whatever_their_endings_and_the_chunks(
    lines: list[tuple[str, str]], last: str, chunk: int
) -> None:
    import re  # noqa: PLC0415 - the reference's own

    from pelatihan.io import csv as csv_module  # noqa: PLC0415

    text = "".join(line + ending for line, ending in lines) + last
    # straight from the rule: a line ends at "\r\n", or else at "\r" or "\n"
    expected = [part for part in re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text) if part]
    old = csv_module._CHUNK
    csv_module._CHUNK = chunk
    try:
        got = list(csv_module._lines(io.BytesIO(text.encode()), "x.csv"))
    finally:
        csv_module._CHUNK = old
    assert got == expected
