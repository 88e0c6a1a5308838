"""A Latsar schedule as an iCalendar file (RFC 5545), for calendar applications.

:func:`schedule_to_ics` turns a :class:`~pelatihan.schedule.Schedule` into the
bytes of an iCalendar file and :func:`write_ics` writes them to a file, which
Google Calendar, Outlook, Thunderbird or a phone can import or subscribe to.
Both need the optional dependency `icalendar <https://pypi.org/project/icalendar/>`_
(``pip install 'pelatihan[ics]'``); without it they raise
:class:`ModuleNotFoundError` saying so, while ``import pelatihan`` and
``import pelatihan.io.ics`` still work.

What is in the file
-------------------

One all-day event (``VEVENT``) per phase, in the schedule's order:

* ``DTSTART;VALUE=DATE`` is the phase's first day and ``DTEND;VALUE=DATE`` the
  day *after* its last day, since RFC 5545 makes the end of an event exclusive;
* ``SUMMARY`` names the cohort, the phase (its label, else its kind) and
  whether it is in class or out of class: ``Latsar CPNS Angkatan I — Habituation
  (out of class)``;
* ``DESCRIPTION`` gives the phase's position and its training days (counted on
  the schedule's calendar, so holidays and *cuti bersama* do not count), in
  English and in Indonesian: ``Tahap 3 dari 4: Habituasi (luar kelas), 30 hari
  pelatihan``;
* ``CATEGORIES`` holds the setting (``in class`` or ``out of class``) and the
  kind (``habituasi``); ``TRANSP:TRANSPARENT`` keeps the days free in
  free/busy lookups, since a phase spans weeks whatever the day's hours.

Names on one line
-----------------

The cohort's name, the phases' labels and the organiser's name are written on
one line, whatever they hold: a run of whitespace, line breaks and other
control characters becomes one space, and a lone surrogate (from a file name
that is not UTF-8) becomes U+FFFD. Control characters are never written raw,
and no text can start a property of its own. Everything else, bidirectional
controls included, is kept as given, and every file reads back with
``icalendar`` to the same events, names and organiser.

Stable UIDs
-----------

Each event's ``UID`` is :func:`phase_uid`: ``<cohort>-phase-<n>@pelatihan``,
built from the cohort id reduced to lowercase ASCII letters and digits joined by
``-``, and the phase's position (1 for the first). It depends on nothing else:
not on the dates, the kinds or the labels. Re-exporting a cohort's changed
schedule under the same cohort id therefore updates the events a calendar
already holds instead of adding copies. Give each cohort its own id: two ids
that reduce to the same letters and digits (``"Angkatan I/2024"`` and
``"angkatan-i-2024"``) share their UIDs. Every event is written with
``SEQUENCE:0``.

Time zone
---------

Latsar cohorts are planned on the Indonesian calendar and the file is marked
as being for Western Indonesian Time: ``X-WR-TIMEZONE:Asia/Jakarta`` and a
``VTIMEZONE`` for ``Asia/Jakarta`` (UTC+07:00, *WIB*). The events themselves
are all-day dates, which belong to no time zone, so they fall on the same days
wherever the file is opened.

``DTSTAMP`` is the ``stamp`` argument, converted to UTC, or the current UTC
time when it is not given. Pass a ``stamp`` to get byte-identical output from
run to run, for instance to commit the file or compare it with a previous one.

    >>> import datetime
    >>> from pelatihan import plan_schedule
    >>> from pelatihan.io.ics import schedule_to_ics
    >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
    >>> stamp = datetime.datetime(2024, 4, 1, 8, 0, tzinfo=datetime.timezone.utc)
    >>> data = schedule_to_ics(plan, cohort_id="Angkatan I/2024", stamp=stamp)
    >>> data.count(b"BEGIN:VEVENT"), data.count(b"BEGIN:VTIMEZONE")
    (4, 1)
    >>> lines = data.decode("utf-8").splitlines()
    >>> [line for line in lines if line.startswith("UID")][:2]
    ['UID:angkatan-i-2024-phase-1@pelatihan', 'UID:angkatan-i-2024-phase-2@pelatihan']
    >>> [line for line in lines if line.startswith(("DTSTART;", "DTEND;"))][:2]
    ['DTSTART;VALUE=DATE:20240422', 'DTEND;VALUE=DATE:20240517']
    >>> plan.phases[0].start, plan.phases[0].end
    (datetime.date(2024, 4, 22), datetime.date(2024, 5, 16))
    >>> data == schedule_to_ics(plan, cohort_id="Angkatan I/2024", stamp=stamp)
    True
"""

