import datetime
import decimal
import enum
import json
import math
import pickle
import random
import re
import sys

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import pelatihan
from pelatihan import ValidationError
from pelatihan.findings import parse_path
from pelatihan.location import Sheet
from pelatihan.provenance import Citation, Figure, Status
from pelatihan.training import Method
from pelatihan.validation import (
    Finding,
    FindingError,
    Location,
    Report,
    ReportErrors,
    Rule,
    Severity,
    catalogue,
)

if sys.version_info < (3, 11):  # pragma: no cover - version dependent
    from exceptiongroup import ExceptionGroup

BASIS = Citation("perlan-1-2021", "Pasal 17")


def finding(
    code: str = "x.y",
    severity: Severity = Severity.ERROR,
    location: Location | None = None,
    message_en: str = "wrong",
    message_id: str = "salah",
    **kwargs: object,
) -> Finding:
    return Finding(
        code,
        severity,
        location or Location("$"),
        message_en,
        message_id,
        **kwargs,  # type: ignore[arg-type]
    )


def _quoted_key(path: str) -> str:
    match = re.fullmatch(r'\$\[(".*")\]', path, flags=re.DOTALL)
    assert match is not None, path
    key = json.loads(match.group(1))
    assert isinstance(key, str)
    return key


# --- Location -------------------------------------------------------------------------


def test_location_child_of_an_int_is_an_index_and_of_an_identifier_is_a_field() -> None:
    here = Location("$.cohorts").child(3).child("participants").child(0).child("nip")
    assert here.path == "$.cohorts[3].participants[0].nip"
    assert Location().child("_private").child("kelas2").path == "$._private.kelas2"


def test_location_child_keeps_file_and_row() -> None:
    here = Location("$", file="angkatan.csv", row=7).child("nip")
    assert here == Location("$.nip", file="angkatan.csv", row=7)


def test_location_child_quotes_a_key_with_a_space_as_a_json_string() -> None:
    assert Location().child("a b").path == '$["a b"]'
    assert _quoted_key(Location().child("a b").path) == "a b"


def test_location_child_escapes_a_double_quote_and_a_backslash_in_a_key() -> None:
    path = Location().child('say "hi"').path
    assert path == '$["say \\"hi\\""]'
    assert _quoted_key(path) == 'say "hi"'
    assert _quoted_key(Location().child("C:\\data").path) == "C:\\data"


def test_location_child_escapes_control_characters_so_a_path_stays_on_one_line() -> None:
    path = Location().child("tanggal\nmulai").path
    assert "\n" not in path
    assert _quoted_key(path) == "tanggal\nmulai"


def test_location_child_keeps_non_ascii_characters_of_a_quoted_key() -> None:
    assert Location().child("nama lengkap é").path == '$["nama lengkap é"]'


@given(st.text())
def test_location_child_of_any_text_key_is_a_valid_json_path_member(key: str) -> None:
    path = Location().child(key).path
    if key.isidentifier():
        assert path == f"$.{key}"
    else:
        assert _quoted_key(path) == key


def test_location_str_is_the_path_alone_without_file_or_row() -> None:
    assert str(Location("$.phases[2]")) == "$.phases[2]"


def test_location_str_puts_file_and_row_before_the_path() -> None:
    assert str(Location("$.nip", file="angkatan.csv", row=5)) == "angkatan.csv:5 $.nip"
    assert str(Location("$.nip", file="angkatan.csv")) == "angkatan.csv $.nip"
    assert str(Location("$.nip", row=5)) == "row 5 $.nip"


def test_location_sort_compares_indexes_as_numbers() -> None:
    tenth, second = Location("$.cohorts[10]"), Location("$.cohorts[2]")
    assert sorted([tenth, second], key=Location.sort_key) == [second, tenth]


def test_location_sort_puts_a_parent_before_its_children() -> None:
    parent, child = Location("$.cohorts"), Location("$.cohorts[0]")
    assert sorted([child, parent], key=Location.sort_key) == [parent, child]


