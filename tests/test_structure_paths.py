"""Plainly right participant records take a fast path; it gives what the general path gives."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from pelatihan.io import structure as structure_module
from pelatihan.io.document import PARTICIPANT_KEYS, RawDocument
from pelatihan.io.fields import PARTICIPANT, Field
from pelatihan.io.plain import plain_participant, plain_row_reader
from pelatihan.io.structure import Loaded, structure
from pelatihan.io.table import iso_text
from pelatihan.nip import Sex

texts = st.one_of(
    st.sampled_from(["Dewi", " Dewi ", "", "  ", "III/a", "Penata Muda", "Dinkes", "S-1"]),
    st.text(max_size=6),
)
dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(["2024-02-30", "2024-1-5", "05-01-2024", "20240105", " 2024-01-05", "x"]),
)
values = st.one_of(
    st.none(),
    texts,
    dates,
    st.sampled_from(["L", "P", "l", "X", "laki-laki"]),
    st.integers(-3, 10**18),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.sampled_from(["19950417 201903 2 004", "199504172019032004"]),
)
records = st.dictionaries(
    st.one_of(st.sampled_from(PARTICIPANT_KEYS), st.sampled_from(["colour", "NIP"])),
    values,
    max_size=len(PARTICIPANT_KEYS) + 1,
)
plain_records = st.fixed_dictionaries(
    {
        "nip": st.sampled_from(["19950417 201903 2 004", " 199504172019032004 "]),
        "name": st.sampled_from(["Dewi", " Dewi Lestari "]),
        "grade": st.sampled_from(["III/a", "II/c", "IV/a", "Penata Muda", "III/x"]),
        "agency": st.sampled_from(["Dinkes", "\tDinas Pendidikan"]),
    },
    optional={
        "birth_date": st.one_of(st.none(), dates),
        "tmt_cpns": st.one_of(st.none(), dates),
        "sex": st.sampled_from([None, "L", "P", "p"]),
        "education": st.one_of(st.none(), texts),
        "position": st.one_of(st.none(), texts),
    },
)


def _document(people: list[dict[str, Any]]) -> RawDocument:
    cohort = {"id": "c", "name": "C", "track": "III", "method": "blended", "participants": people}
    return RawDocument({"cohorts": [cohort]}, "x.json")


def _none(record: object) -> None:
    return None


def _general(document: RawDocument) -> Loaded:
    with (
        mock.patch.object(structure_module, "_plain_participant", return_value=None),
        mock.patch.object(structure_module, "plain_of", return_value=_none),
        mock.patch.object(structure_module, "_plain_cohort", return_value=None),
    ):
        return structure(document)


@settings(deadline=None)  # the first examples import and compile what structuring needs
@given(st.lists(st.one_of(records, plain_records, plain_records), max_size=6))
def test_the_fast_path_gives_the_participants_and_findings_of_the_general_path(
    people: list[dict[str, Any]],
) -> None:
    document = _document(people)
    fast, general = structure(document), _general(document)
    assert fast.cohorts == general.cohorts
    assert fast.findings == general.findings
    # and twice, through the remembered dates
    assert structure(document).cohorts == general.cohorts


def test_plainly_right_records_take_the_fast_path() -> None:
    person = {
        "nip": "19950417 201903 2 004",
        "name": " Dewi ",
        "grade": "III/a",
        "agency": "Dinkes",
        "birth_date": "1995-04-17",
        "sex": "P",
        "education": " ",
    }
    fast = structure_module._plain_participant(person)
    assert fast is not None
    assert fast.name == "Dewi"
    assert fast.education is None
    assert fast.birth_date is not None
    assert fast.birth_date.isoformat() == "1995-04-17"
    assert structure_module._plain_participant({**person, "birth_date": "17-04-1995"}) is None
    # a choice written as the general path reads it, with no finding, is read here too
    spelled = structure_module._plain_participant({**person, "sex": " Perempuan"})
    assert spelled is not None
    assert spelled.sex is Sex.FEMALE
    assert structure_module._plain_participant({**person, "sex": "X"}) is None
    assert structure_module._plain_participant({**person, "colour": "biru"}) is None


def _plain_values(field: Field) -> st.SearchStrategy[object]:
    """Plain values of a field's kind, which the fast path takes."""
    kind = field.kind
    if kind.name in ("text", "nip"):
        texts = st.from_regex(r"\s?\w[\w ./-]{0,8}\s?", fullmatch=True)
        # a NIP or an id may be a whole number, read as its digits
        return st.one_of(texts, st.integers(-(10**20), 10**20)) if kind.integers else texts
    if kind.name == "date":
        return st.dates().map(datetime.date.isoformat)
    if kind.name == "choice" and kind.code is not None:
        code = kind.code
        return st.sampled_from([code(member) for member in kind.choices]).flatmap(_spellings)
    if kind.name == "flag":
        return st.booleans()
    raise AssertionError(f"a participant field of kind {kind.name} needs values here")


