"""``pelatihan allocate``: the plan's files, its exit status, and the plan read back by validate."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pelatihan.cli import main

EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "intake-2025.csv")
WINDOW = ["--from", "2025-09-01", "--until", "2026-06-30", "--method", "blended"]


def test_the_example_intake_is_planned_and_its_json_validates_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    assert main(["allocate", EXAMPLE, "--rooms", "2", *WINDOW, "-o", str(plan)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("320 participants: 320 placed in 9 cohorts")
    data = json.loads(plan.read_text(encoding="utf-8"))
    assert sum(len(cohort["participants"]) for cohort in data["cohorts"]) == 320
    assert main(["validate", str(plan), "--format", "json", "--rooms", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    codes = {finding["code"] for finding in report["findings"]}
    assert not codes & {"participant.probation", "cohort.size", "cohorts.rooms"}


def test_the_csv_plan_has_a_row_per_participant_with_its_margin(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    assert (
        main(["allocate", EXAMPLE, "--rooms", "1", *WINDOW, "-o", str(plan), "--lang", "id"]) == 0
    )
    with plan.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert len(rows) == 320
    assert all(row["Ditempatkan"] == "ya" and int(row["Sisa (hari)"]) >= 0 for row in rows)


def test_participants_that_do_not_fit_exit_1_and_are_in_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.csv"
    late = ["--from", "2026-02-02", "--until", "2026-12-31", "--method", "blended"]
    assert main(["allocate", EXAMPLE, "--rooms", "1", *late, "-o", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "not placed:" in out
    assert "too-late" in out
    assert "intake-2025.csv:2 " in out
    with plan.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 320
    unplaced = [row for row in rows if row["Placed"] == "no"]
    assert unplaced
    notes = {row["Note"].split(":")[0] for row in unplaced}
    assert "too-late" in notes
    assert notes <= {"too-late", "rooms"}


def test_minimise_rooms_reports_the_least_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["allocate", EXAMPLE, "--minimise", "rooms", *WINDOW]) == 0
    assert "rooms: 1," in capsys.readouterr().out


def test_excel_svg_and_icalendar_outputs(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("icalendar")
    book, svg, ics = tmp_path / "plan.xlsx", tmp_path / "waves.svg", tmp_path / "plan.ics"
    args = ["-o", str(book), "--svg", str(svg), "--ics", str(ics)]
    assert main(["allocate", EXAMPLE, "--rooms", "2", *WINDOW, *args]) == 0
    sheet = openpyxl.load_workbook(book)["Allocation"]
    assert sheet["A2"].number_format == "@"
    assert isinstance(sheet["A2"].value, str)
    assert sheet.max_row == 321
    assert svg.read_text(encoding="utf-8").count('class="cohort"') == 9
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 9 * 4
    folder = tmp_path / "cohorts"
    folder.mkdir()
    assert main(["allocate", EXAMPLE, "--rooms", "2", *WINDOW, "--ics", str(folder)]) == 0
    assert len(list(folder.glob("*.ics"))) == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rooms", "1", *WINDOW, "-o", "plan.txt"], "does not say which format"),
        (
            [
                "--rooms",
                "1",
                "--from",
                "2026-01-01",
                "--until",
                "2025-01-01",
                "--method",
                "blended",
            ],
            "before --from",
        ),
        ([*WINDOW], "give --rooms N"),
    ],
)
def test_unusable_command_lines_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["allocate", EXAMPLE, *args]) == 2
    assert message in capsys.readouterr().err


def test_an_unreadable_intake_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.csv"
    assert main(["allocate", str(missing), "--rooms", "1", *WINDOW]) == 2
    assert str(missing) in capsys.readouterr().err
