"""Evaluation and outcomes: final scores, qualification, passing, deferral, absences, appointment.

After a cohort ends, each participant's scores decide the outcome. The final
score weighs the scored components of the regime's evaluation (the
:class:`~pelatihan.rulebook.Component` values of the rulebook, each with its
weight and the delivery methods it applies to). Under the 2022 guideline
(Keputusan Kepala LAN 13/2022) these are the academic evaluation (20%: written
tests type A and type B in classroom delivery, the MOOC and e-learning tests in
blended and distance delivery), the attitude and behaviour evaluation (*sikap
perilaku*) and the actualisation evaluation (*aktualisasi*). The weights of the
last two are **not established**: those rulebooks cannot compute a final score,
and say so (:class:`~pelatihan.rulebooks.OpenFigureError` naming the figures),
until you supply them in a rulebook variant:

    >>> from decimal import Decimal
    >>> from pelatihan import rulebooks
    >>> from pelatihan.evaluation import final_score, qualification, evaluate, Result
    >>> book = rulebooks.get("perlan-1-2021+10-2021")
    >>> scores = {"mooc_test": 80, "elearning_test": 78, "attitude": 85, "actualisation": 88}
    >>> final_score(scores, "blended", book)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pelatihan.rulebook.OpenFigureError: ... 'evaluation.components.actualisation.weight', so ...
    >>> mine = book.variant("contoh", {"evaluation.components.attitude.weight": 40,
    ...                                "evaluation.components.actualisation.weight": 40})
    >>> final_score(scores, "blended", mine)
    Decimal('85.00')
    >>> qualification(Decimal("85.00"), mine)
    <Qualification.MEMUASKAN: 'Memuaskan'>

For 2025 cohorts (Keputusan Kepala LAN 580 and 581/2024) organisers report
five components whose weights add up to 100 (SEC), so the shipped rulebook
computes a final score:

    >>> new = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
    >>> final_score({"mooc_test": 80, "elearning_test": 78, "actualisation_plan": 85,
    ...              "actualisation_results": 88, "attitude": 90,
    ...              "technical_competence": 82}, "blended", new)
    Decimal('85.00')

Scores are :class:`~decimal.Decimal` throughout, so 70.005 and 70.01 never
suffer float surprises; a final score is rounded half up to two decimals
(``evaluation.score_places``, a default). A participant passes with a final
score of at least the pass mark (70.01). A score of 60.01 to 70.00 (*Ditunda
Kelulusannya*) defers graduation: the participant must still take remediation,
and passes with exactly 70.01 (*Cukup Memuaskan*) on reaching the pass mark
after it. Absences beyond the regime's limits (6 sessions, 18 JP or 2 days,
reported for 2021 blended cohorts) put a participant at risk of failing.
Whoever passes can be appointed PNS only after the probation year
(:func:`appointment_day`).
"""

from __future__ import annotations

import contextlib
import datetime
import enum
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import attrs
from dateutil.relativedelta import relativedelta

from pelatihan.errors import ValidationError, quote
from pelatihan.legal import get as get_instrument
from pelatihan.provenance import Citation, Figure, Source, Status
from pelatihan.rulebooks import Component, OpenFigureError, Rulebook
from pelatihan.training import Method

__all__ = [
    "ACTUALISATION",
    "ATTITUDE",
    "PROBATION_MONTHS_UU_5_2014",
    "PROBATION_MONTHS_UU_20_2023",
    "Absences",
    "IncompleteScores",
    "InvalidScore",
    "Outcome",
    "OutcomeStatus",
    "Qualification",
    "Result",
    "absences_over",
    "add_months",
    "appointment_day",
    "components",
    "evaluate",
    "final_score",
    "missing_scores",
    "open_weights",
    "probation_end",
    "probation_months",
    "qualification",
    "remediation_deadline",
    "to_score",
    "weight_path",
]

ATTITUDE = "attitude"
"""The component key of the attitude and behaviour evaluation (*sikap perilaku*)."""
ACTUALISATION = "actualisation"
"""The component key of the actualisation evaluation (*aktualisasi*) as one component."""

_HUNDRED = Decimal(100)


class InvalidScore(ValidationError):
    """A score that is not a number from 0 to 100."""

    code = "results.score"


