"""A JSON cohort file loaded the typed way gives what reading and structuring it give.

``pelatihan.io.typed`` decodes each cohort into structs written from the
declarations and makes the models from them; a cohort that is not plainly
right goes the general way, and a file whose keys cannot be proved given once
is read and structured whole. These tests hold it to ``structure(read_json_bytes(...))``
on generated files: cohort files as ``pelatihan`` writes them, with records
made untidy, wrong, incomplete or unknown in the ways an export is, keys given
twice, colons and brackets in texts, nulls, other layouts.
"""

from __future__ import annotations

import codecs
import itertools
import json
from typing import Any
from unittest import mock

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import Method
from pelatihan import strategies as cohort_strategies
from pelatihan.io import typed
from pelatihan.io.document import InputError
from pelatihan.io.dump import cohorts_to_json
from pelatihan.io.fields import PARTICIPANT
from pelatihan.io.jsonfile import read_json_bytes
from pelatihan.io.plain import (
    plain_participant,
    plain_struct,
    plain_struct_list_reader,
    plain_struct_reader,
)
from pelatihan.io.structure import Loaded, _Cohorts, structure
from pelatihan.nip import Sex

# -- a record decoded into its struct is read as the same record decoded as a mapping --------

_TEXTS = st.one_of(
    st.sampled_from(["Dewi", " Dewi ", "", "  ", "\u00a0Dewi", "III/a", "Penata Muda", "S-1"]),
    st.text(max_size=5),
)
_DATES = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(
        ["2024-02-30", "2024-1-5", "05-01-2024", "20240105", " 2024-01-05", "0000-01-01"]
    ),
    st.sampled_from(
        ["2024-01-05T00:00:00", "2024-01-05Z", "+2024-01-05", "2024-01-05 ", "\u0662024-01-05"]
    ),
    st.text(alphabet="0123456789-:T ", min_size=8, max_size=12),
)
_VALUES = st.one_of(
    st.none(),
    _TEXTS,
    _DATES,
    st.sampled_from(["L", "P", "l", "X", "laki-laki"]),
    st.integers(-3, 10**19),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.integers(-1, 8), max_size=2),
    st.dictionaries(st.sampled_from(["a", "nip"]), st.integers(), max_size=1),
)
_RECORDS = st.dictionaries(
    st.one_of(st.sampled_from(PARTICIPANT.keys), st.sampled_from(["colour", "NIP"])),
    _VALUES,
    max_size=len(PARTICIPANT.keys) + 1,
)
_PLAIN_RECORDS = st.fixed_dictionaries(
    {
        "nip": st.sampled_from(["19950417 201903 2 004", " 199504172019032004 "]),
        "name": st.sampled_from(["Dewi", " Dewi Lestari "]),
        "grade": st.sampled_from(["III/a", "II/c", "Penata Muda"]),
        "agency": st.sampled_from(["Dinkes", "\tDinas Pendidikan"]),
    },
    optional={
        key: st.one_of(st.none(), _DATES if "date" in key or "tmt" in key else _TEXTS)
        for key in ("birth_date", "tmt_cpns", "education", "position", "rank")
    }
    | {"sex": st.sampled_from([None, "L", "P", "p"])},
)

_DECODE_PARTICIPANT = msgspec.json.Decoder(plain_struct(PARTICIPANT)).decode


@given(st.one_of(_RECORDS, _PLAIN_RECORDS, _PLAIN_RECORDS))
def test_a_participants_struct_is_read_as_its_record_is(record: dict[str, Any]) -> None:
    text = json.dumps(record).encode()
    try:
        struct = _DECODE_PARTICIPANT(text)
    except msgspec.ValidationError:  # refused by its type: not plainly right either way
        assert plain_participant(record) is None
        return
    assert plain_struct_reader(PARTICIPANT)(struct) == plain_participant(record)
    read = plain_struct_list_reader(PARTICIPANT)([struct, struct])
    if plain_participant(record) is None:
        assert read is None
    else:
        assert read is not None
        people, absent = read
        assert people == [plain_participant(record)] * 2
        assert absent == 2 * (len(PARTICIPANT.keys) - len(record))


# -- whole files ---------------------------------------------------------------------------

