"""Fuzzing harness for pelatihan, driven by hypothesis (no atheris needed).

Usage::

    python fuzz/fuzz.py [--targets nip,json,...] [--seconds N] [--examples N]
    python fuzz/fuzz.py --replay fuzz/corpus/json/<sha1>.bin ...
    python fuzz/fuzz.py --list

Each target feeds generated inputs to one entry point and checks what pelatihan
promises about it (see ``docs/guarantees.md``):

=======  ======================================================================
target   inputs, and what must hold
=======  ======================================================================
nip      any text, bytes or integer: ``is_valid`` returns a bool and never
         raises; ``validate``, ``parse`` and ``compact`` raise only ``InvalidNIP``
         and agree with ``is_valid``
grade    any text, bytes or integer: ``Grade.parse`` raises only ``InvalidGrade``
         and what it reads reads back the same (also ``Education``, ``Track``)
json     arbitrary bytes, byte mutations and structure-aware mutations of the
         example cohort files: ``read_json_bytes`` + ``validate`` give a report
         or raise only ``InputError``, and the reader gives what the exact
         reader gives; every cohort and participant ends up
         structured or in a finding; the report's JSON reads back equal
csv      bytes and mutated CSV of ``examples/participants.csv``: ``read_csv`` +
         ``validate`` give a report or ``InputError``, and every row after the
         header is a participant or a blank-row finding
xlsx     mutated ``examples/participants.xlsx`` (zip parts and XML edited) and
         workbooks built with openpyxl from generated cells: a report or
         ``InputError``; rows of built workbooks all accounted for
results  mutated ``examples/results.csv``, attached to
         ``examples/cohort-results.json``: a report or ``InputError``, every
         results row attached or reported
cli      any of the above as a file given to ``pelatihan validate``: exit status
         0, 1 or 2, never an exception, no traceback, UTF-8 output, a JSON report
         whose ``ok`` matches the status
variant  mutated ``examples/variant-*.toml`` and bytes, as a TOML and as a JSON
         rulebook variant: ``read_variant`` gives a rulebook whose changed
         figures have the status USER, or raises only ``InputError``; ``pelatihan
         plan --variant`` exits with 0 or 2 with a message, never a traceback
ics      names, phase labels and an organiser with control characters, line
         breaks, bidirectional controls and lone surrogates: ``schedule_to_ics``
         writes no raw control character, and the file reads back with
         ``icalendar`` to the same events, calendar name and organiser; an
         address with a control character is a ``ValueError``
svg      a title and phase labels likewise: ``schedule_to_svg`` gives XML that
         parses, whose texts read back as ``label_text`` shows them
text     a cohort's name and id, participants' names and NIPs, and a file name
         likewise, given to ``pelatihan validate``: the text report is UTF-8,
         holds no raw control or bidirectional character, and shows each
         finding on a line of its own
=======  ======================================================================

Each target runs in a child process for its time budget (``--seconds``, default
10) or number of examples (``--examples``). It first replays its corpus,
``fuzz/corpus/<target>/``, to learn the failures already known there, then runs
hypothesis with its example database in ``fuzz/.hypothesis/<target>``
(gitignored). A failure whose signature (exception type and the pelatihan
function it came from, or the guarantee broken) is new is shrunk by hypothesis
and written to ``fuzz/corpus/<target>/<sha1>.bin``; a failure already known is
counted and fuzzing goes on. An example that runs longer than
``EXAMPLE_TIMEOUT`` seconds is a hang: the child is stopped and the input in
flight is written to the corpus. The exit status is 1 when a new failure was
found (with ``--strict``, also when a known one was), 0 otherwise.

Known bugs are listed in :data:`KNOWN_BUGS`; the regression tests
(``tests/test_fuzz.py``) replay every corpus file and expect exactly those to fail.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import csv
import dataclasses
import datetime
import decimal
import faulthandler
import functools
import hashlib
import io
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from pelatihan import legal, nip, rulebooks, strategies
from pelatihan.catalogue.reading import SKIPPED_ROW_CODES
from pelatihan.cli import main as pelatihan_main
from pelatihan.errors import printable
from pelatihan.findings import Finding, Report
from pelatihan.grades import Education, Grade, InvalidGrade, InvalidTrack, Track, UnknownEducation
from pelatihan.io.csv import DELIMITERS, read_csv
from pelatihan.io.document import (
    ABSENCE_KEYS,
    COHORT_KEYS,
    PARTICIPANT_KEYS,
    PHASE_KEYS,
    RESULT_KEYS,
    InputError,
    RawDocument,
)
from pelatihan.io.jsonfile import (
    MAX_DEPTH,
    read_json,
    read_json_bytes,
    read_json_exact,
)
from pelatihan.io.layout import HEADER_SEARCH_ROWS, names_required
from pelatihan.io.results import (
    RESULT_HEADERS,
    ResultsTable,
    attach_results,
    read_results_csv,
)
from pelatihan.io.structure import Loaded, structure
from pelatihan.io.table import RowTable
from pelatihan.io.tabular import HEADERS, TableBuilder
from pelatihan.io.variant import read_variant
from pelatihan.io.xlsx import read_xlsx
from pelatihan.provenance import Status
from pelatihan.validation.pipeline import validate, validate_attached
from pelatihan.validation.stream import validate_table

__all__ = [
    "CORPUS",
    "DATABASE",
    "EXAMPLE_TIMEOUT",
    "KNOWN_BUGS",
    "TARGETS",
    "KnownBug",
    "Outcome",
    "PropertyFailed",
    "Target",
    "corpus_files",
    "main",
    "replay",
    "run_target",
    "signature",
]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
CORPUS = HERE / "corpus"
"""Crashing and seed inputs, one folder per target; each file is replayed by the tests."""
DATABASE = HERE / ".hypothesis"
"""Hypothesis' example databases, one per target, and the inputs in flight (gitignored)."""

EXAMPLE_TIMEOUT = 20.0
"""Seconds one example may take before it counts as a hang (``--worker`` runs only)."""

FACTS = {"track": "III", "method": "klasikal", "start": "2019-10-17"}
"""Cohort facts given for tabular files, as the CI run gives them."""
CLI_FACTS = ("--track", "III", "--method", "klasikal", "--start", "2019-10-17")

_BUILDER = "pelatihan-fuzz-builder"
"""The creator of the workbooks the xlsx target builds; their rows are checked one by one."""


# -- failures -------------------------------------------------------------------------------


class PropertyFailed(AssertionError):
    """A guarantee that does not hold for an input.

    Args:
        key: A short, stable name of the guarantee (it is the failure's signature).
        message: What happened.
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


class _OutOfBudget(BaseException):
    """Raised in a test body to stop hypothesis at once (not a failure: nothing is shrunk)."""


def signature(error: BaseException) -> str:
    """Name a failure so that inputs failing the same way are counted together.

    A broken guarantee is named by its key; an exception by its type and the
    innermost pelatihan function it passed through (file and function, without
    line numbers, so the name survives edits).

    Args:
        error: What the check raised.

    Returns:
        ``"property:<key>"`` or ``"<Exception>@<file>:<function>"``.
    """
    if isinstance(error, PropertyFailed):
        return f"property:{error.key}"
    frames = traceback.extract_tb(error.__traceback__)
    marker = f"{os.sep}pelatihan{os.sep}"
    ours = [frame for frame in frames if marker in frame.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f"{Path(where.filename).name}:{where.name}" if where is not None else "?"
    return f"{type(error).__name__}@{place}"


# -- known bugs -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class KnownBug:
    """A corpus file that fails because of a bug not fixed yet.

    Args:
        target: The target whose corpus folder holds the file.
        sha1: The file's name without ``.bin``.
        reason: What goes wrong, for the test's ``xfail`` reason.
        hang: Whether the input makes pelatihan run (practically) forever; such
            files are replayed in a child process with a timeout, and inputs that
            match :attr:`suppress` are skipped while fuzzing.
        suppress: A regular expression over the input's bytes: inputs matching it
            are skipped while fuzzing (counted as suppressed), to keep a known hang
            from stopping every run. Empty: nothing is skipped.
    """

    target: str
    sha1: str
    reason: str
    hang: bool = False
    suppress: bytes = b""


KNOWN_BUGS: tuple[KnownBug, ...] = ()
"""Corpus files that fail today; the tests mark them ``xfail(strict=True)``.

When a bug is fixed, its test passes unexpectedly: remove its entries here (the inputs stay in
the corpus as regression tests). An entry for a hang also gives the inputs to skip while
fuzzing, so that the known hang does not stop every run::

    KnownBug("results", "<sha1>", "what hangs", hang=True, suppress=rb"[eE][0-9]{5,}"),
