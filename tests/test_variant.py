"""Rulebook variant files and PATH=VALUE settings (pelatihan.io.variant); the command's options."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import Cohort, Organizer, Participant, Phase, Status, rulebooks
from pelatihan.cli import main
from pelatihan.io.schema import variant_schema
from pelatihan.io.variant import (
    COMMAND_LINE,
    FORMAT,
    VariantError,
    apply_settings,
    read_variant,
    settings_by_regime,
    variant_from_data,
)

if sys.version_info >= (3, 11):  # pragma: no cover - version dependent
    import tomllib
else:  # pragma: no cover - version dependent
    import tomli as tomllib

jsonschema = pytest.importorskip("jsonschema")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE = EXAMPLES / "variant-klasikal-papua-tengah-2025.toml"
BASE = "perlan-1-2021+10-2021+kep-2024"  # the example's base: the regime of 2025 cohorts
HAVE_ICALENDAR = importlib.util.find_spec("icalendar") is not None
VARIANT_FILES = sorted(EXAMPLES.glob("variant-*.toml")) + sorted(EXAMPLES.glob("variant-*.json"))


def variant(figures: dict[str, object], **fields: object) -> dict[str, object]:
    data: dict[str, object] = {"format": FORMAT, "id": "contoh", "base": BASE, "figures": figures}
    data.update(fields)
    return data


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def klasikal_cohort(habituation_end: str = "2025-09-09") -> dict[str, object]:
    return {
        "id": "papua-tengah-2025-iii-1",
        "name": "Angkatan I",
        "track": "III",
        "method": "klasikal",
        "klasikal_approved": True,
        "organizer": {"name": "BPSDM Provinsi Papua Tengah", "accredited": True},
        "phases": [
            {"kind": "klasikal", "start": "2025-07-14", "end": "2025-08-06"},
            {"kind": "habituasi", "start": "2025-08-07", "end": habituation_end},
            {"kind": "klasikal", "start": "2025-09-10", "end": "2025-09-11"},
        ],
        "participants": [
            {"nip": "19970812 202503 1 003", "name": "Rizky Pratama", "grade": "III/a",
             "agency": "Bappeda"},
        ],
    }  # fmt: skip


def cohort_file(folder: Path, *cohorts: dict[str, object]) -> str:
    data = {"format": "pelatihan/cohorts@1", "cohorts": list(cohorts)}
    return write(folder, "angkatan.json", json.dumps(data))


# -- the example file ---------------------------------------------------------------------------


def test_the_example_variant_sets_the_reported_klasikal_days_with_status_user_and_its_file() -> (
    None
):
    book = read_variant(EXAMPLE)
    assert (book.id, book.parent, book.regime) == ("papua-tengah-2025-klasikal", BASE, BASE)
    phases = book.method("klasikal").phases
    assert [(p.kind.value, p.days.value) for p in phases] == [
        ("klasikal", 18),
        ("habituasi", 22),
        ("klasikal", 2),
    ]
    supplied = {path: f for path, f in book.figures().items() if f.status is Status.USER}
    assert set(supplied) == {
        "methods.klasikal.phases[0].days",
        "methods.klasikal.phases[1].days",
        "methods.klasikal.phases[2].days",
        "methods.klasikal.days_total",
        "methods.klasikal.days_in_class",
        "methods.klasikal.days_out_of_class",
    }
    for figure in supplied.values():
        assert figure.source is not None
        assert str(EXAMPLE) in figure.source
        assert "meepago.com" in figure.source
        assert "one organiser" in figure.note
        assert figure.basis is not None  # the legal basis of the base stays
    assert book.figure("methods.klasikal.days_total").value == 42


def test_the_example_variant_plans_a_2025_klasikal_cohort_of_42_days() -> None:
    plan = pelatihan.plan_schedule(
        datetime.date(2025, 7, 14), "III", "klasikal", rulebook=read_variant(EXAMPLE)
    )
    assert (plan.days_in_class, plan.days_out_of_class, plan.days_total) == (20, 22, 42)
    assert plan.start == datetime.date(2025, 7, 14)
    assert plan.end == datetime.date(2025, 9, 11)


@pytest.mark.parametrize("path", VARIANT_FILES, ids=lambda p: p.name)
def test_the_example_variant_files_validate_against_the_schema(path: Path) -> None:
    data = (
        tomllib.loads(path.read_text("utf-8"))
        if path.suffix == ".toml"
        else json.loads(path.read_text("utf-8"))
    )
    validator = jsonschema.Draft202012Validator(
        variant_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(data)) == []


def test_the_variant_schema_is_a_valid_schema_that_knows_every_shipped_figure_path() -> None:
    schema = variant_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    figures = schema["properties"]["figures"]["properties"]  # type: ignore[index]
    for book in rulebooks.all_rulebooks():
        assert set(book.figures()) <= set(figures)
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid(variant({"methods.klasikal.day_total": 42}))
    assert not validator.is_valid(variant({"methods.klasikal.days_total": -1}))
    assert validator.is_valid(variant({"evaluation.pass_mark": "70.01"}))


# -- values are converted to each figure's type ---------------------------------------------------


def test_values_are_converted_to_the_figure_type_and_decimals_are_never_floats() -> None:
    book = variant_from_data(
        variant(
            {
                "evaluation.pass_mark": Decimal("70.01"),
                "evaluation.bands.memuaskan": "80,5",
                "evaluation.components.attitude.weight": "40",
                "klasikal_approval_from": "2025-01-01",
                "methods.distance.available": False,
                "agendas[1].modules": ["Wawasan Kebangsaan"],
                "evaluation.components.actualisation_results.weight": None,
            }
        ),
        file="v.json",
    )
    values = {path: f.value for path, f in book.figures().items() if f.status is Status.USER}
    assert values == {
        "evaluation.pass_mark": Decimal("70.01"),
        "evaluation.bands.memuaskan": Decimal("80.5"),
        "evaluation.components.attitude.weight": 40,
        "klasikal_approval_from": datetime.date(2025, 1, 1),
        "methods.distance.available": False,
        "agendas[1].modules": ("Wawasan Kebangsaan",),
        "evaluation.components.actualisation_results.weight": None,
    }


def test_a_json_number_with_decimals_is_read_exactly(tmp_path: Path) -> None:
    name = write(
        tmp_path, "v.json", json.dumps(variant({})).replace("{}", '{"evaluation.pass_mark": 70.1}')
    )
    assert read_variant(name).figure("evaluation.pass_mark").value == Decimal("70.1")


def test_nested_toml_tables_name_the_same_figures(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "v.toml",
        f'format = "{FORMAT}"\nid = "x"\nbase = "{BASE}"\n'
        "[figures.methods.klasikal]\ndays_total = 42\n"
        '[figures.evaluation.bands]\nmemuaskan = "80.5"\n',
    )
    book = read_variant(name)
    assert book.figure("methods.klasikal.days_total").value == 42
    assert book.figure("evaluation.bands.memuaskan").value == Decimal("80.5")


def test_phases_take_labels_and_weekdays_and_keep_the_method_basis() -> None:
    book = variant_from_data(
        variant({"methods.klasikal.phases": [
            {"kind": "klasikal", "days": 12, "label": "on campus", "weekdays": [0, 1, 2, 3, 4, 5]},
            {"kind": "habituasi", "days": 30},
        ]}),
        file="v.json",
    )  # fmt: skip
    first, second = book.method("klasikal").phases
    assert (first.label, first.weekdays) == ("on campus", frozenset(range(6)))
    assert (second.label, second.weekdays) == ("", frozenset(range(5)))
    assert first.days.basis == rulebooks.get(BASE).method("klasikal").days_total.basis
    assert first.days.source == "v.json"


def test_settings_are_applied_after_the_file_and_say_they_came_from_the_command_line() -> None:
    book = apply_settings(read_variant(EXAMPLE), ["methods.klasikal.days_total=43"])
    total = book.figure("methods.klasikal.days_total")
    assert (total.value, total.status, total.source) == (43, Status.USER, COMMAND_LINE)
    assert book.figure("methods.klasikal.days_in_class").value == 20  # from the file
    assert (book.id, book.parent) == ("papua-tengah-2025-klasikal+set", BASE)


def test_settings_without_a_base_go_to_every_regime_that_has_the_figure() -> None:
    books = settings_by_regime(
        ["methods.blended.phases[0].days=9", "evaluation.components.attitude.weight=40"]
    )
    assert set(books) == {book.regime for book in rulebooks.all_rulebooks()}
    assert books[BASE].figure("methods.blended.phases[0].days").value == 9
    assert books["perlan-12-2018"].figure("evaluation.components.attitude.weight").value == 40
    assert "methods.blended.phases[0].days" not in books["perlan-12-2018"].figures()


# -- errors name the file, the path and what was expected -----------------------------------------


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        (
            {"methods.klasikal.days_total": "dua"},
            "methods.klasikal.days_total: expected a whole number",
        ),
        (
            {"methods.klasikal.days_total": -3},
            "methods.klasikal.days_total: expected a whole number",
        ),
        ({"methods.klasikal.days_total": True}, "not true or false"),
        ({"minutes_per_jp": None}, "minutes_per_jp: expected a whole number (0 or more), not null"),
        ({"evaluation.pass_mark": 70.01}, "evaluation.pass_mark: expected a decimal number"),
        ({"klasikal_approval_from": "2025-02-30"}, "expected a date written YYYY-MM-DD"),
        ({"methods.klasikal.available": "ya"}, "available: expected true or false"),
        ({"methods.klasikal.day_total": 42}, "did you mean 'methods.klasikal.days_total'?"),
        ({"methods.klasikal.phases": []}, "methods.klasikal.phases: expected a list of phases"),
        (
            {"methods.klasikal.phases": [{"kind": "kelas", "days": 3}]},
            "[0].kind: unknown phase kind",
        ),
        ({"methods.klasikal.phases": [{"kind": "klasikal"}]}, "[0]: the key 'days' is missing"),
        (
            {"methods.klasikal.phases": [{"kind": "klasikal", "days": 3, "weekdays": [7]}]},
            "weekdays: expected",
        ),
    ],
)
def test_a_wrong_value_names_the_file_the_path_and_what_was_expected(
    figures: dict[str, object], expected: str
) -> None:
    with pytest.raises(VariantError) as caught:
        variant_from_data(variant(figures), file="organiser.json")
    assert str(caught.value).startswith("organiser.json: figures: ")
    assert expected in str(caught.value)
    assert caught.value.code == "variant.invalid"
    assert caught.value.message_id.startswith("organiser.json: ")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], "expected an object (a table) with the keys format, id, base, figures"),
        (variant({}, format="pelatihan/cohorts@1"), "format: expected 'pelatihan/variant@1'"),
        ({"format": FORMAT, "id": "x", "figures": {}}, "the key 'base' is missing"),
        (variant({}, base="perlan-1-2024"), "base: 'perlan-1-2024' is not a shipped rulebook"),
        (variant({}, colour="red"), "unknown key 'colour'"),
        (variant({}, id=""), "id: expected text"),
        (variant([]), "figures: expected an object"),  # type: ignore[arg-type]
    ],
)
def test_a_malformed_variant_says_what_was_expected(data: object, expected: str) -> None:
    with pytest.raises(VariantError, match=r"^organiser\.json: ") as caught:
        variant_from_data(data, file="organiser.json")
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("v.toml", 'format = "pelatihan/variant@1\n', "not TOML"),
        ("v.json", '{"format": ', "not JSON: Expecting value at line 1"),
        ("v.json", '{"id": "a", "id": "b"}', "the key 'id' is given twice"),
        ("v.json", "[NaN]", "not JSON"),
        ("v.yaml", "format: x", "a variant file is TOML (.toml) or JSON (.json), not .yaml"),
        ("v.toml", "\udcff", "not UTF-8"),
    ],
)
def test_an_unreadable_file_is_a_variant_error_naming_it(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(VariantError, match=f"^{re.escape(str(path))}: ") as caught:
        read_variant(path)
    assert expected in str(caught.value)


def test_a_missing_file_is_a_variant_error(tmp_path: Path) -> None:
    with pytest.raises(VariantError, match="cannot read the file"):
        read_variant(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("methods.klasikal.days_total", "expected PATH=VALUE"),
        ("=42", "expected PATH=VALUE"),
        (
            "methods.klasikal.days_total=empat",
            "--set: methods.klasikal.days_total: expected a whole",
        ),
        ("methods.klasikal.phases=klasikal:18,habituasi", "expected phases written kind:days"),
        ("methods.klasikal.phase=klasikal:18", "did you mean 'methods.klasikal.phases'?"),
    ],
)
def test_a_bad_setting_says_what_was_expected(setting: str, expected: str) -> None:
    with pytest.raises(VariantError) as caught:
        apply_settings(rulebooks.get(BASE), [setting])
    assert expected in str(caught.value)
    assert str(caught.value).startswith("--set")


# -- the library checks each cohort against the rulebook of its regime ---------------------------


def test_rulebooks_by_regime_apply_to_their_cohorts_and_others_are_told_so() -> None:
    mine = read_variant(EXAMPLE)
    d = datetime.date
    new = Cohort(
        "a", "Angkatan I", track="III", method="klasikal", klasikal_approved=True,
        organizer=Organizer("BPSDM", accredited=True),
        phases=[Phase("klasikal", d(2025, 7, 14), d(2025, 8, 6)),
                Phase("habituasi", d(2025, 8, 7), d(2025, 9, 9)),
                Phase("klasikal", d(2025, 9, 10), d(2025, 9, 11))],
        participants=[Participant("19970812 202503 1 003", "Rizky Pratama", "III/a", "Bappeda")],
    )  # fmt: skip
    old = Cohort(
        "b", "Angkatan II", track="III", method="klasikal", start=d(2019, 10, 17),
        organizer=Organizer("BPSDM", accredited=True),
        participants=[Participant("19950417 201903 2 004", "Dewi Lestari", "III/a", "Dinkes")],
    )  # fmt: skip
    report = pelatihan.validate([new, old], rulebook={mine.regime: mine})
    assert report.counts_by_code() == {"cohort.rulebook-regime": 1}
    (finding,) = report
    assert finding.location.path == "$.cohorts[1]"
    assert "checked against the shipped rulebook of perlan-12-2018" in finding.message_en
    # one rulebook for every cohort: the 2019 cohort is checked against it, and told so
    single = pelatihan.validate([new, old], rulebook=mine)
    assert "cohort.rulebook-regime" in single.codes()


# -- the command ---------------------------------------------------------------------------------


def test_plan_with_the_example_variant_writes_the_schedule_and_names_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["plan", "--start", "2025-07-14", "--track", "III", "--method", "klasikal"]
    assert main(args) == 2
    assert "--set PATH=VALUE" in capsys.readouterr().err
    assert main([*args, "--variant", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "42 training days in total" in out
    assert str(EXAMPLE) in out
    assert main([*args, "--variant", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["days_total"] == 42
    assert data["rulebook"]["parent"] == BASE
    assert str(EXAMPLE) in data["rulebook"]["figures"]["methods.klasikal.days_total"]["source"]


@pytest.mark.skipif(not HAVE_ICALENDAR, reason="needs the ics extra")
def test_plan_with_the_example_variant_writes_a_calendar(tmp_path: Path) -> None:
    ics = tmp_path / "angkatan.ics"
    args = ["plan", "--start", "2025-07-14", "--track", "III", "--method", "klasikal"]
    assert main([*args, "--variant", str(EXAMPLE), "--ics", str(ics)]) == 0
    text = ics.read_text("utf-8")
    assert text.count("BEGIN:VEVENT") >= 3
    assert "DTSTART;VALUE=DATE:20250714" in text


def test_plan_with_set_alone_uses_the_regime_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plan", "--start", "2025-07-14", "--track", "III", "--method", "klasikal"]
    settings = ["--set", "methods.klasikal.phases=klasikal:18,habituasi:22,klasikal:2"]
    assert main([*args, *settings, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["regime"], data["days_total"]) == (BASE, 42)
    assert data["rulebook"]["figures"]["methods.klasikal.phases[0].days"]["source"] == COMMAND_LINE


def test_plan_refuses_a_variant_of_another_regime(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plan", "--start", "2019-10-17", "--track", "III", "--method", "klasikal"]
    assert main([*args, "--variant", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert f"{EXAMPLE}: the variant is based on {BASE}" in err
    assert "governed by perlan-12-2018" in err


def test_validate_with_the_variant_reports_the_user_figure_and_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = cohort_file(tmp_path, klasikal_cohort("2025-09-08"))  # one habituation day short
    assert main(["validate", name]) == 0  # the shipped rulebook leaves the days open
    capsys.readouterr()
    assert main(["validate", name, "--variant", str(EXAMPLE)]) == 1
    out = capsys.readouterr().out
    assert "schedule.days-out-of-class" in out
    assert f"[USER: {EXAMPLE} (" in out
    assert main(["validate", name, "--variant", str(EXAMPLE), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    total = next(f for f in findings if f["code"] == "schedule.days-total")
    assert total["status"] == "USER"
    assert total["source"].startswith(str(EXAMPLE))


def test_validate_of_the_planned_cohort_with_the_variant_finds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = cohort_file(tmp_path, klasikal_cohort())
    assert main(["validate", name, "--variant", str(EXAMPLE)]) == 0
    assert "no findings" in capsys.readouterr().out


def test_validate_with_set_alone_uses_each_cohort_regime_and_names_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = cohort_file(tmp_path, klasikal_cohort())
    assert main(["validate", name, "--set", "methods.klasikal.days_total=41"]) == 1
    out = capsys.readouterr().out
    assert "the rulebook gives 41 (USER)" in out
    assert f"[USER: {COMMAND_LINE}]" in out
    assert main(["validate", str(EXAMPLES / "cohort.json"), "--set", "cohort_size_max=40"]) == 0
    assert "rulebook-regime" not in capsys.readouterr().out


def test_validate_with_a_variant_of_another_regime_warns_per_cohort(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(EXAMPLES / "cohort.json"), "--variant", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.count("cohort.rulebook-regime") == 2
    assert "checked against the shipped rulebook of perlan-12-2018" in out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ["--set", "methods.klasikal.days_total=x"],
            "--set: methods.klasikal.days_total: expected a whole",
        ),
        (["--set", "methods.klasikal.dayz=1"], "did you mean 'methods.klasikal.days_total'?"),
        (["--variant", "missing.toml"], "missing.toml: cannot read the file"),
    ],
)
def test_unusable_variant_options_exit_2_with_the_message(
    capsys: pytest.CaptureFixture[str], options: list[str], expected: str
) -> None:
    for command in (
        ["validate", str(EXAMPLES / "cohort.json")],
        ["plan", "--start", "2025-07-14", "--track", "III", "--method", "klasikal"],
    ):
        assert main([*command, *options]) == 2
        err = capsys.readouterr().err
        assert err.startswith("pelatihan: ")
        assert expected in err
        assert "Traceback" not in err


def test_a_bad_variant_file_exits_2_naming_file_path_and_expectation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = write(
        tmp_path,
        "v.toml",
        f'format = "{FORMAT}"\nid = "x"\nbase = "{BASE}"\n'
        '[figures]\n"evaluation.pass_mark" = true\n',
    )
    assert main(["validate", str(EXAMPLES / "cohort.json"), "--variant", name]) == 2
    err = capsys.readouterr().err
    assert f"{name}: figures: evaluation.pass_mark: expected a decimal number" in err
    assert "not true or false" in err


def test_schema_variant_prints_the_variant_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--variant"]) == 0
    assert json.loads(capsys.readouterr().out) == variant_schema()


# -- properties -----------------------------------------------------------------------------------

_BOOK = rulebooks.get(BASE)
_TYPES = _BOOK.figure_types()


def _value_of(kind: Any) -> st.SearchStrategy[object]:
    text = str(kind)
    values: st.SearchStrategy[object]
    if "int" in text:
        values = st.integers(0, 10**6)
    elif "Decimal" in text:
        values = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
    elif "date" in text:
        values = st.dates(datetime.date(1990, 1, 1), datetime.date(2099, 12, 31))
    elif "bool" in text:
        values = st.booleans()
    elif "tuple" in text:
        values = st.lists(st.text("abcdefgh XYZ", min_size=1).filter(str.strip), max_size=3).map(
            lambda items: tuple(item.strip() for item in items)
        )
    else:
        values = st.text("abcdefgh XYZ-", min_size=1).filter(str.strip).map(str.strip)
    return st.one_of(st.none(), values) if "None" in text else values


_FIGURES = st.lists(st.sampled_from(sorted(_TYPES)), unique=True, max_size=8).flatmap(
    lambda paths: st.fixed_dictionaries({path: _value_of(_TYPES[path]) for path in paths})
)


def _plain(value: object) -> object:
    """A figure's value as a file holds it: decimals and dates as text, tuples as lists."""
    if isinstance(value, (Decimal, datetime.date)):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _toml(value: object) -> str:
    if value is None:
        return '"null"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value)  # text: a JSON string is a TOML basic string here


