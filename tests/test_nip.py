from __future__ import annotations

import contextlib
import datetime
import inspect
import pickle
import typing
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import _memo, nip
from pelatihan.errors import ValidationError
from pelatihan.nip import NIP, Sex, YearMonth, _checks
from pelatihan.provenance import Citation, Status

VALID = [
    ("19860926 201505 1 001", "198609262015051001"),
    ("19950417 201903 2 004", "199504172019032004"),
    ("19990101 202203 1 010", "199901012022031010"),
    ("19780830 200501 2 002", "197808302005012002"),
    ("19680411 199303 1 009", "196804111993031009"),
    ("19920508.202308.2.001", "199205082023082001"),
    ("19840706-200604-2-020", "198407062006042020"),
    ("198609262015051001", "198609262015051001"),
    (" 19860926  201505 1 001\n", "198609262015051001"),
    ("19860926\u00a0201505\u00a01\u00a0001", "198609262015051001"),
    ("19860926\u2013201505\u20131\u2013001", "198609262015051001"),
    ("19860926\u2212201505\u22121\u2212001", "198609262015051001"),
    ("19860926\t201505.1-001", "198609262015051001"),
]

# (input, exception class, component, value)
INVALID: list[tuple[object, type[nip.InvalidNIP], str | None, object]] = [
    ("19860926 2015O5 1 001", nip.InvalidFormat, None, "19860926 2015O5 1 001"),
    ("NIP. 19860926 201505 1 001", nip.InvalidFormat, None, "NIP. 19860926 201505 1 001"),
    ("19860926/201505/1/001", nip.InvalidFormat, None, "19860926/201505/1/001"),
    (None, nip.InvalidFormat, None, None),
    (1.98609262015051e17, nip.InvalidFormat, None, 1.98609262015051e17),
    (b"198609262015051001", nip.InvalidFormat, None, b"198609262015051001"),
    ("19860926 201505 1 01", nip.InvalidLength, None, "19860926 201505 1 01"),
    ("19860926 201505 1 0011", nip.InvalidLength, None, "19860926 201505 1 0011"),
    ("", nip.InvalidLength, None, ""),
    ("19860231 201505 1 001", nip.InvalidBirthDate, "birth_date", "19860231"),
    ("19861301 201505 1 001", nip.InvalidBirthDate, "birth_date", "19861301"),
    ("18991231 201505 1 001", nip.InvalidBirthDate, "birth_date", "18991231"),
    ("19860926 201513 1 001", nip.InvalidTMT, "tmt", "201513"),
    ("19860926 201500 1 001", nip.InvalidTMT, "tmt", "201500"),
    ("19860926 189905 1 001", nip.InvalidTMT, "tmt", "189905"),
    ("19921107 202200 1 001", nip.InvalidTMT, "tmt", "202200"),
    ("19921107 201821 1 001", nip.InvalidTMT, "tmt", "201821"),
    ("20100101 202221 1 001", nip.InvalidTMT, "tmt", "202221"),
    ("19921107 202221 1 001", nip.PPPKNumber, "tmt", "202221"),
    ("19921107 201913 2 001", nip.PPPKNumber, "tmt", "201913"),
    ("19921107 202499 1 000", nip.PPPKNumber, "tmt", "202499"),
    ("19921107 202221 3 001", nip.PPPKNumber, "tmt", "202221"),
    ("19860926 200005 1 001", nip.ImplausibleAge, "tmt", "200005"),
    ("19860926 198005 1 001", nip.ImplausibleAge, "tmt", "198005"),
    ("19860926 201505 3 001", nip.InvalidSex, "sex", "3"),
    ("19860926 201505 0 001", nip.InvalidSex, "sex", "0"),
    ("19860926 201505 1 000", nip.InvalidSerial, "serial", "000"),
]

CODES = {
    nip.InvalidFormat: "nip.format",
    nip.InvalidLength: "nip.length",
    nip.InvalidBirthDate: "nip.birth-date",
    nip.InvalidTMT: "nip.tmt",
    nip.PPPKNumber: "nip.pppk",
    nip.ImplausibleAge: "nip.age",
    nip.InvalidSex: "nip.sex",
    nip.InvalidSerial: "nip.serial",
}


