"""Every shipped regime: one module of data, a rulebook that adds up and cites known sources."""

from __future__ import annotations

import datetime
import importlib
import itertools
import pkgutil
import re
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pelatihan.regimes
from pelatihan import instruments, legal, plan_schedule, rulebooks
from pelatihan.provenance import Figure, Status
from pelatihan.regimes import Regime, get_regime, regime_on, regimes, resolve, rulebook
from pelatihan.rulebook import MethodRules, Rulebook
from pelatihan.training import Setting
from pelatihan.validation import validate_schedule

d = datetime.date

_NOT_REGIMES = {"base", "common"}


def _regime_modules() -> list[ModuleType]:
    names = [
        info.name
        for info in pkgutil.iter_modules(pelatihan.regimes.__path__)
        if info.name not in _NOT_REGIMES
    ]
    return [importlib.import_module(f"pelatihan.regimes.{name}") for name in sorted(names)]


MODULES = _regime_modules()
BOOKS = rulebooks.all_rulebooks()


def _module_name(regime_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", regime_id)


def test_every_regime_module_is_listed_and_holds_its_regime_and_rulebook() -> None:
    listed = {regime.id for regime in regimes()}
    for module in MODULES:
        regime: Regime = module.REGIME
        book: Rulebook = module.RULEBOOK
        assert module.__name__.rsplit(".", 1)[1] == _module_name(regime.id)
        assert (book.id, book.regime) == (regime.id, regime.id)
        assert regime.id in listed
        assert rulebook(regime.id) is book
    assert len(MODULES) == len(regimes()) == len(BOOKS)


def test_regimes_are_in_order_of_their_first_day_and_windows_end_at_the_default() -> None:
    firsts = [regime.in_force_from.value for regime in regimes()]
    assert firsts == sorted(firsts)
    assert len(set(firsts)) == len(firsts)
    for regime in regimes():
        if regime.earliest is not None:
            assert regime.in_force_from.status is not Status.REG
            assert regime.earliest < regime.in_force_from.value


def _citations(book: Rulebook) -> list[tuple[str, Figure[Any]]]:
    return [(path, figure) for path, figure in book.figures().items() if figure.basis is not None]


@pytest.mark.parametrize("book", BOOKS, ids=[book.id for book in BOOKS])
def test_every_citation_and_instrument_of_a_regime_resolves(book: Rulebook) -> None:
    regime = get_regime(book.regime)
    for instrument_id in (regime.instrument, *regime.amended_by, *regime.decrees):
        assert instruments.find(instrument_id) is not None, instrument_id
    if regime.in_force_from.basis is not None:
        assert instruments.find(regime.in_force_from.basis.instrument) is not None
    for path, figure in _citations(book):
        assert figure.basis is not None
        assert instruments.find(figure.basis.instrument) is not None, path


@pytest.mark.parametrize("book", BOOKS, ids=[book.id for book in BOOKS])
def test_every_secondary_figure_records_where_it_was_read(book: Rulebook) -> None:
    for path, figure in book.figures().items():
        if figure.status is Status.SEC:
            assert figure.source, f"{book.id}: {path} is SEC without a source"
        if figure.status in (Status.INF, Status.OPEN):
            assert figure.note or figure.source, f"{book.id}: {path} gives no reasoning"


def _admitted(figures: list[Figure[int | None]]) -> set[int] | None:
    """Every sum the figures can make, each taking its value or one of its alternatives."""
    choices: list[tuple[int, ...]] = []
    for figure in figures:
        if figure.value is None:
            return None
        choices.append(tuple(v for v in (figure.value, *figure.alternatives) if v is not None))
    return {sum(combination) for combination in itertools.product(*choices)}


def _methods() -> list[tuple[str, MethodRules]]:
    return [(book.id, rules) for book in BOOKS for rules in book.methods if rules.available.value]


@pytest.mark.parametrize(("book_id", "rules"), _methods(), ids=lambda value: str(value)[:40])
def test_the_phases_of_every_method_add_up_to_its_totals(book_id: str, rules: MethodRules) -> None:
    phases = rules.phases
    totals = (
        (rules.days_total, [phase.days for phase in phases]),
        (rules.days_in_class, [p.days for p in phases if p.setting is Setting.IN_CLASS]),
        (rules.days_out_of_class, [p.days for p in phases if p.setting is Setting.OUT_OF_CLASS]),
        *((item.days, [p.days for p in phases if p.kind is item.kind]) for item in rules.kind_days),
    )
    for total, parts in totals:
        sums = _admitted(parts)
        if total.value is None or sums is None:
            continue
        stated = {days for days in (total.value, *total.alternatives) if days is not None}
        assert stated <= sums, (book_id, rules.method, total)
        assert max(sums) <= max(stated)


def test_a_2025_cohort_follows_the_2024_decrees() -> None:
    regime = legal.regime_on(d(2025, 7, 14))
    assert regime.id == "perlan-1-2021+10-2021+kep-2024"
    assert [i.short_name for i in regime.decrees_cited()] == [
        "Keputusan Kepala LAN 580/K.1/PDP.07/2024",
        "Keputusan Kepala LAN 581/K.1/PDP.07/2024",
    ]
    assert regime.in_force_from.status is Status.OPEN


@pytest.mark.parametrize("mooc", [9, 14])
def test_a_2025_blended_cohort_with_either_mooc_length_has_no_errors(mooc: int) -> None:
    book = rulebook("perlan-1-2021+10-2021+kep-2024")
    mine = book.variant("organiser", {"methods.blended.phases[0].days": mooc})
    plan = plan_schedule(d(2025, 7, 14), "III", "blended", rulebook=mine)
    assert [phase.training_days(plan.calendar) for phase in plan.phases] == [mooc, 20, 30, 3]
    assert validate_schedule(plan).counts() == {"error": 0, "warning": 0, "info": 0}
    # checked against the shipped rulebook, which accepts both reported lengths
    assert validate_schedule(plan, book).ok
    # and against the 2022 figures it no longer follows
    old = validate_schedule(plan, rulebook("perlan-1-2021+10-2021"))
    assert {f.code for f in old} == {
        "schedule.days-total",
        "schedule.days-in-class",
        "schedule.days-out-of-class",
        "schedule.kind-days",
    }
    kinds = sorted(str(f.message_en).split(" ")[0] for f in old if f.code == "schedule.kind-days")
    assert kinds == ["elearning", "klasikal", "mooc"]


def test_a_mooc_length_nobody_reports_is_an_error_naming_both_reported_lengths() -> None:
    book = rulebook("perlan-1-2021+10-2021+kep-2024")
    mine = book.variant("x", {"methods.blended.phases[0].days": 11})
    plan = plan_schedule(d(2025, 7, 14), "III", "blended", rulebook=mine)
    report = validate_schedule(plan, book)
    mooc = [f for f in report if f.code == "schedule.kind-days"]
    assert len(mooc) == 1
    assert "gives 9 or 14 (SEC)" in mooc[0].message_en
    assert "menetapkan 9 atau 14" in mooc[0].message_id


def test_overriding_a_figure_drops_the_alternatives_other_sources_report() -> None:
    book = rulebook("perlan-1-2021+10-2021+kep-2024")
    mine = book.variant("x", {"methods.blended.phases[0].days": 9})
    figure = mine.figure("methods.blended.phases[0].days")
    assert (figure.status, figure.alternatives) == (Status.USER, ())
    plan = plan_schedule(
        d(2025, 7, 14),
        "III",
        "blended",
        rulebook=book.variant("y", {"methods.blended.phases[0].days": 14}),
    )
    assert not validate_schedule(plan, mine).ok  # the organiser said 9


def test_a_2024_cohort_rests_on_the_default_boundary_and_may_claim_either_regime() -> None:
    found = resolve(d(2024, 9, 2))
    assert found.regime.id == "perlan-1-2021+10-2021"
    assert found.default_boundary is not None
    assert found.default_boundary.id == "perlan-1-2021+10-2021+kep-2024"
    claimed = resolve(d(2024, 9, 2), "perlan-1-2021+10-2021+kep-2024")
    assert (claimed.regime.id, claimed.contradicted) == ("perlan-1-2021+10-2021+kep-2024", False)
    same = resolve(d(2024, 9, 2), "perlan-1-2021+10-2021")
    assert (same.regime.id, same.default_boundary) == ("perlan-1-2021+10-2021", None)
    assert resolve(d(2025, 2, 3), "perlan-1-2021+10-2021").contradicted
    assert resolve(d(2023, 6, 5), "perlan-1-2021+10-2021+kep-2024").contradicted
    assert resolve(d(2023, 6, 5)).default_boundary is None
    assert resolve(d(2025, 2, 3)).default_boundary is None


def test_a_boundary_the_caller_supplies_ends_the_uncertainty() -> None:
    found = resolve(d(2024, 9, 2), in_force_from={"perlan-1-2021+10-2021+kep-2024": d(2024, 7, 1)})
    assert found.regime.id == "perlan-1-2021+10-2021+kep-2024"
    assert found.regime.in_force_from.status is Status.USER
    assert found.default_boundary is None


@given(st.dates(min_value=d(2019, 1, 1), max_value=d(2030, 12, 31)))
def test_resolving_without_a_claim_is_regime_on(day: datetime.date) -> None:
    found = resolve(day)
    assert found.regime == regime_on(day) == found.in_force
    assert not found.contradicted
    if found.default_boundary is not None:
        boundary = found.default_boundary
        assert boundary.earliest is not None
        assert boundary.earliest <= day < boundary.in_force_from.value


@given(
    st.dates(min_value=d(2019, 1, 1), max_value=d(2030, 12, 31)),
    st.sampled_from([regime.id for regime in regimes()]),
)
def test_a_claim_is_accepted_exactly_when_only_default_boundaries_stand_between(
    day: datetime.date, claimed: str
) -> None:
    found = resolve(day, claimed)
    in_force = regime_on(day)
    ids = [regime.id for regime in regimes()]
    low, high = sorted((ids.index(claimed), ids.index(in_force.id)))
    between = regimes()[low + 1 : high + 1]
    uncertain = all(regime.rests_on_default(day) for regime in between)
    assert (not found.contradicted) == uncertain
    assert found.regime.id == (claimed if uncertain else in_force.id)
