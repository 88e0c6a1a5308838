import importlib.metadata
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan import nip, strategies, validate, validate_schedule
from pelatihan.grades import Grade, Track
from pelatihan.nip import NIP, YearMonth

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(strategies.nips())
def test_drawn_nips_are_valid(number: str) -> None:
    assert nip.is_valid(number)


@given(strategies.nip_values(tmt=YearMonth(2024, 3), sex=nip.Sex.FEMALE))
def test_drawn_nips_keep_the_fixed_parts(number: NIP) -> None:
    assert number.tmt == YearMonth(2024, 3)
    assert number.sex is nip.Sex.FEMALE


@given(st.data())
def test_each_invalid_kind_raises_its_own_error(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(strategies.INVALID_NIP_KINDS))
    number = data.draw(strategies.invalid_nips(kind))
    with pytest.raises(nip.InvalidNIP) as caught:
        nip.validate(number)
    assert caught.value.code == f"nip.{kind}"


@given(strategies.grades(Track.II))
def test_track_ii_grades_are_golongan_i_or_ii(grade: Grade) -> None:
    assert grade.golongan in (1, 2)


@SLOW
@given(strategies.participants(track=Track.III))
def test_drawn_participants_agree_with_their_nip(person: pelatihan.Participant) -> None:
    parsed = nip.parse(person.nip)
    assert (parsed.birth_date, parsed.sex) == (person.birth_date, person.sex)
    assert Track.for_grade(person.grade) is Track.III


@SLOW
@given(strategies.schedules())
def test_drawn_schedules_pass_their_rulebook(schedule: pelatihan.Schedule) -> None:
    assert len(validate_schedule(schedule)) == 0


@SLOW
@given(strategies.cohorts(size=st.integers(1, 8)))
def test_drawn_cohorts_have_no_findings(cohort: pelatihan.Cohort) -> None:
    report = validate(cohort)
    assert len(report) == 0, report.to_text()


@SLOW
@given(st.from_type(pelatihan.Cohort))
def test_from_type_draws_cohorts_through_the_entry_point(cohort: pelatihan.Cohort) -> None:
    assert validate(cohort).ok


@given(st.from_type(Grade), st.from_type(Track), st.from_type(NIP))
def test_from_type_works_for_grades_tracks_and_nips(
    grade: Grade, track: Track, number: NIP
) -> None:
    assert Grade.parse(str(grade)) == grade
    assert isinstance(track, Track)
    assert nip.parse(number.compact) == number


# -- the entry point: nothing of pelatihan until pelatihan is imported ------------------------

_AFTER_HYPOTHESIS = """
import sys
import hypothesis
print(" ".join(sorted(m for m in sys.modules if m.startswith(("pelatihan", "holidays")))) or "-")
import pelatihan.nip
"""
_BEFORE_HYPOTHESIS = """
import sys
import pelatihan.nip
import hypothesis
print("-")
"""
_DRAW = """
from hypothesis import strategies as st
print(isinstance(st.from_type(pelatihan.nip.NIP).example(), pelatihan.nip.NIP))
print("pelatihan.strategies" in sys.modules, "holidays" in sys.modules)
"""


@pytest.mark.parametrize(
    "probe", [_AFTER_HYPOTHESIS, _BEFORE_HYPOTHESIS], ids=["hypothesis-first", "pelatihan-first"]
)
def test_importing_hypothesis_imports_nothing_of_pelatihan_until_a_type_is_drawn(
    probe: str,
) -> None:
    ours = [e for e in importlib.metadata.entry_points(group="hypothesis") if e.name == "pelatihan"]
    assert [e.value for e in ours] == ["_pelatihan_hypothesis:_hypothesis_setup_hook"], (
        "the installed entry point is not pyproject.toml's: reinstall (pip install -e .)"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", probe + _DRAW],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded, valid, after = done.stdout.splitlines()
    assert loaded == "-"  # hypothesis alone: its entry point's module is outside the package
    assert valid == "True"  # registered, whichever of the two was imported first
    assert after == "True False"  # the strategies once a type is drawn; no holidays for a NIP
