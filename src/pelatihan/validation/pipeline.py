"""The pipeline: files read, cohorts structured, rules run, one report.

:func:`validate` is :func:`pelatihan.validate`. It takes a cohort file (JSON,
CSV, Excel), structured cohorts, or :class:`~pelatihan.Cohort` values: a CSV or
Excel file is checked as it is read (:func:`pelatihan.validation.stream.validate_table`),
anything else whole (:func:`pelatihan.validation.fold.check`), with the
same report either way. :func:`validate_with_results` reads a cohort file and a
results export and validates them together.

The layers below this one need nothing from it: findings
(:mod:`pelatihan.findings`) ← models ← readers (:mod:`pelatihan.io`) ← rules
(:mod:`pelatihan.validation.cohort_rules`, :mod:`~pelatihan.validation.schedule_rules`)
← this pipeline ← the command.

    >>> import pelatihan
    >>> report = pelatihan.validate("examples/cohort.json")
    >>> report.ok, len(report)
    (True, 0)
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pelatihan.calendar import Calendar
from pelatihan.cohort import Cohort
from pelatihan.findings import Report
from pelatihan.io.document import RawDocument
from pelatihan.io.reader import TABLE_SUFFIXES, load, read
from pelatihan.io.structure import Loaded, structure
from pelatihan.rulebooks import Rulebook
from pelatihan.validation.fold import AcrossFiles, check

if TYPE_CHECKING:
    from pelatihan.io.results import RawResults, ResultRow

__all__ = [
    "AcrossFiles",
    "validate",
    "validate_attached",
    "validate_files",
    "validate_with_results",
]


def validate(
    source: Loaded | RawDocument | Cohort | Iterable[Cohort] | str | os.PathLike[str],
    *,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    defaults: Mapping[str, str] | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    across: AcrossFiles | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Validate cohorts and report every finding.

    Args:
        source: A cohort file (JSON, CSV, Excel), what :func:`pelatihan.io.reader.load`
            or a reader returned, one :class:`~pelatihan.Cohort`, or several.
        rulebook: A rulebook to check every cohort against (an organiser's
            variant), or rulebooks by regime id, each for the cohorts of its
            regime; by default, and for a regime the mapping leaves out, each
            cohort's regime's shipped rulebook. A cohort whose regime is not
            that of the rulebook it is checked against has a
            ``cohort.rulebook-regime`` warning.
        calendar: The calendar to count days on; Indonesia-wide by default.
        defaults: For tabular files, cohort-level facts not in the columns
            (``track``, ``method``, ``start``, ``regime``, ``organizer``, ``cohort``).
        probation_margin_days: Days before the end of the probation year within
            which a Latsar end is a warning
            (:data:`~pelatihan.validation.cohort_rules.PROBATION_MARGIN_DAYS`).
        progress: Called after each cohort with the participants checked so far
            and the total, for a progress display (for a CSV or Excel file, see
            :func:`pelatihan.validation.stream.validate_table`).
        in_force_from: The first days of regimes that you know, by regime id,
            in place of the shipped boundaries where those are defaults
            (:func:`pelatihan.legal.regime_on`); a cohort's regime then rests
            on your date, with status ``USER``.
        across: The NIPs of the files validated before this one, to report a NIP
            they hold (``participant.duplicate-nip-across-files``): give each file
            of a run the same :class:`~pelatihan.validation.fold.AcrossFiles`, or
            use :func:`validate_files`.
        sheet: For an Excel file, the worksheet to read; by default every
            worksheet with a participant table.
        columns: For a CSV or Excel file, headers of your own: the header of the
            column to read as each field (``{"name": "Nama Tanpa Gelar"}``; see
            :meth:`~pelatihan.io.table.RowTable.with_columns`).
        jobs: The number of processes for a large input: ``1`` (the default)
            for this process alone; ``None`` for as many as there are usable
            CPUs that other programs leave idle, when the input is large enough
            to gain from them. A JSON file given by its path is then loaded and
            checked in runs of cohorts shared out between the processes
            (:mod:`pelatihan.validation.shares`: about 30% sooner on the
            two-core machine of ``docs/performance.md``); cohorts already loaded
            are checked in workers (:mod:`pelatihan.validation.parallel`, which
            did not gain there). A CSV file is read in pieces shared out the
            same way (:mod:`pelatihan.validation.table_shares`); an Excel file
            is read in this process. The report is the same whatever it is.

    Returns:
        One report: reading, structuring and rule findings together.

    Raises:
        pelatihan.io.document.InputError: If a file cannot be read at all.

    A CSV or Excel file is validated as it is read, in memory that does not grow
    with it (:mod:`pelatihan.validation.stream`); the report is the same as for the
    file loaded whole.

    Python's cyclic garbage collector is left as the caller set it; around bulk
    validation, such as a national export, see :func:`pelatihan.collector_paused`.
    """
    options: dict[str, Any] = {
        "rulebook": rulebook,
        "calendar": calendar,
        "probation_margin_days": probation_margin_days,
        "progress": progress,
        "in_force_from": in_force_from,
        "across": across,
    }
    if isinstance(source, (str, os.PathLike)):
        if _is_table(source):
            return _streamed(
                source, defaults=defaults, sheet=sheet, columns=columns, jobs=jobs, **options
            )
        if jobs != 1 and os.path.splitext(os.fspath(source))[1].lower() == ".json":
            return _in_shares(source, jobs=jobs, **options)
        source = load(source, defaults=defaults, sheet=sheet, columns=columns)
    elif isinstance(source, RawDocument):
        source = structure(source)
    return check(source, jobs=jobs, **options)


