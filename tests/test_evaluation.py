import calendar
import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import Citation, Status, legal, rulebooks
from pelatihan.evaluation import (
    Absences,
    IncompleteScores,
    InvalidScore,
    OutcomeStatus,
    Qualification,
    Result,
    absences_over,
    add_months,
    appointment_day,
    components,
    evaluate,
    final_score,
    probation_end,
    probation_months,
    qualification,
    remediation_deadline,
    to_score,
)
from pelatihan.rulebooks import OpenFigureError

SHIPPED = rulebooks.get("perlan-1-2021+10-2021")
BOOK = SHIPPED.variant(
    "contoh",
    {"evaluation.components.attitude.weight": 40, "evaluation.components.actualisation.weight": 40},
)
SCORES = st.decimals(min_value=0, max_value=100, places=2)


def test_components_follow_the_method() -> None:
    assert list(components("klasikal", BOOK)) == ["type_a", "type_b", "attitude", "actualisation"]
    assert list(components("blended", BOOK)) == [
        "mooc_test",
        "elearning_test",
        "attitude",
        "actualisation",
    ]
    assert components("distance", BOOK)["mooc_test"].weight.status is Status.REG


def test_shipped_rulebooks_before_2025_cannot_compute_a_final_score_and_name_the_open_weights() -> (
    None
):
    scores = {"type_a": 80, "type_b": 80, "attitude": 80, "actualisation": 80}
    for book in rulebooks.all_rulebooks()[:-1]:
        with pytest.raises(OpenFigureError) as caught:
            final_score(scores, "klasikal", book)
        assert "evaluation.components.attitude.weight" in caught.value.message_en
        assert "Rulebook.variant" in caught.value.message_en
        assert "evaluation.components.actualisation.weight" in caught.value.message_id


def test_weights_that_do_not_add_up_to_100_are_refused() -> None:
    lopsided = SHIPPED.variant(
        "x",
        {
            "evaluation.components.attitude.weight": 50,
            "evaluation.components.actualisation.weight": 40,
        },
    )
    with pytest.raises(OpenFigureError, match="add up to 110"):
        final_score(
            {"type_a": 1, "type_b": 1, "attitude": 1, "actualisation": 1}, "klasikal", lopsided
        )


def test_final_score_is_the_weighted_sum_rounded_half_up() -> None:
    scores = {"type_a": "70,05", "type_b": 70, "attitude": 70, "actualisation": 70}
    # 0.1 * 70.05 + 0.9 * 70 = 70.005 -> 70.01 (half up), never 70.00
    assert final_score(scores, "klasikal", BOOK) == Decimal("70.01")


def test_missing_component_is_incomplete() -> None:
    with pytest.raises(IncompleteScores, match="actualisation"):
        final_score({"type_a": 1, "type_b": 1, "attitude": 1}, "klasikal", BOOK)


@pytest.mark.parametrize("value", [-1, 100.01, "abc", None, True, float("nan"), "1e999", [1]])
def test_scores_outside_0_to_100_or_not_numbers_are_invalid(value: object) -> None:
    with pytest.raises(InvalidScore):
        to_score(value)


@given(st.decimals(min_value=0, max_value=100, places=3))
def test_to_score_reads_text_with_decimal_comma_exactly(value: Decimal) -> None:
    assert to_score(str(value).replace(".", ",")) == value


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_floats_are_read_through_their_shortest_text(value: float) -> None:
    assert to_score(value) == Decimal(repr(value))


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("100", Qualification.SANGAT_MEMUASKAN),
        ("90.01", Qualification.SANGAT_MEMUASKAN),
        ("90.00", Qualification.MEMUASKAN),
        ("80.01", Qualification.MEMUASKAN),
        ("80", Qualification.CUKUP_MEMUASKAN),
        ("70.01", Qualification.CUKUP_MEMUASKAN),
        ("70.00", Qualification.DITUNDA_KELULUSANNYA),
        ("60.01", Qualification.DITUNDA_KELULUSANNYA),
        ("60", Qualification.TIDAK_MEMUASKAN),
        ("0", Qualification.TIDAK_MEMUASKAN),
    ],
)
def test_band_edges(score: str, band: Qualification) -> None:
    assert qualification(Decimal(score), BOOK) is band


