"""Findings and reports, under their former name: see :mod:`pelatihan.findings`."""

from __future__ import annotations

from pelatihan.findings import (
    REPORT_FORMAT,
    Finding,
    FindingError,
    Location,
    Report,
    ReportErrors,
    Severity,
    cited,
)

__all__ = [
    "REPORT_FORMAT",
    "Finding",
    "FindingError",
    "Location",
    "Report",
    "ReportErrors",
    "Severity",
    "cited",
]