def test_location_sort_is_by_file_then_row_then_path() -> None:
    expected = [
        Location("$.z"),
        Location("$.z", file="a.csv", row=2),
        Location("$.a", file="a.csv", row=10),
        Location("$.a", file="a.csv", row=10).child(1),
        Location("$.a", file="b.csv", row=1),
    ]
    scrambled = [expected[i] for i in (3, 0, 4, 2, 1)]
    assert sorted(scrambled, key=Location.sort_key) == expected


# worksheet names whose text order is not the workbook's: "X]" sorts after "XI]"
_SHEET_NAMES = st.lists(
    st.sampled_from(["Angkatan I", "Angkatan II", "Angkatan III", "Angkatan IV", "A", "Z", "b"]),
    min_size=1,
    unique=True,
)


@given(_SHEET_NAMES, st.randoms(use_true_random=False))
def test_location_sort_puts_worksheets_in_the_workbook_s_order_not_by_name(
    names: list[str], rng: random.Random
) -> None:
    book = [Sheet("buku.xlsx", name, position) for position, name in enumerate(names)]
    expected = [
        Location(file="buku.xlsx"),
        *(Location(("cohorts", 0), file=sheet, row=row) for sheet in book for row in (2, 10)),
        Location(file="c.csv", row=1),
    ]
    scrambled = list(expected)
    rng.shuffle(scrambled)
    assert sorted(scrambled, key=Location.sort_key) == expected
    report = Report(finding(location=where) for where in scrambled)
    assert [f.location for f in report] == expected
    back = Report.from_dict(json.loads(report.to_json()))
    assert back == report  # in the same order: each finding gives its worksheet's position
    assert [type(f.location.file) for f in back] == [type(where.file) for where in expected]


@given(st.lists(st.sampled_from(["a.csv", "b.xlsx", "b.xlsx[", "b.xlsxZ", "b"]), max_size=4),
       _SHEET_NAMES)  # fmt: skip
def test_sheets_and_plain_file_names_compare_as_one_total_order(
    plain: list[str], names: list[str]
) -> None:
    files = [*plain, *(Sheet("b.xlsx", name, n) for n, name in enumerate(names))]
    ordered = sorted(files)
    for n, low in enumerate(ordered):
        for high in ordered[n + 1 :]:
            assert not high < low
            assert (low < high) == (low <= high and low != high)
    assert pickle.loads(pickle.dumps(files)) == files


# --- Finding values -------------------------------------------------------------------


class _Colour(enum.IntEnum):
    RED = 1


class _Shape(str, enum.Enum):
    ROUND = "round"


class _Thing:
    def __str__(self) -> str:
        return "a thing"


def test_finding_value_date_becomes_iso_text() -> None:
    assert finding(value=datetime.date(2024, 4, 22)).value == "2024-04-22"
    moment = datetime.datetime(2024, 4, 22, 8, 30)  # noqa: DTZ001
    assert finding(value=moment).value == "2024-04-22T08:30:00"


def test_finding_value_enum_becomes_its_plain_value() -> None:
    assert finding(value=Method.BLENDED).value == "blended"
    for member, plain in ((_Colour.RED, 1), (_Shape.ROUND, "round")):
        value = finding(value=member).value
        assert value == plain
        assert type(value) is type(plain)


def test_finding_value_tuples_become_lists_recursively() -> None:
    value = finding(value=(1, (datetime.date(2024, 1, 2), "x"))).value
    assert value == [1, ["2024-01-02", "x"]]


def test_finding_value_sets_become_sorted_lists() -> None:
    assert finding(value={3, 1, 2}).value == [1, 2, 3]
    assert finding(value={10, 2}).value == [2, 10]
    assert finding(value=frozenset({"b", "a"})).value == ["a", "b"]
    mixed = finding(value={"a", 1, None}).value
    assert isinstance(mixed, list)
    assert sorted(mixed, key=repr) == mixed
    assert set(mixed) == {"a", 1, None}