"""


def _known(target: str) -> dict[str, KnownBug]:
    return {bug.sha1: bug for bug in KNOWN_BUGS if bug.target == target}


def _suppressions(target: str) -> list[re.Pattern[bytes]]:
    return [re.compile(bug.suppress) for bug in KNOWN_BUGS if bug.target == target and bug.suppress]


# -- shared inputs ----------------------------------------------------------------------------


NASTY: tuple[str, ...] = (
    "",
    " ",
    "\t",
    "\ufeff",
    "\x00",
    "\u200b",
    "\u202e",
    "\u2028",
    "\x85",
    "\r\n",
    "\r",
    "\n",
    '"',
    '""',
    "'",
    ";",
    ",",
    "\\",
    "\ud800",
    "\udcff",
    "1e999999999",
    "1e9999999999999999999",
    "-1",
    "-0",
    "0",
    "100",
    "100.0000001",
    "70,01",
    "1.000,5",
    "NaN",
    "Infinity",
    "-inf",
    "1_000",
    "0x10",
    "\u0661\u0669\u0669\u0665",
    "\uff11\uff19\uff19\uff15",
    "=1+1",
    '=HYPERLINK("http://example.invalid","klik")',
    "+SUM(A1)",
    "@x",
    "I/a",
    "III/a",
    "III/z",
    "V/a",
    "IV/e",
    "Penata Muda",
    "Penata Muda (III/b)",
    "gol. iii a",
    "3a",
    "19950417 201903 2 004",
    "199504172019032004",
    "19950417 201903 2 000",
    "1.98609262015051e+17",
    "19950417201903200",
    "1995-04-17",
    "2019-02-29",
    "2020-02-29",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "17/04/1995",
    "17-04-1995",
    "17 April 1995",
    "2019-10-17T00:00:00",
    "L",
    "P",
    "Perempuan",
    "X",
    "ya",
    "tidak",
    "true",
    "1",
    "II",
    "III",
    "IV",
    "klasikal",
    "blended",
    "distance",
    "perlan-12-2018",
    "perlan-1-2021+10-2021",
    "S-1",
    "SLTA",
    "x" * 300,
    "A" * 5000,
)
"""Text that has broken, or could break, a parser or a rule somewhere."""

_INTERESTING_BYTES: tuple[bytes, ...] = (
    b"\x00",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n",
    b"\r\n",
    b'"',
    b";",
    b",",
    b"\t",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\\",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\ud800",
    b"1e9999999999999999999",
    b"NaN",
    b"-0",
    b"\xe2\x80\xae",
    b"=1+1",
    b"0" * 20,
)

_BYTE_OPS = ("flip", "byte", "insert", "interesting", "delete", "duplicate", "truncate")


@functools.cache
def _example(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


@st.composite
def _byte_mutations(draw: st.DrawFn, base: bytes, max_ops: int = 6) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(0, max_ops))):
        kind = draw(st.sampled_from(_BYTE_OPS))
        at = draw(st.integers(0, len(data)))
        last = max(min(at, len(data) - 1), 0)
        if kind == "flip" and data:
            data[last] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte" and data:
            data[last] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "interesting":
            data[at:at] = draw(st.sampled_from(_INTERESTING_BYTES))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


def _mutated(bases: Sequence[bytes], max_ops: int = 6) -> st.SearchStrategy[bytes]:
    return st.sampled_from(bases).flatmap(lambda base: _byte_mutations(base, max_ops))


_EDGE_DATES = (
    datetime.date.min,
    datetime.date.max,
    datetime.date(9999, 1, 1),
    datetime.date(1900, 1, 1),
    datetime.date(1899, 12, 31),
    datetime.date(1970, 1, 1),
    datetime.date(2000, 2, 29),
)


def _dates() -> st.SearchStrategy[datetime.date]:
    return st.one_of(st.dates(), st.sampled_from(_EDGE_DATES))


def _date_texts() -> st.SearchStrategy[str]:
    """Dates as ISO text, as day-month-year with ``-``, ``/`` or ``.``, and as Excel's numbers."""
    return st.one_of(
        _dates().map(datetime.date.isoformat),
        st.tuples(_dates(), st.sampled_from("-/.")).map(
            lambda item: item[1].join(
                (f"{item[0].day:02d}", f"{item[0].month:02d}", f"{item[0].year:04d}")
            )
        ),
        st.integers(-1000, 3_000_000).map(str),
    )


def _texts() -> st.SearchStrategy[str]:
    """Text for a cell or a JSON string: nasty values, dates, arbitrary text, lone surrogates."""
    return st.one_of(
        st.sampled_from(NASTY),
        _date_texts(),
        st.text(max_size=20),
        st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=4),
        st.tuples(st.sampled_from(NASTY), st.text(max_size=3), st.sampled_from(NASTY)).map("".join),
    )


def _seeds(target: str) -> list[bytes]:
    """The target's corpus files that are not known to hang: more bases to mutate."""
    known = _known(target)
    return [
        path.read_bytes()
        for path in corpus_files(target)
        if not (path.stem in known and known[path.stem].hang)
    ]


# -- nip and grade --------------------------------------------------------------------------


def _int_bytes(number: int) -> bytes:
    return number.to_bytes(number.bit_length() // 8 + 1, "big", signed=True)


def _scalars(data: bytes) -> list[Any]:
    """The values an input stands for: the bytes, their text, integers and a float."""
    values: list[Any] = [data, bytearray(data), None, True]
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    values.extend((text, data.decode("latin-1"), int.from_bytes(data, "big", signed=True)))
    with contextlib.suppress(ValueError):
        values.append(int(data))
    with contextlib.suppress(ArithmeticError, ValueError):
        values.append(decimal.Decimal(text))
    if len(data) == 8:
        values.append(struct.unpack("<d", data)[0])
    return values


def _nip_inputs() -> st.SearchStrategy[bytes]:
    separators = " .-\u2010\u2212\u00a0\t\u3000"
    digits = "0123456789\u0660\u0661\u0669\uff10\uff11\u00b2"
    texts = st.one_of(
        st.text(),
        st.text(st.sampled_from(digits + separators + "OIl"), max_size=40),
        strategies.nips(),
        strategies.invalid_nips(),
        st.tuples(strategies.nips(), st.sampled_from(NASTY), st.integers(0, 22)).map(
            lambda item: item[0][: item[2]] + item[1] + item[0][item[2] :]
        ),
        st.sampled_from(NASTY),
    )
    return st.one_of(
        texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.binary(max_size=64),
        st.integers().map(_int_bytes),
        st.integers(10**17, 10**18).map(_int_bytes),
        st.integers(10**4290, 10**4400).map(_int_bytes),
        st.floats().map(lambda number: struct.pack("<d", number)),
    )


def check_nip(data: bytes) -> None:
    """``is_valid`` never raises; ``validate``, ``parse``, ``compact`` raise only ``InvalidNIP``.

    Args:
        data: The input; see :func:`_scalars` for the values it stands for.
    """
    for value in _scalars(data):
        valid = nip.is_valid(value)
        if not isinstance(valid, bool):
            raise PropertyFailed("nip-is-valid-type", f"is_valid({value!r}) gave {valid!r}")
        try:
            digits = nip.validate(value)
        except nip.InvalidNIP as error:
            if valid:
                raise PropertyFailed(
                    "nip-agree", f"is_valid but validate raised: {error}"
                ) from None
            if not (error.message_en and error.message_id and error.code.startswith("nip.")):
                raise PropertyFailed("nip-error", f"an error without messages: {error!r}") from None
        else:
            if not valid:
                raise PropertyFailed("nip-agree", f"validate({value!r}) passed, is_valid did not")
            if not (len(digits) == 18 and digits.isascii() and digits.isdigit()):
                raise PropertyFailed("nip-digits", f"validate({value!r}) gave {digits!r}")
            if nip.parse(value).compact != digits or nip.validate(nip.format(value)) != digits:
                raise PropertyFailed("nip-round-trip", f"parse/format disagree for {value!r}")
        with contextlib.suppress(nip.InvalidNIP):
            nip.compact(value)


def _grade_inputs() -> st.SearchStrategy[bytes]:
    alphabet = "IVXivx01234567/abcdefzABCDE .-\u2013\u2014()[],;:|GgolPenatMudTk\u200b\ufeff"
    names = [grade.pangkat for grade in Grade.all()] + [str(grade) for grade in Grade.all()]
    texts = st.one_of(
        st.text(),
        st.text(st.sampled_from(alphabet), max_size=30),
        st.sampled_from(names),
        st.tuples(
            st.sampled_from(names),
            st.sampled_from(("", " ", ", ", " (", "/")),
            st.sampled_from(names),
            st.sampled_from(("", ")")),
        ).map("".join),
        st.sampled_from(NASTY),
        st.text(min_size=95, max_size=110),
    )
    return st.one_of(
        texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.binary(max_size=40),
    )


def check_grade(data: bytes) -> None:
    """``Grade.parse`` raises only ``InvalidGrade``; a grade read reads back the same.

    ``Education.parse`` and ``Track.parse`` are held to the same rule.

    Args:
        data: The input; see :func:`_scalars` for the values it stands for.
    """
    for value in _scalars(data):
        try:
            grade = Grade.parse(value)
        except InvalidGrade as error:
            if not (error.message_en and error.message_id):
                raise PropertyFailed(
                    "grade-error", f"an error without messages: {error!r}"
                ) from None
        else:
            if not isinstance(grade, Grade):
                raise PropertyFailed("grade-type", f"Grade.parse({value!r}) gave {grade!r}")
            if Grade.parse(str(grade)) != grade or Grade.parse(grade.pangkat) != grade:
                raise PropertyFailed("grade-round-trip", f"{value!r} read as {grade}")
        with contextlib.suppress(UnknownEducation):
            Education.parse(value)
        with contextlib.suppress(InvalidTrack):
            Track.parse(value)


# -- reports and rows -----------------------------------------------------------------------


def _check_report(report: Report) -> None:
    if not isinstance(report, Report):
        raise PropertyFailed("report-type", f"got {type(report).__name__}")
    text = report.to_json()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PropertyFailed(
            "report-utf8", f"the report cannot be written as UTF-8: {error}"
        ) from None
    data = json.loads(text)
    if Report.from_dict(data) != report:
        raise PropertyFailed("report-round-trip", "Report.from_dict(to_json()) differs")
    if data["ok"] is not report.ok or report.ok != (not report.errors):
        raise PropertyFailed("report-ok", "ok disagrees with the findings")
    report.to_text("en")
    report.to_text("id", basis=True)


def _rows_of(findings: Sequence[Finding], code: str) -> list[int]:
    return sorted(
        row
        for f in findings
        if f.code == code and f.location.row is not None
        for row in range(f.location.row, (f.location.last_row or f.location.row) + 1)
    )


def _check_rows(
    records: Sequence[int],
    findings: Sequence[Finding],
    expected_records: Sequence[int],
    expected_blank: Sequence[int],
) -> None:
    """Every data row is a record (participant, result) or a skipped-row finding, once.

    ``expected_records`` are the rows with text after the first one; the header
    may be one of them, below title rows: the one row that is neither, above
    every record.
    """
    got = sorted(records)
    skipped = {
        row
        for f in findings
        if f.code in SKIPPED_ROW_CODES and f.code != "input.blank-row" and f.location.row
        for row in range(f.location.row, (f.location.last_row or f.location.row) + 1)
    }
    both = sorted(skipped & set(got))
    rest = [number for number in expected_records if number not in skipped]
    left = sorted(set(rest) - set(got))
    header = left[0] if len(left) == 1 and (not got or left[0] < got[0]) else None
    if both or sorted(set(got) - set(rest)) or (left and header is None):
        raise PropertyFailed(
            "rows-accounted",
            f"{len(got)} records for {len(expected_records)} rows with text; "
            f"missing rows {left[:5]}, unexpected rows {sorted(set(got) - set(rest))[:5]}, "
            f"records skipped too {both[:5]}",
        )
    blank = _rows_of(findings, "input.blank-row")
    below = [number for number in expected_blank if header is None or number > header]
    if blank != below:
        raise PropertyFailed(
            "blank-rows",
            f"blank-row findings at {blank[:5]}, blank rows {list(below)[:5]}",
        )
    shaped = set(_rows_of(findings, "input.row-shape"))
    if not shaped <= set(got):
        raise PropertyFailed("row-shape", f"row-shape findings on rows {sorted(shaped - set(got))}")


_LINE_END = re.compile(r"\r\n|\r|\n")


def _csv_rows(lines: list[str], delimiter: str) -> list[list[str]]:
    """The rows of CSV lines, as the rule for quotes says, found without pelatihan.

    A row is the fewest lines from where it starts that are one complete CSV record
    (read strictly); when no lines are (a quote opened and never properly closed),
    the row is its first line alone, and the next row starts on the line after it.
    """
    if sys.version_info < (3, 11) and any("\x00" in line for line in lines):
        # Python 3.10's csv module refuses a NUL, which 3.11's reads as any other character,
        # as the reader does on every version: here it goes through as a character the lines
        # do not hold.
        text = "".join(lines)
        stand_in = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
        hidden = _csv_rows([line.replace("\x00", stand_in) for line in lines], delimiter)
        return [[cell.replace(stand_in, "\x00") for cell in row] for row in hidden]
    rows: list[list[str]] = []
    start = 0
    while start < len(lines):
        end, row = start + 1, None
        while end <= len(lines):
            try:
                read = list(
                    csv.reader(
                        lines[start:end], delimiter=delimiter, skipinitialspace=True, strict=True
                    )
                )
            except csv.Error as error:
                if "unexpected end of data" not in str(error):
                    break  # not a record however many lines it takes
                end += 1  # a quote still open at the end of these lines: one more
                continue
            row = read[0] if read else []
            break
        if row is None:  # its first line alone
            end = start + 1
            read = list(csv.reader(lines[start:end], delimiter=delimiter, skipinitialspace=True))
            row = read[0] if read else []
        rows.append(row)
        start = end
    return rows


def _header_delimiter(lines: Sequence[str], kind: type[RowTable]) -> str:
    """The delimiter by which the first line that can be a header names the required columns.

    Of the delimiters that make that line a header, the one it holds most often
    (the first of a tie), as :mod:`pelatihan.io.csv` documents; "" when no line is a header.
    """
    for line in lines:
        found = [
            delimiter
            for delimiter in DELIMITERS
            if delimiter in line
            and names_required(
                next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), []), kind
            )
        ]
        if found:
            return max(found, key=line.count)
    return ""


