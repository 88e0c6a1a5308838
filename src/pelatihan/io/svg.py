"""A schedule as a timeline picture (SVG): phases in class or out of class, closed days visible.

The picture is drawn by the library itself, without a plotting package: one
row per phase, a bar from its first to its last day, coloured by setting (in
class or out of class), with national holidays and *cuti bersama* marked as
stripes across the rows, weekends shaded, and month labels along the top. The
output is deterministic text, so it can be committed, diffed, or embedded in
documentation built at any time.

    >>> import datetime
    >>> from pelatihan import plan_schedule
    >>> from pelatihan.io.svg import schedule_to_svg
    >>> svg = schedule_to_svg(plan_schedule(datetime.date(2024, 4, 22), "III", "blended"))
    >>> svg.startswith("<svg"), svg.count('class="phase'), "Idul Adha" in svg
    (True, 4, True)
"""

from __future__ import annotations

import datetime
import os
from calendar import monthrange
from html import escape
from pathlib import Path

from pelatihan.calendar import ClosureKind
from pelatihan.errors import printable
from pelatihan.planning import Allocation
from pelatihan.schedule import Schedule
from pelatihan.training import Setting

__all__ = ["COLOURS", "allocation_to_svg", "label_text", "schedule_to_svg", "write_svg"]

COLOURS = {
    Setting.IN_CLASS: "#1d4ed8",
    Setting.OUT_OF_CLASS: "#f59e0b",
}
"""Bar colours: blue in class, amber out of class (distinguishable with colour blindness)."""

_SATURDAY = 5
_CLOSED = "#dc2626"
_WEEKEND = "#f1f5f9"
_LABEL_WIDTH = 190
_MIN_LABEL_DAYS = 12  # a partial first month gets a label only when there is room for it
_DAY = 6  # pixels per day
_ROW = 26
_TOP = 58
_MONTHS_ID = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Mei",
    "Jun",
    "Jul",
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)


