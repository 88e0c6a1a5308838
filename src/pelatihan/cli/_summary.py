"""What was read: files, sheets, cohorts, participants and rows skipped, counted once.

:class:`ReadSummary` is the one count the reports share: the first line of the
text report, the ``"summary"`` object of the JSON report and the summary sheet
of the Excel report. The counts come from the readers (a table validated as it
is read keeps only its participants with findings, so they cannot come from
what is shown), and the rows skipped from the findings whose code is one of
:data:`~pelatihan.catalogue.reading.SKIPPED_ROW_CODES` (a finding about a run of
rows counts each of them).

    >>> from pelatihan.findings import Finding, Location, Report, Severity
    >>> blank = Finding("input.blank-row", Severity.INFO, Location("$", "a.csv", 4), "", "")
    >>> counts = {"error": 0, "warning": 0, "info": 0}
    >>> cohorts = (CohortRead("a.csv", 0, "I", "", 4, counts),
    ...            CohortRead("a.csv", 1, "II", "", 5, counts))
    >>> found = Report([blank]).counts()
    >>> summary = ReadSummary(files=1, sheets=0, participants=9, cohorts=cohorts,
    ...                       rows_skipped={"input.blank-row": 1}, findings=found)
    >>> summary.line("en")
    'Read 1 file: 2 cohorts, 9 participants; 1 row skipped (1 blank)'
    >>> summary.line("id")
    'Dibaca 1 berkas: 2 angkatan, 9 peserta; 1 baris dilewati (1 kosong)'
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from pelatihan import catalogue
from pelatihan.catalogue.reading import SKIPPED_ROW_CODES
from pelatihan.cli._common import _WORDS, _thousands
from pelatihan.cohort import Participant
from pelatihan.findings import FOLDED, Finding, Report, Severity
from pelatihan.io.reader import EXCEL_SUFFIXES
from pelatihan.io.structure import Loaded

_SHEET = re.compile(r"(?s)(.+)\[([^\[\]]*)\]")
"""A file label naming a sheet of a workbook: ``book.xlsx[Sheet 2]``."""

_SKIPPED_LABELS = {
    "input.blank-row": ("blank", "kosong"),
    "input.title-row": ("title", "judul"),
    "input.two-row-header": ("second header row", "baris judul kolom kedua"),
    "input.column-numbers": ("column numbers", "nomor kolom"),
    "input.total-row": ("total", "jumlah"),
    "input.section-row": ("section heading", "judul bagian"),
    "input.footer-row": ("below the table", "di bawah tabel"),
}
"""A short label for the rows skipped by each code; others are named by their rule's title."""


def split_sheet(label: str | None) -> tuple[str, str]:
    """A file label as its file and its sheet (empty when it names none).

    Example:
        >>> split_sheet("book.xlsx[Sheet 2]"), split_sheet("peserta.csv"), split_sheet(None)
        (('book.xlsx', 'Sheet 2'), ('peserta.csv', ''), ('', ''))
    """
    if label is None:
        return "", ""
    match = _SHEET.fullmatch(label)
    if match is None:
        return label, ""
    return match[1], match[2]


def _skipped_label(code: str, lang: str) -> str:
    if code in _SKIPPED_LABELS:
        english, indonesian = _SKIPPED_LABELS[code]
        return indonesian if lang == "id" else english
    try:
        rule = catalogue.get(code)
    except catalogue.UnknownRuleError:
        return code
    return (rule.title_id if lang == "id" else rule.title_en).lower()


# -- looking up a cohort and a participant of a document --------------------------------


