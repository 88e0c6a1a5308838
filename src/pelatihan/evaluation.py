"""Evaluation and outcomes: final scores, qualification, pass or fail, absences, appointment.

After a cohort ends, each participant's scores decide the outcome. The final
score weighs the components of the regime's evaluation (:class:`Evaluation`
figures of the rulebook): the academic evaluation (20%: written tests type A and
type B in classroom delivery, the MOOC and e-learning tests in blended and
distance delivery — read in Keputusan Kepala LAN 13/2022), the attitude and
behaviour evaluation (*sikap perilaku*) and the actualisation evaluation
(*aktualisasi*). The weights of the last two are **not established**: the
shipped rulebooks cannot compute a final score, and say so
(:class:`~pelatihan.rulebooks.OpenFigureError` naming the figures), until you
supply them in a rulebook variant:

    >>> from decimal import Decimal
    >>> from pelatihan import rulebooks
    >>> from pelatihan.evaluation import final_score, qualification, evaluate, Result
    >>> book = rulebooks.get("perlan-1-2021+10-2021")
    >>> scores = {"mooc_test": 80, "elearning_test": 78, "attitude": 85, "actualisation": 88}
    >>> final_score(scores, "blended", book)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pelatihan.rulebook.OpenFigureError: ... 'evaluation.actualisation_weight', so ...
    >>> mine = book.variant("contoh", {"evaluation.attitude_weight": 40,
    ...                                "evaluation.actualisation_weight": 40})
    >>> final_score(scores, "blended", mine)
    Decimal('85.00')
    >>> qualification(Decimal("85.00"), mine)
    <Qualification.MEMUASKAN: 'Memuaskan'>

Scores are :class:`~decimal.Decimal` throughout, so 70.005 and 70.01 never
suffer float surprises; a final score is rounded half up to two decimals
(``evaluation.score_places``, a default). A participant passes with a final
score of at least the pass mark (70.01). A participant who reaches it only after
remediation is recorded at exactly 70.01 (*Cukup Memuaskan*). Absences beyond
the regime's limits (6 sessions, 18 JP or 2 days, reported for 2021 blended
cohorts) put a participant at risk of failing. Whoever passes can be appointed
PNS from the first day of the following month.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import attrs
from dateutil.relativedelta import relativedelta

from pelatihan.errors import ValidationError, quote
from pelatihan.legal import get as get_instrument
from pelatihan.provenance import Citation, Figure, Source, Status
from pelatihan.rulebooks import OpenFigureError, Rulebook
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
    "components",
    "evaluate",
    "final_score",
    "probation_end",
    "probation_months",
    "qualification",
    "to_score",
]

ATTITUDE = "attitude"
"""The component key of the attitude and behaviour evaluation (*sikap perilaku*)."""
ACTUALISATION = "actualisation"
"""The component key of the actualisation evaluation (*aktualisasi*)."""

_HUNDRED = Decimal(100)


class InvalidScore(ValidationError):
    """A score that is not a number from 0 to 100."""

    code = "results.score"


class IncompleteScores(ValidationError):
    """Scores that lack a component the method's evaluation needs."""

    code = "results.incomplete"


class Qualification(enum.Enum):
    """The qualification bands (*kualifikasi*), best first."""

    SANGAT_MEMUASKAN = "Sangat Memuaskan"
    """Very satisfactory."""
    MEMUASKAN = "Memuaskan"
    """Satisfactory."""
    CUKUP_MEMUASKAN = "Cukup Memuaskan"
    """Sufficiently satisfactory: the lowest passing band."""
    KURANG_MEMUASKAN = "Kurang Memuaskan"
    """Less than satisfactory."""
    TIDAK_MEMUASKAN = "Tidak Memuaskan"
    """Unsatisfactory."""

    @property
    def key(self) -> str:
        """The band's key in the rulebook's figure paths (``"cukup_memuaskan"``)."""
        return self.name.lower()


class OutcomeStatus(enum.Enum):
    """Whether a participant passed."""

    PASSED = "passed"
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


def components(method: Method | str, rulebook: Rulebook) -> dict[str, Figure[int | None]]:
    """The score components of a method's evaluation, with their weights in percent.

    Example:
        >>> from pelatihan import rulebooks
        >>> weights = components("klasikal", rulebooks.get("perlan-1-2021+10-2021"))
        >>> {key: figure.value for key, figure in weights.items()}
        {'type_a': 10, 'type_b': 10, 'attitude': None, 'actualisation': None}
    """
    method = Method.parse(method)
    evaluation = rulebook.evaluation
    parts: dict[str, Figure[int | None]] = {}
    for part_method, named in evaluation.academic_parts:
        if part_method is method:
            parts.update(dict(named))
    parts[ATTITUDE] = evaluation.attitude_weight
    parts[ACTUALISATION] = evaluation.actualisation_weight
    return parts


def _places(rulebook: Rulebook) -> Decimal:
    return Decimal(1).scaleb(-rulebook.evaluation.score_places.value)


