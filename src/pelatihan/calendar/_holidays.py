"""National holidays and *cuti bersama*: the days the official calendar closes.

What closes a day (``Closure``, ``ClosureKind``); each year's national holidays and
*cuti bersama* read once from the ``holidays`` package, always in Indonesian; whether
a year is confirmed, with the warning, once per year, for one that is not; and which
data that is (``CalendarData``). The public names are offered, and documented, by
:mod:`pelatihan.calendar`.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib.util
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import attrs

from pelatihan._memo import remember

_FIRST_CONFIRMED_YEAR = 2002


class ClosureKind(enum.Enum):
    """Why a day is closed.

    The values of the two official kinds are the ``holidays`` package's
    category names.

    Example:
        >>> ClosureKind("government")
        <ClosureKind.CUTI_BERSAMA: 'government'>

    Attributes:
        PUBLIC_HOLIDAY: A national holiday (*hari libur nasional*) of the SKB 3 Menteri.
        CUTI_BERSAMA: Collective leave (*cuti bersama*) of the SKB 3 Menteri.
        AGENCY: A day the user closed: a regional holiday, an agency's day off.
    """

    PUBLIC_HOLIDAY = "public"
    CUTI_BERSAMA = "government"
    AGENCY = "agency"


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
    entries = _indonesia()(years=year, categories=(category,), language="id")
    return {day: Closure(day, name, kind) for day, name in entries.items() if day.year == year}


_COUNTRY: list[Callable[..., Mapping[date, str]]] = []
"""The ``holidays`` package's calendar of Indonesia, once loaded (:func:`_indonesia`)."""


def _indonesia() -> Callable[..., Mapping[date, str]]:
    """The ``holidays`` package's calendar of Indonesia, as ``holidays.country_holidays("ID")``.

    Its module is loaded alone, from the package's ``countries`` folder. Importing
    it as ``holidays.countries.indonesia`` would import the ``holidays.countries``
    package first, which imports the module of each of its 250 countries: about
    0.12 s of a command's start, for one country. Where the package is not laid
    out so, or the module cannot be loaded alone, the package's own way is taken.
    The holidays read either way are the same (``tests/test_calendar.py``).
    """
    if _COUNTRY:
        return _COUNTRY[0]
    import holidays  # noqa: PLC0415 - about 0.1 s: imported when a year is first needed

    country: Callable[..., Mapping[date, str]]
    try:
        country = _alone(Path(holidays.__file__).with_name("countries") / "indonesia.py")
    except Exception:  # another layout, or a module that needs its package: the package's way
        country = functools.partial(holidays.country_holidays, "ID")
    _COUNTRY.append(country)
    return country


def _alone(path: Path) -> Callable[..., Mapping[date, str]]:
    """The class ``Indonesia`` of the module at ``path``, loaded under a name of its own."""
    spec = importlib.util.spec_from_file_location("pelatihan.calendar._holidays_id", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not put in sys.modules: the package's own stays as it is
    country: Callable[..., Mapping[date, str]] = module.Indonesia
    return country


def load_library() -> None:
    """Load the ``holidays`` package's calendar of Indonesia now, as reading a first year would.

    It takes about 0.1 s (importing the package). A process about to fork
    workers that read years calls it first: they start with it loaded, instead
    of each loading it again.
    """
    _indonesia()


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


@attrs.frozen
class CalendarData:
    """The holiday data the calendar reads: the ``holidays`` package and the years it confirms.

    Day counts, and so reports, depend on it: the JSON report of ``pelatihan
    validate`` gives it under ``"calendar"``, and ``pelatihan --version`` names it.

    Example:
        >>> data = calendar_data()
        >>> data.confirmed_years[0], 2025 in data.confirmed_years
        (2002, True)
        >>> CalendarData("0.109", range(2002, 2028)).to_dict()
        {'holidays': '0.109', 'confirmed_years': [2002, 2027]}
        >>> print(CalendarData("0.109", range(2002, 2028)).describe("id"))
        holidays 0.109: hari libur nasional dan cuti bersama sudah ditetapkan untuk tahun 2002-2027

    Attributes:
        holidays_version: The installed version of the ``holidays`` package.
        confirmed_years: The years from 2002 on whose holidays and *cuti bersama*
            it confirms (:func:`is_confirmed_year`), up to the first year it does not.
    """

    holidays_version: str
    confirmed_years: range

    def to_dict(self) -> dict[str, object]:
        """As JSON data: the version, and the first and last confirmed years (``[]`` for none)."""
        years = self.confirmed_years
        return {
            "holidays": self.holidays_version,
            "confirmed_years": [years[0], years[-1]] if years else [],
        }

    def describe(self, lang: str = "en") -> str:
        """One line in English (``"en"``) or Indonesian (``"id"``) naming the data."""
        years = self.confirmed_years
        span = f"{years[0]}-{years[-1]}" if years else ("none", "tidak ada")[lang == "id"]
        if lang == "id":
            return (
                f"holidays {self.holidays_version}: hari libur nasional dan cuti bersama sudah "
                f"ditetapkan untuk tahun {span}"
            )
        return (
            f"holidays {self.holidays_version}: national holidays and cuti bersama confirmed "
            f"for {span}"
        )


def calendar_data() -> CalendarData:
    """The holiday data in use: the installed ``holidays`` and the years it confirms.

    Looks at each year from 2002 on up to the first one that is not confirmed
    (:func:`is_confirmed_year`; each year is read once, for the day counts too).
    """
    import importlib.metadata  # noqa: PLC0415 - about 25 ms, for this alone

    year = _FIRST_CONFIRMED_YEAR
    while is_confirmed_year(year):
        year += 1
    return CalendarData(importlib.metadata.version("holidays"), range(_FIRST_CONFIRMED_YEAR, year))
