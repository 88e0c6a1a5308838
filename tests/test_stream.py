"""A table validated as it is read gives the report of the table loaded whole."""

from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pelatihan
from pelatihan.cli import main
from pelatihan.cli._summary import ReadSummary, cohort_sizes
from pelatihan.cli._validate import _render_text
from pelatihan.io.document import InputError
from pelatihan.io.reader import load, read
from pelatihan.io.results import attach_results, read_results
from pelatihan.io.structure import structure
from pelatihan.validation.pipeline import validate, validate_attached, validate_with_results
from pelatihan.validation.stream import Streamed, validate_table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

NIPS = [f"19950417 202403 2 {n:03d}" for n in range(1, 40)]

# per column: values that are right (or empty, where that is allowed) and values that are not
COLUMNS: dict[str, tuple[list[str], list[str]]] = {
    "Angkatan": (["A", "B", "C", ""], []),
    "NIP": ([], ["199504172024032001", "19860926 201505 1 001", "19990101 202213 1 010",
                 "19921107 202221 1 001", "1.98609E+17", ""]),
    "Nama": (["Dewi", " Eko "], [""]),
    "Gol/Ruang": (["III/a", "II/c", "Penata Muda (III/b)"], ["IV/a", "x", ""]),
    "Instansi": (["Dinkes"], [""]),
    "Tanggal Lahir": (["1995-04-17", "17-04-1995", ""], ["31-02-1995", "kemarin", "1986-09-26"]),
    "TMT CPNS": (["2024-03-01", "01/03/2024", ""], ["01/03/2019", "2023-01-01"]),
    "Jenis Kelamin": (["P", "perempuan", ""], ["L", "X"]),
    "Jalur": (["III", "II", ""], ["V"]),
    "Metode": (["blended", "klasikal", ""], ["daring"]),
    "Tanggal Mulai": (["2024-04-22", "2024-10-14", "2021-03-15", ""], ["1999-01-01"]),
    "Penyelenggara": (["BPSDM", ""], []),
}  # fmt: skip


