"""Hypothesis' entry point: register :mod:`pelatihan.strategies` for ``st.from_type``.

Kept apart from :mod:`pelatihan.strategies`, which imports hypothesis: hypothesis
runs this hook while it is itself being imported, so the strategies are looked
up only when a type is first resolved.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

_STRATEGIES = {
    ("pelatihan.nip", "NIP"): "nip_values",
    ("pelatihan.grades", "Grade"): "grades",
    ("pelatihan.grades", "Track"): "tracks",
    ("pelatihan.cohort", "Participant"): "participants",
    ("pelatihan.schedule", "Schedule"): "schedules",
    ("pelatihan.cohort", "Cohort"): "cohorts",
}


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    def resolve(_type: type[Any]) -> Any:
        return getattr(importlib.import_module("pelatihan.strategies"), name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each of pelatihan's value types."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis asks

    for (module, name), strategy in _STRATEGIES.items():
        st.register_type_strategy(getattr(importlib.import_module(module), name), _lazy(strategy))
