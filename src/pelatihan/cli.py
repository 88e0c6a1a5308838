"""The ``pelatihan`` command: validate cohort files, plan schedules, list rules and regimes.

Usage (``python -m pelatihan`` works the same)::

    pelatihan validate angkatan.json peserta.csv --track III --method blended
    pelatihan validate angkatan.json --results hasil.csv
    pelatihan validate angkatan.json --format json --output laporan.json
    pelatihan validate angkatan.json --variant varian.toml --set cohort_size_max=36
    pelatihan plan --start 2024-04-22 --track III --method blended --ics angkatan.ics
    pelatihan plan --start 2025-07-14 --track III --method klasikal --variant varian.toml
    pelatihan rules --lang id
    pelatihan regimes
    pelatihan schema > cohorts-1.json
    pelatihan schema --variant > variant-1.json

``--variant FILE`` (a rulebook variant file, :mod:`pelatihan.io.variant`) and
``--set PATH=VALUE`` (one figure, applied after the file) supply an organiser's
figures to ``validate`` and ``plan``. Without ``--variant``, ``plan`` applies
``--set`` to the rulebook of ``--regime`` or of the regime in force on
``--start``, and ``validate`` to the rulebook of each cohort's own regime.
With ``--variant``, ``plan`` refuses a variant based on another regime than
the cohort's, and ``validate`` checks the cohorts of another regime against
their shipped rulebook, with a ``cohort.rulebook-regime`` warning.

Exit status: 0 when no finding is an error, 1 when some finding is an error,
2 when the input or the command line cannot be used (a file that cannot be
read, an option value that is not valid, a schedule that cannot be planned).
Messages about unusable input go to standard error as ``pelatihan: <message>``.

:func:`build_parser` returns the command's argument parser (the documentation
renders the command reference from it); :func:`main` runs the command and
returns its exit status.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    pelatihan ...
    0
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO, TypeVar

from pelatihan import __version__, legal, rulebooks
from pelatihan._collector import collector_paused
from pelatihan.calendar import Calendar, HolidayDataWarning
from pelatihan.errors import ValidationError
from pelatihan.findings import Finding, Report, Rule, Severity
from pelatihan.grades import Track
from pelatihan.io.reader import SUFFIXES, load
from pelatihan.io.results import SUFFIXES as RESULT_SUFFIXES
from pelatihan.io.results import (
    RawResults,
    attach_results_across,
    participant_of_result,
    read_results,
)
from pelatihan.io.structure import Loaded, structure
from pelatihan.provenance import Status
from pelatihan.rulebooks import OpenFigureError, Rulebook
from pelatihan.schedule import Schedule, plan_schedule
from pelatihan.training import Method
from pelatihan.validation.catalogue import rules
from pelatihan.validation.pipeline import validate_attached
from pelatihan.validation.stream import STREAMED_SUFFIXES, Streamed, estimated_rows, validate_table

T = TypeVar("T")

__all__ = [
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_UNUSABLE",
    "PROGRESS_THRESHOLD",
    "ProgressLine",
    "build_parser",
    "main",
]

EXIT_OK = 0
"""Exit status when no finding is an error (and for commands that only print)."""
EXIT_ERRORS = 1
"""Exit status when some finding is an error."""
EXIT_UNUSABLE = 2
"""Exit status when the input or the command line cannot be used."""

PROGRESS_THRESHOLD = 2000
"""Inputs with more participants than this show a progress line on a terminal."""

_PROGRESS_INTERVAL = 0.1  # seconds between two rewrites of the progress line
_OPTIONAL_MODULES = frozenset({"openpyxl", "icalendar"})
_TABULAR_SUFFIXES = frozenset(suffix for suffix in SUFFIXES if suffix != ".json")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_PLACE = re.compile(r"\$\.cohorts\[(\d+)\](?:\.(participants|results)\[(\d+)\])?")

_SEVERITY_LABEL = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "id": {Severity.ERROR: "kesalahan", Severity.WARNING: "peringatan", Severity.INFO: "info"},
}
_WORDS = {
    "en": {
        "no-findings": "no findings",
        "cohort-findings": "Cohort findings",
        "file-findings": "File findings",
        "cohort-n": "cohort #{n}",
        "participant-n": "participant #{n}",
        "no-name": "(no name)",
        "row": "row {row}",
        "validating": "validating {done}/{total} participants",
        "basis": "basis",
        "checks": "checks",
        "no-basis": "none of its own (findings cite the figure they rest on, if any)",
    },
    "id": {
        "no-findings": "tidak ada temuan",
        "cohort-findings": "Temuan angkatan",
        "file-findings": "Temuan berkas",
        "cohort-n": "angkatan ke-{n}",
        "participant-n": "peserta ke-{n}",
        "no-name": "(tanpa nama)",
        "row": "baris {row}",
        "validating": "memvalidasi {done}/{total} peserta",
        "basis": "dasar",
        "checks": "memeriksa",
        "no-basis": "tidak ada (temuan merujuk angka yang menjadi dasarnya, bila ada)",
    },
}


class _Unusable(Exception):
    """The input or the command line cannot be used; the message is printed, the status is 2."""


# -- argument types -----------------------------------------------------------------------


def _date(text: str) -> datetime.date:
    match = _ISO_DATE.fullmatch(text.strip())
    if match is not None:
        try:
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD")


def _boundary(text: str) -> tuple[str, datetime.date]:
    regime, sep, day = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r} is not written REGIME=YYYY-MM-DD")
    regime = regime.strip()
    known = [item.id for item in legal.regimes()]
    if regime not in known:
        raise argparse.ArgumentTypeError(
            f"{regime!r} is not a regime id; known: {', '.join(known)}"
        )
    return regime, _date(day)


def _track(text: str) -> Track:
    try:
        return Track.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _method(text: str) -> Method:
    try:
        return Method.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# -- the parser ---------------------------------------------------------------------------


_EPILOG = (
    "exit status: 0 when no finding is an error, 1 when some finding is an error, "
    "2 when the input or the command line cannot be used"
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``pelatihan`` command.

    Example:
        >>> parser = build_parser()
        >>> args = parser.parse_args(["plan", "--start", "2024-04-22", "--track", "3",
        ...                           "--method", "blended"])
        >>> args.command, args.start, args.track.value, args.method.value
        ('plan', datetime.date(2024, 4, 22), 'III', 'blended')
    """
    parser = argparse.ArgumentParser(
        prog="pelatihan",
        description="Validate Latsar CPNS cohort files, plan schedules, and list the rules "
        "and the regulations they rest on.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    regime_ids = [regime.id for regime in legal.regimes()]

    check = commands.add_parser(
        "validate",
        help="validate cohort files (JSON, CSV, Excel) and report every finding",
        description="Validate cohort files and report every finding of all of them together. "
        "The file type comes from the extension: " + ", ".join(SUFFIXES) + ".",
        epilog=_EPILOG,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a cohort file to validate")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text grouped per file, cohort and participant (default), or the JSON report",
    )
    check.add_argument(
        "--lang", choices=("en", "id"), default="en", help="language of the messages (en)"
    )
    check.add_argument(
        "--basis",
        action="store_true",
        help="show each finding's legal basis and provenance status (text output)",
    )
    check.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    check.add_argument(
        "--results",
        metavar="RESULTS",
        help="a results export to check with the cohorts ("
        + ", ".join(RESULT_SUFFIXES)
        + "): a table of NIP, scores, absences, remediation and date of passing, or a JSON "
        "list of results; each result goes to the cohort of the participant with its NIP "
        "(or the cohort its Angkatan column names)",
    )
    _add_boundary_option(check)
    _add_variant_options(
        check,
        "--set without --variant applies to the rulebook of each cohort's own regime; with "
        "--variant, cohorts of another regime than the variant's base are checked against "
        "their shipped rulebook, with a cohort.rulebook-regime warning",
    )
    tabular = check.add_argument_group(
        "cohort facts for CSV and Excel files",
        "Used for the cohorts whose rows do not give them; JSON files give their own.",
    )
    tabular.add_argument("--track", type=_track, metavar="{II,III}", help="the Latsar track")
    tabular.add_argument(
        "--method",
        type=_method,
        metavar="{klasikal,blended,distance}",
        help="the delivery method",
    )
    tabular.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help="the cohort's first day")
    tabular.add_argument(
        "--regime", choices=regime_ids, metavar="ID", help="the regime id (pelatihan regimes)"
    )
    tabular.add_argument("--organizer", metavar="NAME", help="the organiser's name")
    tabular.add_argument(
        "--cohort",
        metavar="NAME",
        help="the cohort's name when there is no cohort column (default: the file's stem)",
    )
    check.set_defaults(handler=_run_validate)

    plan = commands.add_parser(
        "plan",
        help="plan a cohort's schedule from its first day",
        description="Plan a cohort's schedule on the working calendar, following the rulebook "
        "of the regime in force on its first day.",
        epilog=_EPILOG,
    )
    plan.add_argument(
        "--start", type=_date, required=True, metavar="YYYY-MM-DD", help="the first day"
    )
    plan.add_argument(
        "--track", type=_track, required=True, metavar="{II,III}", help="the Latsar track"
    )
    plan.add_argument(
        "--method",
        type=_method,
        required=True,
        metavar="{klasikal,blended,distance}",
        help="the delivery method",
    )
    plan.add_argument(
        "--regime",
        choices=regime_ids,
        metavar="ID",
        help="the regime id (default: the one in force on the first day)",
    )
    plan.add_argument(
        "--closure",
        type=_date,
        nargs="+",
        action="extend",
        default=[],
        metavar="YYYY-MM-DD",
        help="extra closed days (regional holidays, the organiser's closures)",
    )
    plan.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    plan.add_argument("--ics", metavar="FILE", help="also write the schedule as an iCalendar file")
    plan.add_argument(
        "--svg", metavar="FILE", help="also draw the schedule as an SVG timeline picture"
    )
    plan.add_argument(
        "--cohort-id",
        metavar="ID",
        help="the cohort id the calendar events' UIDs are made from "
        "(default: from the first day, track and method)",
    )
    plan.add_argument("--name", metavar="NAME", help="the cohort's name in the calendar")
    _add_boundary_option(plan)
    _add_variant_options(
        plan,
        "--set without --variant applies to the rulebook of --regime, or of the regime in "
        "force on --start; a variant must be based on that regime",
    )
    plan.set_defaults(handler=_run_plan)

    catalogue = commands.add_parser(
        "rules",
        help="list the rules: every finding code",
        description="List every rule: its code, severity, title, what it checks and its basis.",
    )
    catalogue.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    catalogue.add_argument(
        "--lang", choices=("en", "id"), default="en", help="language of the titles (en)"
    )
    catalogue.set_defaults(handler=_run_rules)

    regulations = commands.add_parser(
        "regimes",
        help="list the regimes and the legal instruments",
        description="List the Latsar regimes, with the day each is in force from, and the "
        "legal instruments they rest on.",
    )
    regulations.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or JSON"
    )
    regulations.set_defaults(handler=_run_regimes)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the cohort file format (or of variant files)",
        description="Print the JSON Schema (draft 2020-12) of the JSON cohort file format, "
        "or with --variant of the rulebook variant file format.",
    )
    schema.add_argument(
        "--variant",
        action="store_true",
        help="the schema of rulebook variant files (pelatihan/variant@1, TOML or JSON)",
    )
    schema.set_defaults(handler=_run_schema)
    return parser