_UNTIDY = [
    ("name", " Dewi "),
    ("name", "   "),
    ("name", 12),
    ("nip", 199504172019032004),
    ("nip", 1.9950417201903e17),
    ("nip", -17),
    ("nip", True),
    ("nip", None),
    ("birth_date", "17-04-1995"),
    ("birth_date", None),
    ("sex", "perempuan"),
    ("sex", " LAKI - LAKI "),
    ("sex", "X"),
    ("sex", None),
    ("education", "  "),
    ("colour", "biru"),
    ("grade", ["III/a"]),
    ("rank", {"a": 1}),
]
_COHORT_UNTIDY = [
    ("id", 12),
    ("id", 12.0),
    ("name", " Angkatan I "),
    ("track", "3"),
    ("track", "Golongan III"),
    ("track", "IV"),
    ("track", None),
    ("method", "Klasikal"),
    ("method", "e-learning"),
    ("regime", "perlan-1-2021"),
    ("regime", "perlan-0"),
    ("regime", " "),
    ("start", "2025-07-14"),
    ("start", "14/07/2025"),
    ("organizer", {"name": " BPSDM ", "accredited": None}),
    ("organizer", {"name": "BPSDM", "accredited": " Tidak"}),
    ("organizer", {"name": "BPSDM", "accredited": "mungkin"}),
    ("organizer", {"name": ""}),
    ("organizer", "BPSDM"),
    ("klasikal_approved", "ya"),
    ("klasikal_approved", "TRUE "),
    ("klasikal_approved", 1),
    ("klasikal_approved", None),
    ("phases", None),
    ("phases", []),
    ("phases", "none"),
    ("results", []),
    ("results", [{"nip": "1"}]),
    ("results", [{"nip": "199504172019032004", "scores": {"type_a": 80}}]),
    ("participants", None),
    ("participants", "x"),
    ("colour", "biru"),
]
_PHASE_UNTIDY = [
    ("weekdays", [0, 1, 2, 3, 4, 5]),
    ("weekdays", []),
    ("weekdays", [7]),
    ("weekdays", [True]),
    ("weekdays", [1.0]),
    ("label", " kampus 2 "),
    ("label", None),
    ("kind", "Klasikal"),
    ("kind", "kampus"),
    ("end", "2025-02-30"),
]
_DOCUMENT_UNTIDY = [
    ("format", "pelatihan/cohorts@2"),
    ("format", None),
    ("note", "x"),
    ("cohorts", "x"),
]


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    """A cohort file as ``pelatihan`` writes it, made untidy or wrong in the ways exports are."""
    cohorts = draw(
        st.lists(cohort_strategies.cohorts(size=st.integers(0, 3)), min_size=1, max_size=3)
    )
    data = json.loads(cohorts_to_json(cohorts))
    for record in data["cohorts"]:
        if draw(st.booleans()):
            record.pop("regime", None)
        for person in record["participants"]:
            if draw(st.integers(0, 3)) == 0:
                key, value = draw(st.sampled_from(_UNTIDY))
                person[key] = value
            if draw(st.integers(0, 3)) == 0:
                person.pop(draw(st.sampled_from(sorted(person))), None)
        if draw(st.integers(0, 3)) == 0:
            key, value = draw(st.sampled_from(_COHORT_UNTIDY))
            record[key] = value
        phases = record.get("phases")
        if isinstance(phases, list) and phases and draw(st.integers(0, 3)) == 0:
            key, value = draw(st.sampled_from(_PHASE_UNTIDY))
            phases[draw(st.integers(0, len(phases) - 1))][key] = value
        if draw(st.integers(0, 5)) == 0:
            record.pop(draw(st.sampled_from(sorted(record))))
    if draw(st.integers(0, 7)) == 0:
        data["cohorts"].append(draw(st.sampled_from([7, None, "x", [], {}])))
    if draw(st.integers(0, 7)) == 0:
        key, value = draw(st.sampled_from(_DOCUMENT_UNTIDY))
        data[key] = value
    text = json.dumps(
        data, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans())
    )
    if draw(st.integers(0, 4)) == 0:  # a key given again, a colon or bracket in a text
        at = text.find(draw(st.sampled_from(['"nip"', '"name"', '"id"', '"kind"', '"format"'])))
        if at >= 0:
            extra = draw(
                st.sampled_from(
                    ['"nip": "x", ', '"name": "a:b", ', '"id": "{[", ', '"kind": "x", ', '"x": 1, ']
                )
            )
            text = text[:at] + extra + text[at:]
    body = text.encode()
    if draw(st.integers(0, 9)) == 0:
        body = codecs.BOM_UTF8 + body
    if draw(st.integers(0, 19)) == 0:  # not UTF-8, not JSON
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from([b"\xff", b"\\ud800", b",", b"}"])) + body[at:]
    return body


def _loaded(load: Any, body: bytes) -> tuple[str, Any]:
    try:
        loaded = load(body, "angkatan.json")
    except InputError as error:
        return ("error", (str(error), error.message_id))
    assert isinstance(loaded, Loaded)
    return ("loaded", loaded)


