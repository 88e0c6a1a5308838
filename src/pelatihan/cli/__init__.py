"""The ``pelatihan`` command: validate cohort files, plan schedules, list rules and regimes.

Usage (``python -m pelatihan`` works the same)::

    pelatihan validate angkatan.json peserta.csv --track III --method blended
    pelatihan validate angkatan.json --results hasil.csv
    pelatihan validate angkatan.json --format json --output laporan.json
    pelatihan validate peserta.csv --track III --lang id --output temuan.xlsx
    pelatihan validate angkatan.json --variant varian.toml --set cohort_size_max=36
    pelatihan plan --start 2024-04-22 --track III --method blended --ics angkatan.ics
    pelatihan plan --start 2025-07-14 --track III --method klasikal --variant varian.toml
    pelatihan allocate peserta.csv --rooms 3 --from 2025-07-01 --until 2026-05-29 \
        --method blended -o rencana.json --svg gelombang.svg
    pelatihan rules --lang id
    LANG=id_ID.UTF-8 pelatihan validate --help
    pelatihan regimes --lang id
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

Language: every subcommand takes ``--lang en|id``. Without it, the language is
the locale's, as gettext finds it: the first non-empty one of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG``; Indonesian when its language is Indonesian
(``id_ID.UTF-8``, ``id``, the old ``in_ID``), else English. The help
(``pelatihan validate --help``) and the usage errors, argparse's own words
included, are in that language too (:mod:`pelatihan.cli._lang`).

Exit status: 0 when no finding is an error, 1 when some finding is an error,
2 when the input or the command line cannot be used (a file that cannot be
read, an option value that is not valid, a schedule that cannot be planned).
Messages about unusable input go to standard error as ``pelatihan: <message>``.

:func:`build_parser` returns the command's argument parser (the documentation
renders the command reference from it); :func:`main` runs the command and
returns its exit status. Building the parser imports nothing slow (what it
names of the library is in :mod:`pelatihan.cli._facts`): a subcommand's module,
and the readers, rules and regimes it needs, are imported when it runs, and the
holiday data when ``--version`` asks for it.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    pelatihan ...
    holidays ...: national holidays and cuti bersama confirmed for 2002-...
    0
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import NoReturn

from pelatihan import __version__
from pelatihan._collector import collector_paused
from pelatihan.cli._common import (
    _OPTIONAL_MODULES,
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNUSABLE,
    ProgressLine,
    _boundary,
    _column,
    _date,
    _error,
    _method,
    _silence_stdout,
    _track,
    _Unusable,
    start_keeping,
    whole_number,
)
from pelatihan.cli._facts import (
    COHORT_SUFFIXES,
    FORMATS,
    MAX_FINDINGS_PER_CODE,
    REGIME_IDS,
    RESULT_SUFFIXES,
)
from pelatihan.cli._lang import LANGS, Parser, argv_lang, locale_lang, parser_class, pick
from pelatihan.errors import ValidationError

__all__ = [
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_UNUSABLE",
    "ProgressLine",
    "build_parser",
    "main",
    "run",
]

_HANDLERS = {
    "validate": "pelatihan.cli._validate:_run_validate",
    "plan": "pelatihan.cli._plan:_run_plan",
    "allocate": "pelatihan.cli._allocate:_run_allocate",
    "rules": "pelatihan.cli._reference:_run_rules",
    "regimes": "pelatihan.cli._reference:_run_regimes",
    "schema": "pelatihan.cli._reference:_run_schema",
}
"""Each subcommand's handler, as ``module:function``: its module is imported when it runs."""


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The handler of ``command``, which runs it and returns the exit status."""
    module, _, name = _HANDLERS[command].partition(":")
    handler: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), name)
    return handler


def _run(command: str, args: argparse.Namespace) -> int:
    return _handler(command)(args)


# -- the parser ---------------------------------------------------------------------------


def _epilog(lang: str) -> str:
    return pick(lang)(
        "exit status: 0 when no finding is an error, 1 when some finding is an error, "
        "2 when the input or the command line cannot be used",
        "status keluar: 0 bila tidak ada temuan berupa kesalahan, 1 bila ada temuan berupa "
        "kesalahan, 2 bila masukan atau baris perintah tidak dapat dipakai",
    )


class _Version(argparse.Action):
    """``--version``: pelatihan's version, and on a second line the holiday data in use.

    Day counts depend on the installed ``holidays`` data, so the version names it
    (:func:`pelatihan.calendar.calendar_data`); it is looked at only when asked for.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, help: str, lang: str) -> None:  # noqa: A002
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )
        self.lang = lang

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from pelatihan.calendar import calendar_data  # noqa: PLC0415 - only for --version

        data = calendar_data().describe(self.lang)
        sys.stdout.write(f"{parser.prog} {__version__}\n{data}\n")
        parser.exit()


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """Return the argument parser of the ``pelatihan`` command.

    Args:
        lang: The language of its help and of argparse's own words: ``"en"``
            or ``"id"``; also the default of each subcommand's ``--lang``.

    Example:
        >>> parser = build_parser()
        >>> args = parser.parse_args(["plan", "--start", "2024-04-22", "--track", "3",
        ...                           "--method", "blended"])
        >>> args.command, args.start, args.track.value, args.method.value, args.lang
        ('plan', datetime.date(2024, 4, 22), 'III', 'blended', 'en')
        >>> print(build_parser("id").format_usage(), end="")
        penggunaan: pelatihan [-h] [--version] [--lang {en,id}] COMMAND ...
        >>> build_parser("id").parse_args(["--lang", "id", "rules"]).lang
        'id'
    """
    t = pick(lang)
    parser = parser_class(lang)(
        prog="pelatihan",
        description=t(
            "Validate Latsar CPNS cohort files, plan schedules, and list the rules "
            "and the regulations they rest on.",
            "Memvalidasi berkas angkatan Latsar CPNS, menyusun jadwal, serta menampilkan "
            "aturan pemeriksaan dan peraturan yang menjadi dasarnya.",
        ),
        epilog=_epilog(lang),
    )
    parser.add_argument(
        "--version",
        action=_Version,
        lang=lang,
        help=t(
            "show the version, and the holiday data in use, and exit",
            "tampilkan versi, dan data hari libur yang dipakai, lalu keluar",
        ),
    )
    _add_lang_option(parser, lang)  # before the command too: pelatihan --lang id --help
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    regime_ids = list(REGIME_IDS)
    _add_validate(commands, lang, regime_ids)
    _add_plan(commands, lang, regime_ids)
    _add_allocate(commands, lang)
    _add_reference(commands, lang)
    return parser


