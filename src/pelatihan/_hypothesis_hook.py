"""Register :mod:`pelatihan.strategies` for hypothesis' ``st.from_type``, lazily.

:func:`register` runs once hypothesis and pelatihan are both imported, whichever comes
first: hypothesis' entry point (the top-level module ``_pelatihan_hypothesis``, which
imports nothing of pelatihan) calls it when pelatihan is already imported, and
pelatihan's ``__init__`` calls it when hypothesis is. Each type is registered with a
function that imports :mod:`pelatihan.strategies`, and so builds the strategy, only
when the type is first resolved.
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


def register() -> None:
    """Register a strategy for each of pelatihan's value types (again: the same ones)."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only once hypothesis is imported

    for (module, name), strategy in _STRATEGIES.items():
        st.register_type_strategy(getattr(importlib.import_module(module), name), _lazy(strategy))


_hypothesis_setup_hook = register
"""The entry point that installations made before ``_pelatihan_hypothesis`` existed name."""
