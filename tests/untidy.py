"""The mistakes an export makes, drawn into cohort documents: shared by the tests of shared work.

``tests/test_parallel.py`` and ``tests/test_shares.py`` each compare a report made
by several processes with one process's, on documents made untidy the same ways.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from pelatihan.strategies import invalid_nips

MISTAKES = ("nip", "grade", "key", "date", "name")
"""The mistakes :func:`make_mistakes` draws from: a bad NIP, a grade that is none, a key no
one knows, a date written otherwise, a name with spaces around it."""


def make_mistakes(
    draw: st.DrawFn,
    people: list[dict[str, Any]],
    *,
    again: tuple[int, int],
    mistakes: tuple[int, int],
    kinds: tuple[str, ...] = MISTAKES,
) -> None:
    """Give NIPs again (``again``: the fewest and most times) and make ``mistakes`` of ``kinds``."""
    for _ in range(draw(st.integers(*again))):  # a NIP given again, anywhere
        target = draw(st.sampled_from(people))
        target["nip"] = draw(st.sampled_from(people))["nip"]
    for _ in range(draw(st.integers(*mistakes))):
        target = draw(st.sampled_from(people))
        mistake = draw(st.sampled_from(kinds))
        if mistake == "nip":
            target["nip"] = draw(invalid_nips())
        elif mistake == "grade":
            target["grade"] = "IX/z"
        elif mistake == "key":
            target["colour"] = "blue"
        elif mistake == "date":
            target["birth_date"] = "17-04-1995"
        else:
            target["name"] = f"  {target['name']} "
