"""The JSON Schema of the cohort interchange format (``pelatihan/cohorts@1``).

:func:`cohort_schema` describes the JSON files :func:`pelatihan.load` reads, as a
JSON Schema (draft 2020-12), for systems that produce the files and want to
check them before handing them over, and for editors that complete and check
keys as one types. Its choices (tracks, methods, phase kinds, regimes, sex codes)
are built from the library's own enumerations, so they never drift from what
the reader accepts.

The schema describes the canonical form of the format. A document it accepts
is structured without any ``input.format``, ``input.type``, ``input.missing``,
``input.unknown-key``, ``input.date``, ``input.value`` or ``results.score``
finding; the reader is more lenient than the schema in a few ways (it also
accepts spellings such as ``"Blended Learning"`` or ``"3"``, numbers as text,
``"ya"`` for true, and scores of components no method has, which the rules
report), so a document the schema rejects may still be readable. ``format: "date"`` must be
asserted (as with jsonschema's ``format_checker``) for impossible dates such as
2024-02-30 to be rejected.

    >>> from pelatihan.io.schema import SCHEMA_ID, cohort_schema
    >>> schema = cohort_schema()
    >>> schema["$id"] == SCHEMA_ID, schema["properties"]["format"]["const"]
    (True, 'pelatihan/cohorts@1')
    >>> cohort_schema()["$defs"]["cohort"]["properties"]["track"]["enum"]
    ['II', 'III']
    >>> list(cohort_schema()["$defs"]["scores"]["properties"])  # doctest: +NORMALIZE_WHITESPACE
    ['type_a', 'type_b', 'attitude', 'actualisation', 'mooc_test', 'elearning_test',
     'actualisation_plan', 'actualisation_results', 'technical_competence']
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

from pelatihan.io.document import FORMAT
from pelatihan.io.fields import (
    ABSENCES,
    COHORT,
    ORGANIZER,
    PARTICIPANT,
    PHASE,
    RESULT,
    SCORE_LABELS_ID,
    Field,
    Kind,
    Record,
)
from pelatihan.io.variant import FORMAT as VARIANT_FORMAT
from pelatihan.legal import regimes
from pelatihan.rulebooks import all_rulebooks
from pelatihan.training import PhaseKind

__all__ = [
    "DIALECT",
    "SCHEMA_ID",
    "SCORE_PATTERN",
    "VARIANT_SCHEMA_ID",
    "cohort_schema",
    "score_components",
    "variant_schema",
]

SCHEMA_ID = "https://pelatihan.readthedocs.io/schema/cohorts-1.json"
"""The ``$id`` of the schema of ``pelatihan/cohorts@1``."""

VARIANT_SCHEMA_ID = "https://pelatihan.readthedocs.io/schema/variant-1.json"
"""The ``$id`` of the schema of rulebook variant files, ``pelatihan/variant@1``."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect the schema is written in."""

SCORE_PATTERN = "^(100([.,]0+)?|[0-9]{1,2}([.,][0-9]+)?)$"
"""A score written as text: 0 to 100, with ``.`` or ``,`` as the decimal mark (``"70,01"``)."""

_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_NIP_PATTERN = "^[ .-]*[0-9][0-9 .-]*$"
_NOT_BLANK = r"\S"
_NULL_NOTE = " Null is the same as leaving the key out."


def _text(description: str) -> dict[str, object]:
    """A required text: a string with something other than spaces."""
    return {"type": "string", "pattern": _NOT_BLANK, "description": description}


def _date(description: str) -> dict[str, object]:
    return {
        "type": "string",
        "format": "date",
        "pattern": _DATE_PATTERN,
        "description": description + " Written YYYY-MM-DD (ISO 8601).",
    }


def _choice(values: list[str], description: str) -> dict[str, object]:
    return {"type": "string", "enum": values, "description": description}


