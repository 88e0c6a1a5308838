"""The probation year (*masa percobaan*) and the days that follow from it.

The length of the probation year that starts on the TMT CPNS and the law that sets it,
its last day, and what depends on it: the earliest day of appointment as PNS and the
deadline of remediation. The public names are offered, and documented, by
:mod:`pelatihan.evaluation`.
"""

from __future__ import annotations

import contextlib
import datetime

from dateutil.relativedelta import relativedelta

from pelatihan.legal import get as get_instrument
from pelatihan.provenance import Citation, Figure, Source, Status
from pelatihan.rulebooks import Rulebook

# The two figures are documented in pelatihan.evaluation.
PROBATION_MONTHS_UU_5_2014: Figure[int] = Figure(
    12,
    Status.SEC,
    Citation("uu-5-2014", "Pasal 64 ayat (1)"),
    source=str(Source("https://id.scribd.com/document/571975702", "LAN slides quoting the law")),
    note="The CPNS probation lasts one year from the TMT CPNS; Latsar is taken within it.",
)

PROBATION_MONTHS_UU_20_2023: Figure[int] = Figure(
    12,
    Status.INF,
    Citation("uu-20-2023"),
    source="UU 20/2023 replaced UU 5/2014 on 31 October 2023 (reported, see pelatihan.legal)",
    note=(
        "UU 20/2023 replaced UU 5/2014 on 31 October 2023; the new law's probation wording was "
        "not found, and the one-year probation of UU 5/2014 Pasal 64 ayat (1) is assumed kept."
    ),
)


def _in_force_from(instrument_id: str) -> datetime.date:
    day = get_instrument(instrument_id).promulgated
    if day is None:  # pragma: no cover - the record has its date
        raise LookupError(f"the legal record {instrument_id!r} has no date of promulgation")
    return day


_UU_20_2023_FROM = _in_force_from("uu-20-2023")  # in force on promulgation (art. 77)


def probation_months(tmt: datetime.date) -> Figure[int]:
    """The length of the probation year that starts on ``tmt`` (the TMT CPNS), in months.

    The law that sets it depends on the date: UU 5/2014 Pasal 64 ayat (1) for a
    probation that starts before 31 October 2023, the day UU 20/2023 replaced
    it; UU 20/2023 from that day. The new law's probation wording was not
    found, so its figure is inferred (status ``INF``): the one year is assumed
    kept.

    Args:
        tmt: The first day of the probation: the TMT CPNS.

    Returns:
        The figure, with the law it rests on and its status.

    Example:
        >>> before = probation_months(datetime.date(2023, 10, 1))
        >>> before.value, str(before.basis), before.status.value
        (12, 'UU 5/2014, Pasal 64 ayat (1)', 'SEC')
        >>> after = probation_months(datetime.date(2023, 10, 31))
        >>> after.value, str(after.basis), after.status.value
        (12, 'UU 20/2023', 'INF')
    """
    if tmt < _UU_20_2023_FROM:
        return PROBATION_MONTHS_UU_5_2014
    return PROBATION_MONTHS_UU_20_2023


def probation_end(tmt: datetime.date) -> datetime.date:
    """The last day of the probation year that starts on ``tmt`` (the TMT CPNS).

    The year's length is :func:`probation_months` of ``tmt``.

    Example:
        >>> probation_end(datetime.date(2019, 3, 1)), probation_end(datetime.date(2023, 7, 15))
        (datetime.date(2020, 2, 29), datetime.date(2024, 7, 14))
    """
    end = add_months(tmt, probation_months(tmt).value)
    return end if end == datetime.date.max else end - datetime.timedelta(days=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it has no such day.

    Month arithmetic is :class:`dateutil.relativedelta.relativedelta`'s; a result
    beyond the calendar's range is clamped to :data:`datetime.date.max` (or
    :data:`datetime.date.min` going back).

    Example:
        >>> add_months(datetime.date(2024, 1, 31), 1), add_months(datetime.date(2023, 7, 15), 12)
        (datetime.date(2024, 2, 29), datetime.date(2024, 7, 15))
        >>> add_months(datetime.date(9999, 12, 1), 1)
        datetime.date(9999, 12, 31)
    """
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):  # the year is past 9999 or before 1
        return datetime.date.max if months > 0 else datetime.date.min


def appointment_day(
    passed_on: datetime.date | None, tmt: datetime.date | None, rulebook: Rulebook
) -> datetime.date | None:
    """The earliest day a participant who passed on ``passed_on`` can be appointed PNS.

    Appointment as PNS comes after the one-year probation that starts on the
    TMT CPNS (``evaluation.appointment_after_probation``, SEC: UU 5/2014 art.
    64), and only after passing Latsar, which may end after the probation year
    (SE Kepala BKN 10/2022). The earliest day is the later of the day after the
    probation year ends and the day of passing; ``None`` when either is not
    known. It is a lower bound: the day of appointment (TMT PNS) is set by the
    appointing official, and no source gives a rule for it.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
        >>> tmt = datetime.date(2025, 6, 1)
        >>> appointment_day(datetime.date(2025, 9, 10), tmt, book)  # within the probation year
        datetime.date(2026, 6, 1)
        >>> appointment_day(datetime.date(2026, 7, 15), tmt, book)  # Latsar after it
        datetime.date(2026, 7, 15)
        >>> appointment_day(datetime.date(2025, 9, 10), None, book) is None
        True
    """
    rule = rulebook.evaluation.appointment_after_probation.value
    if passed_on is None or rule is None:
        return None
    if not rule:
        return passed_on
    if tmt is None:
        return None
    end = probation_end(tmt)
    if end >= datetime.date.max:
        return None
    return max(end + datetime.timedelta(days=1), passed_on)


def remediation_deadline(
    decided_on: datetime.date | None, tmt: datetime.date | None, rulebook: Rulebook
) -> datetime.date | None:
    """The day by which a participant whose graduation is deferred is to complete remediation.

    No source gives the deadline. By default (``evaluation.remediation_within_probation``,
    INF) it is the end of the probation year, when the TMT CPNS is known and the
    results were not decided after it; an organiser that sets a number of days
    supplies ``evaluation.remediation_days`` (OPEN, no value) in a variant,
    counted from the day the results were decided. The earlier of the two
    applies; ``None`` when neither can be told.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
        >>> remediation_deadline(datetime.date(2025, 9, 10), datetime.date(2025, 6, 1), book)
        datetime.date(2026, 5, 31)
        >>> mine = book.variant("contoh", {"evaluation.remediation_days": 30})
        >>> remediation_deadline(datetime.date(2025, 9, 10), datetime.date(2025, 6, 1), mine)
        datetime.date(2025, 10, 10)
        >>> remediation_deadline(datetime.date(2025, 9, 10), None, book) is None
        True
    """
    evaluation = rulebook.evaluation
    found: list[datetime.date] = []
    days = evaluation.remediation_days.value
    if days is not None and decided_on is not None:
        with contextlib.suppress(OverflowError):  # beyond the year 9999: no deadline
            found.append(decided_on + datetime.timedelta(days=days))
    if evaluation.remediation_within_probation.value and tmt is not None:
        end = probation_end(tmt)
        if decided_on is None or end >= decided_on:
            found.append(end)
    return min(found) if found else None
