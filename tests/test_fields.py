"""The field declarations: they agree with the models, and every reader and writer follows them."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

import attrs
import pytest

from pelatihan.io import dump, results, schema, structure, table, tabular
from pelatihan.io.csv import read_csv
from pelatihan.io.document import PARTICIPANT_KEYS, RawDocument
from pelatihan.io.fields import (
    COHORT,
    KIND_NAMES,
    PARTICIPANT,
    RECORDS,
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