def _add_boundary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--in-force-from",
        type=_boundary,
        action="append",
        default=[],
        metavar="REGIME=YYYY-MM-DD",
        help="the first day of a regime, where you know it better than the shipped default "
        "(pelatihan regimes shows which boundaries are defaults); repeatable",
    )


def _add_variant_options(parser: argparse.ArgumentParser, semantics: str) -> None:
    group = parser.add_argument_group(
        "an organiser's figures",
        "Figures that differ from the shipped rulebook, each with status USER; findings "
        "resting on them say where they came from. " + semantics + ".",
    )
    group.add_argument(
        "--variant",
        metavar="FILE",
        help="a rulebook variant file (.toml or .json, see pelatihan schema --variant)",
    )
    group.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="one figure by its path (methods.klasikal.days_total=42); repeatable, applied "
        "after --variant",
    )


# -- output ---------------------------------------------------------------------------------


def _error(message: str) -> None:
    sys.stderr.write(f"pelatihan: {message}\n")


def _emit(text: str, output: str | None = None) -> None:
    if output is None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise _Unusable(f"{output}: cannot be written: {error.strerror or error}") from error


def _emit_with(write: Callable[[TextIO], None], output: str | None = None) -> None:
    """Like :func:`_emit`, for what ``write`` writes to a stream."""
    if output is None:
        write(sys.stdout)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8") as file:
            write(file)
            file.write("\n")
    except OSError as error:
        raise _Unusable(f"{output}: cannot be written: {error.strerror or error}") from error


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


