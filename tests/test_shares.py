"""A JSON file loaded and checked in shares, one per process, gives the report of one process."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan import Cohort, Report
from pelatihan.cli import main
from pelatihan.cli._summary import ReadSummary, cohort_sizes
from pelatihan.cli._validate import _render_text
from pelatihan.findings import max_per_code
from pelatihan.io.dump import cohorts_to_data
from pelatihan.io.structure import Loaded
from pelatihan.io.typed import Opened, load_json_bytes, open_json_bytes
from pelatihan.strategies import cohorts
from pelatihan.validation import parallel, shares
from pelatihan.validation.fold import AcrossFiles, Fold, _check
from pelatihan.validation.shares import load_and_check
from untidy import make_mistakes

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked")

# forking a worker for each example is slow: few examples, small cohorts
FEW = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = st.integers(min_value=0, max_value=4)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """Cohort documents with what reading them in shares must get right.

    NIPs given twice (in one cohort, and in cohorts any process may take), bad
    NIPs and grades, names with spaces around them, and records that send a
    cohort the general way: an unknown key, a date written otherwise, a
    participant that is not an object.
    """
    made = draw(st.lists(cohorts(size=SMALL), min_size=2, max_size=7))
    data = cohorts_to_data(made)
    records: list[dict[str, Any]] = data["cohorts"]  # type: ignore[assignment]
    people = [person for record in records for person in record["participants"]]
    if people:
        make_mistakes(draw, people, again=(0, 4), mistakes=(0, 4))
    if draw(st.booleans()):
        record = draw(st.sampled_from(records))
        record["participants"].insert(draw(st.integers(0, len(record["participants"]))), 7)
    return data


def encoded(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def sequential(body: bytes, across: AcrossFiles | None = None) -> tuple[Loaded, Report]:
    loaded = load_json_bytes(body, "angkatan.json")
    return loaded, _check(loaded, progress=None, across=across, jobs=1)


def shared(body: bytes, across: AcrossFiles | None = None, jobs: int = 2) -> tuple[Loaded, Report]:
    opened = open_json_bytes(body, "angkatan.json")
    assert opened is not None
    return load_and_check(opened, jobs=jobs, least=0, across=across)


def shown(loaded: Loaded, report: Report) -> str:
    """The report as the command writes it: JSON with the summary, and text with the names."""
    stream = io.StringIO()
    summary = ReadSummary.of([loaded], [report], [cohort_sizes(loaded)])
    report.write_json(stream, summary=summary.to_dict())
    text = _render_text([loaded], [report], report, lang="en", basis=True, summary=summary)
    return stream.getvalue() + text


@FEW
@given(data=documents(), cap=st.sampled_from([0, 1, 1000]), jobs=st.sampled_from([2, 3]))
def test_a_file_loaded_and_checked_in_shares_gives_the_report_of_one_process(
    data: dict[str, Any], cap: int, jobs: int
) -> None:
    body = encoded(data)
    with max_per_code(cap):  # a cap of 1 folds findings of one code that two processes found
        alone = shown(*sequential(body))
        assert shown(*shared(body, jobs=jobs)) == alone


@FEW
@given(first=documents(), second=documents())
def test_files_in_shares_report_nips_across_files_as_one_process_does(
    first: dict[str, Any], second: dict[str, Any]
) -> None:
    people = [p for record in first["cohorts"] for p in record["participants"] if p != 7]
    later = [p for record in second["cohorts"] for p in record["participants"] if p != 7]
    if people and later:
        later[-1]["nip"] = people[0]["nip"]
    bodies = [encoded(first), encoded(second)]
    across = AcrossFiles()
    expected = [shown(*sequential(body, across)) for body in bodies]
    across = AcrossFiles()
    assert [shown(*shared(body, across)) for body in bodies] == expected


def failing(how: str) -> Any:
    """A worker's run that fails (raises, or ends the process) unless it is the last one."""
    run = shares._Worker.run

    def fail(self: shares._Worker, start: int, stop: int) -> Any:
        if stop < len(self.opened.texts):
            if how == "raise":
                raise RuntimeError("a worker failed")
            os._exit(3)  # the process ends at once: nothing reaches the caller
        return run(self, start, stop)

    return fail


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=documents(), how=st.sampled_from(["raise", "die"]))
def test_a_run_a_worker_does_not_give_back_is_done_by_the_caller(
    data: dict[str, Any], how: str
) -> None:
    body = encoded(data)
    expected = shown(*sequential(body))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shares._Worker, "run", failing(how))
        assert shown(*shared(body)) == expected


A_FEW_FIXED = settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FOUR = st.lists(cohorts(size=st.just(3)), min_size=4, max_size=8)


@A_FEW_FIXED
@given(made=FOUR)
def test_a_file_with_a_key_given_twice_is_read_exactly_as_one_process_reads_it(
    made: list[Cohort],
) -> None:
    data = cohorts_to_data(made)
    body = encoded(data).replace(b'"name": ', b'"name": "Ganda", "name": ', 1)
    loaded, report = shared(body)
    assert "input.duplicate-key" in report.codes()
    assert shown(loaded, report) == shown(*sequential(body))


