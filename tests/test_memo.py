"""Every cache of the library follows one policy, and stays within its bound."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pelatihan import _memo, calendar, grades, nip, regimes, rulebook, rulebooks
from pelatihan.calendar import _holidays
from pelatihan.grades import Grade, _golongan
from pelatihan.io import plain, structure, table
from pelatihan.io.document import RawDocument
from pelatihan.io.tabular import TableBuilder
from pelatihan.nip import _checks

SMALL = 4


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_memo, "LIMIT", SMALL)
    # NIPs checked before would not reach the caches of their birth dates and TMT months
    monkeypatch.setattr(_checks, "_CHECKED", {})


def test_remember_keeps_and_returns_the_value() -> None:
    cache: dict[str, int] = {}
    assert _memo.remember(cache, "a", 1) == 1
    assert cache == {"a": 1}


@pytest.mark.usefixtures("small_limit")
def test_remember_empties_a_full_cache_before_adding() -> None:
    cache: dict[int, int] = {}
    for key in range(SMALL):
        _memo.remember(cache, key, key)
    assert len(cache) == SMALL
    _memo.remember(cache, SMALL, SMALL)
    assert cache == {SMALL: SMALL}


def test_remember_keeps_no_text_key_longer_than_the_key_limit() -> None:
    cache: dict[str, int] = {}
    assert _memo.remember(cache, "x" * (_memo.KEY_LIMIT + 1), 1) == 1
    assert cache == {}
    _memo.remember(cache, "x" * _memo.KEY_LIMIT, 2)
    assert len(cache) == 1


def test_remember_keeps_no_tuple_key_holding_a_text_longer_than_the_key_limit() -> None:
    cache: dict[tuple[str | None, ...], int] = {}
    long = "x" * (_memo.KEY_LIMIT + 1)
    assert _memo.remember(cache, ("III/a", long, None), 1) == 1
    assert cache == {}
    _memo.remember(cache, ("III/a", "x" * _memo.KEY_LIMIT, None), 2)
    assert len(cache) == 1


def test_the_bound_keeps_a_national_exports_values() -> None:
    # birth dates of twenty-five years of applicants all stay remembered
    assert _memo.LIMIT >= 25 * 366
    assert grades._MAX_INPUT <= _memo.KEY_LIMIT


# -- each cache of the library --------------------------------------------------------------


def _nips(count: int) -> Iterator[None]:
    start = datetime.date(1985, 1, 1)
    for index in range(count):
        born = start + datetime.timedelta(days=index)
        digits = f"{born:%Y%m%d}2015{index % 12 + 1:02d}1001"
        assert nip.parse(digits).birth_date == born
        yield


def _grades(count: int) -> Iterator[None]:
    forms = ["III/a", "iii/a", "III / a", "III-a", "3a", "Penata Muda (III/a)", "penata muda"]
    for index in range(count):
        assert Grade.parse(forms[index % len(forms)] + " " * (index // len(forms))) == Grade.parse(
            "III/a"
        )
        yield


def _years(count: int) -> Iterator[None]:
    for year in range(2000, 2000 + count):
        calendar.is_confirmed_year(year)
        yield


def _hints(count: int) -> Iterator[None]:
    for _ in range(count):
        rulebooks.get("perlan-1-2021").figure_types()
        yield


def _json_dates(count: int) -> Iterator[None]:
    start = datetime.date(1990, 1, 1)
    for index in range(count):
        born = start + datetime.timedelta(days=index)
        person = {"nip": "19950417 201903 2 004", "name": "Dewi", "grade": "III/a"}
        person |= {"agency": "Dinkes", "birth_date": born.isoformat()}
        cohort = {"name": "C", "track": "III", "method": "blended", "participants": [person]}
        loaded = structure.structure(RawDocument({"cohorts": [cohort]}, "x.json"))
        assert loaded.cohorts[0].participants[0].birth_date == born
        yield


def _date_cells(count: int) -> Iterator[None]:
    start = datetime.date(1990, 1, 1)
    for index in range(count):
        born = start + datetime.timedelta(days=index)
        table = TableBuilder(["NIP", "Nama", "Tgl. Lahir"], file="a.csv")
        table.add_row(2, ["19860926 201505 1 001", "Siti", f"{born:%d-%m-%Y}"])
        data: Any = table.document().data
        assert data["cohorts"][0]["participants"][0]["birth_date"] == born.isoformat()
        yield


def _first_days(count: int) -> Iterator[None]:
    start = datetime.date(2022, 1, 3)
    for index in range(count):
        day = start + datetime.timedelta(days=index)
        assert regimes.resolve(day).regime == regimes.regime_on(day)
        yield


CACHES: list[tuple[str, Any, str, Callable[[int], Iterator[None]]]] = [
    ("nip birth dates", _checks, "_BIRTH_DATES", _nips),
    ("nip TMT months", _checks, "_TMTS", _nips),
    ("nip birth dates and TMT months checked together", _checks, "_CHECKED", _nips),
    ("grade texts", _golongan, "_PARSED", _grades),
    ("calendar years", _holidays, "_YEARS", _years),
    ("regimes of first days", regimes, "_RESOLVED", _first_days),
    ("rulebook type hints", rulebook, "_HINTS", _hints),
    ("ISO dates of JSON records", plain, "_DATES", _json_dates),
    ("date cells of tables", table, "_ISO_TEXTS", _date_cells),
]


@pytest.mark.usefixtures("small_limit")
@pytest.mark.parametrize(
    ("module", "name", "fill"),
    [case[1:] for case in CACHES],
    ids=[case[0] for case in CACHES],
)
def test_each_cache_stays_within_the_limit(
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    name: str,
    fill: Callable[[int], Iterator[None]],
) -> None:
    cache: dict[object, object] = {}
    monkeypatch.setattr(module, name, cache)
    sizes = [len(cache) for _ in fill(3 * SMALL)]
    assert max(sizes) <= SMALL
    assert max(sizes) > 0  # the cache was used


def test_every_cache_is_listed_where_the_policy_is_documented() -> None:
    documented = _memo.__doc__ or ""
    for module in {case[1] for case in CACHES}:
        assert f":mod:`{module.__name__}`" in documented
