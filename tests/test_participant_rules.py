"""The participant's rank against the grade, and the grade against the education."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import Cohort, Grade, Participant, Severity, Status, validate
from pelatihan.io.document import RawDocument
from pelatihan.io.reader import load
from pelatihan.validation import catalogue

GOOD_NIP = "19950417 202403 2 004"


def doc(*participants: dict[str, Any], track: str = "III") -> RawDocument:
    cohort = {
        "id": "c1",
        "name": "Angkatan I",
        "track": track,
        "method": "blended",
        "start": "2024-04-22",
        "regime": "perlan-1-2021+10-2021",
        "organizer": {"name": "BPSDM Contoh", "accredited": True},
        "participants": list(participants),
    }
    return RawDocument({"format": "pelatihan/cohorts@1", "cohorts": [cohort]}, "t.json")


def person(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"nip": GOOD_NIP, "name": "Dewi", "grade": "III/a", "agency": "Dinkes"}
    base.update(overrides)
    return base


def found(data: RawDocument, prefix: str) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.severity.value, f.location.path)
        for f in validate(data)
        if f.code.startswith(prefix)
    ]


# -- rank (pangkat) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rank", ["Penata Muda", "PENATA MUDA", "Penata Muda (III/a)", "III/a", "penata  muda"]
)
def test_a_rank_naming_the_grade_has_no_finding(rank: str) -> None:
    assert found(doc(person(rank=rank)), "participant.rank") == []


def test_a_rank_naming_another_grade_is_an_error_at_the_rank() -> None:
    report = validate(doc(person(grade="III/a", rank="Penata Muda Tk. I")))
    (finding,) = (f for f in report if f.code == "participant.rank-grade")
    assert finding.severity is Severity.ERROR
    assert finding.location.path == "$.cohorts[0].participants[0].rank"
    assert finding.value == "Penata Muda Tk. I"
    assert "is III/b (Penata Muda Tingkat I)" in finding.message("en")
    assert "given is III/a (Penata Muda)" in finding.message("en")
    assert "adalah III/b" in finding.message("id")


def test_a_rank_is_compared_with_a_golongan_iv_grade_too() -> None:
    codes = found(doc(person(grade="IV/a", rank="Pembina Utama")), "participant.rank")
    assert codes == [("participant.rank-grade", "error", "$.cohorts[0].participants[0].rank")]


@pytest.mark.parametrize("rank", ["Penata Mud", "-", "Penata (III/a)", "CPNS"])
def test_a_rank_that_cannot_be_read_is_a_warning_and_not_compared(rank: str) -> None:
    codes = found(doc(person(grade="II/a", rank=rank), track="II"), "participant.rank")
    assert codes == [("participant.rank-unknown", "warning", "$.cohorts[0].participants[0].rank")]


def test_a_rank_with_an_unreadable_grade_is_not_compared() -> None:
    codes = {f.code for f in validate(doc(person(grade="III/z", rank="Penata")))}
    assert "grade.format" in codes
    assert "participant.rank-grade" not in codes


def test_rank_columns_are_read_from_a_table_and_checked(tmp_path: Path) -> None:
    lines = [
        "NIP;Nama;Pangkat;Gol. Ruang;Instansi",
        f"{GOOD_NIP};Dewi;Penata Muda;III/a;Dinkes",
        "19950417 202403 2 005;Eko;Penata;III/a;Dinkes",
    ]
    path = tmp_path / "peserta.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    people = load(path).cohorts[0].participants
    assert [(p.rank, p.grade) for p in people] == [("Penata Muda", "III/a"), ("Penata", "III/a")]
    streamed = validate(path, defaults={"track": "III"})
    loaded = validate(load(path, defaults={"track": "III"}))
    assert streamed == loaded
    ranks = [(f.code, f.location.row) for f in streamed if f.code.startswith("participant.rank")]
    assert ranks == [("participant.rank-grade", 3)]


def test_a_participant_without_a_rank_still_builds_positionally() -> None:
    person = Participant(GOOD_NIP, "Dewi", Grade.parse("III/a"), "Dinkes")
    assert person.rank is None
    assert person.grade == "III/a"


# -- education against grade ----------------------------------------------------------------


def test_a_grade_above_the_entry_grade_of_the_education_is_a_warning_citing_the_table() -> None:
    report = validate(doc(person(grade="III/a", education="SMA")))
    (finding,) = (f for f in report if f.code == "participant.education-grade")
    assert finding.severity is Severity.WARNING
    assert finding.location.path == "$.cohorts[0].participants[0].education"
    assert finding.status is Status.SEC
    assert str(finding.basis) == "PP 98/2000, Pasal 11 ayat (4)"
    english, indonesian = finding.message("en"), finding.message("id")
    assert "grade III/a (Penata Muda) is above II/a (Pengatur Muda)" in english
    assert "education SLTA ('SMA'" in english
    assert "golongan/ruang III/a (Penata Muda) di atas II/a (Pengatur Muda)" in indonesian


@pytest.mark.parametrize(
    ("grade", "education", "track"),
    [
        ("III/a", "S-1", "III"),  # the entry grade
        ("II/a", "S-1", "II"),  # a graduate who applied to an SLTA post, or a latest education
        ("II/c", "D-III", "II"),
        ("III/b", "Dokter", "III"),
        ("I/a", "SD sederajat", "II"),
    ],
)
def test_a_grade_at_or_below_the_entry_grade_is_not_reported(
    grade: str, education: str, track: str
) -> None:
    data = doc(person(grade=grade, education=education), track=track)
    assert found(data, "participant.education") == []


def test_where_the_entry_grade_is_open_the_grade_is_not_claimed_wrong() -> None:
    report = validate(doc(person(grade="II/a", education="SMP"), track="II"))
    (finding,) = (f for f in report if f.code == "participant.education-grade")
    assert finding.severity is Severity.INFO
    assert finding.status is Status.OPEN
    assert "cannot be checked" in finding.message("en")
    assert "tidak dapat diperiksa" in finding.message("id")
    for grade in ("I/b", "I/c"):  # what the sources give: nothing to say
        data = doc(person(grade=grade, education="SMP"), track="II")
        assert found(data, "participant.education") == []


def test_an_education_that_cannot_be_read_is_info_and_the_grade_not_checked() -> None:
    codes = found(doc(person(grade="III/c", education="Teknik Sipil")), "participant.education")
    assert codes == [
        ("participant.education-unknown", "info", "$.cohorts[0].participants[0].education")
    ]


def test_an_education_with_a_field_of_study_is_checked_by_its_level() -> None:
    codes = found(doc(person(grade="III/c", education="S1 Teknik Sipil")), "participant.education")
    assert codes == [
        ("participant.education-grade", "warning", "$.cohorts[0].participants[0].education")
    ]


def test_the_education_rules_are_catalogued_with_the_status_they_rest_on() -> None:
    rule = catalogue.get("participant.education-grade")
    assert rule.severity is Severity.WARNING
    assert rule.basis is not None
    assert rule.basis.instrument == "pp-98-2000"
    assert "OPEN" in rule.checks
    assert "SEC" in rule.checks
    assert catalogue.get("participant.education-unknown").severity is Severity.INFO
    assert catalogue.get("participant.rank-grade").severity is Severity.ERROR
    assert catalogue.get("participant.rank-unknown").severity is Severity.WARNING


# The entry grades by education, written out from the table (domain reference, section 6), not
# from the library: None where the table's figure is OPEN (SMP: I/b or I/c; I/c the default).
ENTRY_TABLE: dict[str, str | None] = {
    "SD": "I/a",
    "SMP": None,
    "SLTA": "II/a",
    "D-I": "II/a",
    "D-II": "II/b",
    "D-III": "II/c",
    "D-IV": "III/a",
    "S-1": "III/a",
    "S-2": "III/b",
    "Apoteker": "III/b",
    "S-3": "III/c",
}
OPEN_DEFAULT = "I/c"
ORDER = [f"{roman}/{ruang}" for roman in ("I", "II", "III") for ruang in "abcd"]


def expected(education: str, grade: str) -> list[tuple[str, str]]:
    entry = ENTRY_TABLE[education]
    if entry is None:
        above_default = ORDER.index(grade) > ORDER.index(OPEN_DEFAULT)
        return [("participant.education-grade", "info")] if above_default else []
    if ORDER.index(grade) > ORDER.index(entry):
        return [("participant.education-grade", "warning")]
    return []


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(ENTRY_TABLE)), st.sampled_from(ORDER))
def test_the_education_rule_agrees_with_the_entry_grade_table(education: str, grade: str) -> None:
    track = "III" if grade.startswith("III") else "II"
    data = doc(person(grade=grade, education=education), track=track)
    got = [(code, severity) for code, severity, _ in found(data, "participant.education")]
    assert got == expected(education, grade)
    cohort = Cohort(
        "c1",
        "Angkatan I",
        track=track,
        participants=[Participant(GOOD_NIP, "Dewi", grade, "Dinkes", education=education)],
    )
    models = [(f.code, f.severity.value) for f in validate(cohort)]
    assert [item for item in models if item[0].startswith("participant.education")] == got


# -- what a rules object remembers ---------------------------------------------------------

_grade_texts = st.sampled_from(["III/a", "II/c", "IV/a", "III/x", "Penata Muda", "", "3a"])
_ranks = st.sampled_from([None, "Penata Muda", "Pengatur", "Juru", "bukan pangkat"])
_educations = st.sampled_from([None, "S-1", "D-III", "SLTA", "S-3", "sekolah"])
_nips = st.sampled_from(["19950417 201903 2 004", "19980105 202401 1 001", "123"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_nips, _grade_texts, _ranks, _educations), max_size=12))
def test_what_one_rules_object_remembers_changes_no_participant_s_outcome(
    people: list[tuple[str, str, str | None, str | None]],
) -> None:
    from pelatihan.findings import Location  # noqa: PLC0415
    from pelatihan.validation.participant_rules import ParticipantRules, Place  # noqa: PLC0415

    shared = ParticipantRules(margin_days=30)
    for number, (nip, grade, rank, education) in enumerate(people):
        person = Participant(nip, "Dewi", grade, "Dinkes", rank=rank, education=education)
        place = Place(lambda key: Location(("p", key)), number)
        found: list[Any] = []
        fresh: list[Any] = []
        outcome = shared.own(person, place, found)
        expected = ParticipantRules(margin_days=30).own(person, place, fresh)
        assert outcome == expected
        assert found == fresh
