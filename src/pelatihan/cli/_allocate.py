"""``pelatihan allocate``: an intake split into cohorts and waves, written as JSON, CSV or Excel."""

from __future__ import annotations

import argparse
import bisect
import datetime
import functools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from pelatihan import rulebooks
from pelatihan.calendar import Calendar
from pelatihan.cli._common import EXIT_ERRORS, EXIT_OK, _emit, _error, _Unusable, _write_file
from pelatihan.cli._lang import pick
from pelatihan.cli._plan import _write_bytes
from pelatihan.cli._tables import Cell, emit_csv, emit_sheets, require_openpyxl
from pelatihan.cli._validate import _load_all, _rulebooks_by_regime
from pelatihan.cohort import Organizer, Participant
from pelatihan.errors import ValidationError, printable
from pelatihan.findings import Severity
from pelatihan.planning import Allocation, Rooms, allocate
from pelatihan.rulebooks import OpenFigureError, Rulebook
from pelatihan.training import Method

OUTPUTS = (".json", ".csv", ".xlsx")
"""The extensions ``--output`` knows: the JSON cohort format, a CSV table, an Excel workbook."""

TABLE_HEADERS = {
    "en": (
        "NIP",
        "Name",
        "Agency",
        "Grade",
        "Track",
        "Cohort id",
        "Cohort",
        "Wave",
        "Start",
        "End",
        "Probation end",
        "Margin (days)",
        "Placed",
        "Note",
    ),
    "id": (
        "NIP",
        "Nama",
        "Instansi",
        "Gol/Ruang",
        "Jalur",
        "Kode angkatan",
        "Angkatan",
        "Gelombang",
        "Mulai",
        "Selesai",
        "Akhir masa percobaan",
        "Sisa (hari)",
        "Ditempatkan",
        "Keterangan",
    ),
}
"""The header of the allocation table, per language."""

_TABLE_WIDTHS = (24, 28, 28, 9, 7, 22, 32, 10, 12, 12, 14, 12, 12, 80)
_ROOM_HEADERS = {
    "en": ("Day", "Rooms in use", "Rooms"),
    "id": ("Tanggal", "Ruang terpakai", "Ruang"),
}
_SHEETS = {"en": ("Allocation", "Rooms"), "id": ("Alokasi", "Ruang")}
_YES_NO = {"en": ("yes", "no"), "id": ("ya", "tidak")}


def _intake(args: argparse.Namespace) -> tuple[list[Participant], Callable[[int], str]]:
    """The participants of the intake file, and where one was read (file and row), by index."""
    # a participant list read as one cohort needs its track and method; the track of each
    # participant comes from their grade (else --track), not from this placeholder
    track = args.track.value if args.track is not None else "III"
    defaults = {"track": track, "method": args.method.value}
    reading = {"columns": dict(args.column)} if args.column else None
    (loaded,) = _load_all([args.file], defaults, args.lang, reading)
    errors = [finding for finding in loaded.findings if finding.severity is Severity.ERROR]
    for finding in loaded.findings:
        _error(f"{finding.location}: {finding.code}: {finding.message(args.lang)}")
    if errors:
        raise _Unusable(
            pick(args.lang)(
                f"{args.file}: {len(errors)} errors in reading; mend the file and plan again, "
                "so that no participant is left out",
                f"{args.file}: {len(errors)} kesalahan saat membaca; perbaiki berkasnya lalu "
                "susun rencana lagi, agar tidak ada peserta yang tertinggal",
            )
        )
    people: list[Participant] = []
    firsts: list[int] = []  # the index of each cohort's first participant
    for cohort in loaded.cohorts:
        firsts.append(len(people))
        people.extend(cohort.participants)

    def place(index: int) -> str:
        position = bisect.bisect_right(firsts, index) - 1
        return str(loaded.participant_location(position, index - firsts[position]))

    return people, place


def _rows(plan: Allocation, lang: str) -> Iterator[tuple[Cell, ...]]:
    yes, no = _YES_NO[lang]
    days: dict[datetime.date, str] = {}  # each day written once: a plan has a few hundred
    for cohort in plan.cohorts:
        start, end = cohort.start.isoformat(), cohort.end.isoformat()
        track, last = cohort.track.value, cohort.end
        for person, deadline in zip(cohort.participants, cohort.deadlines, strict=True):
            deadline_text = days.get(deadline)
            if deadline_text is None:
                deadline_text = days[deadline] = deadline.isoformat()
            yield (
                person.nip,
                person.name,
                person.agency,
                person.grade,
                track,
                cohort.id,
                cohort.name,
                cohort.wave,
                start,
                end,
                deadline_text,
                (deadline - last).days,
                yes,
                "",
            )
    for item in plan.unplaced:
        person = item.participant
        yield (
            person.nip,
            person.name,
            person.agency,
            person.grade,
            item.track.value if item.track is not None else "",
            "",
            "",
            "",
            "",
            "",
            item.deadline.isoformat() if item.deadline is not None else "",
            "",
            no,
            f"{item.reason.value}: {item.message(lang)}",
        )


