"""Figures set by their paths: a variant file's figures and ``PATH=VALUE`` settings (``--set``).

A path is one of :meth:`Rulebook.figures() <pelatihan.rulebooks.Rulebook.figures>`, or
a method's whole sequence of phases; an unknown path is refused with the closest known
one. The public names are offered, and documented, by :mod:`pelatihan.io.variant`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

import attrs

from pelatihan.errors import quote
from pelatihan.io.variant._errors import VariantError, _fail
from pelatihan.io.variant._values import _convert, _phases
from pelatihan.rulebooks import Rulebook, all_rulebooks

COMMAND_LINE = "the command line (--set)"  # documented in pelatihan.io.variant
_PHASES_PATH = re.compile(r"methods\.([a-z]+)\.phases")


# -- PATH=VALUE settings ------------------------------------------------------------------------


def parse_setting(text: str) -> tuple[str, str]:
    """Split a setting written ``PATH=VALUE`` into its path and its value (as text).

    Raises:
        VariantError: If there is no ``=`` or no path.

    Example:
        >>> parse_setting("evaluation.bands.memuaskan = 80.5")
        ('evaluation.bands.memuaskan', '80.5')
    """
    path, equals, value = text.partition("=")
    if not equals or not path.strip():
        raise _fail(
            f"--set {text}",
            "expected PATH=VALUE, such as methods.klasikal.days_total=42",
            "seharusnya JALUR=NILAI, misalnya methods.klasikal.days_total=42",
            text,
        )
    return path.strip(), value.strip()


def apply_settings(
    rulebook: Rulebook,
    settings: Iterable[str],
    *,
    source: str = COMMAND_LINE,
    note: str = "",
) -> Rulebook:
    """Apply figures written ``PATH=VALUE``, in order, to a rulebook.

    Values are text, converted to each figure's type as in a variant file;
    ``null`` leaves a figure open, and ``methods.<method>.phases`` also takes
    the short form ``kind:days,kind:days`` (or a JSON list of phases).

    Args:
        rulebook: The rulebook to start from: a shipped one or a variant.
        settings: The settings, each ``PATH=VALUE``.
        source: Where the figures come from (the command line by default).
        note: A note for every figure set.

    Returns:
        ``rulebook`` itself when there is no setting, else a variant of it whose
        id ends in ``+set``; its ``parent`` is ``rulebook``'s parent if it has
        one (a variant file), else ``rulebook``'s id.

    Raises:
        VariantError: If a setting is not ``PATH=VALUE``, names no figure, or
            gives a value of the wrong type.
    """
    book = rulebook
    for text in settings:
        path, value = parse_setting(text)
        book = _set(book, path, value, "--set", source=source, note=note)
    if book is rulebook:
        return rulebook
    return attrs.evolve(
        book,
        id=f"{rulebook.id}+set",
        title=f"{rulebook.title}, with figures from the command line",
        parent=rulebook.parent or rulebook.id,
    )


def settings_by_regime(
    settings: Sequence[str], *, source: str = COMMAND_LINE
) -> dict[str, Rulebook]:
    """The shipped rulebook of every regime with ``settings`` applied, by regime id.

    A setting whose figure a regime's rulebook does not have (the blended
    phases of Peraturan LAN 12/2018, which has no blended delivery) is left
    out for that regime; one that no shipped rulebook has is an error.

    Raises:
        VariantError: If a setting names a figure of no shipped rulebook, or
            gives a value of the wrong type.

    Example:
        >>> books = settings_by_regime(["evaluation.components.attitude.weight=40"])
        >>> sorted(books)  # doctest: +NORMALIZE_WHITESPACE
        ['perlan-1-2021', 'perlan-1-2021+10-2021', 'perlan-1-2021+10-2021+kep-2024',
         'perlan-12-2018']
        >>> books["perlan-12-2018"].figure("evaluation.components.attitude.weight").value
        40
    """
    parsed = [(text, parse_setting(text)[0]) for text in settings]
    shipped = all_rulebooks()
    for _text, path in parsed:
        if not any(_has(book, path) for book in shipped):
            raise _unknown(shipped[-1], path, "--set")
    return {
        book.regime: apply_settings(
            book, [text for text, path in parsed if _has(book, path)], source=source
        )
        for book in shipped
    }


# -- one figure ---------------------------------------------------------------------------------


def _phases_method(book: Rulebook, path: str) -> str | None:
    """The method whose whole sequence of phases ``path`` names, if it does."""
    match = _PHASES_PATH.fullmatch(path)
    if match is None or match[1] not in {rules.method.value for rules in book.methods}:
        return None
    return match[1]


def _has(book: Rulebook, path: str) -> bool:
    return path in book.figures() or _phases_method(book, path) is not None


def _unknown(book: Rulebook, path: str, where: str) -> VariantError:
    paths = [*book.figures(), *(f"methods.{rules.method.value}.phases" for rules in book.methods)]
    close = difflib.get_close_matches(path, paths, n=1)
    hint_en = (
        f" (did you mean {close[0]!r}?)"
        if close
        else ("; Rulebook.figures() and pelatihan schema --variant list the paths")
    )
    hint_id = (
        f" (maksudnya {close[0]!r}?)"
        if close
        else ("; daftar jalur ada pada Rulebook.figures() dan pelatihan schema --variant")
    )
    return _fail(
        where,
        f"the rulebook {book.id} has no figure {quote(path)}{hint_en}",
        f"buku aturan {book.id} tidak memiliki angka {quote(path)}{hint_id}",
        path,
    )


def _set(
    book: Rulebook,
    path: str,
    value: object,
    where: str,
    *,
    source: str | None,
    note: str,
) -> Rulebook:
    """``book`` with the figure at ``path`` set to ``value``, converted to the figure's type."""
    method = _phases_method(book, path)
    if method is not None:
        converted: object = _phases(value, f"{where}: {path}")
    else:
        kinds = book.figure_types()
        if path not in kinds:
            raise _unknown(book, path, where)
        converted = _convert(value, kinds[path], f"{where}: {path}")
    changed = book.variant(book.id, {path: converted}, source=source, note=note)
    return attrs.evolve(changed, title=book.title, parent=book.parent)
