"""The benchmark harness on a tiny file: the generator, its manifest, the count agreement.

No timings here: ``benchmarks/run.py`` measures. The baseline, the peer and the runner
need the benchmark-only packages (the ``bench`` extra, which the ``test`` extra brings);
without them those tests are skipped.
"""

from __future__ import annotations

import datetime
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import pelatihan
from pelatihan.cli import main as cli_main
from pelatihan.io.document import RawDocument

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SIZE = 400
RATE = 0.1  # enough mistakes in 400 participants for every kind to occur


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    """The benchmark scripts, imported as the runner imports them (by bare name)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield {"generate": importlib.import_module("generate")}
    finally:
        sys.path.remove(str(BENCHMARKS))


def _write(
    generate: ModuleType, path: Path, file_format: str, seed: int = 1, schedule: str = "start"
) -> dict[str, Any]:
    manifest: dict[str, Any] = generate.write(
        path, SIZE, file_format=file_format, seed=seed, mistakes=RATE, schedule=schedule
    )
    return manifest


def _kinds(generate: ModuleType, manifest: dict[str, Any]) -> set[str]:
    codes = {code for kind in generate.EXPECTED_CODES.values() for code in kind}
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


def test_phases_describe_the_same_cohorts(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    generate = bench["generate"]
    start, phases = tmp_path / "start.json", tmp_path / "phases.json"
    _write(generate, start, "json")
    manifest = _write(generate, phases, "json", schedule="phases")
    first = json.loads(start.read_text(encoding="utf-8"))["cohorts"]
    second = json.loads(phases.read_text(encoding="utf-8"))["cohorts"]
    assert [c["participants"] for c in first] == [c["participants"] for c in second]
    assert all("phases" in c and "start" not in c for c in second)
    assert manifest["mistakes"]["short-schedule"] >= 1
    # pelatihan finds what was injected, and nothing else about the laid-out phases
    found = pelatihan.validate(phases).counts_by_code()
    kinds = _kinds(generate, manifest)
    expected = manifest["expected_findings"]
    assert {kind: found.get(kind, 0) for kind in kinds} == {
        kind: expected.get(kind, 0) for kind in kinds
    }
    assert {code for code in found if code.startswith("schedule.")} <= kinds | {
        "schedule.regime-default"
    }
    with pytest.raises(ValueError, match="first day only"):
        _write(generate, tmp_path / "phases.csv", "csv", schedule="phases")


def test_schedules_vary(bench: dict[str, ModuleType]) -> None:
    generated = bench["generate"].generate(4000, schedule="phases")
    cohorts = generated.data["cohorts"]
    # cohorts of a wave share their schedule: several schedules, not one, nor one per cohort
    assert 10 < generated.schedules < len(cohorts)
    phases = [phase for cohort in cohorts for phase in cohort["phases"]]
    assert any(phase.get("weekdays") == [0, 1, 2, 3, 4, 5] for phase in phases)  # Saturdays
    moocs = {sum(1 for phase in cohort["phases"] if phase["kind"] == "mooc") for cohort in cohorts}
    assert moocs == {0, 1}  # classroom cohorts have no MOOC; blended ones have one
    kinds = {tuple(phase["kind"] for phase in cohort["phases"]) for cohort in cohorts}
    assert kinds == {
        ("klasikal", "habituasi", "klasikal"),
        ("mooc", "elearning", "habituasi", "klasikal"),
    }


@pytest.mark.parametrize("schedule", ["start", "phases"])
def test_contenders_find_the_injected_mistakes(
    bench: dict[str, ModuleType], tmp_path: Path, schedule: str
) -> None:
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    baseline = importlib.import_module("baseline_pydantic")
    peer = importlib.import_module("peer_msgspec")
    path = tmp_path / "intake.json"
    manifest = _write(bench["generate"], path, "json", schedule=schedule)
    body = path.read_bytes()
    expected = baseline.comparable(manifest["expected_findings"])
    assert baseline.comparable(baseline.check_json(body)) == expected
    assert baseline.comparable(peer.check_json(body)) == expected
    injected = {
        code
        for kind, count in manifest["mistakes"].items()
        if count
        for code in bench["generate"].EXPECTED_CODES[kind]
    }
    assert all(expected[code] > 0 for code in injected)
    if schedule == "phases":
        assert expected["schedule.days-total"] == manifest["mistakes"]["short-schedule"]


def test_scripts_write_their_findings(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    pytest.importorskip("orjson")
    path = tmp_path / "intake.json"
    manifest = _write(bench["generate"], path, "json", schedule="phases")
    for name in ("baseline_pydantic", "peer_msgspec"):
        out = tmp_path / f"{name}.json"
        assert importlib.import_module(name).main([str(path), "-o", str(out)]) == 1
        report = json.loads(out.read_text(encoding="utf-8"))
        assert len(report["findings"]) == sum(report["counts_by_code"].values())
        assert {item["code"] for item in report["findings"]} == set(report["counts_by_code"])
        assert all(item["path"].startswith("$") for item in report["findings"])
    floor = tmp_path / "floor.json"
    assert importlib.import_module("floor_orjson").main([str(path), "-o", str(floor)]) == 0
    assert json.loads(floor.read_text(encoding="utf-8"))["nips"] == manifest["participants"]


def test_scripts_run_as_the_runner_runs_them_write_what_main_writes(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    """As scripts they end their process at once, as pelatihan's command does, output flushed."""
    pytest.importorskip("pydantic")
    pytest.importorskip("msgspec")
    pytest.importorskip("orjson")
    path = tmp_path / "intake.json"
    _write(bench["generate"], path, "json")
    for name, status in (("baseline_pydantic", 1), ("peer_msgspec", 1), ("floor_orjson", 0)):
        module = importlib.import_module(name)
        own, script = tmp_path / f"{name}.main.json", tmp_path / f"{name}.script.json"
        assert module.main([str(path), "-o", str(own)]) == status
        assert importlib.import_module("ending").KEPT is None  # main() in a program keeps nothing
        ran = subprocess.run(
            [sys.executable, str(BENCHMARKS / f"{name}.py"), str(path), "-o", str(script)],
            capture_output=True,
            check=False,
            timeout=120,
        )
        assert (ran.returncode, ran.stderr) == (status, b"")
        assert script.read_bytes() == own.read_bytes()
    for name in ("baseline_pydantic", "peer_msgspec"):  # to a pipe: flushed before the end
        shown = subprocess.run(
            [sys.executable, str(BENCHMARKS / f"{name}.py"), str(path)],
            capture_output=True,
            check=False,
            timeout=120,
        )
        assert shown.returncode == 1
        assert shown.stdout == (tmp_path / f"{name}.main.json").read_bytes()


