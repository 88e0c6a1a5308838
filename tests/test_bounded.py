"""Endless, blocking and sparse inputs, and dates at the calendar's edge: no hang, no crash.

The hostile inputs are made here, not kept as files: a named pipe, a device, a
worksheet whose second row is numbered 20,000,000, a CSV file of tens of thousands of blank
lines read from a stream that never holds them all. Memory stays bounded.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pelatihan.io.csv import read_csv
from pelatihan.io.document import InputError
from pelatihan.io.jsonfile import read_json
from pelatihan.io.tabular import TableBuilder
from pelatihan.io.xlsx import read_xlsx
from pelatihan.validation.stream import estimated_rows

SRC = Path(__file__).resolve().parents[1] / "src"
HEADER = b"NIP;Nama;Gol/Ruang;Instansi\n"
ROW = b"19950417 202403 2 004;Dewi;III/a;Dinkes\n"
TABLE_OPTIONS = ("--track", "III", "--method", "blended", "--start", "2024-04-22")

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")


def command(*argv: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m pelatihan`` with ``argv``; a hang fails the test at ``timeout`` seconds."""
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "pelatihan", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


# -- only regular files ----------------------------------------------------------------------


@needs_fifo
@pytest.mark.parametrize("name", ["pipe.csv", "pipe.json", "pipe.xlsx"])
def test_a_named_pipe_is_refused_at_once_without_waiting_for_a_writer(
    tmp_path: Path, name: str
) -> None:
    os.mkfifo(tmp_path / name)
    # opening a pipe without a writer blocks: a run that waits for one is stopped at 30 s
    result = command("validate", name, *TABLE_OPTIONS, cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    assert f"pelatihan: {name}: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@needs_dev_zero
@pytest.mark.parametrize("name", ["zero.csv", "zero.json", "zero.xlsx"])
def test_an_endless_device_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    result = command("validate", name, *TABLE_OPTIONS, cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    assert f"pelatihan: {name}: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@needs_dev_zero
def test_an_endless_device_as_a_results_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "peserta.csv").write_bytes(HEADER + ROW)
    (tmp_path / "hasil.csv").symlink_to("/dev/zero")
    result = command(
        "validate", "peserta.csv", "--results", "hasil.csv", *TABLE_OPTIONS, cwd=tmp_path
    )
    assert result.returncode == 2
    assert "pelatihan: hasil.csv: not a regular file" in result.stderr


@needs_fifo
def test_the_readers_refuse_a_pipe_and_a_folder_with_one_input_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    for path in (tmp_path / "pipe.csv", tmp_path):
        for read in (read_csv, read_xlsx, read_json):
            with pytest.raises(InputError, match="not a regular file") as caught:
                read(path)
            assert str(path) in caught.value.message_en
            assert "bukan berkas biasa" in caught.value.message_id


@needs_fifo
def test_the_row_estimate_reads_only_regular_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    assert estimated_rows(tmp_path / "pipe.csv") == 0  # returns at once: nothing is opened
    if Path("/dev/zero").exists():
        assert estimated_rows("/dev/zero") == 0
    (tmp_path / "p.csv").write_bytes(HEADER + ROW * 3)
    assert estimated_rows(tmp_path / "p.csv") == 3


def test_a_json_stream_is_read_up_to_one_byte_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("pelatihan.io.document.MAX_FILE_BYTES", 1000)

    class Endless(io.RawIOBase):
        taken = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b" " * len(buffer)
            self.taken += len(buffer)
            return len(buffer)

    endless = Endless()
    with pytest.raises(InputError, match="more than the 1,000"):
        read_json(io.BufferedReader(endless))
    assert endless.taken <= 1001 + io.DEFAULT_BUFFER_SIZE


# -- blank rows and gaps -----------------------------------------------------------------------


def _sparse_workbook(last_row: int) -> bytes:
    """A workbook with a header, one participant, and a cell in row ``last_row``.

    openpyxl writes rows up to Excel's 1,048,576 only; the row number is put in the
    worksheet's XML afterwards, as a hostile file would have it.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["NIP", "Nama", "Gol/Ruang"])
    sheet.append(["19950417 202403 2 004", "Dewi", "III/a"])
    sheet.cell(row=1_048_576, column=1, value="19950417 202403 2 005")
    sheet.cell(row=1_048_576, column=2, value="Sari")
    saved = io.BytesIO()
    book.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"1048576", str(last_row).encode())
            made.writestr(entry, data)
    return out.getvalue()


def test_a_worksheet_whose_rows_jump_to_20_million_reads_in_little_memory() -> None:
    data = _sparse_workbook(20_000_000)
    tracemalloc.start()
    try:
        doc = read_xlsx(io.BytesIO(data), file_name="jarang.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    participants = doc.data["cohorts"][0]["participants"]  # type: ignore[index]
    assert [p["name"] for p in participants] == ["Dewi", "Sari"]
    assert sorted(doc.rows.values()) == [2, 20_000_000]
    blank = [f for f in doc.findings if f.code == "input.blank-row"]
    assert [(f.location.row, f.value) for f in blank] == [(3, 19_999_997)]
    assert "rows 3\u201319,999,999" in blank[0].message_en


def test_a_worksheet_gap_is_read_as_the_blank_rows_openpyxl_gives() -> None:
    # a short gap: one run of blank rows, as the workbook read in full shows the rows
    doc = read_xlsx(io.BytesIO(_sparse_workbook(7)), file_name="celah.xlsx")
    blank = [
        (f.location.row, f.location.last_row) for f in doc.findings if f.code == "input.blank-row"
    ]
    assert blank == [(3, 6)]
    assert sorted(doc.rows.values()) == [2, 7]


class _BlankLines(io.RawIOBase):
    """A CSV file: a header, ``count`` blank lines and a participant, made as it is read."""

    def __init__(self, count: int) -> None:
        self._parts = iter(
            [HEADER, *([b"\n" * 65536] * (count // 65536)), b"\n" * (count % 65536), ROW]
        )
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._left:
            self._left = next(self._parts, b"")
            if not self._left:
                return 0
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def test_blank_lines_take_no_more_memory_than_one() -> None:
    count = 50_000  # held one by one, with a finding each, they took more than 25 MB
    tracemalloc.start()
    try:
        doc = read_csv(io.BufferedReader(_BlankLines(count)), file_name="kosong.csv")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024
    assert list(doc.rows.values()) == [count + 2]
    blank = [f for f in doc.findings if f.code == "input.blank-row"]
    assert [(f.location.row, f.value) for f in blank] == [(2, count)]


@pytest.mark.parametrize("run", [1, 2, 1000, 1001])
def test_a_run_of_blank_rows_is_one_finding_with_its_range(run: int) -> None:
    table = TableBuilder(["NIP", "Nama"])
    for row in range(2, run + 2):
        table.add_row(row, ["", " "])
    table.add_row(run + 2, ["1", "Ana"])
    blank = [f for f in table.findings if f.code == "input.blank-row"]
    assert [(f.location.row, f.location.last_row) for f in blank] == [
        (2, None if run == 1 else run + 1)
    ]


# -- the calendar's last year -----------------------------------------------------------------


@pytest.mark.parametrize("start", ["9999-09-01", "9999-09-15", "9999-10-01"])
def test_a_plan_in_9999_draws_as_svg(tmp_path: Path, start: str) -> None:
    result = command(
        "plan", "--start", start, "--track", "III", "--method", "blended", "--svg", "p.svg",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    drawing = ET.parse(tmp_path / "p.svg").getroot()
    assert drawing.tag == "{http://www.w3.org/2000/svg}svg"
    if start != "9999-09-01":  # the schedule runs into December 9999, the last month
        assert "Des 9999" in (tmp_path / "p.svg").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p.svg"]


def test_a_plan_that_cannot_be_written_as_icalendar_writes_no_file(tmp_path: Path) -> None:
    (tmp_path / "old.svg").write_text("old", encoding="utf-8")
    result = command(
        "plan", "--start", "9999-10-01", "--track", "III", "--method", "blended",
        "--ics", "p.ics", "--svg", "old.svg", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("pelatihan: p.ics: cannot be written: the schedule ends on")
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["old.svg"]
    assert (tmp_path / "old.svg").read_text(encoding="utf-8") == "old"