# -- a local strategy for valid NIPs ----------------------------------------------------------


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _earliest_tmt(birth: datetime.date, minimum_age: int) -> YearMonth:
    """The first month whose first day finds the holder ``minimum_age`` years old."""
    year = birth.year + minimum_age
    if (birth.month, birth.day) == (2, 29):
        birthday = datetime.date(year, 3, 1) if minimum_age % 4 else datetime.date(year, 2, 29)
    else:
        birthday = datetime.date(year, birth.month, birth.day)
    if birthday.day == 1:
        return YearMonth(birthday.year, birthday.month)
    index = _month_index(birthday.year, birthday.month) + 1
    return YearMonth(index // 12, index % 12 + 1)


@st.composite
def nip_parts(draw: st.DrawFn) -> tuple[datetime.date, YearMonth, Sex, int]:
    birth = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)))
    earliest = _earliest_tmt(birth, 18)
    index = _month_index(earliest.year, earliest.month) + draw(st.integers(0, 12 * 60))
    tmt = YearMonth(index // 12, index % 12 + 1)
    sex = draw(st.sampled_from(Sex))
    serial = draw(st.integers(1, 999))
    return birth, tmt, sex, serial


def _digits_of(parts: tuple[datetime.date, YearMonth, Sex, int]) -> str:
    birth, tmt, sex, serial = parts
    return (
        f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        f"{tmt.year:04d}{tmt.month:02d}{sex.value}{serial:03d}"
    )


valid_nips = nip_parts().map(_digits_of)

separators = st.sampled_from([" ", ".", "-", "\u00a0", "\u2013", "\u2212", "\t", ""])


@st.composite
def written_nips(draw: st.DrawFn) -> tuple[str, str]:
    """A valid NIP and one way of writing it, with separators between the parts."""
    digits = draw(valid_nips)
    cuts = (digits[0:8], digits[8:14], digits[14], digits[15:])
    glue = [draw(separators) for _ in range(3)]
    text = cuts[0] + glue[0] + cuts[1] + glue[1] + cuts[2] + glue[2] + cuts[3]
    return digits, draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", "\n"]))


# -- valid numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "digits"), VALID)
def test_validate_accepts_real_world_numbers_and_returns_their_digits(
    number: str, digits: str
) -> None:
    assert nip.validate(number) == digits
    assert nip.is_valid(number)


@pytest.mark.parametrize(("number", "digits"), VALID)
def test_validate_accepts_numbers_given_as_integers(number: str, digits: str) -> None:
    assert nip.validate(int(digits)) == digits


def test_format_writes_the_four_parts_apart_with_spaces() -> None:
    assert nip.format("198609262015051001") == "19860926 201505 1 001"
    assert nip.format(199504172019032004) == "19950417 201903 2 004"


def test_format_uses_the_given_separator() -> None:
    assert nip.format("19860926 201505 1 001", separator=".") == "19860926.201505.1.001"


def test_parse_takes_the_number_apart() -> None:
    number = nip.parse("19950417 201903 2 004")
    assert number.birth_date == datetime.date(1995, 4, 17)
    assert number.tmt == YearMonth(2019, 3)
    assert number.sex is Sex.FEMALE
    assert number.serial == 4
    assert number.compact == "199504172019032004"
    assert str(number) == "199504172019032004"
    assert number.formatted == "19950417 201903 2 004"


def test_nip_is_frozen_and_hashable() -> None:
    number = nip.parse("19860926 201505 1 001")
    assert {number, nip.parse(198609262015051001)} == {number}
    with pytest.raises(AttributeError):
        number.serial = 2  # type: ignore[misc]


# -- invalid numbers: one exception class per cause ---------------------------------------------


@pytest.mark.parametrize(("number", "error", "component", "value"), INVALID)
def test_validate_raises_the_exception_of_the_first_failing_check(
    number: object, error: type[nip.InvalidNIP], component: str | None, value: object
) -> None:
    with pytest.raises(error) as caught:
        nip.validate(number)  # type: ignore[arg-type]
    exception = caught.value
    assert type(exception) is error
    assert exception.code == CODES[error]
    assert exception.component == component
    assert exception.value == value
    assert exception.message_id
    assert exception.message_en
    assert exception.message_id != exception.message_en
    assert str(exception) == exception.message_en
    assert not nip.is_valid(number)


def test_every_error_is_an_invalid_nip_and_a_validation_error_and_a_value_error() -> None:
    for error in CODES:
        assert issubclass(error, nip.InvalidNIP)
        assert issubclass(error, ValidationError)
        assert issubclass(error, ValueError)


def test_error_codes_are_distinct() -> None:
    assert len(set(CODES.values())) == len(CODES)


def test_validate_rejects_a_letter_and_names_it_and_its_position() -> None:
    with pytest.raises(nip.InvalidFormat) as caught:
        nip.validate("19860926 2015O5 1 001")
    assert "'O'" in caught.value.message_en
    assert "U+004F" in caught.value.message_en
    assert "position 14" in caught.value.message_en
    assert "posisi ke-14" in caught.value.message_id


def test_validate_rejects_serial_000() -> None:
    with pytest.raises(nip.InvalidSerial):
        nip.validate("19860926 201505 1 000")


def test_validate_rejects_sex_digit_other_than_1_or_2() -> None:
    for digit in "03456789":
        with pytest.raises(nip.InvalidSex):
            nip.validate(f"19860926 201505 {digit} 001")


def test_validate_rejects_february_29_of_a_common_year_and_accepts_it_in_a_leap_year() -> None:
    with pytest.raises(nip.InvalidBirthDate):
        nip.validate("19870229 201505 1 001")
    assert nip.validate("19880229 201505 1 001") == "198802292015051001"


@pytest.mark.parametrize(
    "number",
    [
        "\u0661\u0669\u0668\u0666\u0660\u0669\u0662\u0666\u0662\u0660\u0661\u0665\u0660\u0665\u0661\u0660\u0660\u0661",
        "\uff11\uff19\uff18\uff16\uff10\uff19\uff12\uff16\uff12\uff10\uff11\uff15\uff10\uff15\uff11\uff10\uff10\uff11",
        "19860926 201505 1 00\u00b9",
        "1986092620150510\u0966\u0967",
    ],
)
def test_validate_rejects_digits_that_are_not_ascii(number: str) -> None:
    with pytest.raises(nip.InvalidFormat):
        nip.validate(number)


@pytest.mark.parametrize("number", ["19860926\u200b201505 1 001", "19860926,201505,1,001"])
def test_validate_rejects_characters_that_are_not_separators(number: str) -> None:
    with pytest.raises(nip.InvalidFormat):
        nip.validate(number)


def test_validate_rejects_a_float_and_explains_spreadsheets() -> None:
    with pytest.raises(nip.InvalidFormat) as caught:
        nip.validate(198609262015051001.0)  # type: ignore[arg-type]
    assert "float" in caught.value.message_en
    assert "as text" in caught.value.message_en
    assert "sebagai teks" in caught.value.message_id


@pytest.mark.parametrize("number", [True, False, Decimal("198609262015051001"), [1], {"nip": 1}])
def test_validate_rejects_types_other_than_text_and_integers(number: object) -> None:
    with pytest.raises(nip.InvalidFormat):
        nip.validate(number)  # type: ignore[arg-type]


def test_validate_rejects_a_negative_integer() -> None:
    with pytest.raises(nip.InvalidFormat):
        nip.validate(-198609262015051001)


def test_validate_rejects_an_integer_too_long_to_write_out() -> None:
    with pytest.raises(nip.InvalidLength):
        nip.validate(10**100_000)


def test_validate_rejects_a_nine_digit_old_nip_by_length_and_says_so() -> None:
    with pytest.raises(nip.InvalidLength) as caught:
        nip.validate("131263190")
    assert "old NIP" in caught.value.message_en
    assert "NIP lama" in caught.value.message_id


def test_validate_rejects_an_empty_value_by_length() -> None:
    for number in ("", "   ", " - . "):
        with pytest.raises(nip.InvalidLength):
            nip.validate(number)


def test_length_message_counts_the_digits() -> None:
    with pytest.raises(nip.InvalidLength) as caught:
        nip.validate("19860926 201505 1 01")
    assert caught.value.message_en == "NIP must have 18 digits, got 17"
    assert caught.value.message_id == "NIP harus 18 digit, bukan 17"


def test_errors_survive_pickling_with_their_class_and_attributes() -> None:
    with pytest.raises(nip.InvalidTMT) as caught:
        nip.validate("19860926 201513 1 001")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is nip.InvalidTMT
    assert (copy.code, copy.component, copy.value) == ("nip.tmt", "tmt", "201513")
    assert copy.message_id == caught.value.message_id


def test_the_public_classes_and_functions_belong_to_the_package() -> None:
    # defined in submodules, they carry the package's name (tracebacks, pickles, the API
    # reference), their annotations resolve there, and their methods' doctests are found there
    for name in nip.__all__:
        value = getattr(nip, name)
        if not (isinstance(value, type) or inspect.isfunction(value)):
            continue
        assert value.__module__ == "pelatihan.nip", name
        typing.get_type_hints(value)
        for member in vars(value).values() if isinstance(value, type) else ():
            function = getattr(member, "__func__", member)
            if inspect.isfunction(function) and function.__qualname__.startswith(f"{name}."):
                assert function.__module__ == "pelatihan.nip", (name, function.__name__)


# -- the age rule -----------------------------------------------------------------------------


def test_minimum_age_is_18_reported_by_secondary_sources_on_pp_11_2017() -> None:
    assert nip.MINIMUM_AGE.value == 18
    assert nip.MINIMUM_AGE.status is Status.SEC
    assert nip.MINIMUM_AGE.basis == Citation("pp-11-2017", "Pasal 23")
    assert nip.MINIMUM_AGE.note


def test_validate_accepts_an_18th_birthday_on_the_first_day_of_the_tmt_month() -> None:
    assert nip.is_valid("19970501 201505 1 001")


def test_validate_rejects_age_17_on_the_first_day_of_the_tmt_month() -> None:
    with pytest.raises(nip.ImplausibleAge) as caught:
        nip.validate("19970502 201505 1 001")
    assert "17" in caught.value.message_en


def test_minimum_age_keyword_overrides_the_default() -> None:
    assert nip.validate("19970502 201505 1 001", minimum_age=17) == "199705022015051001"
    assert nip.is_valid("19970502 201505 1 001", minimum_age=17)
    with pytest.raises(nip.ImplausibleAge):
        nip.validate("19860926 201505 1 001", minimum_age=30)


def test_tmt_in_the_month_of_birth_passes_with_minimum_age_0_but_not_before_it() -> None:
    assert nip.is_valid("19860926 198609 1 001", minimum_age=0)
    with pytest.raises(nip.ImplausibleAge) as caught:
        nip.validate("19860926 198608 1 001", minimum_age=0)
    assert "before the month of birth" in caught.value.message_en


def test_minimum_age_must_be_a_non_negative_int() -> None:
    with pytest.raises(ValueError, match="negative"):
        nip.validate("19860926 201505 1 001", minimum_age=-1)
    with pytest.raises(TypeError):
        nip.validate("19860926 201505 1 001", minimum_age=18.0)  # type: ignore[arg-type]


def test_birth_date_is_checked_before_the_age() -> None:
    with pytest.raises(nip.InvalidBirthDate):
        nip.validate("20300231 201505 3 000")


def test_age_is_checked_before_sex_and_serial() -> None:
    with pytest.raises(nip.ImplausibleAge):
        nip.validate("20300101 201505 3 000")


# -- compact ----------------------------------------------------------------------------------


def test_compact_removes_whitespace_dots_and_dashes_of_every_kind() -> None:
    text = "1\u00a02\u20023\u30004.5-6\u20107\u20118\u20129\u20130\u20141\u20152\u22123\t4\n5"
    assert nip.compact(text) == "123456789012345"


def test_compact_removes_every_character_python_counts_as_whitespace() -> None:
    spaces = [chr(code) for code in range(0x3001) if chr(code).isspace()]
    assert nip.compact("1" + "".join(spaces) + "2") == "12"


def test_compact_writes_an_integer_out_in_digits() -> None:
    assert nip.compact(198609262015051001) == "198609262015051001"


def test_compact_keeps_other_characters_for_validate_to_reject() -> None:
    assert nip.compact("NIP: 1986") == "NIP:1986"


@pytest.mark.parametrize("number", [None, b"1986", 1.5, True, [1]])
def test_compact_rejects_types_other_than_text_and_integers(number: object) -> None:
    with pytest.raises(nip.InvalidFormat):
        nip.compact(number)  # type: ignore[arg-type]


# -- large input ------------------------------------------------------------------------------


@pytest.mark.parametrize("filler", ["x", "1", " ", "1 "])
def test_a_10_mb_string_is_rejected_with_a_short_message(filler: str) -> None:
    number = filler * (10 * 1024 * 1024 // len(filler))
    with pytest.raises((nip.InvalidFormat, nip.InvalidLength)) as caught:
        nip.validate(number)
    error = caught.value
    assert isinstance(error, nip.InvalidNIP)
    assert len(error.message_en) < 300
    assert len(error.message_id) < 300
    assert isinstance(error.value, str)
    assert len(error.value) <= 40
    assert not nip.is_valid(number)


# -- Sex --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("L", Sex.MALE),
        ("l", Sex.MALE),
        ("M", Sex.MALE),
        ("1", Sex.MALE),
        (1, Sex.MALE),
        ("Laki-laki", Sex.MALE),
        ("LAKI-LAKI", Sex.MALE),
        ("LAKI - LAKI", Sex.MALE),
        ("Laki2", Sex.MALE),
        ("Lk", Sex.MALE),
        ("L.", Sex.MALE),
        ("male", Sex.MALE),
        ("P", Sex.FEMALE),
        ("f", Sex.FEMALE),
        ("2", Sex.FEMALE),
        (2, Sex.FEMALE),
        (" Perempuan ", Sex.FEMALE),
        ("PEREM- PUAN", Sex.FEMALE),
        ("Pr", Sex.FEMALE),
        ("Female", Sex.FEMALE),
        (Sex.FEMALE, Sex.FEMALE),
    ],
)
def test_sex_parse_reads_indonesian_and_english_codes_and_words(text: object, sex: Sex) -> None:
    assert Sex.parse(text) is sex


