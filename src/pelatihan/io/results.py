r"""Results exports: participants' scores and absences, read from a table and attached to cohorts.

After a cohort ends, HR or the organiser exports each participant's results as
a table, one row per participant. :func:`read_results_csv` reads such a CSV
file into :class:`RawResults` (plain records in the shape of a cohort's
``results``, each with the file and row it came from), with the same
machinery as participant lists (:mod:`pelatihan.io.tabular`,
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

import copy
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, ClassVar, cast

import attrs

from pelatihan import nip as nip_module
from pelatihan.errors import ValidationError, quote
from pelatihan.findings import Finding, Location
from pelatihan.io.csv import read_table
from pelatihan.io.document import ABSENCE_KEYS, RESULT_KEYS, InputError, Keys, RawDocument
from pelatihan.io.fields import (
    ABSENCES,
    COHORT_HEADERS,
    PARTICIPANT,
    RESULT,
    SCORE_HEADERS,
)
from pelatihan.io.jsonfile import read_json
from pelatihan.io.tabular import (
    RESULTS_UNATTACHED,
    RESULTS_UNKNOWN_COHORT,
    RowTable,
    cell_value,
    with_header_table,
)

__all__ = [
    "RESULT_HEADERS",
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

if __doc__:  # not left out (python -OO)
    __doc__ = with_header_table(__doc__, RESULT_HEADERS, {"name": "(read, not used)"})

_CELLS = {field.key: field.kind for field in RESULT.fields if field.headers}
"""The kinds of the result's own columns, whose cells :func:`~pelatihan.io.tabular.cell_value`
reads."""


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

    table = read_table(source, start, file_name=file_name, record=ResultsTable.RECORD)
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


# -- attaching --------------------------------------------------------------------------------


def _nip_text(record: object) -> str | None:
    if not isinstance(record, dict):
        return None
    value = record.get("nip")
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _nip_key(text: str) -> str:
    try:
        return nip_module.compact(text)
    except ValidationError:
        return "".join(text.split())


def _cohorts_of(document: RawDocument) -> list[Any]:
    data = document.data
    if isinstance(data, dict):
        cohorts = data.get("cohorts")
        if isinstance(cohorts, list):
            return cohorts
    return []


def _described(row: ResultRow) -> tuple[str, str]:
    if row.location.row is not None:
        return f"row {row.location.row}", f"baris {row.location.row}"
    return f"the result at {row.location.path}", f"hasil pada {row.location.path}"


class _Index:
    """Where results can go: cohorts by id and name, participants' NIPs, the first cohort."""

    def __init__(self, documents: Sequence[RawDocument]) -> None:
        self.names: dict[str, tuple[int, int]] = {}
        self.folded: dict[str, tuple[int, int]] = {}
        self.nips: dict[str, tuple[int, int]] = {}
        self.first: tuple[int, int] | None = None
        for number, document in enumerate(documents):
            for index, cohort in enumerate(_cohorts_of(document)):
                if not isinstance(cohort, dict):
                    continue
                place = (number, index)
                if self.first is None:
                    self.first = place
                for key in ("id", "name"):
                    value = cohort.get(key)
                    if isinstance(value, (str, int)) and not isinstance(value, bool):
                        named = str(value).strip()
                        self.names.setdefault(named, place)
                        self.folded.setdefault(named.casefold(), place)
                people = cohort.get("participants")
                for person in people if isinstance(people, list) else ():
                    nip = _nip_text(person)
                    if nip is not None:
                        self.nips.setdefault(_nip_key(nip), place)

    def cohort(self, name: str) -> tuple[int, int] | None:
        text = name.strip()
        return self.names.get(text) or self.folded.get(text.casefold())


def attach_results(document: RawDocument, results: RawResults) -> RawDocument:
    """Put each result into the ``results`` of the cohort it belongs to.

    See the module documentation for where each row goes. The document is not
    changed: a new one is returned, with the results file's findings and the
    findings of attaching among its findings, and the file and row of each
    attached result recorded for its findings' locations.

    Example:
        >>> doc = RawDocument({"format": "pelatihan/cohorts@1", "cohorts": []}, "a.json")
        >>> row = ResultRow({"nip": "1"}, Location(file="hasil.csv", row=2))
        >>> attached = attach_results(doc, RawResults((row,), "hasil.csv"))
        >>> [(f.code, str(f.location)) for f in attached.findings]
        [('results.unattached', 'hasil.csv:2 $')]
    """
    return attach_results_across([document], results)[0]