from __future__ import annotations

import datetime
import email.utils
import os
import re
import unicodedata
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pelatihan.errors import printable
from pelatihan.schedule import Phase, Schedule
from pelatihan.training import PhaseKind

if TYPE_CHECKING:
    from icalendar import Timezone

__all__ = ["PRODID", "TZID", "phase_uid", "schedule_to_ics", "schedules_to_ics", "write_ics"]

PRODID = "-//pelatihan//Latsar CPNS schedule//EN"
"""The ``PRODID`` of the files written here."""

TZID = "Asia/Jakarta"
"""The time zone the files are marked with (Western Indonesian Time, UTC+07:00)."""

_MISSING_ICALENDAR = "iCalendar export needs the optional dependency: pip install 'pelatihan[ics]'"

_KIND_EN = {
    PhaseKind.MOOC: "MOOC",
    PhaseKind.ELEARNING: "E-learning",
    PhaseKind.DISTANCE: "Distance learning",
    PhaseKind.KLASIKAL: "Klasikal",
    PhaseKind.HABITUASI: "Habituasi",
}
_KIND_ID = {
    PhaseKind.MOOC: "MOOC",
    PhaseKind.ELEARNING: "E-learning",
    PhaseKind.DISTANCE: "Pembelajaran jarak jauh",
    PhaseKind.KLASIKAL: "Klasikal",
    PhaseKind.HABITUASI: "Habituasi",
}

_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_JAKARTA_SINCE = datetime.datetime(1970, 1, 1)  # noqa: DTZ001 - a VTIMEZONE's local time
_VTIMEZONE_UNTIL = datetime.date(2038, 1, 1)


def phase_uid(cohort_id: str, index: int) -> str:
    """The ``UID`` of the event of a cohort's phase.

    The UID depends only on the cohort id and the phase's position, so an
    export of a changed schedule updates the events of an earlier one. The
    cohort id is reduced to lowercase ASCII letters and digits, runs of
    anything else (spaces, ``/``, punctuation) becoming one ``-``; accents are
    dropped.

    Args:
        cohort_id: The cohort's id (its *angkatan*, as the organiser names it).
        index: The phase's position in the schedule, from 0.

    Raises:
        ValueError: If the cohort id has no letter or digit, or ``index`` is negative.

    Example:
        >>> phase_uid("Angkatan I/2024", 0)
        'angkatan-i-2024-phase-1@pelatihan'
        >>> phase_uid("  Latsar  CPNS Gol. III — Angkatan 12 ", 3)
        'latsar-cpns-gol-iii-angkatan-12-phase-4@pelatihan'
    """
    if index < 0:
        raise ValueError(f"a phase's position starts at 0, not {index}")
    return f"{_slug(cohort_id)}-phase-{index + 1}@pelatihan"


