from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import cli
from pelatihan.calendar import calendar_data
from pelatihan.cli import ProgressLine, build_parser, main
from pelatihan.cli._common import PROGRESS_THRESHOLD, _boundary
from pelatihan.io.schema import cohort_schema
from pelatihan.validation import Finding, Location, Report, Severity, catalogue

SRC = Path(__file__).resolve().parents[1] / "src"
EXAMPLES = SRC.parent / "examples"
HAVE_ICALENDAR = importlib.util.find_spec("icalendar") is not None

VALID_NIP = "19950417 202403 2 004"


def participant(**fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "nip": VALID_NIP,
        "name": "Dewi Lestari",
        "grade": "III/a",
        "agency": "Dinas Kesehatan Provinsi Jawa Timur",
    }
    record.update(fields)
    return record


def cohort(*participants: dict[str, object], **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "jatim-2024-1",
        "name": "Angkatan XII",
        "track": "III",
        "method": "blended",
        "start": "2024-04-22",
        "regime": "perlan-1-2021+10-2021",
        "organizer": {"name": "BPSDM Provinsi Jawa Timur", "accredited": True},
        "participants": list(participants) or [participant()],
    }
    record.update(fields)
    return record


def document(*cohorts: dict[str, object]) -> dict[str, object]:
    return {"format": "pelatihan/cohorts@1", "cohorts": list(cohorts) or [cohort()]}


def write_json(folder: Path, name: str, data: object) -> str:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture
def valid_file(tmp_path: Path) -> str:
    return write_json(tmp_path, "angkatan-xii.json", document())


@pytest.fixture
def errors_file(tmp_path: Path) -> str:
    data = document(
        cohort(
            participant(),
            participant(nip="19950417 202403 3 004", name="Budi Santoso", grade="IV/a"),
            5,  # type: ignore[arg-type]  # a participant that is not an object
        )
    )
    data["colour"] = "blue"
    return write_json(tmp_path, "angkatan-salah.json", data)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- validate ------------------------------------------------------------------------------


def test_a_valid_file_exits_0_with_no_findings(
    capsys: pytest.CaptureFixture[str], valid_file: str
) -> None:
    code, out, err = run(capsys, "validate", valid_file)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Read 1 file: 1 cohort, 1 participant",
        valid_file,
        "  no findings",
        "0 errors, 0 warnings, 0 info",
    ]


def test_errors_exit_1_grouped_per_file_cohort_and_participant(
    capsys: pytest.CaptureFixture[str], errors_file: str
) -> None:
    code, out, err = run(capsys, "validate", errors_file)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "Read 1 file: 1 cohort, 3 participants"
    assert lines[1] == errors_file
    assert lines[2] == "  Angkatan XII (jatim-2024-1)"
    assert lines[3] == "    Budi Santoso, NIP 19950417 202403 3 004"
    budi = [line for line in lines[4:] if line.startswith("      ")][:2]
    assert any("nip.sex" in line for line in budi)
    assert any("track.none" in line for line in budi)
    assert "    participant #3" in lines
    assert "  File findings" in lines
    assert any("input.unknown-key" in line and "$.colour" in line for line in lines)
    # The file's own findings come after its cohorts; the summary ends the output.
    assert lines.index("  File findings") > lines.index("    participant #3")
    assert lines[-1] == "3 errors, 1 warning, 0 info"
    assert lines[-1] == pelatihan.validate(errors_file).to_text().splitlines()[-1]


def test_the_summary_line_is_that_of_report_to_text() -> None:
    def finding(severity: Severity) -> Finding:
        return Finding("x.y", severity, Location("$"), "en", "id")

    for counts in ((0, 0, 0), (1, 1, 1), (2, 3, 4)):
        findings = [
            finding(severity)
            for severity, count in zip(Severity, counts, strict=True)
            for _ in range(count)
        ]
        report = Report(findings)
        for lang in ("en", "id"):
            expected = report.to_text(lang).splitlines()[-1]
            assert report.summary(lang) == expected


def test_format_json_is_exactly_the_report_json(
    capsys: pytest.CaptureFixture[str], errors_file: str
) -> None:
    code, out, _ = run(capsys, "validate", errors_file, "--format", "json")
    assert code == 1
    data = json.loads(out)
    summary = {
        "files": 1,
        "sheets": 0,
        "cohorts": 1,
        "participants": 3,
        "rows_skipped": {},
        "findings": {"error": 3, "warning": 1, "info": 0},
    }
    assert data["summary"] == summary
    calendar = calendar_data().to_dict()  # the holiday data the checks used
    assert data["calendar"] == calendar
    report = pelatihan.validate(pelatihan.load(errors_file))
    assert out == report.to_json(summary=summary, calendar=calendar) + "\n"
    assert data["ok"] is False
    assert data["counts"] == {"error": 3, "warning": 1, "info": 0}
    assert Report.from_dict(data) == report


