"""``pelatihan allocate``: the plan's files, its exit status, and the plan read back by validate."""

from __future__ import annotations

import collections
import csv
import datetime
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


def _intake_2024(path: Path) -> Path:
    """Forty CPNS appointed in July 2024 and January 2025, in both tracks."""
    lines = ["NIP;Nama;Gol/Ruang;Instansi"]
    for n in range(1, 41):
        grade = "III/a" if n % 2 else "II/a"
        tmt = "202407" if n <= 20 else "202501"
        lines.append(f"19980101 {tmt} 1 {n:03d};Peserta {n};{grade};Dinas Kesehatan")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "figures",
    [
        ["--set", "methods.blended.phases[3].days=4"],
        ["--set", "methods.blended.phases[3].days=4", "--in-force-from", "kep=2024-12-09"],
    ],
)
def test_a_window_across_a_regime_boundary_plans_each_cohort_under_its_own_regime(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], figures: list[str]
) -> None:
    figures = [
        "perlan-1-2021+10-2021+kep-2024=2024-12-09" if item == "kep=2024-12-09" else item
        for item in figures
    ]
    intake, plan = _intake_2024(tmp_path / "intake.csv"), tmp_path / "plan.json"
    window = ["--from", "2024-12-09", "--until", "2025-06-30", "--method", "blended"]
    command = ["allocate", str(intake), "--rooms", "1", *window, *figures, "-o", str(plan)]
    assert main([*command, "--set", "cohort_size_max=8"]) == 0
    regimes = capsys.readouterr().out.splitlines()[2]
    assert regimes.startswith("regimes: ")
    cohorts = json.loads(plan.read_text(encoding="utf-8"))["cohorts"]
    boundary = "2024-12-09" if "--in-force-from" in figures else "2025-01-01"
    for cohort in cohorts:
        start = min(phase["start"] for phase in cohort["phases"])
        newer = "perlan-1-2021+10-2021+kep-2024"
        assert cohort["regime"] == (newer if start >= boundary else "perlan-1-2021+10-2021")
        assert f"{cohort['regime']} (" in regimes
    assert main(["validate", str(plan), "--format", "json", "--rooms", "1", *figures]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [
        finding["code"]
        for finding in report["findings"]
        if finding["severity"] != "info"
        and finding["code"] not in {"organizer.accreditation", "participant.probation-near"}
    ] == []


def test_rooms_from_a_file_of_room_days_are_kept_on_every_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rooms = tmp_path / "ruang.csv"
    # two rooms in the autumn, one the rest of the window (--rooms-default 1), none on 1 December
    lines = ["Tanggal;Ruang"]
    day = datetime.date(2025, 9, 1)
    while day <= datetime.date(2025, 11, 30):
        lines.append(f"{day.strftime('%d/%m/%Y')};2")
        day += datetime.timedelta(days=1)
    lines.append("2025-12-01;0")
    rooms.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = tmp_path / "plan.json"
    command = ["allocate", EXAMPLE, "--rooms", str(rooms), "--rooms-default", "1", *WINDOW]
    assert main([*command, "-o", str(plan)]) == 0
    out = capsys.readouterr().out
    assert f"rooms: per day from {rooms} (92 days of the window listed, 1 on the others)" in out
    use: collections.Counter[datetime.date] = collections.Counter()
    for cohort in json.loads(plan.read_text(encoding="utf-8"))["cohorts"]:
        use.update(
            datetime.date.fromisoformat(phase["start"]) + datetime.timedelta(days=offset)
            for phase in cohort["phases"]
            if phase["kind"] == "klasikal"
            for offset in range(
                (
                    datetime.date.fromisoformat(phase["end"])
                    - datetime.date.fromisoformat(phase["start"])
                ).days
                + 1
            )
        )
    assert use
    for day, used in use.items():
        allowed = 2 if datetime.date(2025, 9, 1) <= day <= datetime.date(2025, 11, 30) else 1
        assert used <= (0 if day == datetime.date(2025, 12, 1) else allowed), day
    assert max(use.values()) == 2


@pytest.mark.parametrize(
    ("rooms", "extra", "message"),
    [
        ("Tanggal;Ruang\n2025-09-01;x\n", [], "ruang.csv:2: the rooms 'x'"),
        ("Tanggal;Ruang\n2025-09-01;1\n", ["--minimise", "rooms"], "--minimise rooms needs"),
        (None, ["--rooms-default", "1"], "--rooms-default applies with --rooms FILE"),
    ],
)
def test_a_bad_room_days_file_or_option_exits_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rooms: str | None,
    extra: list[str],
    message: str,
) -> None:
    path = tmp_path / "ruang.csv"
    if rooms is not None:
        path.write_text(rooms, encoding="utf-8")
    given = str(path) if rooms is not None else "2"
    assert main(["allocate", EXAMPLE, "--rooms", given, *WINDOW, *extra]) == 2
    assert message in capsys.readouterr().err


def test_rooms_neither_a_number_nor_a_file_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["allocate", EXAMPLE, "--rooms", "dua", *WINDOW]) == 2
    assert "neither a whole number 0 or more nor a room-days file" in capsys.readouterr().err


KLASIKAL_DAYS = [
    "--set",
    "methods.klasikal.phases[0].days=18",
    "--set",
    "methods.klasikal.phases[1].days=22",
    "--set",
    "methods.klasikal.phases[2].days=5",
]


@pytest.mark.parametrize("approved", [True, False])
def test_a_classroom_plan_records_the_head_of_lans_approval_when_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], approved: bool
) -> None:
    plan = tmp_path / "plan.json"
    window = ["--from", "2025-09-01", "--until", "2026-06-30", "--method", "klasikal"]
    flag = ["--klasikal-approved"] if approved else []
    command = ["allocate", EXAMPLE, "--rooms", "2", *window, *KLASIKAL_DAYS, *flag]
    assert main([*command, "-o", str(plan)]) == 0
    assert ("needs the written approval" in capsys.readouterr().err) is not approved
    cohorts = json.loads(plan.read_text(encoding="utf-8"))["cohorts"]
    assert {cohort.get("klasikal_approved", False) for cohort in cohorts} == {approved}
    assert main(["validate", str(plan), "--format", "json", *KLASIKAL_DAYS]) == 0
    codes = {finding["code"] for finding in json.loads(capsys.readouterr().out)["findings"]}
    assert ("schedule.klasikal-approval" in codes) is not approved
