"""Bounded caches for values that repeat across a national export.

A national export repeats its birth dates, TMT months and date cells thousands
of times; reading each text once saves much of the work. Each cache is a plain
dict (a lookup on the hot path costs one ``dict.get``); :func:`remember` adds to
it, clearing it first when it is full, so that a hostile file of distinct values
cannot grow it without bound.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["LIMIT", "remember"]

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 1 << 16
"""How many values a cache keeps: a national export has a few thousand of each."""


def remember(cache: dict[K, V], key: K, value: V) -> V:
    """Keep ``value`` under ``key`` in ``cache`` (emptied first when full); return it.

    Example:
        >>> cache: dict[str, int] = {}
        >>> remember(cache, "a", 1), cache
        (1, {'a': 1})
    """
    if len(cache) >= LIMIT:
        cache.clear()
    cache[key] = value
    return value
