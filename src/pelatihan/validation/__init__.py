"""Validation: rules that produce findings, collected in one report.

The result of every check in ``pelatihan`` is a :class:`Report` of
:class:`Finding` values; see :mod:`pelatihan.findings` for the model
and :mod:`pelatihan.validation.catalogue` for the list of rules (imported on its own: it
imports every module that defines a rule). Cohorts are
checked by :func:`pelatihan.validate` (:mod:`pelatihan.validation.cohort_rules`).
"""

from pelatihan.findings import (
    Finding,
    FindingError,
    Location,
    Report,
    ReportErrors,
    Rule,
    Severity,
)
from pelatihan.validation.schedule_rules import validate_schedule

__all__ = [
    "Finding",
    "FindingError",
    "Location",
    "Report",
    "ReportErrors",
    "Rule",
    "Severity",
    "validate_schedule",
]
