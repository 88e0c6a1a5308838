"""``pelatihan validate``: read, check and report cohort files, and results with them."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from pelatihan.calendar import calendar_data
from pelatihan.cli._common import (
    _OPTIONAL_MODULES,
    _SEVERITY_LABEL,
    _WORDS,
    EXIT_ERRORS,
    EXIT_OK,
    ProgressLine,
    T,
    _emit,
    _emit_with,
    _error,
    _Unusable,
    keep_until_exit,
)
from pelatihan.cli._summary import ReadSummary, cohort_label, cohort_sizes
from pelatihan.cli._tables import emit_csv, emit_xlsx, finding_rows, output_format, require_openpyxl
from pelatihan.errors import ValidationError, printable
from pelatihan.findings import Finding, Location, Report, max_per_code
from pelatihan.io.reader import EXCEL_SUFFIXES, load
from pelatihan.io.results import (
    RawResults,
    attach_results_across,
    participant_of_result,
    read_results,
)
from pelatihan.io.structure import Loaded, structure
from pelatihan.io.typed import Opened, load_opened, open_json
from pelatihan.location import Sheet
from pelatihan.provenance import Figure, Status
from pelatihan.rulebooks import Rulebook
from pelatihan.schedule import Schedule
from pelatihan.validation.cohort_rules import room_findings
from pelatihan.validation.fold import AcrossFiles
from pelatihan.validation.pipeline import validate_attached
from pelatihan.validation.shares import load_and_check
from pelatihan.validation.stream import STREAMED_SUFFIXES, Streamed, estimated_rows
from pelatihan.validation.table_shares import validate_table_shared

# -- validate -------------------------------------------------------------------------------


def _defaults(args: argparse.Namespace) -> dict[str, str]:
    defaults: dict[str, str] = {}
    if args.track is not None:
        defaults["track"] = args.track.value
    if args.method is not None:
        defaults["method"] = args.method.value
    if args.start is not None:
        defaults["start"] = args.start.isoformat()
    for key in ("regime", "organizer", "cohort"):
        value = getattr(args, key)
        if value is not None:
            defaults[key] = value
    return defaults


_Reading = dict[str, Any]
"""How to read tables: the keywords ``sheet`` and ``columns`` of the readers."""


def _load_one(
    name: str, defaults: dict[str, str], lang: str, reading: _Reading | None = None
) -> Loaded | str:
    """Load a file, or return why it cannot be used."""
    return _usable(name, lang, lambda: load(name, defaults=defaults, **(reading or {})))


def _open_one(name: str, lang: str) -> Opened | Loaded | str:
    """A JSON file opened, to be loaded as it is checked; or why it cannot be used.

    Loaded whole when it is not of the interchange format's shape.
    """
    return _usable(name, lang, lambda: open_json(name))


def _shared(opened: Opened, lang: str, *, failed: bool, **options: Any) -> Streamed | str | None:
    """An opened JSON file loaded and checked in shares, or why it cannot be used.

    When an earlier file ``failed``, the file is only loaded, to tell whether it
    can be used (``None``: it can): its report would not be shown. ``options``:
    as for :func:`~pelatihan.validation.shares.load_and_check`.
    """
    name = opened.file_name or "<input>"
    if failed:
        usable = _usable(name, lang, lambda: load_opened(opened, opened.data, opened.file_name))
        return usable if isinstance(usable, str) else None
    checked = _usable(name, lang, lambda: load_and_check(opened, **options))
    if isinstance(checked, str):
        return checked
    loaded, report = checked
    sizes = cohort_sizes(loaded)
    return Streamed(report, sum(sizes), loaded, sizes)


def _usable(name: str, lang: str, action: Callable[[], T]) -> T | str:
    """What ``action`` on the file ``name`` gives, or why the file cannot be used."""
    try:
        return action()
    except ValidationError as error:  # InputError: unreadable, unknown extension
        return error.message(lang)
    except ModuleNotFoundError as error:  # an optional extra that is not installed
        if error.name not in _OPTIONAL_MODULES:
            raise
        return f"{name}: {error}"
    except OSError as error:
        return _cannot_read(name, error, lang)


def _load_all(
    files: Sequence[str], defaults: dict[str, str], lang: str, reading: _Reading | None = None
) -> list[Loaded]:
    results = [_load_one(name, defaults, lang, reading) for name in files]
    problems = [result for result in results if isinstance(result, str)]
    if problems:
        raise _Unusable(*problems)
    return [result for result in results if not isinstance(result, str)]


def _cannot_read(name: str, error: OSError, lang: str) -> str:
    reason = error.strerror or error
    if lang == "id":
        return f"{name}: tidak dapat dibaca: {reason}"
    return f"{name}: cannot be read: {reason}"


def _read_results(name: str, lang: str) -> RawResults:
    try:
        return read_results(name)
    except ValidationError as error:  # InputError: unreadable, unknown extension
        raise _Unusable(error.message(lang)) from None
    except OSError as error:
        raise _Unusable(_cannot_read(name, error, lang)) from None


def _run_validate(args: argparse.Namespace) -> int:
    with max_per_code(args.max_per_code):
        return _validate_capped(args)


def _validate_capped(args: argparse.Namespace) -> int:
    args.format = output_format(args.format, args.output)  # before any work: nothing is written
    if args.format == "xlsx":
        require_openpyxl()
    defaults = _defaults(args)
    if defaults:
        ignored = [name for name in args.files if Path(name).suffix.lower() == ".json"]
        if ignored:
            options = ", ".join(f"--{key}" for key in defaults)
            verb = "applies" if len(defaults) == 1 else "apply"
            _error(
                f"catatan: {options} hanya berlaku untuk berkas CSV dan Excel; diabaikan untuk "
                f"{', '.join(ignored)}"
                if args.lang == "id"
                else f"note: {options} {verb} to CSV and Excel files only; "
                f"ignored for {', '.join(ignored)}"
            )
    sheet: str | None = args.sheet
    if sheet is not None:
        others = [name for name in args.files if Path(name).suffix.lower() not in EXCEL_SUFFIXES]
        if others:
            _error(
                f"catatan: --sheet hanya berlaku untuk berkas Excel; diabaikan untuk "
                f"{', '.join(others)}"
                if args.lang == "id"
                else f"note: --sheet applies to Excel files only; ignored for {', '.join(others)}"
            )
    reading: _Reading = {"sheet": sheet, "columns": dict(args.column)}
    books = _rulebooks_by_regime(args)
    if not args.results and args.rooms is None:
        found = _validate_files(
            args.files,
            defaults,
            args.lang,
            books,
            dict(args.in_force_from),
            reading=reading,
            jobs=None if args.jobs is None else args.jobs or None,  # by default, as many as pay
        )
        return _report(args, *found)
    problems: list[str] = []
    results: RawResults | None = None
    documents: list[Loaded] = []
    try:
        documents = _load_all(args.files, defaults, args.lang, reading)
    except _Unusable as error:
        problems.append(str(error))
    if args.results:
        try:
            results = _read_results(args.results, args.lang)
        except _Unusable as error:
            problems.append(str(error))
    if problems:
        raise _Unusable(*problems)
    if results is not None:
        attached = attach_results_across([item.document for item in documents], results)
        documents = [structure(document) for document in attached]
    sizes = [sum(len(cohort.participants) for cohort in item.cohorts) for item in documents]
    progress = ProgressLine(sys.stderr, sum(sizes), lang=args.lang)
    reports: list[Report] = []
    across = AcrossFiles() if len(documents) > 1 else None  # one file: nothing to compare
    try:
        offset = 0
        for item, size in zip(documents, sizes, strict=True):
            reports.append(
                validate_attached(
                    item,
                    rulebook=books,
                    progress=_shifted(progress, offset),
                    in_force_from=dict(args.in_force_from),
                    across=across,
                    jobs=1 if args.jobs is None else args.jobs or None,  # by default, one
                )
            )
            offset += size
    finally:
        progress.clear()
    if args.rooms is not None and reports:
        reports[0] = reports[0] + Report(_rooms(documents, args.rooms, books))
    sizes_read = [cohort_sizes(item) for item in documents]
    return _report(args, documents, reports, sizes_read, results_file=args.results)


def _rooms(
    documents: Sequence[Loaded], rooms: int, books: dict[str, Rulebook] | None
) -> list[Finding]:
    """``--rooms``: the days the cohorts of all files need more rooms than there are."""
    figure = Figure(rooms, Status.USER, source="--rooms")
    cohorts: list[tuple[Location, str, Schedule]] = []
    for document in documents:
        for position, cohort in enumerate(document.cohorts):
            book = books.get(cohort.regime or "") if books else None
            schedule = cohort.schedule(rulebook=book)
            if schedule is not None and schedule.phases:
                where = document.cohort_location(position)
                cohorts.append((where, cohort.name or cohort.id, schedule))
    return room_findings(cohorts, figure)


def _rulebooks_by_regime(args: argparse.Namespace) -> dict[str, Rulebook] | None:
    """The rulebooks --variant and --set give, by regime id; ``None`` without them."""
    from pelatihan.io import variant  # noqa: PLC0415 - only with --variant or --set

    if args.variant is not None:
        book = variant.apply_settings(variant.read_variant(args.variant), args.set)
        return {book.regime: book}
    if args.set:
        return variant.settings_by_regime(args.set)
    return None


def _validate_files(
    files: Sequence[str],
    defaults: dict[str, str],
    lang: str,
    books: dict[str, Rulebook] | None = None,
    in_force_from: dict[str, datetime.date] | None = None,
    *,
    reading: _Reading | None = None,
    jobs: int | None = None,
) -> tuple[list[Loaded], list[Report], list[tuple[int, ...]]]:
    """Validate files without results: tables as they are read, other files loaded whole.

    Returns each file's document (for a table, only its participants with a
    finding), report, and its cohorts' numbers of participants as read;
    raises _Unusable naming every file that cannot be used. A NIP given in an
    earlier file is reported in the later one. ``jobs``: the processes to read a
    JSON or CSV file in, or check a file loaded whole in
    (:func:`~pelatihan.validation.pipeline.validate`).
    """
    streamed = [Path(name).suffix.lower() in STREAMED_SUFFIXES for name in files]
    loaded = {
        index: _open_one(name, lang)
        if jobs != 1 and Path(name).suffix.lower() == ".json"
        else _load_one(name, defaults, lang, reading)
        for index, name in enumerate(files)
        if not streamed[index]
    }
    sizes = [
        estimated_rows(name)
        if streamed[index]
        else sum(len(cohort.participants) for cohort in item.cohorts)
        if isinstance(item := loaded[index], Loaded)
        else item.participants()
        if isinstance(item, Opened)
        else 0
        for index, name in enumerate(files)
    ]
    progress = ProgressLine(sys.stderr, sum(sizes), lang=lang)
    documents: list[Loaded] = []
    reports: list[Report] = []
    read: list[tuple[int, ...]] = []
    problems: list[str] = []
    across = AcrossFiles() if len(files) > 1 else None  # one file: nothing to compare
    offset = 0
    try:
        for index, name in enumerate(files):
            update = _shifted(progress, offset)
            outcome: Streamed | Loaded | Opened | str
            if streamed[index]:
                outcome = _usable(
                    name,
                    lang,
                    lambda name=name, update=update: validate_table_shared(  # type: ignore[misc]
                        name,
                        defaults=defaults,
                        rulebook=books,
                        progress=update,
                        in_force_from=in_force_from,
                        across=across,
                        jobs=jobs,
                        **(reading or {}),
                    ),
                )
            else:
                outcome = loaded[index]
            if isinstance(outcome, Opened):  # loaded as it is checked, in shares
                shared = _shared(
                    outcome,
                    lang,
                    failed=bool(problems),
                    progress=update,
                    jobs=jobs,
                    rulebook=books,
                    in_force_from=in_force_from,
                    across=across,
                )
                if shared is None:  # usable, but a file already failed: no report is shown
                    continue
                outcome = shared
            if isinstance(outcome, str):
                problems.append(outcome)
            elif isinstance(outcome, Streamed):
                documents.append(outcome.shown)
                reports.append(outcome.report)
                read.append(outcome.cohort_sizes)
                offset += outcome.participants
            elif not problems:  # a file already failed: its report would not be shown
                reports.append(
                    validate_attached(
                        outcome,
                        rulebook=books,
                        progress=update,
                        in_force_from=in_force_from,
                        across=across,
                        jobs=jobs,
                    )
                )
                documents.append(outcome)
                read.append(cohort_sizes(outcome))
                offset += sizes[index]
    finally:
        progress.clear()
    if problems:
        raise _Unusable(*problems)
    return documents, reports, read


def _report(
    args: argparse.Namespace,
    documents: Sequence[Loaded],
    reports: Sequence[Report],
    sizes: Sequence[Sequence[int]],
    *,
    results_file: str | None = None,
) -> int:
    """Write the report of the validated files in ``args.format``; the exit status.

    What was read and found stays until the command's process ends (:func:`keep_until_exit`).
    """
    keep_until_exit(documents, reports)
    combined = reports[0] if len(reports) == 1 else Report([f for r in reports for f in r])
    others = [results_file] if results_file is not None else []
    summary = ReadSummary.of(documents, reports, sizes, other_files=others)
    if args.format == "json":  # written a finding at a time: a national report is large
        calendar = calendar_data().to_dict()  # the day counts depend on the holiday data

        def write(stream: TextIO) -> None:
            combined.write_json(stream, summary=summary.to_dict(), calendar=calendar)

        _emit_with(write, args.output, args.lang)
    elif args.format == "csv":
        emit_csv(finding_rows(documents, reports, args.lang), args.lang, args.output)
    elif args.format == "xlsx":
        emit_xlsx(finding_rows(documents, reports, args.lang), summary, args.lang, args.output)
    else:
        text = _render_text(
            documents, reports, combined, lang=args.lang, basis=args.basis, summary=summary
        )
        _emit(text, args.output, args.lang)
    return EXIT_OK if combined.ok else EXIT_ERRORS


def _shifted(progress: ProgressLine, offset: int) -> Callable[[int, int], None] | None:
    if not progress.enabled:
        return None

    def update(done: int, _total: int) -> None:
        progress.update(offset + done)

    return update


def _render_text(
    documents: Sequence[Loaded],
    reports: Sequence[Report],
    combined: Report,
    *,
    lang: str = "en",
    basis: bool = False,
    summary: ReadSummary | None = None,
) -> str:
    """Render the reports of several files as text grouped per file, cohort and participant.

    The first line, given ``summary``, says what was read. Each file's
    findings are grouped per cohort (headed by its name and id), and
    within it per participant (headed by name, NIP and file row); the cohort's
    own findings follow its participants, and the file's own findings follow
    its cohorts. A finding on a result goes under the participant with the
    result's NIP, or else among the cohort's own; one that lies in another file
    (a results export) shows that file and row. Findings about another file as
    a whole follow, under that file's name. The last line counts the findings
    of all files.

    Args:
        documents: The files as loaded, in order.
        reports: The report of each file, in the same order.
        combined: The report of all files together (for the summary line).
        lang: ``"en"`` or ``"id"``.
        basis: Also show each finding's legal basis and provenance status.
        summary: What was read, for the first line.
    """
    words = _WORDS[lang]
    severity_width = max(len(label) for label in _SEVERITY_LABEL[lang].values())
    code_width = max((len(finding.code) for finding in combined), default=0)

    def block(findings: Sequence[Finding], indent: str, file: str | None) -> list[str]:
        places = [printable(_where(finding, file)) for finding in findings]
        width = max(len(place) for place in places)
        return [
            line(finding, indent, place, width)
            for finding, place in zip(findings, places, strict=True)
        ]

    def line(finding: Finding, indent: str, place: str, width: int) -> str:
        label = _SEVERITY_LABEL[lang][finding.severity.value]
        text = (
            f"{indent}{label:<{severity_width}}  {finding.code:<{code_width}}  "
            f"{place:<{width}}  {finding.message(lang)}"
        )
        return text + _cited(finding, basis=basis)

    lines: list[str] = [summary.line(lang)] if summary is not None else []
    elsewhere: dict[str | None, list[Finding]] = {}
    for document, report in zip(documents, reports, strict=True):
        file = document.document.file
        lines.append(file or "<input>")
        by_cohort, file_level = _grouped(document, report, elsewhere)
        if not by_cohort and not file_level:
            lines.append(f"  {words['no-findings']}")
            continue
        cohorts = {index: position for position, index in enumerate(document.cohort_index)}
        for cohort_index in sorted(by_cohort):
            people, own = by_cohort[cohort_index]
            position = cohorts.get(cohort_index)
            lines.append("  " + _cohort_header(document, position, cohort_index, lang))
            inputs: dict[int, int] = {}
            if position is not None:
                kept = document.participant_index[position]
                inputs = {index: number for number, index in enumerate(kept)}
            for person_index in sorted(people):
                found = people[person_index]
                number = inputs.get(person_index)
                lines.append(
                    "    "
                    + _participant_header(
                        document,
                        position=position,
                        number=number,
                        index=person_index,
                        row=document.document.rows.get(
                            ("cohorts", cohort_index, "participants", person_index)
                        ),
                        lang=lang,
                    )
                )
                lines.extend(block(found, "      ", file))
            if own:
                lines.append(f"    {words['cohort-findings']}")
                lines.extend(block(own, "      ", file))
        if file_level:
            lines.append(f"  {words['file-findings']}")
            lines.extend(block(file_level, "    ", file))
    # the worksheets first, each workbook's in its order (as its report orders them), then
    # other files as found
    for other, findings in sorted(elsewhere.items(), key=lambda item: type(item[0]) is not Sheet):
        lines.append(other or "<input>")
        lines.append(f"  {words['file-findings']}")
        lines.extend(block(findings, "    ", other))
    lines.append(combined.summary(lang))
    # names, ids, file names and paths come from the input: one line each, nothing a terminal runs
    return "\n".join(printable(line) for line in lines)


def _cited(finding: Finding, *, basis: bool) -> str:
    """``  [basis, status]`` with ``basis``; the source of a USER figure always."""
    cited: list[str] = []
    if basis:
        cited = [str(finding.basis)] if finding.basis is not None else []
        if finding.status is not None:
            cited.append(finding.status.value)
    if finding.source is not None:  # a figure the user supplied: always say where it came from
        status = finding.status.value if finding.status is not None else ""
        if cited and cited[-1] == status:
            cited.pop()
        cited.append(f"{status}: {finding.source}" if status else finding.source)
    return f"  [{', '.join(cited)}]" if cited else ""


_Groups = dict[int, tuple[dict[int, list[Finding]], list[Finding]]]


def _grouped(
    document: Loaded, report: Report, elsewhere: dict[str | None, list[Finding]]
) -> tuple[_Groups, list[Finding]]:
    """A file's findings per cohort (per participant, and the cohort's own), and the file's own.

    Findings about another file as a whole are added to ``elsewhere``, by file.
    """
    file = document.document.file
    by_cohort: _Groups = {}
    file_level: list[Finding] = []
    for finding in report:
        keys = finding.location.keys
        if len(keys) < 2 or keys[0] != "cohorts" or not isinstance(keys[1], int):
            if finding.location.file == file:
                file_level.append(finding)
            else:
                elsewhere.setdefault(finding.location.file, []).append(finding)
            continue
        cohort_index = keys[1]
        people, own = by_cohort.setdefault(cohort_index, ({}, []))
        person: int | None = None
        item = keys[3] if len(keys) > 3 and isinstance(keys[3], int) else None
        if item is not None and keys[2] == "participants":
            person = item
        elif item is not None and keys[2] == "results":
            person = participant_of_result(document.document, cohort_index, item)
        if person is None:
            own.append(finding)
        else:
            people.setdefault(person, []).append(finding)
    return by_cohort, file_level


def _where(finding: Finding, file: str | None) -> str:
    """A finding's JSON path, with its file and row when it lies in another file than ``file``."""
    location = finding.location
    if location.file == file:
        return location.path
    return str(location)


def _cohort_header(document: Loaded, position: int | None, index: int, lang: str) -> str:
    if position is None:
        return _WORDS[lang]["cohort-n"].format(n=index + 1)
    cohort = document.cohorts[position]
    return cohort_label(cohort.name, cohort.id, index, lang)


def _participant_header(
    document: Loaded,
    *,
    position: int | None,
    number: int | None,
    index: int,
    row: int | None,
    lang: str,
) -> str:
    words = _WORDS[lang]
    parts: list[str] = []
    if position is not None and number is not None:
        person = document.cohorts[position].participants[number]
        parts.append(person.name or words["no-name"])
        if person.nip:
            parts.append(f"NIP {person.nip}")
    else:
        parts.append(words["participant-n"].format(n=index + 1))
    if row is not None:
        parts.append(words["row"].format(row=row))
    return ", ".join(parts)