def schedule_to_ics(
    schedule: Schedule,
    *,
    cohort_id: str,
    name: str | None = None,
    organizer: str | None = None,
    stamp: datetime.datetime | None = None,
) -> bytes:
    """Export a schedule as an iCalendar file: one all-day event per phase.

    Args:
        schedule: The schedule to export; its training days are counted on its
            own calendar.
        cohort_id: The cohort's id, which makes the events' UIDs (see
            :func:`phase_uid`); keep it the same across exports of one cohort.
        name: The cohort's name as shown in summaries and as the calendar's
            name (``X-WR-CALNAME``), on one line; the cohort id by default.
        organizer: The organiser's e-mail address (``latsar@bpsdm.example.go.id``),
            optionally with a name (``BPSDM Contoh <latsar@bpsdm.example.go.id>``),
            or a URI (``mailto:...``); written as each event's ``ORGANIZER``. The
            name is written on one line, as ``name`` is, with a double quote made
            ``'`` and a backslash ``/``; the address may hold no control character
            or line break.
        stamp: The time of the export, written as ``DTSTAMP`` in UTC; it must be
            timezone-aware. By default the current time, so two exports differ;
            pass it to get byte-identical output.

    Returns:
        The file's bytes: UTF-8, with CRLF line endings.

    Raises:
        ModuleNotFoundError: If the optional dependency ``icalendar`` is not
            installed.
        ValueError: If the schedule has no phases, a phase ends before it
            starts, ``stamp`` is naive, the cohort id has no letter or digit, or
            ``organizer`` is not an address or its address holds a control
            character or a line break.

    Example:
        >>> import datetime
        >>> from pelatihan import plan_schedule
        >>> plan = plan_schedule(datetime.date(2019, 10, 17), "III", "klasikal")
        >>> stamp = datetime.datetime(2019, 10, 1, 15, 0, tzinfo=datetime.timezone(
        ...     datetime.timedelta(hours=7)))
        >>> data = schedule_to_ics(plan, cohort_id="2019-XII", name="Angkatan XII", stamp=stamp)
        >>> lines = data.decode("utf-8").splitlines()
        >>> for line in lines:
        ...     if line.startswith("SUMMARY"):
        ...         print(line)
        SUMMARY:Latsar CPNS Angkatan XII — On campus 1 (in class)
        SUMMARY:Latsar CPNS Angkatan XII — Habituation (out of class)
        SUMMARY:Latsar CPNS Angkatan XII — On campus 2 (in class)
        >>> {line for line in lines if line.startswith("DTSTAMP")}
        {'DTSTAMP:20191001T080000Z'}
        >>> naive = datetime.datetime(2019, 10, 1)
        >>> schedule_to_ics(plan, cohort_id="2019-XII", stamp=naive)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: stamp must be timezone-aware (...), got 2019-10-01 00:00:00
    """
    return schedules_to_ics(
        [(schedule, cohort_id, name)],
        name=name or None,
        organizer=organizer,
        stamp=stamp,
        fallback=cohort_id,
    )