def _object(
    title: str,
    description: str,
    properties: dict[str, dict[str, object]],
    required: list[str],
) -> dict[str, object]:
    return {
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _text_value(kind: Kind, field: Field) -> dict[str, object]:
    # blank text is as good as none, so only a required text must have more than spaces
    types: str | list[str] = ["string", "integer"] if kind.integers else "string"
    return {"type": types, "pattern": _NOT_BLANK} if field.required else {"type": types}


def _choice_value(kind: Kind, field: Field) -> dict[str, object]:
    code = kind.code or str
    return {"type": "string", "enum": [code(member) for member in kind.choices]}


def _ref(kind: Kind) -> str:
    return f"#/$defs/{kind.record.name if kind.record is not None else kind.name}"


_VALUES: dict[str, Callable[[Kind, Field], dict[str, object]]] = {
    "text": _text_value,
    "nip": lambda kind, field: {"type": "string", "pattern": _NIP_PATTERN},
    "date": lambda kind, field: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    "flag": lambda kind, field: {"type": "boolean"},
    "choice": _choice_value,
    "regime": lambda kind, field: {"type": "string", "enum": [r.id for r in regimes()]},
    "count": lambda kind, field: {"type": "number", "minimum": 0},
    "whole-count": lambda kind, field: {"type": "integer", "minimum": 0},
    "weekdays": lambda kind, field: {
        "type": "array",
        "items": {"type": "integer", "minimum": 0, "maximum": 6},
        "minItems": 1,
    },
    "scores": lambda kind, field: {"$ref": _ref(kind)},
    "record": lambda kind, field: {"$ref": _ref(kind)},
    "records": lambda kind, field: {"type": "array", "items": {"$ref": _ref(kind)}},
}
"""The schema of a present value of each kind of field, by the kind's name."""

_NOTES = {"date": " Written YYYY-MM-DD (ISO 8601)."}


def _field(field: Field) -> dict[str, object]:
    """A field's schema: its kind's, null allowed when it is optional, and its description."""
    schema = _VALUES[field.kind.name](field.kind, field)
    if not field.required:
        if "$ref" in schema:
            schema = {"anyOf": [schema, {"type": "null"}]}
        else:
            schema["type"] = [schema["type"], "null"]
            if "enum" in schema:
                schema["enum"] = [*cast("list[object]", schema["enum"]), None]
    note = _NOTES.get(field.kind.name, "")
    schema["description"] = field.description + note + ("" if field.required else _NULL_NOTE)
    return schema


def _record(record: Record[Any]) -> dict[str, object]:
    return _object(
        record.title,
        record.description,
        {field.key: _field(field) for field in record.fields},
        [field.key for field in record.required],
    )


def score_components() -> list[str]:
    """The keys of a result's scores: the components of every shipped rulebook's evaluation.

    Taken from the shipped rulebooks, in the order they list them.

    Example:
        >>> score_components()  # doctest: +NORMALIZE_WHITESPACE
        ['type_a', 'type_b', 'attitude', 'actualisation', 'mooc_test', 'elearning_test',
         'actualisation_plan', 'actualisation_results', 'technical_competence']
    """
    return list(_components())


def _components() -> dict[str, str]:
    """Each component key, with a description from the first rulebook that has it."""
    described: dict[str, str] = {}
    for book in all_rulebooks():
        for part in book.evaluation.components:
            if part.key in described:
                continue
            methods = ", ".join(method.value for method in part.methods) or "every method"
            described[part.key] = f"{part.name_en} ({part.name_id}); {methods}."
    return described


def _scores() -> dict[str, object]:
    score = {
        "anyOf": [
            {"type": "number", "minimum": 0, "maximum": 100},
            {"type": "string", "pattern": SCORE_PATTERN},
        ],
    }
    return _object(
        "Scores",
        "The participant's score per component of the evaluation, each 0 to 100: a number, "
        'or text with "." or "," as the decimal mark ("70,01"). Which components a cohort '
        "needs depends on its method.",
        {
            key: {
                **score,
                "description": description + " 0 to 100.",
            }
            for key, description in _components().items()
        },
        [],
    )


def cohort_schema(lang: str = "en") -> dict[str, object]:
    """Return the JSON Schema (draft 2020-12) of the cohort interchange format.

    Each call returns a new dictionary, free to change.

    Args:
        lang: ``"en"``, or ``"id"`` for Indonesian titles: each record's, and
            each field's (its Indonesian label). The descriptions are in English
            in both.

    Returns:
        The schema, as plain JSON data.

    Example:
        >>> import json
        >>> schema = cohort_schema()
        >>> schema["required"], sorted(schema["$defs"])  # doctest: +NORMALIZE_WHITESPACE
        (['format', 'cohorts'],
         ['absences', 'cohort', 'organizer', 'participant', 'phase', 'result', 'scores'])
        >>> json.loads(json.dumps(schema)) == schema
        True
        >>> cohort_schema("id")["$defs"]["participant"]["properties"]["agency"]["title"]
        'instansi'
    """
    schema: dict[str, object] = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "pelatihan cohorts",
        "description": (
            f"Cohorts of Latsar CPNS, the basic training of candidate civil servants "
            f"(Pelatihan Dasar CPNS), in the interchange format {FORMAT} read by the "
            "pelatihan library: each cohort (angkatan) with its facts, its schedule, "
            "its participants (peserta) and their results."
        ),
        "type": "object",
        "properties": {
            "format": {
                "const": FORMAT,
                "description": "The format's name and version; always " + FORMAT + ".",
            },
            "cohorts": {
                "type": "array",
                "items": {"$ref": "#/$defs/cohort"},
                "description": "The cohorts (angkatan).",
            },
        },
        "required": ["format", "cohorts"],
        "additionalProperties": False,
        "$defs": {
            "cohort": _record(COHORT),
            "organizer": _record(ORGANIZER),
            "participant": _record(PARTICIPANT),
            "phase": _record(PHASE),
            "result": _record(RESULT),
            "scores": _scores(),
            "absences": _record(ABSENCES),
        },
    }
    if lang == "id":
        _titled_in_indonesian(schema)
    return schema


