"""Hypothesis strategies for code that uses ``pelatihan``: valid and realistic invalid values.

Property tests of an HR system need NIPs, grades, participants, cohorts and
schedules that are valid under the rules (and, as often, values that are wrong
in one realistic way). This module gives them; it needs ``hypothesis``
(``pip install 'pelatihan[test]'``).

When ``pelatihan`` is installed next to ``hypothesis``, the strategies are
registered for :func:`hypothesis.strategies.from_type` through hypothesis' entry
point, so ``st.from_type(pelatihan.Participant)`` just works::

    from hypothesis import given, strategies as st
    import pelatihan

    @given(st.from_type(pelatihan.Cohort))
    def test_my_export_round_trips(cohort):
        assert my_system.import_(my_system.export(cohort)) == cohort

Every value drawn is valid by the library's own checks:

    >>> from hypothesis import given, settings
    >>> from pelatihan import nip, validate
    >>> @settings(max_examples=20)
    ... @given(nips())
    ... def check(number):
    ...     assert nip.is_valid(number)
    >>> check()
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from pelatihan import nip as nip_module
from pelatihan.cohort import Cohort, Organizer, Participant
from pelatihan.grades import Grade, Track
from pelatihan.legal import regime_on
from pelatihan.nip import NIP, Sex, YearMonth
from pelatihan.schedule import Schedule, plan_schedule
from pelatihan.training import Method

__all__ = [
    "INVALID_NIP_KINDS",
    "cohorts",
    "grades",
    "invalid_nips",
    "nip_values",
    "nips",
    "participants",
    "schedules",
    "tracks",
]

_NAMES = (
    "Dewi Lestari",
    "Agus Santoso",
    "Siti Aminah",
    "Rizky Pratama",
    "Nur Aini",
    "Bagus Wicaksono",
    "Ratna Sari",
    "Yoga Pramudya",
    "Putu Ayu",
    "Made Wirawan",
    "Fransiska Lumban Gaol",
    "Muhammad Iqbal",
)
_AGENCIES = (
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Badan Pendapatan Daerah",
    "Inspektorat",
    "Bappeda",
    "RSUD",
    "Satpol PP",
    "Kementerian Dalam Negeri",
)


@st.composite
def nip_values(
    draw: st.DrawFn,
    *,
    birth_date: datetime.date | None = None,
    tmt: YearMonth | None = None,
    sex: Sex | None = None,
) -> NIP:
    """Valid parsed NIPs; fix any part by passing it.

    The birth date and TMT keep the holder at least 18 years old and at most 40
    on the first day of the TMT month.
    """
    if tmt is None:
        tmt = draw(
            st.builds(YearMonth, st.integers(min_value=2008, max_value=2026), st.integers(1, 12))
        )
    if birth_date is None:
        latest = datetime.date(tmt.year - 18, tmt.month, 1)
        earliest = datetime.date(tmt.year - 40, tmt.month, 2)
        birth_date = draw(st.dates(min_value=earliest, max_value=latest))
    if sex is None:
        sex = draw(st.sampled_from(Sex))
    serial = draw(st.integers(min_value=1, max_value=999))
    return NIP.from_parts(birth_date, tmt, sex, serial)


def nips(
    *,
    birth_date: datetime.date | None = None,
    tmt: YearMonth | None = None,
    sex: Sex | None = None,
    formatted: bool | None = None,
) -> st.SearchStrategy[str]:
    """Valid NIPs as text: the 18 digits, or spaced (``"19860926 201505 1 001"``).

    Args:
        birth_date: Fix the date of birth.
        tmt: Fix the month of CPNS appointment.
        sex: Fix the sex.
        formatted: ``True`` for the spaced form, ``False`` for bare digits,
            ``None`` for either.
    """
    values = nip_values(birth_date=birth_date, tmt=tmt, sex=sex)
    spaced = st.booleans() if formatted is None else st.just(formatted)
    return st.tuples(values, spaced).map(
        lambda pair: pair[0].formatted if pair[1] else pair[0].compact
    )


INVALID_NIP_KINDS = ("format", "length", "birth-date", "tmt", "pppk", "age", "sex", "serial")
"""The kinds of invalid NIP :func:`invalid_nips` draws, each the suffix of its error code."""


@st.composite
def invalid_nips(draw: st.DrawFn, kind: str | None = None) -> str:
    """NIPs wrong in one realistic way; ``nip.validate`` raises the error of ``kind``.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(invalid_nips("serial"))
        ... def check(number):
        ...     try:
        ...         nip_module.validate(number)
        ...     except nip_module.InvalidSerial:
        ...         return
        ...     raise AssertionError(number)
        >>> check()
    """
    kind = kind or draw(st.sampled_from(INVALID_NIP_KINDS))
    good = draw(nip_values()).compact
    if kind == "format":
        position = draw(st.integers(0, 17))
        return good[:position] + draw(st.sampled_from("OIl/x")) + good[position + 1 :]
    if kind == "length":
        return draw(st.sampled_from([good[:-1], good + "1", good[:9]]))
    if kind == "birth-date":
        year = good[:4]
        return year + draw(st.sampled_from(["0230", "0431", "1301", "0000"])) + good[8:]
    if kind == "tmt":  # month 00, or no month in a year before PPPK numbers (not one of them)
        month = draw(st.sampled_from(["00", "13", "99"]))
        before = good[8:12] if month == "00" else str(draw(st.integers(2008, 2018)))
        return good[:8] + before + month + good[14:]
    if kind == "pppk":  # an NI PPPK: year of first appointment, number of contracts
        appointed = YearMonth(draw(st.integers(2019, 2026)), 1)
        pppk = draw(nip_values(tmt=appointed)).compact
        return pppk[:12] + draw(st.sampled_from(["21", "13", "99"])) + pppk[14:]
    if kind == "age":
        tmt_year = int(good[8:12])
        return f"{tmt_year - draw(st.integers(1, 16)):04d}0101" + good[8:]
    if kind == "sex":
        return good[:14] + draw(st.sampled_from("03456789")) + good[15:]
    if kind == "serial":
        return good[:15] + "000"
    raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(INVALID_NIP_KINDS)}")


def tracks() -> st.SearchStrategy[Track]:
    """The Latsar tracks."""
    return st.sampled_from(Track)


def grades(track: Track | None = None) -> st.SearchStrategy[Grade]:
    """Grades; with ``track``, only grades of that track (golongan I and II for track II)."""
    pool = [g for g in Grade.all() if g.golongan != 4]
    if track is not None:
        pool = [g for g in pool if Track.for_grade(g) is track]
    return st.sampled_from(pool)


@st.composite
def participants(
    draw: st.DrawFn, *, track: Track | None = None, tmt: YearMonth | None = None
) -> Participant:
    """Participants whose NIP, stated birth date, sex and TMT agree, with a grade of ``track``.

    Some also state their rank (*pangkat*), the one of their grade.
    """
    number = draw(nip_values(tmt=tmt))
    grade = draw(grades(track or draw(tracks())))
    return Participant(
        nip=number.formatted,
        name=draw(st.sampled_from(_NAMES)),
        grade=str(grade),
        agency=draw(st.sampled_from(_AGENCIES)),
        birth_date=number.birth_date,
        sex=number.sex,
        tmt_cpns=number.tmt.first_day,
        rank=draw(st.sampled_from((None, grade.pangkat))),
    )


@st.composite
def schedules(
    draw: st.DrawFn,
    *,
    method: Method | None = None,
    start: st.SearchStrategy[datetime.date] | None = None,
) -> Schedule:
    """Schedules planned from the rulebook in force on their first day, so valid by construction.

    Classroom schedules start under PerLAN 12/2018 (2019 to 7 January 2021),
    where the classroom figures are established; blended ones from 8 January
    2021 to 2026.
    """
    method = method or draw(st.sampled_from([Method.KLASIKAL, Method.BLENDED]))
    if start is None:
        if method is Method.KLASIKAL:
            start = st.dates(datetime.date(2019, 1, 1), datetime.date(2021, 1, 7))
        else:
            start = st.dates(datetime.date(2021, 1, 8), datetime.date(2026, 6, 30))
    first = draw(start)
    return plan_schedule(first, draw(tracks()), method)


@st.composite
def cohorts(
    draw: st.DrawFn, *, size: st.SearchStrategy[int] | None = None, method: Method | None = None
) -> Cohort:
    """Valid cohorts: a planned schedule, an accredited organiser, participants of the track.

    Participants are appointed CPNS within the year before the cohort starts,
    so their probation year does not end before Latsar does, and their NIPs
    differ.
    """
    schedule = draw(schedules(method=method))
    start, track = schedule.start, schedule.track
    if start is None or track is None:  # pragma: no cover - a plan always has phases and a track
        raise ValueError("a planned schedule without phases or track")
    tmt = YearMonth.from_date(start - datetime.timedelta(days=draw(st.integers(0, 120))))
    count = draw(size if size is not None else st.integers(min_value=1, max_value=40))
    people = draw(
        st.lists(
            participants(track=track, tmt=tmt),
            min_size=count,
            max_size=count,
            unique_by=lambda person: nip_module.compact(person.nip),
        )
    )
    number = draw(st.integers(min_value=1, max_value=200))
    return Cohort(
        id=f"angkatan-{start.isoformat()}-{number}",
        name=f"Angkatan {number}",
        track=track,
        method=schedule.method,
        organizer=Organizer("BPSDM Contoh", accredited=True),
        phases=schedule.phases,
        participants=people,
        regime=regime_on(start).id,
    )
