"""The JSON reader decodes regular files with msgspec, and reads any input as the exact reader does.

``read_json_text`` and ``read_json_bytes`` leave anything msgspec refuses, a key
that may be given twice, a ``\\u`` escape of a surrogate and deep nesting to
``read_json_exact`` (Python's ``json`` with a hook on every object). These tests
hold the two to the same result on generated documents: the same data (types,
Decimals and key order included), the same findings, the same error.
"""

from __future__ import annotations

import codecs
import decimal
import json

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import strategies as cohort_strategies
from pelatihan.io import jsonfile
from pelatihan.io.document import InputError, RawDocument
from pelatihan.io.dump import cohorts_to_json
from pelatihan.io.jsonfile import MAX_DEPTH, read_json_bytes, read_json_exact, read_json_text

Outcome = tuple[str, str, str] | tuple[str, str, RawDocument]


def _outcome(read: object, *args: object) -> Outcome:
    """What a reader gives: its document (repr tells 1, 1.0 and True apart), or its error."""
    try:
        document = read(*args)  # type: ignore[operator]
    except InputError as error:
        return ("error", str(error), error.message_id)
    assert isinstance(document, RawDocument)
    return ("document", repr(document.data), document)


def _assert_read_as_exact(data: bytes, name: str) -> None:
    """Bytes are read as text decoded from UTF-8 by the exact reader, or refused as not UTF-8."""
    read = _outcome(read_json_bytes, data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
    else:
        assert read == _outcome(read_json_exact, text, name)
        return
    assert read[:2] == ("error", f"{name}: not UTF-8 text (byte {start}); save the file as UTF-8")


# -- arbitrary JSON text, written token by token --------------------------------------------

_KEYS = ("a", "nip", "", ":", 'x"', "y\\", "\u00e9", "ab", "a:b")
_ESCAPES = (
    '\\"',
    "\\\\",
    "\\/",
    "\\n",
    "\\u0041",
    "\\u003a",
    "\\u003A",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00",
    "\\u00e9",
    "\\u0000",
    "\\x",
)
_SPACE = st.sampled_from(["", "", " ", "\t", "\n", "\r\n", "  ", "\f", "\u00a0"])
_NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(-(2**70), 2**70).map(str),
    st.integers(2**63, 10**20).map(str),  # where 64 bits end: msgspec before 0.19 wrapped some
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.from_regex(r"-?(0|[1-9][0-9]{0,25})(\.[0-9]{1,25})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(
        [
            "-0",
            "-0.0",
            "0.10",
            "1E400",
            "1e-400",
            "1e999999999",
            "1E+9999999999999999999",
            "1" * 4300,
            "-" + "1" * 4300,
            "1" * 4301,
            "NaN",
            "Infinity",
            "-Infinity",
            "01",
            "1.",
            ".5",
            "+1",
            "0x10",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
        ]
    ),
)


@st.composite
def _string(draw: st.DrawFn, pool: tuple[str, ...] = ()) -> str:
    """A JSON string token: plain text, a key of ``pool``, escapes, quotes and colons inside."""
    if len(pool) > 0 and draw(st.booleans()):
        return json.dumps(draw(st.sampled_from(pool)), ensure_ascii=draw(st.booleans()))
    parts = draw(
        st.lists(
            st.one_of(
                st.text(max_size=4).map(lambda text: json.dumps(text)[1:-1]),
                st.sampled_from(_ESCAPES),
                st.sampled_from([":", '\\":', "\\\\", " :", "\\u003a"]),
            ),
            max_size=4,
        )
    )
    return '"' + "".join(parts) + '"'


