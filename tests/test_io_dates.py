from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import ValidationError
from pelatihan.io.dates import MONTH_NAMES, InvalidDate, iso_or_none, parse_date

D = datetime.date
DATES = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))

NAMES_BY_MONTH: dict[int, list[str]] = {}
for _name, _number in MONTH_NAMES.items():
    NAMES_BY_MONTH.setdefault(_number, []).append(_name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-22", D(2024, 4, 22)),
        ("22-04-2024", D(2024, 4, 22)),
        ("22/04/2024", D(2024, 4, 22)),
        ("22.04.2024", D(2024, 4, 22)),
        ("5/4/2024", D(2024, 4, 5)),
        ("  22/04/2024 ", D(2024, 4, 22)),
        ("2024-04-22T08:30:00", D(2024, 4, 22)),
        ("2024-04-22 00:00:00", D(2024, 4, 22)),
        ("2024-04-22 23:59", D(2024, 4, 22)),
        ("2024-04-22T08:30:00.123456", D(2024, 4, 22)),
        ("1900-01-01", D(1900, 1, 1)),
        ("31-12-2100", D(2100, 12, 31)),
        ("29-02-2024", D(2024, 2, 29)),
    ],
)
def test_numeric_forms_are_iso_or_day_first(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 Agustus 1945", D(1945, 8, 17)),
        ("17 agt 1945", D(1945, 8, 17)),
        ("17 Agu 1945", D(1945, 8, 17)),
        ("17 AGS 1945", D(1945, 8, 17)),
        ("5 Peb 2024", D(2024, 2, 5)),
        ("5 Pebruari 2024", D(2024, 2, 5)),
        ("5 Nopember 2024", D(2024, 11, 5)),
        ("5 Februar 2024", None),
        ("1 Mei 2024", D(2024, 5, 1)),
        ("1 May 2024", D(2024, 5, 1)),
        ("3 Okt 2019", D(2019, 10, 3)),
        ("3 Oct. 2019", D(2019, 10, 3)),
        ("10 Nop 2020", D(2020, 11, 10)),
        ("25 Des 2020", D(2020, 12, 25)),
        ("25 December 2020", D(2020, 12, 25)),
        ("9 Sept 2021", D(2021, 9, 9)),
        ("22-Apr-2024", D(2024, 4, 22)),
        ("22  april  2024", D(2024, 4, 22)),
    ],
)
def test_month_names_are_indonesian_or_english_in_any_case(
    text: str, expected: datetime.date | None
) -> None:
    if expected is None:
        with pytest.raises(InvalidDate):
            parse_date(text)
    else:
        assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "29-02-2023",  # 2023 is not a leap year
        "31/04/2024",
        "04/22/2024",  # month first: never
        "2024-4-22",
        "2024/04/22",
        "22-04/2024",  # mixed separators
        "22-04-24",  # two-digit year
        "1899-12-31",
        "2101-01-01",
        "32 Januari 2024",
        "22 Foo 2024",
        "2024-04-22T24:00:00",
        "2024-04-22T12:60:00",
        "2024-04-22T",
        "٢٢/٠٤/٢٠٢٤",  # Arabic-Indic digits
        "2024-04-22Z",
        "kemarin",
    ],
)
def test_other_text_is_not_a_date(text: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(text)
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.code == "input.date"
    assert error.message_en
    assert error.message_id
    assert iso_or_none(text) is None


def test_error_messages_list_the_accepted_forms_in_both_languages() -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date("April 22, 2024")
    assert "DD-MM-YYYY" in caught.value.message_en
    assert "YYYY-MM-DD" in caught.value.message_en
    assert "tanggal di depan" in caught.value.message_id
    assert caught.value.value == "April 22, 2024"


def test_month_first_dates_get_a_day_first_hint() -> None:
    with pytest.raises(InvalidDate, match="the day comes first"):
        parse_date("04/22/2024")


def test_year_out_of_range_is_named() -> None:
    with pytest.raises(InvalidDate, match="1900 to 2100") as caught:
        parse_date("01-01-1899")
    assert "1900 sampai 2100" in caught.value.message_id


def test_error_value_is_shortened() -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date("x" * 10_000)
    assert isinstance(caught.value.value, str)
    assert len(caught.value.value) <= 40
    assert len(caught.value.message_en) < 400


def test_iso_or_none_gives_iso_text() -> None:
    assert iso_or_none("5 Peb 2024") == "2024-02-05"
    assert iso_or_none("2024-02-05 10:00:00") == "2024-02-05"
    assert iso_or_none("05-02-2024") == "2024-02-05"
    assert iso_or_none("") is None


@given(DATES, st.sampled_from(["-", "/", "."]), st.booleans())
def test_day_first_numeric_dates_parse_back(date: datetime.date, sep: str, pad: bool) -> None:
    day, month = (f"{date.day:02d}", f"{date.month:02d}") if pad else (date.day, date.month)
    assert parse_date(f"{day}{sep}{month}{sep}{date.year:04d}") == date


@given(DATES)
def test_iso_dates_parse_back(date: datetime.date) -> None:
    assert parse_date(date.isoformat()) == date
    assert iso_or_none(date.isoformat()) == date.isoformat()


@given(DATES, st.times(), st.sampled_from(["T", " "]))
def test_iso_date_times_parse_back_without_the_time(
    date: datetime.date, time: datetime.time, sep: str
) -> None:
    text = datetime.datetime.combine(date, time).isoformat(sep=sep, timespec="seconds")
    assert parse_date(text) == date


@given(DATES, st.data())
def test_month_name_dates_parse_back(date: datetime.date, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(NAMES_BY_MONTH[date.month]))
    case = data.draw(st.sampled_from([str.lower, str.upper, str.title]))
    sep = data.draw(st.sampled_from([" ", "-"]))
    assert parse_date(f"{date.day}{sep}{case(name)}{sep}{date.year}") == date


@given(st.text(max_size=40))
def test_arbitrary_text_raises_only_invalid_date(text: str) -> None:
    result: datetime.date | InvalidDate
    try:
        result = parse_date(text)
    except InvalidDate as error:
        result = error
    if isinstance(result, InvalidDate):
        assert result.code == "input.date"
    else:
        assert datetime.date(1900, 1, 1) <= result <= datetime.date(2100, 12, 31)


@given(st.from_regex(r"[0-9]{1,4}[-/. ][0-9A-Za-z]{1,9}[-/. ][0-9]{1,5}", fullmatch=True))
def test_date_like_text_raises_only_invalid_date(text: str) -> None:
    with contextlib.suppress(InvalidDate):
        parse_date(text)
