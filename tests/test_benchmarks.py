"""The benchmark harness on a tiny file: the generator, its manifest, the count agreement.

No timings here: ``benchmarks/run.py`` measures. The baseline and the runner need
the benchmark-only packages (the ``bench`` extra, which the ``test`` extra brings);
without them those tests are skipped.
"""

from __future__ import annotations

import datetime
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import pelatihan
from pelatihan.io.document import RawDocument

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SIZE = 200
RATE = 0.1  # enough mistakes in 200 participants for every kind to occur


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    """The benchmark scripts, imported as the runner imports them (by bare name)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield {"generate": importlib.import_module("generate")}
    finally:
        sys.path.remove(str(BENCHMARKS))


def _write(generate: ModuleType, path: Path, file_format: str, seed: int = 1) -> dict[str, Any]:
    manifest: dict[str, Any] = generate.write(
        path, SIZE, file_format=file_format, seed=seed, mistakes=RATE
    )
    return manifest


def _kinds(generate: ModuleType, manifest: dict[str, Any]) -> set[str]:
    codes: set[str] = set(generate.EXPECTED_CODE.values())
    return codes | set(manifest["expected_findings"])


@pytest.mark.parametrize("file_format", ["json", "csv"])
def test_same_seed_same_bytes(
    bench: dict[str, ModuleType], tmp_path: Path, file_format: str
) -> None:
    generate = bench["generate"]
    first, second, other = (tmp_path / f"{name}.{file_format}" for name in ("a", "b", "c"))
    _write(generate, first, file_format)
    _write(generate, second, file_format)
    _write(generate, other, file_format, seed=2)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    manifest_a = json.loads(generate.manifest_path(first).read_text(encoding="utf-8"))
    manifest_b = json.loads(generate.manifest_path(second).read_text(encoding="utf-8"))
    assert {**manifest_a, "file": None} == {**manifest_b, "file": None}


def test_manifest_counts_what_was_injected(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    generate = bench["generate"]
    path = tmp_path / "intake.json"
    manifest = _write(generate, path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    cohorts = data["cohorts"]
    people = [person for cohort in cohorts for person in cohort["participants"]]
    mistakes = manifest["mistakes"]

    assert manifest["participants"] == len(people) == SIZE
    assert manifest["cohorts"] == len(cohorts) == SIZE // 40
    assert all(count >= 1 for count in mistakes.values()), mistakes
    participant_mistakes = sum(mistakes[kind] for kind in generate.PARTICIPANT_KINDS)
    assert participant_mistakes == round(RATE * SIZE)
    assert mistakes["oversized-cohort"] == sum(len(c["participants"]) > 40 for c in cohorts)
    sex_3 = [p for p in people if "".join(p["nip"].split()).replace(".", "")[14:15] == "3"]
    assert len(sex_3) == mistakes["nip-sex-digit-3"]
    keys = [generate.nip_key(person["nip"]) for person in people]
    duplicates = len(keys) - len(set(keys))
    assert duplicates == (
        mistakes["duplicate-nip-same-cohort"] + mistakes["duplicate-nip-other-cohort"]
    )

    expected = manifest["expected_findings"]
    found = pelatihan.validate(path).counts_by_code()
    assert {kind: found.get(kind, 0) for kind in _kinds(generate, manifest)} == {
        kind: expected.get(kind, 0) for kind in _kinds(generate, manifest)
    }
    # a late cohort starts eleven months after its intake's TMT: all its participants are late
    late = [
        cohort
        for cohort in cohorts
        if datetime.date.fromisoformat(cohort["start"])
        >= generate.add_months(
            datetime.date.fromisoformat(cohort["participants"][0]["tmt_cpns"]), 11
        )
    ]
    assert len(late) == mistakes["late-schedule"]
    assert expected["participant.probation"] == sum(len(c["participants"]) for c in late)


def test_csv_gives_the_same_findings(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    generate = bench["generate"]
    path = tmp_path / "intake.csv"
    manifest = _write(generate, path, "csv")
    expected = manifest["expected_findings"]
    assert expected["organizer.accreditation"] == manifest["cohorts"]  # a CSV names the organiser
    found = pelatihan.validate(path).counts_by_code()
    kinds = _kinds(generate, manifest)
    assert {kind: found.get(kind, 0) for kind in kinds} == {
        kind: expected.get(kind, 0) for kind in kinds
    }


@pytest.mark.parametrize("example", ["generated", "cohort-mistakes.json", "cohort.json"])
def test_baseline_counts_agree_with_pelatihan(
    bench: dict[str, ModuleType], tmp_path: Path, example: str
) -> None:
    pytest.importorskip("pydantic")
    baseline = importlib.import_module("baseline_pydantic")
    if example == "generated":
        path = tmp_path / "intake.json"
        _write(bench["generate"], path, "json")
    else:
        path = ROOT / "examples" / example
    data = json.loads(path.read_text(encoding="utf-8"))
    ours = pelatihan.validate(RawDocument(data, str(path))).counts_by_code()
    theirs = baseline.check(data)
    assert baseline.comparable(theirs) == baseline.comparable(ours)
    if example == "generated":
        assert sum(baseline.comparable(ours).values()) > 0


def test_runner_fails_loudly_when_counts_differ(bench: dict[str, ModuleType]) -> None:
    pytest.importorskip("pydantic")
    pytest.importorskip("orjson")
    run = importlib.import_module("run")
    kinds = ["nip.sex", "cohort.size"]
    same = {"nip.sex": 2, "cohort.size": 1}
    assert run.agree(SIZE, {"a": same, "b": dict(same)}, kinds) == 3
    with pytest.raises(run.Mismatch, match=r"COUNTS DISAGREE[\s\S]*\| nip\.sex \| 2 \| 3 \|"):
        run.agree(SIZE, {"a": same, "b": {**same, "nip.sex": 3}}, kinds)