def _spellings(code: str) -> st.SearchStrategy[str]:
    """A choice's code as exports write it: in any case, with spaces around, or spelled out."""
    words = {"L": ["Laki-laki", "LAKI - LAKI", "pria"], "P": ["Perempuan", "wanita"]}
    return st.sampled_from([code, code.lower(), code.upper(), f" {code} ", *words.get(code, [])])


def _declared_values(field: Field) -> st.SearchStrategy[object]:
    """Values of a field's kind: mostly plain, some the fast path must leave to the general."""
    plain = _plain_values(field)
    odd = st.one_of(values, plain.map(lambda value: f" {value}".lower()))
    return st.one_of(plain, plain, plain, odd) if field.required else st.one_of(plain, plain, odd)


declared_records = st.fixed_dictionaries(
    {field.key: _declared_values(field) for field in PARTICIPANT.required},
    optional={
        field.key: _declared_values(field) for field in PARTICIPANT.fields if not field.required
    },
)
"""Participant records of the declared keys (``records`` above has unknown keys too)."""


@settings(max_examples=300, deadline=None)
@given(declared_records)
def test_whatever_the_fast_path_takes_it_takes_as_the_general_path_does(
    record: dict[str, Any],
) -> None:
    fast = plain_participant(record)
    general = _general(_document([record]))
    event("left to the general path" if fast is None else "taken by the fast path")
    if fast is None:
        return
    about_the_record = [f for f in general.findings if "participants" in f.location.keys]
    assert about_the_record == []
    assert general.cohorts[0].participants == (fast,)


# -- how the fast path builds a model ---------------------------------------------------------


def _upper(value: str) -> str:
    return value.upper()


def _reader_of(model: type[Any]) -> Any:
    from pelatihan.io.fields import TEXT, Record  # noqa: PLC0415 - only these tests need them
    from pelatihan.io.plain import plain_reader  # noqa: PLC0415

    fields = (Field("code", TEXT, "", required=True), Field("note", TEXT, ""))
    return plain_reader(Record("thing", "Thing", "", model, fields))


def test_a_converter_that_would_change_a_plain_value_is_still_called() -> None:
    import attrs  # noqa: PLC0415

    @attrs.frozen
    class Thing:
        code: str = attrs.field(converter=_upper)
        note: str | None = None

    assert _reader_of(Thing)({"code": " ab ", "note": "x"}) == Thing("ab", "x")
    assert _reader_of(Thing)({"code": "ab"}).code == "AB"


def test_a_model_with_a_validator_is_built_by_calling_it() -> None:
    import attrs  # noqa: PLC0415

    seen: list[str] = []

    @attrs.frozen
    class Thing:
        code: str = attrs.field(validator=lambda _, __, value: seen.append(value))
        note: str | None = None

    assert _reader_of(Thing)({"code": "ab"}) == Thing("ab")
    assert seen == ["ab", "ab"]  # once by the reader, once by the comparison's Thing("ab")