@pytest.mark.parametrize("value", ["X", "", "-", "3", 3, 0, True, None, "laki", "lp", 1.0])
def test_sex_parse_rejects_anything_else_with_invalid_sex(value: object) -> None:
    with pytest.raises(nip.InvalidSex) as caught:
        Sex.parse(value)
    assert caught.value.code == "nip.sex"
    assert caught.value.component == "sex"


def test_sex_codes_are_l_for_laki_laki_and_p_for_perempuan() -> None:
    assert (Sex.MALE.code, Sex.FEMALE.code) == ("L", "P")
    assert (Sex.MALE.value, Sex.FEMALE.value) == (1, 2)


# -- YearMonth --------------------------------------------------------------------------------


def test_year_month_is_written_yyyy_mm_and_parses_back() -> None:
    assert str(YearMonth(2015, 5)) == "2015-05"
    assert YearMonth.parse("2015-05") == YearMonth(2015, 5)
    assert YearMonth.parse(" 201505 ") == YearMonth(2015, 5)


def test_year_month_first_day_and_from_date() -> None:
    assert YearMonth(2019, 3).first_day == datetime.date(2019, 3, 1)
    assert YearMonth.from_date(datetime.date(1986, 9, 26)) == YearMonth(1986, 9)


def test_year_months_are_ordered_by_year_then_month() -> None:
    assert YearMonth(2014, 12) < YearMonth(2015, 1) < YearMonth(2015, 2)
    assert sorted([YearMonth(2015, 2), YearMonth(2014, 12)]) == [
        YearMonth(2014, 12),
        YearMonth(2015, 2),
    ]


