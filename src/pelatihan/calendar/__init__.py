"""Working days and training days on the Indonesian calendar.

Latsar durations are counted in **working days** (*hari kerja*): Monday to
Friday, minus the national holidays and the collective leave of the year. A
**training day** is a day on which a cohort trains. By default the two are the
same, but a schedule can differ from the civil-service week: classroom
(*klasikal*) phases sometimes run on Saturdays, so every query takes the
weekdays that count as a ``weekdays`` argument (:data:`WORKWEEK`, Monday to
Friday, by default; :data:`SIX_DAY_WEEK` adds Saturday), numbered as
:meth:`datetime.date.weekday` numbers them (0 is Monday, 6 is Sunday).

Holidays and *cuti bersama*
---------------------------

Each year a joint decree of three ministers (*Surat Keputusan Bersama 3
Menteri*, the SKB 3 Menteri: religious affairs, manpower, and
administrative reform) sets the national holidays (*hari libur nasional*) and
the collective leave (*cuti bersama*): working days, usually next to a holiday,
on which civil servants take their annual leave together. The decree is
sometimes amended during the year (in 2025, 18 August was added in August).
Both close a training day: a :class:`Closure` of kind
:attr:`ClosureKind.PUBLIC_HOLIDAY` or :attr:`ClosureKind.CUTI_BERSAMA`.

The dates come from the `holidays <https://pypi.org/project/holidays/>`_
package (version 0.105 or later, the first with the decree for 2027;
:func:`calendar_data` names the one installed and the years it confirms),
which records both for Indonesia year by year from 2002, the
national holidays in its ``"public"`` category and *cuti bersama* in its
``"government"`` category, always read here with ``language="id"`` so that
the names are the Indonesian ones whatever the machine's locale. Updating the
package updates the calendar. :class:`Calendar` ``(cuti_bersama=False)`` keeps
the national holidays but trains through collective leave.

    >>> from datetime import date
    >>> from pelatihan.calendar import Calendar
    >>> calendar = Calendar()
    >>> calendar.closure(date(2024, 4, 10))  # doctest: +NORMALIZE_WHITESPACE
    Closure(day=datetime.date(2024, 4, 10), name='Hari Raya Idul Fitri',
            kind=<ClosureKind.PUBLIC_HOLIDAY: 'public'>)
    >>> calendar.closure(date(2024, 4, 8)).kind
    <ClosureKind.CUTI_BERSAMA: 'government'>
    >>> calendar.is_training_day(date(2024, 4, 8))
    False
    >>> Calendar(cuti_bersama=False).is_training_day(date(2024, 4, 8))
    True

A 2024 blended cohort ran from 22 April to 9 August. Counting Monday to Friday
and leaving out 1 May, 9-10 May, 23-24 May and 17-18 June gives 73 working
days; the 74th working day from 22 April is 12 August:

    >>> calendar.count_training_days(date(2024, 4, 22), date(2024, 8, 9))
    73
    >>> calendar.nth_training_day(date(2024, 4, 22), 74)
    datetime.date(2024, 8, 12)
    >>> [str(c.day) for c in calendar.closures_between(date(2024, 5, 1), date(2024, 5, 31))]
    ['2024-05-01', '2024-05-09', '2024-05-10', '2024-05-23', '2024-05-24']

With classes on Saturdays too, the same span has 87 training days: 15 more
Saturdays, less 1 June (*Hari Lahir Pancasila*), a national holiday that fell
on a Saturday:

    >>> from pelatihan.calendar import SIX_DAY_WEEK
    >>> calendar.count_training_days(date(2024, 4, 22), date(2024, 8, 9), SIX_DAY_WEEK)
    87

Closures and openings
---------------------

The calendar is Indonesia-wide: **regional holidays are not included** (a
province's or regency's anniversary, a local religious day off), nor an
agency's own days off. Add them as
``closures``, as dates or as :class:`Closure` objects with a name; a bare date
is named ``"closed by the organiser"``. ``openings`` are days that are
training days whatever the weekday and whatever the holidays, such as a
Saturday session or an examination held on *cuti bersama*. An opening
overrides every closure.

    >>> from pelatihan.calendar import Closure, ClosureKind
    >>> mine = Calendar(
    ...     closures=[Closure(date(2024, 4, 25), "Hari jadi instansi", ClosureKind.AGENCY)],
    ...     openings=[date(2024, 4, 27)],
    ... )
    >>> mine.count_training_days(date(2024, 4, 22), date(2024, 4, 28))
    5
    >>> mine.closure(date(2024, 4, 25)).name
    'Hari jadi instansi'
    >>> mine.with_openings(date(2024, 4, 25)).closure(date(2024, 4, 25)) is None
    True

Years not yet decreed
---------------------

A year is *confirmed* (:func:`is_confirmed_year`) when the ``holidays`` package
has *cuti bersama* for it, which means the year's SKB was decreed and
recorded. For other years, such as a year not decreed yet, the package may
only estimate the dates of holidays that follow the lunar calendars (their
names end in ``(perkiraan)``) and has no *cuti bersama* at all. Years before
2002 are never confirmed. A query touching such a year emits a
:class:`HolidayDataWarning`, once per year per process, with a message such as::

    HolidayDataWarning: holiday data for 2100 is not confirmed: national holidays and
    cuti bersama may be missing or estimated, so day counts may be off; add known
    closed days with Calendar(closures=...)

:meth:`Calendar.unconfirmed_years` lists those years without warning, for
validators that report them as findings:

    >>> from pelatihan.calendar import is_confirmed_year
    >>> is_confirmed_year(2024), is_confirmed_year(2100), is_confirmed_year(1999)
    (True, False, False)
    >>> calendar.unconfirmed_years(date(2099, 12, 1), date(2100, 1, 31))
    (2099, 2100)

Since day counts depend on the installed data, :func:`calendar_data` names it: the
``holidays`` version and the years it confirms, as the JSON report of ``pelatihan
validate`` (its ``"calendar"`` object) and ``pelatihan --version`` give them:

    >>> from pelatihan.calendar import calendar_data
    >>> data = calendar_data()
    >>> data.confirmed_years[0], data.confirmed_years[-1] >= 2027
    (2002, True)

Every query refuses a span of more than ten years and an empty or out-of-range
``weekdays`` with a :class:`~pelatihan.errors.ValidationError` (a
:class:`ValueError`), so that nothing runs away.
"""

