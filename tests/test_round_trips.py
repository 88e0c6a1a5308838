"""JSON round trips are lossless: load(dump(x)) == x for cohorts, schedules and reports."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan import Cohort, Report, Schedule, strategies, validate
from pelatihan.evaluation import Absences, Result
from pelatihan.io.document import RawDocument
from pelatihan.io.dump import cohorts_to_data, cohorts_to_json
from pelatihan.io.jsonfile import read_json_text
from pelatihan.io.structure import structure

SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(st.lists(strategies.cohorts(size=st.integers(0, 5)), min_size=1, max_size=3))
def test_cohorts_survive_a_json_round_trip(cohorts: list[Cohort]) -> None:
    loaded = structure(read_json_text(cohorts_to_json(cohorts), "x.json"))
    assert loaded.findings == ()
    assert list(loaded.cohorts) == cohorts


@SLOW
@given(strategies.schedules())
def test_schedules_survive_a_json_round_trip_inside_a_cohort(schedule: Schedule) -> None:
    cohort = Cohort("c", "C", phases=schedule.phases, participants=[])
    back = structure(RawDocument(cohorts_to_data([cohort]))).cohorts[0]
    assert back.phases == schedule.phases


@given(
    st.dictionaries(
        st.sampled_from(["type_a", "type_b", "attitude", "actualisation"]),
        st.decimals(min_value=0, max_value=100, places=3),
    ),
    st.integers(0, 20),
    st.decimals(min_value=0, max_value=50, places=2),
    st.booleans(),
)
def test_results_survive_a_json_round_trip_with_exact_decimals(
    scores: dict[str, Decimal], sessions: int, jp: Decimal, remediated: bool
) -> None:
    result = Result("19950417 202403 2 004", scores, Absences(sessions, jp, 0), remediated)
    cohort = Cohort("c", "C", results=[result])
    back = structure(read_json_text(json.dumps(cohorts_to_data([cohort])))).cohorts[0]
    assert back.results == (result,)


@SLOW
@given(st.lists(strategies.cohorts(size=st.integers(1, 4)), min_size=1, max_size=2))
def test_reports_survive_a_json_round_trip(cohorts: list[Cohort]) -> None:
    data = cohorts_to_data(cohorts)
    data["cohorts"][0]["participants"][0]["nip"] = "199504172024032000"  # type: ignore[index]
    data["cohorts"][0]["colour"] = "biru"  # type: ignore[index]
    report = validate(RawDocument(data, "x.json"))
    assert len(report) >= 2
    assert Report.from_dict(json.loads(report.to_json())) == report


@SLOW
@given(st.lists(strategies.cohorts(size=st.integers(0, 4)), max_size=2), st.text(max_size=20))
def test_a_report_written_a_finding_at_a_time_is_its_json_text(
    cohorts: list[Cohort], odd: str
) -> None:
    data = cohorts_to_data(cohorts)
    data["cohorts"].append({"id": odd, "name": odd + '\n\u2028"', "participants": [odd]})  # type: ignore[attr-defined]
    report = validate(RawDocument(data, "x.json"))
    out = io.StringIO()
    report.write_json(out)
    assert out.getvalue() == report.to_json()
