"""Fuzzing regressions: every corpus input replays cleanly, and every target runs briefly.

The harness is ``fuzz/fuzz.py`` (``python fuzz/fuzz.py --help``). Inputs in
``fuzz/corpus/<target>/`` that fail because of a bug not fixed yet are listed in
``KNOWN_BUGS`` there and expected to fail here (``xfail(strict=True)``): when a
bug is fixed, its test passes unexpectedly and the entry is to be removed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan.io import jsonfile, xlsx
from pelatihan.io.csv import read_csv
from pelatihan.io.document import InputError

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fuzz import fuzz as harness  # noqa: E402 - the harness lives beside the package

HARNESS = ROOT / "fuzz" / "fuzz.py"
HANG_SECONDS = 6.0
"""How long the replay of a known hang may run before it counts as hanging still."""
BRIEF_EXAMPLES = 50

KNOWN = {(bug.target, bug.sha1): bug for bug in harness.KNOWN_BUGS}


def _cases() -> list[object]:
    cases: list[object] = []
    for target in harness.TARGETS:
        for path in harness.corpus_files(target):
            bug = KNOWN.get((target, path.stem))
            marks = [pytest.mark.xfail(strict=True, reason=bug.reason)] if bug else []
            cases.append(pytest.param(target, path, id=f"{target}/{path.stem[:12]}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def hangs() -> dict[Path, int | None]:
    """Replay the known hangs side by side, each in its own process: exit status or None."""
    paths = [
        harness.CORPUS / bug.target / f"{bug.sha1}.bin" for bug in harness.KNOWN_BUGS if bug.hang
    ]
    running = {
        path: subprocess.Popen(
            [sys.executable, str(HARNESS), "--replay", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for path in paths
    }
    deadline = time.monotonic() + HANG_SECONDS
    return {path: _wait(process, deadline) for path, process in running.items()}


def _wait(process: subprocess.Popen[bytes], deadline: float) -> int | None:
    """The process's exit status, or ``None`` (and the process killed) at the deadline."""
    try:
        return process.wait(timeout=max(deadline - time.monotonic(), 0.1))
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


@pytest.mark.parametrize(("target", "path"), _cases())
def test_corpus_input_replays_cleanly(
    target: str, path: Path, request: pytest.FixtureRequest
) -> None:
    bug = KNOWN.get((target, path.stem))
    if bug is not None and bug.hang:
        status = request.getfixturevalue("hangs")[path]
        assert status is not None, f"still running after {HANG_SECONDS} s"
        assert status == 0, f"the replay failed (exit status {status})"
        return
    assert harness.replay(target, path.read_bytes()) is None


@pytest.mark.parametrize("name", list(harness.TARGETS))
def test_target_runs_briefly_without_new_failures(name: str) -> None:
    outcome = harness.run_target(
        harness.TARGETS[name], examples=BRIEF_EXAMPLES, derandomize=True, keep=False
    )
    assert outcome.examples + outcome.suppressed == BRIEF_EXAMPLES
    assert not outcome.new, outcome.describe()


def test_every_target_has_a_seeded_corpus_folder() -> None:
    for target in harness.TARGETS:
        assert (harness.CORPUS / target / ".keep").is_file()
        assert len(harness.corpus_files(target)) >= 5


def test_every_known_bug_is_a_corpus_file_of_its_target() -> None:
    for bug in harness.KNOWN_BUGS:
        assert bug.target in harness.TARGETS
        assert (harness.CORPUS / bug.target / f"{bug.sha1}.bin").is_file(), bug


def test_the_command_line_runs_a_target_in_a_child_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = harness.main(["--targets", "nip", "--examples", "20", "--database", str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert re.search(r"^nip +20 examples", out, re.MULTILINE), out
    assert "0 new failures" in out


# -- the limits the fuzzer runs into, each checked at its edge -------------------------------


def test_a_cell_longer_than_the_csv_modules_limit_is_one_input_error() -> None:
    limit = csv.field_size_limit()  # 131,072 characters unless a program changes it
    ok = b"NIP;Nama\n1;" + b"A" * limit + b"\n"
    assert read_csv(io.BytesIO(ok), file_name="ok.csv").rows == {
        ("cohorts", 0, "participants", 0): 2
    }
    with pytest.raises(InputError, match=r"too\.csv: row 2 cannot be read as CSV"):
        read_csv(io.BytesIO(b"NIP;Nama\n1;" + b"A" * (limit + 1) + b"\n"), file_name="too.csv")


def test_json_nested_to_the_limit_is_read_and_one_level_deeper_is_refused() -> None:
    depth = jsonfile.MAX_DEPTH
    assert jsonfile.read_json_text("[" * depth + "]" * depth).data is not None
    with pytest.raises(InputError, match=f"nested deeper than {depth} levels"):
        jsonfile.read_json_text("[" * (depth + 1) + "]" * (depth + 1), "deep.json")


def _nesting(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_nesting(child) for child in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_nesting(child) for child in value), default=0)
    return 0


def _nested(depth: int, inner: object, keyed: list[bool]) -> object:
    value = inner
    for level in range(depth):
        value = {"k": value, "n": 1} if keyed[level % len(keyed)] else [0, value, "]"]
    return value


@given(
    st.integers(0, 3 * jsonfile.MAX_DEPTH),
    st.one_of(st.none(), st.text(alphabet='[]{}"\\', max_size=5), st.integers()),
    st.lists(st.booleans(), min_size=1, max_size=4),
    st.lists(st.integers(0, 10), max_size=3),
)
def test_json_deeper_than_the_limit_is_refused_whatever_its_shape(
    depth: int, inner: object, keyed: list[bool], siblings: list[int]
) -> None:
    # brackets inside strings do not count; neither do shallow siblings of a deep branch
    data = {
        "cohorts": [_nested(n, inner, keyed) for n in siblings] + [_nested(depth, inner, keyed)]
    }
    text = json.dumps(data)
    if _nesting(data) > jsonfile.MAX_DEPTH:
        with pytest.raises(InputError, match="nested deeper"):
            jsonfile.read_json_text(text, "deep.json")
    else:
        assert jsonfile.read_json_text(text, "ok.json").data == data


def test_an_xlsx_part_expanding_more_than_the_ratio_allows_is_refused() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (2 << 20))  # about 1,000 times
    with pytest.raises(InputError, match=f"{xlsx.MAX_RATIO} times, is refused"):
        xlsx.read_xlsx(io.BytesIO(data.getvalue()), file_name="ratio.xlsx")
