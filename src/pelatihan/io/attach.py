"""Attaching results to cohorts: each result of a results file to the cohort it belongs to.

:func:`attach_results` puts each result read from a results file
(:class:`~pelatihan.io.document.RawResults`) into the cohort it names, or the
cohort of the participant with its NIP, or else the first cohort, and records
the file and row it came from; a row it cannot attach is a finding.
:mod:`pelatihan.io.results`, which offers these functions too, says where
each row goes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any, cast

import attrs

from pelatihan.cohort import nip_key
from pelatihan.errors import quote
from pelatihan.findings import Finding, Location
from pelatihan.io.document import RawDocument, RawResults, ResultRow, _nip_text
from pelatihan.io.tabular import RESULTS_UNATTACHED, RESULTS_UNKNOWN_COHORT

__all__ = ["attach_results", "attach_results_across", "nip_key", "participant_of_result"]


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
                        self.nips.setdefault(nip_key(nip), place)

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
            place = index.nips.get(nip_key(nip))
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
    key = nip_key(nip)
    for index, person in enumerate(people):
        text = _nip_text(person)
        if text is not None and nip_key(text) == key:
            return index
    return None
