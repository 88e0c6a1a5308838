import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import (
    Cohort,
    Organizer,
    Participant,
    Severity,
    Status,
    rulebooks,
    validate,
    validate_schedule,
)
from pelatihan.findings import Location
from pelatihan.io.document import InputError, RawDocument
from pelatihan.io.jsonfile import read_json, read_json_text
from pelatihan.io.reader import load
from pelatihan.io.structure import structure
from pelatihan.provenance import Citation, Figure
from pelatihan.strategies import schedules
from pelatihan.validation import catalogue
from pelatihan.validation.stream import validate_table

d = datetime.date
GOOD_NIP = "19950417 202403 2 004"  # born 1995-04-17, TMT March 2024, female


def doc(*cohorts: dict[str, Any]) -> dict[str, Any]:
    return {"format": "pelatihan/cohorts@1", "cohorts": list(cohorts)}


def cohort(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "c1",
        "name": "Angkatan XII",
        "track": "III",
        "method": "blended",
        "start": "2024-04-22",
        "regime": "perlan-1-2021+10-2021",
        "organizer": {"name": "BPSDM Contoh", "accredited": True},
        "participants": [
            {"nip": GOOD_NIP, "name": "Dewi Lestari", "grade": "III/a", "agency": "Dinkes"}
        ],
    }
    base.update(overrides)
    return base


def person(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"nip": GOOD_NIP, "name": "Dewi", "grade": "III/a", "agency": "Dinkes"}
    base.update(overrides)
    return base


def findings(data: object) -> list[tuple[str, str]]:
    report = validate(RawDocument(data, "t.json"))
    return [(f.code, f.location.path) for f in report]


def test_a_clean_cohort_has_no_findings() -> None:
    report = validate(RawDocument(doc(cohort()), "t.json"))
    assert report.ok
    assert len(report) == 0, report.to_text()


def test_structural_errors_are_collected_with_paths_and_the_rest_is_still_checked() -> None:
    data = doc(
        cohort(
            track="IV",
            participants=[
                person(birth_date="17-04-1995", sex="X", nip="19950417 202403 2 000"),
                person(nip=19950417202403200, name=None),
                "not a participant",
            ],
            colour="blue",
        )
    )
    found = findings(data)
    assert ("input.value", "$.cohorts[0].track") in found
    assert ("input.unknown-key", "$.cohorts[0].colour") in found
    assert ("input.date", "$.cohorts[0].participants[0].birth_date") in found
    assert ("input.value", "$.cohorts[0].participants[0].sex") in found
    assert ("nip.serial", "$.cohorts[0].participants[0].nip") in found  # still checked
    assert ("input.missing", "$.cohorts[0].participants[1].name") in found
    assert ("input.type", "$.cohorts[0].participants[2]") in found


def test_every_participant_is_accounted_for_as_model_or_finding() -> None:
    items: list[Any] = [person(), 5, person(nip="19950417 202403 2 005"), None, []]
    loaded = structure(RawDocument(doc(cohort(participants=items))))
    kept = loaded.participant_index[0]
    reported = {f.location.path for f in loaded.findings if f.code == "input.type"}
    assert set(kept) == {0, 2}
    assert reported == {f"$.cohorts[0].participants[{i}]" for i in (1, 3, 4)}


def test_document_level_problems() -> None:
    assert ("input.format", "$.format") in findings({"cohorts": []})
    assert ("input.missing", "$.cohorts") in findings({"format": "pelatihan/cohorts@1"})
    assert ("input.type", "$") in findings([1, 2])
    assert ("input.type", "$.cohorts[0]") in findings(doc("x"))  # type: ignore[arg-type]


def test_a_float_nip_gets_the_spreadsheet_explanation() -> None:
    report = validate(RawDocument(doc(cohort(participants=[person(nip=1.9950417202403200e17)]))))
    nip = next(f for f in report if f.location.path.endswith(".nip"))
    assert nip.code == "nip.format"
    assert "float" in nip.message_en


def test_nip_is_checked_against_stated_birth_date_sex_and_tmt() -> None:
    data = doc(
        cohort(
            participants=[
                person(birth_date="1995-04-18", sex="L", tmt_cpns="2024-04-01"),
            ]
        )
    )
    found = findings(data)
    assert ("participant.birth-date", "$.cohorts[0].participants[0].birth_date") in found
    assert ("participant.sex", "$.cohorts[0].participants[0].sex") in found
    assert ("participant.tmt", "$.cohorts[0].participants[0].tmt_cpns") in found
    agreeing = doc(
        cohort(participants=[person(birth_date="1995-04-17", sex="P", tmt_cpns="2024-03-01")])
    )
    assert findings(agreeing) == []


