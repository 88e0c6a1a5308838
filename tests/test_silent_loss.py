"""Nothing is lost silently, no result is wrong: duplicate keys, fractions, digits, types, dates."""

from __future__ import annotations

import argparse
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import Cohort, Participant
from pelatihan.cli._common import _date as cli_date
from pelatihan.evidence import Status
from pelatihan.findings import Finding, Location, Severity
from pelatihan.io.csv import read_csv
from pelatihan.io.dates import _ISO, MAX_YEAR, MIN_YEAR, InvalidDate, parse_date
from pelatihan.io.document import RawDocument
from pelatihan.io.dump import cohorts_to_json, unwritable_texts
from pelatihan.io.fields import ABSENCES, COHORT
from pelatihan.io.jsonfile import read_json_text
from pelatihan.io.plain import plain_participant, plain_reader
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


def _results_file(
    tmp_path: Path, absences: dict[str, object], passed_on: str | None = None
) -> Path:
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


# ASCII, Arabic-Indic, full-width, Extended Arabic-Indic and Devanagari digits
_DIGIT_SETS = tuple(
    "".join(chr(zero + n) for n in range(10)) for zero in (0x30, 0x660, 0xFF10, 0x6F0, 0x966)
)
ARABIC_INDIC = "\u0662\u0660\u0662\u0665-\u0660\u0667-\u0661\u0664"  # 2025-07-14
FULL_WIDTH = "\uff12\uff10\uff12\uff15-07-14"  # 2025-07-14


@st.composite
def _iso_shaped(draw: st.DrawFn) -> str:
    year = draw(st.integers(1890, 2110))
    month, day = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if draw(st.booleans()):  # some digits in another script
        scripts = draw(st.lists(st.sampled_from(_DIGIT_SETS), min_size=10, max_size=10))
        text = "".join(scripts[i][int(c)] if c.isdigit() else c for i, c in enumerate(text[:10]))
    return text


def _read_by_json(text: str) -> datetime.date | None:
    person = {"nip": "19950417 201903 2 004", "name": "Dewi", "grade": "III/a"}
    person |= {"agency": "Dinkes", "birth_date": text}
    cohort = {"id": "c", "name": "C", "track": "III", "method": "blended", "participants": [person]}
    loaded = structure(RawDocument({"cohorts": [cohort]}, "x.json"))
    if any(f.code == "input.date" for f in loaded.findings):
        return None
    return loaded.cohorts[0].participants[0].birth_date


def _read_by_csv(text: str) -> datetime.date | None:
    header = "NIP;Nama;Gol/Ruang;Instansi;Tanggal Lahir\n"
    data = f"{header}19950417 201903 2 004;Dewi;III/a;Dinkes;{text}\n"
    document = read_csv(io.BytesIO(data.encode("utf-8")), file_name="x.csv")
    loaded = structure(document)
    if any(f.code == "input.date" for f in loaded.findings):
        return None
    return loaded.cohorts[0].participants[0].birth_date


def _read_by_option(text: str) -> datetime.date | None:
    try:
        return cli_date(text)
    except argparse.ArgumentTypeError:
        return None


def _read_by_parse_date(text: str) -> datetime.date | None:
    try:
        return parse_date(text)
    except InvalidDate:
        return None


_DATE_TEXTS = st.one_of(
    _iso_shaped(),
    st.text(alphabet="0123456789-/ " + _DIGIT_SETS[1][:4] + _DIGIT_SETS[2][4:6], max_size=12),
    st.sampled_from([ARABIC_INDIC, FULL_WIDTH, "2025-07-14", " 2025-07-14 ", "2025-7-14"]),
)


@settings(deadline=None, max_examples=200)
@given(_DATE_TEXTS)
def test_dates_are_read_alike_by_the_readers_parse_date_and_the_command(text: str) -> None:
    by_json, by_option = _read_by_json(text), _read_by_option(text)
    assert by_json == by_option
    if text.strip() and "\n" not in text and ";" not in text:
        assert _read_by_csv(text) == (by_json or _read_by_parse_date(text))
    by_parse_date = _read_by_parse_date(text)
    if any(c.isdigit() and not c.isascii() for c in text):
        assert (by_json, by_option, by_parse_date) == (None, None, None)
    if by_json is not None and MIN_YEAR <= by_json.year <= MAX_YEAR:
        assert by_parse_date == by_json
    if _ISO.fullmatch(text.strip()) and MIN_YEAR <= int(text.strip()[:4]) <= MAX_YEAR:
        assert by_parse_date == by_json  # ISO text: both accept, or both reject


@pytest.mark.parametrize("text", [ARABIC_INDIC, FULL_WIDTH, "2025-0\uff17-14"])
def test_dates_in_other_digits_are_an_input_date_finding(text: str) -> None:
    assert _read_by_json(text) is None
    assert _read_by_csv(text) is None
    assert _read_by_option(text) is None
    assert _read_by_parse_date(text) is None
    assert (
        plain_participant(
            {
                "nip": "19950417 201903 2 004",
                "name": "D",
                "grade": "III/a",
                "agency": "A",
                "birth_date": text,
            }
        )
        is None
    )


@pytest.mark.parametrize(
    ("passed_on", "codes"),
    [
        ("0001-01-01", ["results.passed-on-before-start"]),
        ("2019-10-16", ["results.passed-on-before-start"]),
        ("2019-10-17", []),
        ("2019-12-30", []),
        ("2020-12-29", []),  # 365 days after the last day
        ("2020-12-30", ["results.passed-on-late"]),
        ("9999-12-31", ["results.passed-on-late"]),
    ],
)
def test_a_result_decided_far_outside_the_cohort_is_reported(
    tmp_path: Path, passed_on: str, codes: list[str]
) -> None:
    report = pelatihan.validate(_results_file(tmp_path, {}, passed_on=passed_on))
    found = [f for f in report.findings if f.location.keys[-1:] == ("passed_on",)]
    assert [f.code for f in found] == codes
    severities = {"results.passed-on-before-start": "error", "results.passed-on-late": "warning"}
    assert [f.severity.value for f in found] == [severities[code] for code in codes]


