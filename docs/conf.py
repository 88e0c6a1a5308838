"""Sphinx configuration for the pelatihan documentation."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.pycode import ModuleAnalyzer

import pelatihan

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "pelatihan"
author = "The pelatihan developers"
copyright = "2026, the pelatihan developers"  # noqa: A001
release = pelatihan.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
    "pelatihan_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# The manual is written in English and translated to Indonesian with Sphinx's gettext
# workflow: ``sphinx-build -D language=id`` builds it from docs/locale/id/LC_MESSAGES, one
# catalogue per page (gettext_compact = False), compiling the .po files to .mo itself; a page
# or paragraph not translated there stays English. Read the Docs names the language of its
# project in READTHEDOCS_LANGUAGE. See "Translating the manual" in architecture.md.
language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
locale_dirs = ["locale/"]
gettext_compact = False
# No source line numbers in the catalogues: an English edit then changes only the entries of
# the paragraphs it touches.
gettext_location = False
# Literal blocks are offered too, so that a command can gain `--lang id` and a sample report
# can be shown as the Indonesian command prints it. Code and doctest blocks are left
# untranslated (an empty msgstr): they stay as they are, and the doctests run on the English
# build only.
gettext_additional_targets = ["literal-block"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

EXAMPLES = (Path(__file__).resolve().parent.parent / "examples").as_posix()
doctest_global_setup = "\n".join(
    [
        "import datetime",
        "import pelatihan",
        "from pathlib import Path",
        f"EXAMPLES = Path({EXAMPLES!r})",
    ]
)
# Docstrings are run by pytest (--doctest-modules) in their own module's namespace; the
# doctest builder runs the pages' own ``doctest`` blocks.
doctest_test_doctest_blocks = ""

html_theme = "furo"
html_title = "pelatihan"
html_static_path: list[str] = []
templates_path = ["_templates"]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/language.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}


def _defining_submodule(app: Sphinx, modname: str, attribute: str) -> str | None:
    """The submodule that defines a name a package presents as its own, for its [source] link.

    ``pelatihan.nip`` and ``pelatihan.grades`` define their classes and functions in private
    submodules and give them the package as ``__module__``, where viewcode finds no source.
    """
    module = importlib.import_module(modname)
    name = attribute.partition(".")[0]
    if (
        getattr(getattr(module, name, None), "__module__", None) != modname
        or name in ModuleAnalyzer.for_module(modname).find_tags()
    ):
        return None
    for submodule in pkgutil.iter_modules(getattr(module, "__path__", []), f"{modname}."):
        if name in ModuleAnalyzer.for_module(submodule.name).find_tags():
            return submodule.name
    return None


def _manual_roots(language: str) -> dict[str, str]:
    """Where each language's manual is, relative to the root of the one being built.

    Read the Docs serves them as /en/<version>/ and /id/<version>/; a local build puts the
    Indonesian one inside the English one: docs/_build/html and docs/_build/html/id.
    """
    if os.environ.get("READTHEDOCS") == "True":
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return {code: f"../../{code}/{version}/" for code in ("en", "id")}
    if language == "id":
        return {"en": "../", "id": ""}
    return {"en": "", "id": "id/"}


def _per_language(_app: Sphinx, config: Config) -> None:
    """Settle what depends on the language, once ``-D language=...`` has been applied."""
    if config.language == "id":
        # The Indonesian how-to of howto-excel-id.md is the Indonesian howto-excel page.
        config.exclude_patterns = [*config.exclude_patterns, "howto-excel-id.md"]
    config.pelatihan_manuals = _manual_roots(config.language)
    config.html_context = {
        **config.html_context,
        "pelatihan_manuals": config.pelatihan_manuals,
        # A page of one manual only, and its counterpart in the other.
        "pelatihan_pages": {"howto-excel-id": "howto-excel"},
    }


def setup(app: Sphinx) -> None:
    """Connect the [source] links to the submodules, and the settings of each language."""
    app.connect("viewcode-follow-imported", _defining_submodule)
    app.connect("config-inited", _per_language)