def test_grade_must_parse_and_belong_to_the_cohort_track() -> None:
    data = doc(
        cohort(
            participants=[
                person(grade="III/z"),
                person(nip="19950417 202403 2 005", grade="Penata (III/a)"),
                person(nip="19950417 202403 2 006", grade="II/c"),
                person(nip="19950417 202403 2 007", grade="IV/a"),
            ]
        )
    )
    found = {path: code for code, path in findings(data)}
    assert found["$.cohorts[0].participants[0].grade"] == "grade.format"
    assert found["$.cohorts[0].participants[1].grade"] == "grade.inconsistent"
    assert found["$.cohorts[0].participants[2].grade"] == "participant.track"
    assert found["$.cohorts[0].participants[3].grade"] == "track.none"


def test_golongan_i_goes_to_track_ii_with_inferred_status() -> None:
    report = validate(RawDocument(doc(cohort(track="III", participants=[person(grade="I/c")]))))
    track = next(f for f in report if f.code == "participant.track")
    assert track.status is Status.INF


def test_the_first_of_a_duplicate_nip_is_the_first_in_the_file_when_cohorts_interleave(
    tmp_path: Path,
) -> None:
    # cohort A is checked before cohort B, but B's row 3 comes before A's row 4
    lines = [
        "Angkatan;NIP;Nama;Gol/Ruang",
        "A;19950417 201903 2 004;Dewi;III/a",
        "B;19860926 201505 1 001;Budi;III/a",
        "A;198609262015051001;Citra;III/a",
        "B;19860926-201505-1-001;Eko;III/a",
    ]
    path = tmp_path / "interleaved.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = validate(path, defaults={"track": "III", "method": "blended"})
    dupes = sorted(
        (finding.location.row, finding.message("en"))
        for finding in report
        if finding.code == "participant.duplicate-nip"
    )
    assert [row for row, _ in dupes] == [4, 5]
    assert dupes[0][1].endswith(
        "first in another cohort at " + f"{path}:3 $.cohorts[1].participants[0]"
    )
    assert dupes[1][1].endswith(
        "first in this cohort at " + f"{path}:3 $.cohorts[1].participants[0]"
    )


def test_duplicate_nips_in_a_cohort_and_across_cohorts() -> None:
    data = doc(
        cohort(participants=[person(), person(nip="1995-0417-2024-0320-04")]),
        cohort(id="c2", participants=[person(nip="199504172024032004")]),
    )
    dupes = [path for code, path in findings(data) if code == "participant.duplicate-nip"]
    assert dupes == ["$.cohorts[0].participants[1].nip", "$.cohorts[1].participants[0].nip"]


def test_cohort_over_the_size_limit_cites_the_inferred_figure() -> None:
    people = [person(nip=f"19950417 202403 2 {n:03d}") for n in range(1, 42)]
    report = validate(RawDocument(doc(cohort(participants=people))))
    size = next(f for f in report if f.code == "cohort.size")
    assert size.value == 41
    assert size.status is Status.INF
    assert size.location.path == "$.cohorts[0].participants"
    assert size.severity is Severity.WARNING  # the limit of 40 is inferred
    assert report.ok


@pytest.mark.parametrize(
    ("status", "severity"),
    [
        (Status.REG, Severity.ERROR),
        (Status.USER, Severity.ERROR),
        (Status.SEC, Severity.WARNING),
        (Status.INF, Severity.WARNING),
        (Status.OPEN, Severity.WARNING),
    ],
)
def test_a_cohort_over_the_limit_is_an_error_only_when_the_limit_is_reg_or_user(
    status: Status, severity: Severity
) -> None:
    shipped = rulebooks.get("perlan-1-2021+10-2021")
    book = attrs.evolve(shipped, cohort_size_max=Figure(3, status, Citation("sk-contoh")))
    people = [person(nip=f"19950417 202403 2 {n:03d}") for n in range(1, 5)]
    report = validate(RawDocument(doc(cohort(participants=people))), rulebook=book)
    (size,) = [f for f in report if f.code == "cohort.size"]
    assert (size.severity, size.status, size.basis) == (severity, status, Citation("sk-contoh"))
    assert size.message_en == f"the cohort has 4 participants; the limit is 3 ({status.value})"
    assert size.message_id == f"angkatan memiliki 4 peserta; batasnya 3 ({status.value})"
    at_limit = validate(RawDocument(doc(cohort(participants=people[:3]))), rulebook=book)
    assert "cohort.size" not in at_limit.codes()