class IncompleteScores(ValidationError):
    """Scores that lack a component the method's evaluation needs (``value``: their keys)."""

    code = "results.incomplete"


class Qualification(enum.Enum):
    """The qualification bands (*kualifikasi*), best first."""

    SANGAT_MEMUASKAN = "Sangat Memuaskan"
    """Very satisfactory."""
    MEMUASKAN = "Memuaskan"
    """Satisfactory."""
    CUKUP_MEMUASKAN = "Cukup Memuaskan"
    """Sufficiently satisfactory: the lowest passing band."""
    DITUNDA_KELULUSANNYA = "Ditunda Kelulusannya"
    """Graduation deferred: below the pass mark, remediation remains (60.01 to 70.00)."""
    TIDAK_MEMUASKAN = "Tidak Memuaskan"
    """Unsatisfactory: failed."""

    @property
    def key(self) -> str:
        """The band's key in the rulebook's figure paths (``"cukup_memuaskan"``)."""
        return self.name.lower()


class OutcomeStatus(enum.Enum):
    """Whether a participant passed."""

    PASSED = "passed"
    DEFERRED = "deferred"
    """Graduation deferred (*ditunda*): below the pass mark, in the band *Ditunda
    Kelulusannya*, and not yet remediated; remediation remains to be done."""
    FAILED = "failed"
    INCOMPLETE = "incomplete"
    """Scores are missing, or the rulebook cannot compute a final score."""