def _csv_expected(data: bytes, kind: type[RowTable]) -> tuple[list[int], list[int]]:
    """The rows with text and the blank rows after the header, found without pelatihan.

    Only the header's recognition (:func:`~pelatihan.io.layout.names_required`) is
    pelatihan's; the delimiter rule and the splitting into rows are the harness's own.
    """
    text = data.decode("utf-8").removeprefix("\ufeff")
    lines: list[str] = []
    begin = 0
    for match in _LINE_END.finditer(text):
        lines.append(text[begin : match.end()])
        begin = match.end()
    if begin < len(text):
        lines.append(text[begin:])
    first = next(index for index, line in enumerate(lines) if line.strip())
    delimiter = _header_delimiter(lines[:HEADER_SEARCH_ROWS], kind) or max(
        DELIMITERS, key=lines[first].count
    )
    rows = _csv_rows(lines[first:], delimiter)
    records: list[int] = []
    blank: list[int] = []
    for number, cells in enumerate(rows[1:], start=first + 2):
        (records if any(cell.strip() for cell in cells) else blank).append(number)
    return records, blank


# -- json -----------------------------------------------------------------------------------

_RAW_LITERALS: tuple[str, ...] = (
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999999999",
    "1E+9999999999999999999",
    "-1e-9999999999999999999",
    "1" * 4301,
    "1" * 4300,
    "0." + "0" * 5000 + "1",
    "1e400",
    "-0",
    "-0.0",
    "100.00000000000000000001",
    '"\\ud800"',
    '"\\udcff"',
    '"\\u0000"',
    '"\\ud83d\\ude00"',
    "[" * 70 + "]" * 70,
    "[" * (MAX_DEPTH - 6) + "]" * (MAX_DEPTH - 6),
    "tru",
)
"""JSON text json.dumps cannot write: numbers beyond float and Decimal, escapes, nesting."""
_RAW_MARKERS = tuple(f"\x00raw{index}\x00" for index in range(len(_RAW_LITERALS)))

_SCORE_KEYS = ("type_a", "type_b", "mooc_test", "elearning_test", "attitude", "actualisation")
_KEYS = tuple(
    dict.fromkeys(
        (
            "format",
            "cohorts",
            *COHORT_KEYS,
            *PARTICIPANT_KEYS,
            *RESULT_KEYS,
            *ABSENCE_KEYS,
            *PHASE_KEYS,
            *_SCORE_KEYS,
            "accredited",
        )
    )
)
_JSON_EXAMPLES = ("cohort.json", "cohort-mistakes.json", "cohort-results.json")
_TREE_OPS = (
    "set",
    "nasty",
    "delete",
    "insert",
    "duplicate",
    "wrap",
    "retype",
    "empty",
    "date",
    "date",
    "number",
)
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBERS_TEXT = ("-1", "-0", "0", "1e5", "1e-5", "100.0000000001", "1" * 30, "0.000001")


def _numbers() -> st.SearchStrategy[object]:
    """Numbers for scores and counts: huge, tiny, negative, fractions, as JSON numbers or text."""
    return st.one_of(
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
        st.sampled_from(_NUMBERS_TEXT),
        st.sampled_from(_RAW_MARKERS[:13]),
    )


def _is_date(value: object) -> bool:
    return isinstance(value, str) and _ISO.fullmatch(value) is not None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _json_values() -> st.SearchStrategy[object]:
    leaves: st.SearchStrategy[object] = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(10**17, 10**18),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(NASTY),
        st.text(max_size=12),
        st.sampled_from(_RAW_MARKERS),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=6), children, max_size=4),
        ),
        max_leaves=8,
    )


@functools.cache
def _tree(name: str) -> object:
    return json.loads(_example(name))


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _retyped(value: object) -> object:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value.replace(" ", "").replace(".", ""))
        return [value]
    if isinstance(value, (bool, type(None))):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value)


def _mutate_tree(draw: st.DrawFn, tree: Any) -> Any:
    """Apply a few structural mutations to a JSON document; return it (the root may change)."""
    for _ in range(draw(st.integers(0, 5))):
        paths = list(_paths(tree))
        op = draw(st.sampled_from(_TREE_OPS))
        typed = {"date": _is_date, "number": _is_number}.get(op)
        if typed is not None:  # a date or a number, pushed to its edges
            paths = [path for path in paths if typed(_get(tree, path))] or paths
        path = draw(st.sampled_from(paths))
        value = _get(tree, path)
        new: object = value
        if op == "date":
            new = draw(_date_texts())
        elif op == "number":
            new = draw(_numbers())
        elif op == "set":
            new = draw(_json_values())
        elif op == "nasty":
            new = draw(_texts())
        elif op == "wrap":
            new = draw(st.sampled_from(([value], {"x": value})))
        elif op == "retype":
            new = _retyped(value)
        elif op == "empty":
            new = draw(st.sampled_from(("", " ", [], {}, None, 0)))
        elif op == "insert" and isinstance(value, dict):
            value[draw(st.sampled_from(_KEYS) | st.text(max_size=6))] = draw(_json_values())
        elif op == "insert" and isinstance(value, list):
            value.insert(draw(st.integers(0, len(value))), draw(_json_values()))
        elif op == "duplicate" and isinstance(value, list) and value:
            index = draw(st.integers(0, len(value) - 1))
            value[index:index] = [copy.deepcopy(value[index])] * draw(st.integers(1, 30))
        elif op == "delete" and path:
            del _get(tree, path[:-1])[path[-1]]
            continue
        if new is not value:
            if path:
                _get(tree, path[:-1])[path[-1]] = new
            else:
                tree = new
    return tree


