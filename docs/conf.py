"""Sphinx configuration for the pelatihan documentation."""

from __future__ import annotations

import sys
from pathlib import Path

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
