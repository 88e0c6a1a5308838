"""The ``Calendar``: which days are training days, and counting them.

The official closed days (:mod:`pelatihan.calendar._holidays`) with an organiser's
closures and openings; the weekdays that count; the checks every query makes. The public
names are offered, and documented, by :mod:`pelatihan.calendar`.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from pelatihan.calendar._holidays import (
    Closure,
    ClosureKind,
    _check_day,
    _sort_key,
    _warn_unconfirmed,
    _year,
    is_confirmed_year,
)
from pelatihan.errors import ValidationError

WORKWEEK: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # documented in pelatihan.calendar
SIX_DAY_WEEK: frozenset[int] = frozenset({0, 1, 2, 3, 4, 5})  # documented in pelatihan.calendar

_ALL_WEEKDAYS = frozenset(range(7))
_MAX_SPAN_DAYS = 3660
_ONE_DAY = datetime.timedelta(days=1)
_AGENCY_NAME = "closed by the organiser"


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
