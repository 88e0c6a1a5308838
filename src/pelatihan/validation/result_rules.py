"""Result rules: a cohort's results against its participants, its rulebook and the pass mark.

:class:`CohortResults` follows one cohort: the pipeline
(:mod:`pelatihan.validation.fold`) tells it each participant, then each
result, then asks who has no result. Each result is evaluated
(:func:`pelatihan.evaluation.evaluate`) under the cohort's method and rulebook,
and the outcome becomes a finding: passed, deferred, failed, or not computed
because a weight is OPEN; absences over the limits are reported too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

from pelatihan.catalogue.cohorts import (
    ABSENCE,
    DEFERRED,
    FAILED,
    PASSED,
    RESULT_BEFORE_START,
    RESULT_COMPONENT,
    RESULT_DUPLICATE,
    RESULT_INCOMPLETE,
    RESULT_LATE,
    RESULT_MISSING,
    RESULT_UNKNOWN,
)
from pelatihan.cohort import Participant
from pelatihan.evaluation import OutcomeStatus, Result, components, evaluate
from pelatihan.findings import Finding, Location
from pelatihan.io.attach import nip_key
from pelatihan.rulebooks import Rulebook
from pelatihan.training import Method
from pelatihan.validation.participant_rules import tmt_of

__all__ = ["CohortResults", "outcome_findings", "passed_on_findings"]


class CohortResults:
    """The results of one cohort, checked as they come.

    Args:
        method: The cohort's method (``None``: results are matched, not evaluated).
        rulebook: The rulebook the cohort is checked against (likewise).
    """

    def __init__(self, method: Method | None, rulebook: Rulebook | None) -> None:
        self.method = method
        self.rulebook = rulebook
        # the participants by NIP: where they are (for the fold's places), and the participant
        self.members: dict[str, tuple[int, Participant]] = {}
        self.seen: set[str] = set()
        self.told = 0
        """The number of results told."""
        self.first_day: datetime.date | None = None
        self.last_day: datetime.date | None = None
        """The cohort's first and last days, once its schedule is known."""

    def member(self, place: int, person: Participant) -> None:
        """Tell a participant of the cohort, and its place (of a NIP given twice, the last)."""
        self.members[nip_key(person.nip)] = (place, person)

    def result(self, result: Result, at: Location) -> Iterator[Finding]:
        """Check one result, at ``at``."""
        self.told += 1
        key = nip_key(result.nip)
        member = self.members.get(key)
        if member is None:
            yield RESULT_UNKNOWN.finding(
                at.child("nip"),
                f"result for NIP {result.nip}, who is not a participant of the cohort",
                f"hasil untuk NIP {result.nip}, yang bukan peserta angkatan ini",
                value=result.nip,
            )
            return
        if key in self.seen:
            yield RESULT_DUPLICATE.finding(
                at.child("nip"),
                f"a second result for NIP {result.nip}",
                f"hasil kedua untuk NIP {result.nip}",
                value=result.nip,
            )
            return
        self.seen.add(key)
        yield from passed_on_findings(result, self.first_day, self.last_day, self.rulebook, at)
        if self.rulebook is not None and self.method is not None:
            tmt = tmt_of(member[1])
            yield from outcome_findings(result, self.method, self.rulebook, at, tmt)

    def missing(self, locate: Callable[[int], Location]) -> Iterator[Finding]:
        """A finding for each participant with no result, once the results are all told.

        A cohort told no result at all has none to miss: its results are not part of the input.
        """
        if not self.told:
            return
        for key, (place, person) in self.members.items():
            if key and key not in self.seen:
                yield RESULT_MISSING.finding(
                    locate(place),
                    f"no result for {person.name} (NIP {person.nip})",
                    f"belum ada hasil untuk {person.name} (NIP {person.nip})",
                    value=person.nip,
                )


def passed_on_findings(
    result: Result,
    first_day: datetime.date | None,
    last_day: datetime.date | None,
    rulebook: Rulebook | None,
    at: Location,
) -> Iterator[Finding]:
    """A result decided before the cohort began, or long after it ended (a mistake in the year).

    Example:
        >>> import datetime
        >>> from pelatihan import rulebooks
        >>> day = datetime.date
        >>> late = Result("1", {}, passed_on=day(9999, 12, 31))
        >>> book = rulebooks.get("perlan-1-2021+10-2021")
        >>> [f.code for f in passed_on_findings(late, day(2024, 4, 22), day(2024, 8, 9), book,
        ...                                     Location())]
        ['results.passed-on-late']
    """
    day = result.passed_on
    if day is None or first_day is None:
        return
    where = at.child("passed_on")
    if day < first_day:
        yield RESULT_BEFORE_START.finding(
            where,
            f"the result was decided on {day.isoformat()}, before the cohort's first day, "
            f"{first_day.isoformat()}",
            f"hasil ditetapkan pada {day.isoformat()}, sebelum hari pertama angkatan, "
            f"{first_day.isoformat()}",
            value=day.isoformat(),
        )
        return
    figure = rulebook.evaluation.results_within_days if rulebook is not None else None
    if last_day is None or figure is None or figure.value is None:
        return
    days = (day - last_day).days
    if days > figure.value:
        yield RESULT_LATE.finding(
            where,
            f"the result was decided on {day.isoformat()}, {days:,} days after the cohort's last "
            f"day, {last_day.isoformat()}: more than {figure.value} (evaluation."
            f"results_within_days, {figure.status.value}); is the year right?",
            f"hasil ditetapkan pada {day.isoformat()}, {days:,} hari setelah hari terakhir "
            f"angkatan, {last_day.isoformat()}: lebih dari {figure.value} (evaluation."
            f"results_within_days, {figure.status.value}); apakah tahunnya benar?",
            value=day.isoformat(),
            figure=figure,
        )


