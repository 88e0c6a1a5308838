"""The quick answer for a participant that gives no finding, held to the participant rules.

:meth:`ParticipantRules.quiet` tells the common case of an export at once; the
rules (:meth:`ParticipantRules.own`, then :meth:`ParticipantRules.in_cohort`) are the
reference. Once the rules have seen a participant (and so filled what they
remember), the quick answer is a number exactly when the rules find nothing
(for a participant that gives a NIP and a grade), and it is the NIP's digits;
and a whole validation gives the same report with the quick answer as without
it, with participants near the end of their probation year and NIPs given twice.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan import Cohort, Participant, validate
from pelatihan import nip as nip_module
from pelatihan.evaluation import probation_end
from pelatihan.findings import Finding, Location
from pelatihan.grades import Track
from pelatihan.strategies import cohorts, invalid_nips, participants, tracks
from pelatihan.validation.fold import Fold
from pelatihan.validation.participant_rules import ParticipantRules, Place

_EDUCATIONS = (None, "SLTA", "D-III", "S-1", "S-2", "S-3", "Sarjana", "kursus menjahit")
_GRADE_TEXTS = ("II/a", "II/c", "III/a", "III/b", "IV/a", "III/z", "", "Penata Muda")


_WRONG = ("nip", "birth_date", "sex", "tmt_cpns", "grade", "rank", "education")


@st.composite
def people(draw: st.DrawFn) -> Participant:
    """Participants as an export gives them: many right, others wrong in a way or two."""
    person = draw(participants())
    wrong = draw(st.lists(st.sampled_from(_WRONG), max_size=2, unique=True))
    changes: dict[str, Any] = {}
    if "nip" in wrong:
        changes["nip"] = draw(invalid_nips())
    if "birth_date" in wrong and person.birth_date is not None:
        changes["birth_date"] = draw(
            st.sampled_from((None, person.birth_date + datetime.timedelta(days=1)))
        )
    if "sex" in wrong:
        changes["sex"] = draw(st.sampled_from((None, "L", "P")))
    if "tmt_cpns" in wrong and person.tmt_cpns is not None:
        shift = draw(st.sampled_from((None, 1, 31, 366)))
        changes["tmt_cpns"] = (
            None if shift is None else person.tmt_cpns + datetime.timedelta(days=shift)
        )
    if "grade" in wrong:
        changes["grade"] = draw(st.sampled_from(_GRADE_TEXTS))
    if "rank" in wrong:
        changes["rank"] = draw(st.sampled_from((None, "Penata Muda", "Pengatur", "Juru")))
    if "education" in wrong:
        changes["education"] = draw(st.sampled_from(_EDUCATIONS))
    return attrs.evolve(person, **changes)


def _place() -> Place:
    return Place(lambda key: Location(("participants", key)), 0)


def _reference(
    rules: ParticipantRules,
    person: Participant,
    track: Track | None,
    last_day: datetime.date | None,
) -> tuple[list[Finding], str]:
    found: list[Finding] = []
    place = _place()
    parsed, grade, digits = rules.own(person, place, found)
    rules.in_cohort(person, parsed, grade, place, track, last_day, found)
    return found, digits


def _last_day(person: Participant, offset: int, other: datetime.date) -> datetime.date:
    """``offset`` days before the end of the participant's probation year, when it has one."""
    tmt = person.tmt_cpns
    if tmt is None:
        try:
            tmt = nip_module.parse(person.nip).tmt.first_day
        except nip_module.InvalidNIP:
            return other
    return probation_end(tmt) - datetime.timedelta(days=offset)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(people(), min_size=1, max_size=6),
    st.one_of(st.none(), tracks()),
    st.integers(-10, 90),
    st.one_of(st.none(), st.integers(-5, 100), st.sampled_from(("-1", "0", "+1"))),
    st.dates(datetime.date(2008, 1, 1), datetime.date(2028, 12, 31)),
)
def test_the_quick_answer_is_a_number_exactly_when_the_rules_find_nothing(
    persons: list[Participant],
    track: Track | None,
    margin: int,
    offset: int | str | None,
    other: datetime.date,
) -> None:
    # the cohort's last day some days before the end of the first participant's probation
    # year: any number, or the margin give or take one ("-1", "0", "+1"); or no last day
    if isinstance(offset, str):
        offset = margin + int(offset)
    last_day = None if offset is None else _last_day(persons[0], offset, other)
    rules = ParticipantRules(margin)
    limit = None if last_day is None else rules.limit(last_day)
    for person in persons:
        before = rules.quiet(person, track, limit)  # nothing remembered yet, or another's
        found, digits = _reference(rules, person, track, last_day)
        after = rules.quiet(person, track, limit)
        if before is not None:
            assert found == []
            assert before == int(digits)
        # exactly when, but for a participant with no NIP or no grade (reported when read,
        # and left to the rules)
        expected = found == [] and bool(person.nip) and bool(person.grade)
        assert (after is not None) == expected, (person, found)
        if after is not None:
            assert after == int(digits)
            # the rules find the same nothing a second time, from what they remember
            assert _reference(rules, person, track, last_day)[0] == []


