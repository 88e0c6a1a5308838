"""The cyclic garbage collector: library calls leave it alone, the command pauses it.

The collector is process-wide, so pausing it is the command's business (and a host
application's, with :func:`pelatihan.collector_paused`), never a library call's.
"""

from __future__ import annotations

import argparse
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

import pelatihan
from pelatihan import cli
from pelatihan.io.document import RawDocument
from pelatihan.io.structure import _Structurer, structure
from pelatihan.validation.stream import validate_table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def collector_state(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The collector set as the parameter says, and restored after the test."""
    was = gc.isenabled()
    wanted: bool = request.param
    if wanted:
        gc.enable()
    else:
        gc.disable()
    try:
        yield wanted
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _spy_on_cohorts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record whether the collector is enabled each time a cohort is checked."""
    seen: list[bool] = []
    original = pelatihan.validation.fold.Fold.close

    def spy(self: object, *args: object) -> object:
        seen.append(gc.isenabled())
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pelatihan.validation.fold.Fold, "close", spy)
    return seen


# -- the public context manager -------------------------------------------------------------


def test_collector_paused_is_public() -> None:
    assert "collector_paused" in pelatihan.__all__
    assert pelatihan.collector_paused.__doc__


@pytest.mark.usefixtures("collector_enabled")
def test_collector_paused_pauses_inside_and_enables_after() -> None:
    with pelatihan.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_collector_paused_nested_leaves_the_outer_pause_alone() -> None:
    with pelatihan.collector_paused():
        with pelatihan.collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_paused_leaves_a_collector_the_caller_disabled_disabled(
    collector_state: bool,
) -> None:
    with pelatihan.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is collector_state


def test_collector_paused_restores_the_previous_state_after_an_exception(
    collector_state: bool,
) -> None:
    with pytest.raises(RuntimeError), pelatihan.collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled() is collector_state


def test_validation_inside_collector_paused_runs_paused(
    collector_state: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spy_on_cohorts(monkeypatch)
    with pelatihan.collector_paused():
        report = pelatihan.validate(EXAMPLES / "cohort.json")
    assert seen
    assert not any(seen)
    assert report.ok
    assert gc.isenabled() is collector_state


# -- library calls leave the collector alone ------------------------------------------------


def test_validate_leaves_the_collector_as_it_found_it(
    collector_state: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spy_on_cohorts(monkeypatch)
    report = pelatihan.validate(EXAMPLES / "cohort.json")
    assert report.ok
    assert seen
    assert all(enabled is collector_state for enabled in seen)
    assert gc.isenabled() is collector_state


def test_validate_table_leaves_the_collector_as_it_found_it(
    collector_state: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    original = pelatihan.validation.stream._Stream.finish

    def spy(self: object, *args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pelatihan.validation.stream._Stream, "finish", spy)
    validate_table(EXAMPLES / "participants.csv")
    assert seen == [collector_state]
    assert gc.isenabled() is collector_state


def test_structure_leaves_the_collector_as_it_found_it(collector_state: bool) -> None:
    structure(RawDocument({"cohorts": []}, "empty.json"))
    assert gc.isenabled() is collector_state


# -- the command pauses it around its whole job ---------------------------------------------


def test_the_command_pauses_the_collector_and_restores_it(
    collector_state: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = _spy_on_cohorts(monkeypatch)
    assert cli.main(["validate", str(EXAMPLES / "cohort.json")]) == 0
    capsys.readouterr()
    assert seen
    assert not any(seen)
    assert gc.isenabled() is collector_state


def test_the_command_restores_the_collector_when_its_handler_fails(
    collector_state: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []

    def failing(args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        raise OSError("disk gone")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda lang="en": parser)
    monkeypatch.setattr(parser, "parse_args", lambda argv: argparse.Namespace(handler=failing))
    assert cli.main(["rules"]) != 0
    capsys.readouterr()
    assert seen == [False]
    assert gc.isenabled() is collector_state


def test_a_structurer_is_freed_without_the_cyclic_collector() -> None:
    """The streamed path makes a structurer per cohort while the command pauses the collector."""
    was = gc.isenabled()
    gc.disable()
    try:
        structurer = _Structurer(RawDocument({}))
        gone = weakref.ref(structurer)
        del structurer
        assert gone() is None  # freed by its reference count: it holds no cycle
    finally:
        if was:
            gc.enable()
