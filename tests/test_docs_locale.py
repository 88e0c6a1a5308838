"""The Indonesian manual's catalogues: they parse, cover the translated pages, and are current.

The catalogues are ``docs/locale/id/LC_MESSAGES/<page>.po``; the Indonesian build
(``sphinx-build -D language=id``, run by CI with warnings as errors) is the main check of
their markup. These tests catch what that build lets through: a fuzzy or obsolete entry
(which the build ignores, so its paragraph falls back to English), a paragraph of a
translated page left in English, and an entry whose English paragraph has changed since
(``sphinx-intl update`` was not run).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

DOCS = Path(__file__).resolve().parent.parent / "docs"
LOCALE = DOCS / "locale" / "id" / "LC_MESSAGES"

TRANSLATED = frozenset(
    {
        "index",
        "quickstart",
        "latsar",
        "schedules",
        "glossary",
        "rules",
        "tutorial-validate",
        "tutorial-plan",
        "howto-excel",
        "howto-closed-days",
    }
)
"""The pages whose every paragraph is in Indonesian (code apart)."""

_CODE_SPAN = re.compile(r"`+[^`]+`+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _catalogue(page: str) -> Catalog:
    with (LOCALE / f"{page}.po").open("rb") as file:
        return read_po(file, abort_invalid=True)


def _entries(catalogue: Catalog) -> list[Message]:
    """The entries but the header; the manual has no plural forms, so each id is one text."""
    entries = [message for message in catalogue if message.id]
    assert all(isinstance(message.id, str) for message in entries)
    return entries


def _id(message: Message) -> str:
    return str(message.id)


def _is_code(text: str) -> bool:
    """Whether an entry is code that stays as it is (its translation is left empty).

    A code or doctest block, a single command line, or text with no letters outside its
    inline code (a finding code, a list of them).
    """
    if "\n" in text or text.startswith((">>>", "pip ", "pelatihan ")):
        return True
    return _LETTER.search(_CODE_SPAN.sub("", text)) is None


def _words(text: str) -> str:
    return " ".join(text.split())


def _page_file(page: str) -> Path | None:
    return next(
        (
            DOCS / f"{page}{suffix}"
            for suffix in (".md", ".rst")
            if (DOCS / f"{page}{suffix}").exists()
        ),
        None,
    )


def _source(page: str) -> str:
    path = _page_file(page)
    assert path is not None, f"{page}.po: no page {page}.md or {page}.rst"
    return _words(path.read_text(encoding="utf-8"))


def _pages() -> list[str]:
    return sorted(path.stem for path in LOCALE.glob("*.po"))


def test_the_translated_pages_have_catalogues_and_every_catalogue_a_page() -> None:
    assert set(_pages()) >= TRANSLATED
    for page in _pages():
        assert _page_file(page) is not None, page


@pytest.mark.parametrize("page", _pages())
def test_a_catalogue_parses_as_indonesian_with_nothing_fuzzy_or_obsolete(page: str) -> None:
    catalogue = _catalogue(page)
    assert str(catalogue.locale) == "id"
    assert not catalogue.fuzzy, f"{page}.po: the header is marked fuzzy"
    fuzzy = [_id(message) for message in _entries(catalogue) if message.fuzzy]
    assert not fuzzy, f"{page}.po: fuzzy entries are not used; correct them, then drop the flag"
    assert not catalogue.obsolete, f"{page}.po: delete the obsolete (#~) entries"


@pytest.mark.parametrize("page", sorted(TRANSLATED))
def test_a_translated_page_has_every_paragraph_in_indonesian(page: str) -> None:
    entries = _entries(_catalogue(page))
    assert entries
    english = [
        _id(message) for message in entries if not message.string and not _is_code(_id(message))
    ]
    assert not english, f"{page}.po: not translated"


@pytest.mark.parametrize("page", _pages())
def test_every_entry_is_a_paragraph_of_the_english_page_as_it_is_now(page: str) -> None:
    source = _source(page)
    # A doctest block is shown, and offered, without its doctest flags: it is not compared.
    prose = [_id(message) for message in _entries(_catalogue(page)) if ">>>" not in _id(message)]
    stale = [text for text in prose if _words(text) not in source]
    assert not stale, (
        f"{page}.po: the English text changed; run sphinx-build -b gettext and sphinx-intl update "
        "(see docs/architecture.md)"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (">>> import pelatihan\n>>> pelatihan.validate(path).ok\nTrue", True),
        ("pip install 'pelatihan[xlsx]'", True),
        ("`participant.sex`, `participant.birth-date`", True),
        ("\N{EN DASH}", True),
        ("`nip.format` with a number like `1.98…e+17`", False),
        ("klasikal", False),
        ("Dates", False),
    ],
)
def test_code_is_told_from_prose(text: str, code: bool) -> None:
    assert _is_code(text) is code