def test_finding_value_non_finite_floats_become_text() -> None:
    assert finding(value=math.nan).value == "nan"
    assert finding(value=math.inf).value == "inf"
    assert finding(value=-math.inf).value == "-inf"
    assert finding(value=1.5).value == 1.5


def test_finding_value_arbitrary_objects_become_their_text() -> None:
    assert finding(value=_Thing()).value == "a thing"
    assert finding(value=decimal.Decimal("1.50")).value == "1.50"


def test_finding_value_dict_keys_become_text() -> None:
    assert finding(value={1: datetime.date(2024, 1, 2)}).value == {"1": "2024-01-02"}


def test_finding_value_plain_json_data_is_kept() -> None:
    for value in (None, True, 0, -3, "teks", 2.5):
        assert finding(value=value).value == value


# --- Finding --------------------------------------------------------------------------


def test_finding_to_dict_leaves_out_file_row_basis_and_status_when_unset() -> None:
    plain = finding("schedule.gap", Severity.WARNING, Location("$.phases[1]"), "gap", "jeda")
    assert plain.to_dict() == {
        "code": "schedule.gap",
        "severity": "warning",
        "path": "$.phases[1]",
        "message": {"en": "gap", "id": "jeda"},
        "value": None,
    }


def test_finding_to_dict_has_file_row_basis_and_status_when_set() -> None:
    full = finding(
        "schedule.days-total",
        Severity.ERROR,
        Location("$.phases", file="jadwal.csv", row=3),
        "73 days",
        "73 hari",
        value=(73, 74),
        basis=BASIS,
        status=Status.SEC,
    )
    assert full.to_dict() == {
        "code": "schedule.days-total",
        "severity": "error",
        "path": "$.phases",
        "file": "jadwal.csv",
        "row": 3,
        "message": {"en": "73 days", "id": "73 hari"},
        "value": [73, 74],
        "basis": {
            "instrument": "perlan-1-2021",
            "article": "Pasal 17",
            "citation": "Peraturan LAN 1/2021, Pasal 17",
        },
        "status": "SEC",
    }


def test_finding_message_by_language_and_unknown_language_is_a_value_error() -> None:
    f = finding(message_en="look", message_id="lihat")
    assert (f.message(), f.message("en"), f.message("id")) == ("look", "look", "lihat")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        f.message("xx")


def test_finding_is_error_only_for_error_severity() -> None:
    assert finding(severity=Severity.ERROR).is_error
    assert not finding(severity=Severity.WARNING).is_error
    assert not finding(severity=Severity.INFO).is_error


def test_finding_from_error_carries_code_messages_and_value_of_a_validation_error() -> None:
    with pytest.raises(pelatihan.nip.InvalidNIP) as info:
        pelatihan.nip.validate("19860926 201505 3 001")
    error = info.value
    assert isinstance(error, ValidationError)
    f = Finding.from_error(error, Location("$.nip", file="peserta.csv", row=4))
    assert f.code == error.code == "nip.sex"
    assert f.severity is Severity.ERROR
    assert f.location == Location("$.nip", file="peserta.csv", row=4)
    assert (f.message_en, f.message_id) == (error.message_en, error.message_id)
    assert f.message_en != f.message_id
    assert f.value == "3"
    assert (f.basis, f.status) == (None, None)


# --- Report ---------------------------------------------------------------------------

_CODES = ("schedule.gap", "schedule.overlap", "x.y")
_TEXT = st.text(st.characters(codec="utf-8"), max_size=6)


