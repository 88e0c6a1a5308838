r"""Results exports: participants' scores and absences, read from a table and attached to cohorts.

After a cohort ends, HR or the organiser exports each participant's results as
a table, one row per participant. :func:`read_results_csv` reads such a CSV
file into :class:`RawResults` (plain records in the shape of a cohort's
``results``, each with the file and row it came from), with the same
machinery as participant lists (:mod:`pelatihan.io.table`,
:func:`pelatihan.io.csv.read_table`): UTF-8 with or without a byte-order mark,
``;``, ``,`` or tab, headers matched whatever their case and punctuation,
unknown and duplicate columns, blank rows and rows longer than the header
reported. :func:`attach_results` then puts each row into the ``results`` of
the cohort it belongs to, and :func:`pelatihan.validate` validates, placing
every finding about a result at the results file's row
(:func:`pelatihan.validation.pipeline.validate_with_results` does all three).

Headers
-------

The headers are those the fields declare (:mod:`pelatihan.io.fields`):

.. header table

The field names are headers too, and so are the component keys alone
(``type_a``, ``attitude``). A table needs a NIP column. A name column is
allowed for the reader's sake and not used: the name comes from the cohort.

Values
------

Cells are kept as text, for structuring (:mod:`pelatihan.io.structure`) to
check and report: a score keeps its decimal comma (``"70,01"`` is read as
70.01), and absences are counts. ``ya``/``tidak``, ``yes``/``no``,
``true``/``false`` and ``1``/``0`` in the remediation column become true or
false (other text is kept, and reported), and a date of passing becomes ISO
text when :func:`~pelatihan.io.dates.parse_date` reads it.

Where each row goes
-------------------

Every row with text is accounted for: it becomes a result of a cohort, or a
finding. :func:`attach_results` puts a row into the ``results`` of

1. the cohort its ``Angkatan`` cell names (by id, or by name), when it has
   one; a name that no cohort has is reported (``results.unknown-cohort``,
   a warning) and the row is placed by its NIP;
2. otherwise the cohort with a participant of the same NIP (compared by
   :func:`pelatihan.nip.compact`, or by the text without whitespace when that
   fails); the first such cohort, when there are several;
3. otherwise the first cohort, where the rules report the row as
   ``results.unknown-nip``, at its row of the results file.

A row that cannot be attached at all — the files have no cohort, or the
cohort's ``results`` is not a list — is a ``results.unattached`` error at its
row. Results a cohort file already has are kept, and the attached rows follow
them.

Each attached result keeps its file and row (:attr:`RawDocument.rows
<pelatihan.io.document.RawDocument.rows>` and :attr:`~pelatihan.io.document.RawDocument.files`),
so structuring findings about it (a score that is not a number, a date that is
not a date) name the results file and row. The rules
(:func:`pelatihan.validate`) place their findings on an attached result at
its results file and row too.

    >>> import io
    >>> from pelatihan.io.document import RawDocument
    >>> from pelatihan.io.structure import structure
    >>> from pelatihan import validate
    >>> from pelatihan.io.results import attach_results, read_results_csv
    >>> cohorts = RawDocument({"format": "pelatihan/cohorts@1", "cohorts": [{
    ...     "id": "c1", "name": "Angkatan I", "track": "III", "method": "klasikal",
    ...     "regime": "perlan-1-2021+10-2021", "organizer": {"name": "BPSDM", "accredited": True},
    ...     "participants": [{"nip": "19950417 202403 2 004", "name": "Dewi Lestari",
    ...                       "grade": "III/a", "agency": "Dinkes"}]}]}, "angkatan.json")
    >>> export = (
    ...     "NIP;Nilai Tipe A;Nilai Tipe B;Sikap Perilaku;Aktualisasi;Remedial\n"
    ...     "199504172024032004;80;75,5;85;88;tidak\n"
    ...     "19990101 202403 1 001;70;70;70;70;tidak\n"
    ... ).encode("utf-8")
    >>> results = read_results_csv(io.BytesIO(export), file_name="hasil.csv")
    >>> document = attach_results(cohorts, results)
    >>> document.data["cohorts"][0]["results"][0]  # doctest: +NORMALIZE_WHITESPACE
    {'nip': '199504172024032004',
     'scores': {'type_a': '80', 'type_b': '75,5', 'attitude': '85', 'actualisation': '88'},
     'remediated': False}
    >>> for finding in validate(structure(document)):
    ...     print(finding.code, finding.location)
    cohort.no-schedule angkatan.json $.cohorts[0]
    results.incomplete hasil.csv:2 $.cohorts[0].results[0]
    results.unknown-nip hasil.csv:3 $.cohorts[0].results[1].nip
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, ClassVar

import attrs

from pelatihan.findings import Location
from pelatihan.io.attach import attach_results, attach_results_across, participant_of_result
from pelatihan.io.csv import read_table
from pelatihan.io.document import (
    ABSENCE_KEYS,
    RESULT_KEYS,
    InputError,
    Keys,
    RawResults,
    ResultRow,
)
from pelatihan.io.fields import (
    ABSENCES,
    COHORT_HEADERS,
    COHORT_LABEL_ID,
    PARTICIPANT,
    RESULT,
    SCORE_HEADERS,
    SCORE_LABELS_ID,
)
from pelatihan.io.jsonfile import read_json
from pelatihan.io.table import RowTable, cell_value, with_header_table

__all__ = [
    "RESULT_HEADERS",
    "RESULT_LABELS_ID",
    "SUFFIXES",
    "RawResults",
    "ResultRow",
    "ResultsTable",
    "attach_results",
    "attach_results_across",
    "participant_of_result",
    "read_results",
    "read_results_csv",
    "read_results_json",
]

SUFFIXES = (".csv", ".txt", ".json")
"""The file extensions :func:`read_results` knows."""

RESULT_HEADERS: dict[str, tuple[str, ...]] = {
    "nip": RESULT.field("nip").headers,
    "cohort": COHORT_HEADERS,
    **{f"scores.{key}": headers for key, headers in SCORE_HEADERS.items()},
    **{f"absences.{field.key}": field.headers for field in ABSENCES.fields},
    **{field.key: field.headers for field in RESULT.fields if field.headers and field.key != "nip"},
    "name": PARTICIPANT.field("name").headers,
}
"""The headers each field's column of a results export may have: those the result's fields
declare (:mod:`pelatihan.io.fields`), the scores' by component, and the cohort's and the
participant's name's, as in a participant list."""

RESULT_LABELS_ID: dict[str, str] = {
    "nip": RESULT.field("nip").label("id"),
    "cohort": COHORT_LABEL_ID,
    **{f"scores.{key}": label for key, label in SCORE_LABELS_ID.items()},
    **{f"absences.{field.key}": field.label("id") for field in ABSENCES.fields},
    **{field.key: field.label("id") for field in RESULT.fields if field.headers},
    "name": PARTICIPANT.field("name").label("id"),
}
"""How Indonesian messages name each field of :data:`RESULT_HEADERS`."""

if __doc__:  # not left out (python -OO)
    __doc__ = with_header_table(__doc__, RESULT_HEADERS, {"name": "(read, not used)"})

_CELLS = {field.key: field.kind for field in RESULT.fields if field.headers}
"""The kinds of the result's own columns, whose cells :func:`~pelatihan.io.table.cell_value`
reads."""


class ResultsTable(RowTable):
    """Builds :class:`RawResults` from a results export's header and rows of text.

    Give it the header, then each row after the header with :meth:`add_row`, in
    order, then call :meth:`results`.

    Args:
        header: The header row's cells.
        file: The file's name, for findings and errors.
        header_row: The header's row number in the file.

    Raises:
        InputError: If the header has no NIP column.

    Example:
        >>> table = ResultsTable(["NIP", "Tes MOOC", "Absen JP", "Tanggal Lulus", "Catatan"])
        >>> table.add_row(2, ["19950417 202403 2 004", "80,5", "3", "20/08/2024", "-"])
        >>> table.add_row(3, [" ", "", "", "", ""])
        >>> raw = table.results()
        >>> raw.rows[0].record  # doctest: +NORMALIZE_WHITESPACE
        {'nip': '19950417 202403 2 004', 'scores': {'mooc_test': '80,5'},
         'absences': {'jp': '3'}, 'passed_on': '2024-08-20'}
        >>> [(f.code, f.location.row) for f in raw.findings]
        [('input.unknown-column', 1), ('input.blank-row', 3)]
    """

    HEADERS = RESULT_HEADERS
    LABELS_ID = RESULT_LABELS_ID
    REQUIRED: ClassVar[Mapping[str, tuple[str, str]]] = {"nip": ("NIP", "NIP")}
    RECORD = ("result", "hasil")

    def __init__(
        self,
        header: Sequence[str],
        *,
        file: str | None = None,
        header_row: int = 1,
    ) -> None:
        self._rows: list[ResultRow] = []
        super().__init__(header, file=file, header_row=header_row)

    def add_row(self, row: int, cells: Sequence[str]) -> None:
        """Add the row numbered ``row`` in the file, its cells as text."""
        read = self.read_cells(row, cells)
        if read is None:
            return
        named, extra = read
        where = Location(file=self.file, row=row)
        record: dict[str, object] = {}
        scores: dict[str, str] = {}
        absences: dict[str, str] = {}
        cohort: str | None = None
        for field, value in named.items():
            group, _, key = field.partition(".")
            if group == "scores":
                scores[key] = value
            elif group == "absences":
                absences[key] = value
            elif field == "cohort":
                cohort = value
            elif field in _CELLS:
                record[field] = cell_value(_CELLS[field], value)  # the participant's name is not
        if scores:
            record["scores"] = scores
        if absences:
            record["absences"] = {key: absences[key] for key in ABSENCE_KEYS if key in absences}
        ordered = {key: record[key] for key in RESULT_KEYS if key in record}
        self._rows.append(ResultRow(ordered, where, cohort))
        self.row_shape(where, row, extra)

    def results(self, *, trailing_blank_rows: bool = True) -> RawResults:
        """The results of the rows added so far.

        Raises:
            InputError: If no row has any text.
        """
        self.finish(trailing_blank_rows=trailing_blank_rows)
        return RawResults(tuple(self._rows), self.file, tuple(self.findings))


def read_results_csv(
    source: str | os.PathLike[str] | IO[bytes], *, file_name: str | None = None
) -> RawResults:
    r"""Read a CSV results export.

    Args:
        source: A path, or a file opened in binary mode.
        file_name: The name to give the file in findings and errors (by default
            the path, or the file object's ``name``).

    Returns:
        The results, each with its row, and the findings about the file.

    Raises:
        InputError: If the file cannot be opened, is not UTF-8, has no rows, or
            has no NIP column.

    Example:
        >>> import io
        >>> data = "\ufeffNIP,Attitude,Actualisation,Remediated\n1,80,85,yes\n".encode()
        >>> raw = read_results_csv(io.BytesIO(data), file_name="results.csv")
        >>> raw.rows[0].record
        {'nip': '1', 'scores': {'attitude': '80', 'actualisation': '85'}, 'remediated': True}
        >>> str(raw.rows[0].location)
        'results.csv:2 $'
    """

    def start(header: Sequence[str], name: str | None, header_row: int) -> ResultsTable:
        return ResultsTable(header, file=name, header_row=header_row)

    table = read_table(
        source, start, file_name=file_name, record=ResultsTable.RECORD, kind=ResultsTable
    )
    return table.results()


def read_results_json(
    source: str | os.PathLike[str] | IO[bytes], *, file_name: str | None = None
) -> RawResults:
    """Read results from a JSON file: a list of result objects, or ``{"results": [...]}``.

    Each object has the keys of a cohort's ``results`` items, and may name its
    cohort with ``"cohort"`` (an id or a name).

    Raises:
        InputError: If the file cannot be read as JSON, or holds no list of results.

    Example:
        >>> import io
        >>> data = b'[{"nip": "1", "cohort": "c1", "scores": {"attitude": 80}}]'
        >>> raw = read_results_json(io.BytesIO(data), file_name="hasil.json")
        >>> raw.rows[0].record, raw.rows[0].cohort, str(raw.rows[0].location)
        ({'nip': '1', 'scores': {'attitude': 80}}, 'c1', 'hasil.json $[0]')
    """
    document = read_json(source)
    name = file_name or document.file
    data = document.data
    prefix: Keys = ()
    if isinstance(data, dict) and "results" in data:
        data, prefix = data["results"], ("results",)
    if not isinstance(data, list):
        label = name or "<input>"
        raise InputError(
            f"{label}: expected a list of results (or an object with a list under "
            '"results"), each an object with "nip" and "scores"',
            f"{label}: seharusnya daftar hasil (atau objek dengan daftar pada "
            '"results"), masing-masing objek dengan "nip" dan "scores"',
            value=name,
        )
    rows: list[ResultRow] = []
    for index, item in enumerate(data):
        cohort: str | None = None
        record: object = item
        if isinstance(item, dict) and "cohort" in item:
            record = {key: value for key, value in item.items() if key != "cohort"}
            named = item["cohort"]
            if isinstance(named, (str, int)) and not isinstance(named, bool):
                cohort = str(named).strip() or None
        rows.append(ResultRow(record, Location((*prefix, index), name), cohort))
    findings = tuple(
        attrs.evolve(finding, location=attrs.evolve(finding.location, file=name))
        for finding in document.findings
    )
    return RawResults(tuple(rows), name, findings)


def read_results(path: str | os.PathLike[str]) -> RawResults:
    """Read a results file by its extension: ``.csv`` (or ``.txt``) or ``.json``.

    Raises:
        InputError: If the file cannot be read, or its extension is not known.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_results_csv(name)
    if suffix == ".json":
        return read_results_json(name)
    raise InputError(
        f"{name}: unknown file type {suffix or '(none)'} for results; expected one of "
        f"{', '.join(SUFFIXES)}",
        f"{name}: jenis berkas hasil {suffix or '(tanpa ekstensi)'} tidak dikenal; gunakan "
        f"salah satu dari {', '.join(SUFFIXES)}",
        value=name,
    )
