"""Nothing is lost silently and no result is wrong: duplicate keys, fractions, digits, types, dates."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan.findings import Severity
from pelatihan.io.document import RawDocument
from pelatihan.io.fields import ABSENCES
from pelatihan.io.jsonfile import read_json_text
from pelatihan.io.plain import plain_reader
from pelatihan.io.structure import structure
from pelatihan.validation.pipeline import validate_with_results


def _cohort_file(body: str) -> str:
    return '{"format": "pelatihan/cohorts@1", "cohorts": [' + body + "]}"


def test_a_key_given_twice_is_an_error_at_its_object_naming_what_was_dropped() -> None:
    participants = ", ".join(json.dumps({"nip": str(n)}) for n in range(12))
    text = _cohort_file(
        '{"id": "a", "participants": [' + participants + '], "participants": [{"nip": "x"}]}'
    )
    document = read_json_text(text, "angkatan.json")
    (finding,) = document.findings
    assert finding.code == "input.duplicate-key"
    assert finding.severity is Severity.ERROR
    assert finding.location.path == "$.cohorts[0]"
    assert finding.location.file == "angkatan.json"
    assert "the first 'participants', with 12 items, is dropped" in finding.message_en
    assert "berisi 12 butir" in finding.message_id


def test_a_key_given_three_times_is_reported_for_each_value_dropped() -> None:
    text = _cohort_file('{"id": "a", "name": "x", "name": "y", "name": "z"}')
    findings = read_json_text(text).findings
    assert [f.location.path for f in findings] == ["$.cohorts[0]", "$.cohorts[0]"]
    assert ['"x"' in f.message_en for f in findings] == [True, False]
    assert ['"y"' in f.message_en for f in findings] == [False, True]


def test_a_key_given_twice_at_the_top_is_located_at_the_top() -> None:
    document = read_json_text('{"format": "pelatihan/cohorts@1", "cohorts": [], "cohorts": []}')
    (finding,) = document.findings
    assert finding.location.path == "$"
    assert "with 0 items" in finding.message_en


def _results_file(tmp_path: Path, absences: dict[str, object], passed_on: str | None = None) -> Path:
    data = json.loads(Path("examples/cohort-results.json").read_text(encoding="utf-8"))
    result = data["cohorts"][0]["results"][0]
    result["absences"] = absences
    if passed_on is not None:
        result["passed_on"] = passed_on
    path = tmp_path / "angkatan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("absences", "field"),
    [
        ({"sessions": 6.9}, "sessions"),
        ({"days": "2,9"}, "days"),
        ({"days": 2.0000001}, "days"),
        ({"sessions": "1e-999999"}, "sessions"),  # not 0
    ],
)
def test_fractional_absences_are_reported_not_truncated(
    tmp_path: Path, absences: dict[str, object], field: str
) -> None:
    report = pelatihan.validate(_results_file(tmp_path, absences))
    found = [f for f in report.findings if f.location.keys[-2:] == ("absences", field)]
    assert [f.code for f in found] == ["input.value"]
    assert "whole number" in found[0].message_en


@pytest.mark.parametrize("days", [2, "2", 2.0, "2,0", "2e0"])
def test_whole_absences_written_as_decimals_are_whole(tmp_path: Path, days: object) -> None:
    report = pelatihan.validate(_results_file(tmp_path, {"days": days}))
    assert not [f for f in report.findings if f.location.keys[-2:] == ("absences", "days")]


def test_fractional_absences_in_a_results_export_are_reported(tmp_path: Path) -> None:
    lines = Path("examples/results.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(";")
    cells[8] = "2,9"  # Absen Hari
    lines[1] = ";".join(cells)
    results = tmp_path / "hasil.csv"
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cohort = json.loads(Path("examples/cohort-results.json").read_text(encoding="utf-8"))
    del cohort["cohorts"][0]["results"]
    source = tmp_path / "angkatan.json"
    source.write_text(json.dumps(cohort), encoding="utf-8")
    report = validate_with_results(source, results)
    found = [f for f in report.findings if f.code == "input.value"]
    assert [f.location.row for f in found] == [2]
    assert found[0].location.keys[-1] == "days"


counts = st.one_of(
    st.integers(-2, 12),
    st.decimals(min_value=-1, max_value=12, allow_nan=False, places=3),
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda n: abs(n) < 10**6),
    st.sampled_from(["2,9", "6.9", "3", " 3 ", "3,0", "1e-999999", "2e0", "x", ""]),
)


@settings(deadline=None)
@given(st.sampled_from(["sessions", "days"]), counts)
def test_a_count_of_absences_is_read_exactly_or_reported(field: str, value: object) -> None:
    result = {"nip": "1", "scores": {}, "absences": {field: value}}
    cohort = {"id": "c", "name": "C", "track": "III", "method": "blended", "results": [result]}
    loaded = structure(RawDocument({"cohorts": [cohort]}, "x.json"))
    findings = [f for f in loaded.findings if f.location.keys[-1:] == (field,)]
    plain = plain_reader(ABSENCES)({field: value})
    if findings:
        assert plain is None
        return
    number = Decimal(str(value).strip().replace(",", ".")) if str(value).strip() else Decimal(0)
    (kept,) = loaded.cohorts[0].results
    assert getattr(kept.absences, field) == number  # exactly: never truncated
    assert plain is None or getattr(plain, field) == number