@st.composite
def locations(draw: st.DrawFn) -> Location:
    here = Location(
        "$",
        file=draw(st.none() | st.sampled_from(["", "a.csv", "b.csv"])),
        row=draw(st.none() | st.integers(0, 12)),
    )
    keys = st.integers(0, 12) | st.sampled_from(["a", "b", "cohorts", "a b", 'x"y'])
    for key in draw(st.lists(keys, max_size=3)):
        here = here.child(key)
    return here


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    values = (
        st.none()
        | st.booleans()
        | st.integers(-3, 3)
        | st.floats(allow_nan=True, allow_infinity=True)
        | _TEXT
        | st.dates()
        | st.lists(st.integers(0, 3), max_size=3)
    )
    bases = st.none() | st.builds(
        Citation,
        st.sampled_from(["perlan-1-2021", "kep-93-2021", "sk-lokal"]),
        st.none() | st.sampled_from(["Pasal 17", "Lampiran"]),
    )
    return Finding(
        draw(st.sampled_from(_CODES)),
        draw(st.sampled_from(Severity)),
        draw(
            st.sampled_from([Location("$.a"), Location('$["a"]'), Location("$.a", file="")])
            | locations()
        ),
        draw(st.sampled_from(["m", "n"]) | _TEXT),
        draw(st.sampled_from(["m", "n"]) | _TEXT),
        value=draw(values),
        basis=draw(bases),
        status=draw(st.none() | st.sampled_from(Status)),
    )


@given(st.lists(findings(), max_size=8), st.data())
def test_report_is_the_same_for_any_order_of_its_findings(
    items: list[Finding], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(items))
    one, other = Report(items), Report(shuffled)
    assert one == other
    assert one.to_json().encode() == other.to_json().encode()
    assert one.to_text(basis=True) == other.to_text(basis=True)
    keys = [f.sort_key() for f in one]
    assert keys == sorted(keys)


def test_report_ties_on_location_severity_and_code_are_broken_by_the_whole_finding() -> None:
    a = finding(location=Location("$.a"), message_id="p")
    b = finding(location=Location('$["a"]'), message_id="p")
    c = finding(location=Location("$.a"), message_id="q")
    d = finding(location=Location("$.a", file=""), message_id="p")
    e = finding(location=Location("$.a"), message_id="p", value=1)
    items = [a, b, c, d, e]
    assert Report(items) == Report(items[::-1])
    assert Report(items).to_json() == Report(items[::-1]).to_json()


def test_report_orders_by_location_then_severity_then_code() -> None:
    first = finding("b.code", Severity.ERROR, Location("$.cohorts[2]"))
    second = finding("a.code", Severity.WARNING, Location("$.cohorts[2]"))
    third = finding("b.code", Severity.WARNING, Location("$.cohorts[2]"))
    fourth = finding("a.code", Severity.ERROR, Location("$.cohorts[10]"))
    report = Report([fourth, third, second, first])
    assert report.findings == (first, second, third, fourth)
    assert list(report) == [first, second, third, fourth]
    assert len(report) == 4


@given(st.lists(findings(), max_size=8))
def test_report_is_ok_iff_no_finding_is_an_error(items: list[Finding]) -> None:
    report = Report(items)
    assert report.ok is (not any(f.severity is Severity.ERROR for f in items))
    assert report.errors == tuple(f for f in report if f.severity is Severity.ERROR)
    assert report.warnings == tuple(f for f in report if f.severity is Severity.WARNING)


def test_report_with_warnings_and_info_only_is_ok() -> None:
    report = Report([finding(severity=Severity.WARNING), finding(severity=Severity.INFO)])
    assert report.ok
    assert not (report + Report([finding(severity=Severity.ERROR)])).ok
    assert Report().ok


@given(st.lists(findings(), max_size=8))
def test_report_counts_always_has_the_three_severities(items: list[Finding]) -> None:
    counts = Report(items).counts()
    assert list(counts) == ["error", "warning", "info"]
    assert sum(counts.values()) == len(items)
    for severity in Severity:
        assert counts[severity.value] == sum(f.severity is severity for f in items)


