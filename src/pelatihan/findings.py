"""Findings, reports and rules: the one result model of every check in ``pelatihan``.

A check never stops at the first problem. It returns a :class:`Report` holding
every :class:`Finding`: a stable ``code`` (see the rule catalogue), a
:class:`Severity`, a :class:`Location` (a JSON path such as
``$.cohorts[0].phases[2]``, plus the file and row for tabular input), messages
in English and Indonesian, the offending value, and the legal basis and
provenance status of the figure the rule rests on.

    >>> from pelatihan.validation import Finding, Location, Report, Severity
    >>> report = Report([
    ...     Finding("schedule.days-total", Severity.ERROR, Location(("phases",)),
    ...             "74 days expected, 73 found", "seharusnya 74 hari, ditemukan 73", value=73),
    ... ])
    >>> report.ok, report.counts()
    (False, {'error': 1, 'warning': 0, 'info': 0})
    >>> print(report.to_text())
    error    schedule.days-total  $.phases  74 days expected, 73 found
    1 error, 0 warnings, 0 info

Each kind of finding is a :class:`Rule` with a stable code, registered once
(:func:`register`) by the module that checks it; the complete catalogue is
:func:`pelatihan.validation.catalogue.rules`. This module needs nothing from
the readers or the rules, which both build on it.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import enum
import heapq
import json
import math
import operator
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

import attrs

from pelatihan.errors import ValidationError, printable
from pelatihan.location import Key, Location, Sheet, parse_path, render
from pelatihan.provenance import Citation, Figure, Status

if sys.version_info >= (3, 11):  # pragma: no cover - version dependent
    from typing import Self
else:  # pragma: no cover - version dependent
    from exceptiongroup import ExceptionGroup
    from typing_extensions import Self

__all__ = [
    "COMPACT_GROWTH",
    "FOLDED",
    "MAX_FINDINGS_PER_CODE",
    "Finding",
    "FindingError",
    "Key",
    "Location",
    "Report",
    "ReportErrors",
    "Rule",
    "Severity",
    "Tally",
    "UnknownRuleError",
    "compact",
    "fold",
    "max_per_code",
    "parse_path",
    "per_code_cap",
    "render",
]

REPORT_FORMAT = "pelatihan/report@1"


class Severity(enum.Enum):
    """How serious a finding is. Only errors make a report fail."""

    ERROR = "error"
    """The input breaks a rule; the report is not ``ok``."""
    WARNING = "warning"
    """Something to look at; the report can still be ``ok``."""
    INFO = "info"
    """Context, such as a rule that could not be checked because its figure is OPEN."""

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order findings are listed in."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _jsonable(value: object) -> object:
    """Turn a finding's value into plain JSON data, so reports serialise the same everywhere."""
    if isinstance(value, enum.Enum):  # before int and str: IntEnum and StrEnum members too
        return _jsonable(value.value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (set, frozenset)):
        items = [_jsonable(item) for item in value]
        try:
            return sorted(items)  # type: ignore[type-var]  # numbers by value, text by code point
        except TypeError:  # items of kinds that do not compare
            return sorted(items, key=repr)
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