def test_several_files_make_one_report(
    capsys: pytest.CaptureFixture[str], valid_file: str, errors_file: str
) -> None:
    code, out, _ = run(capsys, "validate", valid_file, errors_file, "--format", "json")
    assert code == 1
    expected = pelatihan.validate_files([valid_file, errors_file])
    summary = json.loads(out)["summary"]
    assert (summary["files"], summary["cohorts"], summary["participants"]) == (2, 2, 4)
    assert summary["findings"] == expected.counts()
    assert out == expected.to_json(summary=summary, calendar=calendar_data().to_dict()) + "\n"
    alone = pelatihan.validate(valid_file) + pelatihan.validate(errors_file)
    # the two files share a NIP: the second file's first one is reported
    assert expected.counts_by_code() == {
        **alone.counts_by_code(),
        "participant.duplicate-nip-across-files": 1,
    }
    code, out, _ = run(capsys, "validate", valid_file, errors_file)
    lines = out.splitlines()
    assert lines[:3] == ["Read 2 files: 2 cohorts, 4 participants", valid_file, "  no findings"]
    assert errors_file in lines
    assert lines[-1] == "4 errors, 1 warning, 0 info"


def test_lang_id_gives_indonesian_messages(
    capsys: pytest.CaptureFixture[str], errors_file: str
) -> None:
    code, out, _ = run(capsys, "validate", errors_file, "--lang", "id")
    assert code == 1
    assert "kunci 'colour' tidak dikenal" in out
    assert "    peserta ke-3" in out
    assert "  Temuan berkas" in out
    assert out.splitlines()[-1] == "3 kesalahan, 1 peringatan, 0 info"
    assert "is ignored" not in out


def test_basis_adds_each_findings_citation_and_status(
    capsys: pytest.CaptureFixture[str], errors_file: str
) -> None:
    _, plain, _ = run(capsys, "validate", errors_file)
    _, cited, _ = run(capsys, "validate", errors_file, "--basis")
    assert "[Peraturan Kepala BKN 22/2007]" not in plain
    assert "[Peraturan Kepala BKN 22/2007]" in cited
    assert "[Peraturan LAN 1/2021, INF]" in cited  # the track figure's basis and status