def schedules_to_ics(
    schedules: Sequence[tuple[Schedule, str, str | None]],
    *,
    name: str | None = None,
    organizer: str | None = None,
    stamp: datetime.datetime | None = None,
    fallback: str = "Latsar",
) -> bytes:
    """Export the schedules of several cohorts as one iCalendar file: one event per phase.

    Args:
        schedules: Each cohort's schedule, id and name (as for :func:`schedule_to_ics`).
        name: The calendar's name (``X-WR-CALNAME``), on one line.
        organizer: As for :func:`schedule_to_ics`.
        stamp: As for :func:`schedule_to_ics`.
        fallback: The calendar's name when ``name`` is not given.

    Raises:
        ModuleNotFoundError: If ``icalendar`` is not installed.
        ValueError: As :func:`schedule_to_ics` raises it, or when there are no schedules.

    Example:
        >>> import datetime
        >>> from pelatihan import plan_schedule
        >>> one = plan_schedule(datetime.date(2025, 7, 1), "III", "blended")
        >>> two = plan_schedule(datetime.date(2025, 7, 4), "II", "blended")
        >>> data = schedules_to_ics([(one, "c-1", "Angkatan I"), (two, "c-2", "Angkatan II")],
        ...                         name="Latsar 2025")
        >>> data.count(b"BEGIN:VEVENT"), b"c-2-phase-4@pelatihan" in data
        (8, True)
    """
    try:
        import icalendar  # noqa: PLC0415 - an optional dependency, imported when used
    except ImportError as error:
        raise ModuleNotFoundError(_MISSING_ICALENDAR, name="icalendar") from error

    if not schedules:
        raise ValueError("no schedules: there is nothing to export to iCalendar")
    for schedule, _, _ in schedules:
        _check_phases(schedule)
    stamp_utc = _stamp(stamp)
    address = None if organizer is None else _organizer(organizer)
    slugs = [_slug(cohort_id) for _, cohort_id, _ in schedules]  # fails before anything is built
    calendar_name = _one_line(name or "") or _one_line(fallback) or slugs[0]

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Latsar CPNS {calendar_name}")
    calendar.add("x-wr-timezone", TZID)
    last_day = max(phase.end for schedule, _, _ in schedules for phase in schedule.phases)
    calendar.add_component(
        _vtimezone(max(_VTIMEZONE_UNTIL, datetime.date(last_day.year + 1, 1, 1)))
    )
    for (schedule, cohort_id, shown_name), slug in zip(schedules, slugs, strict=True):
        shown = _one_line(shown_name or "") or _one_line(cohort_id) or slug
        count = len(schedule.phases)
        phases = zip(schedule.phases, schedule.phase_days(), strict=True)
        for index, (phase, days) in enumerate(phases):
            event = icalendar.Event()
            event.add("uid", phase_uid(cohort_id, index))
            event.add("dtstamp", stamp_utc)
            event.add("sequence", 0)
            event.add("dtstart", phase.start)
            event.add("dtend", phase.end + datetime.timedelta(days=1))
            event.add("summary", f"Latsar CPNS {shown} — {_title(phase)} ({phase.setting.label})")
            event.add("description", _description(phase, index, count, days))
            event.add("categories", [phase.setting.label, phase.kind.value])
            event.add("transp", "TRANSPARENT")
            if address is not None:
                uri, common_name = address
                if common_name:
                    event.add("organizer", uri, parameters={"CN": common_name})
                else:
                    event.add("organizer", uri)
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _check_phases(schedule: Schedule) -> None:
    if not schedule.phases:
        raise ValueError(
            "the schedule has no phases: there is nothing to export to iCalendar "
            "(jadwal tidak memiliki tahap: tidak ada yang diekspor)"
        )
    for position, phase in enumerate(schedule.phases, start=1):
        if phase.end < phase.start:
            raise ValueError(
                f"phase {position} ends on {phase.end}, before it starts on {phase.start}: "
                "an event cannot end before it starts"
            )


def write_ics(
    schedule: Schedule,
    path: str | os.PathLike[str],
    *,
    cohort_id: str,
    name: str | None = None,
    organizer: str | None = None,
    stamp: datetime.datetime | None = None,
) -> None:
    """Write a schedule to an iCalendar file (``.ics``), replacing the file if it exists.

    The arguments are those of :func:`schedule_to_ics`, with the file's ``path``.

    Raises:
        ModuleNotFoundError: If the optional dependency ``icalendar`` is not
            installed.
        ValueError: As :func:`schedule_to_ics` raises it.

    Example:
        >>> import datetime, pathlib, tempfile
        >>> from pelatihan import plan_schedule
        >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
        >>> stamp = datetime.datetime(2024, 4, 1, tzinfo=datetime.timezone.utc)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "angkatan-i.ics"
        ...     write_ics(plan, path, cohort_id="Angkatan I", stamp=stamp)
        ...     path.read_bytes() == schedule_to_ics(plan, cohort_id="Angkatan I", stamp=stamp)
        True
    """
    data = schedule_to_ics(
        schedule, cohort_id=cohort_id, name=name, organizer=organizer, stamp=stamp
    )
    Path(path).write_bytes(data)