def test_the_bound_after_the_last_day_is_a_figure_a_variant_sets(tmp_path: Path) -> None:
    path = _results_file(tmp_path, {}, passed_on="2020-03-01")
    book = pelatihan.rulebooks.get("perlan-12-2018")
    assert book.evaluation.results_within_days.status.value == "OPEN"
    strict = book.variant("ketat", {"evaluation.results_within_days": 30})
    report = pelatihan.validate(path, rulebook=strict)
    found = [f for f in report.findings if "passed-on" in f.code]
    assert [(f.code, f.status) for f in found] == [("results.passed-on-late", Status.USER)]
    none = book.variant("bebas", {"evaluation.results_within_days": None})
    late = _results_file(tmp_path, {}, passed_on="9999-12-31")
    assert not [
        f for f in pelatihan.validate(late, rulebook=none).findings if "passed-on" in f.code
    ]


def test_text_that_would_not_read_back_is_reported_for_cohorts_built_in_python() -> None:
    person = Participant("19950417 202403 2 004", " Dewi ", "III/a", "Dinas " + chr(0xDC00))
    blank = Participant("19930212 202403 1 002", "Agus", "III/a", "   ")
    cohort = Cohort("c1", "Angkatan I", "III", "blended", participants=[person, blank])
    found = {
        (f.code, f.location.path)
        for f in pelatihan.validate(cohort).findings
        if f.code in {"input.spaces", "input.value"}
    }
    assert found == {
        ("input.spaces", "$.cohorts[0].participants[0].name"),
        ("input.value", "$.cohorts[0].participants[0].agency"),
        ("input.spaces", "$.cohorts[0].participants[1].agency"),
    }
    report = pelatihan.validate(cohort)
    report.to_json().encode("utf-8")  # the report itself can be written
    with pytest.raises(UnicodeEncodeError):  # what the report warned of
        cohorts_to_json([cohort]).encode("utf-8")


def test_text_a_reader_gives_is_never_reported_as_unwritable() -> None:
    document = read_json_text(Path("examples/cohort-results.json").read_text(encoding="utf-8"))
    loaded = structure(document)
    for position, cohort in enumerate(loaded.cohorts):
        assert list(unwritable_texts(COHORT, cohort, Location(("cohorts", position)))) == []
    assert cohorts_to_json(loaded.cohorts).encode("utf-8")


# -- half of a surrogate pair in a JSON file ------------------------------------------------------

_HALVES = st.integers(0xD800, 0xDFFF).map(chr)
_TEXTS = st.one_of(
    st.text(max_size=6),
    st.builds(lambda a, half, b: a + half + b, st.text(max_size=3), _HALVES, st.text(max_size=3)),
)


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        _TEXTS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXTS, inner, max_size=3),
        max_leaves=8,
    )
)
def test_each_text_with_half_a_surrogate_pair_is_one_error_at_its_path_and_read_mended(
    value: object,
) -> None:
    document = {"format": "pelatihan/cohorts@1", "cohorts": [], "x": value}
    text = json.dumps(document)  # ASCII: each half written as its \u escape
    read = read_json_text(text, "angkatan.json")

    def halves(node: object, keys: tuple[object, ...]) -> list[tuple[object, ...]]:
        found = []
        if isinstance(node, str):
            return [keys] if any(0xD800 <= ord(c) <= 0xDFFF for c in node) else []
        if isinstance(node, list):
            for index, item in enumerate(node):
                found += halves(item, (*keys, index))
        if isinstance(node, dict):
            for key, item in node.items():
                mended = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in key)
                found += halves(key, keys) + halves(item, (*keys, mended))
        return found

    expected = sorted(map(repr, halves(value, ("x",))))
    reported = [f for f in read.findings if f.code == "input.value"]
    assert sorted(repr(f.location.keys) for f in reported) == expected
    assert all(f.location.file == "angkatan.json" and f.is_error for f in reported)
    assert json.dumps(read.data, ensure_ascii=False).encode("utf-8")  # no half is left
    report = pelatihan.validate(read)
    assert report.to_json().encode("utf-8")
    assert [f for f in report if f.code == "input.value"] == sorted(reported, key=Finding.sort_key)


def test_a_name_with_half_a_surrogate_pair_reports_the_participant_and_keeps_the_others() -> None:
    people = [
        {"nip": "19950417 202403 2 004", "name": "Dewi\\ud800", "grade": "III/a", "agency": "X"},
        {"nip": "19930212 202403 1 002", "name": "Agus", "grade": "III/a", "agency": "X"},
    ]
    text = json.dumps(
        {"format": "pelatihan/cohorts@1", "cohorts": [{"id": "c", "participants": people}]}
    ).replace("\\\\ud800", "\\ud800")
    read = read_json_text(text, "angkatan.json")
    loaded = structure(read)
    assert [p.name for p in loaded.cohorts[0].participants] == ["Dewi\ufffd", "Agus"]
    (finding,) = [f for f in loaded.findings if f.code == "input.value"]
    assert finding.location.path == "$.cohorts[0].participants[0].name"
    assert "'Dewi\\ud800'" in finding.message_en
    assert "'Dewi\ufffd'" in finding.message_en