def _add_validate(
    commands: argparse._SubParsersAction[Parser], lang: str, regime_ids: list[str]
) -> None:
    t = pick(lang)
    date = functools.partial(_date, lang=lang)
    track = functools.partial(_track, lang=lang)
    method = functools.partial(_method, lang=lang)
    check = commands.add_parser(
        "validate",
        help=t(
            "validate cohort files (JSON, CSV, Excel) and report every finding",
            "validasi berkas angkatan (JSON, CSV, Excel) dan laporkan setiap temuan",
        ),
        description=t(
            "Validate cohort files and report every finding of all of them together; "
            "a NIP given in two of the files is reported in the later one. "
            "The file type comes from the extension: ",
            "Memvalidasi berkas angkatan dan melaporkan semua temuan dari semua berkas "
            "sekaligus; NIP yang tercantum di dua berkas dilaporkan pada berkas yang kemudian. "
            "Jenis berkas ditentukan dari ekstensinya: ",
        )
        + ", ".join(COHORT_SUFFIXES)
        + ".",
        epilog=_epilog(lang),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=t("a cohort file to validate", "berkas angkatan yang divalidasi"),
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        help=t(
            "text grouped per file, cohort and participant (the default), the JSON report, "
            "or a table of one row per finding: CSV (UTF-8 with a byte-order mark; ';' with "
            "--lang id, ',' otherwise) or an Excel workbook (xlsx, needs --output); without it, "
            "the extension of --output says (.txt or none, .json, .csv, .xlsx)",
            "teks yang dikelompokkan per berkas, angkatan dan peserta (bawaan), laporan JSON, "
            "atau tabel satu baris per temuan: CSV (UTF-8 dengan penanda urutan bita; ';' "
            "dengan --lang id, ',' selain itu) atau buku kerja Excel (xlsx, perlu --output); "
            "tanpa opsi ini, ekstensi --output yang menentukan (.txt atau tanpa ekstensi, "
            ".json, .csv, .xlsx)",
        ),
    )
    _add_lang_option(check, lang)
    check.add_argument(
        "--basis",
        action="store_true",
        help=t(
            "show each finding's legal basis and provenance status (text output)",
            "tampilkan dasar hukum dan status asal setiap temuan (keluaran teks)",
        ),
    )
    check.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=t(
            "write the report to FILE instead of stdout, completely or not at all",
            "tulis laporan ke FILE, bukan ke keluaran standar, utuh atau tidak sama sekali",
        ),
    )
    check.add_argument(
        "--results",
        metavar="RESULTS",
        help=t(
            "a results export to check with the cohorts ("
            + ", ".join(RESULT_SUFFIXES)
            + "): a table of NIP, scores, absences, remediation and date of passing, or a JSON "
            "list of results; each result goes to the cohort of the participant with its NIP "
            "(or the cohort its Angkatan column names)",
            "ekspor hasil evaluasi yang diperiksa bersama angkatan ("
            + ", ".join(RESULT_SUFFIXES)
            + "): tabel NIP, nilai, ketidakhadiran, remedial dan tanggal lulus, atau daftar "
            "hasil dalam JSON; setiap hasil masuk ke angkatan peserta dengan NIP yang sama "
            "(atau ke angkatan yang disebut kolom Angkatan)",
        ),
    )
    check.add_argument(
        "--rooms",
        type=functools.partial(whole_number, lang=lang),
        metavar="N",
        help=t(
            "the classrooms there are: report the days on which the in-class phases of the "
            "files' cohorts need more (cohorts.rooms)",
            "ruang kelas yang ada: laporkan hari-hari ketika tahap dalam kelas angkatan dalam "
            "berkas memerlukan lebih banyak (cohorts.rooms)",
        ),
    )
    _add_boundary_option(check, lang)
    _add_variant_options(
        check,
        lang,
        t(
            "--set without --variant applies to the rulebook of each cohort's own regime; with "
            "--variant, cohorts of another regime than the variant's base are checked against "
            "their shipped rulebook, with a cohort.rulebook-regime warning",
            "--set tanpa --variant berlaku pada buku aturan rezim masing-masing angkatan; "
            "dengan --variant, angkatan dari rezim lain daripada dasar varian diperiksa dengan "
            "buku aturan bawaannya, disertai peringatan cohort.rulebook-regime",
        ),
    )
    tabular = check.add_argument_group(
        t("cohort facts for CSV and Excel files", "data angkatan untuk berkas CSV dan Excel"),
        t(
            "Used for the cohorts whose rows do not give them; JSON files give their own.",
            "Dipakai untuk angkatan yang barisnya tidak memuatnya; berkas JSON memuat "
            "datanya sendiri.",
        ),
    )
    tabular.add_argument(
        "--track", type=track, metavar="{II,III}", help=t("the Latsar track", "jalur Latsar")
    )
    tabular.add_argument(
        "--method",
        type=method,
        metavar="{klasikal,blended,distance}",
        help=t("the delivery method", "metode penyelenggaraan"),
    )
    tabular.add_argument(
        "--start",
        type=date,
        metavar="YYYY-MM-DD",
        help=t("the cohort's first day", "hari pertama angkatan"),
    )
    tabular.add_argument(
        "--regime",
        choices=regime_ids,
        metavar="ID",
        help=t("the regime id (pelatihan regimes)", "kode rezim (pelatihan regimes)"),
    )
    tabular.add_argument(
        "--organizer", metavar="NAME", help=t("the organiser's name", "nama penyelenggara")
    )
    tabular.add_argument(
        "--cohort",
        metavar="NAME",
        help=t(
            "the cohort's name when there is no cohort column (default: the file's stem)",
            "nama angkatan bila tidak ada kolom angkatan (bawaan: nama berkas tanpa ekstensi)",
        ),
    )
    tabular.add_argument(
        "--sheet",
        metavar="NAME",
        help=t(
            "the worksheet of an Excel file to read (default: every worksheet with a "
            "participant table; with several, each one's rows form a cohort named after it when "
            "there is no cohort column)",
            "lembar kerja berkas Excel yang dibaca (bawaan: setiap lembar kerja yang berisi "
            "tabel peserta; bila ada beberapa, baris setiap lembar menjadi satu angkatan yang "
            "dinamai sesuai lembarnya jika tidak ada kolom angkatan)",
        ),
    )
    check.add_argument(
        "--column",
        metavar="FIELD=HEADER",
        action="append",
        default=[],
        type=functools.partial(_column, lang=lang),
        help=t(
            "read the column headed HEADER as FIELD (nip, name, grade, agency, ...), for a "
            "header the command does not know or reads as another field; repeat it for "
            "several columns (CSV and Excel files)",
            "baca kolom berjudul HEADER sebagai FIELD (nip, name, grade, agency, ...), untuk "
            "judul kolom yang tidak dikenali perintah ini atau dibaca sebagai isian lain; "
            "ulangi untuk beberapa kolom (berkas CSV dan Excel)",
        ),
    )
    check.add_argument(
        "--max-per-code",
        metavar="N",
        type=functools.partial(whole_number, lang=lang),
        default=MAX_FINDINGS_PER_CODE,
        help=t(
            f"keep at most N findings of one code (default {MAX_FINDINGS_PER_CODE}); the rest "
            "are counted by one report.folded finding; 0 keeps them all",
            f"simpan paling banyak N temuan per kode (bawaan {MAX_FINDINGS_PER_CODE}); sisanya "
            "dihitung oleh satu temuan report.folded; 0 menyimpan semuanya",
        ),
    )
    check.add_argument(
        "--jobs",
        metavar="N",
        type=functools.partial(whole_number, lang=lang),
        default=None,
        help=t(
            "load and check a large JSON or CSV file, and check the cohorts of any file loaded "
            "whole (CSV and Excel with --results or --rooms), in N processes; 0 uses the CPUs "
            "other programs leave idle, when the file is large enough to gain from them (not on "
            "macOS or Windows); 1 uses this process alone. By default, a JSON or CSV file "
            "validated without --results or --rooms is done as with 0, anything else as with 1. "
            "An Excel file is read in this process. The report is the same whatever N is",
            "muat dan periksa berkas JSON atau CSV besar, dan periksa angkatan berkas apa pun "
            "yang dimuat utuh (CSV dan Excel dengan --results atau --rooms), dalam N proses; 0 "
            "memakai CPU yang tidak sedang dipakai program lain, bila berkasnya cukup besar untuk "
            "diuntungkan (tidak di macOS atau Windows); 1 memakai proses ini saja. Bawaannya, "
            "berkas JSON atau CSV yang diperiksa tanpa --results atau --rooms dikerjakan seperti "
            "0, selain itu seperti 1. Berkas Excel dibaca dalam proses ini. Laporannya sama "
            "berapa pun N",
        ),
    )
    check.set_defaults(handler=functools.partial(_run, "validate"))