def test_a_streamed_table_over_an_organisers_limit_is_an_error(tmp_path: Path) -> None:
    book = rulebooks.get("perlan-1-2021+10-2021").variant("contoh", {"cohort_size_max": 2})
    lines = ["NIP;Nama;Gol/Ruang", *(f"19950417 202403 2 00{n};P{n};III/a" for n in (1, 2, 3))]
    path = tmp_path / "three.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    defaults = {"track": "III", "method": "blended", "start": "2024-04-22"}
    streamed = validate_table(path, defaults=defaults, rulebook=book).report
    assert streamed == validate(load(path, defaults=defaults), rulebook=book)
    (size,) = [f for f in streamed if f.code == "cohort.size"]
    assert (size.severity, size.status) == (Severity.ERROR, Status.USER)
    shipped = validate_table(path, defaults=defaults).report
    assert "cohort.size" not in shipped.codes()


def test_the_catalogue_lists_cohort_size_as_a_warning_raised_for_established_limits() -> None:
    rule = catalogue.get("cohort.size")
    assert rule.severity is Severity.WARNING
    assert "an error when the limit is REG or supplied by the organiser (USER" in rule.checks


def test_latsar_ending_after_the_probation_year_or_close_to_it_is_a_warning() -> None:
    # blended from 2024-04-22 ends 2024-08-12
    late = person(nip="19950417 202307 2 004")  # probation ends 2024-06-30
    near = person(nip="19950417 202309 2 005")  # probation ends 2024-08-31: 19 days left
    fine = person(nip="19950417 202312 2 006")  # probation ends 2024-11-30
    report = validate(RawDocument(doc(cohort(participants=[late, near, fine]))))
    by_path = {f.location.path: f for f in report}
    assert by_path["$.cohorts[0].participants[0]"].code == "participant.probation"
    assert by_path["$.cohorts[0].participants[0]"].severity is Severity.WARNING
    assert by_path["$.cohorts[0].participants[1]"].code == "participant.probation-near"
    assert by_path["$.cohorts[0].participants[1]"].severity is Severity.WARNING
    assert report.ok  # SE Kepala BKN 10/2022 allows a justified Latsar after the probation year
    assert "$.cohorts[0].participants[2]" not in by_path
    relaxed = validate(RawDocument(doc(cohort(participants=[near]))), probation_margin_days=10)
    assert "participant.probation-near" not in relaxed.codes()


def test_latsar_after_the_probation_year_asks_the_agency_to_justify_it_in_both_languages() -> None:
    late = person(nip="19950417 202307 2 004")  # probation ends 2024-06-30
    report = validate(RawDocument(doc(cohort(participants=[late]))))
    (finding,) = [f for f in report if f.code == "participant.probation"]
    assert finding.message_en.endswith(
        "; the agency must justify a Latsar after the probation year (budget, facilities, staff "
        "or national policy: SE Kepala BKN 10/2022)"
    )
    assert "instansi harus dapat menjelaskan alasan" in finding.message_id
    assert "SE Kepala BKN 10/2022" in finding.message_id
    rule = catalogue.get("participant.probation")
    assert rule.severity is Severity.WARNING
    assert rule.basis == Citation("se-kepala-bkn-10-2022")


def test_stated_tmt_cpns_takes_precedence_for_the_probation_year() -> None:
    stated = person(nip="19950417 202307 2 004", tmt_cpns="2023-07-15")
    report = validate(RawDocument(doc(cohort(participants=[stated]))))
    probation = next(f for f in report if f.code == "participant.probation")
    assert "2024-07-14" in probation.message_en


def test_probation_findings_cite_the_law_on_the_probation_year_in_force_on_the_tmt() -> None:
    # blended from 2024-08-01 ends 2024-11-13; UU 20/2023 replaced UU 5/2014 on 2023-10-31
    people = [
        person(nip="19950417 202310 2 001", tmt_cpns="2023-10-30"),  # ends 2024-10-29
        person(nip="19950417 202310 2 002", tmt_cpns="2023-10-31"),  # ends 2024-10-30
        person(nip="19950417 202311 2 003"),  # ends 2024-10-31
        person(nip="19950417 202312 2 004"),  # ends 2024-11-30: 17 days left
    ]
    report = validate(RawDocument(doc(cohort(start="2024-08-01", participants=people))))
    cited = {
        finding.location.path: (finding.code, finding.basis, finding.status) for finding in report
    }
    old_law = (Citation("uu-5-2014", "Pasal 64 ayat (1)"), Status.SEC)
    new_law = (Citation("uu-20-2023"), Status.INF)
    assert cited == {
        "$.cohorts[0].participants[0]": ("participant.probation", *old_law),
        "$.cohorts[0].participants[1]": ("participant.probation", *new_law),
        "$.cohorts[0].participants[2]": ("participant.probation", *new_law),
        "$.cohorts[0].participants[3]": ("participant.probation-near", *new_law),
    }