class Names:
    """The names of a document's cohorts and participants, by their indexes in the input.

    Structured cohorts and participants give their own; others, what the input
    wrote, if anything.

    Args:
        document: The file as loaded (for a table read as it is validated, what it shows).
    """

    def __init__(self, document: Loaded) -> None:
        self.document = document
        self.positions = {index: position for position, index in enumerate(document.cohort_index)}
        self.kept: dict[int, dict[int, int]] = {}

    @functools.cached_property
    def raw(self) -> list[object]:
        """The cohorts of the input as plain data, read only for a record not structured."""
        return self.document.input_cohorts()

    def cohort(self, index: int) -> tuple[str, str]:
        """The name and id of the cohort at ``index`` in the input (empty when it gives none)."""
        position = self.positions.get(index)
        if position is not None:
            cohort = self.document.cohorts[position]
            return cohort.name or "", cohort.id or ""
        raw = self.raw
        record = raw[index] if 0 <= index < len(raw) else None
        if not isinstance(record, dict):
            return "", ""
        name, ident = record.get("name"), record.get("id")
        return _text(name), _text(ident)

    def participant(self, cohort: int, index: int) -> tuple[str, str]:
        """The NIP and name of a participant (empty when the input gives none)."""
        position = self.positions.get(cohort)
        if position is not None:
            kept = self.kept.get(position)
            if kept is None:
                indexes = self.document.participant_index[position]
                kept = self.kept[position] = {item: n for n, item in enumerate(indexes)}
            number = kept.get(index)
            if number is not None:
                person: Participant = self.document.cohorts[position].participants[number]
                return person.nip or "", person.name or ""
        raw = self.raw
        record = raw[cohort] if 0 <= cohort < len(raw) else None
        people = record.get("participants") if isinstance(record, dict) else None
        entry = people[index] if isinstance(people, list) and 0 <= index < len(people) else None
        if not isinstance(entry, dict):
            return "", ""
        nip = entry.get("nip")
        whole = isinstance(nip, int) and not isinstance(nip, bool)
        return (str(nip) if whole else _text(nip)), _text(entry.get("name"))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def cohort_label(name: str, ident: str, index: int, lang: str) -> str:
    """``name (id)``, or whichever is given, or ``cohort #n``."""
    if name and ident and name != ident:
        return f"{name} ({ident})"
    return name or ident or _WORDS[lang]["cohort-n"].format(n=index + 1)


def cohort_sizes(document: Loaded) -> tuple[int, ...]:
    """The number of participants of each cohort a loaded document's input gives."""
    return document.input_sizes()


# -- the summary ----------------------------------------------------------------------------


@attrs.frozen
class CohortRead:
    """One cohort as read: its file, position, name and id, participants and findings.

    Args:
        file: The file's label.
        index: The cohort's position in its file.
        name: Its name, empty when not given.
        id: Its id, empty when not given.
        participants: The number of its participants read.
        counts: The number of its findings per severity (its participants' and
            results' findings included).
        sheets: The worksheets its rows are on, for a workbook with several
            tables; empty otherwise.
    """

    file: str | None
    index: int
    name: str
    id: str
    participants: int
    counts: Mapping[str, int]
    sheets: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether no finding of the cohort is an error."""
        return not self.counts.get(Severity.ERROR.value, 0)

    def label(self, lang: str) -> str:
        """``name (id)``, or whichever is given, or ``cohort #n`` in ``lang``."""
        return cohort_label(self.name, self.id, self.index, lang)


