r"""Room-days: the classrooms an organiser has on each day, read from a CSV file.

``pelatihan allocate --rooms FILE`` and :func:`read_room_days` read a table of
two columns, the day and the number of classrooms free for in-class phases on
it, under a header: ``Tanggal;Ruang`` (or ``date,rooms``), one row per day.
The delimiter is the header's (``;`` or ``,``); the file is UTF-8, with or
without a byte-order mark. Days are written as participant lists write them
(:func:`~pelatihan.io.dates.parse_date`: ``2025-09-01``, ``01/09/2025``,
``1 September 2025``); rooms are whole numbers, 0 or more. Blank rows are
skipped. What the days not listed have is the caller's choice (the command's
``--rooms-default``, 0 unless given).

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "ruang.csv").write_text("Tanggal;Ruang\n2025-09-01;2\n02/09/2025;0\n")
    >>> read_room_days(folder / "ruang.csv")
    {datetime.date(2025, 9, 1): 2, datetime.date(2025, 9, 2): 0}

Every bad row is reported, each with the file and row (the header is row 1):

    >>> _ = (folder / "bad.csv").write_text("date,rooms\n2025-09-01,two\n31/02/2025,1\n")
    >>> try:
    ...     read_room_days(folder / "bad.csv")
    ... except RoomDaysError as error:
    ...     for en, _ in error.problems:
    ...         print(en.split(":", 1)[1])  # doctest: +ELLIPSIS
    2: the rooms 'two' are not a whole number 0 or more
    3: the day '31/02/2025' is not a date: ...
"""

from __future__ import annotations

import csv
import datetime
import os

from pelatihan.io.dates import InvalidDate, parse_date
from pelatihan.io.document import InputError, open_input, read_limited
from pelatihan.io.table import normalize_header

__all__ = ["DAY_HEADERS", "ROOM_HEADERS", "RoomDaysError", "read_room_days"]

DAY_HEADERS = frozenset({"tanggal", "date", "day", "hari", "haritanggal"})
"""The headers the day column may have (compared as :func:`~pelatihan.io.table.normalize_header`
gives them)."""

ROOM_HEADERS = frozenset({"ruang", "rooms", "ruangkelas", "jumlahruang", "classrooms"})
"""The headers the rooms column may have."""


class RoomDaysError(InputError):
    """A room-days file with bad rows: every problem, each naming the file and row.

    Args:
        problems: Each problem, in English and in Indonesian.
    """

    code = "input.room-days"

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(en for en, _ in problems), "\n".join(id_ for _, id_ in problems))
        self.problems = tuple(problems)


def read_room_days(path: str | os.PathLike[str]) -> dict[datetime.date, int]:
    """The classrooms on each day a room-days file lists.

    Raises:
        InputError: If the file cannot be read (missing, too large, not UTF-8).
        RoomDaysError: If its header is not a day and a rooms column, or a row is
            bad: a day that is not a date, rooms that are not a whole number 0 or
            more, a day listed twice, or more or fewer cells than two.
    """
    name = os.fspath(path)
    try:
        with open_input(path, name) as stream:
            data = read_limited(stream, name)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(
            f"{name}: cannot read the file: {reason}",
            f"{name}: berkas tidak dapat dibaca: {reason}",
            value=name,
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: not UTF-8 text; save the room-days table as CSV UTF-8",
            f"{name}: bukan teks UTF-8; simpan tabel ruang sebagai CSV UTF-8",
            value=name,
        ) from None
    lines = text.splitlines()
    header = lines[0] if lines else ""
    rows = csv.reader(lines, delimiter=";" if ";" in header else ",")
    head = [normalize_header(cell) for cell in next(rows, [])]
    if len(head) < 2 or head[0] not in DAY_HEADERS or head[1] not in ROOM_HEADERS:
        raise RoomDaysError(
            [
                (
                    (
                        f"{name}:1: the header must be a day and a rooms column, such as "
                        f"'Tanggal;Ruang' or 'date,rooms', not {header!r}"
                    ),
                    (
                        f"{name}:1: judul kolom harus kolom tanggal dan kolom ruang, misalnya "
                        f"'Tanggal;Ruang' atau 'date,rooms', bukan {header!r}"
                    ),
                )
            ]
        )
    days: dict[datetime.date, int] = {}
    listed: dict[datetime.date, int] = {}
    problems: list[tuple[str, str]] = []
    for row, read in enumerate(rows, start=2):
        cells = [cell.strip() for cell in read]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        found = _row(name, row, cells, listed)
        if isinstance(found, tuple):
            day, rooms = found
            days[day] = rooms
            listed[day] = row
        else:
            problems.extend(found)
    if problems:
        raise RoomDaysError(problems)
    return days


def _row(
    name: str, row: int, cells: list[str], listed: dict[datetime.date, int]
) -> tuple[datetime.date, int] | list[tuple[str, str]]:
    """The day and rooms of a row, or what is wrong with it."""
    where = f"{name}:{row}"
    if len(cells) != 2:
        return [
            (
                f"{where}: expected a day and its rooms, got {len(cells)} cells",
                f"{where}: seharusnya tanggal dan jumlah ruang, terdapat {len(cells)} sel",
            )
        ]
    problems: list[tuple[str, str]] = []
    day: datetime.date | None = None
    try:
        day = parse_date(cells[0])
    except InvalidDate as error:
        problems.append(
            (
                f"{where}: the day {cells[0]!r} is not a date: {error.message_en}",
                f"{where}: tanggal {cells[0]!r} bukan tanggal: {error.message_id}",
            )
        )
    text = cells[1]
    rooms = int(text) if text.isascii() and text.isdigit() else None
    if rooms is None:
        problems.append(
            (
                f"{where}: the rooms {text!r} are not a whole number 0 or more",
                f"{where}: jumlah ruang {text!r} bukan bilangan bulat 0 atau lebih",
            )
        )
    if day is not None and day in listed:
        problems.append(
            (
                f"{where}: the day {day.isoformat()} is listed before, in row {listed[day]}",
                f"{where}: tanggal {day.isoformat()} sudah tercantum di baris {listed[day]}",
            )
        )
    if problems or day is None or rooms is None:
        return problems
    return day, rooms