ORDER = list(Qualification)


@given(SCORES, SCORES)
def test_a_higher_score_never_gets_a_lower_band(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert ORDER.index(qualification(high, BOOK)) <= ORDER.index(qualification(low, BOOK))


@given(SCORES)
def test_passing_is_exactly_cukup_memuaskan_or_better(score: Decimal) -> None:
    scores = {"type_a": score, "type_b": score, "attitude": score, "actualisation": score}
    outcome = evaluate(Result("1", scores), "klasikal", BOOK)
    better = (
        Qualification.SANGAT_MEMUASKAN,
        Qualification.MEMUASKAN,
        Qualification.CUKUP_MEMUASKAN,
    )
    assert (outcome.status is OutcomeStatus.PASSED) == (outcome.qualification in better)
    assert (outcome.status is OutcomeStatus.PASSED) == (score >= Decimal("70.01"))


NEW = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
NEW_KEYS = [
    "mooc_test",
    "elearning_test",
    "actualisation_plan",
    "actualisation_results",
    "attitude",
    "technical_competence",
]
EDGES = [
    (Decimal("90.00"), Qualification.SANGAT_MEMUASKAN),
    (Decimal("80.00"), Qualification.MEMUASKAN),
    (Decimal("70.00"), Qualification.CUKUP_MEMUASKAN),
    (Decimal("60.00"), Qualification.DITUNDA_KELULUSANNYA),
]


def reference_band(score: Decimal) -> Qualification:
    """The 2025 band table as printed: 90.01-100, 80.01-90.00, 70.01-80.00, 60.01-70.00, <= 60."""
    for edge, band in EDGES:
        if score > edge:
            return band
    return Qualification.TIDAK_MEMUASKAN


@given(SCORES)
def test_bands_follow_the_2025_table_in_every_regime(score: Decimal) -> None:
    for book in rulebooks.all_rulebooks():
        assert qualification(score, book) is reference_band(score)


@given(st.lists(SCORES, min_size=6, max_size=6))
def test_the_2025_final_score_is_the_weighted_sum_of_the_five_components(
    values: list[Decimal],
) -> None:
    scores = dict(zip(NEW_KEYS, values, strict=True))
    weights = [10, 10, 20, 30, 15, 15]
    exact = sum((w * v for w, v in zip(weights, values, strict=True)), Decimal(0)) / 100
    expected = exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert final_score(scores, "blended", NEW) == expected


@given(SCORES)
def test_a_score_in_the_deferred_band_defers_and_nothing_else_does(score: Decimal) -> None:
    scores = dict.fromkeys(NEW_KEYS, score)
    outcome = evaluate(Result("1", scores), "blended", NEW)
    deferred = Decimal("60") < score <= Decimal("70")
    assert (outcome.status is OutcomeStatus.DEFERRED) == deferred
    if score <= Decimal("60"):
        assert outcome.status is OutcomeStatus.FAILED


def test_a_deferred_participant_is_told_what_remains_and_by_when() -> None:
    scores = dict.fromkeys(NEW_KEYS, 65)
    tmt = datetime.date(2025, 6, 1)
    outcome = evaluate(
        Result("1", scores, passed_on=datetime.date(2025, 9, 5)), "blended", NEW, tmt=tmt
    )
    assert outcome.status is OutcomeStatus.DEFERRED
    assert outcome.qualification is Qualification.DITUNDA_KELULUSANNYA
    assert outcome.remediation_by == datetime.date(2026, 5, 31)  # the end of the probation year
    assert outcome.appointment_from is None
    assert "remediation" in outcome.reason
    assert "2026-05-31" in outcome.reason
    assert "remedial" in outcome.reason_id
    unknown = evaluate(Result("1", scores), "blended", NEW)
    assert unknown.remediation_by is None
    assert "not established" in unknown.reason


def test_the_remediation_deadline_is_the_earlier_of_the_organisers_days_and_probation() -> None:
    tmt = datetime.date(2025, 6, 1)
    decided = datetime.date(2025, 9, 5)
    days = NEW.variant("x", {"evaluation.remediation_days": 400})
    assert remediation_deadline(decided, tmt, days) == datetime.date(2026, 5, 31)
    days = NEW.variant("x", {"evaluation.remediation_days": 30})
    assert remediation_deadline(decided, tmt, days) == datetime.date(2025, 10, 5)
    assert remediation_deadline(decided, None, days) == datetime.date(2025, 10, 5)
    # results decided after the probation year: it gives no deadline
    late = datetime.date(2026, 7, 1)
    assert remediation_deadline(late, tmt, NEW) is None
    assert remediation_deadline(datetime.date(9999, 12, 30), None, days) is None


def test_a_deferred_participant_who_reaches_the_pass_mark_after_remediation_passes_at_70_01() -> (
    None
):
    scores = dict.fromkeys(NEW_KEYS, 76)
    outcome = evaluate(Result("1", scores, remediated=True), "blended", NEW)
    assert (outcome.status, outcome.final_score, outcome.recorded_score) == (
        OutcomeStatus.PASSED,
        Decimal("76.00"),
        Decimal("70.01"),
    )
    assert outcome.qualification is Qualification.CUKUP_MEMUASKAN
    still_low = evaluate(Result("1", dict.fromkeys(NEW_KEYS, 68), remediated=True), "blended", NEW)
    assert still_low.status is OutcomeStatus.FAILED  # remediation is the one further chance


@given(st.decimals(min_value=0, max_value=100, places=4))
def test_final_scores_have_two_places_and_round_half_up(score: Decimal) -> None:
    scores = {"type_a": score, "type_b": score, "attitude": score, "actualisation": score}
    result = final_score(scores, "klasikal", BOOK)
    assert result.as_tuple().exponent == -2
    assert abs(result - score) <= Decimal("0.005")


def test_remediated_participant_who_reaches_the_pass_mark_is_recorded_at_70_01() -> None:
    high = {"type_a": 90, "type_b": 90, "attitude": 90, "actualisation": 90}
    outcome = evaluate(Result("1", high, remediated=True), "klasikal", BOOK)
    assert outcome.status is OutcomeStatus.PASSED
    assert outcome.final_score == Decimal("90.00")
    assert outcome.recorded_score == Decimal("70.01")
    assert outcome.qualification is Qualification.CUKUP_MEMUASKAN
    low = {"type_a": 60, "type_b": 60, "attitude": 60, "actualisation": 60}
    failed = evaluate(Result("1", low, remediated=True), "klasikal", BOOK)
    assert failed.status is OutcomeStatus.FAILED
    assert failed.recorded_score == Decimal("60.00")


def test_appointment_is_after_the_probation_year_and_after_passing() -> None:
    scores = {"mooc_test": 80, "elearning_test": 80, "attitude": 80, "actualisation": 80}
    tmt = datetime.date(2024, 3, 1)  # probation year to 2025-02-28
    for passed_on, expected in [
        (datetime.date(2024, 8, 12), datetime.date(2025, 3, 1)),
        (datetime.date(2025, 2, 28), datetime.date(2025, 3, 1)),
        (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1)),
        (datetime.date(2025, 6, 20), datetime.date(2025, 6, 20)),  # Latsar after probation
    ]:
        outcome = evaluate(Result("1", scores, passed_on=passed_on), "blended", BOOK, tmt=tmt)
        assert outcome.appointment_from == expected
    unknown_tmt = evaluate(
        Result("1", scores, passed_on=datetime.date(2024, 8, 12)), "blended", BOOK
    )
    assert unknown_tmt.appointment_from is None
    unknown_day = evaluate(Result("1", scores), "blended", BOOK, tmt=tmt)
    assert unknown_day.appointment_from is None
    assert (
        evaluate(
            Result("1", scores, passed_on=datetime.date(9999, 1, 1)),
            "blended",
            BOOK,
            tmt=datetime.date(9999, 1, 1),
        ).appointment_from
        is None
    )


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31)),
    st.integers(min_value=0, max_value=1000),
)
def test_an_appointment_never_falls_before_the_end_of_probation_nor_before_passing(
    tmt: datetime.date, after: int
) -> None:
    passed_on = tmt + datetime.timedelta(days=after)
    day = appointment_day(passed_on, tmt, BOOK)
    assert day is not None
    assert day > probation_end(tmt)
    assert day >= passed_on
    assert day in {passed_on, probation_end(tmt) + datetime.timedelta(days=1)}