@pytest.mark.parametrize(("year", "month"), [(2015, 0), (2015, 13), (0, 1), (10000, 1)])
def test_year_month_rejects_a_month_outside_1_to_12_and_a_year_outside_1_to_9999(
    year: int, month: int
) -> None:
    with pytest.raises(nip.InvalidYearMonth):
        YearMonth(year, month)


@pytest.mark.parametrize("text", ["2015-13", "2015-5", "15-05", "2015/05", "", "Mei 2015"])
def test_year_month_parse_rejects_other_writings(text: str) -> None:
    with pytest.raises(nip.InvalidYearMonth):
        YearMonth.parse(text)


# -- NIP.from_parts and the NIP constructor ---------------------------------------------------


def test_from_parts_builds_the_same_nip_as_parse() -> None:
    built = NIP.from_parts(datetime.date(1986, 9, 26), YearMonth(2015, 5), Sex.MALE, 1)
    assert built == nip.parse("19860926 201505 1 001")
    assert NIP.from_parts(datetime.date(1995, 4, 17), YearMonth(2019, 3), "P", 4).compact == (
        "199504172019032004"
    )


@pytest.mark.parametrize(
    ("birth_date", "tmt", "sex", "serial", "error"),
    [
        (datetime.date(1899, 12, 31), YearMonth(2015, 5), "L", 1, nip.InvalidBirthDate),
        (datetime.date(1986, 9, 26), YearMonth(1899, 5), "L", 1, nip.InvalidTMT),
        (datetime.date(1986, 9, 26), YearMonth(2000, 5), "L", 1, nip.ImplausibleAge),
        (datetime.date(1986, 9, 26), YearMonth(2015, 5), "X", 1, nip.InvalidSex),
        (datetime.date(1986, 9, 26), YearMonth(2015, 5), "L", 0, nip.InvalidSerial),
        (datetime.date(1986, 9, 26), YearMonth(2015, 5), "L", 1000, nip.InvalidSerial),
        (datetime.date(1986, 9, 26), YearMonth(2015, 5), "L", -1, nip.InvalidSerial),
    ],
)
def test_from_parts_checks_the_parts_like_validate(
    birth_date: datetime.date,
    tmt: YearMonth,
    sex: str,
    serial: int,
    error: type[nip.InvalidNIP],
) -> None:
    with pytest.raises(error) as caught:
        NIP.from_parts(birth_date, tmt, sex, serial)
    assert type(caught.value) is error


