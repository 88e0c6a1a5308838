from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import Method, PhaseKind, Track, legal, rulebooks
from pelatihan.evaluation import components
from pelatihan.io.document import ABSENCE_KEYS, FORMAT, RESULT_KEYS, RawDocument
from pelatihan.io.fields import COHORT, ORGANIZER, PARTICIPANT, PHASE
from pelatihan.io.jsonfile import read_json, read_json_text
from pelatihan.io.schema import DIALECT, SCHEMA_ID, cohort_schema, score_components
from pelatihan.io.structure import structure
from pelatihan.nip import Sex

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = cohort_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
STRUCTURAL = frozenset(
    {
        "input.format",
        "input.type",
        "input.missing",
        "input.unknown-key",
        "input.date",
        "input.value",
        "results.score",
    }
)
DEFS: dict[str, Any] = SCHEMA["$defs"]  # type: ignore[assignment]


def valid_document() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "cohorts": [
            {
                "id": "jatim-2024-1",
                "name": "Angkatan XII",
                "track": "III",
                "method": "blended",
                "regime": "perlan-1-2021+10-2021",
                "start": "2024-04-22",
                "organizer": {"name": "BPSDM Provinsi Jawa Timur", "accredited": True},
                "klasikal_approved": False,
                "phases": [
                    {"kind": "mooc", "start": "2024-04-22", "end": "2024-05-16"},
                    {"kind": "elearning", "start": "2024-05-17", "end": "2024-06-21"},
                    {"kind": "habituasi", "start": "2024-06-24", "end": "2024-08-02"},
                    {
                        "kind": "klasikal",
                        "start": "2024-08-05",
                        "end": "2024-08-12",
                        "weekdays": [0, 1, 2, 3, 4],
                        "label": "on campus",
                    },
                ],
                "participants": [
                    {
                        "nip": "19950417 202403 2 004",
                        "name": "Dewi Lestari",
                        "grade": "III/a",
                        "agency": "Dinas Kesehatan",
                        "birth_date": "1995-04-17",
                        "sex": "P",
                        "tmt_cpns": "2024-03-01",
                        "education": "S-1",
                        "position": "Analis Kesehatan",
                    }
                ],
                "results": [
                    {
                        "nip": "19950417 202403 2 004",
                        "scores": {
                            "mooc_test": 80,
                            "elearning_test": "78,5",
                            "attitude": 85.25,
                            "actualisation": "88",
                        },
                        "absences": {"sessions": 1, "jp": 2.5, "days": 0},
                        "remediated": False,
                        "passed_on": "2024-08-20",
                    }
                ],
            }
        ],
    }


def schema_accepts(data: object) -> bool:
    return bool(VALIDATOR.is_valid(data))


def structural_codes(data: object) -> set[str]:
    loaded = structure(RawDocument(data, "angkatan.json"))
    return {finding.code for finding in loaded.findings} & STRUCTURAL


def changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = valid_document()
    change(data)
    return data


def cohort0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data["cohorts"][0]
    return result


def participant0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = cohort0(data)["participants"][0]
    return result


def phase0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = cohort0(data)["phases"][0]
    return result


def result0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = cohort0(data)["results"][0]
    return result


def scores0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = result0(data)["scores"]
    return result


def absences0(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = result0(data)["absences"]
    return result


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == DIALECT
    assert SCHEMA["$id"] == SCHEMA_ID == "https://pelatihan.readthedocs.io/schema/cohorts-1.json"
    assert SCHEMA["title"]
    assert SCHEMA["description"]


def test_the_schema_is_plain_json_and_a_fresh_copy_each_call() -> None:
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA
    schema = cohort_schema()
    schema["$defs"]["cohort"]["properties"].clear()  # type: ignore[index]
    assert cohort_schema() == SCHEMA


def test_every_object_forbids_unknown_keys_and_describes_its_keys() -> None:
    objects = [SCHEMA, *DEFS.values()]
    for item in objects:
        assert item["additionalProperties"] is False
        for name, prop in item["properties"].items():
            assert prop["description"], name


def test_a_valid_document_validates() -> None:
    data = valid_document()
    assert list(VALIDATOR.iter_errors(data)) == []
    assert structural_codes(data) == set()


def test_a_minimal_document_validates() -> None:
    data = {
        "format": FORMAT,
        "cohorts": [
            {
                "id": "c1",
                "name": "Angkatan I",
                "track": "II",
                "method": "klasikal",
                "participants": [
                    {
                        "nip": "19980105 202401 1 001",
                        "name": "Bagus",
                        "grade": "II/a",
                        "agency": "X",
                    }
                ],
            }
        ],
    }
    assert schema_accepts(data)
    assert schema_accepts({"format": FORMAT, "cohorts": []})


@pytest.mark.parametrize(
    "where",
    [lambda d: d, cohort0, participant0, phase0, lambda d: cohort0(d)["organizer"]],
    ids=["document", "cohort", "participant", "phase", "organizer"],
)
def test_unknown_keys_fail(where: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    assert not schema_accepts(changed(lambda d: where(d).update(colour="blue")))


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        (cohort0, "track", "IV"),
        (cohort0, "method", "online"),
        (cohort0, "regime", "perlan-99-2099"),
        (phase0, "kind", "lecture"),
        (participant0, "sex", "X"),
        (participant0, "nip", "NIP-satu"),
    ],
)
def test_values_outside_the_choices_fail(
    where: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: str
) -> None:
    assert not schema_accepts(changed(lambda d: where(d).__setitem__(key, value)))


