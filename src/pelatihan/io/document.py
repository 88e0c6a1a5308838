"""What every reader returns: the input as plain data, with where each part came from.

Readers (JSON, CSV, Excel) never validate rules: they turn a file into a
:class:`RawDocument` — plain JSON-like data in the interchange shape
(``{"format": "pelatihan/cohorts@1", "cohorts": [...]}``), the file's name, the
row each participant came from (for tabular input), and findings about the
file itself (a row with the wrong number of cells, a blank row). Structuring
(:mod:`pelatihan.io.structure`) then builds the models, collecting every
structural problem with its path and row.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from pelatihan.errors import ValidationError
from pelatihan.validation.report import Finding, Location

__all__ = [
    "ABSENCE_KEYS",
    "COHORT_KEYS",
    "FORMAT",
    "PARTICIPANT_KEYS",
    "PHASE_KEYS",
    "RESULT_KEYS",
    "InputError",
    "RawDocument",
]

FORMAT = "pelatihan/cohorts@1"
"""The value of the ``format`` key of the JSON interchange format."""

PARTICIPANT_KEYS = (
    "nip",
    "name",
    "grade",
    "agency",
    "birth_date",
    "sex",
    "tmt_cpns",
    "education",
    "position",
)
"""The keys of a participant record, in the order a record lists them."""

COHORT_KEYS = (
    "id",
    "name",
    "track",
    "method",
    "regime",
    "start",
    "organizer",
    "klasikal_approved",
    "phases",
    "participants",
    "results",
)
"""The keys of a cohort record."""

RESULT_KEYS = ("nip", "scores", "absences", "remediated", "passed_on")
"""The keys of a result record."""

ABSENCE_KEYS = ("sessions", "jp", "days")
"""The keys of a result's absences."""

PHASE_KEYS = ("kind", "start", "end", "weekdays", "label")
"""The keys of a phase record."""


class InputError(ValidationError):
    """A file that cannot be read at all: missing, empty, not JSON, not UTF-8, not a workbook.

    The message names the file and says what was expected.
    """

    code = "input.unreadable"


@attrs.frozen
class RawDocument:
    """A file read into plain data, before structuring.

    Args:
        data: The document in the interchange shape (dicts, lists, text, numbers).
        file: The file's name as given by the caller (``None`` for in-memory data).
        rows: For tabular input, the row number (the header is row 1) of each
            participant, keyed by its JSON path (``"$.cohorts[0].participants[3]"``).
        findings: Findings about the file itself, found while reading.
    """

    data: object
    file: str | None = None
    rows: Mapping[str, int] = attrs.field(factory=dict)
    findings: tuple[Finding, ...] = ()

    def location(self, path: str) -> Location:
        """The location of ``path``: the file, and the row of the participant it is in.

        Example:
            >>> doc = RawDocument({}, "angkatan.csv", {"$.cohorts[0].participants[0]": 2})
            >>> str(doc.location("$.cohorts[0].participants[0].nip"))
            'angkatan.csv:2 $.cohorts[0].participants[0].nip'
        """
        row = None
        if self.rows:
            marker = path.find("].participants[")
            if marker != -1:
                end = path.find("]", marker + len("].participants["))
                row = self.rows.get(path[: end + 1])
        return Location(path, file=self.file, row=row)