@attrs.frozen
class Finding:
    """One problem found, with everything needed to act on it.

    Args:
        code: The rule's stable code (``"schedule.days-total"``).
        severity: How serious it is.
        location: Where it is.
        message_en: What is wrong, in English.
        message_id: What is wrong, in Indonesian.
        value: The offending value, as plain JSON data (dates become ISO text).
        basis: The legal basis of the figure or rule the finding rests on.
        status: The provenance status of that figure; a finding that rests on a
            figure that is not REG says so through it.
        source: For a figure the user supplied (status ``USER``), where it came
            from: the variant file and its source, or the command line.

    Example:
        >>> f = Finding("x.y", Severity.WARNING, Location("$"), "look", "lihat")
        >>> f.message("id"), f.is_error
        ('lihat', False)
    """

    code: str
    severity: Severity
    location: Location
    message_en: str
    message_id: str
    value: object = attrs.field(default=None, converter=_jsonable)
    basis: Citation | None = None
    status: Status | None = None
    source: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this finding makes the report fail."""
        return self.severity is Severity.ERROR

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"id"``."""
        if lang == "id":
            return self.message_id
        if lang == "en":
            return self.message_en
        raise ValueError(f"unknown language {lang!r}: expected 'en' or 'id'")

    def at(self, location: Location) -> Finding:
        """This finding at another location.

        As ``attrs.evolve`` makes it, at once: the value is plain data already.

        Example:
            >>> f = Finding("x.y", Severity.WARNING, Location("$.a"), "look", "lihat", value=[1])
            >>> f.at(Location("$.b")) == attrs.evolve(f, location=Location("$.b"))
            True
        """
        copy = object.__new__(Finding)
        for name in _FINDING_FIELDS:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "location", location)
        return copy

    def _leading_key(self) -> tuple[Any, ...]:
        """The first fields of :meth:`sort_key`: location, severity, code, messages."""
        return (
            *self.location.sort_key(),
            self.severity.rank,
            self.code,
            self.message_en,
            self.message_id,
        )

    def sort_key(self) -> tuple[Any, ...]:
        """Location first, then severity, then code: the order of a report.

        Every field takes part, so equal keys mean equal findings and the order
        never depends on the order the checks produced them in.
        """
        where = self.location
        return (
            *self._leading_key(),
            where.file is None,
            where.row is None,
            json.dumps(self.value, ensure_ascii=False, sort_keys=True),
            str(self.basis) if self.basis is not None else "",
            self.basis.instrument if self.basis is not None else "",
            self.status.value if self.status is not None else "",
            self.source or "",
            where.last_row or 0,
        )

    def to_dict(self) -> dict[str, object]:
        """The finding as plain JSON data (the shape of the JSON report).

        A finding on a worksheet of a workbook with several tables gives the
        worksheet's place in the workbook (from 0) as ``"sheet_position"``, by which
        :meth:`from_dict` orders it as the workbook does.
        """
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.location.path,
        }
        file = self.location.file
        if file is not None:
            data["file"] = file
            if type(file) is Sheet:
                data["sheet_position"] = file.position
        if self.location.row is not None:
            data["row"] = self.location.row
        if self.location.last_row is not None:
            data["last_row"] = self.location.last_row
        data["message"] = {"en": self.message_en, "id": self.message_id}
        data["value"] = self.value
        if self.basis is not None:
            data["basis"] = {
                "instrument": self.basis.instrument,
                "article": self.basis.article,
                "citation": str(self.basis),
            }
        if self.status is not None:
            data["status"] = self.status.value
        if self.source is not None:
            data["source"] = self.source
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding that :meth:`to_dict` describes."""
        basis = data.get("basis")
        status = data.get("status")
        file = data.get("file")
        if file is not None and "sheet_position" in data:
            file = Sheet.read(file, data["sheet_position"])
        return cls(
            code=data["code"],
            severity=Severity(data["severity"]),
            location=Location(
                parse_path(data["path"]), file, data.get("row"), data.get("last_row")
            ),
            message_en=data["message"]["en"],
            message_id=data["message"]["id"],
            value=data.get("value"),
            basis=Citation(basis["instrument"], basis["article"]) if basis else None,
            status=Status(status) if status else None,
            source=data.get("source"),
        )

    @classmethod
    def from_error(cls, error: ValidationError, location: Location) -> Finding:
        """Turn a :class:`~pelatihan.ValidationError` into an error finding at ``location``.

        Example:
            >>> from pelatihan import nip
            >>> try:
            ...     nip.validate("19860926 201505 3 001")
            ... except nip.InvalidNIP as error:
            ...     finding = Finding.from_error(error, Location(("nip",)))
            >>> finding.code, finding.value
            ('nip.sex', '3')
        """
        return cls(
            code=error.code,
            severity=Severity.ERROR,
            location=location,
            message_en=error.message_en,
            message_id=error.message_id,
            value=error.value,
        )


_FINDING_FIELDS = tuple(field.name for field in attrs.fields(Finding))


class FindingError(ValidationError):
    """One error finding raised as an exception, inside :class:`ReportErrors`."""

    code = "finding"

    def __init__(self, finding: Finding) -> None:
        super().__init__(
            f"{finding.location}: {finding.code}: {finding.message_en}",
            f"{finding.location}: {finding.code}: {finding.message_id}",
            value=finding.value,
        )
        self.finding = finding

    def __reduce__(self) -> tuple[object, ...]:
        return (FindingError, (self.finding,))


class ReportErrors(ExceptionGroup[FindingError]):
    """Raised by :meth:`Report.raise_for_errors`: every error finding as an exception.

    Being an :class:`ExceptionGroup`, it can be handled with ``except*``::

        try:
            report.raise_for_errors()
        except* FindingError as group:
            for error in group.exceptions:
                ...
    """

    def __new__(cls, message: str, exceptions: Sequence[FindingError]) -> Self:
        """Create the group from the error findings' exceptions."""
        return super().__new__(cls, message, exceptions)

    def derive(self, excs: Sequence[FindingError]) -> ReportErrors:  # type: ignore[override]
        """Keep the class when ``except*`` splits the group."""
        return ReportErrors(self.message, excs)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The error findings, in report order."""
        return tuple(error.finding for error in self.exceptions if isinstance(error, FindingError))


MAX_FINDINGS_PER_CODE = 1000
"""The most findings of one code a report keeps, unless told otherwise (:func:`max_per_code`).