def _add_plan(
    commands: argparse._SubParsersAction[Parser], lang: str, regime_ids: list[str]
) -> None:
    t = pick(lang)
    date = functools.partial(_date, lang=lang)
    track = functools.partial(_track, lang=lang)
    method = functools.partial(_method, lang=lang)
    plan = commands.add_parser(
        "plan",
        help=t(
            "plan a cohort's schedule from its first day",
            "susun jadwal angkatan dari hari pertamanya",
        ),
        description=t(
            "Plan a cohort's schedule on the working calendar, following the rulebook "
            "of the regime in force on its first day.",
            "Menyusun jadwal angkatan pada kalender hari kerja, menurut buku aturan rezim "
            "yang berlaku pada hari pertamanya.",
        ),
        epilog=_epilog(lang),
    )
    plan.add_argument(
        "--start",
        type=date,
        required=True,
        metavar="YYYY-MM-DD",
        help=t("the first day", "hari pertama"),
    )
    plan.add_argument(
        "--track",
        type=track,
        required=True,
        metavar="{II,III}",
        help=t("the Latsar track", "jalur Latsar"),
    )
    plan.add_argument(
        "--method",
        type=method,
        required=True,
        metavar="{klasikal,blended,distance}",
        help=t("the delivery method", "metode penyelenggaraan"),
    )
    plan.add_argument(
        "--regime",
        choices=regime_ids,
        metavar="ID",
        help=t(
            "the regime id (default: the one in force on the first day)",
            "kode rezim (bawaan: rezim yang berlaku pada hari pertama)",
        ),
    )
    plan.add_argument(
        "--closure",
        type=date,
        nargs="+",
        action="extend",
        default=[],
        metavar="YYYY-MM-DD",
        help=t(
            "extra closed days (regional holidays, the organiser's closures)",
            "hari libur tambahan (libur daerah, hari tutup penyelenggara)",
        ),
    )
    _add_text_or_json_options(plan, lang)
    plan.add_argument(
        "--ics",
        metavar="FILE",
        help=t(
            "also write the schedule as an iCalendar file",
            "tulis juga jadwal sebagai berkas iCalendar",
        ),
    )
    plan.add_argument(
        "--svg",
        metavar="FILE",
        help=t(
            "also draw the schedule as an SVG timeline picture",
            "gambar juga jadwal sebagai garis waktu SVG",
        ),
    )
    plan.add_argument(
        "--cohort-id",
        metavar="ID",
        help=t(
            "the cohort id the calendar events' UIDs are made from "
            "(default: from the first day, track and method)",
            "kode angkatan yang menjadi dasar UID acara kalender "
            "(bawaan: dari hari pertama, jalur dan metode)",
        ),
    )
    plan.add_argument(
        "--name",
        metavar="NAME",
        help=t("the cohort's name in the calendar", "nama angkatan di kalender"),
    )
    _add_boundary_option(plan, lang)
    _add_variant_options(
        plan,
        lang,
        t(
            "--set without --variant applies to the rulebook of --regime, or of the regime in "
            "force on --start; a variant must be based on that regime",
            "--set tanpa --variant berlaku pada buku aturan --regime, atau rezim yang berlaku "
            "pada --start; varian harus berdasar pada rezim itu",
        ),
    )
    plan.set_defaults(handler=functools.partial(_run, "plan"))