@attrs.frozen
class ReadSummary:
    """What was read and what was found, counted once for every report format.

    Args:
        files: The number of files read (cohort files and a results export;
            the sheets of one workbook are one file).
        sheets: The number of Excel worksheets read.
        participants: The number of participants read.
        cohorts: Each cohort read, in order.
        rows_skipped: The number of rows read and not taken as a record, by
            code (:data:`~pelatihan.catalogue.reading.SKIPPED_ROW_CODES`), only
            the codes found, in that tuple's order.
        findings: The number of findings per severity.
    """

    files: int
    sheets: int
    participants: int
    cohorts: tuple[CohortRead, ...]
    rows_skipped: Mapping[str, int]
    findings: Mapping[str, int]

    @classmethod
    def of(
        cls,
        documents: Sequence[Loaded],
        reports: Sequence[Report],
        sizes: Sequence[Sequence[int]],
        *,
        other_files: Iterable[str | None] = (),
    ) -> ReadSummary:
        """Count what the documents' reading and their reports give.

        Args:
            documents: The files as loaded (for a table read as it is
                validated, what it shows).
            reports: Each file's report, in the same order.
            sizes: Each file's cohorts' numbers of participants, as the reader counted them.
            other_files: Other files read (a results export).
        """
        labels = [document.document.file for document in documents]
        files = {split_sheet(label)[0] or f"<input {n}>" for n, label in enumerate(labels)}
        files.update(name or "<results>" for name in other_files)
        sheets = {  # the worksheets of a workbook with several tables, or the workbook
            label
            for document in documents
            for label in (document.document.parts or (document.document.file,))
            if label is not None and Path(split_sheet(label)[0]).suffix.lower() in EXCEL_SUFFIXES
        }
        cohorts: list[CohortRead] = []
        severities = tuple(severity.value for severity in Severity)
        none: Counter[str] = Counter()  # of a cohort with no finding: read, never written
        for document, report, counts in zip(documents, reports, sizes, strict=True):
            per_cohort = _severities_per_cohort(report)
            names = Names(document)
            parts = document.document.cohort_parts
            file = document.document.file
            for index, size in enumerate(counts):
                name, ident = names.cohort(index)
                found = per_cohort.get(index, none)
                on = parts[index] if index < len(parts) else ()
                cohorts.append(
                    CohortRead(
                        file,
                        index,
                        name,
                        ident,
                        size,
                        {value: found[value] for value in severities},
                        tuple(split_sheet(label)[1] for label in on if label is not None)
                        if on
                        else (),
                    )
                )
        every = [finding for report in reports for finding in report]
        skipped: Counter[str] = Counter()
        for finding in every:
            if finding.code in SKIPPED_ROW_CODES:  # one finding may cover a run of rows
                skipped[finding.code] += max(finding.location.rows, 1)
            elif finding.code == FOLDED and isinstance(finding.value, dict):
                code = finding.value.get("code")  # skipped rows beyond the cap
                if code in SKIPPED_ROW_CODES:
                    skipped[code] += int(finding.value.get("rows") or 0)
        order = {code: position for position, code in enumerate(SKIPPED_ROW_CODES)}
        return cls(
            files=len(files),
            sheets=len(sheets),
            participants=sum(cohort.participants for cohort in cohorts),
            cohorts=tuple(cohorts),
            rows_skipped=dict(sorted(skipped.items(), key=lambda item: order[item[0]])),
            findings=Report(every).counts() if len(reports) != 1 else reports[0].counts(),
        )

    @property
    def skipped(self) -> int:
        """The number of rows skipped, whatever the code."""
        return sum(self.rows_skipped.values())

    def to_dict(self) -> dict[str, object]:
        """The ``"summary"`` object of the JSON report."""
        return {
            "files": self.files,
            "sheets": self.sheets,
            "cohorts": len(self.cohorts),
            "participants": self.participants,
            "rows_skipped": dict(self.rows_skipped),
            "findings": dict(self.findings),
        }

    def line(self, lang: str) -> str:
        """The first line of the text report, in ``lang``: what was read, and rows skipped."""

        def count(number: int, english: str, indonesian: str) -> str:
            shown = _thousands(number, lang)
            if lang == "id":
                return f"{shown} {indonesian}"
            return f"{shown} {english}{'' if number == 1 else 's'}"

        files = count(self.files, "file", "berkas")
        if self.sheets:
            files += f" ({count(self.sheets, 'sheet', 'lembar')})"
        text = (
            f"{'Dibaca' if lang == 'id' else 'Read'} {files}: "
            f"{count(len(self.cohorts), 'cohort', 'angkatan')}, "
            f"{count(self.participants, 'participant', 'peserta')}"
        )
        if self.skipped:
            parts = ", ".join(
                f"{_thousands(number, lang)} {_skipped_label(code, lang)}"
                for code, number in self.rows_skipped.items()
            )
            skipped = count(self.skipped, "row", "baris")
            text += f"; {skipped} {'dilewati' if lang == 'id' else 'skipped'} ({parts})"
        return text


def _severities_per_cohort(report: Iterable[Finding]) -> dict[int, Counter[str]]:
    """The number of findings per severity of each cohort (by its index) of a file's report."""
    found: dict[int, Counter[str]] = {}
    for finding in report:
        keys = finding.location.keys
        if len(keys) >= 2 and keys[0] == "cohorts" and isinstance(keys[1], int):
            found.setdefault(keys[1], Counter())[finding.severity.value] += 1
    return found