Beyond it, the findings of that code that come last in the report's order are folded into
one ``report.folded`` finding (:data:`FOLDED`) that counts them exactly."""

FOLDED = "report.folded"
"""The code of the finding that stands for the findings of a code beyond the cap. Its value is
``{"code": ..., "count": ..., "rows": ...}``: the code, how many findings of it were folded,
and how many rows of a table they were about (a finding about a run of rows counts each);
it is located where the first finding folded was."""

_CAP: contextvars.ContextVar[int] = contextvars.ContextVar(
    "pelatihan_max_per_code", default=MAX_FINDINGS_PER_CODE
)


def per_code_cap() -> int:
    """The most findings of one code a report made now keeps; 0 for no cap."""
    return _CAP.get()


@contextlib.contextmanager
def max_per_code(cap: int | None) -> Iterator[None]:
    """Within the block, reports keep at most ``cap`` findings of one code (0: all of them).

    ``None`` leaves the cap as it is (:data:`MAX_FINDINGS_PER_CODE` unless changed).

    Example:
        >>> many = [Finding("x.y", Severity.INFO, Location(("items", n)), "en", "id")
        ...         for n in range(5)]
        >>> with max_per_code(2):
        ...     report = Report(many)
        >>> [str(f.location) for f in report], report.findings[-1].value
        (['$.items[0]', '$.items[1]', '$.items[2]'], {'code': 'x.y', 'count': 3, 'rows': 0})
        >>> report.findings[-1].message_en
        'and 3 more findings of x.y (the first at $.items[2])'
    """
    if cap is None:
        yield
        return
    if cap < 0:
        raise ValueError(f"the cap per code must be 0 (none) or more, not {cap}")
    token = _CAP.set(cap)
    try:
        yield
    finally:
        _CAP.reset(token)


def _place(location: Location) -> tuple[Any, ...]:
    return (*location.sort_key(), location.file is None, location.last_row or 0)


class _Last:
    """A finding ordered backwards, so that a heap of them pops the one a report lists last.

    Compared by location, severity and message first; by the whole of
    :meth:`Finding.sort_key` only when those are equal.
    """

    __slots__ = ("finding", "key")

    def __init__(self, finding: Finding, place: tuple[Any, ...]) -> None:
        self.finding = finding
        self.key = (place, finding.severity.rank, finding.message_en)  # place: its location's key

    def __lt__(self, other: _Last) -> bool:
        return self.after(other)

    def after(self, other: _Last) -> bool:
        """Whether a report lists this finding after ``other``."""
        if self.key != other.key:
            return bool(self.key > other.key)
        return bool(self.finding.sort_key() > other.finding.sort_key())


def _folded(code: str, count: int, rows: int, first: Location) -> Finding:
    return Finding(
        FOLDED,
        Severity.INFO,
        first,
        f"and {count:,} more finding{'s' if count != 1 else ''} of {code} (the first at {first})",
        f"dan {count:,} temuan {code} lainnya (yang pertama di {first})".replace(",", "."),
        value={"code": code, "count": count, "rows": rows},
    )


def fold(findings: Iterable[Finding], cap: int | None = None) -> list[Finding]:
    """The findings with at most ``cap`` of one code, the rest folded into one finding per code.

    The findings kept of a code are those a report lists first; the others are counted,
    exactly, by one ``report.folded`` finding (:data:`FOLDED`), which the findings folded
    before (a folded finding given here) add to. Folding twice, or folding findings
    already folded in parts, gives what folding them at once gives. In no order.

    Args:
        findings: The findings, folded ones among them.
        cap: The most findings of one code to keep; by default :func:`per_code_cap`;
            0 keeps them all.
    """
    cap = per_code_cap() if cap is None else cap
    items = findings if isinstance(findings, list) else list(findings)
    if cap <= 0:
        return items
    counts = Counter(finding.code for finding in items)
    if FOLDED not in counts and all(count <= cap for count in counts.values()):
        return items
    over = {code for code, count in counts.items() if count > cap and code != FOLDED}
    kept: list[Finding] = []
    heaps: dict[str, list[_Last]] = {code: [] for code in over}
    # code: count, rows, where the first is (unknown while a heap holds it)
    folded: dict[str, tuple[int, int, Location | None]] = {}

    def fold_one(code: str, count: int, rows: int, first: Location) -> None:
        _add_folded(folded, code, count, rows, first)

    for finding in items:
        code = finding.code
        if code in over:
            heap = heaps[code]
            place = finding.location.sort_key()
            if len(heap) > cap and place > heap[0].key[0]:
                # after the last one the heap holds, as findings read in order mostly are
                count, rows, first = folded.get(code, (0, 0, None))
                folded[code] = (count + 1, rows + finding.location.rows, first)
                continue
            entry = _Last(finding, place)
            if len(heap) <= cap:  # the one more than the cap: the first folded, at the end
                heapq.heappush(heap, entry)
                continue
            if heap[0].after(entry):
                entry = heapq.heapreplace(heap, entry)
            count, rows, first = folded.get(code, (0, 0, None))
            folded[code] = (count + 1, rows + entry.finding.location.rows, first)
        elif code == FOLDED:
            value = finding.value
            if isinstance(value, dict) and isinstance(value.get("code"), str):
                fold_one(
                    value["code"],
                    int(value.get("count") or 0),
                    int(value.get("rows") or 0),
                    finding.location,
                )
                continue
            kept.append(finding)
        else:
            kept.append(finding)
    for code, heap in heaps.items():
        dropped = heapq.heappop(heap).finding.location  # the first folded
        fold_one(code, 1, dropped.rows, dropped)
        kept.extend(entry.finding for entry in heap)
    for code in sorted(folded):
        count, rows, first = folded[code]
        assert first is not None  # every code folded has a first
        kept.append(_folded(code, count, rows, first))
    return kept


def _add_folded(
    folded: dict[str, tuple[int, int, Location | None]],
    code: str,
    count: int,
    rows: int,
    first: Location,
) -> None:
    """Count ``count`` more findings of ``code`` folded: ``rows`` rows, the first at ``first``."""
    before = folded.get(code)
    if before is not None:
        count, rows = count + before[0], rows + before[1]
        if before[2] is not None:
            first = min(first, before[2], key=_place)
    folded[code] = (count, rows, first)


def _band(location: Location) -> tuple[str | None, bool] | None:
    """The findings a finding is listed among in the order of the file it is about.

    A report lists the findings of one file that have a row by their rows, and those
    without one, at a cohort (``$.cohorts[n]...``), by their cohorts: in each band, a
    finding about a later part of the file comes after those about the parts before.
    ``None`` for any other finding, listed by its keys.
    """
    if location.row is not None:
        return location.file, True
    keys = location.keys
    if keys and keys[0] == "cohorts":
        return location.file, False
    return None


class Tally:
    """The findings of each code a report holds so far, to fold those it will fold at once.

    For a file validated in parts, taken on in the file's order: given the findings
    of the parts taken on first, then (:meth:`fold`) the findings of each next part.
    A report lists the findings of one file that have a row by their rows, and
    those without one, at a cohort (``$.cohorts[n]...``), by their cohorts. So in
    each of these bands a finding of a part comes after those of the parts before.
    It is folded at once, into one finding of :data:`FOLDED` per code, when they
    hold at least as many findings of its code as the report keeps
    (:func:`per_code_cap`): the report keeps none of it, and :func:`fold` counts the
    folded finding as it would have counted it. The report is the same. A finding
    of no such band (one at ``$.format``, say) is never folded here.

    Example:
        >>> early = [Finding("x.y", Severity.INFO, Location(("cohorts", n)), "en", "id")
        ...          for n in range(3)]
        >>> late = [Finding("x.y", Severity.INFO, Location(("cohorts", n)), "en", "id")
        ...         for n in (4, 5)]
        >>> with max_per_code(3):
        ...     [folded] = Tally(early).fold(late)
        >>> [(f.code, f.value["count"], f.location.path) for f in folded]
        [('report.folded', 2, '$.cohorts[4]')]
    """

    def __init__(self, *findings: Iterable[Finding]) -> None:
        self.cap = per_code_cap()
        self.counts: Counter[tuple[str, tuple[str | None, bool]]] = Counter()
        """The findings of each code in each band; not those folded (where they are is unknown)."""
        for group in findings:
            self._count(group)

    def _count(self, findings: Iterable[Finding]) -> None:
        counts = self.counts
        for finding in findings:
            band = _band(finding.location) if finding.code != FOLDED else None
            if band is not None:
                counts[finding.code, band] += 1

    def fold(self, *groups: list[Finding]) -> list[list[Finding]]:
        """The findings of the next part, in groups, each with those the report folds folded.

        Then counted, for the parts after it.
        """
        cap = self.cap
        if cap <= 0:  # no cap: nothing is folded, nor needs counting
            return list(groups)
        full = {key for key, count in self.counts.items() if count >= cap}
        folded: list[list[Finding]] = []
        for group in groups:
            kept: list[Finding] = []
            late: list[Finding] = []
            for finding in group if full else ():
                band = _band(finding.location) if finding.code != FOLDED else None
                if band is not None and (finding.code, band) in full:
                    late.append(finding)
                else:
                    kept.append(finding)
            folded.append([*kept, *_folded_late(late)] if late else group)
        for group in folded:
            self._count(group)
        return folded


def _folded_late(late: list[Finding]) -> list[Finding]:
    """One finding of :data:`FOLDED` per code of ``late``, findings a report folds."""
    folded: dict[str, tuple[int, int, Location | None]] = {}
    for finding in late:
        _add_folded(folded, finding.code, 1, finding.location.rows, finding.location)
    kept: list[Finding] = []
    for code in sorted(folded):
        count, rows, first = folded[code]
        assert first is not None  # every code folded here has a first
        kept.append(_folded(code, count, rows, first))
    return kept


COMPACT_GROWTH = 4
"""How many times its floor a list of findings grows to before :func:`compact` folds it.