def _read_and_structured(body: bytes, name: str) -> Loaded:
    return structure(read_json_bytes(body, name))


def _assert_same(body: bytes) -> Loaded | None:
    """The file loads the typed way as it is read and structured; what it loads, if anything."""
    kind, typed_way = _loaded(typed.load_json_bytes, body)
    general_kind, general = _loaded(_read_and_structured, body)
    assert kind == general_kind
    if kind == "error":
        assert typed_way == general
        return None
    assert typed_way.cohorts == general.cohorts
    assert typed_way.findings == general.findings
    assert typed_way.cohort_index == general.cohort_index
    assert typed_way.participant_index == general.participant_index
    assert typed_way.result_index == general.result_index
    assert typed_way.input_sizes() == general.input_sizes()
    assert typed_way.document.file == general.document.file
    assert typed_way.document.findings == general.document.findings
    assert repr(typed_way.document.data) == repr(general.document.data)  # Decimals and all
    loaded: Loaded = typed_way
    return loaded


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files())
def test_a_file_loads_the_typed_way_as_it_is_read_and_structured(body: bytes) -> None:
    _assert_same(body)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_files())
def test_a_file_loaded_the_typed_way_gives_the_report_it_gives_read_and_structured(
    body: bytes,
) -> None:
    try:
        general = _read_and_structured(body, "angkatan.json")
    except InputError:
        return
    loaded = typed.load_json_bytes(body, "angkatan.json")
    assert pelatihan.validate(loaded).to_json() == pelatihan.validate(general).to_json()


_PERSON = {"grade": "III/a", "agency": "Dinas Kesehatan", "birth_date": "1995-04-17", "sex": "P"}
_COHORT = {
    "id": "jatim-2025-1",
    "name": "Angkatan I",
    "track": "III",
    "method": "blended",
    "regime": "perlan-1-2021",
    "start": "2025-07-14",
    "organizer": {"name": "BPSDM Provinsi Jawa Timur", "accredited": True},
    "participants": [
        {"nip": f"19950417 202503 2 00{n}", "name": name, **_PERSON}
        for n, name in enumerate(["Dewi", "Sri", "Ayu"], 1)
    ],
}


def _plain_file(cohorts: int = 2) -> bytes:
    document = {"format": "pelatihan/cohorts@1", "cohorts": [_COHORT] * cohorts}
    return json.dumps(document, indent=2).encode()


_PHASES = [
    {"kind": "klasikal", "start": "2025-07-14", "end": "2025-07-25", "label": "on campus 1"},
    {"kind": "habituasi", "start": "2025-07-28", "end": "2025-09-05", "weekdays": [0, 1, 2, 3, 4]},
]


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [("participant", key, value) for key, value in _UNTIDY]
    + [("cohort", key, value) for key, value in _COHORT_UNTIDY]
    + [("phase", key, value) for key, value in _PHASE_UNTIDY]
    + [("document", key, value) for key, value in _DOCUMENT_UNTIDY],
)
def test_each_way_of_being_untidy_loads_as_it_is_read_and_structured(
    where: str, key: str, value: object
) -> None:
    data = json.loads(_plain_file(3))
    cohort = data["cohorts"][1] = {**data["cohorts"][1], "phases": json.loads(json.dumps(_PHASES))}
    record = {
        "participant": cohort["participants"][1],
        "cohort": cohort,
        "phase": cohort["phases"][1],
        "document": data,
    }[where]
    record[key] = value
    _assert_same(json.dumps(data).encode())


def test_a_plainly_right_file_is_loaded_without_decoding_its_plain_data() -> None:
    body = _plain_file()
    with mock.patch.object(_Cohorts, "add", side_effect=AssertionError("structured generally")):
        loaded = typed._typed(body, "angkatan.json")
    assert loaded is not None
    assert type(typed._DATA.__get__(loaded.document)) is typed._Text  # not decoded yet
    assert loaded.input_sizes() == (3, 3)
    assert loaded.document.data == json.loads(body)  # decoded now, once
    assert typed._DATA.__get__(loaded.document) is loaded.document.data