def _json_text(depth: int = 0) -> st.SearchStrategy[str]:
    scalars = st.one_of(
        _NUMBERS, _string(), st.sampled_from(["true", "false", "null", "tru", "nul"])
    )
    if depth >= 3:
        return scalars
    inner = st.deferred(lambda: _json_text(depth + 1))
    members = st.tuples(_string(_KEYS), _SPACE, _SPACE, inner)
    objects = st.lists(members, max_size=4).map(
        lambda items: (
            "{"
            + ",".join(f"{key}{before}:{after}{value}" for key, before, after, value in items)
            + "}"
        )
    )
    arrays = st.lists(st.tuples(_SPACE, inner), max_size=4).map(
        lambda items: "[" + ",".join(space + value for space, value in items) + "]"
    )
    return st.one_of(scalars, objects, arrays)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """JSON text, mostly valid: keys given twice, escapes, numbers of every kind, deep nesting."""
    text = draw(_json_text())
    if draw(st.integers(0, 4)) == 0:  # nesting around the limit
        depth = draw(st.integers(MAX_DEPTH - 3, MAX_DEPTH + 1))
        opening = draw(st.sampled_from(["[", '{"k":']))
        closing = "]" if opening == "[" else "}"
        text = opening * depth + text + closing * depth
    if draw(st.integers(0, 6)) == 0:  # junk around it
        text = (
            draw(st.sampled_from(["", " ", "\ufeff", "x"]))
            + text
            + draw(st.sampled_from(["", " ", ",", "]"]))
        )
    return draw(_SPACE) + text + draw(_SPACE)


@settings(max_examples=150)
@given(_documents())
def test_the_fast_path_reads_any_text_as_the_exact_reader_does(text: str) -> None:
    assert _outcome(read_json_text, text, "x.json") == _outcome(read_json_exact, text, "x.json")


@settings(max_examples=100)
@given(_documents(), st.booleans(), st.binary(max_size=2), st.integers(0, 40))
def test_the_fast_path_reads_any_bytes_as_the_exact_reader_does(
    text: str, bom: bool, noise: bytes, at: int
) -> None:
    data = text.encode("utf-8", "surrogatepass")
    data = data[:at] + noise + data[at:]
    if bom:
        data = codecs.BOM_UTF8 + data
    _assert_read_as_exact(data, "x.json")


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        '{"a" : 1, "a": 2}',
        '{"a"\t:1,"a"\n:2, "b": "08:00"}',
        '{"y\\\\": 1, "y\\\\": {"z": [1]}}',
        '{"x\\"": ":", "x\\"": "\\":"}',
        '{"a": {"b": 1, "b": 2}, "c": "1:2:3"}',
        '[{"a": 1}, {"a": 1, "a": 1}]',
        '{"a": "\\u003a", "a": "x"}',
    ],
)
def test_a_key_given_twice_is_reported_whatever_the_text_around_it(text: str) -> None:
    document = read_json_text(text, "x.json")
    assert "input.duplicate-key" in [finding.code for finding in document.findings]
    assert _outcome(read_json_text, text, "x.json") == _outcome(read_json_exact, text, "x.json")


def test_a_regular_text_is_decoded_without_the_exact_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(text: str, file_name: str | None = None) -> RawDocument:
        raise AssertionError("the exact reader was used")

    monkeypatch.setattr(jsonfile, "read_json_exact", refuse)
    text = (
        '{"format": "pelatihan/cohorts@1", "cohorts": [{"id": "a", "note": "08:00", "x": 70.10}]}'
    )
    document = read_json_bytes(codecs.BOM_UTF8 + text.encode(), "x.json")
    assert document.data == {
        "format": "pelatihan/cohorts@1",
        "cohorts": [{"id": "a", "note": "08:00", "x": decimal.Decimal("70.10")}],
    }
    assert repr(read_json_text(text).data) == repr(document.data)


# -- documents of the interchange shape, counted sooner -----------------------------------------


_ODD = ('"x"', "[]", "null")
"""Items of a list of records that are not records."""


def _nested(depth: int, value: str) -> str:
    return "[" * depth + value + "]" * depth


