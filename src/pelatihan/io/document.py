"""What every reader returns: the input as plain data, with where each part came from.

Readers (JSON, CSV, Excel) never validate rules: they turn a file into a
:class:`RawDocument` — plain JSON-like data in the interchange shape
(``{"format": "pelatihan/cohorts@1", "cohorts": [...]}``), the file's name, the
row each participant came from (for tabular input), and findings about the
file itself (a row with the wrong number of cells, a blank row). Results
attached from a results export (:func:`pelatihan.io.results.attach_results`)
keep the file and row they came from, too: the results readers return them as
:class:`~pelatihan.io.results.RawResults`, a :class:`~pelatihan.io.results.ResultRow`
each (defined here, and documented with the readers). Structuring
(:mod:`pelatihan.io.structure`) then builds the models, collecting every
structural problem with its place and row. The keys of each record are those
of its declaration (:mod:`pelatihan.io.fields`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from typing import IO, BinaryIO

import attrs

from pelatihan.errors import ValidationError
from pelatihan.findings import Finding, Key, Location
from pelatihan.io.fields import ABSENCES, COHORT, PARTICIPANT, PHASE, RESULT

__all__ = [
    "ABSENCE_KEYS",
    "COHORT_KEYS",
    "FORMAT",
    "MAX_FILE_BYTES",
    "PARTICIPANT_KEYS",
    "PHASE_KEYS",
    "RESULT_KEYS",
    "InputError",
    "Keys",
    "RawDocument",
    "RawResults",
    "ResultRow",
    "check_size",
    "open_input",
    "read_limited",
]

Keys = tuple[Key, ...]
"""A place in a document: its keys and list indexes from the top (``("cohorts", 0, "name")``)."""

FORMAT = "pelatihan/cohorts@1"
"""The value of the ``format`` key of the JSON interchange format."""

PARTICIPANT_KEYS = PARTICIPANT.keys
"""The keys of a participant record, in the order a record lists them."""

COHORT_KEYS = COHORT.keys
"""The keys of a cohort record."""

RESULT_KEYS = RESULT.keys
"""The keys of a result record."""

ABSENCE_KEYS = ABSENCES.keys
"""The keys of a result's absences."""

PHASE_KEYS = PHASE.keys
"""The keys of a phase record."""


MAX_FILE_BYTES = 512 * 1024 * 1024
"""The largest cohort or results file read (512 MiB): a national intake of 250,000
participants takes about 60 MiB as JSON and 30 MiB as CSV."""


def check_size(size: int, name: str) -> None:
    """Refuse a file larger than :data:`MAX_FILE_BYTES`, before reading it.

    Raises:
        InputError: If ``size`` is over the limit.
    """
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{name}: the file has {size:,} bytes, more than the {MAX_FILE_BYTES:,} a cohort "
            "file may have; split it (a national intake takes about 60 MB)",
            f"{name}: berkas berukuran {size:,} bita, melebihi batas {MAX_FILE_BYTES:,} bita; "
            "pecah berkas (satu angkatan nasional sekitar 60 MB)",
            value=name,
        )