def test_a_streamed_table_cites_the_probation_law_in_force_on_each_tmt(tmp_path: Path) -> None:
    lines = [
        "NIP;Nama;Gol/Ruang;TMT CPNS",
        "19950417 202310 2 001;Dewi;III/a;2023-10-30",
        "19950417 202310 2 002;Eko;III/a;2023-10-31",
    ]
    path = tmp_path / "tmt.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    defaults = {"track": "III", "method": "blended", "start": "2024-08-01"}
    streamed = validate_table(path, defaults=defaults)
    assert streamed.report == validate(load(path, defaults=defaults))
    cited = [
        (finding.location.row, str(finding.basis), finding.status)
        for finding in streamed.report
        if finding.code == "participant.probation"
    ]
    assert cited == [
        (2, "UU 5/2014, Pasal 64 ayat (1)", Status.SEC),
        (3, "UU 20/2023", Status.INF),
    ]


def test_a_pppk_number_is_reported_as_such_not_as_a_tmt_without_a_month() -> None:
    people = [person(nip="19921107 202221 1 001"), person(nip="19921107 201821 1 002")]
    report = validate(RawDocument(doc(cohort(participants=people))))
    found = {(f.code, f.location.path, f.severity, f.value) for f in report}
    assert found == {
        ("nip.pppk", "$.cohorts[0].participants[0].nip", Severity.ERROR, "202221"),
        ("nip.tmt", "$.cohorts[0].participants[1].nip", Severity.ERROR, "201821"),
    }
    pppk = next(f for f in report if f.code == "nip.pppk")
    assert "PPPK do not take Latsar CPNS" in pppk.message_en
    assert "PPPK tidak mengikuti Latsar CPNS" in pppk.message_id
    assert pppk.basis == Citation("perka-bkn-22-2007")
    rule = catalogue.get("nip.pppk")
    assert rule.severity is Severity.ERROR
    assert "reported by secondary sources" in rule.checks


def test_a_streamed_table_reports_a_pppk_number_on_its_row(tmp_path: Path) -> None:
    lines = [
        "NIP;Nama;Gol/Ruang",
        "19950417 202403 2 004;Dewi;III/a",
        "199211072022211001;Rahmat;III/a",
    ]
    path = tmp_path / "pppk.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    defaults = {"track": "III", "method": "blended", "start": "2024-04-22"}
    streamed = validate_table(path, defaults=defaults).report
    assert streamed == validate(load(path, defaults=defaults))
    assert [(f.code, f.location.row) for f in streamed if f.code.startswith("nip.")] == [
        ("nip.pppk", 3)
    ]


def test_organizer_not_known_to_be_accredited_is_a_warning() -> None:
    for organizer in ({"name": "X"}, {"name": "X", "accredited": False}, None):
        data = doc(cohort(organizer=organizer))
        report = validate(RawDocument(data))
        accreditation = [f for f in report if f.code == "organizer.accreditation"]
        assert len(accreditation) == 1
        assert accreditation[0].severity is Severity.WARNING


def test_cohort_with_phases_gets_every_schedule_rule() -> None:
    phases = [
        {"kind": "mooc", "start": "2024-04-22", "end": "2024-05-16"},
        {"kind": "elearning", "start": "2024-05-17", "end": "2024-06-21"},
        {"kind": "klasikal", "start": "2024-06-24", "end": "2024-07-01"},
    ]
    found = findings(doc(cohort(phases=phases, regime="perlan-12-2018")))
    codes = {code for code, _ in found}
    assert {"schedule.days-total", "schedule.regime", "schedule.kind-days"} <= codes
    assert ("schedule.regime", "$.cohorts[0].regime") in found


def test_start_only_cohort_with_a_wrong_regime_claim() -> None:
    found = findings(doc(cohort(regime="perlan-12-2018")))
    assert ("schedule.regime", "$.cohorts[0].regime") in found