def test_peer_refuses_an_irregular_file(
    bench: dict[str, ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("msgspec")
    peer = importlib.import_module("peer_msgspec")
    assert peer.main([str(ROOT / "examples" / "cohort-mistakes.json")]) == 2
    assert "cohort-mistakes.json: Expected" in capsys.readouterr().err


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
    assert baseline.comparable(baseline.check_json(path.read_bytes())) == baseline.comparable(ours)
    if example == "generated":
        assert sum(baseline.comparable(ours).values()) > 0


def test_runner_fails_loudly_when_counts_differ(bench: dict[str, ModuleType]) -> None:
    pytest.importorskip("pydantic")
    run = importlib.import_module("run")
    kinds = ["nip.sex", "cohort.size"]
    same = {"nip.sex": 2, "cohort.size": 1}
    assert run.agree(SIZE, {"a": same, "b": dict(same)}, kinds) == 3
    with pytest.raises(run.Mismatch, match=r"COUNTS DISAGREE[\s\S]*\| nip\.sex \| 2 \| 3 \|"):
        run.agree(SIZE, {"a": same, "b": {**same, "nip.sex": 3}}, kinds)


def test_runner_compiles_the_contenders_packages_to_bytecode(
    bench: dict[str, ModuleType], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package without bytecode gets it; a module that is not there is passed over."""
    pytest.importorskip("pydantic")
    run = importlib.import_module("run")
    package = tmp_path / "bench_sample_package"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    (package / "part.py").write_text("def twice(x):\n    return 2 * x\n", encoding="utf-8")
    (tmp_path / "bench_sample_module.py").write_text("NAME = 'x'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    names = ["bench_sample_package", "bench_sample_module", "bench_no_such_module"]
    assert run.compile_bytecode(names) == names[:2]
    cached = {path.name.split(".")[0] for path in (package / "__pycache__").iterdir()}
    assert cached == {"__init__", "part"}
    assert any(
        path.name.startswith("bench_sample_module.")
        for path in (tmp_path / "__pycache__").iterdir()
    )
    (package / "broken.py").write_text("def (:\n", encoding="utf-8")
    with pytest.raises(run.Mismatch, match="bench_sample_package"):
        run.compile_bytecode(["bench_sample_package"])


def test_the_allocate_benchmark_plans_alike_with_pelatihan_and_its_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The intake it writes is read whole by both, and they place the same participants."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        allocate = importlib.import_module("allocate")
        baseline = importlib.import_module("allocate_baseline")
        generate = importlib.import_module("generate")
    finally:
        sys.path.remove(str(BENCHMARKS))
    intake = tmp_path / "intake.csv"
    intake.write_bytes(allocate.intake(SIZE, seed=3))
    window = ["--from", allocate.WINDOW[0], "--until", allocate.WINDOW[1]]
    ours, theirs = tmp_path / "plan.csv", tmp_path / "baseline.csv"
    assert baseline.main([str(intake), "--rooms", "1", *window, "-o", str(theirs)]) == 0
    command = ["allocate", str(intake), "--rooms", "1", *window, "--method", "blended"]
    assert cli_main([*command, "-o", str(ours), "--lang", "en"]) == 0
    capsys.readouterr()
    assert allocate.placed_by_pelatihan(ours, 1) == allocate.placed_by_baseline(theirs) == SIZE
    # every grade the generator writes is read by the baseline as its golongan
    rng = generate.random.Random(5)
    for golongan, ruang in ((2, "a"), (2, "c"), (3, "a"), (3, "b"), (1, "c")):
        for _ in range(40):
            assert baseline.golongan(generate.grade_text(rng, golongan, ruang)) == golongan
