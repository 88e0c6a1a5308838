"""Participants, organisers and cohorts (*angkatan*).

A :class:`Cohort` is one *angkatan* of a Latsar track: its organiser, its
schedule (phases, or just a first day to plan from), and its participants. The
models hold what an HR export says, typed where the type is unambiguous
(dates, the track, the method) and as written where a rule decides whether it
is right (the NIP and the grade are checked by :func:`pelatihan.validate`, so
that one bad value never hides the others).

    >>> import datetime
    >>> from pelatihan import Cohort, Organizer, Participant
    >>> cohort = Cohort(
    ...     id="jatim-2019-gol-iii-1",
    ...     name="Angkatan XII",
    ...     track="III",
    ...     method="klasikal",
    ...     organizer=Organizer("BPSDM Provinsi Jawa Timur", accredited=True),
    ...     start=datetime.date(2019, 10, 17),
    ...     participants=[Participant("19950417 201903 2 004", "Dewi Lestari", "III/a", "Dinkes")],
    ... )
    >>> cohort.number, cohort.track.title
    (12, 'Pelatihan Dasar CPNS Golongan III')
    >>> cohort.schedule().days_total
    51
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

import attrs

from pelatihan import nip as nip_module
from pelatihan.calendar import Calendar
from pelatihan.errors import ValidationError
from pelatihan.evaluation import Result
from pelatihan.grades import Grade, Track
from pelatihan.nip import Sex
from pelatihan.rulebooks import OpenFigureError, Rulebook
from pelatihan.schedule import (
    DEFAULT_CALENDAR,
    Phase,
    Schedule,
    method_or_none,
    phases_tuple,
    plan_schedule,
    track_or_none,
)
from pelatihan.training import Method

__all__ = ["Cohort", "Organizer", "Participant", "int_to_roman", "roman_to_int", "tmt_of"]


def _text(value: Grade | str) -> str:
    return str(value)


def _sex(value: Sex | str | None) -> Sex | None:
    return None if value is None else Sex.parse(value)


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(value)


def _results(value: Iterable[Result]) -> tuple[Result, ...]:
    return tuple(value)


@attrs.frozen
class Participant:
    """A CPNS taking Latsar.

    Args:
        nip: The NIP as written in the export (checked by the NIP rules).
        name: The participant's name.
        grade: The grade as written (``"III/a"``, ``"Penata Muda"``; a
            :class:`~pelatihan.Grade` is written canonically).
        agency: The government agency (*instansi*) the participant works for.
        birth_date: The date of birth, if the export gives it (checked against the NIP).
        sex: The sex, if given (``"L"``/``"P"`` or a :class:`~pelatihan.nip.Sex`).
        tmt_cpns: The date the CPNS appointment took effect, if given.
        education: The education level as written (``"S-1"``), if given.
        position: The position (*jabatan*), if given.
        rank: The rank name (*pangkat*) as written (``"Penata Muda"``), if the
            export gives it in a column of its own; checked against ``grade``.
    """

    nip: str
    name: str
    grade: str = attrs.field(converter=_text)
    agency: str
    birth_date: datetime.date | None = None
    sex: Sex | None = attrs.field(default=None, converter=_sex)
    tmt_cpns: datetime.date | None = None
    education: str | None = None
    position: str | None = None
    rank: str | None = None


def tmt_of(person: Participant) -> datetime.date | None:
    """The participant's TMT CPNS: as given, or the first day of the NIP's TMT month.

    ``None`` when neither tells it (no TMT given, and a NIP that is not valid).

    Example:
        >>> tmt_of(Participant("19950417 201903 2 004", "Dewi", "III/a", "Dinkes"))
        datetime.date(2019, 3, 1)
        >>> tmt_of(Participant("123", "Dewi", "III/a", "Dinkes")) is None
        True
    """
    if person.tmt_cpns is not None:
        return person.tmt_cpns
    try:
        return nip_module.parse(person.nip).tmt.first_day
    except ValidationError:
        return None


@attrs.frozen
class Organizer:
    """The training institution running a cohort.

    Args:
        name: Its name (``"BPSDM Provinsi Jawa Timur"``).
        accredited: Whether LAN has accredited it: ``True``, ``False``, or
            ``None`` when not known.
    """

    name: str
    accredited: bool | None = None


_ROMAN = re.compile(r"\b(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\b")
_ARABIC = re.compile(r"\b(\d{1,4})\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def int_to_roman(number: int) -> str:
    """Write a number from 1 to 3999 in Roman numerals (88 is ``"LXXXVIII"``).

    Raises:
        ValueError: If ``number`` is not from 1 to 3999.

    Example:
        >>> int_to_roman(88), roman_to_int(int_to_roman(1999))
        ('LXXXVIII', 1999)
    """
    if not 1 <= number <= 3999:
        raise ValueError(f"no Roman numeral for {number}: 1 to 3999 only")
    parts: list[str] = []
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(numeral * count)
    return "".join(parts)


_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman_to_int(text: str) -> int:
    """Read a Roman numeral (``"LXXXVIII"`` is 88).

    Raises:
        ValueError: If ``text`` is not a well-formed Roman numeral.

    Example:
        >>> roman_to_int("LXXXVIII"), roman_to_int("xii")
        (88, 12)
    """
    numeral = text.strip().upper()
    if not numeral or _ROMAN.fullmatch(numeral) is None:
        raise ValueError(f"not a Roman numeral: {text!r}")
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


@attrs.frozen
class Cohort:
    """One cohort (*angkatan*) of a Latsar track.

    Args:
        id: A stable identifier of the cohort in its organiser's records.
        name: Its name (``"Angkatan LXXXVIII"``); a number in Roman or Arabic
            numerals in it is read as :attr:`number`.
        track: The Latsar track (``"II"`` or ``"III"``).
        method: The delivery method (``"klasikal"``, ``"blended"``, ``"distance"``).
        organizer: The organising institution.
        phases: The schedule's phases, when known.
        participants: The participants.
        regime: The regime the cohort claims (a regime id); by default the one in
            force on its first day.
        start: The first day, for a cohort whose phases are not given: its
            schedule is then planned from the rulebook.
        klasikal_approved: Whether the Head of LAN approved classroom delivery.
        results: The participants' evaluation results, once the cohort has ended.
    """

    id: str
    name: str
    track: Track | None = attrs.field(default=None, converter=track_or_none)
    method: Method | None = attrs.field(default=None, converter=method_or_none)
    organizer: Organizer | None = None
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=phases_tuple)
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=_participants)
    regime: str | None = None
    start: datetime.date | None = None
    klasikal_approved: bool = False
    results: tuple[Result, ...] = attrs.field(default=(), converter=_results)

    @property
    def number(self) -> int | None:
        """The cohort's number read from its name (``"Angkatan XII"`` is 12), if any.

        Example:
            >>> Cohort("x", "Angkatan LXXXVIII").number, Cohort("y", "Angkatan 7").number
            (88, 7)
        """
        words = self.name.split()
        for word in reversed(words):
            if _ARABIC.fullmatch(word):
                return int(word)
            try:
                return roman_to_int(word)
            except ValueError:
                continue
        return None

    @property
    def first_day(self) -> datetime.date | None:
        """The first day: the earliest phase start, else :attr:`start`."""
        if self.phases:
            return min(phase.start for phase in self.phases)
        return self.start

    def schedule(
        self, calendar: Calendar | None = None, rulebook: Rulebook | None = None
    ) -> Schedule | None:
        """The cohort's schedule: its phases, or a plan from its first day.

        Returns ``None`` when there are no phases and no plan can be made (no
        first day or method, a date before any regime, or a figure the plan needs
        is not established).
        """
        calendar = calendar or DEFAULT_CALENDAR
        if self.phases:
            return Schedule(
                self.phases,
                calendar=calendar,
                regime=self.regime,
                method=self.method,
                track=self.track,
                klasikal_approved=self.klasikal_approved,
            )
        if self.start is None or self.method is None:
            return None
        try:
            return plan_schedule(
                self.start,
                self.track or Track.III,
                self.method,
                calendar=calendar,
                rulebook=rulebook,
                klasikal_approved=self.klasikal_approved,
            )
        except (OpenFigureError, LookupError, ValueError):
            return None