def test_cohort_without_schedule_is_reported_as_not_checked() -> None:
    data = doc(cohort(start=None, method="klasikal"))
    assert ("cohort.no-schedule", "$.cohorts[0]") in findings(data)


def test_cohorts_given_as_models() -> None:
    model = Cohort(
        "c",
        "Angkatan 1",
        track="III",
        method="blended",
        organizer=Organizer("BPSDM", accredited=True),
        start=d(2024, 4, 22),
        regime="perlan-1-2021+10-2021",
        participants=[Participant(GOOD_NIP, "Dewi", "III/a", "Dinkes")],
    )
    assert validate(model).ok
    assert validate([model, model]).codes() == {"participant.duplicate-nip"}


def test_validate_a_json_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "angkatan.json"
    path.write_text(json.dumps(doc(cohort(participants=[person(grade="V/a")]))), encoding="utf-8")
    report = validate(path)
    grade = next(f for f in report if f.code == "grade.format")
    assert grade.location.file == str(path)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("{", "not valid JSON"),
        ('{"a": NaN}', "NaN is not JSON"),
        ("[" * 100 + "]" * 100, "nested deeper"),
    ],
)
def test_unreadable_json_is_one_clear_error(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        read_json_text(text, "x.json")
    assert "x.json" in str(caught.value)
    assert fragment in str(caught.value)


def test_json_not_utf8_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.json"
    path.write_bytes('{"name": "Caf\u00e9"}'.encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_json(path)


def test_json_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc()).encode())
    assert read_json(path).data == doc()


def test_every_rule_code_used_is_catalogued_with_its_severity() -> None:
    data = doc(cohort(participants=[person(grade="x", nip="1", sex="?")]), cohort(id=None))
    for finding in validate(RawDocument(data)):
        assert catalogue.get(finding.code).severity is finding.severity


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "format",
                        "cohorts",
                        "id",
                        "name",
                        "track",
                        "participants",
                        "nip",
                        "phases",
                        "start",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_any_json_data_gives_a_report_never_an_exception(data: object) -> None:
    report = validate(RawDocument(data))
    for finding in report:
        assert catalogue.get(finding.code)


def test_a_boundary_the_caller_knows_decides_the_regime_and_ends_the_notice() -> None:
    data = doc(cohort(start="2024-09-02", regime=None))
    assert [code for code, _ in findings(data)] == ["schedule.regime-default"]
    newest = "perlan-1-2021+10-2021+kep-2024"
    report = validate(RawDocument(data, "t.json"), in_force_from={newest: d(2024, 7, 1)})
    assert len(report) == 0, report.to_text()
    # a boundary the caller confirms is no longer a default: nothing rests on one
    confirmed = validate(RawDocument(data, "t.json"), in_force_from={newest: d(2025, 1, 1)})
    assert len(confirmed) == 0, confirmed.to_text()


# -- schedules given phase by phase, checked once per distinct schedule ----------------------------


@st.composite
def _phases_shifted(draw: st.DrawFn) -> tuple[Any, ...]:
    """Planned phases, sometimes moved by a few days (so that some schedules are wrong)."""
    phases = draw(schedules()).phases
    shift = datetime.timedelta(days=draw(st.sampled_from([0, 0, 1, -3, 40])))
    index = draw(st.integers(0, len(phases) - 1))
    moved = attrs.evolve(phases[index], end=phases[index].end + shift)
    if moved.end < moved.start:
        return phases
    return (*phases[:index], moved, *phases[index + 1 :])


@settings(max_examples=25, deadline=None)
@given(st.lists(_phases_shifted(), min_size=1, max_size=3), st.lists(st.integers(0, 2), max_size=8))
def test_a_schedule_repeated_over_cohorts_gives_each_cohort_the_findings_it_has_alone(
    distinct: list[tuple[Any, ...]], picks: list[int]
) -> None:
    chosen = [distinct[pick % len(distinct)] for pick in picks] or [distinct[0]]
    cohorts = [
        Cohort(f"c{n}", f"Angkatan {n}", "III", None, phases=phases)
        for n, phases in enumerate(chosen)
    ]
    report = validate(cohorts)
    for n, one in enumerate(cohorts):
        schedule = one.schedule()
        assert schedule is not None
        alone = validate_schedule(schedule, location=Location(("cohorts", n)))
        here = [
            f
            for f in report
            if f.code.startswith("schedule.") and f.location.keys[:2] == ("cohorts", n)
        ]
        assert here == [f for f in alone if f.code.startswith("schedule.")]
