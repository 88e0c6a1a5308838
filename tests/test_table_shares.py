"""A CSV file validated in pieces, shared out between processes, gives the report of one process."""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan.cli import main
from pelatihan.cli._summary import ReadSummary
from pelatihan.cli._validate import _render_text
from pelatihan.findings import max_per_code
from pelatihan.io.csv import (
    DELIMITERS,
    piece_lines,
    records,
    splits_plainly,
    stripped_cells,
    text_lines,
)
from pelatihan.io.document import InputError
from pelatihan.io.layout import RowSorter
from pelatihan.validation import parallel, table_shares
from pelatihan.validation import stream as stream_module
from pelatihan.validation.fold import AcrossFiles, Fold
from pelatihan.validation.stream import (
    Streamed,
    _StreamTable,
    estimated_rows,
    validate_table,
)
from pelatihan.validation.table_shares import validate_table_shared

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked")

# forking a worker for each example is slow: few examples
FEW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADER = [
    "Angkatan", "Jalur", "Metode", "Tanggal Mulai", "NIP", "Nama", "Gol/Ruang",
    "Jenis Kelamin", "Tanggal Lahir", "Instansi",
]  # fmt: skip

NIPS = [f"19950417 202403 2 {n:03d}" for n in range(1, 400)]

LAYOUTS = (
    "plain",  # a national export: a header, then one participant per line
    "title",  # title rows above the header
    "blank",  # blank rows among the participants
    "total",  # a total row and a signature block below them
    "quoted",  # cells in double quotes, one holding the delimiter
    "lines",  # a quoted cell over two lines
    "apart",  # a cohort's rows in two places
    "conflict",  # a cohort's later row gives another start
    "unnamed",  # text in a column with no header
    "crlf",  # lines ending in CR LF
    "lone-cr",  # a line broken by a lone CR
)