A caller on a hot path may skip the call while ``len(findings) <= COMPACT_GROWTH * floor``."""


def compact(findings: list[Finding], *, floor: int = 0) -> int:
    """Fold ``findings`` in place (:func:`fold`) when they have grown past four times ``floor``.

    For a list findings are added to as records are read, so that it never holds more
    than about four times (:data:`COMPACT_GROWTH`) as many findings per code as a report
    keeps, and each finding is looked at a bounded number of times. Returns the floor to
    pass next time (the list's length after folding, or when nothing was folded the length
    up to which nothing will be: a call on a short list costs one comparison).
    """
    count = len(findings)
    if count <= COMPACT_GROWTH * floor:
        return floor
    cap = per_code_cap()
    if cap <= 0:
        return count  # no cap: folded never; looked at again when the list has grown fourfold
    if count <= COMPACT_GROWTH * max(floor, cap):
        return max(floor, cap)
    findings[:] = fold(findings, cap)
    return len(findings)


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings folded, in the order of :meth:`Finding.sort_key`.

    Sorted by the key's first fields (location, severity, code, messages), and
    only the findings that tie on all of them by the whole key, whose last
    fields (the value written as JSON, the basis, ...) take most of the time to
    work out: the same order.
    """
    leading = Finding._leading_key
    keyed = sorted(((leading(finding), finding) for finding in fold(findings)), key=_FIRST)
    ordered: list[Finding] = []
    start, count = 0, len(keyed)
    while start < count:
        stop = start + 1
        while stop < count and keyed[stop][0] == keyed[start][0]:
            stop += 1
        if stop - start == 1:
            ordered.append(keyed[start][1])
        else:
            tied = [finding for _, finding in keyed[start:stop]]
            ordered.extend(sorted(tied, key=Finding.sort_key))
        start = stop
    return tuple(ordered)