def test_values_written_the_way_an_export_writes_them_are_loaded_the_typed_way() -> None:
    data = json.loads(_plain_file(3))
    spellings = itertools.cycle(["Perempuan", "laki-laki", " P ", "Wanita", "PRIA", "l"])
    for number, cohort in enumerate(data["cohorts"]):
        cohort["id"] = number + 1  # a whole number for text that may be one
        cohort["track"], cohort["method"] = "Golongan III", " Blended "
        cohort["organizer"] = {"name": "BPSDM", "accredited": "Ya"}
        cohort["klasikal_approved"] = "tidak"
        for person in cohort["participants"]:
            person["sex"] = next(spellings)
            person["nip"] = int(person["nip"].replace(" ", ""))  # a NIP stored as a number
    body = json.dumps(data).encode()
    with mock.patch.object(_Cohorts, "add", side_effect=AssertionError("structured generally")):
        loaded = typed._typed(body, "angkatan.json")
    assert loaded is not None
    assert [person.sex for person in loaded.cohorts[0].participants] == [
        Sex.FEMALE,
        Sex.MALE,
        Sex.FEMALE,
    ]
    assert {cohort.method for cohort in loaded.cohorts} == {Method.BLENDED}
    assert {cohort.klasikal_approved for cohort in loaded.cohorts} == {False}
    assert [cohort.id for cohort in loaded.cohorts] == ["1", "2", "3"]
    assert all(len(person.nip) == 18 for cohort in loaded.cohorts for person in cohort.participants)
    assert all(cohort.organizer and cohort.organizer.accredited for cohort in loaded.cohorts)
    _assert_same(body)


def test_only_the_cohort_that_is_not_plainly_right_goes_the_general_way() -> None:
    data = json.loads(_plain_file(3))
    data["cohorts"][1]["participants"][0]["birth_date"] = "17-04-1995"
    body = json.dumps(data).encode()
    with mock.patch.object(_Cohorts, "add", autospec=True, side_effect=_Cohorts.add) as general:
        loaded = typed._typed(body, "angkatan.json")
    assert loaded is not None
    assert [call.args[1] for call in general.call_args_list] == [1]
    assert [finding.code for finding in loaded.findings] == ["input.date"]
    _assert_same(body)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"format": "pelatihan/cohorts@1", "cohorts": [], "cohorts": []}', "a key given twice"),
        ('{"format": "pelatihan/cohorts@1", "cohorts": [{"id": "a", "id": "b"}]}', "in a cohort"),
        ('{"format": "x", "cohorts": []}', "another format"),
        ('{"cohorts": []}', "no format"),
        ('{"format": "pelatihan/cohorts@1", "cohorts": [], "note": 1}', "a key of no field"),
        ('{"format": "pelatihan/cohorts@1", "cohorts": ["\\ud800"]}', "half a surrogate pair"),
    ],
)
def test_a_file_not_of_the_interchange_shape_is_read_and_structured_whole(
    text: str, why: str
) -> None:
    assert typed._typed(text.encode(), "angkatan.json") is None, why
    _assert_same(text.encode())


def test_a_participant_given_a_key_twice_is_reported() -> None:
    data = json.loads(_plain_file(1))
    body = json.dumps(data).replace('"nip": ', '"nip": "x", "nip": ', 1).encode()
    assert typed._typed(body, "angkatan.json") is None
    loaded = _assert_same(body)
    assert loaded is not None
    assert "input.duplicate-key" in [finding.code for finding in loaded.findings]


def test_a_colon_in_a_text_is_proved_by_the_data_written_out_again() -> None:
    data = json.loads(_plain_file(2))
    data["cohorts"][1]["participants"][0]["agency"] = "Bagian : Umum"
    body = json.dumps(data).encode()
    loaded = typed._typed(body, "angkatan.json")
    assert loaded is not None  # the colons do not count the keys; written out again, they do
    assert loaded.cohorts[1].participants[0].agency == "Bagian : Umum"
    _assert_same(body)
    twice = body.replace(b'"nip": ', b'"nip": "x :", "nip": ', 1)
    assert typed._typed(twice, "angkatan.json") is None  # a key given twice: read exactly
    given_twice = _assert_same(twice)
    assert given_twice is not None
    assert "input.duplicate-key" in [finding.code for finding in given_twice.findings]
    escaped = body.replace(b"Bagian : Umum", b"Bagian \\u003a Umum")
    assert typed._typed(escaped, "angkatan.json") is not None  # no colon but the keys'
    _assert_same(escaped)
    both = body.replace(b'"name": "', b'"name": "\\u003a', 1)  # and one written as an escape
    assert typed._typed(both, "angkatan.json") is None  # not proved: read exactly
    _assert_same(both)


def test_a_file_is_loaded_by_path_the_typed_way(tmp_path: Any) -> None:
    path = tmp_path / "angkatan.json"
    path.write_bytes(_plain_file())
    loaded = pelatihan.load(path)
    assert type(loaded.document) is typed._TypedDocument
    assert loaded.document.file == str(path)
    assert loaded.cohorts == structure(read_json_bytes(path.read_bytes(), str(path))).cohorts
