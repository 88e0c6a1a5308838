"""Sphinx configuration for the pelatihan documentation."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from sphinx.application import Sphinx
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
language = "en"

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


def setup(app: Sphinx) -> None:
    """Connect the [source] links to the submodules."""
    app.connect("viewcode-follow-imported", _defining_submodule)
