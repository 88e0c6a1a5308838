"""Cohorts checked in worker processes give the report one process gives, byte for byte."""

from __future__ import annotations

import datetime
import io
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan import Cohort, Organizer, Participant, Report
from pelatihan.cli import main
from pelatihan.findings import max_per_code
from pelatihan.io.document import RawDocument
from pelatihan.io.dump import cohorts_to_data
from pelatihan.io.structure import Loaded, structure
from pelatihan.strategies import cohorts
from pelatihan.validation import parallel
from pelatihan.validation.fold import AcrossFiles, Fold, _check, _Checker, check
from untidy import MISTAKES, make_mistakes

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked")

# forking workers for each example is slow: few examples, small cohorts
FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = st.integers(min_value=1, max_value=5)


def rendered(report: Report) -> str:
    """The report as the JSON report writes it (every finding, every field)."""
    stream = io.StringIO()
    report.write_json(stream)
    return stream.getvalue()


def checked(source: Loaded | list[Cohort], jobs: int, across: AcrossFiles | None = None) -> Report:
    """The report of ``source``; with ``jobs`` above 1, in workers however small it is."""
    return _check(source, progress=None, across=across, jobs=jobs, least=0 if jobs > 1 else None)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """Cohort documents with NIPs given twice (in one cohort and across), bad NIPs and grades."""
    made = draw(st.lists(cohorts(size=SMALL), min_size=2, max_size=6))
    data = cohorts_to_data(made)
    records: list[dict[str, Any]] = data["cohorts"]  # type: ignore[assignment]
    people = [person for record in records for person in record["participants"]]
    make_mistakes(draw, people, again=(1, 4), mistakes=(0, 3), kinds=MISTAKES[:4])
    if draw(st.booleans()):  # a cohort with no participant
        records.append({**records[0], "id": "empty", "participants": []})
    return data


def loaded(data: dict[str, Any], name: str = "angkatan.json") -> Loaded:
    return structure(RawDocument(json.loads(json.dumps(data)), name))


@FEW
@given(data=documents(), cap=st.sampled_from([0, 1, 1000]))
def test_a_document_checked_in_workers_gives_the_sequential_report(
    data: dict[str, Any], cap: int
) -> None:
    document = loaded(data)
    with max_per_code(cap):  # a cap of 1 folds findings of one code that two workers found
        alone = checked(document, 1)
        shared = checked(document, 2)
    assert rendered(shared) == rendered(alone)


@FEW
@given(first=documents(), second=documents())
def test_files_checked_in_workers_report_nips_across_files_as_one_process_does(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    later = second["cohorts"][0]["participants"]
    later[0]["nip"] = first["cohorts"][0]["participants"][0]["nip"]
    files = [loaded(first, "a.json"), loaded(second, "b.json")]
    for jobs in (1, 2):
        across = AcrossFiles()
        reports = [checked(document, jobs, across) for document in files]
        if jobs == 1:
            expected = [rendered(report) for report in reports]
            assert "participant.duplicate-nip-across-files" in reports[1].codes()
        else:
            assert [rendered(report) for report in reports] == expected


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(made=st.lists(cohorts(size=SMALL), min_size=3, max_size=5))
def test_cohort_values_checked_in_workers_give_the_sequential_report(made: list[Cohort]) -> None:
    assert rendered(checked(made, 2)) == rendered(checked(made, 1))


def fixed(count: int = 12) -> list[Cohort]:
    """``count`` cohorts of three participants, each NIP its own."""
    return [
        Cohort(
            f"c{number}",
            f"Angkatan {number + 1}",
            track="III",
            method="blended",
            organizer=Organizer("BPSDM Contoh", accredited=True),
            start=datetime.date(2024, 4, 22) + datetime.timedelta(weeks=number),
            participants=[
                Participant(f"19950417 202403 2 {3 * number + n + 1:03d}", f"P{n}", "III/a", "X")
                for n in range(3)
            ],
        )
        for number in range(count)
    ]


def sample() -> Loaded:
    """A document of 12 cohorts, each with a mistake, and a NIP given in two of them."""
    data = cohorts_to_data(fixed())
    records: list[dict[str, Any]] = data["cohorts"]  # type: ignore[assignment]
    records[9]["participants"][0]["nip"] = records[2]["participants"][0]["nip"]
    for record in records:
        record["participants"][1]["grade"] = "IX/z"
    return loaded(data)


def test_a_run_that_raises_in_a_worker_is_checked_in_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = sample()
    expected = rendered(checked(document, 1))
    run = _Checker.run

    def failing(self: _Checker, start: int, stop: int) -> Any:
        if start > 0:
            raise RuntimeError("a worker failed")
        return run(self, start, stop)

    monkeypatch.setattr(_Checker, "run", failing)
    assert rendered(checked(document, 2)) == expected


def test_a_worker_that_dies_loses_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    document = sample()
    expected = rendered(checked(document, 1))
    run = _Checker.run

    def dying(self: _Checker, start: int, stop: int) -> Any:
        if start > 0:
            os._exit(3)  # the process ends at once: no exception reaches the caller
        return run(self, start, stop)

    monkeypatch.setattr(_Checker, "run", dying)
    assert rendered(checked(document, 2)) == expected


def test_an_error_of_a_rule_is_raised_as_the_sequential_path_raises_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = sample()
    close = Fold.close

    def broken(self: Fold, state: Any, cohort: Cohort, count: int) -> None:
        if state.position == 7:
            raise ValueError(f"cohort {cohort.id} cannot be closed")
        close(self, state, cohort, count)

    monkeypatch.setattr(Fold, "close", broken)
    with pytest.raises(ValueError, match="cannot be closed") as alone:
        checked(document, 1)
    with pytest.raises(ValueError, match="cannot be closed") as shared:
        checked(document, 2)
    assert str(shared.value) == str(alone.value)


def test_progress_reaches_the_total_in_workers() -> None:
    document = sample()
    seen: list[tuple[int, int]] = []
    _check(
        document,
        progress=lambda done, total: seen.append((done, total)),
        across=None,
        jobs=2,
        least=0,
    )
    assert seen[-1] == (36, 36)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_the_command_writes_the_same_report_with_workers_as_with_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    data = cohorts_to_data(fixed())
    records: list[dict[str, Any]] = data["cohorts"]  # type: ignore[assignment]
    records[5]["participants"][2]["nip"] = records[1]["participants"][0]["nip"]
    records[3]["participants"][0]["grade"] = "IX/z"
    first = tmp_path / "a.json"
    first.write_text(json.dumps(data), encoding="utf-8")
    second = tmp_path / "b.json"
    second.write_text(json.dumps({**data, "cohorts": records[4:8]}), encoding="utf-8")
    outputs = []
    monkeypatch.setattr(parallel, "MIN_PARTICIPANTS", 1)  # workers for these small files too
    for jobs in ("1", "2", "0"):
        out = tmp_path / f"report-{jobs}.{fmt}"
        code = main(
            ["validate", str(first), str(second), "--format", fmt, "-o", str(out), "--jobs", jobs]
        )
        outputs.append((code, out.read_bytes()))
    capsys.readouterr()
    assert outputs[0][0] == 1  # the NIPs given twice are errors
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]