def test_report_counts_of_an_empty_report_are_zero() -> None:
    assert Report().counts() == {"error": 0, "warning": 0, "info": 0}


def test_report_counts_by_code_are_sorted_by_code() -> None:
    report = Report([finding("z.last"), finding("a.first"), finding("m.mid"), finding("a.first")])
    by_code = report.counts_by_code()
    assert by_code == {"a.first": 2, "m.mid": 1, "z.last": 1}
    assert list(by_code) == ["a.first", "m.mid", "z.last"]
    assert report.codes() == {"a.first", "m.mid", "z.last"}


@given(st.lists(findings(), max_size=5), st.lists(findings(), max_size=5))
def test_report_addition_merges_and_reorders(left: list[Finding], right: list[Finding]) -> None:
    merged = Report(left) + Report(right)
    assert merged == Report([*right, *left])
    assert len(merged) == len(left) + len(right)


def _assert_keys_sorted(data: object) -> None:
    if isinstance(data, dict):
        assert list(data) == sorted(data)
        for item in data.values():
            _assert_keys_sorted(item)
    elif isinstance(data, list):
        for item in data:
            _assert_keys_sorted(item)


@given(st.lists(findings(), max_size=6))
def test_report_to_json_is_valid_json_with_sorted_keys(items: list[Finding]) -> None:
    report = Report(items)
    text = report.to_json()
    loaded = json.loads(text)
    _assert_keys_sorted(loaded)
    assert loaded == json.loads(json.dumps(report.to_dict()))
    assert loaded["format"] == "pelatihan/report@1"
    assert loaded["ok"] is report.ok
    assert json.loads(report.to_json(indent=None)) == loaded


def test_report_to_json_keeps_non_ascii_characters() -> None:
    name = "Rene\u0301 Nu\u0301n\u0303ez"  # combining acute accent and tilde, not precomposed
    report = Report(
        [
            finding(
                message_en=f"{name}: the café is closed",
                message_id=f"{name}: kafe tutup, pesérta libur",
                value=name,
            )
        ]
    )
    text = report.to_json()
    assert "\\u" not in text
    assert name in text
    assert "pesérta" in text
    assert json.loads(text)["findings"][0]["value"] == name
    assert text.encode("utf-8") == report.to_json().encode("utf-8")


def test_report_to_text_english_summary_is_singular_or_plural() -> None:
    report = Report(
        [
            finding("schedule.gap", Severity.WARNING, Location("$.phases[1]"), "gap", "jeda"),
            finding("x.y", Severity.ERROR, Location("$.phases"), "wrong", "salah"),
        ]
    )
    lines = report.to_text("en").split("\n")
    assert lines == [
        "error    x.y           $.phases  wrong",
        "warning  schedule.gap  $.phases[1]  gap",
        "1 error, 1 warning, 0 info",
    ]
    many = Report([finding(), finding(location=Location("$.b"))])
    assert many.to_text().endswith("\n2 errors, 0 warnings, 0 info")
    assert Report().to_text() == "0 errors, 0 warnings, 0 info"


def test_report_to_text_indonesian_uses_indonesian_messages_and_summary() -> None:
    report = Report(
        [
            finding("a.b", Severity.ERROR, message_en="wrong", message_id="salah"),
            finding("a.b", Severity.INFO, message_en="note", message_id="catatan"),
            finding("a.b", Severity.INFO, message_en="note 2", message_id="catatan 2"),
        ]
    )
    text = report.to_text("id")
    assert text.split("\n")[-1] == "1 kesalahan, 0 peringatan, 2 info"
    assert "salah" in text
    assert "catatan 2" in text
    assert "wrong" not in text


def test_report_to_text_with_basis_shows_the_citation_and_status() -> None:
    report = Report([finding(basis=BASIS, status=Status.SEC), finding(location=Location("$.b"))])
    with_basis = report.to_text(basis=True).split("\n")
    assert with_basis[0].endswith("  [Peraturan LAN 1/2021, Pasal 17, SEC]")
    assert "[" not in with_basis[1]
    assert "Peraturan LAN" not in report.to_text()


