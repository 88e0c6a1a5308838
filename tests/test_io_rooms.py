"""Room-days files: read back exactly as written, and every bad row named with its file and row."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelatihan.io.document import InputError
from pelatihan.io.rooms import RoomDaysError, read_room_days


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.dates(datetime.date(2024, 1, 1), datetime.date(2027, 12, 31)),
        st.integers(min_value=0, max_value=500),
        max_size=30,
    ),
    st.sampled_from(
        (("Tanggal", "Ruang", ";"), ("date", "rooms", ","), ("Hari", "Ruang Kelas", ";"))
    ),
    st.sampled_from(("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")),
    st.booleans(),
)
def test_room_days_written_any_usual_way_read_back_exactly(
    tmp_path: Path,
    days: dict[datetime.date, int],
    header: tuple[str, str, str],
    written: str,
    bom: bool,
) -> None:
    day_header, rooms_header, delimiter = header
    lines = [f"{day_header}{delimiter}{rooms_header}"]
    lines += [f"{day.strftime(written)}{delimiter}{rooms}" for day, rooms in days.items()]
    path = tmp_path / "ruang.csv"
    path.write_text(("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n\r\n", encoding="utf-8")
    assert read_room_days(path) == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanggal;Ruang\n2025-09-01;dua\n", [":2: the rooms 'dua' are not a whole number"]),
        ("Tanggal;Ruang\n2025-09-01;-1\n", [":2: the rooms '-1' are not a whole number"]),
        ("Tanggal;Ruang\n31-02-2025;1\n", [":2: the day '31-02-2025' is not a date"]),
        ("Tanggal;Ruang\n2025-09-01;1;x\n", [":2: expected a day and its rooms, got 3 cells"]),
        (
            "Tanggal;Ruang\n2025-09-01;1\n\n01/09/2025;2\nlusa;x\n",
            [
                ":4: the day 2025-09-01 is listed before, in row 2",
                ":5: the day 'lusa' is not a date",
                ":5: the rooms 'x' are not a whole number",
            ],
        ),
        ("Nama;Ruang\n2025-09-01;1\n", [":1: the header must be a day and a rooms column"]),
        ("", [":1: the header must be a day and a rooms column"]),
    ],
)
def test_every_bad_row_is_named_with_the_file_and_row(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "ruang.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RoomDaysError) as raised:
        read_room_days(path)
    problems = raised.value.problems
    assert len(problems) == len(expected)
    for (en, id_), start in zip(problems, expected, strict=True):
        assert en.startswith(str(path) + start)
        assert id_.startswith(str(path) + start[:3])


def test_a_file_that_cannot_be_read_names_itself(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.csv: cannot read the file"):
        read_room_days(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Tanggal;Ruang\n2025-09-01;1\n\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.csv: not UTF-8"):
        read_room_days(latin)