@st.composite
def tables(draw: st.DrawFn) -> str:
    optional = [name for name in COLUMNS if name not in ("NIP", "Nama")]
    chosen = ["NIP", "Nama", *draw(st.lists(st.sampled_from(optional), unique=True))]
    header = draw(st.permutations(chosen))
    messy = draw(st.sampled_from([0.0, 0.1, 0.5]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for number in range(draw(st.integers(1, 12))):
        shape = draw(st.sampled_from(["row", "row", "row", "row", "blank", "long"]))
        if shape == "blank":
            writer.writerow([""] * len(header))
            continue
        cells = []
        for name in header:
            right, wrong = COLUMNS[name]
            if name == "NIP":
                right = [NIPS[number], NIPS[draw(st.integers(0, 2))]]
            bad = wrong and draw(st.floats(0, 1)) < messy
            cells.append(draw(st.sampled_from(wrong if bad else right)))
        writer.writerow([*cells, "extra"] if shape == "long" else cells)
    return out.getvalue()


def _both(path: Path, defaults: dict[str, str]) -> tuple[Streamed, pelatihan.Report]:
    streamed = validate_table(path, defaults=defaults)
    return streamed, validate(load(path, defaults=defaults))


_PARTICIPANT = re.compile(r"\$\.cohorts\[(\d+)\]\.participants\[(\d+)\]")


def _with_findings(report: pelatihan.Report) -> set[tuple[int, int]]:
    found = set()
    for finding in report:
        match = _PARTICIPANT.match(finding.location.path)
        if match:
            found.add((int(match[1]), int(match[2])))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(),
    st.fixed_dictionaries({}, optional={"track": st.just("III"), "method": st.just("blended")}),
)
def test_the_streamed_report_is_the_loaded_report(
    tmp_path_factory: pytest.TempPathFactory, text: str, defaults: dict[str, str]
) -> None:
    path = tmp_path_factory.mktemp("stream") / "angkatan.csv"
    path.write_text(text, encoding="utf-8")
    try:
        streamed, whole = _both(path, defaults)
    except InputError:
        with pytest.raises(InputError):
            validate(load(path, defaults=defaults))
        return
    assert streamed.report == whole
    loaded = load(path, defaults=defaults)
    for lang in ("en", "id"):  # the command shows the two alike
        assert _render_text([streamed.shown], [streamed.report], whole, lang=lang) == (
            _render_text([loaded], [whole], whole, lang=lang)
        )
    assert streamed.participants == sum(len(c.participants) for c in loaded.cohorts)
    assert sum(streamed.cohort_sizes) == streamed.participants
    # what was read counts the same from the reader as from the table loaded whole
    assert ReadSummary.of(
        [streamed.shown], [streamed.report], [streamed.cohort_sizes]
    ) == ReadSummary.of([loaded], [whole], [cohort_sizes(loaded)])
    # the participants kept for showing are exactly those with a finding, with their rows
    shown = streamed.shown
    kept = {
        (position, index)
        for position, indexes in enumerate(shown.participant_index)
        for index in indexes
    }
    assert kept == _with_findings(whole)
    for position, indexes in enumerate(shown.participant_index):
        for number, index in enumerate(indexes):
            assert (
                shown.cohorts[position].participants[number]
                == (loaded.cohorts[position].participants[index])
            )
            assert shown.participant_location(position, number) == loaded.participant_location(
                position, index
            )


@pytest.mark.parametrize("name", ["participants.csv", "participants.xlsx"])
def test_example_tables_stream_to_the_loaded_report(name: str) -> None:
    defaults = {"track": "III", "method": "blended"}
    streamed, whole = _both(EXAMPLES / name, defaults)
    assert streamed.report == whole
    assert streamed.participants > 0


def test_validate_streams_tables_and_loads_json(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = pelatihan.validation.stream.validate_table

    def spy(path: object, **options: object) -> Streamed:
        calls.append(str(path))
        return original(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("pelatihan.validation.stream.validate_table", spy)
    pelatihan.validate(EXAMPLES / "participants.csv")
    pelatihan.validate(EXAMPLES / "cohort.json")
    assert calls == [str(EXAMPLES / "participants.csv")]


def test_rows_wait_for_a_cohort_fact_given_on_a_later_row(tmp_path: Path) -> None:
    lines = [
        "Angkatan;NIP;Nama;Gol/Ruang;Jalur",
        "A;19950417 202403 2 004;Dewi;II/c;",  # the track is not known yet
        "A;19860926 201505 1 001;Budi;III/a;III",
    ]
    path = tmp_path / "late.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    streamed = validate_table(path, defaults={"method": "blended"})
    tracks = [f for f in streamed.report if f.code == "participant.track"]
    assert [f.location.row for f in tracks] == [2]
    assert streamed.report == validate(load(path, defaults={"method": "blended"}))


def test_a_cohort_settled_without_finding_is_structured_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unless a later row gives a fact it lacked, or its facts had a finding."""
    from pelatihan.io import structure as structure_module  # noqa: PLC0415

    lines = [
        "Angkatan;Jalur;Metode;Tanggal Mulai;Penyelenggara;NIP;Nama",
        "A;III;blended;2025-03-04;;19950417 202403 2 004;Dewi",
        "B;III;blended;2025-03-04;;19860926 201505 1 001;Budi",
        "B;III;blended;2025-03-04;BPSDM;19921107 202203 1 001;Citra",  # B's organiser, late
        "C;III;daring;2025-03-04;;19900101 202203 1 002;Eka",  # a method not known
    ]
    path = tmp_path / "cohorts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    structured: list[str] = []
    original = structure_module._Structurer.cohort

    def counted(
        self: structure_module._Structurer, data: dict[str, object], keys: tuple[object, ...]
    ) -> object:
        structured.append(str(data["id"]))
        return original(self, data, keys)  # type: ignore[arg-type]

    monkeypatch.setattr(structure_module._Structurer, "cohort", counted)
    streamed = validate_table(path)
    assert sorted(structured) == ["A", "B", "B", "C", "C"]
    monkeypatch.undo()
    assert streamed.report == validate(load(path))
    assert [c.organizer.name if c.organizer else None for c in streamed.shown.cohorts] == [
        None,
        "BPSDM",
        None,
    ]


def test_progress_is_reported_with_an_estimate_and_at_the_end(tmp_path: Path) -> None:
    people = [f"19950417 202403 2 {n:03d};Peserta {n};III/a;Dinkes" for n in range(1, 999)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(["NIP;Nama;Gol/Ruang;Instansi", *people, *people, ""]), "utf-8")
    seen: list[tuple[int, int]] = []
    streamed = validate_table(path, progress=lambda done, total: seen.append((done, total)))
    assert streamed.participants == 1996
    assert seen == [(1000, 1996), (1996, 1996)]


def test_other_file_types_are_refused() -> None:
    with pytest.raises(ValueError, match=r"reads \.csv, \.txt, \.xlsx, \.xlsm files"):
        validate_table(EXAMPLES / "cohort.json")


def test_the_command_shows_a_streamed_table_as_a_loaded_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = EXAMPLES / "participants.csv"
    loaded = load(path, defaults={"track": "III", "method": "blended"})
    whole = validate(loaded)
    code = main(["validate", str(path), "--track", "III", "--method", "blended"])
    assert code == (0 if whole.ok else 1)
    # what was read is counted alike, though the streamed table keeps only some participants
    summary = ReadSummary.of([loaded], [whole], [cohort_sizes(loaded)])
    expected = _render_text([loaded], [whole], whole, summary=summary)
    assert capsys.readouterr().out.rstrip("\n") == expected
    assert expected.splitlines()[0] == "Read 1 file: 1 cohort, 11 participants"


def test_a_streamed_table_takes_the_regime_boundary_the_caller_knows(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(
        "NIP;Nama;Gol/Ruang;Instansi;Metode;Tanggal Mulai\n"
        "19950417 202403 2 004;Dewi;III/a;Dinkes;blended;2024-09-02\n",
        encoding="utf-8",
    )
    facts = {"track": "III", "organizer": "BPSDM"}
    assert "schedule.regime-default" in validate_table(path, defaults=facts).report.codes()
    known = {"perlan-1-2021+10-2021+kep-2024": datetime.date(2024, 7, 1)}
    streamed = validate_table(path, defaults=facts, in_force_from=known)
    assert "schedule.regime-default" not in streamed.report.codes()
    assert (
        streamed.report.codes()
        == pelatihan.validate(path, defaults=facts, in_force_from=known).codes()
    )


# -- results and workbooks: the same fold, the same report ---------------------------------


@st.composite
def results_exports(draw: st.DrawFn) -> str:
    """A results export: rows for the table's NIPs (and strangers), some naming a cohort."""
    header = ["NIP", "Tipe A", "Tipe B", "Sikap Perilaku", "Aktualisasi"]
    named = draw(st.booleans())
    if named:
        header.insert(0, "Angkatan")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 8))):
        nip = draw(st.sampled_from([*NIPS[:6], "19990101 202403 1 001", "", "x"]))
        scores = [draw(st.sampled_from(["80", "65,5", "95", "", "101", "abc"])) for _ in range(4)]
        row = [nip, *scores]
        if named:
            row.insert(0, draw(st.sampled_from(["A", "B", "", "Z"])))
        writer.writerow(row)
    return out.getvalue()


