"""Hypothesis' entry point for pelatihan: a module of its own, so that it imports nothing.

hypothesis runs the ``hypothesis`` entry points of every installed package while it
is itself being imported. This one is outside the ``pelatihan`` package, so that
importing hypothesis imports no part of pelatihan, nor ``holidays``: a project that has
pelatihan installed and imports hypothesis without using pelatihan pays nothing for it.

The strategies are registered by :func:`pelatihan._hypothesis_hook.register`: here when
pelatihan was imported before hypothesis, else by pelatihan's ``__init__`` when it is
imported after hypothesis; a pelatihan type cannot be asked for before either.
"""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Register pelatihan's strategies now if pelatihan is imported; else it does on import."""
    if "pelatihan" in sys.modules:
        from pelatihan import _hypothesis_hook  # noqa: PLC0415 - only when pelatihan is there

        _hypothesis_hook.register()
