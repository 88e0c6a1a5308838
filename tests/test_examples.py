"""The scripts in examples/ run as documented and find what their sample data holds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pelatihan import Report, legal, load, validate

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


def test_kemenag_2025_follows_the_2024_decrees_with_either_mooc_and_fails_the_2022_figures() -> (
    None
):
    result = run(str(EXAMPLES / "kemenag_2025.py"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "follows Peraturan LAN 1/2021 jo. 10/2021 (Keputusan Kepala LAN 580 dan 581" in out
    assert "MOOC 9 working days by default (SEC; also: 14)" in out
    assert "cohort-2025.json, MOOC of 14 days: 0 errors, 0 warnings, 0 info" in out
    assert "Re-planned with the default MOOC: [9, 20, 30, 3] days, 0 errors" in out
    judged = out.split("judged by the 2022 figures")[1]
    assert "6 errors, 1 warning, 0 info" in judged
    assert "cohort.rulebook-regime" in judged  # judged by a rulebook of another regime, and told
    assert "in class: 3 training days, the rulebook gives 6 (SEC)" in judged
    assert "mooc phases: 14 training days, the rulebook gives 16 (SEC)" in judged


def test_the_2025_cohort_file_is_clean_under_the_regime_of_its_first_day() -> None:
    report = validate(EXAMPLES / "cohort-2025.json")
    assert len(report) == 0, report.to_text()
    loaded = load(EXAMPLES / "cohort-2025.json")
    cohort = loaded.cohorts[0]
    assert cohort.first_day is not None
    assert legal.regime_on(cohort.first_day).id == "perlan-1-2021+10-2021+kep-2024"
    schedule = cohort.schedule()
    assert schedule is not None
    assert schedule.phase_days() == (14, 20, 30, 3)


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
    summary = json.loads(expected)["summary"]  # what the command read: 3 cohorts, 61 people
    assert (summary["files"], summary["cohorts"], summary["participants"]) == (1, 3, 61)
    assert summary["findings"] == report.counts()
    calendar = json.loads(expected)["calendar"]  # the holiday data it was made with
    assert report.to_json(summary=summary, calendar=calendar) + "\n" == expected


def test_the_agency_list_is_reported_row_by_row_as_expected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pelatihan.cli import main  # noqa: PLC0415

    monkeypatch.chdir(ROOT)  # the expected report names the file by its relative path
    facts = ["--track", "III", "--method", "blended", "--start", "2025-07-14"]
    organiser = ["--organizer", "BPSDM Provinsi Jawa Timur", "--lang", "id"]
    code = main(["validate", "examples/daftar-peserta-latsar-2025.xlsx", *facts, *organiser])
    expected = (EXAMPLES / "daftar-peserta-latsar-2025.expected.txt").read_text(encoding="utf-8")
    assert (code, capsys.readouterr().out) == (1, expected)
    # every row of each sheet but the header (row 5) and the blank row above it (row 4) is a
    # participant or a finding at its row
    document = load(EXAMPLES / "daftar-peserta-latsar-2025.xlsx").document
    report = validate(EXAMPLES / "daftar-peserta-latsar-2025.xlsx")
    for sheet, last in (("Angkatan II", 26), ("Angkatan III", 19)):
        label = f"{EXAMPLES / 'daftar-peserta-latsar-2025.xlsx'}[{sheet}]"
        people = {row for keys, row in document.rows.items() if document.files.get(keys) == label}
        skipped = {
            row
            for f in report
            if f.location.file == label and f.code.startswith("input.") and f.location.row
            for row in range(f.location.row, (f.location.last_row or f.location.row) + 1)
        }
        assert people | skipped == set(range(1, last + 1)) - {4, 5}, sheet
        assert not people & skipped


def test_two_workbooks_report_their_worksheets_workbook_by_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pelatihan.cli import main  # noqa: PLC0415

    books = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for book in books:
        book.write_bytes((EXAMPLES / "daftar-peserta-latsar-2025.xlsx").read_bytes())
    main(["validate", *map(str, books), "--track", "III", "--method", "blended"])
    out = capsys.readouterr().out.splitlines()
    headings = [line for line in out if line.endswith("]") and not line.startswith(" ")]
    assert headings == [
        f"{book}[{sheet}]" for book in books for sheet in ("Angkatan II", "Angkatan III")
    ]


def test_mistakes_example_shows_every_kind_of_cohort_mistake() -> None:
    codes = validate(EXAMPLES / "cohort-mistakes.json").codes()
    expected = {
        "nip.format",
        "nip.length",
        "nip.birth-date",
        "nip.age",
        "nip.pppk",
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


# -- results: examples/results.csv and examples/cohort-results.json -------------------------

import datetime  # noqa: E402 - appended section

from pelatihan import rulebooks  # noqa: E402
from pelatihan.evaluation import OutcomeStatus, evaluate  # noqa: E402
from pelatihan.io.jsonfile import read_json  # noqa: E402
from pelatihan.io.results import (  # noqa: E402
    attach_results,
    read_results_csv,
)
from pelatihan.io.structure import structure  # noqa: E402
from pelatihan.validation.pipeline import validate_with_results  # noqa: E402

RESULTS_CSV = EXAMPLES / "results.csv"
STRANGER = "19970301 201903 1 010"  # in results.csv, in no cohort
WEIGHTS_2018 = {
    "evaluation.components.type_a.weight": 10,
    "evaluation.components.type_b.weight": 10,
    "evaluation.components.attitude.weight": 40,
    "evaluation.components.actualisation.weight": 40,
}
ABSENCE_LIMITS = {
    "evaluation.absence_sessions": 6,
    "evaluation.absence_jp": 18,
    "evaluation.absence_days": 2,
}


def test_results_example_with_the_shipped_rulebook_computes_no_score_and_finds_the_stranger() -> (
    None
):
    report = validate_with_results(EXAMPLES / "cohort.json", RESULTS_CSV)
    assert report.counts_by_code() == {"results.incomplete": 6, "results.unknown-nip": 1}
    incomplete = [f for f in report if f.code == "results.incomplete"]
    assert [f.location.row for f in incomplete] == [2, 3, 4, 5, 6, 7]
    assert all(f.location.file == str(RESULTS_CSV) for f in incomplete)
    assert "'evaluation.components.attitude.weight'" in incomplete[0].message_en
    (stranger,) = [f for f in report if f.code == "results.unknown-nip"]
    assert (stranger.location.row, stranger.location.path, stranger.value) == (
        8,
        "$.cohorts[0].results[6].nip",
        STRANGER,
    )


def test_results_example_csv_and_json_give_the_same_findings_at_the_same_paths() -> None:
    from_csv = validate_with_results(EXAMPLES / "cohort.json", RESULTS_CSV)
    from_json = validate(EXAMPLES / "cohort-results.json")

    def key(report: Report) -> list[tuple[str, str, str]]:
        return sorted((f.code, f.location.path, f.message_en) for f in report)

    assert key(from_csv) == key(from_json)
    raw = read_json(EXAMPLES / "cohort-results.json").data
    original = read_json(EXAMPLES / "cohort.json").data
    assert isinstance(raw, dict)
    assert isinstance(original, dict)
    without = {k: v for k, v in raw["cohorts"][0].items() if k != "results"}
    assert without == original["cohorts"][0]  # a copy of the golongan III cohort


def test_attitude_and_actualisation_weights_alone_leave_the_2018_written_tests_open() -> None:
    book = rulebooks.get("perlan-12-2018").variant(
        "contoh",
        {
            "evaluation.components.attitude.weight": 40,
            "evaluation.components.actualisation.weight": 40,
        },
    )
    report = validate_with_results(EXAMPLES / "cohort.json", RESULTS_CSV, rulebook=book)
    assert report.counts_by_code() == {"results.incomplete": 6, "results.unknown-nip": 1}
    message = next(f.message_en for f in report if f.code == "results.incomplete")
    assert "'evaluation.components.type_a.weight'" in message
    assert "attitude_weight" not in message


def test_with_every_weight_supplied_one_participant_fails_and_absences_are_not_checked() -> None:
    book = rulebooks.get("perlan-12-2018").variant("contoh", WEIGHTS_2018)
    report = validate_with_results(EXAMPLES / "cohort.json", RESULTS_CSV, rulebook=book)
    assert report.counts_by_code() == {
        "evaluation.failed": 1,
        "evaluation.passed": 5,
        "results.unknown-nip": 1,
    }
    (failed,) = [f for f in report if f.code == "evaluation.failed"]
    assert failed.location.row == 4  # Rizky Pratama
    assert "59.50 (Tidak Memuaskan)" in failed.message_en
    # Peraturan LAN 12/2018 establishes no absence limits.
    assert rulebooks.get("perlan-12-2018").evaluation.absence_sessions.value is None


def test_with_absence_limits_supplied_too_the_absences_beyond_them_are_reported() -> None:
    book = rulebooks.get("perlan-12-2018").variant("contoh", {**WEIGHTS_2018, **ABSENCE_LIMITS})
    report = validate_with_results(EXAMPLES / "cohort.json", RESULTS_CSV, rulebook=book)
    assert report.counts_by_code() == {
        "evaluation.absence": 2,
        "evaluation.failed": 1,
        "evaluation.passed": 5,
        "results.unknown-nip": 1,
    }
    absences = [(f.location.row, f.location.path, f.value) for f in report]
    assert (5, "$.cohorts[0].results[3].absences.sessions", 7) in absences  # Nur Aini
    assert (5, "$.cohorts[0].results[3].absences.jp", "21") in absences
    assert not any(path.endswith("absences.days") for _, path, _ in absences)  # 2 is no more


def test_the_results_example_outcomes_remediation_bands_and_appointment() -> None:
    book = rulebooks.get("perlan-12-2018").variant("contoh", WEIGHTS_2018)
    document = attach_results(read_json(EXAMPLES / "cohort.json"), read_results_csv(RESULTS_CSV))
    cohort = structure(document).cohorts[0]
    tmt = datetime.date(2019, 3, 1)  # every participant's NIP: TMT March 2019
    outcomes = {
        result.nip: evaluate(result, "klasikal", book, tmt=tmt)
        for result in cohort.results
        if result.nip != STRANGER
    }
    summary = {
        nip: (
            outcome.status.value,
            str(outcome.final_score),
            str(outcome.recorded_score),
            outcome.qualification.value if outcome.qualification else None,
        )
        for nip, outcome in outcomes.items()
    }
    assert summary == {
        "19950417 201903 2 004": ("passed", "85.20", "85.20", "Memuaskan"),
        "19930212 201903 1 002": ("passed", "70.70", "70.01", "Cukup Memuaskan"),  # remediated
        "19970815 201903 1 003": ("failed", "59.50", "59.50", "Tidak Memuaskan"),
        "19960103 201903 2 006": ("passed", "80.40", "80.40", "Memuaskan"),
        "19941122 201903 1 007": ("passed", "93.00", "93.00", "Sangat Memuaskan"),
        "19920630 201903 2 008": ("passed", "78.75", "78.75", "Cukup Memuaskan"),
    }
    passed = [o for o in outcomes.values() if o.status is OutcomeStatus.PASSED]
    # passed in December 2019, within the probation year: appointed after it ends
    assert {o.appointment_from for o in passed} == {datetime.date(2020, 3, 1)}


def test_the_command_checks_the_results_example_and_points_at_its_rows() -> None:
    cohorts = str(EXAMPLES / "cohort.json")
    result = run("-m", "pelatihan", "validate", cohorts, "--results", str(RESULTS_CSV))
    assert result.returncode == 1, result.stderr
    assert f"{RESULTS_CSV}:8 $.cohorts[0].results[6].nip" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings, 6 info"


# -- a 2025 cohort: examples/cohort-pekanbaru-2025.json and examples/results-2025.csv --------
#
# A blended golongan III cohort under the 2024 LAN decrees, on the dates of the 2025 cohort of
# Loka Diklat Keagamaan Pekanbaru (MOOC from 16 June 2025, then e-learning 20, habituation 30
# and classroom 3 working days), whose report template gives the five components and the band
# table; the participants and their scores are made up, one in every band.

COHORT_2025 = EXAMPLES / "cohort-pekanbaru-2025.json"
RESULTS_2025 = EXAMPLES / "results-2025.csv"


def test_the_2025_example_cohort_follows_the_new_regime_plan_without_findings() -> None:
    assert validate(COHORT_2025).counts_by_code() == {}
    cohort = structure(read_json(COHORT_2025)).cohorts[0]
    schedule = cohort.schedule()
    assert schedule is not None
    assert schedule.phase_days() == (9, 20, 30, 3)
    assert (schedule.start, schedule.end) == (
        datetime.date(2025, 6, 16),
        datetime.date(2025, 9, 12),
    )


def test_the_2025_results_reach_a_final_score_and_band_for_everyone_with_the_shipped_rulebook() -> (
    None
):
    book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
    document = attach_results(read_json(COHORT_2025), read_results_csv(RESULTS_2025))
    cohort = structure(document).cohorts[0]
    tmts = {person.nip: person.tmt_cpns for person in cohort.participants}
    outcomes = {
        result.nip: evaluate(result, "blended", book, tmt=tmts[result.nip])
        for result in cohort.results
    }
    summary = {
        nip: (
            outcome.status.value,
            str(outcome.final_score),
            str(outcome.recorded_score),
            outcome.qualification.value if outcome.qualification else None,
            outcome.appointment_from,
            outcome.remediation_by,
        )
        for nip, outcome in outcomes.items()
    }
    march, june = datetime.date(2026, 3, 1), datetime.date(2026, 6, 1)  # after probation
    assert summary == {
        "19980312 202503 2 001": ("passed", "91.70", "91.70", "Sangat Memuaskan", march, None),
        "19970705 202503 1 002": ("passed", "84.75", "84.75", "Memuaskan", march, None),
        "19990121 202506 2 003": ("passed", "74.95", "74.95", "Cukup Memuaskan", june, None),
        "19961030 202506 1 004": (
            "deferred",
            "66.20",
            "66.20",
            "Ditunda Kelulusannya",
            None,
            datetime.date(2026, 5, 31),  # the end of the probation year (TMT June 2025)
        ),
        "20000214 202503 2 005": ("passed", "71.95", "70.01", "Cukup Memuaskan", march, None),
        "19950818 202503 1 006": ("failed", "57.35", "57.35", "Tidak Memuaskan", None, None),
    }


def test_the_command_reports_every_2025_outcome_and_no_incomplete_result() -> None:
    result = run(
        "-m",
        "pelatihan",
        "validate",
        str(COHORT_2025),
        "--results",
        str(RESULTS_2025),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    import json  # noqa: PLC0415

    findings = json.loads(result.stdout)["findings"]
    codes = [finding["code"] for finding in findings]
    assert sorted(codes) == sorted(
        ["evaluation.passed"] * 4 + ["evaluation.deferred", "evaluation.failed"]
    )
    by_row = {finding["row"]: finding for finding in findings}
    assert by_row[5]["code"] == "evaluation.deferred"
    assert "remediation remains" in by_row[5]["message"]["en"]
    assert "by 2026-05-31" in by_row[5]["message"]["en"]
    assert "passed after remediation (computed 71.95)" in by_row[6]["message"]["en"]
    assert by_row[6]["severity"] == "info"