def _rooms(args: argparse.Namespace, t: Callable[[str, str], str]) -> tuple[Rooms | None, str]:
    """``--rooms``: a number, or the room-days of a file for every day of the window.

    Also how the summary names them.
    """
    text = args.rooms
    if args.rooms_default is not None and (text is None or text.strip().isdigit()):
        raise _Unusable(
            t(
                "--rooms-default applies with --rooms FILE",
                "--rooms-default berlaku dengan --rooms FILE",
            )
        )
    if text is None:
        return None, ""
    if text.strip().isascii() and text.strip().isdigit():
        return int(text), text.strip()
    if not Path(text).exists():
        raise _Unusable(
            t(
                f"--rooms {text!r}: neither a whole number 0 or more nor a room-days file",
                f"--rooms {text!r}: bukan bilangan bulat 0 atau lebih, juga bukan berkas ruang "
                "per hari",
            )
        )
    if args.minimise is not None:
        raise _Unusable(
            t(
                "--minimise rooms needs --rooms N, the most rooms there are, not a file",
                "--minimise rooms memerlukan --rooms N, jumlah ruang terbanyak, bukan berkas",
            )
        )
    from pelatihan.io.rooms import RoomDaysError, read_room_days  # noqa: PLC0415 - with a file

    try:
        listed = read_room_days(text)
    except RoomDaysError as error:  # every bad row, one a line
        raise _Unusable(*(t(en, id_) for en, id_ in error.problems)) from None
    except ValidationError as error:
        raise _Unusable(error.message(args.lang)) from None
    default = args.rooms_default or 0
    days: dict[datetime.date, int] = {}
    day = args.start
    while day <= args.until:
        days[day] = listed.get(day, default)
        day += datetime.timedelta(days=1)
    inside = sum(1 for day in listed if args.start <= day <= args.until)
    label = t(
        f"per day from {text} ({inside} days of the window listed, {default} on the others)",
        f"per hari dari {text} ({inside} hari dalam rentang tercantum, {default} pada hari "
        "lainnya)",
    )
    return days, label


def _approval_note(
    plan: Allocation, books: Mapping[str, Rulebook] | None, t: Callable[[str, str], str]
) -> None:
    """Say so when classroom cohorts that need the Head of LAN's approval are planned without."""
    if plan.method is not Method.KLASIKAL:
        return
    needing = 0
    for cohort in plan.cohorts:
        regime = cohort.schedule.regime or ""
        book = (books or {}).get(regime) or rulebooks.get(regime)
        since = book.klasikal_approval_from.value
        if since is not None and cohort.start >= since and not cohort.schedule.klasikal_approved:
            needing += 1
    if needing:
        _error(
            t(
                f"note: {needing} classroom cohorts start on or after the day from which classroom "
                "delivery needs the written approval of the Head of LAN; give --klasikal-approved "
                "when you have it (validate warns schedule.klasikal-approval otherwise)",
                f"catatan: {needing} angkatan klasikal dimulai sejak tanggal penyelenggaraan "
                "klasikal memerlukan persetujuan tertulis Kepala LAN; berikan --klasikal-approved "
                "bila persetujuan itu ada (bila tidak, validate memberi peringatan "
                "schedule.klasikal-approval)",
            )
        )


def _room_rows(plan: Allocation) -> Iterator[tuple[Cell, ...]]:
    for day, used in plan.room_use:
        rooms = plan.rooms if isinstance(plan.rooms, int) else plan.rooms.get(day, 0)
        yield day.isoformat(), used, rooms