@st.composite
def _json_mutation(draw: st.DrawFn) -> bytes:
    tree = _mutate_tree(draw, copy.deepcopy(_tree(draw(st.sampled_from(_JSON_EXAMPLES)))))
    ascii_only = draw(st.booleans())
    text = json.dumps(tree, ensure_ascii=ascii_only, indent=draw(st.sampled_from((None, 2))))
    for marker, literal in zip(_RAW_MARKERS, _RAW_LITERALS, strict=True):
        text = text.replace(json.dumps(marker, ensure_ascii=ascii_only), literal)
    if draw(st.integers(0, 5)) == 0:  # a key given twice
        at = text.find("{", draw(st.integers(0, max(len(text) - 1, 0))))
        if at >= 0:
            key = json.dumps(draw(st.sampled_from(_KEYS)))
            text = f"{text[: at + 1]}{key}: {json.dumps(draw(_json_values()))}, {text[at + 1 :]}"
    if draw(st.integers(0, 5)) == 0:  # nesting around the limit
        depth = draw(st.integers(MAX_DEPTH - 8, MAX_DEPTH + 2))
        text = "[" * depth + text + "]" * depth
    text = draw(st.sampled_from(("", "", "", "\ufeff", " \n", "\ufeff\ufeff"))) + text
    encoding = draw(st.sampled_from(("utf-8",) * 6 + ("utf-16", "utf-32", "cp1252")))
    data = text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")
    if draw(st.integers(0, 4)) == 0:
        data = draw(_byte_mutations(data, max_ops=3))
    return data


def _json_inputs() -> st.SearchStrategy[bytes]:
    bases = [_example(name) for name in _JSON_EXAMPLES] + _seeds("json")
    return st.one_of(_json_mutation(), _mutated(bases), st.binary(max_size=300))


def _check_records(document: RawDocument, loaded: Loaded) -> None:
    """Every cohort, participant and result of the input is structured or has a finding."""
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("cohorts"), list):
        return
    paths = [finding.location.path for finding in loaded.findings]

    def reported(path: str) -> bool:
        return any(p == path or p.startswith((f"{path}.", f"{path}[")) for p in paths)

    kept = {
        index: (set(people), set(results))
        for index, people, results in zip(
            loaded.cohort_index, loaded.participant_index, loaded.result_index, strict=True
        )
    }
    for index, cohort in enumerate(data["cohorts"]):
        here = f"$.cohorts[{index}]"
        if index not in kept:
            if not reported(here):
                raise PropertyFailed("records-accounted", f"{here} dropped without a finding")
            continue
        for key, structured in zip(("participants", "results"), kept[index], strict=True):
            items = cohort.get(key)
            for number in range(len(items) if isinstance(items, list) else 0):
                path = f"{here}.{key}[{number}]"
                if number not in structured and not reported(path):
                    raise PropertyFailed("records-accounted", f"{path} dropped without a finding")


def _json_read(read: Callable[[Any, str], RawDocument], data: bytes | str) -> tuple[str, object]:
    """A JSON reader's result: the repr of its data (1, 1.0, True apart) and document, or error."""
    try:
        document = read(data, "fuzz.json")
    except InputError as error:
        return str(error), None
    return repr(document.data), document


def check_json(data: bytes) -> None:
    """``read_json_bytes`` + ``validate`` give a report or raise only ``InputError``.

    Bytes that are not UTF-8 must be an ``InputError`` of ``read_json``; what
    the reader gives (msgspec's fast path for a regular file) is what the exact
    reader gives for the text, document or error; every cohort, participant and
    result is structured or reported; the report's JSON reads back equal.

    Args:
        data: The file's bytes.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            read_json(io.BytesIO(data))
        except InputError:
            return
        raise PropertyFailed("json-utf8", "bytes that are not UTF-8 were read") from None
    read, exact = _json_read(read_json_bytes, data), _json_read(read_json_exact, text)
    if read != exact:
        raise PropertyFailed("json-fast-path", "the reader reads otherwise than the exact reader")
    document = read[1]
    if not isinstance(document, RawDocument):
        return
    loaded = structure(document)
    _check_records(document, loaded)
    _check_report(validate(loaded))


# -- csv ------------------------------------------------------------------------------------

_HEADER_POOL = tuple(
    sorted(
        {name for names in HEADERS.values() for name in names}
        | set(HEADERS)
        | {name for names in RESULT_HEADERS.values() for name in names}
    )
)
_CSV_OPS = (
    "cell",
    "cell",
    "header",
    "add-cell",
    "drop-cell",
    "blank-row",
    "dup-row",
    "drop-row",
    "swap-rows",
)


@functools.cache
def _table(name: str) -> tuple[tuple[str, ...], ...]:
    lines = _example(name).decode("utf-8-sig").splitlines()
    return tuple(tuple(line.split(";")) for line in lines)


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _csv_text(draw: st.DrawFn, rows: Sequence[Sequence[str]]) -> str:
    """Write rows as CSV: a delimiter (or a mix), quoting (or none), line endings (or a mix)."""
    delimiter = draw(st.sampled_from((";", ";", ",", "\t", "mixed")))
    quoting = draw(st.sampled_from(("minimal", "all", "none", "random")))
    ending = draw(st.sampled_from(("\n", "\r\n", "\r", "mixed")))
    lines: list[str] = []
    for row in rows:
        cells: list[str] = []
        for cell in row:
            special = any(char in cell for char in ';,\t"\r\n')
            lucky = quoting == "random" and draw(st.booleans())
            quote = quoting == "all" or (quoting == "minimal" and special) or lucky
            cells.append(_quoted(cell) if quote else cell)
        if delimiter == "mixed":
            line = "".join(cell + draw(st.sampled_from(DELIMITERS)) for cell in cells)[:-1]
        else:
            line = delimiter.join(cells)
        end = draw(st.sampled_from(("\n", "\r\n", "\r"))) if ending == "mixed" else ending
        lines.append(line + end)
    return "".join(lines)


@st.composite
def _csv_mutation(draw: st.DrawFn, name: str) -> bytes:
    rows = [list(row) for row in _table(name)]
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(_CSV_OPS))
        r = draw(st.integers(0, len(rows) - 1)) if rows else 0
        row = rows[r] if rows else []
        c = draw(st.integers(0, len(row))) if row else 0
        if op == "cell" and row:
            row[min(c, len(row) - 1)] = draw(_texts())
        elif op == "header" and rows and rows[0]:
            rows[0][min(c, len(rows[0]) - 1)] = draw(st.sampled_from(_HEADER_POOL) | _texts())
        elif op == "add-cell":
            row.insert(c, draw(_texts()))
        elif op == "drop-cell" and row:
            del row[min(c, len(row) - 1)]
        elif op == "blank-row":
            rows.insert(r, draw(st.sampled_from(([], [""], [" "], ["", "", ""], ["\t"]))))
        elif op == "dup-row" and rows:
            rows[r:r] = [list(row) for _ in range(draw(st.integers(1, 30)))]
        elif op == "drop-row" and rows:
            del rows[r]
        elif op == "swap-rows" and rows:
            other = draw(st.integers(0, len(rows) - 1))
            rows[r], rows[other] = rows[other], rows[r]
    text = _csv_text(draw, rows)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.integers(0, 3)) == 0:
        text = "\ufeff" + text
    encoding = draw(st.sampled_from(("utf-8",) * 8 + ("cp1252", "utf-16")))
    data = text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")
    if draw(st.integers(0, 10)) == 0:
        data = _across_chunks(data)
    if draw(st.integers(0, 40)) == 0:
        data = _with_huge_cell(data)
    if draw(st.integers(0, 4)) == 0:
        data = draw(_byte_mutations(data, max_ops=3))
    return data


_CHUNK = 1 << 16


def _across_chunks(data: bytes) -> bytes:
    """Insert a row after the header whose CR LF straddles the reader's 64 KiB chunks."""
    end = data.find(b"\n") + 1 or data.find(b"\r") + 1
    if not end:
        return data
    row = b"19950417 201903 2 004;"
    fill = _CHUNK - 1 - end - len(row)
    if fill < 0:
        return data
    return data[:end] + row + b"A" * fill + b"\r\n" + data[end:]


def _with_huge_cell(data: bytes) -> bytes:
    """Insert a row with a cell longer than the csv module's limit of 131,072 characters."""
    end = data.find(b"\n") + 1
    return data[:end] + b"1;" + b"B" * 131_073 + b";x\n" + data[end:]


def _csv_inputs(name: str, target: str) -> st.SearchStrategy[bytes]:
    bases = [_example(name), *_seeds(target)]
    return st.one_of(
        _csv_mutation(name), _csv_mutation(name), _mutated(bases), st.binary(max_size=300)
    )


