"""The field declarations: they agree with the models, and every reader and writer follows them."""

from __future__ import annotations

import copy
import io
import re
from types import ModuleType
from typing import Any

import attrs
import pytest

from pelatihan.errors import quote
from pelatihan.findings import Finding
from pelatihan.io import dump, results, schema, structure, table, tabular
from pelatihan.io.csv import read_csv
from pelatihan.io.document import FORMAT, PARTICIPANT_KEYS, RawDocument
from pelatihan.io.fields import (
    COHORT,
    KIND_NAMES,
    PARTICIPANT,
    RECORDS,
    SCORE_HEADERS,
    SCORE_LABELS_ID,
    Field,
    Record,
)
from pelatihan.io.results import RESULT_HEADERS
from pelatihan.io.tabular import HEADERS, TableBuilder, header_field, normalize_header


def _attributes(record: Record[Any]) -> dict[str, attrs.Attribute[Any]]:
    return {attribute.name: attribute for attribute in attrs.fields(record.model)}


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.name)
def test_each_record_declares_exactly_its_models_attributes(record: Record[Any]) -> None:
    assert set(record.keys) == set(_attributes(record))
    assert len(record.keys) == len(set(record.keys))


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.name)
def test_an_optional_fields_default_is_its_models_default(record: Record[Any]) -> None:
    attributes = _attributes(record)
    for field in record.fields:
        if field.required:
            continue
        default: Any = attributes[field.key].default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        assert field.default == default, field.key


def _fields() -> list[Field]:
    found: list[Field] = []
    for record in RECORDS:
        found.extend(record.fields)
    return found


def test_every_kind_declared_is_one_every_reader_and_writer_handles() -> None:
    used = {field.kind.name for field in _fields()}
    assert used <= set(KIND_NAMES)
    structurer = structure._Structurer(RawDocument({}))
    assert set(structure._CONVERTERS) == set(KIND_NAMES)
    assert all(callable(getattr(structurer, name)) for name in structure._CONVERTERS.values())
    assert set(dump._WRITERS) == set(KIND_NAMES)
    assert set(schema._VALUES) == set(KIND_NAMES)


def test_every_field_is_described() -> None:
    for field in _fields():
        assert field.description.endswith("."), field.key
        assert not field.description.endswith(" ."), field.key


def test_the_participant_table_has_a_column_for_every_participant_field() -> None:
    assert tuple(HEADERS)[: len(PARTICIPANT_KEYS)] == PARTICIPANT_KEYS
    for field in PARTICIPANT.fields:
        for header in (field.key, *field.headers):
            assert header_field(header) == field.key, header


def test_the_cohort_facts_a_table_gives_are_the_cohort_fields_with_headers() -> None:
    facts = [field.key for field in COHORT.fields if field.headers]
    assert list(tabular.COHORT_FIELDS) == facts
    assert {*facts, "cohort"} == tabular.DEFAULT_KEYS


@pytest.mark.parametrize("headers", [HEADERS, RESULT_HEADERS], ids=["participants", "results"])
def test_no_header_names_two_fields(headers: dict[str, tuple[str, ...]]) -> None:
    seen: dict[str, str] = {}
    for field, names in headers.items():
        for header in (field, *names):
            assert seen.setdefault(normalize_header(header), field) == field, header


_CELLS: dict[str, tuple[str, object]] = {
    "text": ("Teks", "Teks"),
    "nip": ("19950417 202403 2 004", "19950417 202403 2 004"),
    "date": ("17-04-1995", "1995-04-17"),
    "flag": ("true", True),
}
"""A cell of each kind a participant field may have, and what the writer writes for it."""


def _cell(field: Field) -> tuple[str, object]:
    kind = field.kind
    if kind.name == "choice" and kind.code is not None:
        code = kind.code(kind.choices[-1])
        return code, code
    return _CELLS[kind.name]


def test_a_participant_list_with_every_declared_column_structures_every_field() -> None:
    cells = {field.key: _cell(field) for field in PARTICIPANT.fields}
    header = ";".join(
        field.headers[-1] if field.headers else field.key for field in PARTICIPANT.fields
    )
    row = ";".join(cell for cell, _ in cells.values())
    data = f"{header};Jalur;Metode\n{row};III;blended\n".encode()
    loaded = structure.structure(read_csv(io.BytesIO(data), file_name="p.csv"))
    assert loaded.findings == ()
    (person,) = loaded.cohorts[0].participants
    assert dump.record_to_data(PARTICIPANT, person) == {
        key: written for key, (_, written) in cells.items()
    }


@pytest.mark.parametrize(
    ("module", "headers"),
    [(tabular, HEADERS), (results, RESULT_HEADERS)],
    ids=["participants", "results"],
)
def test_the_documentation_of_each_table_lists_its_declared_headers(
    module: ModuleType, headers: dict[str, tuple[str, ...]]
) -> None:
    documented = " ".join((module.__doc__ or "").split())
    assert table.HEADER_TABLE not in documented
    for field, names in headers.items():
        assert f" {field} {', '.join(names)}" in documented, field


def test_table_builders_read_the_declared_headers() -> None:
    table = TableBuilder([field.headers[0] for field in PARTICIPANT.fields])
    assert table.columns == PARTICIPANT_KEYS


# -- the fields' names in Indonesian messages ----------------------------------------------


def test_every_field_has_an_indonesian_label_of_its_own_in_its_record() -> None:
    for record in RECORDS:
        labels = [field.label_id for field in record.fields]
        assert all(labels), record.name
        assert len(set(labels)) == len(labels), record.name
        for field in record.fields:
            assert field.label("en") == field.key
            assert field.label("id") == field.label_id


