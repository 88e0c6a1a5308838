"""Headers of the user's own (``columns``, ``--column FIELD=HEADER``) and columns left aside."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pelatihan.cli import main
from pelatihan.io.csv import read_csv
from pelatihan.io.document import InputError, RawDocument
from pelatihan.io.table import normalize_header
from pelatihan.io.tabular import HEADERS, TableBuilder, header_field
from pelatihan.validation.pipeline import validate
from pelatihan.validation.stream import validate_table

NIP = "19980312 202503 1 001"
FACTS = {"track": "III", "method": "blended", "start": "2025-07-14"}


def _csv(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


def _people(doc: RawDocument) -> object:
    assert isinstance(doc.data, dict)
    cohorts = doc.data["cohorts"]
    assert isinstance(cohorts, list)
    first = cohorts[0]
    assert isinstance(first, dict)
    return first["participants"]


def test_a_header_of_your_own_is_read_as_its_field() -> None:
    data = f"NIP;Nama Tanpa Gelar;Gol\n{NIP};Andi;III/a\n"
    with pytest.raises(InputError, match="no name column"):
        read_csv(_csv(data), file_name="a.csv")
    mapped = read_csv(_csv(data), file_name="a.csv", columns={"name": "Nama Tanpa Gelar"})
    assert _people(mapped) == [{"nip": NIP, "name": "Andi", "grade": "III/a"}]


def test_a_header_of_your_own_finds_the_header_row_below_a_title() -> None:
    data = f"DAFTAR PESERTA\nID Pegawai;Nama\n{NIP};Andi\n"
    doc = read_csv(_csv(data), file_name="a.csv", columns={"nip": "ID Pegawai"})
    assert _people(doc) == [{"nip": NIP, "name": "Andi"}]
    assert doc.rows == {("cohorts", 0, "participants", 0): 3}
    assert [(f.code, f.location.row) for f in doc.findings] == [("input.title-row", 1)]


def test_a_header_another_field_reads_becomes_the_mapped_fields_alone() -> None:
    kind = TableBuilder.with_columns({"agency": "Nama"})
    table = kind(["NIP", "Nama Lengkap", "Nama"])
    assert table.columns == ("nip", "name", "agency")
    assert header_field("Nama") == "name"  # the class itself is left as it was


@pytest.mark.parametrize(
    ("columns", "says"),
    [
        ({"nama": "X"}, "is not a field"),
        ({"name": " . "}, "is empty"),
        ({"name": "X", "agency": "x"}, "is given for"),
    ],
)
def test_columns_that_cannot_be_used_are_a_value_error(columns: dict[str, str], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        TableBuilder.with_columns(columns)


@example("nip")
@given(
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=30
    ).filter(lambda text: normalize_header(text) and '"' not in text and ";" not in text)
)
def test_any_header_text_is_read_as_the_field_it_is_given_for(header: str) -> None:
    data = f"NIP;{header.strip()}\n{NIP};Andi\n"
    if normalize_header(header) == normalize_header("NIP"):
        # the NIP column's own header, given for the name: both columns name it, none the NIP
        with pytest.raises(InputError, match="no NIP column"):
            read_csv(_csv(data), file_name="a.csv", columns={"name": header})
        return
    doc = read_csv(_csv(data), file_name="a.csv", columns={"name": header})
    assert _people(doc) == [{"nip": NIP, "name": "Andi"}] or header_field(header) == "nip"


def test_the_command_maps_a_column_and_streams_as_it_loads(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(f"NIP;Nama Tanpa Gelar;Gol;Satker\n{NIP};Andi;III/a;Dinkes\n", "utf-8")
    columns = {"name": "Nama Tanpa Gelar"}
    streamed = validate_table(path, defaults=FACTS, columns=columns).report
    assert streamed == validate(path, defaults=FACTS, columns=columns)
    assert "input.unreadable" not in streamed.codes()
    options = ["--track", "III", "--method", "blended", "--start", "2025-07-14"]
    assert main(["validate", str(path), *options]) == 2
    assert main(["validate", str(path), *options, "--column", "name=Nama Tanpa Gelar"]) == 0


def test_the_command_refuses_a_column_of_an_unknown_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(f"NIP;Nama\n{NIP};Andi\n", "utf-8")
    assert main(["validate", str(path), "--column", "nama=Nama", "--lang", "en"]) == 2
    assert "'nama' is not a field of a participant list" in capsys.readouterr().err
    assert set(HEADERS) >= {"nip", "name", "grade", "agency"}


def test_a_rank_column_is_the_grade_of_a_list_without_a_grade_column() -> None:
    alone = read_csv(_csv(f"NIP;Nama;Pangkat\n{NIP};Andi;Penata Muda\n"), file_name="a.csv")
    assert _people(alone) == [{"nip": NIP, "name": "Andi", "grade": "Penata Muda"}]
    both = read_csv(
        _csv(f"NIP;Nama;Pangkat;Gol\n{NIP};Andi;Penata Muda;III/a\n"), file_name="a.csv"
    )
    assert _people(both) == [{"nip": NIP, "name": "Andi", "grade": "III/a", "rank": "Penata Muda"}]
    data = f"NIP;Nama;Pangkat;Instansi\n{NIP};Andi;Penata Muda;Dinkes\n"
    report = validate(read_csv(_csv(data), defaults=FACTS))
    assert [f for f in report if f.code.startswith("input.")] == []
