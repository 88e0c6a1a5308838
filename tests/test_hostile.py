"""Hostile and broken inputs: a report or one clear error naming the file, never a traceback."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest

from pelatihan import validate
from pelatihan.cli import main
from pelatihan.io.csv import MAX_LINE, read_csv
from pelatihan.io.document import MAX_FILE_BYTES, InputError
from pelatihan.io.xlsx import MAX_UNCOMPRESSED, read_xlsx

HEADER = b"NIP;Nama;Gol/Ruang;Instansi\n"
ROW = b"19950417 202403 2 004;Dewi;III/a;Dinkes\n"
DEFAULTS = {"track": "III", "method": "blended", "start": "2024-04-22"}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.csv", b"", "no rows"),
        ("bom.csv", b"\xef\xbb\xbf", "no rows"),
        ("header.csv", HEADER, "no rows"),
        (
            "cp1252.csv",
            HEADER + "19950417 202403 2 004;Andr\u00e9;III/a;X\n".encode("cp1252"),
            "not UTF-8",
        ),
        ("utf16.csv", (HEADER + ROW).decode().encode("utf-16"), "not UTF-8"),
        ("empty.json", b"", "empty"),
        (
            "nan.json",
            b'{"format": "pelatihan/cohorts@1", "cohorts": [], "x": NaN}',
            "NaN is not JSON",
        ),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested deeper"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", ""),
    ],
)
def test_unreadable_files_are_one_clear_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, fragment: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as caught:
        validate(path, defaults=DEFAULTS)
    assert name in str(caught.value)
    assert fragment in str(caught.value)
    assert caught.value.message_id != caught.value.message_en


def test_a_100_mb_cell_is_refused_quickly(tmp_path: Path) -> None:
    path = write(
        tmp_path, "big.csv", HEADER + b"19950417;" + b"A" * (100 * 1024 * 1024) + b";x;y\n"
    )
    started = time.monotonic()
    with pytest.raises(InputError, match=f"longer than {MAX_LINE:,}"):
        read_csv(path)
    assert time.monotonic() - started < 30  # was minutes: line splitting rescanned the buffer


def test_a_long_line_below_the_limit_is_read_in_linear_time(tmp_path: Path) -> None:
    cell = b"B" * 100_000
    path = write(tmp_path, "long.csv", HEADER + b"19950417 202403 2 004;" + cell + b";III/a;X\n")
    document = read_csv(path)
    assert document.rows == {("cohorts", 0, "participants", 0): 2}


def _bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<!--" + "x" * size + "-->")


def test_an_xlsx_zip_bomb_is_refused_before_unzipping(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    _bomb(path, MAX_UNCOMPRESSED + 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(InputError, match="zip bomb"):
        read_xlsx(path)
    assert time.monotonic() - started < 10


def test_an_xlsx_with_formulas_gives_cached_values_not_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIP", "Nama", "Gol/Ruang", "Instansi"])
    sheet.append(
        ["19950417 202403 2 004", '=HYPERLINK("http://example.invalid","klik")', "III/a", "=1+1"]
    )
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    document = read_xlsx(path, defaults=DEFAULTS)
    person = document.data["cohorts"][0]["participants"][0]  # type: ignore[index]
    assert "HYPERLINK" not in json.dumps(person)  # no cached value: the cell is empty, not code


@pytest.mark.parametrize(
    ("start", "birth"), [("2023-02-29", "1995-04-17"), ("2024-04-22", "0000-00-00")]
)
def test_impossible_dates_are_findings(tmp_path: Path, start: str, birth: str) -> None:
    data = {
        "format": "pelatihan/cohorts@1",
        "cohorts": [
            {
                "id": "a",
                "name": "A",
                "track": "III",
                "method": "blended",
                "start": start,
                "participants": [
                    {
                        "nip": "19950417 202403 2 004",
                        "name": "Dewi",
                        "grade": "III/a",
                        "agency": "X",
                        "birth_date": birth,
                    }
                ],
            }
        ],
    }
    path = write(tmp_path, "dates.json", json.dumps(data).encode())
    assert "input.date" in validate(path).codes()


def test_names_with_unicode_oddities_are_kept_as_given(tmp_path: Path) -> None:
    name = "De\u0301wi\u200d \u202eLestari"
    data = {
        "format": "pelatihan/cohorts@1",
        "cohorts": [
            {
                "id": "a",
                "name": "A",
                "track": "III",
                "method": "blended",
                "start": "2024-04-22",
                "regime": "perlan-1-2021+10-2021",
                "organizer": {"name": "X", "accredited": True},
                "participants": [
                    {"nip": "19950417 202403 2 004", "name": name, "grade": "III/a", "agency": "X"},
                    {
                        "nip": "\u0661\u0669\u0669\u0665",
                        "name": "Arabic-Indic digits",
                        "grade": "III/a",
                        "agency": "X",
                    },
                ],
            }
        ],
    }
    path = write(tmp_path, "unicode.json", json.dumps(data, ensure_ascii=False).encode())
    report = validate(path)
    assert [f.code for f in report] == ["nip.format"]


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf", b"\x00\x01\x02", b"[" * 5000, b'{"format": 1}', b"{}" * 3],
)
def test_the_command_exits_with_2_or_a_report_never_a_traceback(
    tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "x.json", data)
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    assert code in (1, 2)
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("name", ["huge.json", "huge.csv"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:  # a sparse file: no disk space, no time
        handle.truncate(MAX_FILE_BYTES + 1)
    started = time.monotonic()
    with pytest.raises(InputError, match="more than the") as caught:
        validate(path, defaults=DEFAULTS)
    assert name in str(caught.value)
    assert time.monotonic() - started < 5