def outcome_findings(
    result: Result,
    method: Method,
    rulebook: Rulebook,
    at: Location,
    tmt: datetime.date | None,
) -> Iterator[Finding]:
    """The findings of one participant's result: its components, its outcome, its absences."""
    parts = components(method, rulebook)
    for key in result.scores:
        if key not in parts:
            allowed = ", ".join(parts) or "-"
            yield RESULT_COMPONENT.finding(
                at.child("scores").child(key),
                f"{method.value} delivery under {rulebook.title} has no component {key!r}; "
                f"its components: {allowed}",
                f"metode {method.value} menurut {rulebook.title} tidak memiliki komponen "
                f"{key!r}; komponennya: {allowed}",
                value=key,
            )
    outcome = evaluate(result, method, rulebook, tmt=tmt)
    evaluation = rulebook.evaluation
    band = outcome.qualification.value if outcome.qualification else ""
    if outcome.status is OutcomeStatus.INCOMPLETE:
        unset = [part.weight for part in parts.values() if part.weight.value is None]
        yield RESULT_INCOMPLETE.finding(
            at,
            f"the final score was not computed: {outcome.reason}",
            f"nilai akhir tidak dihitung: {outcome.reason_id}",
            figure=unset[0] if unset else None,
        )
    elif outcome.status is OutcomeStatus.PASSED:
        day = outcome.appointment_from
        remediated = outcome.recorded_score != outcome.final_score
        how_en = f" after remediation (computed {outcome.final_score})" if remediated else ""
        how_id = f" setelah remedial (hasil hitung {outcome.final_score})" if remediated else ""
        yield PASSED.finding(
            at,
            f"final score {outcome.recorded_score} ({band}): passed{how_en}; "
            + (
                f"appointment as PNS from {day.isoformat()} at the earliest"
                if day
                else "the earliest day of appointment as PNS needs the day of passing"
            ),
            f"nilai akhir {outcome.recorded_score} ({band}): lulus{how_id}; "
            + (
                f"pengangkatan sebagai PNS paling cepat {day.isoformat()}"
                if day
                else "hari pengangkatan paling cepat memerlukan tanggal lulus"
            ),
            value=outcome.recorded_score,
            figure=evaluation.appointment_after_probation if day else evaluation.pass_mark,
        )
    elif outcome.status is OutcomeStatus.DEFERRED:
        yield DEFERRED.finding(
            at,
            f"final score {outcome.recorded_score} ({band}): {outcome.reason}",
            f"nilai akhir {outcome.recorded_score} ({band}): {outcome.reason_id}",
            value=outcome.recorded_score,
            figure=dict(evaluation.bands).get("ditunda_kelulusannya"),
        )
    elif outcome.status is OutcomeStatus.FAILED:
        yield FAILED.finding(
            at,
            f"final score {outcome.recorded_score} ({band}) is below the pass mark "
            f"{evaluation.pass_mark.value}",
            f"nilai akhir {outcome.recorded_score} ({band}) di bawah batas lulus "
            f"{evaluation.pass_mark.value}",
            value=outcome.recorded_score,
            figure=evaluation.pass_mark,
        )
    limits = {
        "sessions": (evaluation.absence_sessions, "sessions", "sesi"),
        "jp": (evaluation.absence_jp, "JP", "JP"),
        "days": (evaluation.absence_days, "days", "hari"),
    }
    for name in outcome.absences_over:
        figure, unit_en, unit_id = limits[name]
        count = getattr(result.absences, name)
        yield ABSENCE.finding(
            at.child("absences").child(name),
            f"{count} {unit_en} absent, more than the limit of {figure.value} "
            f"({figure.status.value}); the participant can fail",
            f"tidak hadir {count} {unit_id}, melebihi batas {figure.value} "
            f"({figure.status.value}); peserta dapat dinyatakan tidak lulus",
            value=count,
            figure=figure,
        )