def test_report_to_text_unknown_language_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown language 'jv'"):
        Report().to_text("jv")


# --- raise_for_errors -----------------------------------------------------------------

ERRORS_REPORT = Report(
    [
        finding("b.second", Severity.ERROR, Location("$.cohorts[10]"), "late", "terlambat"),
        finding("w.warn", Severity.WARNING, Location("$.cohorts[0]"), "hm", "hm"),
        finding("a.first", Severity.ERROR, Location("$.cohorts[2]"), "early", "awal", value=2),
    ]
)


def test_raise_for_errors_raises_nothing_for_warnings_and_info_only() -> None:
    Report([finding(severity=Severity.WARNING), finding(severity=Severity.INFO)]).raise_for_errors()
    Report().raise_for_errors()


def test_raise_for_errors_raises_an_exception_group_of_finding_errors_in_report_order() -> None:
    with pytest.raises(ReportErrors) as info:
        ERRORS_REPORT.raise_for_errors()
    group = info.value
    assert isinstance(group, ExceptionGroup)
    assert str(group).startswith("2 error findings")
    assert group.findings == ERRORS_REPORT.errors
    assert [f.code for f in group.findings] == ["a.first", "b.second"]
    for error, expected in zip(group.exceptions, ERRORS_REPORT.errors, strict=True):
        assert isinstance(error, FindingError)
        assert isinstance(error, ValidationError)
        assert error.finding is expected
        assert error.value == expected.value
    first = group.exceptions[0]
    assert isinstance(first, FindingError)
    assert str(first) == "$.cohorts[2]: a.first: early"
    assert first.message("id") == "$.cohorts[2]: a.first: awal"


def test_raise_for_errors_message_is_singular_for_one_error() -> None:
    with pytest.raises(ReportErrors) as info:
        Report([finding()]).raise_for_errors()
    assert info.value.message == "1 error finding"


def test_report_errors_can_be_caught_as_a_validation_error_group() -> None:
    with pytest.raises(ExceptionGroup) as info:
        ERRORS_REPORT.raise_for_errors()
    match, rest = info.value.split(ValidationError)
    assert rest is None
    assert match is not None
    assert len(match.exceptions) == 2


_EXCEPT_STAR = """
caught = []
try:
    report.raise_for_errors()
except* FindingError as group:
    caught.append(group)
"""


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* needs Python 3.11")
def test_except_star_finding_error_catches_every_error_finding() -> None:
    namespace: dict[str, object] = {"report": ERRORS_REPORT, "FindingError": FindingError}
    exec(compile(_EXCEPT_STAR, "<except-star>", "exec"), namespace)
    caught = namespace["caught"]
    assert isinstance(caught, list)
    assert len(caught) == 1
    group = caught[0]
    assert isinstance(group, ReportErrors)
    assert group.findings == ERRORS_REPORT.errors


def test_split_and_subgroup_keep_the_report_errors_class() -> None:
    with pytest.raises(ReportErrors) as info:
        ERRORS_REPORT.raise_for_errors()
    group = info.value

    def is_first(error: BaseException) -> bool:
        return isinstance(error, FindingError) and error.finding.code == "a.first"

    match, rest = group.split(is_first)
    assert isinstance(match, ReportErrors)
    assert isinstance(rest, ReportErrors)
    assert [f.code for f in match.findings] == ["a.first"]
    assert [f.code for f in rest.findings] == ["b.second"]
    assert match.message == rest.message == group.message
    sub = group.subgroup(lambda error: isinstance(error, FindingError) and not is_first(error))
    assert isinstance(sub, ReportErrors)
    assert [f.code for f in sub.findings] == ["b.second"]
    derived = group.derive([FindingError(ERRORS_REPORT.errors[0])])
    assert isinstance(derived, ReportErrors)