@pytest.mark.parametrize(
    ("where", "key"),
    [
        (lambda d: d, "format"),
        (lambda d: d, "cohorts"),
        *((cohort0, key) for key in ("id", "name", "track", "method", "participants")),
        *((participant0, key) for key in ("nip", "name", "grade", "agency")),
        *((phase0, key) for key in ("kind", "start", "end")),
        (lambda d: cohort0(d)["organizer"], "name"),
    ],
)
def test_missing_required_fields_fail(
    where: Callable[[dict[str, Any]], dict[str, Any]], key: str
) -> None:
    assert not schema_accepts(changed(lambda d: where(d).pop(key)))


def test_the_enums_are_the_librarys() -> None:
    cohort = DEFS["cohort"]["properties"]
    assert cohort["track"]["enum"] == [track.value for track in Track]
    assert cohort["method"]["enum"] == [method.value for method in Method]
    assert cohort["regime"]["enum"] == [*(regime.id for regime in legal.regimes()), None]
    assert DEFS["phase"]["properties"]["kind"]["enum"] == [kind.value for kind in PhaseKind]
    assert DEFS["participant"]["properties"]["sex"]["enum"] == [*(s.code for s in Sex), None]
    assert SCHEMA["properties"]["format"]["const"] == FORMAT  # type: ignore[index]


def test_every_value_of_each_enum_is_accepted_by_the_structurer() -> None:
    documents = [
        *(_set(cohort0, "track", track.value) for track in Track),
        *(_set(cohort0, "method", method.value) for method in Method),
        *(_set(cohort0, "regime", regime.id) for regime in legal.regimes()),
        *(_set(phase0, "kind", kind.value) for kind in PhaseKind),
        *(_set(participant0, "sex", sex.code) for sex in Sex),
    ]
    for data in documents:
        assert schema_accepts(data)
        assert structural_codes(data) == set()


def _set(where: Callable[[dict[str, Any]], Any], key: str, value: object) -> dict[str, Any]:
    return changed(lambda d: where(d).__setitem__(key, value))


def _drop(where: Callable[[dict[str, Any]], Any], key: str) -> dict[str, Any]:
    return changed(lambda d: where(d).pop(key))


