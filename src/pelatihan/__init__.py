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
* :mod:`pelatihan.validation` — findings, reports, the rule catalogue.

    >>> import pelatihan
    >>> pelatihan.nip.format("198609262015051001")
    '19860926 201505 1 001'
    >>> str(pelatihan.Grade.parse("Penata Muda (III/a)"))
    'III/a'
"""

import sys as _sys

from pelatihan import calendar, legal, nip, rulebooks
from pelatihan._collector import collector_paused
from pelatihan.calendar import Calendar
from pelatihan.cohort import Cohort, Organizer, Participant
from pelatihan.errors import ValidationError
from pelatihan.grades import Education, Grade, Track, entry_grade
from pelatihan.io.reader import load
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

if "hypothesis" in _sys.modules:  # imported first: its entry point left the registering to us
    from pelatihan import _hypothesis_hook

    _hypothesis_hook.register()