def to_score(value: object) -> Decimal:
    """Read a score: a number (or numeric text, ``,`` or ``.`` as decimal mark) from 0 to 100.

    Floats are read through their shortest text, so ``70.01`` stays ``70.01``.

    Raises:
        InvalidScore: If the value is not such a number.

    Example:
        >>> to_score("70,01"), to_score(85), to_score(70.01)
        (Decimal('70.01'), Decimal('85'), Decimal('70.01'))
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
        number = None
    else:
        text = str(value).strip().replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite() or not 0 <= number <= _HUNDRED:
        raise InvalidScore(
            f"a score must be a number from 0 to 100, got {quote(value)}",
            f"nilai harus berupa angka 0 sampai 100, bukan {quote(value)}",
            value=value if isinstance(value, (int, str)) else str(value),
        )
    return number


@attrs.frozen
class Absences:
    """A participant's absences, counted cumulatively.

    Args:
        sessions: Sessions missed.
        jp: Lesson hours (JP) missed.
        days: Days missed.
    """

    sessions: int = 0
    jp: Decimal = attrs.field(default=Decimal(0), converter=Decimal)
    days: int = 0


def _scores(value: Mapping[str, object]) -> dict[str, Decimal]:
    return {str(key): to_score(score) for key, score in value.items()}


@attrs.frozen(hash=False)
class Result:
    """A participant's evaluation results.

    Args:
        nip: The participant's NIP, as in the cohort.
        scores: Score per component (see :func:`components`), 0 to 100.
        absences: The participant's absences.
        remediated: Whether the scores are those after remediation.
        passed_on: The day the results were decided, when known.
    """

    nip: str
    scores: Mapping[str, Decimal] = attrs.field(factory=dict, converter=_scores)
    absences: Absences = Absences()
    remediated: bool = False
    passed_on: datetime.date | None = None


def components(method: Method | str, rulebook: Rulebook) -> dict[str, Component]:
    """The scored components of a method's evaluation, by key, with their weights in percent.

    Example:
        >>> from pelatihan import rulebooks
        >>> parts = components("klasikal", rulebooks.get("perlan-1-2021+10-2021"))
        >>> {key: part.weight.value for key, part in parts.items()}
        {'type_a': 10, 'type_b': 10, 'attitude': None, 'actualisation': None}
        >>> list(components("blended", rulebooks.get("perlan-1-2021+10-2021+kep-2024")))
        ['mooc_test', 'elearning_test', 'actualisation_plan', 'actualisation_results', \
'attitude', 'technical_competence']
    """
    return {part.key: part for part in rulebook.evaluation.of(method)}


def weight_path(key: str) -> str:
    """The figure path of a component's weight, for :meth:`~pelatihan.Rulebook.variant`.

    Example:
        >>> weight_path("attitude")
        'evaluation.components.attitude.weight'
    """
    return f"evaluation.components.{key}.weight"


def open_weights(method: Method | str, rulebook: Rulebook) -> list[str]:
    """The figure paths of the weights a method's evaluation needs and the rulebook lacks.

    Example:
        >>> from pelatihan import rulebooks
        >>> open_weights("blended", rulebooks.get("perlan-1-2021"))
        ['evaluation.components.attitude.weight', 'evaluation.components.actualisation.weight']
        >>> open_weights("blended", rulebooks.get("perlan-1-2021+10-2021+kep-2024"))
        []
    """
    return [
        weight_path(key)
        for key, part in components(method, rulebook).items()
        if part.weight.value is None
    ]


def missing_scores(
    scores: Mapping[str, object], method: Method | str, rulebook: Rulebook
) -> list[str]:
    """The keys of the components a method's evaluation has and ``scores`` lacks.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
        >>> missing_scores({"mooc_test": 80, "elearning_test": 75, "attitude": 80},
        ...                "blended", book)
        ['actualisation_plan', 'actualisation_results', 'technical_competence']
    """
    return [key for key in components(method, rulebook) if key not in scores]


def _named(keys: list[str], parts: Mapping[str, Component]) -> tuple[str, str]:
    en = ", ".join(f"{key} ({parts[key].name_en})" if key in parts else key for key in keys)
    id_ = ", ".join(f"{key} ({parts[key].name_id})" if key in parts else key for key in keys)
    return en, id_


def _places(rulebook: Rulebook) -> Decimal:
    return Decimal(1).scaleb(-rulebook.evaluation.score_places.value)


def final_score(scores: Mapping[str, object], method: Method | str, rulebook: Rulebook) -> Decimal:
    """The final score: the weighted sum of the method's components, rounded half up.

    Raises:
        OpenFigureError: If the method's evaluation has no components, a weight
            it needs is not established (the message names the figures to
            supply in a rulebook variant), or the weights do not add up to 100.
        IncompleteScores: If a component the method needs has no score.
        InvalidScore: If a score is not a number from 0 to 100.
    """
    method = Method.parse(method)
    parts = components(method, rulebook)
    if not parts:
        raise OpenFigureError(
            f"{rulebook.title} establishes no evaluation components for {method.value} "
            "delivery, so no final score can be computed; supply them in a rulebook variant",
            f"{rulebook.title} tidak menetapkan komponen evaluasi untuk metode {method.value}, "
            "sehingga nilai akhir tidak dapat dihitung; isi dalam varian buku aturan",
            value=method.value,
        )
    open_paths = open_weights(method, rulebook)
    if open_paths:
        listed = ", ".join(repr(path) for path in open_paths)
        raise OpenFigureError(
            f"{rulebook.title} does not establish the weights {listed}, so no final score can be "
            "computed; supply them in a rulebook variant (Rulebook.variant)",
            f"{rulebook.title} belum menetapkan bobot {listed}, sehingga nilai akhir tidak dapat "
            "dihitung; isi bobot tersebut dalam varian buku aturan (Rulebook.variant)",
            value=open_paths,
        )
    total_weight = sum(part.weight.value or 0 for part in parts.values())
    if total_weight != 100:
        raise OpenFigureError(
            f"the weights of {method.value} evaluation in {rulebook.title} add up to "
            f"{total_weight}, not 100",
            f"bobot evaluasi {method.value} dalam {rulebook.title} berjumlah {total_weight}, "
            "bukan 100",
            value=total_weight,
        )
    given = _scores(scores)
    missing = missing_scores(given, method, rulebook)
    if missing:
        en, id_ = _named(missing, parts)
        raise IncompleteScores(f"no score for {en}", f"nilai {id_} belum ada", value=missing)
    total = sum(
        (Decimal(part.weight.value or 0) * given[key] for key, part in parts.items()), Decimal(0)
    )
    return (total / _HUNDRED).quantize(_places(rulebook), rounding=ROUND_HALF_UP)


def qualification(score: Decimal, rulebook: Rulebook) -> Qualification:
    """The qualification band of a final score.

    A score is in the first band whose edge it exceeds; the last band takes
    every lower score.

    Example:
        >>> from decimal import Decimal
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-12-2018")
        >>> [qualification(Decimal(s), book).value for s in ("90.01", "90", "70.01", "70")]
        ['Sangat Memuaskan', 'Memuaskan', 'Cukup Memuaskan', 'Ditunda Kelulusannya']
    """
    for key, figure in rulebook.evaluation.bands:
        edge = figure.value
        if edge is None or score > edge:
            return Qualification[key.upper()]
    return Qualification.TIDAK_MEMUASKAN


@attrs.frozen
class Outcome:
    """What a participant's results come to.

    Args:
        status: Passed, deferred, failed, or incomplete.
        final_score: The computed final score, when it can be computed.
        recorded_score: The score recorded (70.01 after remediation).
        qualification: The qualification band of the recorded score.
        absences_over: The absence limits crossed (``"sessions"``, ``"jp"``, ``"days"``).
        appointment_from: The earliest day of appointment as PNS, for a
            participant who passed, when it can be told (see
            :func:`appointment_day`): the later of the day after the probation
            year ends and the day of passing, so both the TMT CPNS and the day
            of passing must be known. It is the earliest day the sources
            allow, not the day of appointment (TMT PNS), which the appointing
            official sets.
        remediation_by: For a deferred participant, the day by which
            remediation is to be done, when it can be told (see
            :func:`remediation_deadline`; a default, not a figure of the
            regulations).
        probation_end: The last day of the participant's probation year, when
            the TMT CPNS is known.
        reason: Why the outcome is incomplete, or for a deferred participant
            what remains to be done and by when (English).
        reason_id: The same in Indonesian.
    """

    status: OutcomeStatus
    final_score: Decimal | None = None
    recorded_score: Decimal | None = None
    qualification: Qualification | None = None
    absences_over: tuple[str, ...] = ()
    appointment_from: datetime.date | None = None
    remediation_by: datetime.date | None = None
    probation_end: datetime.date | None = None
    reason: str = ""
    reason_id: str = ""


PROBATION_MONTHS_UU_5_2014: Figure[int] = Figure(
    12,
    Status.SEC,
    Citation("uu-5-2014", "Pasal 64 ayat (1)"),
    source=str(Source("https://id.scribd.com/document/571975702", "LAN slides quoting the law")),
    note="The CPNS probation lasts one year from the TMT CPNS; Latsar is taken within it.",
)
"""The probation year under UU 5/2014, for a probation that starts before 31 October 2023.