_TITLES_ID = {
    "": "Angkatan pelatihan",
    "cohort": "Angkatan",
    "organizer": "Penyelenggara",
    "participant": "Peserta",
    "phase": "Tahap",
    "result": "Hasil evaluasi",
    "scores": "Nilai",
    "absences": "Ketidakhadiran",
}
"""The Indonesian titles of the cohort schema (``""``) and of its records."""


def _titled_in_indonesian(schema: dict[str, object]) -> None:
    """Give the cohort schema, its records and their fields Indonesian titles."""
    definitions = cast("dict[str, dict[str, Any]]", schema["$defs"])
    schema["title"] = _TITLES_ID[""]
    cast("dict[str, Any]", schema["properties"])["cohorts"]["title"] = "daftar angkatan"
    for name, definition in definitions.items():
        definition["title"] = _TITLES_ID[name]
    for record in (COHORT, ORGANIZER, PARTICIPANT, PHASE, RESULT, ABSENCES):
        properties = definitions[record.name]["properties"]
        for field in record.fields:
            properties[field.key]["title"] = field.label("id")
    for key, label in SCORE_LABELS_ID.items():
        if key in definitions["scores"]["properties"]:
            definitions["scores"]["properties"][key]["title"] = label


# -- rulebook variant files -----------------------------------------------------------------

_DECIMAL_PATTERN = "^[+-]?[0-9]{1,12}([.,][0-9]{1,12})?$"


def _figure_schema(kind: Any) -> dict[str, object]:
    """The schema of a figure's value of the declared type ``kind`` (``int | None``, ...)."""
    arguments = typing.get_args(kind) if isinstance(kind, types.UnionType) else (kind,)
    optional = type(None) in arguments
    (base,) = [argument for argument in arguments if argument is not type(None)]
    target = typing.get_origin(base) or base
    schemas: dict[object, dict[str, object]] = {
        int: {"type": "integer", "minimum": 0, "description": "A whole number, 0 or more."},
        Decimal: {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": _DECIMAL_PATTERN},
            ],
            "description": 'A decimal number, as text ("70.01") or a number (read exactly).',
        },
        datetime.date: _date("A date."),
        bool: {"type": "boolean", "description": "true or false."},
        str: _text("Text."),
        tuple: {
            "type": "array",
            "items": {"type": "string", "pattern": _NOT_BLANK},
            "description": "A list of texts.",
        },
    }
    schema = dict(schemas[target])
    if optional:
        described = schema.pop("description")
        schema = {
            "anyOf": [schema, {"type": "null"}],
            "description": f"{described} Null leaves the figure open (not established).",
        }
    return schema