def test_a_participant_built_on_the_fast_path_is_one_its_init_builds() -> None:
    person = plain_participant(
        {
            "nip": "19950417 201903 2 004",
            "name": "Dewi",
            "grade": "III/a",
            "agency": "Dinkes",
            "sex": "P",
            "birth_date": "1995-04-17",
        }
    )
    assert person is not None
    rebuilt = type(person)(*(getattr(person, name) for name in PARTICIPANT.keys))
    assert person == rebuilt
    assert hash(person) == hash(rebuilt)
    assert repr(person) == repr(rebuilt)


# -- phases and organisers ------------------------------------------------------------------

phase_values = st.one_of(
    st.none(),
    st.sampled_from(["klasikal", "mooc", "habituasi", "Klasikal", "kelas", "", " mooc "]),
    dates,
    st.lists(st.one_of(st.integers(-1, 8), st.booleans()), max_size=3),
    st.sampled_from([[0, 1, 2, 3, 4, 5], [5], "0-4"]),
    texts,
)
phase_records = st.dictionaries(
    st.sampled_from(["kind", "start", "end", "weekdays", "label", "colour"]),
    phase_values,
    max_size=6,
)
plain_phases = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["klasikal", "mooc", "habituasi", "e-learning"]),
        "start": st.dates().map(lambda day: day.isoformat()),
        "end": st.dates().map(lambda day: day.isoformat()),
    },
    optional={
        "weekdays": st.one_of(
            st.sampled_from([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5], [5]]),
            st.lists(st.one_of(st.integers(-1, 8), st.booleans()), max_size=3),
        ),
        "label": texts,
    },
)
organizers = st.one_of(
    st.fixed_dictionaries(
        {"name": texts}, optional={"accredited": st.one_of(st.booleans(), st.none(), texts)}
    ),
    st.dictionaries(st.sampled_from(["name", "accredited", "x"]), phase_values, max_size=3),
)


_PHASE = {"kind": "klasikal", "start": "2025-07-14", "end": "2025-07-18"}


@settings(deadline=None)
@example([{**_PHASE, "weekdays": [True]}], None)  # a boolean is no weekday
@example([{**_PHASE, "weekdays": [5]}, {**_PHASE, "label": " 2 "}], {"name": " BPSDM "})
@example([_PHASE], {"name": "BPSDM", "accredited": "ya"})
@given(
    st.lists(st.one_of(phase_records, plain_phases, plain_phases), max_size=4),
    st.one_of(st.none(), organizers),
)
def test_the_fast_path_gives_the_phases_and_organiser_of_the_general_path(
    phases: list[dict[str, Any]], organizer: dict[str, Any] | None
) -> None:
    cohort: dict[str, Any] = {"id": "c", "phases": phases, "participants": []}
    if organizer is not None:
        cohort["organizer"] = organizer
    document = RawDocument({"cohorts": [cohort]}, "x.json")
    fast, general = structure(document), _general(document)
    assert fast.cohorts == general.cohorts
    assert fast.findings == general.findings


cohort_values = st.one_of(
    st.none(),
    texts,
    dates,
    st.sampled_from(["II", "III", "iii", "Golongan III", "blended", "klasikal", "daring"]),
    st.sampled_from(["perlan-1-2021", "x"]),
    st.integers(-1, 99),
    st.booleans(),
    st.lists(st.integers(), max_size=1),
)
cohort_records = st.dictionaries(
    st.sampled_from(
        ["id", "name", "track", "method", "start", "regime", "klasikal_approved", "colour"]
    ),
    cohort_values,
    max_size=8,
)
plain_cohorts = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["jateng-1", " A "]),
        "name": st.sampled_from(["Angkatan I", " Angkatan II "]),
        "track": st.sampled_from(["II", "III", "III", "iii"]),
        "method": st.sampled_from(["blended", "klasikal", "blended", "Blended"]),
    },
    optional={
        "start": st.one_of(st.none(), st.dates().map(lambda day: day.isoformat()), dates),
        "klasikal_approved": st.one_of(st.booleans(), st.none(), st.just("ya")),
        "regime": st.sampled_from(["perlan-1-2021", " perlan-12-2018 ", "perlan-0", " ", None]),
    },
)
plain_organizers = st.fixed_dictionaries(
    {"name": st.sampled_from(["BPSDM", " BPSDM Jateng "])},
    optional={"accredited": st.one_of(st.booleans(), st.none())},
)