def check_csv(data: bytes) -> None:
    """``read_csv`` + ``validate`` give a report or ``InputError``; every row accounted for.

    Every row after the header is a participant (its row in ``RawDocument.rows``)
    or an ``input.blank-row`` finding, exactly once; ``input.row-shape`` errors
    are on participants' rows. The file validated as it is read gives the same
    report as the file loaded whole.

    Args:
        data: The file's bytes.
    """
    try:
        document = read_csv(io.BytesIO(data), file_name="fuzz.csv", defaults=FACTS)
    except InputError:
        return
    records, blank = _csv_expected(data, TableBuilder)
    _check_rows(list(document.rows.values()), document.findings, records, blank)
    report = validate(document)
    _check_report(report)
    with tempfile.TemporaryDirectory(prefix="pelatihan-fuzz-") as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        whole = validate(read_csv(path, defaults=FACTS))
        streamed = validate_table(path, defaults=FACTS)
    if streamed.report != whole:
        differ = set(streamed.report).symmetric_difference(whole)
        raise PropertyFailed(
            "csv-stream",
            "the streamed report is not the loaded one: "
            + "; ".join(f"{f.code} at {f.location}" for f in sorted(differ, key=Finding.sort_key)),
        )


# -- xlsx -----------------------------------------------------------------------------------

_REFS = (b"A0", b"A1048577", b"XFE1", b"", b"ZZZ1", b"A-1", b"1A", b"A99999999999", b"B1")
_CELL_TYPES = (b"s", b"n", b"b", b"e", b"str", b"inlineStr", b"d", b"zz")
_NUMBERS = (b"-1", b"1e308", b"-1e308", b"2958466", b"-1000000", b"nan", b"inf", b"0.5", b"99")
_XML_OPS = ("value", "ref", "type", "dup-row", "drop-tag", "dimension", "bytes", "drop", "add")


@functools.cache
def _members(data: bytes) -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return tuple((info.filename, archive.read(info)) for info in archive.infolist())


def _xlsx_value() -> st.SearchStrategy[object]:
    def legal(text: str) -> str:
        return ILLEGAL_CHARACTERS_RE.sub("", text).encode("utf-8", "ignore").decode("utf-8")

    return st.one_of(
        st.none(),
        st.none(),
        _texts().map(legal),
        st.sampled_from(_HEADER_POOL),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(datetime.date(1900, 3, 1), datetime.date(9999, 12, 31)),
        st.datetimes(  # naive, as Excel's are
            datetime.datetime(1900, 3, 1),  # noqa: DTZ001
            datetime.datetime(9999, 12, 31),  # noqa: DTZ001
        ),
        st.times(),
        st.timedeltas(datetime.timedelta(0), datetime.timedelta(days=3000)),
        st.sampled_from((1.98609262015051e17, 199504172019032004, 19950417201903200.0)),
    )


@st.composite
def _built_workbook(draw: st.DrawFn) -> bytes:
    header: list[object] = draw(st.lists(_xlsx_value(), max_size=5))
    if draw(st.integers(0, 5)):
        header.insert(draw(st.integers(0, len(header))), "NIP")
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(("Nama", "Name"))))
    book = Workbook()
    book.properties.creator = _BUILDER
    sheet = book.active
    assert sheet is not None
    for _ in range(draw(st.integers(0, 2))):
        sheet.append([])
    sheet.append(header)
    for row in draw(st.lists(st.lists(_xlsx_value(), max_size=len(header) + 2), max_size=10)):
        sheet.append(row)
    if draw(st.integers(0, 3)) == 0:  # a lone cell far below: blank rows between
        value: Any = draw(_xlsx_value())
        sheet.cell(draw(st.integers(1, 60)), draw(st.integers(1, 12)), value)
    if draw(st.integers(0, 5)) == 0:
        book.create_sheet("Kedua").append(["NIP", "Nama"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sub(pattern: bytes, content: bytes, draw: st.DrawFn, new: bytes | None = None) -> bytes:
    """Replace one match of ``pattern``, drawn, with ``new`` (``None``: the match twice)."""
    matches = list(re.finditer(pattern, content, re.DOTALL))
    if not matches:
        return content
    match = matches[draw(st.integers(0, len(matches) - 1))]
    replacement = match.group() * 2 if new is None else new
    return content[: match.start()] + replacement + content[match.end() :]


@st.composite
def _xlsx_mutation(draw: st.DrawFn) -> bytes:
    base = draw(st.one_of(st.just(_example("participants.xlsx")), _built_workbook()))
    members = [
        (name, content.replace(_BUILDER.encode(), b"mutated")) for name, content in _members(base)
    ]
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(_XML_OPS))
        sheets = [i for i, (name, _) in enumerate(members) if name.startswith("xl/worksheets/")]
        prefer_sheet = draw(st.booleans())  # worksheets are the interesting part
        if sheets and prefer_sheet:
            index = draw(st.sampled_from(sheets))
        else:
            index = draw(st.integers(0, len(members) - 1))
        name, content = members[index]
        if op == "value":
            text = draw(_texts())
            raw = text.encode("utf-8", "surrogatepass")
            value = escape(text).encode("utf-8", "surrogatepass") if draw(st.booleans()) else raw
            content = _sub(rb"<t[^>]*>[^<]*</t>", content, draw, b"<t>" + value + b"</t>")
            number = draw(st.sampled_from(_NUMBERS))
            content = _sub(rb"<v>[^<]*</v>", content, draw, b"<v>" + number + b"</v>")
        elif op == "ref":
            ref = draw(st.sampled_from(_REFS))
            content = _sub(rb' r="[^"]*"', content, draw, b' r="' + ref + b'"')
        elif op == "type":
            kind = draw(st.sampled_from(_CELL_TYPES))
            content = _sub(rb' t="[^"]*"', content, draw, b' t="' + kind + b'"')
        elif op == "dup-row":
            content = _sub(rb"<row[ >].*?</row>", content, draw)
        elif op == "drop-tag":
            content = _sub(rb"<[^>]*>", content, draw, b"")
        elif op == "dimension":
            ref = draw(st.sampled_from((b"A1", b"A1:XFD1048576", b"", b"B2:A1", b"A1:E99999999")))
            content = _sub(
                rb'<dimension ref="[^"]*"', content, draw, b'<dimension ref="' + ref + b'"'
            )
        elif op == "bytes":
            content = draw(_byte_mutations(content, max_ops=3))
        elif op == "drop" and len(members) > 1:
            del members[index]
            continue
        elif op == "add":
            members.append(
                (draw(st.sampled_from(("xl/worksheets/sheet2.xml", "x.xml", name))), content)
            )
            continue
        members[index] = (name, content)
    buffer = io.BytesIO()
    compression = draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is the point of "add"
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, content in members:
                archive.writestr(name, content)
    data = buffer.getvalue()
    if draw(st.integers(0, 6)) == 0:
        data = draw(_byte_mutations(data, max_ops=2))
    return data


def _xlsx_inputs() -> st.SearchStrategy[bytes]:
    bases = [_example("participants.xlsx"), *_seeds("xlsx")]
    return st.one_of(
        _built_workbook(),
        _xlsx_mutation(),
        _xlsx_mutation(),
        _mutated(bases, max_ops=3),
        st.binary(max_size=100),
    )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _xlsx_expected(data: bytes) -> tuple[list[int], list[int]] | None:
    """For a workbook the harness built: its rows with text and its blank rows, by openpyxl."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            built = _BUILDER.encode() in archive.read("docProps/core.xml")
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError):
        return None
    if not built:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), data_only=True)  # not read-only: another reader
    sheet = book.worksheets[0]
    rows = [
        (number, [cell.value for cell in row])
        for number, row in enumerate(sheet.iter_rows(1, sheet.max_row), start=1)
    ]
    filled = [number for number, values in rows if not all(map(_blank, values))]
    if not filled:
        return [], []
    header, last = filled[0], filled[-1]
    records = [number for number in filled if number > header]
    blank = [n for n, values in rows if header < n < last and all(map(_blank, values))]
    return records, blank


def check_xlsx(data: bytes) -> None:
    """``read_xlsx`` + ``validate`` give a report or ``InputError``.

    For workbooks the harness built, every row after the header is a
    participant or (before the last row with text) a blank-row finding.

    Args:
        data: The workbook's bytes.
    """
    try:
        document = read_xlsx(io.BytesIO(data), file_name="fuzz.xlsx", defaults=FACTS)
    except InputError:
        return
    expected = _xlsx_expected(data)
    if expected is not None:
        _check_rows(list(document.rows.values()), document.findings, *expected)
    _check_report(validate(document))


# -- results --------------------------------------------------------------------------------


@functools.cache
def _cohorts_with_results() -> RawDocument:
    return read_json(EXAMPLES / "cohort-results.json")


def check_results(data: bytes) -> None:
    """A results export read, attached and validated: a report or ``InputError``.

    Every row after the header is a result or a blank-row finding, and every
    result is attached to a cohort (its file and row recorded) or reported as
    ``results.unattached``.

    Args:
        data: The results file's bytes.
    """
    try:
        raw = read_results_csv(io.BytesIO(data), file_name="fuzz-results.csv")
    except InputError:
        return
    records, blank = _csv_expected(data, ResultsTable)
    rows = [row.location.row for row in raw.rows if row.location.row is not None]
    _check_rows(rows, raw.findings, records, blank)
    document = attach_results(_cohorts_with_results(), raw)
    placed = [row for path, row in document.rows.items() if document.files.get(path) == raw.file]
    unattached = _rows_of(document.findings, "results.unattached")
    if sorted(placed + unattached) != sorted(rows):
        raise PropertyFailed("results-attached", f"rows {rows[:5]}, attached {placed[:5]}")
    _check_report(validate_attached(structure(document)))


def _results_inputs() -> st.SearchStrategy[bytes]:
    return _csv_inputs("results.csv", "results")


# -- cli ------------------------------------------------------------------------------------


def _run_cli(argv: Sequence[str]) -> tuple[int, bytes, bytes]:
    """Run ``pelatihan`` in this process, its output going to strict UTF-8 streams."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="strict", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = pelatihan_main(list(argv))
    finally:
        sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def _check_cli_run(argv: Sequence[str], json_report: bool) -> None:
    code, out, err = _run_cli(argv)
    shown = " ".join(argv[2:])
    if code not in (0, 1, 2):
        raise PropertyFailed("cli-status", f"exit status {code} for {shown}")
    if b"Traceback" in err:
        raise PropertyFailed("cli-traceback", f"a traceback on stderr for {shown}")
    if code == 2 and not err.startswith(b"pelatihan: "):
        raise PropertyFailed("cli-message", f"status 2 without a message for {shown}: {err!r}")
    if json_report and code != 2:
        try:
            report = json.loads(out.decode("utf-8"))
        except ValueError as error:
            raise PropertyFailed("cli-json", f"the report is not JSON: {error}") from None
        if report["ok"] is not (code == 0):
            raise PropertyFailed("cli-ok", f"status {code} but ok={report['ok']} for {shown}")


def check_cli(data: bytes) -> None:
    """``pelatihan validate`` on the input as a JSON, CSV, Excel and results (CSV, JSON) file.

    The status is 0, 1 or 2 and nothing is raised, stderr holds no traceback,
    the output is UTF-8, status 2 comes with a ``pelatihan:`` message, and a
    JSON report's ``ok`` matches the status.

    Args:
        data: The file's bytes.
    """
    cohorts = str(EXAMPLES / "cohort-results.json")
    with tempfile.TemporaryDirectory(prefix="pelatihan-fuzz-") as folder:
        for suffix, options, json_report in (
            (".json", ("--format", "json"), True),
            (".json", ("--lang", "id", "--basis"), False),
            (".csv", ("--format", "json", *CLI_FACTS), True),
            (".xlsx", CLI_FACTS, False),
        ):
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            _check_cli_run(["validate", str(path), *options], json_report)
        for name in ("results.csv", "results.json"):
            results = Path(folder) / name
            results.write_bytes(data)
            _check_cli_run(
                ["validate", cohorts, "--results", str(results), "--format", "json"], True
            )


def _cli_inputs() -> st.SearchStrategy[bytes]:
    return st.one_of(
        _json_mutation(),
        _csv_mutation("participants.csv"),
        _csv_mutation("results.csv"),
        _xlsx_mutation(),
        _built_workbook(),
        _mutated([_example(name) for name in _JSON_EXAMPLES] + _seeds("cli")),
        st.binary(max_size=200),
    )


# -- ics, svg and text: output that cannot be forged ----------------------------------------

_FORGERS = (
    '\x1b\x07\x00\r\n\t\x85\u202e\u2066\u200f\u061c\u2028\u2029\udcff\ud800\ufffe\uffff"<>&;:,\\^'
)
_FIELDS = 4


def _hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        _texts(),
        st.text(st.one_of(st.characters(), st.sampled_from(_FORGERS)), max_size=30),
        st.sampled_from(
            ("\x1b]0;pwned\x07", "\x1b[2J", "\r\nerror    forged", "\u202eesrever", "A\nB")
        ),
    )