def attach_results_across(
    documents: Sequence[RawDocument], results: RawResults
) -> tuple[RawDocument, ...]:
    """Put each result into the cohort it belongs to, among the cohorts of several files.

    As :func:`attach_results`, with the cohorts of every document in order: a
    result goes to the first document with its cohort or its participant, and
    a result for nobody to the first cohort of them all. The results file's
    findings, and those of attaching, go to the first document.

    Raises:
        ValueError: If there are no documents.
    """
    if not documents:
        raise ValueError("results need at least one document to be attached to")
    index = _Index(documents)
    plan: dict[tuple[int, int], list[ResultRow]] = {}
    findings: list[Finding] = list(results.findings)
    for row in results.rows:
        en, id_ = _described(row)
        place: tuple[int, int] | None = None
        if row.cohort:
            place = index.cohort(row.cohort)
            if place is None:
                findings.append(
                    RESULTS_UNKNOWN_COHORT.finding(
                        row.location,
                        f"{en} names the cohort {quote(row.cohort)}, which no file has (by id "
                        "or name); the result goes to the cohort of the participant with its NIP",
                        f"{id_} menyebut angkatan {quote(row.cohort)}, yang tidak ada dalam "
                        "berkas mana pun (menurut id atau nama); hasilnya masuk ke angkatan "
                        "peserta dengan NIP tersebut",
                        value=row.cohort,
                    )
                )
        nip = row.nip
        if place is None and nip is not None:
            place = index.nips.get(_nip_key(nip))
        if place is None:
            place = index.first
        if place is None:
            findings.append(
                RESULTS_UNATTACHED.finding(
                    row.location,
                    f"{en} (NIP {nip or '-'}) cannot be attached: the files have no cohort",
                    f"{id_} (NIP {nip or '-'}) tidak dapat dimasukkan: berkas tidak memiliki "
                    "angkatan",
                    value=nip,
                )
            )
            continue
        cohort = _cohorts_of(documents[place[0]])[place[1]]
        existing = cohort.get("results")
        if existing is not None and not isinstance(existing, list):
            path = Location(("cohorts", place[1], "results")).path
            findings.append(
                RESULTS_UNATTACHED.finding(
                    row.location,
                    f"{en} (NIP {nip or '-'}) cannot be attached: {path} of "
                    f"{documents[place[0]].file or '<input>'} is not a list",
                    f"{id_} (NIP {nip or '-'}) tidak dapat dimasukkan: {path} pada "
                    f"{documents[place[0]].file or '<input>'} bukan daftar (list)",
                    value=nip,
                )
            )
            continue
        plan.setdefault(place, []).append(row)
    attached = [
        _attached(document, {c: rows for (d, c), rows in plan.items() if d == number})
        for number, document in enumerate(documents)
    ]
    attached[0] = attrs.evolve(attached[0], findings=(*attached[0].findings, *findings))
    return tuple(attached)


def _attached(document: RawDocument, plan: Mapping[int, list[ResultRow]]) -> RawDocument:
    if not plan:
        return document
    data = dict(cast("dict[str, Any]", document.data))  # a document with cohorts, so a dict
    cohorts = list(data["cohorts"])
    rows = dict(document.rows)
    files = dict(document.files)
    for index, added in sorted(plan.items()):
        cohort = dict(cohorts[index])
        existing = cohort.get("results")
        items = list(existing) if isinstance(existing, list) else []
        for row in added:
            keys = ("cohorts", index, "results", len(items))
            items.append(copy.deepcopy(row.record))
            files[keys] = row.location.file
            if row.location.row is not None:
                rows[keys] = row.location.row
        cohort["results"] = items
        cohorts[index] = cohort
    data["cohorts"] = cohorts
    return attrs.evolve(document, data=data, rows=rows, files=files)


def participant_of_result(document: RawDocument, cohort: int, result: int) -> int | None:
    """The index of the participant a result is for: the first of the cohort with its NIP.

    Args:
        document: The document.
        cohort: The cohort's index in the document.
        result: The result's index in the cohort's ``results``.

    Returns:
        The participant's index in the cohort's ``participants``, or ``None`` when
        no participant has the result's NIP (or there is no such result).

    Example:
        >>> doc = RawDocument({"cohorts": [{"participants": [{"nip": "1"}, {"nip": "2 3"}],
        ...                                 "results": [{"nip": "23"}, {"nip": "4"}]}]})
        >>> participant_of_result(doc, 0, 0), participant_of_result(doc, 0, 1)
        (1, None)
    """
    cohorts = _cohorts_of(document)
    if not 0 <= cohort < len(cohorts) or not isinstance(cohorts[cohort], dict):
        return None
    results = cohorts[cohort].get("results")
    if not isinstance(results, list) or not 0 <= result < len(results):
        return None
    nip = _nip_text(results[result])
    people = cohorts[cohort].get("participants")
    if nip is None or not isinstance(people, list):
        return None
    key = _nip_key(nip)
    for index, person in enumerate(people):
        text = _nip_text(person)
        if text is not None and _nip_key(text) == key:
            return index
    return None
