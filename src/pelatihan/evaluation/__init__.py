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

import datetime
import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from pelatihan._reexport import adopt
from pelatihan.errors import ValidationError
from pelatihan.evaluation import _probation
from pelatihan.evaluation._probation import (
    add_months,
    appointment_day,
    probation_end,
    probation_months,
    remediation_deadline,
)
from pelatihan.evaluation._scoring import (
    IncompleteScores,
    InvalidScore,
    _named,
    _scores,
    components,
    final_score,
    missing_scores,
    open_weights,
    to_score,
    weight_path,
)
from pelatihan.provenance import Figure
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


PROBATION_MONTHS_UU_5_2014: Figure[int] = _probation.PROBATION_MONTHS_UU_5_2014
"""The probation year under UU 5/2014, for a probation that starts before 31 October 2023.

Example:
    >>> PROBATION_MONTHS_UU_5_2014.value, str(PROBATION_MONTHS_UU_5_2014.basis)
    (12, 'UU 5/2014, Pasal 64 ayat (1)')
"""

PROBATION_MONTHS_UU_20_2023: Figure[int] = _probation.PROBATION_MONTHS_UU_20_2023
"""The probation year under UU 20/2023, for a probation that starts on 31 October 2023 or later.

Example:
    >>> PROBATION_MONTHS_UU_20_2023.value, PROBATION_MONTHS_UU_20_2023.status.value
    (12, 'INF')
"""


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


adopt(
    __name__,
    InvalidScore,
    IncompleteScores,
    to_score,
    components,
    weight_path,
    open_weights,
    missing_scores,
    final_score,
    probation_months,
    probation_end,
    add_months,
    appointment_day,
    remediation_deadline,
)