def _field_inputs() -> st.SearchStrategy[bytes]:
    """A few texts (names, labels, a title, an organiser), stored as a JSON list."""
    return st.lists(_hostile_text(), min_size=1, max_size=_FIELDS).map(
        lambda texts: json.dumps(texts).encode("ascii")
    )


def _fields(data: bytes) -> list[str]:
    """The texts of an input: a JSON list of strings, else its text split at NUL."""
    try:
        loaded = json.loads(data)
    except ValueError:
        loaded = None
    if isinstance(loaded, list) and all(isinstance(text, str) for text in loaded):
        texts = list(loaded)
    else:
        texts = data.decode("utf-8", "surrogateescape").split("\x00")
    return (texts + [""] * _FIELDS)[:_FIELDS]


def _schedule_of(labels: Sequence[str]) -> Any:
    from pelatihan import Calendar, Phase, Schedule  # noqa: PLC0415

    start = datetime.date(2024, 4, 22)
    phases = [
        Phase(
            "klasikal" if n % 2 else "habituasi",
            start + datetime.timedelta(days=14 * n),
            start + datetime.timedelta(days=14 * n + 9),
            label=label,
        )
        for n, label in enumerate(labels)
    ]
    return Schedule(phases, calendar=Calendar())


def _one_line(text: str) -> str:
    """What the iCalendar writer documents it makes of a name."""
    kept = "".join(
        " " if (kind := unicodedata.category(char)) == "Cc" else "\ufffd" if kind == "Cs" else char
        for char in text
    )
    return " ".join(kept.split())


def check_ics(data: bytes) -> None:
    """``schedule_to_ics`` with the input's texts as name, phase labels and organiser.

    The file holds no raw control character but its CRLF line ends, is UTF-8,
    and reads back with ``icalendar`` to the same events, UIDs, calendar name
    and organiser (names on one line, as documented); an organiser whose
    address holds a control character is a ``ValueError``.

    Args:
        data: A JSON list of texts (or text split at NUL).
    """
    import icalendar  # noqa: PLC0415 - an optional extra

    from pelatihan.io.ics import phase_uid, schedule_to_ics  # noqa: PLC0415

    name, first, second, organiser = _fields(data)
    schedule = _schedule_of((first, second))
    cohort_id = f"{name}x"
    common = organiser.replace("<", "")
    stamp = datetime.datetime(2024, 4, 1, tzinfo=datetime.timezone.utc)
    written = schedule_to_ics(
        schedule,
        cohort_id=cohort_id,
        name=name,
        organizer=f"{common} <latsar@bpsdm.example.go.id>",
        stamp=stamp,
    )
    text = written.decode("utf-8")
    if any(unicodedata.category(char) == "Cc" for char in text.replace("\r\n", "")):
        raise PropertyFailed("ics-control", "a raw control character in the iCalendar file")
    calendar = icalendar.Calendar.from_ical(written)
    events = list(calendar.walk("VEVENT"))
    shown = _one_line(name) or _one_line(cohort_id)
    if str(calendar["X-WR-CALNAME"]) != f"Latsar CPNS {shown}":
        raise PropertyFailed("ics-name", f"calendar name {calendar['X-WR-CALNAME']!r}")
    if [str(event["UID"]) for event in events] != [phase_uid(cohort_id, n) for n in range(2)]:
        raise PropertyFailed("ics-events", "the events do not read back")
    expected = _one_line(common)
    if len(expected) > 1 and expected[0] == expected[-1] == '"':
        expected = _one_line(expected[1:-1].replace('\\"', '"').replace("\\\\", "\\"))
    for event in events:
        if not str(event["SUMMARY"]).startswith(f"Latsar CPNS {shown} — "):
            raise PropertyFailed("ics-summary", f"summary {event['SUMMARY']!r}")
        if event["ORGANIZER"].params.get("CN", "") != expected.replace('"', "'").replace("\\", "/"):
            raise PropertyFailed("ics-organizer", f"CN {event['ORGANIZER'].params!r}")
    # the organiser as given: an address, or refused (not an address, a control character in it)
    with contextlib.suppress(ValueError):
        schedule_to_ics(schedule, cohort_id=cohort_id, organizer=organiser, stamp=stamp)


def check_svg(data: bytes) -> None:
    """``schedule_to_svg`` with the input's texts as title and phase labels.

    The picture parses as XML, and its title and labels read back as
    ``label_text`` shows them: no control character, no bidirectional control.

    Args:
        data: A JSON list of texts (or text split at NUL).
    """
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    from pelatihan.io.svg import label_text, schedule_to_svg  # noqa: PLC0415

    title, *labels = _fields(data)
    try:
        root = ET.fromstring(schedule_to_svg(_schedule_of(labels), title=title))
    except ET.ParseError as error:
        raise PropertyFailed("svg-xml", f"the SVG is not XML: {error}") from None
    texts = [
        element.text or "" for element in root.iter() if element.tag.endswith(("}text", "}title"))
    ]
    if texts[:2] != [label_text(title)] * 2:
        raise PropertyFailed("svg-title", f"title read back as {texts[:2]!r}")
    for label, kind in zip(labels, ("habituasi", "klasikal", "habituasi"), strict=False):
        shown = label_text(label or kind)
        if not any(text.startswith(f"{shown} (") for text in texts):
            raise PropertyFailed("svg-label", f"label {shown!r} not read back")