def _slug(cohort_id: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", cohort_id).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
    if not slug:
        raise ValueError(
            f"cohort id {cohort_id!r} has no letter or digit to make the events' UIDs from"
        )
    return slug


def _stamp(stamp: datetime.datetime | None) -> datetime.datetime:
    if stamp is None:
        return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(
            "stamp must be timezone-aware (for example with tzinfo=datetime.timezone.utc), "
            f"got {stamp}"
        )
    return stamp.astimezone(datetime.timezone.utc).replace(microsecond=0)


def _organizer(organizer: str) -> tuple[str, str]:
    """The URI and the common name (possibly empty, on one line) of an organiser."""
    text = organizer.strip()
    name, bracket, address = text.rpartition("<")
    if not bracket or not address.endswith(">"):
        name, address = "", text
    if printable(address) != address:
        raise ValueError(
            f"organizer {organizer!r}: its address holds a control character or a line "
            "break, which no calendar can use; give the address alone, on one line"
        )
    common_name = _one_line(name)
    if len(common_name) > 1 and common_name[0] == common_name[-1] == '"':
        common_name = _one_line(common_name[1:-1].replace('\\"', '"').replace("\\\\", "\\"))
    if not name and _URI.fullmatch(text) and "@" not in text.split(":", 1)[0]:
        return text, ""
    parsed = email.utils.parseaddr(f"<{address}" if name else text)[1]
    if "@" not in parsed or _URI.fullmatch(parsed):
        raise ValueError(
            f"organizer {organizer!r} is not an address: give an e-mail address "
            "('latsar@bpsdm.example.go.id'), optionally with a name "
            "('BPSDM Contoh <latsar@bpsdm.example.go.id>'), or a URI ('mailto:...')"
        )
    # RFC 5545 has no way to write a double quote in a parameter (RFC 6868 is not read
    # everywhere), and readers take a backslash in one as an escape (icalendar reads `CN=\:` as
    # the start of the value)
    return f"mailto:{parsed}", common_name.replace('"', "'").replace("\\", "/")


def _one_line(text: str) -> str:
    """``text`` on one line: whitespace runs made one space, control characters too.

    A lone surrogate (from a file name that is not UTF-8) becomes U+FFFD, which
    can be written as UTF-8.
    """
    kept = "".join(
        " " if category == "Cc" else "\ufffd" if category == "Cs" else c
        for c in text
        for category in (unicodedata.category(c),)
    )
    return " ".join(kept.split())


def _title(phase: Phase) -> str:
    label = _one_line(phase.label)
    if label:
        return label[:1].upper() + label[1:]
    return _KIND_EN[phase.kind]


def _description(phase: Phase, index: int, count: int, days: int) -> str:
    day_word = "training day" if days == 1 else "training days"
    return (
        f"Phase {index + 1} of {count}: {_title(phase)} ({phase.setting.label}), "
        f"{days} {day_word}\n"
        f"Tahap {index + 1} dari {count}: {_KIND_ID[phase.kind]} ({phase.setting.label_id}), "
        f"{days} hari pelatihan"
    )


def _jakarta_zone() -> datetime.tzinfo | None:
    """The zone of Asia/Jakarta from the time zone database, if the database is there."""
    try:
        return zoneinfo.ZoneInfo(TZID)
    except zoneinfo.ZoneInfoNotFoundError:
        return None


def _vtimezone(until: datetime.date) -> Timezone:
    """A VTIMEZONE for Asia/Jakarta, valid from 1970 to ``until``.

    icalendar 6.1 and later generate it from the time zone database; with an
    earlier version, or without the database, it is built by hand: Jakarta has
    kept Western Indonesian Time (WIB, UTC+07:00), with no daylight saving
    time, since 1964.
    """
    from icalendar import Timezone, TimezoneStandard  # noqa: PLC0415 - optional dependency

    zone = _jakarta_zone()
    from_tzinfo = getattr(Timezone, "from_tzinfo", None)
    if zone is not None and from_tzinfo is not None:
        generated: Timezone = from_tzinfo(
            zone, tzid=TZID, first_date=_JAKARTA_SINCE.date(), last_date=until
        )
        return generated
    timezone = Timezone()
    timezone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", _JAKARTA_SINCE)
    standard.add("tzname", "WIB")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=7))
    standard.add("tzoffsetto", datetime.timedelta(hours=7))
    timezone.add_component(standard)
    return timezone