def test_every_table_column_has_an_indonesian_label() -> None:
    assert set(tabular.LABELS_ID) == set(HEADERS)
    assert set(results.RESULT_LABELS_ID) == set(RESULT_HEADERS)
    assert set(SCORE_LABELS_ID) == set(SCORE_HEADERS)


_VALID_COHORT: dict[str, Any] = {
    "id": "c1",
    "name": "Angkatan I",
    "track": "III",
    "method": "blended",
    "regime": "perlan-1-2021",
    "start": "2024-04-22",
    "organizer": {"name": "BPSDM", "accredited": True},
    "klasikal_approved": False,
    "phases": [{"kind": "mooc", "start": "2024-04-22", "end": "2024-05-03", "label": "MOOC"}],
    "participants": [
        {
            "nip": "19950417 202403 2 004",
            "name": "Dewi",
            "grade": "III/a",
            "agency": "Dinkes",
            "birth_date": "1995-04-17",
            "sex": "P",
            "tmt_cpns": "2024-03-01",
            "education": "S-1",
            "position": "Analis",
        }
    ],
    "results": [
        {
            "nip": "19950417 202403 2 004",
            "scores": {"type_a": 80},
            "absences": {"sessions": 0, "jp": 0, "days": 0},
            "remediated": False,
            "passed_on": "2024-08-20",
        }
    ],
}

_PLACES: dict[str, tuple[str | int, ...]] = {
    "cohort": (),
    "organizer": ("organizer",),
    "phase": ("phases", 0),
    "participant": ("participants", 0),
    "result": ("results", 0),
    "absences": ("results", 0, "absences"),
}
"""Where a record of each kind lies in :data:`_VALID_COHORT`."""


def _record_fields() -> list[tuple[Record[Any], Field]]:
    return [(record, field) for record in RECORDS for field in record.fields]


def _english_keys(message: str) -> list[str]:
    """The English field keys that ``message`` names as words."""
    keys = {field.key for field in _fields()}
    return sorted(
        key for key in keys if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w.])", message)
    )


def _structured_with(record: Record[Any], field: Field, value: object) -> list[Finding]:
    data = copy.deepcopy(_VALID_COHORT)
    target: Any = data
    for key in _PLACES[record.name]:
        target = target[key]
    if value is _ABSENT:
        del target[field.key]
    else:
        target[field.key] = value
    raw = RawDocument({"format": FORMAT, "cohorts": [data]}, "angkatan.json")
    keys = ("cohorts", 0, *_PLACES[record.name], field.key)
    where = raw.location(keys).path
    return [
        finding for finding in structure.structure(raw).findings if finding.location.path == where
    ]


_ABSENT = object()


def test_the_valid_cohort_structures_without_findings() -> None:
    raw = RawDocument({"format": FORMAT, "cohorts": [_VALID_COHORT]}, "angkatan.json")
    assert structure.structure(raw).findings == ()


@pytest.mark.parametrize(
    ("record", "field"),
    [(record, field) for record, field in _record_fields() if field.required],
    ids=lambda item: item.name if isinstance(item, Record) else item.key,
)
def test_a_missing_field_is_named_by_its_indonesian_label(
    record: Record[Any], field: Field
) -> None:
    found = _structured_with(record, field, _ABSENT)
    assert [finding.code for finding in found] == ["input.missing"]
    assert found[0].message("en") == f"{field.key} is required"
    assert found[0].message("id") == f"{field.label_id} wajib diisi"
    assert _english_keys(found[0].message("id")) == []


@pytest.mark.parametrize(
    ("record", "field"),
    _record_fields(),
    ids=lambda item: item.name if isinstance(item, Record) else item.key,
)
def test_a_value_of_the_wrong_type_names_no_english_field_key_in_indonesian(
    record: Record[Any], field: Field
) -> None:
    wrong: object = "teks" if field.kind.name in {"record", "records", "scores"} else {"a": 1}
    found = _structured_with(record, field, wrong)
    assert found, field.key
    for finding in found:
        assert _english_keys(finding.message("id")) == [], finding.message("id")


@pytest.mark.parametrize(
    ("table", "headers", "labels"),
    [
        (TableBuilder, HEADERS, tabular.LABELS_ID),
        (results.ResultsTable, RESULT_HEADERS, results.RESULT_LABELS_ID),
    ],
    ids=["participants", "results"],
)
def test_a_second_column_for_a_field_is_named_by_its_indonesian_label(
    table: type[table.RowTable],
    headers: dict[str, tuple[str, ...]],
    labels: dict[str, str],
) -> None:
    for key, names in headers.items():
        columns = ["NIP", "Nama", key, names[0] if names else key]
        if key in {"nip", "name"}:
            columns = ["NIP", "Nama", names[-1]]
        found = [f for f in table(columns).findings if f.code == "input.duplicate-column"]
        assert len(found) == 1, key
        message = found[0].message("id")
        assert f"kolom {labels[key]} kedua" in message
        assert _english_keys(message.replace(quote(key), "")) == [], message


def test_a_cohort_fact_given_twice_is_named_by_its_indonesian_label() -> None:
    table = TableBuilder(["Angkatan", "NIP", "Nama", "Metode"], file="a.csv")
    table.add_row(2, ["A", "19950417 202403 2 004", "Dewi", "blended"])
    table.add_row(3, ["A", "19860926 201505 1 001", "Budi", "klasikal"])
    document = table.document()
    (conflict,) = [f for f in document.findings if f.code == "input.cohort-conflict"]
    assert "memberi metode 'klasikal'" in conflict.message("id")
    assert "gives the method 'klasikal'" in conflict.message("en")