def test_from_parts_honours_minimum_age() -> None:
    parts = (datetime.date(1997, 5, 2), YearMonth(2015, 5), Sex.MALE, 1)
    with pytest.raises(nip.ImplausibleAge):
        NIP.from_parts(*parts)
    assert NIP.from_parts(*parts, minimum_age=17).compact == "199705022015051001"


def test_from_parts_rejects_wrong_types() -> None:
    with pytest.raises(TypeError):
        NIP.from_parts(datetime.datetime(1986, 9, 26), YearMonth(2015, 5), Sex.MALE, 1)  # noqa: DTZ001
    with pytest.raises(TypeError):
        NIP.from_parts(datetime.date(1986, 9, 26), "2015-05", Sex.MALE, 1)  # type: ignore[arg-type]


def test_nip_constructor_rejects_parts_that_cannot_make_a_nip() -> None:
    with pytest.raises(nip.InvalidSerial):
        NIP(datetime.date(1986, 9, 26), YearMonth(2015, 5), Sex.MALE, 0)
    with pytest.raises(nip.ImplausibleAge):
        NIP(datetime.date(1986, 9, 26), YearMonth(1986, 8), Sex.MALE, 1)
    with pytest.raises(TypeError):
        NIP(datetime.date(1986, 9, 26), YearMonth(2015, 5), 1, 1)  # type: ignore[arg-type]


