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
package (version 0.60 or later; check ``holidays.__version__`` for the one
installed), which records both for Indonesia year by year from 2002, the
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

Every query refuses a span of more than ten years and an empty or out-of-range
``weekdays`` with a :class:`~pelatihan.errors.ValidationError` (a
:class:`ValueError`), so that nothing runs away.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import warnings
from collections.abc import Iterable, Iterator
from datetime import date

import attrs
import holidays

from pelatihan._memo import remember
from pelatihan.errors import ValidationError

__all__ = [
    "SIX_DAY_WEEK",
    "WORKWEEK",
    "Calendar",
    "Closure",
    "ClosureKind",
    "HolidayDataWarning",
    "is_confirmed_year",
]

WORKWEEK: frozenset[int] = frozenset({0, 1, 2, 3, 4})
"""Monday to Friday, the civil-service working week (``date.weekday()`` numbers).

Example:
    >>> sorted(WORKWEEK)
    [0, 1, 2, 3, 4]
"""

SIX_DAY_WEEK: frozenset[int] = frozenset({0, 1, 2, 3, 4, 5})
"""Monday to Saturday, for classroom phases that run on Saturdays.

Example:
    >>> sorted(SIX_DAY_WEEK - WORKWEEK)
    [5]
"""

_ALL_WEEKDAYS = frozenset(range(7))
_FIRST_CONFIRMED_YEAR = 2002
_MAX_SPAN_DAYS = 3660
_ONE_DAY = datetime.timedelta(days=1)
_AGENCY_NAME = "closed by the organiser"


class ClosureKind(enum.Enum):
    """Why a day is closed.

    The values of the two official kinds are the ``holidays`` package's
    category names.

    Example:
        >>> ClosureKind("government")
        <ClosureKind.CUTI_BERSAMA: 'government'>
    """

    PUBLIC_HOLIDAY = "public"
    """A national holiday (*hari libur nasional*) of the SKB 3 Menteri."""
    CUTI_BERSAMA = "government"
    """Collective leave (*cuti bersama*) of the SKB 3 Menteri."""
    AGENCY = "agency"
    """A day the user closed: a regional holiday, an agency's day off."""


def _check_day(value: object, name: str = "day") -> date:
    if isinstance(value, datetime.datetime) or not isinstance(value, date):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    return value