@st.composite
def _shaped(draw: st.DrawFn) -> str:
    """JSON text of the cohort shape, with containers, deep nesting and brackets where they may be.

    A participant's value is now and then a container (up to too deep), or text with
    a bracket; a cohort or a participant is now and then not an object; the document
    and the cohorts have containers of their own beside the lists of the shape.
    """
    value = st.one_of(
        _json_text(),
        st.sampled_from(['"[x"', '"{"', '"a]"', "[]", "{}", '{"a": [1, {"b": []}]}']),
        st.integers(MAX_DEPTH - 8, MAX_DEPTH + 1).map(lambda depth: _nested(depth, "1")),
    )

    def record(keys: tuple[str, ...]) -> st.SearchStrategy[str]:
        members = st.lists(st.tuples(st.sampled_from(keys), value), max_size=3)
        return members.map(
            lambda items: ", ".join(f"{json.dumps(key)}: {item}" for key, item in items)
        )

    def now_and_then(items: list[str], odd: st.SearchStrategy[str]) -> list[str]:
        """``items``, one of them now and then replaced by an odd one."""
        if items and draw(st.integers(0, 5)) == 0:
            items[draw(st.integers(0, len(items) - 1))] = draw(odd)
        return items

    def people() -> list[str]:
        records = draw(st.lists(record(("nip", "name", "grade", "nip")), max_size=4))
        return now_and_then(["{" + inner + "}" for inner in records], st.sampled_from(_ODD))

    def cohort() -> str:
        inner = draw(record(("id", "organizer", "phases")))
        listed = f'"participants": [{", ".join(people())}]'
        return "{" + (inner + ", " if inner else "") + listed + "}"

    cohorts = now_and_then(
        [cohort() for _ in range(draw(st.integers(0, 3)))],
        st.sampled_from(['{"id": "a"}', '{"participants": "x"}', *_ODD]),
    )
    inner = draw(record(("format", "note")))
    return "{" + (inner + ", " if inner else "") + f'"cohorts": [{", ".join(cohorts)}]' + "}"


@settings(max_examples=200)
@given(_shaped())
def test_a_cohort_document_is_counted_as_the_walk_counts_it(text: str) -> None:
    try:
        data = jsonfile._DECODER.decode(text)
    except (msgspec.DecodeError, ValueError, ArithmeticError, RecursionError):
        return  # left to the exact reader, not counted
    assert jsonfile._document_keys(data, text) == jsonfile._object_keys(data)
    assert jsonfile._document_keys(data, text.encode()) == jsonfile._object_keys(data)


@pytest.mark.parametrize("depth", range(MAX_DEPTH - 6, MAX_DEPTH + 1))
@pytest.mark.parametrize(
    "template",
    [
        '{{"note": {nest}, "cohorts": []}}',
        '{{"cohorts": [{{"phases": {nest}, "participants": []}}]}}',
        '{{"cohorts": [{{"participants": [{{"nip": {nest}}}]}}]}}',
    ],
)
def test_nesting_at_the_limit_is_counted_as_the_walk_counts_it(template: str, depth: int) -> None:
    text = template.format(nest=_nested(depth, "1"))
    data = jsonfile._DECODER.decode(text)
    assert jsonfile._document_keys(data, text) == jsonfile._object_keys(data)


@settings(max_examples=100)
@given(_shaped())
def test_a_cohort_document_is_read_as_the_exact_reader_reads_it(text: str) -> None:
    assert _outcome(read_json_text, text, "x.json") == _outcome(read_json_exact, text, "x.json")


# -- cohort files ---------------------------------------------------------------------------


@st.composite
def _cohort_files(draw: st.DrawFn) -> str:
    """A cohort file as ``pelatihan`` writes it, sometimes with a key given again or a score."""
    cohorts = draw(
        st.lists(cohort_strategies.cohorts(size=st.integers(1, 4)), min_size=1, max_size=2)
    )
    text = cohorts_to_json(cohorts, indent=draw(st.sampled_from([None, 2])))
    if draw(st.booleans()):  # a key given again, or a number, inside a participant
        at = text.find('"nip"', draw(st.integers(0, len(text))))
        if at >= 0:
            extra = draw(st.sampled_from(['"nip": "x", ', '"name": 1, ', '"score": 70.10, ']))
            text = text[:at] + extra + text[at:]
    return text


@settings(max_examples=15, deadline=None)
@given(_cohort_files())
def test_a_cohort_file_gives_the_same_document_and_report_either_way(text: str) -> None:
    fast = _outcome(read_json_bytes, text.encode(), "angkatan.json")
    exact = _outcome(read_json_exact, text, "angkatan.json")
    assert fast == exact
    fast_document, exact_document = fast[2], exact[2]
    assert isinstance(fast_document, RawDocument)
    assert isinstance(exact_document, RawDocument)
    assert (
        pelatihan.validate(fast_document).to_json() == pelatihan.validate(exact_document).to_json()
    )


@pytest.mark.parametrize(
    "number", ["19778140510433923623", "-9223372036854775809", "18446744073709551616", "1" * 4300]
)
def test_an_integer_beyond_64_bits_is_read_exactly(number: str) -> None:
    assert read_json_text(f'{{"n": {number}}}').data == {"n": int(number)}