def _summary(
    plan: Allocation, people: int, place: Callable[[int], str], lang: str, rooms: str
) -> str:
    t = pick(lang)
    size = plan.cohort_size
    lines = [
        t(
            f"{people} participants: {plan.placed} placed in {len(plan.cohorts)} cohorts "
            f"({plan.waves} waves), {len(plan.unplaced)} not placed",
            f"{people} peserta: {plan.placed} ditempatkan dalam {len(plan.cohorts)} angkatan "
            f"({plan.waves} gelombang), {len(plan.unplaced)} tidak ditempatkan",
        ),
        t(
            f"rooms: {rooms}, at most {plan.peak_rooms} in use on one day; cohort size at "
            f"most {size.value} ({size.status.value})",
            f"ruang kelas: {rooms}, paling banyak {plan.peak_rooms} terpakai dalam sehari; "
            f"paling banyak {size.value} peserta per angkatan ({size.status.value})",
        ),
    ]
    regimes: dict[str, int] = {}
    for cohort in plan.cohorts:
        regime = cohort.schedule.regime or "?"
        regimes[regime] = regimes.get(regime, 0) + 1
    if regimes:
        lines.append(
            t("regimes: ", "rezim: ")
            + "; ".join(
                f"{regime} ({count} " + t("cohorts", "angkatan") + ")"
                for regime, count in regimes.items()
            )
        )
    header = (
        t("wave", "gel."),
        t("cohort", "angkatan"),
        t("track", "jalur"),
        t("start", "mulai"),
        t("end", "selesai"),
        t("participants", "peserta"),
        t("least margin (days)", "sisa terkecil (hari)"),
    )
    rows = [
        (
            str(cohort.wave),
            cohort.id,
            cohort.track.value,
            cohort.start.isoformat(),
            cohort.end.isoformat(),
            str(len(cohort.participants)),
            str(min(deadline - cohort.end for deadline in cohort.deadlines).days),
        )
        for cohort in plan.cohorts
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    lines.extend(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    )
    if plan.unplaced:
        lines.append(t("not placed:", "tidak ditempatkan:"))
        lines.extend(
            f"  {place(item.index)}: NIP {item.participant.nip} {item.participant.name}: "
            f"{item.reason.value}: {item.message(lang)}"
            for item in plan.unplaced
        )
    return "\n".join(printable(line) for line in lines)


def _run_allocate(args: argparse.Namespace) -> int:
    t = pick(args.lang)
    suffix = Path(args.output).suffix.lower() if args.output else None
    if suffix is not None and suffix not in OUTPUTS:
        raise _Unusable(
            t(
                f"{args.output}: the extension {suffix!r} does not say which format to write; "
                "name the plan .json, .csv or .xlsx",
                f"{args.output}: ekstensi {suffix!r} tidak menunjukkan format yang ditulis; "
                "namai rencana .json, .csv atau .xlsx",
            )
        )
    if suffix == ".xlsx":
        require_openpyxl()
    if args.until < args.start:
        raise _Unusable(
            t(
                f"--until {args.until} is before --from {args.start}",
                f"--until {args.until} sebelum --from {args.start}",
            )
        )
    given, label = _rooms(args, t)
    if given is None and args.minimise is None:
        raise _Unusable(
            t("give --rooms N, or --minimise rooms", "berikan --rooms N, atau --minimise rooms")
        )
    books = _rulebooks_by_regime(args)
    people, place = _intake(args)
    calendar = Calendar(closures=args.closure) if args.closure else None
    rooms = given if given is not None else max(1, len(people))
    try:
        plan = allocate(
            people,
            rooms=rooms,
            window=(args.start, args.until),
            method=args.method,
            rulebook=books,
            calendar=calendar,
            track=args.track,
            keep_agencies_together=args.keep_together == "agency",
            minimise_rooms=args.minimise == "rooms",
            in_force_from=dict(args.in_force_from),
            klasikal_approved=args.klasikal_approved,
        )
    except OpenFigureError as error:
        raise _Unusable(
            t(
                f"{error.message_en}; on the command line, give the figure with --set "
                "PATH=VALUE or in a --variant FILE (pelatihan schema --variant)",
                f"{error.message_id}; di baris perintah, berikan angkanya dengan --set "
                "PATH=VALUE atau dalam --variant FILE (pelatihan schema --variant)",
            )
        ) from None
    organizer = Organizer(args.organizer) if args.organizer else None
    _write_outputs(args, plan, organizer, suffix)
    if isinstance(plan.rooms, int):  # --minimise rooms: the count found
        label = str(plan.rooms)
    _emit(_summary(plan, len(people), place, args.lang, label))
    _approval_note(plan, books, t)
    return EXIT_OK if plan.all_placed else EXIT_ERRORS


def _write_outputs(
    args: argparse.Namespace, plan: Allocation, organizer: Organizer | None, suffix: str | None
) -> None:
    """Every file asked for, each made whole before any is written."""
    lang = args.lang
    files: list[tuple[str, bytes]] = []
    if args.ics and plan.cohorts:
        from pelatihan.io.ics import schedules_to_ics  # noqa: PLC0415 - needs an optional extra

        items = [(cohort.schedule, cohort.id, cohort.name) for cohort in plan.cohorts]
        target = Path(args.ics)
        if target.is_dir():
            files.extend(
                (str(target / f"{item[1]}.ics"), schedules_to_ics([item], name=item[2]))
                for item in items
            )
        else:
            files.append((args.ics, schedules_to_ics(items, name=f"{plan.window[0].year}")))
    if args.svg:
        from pelatihan.io.svg import allocation_to_svg  # noqa: PLC0415 - only when asked for

        files.append((args.svg, allocation_to_svg(plan).encode("utf-8")))
    if suffix == ".json":
        from pelatihan.io.dump import cohorts_to_json  # noqa: PLC0415 - only when asked for

        text = cohorts_to_json(plan.to_cohorts(organizer)) + "\n"
        files.append((args.output, text.encode("utf-8")))
    for path, content in files:
        _write_file(path, functools.partial(_write_bytes, data=content), lang)
    if suffix == ".csv":
        emit_csv(_rows(plan, lang), lang, args.output, TABLE_HEADERS[lang])
    elif suffix == ".xlsx":
        allocation, rooms = _SHEETS[lang]
        emit_sheets(
            [
                (
                    allocation,
                    TABLE_HEADERS[lang],
                    _TABLE_WIDTHS,
                    _rows(plan, lang),
                    frozenset({0}),
                ),
                (rooms, _ROOM_HEADERS[lang], (12, 14, 10), _room_rows(plan), frozenset()),
            ],
            lang,
            args.output,
        )