@given(figures=_FIGURES, as_toml=st.booleans())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_variant_written_as_json_or_toml_reads_back_with_the_same_figures(
    figures: dict[str, object], as_toml: bool
) -> None:
    plain = {path: _plain(value) for path, value in figures.items()}
    with tempfile.TemporaryDirectory() as folder:
        if as_toml:
            lines = [
                f'format = "{FORMAT}"',
                'id = "rt"',
                f'base = "{BASE}"',
                'source = "SK"',
                "[figures]",
            ]
            lines += [f"{json.dumps(path)} = {_toml(value)}" for path, value in plain.items()]
            name = write(Path(folder), "v.toml", "\n".join(lines) + "\n")
        else:
            data = variant(plain, id="rt", source="SK")
            name = write(Path(folder), "v.json", json.dumps(data))
        book = read_variant(name)
    shipped = _BOOK.figures()
    # what Rulebook.variant makes of the same figures (totals follow changed phases)
    expected = _BOOK.variant("rt", figures, source=f"{name} (SK)").figures()
    for path, figure in book.figures().items():
        if path in figures:
            assert figure.value == figures[path], path
            assert (figure.status, figure.source) == (Status.USER, f"{name} (SK)")
            assert figure.basis == shipped[path].basis
        else:
            assert (figure.value, figure.status) == (expected[path].value, expected[path].status)
            if expected[path] == shipped[path]:
                assert figure == shipped[path], path


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12)
    | st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from(sorted(_TYPES)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from([*sorted(_TYPES)[:6], "methods.klasikal.phases", "kind", "days", "x"])
        | st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


@given(
    figures=_JSONISH,
    base=st.sampled_from([BASE, "perlan-12-2018", "x"]),
    extra=st.dictionaries(
        st.sampled_from(["id", "title", "note", "format", "y"]), _JSONISH, max_size=2
    ),
)
@settings(max_examples=300, deadline=None)
def test_the_reader_raises_nothing_but_variant_error_on_any_data(
    figures: object, base: str, extra: dict[str, object]
) -> None:
    data = {**variant({}), "base": base, "figures": figures, **extra}
    message = "fuzz.json"
    try:
        variant_from_data(data, file="fuzz.json")
    except VariantError as error:
        message = str(error)
    assert message.startswith("fuzz.json")


@given(text=st.text(max_size=80), as_toml=st.booleans())
@settings(max_examples=200, deadline=None)
def test_the_reader_raises_nothing_but_variant_error_on_any_text(text: str, as_toml: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("v.toml" if as_toml else "v.json")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        message = str(path)
        try:
            read_variant(path)
        except VariantError as error:
            message = str(error)
    assert message.startswith(str(path))


@given(
    path=st.sampled_from([*sorted(_TYPES), "methods.klasikal.phases", "x"]),
    value=st.text(max_size=40),
)
@settings(max_examples=300, deadline=None)
def test_settings_raise_nothing_but_variant_error_on_any_value(path: str, value: str) -> None:
    message = "--set"
    try:
        apply_settings(_BOOK, [f"{path}={value}"])
    except VariantError as error:
        message = str(error)
    assert message.startswith("--set")
