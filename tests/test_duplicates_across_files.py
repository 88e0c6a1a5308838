"""A NIP given in two files validated together: reported in the later file, on every path."""

import json
from pathlib import Path
from typing import Any

import pytest

from pelatihan import Cohort, Participant, Report, validate, validate_files
from pelatihan.cli import main
from pelatihan.io.reader import load
from pelatihan.validation import catalogue
from pelatihan.validation.fold import AcrossFiles

ACROSS = "participant.duplicate-nip-across-files"
WITHIN = "participant.duplicate-nip"
DEWI = "19950417 202403 2 004"
EKO = "19960101 202403 1 002"
SARI = "19970202 202403 2 003"
HEADER = "NIP;Nama;Gol/Ruang;Instansi"
DEFAULTS = {"track": "III", "method": "blended", "start": "2024-04-22"}


def csv(path: Path, *rows: str) -> str:
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    return str(path)


def json_file(path: Path, *nips: str) -> str:
    participants = [
        {"nip": nip, "name": f"P{index}", "grade": "III/a", "agency": "Dinkes"}
        for index, nip in enumerate(nips)
    ]
    cohort = {"id": "c1", "name": "Angkatan I", **DEFAULTS, "participants": participants}
    path.write_text(json.dumps({"format": "pelatihan/cohorts@1", "cohorts": [cohort]}))
    return str(path)


def across(report: Report) -> list[tuple[str | None, int | None, str, str]]:
    return [
        (f.location.file, f.location.row, f.location.path, f.message("en"))
        for f in report
        if f.code == ACROSS
    ]


def test_a_nip_in_a_json_file_and_a_csv_file_is_reported_in_the_csv(tmp_path: Path) -> None:
    first = json_file(tmp_path / "a.json", DEWI, EKO)
    second = csv(tmp_path / "b.csv", f"{SARI};Sari;III/a;Dinkes", "199601012024031002;Eko;III/a;X")
    report = validate_files([first, second], defaults=DEFAULTS)
    ((file, row, path, message),) = across(report)
    assert (file, row, path) == (second, 3, "$.cohorts[0].participants[1].nip")
    assert message.endswith(f"first at {first} $.cohorts[0].participants[1]")
    assert "199601012024031002" in message
    (finding,) = (f for f in report if f.code == ACROSS)
    assert finding.is_error
    assert "berkas lain" in finding.message("id")


def test_the_first_of_the_later_file_is_reported_across_and_its_repeats_within(
    tmp_path: Path,
) -> None:
    first = csv(tmp_path / "a.csv", f"{DEWI};Dewi;III/a;Dinkes")
    second = csv(
        tmp_path / "b.csv",
        f"{EKO};Eko;III/a;Dinkes",
        "1995-0417-2024-0320-04;Dewi;III/a;Dinkes",
        f"{DEWI};Dewi L;III/a;Dinkes",
    )
    third = csv(tmp_path / "c.csv", f"{DEWI};Dewi;III/a;Dinkes")
    report = validate_files([first, second, third], defaults=DEFAULTS)
    assert [(file, row) for file, row, _, _ in across(report)] == [(second, 3), (third, 2)]
    for _, _, _, message in across(report):
        assert message.endswith(f"first at {first}:2 $.cohorts[0].participants[0]")
    within = [(f.location.file, f.location.row) for f in report if f.code == WITHIN]
    assert within == [(second, 4)]


def test_files_alone_have_no_finding_across(tmp_path: Path) -> None:
    first = csv(tmp_path / "a.csv", f"{DEWI};Dewi;III/a;Dinkes")
    second = csv(tmp_path / "b.csv", f"{DEWI};Dewi;III/a;Dinkes")
    assert ACROSS not in validate(first, defaults=DEFAULTS).codes()
    assert ACROSS not in validate(second, defaults=DEFAULTS).codes()
    assert ACROSS in validate_files([first, second], defaults=DEFAULTS).codes()


@pytest.mark.parametrize("suffixes", [(".csv", ".csv"), (".json", ".csv"), (".csv", ".json")])
def test_streamed_and_loaded_files_give_the_same_report(
    tmp_path: Path, suffixes: tuple[str, str]
) -> None:
    files = []
    for number, suffix in enumerate(suffixes):
        path = tmp_path / f"f{number}{suffix}"
        nips = (DEWI, EKO) if number == 0 else (SARI, EKO, DEWI)
        if suffix == ".csv":
            files.append(csv(path, *(f"{nip};P;III/a;Dinkes" for nip in nips)))
        else:
            files.append(json_file(path, *nips))
    streamed = validate_files(files, defaults=DEFAULTS)
    shared = AcrossFiles()
    loaded = Report(
        [
            finding
            for name in files
            for finding in validate(load(name, defaults=DEFAULTS), across=shared)
        ]
    )
    assert streamed == loaded
    assert len(across(streamed)) == 2


def test_cohort_values_validated_together_are_numbered_as_files() -> None:
    def cohort(*nips: str) -> Cohort:
        people = [Participant(nip, "P", "III/a", "Dinkes") for nip in nips]
        return Cohort("c", "Angkatan I", track="III", participants=people)

    shared = AcrossFiles()
    validate(cohort(DEWI), across=shared)
    report = validate(cohort(EKO, DEWI), across=shared)
    ((file, _, path, message),) = across(report)
    assert (file, path) == (None, "$.cohorts[0].participants[1].nip")
    assert message.endswith("first at $.cohorts[0].participants[0] of file 1")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, out, out


def test_the_command_reports_a_nip_in_a_csv_and_a_json_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = csv(tmp_path / "a.csv", f"{DEWI};Dewi;III/a;Dinkes", f"{EKO};Eko;III/a;Dinkes")
    second = json_file(tmp_path / "b.json", SARI, EKO)
    code, out, _ = run(capsys, "validate", first, second, "--format", "json", "--track", "III")
    data = json.loads(out)
    found = [f for f in data["findings"] if f["code"] == ACROSS]
    assert code == 1
    assert [f["file"] for f in found] == [second]
    assert f"first at {first}:3 $.cohorts[0].participants[1]" in found[0]["message"]["en"]
    code, text, _ = run(capsys, "validate", first, second, "--track", "III")
    assert ACROSS in text
    assert "P1, NIP 19960101" in text.split(second)[1]  # under the participant of the later file


def test_the_command_streams_two_csv_files_as_it_loads_them_with_results(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = csv(tmp_path / "a.csv", f"{DEWI};Dewi;III/a;Dinkes")
    second = csv(tmp_path / "b.csv", f"{EKO};Eko;III/a;Dinkes", f"{DEWI};Dewi;III/a;Dinkes")
    results = tmp_path / "results.csv"
    results.write_text(f"NIP;Aktualisasi\n{EKO};80\n", encoding="utf-8")
    options = ["--format", "json", "--track", "III", "--method", "blended"]
    _, streamed, _ = run(capsys, "validate", first, second, *options)
    _, loaded, _ = run(capsys, "validate", first, second, *options, "--results", str(results))

    def located(text: str) -> list[tuple[str, int]]:
        return [(f["file"], f["row"]) for f in json.loads(text)["findings"] if f["code"] == ACROSS]

    assert located(streamed) == located(loaded) == [(second, 3)]


def test_the_rule_is_catalogued_as_an_error_with_the_rule_of_one_attempt() -> None:
    rule = catalogue.get(ACROSS)
    assert rule.severity.value == "error"
    assert rule.basis is not None
    assert rule.basis.instrument == "pp-11-2017"