def test_without_the_probation_rule_appointment_follows_passing() -> None:
    mine = BOOK.variant("x", {"evaluation.appointment_after_probation": False})
    assert appointment_day(datetime.date(2024, 8, 12), None, mine) == datetime.date(2024, 8, 12)


def test_absence_limits_are_crossed_only_beyond_them() -> None:
    assert absences_over(Absences(6, Decimal(18), 2), BOOK) == ()
    assert absences_over(Absences(7, Decimal("18.5"), 3), BOOK) == ("sessions", "jp", "days")
    assert absences_over(Absences(99, Decimal(99), 99), rulebooks.get("perlan-12-2018")) == ()


def test_outcome_with_open_weights_is_incomplete_with_reasons_in_both_languages() -> None:
    outcome = evaluate(Result("1", {}), "blended", SHIPPED)
    assert outcome.status is OutcomeStatus.INCOMPLETE
    assert "evaluation.components.attitude.weight" in outcome.reason
    assert outcome.reason_id != outcome.reason


# -- month arithmetic ------------------------------------------------------------------------


def _months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, the month's last day if it has none: counted by hand."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    if year < datetime.MINYEAR:
        return datetime.date.min
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2023, 1, 31), 1, datetime.date(2023, 2, 28)),
        (datetime.date(2024, 3, 31), -1, datetime.date(2024, 2, 29)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2023, 8, 31), 1, datetime.date(2023, 9, 30)),
        (datetime.date(2023, 7, 15), 12, datetime.date(2024, 7, 15)),
        (datetime.date(2023, 12, 15), 1, datetime.date(2024, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(
    day: datetime.date, months: int, expected: datetime.date
) -> None:
    assert add_months(day, months) == expected


def test_add_months_is_clamped_at_the_ends_of_the_calendar() -> None:
    assert add_months(datetime.date(9999, 12, 1), 1) == datetime.date.max
    assert add_months(datetime.date(9999, 1, 1), 10**30) == datetime.date.max
    assert add_months(datetime.date(1, 1, 31), -1) == datetime.date.min
    assert add_months(datetime.date(1, 1, 1), -(10**30)) == datetime.date.min


def test_probation_end_of_a_tmt_at_the_end_of_the_calendar_is_its_last_day() -> None:
    assert probation_end(datetime.date(9999, 1, 1)) == datetime.date.max
    assert probation_end(datetime.date(9998, 12, 1)) == datetime.date(9999, 11, 30)


@given(st.dates(), st.integers(-12 * 10_000, 12 * 10_000))
def test_add_months_agrees_with_months_counted_by_hand(day: datetime.date, months: int) -> None:
    assert add_months(day, months) == _months_later(day, months)


# -- the probation year, by the law in force when it starts ----------------------------------

UU_20_2023_FROM = datetime.date(2023, 10, 31)


def test_the_probation_year_rests_on_uu_5_2014_before_31_october_2023() -> None:
    figure = probation_months(datetime.date(2023, 10, 30))
    assert figure.value == 12
    assert figure.basis == Citation("uu-5-2014", "Pasal 64 ayat (1)")
    assert figure.status is Status.SEC


def test_the_probation_year_rests_on_uu_20_2023_from_31_october_2023_inferred() -> None:
    figure = probation_months(UU_20_2023_FROM)
    assert figure.value == 12
    assert figure.basis == Citation("uu-20-2023")
    assert figure.status is Status.INF
    assert "not found" in figure.note
    assert legal.get("uu-20-2023").promulgated == UU_20_2023_FROM


@given(st.dates())
def test_probation_law_and_end_follow_the_tmt(tmt: datetime.date) -> None:
    law = "uu-5-2014" if tmt < UU_20_2023_FROM else "uu-20-2023"
    figure = probation_months(tmt)
    assert figure.basis is not None
    assert figure.basis.instrument == law
    later = _months_later(tmt, 12)
    expected = later if later == datetime.date.max else later - datetime.timedelta(days=1)
    assert probation_end(tmt) == expected