_FIRST = operator.itemgetter(0)


@attrs.frozen
class Report:
    """Every finding of a check, in a deterministic order.

    Findings are ordered by location (file, row, JSON path with numeric
    indexes), then severity, then code, whatever order the checks produced them
    in; equal inputs give byte-identical renderings. A report keeps at most
    :data:`MAX_FINDINGS_PER_CODE` findings of one code (see :func:`max_per_code`):
    those of a code beyond it are counted by one ``report.folded`` finding.

    Args:
        findings: The findings, in any order.

    Example:
        >>> Report().ok
        True
        >>> empty = Report()
        >>> (empty + empty).counts()
        {'error': 0, 'warning': 0, 'info': 0}
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __add__(self, other: Report) -> Report:
        return Report((*self.findings, *other.findings))

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and info do not fail a report)."""
        return not any(finding.is_error for finding in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def counts(self) -> dict[str, int]:
        """The number of findings per severity, every severity present."""
        counter = Counter(finding.severity for finding in self.findings)
        return {severity.value: counter[severity] for severity in Severity}

    def counts_by_code(self) -> dict[str, int]:
        """The number of findings per code, sorted by code."""
        counter = Counter(finding.code for finding in self.findings)
        return dict(sorted(counter.items()))

    def codes(self) -> set[str]:
        """The distinct codes in the report."""
        return {finding.code for finding in self.findings}

    def raise_for_errors(self) -> None:
        """Raise :class:`ReportErrors` if any finding is an error; do nothing otherwise.

        Example:
            >>> Report().raise_for_errors()  # nothing to raise
        """
        errors = [FindingError(finding) for finding in self.errors]
        if errors:
            count = len(errors)
            raise ReportErrors(f"{count} error finding{'s' if count != 1 else ''}", errors)

    def to_dict(
        self,
        *,
        summary: Mapping[str, object] | None = None,
        calendar: Mapping[str, object] | None = None,
    ) -> dict[str, object]:
        """The report as plain JSON data.

        Args:
            summary: A summary of what was read, kept under the key ``"summary"``
                (the command gives one: files, cohorts, participants, rows
                skipped and findings by severity); no such key without it.
            calendar: The holiday data the checks used, kept under the key
                ``"calendar"`` (the command gives
                :meth:`pelatihan.calendar.CalendarData.to_dict`); no such key without it.
        """
        data = self._head(summary, calendar)
        data["findings"] = [finding.to_dict() for finding in self.findings]
        return data

    def _head(
        self,
        summary: Mapping[str, object] | None = None,
        calendar: Mapping[str, object] | None = None,
    ) -> dict[str, object]:
        """:meth:`to_dict` without the findings: the format, ``ok``, the counts, the summary."""
        head: dict[str, object] = {
            "format": REPORT_FORMAT,
            "ok": self.ok,
            "counts": self.counts(),
            "counts_by_code": self.counts_by_code(),
        }
        if summary is not None:
            head["summary"] = dict(summary)
        if calendar is not None:
            head["calendar"] = dict(calendar)
        return head

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """The report that :meth:`to_dict` (or a parsed :meth:`to_json`) describes.

        Example:
            >>> finding = Finding("x.y", Severity.INFO, Location("$"), "en", "id", value=[1])
            >>> report = Report([finding])
            >>> Report.from_dict(json.loads(report.to_json())) == report
            True
        """
        return cls(Finding.from_dict(item) for item in data["findings"])

    def to_json(
        self,
        *,
        indent: int | None = 2,
        summary: Mapping[str, object] | None = None,
        calendar: Mapping[str, object] | None = None,
    ) -> str:
        """The report as JSON text: sorted keys, UTF-8 characters kept, stable across runs.

        ``summary`` and ``calendar`` are kept as for :meth:`to_dict`.
        """
        return _json_text(self.to_dict(summary=summary, calendar=calendar), indent)

    def write_json(
        self,
        stream: TextIO,
        *,
        summary: Mapping[str, object] | None = None,
        calendar: Mapping[str, object] | None = None,
    ) -> None:
        """Write :meth:`to_json` to ``stream`` a finding at a time, without holding it all.

        ``summary`` and ``calendar`` are kept as for :meth:`to_dict`.

        Example:
            >>> import io
            >>> report = Report([Finding("x.y", Severity.INFO, Location("$"), "en", "id")])
            >>> out = io.StringIO()
            >>> report.write_json(out)
            >>> out.getvalue() == report.to_json()
            True
        """
        head = self._head(summary, calendar)
        head["findings"] = []
        if not self.findings:
            stream.write(_json_text(head, 2))
            return
        before, after = _json_text(head, 2).split('"findings": []', 1)
        stream.write(before + '"findings": [')
        finding_text = _finding_json()
        for number, finding in enumerate(self.findings):
            text = finding_text(finding)
            stream.write(("," if number else "") + "\n    " + text.replace("\n", "\n    "))
        stream.write("\n  ]" + after)

    def to_text(self, lang: str = "en", *, basis: bool = False) -> str:
        """The report as lines of text, one per finding, and a summary line.

        Args:
            lang: ``"en"`` or ``"id"``.
            basis: Also show each finding's legal basis and provenance status.

        A finding that rests on a figure the user supplied shows where it came
        from (``[USER: variant.toml (...)]``) with or without ``basis``.
        """
        if lang not in ("en", "id"):
            raise ValueError(f"unknown language {lang!r}: expected 'en' or 'id'")
        lines: list[str] = []
        code_width = max((len(f.code) for f in self.findings), default=0)
        for finding in self.findings:
            line = (
                f"{finding.severity.value:<8} {finding.code:<{code_width}}  "
                f"{finding.location}  {finding.message(lang)}"
            )
            line += cited(finding, basis=basis)
            lines.append(printable(line))  # file names and keys come from the input
        lines.append(self.summary(lang))
        return "\n".join(lines)

    def summary(self, lang: str = "en") -> str:
        """The summary line: the number of findings per severity.

        Example:
            >>> Report().summary(), Report().summary("id")
            ('0 errors, 0 warnings, 0 info', '0 kesalahan, 0 peringatan, 0 info')
        """
        return _summary(self.counts(), lang)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_text(data: object, indent: int | None) -> str:
    r"""JSON text with UTF-8 characters kept and lone surrogates escaped (``\udcff``).

    A file name that is not UTF-8 has lone surrogates; escaped, the report can
    be written as UTF-8 and reads back with the same name.
    """
    text = json.dumps(data, indent=indent, ensure_ascii=False, sort_keys=True)
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_ENCODED_VALUES = frozenset({str, int, bool, type(None)})
"""The types of a finding's value whose JSON msgspec writes as :func:`json.dumps` does (a
float it writes ``1e16``, where ``json`` writes ``1e+16``)."""


def _finding_json() -> Callable[[Finding], str]:
    """What writes a finding's JSON as :func:`_json_text` does (``indent=2``), in C when it can.

    Python's ``json`` indents in Python. msgspec, in C, writes the same text for a
    finding whose value is text, a whole number, a boolean or null: its keys sorted,
    its texts escaped alike, then indented alike by :func:`msgspec.json.format`
    (``tests/test_report.py`` compares the two). Any other finding, and one msgspec
    refuses (a worksheet's label, half a surrogate pair in a file's name), is written
    by ``json``.
    """
    import msgspec  # noqa: PLC0415 - only a JSON report needs it

    encode = msgspec.json.Encoder(order="sorted").encode
    indent = msgspec.json.format

    def text(finding: Finding) -> str:
        data = finding.to_dict()
        if type(finding.value) in _ENCODED_VALUES:
            try:
                return indent(encode(data), indent=2).decode()
            except (TypeError, UnicodeEncodeError):
                pass
        return _json_text(data, 2)

    return text


def cited(finding: Finding, *, basis: bool) -> str:
    """What a line of text adds after a finding's message: ``  [basis, status: source]``.

    With ``basis``, the legal basis and the provenance status; the source of a
    figure the user supplied, always. Empty when there is nothing to add.

    Example:
        >>> from pelatihan.provenance import Citation, Figure, Status
        >>> mine = Finding("cohort.size", Severity.WARNING, Location("$"), "too many", "terlalu",
        ...                status=Status.USER, source="variant.toml")
        >>> cited(mine, basis=False)
        '  [USER: variant.toml]'
        >>> shipped = Finding("cohort.size", Severity.WARNING, Location("$"), "too many",
        ...                   "terlalu", basis=Citation("perlan-1-2021"), status=Status.INF)
        >>> cited(shipped, basis=True), cited(shipped, basis=False)
        ('  [Peraturan LAN 1/2021, INF]', '')
    """
    parts: list[str] = []
    if basis and finding.basis is not None:
        parts.append(str(finding.basis))
    status = finding.status.value if finding.status is not None else None
    if finding.source is not None:
        parts.append(f"{status}: {finding.source}" if status else finding.source)
    elif basis and status is not None and parts:
        parts.append(status)
    return f"  [{', '.join(parts)}]" if parts else ""


def _summary(counts: dict[str, int], lang: str) -> str:
    errors, warnings, infos = counts["error"], counts["warning"], counts["info"]
    if lang == "id":
        return f"{errors} kesalahan, {warnings} peringatan, {infos} info"
    return (
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info"
    )


@attrs.frozen
class Rule:
    """A kind of finding: its code, severity, titles, what it checks and its basis.

    Args:
        code: Stable code, ``topic.name`` (``"schedule.overlap"``).
        severity: The severity its findings have.
        title_en: Short title in English.
        title_id: Short title in Indonesian.
        checks: What the rule checks, in English, for the catalogue.
        basis: The legal basis of the rule, when it has one of its own (rules
            that compare against a rulebook figure cite that figure instead).
    """

    code: str
    severity: Severity
    title_en: str
    title_id: str
    checks: str
    basis: Citation | None = None

    def finding(
        self,
        location: Location,
        message_en: str,
        message_id: str,
        *,
        value: object = None,
        figure: Figure[Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Make a finding of this rule.

        The finding cites ``figure``'s basis and status when a figure is given,
        otherwise the rule's own basis; for a figure the user supplied (status
        ``USER``), also its source. ``severity`` replaces the rule's, for a
        rule whose description says when its findings are raised (an error on a
        regulation's own figure, a warning on an inferred one).
        """
        basis = self.basis
        status: Status | None = None
        source: str | None = None
        if figure is not None:
            basis = figure.basis or basis
            status = figure.status
            if status is Status.USER:
                source = figure.source
        return Finding(
            code=self.code,
            severity=self.severity if severity is None else severity,
            location=location,
            message_en=message_en,
            message_id=message_id,
            value=value,
            basis=basis,
            status=status,
            source=source,
        )


class UnknownRuleError(ValidationError, LookupError):
    """Raised by :func:`get` for a code that no rule has."""

    code = "rule.unknown"