def final_score(scores: Mapping[str, object], method: Method | str, rulebook: Rulebook) -> Decimal:
    """The final score: the weighted sum of the components, rounded half up.

    Raises:
        OpenFigureError: If a weight the method needs is not established (the
            message names the figures to supply in a rulebook variant), or the
            weights do not add up to 100.
        IncompleteScores: If a component the method needs has no score.
        InvalidScore: If a score is not a number from 0 to 100.
    """
    method = Method.parse(method)
    weights = components(method, rulebook)
    open_paths = [
        _weight_path(method, key) for key, figure in weights.items() if figure.value is None
    ]
    if open_paths:
        listed = ", ".join(repr(path) for path in open_paths)
        raise OpenFigureError(
            f"{rulebook.title} does not establish the weights {listed}, so no final score can be "
            "computed; supply them in a rulebook variant (Rulebook.variant)",
            f"{rulebook.title} belum menetapkan bobot {listed}, sehingga nilai akhir tidak dapat "
            "dihitung; isi bobot tersebut dalam varian buku aturan (Rulebook.variant)",
            value=open_paths,
        )
    total_weight = sum(figure.value or 0 for figure in weights.values())
    if total_weight != 100:
        raise OpenFigureError(
            f"the weights of {method.value} evaluation in {rulebook.title} add up to "
            f"{total_weight}, not 100",
            f"bobot evaluasi {method.value} dalam {rulebook.title} berjumlah {total_weight}, "
            "bukan 100",
            value=total_weight,
        )
    given = _scores(scores)
    missing = [key for key in weights if key not in given]
    if missing:
        raise IncompleteScores(
            f"no score for {', '.join(missing)}",
            f"nilai {', '.join(missing)} belum ada",
            value=missing,
        )
    total = sum(
        (Decimal(figure.value or 0) * given[key] for key, figure in weights.items()), Decimal(0)
    )
    return (total / _HUNDRED).quantize(_places(rulebook), rounding=ROUND_HALF_UP)


def _weight_path(method: Method, key: str) -> str:
    if key == ATTITUDE:
        return "evaluation.attitude_weight"
    if key == ACTUALISATION:
        return "evaluation.actualisation_weight"
    return f"evaluation.academic_parts.{method.value}.{key}"


def qualification(score: Decimal, rulebook: Rulebook) -> Qualification:
    """The qualification band of a final score.

    A score is in the first band whose edge it exceeds; the last band takes
    every lower score.

    Example:
        >>> from decimal import Decimal
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-12-2018")
        >>> [qualification(Decimal(s), book).value for s in ("90.01", "90", "70.01", "70")]
        ['Sangat Memuaskan', 'Memuaskan', 'Cukup Memuaskan', 'Kurang Memuaskan']
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
        status: Passed, failed, or incomplete.
        final_score: The computed final score, when it can be computed.
        recorded_score: The score recorded (70.01 after remediation).
        qualification: The qualification band of the recorded score.
        absences_over: The absence limits crossed (``"sessions"``, ``"jp"``, ``"days"``).
        appointment_from: The earliest day of appointment as PNS, for a
            participant who passed on a known day.
        probation_end: The last day of the participant's probation year, when
            the TMT CPNS is known.
        reason: Why the outcome is incomplete, when it is (English).
        reason_id: The same in Indonesian.
    """

    status: OutcomeStatus
    final_score: Decimal | None = None
    recorded_score: Decimal | None = None
    qualification: Qualification | None = None
    absences_over: tuple[str, ...] = ()
    appointment_from: datetime.date | None = None
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


def evaluate(
    result: Result,
    method: Method | str,
    rulebook: Rulebook,
    *,
    tmt: datetime.date | None = None,
) -> Outcome:
    """The outcome of a participant's results.

    Args:
        result: The participant's results.
        method: The cohort's delivery method.
        rulebook: The rulebook whose evaluation figures apply.
        tmt: The TMT CPNS, to give the end of the probation year.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021").variant(
        ...     "contoh", {"evaluation.attitude_weight": 40, "evaluation.actualisation_weight": 40})
        >>> result = Result("19950417 202403 2 004",
        ...                 {"type_a": 60, "type_b": 62, "attitude": 72, "actualisation": 75},
        ...                 remediated=True, passed_on=datetime.date(2024, 8, 20))
        >>> outcome = evaluate(result, "klasikal", book)
        >>> outcome.status.value, outcome.final_score, outcome.recorded_score
        ('passed', Decimal('71.00'), Decimal('70.01'))
        >>> outcome.qualification.value, outcome.appointment_from
        ('Cukup Memuaskan', datetime.date(2024, 9, 1))
    """
    over = absences_over(result.absences, rulebook)
    deadline = probation_end(tmt) if tmt is not None else None
    try:
        score = final_score(result.scores, method, rulebook)
    except (OpenFigureError, IncompleteScores) as error:
        return Outcome(
            OutcomeStatus.INCOMPLETE,
            absences_over=over,
            probation_end=deadline,
            reason=error.message_en,
            reason_id=error.message_id,
        )
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
    passed = recorded >= pass_mark
    appointment = None
    months = evaluation.appointment_months_after.value
    if passed and result.passed_on is not None and months is not None:
        appointment = add_months(result.passed_on.replace(day=1), months)
    return Outcome(
        OutcomeStatus.PASSED if passed else OutcomeStatus.FAILED,
        final_score=score,
        recorded_score=recorded,
        qualification=qualification(recorded, rulebook),
        absences_over=over,
        appointment_from=appointment,
        probation_end=deadline,
    )