# -- properties -------------------------------------------------------------------------------


@given(valid_nips)
def test_validate_of_format_gives_back_the_digits(digits: str) -> None:
    assert nip.validate(nip.format(digits)) == digits
    assert nip.validate(int(digits)) == digits


@given(written_nips())
def test_validate_accepts_any_way_of_writing_a_valid_nip(written: tuple[str, str]) -> None:
    digits, text = written
    assert nip.validate(text) == digits
    assert nip.compact(text) == digits


@given(nip_parts())
def test_every_generated_nip_parses_back_to_its_parts(
    parts: tuple[datetime.date, YearMonth, Sex, int],
) -> None:
    birth, tmt, sex, serial = parts
    number = nip.parse(_digits_of(parts))
    assert (number.birth_date, number.tmt, number.sex, number.serial) == parts
    assert NIP.from_parts(birth, tmt, sex, serial) == number
    assert str(number) == _digits_of(parts)


anything = st.one_of(
    st.text(),
    st.binary(),
    st.integers(),
    st.floats(),
    st.none(),
    st.booleans(),
    st.lists(st.integers()),
    st.decimals(),
    st.dates(),
    st.fractions(),
    st.complex_numbers(),
    st.tuples(st.text(), st.integers()),
    st.dictionaries(st.text(), st.integers()),
    st.sampled_from([object(), float("nan"), 10**5000, -1, Sex.MALE, str, int]),
)


@given(anything)
def test_is_valid_never_raises(value: object) -> None:
    assert isinstance(nip.is_valid(value), bool)