@A_FEW_FIXED
@given(made=FOUR)
def test_a_cohort_that_is_not_an_object_is_reported_as_one_process_reports_it(
    made: list[Cohort],
) -> None:
    data = cohorts_to_data(made)
    records: list[Any] = data["cohorts"]  # type: ignore[assignment]
    records.insert(2, [1, 2])
    body = encoded(data)
    assert shown(*shared(body)) == shown(*sequential(body))


@FEW
@given(data=documents())
def test_a_participant_structured_alone_is_the_one_of_its_cohort(data: dict[str, Any]) -> None:
    body = encoded(data)
    opened = open_json_bytes(body, "angkatan.json")
    assert isinstance(opened, Opened)
    loaded = load_json_bytes(body, "angkatan.json")
    for position, cohort in enumerate(loaded.cohorts):
        for n, index in enumerate(loaded.participant_index[position]):
            alone = opened.participant(loaded.cohort_index[position], index)
            assert alone == cohort.participants[n]


def test_the_participants_of_a_file_are_counted_exactly_when_small_and_about_when_large() -> None:
    person = {"nip": "199504172024032004", "name": "Dewi", "grade": "III/a", "agency": "X"}
    cohort = {"id": "a", "name": "A", "participants": [person] * 40}
    for count in (1, 900):
        body = encoded({"format": "pelatihan/cohorts@1", "cohorts": [cohort] * count})
        opened = open_json_bytes(body)
        assert opened is not None
        estimate = opened.participants()
        assert estimate == 40 * count if len(body) <= 1 << 20 else abs(estimate - 40 * count) < 400


def test_shares_are_taken_from_both_ends_until_they_meet() -> None:
    spans = [(n, n + 1) for n in range(40)]
    done: list[int] = []

    def own(index: int) -> None:
        done.append(index)
        time.sleep(0.05)  # slower than the worker: it takes most of the runs

    first, results = parallel.share(lambda start, _stop: (start, os.getpid()), spans, 1, own)
    assert done == list(range(first))
    assert sorted(results) == list(range(first, 40))
    assert all(results[index][0] == index for index in results)
    assert os.getpid() not in {pid for _, pid in results.values()}
    assert results  # the worker did the last ones


@A_FEW_FIXED
@given(made=st.lists(cohorts(size=st.just(3)), min_size=8, max_size=8))
def test_the_command_in_shares_writes_what_one_process_writes(made: list[Cohort]) -> None:
    data = cohorts_to_data(made)
    records: list[dict[str, Any]] = data["cohorts"]  # type: ignore[assignment]
    records[6]["participants"][1]["nip"] = records[1]["participants"][0]["nip"]
    records[5]["participants"][0]["name"] = "  Spasi  "
    records[5]["participants"][0]["grade"] = "IX/z"
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        path = Path(folder) / "angkatan.json"
        path.write_bytes(encoded(data))
        patch.setattr(parallel, "MIN_PARTICIPANTS", 1)  # shares for this small file too
        patch.setattr(sys, "stdout", io.StringIO())
        for fmt in ("text", "json", "csv"):
            outputs = []
            for jobs in ("1", "2"):
                out = Path(folder) / f"report-{jobs}.{fmt}"
                code = main(
                    ["validate", str(path), "--format", fmt, "-o", str(out), "--jobs", jobs]
                )
                outputs.append((code, out.read_bytes()))
            assert outputs[0][0] == 1  # the NIP given twice is an error
            assert outputs[1] == outputs[0]


class _Unreadable:
    """A result that is sent whole and cannot be read back."""

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_refuse, ())


def _refuse() -> None:
    raise RuntimeError("this result cannot be read")


def test_a_result_that_cannot_be_read_back_is_left_to_the_caller() -> None:
    spans = [(n, n + 1) for n in range(20)]
    done: list[int] = []

    def own(index: int) -> None:
        done.append(index)
        time.sleep(0.05)

    def task(start: int, _stop: int) -> object:
        return _Unreadable() if start % 2 else start

    first, results = parallel.share(task, spans, 1, own)
    assert done == list(range(first))
    assert all(index % 2 == 0 and results[index] == index for index in results)
    assert sorted(results) == [index for index in range(first, 20) if index % 2 == 0]


@A_FEW_FIXED
@given(data=documents())
def test_progress_counts_every_participant_once_in_order(data: dict[str, Any]) -> None:
    body = encoded(data)
    opened = open_json_bytes(body, "angkatan.json")
    assert opened is not None
    seen: list[tuple[int, int]] = []
    load_and_check(opened, jobs=2, least=0, progress=lambda done, total: seen.append((done, total)))
    people = sum(len(cohort.participants) for cohort in load_json_bytes(body).cohorts)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(done <= total for done, total in seen)
    if people:
        assert seen[-1] == (people, people)


@A_FEW_FIXED
@given(made=st.lists(cohorts(size=st.just(2)), min_size=6, max_size=6))
def test_an_error_of_a_rule_is_raised_as_one_process_raises_it(made: list[Cohort]) -> None:
    body = encoded(cohorts_to_data(made))
    close = Fold.close

    def broken(self: Fold, state: Any, cohort: Cohort, count: int) -> None:
        if state.position == 4:
            raise ValueError(f"cohort {cohort.id} cannot be closed")
        close(self, state, cohort, count)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Fold, "close", broken)
        with pytest.raises(ValueError, match="cannot be closed") as alone:
            sequential(body)
        with pytest.raises(ValueError, match="cannot be closed") as split:
            shared(body)
    assert str(split.value) == str(alone.value)