def _organizer(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = cohort0(data)["organizer"]
    return result


# Hand-written documents on which the schema and the structurer must agree: the schema
# accepts the document exactly when structuring reports no structural finding.
AGREEMENT: dict[str, object] = {
    "valid": valid_document(),
    "no cohorts": {"format": FORMAT, "cohorts": []},
    "not an object": [valid_document()],
    "a number": 42,
    "wrong format": _set(lambda d: d, "format", "pelatihan/cohorts@2"),
    "no format": _drop(lambda d: d, "format"),
    "no cohorts key": _drop(lambda d: d, "cohorts"),
    "cohorts not a list": _set(lambda d: d, "cohorts", {"id": "c1"}),
    "cohort not an object": _set(lambda d: d, "cohorts", ["c1"]),
    "unknown top-level key": _set(lambda d: d, "version", 1),
    "unknown cohort key": _set(cohort0, "colour", "blue"),
    "unknown participant key": _set(participant0, "email", "a@b.c"),
    "unknown phase key": _set(phase0, "hours", 8),
    "unknown organizer key": _set(_organizer, "city", "Surabaya"),
    "missing id": _drop(cohort0, "id"),
    "blank name": _set(cohort0, "name", "   "),
    "null track": _set(cohort0, "track", None),
    "missing participants": _drop(cohort0, "participants"),
    "participants not a list": _set(cohort0, "participants", {"nip": "1"}),
    "participant not an object": _set(cohort0, "participants", ["19950417 202403 2 004"]),
    "empty participants": _set(cohort0, "participants", []),
    "missing nip": _drop(participant0, "nip"),
    "blank agency": _set(participant0, "agency", ""),
    "grade a list": _set(participant0, "grade", ["III", "a"]),
    "name a boolean": _set(participant0, "name", True),
    "track IV": _set(cohort0, "track", "IV"),
    "unknown method": _set(cohort0, "method", "online"),
    "unknown regime": _set(cohort0, "regime", "perlan-2-2021"),
    "regime null": _set(cohort0, "regime", None),
    "every regime": _set(cohort0, "regime", "perlan-12-2018"),
    "unknown phase kind": _set(phase0, "kind", "lecture"),
    "sex X": _set(participant0, "sex", "X"),
    "sex L": _set(participant0, "sex", "L"),
    "sex null": _set(participant0, "sex", None),
    "sex a number": _set(participant0, "sex", 3),
    "start not a date": _set(cohort0, "start", "22-04-2024"),
    "start impossible": _set(cohort0, "start", "2024-02-30"),
    "start leap day": _set(cohort0, "start", "2024-02-29"),
    "start a number": _set(cohort0, "start", 20240422),
    "start null": _set(cohort0, "start", None),
    "birth date not a date": _set(participant0, "birth_date", "17/04/1995"),
    "tmt impossible": _set(participant0, "tmt_cpns", "2024-13-01"),
    "phase end not a date": _set(phase0, "end", "soon"),
    "phase missing start": _drop(phase0, "start"),
    "phases not a list": _set(cohort0, "phases", {"kind": "mooc"}),
    "phase not an object": _set(cohort0, "phases", ["mooc"]),
    "phases null": _set(cohort0, "phases", None),
    "no phases": _set(cohort0, "phases", []),
    "weekdays with 7": _set(phase0, "weekdays", [0, 7]),
    "weekdays empty": _set(phase0, "weekdays", []),
    "weekdays text": _set(phase0, "weekdays", "Mon-Fri"),
    "weekdays with a boolean": _set(phase0, "weekdays", [True]),
    "weekdays Saturday": _set(phase0, "weekdays", [0, 1, 2, 3, 4, 5]),
    "organizer text": _set(cohort0, "organizer", "BPSDM"),
    "organizer null": _set(cohort0, "organizer", None),
    "organizer without name": _drop(_organizer, "name"),
    "accredited a number": _set(_organizer, "accredited", 1),
    "accredited null": _set(_organizer, "accredited", None),
    "klasikal_approved a list": _set(cohort0, "klasikal_approved", []),
    "klasikal_approved true": _set(cohort0, "klasikal_approved", True),
    "education null": _set(participant0, "education", None),
    "position empty": _set(participant0, "position", ""),
    "results null": _set(cohort0, "results", None),
    "no results": _set(cohort0, "results", []),
    "results not a list": _set(cohort0, "results", {"nip": "1"}),
    "result not an object": _set(cohort0, "results", ["19950417 202403 2 004"]),
    "unknown result key": _set(result0, "final_score", 85),
    "result without nip": _drop(result0, "nip"),
    "result nip blank": _set(result0, "nip", " "),
    "result nip a list": _set(result0, "nip", ["1"]),
    "result scores only": _set(cohort0, "results", [{"nip": "19950417 202403 2 004"}]),
    "scores null": _set(result0, "scores", None),
    "scores not an object": _set(result0, "scores", [80, 85]),
    "scores empty": _set(result0, "scores", {}),
    "score above 100": _set(scores0, "attitude", 100.5),
    "score below 0": _set(scores0, "attitude", -1),
    "score 100": _set(scores0, "attitude", 100),
    "score 0": _set(scores0, "attitude", 0),
    "score with a decimal comma": _set(scores0, "attitude", "70,01"),
    "score text not a number": _set(scores0, "attitude", "baik"),
    "score text above 100": _set(scores0, "attitude", "100,5"),
    "score null": _set(scores0, "attitude", None),
    "score a boolean": _set(scores0, "attitude", True),
    "score a list": _set(scores0, "attitude", [80]),
    "absences null": _set(result0, "absences", None),
    "absences not an object": _set(result0, "absences", 3),
    "absences empty": _set(result0, "absences", {}),
    "unknown absence key": _set(absences0, "weeks", 1),
    "absent sessions negative": _set(absences0, "sessions", -1),
    "absent jp text": _set(absences0, "jp", "banyak"),
    "absent days null": _set(absences0, "days", None),
    "absent days a boolean": _set(absences0, "days", True),
    "remediated true": _set(result0, "remediated", True),
    "remediated null": _set(result0, "remediated", None),
    "remediated a number": _set(result0, "remediated", 1),
    "passed_on not a date": _set(result0, "passed_on", "20/08/2024"),
    "passed_on impossible": _set(result0, "passed_on", "2024-02-30"),
    "passed_on null": _set(result0, "passed_on", None),
    "id as a whole number": _set(cohort0, "id", 12),
    "label as a number": _set(phase0, "label", 2),
    "name as a number": _set(participant0, "name", 12),
    "agency as a number": _set(participant0, "agency", 12),
    "id as a fraction": _set(cohort0, "id", 2.5),
    "id as true": _set(cohort0, "id", True),
}


@pytest.mark.parametrize("name", list(AGREEMENT))
def test_the_schema_accepts_exactly_what_structures_without_structural_findings(
    name: str,
) -> None:
    data = AGREEMENT[name]
    codes = structural_codes(data)
    assert schema_accepts(data) == (not codes), codes


# The reader is more lenient than the schema, which describes the canonical form: these
# are readable, but the schema rejects them.
LENIENT: dict[str, object] = {
    "method spelled out": _set(cohort0, "method", "Blended Learning"),
    "track as a number in text": _set(cohort0, "track", "3"),
    "accredited as ya": _set(_organizer, "accredited", "ya"),
    "sex spelled out": _set(participant0, "sex", "Perempuan"),
    "date with spaces": _set(cohort0, "start", " 2024-04-22 "),
    "optional date empty": _set(participant0, "birth_date", ""),
    "remediated as ya": _set(result0, "remediated", "ya"),
    "score with spaces": _set(scores0, "attitude", " 85 "),
    "absent jp as text": _set(absences0, "jp", "2,5"),
    "result nip as a number": _set(result0, "nip", 199504172024032004),
}


@pytest.mark.parametrize("name", list(LENIENT))
def test_the_schema_is_stricter_than_the_reader_on_spellings(name: str) -> None:
    data = LENIENT[name]
    assert structural_codes(data) == set()
    assert not schema_accepts(data)


PLACES: list[tuple[str, ...]] = [
    (),
    ("cohorts", "0"),
    ("cohorts", "0", "organizer"),
    ("cohorts", "0", "phases", "0"),
    ("cohorts", "0", "participants", "0"),
    ("cohorts", "0", "results", "0"),
    ("cohorts", "0", "results", "0", "scores"),
    ("cohorts", "0", "results", "0", "absences"),
]
KEYS = sorted(
    {
        "colour",
        *SCHEMA["properties"],  # type: ignore[misc]
        *(key for item in DEFS.values() for key in item["properties"]),
    }
)
VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        7,
        -1,
        "",
        " ",
        "x",
        "II",
        "III",
        "IV",
        "klasikal",
        "blended",
        "mooc",
        "P",
        "perlan-1-2021",
        "2024-04-22",
        "2024-02-30",
        "19950417 202403 2 004",
        "70,01",
        100,
        101,
        2.5,
        [],
        [0, 6],
        [9],
        ["x"],
        {},
        {"name": "BPSDM"},
        {"kind": "mooc", "start": "2024-04-22", "end": "2024-04-30"},
    ]
)
MUTATIONS = st.tuples(st.sampled_from(PLACES), st.sampled_from(KEYS), VALUES | st.just(...))