@given(st.text())
def test_validate_raises_only_invalid_nip_for_any_text(text: str) -> None:
    with contextlib.suppress(nip.InvalidNIP):
        nip.validate(text)


@given(st.text(alphabet="0123456789 .-", max_size=30))
def test_validate_raises_only_invalid_nip_for_digit_strings(text: str) -> None:
    with contextlib.suppress(nip.InvalidNIP):
        assert nip.validate(text) == nip.compact(text)


@given(valid_nips, st.integers(0, 17), st.sampled_from("0123456789"))
def test_changing_one_digit_gives_a_valid_nip_or_an_invalid_nip_error(
    digits: str, position: int, digit: str
) -> None:
    changed = digits[:position] + digit + digits[position + 1 :]
    if nip.is_valid(changed):
        assert nip.validate(changed) == changed
        return
    with pytest.raises(nip.InvalidNIP) as caught:
        nip.validate(changed)
    assert caught.value.code in CODES.values()
    assert caught.value.message_id != caught.value.message_en


@given(st.one_of(st.text(), st.integers(min_value=0)))
def test_compact_is_idempotent(value: str | int) -> None:
    once = nip.compact(value)
    assert nip.compact(once) == once


@pytest.mark.parametrize("text", ["1.98609262015051e+17", "1,98609E+17", " 1.9861E17 ", "2e+17"])
def test_validate_explains_a_nip_written_in_scientific_notation_by_a_spreadsheet(text: str) -> None:
    with pytest.raises(nip.InvalidFormat, match="scientific notation") as caught:
        nip.validate(text)
    assert "notasi ilmiah" in caught.value.message_id
    assert not nip.is_valid(text)


# -- PPPK numbers (NI PPPK) ------------------------------------------------------------------

PPPK_NUMBERS = [
    "19921107 202221 1 001",  # the shape reported for NI PPPK: year 2022, then 21
    "199211072022211001",
    "19850312.202321.2.005",
    "19921107 201913 1 001",  # 13 and 99 are never months
    "19921107 202599 2 010",
]


@pytest.mark.parametrize("number", PPPK_NUMBERS)
def test_a_pppk_number_gets_its_own_error_saying_pppk_do_not_take_latsar(number: str) -> None:
    with pytest.raises(nip.PPPKNumber) as caught:
        nip.validate(number)
    error = caught.value
    assert error.code == "nip.pppk"
    assert error.component == "tmt"
    assert error.value == nip.compact(number)[8:14]
    assert error.message_en.startswith(
        "the number looks like a PPPK number (NI PPPK); PPPK do not take Latsar CPNS"
    )
    assert error.message_id.startswith(
        "nomor ini tampaknya nomor PPPK (NI PPPK); PPPK tidak mengikuti Latsar CPNS"
    )
    assert not nip.is_valid(number)


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("19921107 202200 1 001", "00: no contract, and a month left empty"),
        ("19921107 201821 1 001", "a year before PPPK were first appointed"),
        ("20050101 202221 1 001", "the holder was 17 in that year"),
    ],
)
def test_a_number_without_a_month_that_is_not_pppk_shaped_is_a_tmt_error(
    number: str, why: str
) -> None:
    with pytest.raises(nip.InvalidTMT, match="is not a real year and month"):
        nip.validate(number)


def test_the_pppk_shape_follows_the_minimum_age() -> None:
    with pytest.raises(nip.PPPKNumber):
        nip.validate("20040101 202221 1 001")  # 18 in 2022
    with pytest.raises(nip.InvalidTMT):
        nip.validate("20040101 202221 1 001", minimum_age=19)


def test_a_bad_birth_date_is_reported_before_the_pppk_shape() -> None:
    with pytest.raises(nip.InvalidBirthDate):
        nip.validate("19921131 202221 1 001")


def test_pppk_since_is_an_inferred_year() -> None:
    assert nip.PPPK_SINCE.value == 2019
    assert nip.PPPK_SINCE.status is Status.INF


# -- the cached fast path agrees with a reference written from the rules -----------------------