Example:
    >>> PROBATION_MONTHS_UU_5_2014.value, str(PROBATION_MONTHS_UU_5_2014.basis)
    (12, 'UU 5/2014, Pasal 64 ayat (1)')
"""

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
"""The probation year under UU 20/2023, for a probation that starts on 31 October 2023 or later.

Example:
    >>> PROBATION_MONTHS_UU_20_2023.value, PROBATION_MONTHS_UU_20_2023.status.value
    (12, 'INF')
"""


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


def absences_over(absences: Absences, rulebook: Rulebook) -> tuple[str, ...]:
    """The absence limits of the rulebook that ``absences`` exceed.

    Example:
        >>> from pelatihan import rulebooks
        >>> absences_over(Absences(sessions=7, jp=12, days=2), rulebooks.get("perlan-1-2021"))
        ('sessions',)
    """
    evaluation = rulebook.evaluation
    limits = (
        ("sessions", Decimal(absences.sessions), evaluation.absence_sessions),
        ("jp", absences.jp, evaluation.absence_jp),
        ("days", Decimal(absences.days), evaluation.absence_days),
    )
    return tuple(
        name for name, count, figure in limits if figure.value is not None and count > figure.value
    )


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


def _incomplete(
    result: Result,
    method: Method,
    rulebook: Rulebook,
    error: ValidationError,
    *,
    over: tuple[str, ...],
    deadline: datetime.date | None,
) -> Outcome:
    reason, reason_id = error.message_en, error.message_id
    missing = missing_scores(result.scores, method, rulebook)
    if missing and not isinstance(error, IncompleteScores):
        en, id_ = _named(missing, components(method, rulebook))
        reason += f"; and no score for {en}"
        reason_id += f"; dan nilai {id_} belum ada"
    return Outcome(
        OutcomeStatus.INCOMPLETE,
        absences_over=over,
        probation_end=deadline,
        reason=reason,
        reason_id=reason_id,
    )


def evaluate(
    result: Result,
    method: Method | str,
    rulebook: Rulebook,
    *,
    tmt: datetime.date | None = None,
) -> Outcome:
    """The outcome of a participant's results.

    A participant whose recorded final score reaches the pass mark passes; one
    below it in the band *Ditunda Kelulusannya* whose scores are not yet those
    after remediation is deferred; any other fails (a participant still below
    the pass mark after remediation fails).

    Args:
        result: The participant's results.
        method: The cohort's delivery method.
        rulebook: The rulebook whose evaluation figures apply.
        tmt: The TMT CPNS, for the end of the probation year, the earliest day
            of appointment and the remediation deadline.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
        >>> scores = {"type_a": 60, "type_b": 62, "actualisation_plan": 70,
        ...           "actualisation_results": 66, "attitude": 72, "technical_competence": 70}
        >>> first = evaluate(Result("19950417 202506 2 004", scores,
        ...                         passed_on=datetime.date(2025, 9, 5)),
        ...                  "klasikal", book, tmt=datetime.date(2025, 6, 1))
        >>> first.status.value, first.final_score, first.qualification.value
        ('deferred', Decimal('67.30'), 'Ditunda Kelulusannya')
        >>> first.remediation_by
        datetime.date(2026, 5, 31)
        >>> better = {**scores, "actualisation_results": 80}
        >>> after = evaluate(Result("19950417 202506 2 004", better, remediated=True,
        ...                         passed_on=datetime.date(2025, 10, 3)),
        ...                  "klasikal", book, tmt=datetime.date(2025, 6, 1))
        >>> after.status.value, after.final_score, after.recorded_score
        ('passed', Decimal('71.50'), Decimal('70.01'))
        >>> after.qualification.value, after.appointment_from
        ('Cukup Memuaskan', datetime.date(2026, 6, 1))
    """
    method = Method.parse(method)
    over = absences_over(result.absences, rulebook)
    deadline = probation_end(tmt) if tmt is not None else None
    try:
        score = final_score(result.scores, method, rulebook)
    except (OpenFigureError, IncompleteScores) as error:
        return _incomplete(result, method, rulebook, error, over=over, deadline=deadline)
    evaluation = rulebook.evaluation
    pass_mark = evaluation.pass_mark.value
    if pass_mark is None:
        return Outcome(
            OutcomeStatus.INCOMPLETE,
            final_score=score,
            absences_over=over,
            probation_end=deadline,
            reason=f"{rulebook.title} does not establish the pass mark",
            reason_id=f"{rulebook.title} belum menetapkan batas lulus",
        )
    recorded = score
    if result.remediated and score >= pass_mark and evaluation.remediated_score.value is not None:
        recorded = evaluation.remediated_score.value
    band = qualification(recorded, rulebook)
    if recorded >= pass_mark:
        return Outcome(
            OutcomeStatus.PASSED,
            final_score=score,
            recorded_score=recorded,
            qualification=band,
            absences_over=over,
            appointment_from=appointment_day(result.passed_on, tmt, rulebook),
            probation_end=deadline,
        )
    if band is Qualification.DITUNDA_KELULUSANNYA and not result.remediated:
        by = remediation_deadline(result.passed_on, tmt, rulebook)
        if by is None:
            when_en = "by a deadline not established (evaluation.remediation_days)"
            when_id = "dengan batas waktu yang belum ditetapkan (evaluation.remediation_days)"
        elif by == deadline:
            when_en = f"by {by.isoformat()}, the end of the probation year (a default: INF)"
            when_id = f"paling lambat {by.isoformat()}, akhir masa percobaan (bawaan: INF)"
        else:
            when_en = f"by {by.isoformat()} (evaluation.remediation_days)"
            when_id = f"paling lambat {by.isoformat()} (evaluation.remediation_days)"
        return Outcome(
            OutcomeStatus.DEFERRED,
            final_score=score,
            recorded_score=recorded,
            qualification=band,
            absences_over=over,
            remediation_by=by,
            probation_end=deadline,
            reason=f"graduation deferred: remediation remains, to reach the pass mark "
            f"{pass_mark} {when_en}",
            reason_id=f"kelulusan ditunda: peserta wajib mengikuti remedial hingga mencapai "
            f"batas lulus {pass_mark} {when_id}",
        )
    return Outcome(
        OutcomeStatus.FAILED,
        final_score=score,
        recorded_score=recorded,
        qualification=band,
        absences_over=over,
        probation_end=deadline,
    )