def _mutate(data: dict[str, Any], place: tuple[str, ...], key: str, value: object) -> None:
    target: Any = data
    for step in place:
        if isinstance(target, list) and step.isdigit() and int(step) < len(target):
            target = target[int(step)]
        elif isinstance(target, dict) and step in target:
            target = target[step]
        else:
            return
    if not isinstance(target, dict):
        return
    if value is ...:
        target.pop(key, None)
    else:
        target[key] = copy.deepcopy(value)


@settings(max_examples=150, deadline=None)
@given(st.lists(MUTATIONS, min_size=1, max_size=3))
def test_whatever_the_schema_accepts_structures_without_structural_findings(
    mutations: list[tuple[tuple[str, ...], str, object]],
) -> None:
    data = valid_document()
    for place, key, value in mutations:
        _mutate(data, place, key, value)
    codes = structural_codes(data)
    if schema_accepts(data):
        assert codes == set()


# Results


@pytest.mark.parametrize(
    "where", [result0, scores0, absences0], ids=["result", "scores", "absences"]
)
def test_unknown_keys_in_results_fail(where: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    assert not schema_accepts(changed(lambda d: where(d).update(colour="blue")))


def test_the_result_keys_are_the_readers() -> None:
    assert list(DEFS["result"]["properties"]) == list(RESULT_KEYS)
    assert list(DEFS["absences"]["properties"]) == list(ABSENCE_KEYS)
    assert DEFS["result"]["required"] == ["nip"]
    assert DEFS["cohort"]["properties"]["results"]["items"] == {"$ref": "#/$defs/result"}


def test_the_score_keys_are_the_evaluation_components() -> None:
    expected = {
        key
        for book in rulebooks.all_rulebooks()
        for method in Method
        for key in components(method, book)
    }
    assert set(DEFS["scores"]["properties"]) == expected == set(score_components())


@pytest.mark.parametrize(
    "key", ["actualisation_plan", "actualisation_results", "technical_competence"]
)
def test_the_2025_components_are_score_keys_described_by_their_names(key: str) -> None:
    data = _set(scores0, key, "85,5")
    assert schema_accepts(data)
    assert structural_codes(data) == set()
    part = rulebooks.get("perlan-1-2021+10-2021+kep-2024").evaluation.component(key)
    assert part is not None
    assert part.name_id in DEFS["scores"]["properties"][key]["description"]
    assert not schema_accepts(_set(scores0, key, 100.5))


@pytest.mark.parametrize("value", ["0", "70", "70,01", "70.01", "99.999", "100", "100,00"])
def test_scores_written_as_text_from_0_to_100_validate(value: str) -> None:
    data = _set(scores0, "attitude", value)
    assert schema_accepts(data)
    assert structural_codes(data) == set()


@pytest.mark.parametrize("value", ["100,01", "101", "-1", "7O", "", "70,", "1e2"])
def test_scores_written_as_text_outside_0_to_100_fail(value: str) -> None:
    assert not schema_accepts(_set(scores0, "attitude", value))


def test_a_score_of_a_component_no_method_has_fails_though_the_reader_takes_it() -> None:
    data = _set(scores0, "speed", 90)
    assert structural_codes(data) == set()  # the rules report it (results.component)
    assert not schema_accepts(data)


@pytest.mark.parametrize(
    "name", ["cohort.json", "cohort-results.json", "cohort-2025.json", "cohort-pekanbaru-2025.json"]
)
def test_the_example_cohort_files_validate(name: str) -> None:
    path = Path(__file__).resolve().parent.parent / "examples" / name
    data = read_json(path).data
    assert list(VALIDATOR.iter_errors(data)) == []


# Text fields: the reader's type findings are the schema's errors, field by field

_TEXT_FIELDS: list[tuple[tuple[str | int, ...], str]] = [
    (place, field.key)
    for place, record in (
        (("cohorts", 0), COHORT),
        (("cohorts", 0, "organizer"), ORGANIZER),
        (("cohorts", 0, "phases", 3), PHASE),
        (("cohorts", 0, "participants", 0), PARTICIPANT),
    )
    for field in record.fields
    if field.kind.name == "text"
]
_TEXT_VALUES = st.one_of(
    st.sampled_from(["x", "", " ", "12"]),
    st.text(max_size=3),
    st.integers(-3, 10**20),
    st.sampled_from([12.0, 2.5, -1.0, 0.0, 1e20, 1e-7]),
    st.booleans(),
    st.none(),
)


def _where(error: Any) -> tuple[str | int, ...]:
    """The deepest path an error names (an optional object's error is in its alternatives)."""
    if error.context:
        return max((_where(inner) for inner in error.context), key=len)
    return tuple(error.absolute_path)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(_TEXT_FIELDS), _TEXT_VALUES, min_size=1, max_size=4))
def test_a_text_fields_value_is_an_error_to_the_reader_exactly_when_the_schema_rejects_it(
    values: dict[tuple[tuple[str | int, ...], str], object],
) -> None:
    data = valid_document()
    for (place, key), value in values.items():
        target: Any = data
        for step in place:
            target = target[step]
        target[key] = value
    text = json.dumps(data)  # the schema sees what any JSON reader reads: 12.0 a float
    rejected = {_where(error) for error in VALIDATOR.iter_errors(json.loads(text))}
    loaded = structure(read_json_text(text, "angkatan.json"))
    reported = {
        finding.location.keys
        for finding in loaded.findings
        if finding.code in {"input.type", "input.missing"}
    }
    assert reported == rejected