@st.composite
def exports(draw: st.DrawFn) -> tuple[str, str]:
    """A participant list as agencies export it, and the way it is laid out.

    Cohorts of a few participants each, one after another (over the first 30
    lines, so that the file may be cut), with NIPs given twice (in one cohort
    and in others), grades of the other track or none, birth dates the NIP
    disagrees with, names with spaces around them; laid out one of
    :data:`LAYOUTS` ways.
    """
    layout = draw(st.sampled_from(LAYOUTS))
    header = [*HEADER, "", "Catatan"] if layout == "unnamed" else list(HEADER)
    rows: list[list[str]] = []
    count = draw(st.integers(8, 12))
    numbers = iter(range(len(NIPS)))
    for cohort in range(count):
        track = draw(st.sampled_from(["II", "III"]))
        start = draw(st.sampled_from(["2024-04-22", "2024-10-14", "2025-03-10", "2026-02-02"]))
        facts = [f"angkatan-{cohort}", track, draw(st.sampled_from(["blended", "klasikal"])), start]
        for _ in range(draw(st.integers(5, 9))):
            nip = NIPS[next(numbers)]
            if draw(st.integers(0, 9)) == 0:  # a NIP given again, in this cohort or another
                nip = NIPS[draw(st.integers(0, 60))]
            grade = draw(st.sampled_from(["III/a", "III/b", "II/c", "II/a", "IX/z"]))
            born = draw(st.sampled_from(["17-04-1995", "17-04-1995", "1995-04-17", "18-04-1995"]))
            name = draw(st.sampled_from(["Dewi", "Eko", " Sari ", "Budi Santoso"]))
            rows.append([*facts, nip, name, grade, "P", born, "Dinkes"])
    if layout == "unnamed":
        for row in rows:
            row.extend(["", "catatan"])
        rows[draw(st.integers(0, len(rows) - 1))][-2] = "lepas"
    at = draw(st.integers(0, len(rows) - 1))
    if layout == "quoted":
        rows[at][9] = "Dinas Kesehatan; Kota Bogor"
    elif layout == "lines":
        rows[at][9] = "Dinas Kesehatan\nKota Bogor"
    elif layout == "apart":
        rows.append(list(rows.pop(draw(st.integers(0, 4)))))
    elif layout == "conflict":
        rows[at][3] = "2027-01-04"
    elif layout == "blank":
        for _ in range(draw(st.integers(1, 3))):
            rows.insert(draw(st.integers(0, len(rows))), [""] * len(header))
    out = io.StringIO()
    ending = "\r\n" if layout == "crlf" else "\n"
    writer = csv.writer(
        out,
        delimiter=";",
        lineterminator=ending,
        quoting=csv.QUOTE_ALL if layout == "quoted" else csv.QUOTE_MINIMAL,
    )
    if layout == "title":
        writer.writerows([["DAFTAR PESERTA LATSAR CPNS"], [""]])
    writer.writerow(header)
    writer.writerows(rows)
    if layout == "total":
        writer.writerows([["JUMLAH", *[""] * 8, str(len(rows))], ["Sidoarjo, 15 April 2024"]])
    text = out.getvalue()
    if layout == "lone-cr":
        lines = text.split("\n")
        where = draw(st.integers(len(lines) // 2, len(lines) - 2))
        lines[where] = lines[where][:12] + "\r" + lines[where][12:]
        text = "\n".join(lines)
    return text, layout


def one_process(path: Path, **options: Any) -> Streamed:
    return validate_table(path, **options)


def in_pieces(path: Path, **options: Any) -> Streamed:
    return validate_table_shared(path, jobs=2, least=0, **options)


def shown(streamed: Streamed) -> str:
    """The report as the command writes it: JSON with the summary, and text with the names."""
    report = streamed.report
    stream = io.StringIO()
    summary = ReadSummary.of([streamed.shown], [report], [streamed.cohort_sizes])
    report.write_json(stream, summary=summary.to_dict())
    text = _render_text([streamed.shown], [report], report, lang="en", basis=True, summary=summary)
    return stream.getvalue() + text + f"\n{streamed.participants} {streamed.cohort_sizes}"


def outcome(read: Any, path: Path, **options: Any) -> str:
    """What validating ``path`` gives: the report shown, or the error."""
    try:
        return shown(read(path, **options))
    except InputError as error:
        return f"error: {error.message_en} / {error.message_id}"


class Counted:
    """How often a file was read in pieces to the end, and how often it went to one process."""

    def __init__(self, patch: pytest.MonkeyPatch) -> None:
        self.pieces = self.whole = 0
        finish = table_shares._Merging.finish

        def counted(merging: table_shares._Merging, across: AcrossFiles | None) -> Any:
            done = finish(merging, across)
            if done is None:
                self.whole += 1
            else:
                self.pieces += 1
            return done

        patch.setattr(table_shares._Merging, "finish", counted)


@pytest.fixture
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@FEW
@given(export=exports(), pieces=st.sampled_from([2, 4, 16]), cap=st.sampled_from([0, 1, 1000]))
def test_a_file_read_in_pieces_gives_the_report_of_one_process(
    export: tuple[str, str], pieces: int, cap: int
) -> None:
    text, layout = export
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        path = Path(name) / "peserta.csv"
        path.write_text(text, encoding="utf-8")
        patch.setattr(table_shares, "PIECES_PER_PROCESS", pieces)
        counted = Counted(patch)
        with max_per_code(cap):  # a cap of 1 folds findings of one code two processes found
            assert outcome(in_pieces, path) == outcome(one_process, path)
    # a row not where the pieces assume it (a cohort in two places, a line that is not one
    # row): read again in one process, or never read in pieces
    assert counted.pieces == (layout not in ("apart", "lines", "lone-cr"))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=exports(), second=exports())
def test_files_in_pieces_report_nips_across_files_as_one_process_does(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    with tempfile.TemporaryDirectory() as name:
        paths = [Path(name) / "a.csv", Path(name) / "b.csv"]
        for path, (text, _) in zip(paths, (first, second), strict=True):
            path.write_text(text, encoding="utf-8")
        across = AcrossFiles()
        expected = [outcome(one_process, path, across=across) for path in paths]
        across = AcrossFiles()
        assert [outcome(in_pieces, path, across=across) for path in paths] == expected


def test_a_byte_that_is_not_utf8_is_reported_as_one_process_reports_it(folder: Path) -> None:
    text = _export(seed=3)
    body = text.encode()
    at = body.index(b"Dinkes", len(body) * 3 // 4)
    path = folder / "peserta.csv"
    path.write_bytes(body[:at] + b"Din\xe9kes" + body[at + 6 :])
    expected = outcome(one_process, path)
    assert expected.startswith("error: ")
    assert "not UTF-8" in expected
    assert outcome(in_pieces, path) == expected


def _export(seed: int) -> str:
    """A plain export of a few hundred participants in cohorts of 40."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for number in range(360):
        cohort = f"angkatan-{number // 40}"
        nip = NIPS[(number * seed) % len(NIPS)]
        writer.writerow([cohort, "III", "blended", "2025-03-10", nip, "Dewi", "III/a", "P",
                         "17-04-1995", "Dinkes"])  # fmt: skip
    return out.getvalue()


def failing(how: str) -> Any:
    """A worker's piece that fails (raises, or ends the process) unless it is the last one."""
    run = table_shares._Worker.run

    def fail(self: table_shares._Worker, start: int, stop: int) -> Any:
        if stop < self.file.size:
            if how == "raise":
                raise RuntimeError("a worker failed")
            os._exit(3)  # the process ends at once: nothing reaches the caller
        return run(self, start, stop)

    return fail


@pytest.mark.parametrize("how", ["raise", "die"])
def test_a_piece_a_worker_does_not_give_back_is_read_by_the_caller(
    folder: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "peserta.csv"
    path.write_text(_export(seed=7), encoding="utf-8")
    expected = outcome(one_process, path)
    monkeypatch.setattr(table_shares._Worker, "run", failing(how))
    counted = Counted(monkeypatch)
    assert outcome(in_pieces, path) == expected
    assert counted.pieces == 1


def test_an_error_of_a_rule_is_raised_as_one_process_raises_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "peserta.csv"
    path.write_text(_export(seed=5), encoding="utf-8")
    close = Fold.close

    def broken(self: Fold, state: Any, cohort: Any, count: int) -> None:
        if cohort.id == "angkatan-6":
            raise ValueError(f"cohort {cohort.id} cannot be closed")
        close(self, state, cohort, count)

    monkeypatch.setattr(Fold, "close", broken)
    with pytest.raises(ValueError, match="cannot be closed") as alone:
        one_process(path)
    with pytest.raises(ValueError, match="cannot be closed") as split:
        in_pieces(path)
    assert str(split.value) == str(alone.value)


@pytest.mark.parametrize("blank", [False, True])
def test_progress_counts_every_participant_once_in_order(folder: Path, blank: bool) -> None:
    lines = _export(seed=11).splitlines(keepends=True)
    if blank:  # a piece in the middle the command reads itself, after the worker's before it
        lines.insert(1 + 200, ";" * (len(HEADER) - 1) + "\n")  # between two cohorts
    path = folder / "peserta.csv"
    path.write_text("".join(lines), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    in_pieces(path, progress=lambda done, total: seen.append((done, total)))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(done <= total for done, total in seen)
    assert seen[-1] == (360, 360)


def test_progress_does_not_go_back_when_the_file_is_read_again_in_one_process(
    folder: Path,
) -> None:
    lines = _export(seed=11).splitlines(keepends=True)
    lines.append(lines[1])  # the first cohort's rows apart: read again, in one process
    path = folder / "peserta.csv"
    path.write_text("".join(lines), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    in_pieces(path, progress=lambda done, total: seen.append((done, total)))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (361, 361)


def test_a_file_without_a_column_of_cohorts_is_read_in_one_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _export(seed=13).splitlines()
    path = folder / "angkatan-1.csv"
    path.write_text("\n".join(line.split(";", 1)[1] for line in lines) + "\n", encoding="utf-8")
    started: list[int] = []
    monkeypatch.setattr(parallel, "share", lambda *args: started.append(1))
    assert outcome(in_pieces, path) == outcome(one_process, path)
    assert not started


@pytest.mark.parametrize("pieces", [4, 16, 64])
def test_a_quoted_cell_over_two_lines_at_the_end_of_a_cohort_is_read_as_one_process_reads_it(
    folder: Path, pieces: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    reader = csv.reader(io.StringIO(_export(seed=23)), delimiter=";")
    for number, cells in enumerate(reader):
        if number == 200:  # the last row of a cohort: a cut may fall in its cell
            cells[9] = "Dinas Kesehatan\nKota Bogor"
        writer.writerow(cells)
    path = folder / "peserta.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    monkeypatch.setattr(table_shares, "PIECES_PER_PROCESS", pieces)
    assert outcome(in_pieces, path) == outcome(one_process, path)


@pytest.mark.parametrize("length", [950_000, 999_990, 1_000_010, 1_100_000])
def test_a_line_near_the_longest_read_is_read_as_one_process_reads_it(
    folder: Path, length: int
) -> None:
    lines = _export(seed=29).splitlines(keepends=True)
    at = len(lines) * 3 // 4
    lines[at] = lines[at].rstrip("\n") + ";" + ";".join(["x" * 99] * (length // 100)) + "\n"
    path = folder / "peserta.csv"
    path.write_text("".join(lines), encoding="utf-8")
    assert outcome(in_pieces, path) == outcome(one_process, path)


def test_a_file_whose_rows_are_not_grouped_by_cohort_is_read_in_one_process_at_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header, *rows = _export(seed=19).splitlines(keepends=True)
    rows.sort(key=lambda line: line.split(";")[4])  # by NIP: the cohorts' rows apart
    path = folder / "peserta.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    started: list[int] = []
    monkeypatch.setattr(parallel, "share", lambda *args: started.append(1))
    assert outcome(in_pieces, path) == outcome(one_process, path)
    assert not started  # told by the lines looked at for the cuts, before any piece is read


def test_results_and_workbooks_are_read_in_one_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "peserta.csv"
    path.write_text(_export(seed=17), encoding="utf-8")
    results = folder / "nilai.csv"
    results.write_text("NIP;Nilai Akhir\n19950417 202403 2 001;80\n", encoding="utf-8")
    started: list[int] = []
    monkeypatch.setattr(parallel, "share", lambda *args: started.append(1))
    expected = shown(validate_table(path, results=results))
    assert shown(validate_table_shared(path, jobs=2, least=0, results=results)) == expected
    assert not started


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(export=exports())
def test_the_command_in_pieces_writes_what_one_process_writes(export: tuple[str, str]) -> None:
    text, _ = export
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        folder = Path(name)
        path = folder / "peserta.csv"
        path.write_text(text, encoding="utf-8")
        patch.setattr(parallel, "MIN_PARTICIPANTS", 1)  # pieces for this small file too
        patch.setattr(sys, "stdout", io.StringIO())
        for fmt in ("text", "json", "csv"):
            outputs = []
            for jobs in ("1", "2"):
                out = folder / f"report-{jobs}.{fmt}"
                code = main(
                    ["validate", str(path), "--format", fmt, "-o", str(out), "--jobs", jobs]
                )
                outputs.append((code, out.read_bytes()))
            assert outputs[1] == outputs[0]


def shown_in(shown: list[tuple[int, int]]) -> Any:
    """A progress display that keeps what it is shown in ``shown``."""
    return lambda done, total: shown.append((done, total))


@FEW
@given(
    export=exports().filter(lambda export: export[1] in ("plain", "crlf", "conflict")),
    cohort_last=st.booleans(),
)
def test_rows_added_as_lines_give_what_each_row_added_alone_gives(
    export: tuple[str, str], cohort_last: bool
) -> None:
    text, _ = export
    if cohort_last:  # the cohort's columns after the participant's: no row's beginning tells
        text = "".join(
            ";".join([*line.split(";")[4:], *line.split(";")[:4]]).replace("\r", "") + "\n"
            for line in text.splitlines()
        )
    data = text.encode()
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        path = Path(name) / "peserta.csv"
        path.write_bytes(data)
        patch.setattr(stream_module, "_PROGRESS_EVERY", 3)  # progress within these few rows
        file = table_shares._File(str(path))
        head = table_shares._head(file, data, None, None)
        file.close()
        assert head is not None
        options = table_shares._Options(
            str(path), _StreamTable, None, dict.fromkeys(table_shares._CHECKS)
        )
        lines = piece_lines(data)[1:]  # after the header
        outcomes = []
        for together in (True, False):
            shown: list[tuple[int, int]] = []
            stream = options.stream(progress=shown_in(shown), estimate=len(lines))
            table = options.table(head.header, stream)
            if together:
                assert table.add_lines(1, lines, ";", RowSorter(table).straight) == len(lines)
            else:
                for row, (cells, _) in enumerate(records(lines, ";", quoted=False), 2):
                    table.add_plain(row, cells)
            closed = [stream.close_one(table, cohort) for cohort in table.cohorts]
            found = [(f.code, f.location, f.message_en) for f in stream.fold.found]
            outcomes.append((shown, closed, found, table.records, stream.count))
        assert outcomes[0] == outcomes[1]
        assert outcomes[0][0] == [(done, len(lines)) for done in range(3, len(lines) + 1, 3)]


LINE_TEXT = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters='"\n\r'), max_size=30
)


@given(st.lists(st.lists(LINE_TEXT, min_size=1, max_size=5), max_size=8), st.booleans())
def test_lines_without_quotes_read_straight_are_the_records_read_in_full(
    rows: list[list[str]], crlf: bool
) -> None:
    ending = "\r\n" if crlf else "\n"
    data = "".join(";".join(cells) + ending for cells in rows).encode()
    full = list(records(text_lines(io.BytesIO(data), "p.csv", first=False), ";"))
    assert list(records(piece_lines(data), ";", quoted=False)) == full
    assert list(records(text_lines(io.BytesIO(data), "p.csv"), ";", quoted=False)) == full


PIECE_TEXT = st.text(
    st.one_of(
        st.sampled_from(';,\t "\r\n\0\x1c\x85\u2028\xa0'),
        st.characters(blacklist_categories=["Cs"]),
    ),
    max_size=60,
)


@given(PIECE_TEXT, st.sampled_from(DELIMITERS))
def test_a_piece_that_splits_plainly_gives_the_cells_the_csv_module_reads(
    text: str, delimiter: str
) -> None:
    data = text.encode()
    if not splits_plainly(data):
        assert '"' in text or "\0" in text or text.count("\r") > text.count("\r\n")
        return
    for line in piece_lines(data):
        ((cells, _),) = records([line], delimiter, quoted=False)
        assert stripped_cells(line, delimiter) == ([cell.strip() for cell in cells] or [""])


def test_the_rows_of_a_file_are_estimated_exactly_when_small_and_about_when_large(
    folder: Path,
) -> None:
    row = "angkatan-1;III;blended;2025-03-10;19950417 202403 2 001;Dewi;III/a;P;17-04-1995;X\n"
    for count in (3, 30_000):
        path = folder / f"p{count}.csv"
        path.write_text(";".join(HEADER) + "\n" + row * count, encoding="utf-8")
        estimate = estimated_rows(path)
        assert estimate == count if count == 3 else abs(estimate - count) <= count // 100