def test_output_writes_the_report_to_a_file(
    capsys: pytest.CaptureFixture[str], errors_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "laporan.json"
    code, out, err = run(capsys, "validate", errors_file, "--format", "json", "-o", str(target))
    assert (code, out, err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["counts"]["error"] == 3


def test_an_unwritable_output_exits_2(
    capsys: pytest.CaptureFixture[str], valid_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "laporan.txt"
    code, _, err = run(capsys, "validate", valid_file, "--output", str(target))
    assert code == 2
    assert err.startswith("pelatihan: ")
    assert "cannot be written" in err


CSV_HEADER = "NIP;Nama;Gol/Ruang;Instansi"
CSV_ROW = f"{VALID_NIP};Dewi Lestari;III/a;Dinas Kesehatan"


def test_csv_takes_the_cohort_facts_from_the_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(f"{CSV_HEADER}\n{CSV_ROW}\n", encoding="utf-8")
    options = ["--track", "III", "--method", "blended", "--start", "2024-04-22"]
    code, out, err = run(capsys, "validate", str(path), *options, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["counts"]["error"] == 0
    code, out, _ = run(capsys, "validate", str(path), "--track", "III", "--start", "2024-04-22")
    assert code == 1  # without a method the cohort is incomplete
    assert "input.missing" in out
    assert "$.cohorts[0].method" in out


def test_csv_participant_headers_give_the_file_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "peserta.csv"
    bad = "19950417 202403 2 00;Budi Santoso;III/a;Dinas Kesehatan"
    path.write_text(f"{CSV_HEADER}\n{CSV_ROW}\n{bad}\n", encoding="utf-8")
    options = ["--track", "III", "--method", "blended", "--start", "2024-04-22"]
    code, out, _ = run(capsys, "validate", str(path), *options, "--cohort", "Angkatan I")
    assert code == 1
    assert "  Angkatan I\n" in out
    assert "    Budi Santoso, NIP 19950417 202403 2 00, row 3\n" in out
    code, out, _ = run(capsys, "validate", str(path), *options, "--lang", "id")
    assert "Budi Santoso, NIP 19950417 202403 2 00, baris 3" in out


def test_cohort_options_with_a_json_file_are_noted_on_stderr(
    capsys: pytest.CaptureFixture[str], valid_file: str
) -> None:
    code, out, err = run(capsys, "validate", valid_file, "--track", "II")
    assert code == 0
    note = "pelatihan: note: --track applies to CSV and Excel files only; ignored for "
    assert err == f"{note}{valid_file}\n"
    assert out.endswith("0 errors, 0 warnings, 0 info\n")


def test_an_unreadable_file_exits_2_with_a_message_and_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "angkatan.json"
    path.write_text("this is not JSON", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"pelatihan: {path}: ")
    assert "Traceback" not in err


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "tidak-ada.json"))
    assert (code, out) == (2, "")
    assert err.startswith("pelatihan: ")
    assert "tidak-ada.json" in err


def test_an_unknown_extension_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "angkatan.doc"
    path.write_bytes(b"")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert "unknown file type .doc" in err


def test_every_unusable_file_is_reported_before_exiting_2(
    capsys: pytest.CaptureFixture[str], valid_file: str, tmp_path: Path
) -> None:
    missing = str(tmp_path / "a.json")
    code, out, err = run(capsys, "validate", missing, valid_file, str(tmp_path / "b.doc"))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("pelatihan: ") for line in lines)


def test_a_missing_optional_extra_exits_2_with_the_install_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EXAMPLES / "participants.xlsx", tmp_path / "peserta.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # "import openpyxl" fails
    code, _, err = run(capsys, "validate", str(tmp_path / "peserta.xlsx"))
    assert code == 2
    assert "pip install 'pelatihan[xlsx]'" in err
    assert "Traceback" not in err


def test_a_missing_module_that_is_not_an_extra_is_a_bug_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Any:
        raise ModuleNotFoundError("No module named 'pelatihan.io.nothing'", name="nothing")

    monkeypatch.setattr("pelatihan.cli._validate.load", broken)
    monkeypatch.setattr("pelatihan.cli._validate.open_json", broken)  # a JSON file in shares
    for jobs in ("1", "0"):
        with pytest.raises(ModuleNotFoundError):
            main(["validate", str(tmp_path / "a.json"), "--jobs", jobs])


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "x.json", "--start", "2024-13-01"],
        ["validate", "x.json", "--start", "22-04-2024"],
        ["validate", "x.json", "--track", "V"],
        ["validate", "x.json", "--method", "online"],
        ["validate", "x.json", "--regime", "perlan-99-2099"],
        ["validate", "x.json", "--format", "xml"],
        ["validate", "x.json", "--lang", "fr"],
        ["validate"],
        ["frobnicate"],
        [],
        ["plan", "--start", "2024-04-22", "--track", "III"],
        ["plan", "--start", "2024-04-22", "--track", "III", "--method", "blended", "--closure"],
    ],
)
def test_usage_errors_exit_2_with_the_usage_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert "usage: pelatihan" in err
    assert "error:" in err


def test_track_and_method_options_accept_the_librarys_spellings() -> None:
    args = build_parser().parse_args(
        ["validate", "x.csv", "--track", "Gol. III", "--method", "Blended Learning"]
    )
    assert (args.track.value, args.method.value) == ("III", "blended")


def test_version_and_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    data = calendar_data()
    years = f"{data.confirmed_years[0]}-{data.confirmed_years[-1]}"
    data_line = f"holidays {data.holidays_version}: national holidays and cuti bersama"
    data_line += f" confirmed for {years}"
    assert (code, out) == (0, f"pelatihan {pelatihan.__version__}\n{data_line}\n")
    assert data.holidays_version == importlib.metadata.version("holidays")
    code, out, _ = run(capsys, "--version", "--lang", "id")
    assert code == 0
    assert out.endswith(f"cuti bersama sudah ditetapkan untuk tahun {years}\n")
    code, out, _ = run(capsys, "validate", "--help")
    assert code == 0
    assert "--track" in out


