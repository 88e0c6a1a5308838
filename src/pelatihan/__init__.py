"""Models and validators for Latsar CPNS, Indonesia's basic training for candidate civil servants.

The public names are gathered here; each lives in its own module:

* :mod:`pelatihan.nip` — the 18-digit civil-servant number (NIP);
* :mod:`pelatihan.grades` — grades (golongan/ruang, pangkat), entry grade by
  education, and the Latsar tracks;
* :mod:`pelatihan.legal` — the legal instruments and the regime in force;
* :mod:`pelatihan.provenance` — figures with their status and legal basis;
* :mod:`pelatihan.rulebooks` — each regime's figures as data;
* :mod:`pelatihan.calendar` — working and training days;
* :mod:`pelatihan.schedule` — phases and schedules, and planning them;
* :mod:`pelatihan.planning` — an intake split into cohorts and waves within probation;
* :mod:`pelatihan.validation` — findings, reports, the rule catalogue.

    >>> import pelatihan
    >>> pelatihan.nip.format("198609262015051001")
    '19860926 201505 1 001'
    >>> str(pelatihan.Grade.parse("Penata Muda (III/a)"))
    'III/a'

Importing the package is cheap: each public name is imported from its module when
it is first used (:pep:`562`), so that a program, or the ``pelatihan`` command,
pays only for what it uses.

    >>> pelatihan.validate.__module__
    'pelatihan.validation.pipeline'
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from pelatihan import calendar, legal, nip, rulebooks
    from pelatihan._collector import collector_paused
    from pelatihan.calendar import Calendar
    from pelatihan.cohort import Cohort, Organizer, Participant
    from pelatihan.errors import ValidationError
    from pelatihan.grades import Education, Grade, Track, entry_grade
    from pelatihan.io.reader import load
    from pelatihan.planning import Allocation, allocate
    from pelatihan.provenance import Citation, Figure, Status
    from pelatihan.rulebooks import Rulebook
    from pelatihan.schedule import Phase, Schedule, plan_schedule
    from pelatihan.training import Method, PhaseKind, Setting
    from pelatihan.validation import (
        Finding,
        Location,
        Report,
        ReportErrors,
        Severity,
        validate_schedule,
    )
    from pelatihan.validation.pipeline import validate, validate_files

__all__ = [
    "Allocation",
    "Calendar",
    "Citation",
    "Cohort",
    "Education",
    "Figure",
    "Finding",
    "Grade",
    "Location",
    "Method",
    "Organizer",
    "Participant",
    "Phase",
    "PhaseKind",
    "Report",
    "ReportErrors",
    "Rulebook",
    "Schedule",
    "Setting",
    "Severity",
    "Status",
    "Track",
    "ValidationError",
    "__version__",
    "allocate",
    "calendar",
    "collector_paused",
    "entry_grade",
    "legal",
    "load",
    "nip",
    "plan_schedule",
    "rulebooks",
    "validate",
    "validate_files",
    "validate_schedule",
]

__version__ = "0.1.0.dev0"

_SUBMODULES = frozenset({"calendar", "legal", "nip", "rulebooks"})
_HOMES = {
    "collector_paused": "pelatihan._collector",
    "Calendar": "pelatihan.calendar",
    "Cohort": "pelatihan.cohort",
    "Organizer": "pelatihan.cohort",
    "Participant": "pelatihan.cohort",
    "ValidationError": "pelatihan.errors",
    "Education": "pelatihan.grades",
    "Grade": "pelatihan.grades",
    "Track": "pelatihan.grades",
    "entry_grade": "pelatihan.grades",
    "load": "pelatihan.io.reader",
    "Allocation": "pelatihan.planning",
    "allocate": "pelatihan.planning",
    "Citation": "pelatihan.provenance",
    "Figure": "pelatihan.provenance",
    "Status": "pelatihan.provenance",
    "Rulebook": "pelatihan.rulebooks",
    "Phase": "pelatihan.schedule",
    "Schedule": "pelatihan.schedule",
    "plan_schedule": "pelatihan.schedule",
    "Method": "pelatihan.training",
    "PhaseKind": "pelatihan.training",
    "Setting": "pelatihan.training",
    "Finding": "pelatihan.validation",
    "Location": "pelatihan.validation",
    "Report": "pelatihan.validation",
    "ReportErrors": "pelatihan.validation",
    "Severity": "pelatihan.validation",
    "validate_schedule": "pelatihan.validation",
    "validate": "pelatihan.validation.pipeline",
    "validate_files": "pelatihan.validation.pipeline",
}
"""The module each public name is imported from when it is first used."""

if not TYPE_CHECKING:  # for a type checker, the names are the imports above

    def __getattr__(name: str) -> Any:
        """Import ``name`` from its module the first time it is used, and keep it."""
        if name in _SUBMODULES:
            value = importlib.import_module(f"{__name__}.{name}")
        elif name in _HOMES:
            value = getattr(importlib.import_module(_HOMES[name]), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if "hypothesis" in sys.modules:  # imported first: its entry point left the registering to us
    from pelatihan import _hypothesis_hook

    _hypothesis_hook.register()
