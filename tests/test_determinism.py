"""The same input gives byte-identical reports whatever the locale, time zone and hash seed.

Each command runs as ``python -m pelatihan ...`` in a fresh process, once in a
baseline environment (``LC_ALL=C.UTF-8``, ``TZ=UTC``, ``PYTHONHASHSEED=0``) and
once for each variation of one setting, and once with all of them changed; the
standard output must be the same bytes every time, and the exit status the same.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pelatihan.calendar import calendar_data

ROOT = Path(__file__).resolve().parents[1]
FACTS = ("--track", "III", "--method", "klasikal", "--start", "2019-10-17")
COMMANDS: dict[str, tuple[str, ...]] = {
    "json": ("validate", "examples/cohort-mistakes.json", "--format", "json"),
    "csv": ("validate", "examples/participants.csv", *FACTS, "--format", "json"),
    "plan": ("plan", "--start", "2019-10-17", "--track", "III", "--method", "klasikal",
             "--format", "json"),
}  # fmt: skip
BASELINE = {"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"}
_CLEARED = ("LANG", "LANGUAGE", "LC_ALL", "TZ", "PYTHONHASHSEED", "PYTHONUTF8", "PYTHONIOENCODING")


def _available_locales() -> list[str]:
    if shutil.which("locale") is None:
        return []
    listing = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    return listing.stdout.split()


def _other_locale() -> str:
    """``id_ID.UTF-8`` when the system has it, else another locale than C.UTF-8."""
    names = _available_locales()

    def key(name: str) -> str:
        return name.lower().replace("-", "")

    for name in names:
        if key(name) == "id_id.utf8":
            return name
    others = [name for name in names if key(name) not in ("c.utf8", "c")]
    utf8 = [name for name in others if "utf8" in key(name)]
    return (utf8 or others or ["C"])[0]


VARIATIONS: dict[str, dict[str, str]] = {
    "baseline": {},
    "locale": {"LC_ALL": _other_locale()},
    "tz-jakarta": {"TZ": "Asia/Jakarta"},
    "tz-los-angeles": {"TZ": "America/Los_Angeles"},
    "hash-seed-1": {"PYTHONHASHSEED": "1"},
    "hash-seed-random": {"PYTHONHASHSEED": "random"},
    "all-changed": {
        "LC_ALL": _other_locale(),
        "TZ": "America/Los_Angeles",
        "PYTHONHASHSEED": "random",
    },
}


def _environment(changes: Mapping[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _CLEARED}
    env = {key: value for key, value in env.items() if not key.startswith("LC_")}
    env.update(BASELINE)
    env.update(changes)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _run(
    arguments: Sequence[str], changes: Mapping[str, str], python: str = sys.executable
) -> tuple[int, bytes]:
    done = subprocess.run(
        [python, "-m", "pelatihan", *arguments],
        cwd=ROOT,
        env=_environment(changes),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    return done.returncode, done.stdout


@pytest.mark.parametrize("command", list(COMMANDS))
def test_reports_are_byte_identical_across_locale_time_zone_and_hash_seed(command: str) -> None:
    arguments = COMMANDS[command]
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(
            zip(
                VARIATIONS,
                pool.map(lambda changes: _run(arguments, changes), VARIATIONS.values()),
                strict=True,
            )
        )
    status, output = runs["baseline"]
    assert status in (0, 1)
    assert output.startswith(b"{")
    for name, (other_status, other_output) in runs.items():
        assert other_status == status, name
        assert other_output == output, f"{name} ({VARIATIONS[name]}) gives another report"


_CALENDAR = re.compile(rb'\n  "calendar": \{\n.*?\n  \},', re.DOTALL)
"""The report's ``"calendar"`` object: the holiday data installed, which may differ from the
expected report's (made with holidays 0.109) and from another virtual environment's."""


def _without_calendar(report: bytes) -> bytes:
    stripped, count = _CALENDAR.subn(b"", report)
    assert count == 1, "the JSON report names the holiday data once"
    return stripped


def test_the_json_report_is_the_expected_report() -> None:
    status, output = _run(COMMANDS["json"], {})
    assert status == 1
    assert json.loads(output)["calendar"] == calendar_data().to_dict()
    expected = (ROOT / "examples" / "cohort-mistakes.expected.json").read_bytes()
    assert _without_calendar(output) == _without_calendar(expected)


def _python_310() -> str | None:
    """A Python 3.10 of a virtual environment with pelatihan's dependencies, if there is one."""
    candidates = [os.environ.get("PELATIHAN_PYTHON310", "")]
    candidates += [str(ROOT / name / "bin" / "python") for name in (".venv310", ".venv-3.10")]
    probe = "import sys, attrs, dateutil, holidays; sys.exit(sys.version_info[:2] != (3, 10))"
    for candidate in filter(None, candidates):
        if Path(candidate).is_file():
            done = subprocess.run([candidate, "-c", probe], capture_output=True, check=False)
            if done.returncode == 0:
                return candidate
    return None


def test_python_310_gives_the_same_report() -> None:
    python = _python_310()
    if python is None:
        pytest.skip("no Python 3.10 virtual environment (set PELATIHAN_PYTHON310)")
    (status_310, output_310), (status, output) = (
        _run(COMMANDS["json"], {}, python),
        _run(COMMANDS["json"], {}),
    )
    assert status_310 == status
    assert _without_calendar(output_310) == _without_calendar(output)