class FakeStream(io.StringIO):
    def __init__(self, *, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_shows_on_a_terminal_above_the_threshold_and_is_cleared() -> None:
    stream = FakeStream(tty=True)
    line = ProgressLine(stream, 250_000)
    assert line.enabled
    line.update(12_000)
    line.update(250_000)
    assert stream.getvalue() == (
        "\rvalidating 12,000/250,000 participants\rvalidating 250,000/250,000 participants"
    )
    line.clear()
    width = len("validating 250,000/250,000 participants")
    assert stream.getvalue().endswith("participants\r" + " " * width + "\r")


def test_progress_is_rewritten_at_most_ten_times_a_second_and_always_at_the_end() -> None:
    stream = FakeStream(tty=True)
    line = ProgressLine(stream, 3_000)
    for done in (1_000, 2_000, 2_500):  # in quick succession
        line.update(done)
    assert stream.getvalue() == "\rvalidating 1,000/3,000 participants"
    line.update(3_000)
    assert stream.getvalue().endswith("\rvalidating 3,000/3,000 participants")


def test_progress_beyond_an_estimated_total_shows_the_count_as_the_total() -> None:
    stream = FakeStream(tty=True)
    line = ProgressLine(stream, 249_668)  # a JSON file's participants, estimated from a sample
    line.update(250_000)
    assert stream.getvalue() == "\rvalidating 250,000/250,000 participants"


def test_progress_is_in_indonesian_with_lang_id() -> None:
    stream = FakeStream(tty=True)
    line = ProgressLine(stream, 250_000, lang="id")
    line.update(12_000)
    assert stream.getvalue() == "\rmemvalidasi 12.000/250.000 peserta"


@pytest.mark.parametrize(
    ("tty", "total", "shown"),
    [
        (True, PROGRESS_THRESHOLD + 1, True),
        (True, PROGRESS_THRESHOLD, False),
        (False, 250_000, False),
    ],
)
def test_progress_needs_a_terminal_and_more_participants_than_the_threshold(
    tty: bool, total: int, shown: bool
) -> None:
    stream = FakeStream(tty=tty)
    line = ProgressLine(stream, total)
    line.update(total)
    line.clear()
    assert line.enabled is shown
    assert bool(stream.getvalue()) is shown


def test_progress_on_a_stream_without_isatty_is_off() -> None:
    class Closed(io.StringIO):
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert not ProgressLine(Closed(), 250_000).enabled


def test_validate_shows_progress_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = [participant(nip=f"19950417 202403 2 {n:03d}") for n in range(1, 6)]
    path = write_json(tmp_path, "besar.json", document(cohort(*people)))
    monkeypatch.setattr("pelatihan.cli._common.PROGRESS_THRESHOLD", 4)
    terminal = FakeStream(tty=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", path]) == 0
    assert terminal.getvalue().startswith("\rvalidating 5/5 participants")
    assert terminal.getvalue().endswith("\r")
    assert capsys.readouterr().out.endswith("0 errors, 0 warnings, 0 info\n")
    pipe = FakeStream(tty=False)
    monkeypatch.setattr(sys, "stderr", pipe)
    assert main(["validate", path]) == 0
    assert pipe.getvalue() == ""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_in_a_json_file_exit_0_1_or_2(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "angkatan.json"
        path.write_bytes(data)
        assert main(["validate", str(path)]) in (0, 1, 2)


JSON_KEYS = ["format", "cohorts", *cohort(), *participant(), "phases", "kind", "colour"]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["pelatihan/cohorts@1", "III", "blended", "2024-04-22", VALID_NIP]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(JSON_KEYS) | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_document_exits_0_1_or_2(value: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "angkatan.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        assert main(["validate", str(path), "--basis"]) in (0, 1, 2)
        assert main(["validate", str(path), "--format", "json"]) in (0, 1, 2)


# -- plan ----------------------------------------------------------------------------------

PLAN_2024 = ["plan", "--start", "2024-04-22", "--track", "III", "--method", "blended"]


def test_plan_prints_the_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *PLAN_2024)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Latsar CPNS Golongan III, blended: Peraturan LAN 1/2021 jo. 10/2021 "
        "(perlan-1-2021+10-2021)"
    )
    assert lines[1].split() == ["#", "phase", "kind", "setting", "start", "end", "training", "days"]
    assert lines[2].split()[-3:] == ["2024-04-22", "2024-05-16", "16"]
    assert "in class" in lines[5]
    assert lines[5].split()[-1] == "6"
    assert lines[6] == (
        "2024-04-22 to 2024-08-12: 6 days in class, 68 days out of class, 74 training days in total"
    )
    assert lines[7] == "647 JP (lesson hours, SEC)"


def test_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *PLAN_2024, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == [
        "regime",
        "method",
        "track",
        "start",
        "end",
        "days_in_class",
        "days_out_of_class",
        "days_total",
        "jp",
        "phases",
    ]
    assert (data["regime"], data["method"], data["track"]) == (
        "perlan-1-2021+10-2021",
        "blended",
        "III",
    )
    assert (data["start"], data["end"], data["days_total"], data["jp"]) == (
        "2024-04-22",
        "2024-08-12",
        74,
        647,
    )
    assert (data["days_in_class"], data["days_out_of_class"]) == (6, 68)
    assert [phase["kind"] for phase in data["phases"]] == [
        "mooc",
        "elearning",
        "habituasi",
        "klasikal",
    ]
    assert set(data["phases"][0]) == {"kind", "label", "setting", "start", "end", "training_days"}
    assert sum(phase["training_days"] for phase in data["phases"]) == 74


def test_plan_of_the_2018_regime_has_no_jp(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--start", "2019-10-17", "--track", "III", "--method", "klasikal"]
    code, out, _ = run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert (code, data["regime"], data["days_total"], data["jp"]) == (0, "perlan-12-2018", 51, None)
    _, text, _ = run(capsys, *argv)
    assert text.splitlines()[-1] == "JP (lesson hours): not established"


def test_plan_closures_move_the_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *PLAN_2024, "--format", "json")
    _, closed, _ = run(
        capsys, *PLAN_2024, "--format", "json", "--closure", "2024-04-22", "2024-04-23"
    )
    assert json.loads(closed)["phases"][0]["start"] == "2024-04-24"
    assert json.loads(closed)["end"] > json.loads(out)["end"]


@pytest.mark.skipif(not HAVE_ICALENDAR, reason="needs the optional dependency icalendar")
def test_plan_ics_writes_the_calendar(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "angkatan.ics"
    code, out, _ = run(capsys, *PLAN_2024, "--ics", str(target))
    assert code == 0
    assert out.startswith("Latsar CPNS")
    data = target.read_text(encoding="utf-8")
    assert data.startswith("BEGIN:VCALENDAR")
    assert data.count("BEGIN:VEVENT") == 4
    assert "UID:latsar-iii-blended-2024-04-22-phase-1@pelatihan" in data
    named = tmp_path / "named.ics"
    run(capsys, *PLAN_2024, "--ics", str(named), "--cohort-id", "jatim-2024-1", "--name", "XII")
    text = named.read_text(encoding="utf-8")
    assert "UID:jatim-2024-1-phase-1@pelatihan" in text
    assert "Latsar CPNS XII" in text


def test_plan_ics_with_an_unusable_cohort_id_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("icalendar")
    code, out, err = run(capsys, *PLAN_2024, "--ics", str(tmp_path / "a.ics"), "--cohort-id", "//")
    assert (code, out) == (2, "")
    assert err.startswith("pelatihan: cohort id '//'")


def test_plan_with_an_open_figure_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["plan", "--start", "2022-03-01", "--track", "III", "--method", "klasikal"]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("pelatihan: cannot plan: ")
    assert "methods.klasikal.phases[0].days" in err
    assert "Traceback" not in err


def test_plan_before_any_regime_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "plan", "--start", "2017-03-01", "--track", "II", "--method", "klasikal"
    )
    assert code == 2
    assert err.startswith(
        "pelatihan: no Latsar regime modelled for a cohort starting on 2017-03-01"
    )


def test_a_pppk_number_is_shown_as_one_in_both_languages_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pppk = participant(nip="19921107 202221 1 001", name="Rahmat Hidayat")
    path = write_json(tmp_path, "pppk.json", document(cohort(pppk)))
    code, out, err = run(capsys, "validate", path)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert "    Rahmat Hidayat, NIP 19921107 202221 1 001" in lines
    (line,) = [line for line in lines if "nip.pppk" in line]
    assert line.split()[:3] == ["error", "nip.pppk", "$.cohorts[0].participants[0].nip"]
    assert "looks like a PPPK number (NI PPPK); PPPK do not take Latsar CPNS" in line
    assert not any("nip.tmt" in line for line in lines)
    _, indonesian, _ = run(capsys, "validate", path, "--lang", "id")
    assert "tampaknya nomor PPPK (NI PPPK); PPPK tidak mengikuti Latsar CPNS" in indonesian
    _, rules, _ = run(capsys, "rules")
    assert "nip.pppk (error): Looks like a PPPK number, not a NIP" in rules


# -- rules, regimes, schema ----------------------------------------------------------------


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "schedule.days-total (error): Total days differ from the rulebook" in out
    _, indonesian, _ = run(capsys, "rules", "--lang", "id")
    assert "schedule.days-total (kesalahan): " in indonesian
    _, text, _ = run(capsys, "rules", "--format", "json")
    data = json.loads(text)
    assert [rule["code"] for rule in data] == [rule.code for rule in catalogue.rules()]
    days_total = next(rule for rule in data if rule["code"] == "schedule.days-total")
    assert days_total["severity"] == "error"
    assert set(days_total) == {"code", "severity", "title", "checks", "basis"}


def test_regimes_lists_regimes_and_instruments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regimes")
    assert code == 0
    assert "  perlan-12-2018  Peraturan LAN 12/2018  in force from 2018-12-31 (OPEN)" in out
    assert "Instruments" in out
    assert "uu-5-2014" in out
    _, text, _ = run(capsys, "regimes", "--format", "json")
    data = json.loads(text)
    assert [regime["id"] for regime in data["regimes"]] == [
        regime.id for regime in pelatihan.legal.regimes()
    ]
    assert [item["id"] for item in data["instruments"]] == [
        item.id for item in pelatihan.legal.instruments()
    ]
    assert data["regimes"][0]["in_force_from"]["status"] == "OPEN"


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == cohort_schema()


def test_build_parser_names_every_command() -> None:
    parser = build_parser()
    assert parser.prog == "pelatihan"
    help_text = parser.format_help()
    for command in ("validate", "plan", "rules", "regimes", "schema"):
        assert command in help_text


# -- the real command ----------------------------------------------------------------------


def command(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "pelatihan", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_python_m_pelatihan_exit_codes(tmp_path: Path, valid_file: str, errors_file: str) -> None:
    ok = command("validate", valid_file, cwd=tmp_path)
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.endswith("0 errors, 0 warnings, 0 info\n")
    failed = command("validate", errors_file, "--format", "json", cwd=tmp_path)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["ok"] is False
    (tmp_path / "rusak.json").write_text("{", encoding="utf-8")
    unreadable = command("validate", "rusak.json", cwd=tmp_path)
    assert (unreadable.returncode, unreadable.stdout) == (2, "")
    assert unreadable.stderr.startswith("pelatihan: rusak.json: ")
    assert "Traceback" not in unreadable.stderr
    usage = command("validate", "rusak.json", "--start", "2024-13-01", cwd=tmp_path)
    assert usage.returncode == 2
    assert usage.stderr.startswith("usage: pelatihan validate")
    assert "Traceback" not in usage.stderr


def test_the_command_ends_its_process_with_all_its_output_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real command (``run``) ends at once, yet writes what ``main`` writes, to a pipe too."""
    people = [
        participant(nip=f"19950417 202403 2 {n:03d}", name=f"Peserta {n}", grade="IV/a")
        for n in range(1, 400)
    ]
    many = write_json(tmp_path, "banyak.json", document(cohort(*people)))
    for argv in (["validate", many], ["validate", many, "--format", "json", "--lang", "id"]):
        real = command(*argv, cwd=tmp_path)
        code, out, err = run(capsys, *argv)
        assert (real.returncode, real.stdout, real.stderr) == (code, out, err)
        assert code == 1
        assert len(out) > 65536  # more than a pipe's buffer: flushed before the end
    assert cli._common._kept is None  # main() in a program of one's own keeps nothing


def test_what_the_command_keeps_until_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the command's entry point turns keeping on; called from a program, nothing is held."""
    monkeypatch.setattr(cli._common, "_kept", None)
    found = object()
    cli._common.keep_until_exit(found)
    assert cli._common._kept is None
    cli._common.start_keeping()
    cli._common.keep_until_exit(found, "report")
    kept = cli._common._kept
    cli._common.start_keeping()  # again: what was kept stays kept
    assert cli._common._kept is kept
    assert kept == [found, "report"]


def test_python_m_pelatihan_shows_holiday_warnings_on_stderr(tmp_path: Path) -> None:
    result = command(
        "plan", "--start", "2099-03-02", "--track", "III", "--method", "blended", cwd=tmp_path
    )
    assert result.returncode == 0
    assert "pelatihan: warning: holiday data for 2099 is not confirmed" in result.stderr
    assert "Traceback" not in result.stderr


# -- validate --results ---------------------------------------------------------------------

OTHER_NIP = "19960512 202403 1 002"
NOBODY_NIP = "19990101 202403 1 099"
RESULTS_HEADER = "NIP;Nama;Tes MOOC;Tes E-Learning;Sikap Perilaku;Aktualisasi"


@pytest.fixture
def two_people_file(tmp_path: Path) -> str:
    people = (participant(), participant(nip=OTHER_NIP, name="Budi Santoso"))
    return write_json(tmp_path, "angkatan.json", document(cohort(*people)))


def write_results(folder: Path, *rows: str, header: str = RESULTS_HEADER) -> str:
    path = folder / "hasil.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


def test_results_findings_are_shown_under_the_participant_with_the_results_file_row(
    capsys: pytest.CaptureFixture[str], two_people_file: str, tmp_path: Path
) -> None:
    results = write_results(
        tmp_path,
        f"{OTHER_NIP};Budi;80;78;85;88",
        f"{NOBODY_NIP};Siapa;70;70;70;70",
    )
    code, out, err = run(capsys, "validate", two_people_file, "--results", results)
    assert (code, err) == (1, "")  # the NIP of nobody is an error
    lines = out.splitlines()
    budi = lines.index(f"    Budi Santoso, NIP {OTHER_NIP}")
    assert "results.incomplete" in lines[budi + 1]
    assert f"{results}:2 $.cohorts[0].results[0]" in lines[budi + 1]
    dewi = lines.index(f"    Dewi Lestari, NIP {VALID_NIP}")
    assert "results.missing" in lines[dewi + 1]
    own = lines.index("    Cohort findings")
    assert "results.unknown-nip" in lines[own + 1]
    assert f"{results}:3 $.cohorts[0].results[1].nip" in lines[own + 1]
    assert lines[-1] == "1 error, 0 warnings, 2 info"


def test_results_json_report_gives_each_result_finding_the_results_file_and_row(
    capsys: pytest.CaptureFixture[str], two_people_file: str, tmp_path: Path
) -> None:
    results = write_results(tmp_path, f"{OTHER_NIP};Budi;80;78;85;200")
    code, out, _ = run(
        capsys, "validate", two_people_file, "--results", results, "--format", "json"
    )
    assert code == 1
    found = {item["code"]: item for item in json.loads(out)["findings"]}
    score = found["results.score"]
    assert (score["file"], score["row"]) == (results, 2)
    assert score["path"] == "$.cohorts[0].results[0].scores.actualisation"
    assert "row" not in found["results.missing"]
    assert found["results.missing"]["file"] == two_people_file


def test_findings_about_the_results_file_itself_follow_under_its_name(
    capsys: pytest.CaptureFixture[str], two_people_file: str, tmp_path: Path
) -> None:
    results = write_results(
        tmp_path, f"{VALID_NIP};Dewi;80;78;85;88;x", "", header=RESULTS_HEADER + ";Catatan"
    )
    code, out, _ = run(capsys, "validate", two_people_file, "--results", results, "--lang", "id")
    assert code == 0
    lines = out.splitlines()
    at = lines.index(results)
    assert lines[at + 1] == "  Temuan berkas"
    assert "input.unknown-column" in lines[at + 2]
    assert "input.blank-row" in lines[at + 3]
    assert lines.index(two_people_file) < at


def test_results_go_to_the_file_with_the_participant_among_several_files(
    capsys: pytest.CaptureFixture[str], valid_file: str, tmp_path: Path
) -> None:
    other = write_json(
        tmp_path,
        "angkatan-2.json",
        document(cohort(participant(nip=OTHER_NIP, name="Budi Santoso"), id="jatim-2024-2")),
    )
    results = write_results(tmp_path, f"{OTHER_NIP};Budi;80;78;85;88")
    code, out, _ = run(
        capsys, "validate", valid_file, other, "--results", results, "--format", "json"
    )
    assert code == 0
    paths = {(f["code"], f["file"]) for f in json.loads(out)["findings"]}
    assert ("results.incomplete", results) in paths
    assert ("results.missing", valid_file) not in paths  # the first file has no results


def test_results_may_be_a_json_list(
    capsys: pytest.CaptureFixture[str], two_people_file: str, tmp_path: Path
) -> None:
    items = [
        {"nip": VALID_NIP, "scores": {"mooc_test": 80}},
        {"nip": OTHER_NIP, "cohort": "jatim-2024-1", "scores": {"mooc_test": 70}},
    ]
    results = write_json(tmp_path, "hasil.json", items)
    code, out, _ = run(capsys, "validate", two_people_file, "--results", results)
    assert code == 0
    assert out.count("results.incomplete") == 2
    assert f"{results} $.cohorts[0].results[1]" in out


def test_the_participant_header_keeps_the_cohort_files_row_beside_results_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(f"{CSV_HEADER}\n{CSV_ROW}\n", encoding="utf-8")
    results = write_results(tmp_path, f"{VALID_NIP};Dewi;80;78;85;88")
    options = ["--track", "III", "--method", "blended", "--start", "2024-04-22"]
    code, out, _ = run(capsys, "validate", str(path), *options, "--results", results)
    assert code == 0
    assert f"    Dewi Lestari, NIP {VALID_NIP}, row 2\n" in out
    assert f"{results}:2 $.cohorts[0].results[0]" in out


def test_an_unusable_results_file_exits_2_and_every_unusable_file_is_named(
    capsys: pytest.CaptureFixture[str], valid_file: str, tmp_path: Path
) -> None:
    bad = tmp_path / "hasil.csv"
    bad.write_text("Nama;Sikap\nDewi;80\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", valid_file, "--results", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"pelatihan: {bad}: no NIP column")
    code, _, err = run(
        capsys, "validate", str(tmp_path / "a.json"), "--results", str(tmp_path / "b.xls")
    )
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert "a.json" in lines[0]
    assert "unknown file type .xls for results" in lines[1]


def test_plan_writes_an_svg_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.svg"
    code = cli.main(
        [
            "plan",
            "--start",
            "2024-04-22",
            "--track",
            "III",
            "--method",
            "blended",
            "--svg",
            str(target),
        ]
    )
    capsys.readouterr()
    assert code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert svg.count('class="phase') == 4


def test_plan_svg_to_an_unwritable_place_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(
        [
            "plan",
            "--start",
            "2024-04-22",
            "--track",
            "III",
            "--method",
            "blended",
            "--svg",
            "/nonexistent/x.svg",
        ]
    )
    assert code == 2
    assert "cannot be written" in capsys.readouterr().err


def test_regimes_lists_each_regime_with_its_decrees_and_uncertain_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "regimes")
    assert code == 0
    assert "perlan-1-2021+10-2021+kep-2024" in out
    assert "decrees: Keputusan Kepala LAN 580/K.1/PDP.07/2024, Keputusan Kepala LAN 581" in out
    code, out, _ = run(capsys, "regimes", "--format", "json")
    newest = json.loads(out)["regimes"][-1]
    assert newest["decrees"] == ["kep-580-2024", "kep-581-2024"]
    assert newest["in_force_from"]["earliest"] == "2024-01-01"
    assert newest["in_force_from"]["date"] == "2025-01-01"


def test_a_regime_boundary_from_the_command_line_replaces_the_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unclaimed = cohort(start="2024-09-02")
    del unclaimed["regime"]
    path = write_json(tmp_path, "a.json", document(unclaimed))
    code, out, _ = run(capsys, "validate", path, "--format", "json")
    assert code == 0
    assert [f["code"] for f in json.loads(out)["findings"]] == ["schedule.regime-default"]
    newest = "perlan-1-2021+10-2021+kep-2024"
    code, out, _ = run(
        capsys, "validate", path, "--format", "json", "--in-force-from", f"{newest}=2024-07-01"
    )
    assert (code, json.loads(out)["findings"]) == (0, [])
    code, out, _ = run(
        capsys,
        "plan",
        "--start",
        "2024-09-02",
        "--track",
        "III",
        "--method",
        "blended",
        "--in-force-from",
        f"{newest}=2024-07-01",
        "--format",
        "json",
    )
    assert (code, json.loads(out)["regime"], json.loads(out)["days_total"]) == (0, newest, 62)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("perlan-9-2099=2024-07-01", "is not a regime id"),
        ("perlan-1-2021+10-2021+kep-2024", "is not written REGIME=YYYY-MM-DD"),
        ("perlan-1-2021+10-2021+kep-2024=1 Juli 2024", "is not a date written YYYY-MM-DD"),
    ],
)
def test_a_bad_regime_boundary_is_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], valid_file: str, given: str, expected: str
) -> None:
    code, _, err = run(capsys, "validate", valid_file, "--in-force-from", given)
    assert code == 2
    assert expected in err


@given(
    st.sampled_from([regime.id for regime in pelatihan.legal.regimes()]),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.text(" \t", max_size=2),
)
def test_a_regime_boundary_argument_reads_back_what_was_written(
    regime: str, day: datetime.date, space: str
) -> None:
    assert _boundary(f"{space}{regime}{space}={day.isoformat()}") == (regime, day)


@given(st.text(max_size=40))
def test_a_regime_boundary_argument_is_read_or_refused_with_a_message(text: str) -> None:
    known = {item.id for item in pelatihan.legal.regimes()}
    regime, sep, _ = text.partition("=")
    if not sep or regime.strip() not in known:
        with pytest.raises(argparse.ArgumentTypeError, match=r"REGIME=YYYY-MM-DD|not a regime id"):
            _boundary(text)
        return
    try:
        found = _boundary(text)
    except argparse.ArgumentTypeError as error:
        assert "is not a date written YYYY-MM-DD" in str(error)  # noqa: PT017
        return
    assert found[0] in known