def test_how_many_workers_is_decided_by_the_input_the_cpus_and_the_platform(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert parallel.workers(None, 250_000, 6_250, cpus=2, load=1.2) == 2
    assert parallel.workers(None, 250_000, 6_250, cpus=1, load=0.0) == 1  # one CPU: no worker
    assert parallel.workers(None, 250_000, 6_250, cpus=2, load=4.5) == 1  # others keep them busy
    assert parallel.workers(None, 250_000, 6_250, cpus=8, load=4.0) == 5
    assert parallel.workers(4, 250_000, 6_250, cpus=2) == 4  # as many as asked
    assert parallel.workers(4, 250_000, 3, cpus=2) == 3  # never more than the cohorts
    assert parallel.workers(None, parallel.MIN_PARTICIPANTS - 1, 500, cpus=2) == 1
    assert parallel.workers(2, 250_000, 1, cpus=2) == 1  # one cohort is never split
    with pytest.raises(ValueError, match="1 or more"):
        parallel.workers(0, 250_000, 6_250)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert parallel.workers(None, 250_000, 6_250, cpus=2, load=0.0) == 1  # threads: only asked
    assert parallel.workers(2, 250_000, 6_250, cpus=2) == 2
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert parallel.workers(None, 250_000, 6_250, cpus=2, load=0.0) == 1  # macOS: only asked
    assert parallel.workers(2, 250_000, 6_250, cpus=2) == 2
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert parallel.workers(2, 250_000, 6_250, cpus=2) == 1


def test_the_idle_cpus_are_those_the_load_of_other_programs_leaves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "getloadavg", lambda: (2.0, 0.0, 0.0), raising=False)
    assert parallel.idle_cpus(4) == 3  # this program is one of the two
    monkeypatch.delattr(os, "getloadavg", raising=False)
    assert parallel.idle_cpus(4) == 4  # no load average: every CPU
    assert parallel.idle_cpus(2, 0.0) == 2


def test_the_usable_cpus_are_the_affinity_else_the_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 3, 5}, raising=False)
    assert parallel.usable_cpus() == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert parallel.usable_cpus() == 1


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=50), max_size=40),
    runs=st.integers(min_value=1, max_value=20),
)
def test_runs_cover_every_cohort_once_in_order(sizes: list[int], runs: int) -> None:
    spans = parallel.cut(sizes, runs)
    assert [index for start, stop in spans for index in range(start, stop)] == list(
        range(len(sizes))
    )
    assert all(start < stop for start, stop in spans)
    assert len(spans) <= max(1, runs)


def test_check_takes_jobs() -> None:
    document = sample()
    assert rendered(check(document, jobs=1)) == rendered(check(document))