def label_text(text: str) -> str:
    r"""What the picture shows of a name or a title: :func:`~pelatihan.errors.printable`.

    Control characters, bidirectional controls, line separators and lone
    surrogates are written as escapes (``\x1b``), as in the text report, and so
    are U+FFFE and U+FFFF, which XML does not allow either: what is left is
    always text an XML parser reads back as it is.

    Example:
        >>> label_text("Angkatan\x00I\ufffe")
        'Angkatan\\x00I\\ufffe'
    """
    return printable(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def _xml(text: str) -> str:
    """``text`` as :func:`label_text` shows it, escaped for XML."""
    return escape(label_text(text))


def _x(day: datetime.date, first: datetime.date) -> int:
    return _LABEL_WIDTH + (day - first).days * _DAY


def schedule_to_svg(schedule: Schedule, *, title: str | None = None) -> str:
    """Draw a schedule as an SVG timeline.

    Args:
        schedule: The schedule to draw.
        title: A title above the picture; by default the regime, method and dates.

    Raises:
        ValueError: If the schedule has no phases.
    """
    if schedule.start is None or schedule.end is None:
        raise ValueError("a schedule without phases has nothing to draw")
    first, last = schedule.start, schedule.end
    days = (last - first).days + 1
    width = _LABEL_WIDTH + days * _DAY + 20
    rows = len(schedule.phases)
    height = _TOP + rows * _ROW + 60
    chart_bottom = _TOP + rows * _ROW
    if title is None:
        method = schedule.method.value if schedule.method else "Latsar"
        title = f"Latsar CPNS, {method}: {first.isoformat()} to {last.isoformat()}"
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" role="img" '
        'style="max-width:100%;height:auto">'
    )
    parts = [
        header,
        f"<title>{_xml(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{_xml(title)}</text>',
    ]
    # weekends and closed days across the chart
    calendar = schedule.calendar
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        x = _x(day, first)
        closure = calendar.closure(day)
        if closure is not None:
            kind = "cuti bersama" if closure.kind is ClosureKind.CUTI_BERSAMA else "closed"
            parts.append(
                f'<rect class="closed" x="{x}" y="{_TOP - 6}" width="{_DAY}" '
                f'height="{chart_bottom - _TOP + 6}" fill="{_CLOSED}" fill-opacity="0.25">'
                f"<title>{day.isoformat()}: {_xml(closure.name)} ({kind})</title></rect>"
            )
        elif day.weekday() >= _SATURDAY:
            parts.append(
                f'<rect x="{x}" y="{_TOP - 6}" width="{_DAY}" height="{chart_bottom - _TOP + 6}" '
                f'fill="{_WEEKEND}"/>'
            )
        # the days left in the month, counted without a date past it (none after 9999-12-31)
        left = monthrange(day.year, day.month)[1] - day.day + 1
        room = offset == 0 and left >= _MIN_LABEL_DAYS
        if day.day == 1 or room:
            label = f"{_MONTHS_ID[day.month - 1]} {day.year}"
            parts.append(
                f'<line x1="{x}" y1="{_TOP - 14}" x2="{x}" y2="{chart_bottom}" stroke="#94a3b8"/>'
            )
            parts.append(f'<text x="{x + 3}" y="{_TOP - 18}" fill="#334155">{label}</text>')
    # one row per phase
    for index, phase in enumerate(schedule.phases):
        y = _TOP + index * _ROW
        colour = COLOURS[phase.setting]
        training = phase.training_days(calendar)
        name = phase.label or phase.kind.value
        parts.append(
            f'<text x="10" y="{y + 16}">{_xml(name)} ({training} days)</text>'
            f'<rect class="phase {phase.setting.value}" x="{_x(phase.start, first)}" y="{y + 4}" '
            f'width="{((phase.end - phase.start).days + 1) * _DAY}" height="{_ROW - 8}" '
            f'fill="{colour}" rx="3"><title>{_xml(name)}: {phase.start.isoformat()} to '
            f"{phase.end.isoformat()}, {training} training days, {phase.setting.label}"
            "</title></rect>"
        )
    # legend
    y = chart_bottom + 24
    legend = [
        (COLOURS[Setting.IN_CLASS], "1", "in class (dalam kelas)"),
        (COLOURS[Setting.OUT_OF_CLASS], "1", "out of class (luar kelas)"),
        (_CLOSED, "0.25", "holiday or cuti bersama"),
    ]
    x = 10
    for colour, opacity, text in legend:
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}" '
            f'fill-opacity="{opacity}"/><text x="{x + 20}" y="{y + 12}">{text}</text>'
        )
        x += 210
    parts.append(
        f'<text x="10" y="{y + 34}" fill="#334155">{schedule.days_in_class} days in class, '
        f"{schedule.days_out_of_class} days out of class, {schedule.days_total} training days"
        "</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_svg(
    schedule: Schedule, path: str | os.PathLike[str], *, title: str | None = None
) -> None:
    """Write :func:`schedule_to_svg` to a file (UTF-8)."""
    Path(path).write_text(schedule_to_svg(schedule, title=title), encoding="utf-8")


_WAVE_ROW = 14
_USE_HEIGHT = 80