def _check_closure_day(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    _check_day(value, attribute.name)


@attrs.frozen
class Closure:
    """A day on which there is no training, and why.

    Args:
        day: The closed day.
        name: The holiday's Indonesian name as the ``holidays`` package gives
            it, or the user's label.
        kind: A national holiday, *cuti bersama*, or a user's closure.

    Example:
        >>> from datetime import date
        >>> Closure(date(2024, 8, 19), "Hari jadi provinsi", ClosureKind.AGENCY).kind.value
        'agency'
    """

    day: date = attrs.field(validator=_check_closure_day)
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: ClosureKind = attrs.field(validator=attrs.validators.instance_of(ClosureKind))


def _sort_key(closure: Closure) -> tuple[date, int, str]:
    return closure.day, _KIND_ORDER[closure.kind], closure.name


_KIND_ORDER = {ClosureKind.AGENCY: 0, ClosureKind.PUBLIC_HOLIDAY: 1, ClosureKind.CUTI_BERSAMA: 2}


class HolidayDataWarning(UserWarning):
    """A query touched a year whose holidays and *cuti bersama* are not confirmed.

    Emitted at most once per year per process. See :func:`is_confirmed_year`.

    Example:
        >>> issubclass(HolidayDataWarning, UserWarning)
        True
    """


@attrs.frozen
class _Year:
    """The official closed days of one year, as the ``holidays`` package has them."""

    public: dict[date, Closure]
    government: dict[date, Closure]
    confirmed: bool
    public_days: tuple[date, ...]
    all_days: tuple[date, ...]


def _read(year: int, category: str, kind: ClosureKind) -> dict[date, Closure]:
    entries = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
    return {day: Closure(day, name, kind) for day, name in entries.items() if day.year == year}


_YEARS: dict[int, _Year] = {}
"""Each year's holidays and *cuti bersama*, read once (see :mod:`pelatihan._memo`)."""


def _year(year: int) -> _Year:
    found = _YEARS.get(year)
    return found if found is not None else remember(_YEARS, year, _read_year(year))


def _read_year(year: int) -> _Year:
    public = _read(year, "public", ClosureKind.PUBLIC_HOLIDAY)
    government = _read(year, "government", ClosureKind.CUTI_BERSAMA)
    return _Year(
        public=public,
        government=government,
        confirmed=year >= _FIRST_CONFIRMED_YEAR and bool(government),
        public_days=tuple(sorted(public)),
        all_days=tuple(sorted(public.keys() | government.keys())),
    )


def is_confirmed_year(year: int) -> bool:
    """Whether the holidays and *cuti bersama* of ``year`` are confirmed.

    A year is confirmed when the installed ``holidays`` package has *cuti
    bersama* for it: the year's SKB 3 Menteri was decreed and recorded. Years
    before 2002 are never confirmed. No warning is emitted.

    Example:
        >>> is_confirmed_year(2024), is_confirmed_year(2001), is_confirmed_year(2100)
        (True, False, False)
    """
    if not 1 <= year <= 9999:
        return False
    return _year(year).confirmed


_warned_years: set[int] = set()


def _warn_unconfirmed(first: int, last: int) -> None:
    """Warn about the unconfirmed years in ``first..last``, for the caller of a public method."""
    for year in range(first, last + 1):
        if year in _warned_years or _year(year).confirmed:
            continue
        _warned_years.add(year)
        warnings.warn(
            f"holiday data for {year} is not confirmed: national holidays and cuti bersama "
            "may be missing or estimated, so day counts may be off; add known closed days "
            "with Calendar(closures=...)",
            HolidayDataWarning,
            stacklevel=3,
        )


def _check_weekdays(weekdays: Iterable[int]) -> frozenset[int]:
    if weekdays is WORKWEEK or weekdays is SIX_DAY_WEEK:
        return weekdays
    days = weekdays if isinstance(weekdays, frozenset) else frozenset(weekdays)
    if not days:
        raise ValidationError(
            "weekdays is empty: give at least one weekday, 0 (Monday) to 6 (Sunday)",
            "weekdays kosong: isikan paling sedikit satu hari, 0 (Senin) sampai 6 (Minggu)",
            component="weekdays",
            value=weekdays,
        )
    if not days <= _ALL_WEEKDAYS:
        bad = sorted(days - _ALL_WEEKDAYS, key=repr)
        raise ValidationError(
            f"weekdays must be numbers 0 (Monday) to 6 (Sunday), got {bad!r}",
            f"weekdays harus berupa angka 0 (Senin) sampai 6 (Minggu), bukan {bad!r}",
            component="weekdays",
            value=weekdays,
        )
    return days


def _check_span(start: date, end: date) -> None:
    days = (end - start).days + 1
    if days > _MAX_SPAN_DAYS:
        raise ValidationError(
            f"the span {start} to {end} is {days} days long; at most {_MAX_SPAN_DAYS} days "
            "(about ten years) can be queried",
            f"rentang {start} sampai {end} sepanjang {days} hari; paling panjang "
            f"{_MAX_SPAN_DAYS} hari (sekitar sepuluh tahun) yang dapat dihitung",
            component="span",
            value=(start, end),
        )


def _to_closures(values: Iterable[date | Closure]) -> frozenset[Closure]:
    result = []
    for value in values:
        if isinstance(value, Closure):
            result.append(value)
        else:
            result.append(Closure(_check_day(value, "closure"), _AGENCY_NAME, ClosureKind.AGENCY))
    return frozenset(result)


def _to_openings(values: Iterable[date]) -> frozenset[date]:
    return frozenset(_check_day(value, "opening") for value in values)


def _by_day(closures: frozenset[Closure]) -> dict[date, Closure]:
    by_day: dict[date, Closure] = {}
    for closure in sorted(closures, key=_sort_key, reverse=True):
        by_day[closure.day] = closure  # the first in sort order wins
    return by_day


def _sorted_days(calendar: Calendar) -> tuple[date, ...]:
    return tuple(sorted(calendar._user))


def _sorted_openings(calendar: Calendar) -> tuple[date, ...]:
    return tuple(sorted(calendar.openings))


def _user_by_day(calendar: Calendar) -> dict[date, Closure]:
    return _by_day(calendar.closures)


def _between(days: tuple[date, ...], start: date, end: date) -> tuple[date, ...]:
    return days[bisect.bisect_left(days, start) : bisect.bisect_right(days, end)]


@attrs.frozen
class Calendar:
    """Which days are training days: the official calendar, with the user's changes.

    ``Calendar()`` is the Indonesia-wide calendar: national holidays and *cuti
    bersama*, no regional holidays (add those as ``closures``).

    Args:
        closures: Extra closed days, as dates (named ``"closed by the
            organiser"``) or :class:`Closure` objects.
        openings: Days that are training days whatever their weekday and
            whatever closes them.
        cuti_bersama: Whether collective leave closes training days (the
            default). With ``False`` only national holidays and the user's
            closures do.

    Calendars are immutable and hashable; :meth:`with_closures` and
    :meth:`with_openings` return changed copies.

    Example:
        >>> from datetime import date
        >>> calendar = Calendar(closures=[date(2024, 4, 26)])
        >>> calendar.closure(date(2024, 4, 26)).name
        'closed by the organiser'
        >>> calendar == Calendar(closures=[date(2024, 4, 26)]), len({calendar, Calendar()})
        (True, 2)
    """

    closures: frozenset[Closure] = attrs.field(default=frozenset(), converter=_to_closures)
    openings: frozenset[date] = attrs.field(default=frozenset(), converter=_to_openings)
    cuti_bersama: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    _user: dict[date, Closure] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_user_by_day, takes_self=True),
    )
    _user_days: tuple[date, ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_sorted_days, takes_self=True),
    )
    _opening_days: tuple[date, ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_sorted_openings, takes_self=True),
    )

    # -- private, warning-free building blocks --------------------------------

    def _closure(self, day: date) -> Closure | None:
        if day in self.openings:
            return None
        user = self._user.get(day)
        if user is not None:
            return user
        official = _year(day.year)
        public = official.public.get(day)
        if public is not None or not self.cuti_bersama:
            return public
        return official.government.get(day)

    def _is_training(self, day: date, weekdays: frozenset[int]) -> bool:
        if day in self.openings:
            return True
        return day.weekday() in weekdays and self._closure(day) is None

    def _closed_days(self, start: date, end: date) -> set[date]:
        """Return the closed days from ``start`` to ``end``, weekends aside, openings included."""
        closed = set(_between(self._user_days, start, end))
        for year in range(start.year, end.year + 1):
            official = _year(year)
            days = official.all_days if self.cuti_bersama else official.public_days
            closed.update(_between(days, start, end))
        return closed

    def _count(self, start: date, end: date, weekdays: frozenset[int]) -> int:
        # The days of the week in the span, counted arithmetically; then the closed
        # days among them taken off and the openings on other weekdays added.
        length = (end - start).days + 1
        first = start.weekday()
        weeks, rest = divmod(length, 7)
        count = weeks * len(weekdays) + sum((first + i) % 7 in weekdays for i in range(rest))
        openings = self.openings
        closed = self._closed_days(start, end)
        count -= sum(1 for d in closed if d.weekday() in weekdays and d not in openings)
        count += sum(
            1 for d in _between(self._opening_days, start, end) if d.weekday() not in weekdays
        )
        return count

    def _find(self, start: date, n: int, weekdays: frozenset[int]) -> date:
        """Return the n-th training day on or after ``start``, within the maximum span."""
        limit = start + datetime.timedelta(days=min(_MAX_SPAN_DAYS - 1, (date.max - start).days))
        openings = self.openings
        remaining = n
        chunk_start = start
        while True:
            # Look ahead about as far as the remaining days need, a week more for closures.
            ahead = remaining * 7 // len(weekdays) + 7
            chunk_end = chunk_start + datetime.timedelta(
                days=min(ahead, (limit - chunk_start).days)
            )
            closed = self._closed_days(chunk_start, chunk_end)
            day = chunk_start
            while True:
                if day in openings or (day.weekday() in weekdays and day not in closed):
                    remaining -= 1
                    if remaining == 0:
                        return day
                if day == chunk_end:
                    break
                day += _ONE_DAY
            if chunk_end == limit:
                break
            chunk_start = chunk_end + _ONE_DAY
        raise ValidationError(
            f"{n} training days from {start} go beyond {limit}: at most {_MAX_SPAN_DAYS} days "
            "(about ten years) are searched",
            f"{n} hari pelatihan sejak {start} melewati {limit}: paling jauh {_MAX_SPAN_DAYS} "
            "hari (sekitar sepuluh tahun) yang ditelusuri",
            component="n",
            value=n,
        )

    # -- queries ---------------------------------------------------------------

    def closure(self, day: date) -> Closure | None:
        """Return why ``day`` is closed, or ``None`` if it is not.

        Weekends are not closures: a Saturday with no holiday gives ``None``.
        The user's closures come first, then national holidays, then *cuti
        bersama* (unless ``cuti_bersama=False``); an opening gives ``None``.

        Example:
            >>> from datetime import date
            >>> Calendar().closure(date(2024, 8, 17)).name
            'Hari Kemerdekaan Republik Indonesia'
            >>> Calendar().closure(date(2024, 8, 24)) is None
            True
        """
        _check_day(day)
        _warn_unconfirmed(day.year, day.year)
        return self._closure(day)

    def closures_between(self, start: date, end: date) -> tuple[Closure, ...]:
        """Return the closures from ``start`` to ``end`` inclusive, in date order.

        One closure per closed day, the one :meth:`closure` gives, weekends
        included (a national holiday on a Sunday is listed).

        Example:
            >>> from datetime import date
            >>> for closure in Calendar().closures_between(date(2024, 4, 8), date(2024, 4, 12)):
            ...     print(closure.day, closure.kind.value, closure.name)
            2024-04-08 government Cuti Bersama Hari Raya Idul Fitri
            2024-04-09 government Cuti Bersama Hari Raya Idul Fitri
            2024-04-10 public Hari Raya Idul Fitri
            2024-04-11 public Hari kedua dari Hari Raya Idul Fitri
            2024-04-12 government Cuti Bersama Hari Raya Idul Fitri
        """
        _check_day(start, "start")
        _check_day(end, "end")
        if end < start:
            return ()
        _check_span(start, end)
        _warn_unconfirmed(start.year, end.year)
        days = set(_between(self._user_days, start, end))
        for year in range(start.year, end.year + 1):
            days.update(_between(_year(year).all_days, start, end))
        found = (self._closure(day) for day in sorted(days))
        return tuple(closure for closure in found if closure is not None)

    def is_training_day(self, day: date, weekdays: Iterable[int] = WORKWEEK) -> bool:
        """Whether ``day`` is a training day.

        An opening always is; any other day is when its weekday is in
        ``weekdays`` and nothing closes it.

        Example:
            >>> from datetime import date
            >>> Calendar().is_training_day(date(2024, 4, 22))
            True
            >>> Calendar().is_training_day(date(2024, 4, 27))
            False
            >>> Calendar().is_training_day(date(2024, 4, 27), SIX_DAY_WEEK)
            True
        """
        _check_day(day)
        days = _check_weekdays(weekdays)
        _warn_unconfirmed(day.year, day.year)
        return self._is_training(day, days)

    def training_days(
        self, start: date, end: date, weekdays: Iterable[int] = WORKWEEK
    ) -> Iterator[date]:
        """Return the training days from ``start`` to ``end`` inclusive, in order.

        The arguments are checked (and any warning emitted) when this is
        called, not when the iterator is first used.

        Example:
            >>> from datetime import date
            >>> [str(d) for d in Calendar().training_days(date(2024, 4, 5), date(2024, 4, 17))]
            ['2024-04-05', '2024-04-16', '2024-04-17']
        """
        _check_day(start, "start")
        _check_day(end, "end")
        days = _check_weekdays(weekdays)
        if end < start:
            return iter(())
        _check_span(start, end)
        _warn_unconfirmed(start.year, end.year)
        return self._iterate(start, end, days)

    def _iterate(self, start: date, end: date, weekdays: frozenset[int]) -> Iterator[date]:
        openings = self.openings
        closed = self._closed_days(start, end)
        day = start
        while True:
            if day in openings or (day.weekday() in weekdays and day not in closed):
                yield day
            if day == end:
                return
            day += _ONE_DAY

    def count_training_days(
        self, start: date, end: date, weekdays: Iterable[int] = WORKWEEK
    ) -> int:
        """Count the training days from ``start`` to ``end`` inclusive (0 if ``end < start``).

        Example:
            >>> from datetime import date
            >>> Calendar().count_training_days(date(2024, 4, 1), date(2024, 4, 30))
            16
            >>> Calendar().count_training_days(date(2024, 4, 30), date(2024, 4, 1))
            0
        """
        _check_day(start, "start")
        _check_day(end, "end")
        days = _check_weekdays(weekdays)
        if end < start:
            return 0
        _check_span(start, end)
        _warn_unconfirmed(start.year, end.year)
        return self._count(start, end, days)

    def next_training_day(self, day: date, weekdays: Iterable[int] = WORKWEEK) -> date:
        """Return the first training day on or after ``day``.

        Example:
            >>> from datetime import date
            >>> Calendar().next_training_day(date(2024, 4, 6))
            datetime.date(2024, 4, 16)
        """
        _check_day(day)
        days = _check_weekdays(weekdays)
        found = self._find(day, 1, days)
        _warn_unconfirmed(day.year, found.year)
        return found

    def nth_training_day(self, start: date, n: int, weekdays: Iterable[int] = WORKWEEK) -> date:
        """Return the ``n``-th training day counting from ``start``.

        ``n=1`` is the first training day on or after ``start`` (``start``
        itself if it is one), so a phase of ``n`` days that begins on ``start``
        ends on the returned day.

        Raises:
            ValidationError: If ``n`` is less than 1, or if the day is more
                than ten years away.

        Example:
            >>> from datetime import date
            >>> Calendar().nth_training_day(date(2024, 4, 1), 5)
            datetime.date(2024, 4, 5)
            >>> Calendar().nth_training_day(date(2024, 4, 1), 6)
            datetime.date(2024, 4, 16)
        """
        _check_day(start, "start")
        days = _check_weekdays(weekdays)
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, not {type(n).__name__}")
        if n < 1:
            raise ValidationError(
                f"n must be 1 or more (the first training day is n=1), got {n}",
                f"n harus 1 atau lebih (hari pelatihan pertama adalah n=1), bukan {n}",
                component="n",
                value=n,
            )
        if n > _MAX_SPAN_DAYS:
            raise ValidationError(
                f"n={n} training days are more than ten years; at most {_MAX_SPAN_DAYS}",
                f"n={n} hari pelatihan melebihi sepuluh tahun; paling banyak {_MAX_SPAN_DAYS}",
                component="n",
                value=n,
            )
        found = self._find(start, n, days)
        _warn_unconfirmed(start.year, found.year)
        return found

    def unconfirmed_years(self, start: date, end: date) -> tuple[int, ...]:
        """Return the years from ``start`` to ``end`` whose holiday data is not confirmed.

        No warning is emitted; see :func:`is_confirmed_year`.

        Example:
            >>> from datetime import date
            >>> Calendar().unconfirmed_years(date(2024, 1, 1), date(2024, 12, 31))
            ()
            >>> Calendar().unconfirmed_years(date(2001, 6, 1), date(2002, 6, 1))
            (2001,)
        """
        _check_day(start, "start")
        _check_day(end, "end")
        if end < start:
            return ()
        _check_span(start, end)
        return tuple(y for y in range(start.year, end.year + 1) if not is_confirmed_year(y))

    # -- changed copies --------------------------------------------------------

    def with_closures(self, *days_or_closures: date | Closure) -> Calendar:
        """Return this calendar with more closed days.

        Example:
            >>> from datetime import date
            >>> Calendar().with_closures(date(2024, 4, 22)).is_training_day(date(2024, 4, 22))
            False
        """
        return attrs.evolve(self, closures=self.closures | _to_closures(days_or_closures))

    def with_openings(self, *days: date) -> Calendar:
        """Return this calendar with more days open for training.

        Example:
            >>> from datetime import date
            >>> Calendar().with_openings(date(2024, 4, 10)).is_training_day(date(2024, 4, 10))
            True
        """
        return attrs.evolve(self, openings=self.openings | _to_openings(days))
