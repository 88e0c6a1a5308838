"""Output that cannot be forged: what comes from the input is escaped in text, SVG and iCalendar."""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import Calendar, Phase, Schedule
from pelatihan.cli import main
from pelatihan.cli._plan import _plan_text
from pelatihan.errors import printable
from pelatihan.findings import Finding, Report, Severity
from pelatihan.location import Location

ROOT = Path(__file__).resolve().parents[1]
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = (
    "\x1b[2J\x1b]0;title\x07",  # clear the screen, set the window title
    "\rerror    forged",  # overwrite the line
    "\nerror    participant.nip  $  forged",  # a finding of its own
    "\u202eesrever",  # reverse what follows
    "\u2028\u2029\x85\t\x00\x7f",
)


def unsafe(char: str) -> bool:
    """A character no text output may hold raw."""
    return unicodedata.category(char) in ("Cc", "Cs") or char in BIDI or char in "\u2028\u2029"


def test_printable_escapes_as_a_repr_does_without_quotes() -> None:
    assert printable("a\x1bb\nc\td\re\u202ef\udcffg\x85") == (
        "a\\x1bb\\nc\\td\\re\\u202ef\\udcffg\\x85"
    )
    assert (
        printable("Dewi Lestari, S.Pd. \u200d\u0301 \\n") == "Dewi Lestari, S.Pd. \u200d\u0301 \\n"
    )


@given(st.text())
def test_printable_leaves_no_unsafe_character_and_keeps_the_rest(text: str) -> None:
    shown = printable(text)
    assert not any(unsafe(char) for char in shown)
    shown.encode("utf-8")  # never a lone surrogate
    assert printable(shown) == shown
    if not any(unsafe(char) for char in text):
        assert shown == text
    assert shown.replace("\\", "") == "".join(
        repr(char)[1:-1] if unsafe(char) else char for char in text
    ).replace("\\", "")


def _hostile_cohort(tmp_path: Path, text: str) -> Path:
    data = json.loads((ROOT / "examples" / "cohort-mistakes.json").read_text(encoding="utf-8"))
    cohort = data["cohorts"][0]
    cohort["name"] = f"Angkatan {text}"
    cohort["id"] = f"id {text}"
    for person in cohort["participants"]:
        if not isinstance(person, dict):
            continue
        person["name"] = f"Budi {text}"
        person["nip"] = f"{person.get('nip', '')}{text}"
    path = tmp_path / f"cohort {text.replace('/', '')}.json".replace("\x00", "")
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="strict", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = main(argv)
    finally:
        sys.stdout, sys.stderr = saved
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


FINDING_LINE = re.compile(r"^ +(error|warning|info|kesalahan|peringatan) +[a-z-]+\.[a-z.-]+ ")


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_text_report_shows_input_escaped_and_one_line_per_finding(
    tmp_path: Path, text: str, lang: str
) -> None:
    path = _hostile_cohort(tmp_path, text)
    code, out, err = _run(["validate", str(path), "--lang", lang])
    assert code == 1, err
    assert not any(unsafe(char) for char in out.replace("\n", ""))
    assert printable(text) in out
    _, json_out, _ = _run(["validate", str(path), "--format", "json"])
    findings = json.loads(json_out)["findings"]
    assert sum(1 for line in out.split("\n") if FINDING_LINE.match(line)) == len(findings)


def test_a_file_name_that_is_not_utf8_prints_escaped_in_text_json_and_errors(
    tmp_path: Path,
) -> None:
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/bad\xff\x1b.json")
    Path(name).write_bytes((ROOT / "examples" / "cohort-mistakes.json").read_bytes())
    code, out, _ = _run(["validate", name])
    assert code == 1
    assert "bad\\udcff\\x1b.json" in out
    code, out, _ = _run(["validate", name, "--format", "json"])
    assert code == 1
    assert json.loads(out)["findings"][0]["file"] == name
    code, _, err = _run(["validate", name + "\n.csv"])
    assert code == 2
    assert err.count("\n") == 1
    assert "bad\\udcff\\x1b.json\\n.csv" in err


def test_report_to_text_keeps_each_finding_on_one_line() -> None:
    findings = [
        Finding(
            "x.y",
            Severity.ERROR,
            Location(("cohorts", 0), file=f"f{text}.json"),
            f"en {text}",
            f"id {text}",
        )
        for text in HOSTILE
    ]
    text = Report(findings).to_text()
    assert len(text.split("\n")) == len(findings) + 1
    assert not any(unsafe(char) for char in text.replace("\n", ""))


def test_the_plan_table_shows_phase_labels_escaped() -> None:
    start = datetime.date(2024, 4, 22)
    labels = HOSTILE[:3]
    phases = [
        Phase(
            "klasikal",
            start + datetime.timedelta(days=7 * n),
            start + datetime.timedelta(days=7 * n + 4),
            label=label,
        )
        for n, label in enumerate(labels)
    ]
    text = _plan_text(Schedule(phases, calendar=Calendar()))
    lines = text.split("\n")
    assert not any(unsafe(char) for char in text.replace("\n", ""))
    for number, label in enumerate(labels, start=1):
        assert any(line.startswith(f"{number}  {printable(label)} ") for line in lines)