def _people_of(cohort: Cohort, extra: list[Participant]) -> Cohort:
    return attrs.evolve(cohort, participants=(*cohort.participants, *extra))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(cohorts(size=st.integers(1, 8)), min_size=1, max_size=3),
    st.lists(people(), max_size=6),
    st.data(),
)
def test_a_validation_reports_the_same_with_the_quick_answer_as_without(
    groups: list[Cohort], odd: list[Participant], data: st.DataObject
) -> None:
    # some wrong participants, and a NIP given again in another cohort
    first, *rest = groups
    again = [first.participants[0]] if rest else []
    changed = [_people_of(first, odd), *(_people_of(c, again) for c in rest)]
    # the margin about the days from the first cohort's last day to its first participant's
    # end of probation, so that some participants are near it and others not
    person, end = first.participants[0], max(phase.end for phase in first.phases)
    days = (probation_end(nip_module.parse(person.nip).tmt.first_day) - end).days
    margin = data.draw(st.sampled_from((None, 0, days - 1, days, days + 1)))
    quick = validate(changed, probation_margin_days=margin)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ParticipantRules, "quiet", lambda self, person, track, limit: None)
        general = validate(changed, probation_margin_days=margin)
    assert list(quick) == list(general)
    assert quick.to_json() == general.to_json()


@settings(max_examples=10, deadline=None)
@given(cohorts(size=st.just(30)))
def test_most_participants_of_a_valid_cohort_take_the_quick_answer(cohort: Cohort) -> None:
    # the quick answer must be taken in practice, not only allowed: all but the first of
    # each grade, rank and education (the rules remember those once they find nothing)
    calls: list[int | None] = []
    original = ParticipantRules.quiet

    def counted(
        self: ParticipantRules,
        person: Participant,
        track: Track | None,
        limit: datetime.date | None,
    ) -> int | None:
        answer = original(self, person, track, limit)
        calls.append(answer)
        return answer

    again = attrs.evolve(cohort, id="again")  # every NIP given again
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ParticipantRules, "quiet", counted)
        report = validate([cohort, again])
    kinds = {(p.grade, p.rank, p.education) for p in cohort.participants}
    assert len(calls) == 60
    assert sum(answer is not None for answer in calls[:30]) >= 30 - len(kinds) - 1
    # given again, each has no finding of its own: the fold finds them, not quiet
    assert calls[30:] == [int(nip_module.compact(p.nip)) for p in cohort.participants]
    assert sum(finding.code == "participant.duplicate-nip" for finding in report) == 30


def test_the_limit_is_the_last_day_and_the_margin_within_the_calendar() -> None:
    day = datetime.date(2026, 3, 31)
    assert ParticipantRules(30).limit(day) == datetime.date(2026, 4, 30)
    assert ParticipantRules(-5).limit(day) == day  # no margin: only the probation year itself
    assert ParticipantRules(30).limit(datetime.date.max) is None


def _fed(cohorts_: list[Cohort], *, whole: bool) -> list[Finding]:
    """The findings of a fold fed ``cohorts_``: a cohort's participants at once, or one by one."""
    fold = Fold(lambda position, index, row: Location(("cohorts", position, "participants", index)))
    for position, cohort in enumerate(cohorts_):
        state = fold.open(position, Location(("cohorts", position)))
        fold.settle(state, cohort)
        if whole:
            fold.cohort_participants(state, cohort.participants)
        else:
            for index, person in enumerate(cohort.participants):
                fold.participant(state, index, person)
        fold.close(state, cohort, len(cohort.participants))
    return fold.finish()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(cohorts(size=st.integers(1, 6)), min_size=1, max_size=3), st.lists(people()))
def test_a_cohort_s_participants_fed_at_once_give_what_they_give_one_by_one(
    groups: list[Cohort], odd: list[Participant]
) -> None:
    first, *rest = groups
    again = [first.participants[0]] if rest else []
    changed = [_people_of(first, odd), *(_people_of(c, again) for c in rest)]
    assert _fed(changed, whole=True) == _fed(changed, whole=False)