def _in_shares(source: str | os.PathLike[str], *, jobs: int | None, **options: Any) -> Report:
    """:func:`validate` of a JSON file, each process loading and checking a share of it.

    (:func:`pelatihan.validation.shares.load_and_check`, when the file has the
    interchange format's shape.)
    """
    from pelatihan.io.typed import open_json  # noqa: PLC0415 - JSON alone
    from pelatihan.validation.shares import load_and_check  # noqa: PLC0415

    opened = open_json(source)
    if isinstance(opened, Loaded):
        return check(opened, jobs=jobs, **options)
    return load_and_check(opened, jobs=jobs, **options)[1]


def validate_files(
    sources: Iterable[str | os.PathLike[str]],
    *,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    defaults: Mapping[str, str] | None = None,
    probation_margin_days: int | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Validate several cohort files together: one report, with NIPs given in two files.

    Each file is validated as :func:`validate` validates it (a table as it is
    read), in order; a NIP that an earlier file holds is reported in the later
    file, at its first appearance there (``participant.duplicate-nip-across-files``).
    The arguments are those of :func:`validate`.

    Raises:
        pelatihan.io.document.InputError: If a file cannot be read at all.

    Example:
        >>> report = validate_files(["examples/cohort.json", "examples/participants.csv"],
        ...                         defaults={"track": "III", "method": "klasikal"})
        >>> report.counts_by_code()["participant.duplicate-nip-across-files"]
        5
    """
    sources = list(sources)
    across = AcrossFiles() if len(sources) > 1 else None  # one file: nothing to compare
    reports = [
        validate(
            source,
            rulebook=rulebook,
            calendar=calendar,
            defaults=defaults,
            probation_margin_days=probation_margin_days,
            in_force_from=in_force_from,
            across=across,
            sheet=sheet,
            columns=columns,
            jobs=jobs,
        )
        for source in sources
    ]
    return Report([finding for report in reports for finding in report])


def validate_attached(
    loaded: Loaded,
    *,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    across: AcrossFiles | None = None,
    jobs: int | None = 1,
) -> Report:
    """Validate structured cohorts with results attached to them.

    The results come from :func:`~pelatihan.io.results.attach_results`. The
    report is that of :func:`validate` of ``loaded``: the rules place every
    finding on a result at the result's input record, and for an attached
    result at its results file and row. The arguments are those of
    :func:`validate`.
    """
    return check(
        loaded,
        rulebook=rulebook,
        calendar=calendar,
        probation_margin_days=probation_margin_days,
        progress=progress,
        in_force_from=in_force_from,
        across=across,
        jobs=jobs,
    )


def validate_with_results(
    source: RawDocument | str | os.PathLike[str],
    results: RawResults | str | os.PathLike[str] | Iterable[ResultRow],
    *,
    defaults: Mapping[str, str] | None = None,
    rulebook: Rulebook | Mapping[str, Rulebook] | None = None,
    calendar: Calendar | None = None,
    probation_margin_days: int | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    jobs: int | None = 1,
) -> Report:
    """Read a cohort file and a results file, attach the results, and validate.

    A CSV or Excel cohort file is validated as it is read
    (:func:`pelatihan.validation.stream.validate_table` with ``results``),
    with the report of the file loaded whole.

    Args:
        source: A cohort file (JSON, CSV, Excel), or what a reader returned.
        results: A results file (CSV or JSON), what a results reader returned,
            or result rows.
        defaults: For a tabular cohort file, the cohort facts not in its columns.
        rulebook: A rulebook to check every cohort against (a variant that
            supplies the evaluation weights, for instance), or rulebooks by
            regime id, as for :func:`validate`.
        calendar: The calendar to count days on.
        probation_margin_days: See :func:`validate`.
        in_force_from: Regimes' first days you know; see :func:`validate`.
        sheet: For an Excel cohort file, the worksheet to read; see :func:`validate`.
        columns: For a CSV or Excel cohort file, headers of your own; see :func:`validate`.
        jobs: The processes to check a JSON file's cohorts in; see :func:`validate`.

    Raises:
        InputError: If a file cannot be read at all.

    Example:
        >>> report = validate_with_results(
        ...     "examples/cohort-pekanbaru-2025.json", "examples/results-2025.csv")
        >>> sorted(report.codes())
        ['evaluation.deferred', 'evaluation.failed', 'evaluation.passed']
    """
    # the results readers are imported when results are validated
    from pelatihan.io.results import (  # noqa: PLC0415
        RawResults,
        attach_results,
        read_results,
    )

    if isinstance(results, RawResults):
        raw = results
    elif isinstance(results, (str, os.PathLike)):
        raw = read_results(results)
    else:
        raw = RawResults(tuple(results))
    if isinstance(source, (str, os.PathLike)) and _is_table(source):
        return _streamed(
            source,
            defaults=defaults,
            rulebook=rulebook,
            calendar=calendar,
            probation_margin_days=probation_margin_days,
            in_force_from=in_force_from,
            results=raw,
            sheet=sheet,
            columns=columns,
            jobs=1,  # with results, a table is read in this process
        )
    document = (
        source
        if isinstance(source, RawDocument)
        else read(source, defaults=defaults, sheet=sheet, columns=columns)
    )
    return validate_attached(
        structure(attach_results(document, raw)),
        rulebook=rulebook,
        calendar=calendar,
        probation_margin_days=probation_margin_days,
        in_force_from=in_force_from,
        jobs=jobs,
    )


def _is_table(path: str | os.PathLike[str]) -> bool:
    """Whether a file is a table, validated as it is read."""
    return os.path.splitext(os.fspath(path))[1].lower() in TABLE_SUFFIXES


def _streamed(source: str | os.PathLike[str], *, jobs: int | None, **options: Any) -> Report:
    """The report of a table validated as it is read, by the streamed path.

    :func:`~pelatihan.validation.table_shares.validate_table_shared` and the table
    readers are imported when a table is validated.
    """
    from pelatihan.validation.table_shares import validate_table_shared  # noqa: PLC0415

    return validate_table_shared(source, jobs=jobs, **options).report