class ProgressLine:
    """A progress line on a terminal: ``validating 12,000/250,000 participants``.

    It shows only when ``stream`` is a terminal and the input has more than
    ``threshold`` participants; otherwise it writes nothing. Each update
    rewrites the line after a carriage return; :meth:`clear` blanks it at the end.

    Args:
        stream: Where to write (standard error).
        total: The number of participants to validate.
        lang: ``"en"`` or ``"id"``.
        threshold: Show the line only above this many participants
            (:data:`PROGRESS_THRESHOLD` by default).

    Example:
        >>> import io
        >>> line = ProgressLine(io.StringIO(), 250_000)  # not a terminal
        >>> line.enabled
        False
    """

    def __init__(
        self,
        stream: TextIO,
        total: int,
        *,
        lang: str = "en",
        threshold: int | None = None,
    ) -> None:
        self.stream = stream
        self.total = total
        self.lang = lang
        limit = PROGRESS_THRESHOLD if threshold is None else threshold
        self.enabled = total > limit and _is_terminal(stream)
        self._width = 0
        self._shown_at = -math.inf

    def update(self, done: int) -> None:
        """Show that ``done`` participants of the total are validated.

        The line is rewritten at most ten times a second, and always for the last update.
        """
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self._shown_at < _PROGRESS_INTERVAL:
            return
        self._shown_at = now
        text = _WORDS[self.lang]["validating"].format(
            done=_thousands(done, self.lang), total=_thousands(self.total, self.lang)
        )
        self._width = max(self._width, len(text))
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()

    def clear(self) -> None:
        """Blank the line, if anything was shown."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def _thousands(number: int, lang: str) -> str:
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "id" else text


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


def _load_one(name: str, defaults: dict[str, str], lang: str) -> Loaded | str:
    """Load a file, or return why it cannot be used."""
    return _usable(name, lang, lambda: load(name, defaults=defaults))


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
        return f"{name}: cannot be read: {error.strerror or error}"


def _load_all(files: Sequence[str], defaults: dict[str, str], lang: str) -> list[Loaded]:
    results = [_load_one(name, defaults, lang) for name in files]
    problems = [result for result in results if isinstance(result, str)]
    if problems:
        raise _Unusable("\n".join(problems))
    return [result for result in results if not isinstance(result, str)]


def _read_results(name: str, lang: str) -> RawResults:
    try:
        return read_results(name)
    except ValidationError as error:  # InputError: unreadable, unknown extension
        raise _Unusable(error.message(lang)) from None
    except OSError as error:
        raise _Unusable(f"{name}: cannot be read: {error.strerror or error}") from None


def _run_validate(args: argparse.Namespace) -> int:
    defaults = _defaults(args)
    if defaults:
        ignored = [name for name in args.files if Path(name).suffix.lower() == ".json"]
        if ignored:
            options = ", ".join(f"--{key}" for key in defaults)
            verb = "applies" if len(defaults) == 1 else "apply"
            _error(
                f"note: {options} {verb} to CSV and Excel files only; "
                f"ignored for {', '.join(ignored)}"
            )
    books = _rulebooks_by_regime(args)
    if not args.results:
        found = _validate_files(args.files, defaults, args.lang, books, dict(args.in_force_from))
        return _report(args, *found)
    problems: list[str] = []
    results: RawResults | None = None
    documents: list[Loaded] = []
    try:
        documents = _load_all(args.files, defaults, args.lang)
    except _Unusable as error:
        problems.append(str(error))
    if args.results:
        try:
            results = _read_results(args.results, args.lang)
        except _Unusable as error:
            problems.append(str(error))
    if problems:
        raise _Unusable("\n".join(problems))
    if results is not None:
        attached = attach_results_across([item.document for item in documents], results)
        documents = [structure(document) for document in attached]
    sizes = [sum(len(cohort.participants) for cohort in item.cohorts) for item in documents]
    progress = ProgressLine(sys.stderr, sum(sizes), lang=args.lang)
    reports: list[Report] = []
    try:
        offset = 0
        for item, size in zip(documents, sizes, strict=True):
            reports.append(
                validate_attached(
                    item,
                    rulebook=books,
                    progress=_shifted(progress, offset),
                    in_force_from=dict(args.in_force_from),
                )
            )
            offset += size
    finally:
        progress.clear()
    return _report(args, documents, reports)


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
) -> tuple[list[Loaded], list[Report]]:
    """Validate files without results: tables as they are read, other files loaded whole.

    Returns each file's document (for a table, only its participants with a
    finding) and report; raises _Unusable naming every file that cannot be used.
    """
    streamed = [Path(name).suffix.lower() in STREAMED_SUFFIXES for name in files]
    loaded = {
        index: _load_one(name, defaults, lang)
        for index, name in enumerate(files)
        if not streamed[index]
    }
    sizes = [
        estimated_rows(name)
        if streamed[index]
        else sum(len(cohort.participants) for cohort in item.cohorts)
        if isinstance(item := loaded[index], Loaded)
        else 0
        for index, name in enumerate(files)
    ]
    progress = ProgressLine(sys.stderr, sum(sizes), lang=lang)
    documents: list[Loaded] = []
    reports: list[Report] = []
    problems: list[str] = []
    offset = 0
    try:
        for index, name in enumerate(files):
            update = _shifted(progress, offset)
            outcome: Streamed | Loaded | str
            if streamed[index]:
                outcome = _usable(
                    name,
                    lang,
                    lambda name=name, update=update: validate_table(  # type: ignore[misc]
                        name,
                        defaults=defaults,
                        rulebook=books,
                        progress=update,
                        in_force_from=in_force_from,
                    ),
                )
            else:
                outcome = loaded[index]
            if isinstance(outcome, str):
                problems.append(outcome)
            elif isinstance(outcome, Streamed):
                documents.append(outcome.shown)
                reports.append(outcome.report)
                offset += outcome.participants
            elif not problems:  # a file already failed: its report would not be shown
                reports.append(
                    validate_attached(
                        outcome,
                        rulebook=books,
                        progress=update,
                        in_force_from=in_force_from,
                    )
                )
                documents.append(outcome)
                offset += sizes[index]
    finally:
        progress.clear()
    if problems:
        raise _Unusable("\n".join(problems))
    return documents, reports


def _report(
    args: argparse.Namespace, documents: Sequence[Loaded], reports: Sequence[Report]
) -> int:
    """Write the report of the validated files; the exit status."""
    combined = reports[0] if len(reports) == 1 else Report([f for r in reports for f in r])
    if args.format == "json":  # written a finding at a time: a national report is large
        _emit_with(combined.write_json, args.output)
    else:
        _emit(
            _render_text(documents, reports, combined, lang=args.lang, basis=args.basis),
            args.output,
        )
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
) -> str:
    """Render the reports of several files as text grouped per file, cohort and participant.

    Each file's findings are grouped per cohort (headed by its name and id), and
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
    """
    words = _WORDS[lang]
    severity_width = max(len(label) for label in _SEVERITY_LABEL[lang].values())
    code_width = max((len(finding.code) for finding in combined), default=0)

    def block(findings: Sequence[Finding], indent: str, file: str | None) -> list[str]:
        places = [_where(finding, file) for finding in findings]
        width = max(len(place) for place in places)
        return [
            line(finding, indent, place, width)
            for finding, place in zip(findings, places, strict=True)
        ]

    def line(finding: Finding, indent: str, place: str, width: int) -> str:
        label = _SEVERITY_LABEL[lang][finding.severity]
        text = (
            f"{indent}{label:<{severity_width}}  {finding.code:<{code_width}}  "
            f"{place:<{width}}  {finding.message(lang)}"
        )
        return text + _cited(finding, basis=basis)

    lines: list[str] = []
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
                            f"$.cohorts[{cohort_index}].participants[{person_index}]"
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
    for other, findings in elsewhere.items():
        lines.append(other or "<input>")
        lines.append(f"  {words['file-findings']}")
        lines.extend(block(findings, "    ", other))
    lines.append(combined.summary(lang))
    return "\n".join(lines)


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
        match = _PLACE.match(finding.location.path)
        if match is None:
            if finding.location.file == file:
                file_level.append(finding)
            else:
                elsewhere.setdefault(finding.location.file, []).append(finding)
            continue
        cohort_index = int(match[1])
        people, own = by_cohort.setdefault(cohort_index, ({}, []))
        person: int | None = None
        if match[2] == "participants":
            person = int(match[3])
        elif match[2] == "results":
            person = participant_of_result(document.document, cohort_index, int(match[3]))
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
    fallback = _WORDS[lang]["cohort-n"].format(n=index + 1)
    if position is None:
        return fallback
    cohort = document.cohorts[position]
    name, ident = cohort.name, cohort.id
    if name and ident and name != ident:
        return f"{name} ({ident})"
    return name or ident or fallback


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


# -- plan -----------------------------------------------------------------------------------


def _plan_data(plan: Schedule) -> dict[str, object]:
    jp = plan.jp.value if plan.jp is not None else None
    return {
        "regime": plan.regime,
        "method": plan.method.value if plan.method is not None else None,
        "track": plan.track.value if plan.track is not None else None,
        "start": plan.start.isoformat() if plan.start is not None else None,
        "end": plan.end.isoformat() if plan.end is not None else None,
        "days_in_class": plan.days_in_class,
        "days_out_of_class": plan.days_out_of_class,
        "days_total": plan.days_total,
        "jp": jp,
        "phases": [
            {
                "kind": phase.kind.value,
                "label": phase.label,
                "setting": phase.setting.value,
                "start": phase.start.isoformat(),
                "end": phase.end.isoformat(),
                "training_days": days,
            }
            for phase, days in zip(plan.phases, plan.phase_days(), strict=True)
        ],
    }


def _plan_text(plan: Schedule, book: Rulebook | None = None) -> str:
    regime = legal.get_regime(plan.regime).name if plan.regime else "-"
    track = plan.track.value if plan.track is not None else "-"
    method = plan.method.value if plan.method is not None else "-"
    header = ("#", "phase", "kind", "setting", "start", "end", "training days")
    rows = [
        (
            str(number),
            phase.label or phase.kind.value,
            phase.kind.value,
            phase.setting.label,
            phase.start.isoformat(),
            phase.end.isoformat(),
            str(days),
        )
        for number, (phase, days) in enumerate(
            zip(plan.phases, plan.phase_days(), strict=True), start=1
        )
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    lines = [
        f"Latsar CPNS Golongan {track}, {method}: {regime} ({plan.regime})",
        *(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in (header, *rows)
        ),
        (
            f"{plan.start} to {plan.end}: {plan.days_in_class} days in class, "
            f"{plan.days_out_of_class} days out of class, {plan.days_total} training days in total"
        ),
    ]
    if plan.jp is not None and plan.jp.value is not None:
        lines.append(f"{plan.jp.value} JP (lesson hours, {plan.jp.status.value})")
    else:
        lines.append("JP (lesson hours): not established")
    if book is not None:
        supplied = _supplied(book)
        sources = dict.fromkeys(str(item["source"]) for item in supplied.values())
        lines.append(
            f"rulebook {book.id} ({book.title}): {len(supplied)} figures supplied by the user "
            f"(USER), from {'; '.join(sources) or '-'}"
        )
    return "\n".join(lines)


def _plan_rulebook(args: argparse.Namespace) -> Rulebook | None:
    """The rulebook --variant and --set give for the plan; ``None`` without them."""
    if args.variant is None and not args.set:
        return None
    from pelatihan.io import variant  # noqa: PLC0415 - only with --variant or --set

    regime = _plan_regime(args)
    if args.variant is None:
        return variant.apply_settings(rulebooks.get(regime), args.set)
    book = variant.read_variant(args.variant)
    if book.regime != regime:
        if args.regime:
            raise _Unusable(
                f"{args.variant}: the variant is based on {book.regime}, not on --regime {regime}"
            )
        raise _Unusable(
            f"{args.variant}: the variant is based on {book.regime}, but a cohort starting on "
            f"{args.start.isoformat()} is governed by {regime}; base the variant on {regime}, "
            f"or give --regime {book.regime} to plan under its regime"
        )
    return variant.apply_settings(book, args.set)


def _supplied(book: Rulebook) -> dict[str, dict[str, object]]:
    """The figures of a rulebook that the user supplied, with their values and sources."""
    return {
        path: {"value": _jsonable_value(figure.value), "source": figure.source}
        for path, figure in book.figures().items()
        if figure.status is Status.USER
    }


def _jsonable_value(value: object) -> object:
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _plan_regime(args: argparse.Namespace) -> str:
    """The regime of the plan: --regime, else the one in force on --start."""
    if args.regime:
        return str(args.regime)
    return legal.regime_on(args.start, in_force_from=dict(args.in_force_from)).id


def _run_plan(args: argparse.Namespace) -> int:
    calendar = Calendar(closures=args.closure) if args.closure else None
    book = _plan_rulebook(args)
    try:
        plan = plan_schedule(
            args.start, args.track, args.method, _plan_regime(args), calendar, rulebook=book
        )
    except OpenFigureError as error:
        raise _Unusable(
            f"{error.message_en}; on the command line, give the figure with --set PATH=VALUE "
            "or in a --variant FILE (pelatihan schema --variant)"
        ) from None
    if args.ics:
        from pelatihan.io.ics import write_ics  # noqa: PLC0415 - needs an optional extra

        cohort_id = args.cohort_id or (
            f"latsar-{args.track.value}-{args.method.value}-{args.start.isoformat()}"
        )
        try:
            write_ics(plan, args.ics, cohort_id=cohort_id, name=args.name)
        except ValueError as error:
            raise _Unusable(str(error)) from error
        except OSError as error:
            raise _Unusable(f"{args.ics}: cannot be written: {error.strerror or error}") from error
    if args.svg:
        from pelatihan.io.svg import write_svg  # noqa: PLC0415 - only when asked for

        try:
            write_svg(plan, args.svg, title=args.name)
        except OSError as error:
            raise _Unusable(f"{args.svg}: cannot be written: {error.strerror or error}") from error
    if args.format == "json":
        data = _plan_data(plan)
        if book is not None:
            data["rulebook"] = {"id": book.id, "parent": book.parent, "figures": _supplied(book)}
        _emit(_json(data))
    else:
        _emit(_plan_text(plan, book))
    return EXIT_OK


# -- rules, regimes, schema -----------------------------------------------------------------


def _rule_data(rule: Rule) -> dict[str, object]:
    cited: dict[str, object] | None = None
    if rule.basis is not None:
        cited = {
            "instrument": rule.basis.instrument,
            "article": rule.basis.article,
            "citation": str(rule.basis),
        }
    return {
        "code": rule.code,
        "severity": rule.severity.value,
        "title": {"en": rule.title_en, "id": rule.title_id},
        "checks": rule.checks,
        "basis": cited,
    }


def _run_rules(args: argparse.Namespace) -> int:
    catalogue = rules()
    if args.format == "json":
        _emit(_json([_rule_data(rule) for rule in catalogue]))
        return EXIT_OK
    words = _WORDS[args.lang]
    lines: list[str] = []
    for rule in catalogue:
        title = rule.title_id if args.lang == "id" else rule.title_en
        severity = _SEVERITY_LABEL[args.lang][rule.severity]
        cited = str(rule.basis) if rule.basis is not None else words["no-basis"]
        lines.extend(
            (
                f"{rule.code} ({severity}): {title}",
                f"    {words['checks']}: {rule.checks}",
                f"    {words['basis']}: {cited}",
            )
        )
    _emit("\n".join(lines))
    return EXIT_OK


def _regime_data(regime: legal.Regime) -> dict[str, object]:
    since = regime.in_force_from
    return {
        "id": regime.id,
        "name": regime.name,
        "instrument": regime.instrument,
        "amended_by": list(regime.amended_by),
        "decrees": list(regime.decrees),
        "in_force_from": {
            "date": since.value.isoformat(),
            "status": since.status.value,
            "basis": str(since.basis) if since.basis is not None else None,
            "note": since.note,
            "earliest": regime.earliest.isoformat() if regime.earliest is not None else None,
        },
    }


def _instrument_data(instrument: legal.Instrument) -> dict[str, object]:
    return {
        "id": instrument.id,
        "short_name": instrument.short_name,
        "kind": instrument.kind.value,
        "status": instrument.status.value,
        "title": instrument.title,
        "summary": instrument.summary,
        "replaces": list(instrument.replaces),
        "amends": list(instrument.amends),
    }


def _run_regimes(args: argparse.Namespace) -> int:
    if args.format == "json":
        data = {
            "regimes": [_regime_data(regime) for regime in legal.regimes()],
            "instruments": [_instrument_data(item) for item in legal.instruments()],
        }
        _emit(_json(data))
        return EXIT_OK
    lines = ["Regimes"]
    for regime in legal.regimes():
        since = regime.in_force_from
        lines.append(
            f"  {regime.id}  {regime.name}  in force from {since.value.isoformat()} "
            f"({since.status.value})"
        )
        if regime.decrees:
            decrees = ", ".join(decree.short_name for decree in regime.decrees_cited())
            lines.append(f"      decrees: {decrees}")
        if since.note:
            lines.append(f"      {since.note}")
    lines.append("Instruments")
    catalogue = legal.instruments()
    id_width = max(len(item.id) for item in catalogue)
    name_width = max(len(item.short_name) for item in catalogue)
    lines.extend(
        f"  {item.id:<{id_width}}  {item.short_name:<{name_width}}  {item.status.value:<4}  "
        f"{item.title}"
        for item in catalogue
    )
    _emit("\n".join(lines))
    return EXIT_OK


def _run_schema(args: argparse.Namespace) -> int:
    from pelatihan.io.schema import cohort_schema, variant_schema  # noqa: PLC0415 - this command's

    _emit(_json(variant_schema() if args.variant else cohort_schema()))
    return EXIT_OK


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at the null device so that fails quietly.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (an in-memory stream)
        pass


# -- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pelatihan`` command and return its exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        0 when no finding is an error, 1 when some is, 2 when the input or the
        command line cannot be used.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exit_:  # argparse exits for --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_UNUSABLE
    handler: Callable[[argparse.Namespace], int] = args.handler
    lang = getattr(args, "lang", "en")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", HolidayDataWarning)
        try:
            with collector_paused():  # a bulk job: see pelatihan._collector
                status = handler(args)
        except _Unusable as error:
            _error(str(error).replace("\n", "\npelatihan: "))
            status = EXIT_UNUSABLE
        except ValidationError as error:  # InputError, OpenFigureError, NoRegimeError, ...
            _error(error.message(lang))
            status = EXIT_UNUSABLE
        except ModuleNotFoundError as error:  # an optional extra that is not installed
            if error.name not in _OPTIONAL_MODULES:
                raise
            _error(str(error))
            status = EXIT_UNUSABLE
        except BrokenPipeError:  # the reader of the output went away (| head)
            _silence_stdout()
            status = EXIT_UNUSABLE
        except OSError as error:
            _error(str(error))
            status = EXIT_UNUSABLE
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            status = 130
    for warning in caught:
        _error(f"warning: {warning.message}")
    return status