@settings(max_examples=200, deadline=None)
@example({"id": "A", "name": "A", "track": "III", "method": "blended"}, None, [], [])
@example({"id": 12, "name": "A", "track": "III", "method": "blended"}, {"name": "B"}, [], [])
@given(
    st.one_of(cohort_records, plain_cohorts, plain_cohorts),
    st.one_of(st.none(), plain_organizers, organizers),
    st.lists(st.one_of(phase_records, plain_phases), max_size=2),
    st.one_of(st.none(), st.lists(st.one_of(records, plain_records), max_size=3)),
)
def test_the_fast_path_gives_the_cohort_of_the_general_path(
    cohort: dict[str, Any],
    organizer: dict[str, Any] | None,
    phases: list[dict[str, Any]],
    people: list[dict[str, Any]] | None,
) -> None:
    cohort = dict(cohort)
    if organizer is not None:
        cohort["organizer"] = organizer
    if phases:
        cohort["phases"] = phases
    if people is not None:
        cohort["participants"] = people
    event("plain" if structure_module._plain_cohort(cohort) is not None else "general")
    document = RawDocument({"cohorts": [cohort]}, "x.json")
    fast, general = structure(document), _general(document)
    assert fast.cohorts == general.cohorts
    assert fast.findings == general.findings
    assert fast.participant_index == general.participant_index


# -- a table's rows, read from their cells ------------------------------------------------------

row_cells = st.one_of(
    st.sampled_from(
        [
            "",
            "Dewi",
            "III/a",
            "II/c",
            "Penata Muda",
            "S-1",
            "Dinkes",
            "L",
            "P",
            "l",
            "laki-laki",
            "19950417 201903 2 004",
            "199504172019032004",
            "2024-01-05",
            "05-01-2024",
            "5/1/2024",
            "31-02-2024",
            "2024-1-5",
        ]
    ),
    st.text(max_size=5),
)


# cells a national export's row gives each field, mostly plainly right
export_cells = {
    "nip": st.sampled_from(["19950417 201903 2 004", "199504172019032004", ""]),
    "name": st.sampled_from(["Dewi", "Dewi Lestari", ""]),
    "grade": st.sampled_from(["III/a", "II/c", "Penata Muda", "IV/a", "III/x"]),
    "agency": st.sampled_from(["Dinkes", "Dinas Pendidikan"]),
    "birth_date": st.sampled_from(["1995-04-17", "17-04-1995", "31-02-1995", ""]),
    "tmt_cpns": st.sampled_from(["2019-03-01", "01-03-2019", "2019-3-1", ""]),
    "sex": st.sampled_from(["L", "P", "", "perempuan"]),
}
any_layouts = st.lists(st.sampled_from(PARTICIPANT_KEYS), unique=True).flatmap(
    lambda keys: st.tuples(
        st.permutations(keys), st.lists(row_cells, min_size=len(keys), max_size=len(keys))
    )
)


@st.composite
def export_layouts(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """The fields of an export's columns, in any order, and a row's cells for them."""
    required = ["nip", "name", "grade", "agency"]
    extra = draw(st.lists(st.sampled_from(PARTICIPANT_KEYS), unique=True))
    keys = draw(st.permutations(required + [key for key in extra if key not in required]))
    return keys, [draw(export_cells.get(key, row_cells)) for key in keys]


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_layouts, export_layouts()))
def test_a_row_s_cells_give_the_participant_of_its_record(
    layout: tuple[list[str], list[str]],
) -> None:
    """What a table's record of the cells gives: empty cells left out, date cells as ISO text."""
    keys, cells = layout
    cells = [cell.strip() for cell in cells]  # a table's cells are stripped
    record = {
        key: (iso_text(cell) or cell) if key in ("birth_date", "tmt_cpns") else cell
        for key, cell in zip(keys, cells, strict=True)
        if cell
    }
    person = plain_row_reader(PARTICIPANT, keys, iso_text)(tuple(cells))
    event("plain" if person is not None else "general")
    assert person == plain_participant(record)