def _whole_with_results(path: Path, results: Path, defaults: dict[str, str]) -> pelatihan.Report:
    document = attach_results(read(path, defaults=defaults), read_results(results))
    return validate_attached(structure(document))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), results_exports())
def test_a_streamed_table_with_results_gives_the_loaded_report(
    tmp_path_factory: pytest.TempPathFactory, text: str, export: str
) -> None:
    folder = tmp_path_factory.mktemp("results")
    path, results = folder / "angkatan.csv", folder / "hasil.csv"
    path.write_text(text, encoding="utf-8")
    results.write_text(export, encoding="utf-8")
    defaults = {"track": "III", "method": "klasikal", "regime": "perlan-1-2021+10-2021"}
    try:
        whole = _whole_with_results(path, results, defaults)
    except InputError:
        with pytest.raises(InputError):
            validate_table(path, defaults=defaults, results=results)
        return
    streamed = validate_table(path, defaults=defaults, results=results)
    assert streamed.report == whole
    assert validate_with_results(path, results, defaults=defaults) == whole


def _workbook(text: str, path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        sheet.append(row)
    book.save(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_a_streamed_workbook_gives_the_loaded_report(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "angkatan.xlsx"
    _workbook(text, path)
    defaults = {"track": "III", "method": "blended"}
    try:
        whole = validate(load(path, defaults=defaults))
    except InputError:
        with pytest.raises(InputError):
            validate_table(path, defaults=defaults)
        return
    assert validate_table(path, defaults=defaults).report == whole


def test_results_streamed_are_checked_and_placed_at_their_results_rows(tmp_path: Path) -> None:
    table = tmp_path / "angkatan.csv"
    table.write_text(
        "Angkatan;NIP;Nama;Gol/Ruang;Instansi\n"
        "A;19950417 202403 2 001;Dewi;III/a;Dinkes\n"
        "A;19950417 202403 2 002;Eko;III/a;Dinkes\n",
        encoding="utf-8",
    )
    results = tmp_path / "hasil.csv"
    results.write_text(
        "NIP;Tipe A;Tipe B;Sikap Perilaku;Aktualisasi\n"
        "199504172024032001;80;80;80;80\n"
        "19990101 202403 1 001;70;70;70;70\n",
        encoding="utf-8",
    )
    defaults = {"track": "III", "method": "klasikal", "regime": "perlan-1-2021+10-2021"}
    report = validate_table(table, defaults=defaults, results=results).report
    found = {
        (f.code, f.location.file, f.location.row)
        for f in report
        if f.code != "organizer.accreditation"
    }
    assert ("results.unknown-nip", str(results), 3) in found
    assert ("results.missing", str(table), 3) in found  # Eko, on the table's row 3
    assert ("results.incomplete", str(results), 2) in found  # its weights are OPEN in that regime


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), tables(), st.booleans())
def test_a_streamed_workbook_of_several_tables_gives_the_loaded_report(
    tmp_path_factory: pytest.TempPathFactory, first: str, second: str, titled: bool
) -> None:
    path = tmp_path_factory.mktemp("sheets") / "angkatan.xlsx"
    book = openpyxl.Workbook()
    for sheet, text in zip(
        (book.active, book.create_sheet("Cadangan")), (first, second), strict=True
    ):
        assert sheet is not None
        if titled:
            sheet.append(["DAFTAR PESERTA LATSAR"])
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            sheet.append(row)
    book.create_sheet("Catatan").append(["hanya catatan"])
    book.save(path)
    defaults = {"track": "III", "method": "blended"}
    try:
        loaded = load(path, defaults=defaults)
    except InputError:
        with pytest.raises(InputError):
            validate_table(path, defaults=defaults)
        return
    whole = validate(loaded)
    streamed = validate_table(path, defaults=defaults)
    assert streamed.report == whole
    for lang in ("en", "id"):
        assert _render_text([streamed.shown], [streamed.report], whole, lang=lang) == (
            _render_text([loaded], [whole], whole, lang=lang)
        )


def test_a_fact_only_a_later_worksheet_gives_is_waited_for(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Satu"
    first.append(["Angkatan", "NIP", "Nama", "Gol/Ruang", "Instansi"])
    first.append(["A", "19950417 201903 2 004", "Dewi", "III/a", "Dinkes"])
    second = book.create_sheet("Dua")
    second.append(["Angkatan", "Jalur", "NIP", "Nama", "Gol/Ruang", "Instansi"])
    second.append(["A", "II", "19960417 201903 2 004", "Eko", "II/a", "Dinkes"])
    path = tmp_path / "dua-lembar.xlsx"
    book.save(path)
    defaults = {"method": "blended", "start": "2019-10-17"}
    streamed = validate_table(path, defaults=defaults).report
    assert streamed == validate(load(path, defaults=defaults))
    track = [f.location.row for f in streamed if f.code == "participant.track"]
    assert track == [2]  # Dewi's III/a, in a cohort whose track the second sheet gives


def test_findings_follow_the_workbook_s_order_of_worksheets_on_both_paths(tmp_path: Path) -> None:
    names = ["Angkatan II", "Angkatan III", "Angkatan X", "Angkatan IX"]  # not in text order
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for number, name in enumerate(names, start=1):
        sheet = book.create_sheet(name)
        sheet.append([f"DAFTAR PESERTA {name.upper()}"])
        sheet.append(["NIP", "Nama", "Gol/Ruang"])
        sheet.append([f"19950417 202403 2 {number:03d}", "Dewi", "IV/e"])
    path = tmp_path / "angkatan.xlsx"
    book.save(path)
    defaults = {"track": "III", "method": "blended"}
    loaded = load(path, defaults=defaults)
    whole = validate(loaded)
    streamed = validate_table(path, defaults=defaults)
    assert streamed.report == whole
    sheets = [f.location.file for f in whole if f.location.row is not None]
    assert sorted(set(sheets), key=sheets.index) == [f"{path}[{name}]" for name in names]
    # each cohort knows its worksheet, read whole or streamed
    parts = tuple((f"{path}[{name}]",) for name in names)
    assert loaded.document.cohort_parts == streamed.shown.document.cohort_parts == parts
