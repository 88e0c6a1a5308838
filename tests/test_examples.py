"""The scripts in examples/ run as documented and find what their sample data holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pelatihan import Report, validate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, timeout=120
    )


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_every_example_runs_without_error(script: str) -> None:
    result = run(str(EXAMPLES / script))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert not result.stderr


def test_check_participants_reports_every_row_and_each_kind_of_mistake() -> None:
    result = run(str(EXAMPLES / "check_participants.py"), "--strict")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0] == "Cohort starting 2019-10-17: governed by Peraturan LAN 12/2018"
    rows = {line.split()[1]: line for line in lines if line.startswith("row")}
    assert sorted(rows, key=int) == [str(n) for n in range(2, 13)]  # every data row, once
    assert "ok" in rows["2"]
    assert "track III" in rows["4"]
    assert "track II" in rows["6"]
    assert "not a real date" in rows["7"]
    assert "sex" in rows["8"].lower()
    assert "serial" in rows["9"].lower()
    assert "grade: " in rows["10"]  # golongan IV has no track
    assert "grade: " in rows["11"]  # III/z is no grade
    assert "NIP: " in rows["12"]  # 14 years old at appointment
    assert lines[-1] == "11 participants checked, 5 ok, 6 with problems"


def test_check_participants_rejects_a_start_before_any_regime() -> None:
    result = run(str(EXAMPLES / "check_participants.py"), "--start", "2016-01-04")
    assert result.returncode == 2
    assert "no Latsar regime modelled for a cohort starting on 2016-01-04" in result.stderr
    assert "Traceback" not in result.stderr


def test_east_java_2019_plans_21_in_class_30_out_and_finds_the_mistakes() -> None:
    result = run(str(EXAMPLES / "east_java_2019.py"))
    out = result.stdout
    assert "governed by Peraturan LAN 12/2018" in out
    assert out.count("in class 21, out of class 30, total 51") == 3
    sections = out.split("\n\n")
    assert sections[1].rstrip().endswith("0 errors, 0 warnings, 0 info")  # the plan
    assert sections[2].rstrip().endswith("0 errors, 0 warnings, 0 info")  # as reported
    mistakes = sections[3]
    assert "schedule.regime" in mistakes
    assert "schedule.closed-day" in mistakes
    assert "Hari Raya Natal" in mistakes
    assert mistakes.rstrip().endswith("1 error, 2 warnings, 0 info")


def test_kemendagri_2021_plans_blended_cohorts_and_writes_icalendar(tmp_path: Path) -> None:
    target = tmp_path / "cohort.ics"
    result = run(str(EXAMPLES / "kemendagri_2021.py"), "--ics", str(target))
    assert result.returncode == 0, result.stderr
    assert "governed by Peraturan LAN 1/2021" in result.stdout
    assert result.stdout.count("total 74 days, 647 JP") == 2
    text = target.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 4
    assert "UID:kemendagri-2021-gol-iii-phase-1@pelatihan" in text
    assert "DTSTART;VALUE=DATE:20210315" in text


ROOT = EXAMPLES.parent


def test_bundled_cohort_file_is_clean() -> None:
    report = validate(EXAMPLES / "cohort.json")
    assert report.ok
    assert len(report) == 0, report.to_text()


def test_mistakes_example_gives_exactly_its_expected_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # the expected report names the file by its relative path
    report = validate("examples/cohort-mistakes.json")
    expected = (EXAMPLES / "cohort-mistakes.expected.json").read_text(encoding="utf-8")
    assert report.to_json() + "\n" == expected


def test_mistakes_example_shows_every_kind_of_cohort_mistake() -> None:
    codes = validate(EXAMPLES / "cohort-mistakes.json").codes()
    expected = {
        "nip.format",
        "nip.length",
        "nip.birth-date",
        "nip.age",
        "nip.sex",
        "nip.serial",
        "participant.birth-date",
        "participant.sex",
        "participant.tmt",
        "participant.track",
        "participant.duplicate-nip",
        "participant.probation",
        "grade.format",
        "grade.inconsistent",
        "track.none",
        "cohort.size",
        "organizer.accreditation",
        "schedule.regime",
        "schedule.method",
        "schedule.days-total",
        "schedule.overlap",
        "schedule.gap",
        "schedule.closed-day",
        "schedule.phase-kind",
        "schedule.klasikal-approval",
        "input.unknown-key",
        "input.missing",
        "input.type",
        "input.date",
    }
    assert expected <= codes


CSV_DEFAULTS = {
    "track": "III",
    "method": "klasikal",
    "start": "2019-10-17",
    "organizer": "BPSDM Provinsi Jawa Timur",
}


def test_csv_and_xlsx_examples_give_the_same_findings_on_the_same_rows() -> None:
    from_csv = validate(EXAMPLES / "participants.csv", defaults=CSV_DEFAULTS)
    from_xlsx = validate(EXAMPLES / "participants.xlsx", defaults=CSV_DEFAULTS)

    def key(report: Report) -> list[tuple[str, int | None, str]]:
        return [(f.code, f.location.row, f.location.path) for f in report]

    assert key(from_csv) == key(from_xlsx)
    assert from_csv.counts() == {"error": 9, "warning": 1, "info": 0}
    rows = {f.location.row for f in from_csv if f.location.row is not None}
    assert rows == {5, 6, 7, 8, 9, 10, 11, 12}