def test_finding_error_survives_pickling() -> None:
    error = FindingError(ERRORS_REPORT.errors[0])
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is FindingError
    assert copy.finding == error.finding
    assert (str(copy), copy.message_id, copy.value) == (str(error), error.message_id, error.value)


def test_report_and_report_errors_survive_pickling() -> None:
    report = Report([*ERRORS_REPORT, finding(basis=BASIS, status=Status.OPEN)])
    assert pickle.loads(pickle.dumps(report)) == report
    with pytest.raises(ReportErrors) as info:
        report.raise_for_errors()
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is ReportErrors
    assert copy.findings == info.value.findings
    assert copy.message == info.value.message


# --- catalogue ------------------------------------------------------------------------

_CODE = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+")


def test_catalogue_rules_are_sorted_by_code_and_unique() -> None:
    codes = [rule.code for rule in catalogue.rules()]
    assert codes
    assert codes == sorted(set(codes))
    assert "schedule.overlap" in codes


def test_catalogue_every_rule_has_distinct_english_and_indonesian_titles() -> None:
    for rule in catalogue.rules():
        assert rule.title_en.strip(), rule.code
        assert rule.title_id.strip(), rule.code
        assert rule.title_en != rule.title_id, rule.code
        assert rule.checks.strip(), rule.code
        assert isinstance(rule.severity, Severity)


def test_catalogue_codes_look_like_topic_dot_name() -> None:
    for rule in catalogue.rules():
        assert _CODE.fullmatch(rule.code), rule.code
        assert catalogue.get(rule.code) is rule


def test_catalogue_get_of_an_unknown_code_raises_unknown_rule_error() -> None:
    with pytest.raises(catalogue.UnknownRuleError) as info:
        catalogue.get("no.such-rule")
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, ValidationError)
    assert error.code == "rule.unknown"
    assert error.value == "no.such-rule"
    assert "no.such-rule" in error.message("en")
    assert "no.such-rule" in error.message("id")


def test_catalogue_registering_a_different_rule_under_an_existing_code_is_a_value_error() -> None:
    existing = catalogue.get("schedule.gap")
    before = catalogue.rules()
    different = attrs.evolve(existing, title_en=existing.title_en + " (changed)")
    with pytest.raises(ValueError, match="already registered"):
        catalogue.register(different)
    assert catalogue.get("schedule.gap") is existing
    assert catalogue.rules() == before


def test_catalogue_registering_the_identical_rule_again_changes_nothing() -> None:
    existing = catalogue.get("schedule.gap")
    before = catalogue.rules()
    assert catalogue.register(existing) is existing
    assert catalogue.rules() == before
    assert catalogue.get("schedule.gap") is existing


_OWN_BASIS = Citation("kep-93-2021")
_RULE = Rule("test.local", Severity.WARNING, "Local rule", "Aturan lokal", "Nothing.", _OWN_BASIS)


def test_rule_finding_with_a_figure_cites_the_figures_basis_and_status() -> None:
    figure = Figure(51, Status.SEC, BASIS)
    f = _RULE.finding(Location("$.phases"), "51 days", "51 hari", value=50, figure=figure)
    assert (f.code, f.severity) == ("test.local", Severity.WARNING)
    assert (f.basis, f.status) == (BASIS, Status.SEC)
    assert (f.location, f.message_en, f.message_id, f.value) == (
        Location("$.phases"),
        "51 days",
        "51 hari",
        50,
    )
    assert f.to_dict()["status"] == "SEC"


def test_rule_finding_without_a_figure_cites_the_rules_own_basis() -> None:
    f = _RULE.finding(Location(), "look", "lihat")
    assert (f.basis, f.status) == (_OWN_BASIS, None)
    assert "status" not in f.to_dict()
    bare = Rule("test.bare", Severity.INFO, "Bare", "Polos", "Nothing.")
    assert bare.finding(Location(), "a", "b").basis is None