def _supplied_phase() -> dict[str, object]:
    return _object(
        "Phase",
        "One phase of a method's planned sequence.",
        {
            "kind": _choice(
                [kind.value for kind in PhaseKind],
                "What happens in the phase: MOOC, e-learning, distance learning, classroom "
                "days (klasikal) or habituation at the workplace (habituasi).",
            ),
            "days": {
                "type": "integer",
                "minimum": 0,
                "description": "The phase's length in training days.",
            },
            "label": {"type": "string", "description": 'A name for the phase ("on campus 1").'},
            "weekdays": {
                "type": "array",
                "items": {"type": "integer", "minimum": 0, "maximum": 6},
                "minItems": 1,
                "description": "The weekdays that are training days in the phase, 0 (Monday) "
                "to 6 (Sunday); Monday to Friday when absent.",
            },
        },
        ["kind", "days"],
    )


def variant_schema() -> dict[str, object]:
    """Return the JSON Schema (draft 2020-12) of rulebook variant files (``pelatihan/variant@1``).

    The figure paths and their types come from the shipped rulebooks, so the
    schema never drifts from what :func:`pelatihan.io.variant.read_variant`
    accepts. It describes the canonical form: a flat table of paths under
    ``figures``; the reader also accepts nested TOML tables, whole numbers and
    dates written as text, and the text ``"null"`` (TOML has no null).

    Example:
        >>> schema = variant_schema()
        >>> schema["properties"]["format"]["const"], schema["required"]
        ('pelatihan/variant@1', ['format', 'id', 'base', 'figures'])
        >>> figures = schema["properties"]["figures"]["properties"]
        >>> figures["methods.klasikal.days_total"]["anyOf"][0]["type"]
        'integer'
        >>> figures["methods.klasikal.phases"]["items"]
        {'$ref': '#/$defs/phase'}
    """
    figures: dict[str, dict[str, object]] = {}
    for book in all_rulebooks():
        for path, kind in book.figure_types().items():
            figures.setdefault(path, _figure_schema(kind))
        for rules in book.methods:
            figures.setdefault(
                f"methods.{rules.method.value}.phases",
                {
                    "type": "array",
                    "items": {"$ref": "#/$defs/phase"},
                    "minItems": 1,
                    "description": f"The whole sequence of phases of {rules.method.value} "
                    "delivery, in order.",
                },
            )
    return {
        "$schema": DIALECT,
        "$id": VARIANT_SCHEMA_ID,
        "title": "pelatihan rulebook variant",
        "description": (
            f"An organiser's figures for Latsar CPNS in the format {VARIANT_FORMAT} read by "
            "the pelatihan library (TOML or JSON): a shipped rulebook as the base, and the "
            "figures that differ from it, by path. Each figure given gets the status USER."
        ),
        "type": "object",
        "properties": {
            "format": {
                "const": VARIANT_FORMAT,
                "description": "The format's name and version; always " + VARIANT_FORMAT + ".",
            },
            "id": _text("The variant's id, used in reports."),
            "base": {
                "enum": [book.id for book in all_rulebooks()],
                "description": "The shipped rulebook the figures change: a regime id "
                "(pelatihan regimes).",
            },
            "title": _text("A human title."),
            "source": _text(
                "Where the figures come from: the organiser's decree, an approval of the Head "
                "of LAN, a report."
            ),
            "note": _text("Anything a reader of the figures must know."),
            "figures": {
                "type": "object",
                "properties": figures,
                "additionalProperties": False,
                "description": "The figures that differ from the base, by path "
                "(Rulebook.figures()).",
            },
        },
        "required": ["format", "id", "base", "figures"],
        "additionalProperties": False,
        "$defs": {"phase": _supplied_phase()},
    }