def allocation_to_svg(plan: Allocation, *, title: str | None = None) -> str:
    """Draw an intake's plan: one bar per cohort over the year, in-class days marked, room use.

    Each cohort is a bar from its first to its last day (out of class in amber),
    with its in-class days in blue; cohorts are listed by wave. Below, a column
    per day shows the rooms in use, with a line at the rooms there are (when
    the same every day).

    Example:
        >>> import datetime
        >>> from pelatihan import Participant, allocate
        >>> people = [Participant(f"19990101 202506 1 {n:03d}", "P", "III/a", "X")
        ...           for n in range(1, 81)]
        >>> plan = allocate(people, rooms=1, method="blended",
        ...                 window=(datetime.date(2025, 7, 1), datetime.date(2025, 12, 31)))
        >>> svg = allocation_to_svg(plan)
        >>> svg.count('class="cohort"'), svg.count('class="use"') == len(plan.room_use)
        (2, True)
    """
    first, last = plan.window
    if plan.cohorts:
        first = min(cohort.start for cohort in plan.cohorts)
        last = max(cohort.end for cohort in plan.cohorts)
    days = (last - first).days + 1
    width = _LABEL_WIDTH + days * _DAY + 20
    rows = len(plan.cohorts)
    chart_bottom = _TOP + rows * _WAVE_ROW
    use_top = chart_bottom + 20
    height = use_top + _USE_HEIGHT + 60
    if title is None:
        title = (
            f"Latsar CPNS, {plan.method.value}: {len(plan.cohorts)} cohorts in {plan.waves} "
            f"waves, {plan.placed} participants"
        )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11" role="img" '
            'style="max-width:100%;height:auto">'
        ),
        f"<title>{_xml(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{_xml(title)}</text>',
    ]
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        if day.day == 1 or offset == 0:
            x = _x(day, first)
            parts.append(
                f'<line x1="{x}" y1="{_TOP - 14}" x2="{x}" y2="{use_top + _USE_HEIGHT}" '
                'stroke="#cbd5e1"/>'
                f'<text x="{x + 3}" y="{_TOP - 18}" fill="#334155">'
                f"{_MONTHS_ID[day.month - 1]} {day.year}</text>"
            )
    for index, cohort in enumerate(plan.cohorts):
        y = _TOP + index * _WAVE_ROW
        span = ((cohort.end - cohort.start).days + 1) * _DAY
        parts.append(
            f'<text x="10" y="{y + 10}">{_xml(label_text(cohort.id))} '
            f"({len(cohort.participants)})</text>"
            f'<rect class="cohort" x="{_x(cohort.start, first)}" y="{y + 2}" width="{span}" '
            f'height="{_WAVE_ROW - 4}" fill="{COLOURS[Setting.OUT_OF_CLASS]}" rx="2">'
            f"<title>{_xml(label_text(cohort.name))}, wave {cohort.wave}: "
            f"{cohort.start.isoformat()} to {cohort.end.isoformat()}</title></rect>"
        )
        parts.extend(
            f'<rect x="{_x(day, first)}" y="{y + 2}" width="{_DAY}" height="{_WAVE_ROW - 4}" '
            f'fill="{COLOURS[Setting.IN_CLASS]}"/>'
            for day in cohort.schedule.in_class_days()
        )
    peak = max(plan.peak_rooms, plan.rooms if isinstance(plan.rooms, int) else 0, 1)
    scale = _USE_HEIGHT / peak
    bottom = use_top + _USE_HEIGHT
    parts.append(
        f'<text x="10" y="{use_top + 12}">rooms in use</text>'
        f'<line x1="{_LABEL_WIDTH}" y1="{bottom}" x2="{width - 20}" y2="{bottom}" '
        'stroke="#334155"/>'
    )
    for day, used in plan.room_use:
        if first <= day <= last:
            tall = used * scale
            parts.append(
                f'<rect class="use" x="{_x(day, first)}" y="{bottom - tall:.1f}" width="{_DAY}" '
                f'height="{tall:.1f}" fill="{COLOURS[Setting.IN_CLASS]}">'
                f"<title>{day.isoformat()}: {used} rooms</title></rect>"
            )
    if isinstance(plan.rooms, int):
        limit_y = bottom - plan.rooms * scale
        parts.append(
            f'<line x1="{_LABEL_WIDTH}" y1="{limit_y:.1f}" x2="{width - 20}" y2="{limit_y:.1f}" '
            'stroke="#dc2626" stroke-dasharray="4 3"/>'
            f'<text x="{_LABEL_WIDTH - 6}" y="{limit_y + 4:.1f}" text-anchor="end" fill="#dc2626">'
            f"{plan.rooms} rooms</text>"
        )
    y = bottom + 24
    legend = [
        (COLOURS[Setting.IN_CLASS], "in class (dalam kelas): a room"),
        (COLOURS[Setting.OUT_OF_CLASS], "out of class (luar kelas)"),
    ]
    x = 10
    for colour, text in legend:
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="{y + 12}">{text}</text>'
        )
        x += 230
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