def test_rule_finding_with_a_figure_without_basis_falls_back_to_the_rules_basis() -> None:
    f = _RULE.finding(Location(), "look", "lihat", figure=Figure(None, Status.OPEN))
    assert (f.basis, f.status) == (_OWN_BASIS, Status.OPEN)


def test_rules_used_by_schedule_checks_are_in_the_catalogue() -> None:
    report = pelatihan.validate_schedule(
        pelatihan.Schedule(
            [
                pelatihan.Phase(
                    "klasikal", datetime.date(2019, 10, 17), datetime.date(2019, 11, 14)
                ),
                pelatihan.Phase(
                    "habituasi", datetime.date(2019, 11, 18), datetime.date(2019, 12, 27)
                ),
            ],
            regime="perlan-1-2021",
            method="klasikal",
        )
    )
    assert report.codes()
    for f in report:
        rule = catalogue.get(f.code)
        assert f.severity is rule.severity


@given(st.lists(st.one_of(st.integers(0, 10**6), st.text(min_size=1, max_size=12)), max_size=6))
def test_a_locations_keys_are_the_keys_it_was_built_from(keys: list[str | int]) -> None:
    location = Location()
    for key in keys:
        location = location.child(key)
    assert location.keys == tuple(keys)


KEYS = st.lists(
    st.one_of(st.text(max_size=8), st.integers(min_value=0, max_value=10**6)), max_size=6
)


@given(KEYS)
def test_a_locations_path_reads_back_to_its_keys(keys: list[str | int]) -> None:
    where = Location(tuple(keys))
    assert parse_path(where.path) == where.keys == tuple(keys)
    assert Location(where.path) == where


def test_locations_order_indexes_as_numbers() -> None:
    places = [Location(("cohorts", 10)), Location(("cohorts", 2, "nip")), Location(("cohorts", 2))]
    assert [where.path for where in sorted(places, key=Location.sort_key)] == [
        "$.cohorts[2]",
        "$.cohorts[2].nip",
        "$.cohorts[10]",
    ]


def test_a_location_below_another_extends_its_keys_and_keeps_its_file_and_row() -> None:
    cohort = Location(("cohorts", 2), file="angkatan.csv", row=7)
    assert cohort.below("participants", 0, "nip") == Location(
        ("cohorts", 2, "participants", 0, "nip"), "angkatan.csv", 7
    )
    assert cohort.child("odd key").path == '$.cohorts[2]["odd key"]'
    assert Location().path == "$"


# -- the JSON of each finding, written in C where it can be --------------------------------

_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
)
_files = st.one_of(
    st.none(),
    st.text(min_size=1),
    st.just("angkatan\udcff.csv"),  # a name that is not UTF-8
    st.builds(Sheet.read, st.just("peserta.xlsx[II]"), st.integers(0, 3)),
)


@example("", "", 1e16, None, None, None, None, None)  # json writes 1e+16, msgspec 1e16
@example("", "", [1e-7], None, None, None, None, None)
@given(
    st.text(),
    st.text(),
    _values,
    _files,
    st.one_of(st.none(), st.integers(1, 10**6)),
    st.sampled_from([None, BASIS]),
    st.sampled_from([None, *Status]),
    st.one_of(st.none(), st.text()),
)
def test_each_finding_of_a_json_report_is_written_as_json_writes_it(  # noqa: PLR0917
    english: str,
    indonesian: str,
    value: object,
    file: str | None,
    row: int | None,
    basis: Citation | None,
    status: Status | None,
    source: str | None,
) -> None:
    from pelatihan.findings import _finding_json, _json_text  # noqa: PLC0415

    one = finding(
        "x.y",
        Severity.WARNING,
        Location("$.a[0]", file=file, row=row),
        english,
        indonesian,
        value=value,
        basis=basis,
        status=status,
        source=source,
    )
    assert _finding_json()(one) == _json_text(one.to_dict(), 2)