_UNSAFE_OUTPUT = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def check_text(data: bytes) -> None:
    """``pelatihan validate``'s text report of a cohort named, and in a file named, by the input.

    The input's texts are the cohort's name and id, the participants' names and
    NIPs, and part of the file name. The report is UTF-8, holds no raw control
    character, bidirectional control or line separator (but its line breaks),
    and shows each finding of the JSON report on one line of its own.

    Args:
        data: A JSON list of texts (or text split at NUL).
    """
    file_part, *texts = _fields(data)
    # a lone surrogate in the JSON (written as its escape) is an input.value error, read as U+FFFD
    cohort_name, cohort_id, person = texts
    tree = json.loads(_example("cohort-mistakes.json"))
    cohort = tree["cohorts"][0]
    cohort["name"], cohort["id"] = cohort_name, cohort_id
    for number, participant in enumerate(cohort["participants"]):
        if isinstance(participant, dict):
            participant["name"] = person
            if number % 2:
                participant["nip"] = f"{participant.get('nip', '')}{person}"
    file_name = "c" + file_part.replace("/", "").replace("\x00", "")[:40] + ".json"
    try:
        os.fsencode(file_name)
    except UnicodeEncodeError:
        file_name = "cohort.json"
    with tempfile.TemporaryDirectory(prefix="pelatihan-fuzz-") as folder:
        path = Path(folder) / file_name
        path.write_text(json.dumps(tree), encoding="utf-8")
        code, out, err = _run_cli(["validate", str(path), "--format", "json"])
        if code not in (0, 1):
            raise PropertyFailed("text-status", f"exit {code}: {err[:200]!r}")
        messages = Counter(
            printable(finding["message"]["en"]) for finding in json.loads(out)["findings"]
        )
        for lang in ("en", "id"):
            code, out, err = _run_cli(["validate", str(path), "--lang", lang, "--basis"])
            if code not in (0, 1) or err:
                raise PropertyFailed("text-status", f"exit {code}: {err[:200]!r}")
            text = out.decode("utf-8")
            if _UNSAFE_OUTPUT.search(text):
                raise PropertyFailed("text-raw", "a raw control or bidirectional character")
            if lang == "en":
                lines = text.split("\n")
                for message, count in messages.items():
                    if sum(message in line for line in lines) < count:
                        raise PropertyFailed("text-lines", f"{message!r} not on a line of its own")


# -- targets --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Target:
    """A fuzzing target: how its inputs are made, and what must hold for each.

    Args:
        name: The target's name (its corpus folder).
        inputs: Builds the strategy of inputs, each as bytes (what the corpus stores).
        check: Returns when the guarantees hold; raises :class:`PropertyFailed`,
            or the unexpected exception, when one does not.
    """

    name: str
    inputs: Callable[[], st.SearchStrategy[bytes]]
    check: Callable[[bytes], None]


def check_variant(data: bytes) -> None:
    """A rulebook variant file read, and given to ``pelatihan plan``.

    ``read_variant`` returns a rulebook whose figures differ from its base's only
    where their status is USER (or they sum phases that changed), or raises
    ``InputError``; the command exits with 0, or 2 with a ``pelatihan:`` message.

    Args:
        data: The file's bytes.
    """
    with tempfile.TemporaryDirectory(prefix="pelatihan-fuzz-") as folder:
        for suffix in (".toml", ".json"):
            path = Path(folder) / f"variant{suffix}"
            path.write_bytes(data)
            try:
                book = read_variant(path)
            except InputError:
                book = None
            if book is not None:
                base = rulebooks.get(book.regime).figures()
                for name, figure in book.figures().items():
                    if (
                        name in base
                        and figure != base[name]
                        and figure.status
                        not in (
                            Status.USER,
                            Status.OPEN,
                        )
                    ):
                        raise PropertyFailed("variant-user", f"{name} changed without USER")
                start = regime_start(book.regime)
                argv = ["plan", "--start", start, "--track", "III", "--method", "klasikal"]
                code, _, err = _run_cli([*argv, "--regime", book.regime, "--variant", str(path)])
            else:
                argv = ["plan", "--start", "2025-07-14", "--track", "III", "--method", "klasikal"]
                code, _, err = _run_cli([*argv, "--variant", str(path)])
            if code not in (0, 2) or b"Traceback" in err:
                raise PropertyFailed("variant-cli", f"exit {code}: {err[:200]!r}")
            if code == 2 and not err.startswith(b"pelatihan: "):
                raise PropertyFailed("cli-message", f"status 2 without a message: {err!r}")


def regime_start(regime: str) -> str:
    """A first day on which ``regime`` is in force (its own boundary)."""
    return legal.get_regime(regime).in_force_from.value.isoformat()


def _variant_inputs() -> st.SearchStrategy[bytes]:
    bases = [path.read_bytes() for path in sorted(EXAMPLES.glob("variant-*.toml"))]
    return st.one_of(_mutated(bases + _seeds("variant")), st.binary(max_size=300))


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("nip", _nip_inputs, check_nip),
        Target("grade", _grade_inputs, check_grade),
        Target("json", _json_inputs, check_json),
        Target("csv", functools.partial(_csv_inputs, "participants.csv", "csv"), check_csv),
        Target("xlsx", _xlsx_inputs, check_xlsx),
        Target("results", _results_inputs, check_results),
        Target("cli", _cli_inputs, check_cli),
        Target("variant", _variant_inputs, check_variant),
        Target("ics", _field_inputs, check_ics),
        Target("svg", _field_inputs, check_svg),
        Target("text", _field_inputs, check_text),
    )
}
"""The targets, by name, in the order they run."""


def _check(target: Target, data: bytes) -> None:
    """Run a target's check with warnings ignored, as they are outside a test suite.

    pelatihan warns about holiday data it cannot confirm (far past or future
    years); under ``filterwarnings = error`` that would be an exception.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        target.check(data)


def corpus_files(target: str) -> list[Path]:
    """The corpus files of a target, by name (``.keep`` and other dot files left out).

    Args:
        target: The target's name.

    Returns:
        The files of ``fuzz/corpus/<target>/``.
    """
    folder = CORPUS / target
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def replay(target: str, data: bytes) -> str | None:
    """Run one input through a target.

    Args:
        target: The target's name.
        data: The input.

    Returns:
        ``None`` when every guarantee holds, else the failure's :func:`signature`.
    """
    try:
        _check(TARGETS[target], data)
    except Exception as error:  # every exception is a finding here
        return signature(error)
    return None


def save(target: str, data: bytes) -> Path:
    """Write an input to the target's corpus as ``<sha1>.bin`` (if not there already).

    Args:
        target: The target's name.
        data: The input.

    Returns:
        The file's path.
    """
    path = CORPUS / target / f"{hashlib.sha1(data).hexdigest()}.bin"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(data)
    return path


# -- running --------------------------------------------------------------------------------


@dataclasses.dataclass
class Outcome:
    """What a run of one target found.

    Args:
        target: The target's name.
        examples: The examples run (corpus replays not included).
        failures: The examples that failed, known or new.
        suppressed: The examples skipped because they match a known hang.
        seconds: How long the run took.
        signatures: The failing examples per failure signature.
        known: The signatures known from the corpus before the run.
        new: The new failures: signature, corpus file, the input's start and the error.
    """

    target: str
    examples: int = 0
    failures: int = 0
    suppressed: int = 0
    seconds: float = 0.0
    signatures: Counter[str] = dataclasses.field(default_factory=Counter)
    known: set[str] = dataclasses.field(default_factory=set)
    new: list[dict[str, str]] = dataclasses.field(default_factory=list)

    @property
    def known_failures(self) -> int:
        """The failing examples whose signature was known from the corpus."""
        return sum(count for name, count in self.signatures.items() if name in self.known)

    def line(self) -> str:
        """One line for the run's summary."""
        text = (
            f"{self.target:<8} {self.examples:>7} examples in {self.seconds:5.1f} s: "
            f"{self.failures} failing ({self.known_failures} known, {len(self.new)} new)"
        )
        if self.suppressed:
            text += f", {self.suppressed} skipped as a known hang"
        return text

    def describe(self) -> str:
        """The new failures, for a log or an assertion message."""
        lines = [self.line()]
        for item in self.new:
            lines.extend(
                (
                    f"  NEW {item['signature']}: {item['path']}",
                    f"      input {item['input']}",
                    *(f"      {part}" for part in item["error"].splitlines()[-4:]),
                )
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """The outcome as JSON data (a worker hands it to the parent so)."""
        data = dataclasses.asdict(self)
        data["signatures"] = dict(self.signatures)
        data["known"] = sorted(self.known)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        """The outcome :meth:`to_dict` gave.

        Args:
            data: What :meth:`to_dict` returned.

        Returns:
            The outcome.
        """
        return cls(
            target=data["target"],
            examples=data["examples"],
            failures=data["failures"],
            suppressed=data["suppressed"],
            seconds=data["seconds"],
            signatures=Counter(data["signatures"]),
            known=set(data["known"]),
            new=list(data["new"]),
        )


def _preview(data: bytes) -> str:
    shown = repr(data[:120])
    return shown + (f" ... ({len(data):,} bytes)" if len(data) > 120 else "")


def _learn_corpus(target: Target, outcome: Outcome) -> None:
    known = _known(target.name)
    for path in corpus_files(target.name):
        bug = known.get(path.stem)
        if bug is not None and bug.hang:
            continue
        found = replay(target.name, path.read_bytes())
        if found is not None:
            outcome.known.add(found)


def run_target(
    target: Target,
    *,
    seconds: float | None = None,
    examples: int | None = None,
    database: ExampleDatabase | None = None,
    derandomize: bool = False,
    keep: bool = True,
    inflight: Path | None = None,
    example_timeout: float = EXAMPLE_TIMEOUT,
    suppress_hangs: bool = True,
) -> Outcome:
    """Fuzz one target in this process.

    The corpus is replayed first: the failures it holds are known, and are
    counted but not shrunk or saved again when fuzzing meets them. A new failure
    is shrunk by hypothesis, then (with ``keep``) written to the corpus.

    Args:
        target: The target.
        seconds: The time budget; ``None`` for none.
        examples: The number of examples; ``None`` for no limit.
        database: Hypothesis' example database (``None``: none).
        derandomize: Run the same examples every time (for the test suite).
        keep: Write new failing inputs to the corpus.
        inflight: A file to write each input to before it runs (so a parent
            process can find the input of a hang); the process then ends, status 1,
            when an example runs longer than ``example_timeout`` seconds.
        example_timeout: See ``inflight``.
        suppress_hangs: Skip the inputs that match a known hang (:attr:`KnownBug.suppress`).

    Returns:
        What the run found.
    """
    started = time.monotonic()
    deadline = started + seconds if seconds is not None else float("inf")
    limit = examples if examples is not None else 10**9
    outcome = Outcome(target.name)
    _learn_corpus(target, outcome)
    suppress = _suppressions(target.name) if suppress_hangs else []
    found: dict[str, tuple[bytes, BaseException]] = {}
    seen = set(outcome.known)  # known, or new and already kept

    def one(data: bytes) -> None:
        if time.monotonic() > deadline or outcome.examples >= limit:
            raise _OutOfBudget
        if any(pattern.search(data) for pattern in suppress):
            outcome.suppressed += 1
            return
        outcome.examples += 1
        if inflight is not None:
            inflight.write_bytes(data)
            faulthandler.dump_traceback_later(example_timeout, exit=True)
        try:
            _check(target, data)
        except Exception as error:
            name = signature(error)
            outcome.failures += 1
            outcome.signatures[name] += 1
            if name in seen:
                return
            found[name] = (data, error)
            raise
        finally:
            if inflight is not None:
                faulthandler.cancel_dump_traceback_later()

    strategy = target.inputs()
    for _ in range(100):  # a batch ends at the budget, or at a new failure (then it goes on)
        found.clear()
        test = settings(
            database=database,
            max_examples=max(min(limit - outcome.examples, 10**6), 1),
            deadline=None,
            derandomize=derandomize,
            suppress_health_check=list(HealthCheck),
            phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink),
            verbosity=Verbosity.quiet,
            print_blob=False,
            report_multiple_bugs=True,
        )(given(strategy)(one))
        finished = False
        try:
            test()
            finished = True
        except _OutOfBudget:
            finished = True
        except Exception:  # new failures (recorded in found), or hypothesis giving up
            finished = False
        for name, (data, error) in found.items():
            seen.add(name)
            path = save(target.name, data) if keep else Path(f"(not kept) {name}")
            outcome.new.append(
                {
                    "signature": name,
                    "path": str(path),
                    "input": _preview(data),
                    "error": "".join(traceback.format_exception(error)).strip(),
                }
            )
        if finished or not found or time.monotonic() > deadline or outcome.examples >= limit:
            break
    outcome.seconds = time.monotonic() - started
    return outcome


