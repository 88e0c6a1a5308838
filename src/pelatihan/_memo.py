"""The one cache policy of the library: values that repeat, remembered within a bound.

A national export repeats its birth dates, TMT months, date cells and grade texts
thousands of times, and its cohorts fall in a few calendar years; working each
out once saves much of the work. Every cache of the library follows one policy:

* a cache is a plain module-level ``dict``: a hit on the hot path costs one
  ``dict.get`` (as fast as a :func:`functools.lru_cache` hit, with no bookkeeping);
* a miss works the value out and hands it to :func:`remember`, which keeps it;
* a cache holds at most :data:`LIMIT` values: when it is full, :func:`remember`
  empties it before adding, so that a file of distinct values cannot grow it
  without bound; what repeats comes back at once. Emptying costs nothing on a
  hit, where least-recently-used eviction reorders the cache on every hit;
* a text key longer than :data:`KEY_LIMIT` characters, or a tuple key holding one,
  is not remembered, so that the bound holds in bytes too (about 13 MB for a full
  cache of the longest keys).

The caches: :mod:`pelatihan.nip._checks` (birth dates, digits 1-8; TMT months,
digits 9-14; the two checked together, digits 1-14), :mod:`pelatihan.grades._golongan`
(grade texts), :mod:`pelatihan.calendar._holidays` (each year's holidays and *cuti bersama*),
:mod:`pelatihan.regimes` (the regime of a
first day and claim), :mod:`pelatihan.rulebook` (type hints of rulebook
classes), :mod:`pelatihan.io.plain` (ISO dates, and the texts read as a choice's members) and
:mod:`pelatihan.io.table` (date cells), :mod:`pelatihan.validation.stream` (the row
readers written for a table's column layouts); and, for one validation,
:mod:`pelatihan.validation.participant_rules` (the grade texts, ranks and educations that
gave no finding together). Only values are remembered, never
errors: a value that raises is worked out again the next time.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["KEY_LIMIT", "LIMIT", "remember"]

K = TypeVar("K")
V = TypeVar("V")

LIMIT = 1 << 16
"""How many values a cache keeps, 65,536: a national export has a few thousand
distinct values of each kind (birth dates span some twenty years: about 7,000
days), so every one of them stays remembered for the whole export."""

KEY_LIMIT = 100
"""The longest text key remembered, in characters: the longest grade text accepted;
dates are shorter."""


def remember(cache: dict[K, V], key: K, value: V) -> V:
    """Keep ``value`` under ``key`` in ``cache`` (emptied first when full); return it.

    A text ``key`` longer than :data:`KEY_LIMIT` is not kept, nor a tuple ``key``
    holding such a text.

    Example:
        >>> cache: dict[object, int] = {}
        >>> remember(cache, "a", 1), cache
        (1, {'a': 1})
        >>> remember(cache, "x" * (KEY_LIMIT + 1), 2), cache
        (2, {'a': 1})
        >>> remember(cache, ("b", None), 3), remember(cache, ("c", "x" * (KEY_LIMIT + 1)), 4)
        (3, 4)
        >>> cache
        {'a': 1, ('b', None): 3}
    """
    if isinstance(key, str):
        if len(key) > KEY_LIMIT:
            return value
    elif isinstance(key, tuple) and any(
        isinstance(part, str) and len(part) > KEY_LIMIT for part in key
    ):
        return value
    if len(cache) >= LIMIT:
        cache.clear()
    cache[key] = value
    return value
