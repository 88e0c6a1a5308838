"""The cyclic garbage collector is paused during bulk work and restored after it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import pelatihan
from pelatihan._collector import collector_paused
from pelatihan.cli import main
from pelatihan.io.document import RawDocument
from pelatihan.io.structure import structure

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_enabled")
def test_paused_inside_and_enabled_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_enabled_again_after_an_exception() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_nested_use_leaves_the_outer_pause_alone() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        pelatihan.validate(EXAMPLES / "cohort.json")
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_enabled")
def test_bulk_entry_points_pause_and_restore(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    original = pelatihan.validation.cohort_rules._Checker.cohort

    def spy(self: object, *args: object) -> object:
        seen.append(gc.isenabled())
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pelatihan.validation.cohort_rules._Checker, "cohort", spy)
    report = pelatihan.validate(EXAMPLES / "cohort.json")
    assert seen
    assert not any(seen)
    assert report.ok
    assert gc.isenabled()
    structure(RawDocument({"cohorts": []}, "empty.json"))
    assert gc.isenabled()
    assert main(["rules"]) == 0
    assert gc.isenabled()