def open_input(path: str | os.PathLike[str], name: str) -> BinaryIO:
    """Open ``path`` for reading in binary mode: a regular file of at most :data:`MAX_FILE_BYTES`.

    A device (``/dev/zero``), a named pipe, a socket or a folder is refused before
    anything is read from it, so that an endless or blocking input cannot hang the
    reader or fill the memory; the pipe is opened without waiting for a writer.
    The size ``stat`` gives is only a first check: readers also count what they
    read (:func:`read_limited`).

    Raises:
        InputError: If ``path`` is not a regular file, or is larger than the limit.
        OSError: If it cannot be opened (the caller names the reason).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise InputError(
                f"{name}: not a regular file (a device, a named pipe or a folder); "
                "give the path of a cohort file",
                f"{name}: bukan berkas biasa (perangkat, pipa bernama, atau folder); "
                "berikan jalur berkas angkatan",
                value=name,
            )
        check_size(status.st_size, name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_limited(stream: IO[bytes], name: str) -> bytes:
    """All of ``stream``, refused once more than :data:`MAX_FILE_BYTES` are read.

    At most one byte more than the limit is read, whatever the stream.

    Raises:
        InputError: If the stream holds more than :data:`MAX_FILE_BYTES` bytes.
    """
    data = stream.read(MAX_FILE_BYTES + 1)
    check_size(len(data), name)
    return data


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
        rows: For records read from a table, the row number of each (the header
            is row 1), keyed by the record's keys: participants
            (``("cohorts", 0, "participants", 3)``) and attached results
            (``("cohorts", 0, "results", 0)``).
        findings: Findings about the file itself, found while reading.
        files: For records that came from another file than :attr:`file` (results
            attached from a results export), that file's name, keyed by the
            record's keys; ``None`` for a record read from in-memory data.
            Participants read from a worksheet of a workbook with several tables
            have the worksheet's name, ``"angkatan.xlsx[Cadangan]"``.
        parts: For a workbook with several tables, the names its worksheets are
            given in :attr:`files`, in the order they were read (a row of an
            earlier worksheet comes before any row of a later one).
        cohort_parts: For a workbook with several tables, the worksheets (as
            :attr:`parts` names them) each cohort has rows on, by the cohort's
            position: a cohort of a worksheet, or one its rows name on several.
    """

    data: object
    file: str | None = None
    rows: Mapping[Keys, int] = attrs.field(factory=dict)
    findings: tuple[Finding, ...] = ()
    files: Mapping[Keys, str | None] = attrs.field(factory=dict)
    parts: tuple[str | None, ...] = ()
    cohort_parts: tuple[tuple[str | None, ...], ...] = ()

    def location(self, keys: Keys | str) -> Location:
        """The location of ``keys``: the file, and the row of the record they are in.

        The record of a participant or a result is its first four keys
        (``("cohorts", 0, "results", 1)``); keys inside such a record are given
        the file and row it came from, any others the document's file. The text
        of a JSON path is accepted too, as :class:`~pelatihan.findings.Location`
        accepts it.

        Example:
            >>> doc = RawDocument({}, "angkatan.csv", {("cohorts", 0, "participants", 0): 2})
            >>> str(doc.location(("cohorts", 0, "participants", 0, "nip")))
            'angkatan.csv:2 $.cohorts[0].participants[0].nip'
            >>> doc = RawDocument({}, "angkatan.json", {("cohorts", 0, "results", 1): 3},
            ...                   files={("cohorts", 0, "results", 1): "hasil.csv"})
            >>> str(doc.location(("cohorts", 0, "results", 1, "scores", "attitude")))
            'hasil.csv:3 $.cohorts[0].results[1].scores.attitude'
            >>> str(doc.location(("cohorts", 0, "participants", 0)))
            'angkatan.json $.cohorts[0].participants[0]'
        """
        where = Location(keys, self.file)
        if self.rows or self.files:
            record = where.keys[:4]
            file = self.files.get(record, self.file)
            row = self.rows.get(record)
            if file != self.file or row is not None:
                return Location(where.keys, file, row)
        return where


@attrs.frozen
class ResultRow:
    """One result as read, before it is attached to a cohort.

    Args:
        record: The result in the shape of a cohort's ``results`` item
            (``{"nip": ..., "scores": {...}, "absences": {...}, ...}``); from a
            JSON file, whatever the item is.
        location: Where it was read: the results file, and its row for a table.
        cohort: The cohort it names (the ``Angkatan`` cell), if any.
    """

    record: object
    location: Location
    cohort: str | None = None

    @property
    def nip(self) -> str | None:
        """The NIP the record gives, as text (``None`` when it gives none)."""
        return _nip_text(self.record)


@attrs.frozen
class RawResults:
    """A results file read into plain records, before they are attached to cohorts.

    Args:
        rows: The results, in the file's order.
        file: The file's name (``None`` for in-memory data).
        findings: Findings about the file itself (unknown columns, blank rows, ...).
    """

    rows: tuple[ResultRow, ...] = ()
    file: str | None = None
    findings: tuple[Finding, ...] = ()


def _nip_text(record: object) -> str | None:
    if not isinstance(record, dict):
        return None
    value = record.get("nip")
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