def _database(target: str, folder: Path) -> ExampleDatabase:
    return DirectoryBasedExampleDatabase(str(folder / target))


def _worker(args: argparse.Namespace) -> int:
    target = TARGETS[args.worker]
    inflight = args.database / "inflight" / f"{target.name}.bin"
    inflight.parent.mkdir(parents=True, exist_ok=True)
    outcome = run_target(
        target,
        seconds=args.seconds,
        examples=args.examples,
        database=None if args.derandomize else _database(target.name, args.database),
        inflight=inflight,
        example_timeout=args.example_timeout,
        suppress_hangs=not args.no_suppress,
        derandomize=args.derandomize,
    )
    inflight.unlink(missing_ok=True)
    Path(args.summary).write_text(json.dumps(outcome.to_dict()), encoding="utf-8")
    return 0


def _supervise(name: str, args: argparse.Namespace) -> Outcome:
    """Run a target in child processes until its budget is spent; a hang stops a child."""
    total = Outcome(name)
    started = time.monotonic()
    inflight = args.database / "inflight" / f"{name}.bin"
    for _ in range(4):
        left = None if args.seconds is None else args.seconds - (time.monotonic() - started)
        wanted = None if args.examples is None else args.examples - total.examples
        if (left is not None and left <= 0) or (wanted is not None and wanted <= 0):
            break
        inflight.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="pelatihan-fuzz-") as folder:
            summary = Path(folder) / "summary.json"
            command = [sys.executable, str(Path(__file__).resolve()), "--worker", name]
            command += ["--summary", str(summary), "--database", str(args.database)]
            command += ["--example-timeout", str(args.example_timeout)]
            command += ["--no-suppress"] if args.no_suppress else []
            command += ["--derandomize"] if args.derandomize else []
            if left is not None:
                command += ["--seconds", f"{left:.3f}"]
            if wanted is not None:
                command += ["--examples", str(wanted)]
            limit = None if left is None else left + args.example_timeout + 120
            try:
                child = subprocess.run(command, capture_output=True, timeout=limit, check=False)
                status, log = child.returncode, child.stdout + child.stderr
            except subprocess.TimeoutExpired as expired:
                status, log = -1, (expired.stdout or b"") + (expired.stderr or b"")
            if summary.exists():
                part = Outcome.from_dict(json.loads(summary.read_text(encoding="utf-8")))
                total.examples += part.examples
                total.failures += part.failures
                total.suppressed += part.suppressed
                total.signatures.update(part.signatures)
                total.known |= part.known
                total.new.extend(part.new)
                break
        # the child died: a hang (faulthandler or the timeout stopped it) or a hard crash
        hang = status == -1 or b"Timeout (" in log
        kind = "hang" if hang else f"crash (status {status})"
        tail = "\n".join(log.decode("utf-8", "replace").strip().splitlines()[-8:])
        total.failures += 1
        total.signatures[kind] += 1
        if not inflight.exists():  # the harness itself failed: no input to keep
            total.new.append({"signature": kind, "path": "-", "input": "-", "error": tail})
            break
        data = inflight.read_bytes()
        total.examples += 1
        path = save(name, data)
        total.new.append(
            {"signature": kind, "path": str(path), "input": _preview(data), "error": tail}
        )
    total.seconds = time.monotonic() - started
    return total


def _replay_files(paths: Sequence[str]) -> int:
    status = 0
    for text in paths:
        path = Path(text)
        found = replay(path.parent.name, path.read_bytes())
        sys.stdout.write(f"{path}: {found or 'ok'}\n")
        status = status or int(found is not None)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the harness; see the module documentation.

    Args:
        argv: The arguments, without the program name.

    Returns:
        1 when a new failure was found (or, with ``--strict``, any failure), else 0.
    """
    parser = argparse.ArgumentParser(
        prog="fuzz.py", description="Fuzz pelatihan's readers, rules and command."
    )
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument(
        "--seconds",
        type=float,
        default=None,
        help="time budget per target (10 unless --examples is given)",
    )
    parser.add_argument("--examples", type=int, default=None, help="examples per target")
    parser.add_argument("--strict", action="store_true", help="fail on known failures too")
    parser.add_argument(
        "--derandomize",
        action="store_true",
        help="run the same examples every time, in the same order (for CI); a shorter "
        "budget runs the first of them",
    )
    parser.add_argument(
        "--example-timeout",
        type=float,
        default=EXAMPLE_TIMEOUT,
        help=f"seconds after which an example is a hang ({EXAMPLE_TIMEOUT:g})",
    )
    parser.add_argument(
        "--no-suppress", action="store_true", help="also run inputs that match a known hang"
    )
    parser.add_argument("--list", action="store_true", help="list the targets and stop")
    parser.add_argument(
        "--replay",
        nargs="+",
        metavar="FILE",
        help="replay corpus files (the target is the file's folder)",
    )
    parser.add_argument("--database", type=Path, default=DATABASE, help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=tuple(TARGETS), help=argparse.SUPPRESS)
    parser.add_argument("--summary", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.list:
        sys.stdout.write("".join(f"{name}\n" for name in TARGETS))
        return 0
    if args.replay:
        return _replay_files(args.replay)
    if args.worker:
        return _worker(args)
    names = [name.strip() for name in args.targets.split(",") if name.strip()]
    unknown = [name for name in names if name not in TARGETS]
    if unknown:
        parser.error(f"unknown targets {', '.join(unknown)}; the targets: {', '.join(TARGETS)}")
    if args.seconds is None and args.examples is None:
        args.seconds = 10.0
    outcomes = []
    for name in names:
        outcome = _supervise(name, args)
        outcomes.append(outcome)
        sys.stdout.write(outcome.describe() + "\n")
        for known in sorted(outcome.known & set(outcome.signatures)):
            sys.stdout.write(f"  known {known}: {outcome.signatures[known]} examples\n")
        sys.stdout.flush()
    total = sum(outcome.examples for outcome in outcomes)
    new = sum(len(outcome.new) for outcome in outcomes)
    failing = sum(outcome.failures for outcome in outcomes)
    sys.stdout.write(
        f"fuzz: {total:,} examples, {failing} failing, {new} new failure"
        f"{'s' if new != 1 else ''} ({datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d})\n"
    )
    return int(new > 0 or (args.strict and failing > 0))


if __name__ == "__main__":
    sys.exit(main())
