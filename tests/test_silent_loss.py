"""Nothing is lost silently and no result is wrong: duplicate keys, fractions, digits, types, dates."""

from __future__ import annotations

import json

from pelatihan.findings import Severity
from pelatihan.io.jsonfile import read_json_text


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
