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
import sys
import warnings
from collections.abc import Callable, Sequence

from pelatihan import __version__, legal
from pelatihan._collector import collector_paused
from pelatihan.calendar import HolidayDataWarning
from pelatihan.cli._common import (
    _OPTIONAL_MODULES,
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNUSABLE,
    ProgressLine,
    _boundary,
    _date,
    _error,
    _method,
    _track,
    _Unusable,
)
from pelatihan.cli._plan import _run_plan
from pelatihan.cli._reference import _run_regimes, _run_rules, _run_schema, _silence_stdout
from pelatihan.cli._validate import _run_validate
from pelatihan.errors import ValidationError
from pelatihan.io.reader import SUFFIXES
from pelatihan.io.results import SUFFIXES as RESULT_SUFFIXES

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_UNUSABLE", "ProgressLine", "build_parser", "main"]

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
    tabular.add_argument(
        "--sheet",
        metavar="NAME",
        help="the worksheet of an Excel file to read (default: every worksheet with a "
        "participant table; with several, each one's rows form a cohort named after it when "
        "there is no cohort column)",
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
