"""Cost in proportion to the input: a run of skipped rows is one finding; a cap per code."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan.cli import main
from pelatihan.findings import (
    FOLDED,
    MAX_FINDINGS_PER_CODE,
    Finding,
    Location,
    Report,
    Severity,
    Tally,
    fold,
    max_per_code,
)
from pelatihan.io.csv import read_csv
from pelatihan.io.reader import load
from pelatihan.io.xlsx import read_xlsx
from pelatihan.validation.pipeline import validate
from pelatihan.validation.stream import validate_table

NIP_1 = "19860926 201505 1 001"
NIP_2 = "19950417 201903 2 004"
PLAN = ["--track", "III", "--method", "klasikal", "--start", "2019-10-17"]


def _blank(findings: object) -> list[Finding]:
    return [f for f in findings if f.code == "input.blank-row"]  # type: ignore[attr-defined]


# -- runs of rows ------------------------------------------------------------------------


def test_a_run_of_blank_csv_rows_is_one_finding_with_its_range() -> None:
    text = f"NIP;Nama\n{NIP_1};Budi\n" + "\n" * 5000 + f"{NIP_2};Dewi\n;\n"
    doc = read_csv(io.BytesIO(text.encode()), file_name="a.csv")
    first, single = _blank(doc.findings)
    assert (first.location.row, first.location.last_row, first.value) == (3, 5002, 5000)
    assert first.location.rows == 5000
    assert first.message_en == "rows 3\u20135,002 are blank (5,000 rows): they are skipped"
    assert first.message_id == "baris 3\u20135.002 kosong (5.000 baris): baris-baris ini dilewati"
    assert str(first.location) == "a.csv:3-5002 $"
    # a run of one row is shown as it always was
    assert (single.location.row, single.location.last_row, single.value) == (5004, None, None)
    assert single.message_en == "row 5004 is blank: it is skipped"
    assert str(single.location) == "a.csv:5004 $"


def test_a_run_of_blank_sheet_rows_is_one_finding_with_its_range() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["NIP", "Nama"])
    sheet.append([NIP_1, "Budi"])
    sheet.append([None, None])
    sheet.append([None, None])
    sheet.append([None, None])
    sheet.append([NIP_2, "Dewi"])
    out = io.BytesIO()
    book.save(out)
    doc = read_xlsx(io.BytesIO(out.getvalue()), file_name="a.xlsx")
    (run,) = _blank(doc.findings)
    assert (run.location.row, run.location.last_row, run.value) == (3, 5, 3)


def test_rows_below_the_table_are_one_finding_per_run() -> None:
    lines = [
        "NIP;Nama;Gol/Ruang",
        f"{NIP_1};Budi;III/a",
        ";Kepala Bidang;",
        ";Sidoarjo;",
        ";Drs. X;",
    ]
    doc = read_csv(io.BytesIO("\n".join(lines).encode()), file_name="a.csv")
    (footer,) = [f for f in doc.findings if f.code == "input.footer-row"]
    assert (footer.location.row, footer.location.last_row) == (3, 5)
    assert footer.message_en.startswith("rows 3\u20135 (3 rows) are below the table")
    assert footer.value == "Kepala Bidang"


def test_the_summary_counts_rows_not_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"NIP;Nama\n{NIP_1};Budi\n" + "\n" * 1000 + f"{NIP_2};Dewi\n\n", "utf-8")
    main(["validate", str(path), *PLAN, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["rows_skipped"] == {"input.blank-row": 1001}
    assert data["counts_by_code"]["input.blank-row"] == 2
    ranged = [f for f in data["findings"] if f.get("last_row")]
    assert [(f["row"], f["last_row"], f["value"]) for f in ranged] == [(3, 1002, 1000)]
    main(["validate", str(path), *PLAN, "--max-per-code", "1"])
    assert "1,001 rows skipped (1,001 blank)" in capsys.readouterr().out


def test_a_ranged_finding_survives_a_json_round_trip() -> None:
    where = Location(file="a.csv", row=3, last_row=9)
    report = Report([Finding("input.blank-row", Severity.INFO, where, "en", "id", value=7)])
    assert Report.from_dict(json.loads(report.to_json())) == report


# -- the cap per code --------------------------------------------------------------------


def _many(code: str, count: int, file: str = "a.csv") -> list[Finding]:
    return [
        Finding(
            code, Severity.ERROR, Location(("cohorts", 0, "participants", n), file, n + 2), "e", "i"
        )
        for n in range(count)
    ]


def test_findings_beyond_the_cap_are_counted_exactly_by_one_finding() -> None:
    findings = _many("participant.nip", 2500) + _many("participant.grade", 10)
    report = Report(reversed(findings))
    assert report.counts_by_code() == {FOLDED: 1, "participant.grade": 10, "participant.nip": 1000}
    (folded,) = [f for f in report if f.code == FOLDED]
    assert folded.value == {"code": "participant.nip", "count": 1500, "rows": 1500}
    assert folded.location == findings[1000].location  # the first folded
    assert "and 1,500 more findings of participant.nip" in folded.message_en
    assert not report.ok
    # folding again, or in parts, changes nothing
    assert Report(report.findings) == report
    assert Report(findings[:1700]) + Report(findings[1700:]) == report
    assert Report.from_dict(json.loads(report.to_json())) == report


def test_the_cap_can_be_changed_or_lifted() -> None:
    findings = _many("participant.nip", 30)
    with max_per_code(0):
        assert len(Report(findings)) == 30
    with max_per_code(4):
        assert len(Report(findings)) == 5
    assert MAX_FINDINGS_PER_CODE == 1000
    with pytest.raises(ValueError, match=r"0 \(none\) or more"), max_per_code(-1):
        pass


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcd"), st.integers(0, 60), st.integers(0, 3)), max_size=300
    ),
    st.integers(1, 20),
    st.integers(1, 5),
)
def test_a_report_holds_at_most_the_cap_per_code_and_one_more(
    items: list[tuple[str, int, int]], cap: int, parts: int
) -> None:
    findings = [
        Finding(
            f"x.{code}",
            Severity.WARNING,
            Location(("items", n), "f", n + 1, n + 1 + run or None),
            "m",
            "m",
        )
        for code, n, run in items
    ]
    with max_per_code(cap):
        report = Report(findings)
        codes = {f.code for f in findings}
        assert len(report) <= len(codes) * cap + len(codes)
        kept = {code: sum(1 for f in report if f.code == code) for code in codes}
        folded: dict[str, dict[str, int]] = {
            f.value["code"]: f.value  # type: ignore[index, misc]
            for f in report
            if f.code == FOLDED
        }
        for code in codes:
            every = [f for f in findings if f.code == code]
            assert kept[code] == min(cap, len(every))
            if len(every) > cap:
                assert folded[code]["count"] == len(every) - cap
                ordered = sorted(every, key=Finding.sort_key)
                assert folded[code]["rows"] == sum(f.location.rows for f in ordered[cap:])
            else:
                assert code not in folded
        # any split into parts, folded and folded again, gives the same report
        size = len(findings) // parts + 1
        pieces = [fold(findings[i : i + size]) for i in range(0, len(findings), size)]
        assert Report([f for piece in pieces for f in piece]) == report


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("ab"),
            st.integers(0, 20),
            st.integers(0, 3),
            st.sampled_from(["row", "a cohort", "a key after", "a row of another file"]),
        ),
        max_size=120,
    ),
    st.integers(1, 6),
    st.lists(st.integers(0, 21), max_size=3),
    st.booleans(),
)
def test_the_parts_of_a_file_taken_on_with_a_tally_give_the_report_of_them_all(
    items: list[tuple[str, int, int, str]], cap: int, cuts: list[int], compacted: bool
) -> None:
    # a finding about the n-th record of a file; in the report's order those without a row come
    # first (by their keys), and one under a key that sorts after "cohorts" after them
    findings = [
        Finding(
            f"x.{code}",
            Severity.WARNING,
            Location(
                ("zz" if where == "a key after" else "cohorts", n),
                "e" if where == "a row of another file" else "f",
                n + 1 if where in ("row", "a row of another file") else None,
                n + 1 + run if where == "row" and run else None,
            ),
            "m",
            "m",
        )
        for code, n, run, where in items
    ]
    # the parts of the file: the records before a cut, then those after it
    bounds = [0, *sorted(cuts), 22]
    parts = [
        [f for f in findings if low <= f.location.keys[1] < high]  # type: ignore[operator]
        for low, high in itertools.pairwise(bounds)
    ]
    with max_per_code(cap):
        first, *rest = parts
        added = fold(first) if compacted else list(first)  # some of them folded already
        tally = Tally(added)
        for part in rest:
            (taken,) = tally.fold(part)
            added += taken
        assert Report(added) == Report(findings)


def test_a_tally_folds_the_findings_after_the_cap_of_their_code_and_no_others() -> None:
    early = _many("participant.nip", 5) + _many("participant.grade", 2)
    late = [
        f.at(Location(("cohorts", 1, "participants", n), "a.csv", 20 + n))
        for n, f in enumerate(early)
    ]
    with max_per_code(5):
        (taken,) = Tally(early).fold(late)
        assert [f.code for f in taken] == ["participant.grade"] * 2 + [FOLDED]
        assert taken[-1].value == {"code": "participant.nip", "count": 5, "rows": 5}
        assert taken[-1].location == late[0].location  # the first folded
        # the five findings before had a row: one without comes before them, and is kept
        cohort = early[0].at(Location(("cohorts", 1), "a.csv"))
        assert Tally(early).fold([cohort]) == [[cohort]]
    with max_per_code(0):
        assert Tally(early).fold(late) == [late]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(1, 5))
def test_a_streamed_table_and_a_loaded_one_fold_alike(tmp_path: Path, cap: int) -> None:
    rows = [f"19950417 20240{n % 9 + 1} 2 {n:03d};Dewi {n};X/z;;1999-13-01" for n in range(40)]
    rows[5:5] = [""] * 3
    path = tmp_path / "a.csv"
    path.write_text("NIP;Nama;Gol/Ruang;Instansi;Tanggal Lahir\n" + "\n".join(rows) + "\n", "utf-8")
    defaults = {"track": "III", "method": "klasikal", "start": "2024-04-22"}
    with max_per_code(cap):
        streamed = validate_table(path, defaults=defaults).report
        whole = validate(load(path, defaults=defaults))
    assert streamed == whole
    assert any(f.code == FOLDED for f in whole)
    counts = {code: n for code, n in whole.counts_by_code().items() if code != FOLDED}
    assert max(counts.values()) <= cap


def test_the_command_refuses_a_negative_cap(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "x.json", "--max-per-code", "-1"]) == 2
    assert "--max-per-code" in capsys.readouterr().err
