"""The report as CSV and as an Excel workbook: its rows, formats, safety and atomic writing."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan.cli import _tables as tables
from pelatihan.cli import main
from pelatihan.cli._summary import ReadSummary, split_sheet
from pelatihan.cli._tables import (
    FORMULA_STARTS,
    HEADERS,
    excel_text,
    finding_rows,
    neutralised,
    output_format,
    restored,
    write_csv,
)
from pelatihan.findings import Finding, Location, Report, Severity
from pelatihan.io.document import RawDocument
from pelatihan.io.structure import Loaded

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FACTS = ["--track", "III", "--method", "klasikal", "--start", "2019-10-17"]


def read_back(text: str, delimiter: str) -> list[list[str]]:
    """The rows of CSV ``text`` as the csv module of Python 3.11 reads them, on 3.10 too."""
    spare = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    rows = csv.reader(io.StringIO(text.replace("\x00", spare), newline=""), delimiter=delimiter)
    return [[cell.replace(spare, "\x00") for cell in row] for row in rows]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel reads UTF-8 by
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=delimiter))


# -- choosing the format ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "output", "expected"),
    [
        (None, None, "text"),
        ("json", None, "json"),
        ("csv", None, "csv"),
        (None, "laporan.json", "json"),
        (None, "laporan.CSV", "csv"),
        (None, "laporan.xlsx", "xlsx"),
        (None, "laporan.txt", "text"),
        (None, "laporan", "text"),
        ("csv", "laporan.csv", "csv"),
        ("json", "laporan.log", "json"),  # an extension that says nothing contradicts nothing
    ],
)
def test_the_format_comes_from_the_option_or_the_extension(
    chosen: str | None, output: str | None, expected: str
) -> None:
    assert output_format(chosen, output) == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "json", "-o", "{}/laporan.csv"], "--format json contradicts"),
        (["--format", "text", "-o", "{}/laporan.xlsx"], "--format text contradicts"),
        (["-o", "{}/laporan.xls"], "does not say which format"),
        (["--format", "xlsx"], "needs --output"),
    ],
)
def test_a_format_that_cannot_be_settled_exits_2_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    argv = [part.format(tmp_path) for part in argv]
    code, out, err = run(capsys, "validate", str(EXAMPLES / "cohort.json"), *argv)
    assert (code, out) == (2, "")
    assert err.startswith("pelatihan: ")
    assert message in err
    assert list(tmp_path.iterdir()) == []


def test_the_extension_picks_the_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = str(EXAMPLES / "cohort-mistakes.json")
    for name in ("r.json", "r.csv", "r.xlsx", "r.txt"):
        code, out, err = run(capsys, "validate", source, "-o", str(tmp_path / name))
        assert (code, out, err) == (1, "", "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["ok"] is False
    assert read_csv(tmp_path / "r.csv", ",")[0] == list(HEADERS["en"])
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames == ["Findings", "Summary"]
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert text.startswith("Read 1 file: 3 cohorts, 61 participants\n")


# -- the rows ---------------------------------------------------------------------------------


def test_csv_gives_one_row_per_finding_with_the_participant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "temuan.csv"
    source = str(EXAMPLES / "participants.csv")
    code, _, _ = run(capsys, "validate", source, *FACTS, "--lang", "id", "-o", str(target))
    assert code == 1
    header, *rows = read_csv(target, ";")  # Indonesian: the delimiter Excel in Indonesian reads
    assert header[:7] == ["Berkas", "Lembar", "Baris", "Sampai baris", "Angkatan", "NIP", "Nama"]
    assert header[7:] == [
        "Kode",
        "Tingkat",
        "Pesan",
        "Dasar Hukum",
        "Status",
        "Sumber",
        "Nilai",
        "Lokasi",
    ]
    track = next(row for row in rows if row[7] == "participant.track")
    assert track[:9] == [
        source,
        "",
        "5",
        "",
        "participants",
        "19960730 201903 2 005",
        "Siti Aminah",
        "participant.track",
        "kesalahan",
    ]
    assert track[9].startswith("II/c (Pengatur) termasuk jalur Latsar golongan II")
    assert track[10:] == [
        "Peraturan LAN 1/2021",
        "SEC",
        "",
        "II/c",
        "$.cohorts[0].participants[3].grade",
    ]
    code, out, _ = run(capsys, "validate", source, *FACTS, "--format", "csv")
    assert code == 1
    english = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert english[0] == list(HEADERS["en"])
    assert len(english) == len(rows) + 1


def test_a_result_finding_names_the_participant_with_its_nip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "r.csv"
    results = str(EXAMPLES / "results.csv")
    argv = [str(EXAMPLES / "cohort-results.json"), "--results", results, "-o", str(target)]
    run(capsys, "validate", *argv)
    _, *rows = read_csv(target, ",")
    dewi = [row for row in rows if row[0] == results and row[2] == "2"]
    assert {row[7] for row in dewi} == {"results.duplicate"}
    assert {tuple(row[4:7]) for row in dewi} == {
        ("Angkatan XII (jatim-2019-gol-iii-12)", "19950417 201903 2 004", "Dewi Lestari")
    }


def test_the_workbook_has_the_findings_and_a_summary_per_cohort(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "temuan.xlsx"
    source = str(EXAMPLES / "cohort-mistakes.json")
    code, _, _ = run(capsys, "validate", source, "--lang", "id", "-o", str(target))
    assert code == 1
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Temuan", "Ringkasan"]
    findings, summary = book["Temuan"], book["Ringkasan"]
    assert findings.freeze_panes == "A2"
    assert findings.auto_filter.ref == f"A1:O{findings.max_row}"
    assert all(cell.font.bold for cell in findings[1])
    assert findings.column_dimensions["J"].width == 80  # the message
    report = json.loads(tables_json(capsys, source))
    assert findings.max_row == len(report["findings"]) + 1
    nips = [row[5] for row in findings.iter_rows(min_row=2) if row[5].value]
    assert nips
    assert all(cell.data_type == "s" and cell.number_format == "@" for cell in nips)
    rows = [[cell.value for cell in row] for row in summary.iter_rows(values_only=False)]
    assert rows[0] == [
        "Berkas",
        "Lembar",
        "Angkatan",
        "Peserta",
        "Kesalahan",
        "Peringatan",
        "Info",
        "Tanpa kesalahan",
    ]
    cohorts = rows[1:4]
    assert [row[3] for row in cohorts] == [18, 42, 1]
    assert all(row[0] == source and row[7] in ("ya", "tidak") for row in cohorts)
    total = rows[4]
    assert total[0] == "Jumlah"
    assert total[3:7] == [61, *(report["counts"][key] for key in ("error", "warning", "info"))]
    assert rows[-1][0] == "Dibaca 1 berkas: 3 angkatan, 61 peserta"


SHEETS = ["Angkatan II", "Angkatan III", "Angkatan X", "Angkatan IX"]
"""Worksheets whose names sort otherwise than the workbook orders them (``]`` after ``I``)."""


def _several_sheets(path: Path, *, both: bool = False) -> None:
    """A workbook of a table per worksheet of :data:`SHEETS`: a cohort each, a title row each.

    With ``both``, the last worksheet's second row names the first worksheet's cohort.
    """
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for number, name in enumerate(SHEETS, start=1):
        sheet = book.create_sheet(name)
        sheet.append([f"DAFTAR PESERTA {name.upper()}"])
        sheet.append(["Angkatan", "NIP", "Nama", "Gol/Ruang"])
        sheet.append([name, f"19950417 201903 2 {number:03d}", "Dewi", "IV/e"])
        if both and number == len(SHEETS):
            sheet.append([SHEETS[0], "19950417 201903 2 099", "Eko", "III/a"])
    book.save(path)


def test_every_report_lists_worksheets_in_the_workbook_s_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "daftar.xlsx"
    _several_sheets(source)
    _, out, _ = run(capsys, "validate", str(source), *FACTS, "--format", "json")
    found = [item.get("file") for item in json.loads(out)["findings"]]
    sheets = [split_sheet(file)[1] for file in found if file and "[" in file]
    assert sorted(set(sheets), key=sheets.index) == SHEETS
    _, out, _ = run(capsys, "validate", str(source), *FACTS, "--format", "csv")
    rows = read_back(out.lstrip("\ufeff"), ",")[1:]
    assert [row[1] for row in rows if row[1]] == sheets
    target = tmp_path / "laporan.xlsx"
    run(capsys, "validate", str(source), *FACTS, "-o", str(target))
    written = openpyxl.load_workbook(target)["Findings"]
    assert [row[1] for row in written.iter_rows(min_row=2, values_only=True) if row[1]] == sheets


def test_the_summary_sheet_names_the_worksheets_of_each_cohort(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "daftar.xlsx"
    _several_sheets(source, both=True)
    target = tmp_path / "ringkasan.xlsx"
    run(capsys, "validate", str(source), *FACTS, "--lang", "id", "-o", str(target))
    summary = openpyxl.load_workbook(target)["Ringkasan"]
    rows = list(summary.iter_rows(min_row=2, max_row=len(SHEETS) + 1, values_only=True))
    assert [row[:4] for row in rows] == [
        (str(source), f"{SHEETS[0]}, {SHEETS[-1]}", SHEETS[0], 2),
        *((str(source), name, name, 1) for name in SHEETS[1:]),
    ]
    one = tmp_path / "satu.xlsx"
    run(capsys, "validate", str(EXAMPLES / "participants.xlsx"), *FACTS, "-o", str(one))
    alone = openpyxl.load_workbook(one)["Summary"]
    assert next(alone.iter_rows(min_row=2, values_only=True))[1] is None  # one table, no sheet


def tables_json(capsys: pytest.CaptureFixture[str], source: str) -> str:
    _, out, _ = run(capsys, "validate", source, "--format", "json")
    return out


def test_a_missing_openpyxl_exits_2_before_validating(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise ModuleNotFoundError(tables._MISSING_OPENPYXL, name="openpyxl")

    monkeypatch.setattr("pelatihan.cli._validate.require_openpyxl", missing)
    target = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "validate", str(EXAMPLES / "cohort.json"), "-o", str(target))
    assert code == 2
    assert "pip install 'pelatihan[xlsx]'" in err
    assert not target.exists()


def test_the_rows_skipped_are_counted_by_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(
        "NIP;Nama;Gol/Ruang;Instansi\n19950417 202403 2 004;Dewi;III/a;Dinkes\n;;;\n"
        "\n19860926 201505 1 001;Budi;III/a;Dinkes\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "validate", str(path), *FACTS)
    assert out.splitlines()[0] == (
        "Read 1 file: 1 cohort, 2 participants; 2 rows skipped (2 blank)"
    )
    _, out, _ = run(capsys, "validate", str(path), *FACTS, "--lang", "id")
    assert out.splitlines()[0] == (
        "Dibaca 1 berkas: 1 angkatan, 2 peserta; 2 baris dilewati (2 kosong)"
    )
    _, out, _ = run(capsys, "validate", str(path), *FACTS, "--format", "json")
    summary = json.loads(out)["summary"]
    assert summary["rows_skipped"] == {"input.blank-row": 2}
    assert (summary["participants"], summary["cohorts"], summary["sheets"]) == (2, 1, 0)


def test_a_workbook_counts_as_a_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "validate", str(EXAMPLES / "participants.xlsx"), *FACTS)
    assert out.splitlines()[0].startswith("Read 1 file (1 sheet): 1 cohort, ")


def test_a_sheet_is_split_from_a_file_label() -> None:
    assert split_sheet("book.xlsx[Sheet 2]") == ("book.xlsx", "Sheet 2")
    assert split_sheet("a[b].csv") == ("a[b].csv", "")
    assert split_sheet("[x]") == ("[x]", "")


# -- written completely or not at all -----------------------------------------------------------


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.csv"
    target.write_text("the old report\n", encoding="utf-8")
    target.chmod(0o640)

    def broken(stream: io.StringIO, rows: object, lang: str, header: object = None) -> None:
        stream.write("half a report")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tables, "write_csv", broken)
    code, _, err = run(capsys, "validate", str(EXAMPLES / "cohort.json"), "-o", str(target))
    assert code == 2
    assert "cannot be written: No space left on device" in err
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [path.name for path in tmp_path.iterdir()] == ["r.csv"]
    monkeypatch.undo()
    code, _, _ = run(capsys, "validate", str(EXAMPLES / "cohort.json"), "-o", str(target))
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file's mode is kept
    fresh = tmp_path / "new.txt"
    run(capsys, "validate", str(EXAMPLES / "cohort.json"), "-o", str(fresh))
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # as any file the user makes


# -- no formula, whatever the text ---------------------------------------------------------------

texts = st.one_of(
    st.text(),
    st.text(
        alphabet=st.sampled_from(
            ["=", "+", "-", "@", "\t", "\r", "\n", '"', ";", ",", "'", "a", " ", "é"]
        )
    ),
    st.sampled_from(FORMULA_STARTS).flatmap(lambda start: st.text().map(lambda t: start + t)),
)


@st.composite
def findings(draw: st.DrawFn) -> list[Finding]:
    made: list[Finding] = []
    for _ in range(draw(st.integers(0, 6))):
        keys = draw(
            st.sampled_from([(), ("cohorts", 0), ("cohorts", 0, "participants", 1), ("x",)])
        )
        row = draw(st.none() | st.integers(1, 10**6))
        last = None if row is None else draw(st.none() | st.integers(row + 1, 2 * 10**6))
        made.append(
            Finding(
                draw(texts.filter(bool)),
                draw(st.sampled_from(list(Severity))),
                Location(keys, draw(st.one_of(st.none(), texts)), row, last),
                draw(texts),
                draw(texts),
                value=draw(st.one_of(st.none(), texts, st.integers(), st.lists(texts, max_size=2))),
                source=draw(st.none() | texts),
            )
        )
    return made


def _rows(found: list[Finding], lang: str) -> tuple[Report, list[tuple[str | int, ...]]]:
    report = Report(found)
    document = Loaded(cohorts=(), document=RawDocument({}, "f.csv"))
    return report, list(finding_rows([document], [report], lang))


@settings(max_examples=200, deadline=None)
@given(findings(), st.sampled_from(["en", "id"]))
def test_the_csv_report_reads_back_as_the_findings_and_runs_no_formula(
    found: list[Finding], lang: str
) -> None:
    report, rows = _rows(found, lang)
    out = io.StringIO(newline="")
    write_csv(out, rows, lang)
    header, *back = read_back(out.getvalue(), ";" if lang == "id" else ",")
    assert header == list(HEADERS[lang])
    assert [(restored(row[7]), row[2], row[3], restored(row[9])) for row in back] == [
        (
            f.code,
            str(f.location.row or ""),
            str(f.location.last_row or ""),
            f.message(lang),
        )
        for f in report
    ]
    assert [[restored(cell) for cell in row] for row in back] == [
        [str(cell) for cell in row] for row in rows
    ]
    for row in back:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(findings(), st.sampled_from(["en", "id"]))
def test_the_workbook_reads_back_as_the_rows_and_holds_no_formula(
    tmp_path: Path, found: list[Finding], lang: str
) -> None:
    report, rows = _rows(found, lang)
    target = tmp_path / "r.xlsx"
    document = Loaded(cohorts=(), document=RawDocument({}, "f.csv"))
    summary = ReadSummary.of([document], [report], [()])
    tables.emit_xlsx(rows, summary, lang, str(target))
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    back = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    expected = [
        [excel_text(cell) or None if isinstance(cell, str) else cell for cell in row]
        for row in rows
    ]
    assert back == expected
    for each in book.worksheets:
        for row in each.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS)


def test_neutralised_is_undone_by_restored() -> None:
    for text in ["", "a", "'", "''", "=1", "-3", "@x", "\tx", "\rx", "+", "'=1"]:
        assert restored(neutralised(text)) == text
        assert not neutralised(text).startswith(FORMULA_STARTS)


def test_a_file_name_that_is_not_utf8_is_written_escaped_in_csv_and_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "peserta-\udcff.csv"  # the name b"peserta-\xff.csv" as Python sees it
    source.write_bytes((EXAMPLES / "participants.csv").read_bytes())
    facts = ["--track", "III", "--method", "klasikal", "--start", "2019-10-17"]
    assert main(["validate", str(source), *facts, "--format", "csv"]) == 1
    assert "peserta-\\udcff.csv" in capsys.readouterr().out
    assert main(["validate", str(source), *facts, "-o", str(tmp_path / "laporan.xlsx")]) == 1