from __future__ import annotations

from datetime import date  # noqa: F401 - the annotations of Calendar and Closure name it

from pelatihan._reexport import adopt
from pelatihan.calendar import _calendar, _holidays
from pelatihan.calendar._calendar import Calendar
from pelatihan.calendar._holidays import (
    CalendarData,
    Closure,
    ClosureKind,
    HolidayDataWarning,
    calendar_data,
    is_confirmed_year,
)

__all__ = [
    "SIX_DAY_WEEK",
    "WORKWEEK",
    "Calendar",
    "CalendarData",
    "Closure",
    "ClosureKind",
    "HolidayDataWarning",
    "calendar_data",
    "is_confirmed_year",
]

WORKWEEK: frozenset[int] = _calendar.WORKWEEK
"""Monday to Friday, the civil-service working week (``date.weekday()`` numbers).

Example:
    >>> sorted(WORKWEEK)
    [0, 1, 2, 3, 4]
"""

SIX_DAY_WEEK: frozenset[int] = _calendar.SIX_DAY_WEEK
"""Monday to Saturday, for classroom phases that run on Saturdays.

Example:
    >>> sorted(SIX_DAY_WEEK - WORKWEEK)
    [5]
"""

# The years read and the years warned about: the objects of _holidays, where they are used
# (and where to replace them).
_YEARS = _holidays._YEARS
_warned_years = _holidays._warned_years

adopt(
    __name__,
    ClosureKind,
    Closure,
    HolidayDataWarning,
    is_confirmed_year,
    CalendarData,
    calendar_data,
    Calendar,
)