def _reference(digits: str, minimum_age: int) -> str | tuple[datetime.date, YearMonth, Sex, int]:
    """The outcome of checking 18 digits, written directly from the documented rules."""
    try:
        birth = datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return "nip.birth-date"
    if birth.year < 1900:
        return "nip.birth-date"
    year, month = int(digits[8:12]), int(digits[12:14])
    if month >= 13 and year >= 2019 and year - birth.year >= minimum_age:
        return "nip.pppk"  # an NI PPPK: year of first appointment, number of contracts
    if not 1 <= month <= 12 or year < 1900:
        return "nip.tmt"
    if (year, month) < (birth.year, birth.month):
        return "nip.age"
    first = datetime.date(year, month, 1)
    age = first.year - birth.year - ((first.month, first.day) < (birth.month, birth.day))
    if max(age, 0) < minimum_age:
        return "nip.age"
    if digits[14] not in "12":
        return "nip.sex"
    if digits[15:] == "000":
        return "nip.serial"
    return birth, YearMonth(year, month), Sex(int(digits[14])), int(digits[15:])


def _outcome(number: str, minimum_age: int) -> str | tuple[datetime.date, YearMonth, Sex, int]:
    try:
        parsed = nip.parse(number, minimum_age=minimum_age)
    except nip.InvalidNIP as error:
        return error.code
    return parsed.birth_date, parsed.tmt, parsed.sex, parsed.serial


@st.composite
def pppk_shaped_digits(draw: st.DrawFn) -> str:
    """18 digits near an NI PPPK: a real birth date, any year, any 2 digits, then anything."""
    birth = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)))
    year = draw(st.one_of(st.integers(1900, 2100), st.integers(0, 9999)))
    count = draw(st.one_of(st.sampled_from([0, 12, 13, 21, 99]), st.integers(0, 99)))
    rest = draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    return f"{birth:%Y%m%d}{year:04d}{count:02d}{rest}"


near_valid_digits = st.one_of(
    valid_nips,
    pppk_shaped_digits(),
    st.text(alphabet="0123456789", min_size=18, max_size=18),
    st.tuples(valid_nips, st.integers(0, 17), st.sampled_from("0123456789")).map(
        lambda change: change[0][: change[1]] + change[2] + change[0][change[1] + 1 :]
    ),
)


@given(st.lists(near_valid_digits, min_size=1, max_size=8), st.integers(0, 30))
def test_plain_digits_repeated_or_written_apart_give_the_reference_outcome(
    numbers: list[str], minimum_age: int
) -> None:
    # repeats and shared birth dates and TMTs go through the remembered parts
    for digits in [*numbers, *numbers]:
        expected = _reference(digits, minimum_age)
        assert _outcome(digits, minimum_age) == expected
        spaced = f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
        assert _outcome(spaced, minimum_age) == expected


@given(
    st.one_of(st.integers(2017, 2021), st.integers(1900, 2100)),
    st.integers(0, 99),
    st.integers(0, 30),
    st.one_of(st.integers(-1, 1), st.integers(-80, 80)),
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2000, 12, 31)),
    st.sampled_from(["1001", "2999", "3001", "1000"]),
)
def test_the_pppk_shape_at_its_edges_gives_the_reference_outcome(  # noqa: PLR0917
    year: int, count: int, minimum_age: int, offset: int, day: datetime.date, rest: str
) -> None:
    # edges: the first year of PPPK, the minimum age in that year, 00, 12 and 13
    birth_year = max(1900, year - minimum_age - offset)
    birth = f"{birth_year:04d}{day:%m}{min(day.day, 28):02d}"
    digits = f"{birth}{year:04d}{count:02d}{rest}"
    expected = _reference(digits, minimum_age)
    assert _outcome(digits, minimum_age) == expected
    assert _outcome(f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:]}", minimum_age) == (
        expected
    )


def test_remembered_birth_dates_and_tmts_stay_within_their_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_memo, "LIMIT", 4)
    monkeypatch.setattr(_checks, "_BIRTH_DATES", {})
    monkeypatch.setattr(_checks, "_TMTS", {})
    monkeypatch.setattr(_checks, "_CHECKED", {})
    for day in range(1, 29):
        digits = f"198609{day:02d}2015{day % 12 + 1:02d}1001"
        assert nip.parse(digits).birth_date == datetime.date(1986, 9, day)
        assert len(_checks._BIRTH_DATES) <= 4
        assert len(_checks._TMTS) <= 4
        assert len(_checks._CHECKED) <= 4
