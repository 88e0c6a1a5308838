"""What the command's parser tells of the library, known without importing the library.

The help of ``pelatihan`` and of its subcommands, and its usage errors, name a
few facts whose home is a module that is slow to import: the regime ids
(:func:`pelatihan.legal.regimes`, whose modules build every rulebook), the
extensions the readers know (:mod:`pelatihan.io.reader`,
:mod:`pelatihan.io.results`) and how many findings of one code a report keeps
(:mod:`pelatihan.findings`). The parser is built from the copies here, so that
``pelatihan --help`` imports none of those modules; the library's own modules
stay the source of each fact, and a test fails when a copy here differs from it.

    >>> REGIME_IDS[0], COHORT_SUFFIXES[0], MAX_FINDINGS_PER_CODE
    ('perlan-12-2018', '.json', 1000)
"""

from __future__ import annotations

__all__ = ["COHORT_SUFFIXES", "FORMATS", "MAX_FINDINGS_PER_CODE", "REGIME_IDS", "RESULT_SUFFIXES"]

REGIME_IDS = (
    "perlan-12-2018",
    "perlan-1-2021",
    "perlan-1-2021+10-2021",
    "perlan-1-2021+10-2021+kep-2024",
)
"""The ids of the regimes, oldest first: those of :func:`pelatihan.legal.regimes`."""

COHORT_SUFFIXES = (".json", ".csv", ".txt", ".xlsx", ".xlsm")
"""The extensions of cohort files: :data:`pelatihan.io.reader.SUFFIXES`."""

RESULT_SUFFIXES = (".csv", ".txt", ".json")
"""The extensions of results exports: :data:`pelatihan.io.results.SUFFIXES`."""

MAX_FINDINGS_PER_CODE = 1000
"""How many findings of one code a report keeps by default.

:data:`pelatihan.findings.MAX_FINDINGS_PER_CODE`."""

FORMATS = ("text", "json", "csv", "xlsx")
"""The formats of ``pelatihan validate --format``."""