def _add_allocate(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    t = pick(lang)
    date = functools.partial(_date, lang=lang)
    allocate = commands.add_parser(
        "allocate",
        help=t(
            "split an intake into cohorts and waves that finish within probation",
            "bagi peserta tahun ini ke dalam angkatan dan gelombang yang selesai dalam masa "
            "percobaan",
        ),
        description=t(
            "Split an intake (a participant list: JSON, CSV or Excel) into cohorts of one "
            "track, no larger than the cohort-size limit, and choose their start dates on the "
            "training calendar so that in-class phases never need more rooms than exist and "
            "every cohort ends within its participants' probation year (earliest deadline "
            "first). Participants who cannot be placed are listed with the reason and the fix.",
            "Membagi peserta (daftar peserta: JSON, CSV atau Excel) ke dalam angkatan satu "
            "jalur, tidak melebihi batas jumlah peserta, dan memilih tanggal mulainya pada "
            "kalender pelatihan sehingga tahap dalam kelas tidak pernah memerlukan ruang kelas "
            "lebih dari yang ada dan setiap angkatan selesai dalam masa percobaan pesertanya "
            "(tenggat paling awal lebih dahulu). Peserta yang tidak dapat ditempatkan "
            "dicantumkan beserta alasan dan cara mengatasinya.",
        ),
        epilog=t(
            "exit status: 0 when every participant is placed, 1 when some are not, 2 when the "
            "input or the command line cannot be used",
            "status keluar: 0 bila semua peserta ditempatkan, 1 bila ada yang tidak, 2 bila "
            "masukan atau baris perintah tidak dapat dipakai",
        ),
    )
    allocate.add_argument(
        "file", metavar="FILE", help=t("the intake: a participant list", "daftar peserta")
    )
    allocate.add_argument(
        "--rooms",
        metavar="N|FILE",
        help=t(
            "classrooms available on each day for in-class phases (with --minimise rooms: "
            "the most there are); or a CSV file of room-days, a day and its rooms per row "
            "under the header Tanggal;Ruang or date,rooms",
            "ruang kelas yang tersedia setiap hari untuk tahap dalam kelas (dengan --minimise "
            "rooms: paling banyak yang ada); atau berkas CSV ruang per hari, satu tanggal dan "
            "jumlah ruangnya per baris di bawah judul Tanggal;Ruang atau date,rooms",
        ),
    )
    allocate.add_argument(
        "--rooms-default",
        type=functools.partial(whole_number, lang=lang),
        metavar="N",
        help=t(
            "with --rooms FILE: the classrooms on the days the file does not list (0 unless given)",
            "dengan --rooms FILE: ruang kelas pada hari yang tidak tercantum dalam berkas (0 "
            "bila tidak diberikan)",
        ),
    )
    allocate.add_argument(
        "--from",
        dest="start",
        type=date,
        required=True,
        metavar="YYYY-MM-DD",
        help=t("the first day cohorts may use", "hari pertama yang boleh dipakai angkatan"),
    )
    allocate.add_argument(
        "--until",
        type=date,
        required=True,
        metavar="YYYY-MM-DD",
        help=t(
            "the last day cohorts may use: every cohort ends by it",
            "hari terakhir yang boleh dipakai angkatan: setiap angkatan selesai paling lambat "
            "hari itu",
        ),
    )
    allocate.add_argument(
        "--method",
        type=functools.partial(_method, lang=lang),
        required=True,
        metavar="{klasikal,blended,distance}",
        help=t("the delivery method", "metode penyelenggaraan"),
    )
    allocate.add_argument(
        "--track",
        type=functools.partial(_track, lang=lang),
        metavar="{II,III}",
        help=t(
            "the track of participants whose grade names none (as for validate)",
            "jalur peserta yang golongannya tidak menunjukkan jalur (seperti pada validate)",
        ),
    )
    allocate.add_argument(
        "--klasikal-approved",
        action="store_true",
        help=t(
            "the Head of LAN approved classroom delivery in writing, as classroom cohorts from "
            "2024 need (klasikal_approval_from): recorded on every cohort of the plan",
            "Kepala LAN telah menyetujui penyelenggaraan klasikal secara tertulis, sebagaimana "
            "diperlukan angkatan klasikal sejak 2024 (klasikal_approval_from): dicatat pada "
            "setiap angkatan dalam rencana",
        ),
    )
    allocate.add_argument(
        "--keep-together",
        choices=("agency",),
        help=t(
            "keep the participants of one agency in one cohort (or as few as the size allows)",
            "satukan peserta satu instansi dalam satu angkatan (atau sesedikit mungkin)",
        ),
    )
    allocate.add_argument(
        "--minimise",
        choices=("rooms",),
        help=t(
            "plan with the fewest rooms that place everyone who can be placed",
            "susun rencana dengan ruang kelas paling sedikit yang menempatkan semua peserta "
            "yang dapat ditempatkan",
        ),
    )
    allocate.add_argument(
        "--output",
        "-o",
        metavar="PLAN",
        help=t(
            "write the plan to PLAN, whose extension picks the format: .json (the cohort "
            "format, which pelatihan validate reads), .csv or .xlsx (one row per participant)",
            "tulis rencana ke PLAN, yang ekstensinya menentukan format: .json (format "
            "angkatan, yang dibaca pelatihan validate), .csv atau .xlsx (satu baris per peserta)",
        ),
    )
    allocate.add_argument(
        "--ics",
        metavar="FILE|DIR",
        help=t(
            "also write the cohorts' schedules as iCalendar: one file, or one file per cohort "
            "in an existing folder",
            "tulis juga jadwal angkatan sebagai iCalendar: satu berkas, atau satu berkas per "
            "angkatan dalam folder yang sudah ada",
        ),
    )
    allocate.add_argument(
        "--svg",
        metavar="FILE",
        help=t(
            "also draw the waves over the year and the rooms in use as an SVG picture",
            "gambar juga gelombang sepanjang tahun dan ruang kelas terpakai sebagai SVG",
        ),
    )
    allocate.add_argument(
        "--organizer", metavar="NAME", help=t("the organiser's name", "nama penyelenggara")
    )
    allocate.add_argument(
        "--closure",
        type=date,
        nargs="+",
        action="extend",
        default=[],
        metavar="YYYY-MM-DD",
        help=t(
            "extra closed days (regional holidays, the organiser's closures)",
            "hari libur tambahan (libur daerah, hari tutup penyelenggara)",
        ),
    )
    allocate.add_argument(
        "--column",
        metavar="FIELD=HEADER",
        action="append",
        default=[],
        type=functools.partial(_column, lang=lang),
        help=t(
            "read the column headed HEADER as FIELD (as for validate)",
            "baca kolom berjudul HEADER sebagai FIELD (seperti pada validate)",
        ),
    )
    _add_lang_option(allocate, lang)
    _add_boundary_option(allocate, lang)
    _add_variant_options(
        allocate,
        lang,
        t(
            "each cohort is planned under the regime in force on its start (as validate "
            "decides it, with --in-force-from); --set without --variant applies to the "
            "rulebook of every regime (cohort_size_max=36 sets the cohort-size limit); a "
            "variant plans the cohorts of its base regime, the shipped rulebooks the others",
            "setiap angkatan direncanakan menurut rezim yang berlaku pada tanggal mulainya "
            "(seperti yang diputuskan validate, dengan --in-force-from); --set tanpa --variant "
            "berlaku pada buku aturan setiap rezim (cohort_size_max=36 menetapkan batas jumlah "
            "peserta); varian dipakai untuk angkatan rezim dasarnya, buku aturan bawaan untuk "
            "yang lain",
        ),
    )
    allocate.set_defaults(handler=functools.partial(_run, "allocate"))


def _add_reference(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    t = pick(lang)
    catalogue = commands.add_parser(
        "rules",
        help=t("list the rules: every finding code", "daftar aturan: setiap kode temuan"),
        description=t(
            "List every rule: its code, severity, title, what it checks and its basis.",
            "Menampilkan setiap aturan: kode, tingkat, judul, yang diperiksa dan dasarnya.",
        ),
    )
    catalogue.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t(
            "text (default) or JSON (which has the titles in both languages)",
            "teks (bawaan) atau JSON (yang memuat judul dalam kedua bahasa)",
        ),
    )
    _add_lang_option(catalogue, lang)
    catalogue.set_defaults(handler=functools.partial(_run, "rules"))

    regulations = commands.add_parser(
        "regimes",
        help=t(
            "list the regimes and the legal instruments",
            "daftar rezim dan peraturan yang mendasarinya",
        ),
        description=t(
            "List the Latsar regimes, with the day each is in force from, and the "
            "legal instruments they rest on.",
            "Menampilkan rezim Latsar, beserta tanggal mulai berlakunya, dan peraturan "
            "yang mendasarinya. Catatan tentang tanggal berlaku baru tersedia dalam "
            "bahasa Inggris.",
        ),
    )
    _add_text_or_json_options(regulations, lang)
    regulations.set_defaults(handler=functools.partial(_run, "regimes"))

    schema = commands.add_parser(
        "schema",
        help=t(
            "print the JSON Schema of the cohort file format (or of variant files)",
            "cetak JSON Schema format berkas angkatan (atau berkas varian)",
        ),
        description=t(
            "Print the JSON Schema (draft 2020-12) of the JSON cohort file format, "
            "or with --variant of the rulebook variant file format.",
            "Mencetak JSON Schema (draft 2020-12) format berkas angkatan JSON, atau dengan "
            "--variant format berkas varian buku aturan. Deskripsinya baru tersedia dalam "
            "bahasa Inggris; dengan --lang id setiap kolom berkas angkatan juga diberi "
            "judul (title) berbahasa Indonesia.",
        ),
    )
    schema.add_argument(
        "--variant",
        action="store_true",
        help=t(
            "the schema of rulebook variant files (pelatihan/variant@1, TOML or JSON)",
            "skema berkas varian buku aturan (pelatihan/variant@1, TOML atau JSON)",
        ),
    )
    _add_lang_option(schema, lang)
    schema.set_defaults(handler=functools.partial(_run, "schema"))


def _add_text_or_json_options(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--format text|json`` and ``--lang``, for a command that prints text or JSON."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=pick(lang)("text (default) or JSON", "teks (bawaan) atau JSON"),
    )
    _add_lang_option(parser, lang)


def _add_lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=lang,
        help=pick(lang)(
            "the language of the output and of the help: en (English) or id (Indonesian); "
            "by default the locale's (LC_ALL, LC_MESSAGES, LANG): id for an Indonesian "
            "locale such as id_ID.UTF-8, else en",
            "bahasa keluaran dan bantuan: en (Inggris) atau id (Indonesia); bawaannya "
            "mengikuti locale (LC_ALL, LC_MESSAGES, LANG): id untuk locale Indonesia "
            "seperti id_ID.UTF-8, selain itu en",
        ),
    )


def _add_boundary_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument(
        "--in-force-from",
        type=functools.partial(_boundary, lang=lang),
        action="append",
        default=[],
        metavar="REGIME=YYYY-MM-DD",
        help=pick(lang)(
            "the first day of a regime, where you know it better than the shipped default "
            "(pelatihan regimes shows which boundaries are defaults); repeatable",
            "hari pertama berlakunya suatu rezim, bila Anda mengetahuinya lebih pasti daripada "
            "nilai bawaan (pelatihan regimes menunjukkan batas mana yang bawaan); boleh "
            "diulang",
        ),
    )


def _add_variant_options(parser: argparse.ArgumentParser, lang: str, semantics: str) -> None:
    t = pick(lang)
    group = parser.add_argument_group(
        t("an organiser's figures", "angka dari penyelenggara"),
        t(
            "Figures that differ from the shipped rulebook, each with status USER; findings "
            "resting on them say where they came from. ",
            "Angka yang berbeda dari buku aturan bawaan, masing-masing berstatus USER; temuan "
            "yang bersandar padanya menyebut asalnya. ",
        )
        + semantics
        + ".",
    )
    group.add_argument(
        "--variant",
        metavar="FILE",
        help=t(
            "a rulebook variant file (.toml or .json, see pelatihan schema --variant)",
            "berkas varian buku aturan (.toml atau .json, lihat pelatihan schema --variant)",
        ),
    )
    group.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help=t(
            "one figure by its path (methods.klasikal.days_total=42); repeatable, applied "
            "after --variant",
            "satu angka menurut jalurnya (methods.klasikal.days_total=42); boleh diulang, "
            "diterapkan setelah --variant",
        ),
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
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv_lang(arguments) or locale_lang())
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:  # argparse exits for --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_UNUSABLE
    handler: Callable[[argparse.Namespace], int] = args.handler
    lang = getattr(args, "lang", "en")
    from pelatihan.calendar import HolidayDataWarning  # noqa: PLC0415 - only when a subcommand runs

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", HolidayDataWarning)
        try:
            with collector_paused():  # a bulk job: see pelatihan._collector
                status = handler(args)
        except _Unusable as error:
            for problem in error.args:
                _error(str(problem))
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
        _error(f"{pick(lang)('warning', 'peringatan')}: {warning.message}")
    return status


def run() -> NoReturn:
    """The ``pelatihan`` command itself: :func:`main`, then the end of the process.

    Once the command's output is written and flushed, the process ends at once
    (``os._exit``, as mypy ends) with :func:`main`'s exit status, without first
    freeing, one object at a time, the millions of objects a national export is
    read into; and the cyclic garbage collector, paused for the job, is not
    started again, when its first pass would walk every one of them. At 250,000
    participants the two took about 0.4 s after the report was written. A
    program of your own calls :func:`main`, which returns and keeps nothing.
    """
    start_keeping()
    gc.disable()  # to the end: collector_paused leaves a collector it found disabled as it is
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(status)
