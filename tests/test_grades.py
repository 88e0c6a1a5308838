import inspect
import pickle
import re
import typing
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import ValidationError, grades
from pelatihan.grades import (
    ENTRY_GRADES,
    SMP_ENTRY_GRADE,
    TRACK_RULES,
    Education,
    Grade,
    InconsistentGrade,
    InvalidGrade,
    InvalidTrack,
    NoTrack,
    Track,
    UnknownEducation,
    entry_grade,
    entry_grade_figure,
)
from pelatihan.provenance import Citation, Status

PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

NBSP = "\u00a0"

T = TypeVar("T")


def attempt(parse: Callable[[str], T], text: str) -> T | ValidationError:
    """Return what ``parse`` returns, or the ValidationError it raises; let anything else out."""
    try:
        return parse(text)
    except ValidationError as error:
        return error


def longest_shared_run(text: str, message: str) -> int:
    """The length of the longest piece of ``text`` that appears in ``message``."""
    best = 0
    for start in range(len(text)):
        length = best + 1
        while start + length <= len(text) and text[start : start + length] in message:
            best = length
            length += 1
    return best


# ---------------------------------------------------------------------------
# Grade: construction, str, ordering
# ---------------------------------------------------------------------------


def test_there_are_17_grades_in_order_from_i_a_to_iv_e() -> None:
    assert [str(grade) for grade in Grade.all()] == list(PANGKAT)
    assert list(Grade.all()) == sorted(Grade.all())


@pytest.mark.parametrize(("text", "pangkat"), list(PANGKAT.items()))
def test_each_grade_has_its_pangkat(text: str, pangkat: str) -> None:
    assert Grade.parse(text).pangkat == pangkat


def test_str_is_the_canonical_roman_slash_lower_case_form() -> None:
    grade = Grade(3, "a")
    assert str(grade) == "III/a"
    assert grade.roman == "III"
    assert (grade.golongan, grade.ruang) == (3, "a")
    assert str(Grade(4, "e")) == "IV/e"
    assert str(Grade(1, "d")) == "I/d"


def test_grades_are_ordered_by_golongan_then_ruang() -> None:
    assert Grade(1, "a") < Grade(1, "b") < Grade(1, "d") < Grade(2, "a")
    assert Grade(2, "d") < Grade(3, "a") < Grade(4, "a") < Grade(4, "e")
    assert max(Grade.all()) == Grade(4, "e")
    assert min(Grade.all()) == Grade(1, "a")


def test_grades_are_frozen_and_hashable() -> None:
    grade = Grade(3, "a")
    with pytest.raises(AttributeError):
        grade.ruang = "b"  # type: ignore[misc]
    assert {Grade(3, "a"), Grade.parse("3a")} == {grade}


@pytest.mark.parametrize(
    ("golongan", "ruang", "component"),
    [
        (0, "a", "golongan"),
        (5, "a", "golongan"),
        (-1, "a", "golongan"),
        (True, "a", "golongan"),
        ("3", "a", "golongan"),
        (1, "e", "ruang"),
        (2, "e", "ruang"),
        (3, "e", "ruang"),
        (4, "f", "ruang"),
        (3, "A", "ruang"),
        (3, "", "ruang"),
        (3, "ab", "ruang"),
        (3, None, "ruang"),
    ],
)
def test_a_grade_that_does_not_exist_cannot_be_constructed(
    golongan: object, ruang: object, component: str
) -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade(golongan, ruang)  # type: ignore[arg-type]
    assert caught.value.code == "grade.format"
    assert caught.value.component == component
    assert caught.value.value == (golongan if component == "golongan" else ruang)


# ---------------------------------------------------------------------------
# Grade.parse: accepted forms
# ---------------------------------------------------------------------------

WILD_FORMS = [
    "{R}/{r}",
    "{R}/{u}",
    "{R} {r}",
    "{R}{r}",
    "{R}-{r}",
    "{R}.{r}",
    "{n}{r}",
    "{n}/{r}",
    "{n} {u}",
    " {lr} / {r} ",
    "{lr}/{r}",
    f"{NBSP}{{R}}{NBSP}/{NBSP}{{r}}{NBSP}",
    "{R} \u2013 {r}",
    "Gol. {R}/{r}",
    "golongan {R}/{r}",
    "{P} ({R}/{r})",
    "{P}, {R}/{r}",
    "{R}/{r} - {P}",
    "{R}/{r} ({P})",
    "{P} {R}/{r}",
    "{P} / {R}/{r}",
    "{P} (Gol. {R}/{r})",
    "{UP} ({n}{r})",
    "{LP}",
    "{UP}",
    "  {P}  ",
    "{P}".replace(" ", NBSP),
]


def wild_cases() -> list[tuple[str, Grade]]:
    cases = []
    for text in ["I/a", "I/b", "II/c", "III/a", "III/b", "III/c", "IV/a", "IV/d", "IV/e"]:
        grade = Grade.parse(text)
        for form in WILD_FORMS:
            written = form.format(
                R=grade.roman,
                lr=grade.roman.lower(),
                n=grade.golongan,
                r=grade.ruang,
                u=grade.ruang.upper(),
                P=grade.pangkat,
                UP=grade.pangkat.upper(),
                LP=grade.pangkat.lower(),
            )
            cases.append((written, grade))
    return cases


@pytest.mark.parametrize(("text", "expected"), wild_cases())
def test_every_form_found_in_the_wild_is_read(text: str, expected: Grade) -> None:
    assert Grade.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("III/a", "III/a"),
        ("III/A", "III/a"),
        ("III a", "III/a"),
        ("IIIa", "III/a"),
        ("III-a", "III/a"),
        ("III.a", "III/a"),
        ("3a", "III/a"),
        ("3/a", "III/a"),
        ("3 A", "III/a"),
        (" iii / a ", "III/a"),
        ("Penata Muda (III/a)", "III/a"),
        ("Penata Muda, III/a", "III/a"),
        ("III/a - Penata Muda", "III/a"),
        ("ii c", "II/c"),
        ("iva", "IV/a"),
        ("IV-e", "IV/e"),
        ("id", "I/d"),
        ("4 E", "IV/e"),
    ],
)
def test_the_documented_examples_are_read(text: str, expected: str) -> None:
    assert str(Grade.parse(text)) == expected


@pytest.mark.parametrize(("text", "pangkat"), list(PANGKAT.items()))
def test_each_pangkat_alone_is_read_as_its_grade(text: str, pangkat: str) -> None:
    expected = Grade.parse(text)
    assert Grade.parse(pangkat) == expected
    assert Grade.parse(pangkat.upper()) == expected
    assert Grade.parse(pangkat.lower()) == expected
    assert Grade.parse(f"  {pangkat.replace(' ', '   ')} ") == expected


TINGKAT_VARIANTS = [
    "Tingkat I",
    "Tingkat 1",
    "TINGKAT 1",
    "Tk. I",
    "Tk I",
    "Tk.I",
    "TK. 1",
    "tk.1",
    "Tkt. I",
    "Tkt I",
]


@pytest.mark.parametrize("variant", TINGKAT_VARIANTS)
@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("Juru Muda", "I/b"),
        ("Juru", "I/d"),
        ("Pengatur Muda", "II/b"),
        ("Pengatur", "II/d"),
        ("Penata Muda", "III/b"),
        ("Penata", "III/d"),
        ("Pembina", "IV/b"),
    ],
)
def test_tingkat_i_is_read_in_full_and_abbreviated(base: str, variant: str, expected: str) -> None:
    assert str(Grade.parse(f"{base} {variant}")) == expected
    assert str(Grade.parse(f"{base} {variant} ({expected})")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penata", "III/c"),
        ("Penata Muda", "III/a"),
        ("Penata Muda Tingkat I", "III/b"),
        ("Penata Tingkat I", "III/d"),
        ("Pembina", "IV/a"),
        ("Pembina Utama", "IV/e"),
        ("Pembina Utama Muda", "IV/c"),
        ("Pembina Utama Madya", "IV/d"),
        ("Juru", "I/c"),
        ("Juru Muda", "I/a"),
        ("Pembina Utama (IV/e)", "IV/e"),
        ("Pembina Utama Muda (IV/c)", "IV/c"),
        ("Penata (III/c)", "III/c"),
    ],
)
def test_pangkat_names_that_are_prefixes_of_others_are_matched_whole(
    text: str, expected: str
) -> None:
    assert str(Grade.parse(text)) == expected


# ---------------------------------------------------------------------------
# Grade.parse: rejections
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "component"),
    [
        ("", None),
        ("   ", None),
        ("V/a", "golongan"),
        ("VI b", "golongan"),
        ("0a", "golongan"),
        ("5/a", "golongan"),
        ("IIII/a", "golongan"),
        ("II/e", "ruang"),
        ("I/e", "ruang"),
        ("III/e", "ruang"),
        ("III/z", "ruang"),
        ("IV/f", "ruang"),
        ("3", "ruang"),
        ("III", "ruang"),
        ("Gol. IV", "ruang"),
        ("golongan", None),
        ("Penata Sekali", None),
        ("Penata Muda Tingkat II", None),
        ("Pembina Utama Tingkat I", None),
        ("Penata Muda (III/a", None),
        ("Penata Muda III/a)", None),
        ("Penata MudaIII/a", None),
        ("III/aa", None),
        ("III//a", None),
        ("/a", None),
        ("a", None),
        ("III/a/b", None),
        ("Penata Muda, Penata", None),
        ("\u0663a", None),
    ],
)
def test_text_that_is_not_a_grade_is_rejected_with_invalid_grade(
    text: str, component: str | None
) -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse(text)
    error = caught.value
    assert type(error) is InvalidGrade
    assert error.code == "grade.format"
    assert error.component == component
    assert error.value == text
    assert error.message_en
    assert error.message_id
    assert error.message_en != error.message_id


def test_the_generic_rejection_says_what_was_expected_in_both_languages() -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse("Penata Sekali")
    assert "expected a grade like 'III/a' or a rank like 'Penata Muda'" in str(caught.value)
    assert "seharusnya golongan/ruang seperti 'III/a'" in caught.value.message("id")


@pytest.mark.parametrize("value", [None, 3, 3.0, b"III/a", Grade(3, "a"), ["III/a"]])
def test_parse_of_a_non_str_raises_invalid_grade(value: object) -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse(value)  # type: ignore[arg-type]
    assert caught.value.code == "grade.format"
    assert caught.value.value is value
    assert "str" in str(caught.value)


def test_a_text_longer_than_100_characters_is_rejected_and_not_quoted_in_full() -> None:
    text = "Penata Muda " * 1000
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse(text)
    error = caught.value
    assert error.code == "grade.format"
    assert "too long" in error.message_en
    assert "terlalu panjang" in error.message_id
    assert len(error.message_en) < 250
    assert len(error.message_id) < 250
    assert error.value == text


@pytest.mark.parametrize("text", ["x" * 99, "Penata Muda " * 8, "III/" + "z" * 90, "y" * 5000])
def test_messages_never_quote_more_than_40_characters_of_the_input(text: str) -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse(text)
    assert longest_shared_run(text, caught.value.message_en) <= 40
    assert longest_shared_run(text, caught.value.message_id) <= 40


@pytest.mark.parametrize(
    ("text", "by_name", "by_code"),
    [
        ("Penata (III/a)", "III/c", "III/a"),
        ("Penata Muda, III/b", "III/a", "III/b"),
        ("III/a - Penata Muda Tingkat I", "III/b", "III/a"),
        ("Pembina Utama (IV/c)", "IV/e", "IV/c"),
        ("Juru Muda (2a)", "I/a", "II/a"),
        ("Pengatur Tk. I (II/c)", "II/d", "II/c"),
    ],
)
def test_a_pangkat_and_a_golongan_that_disagree_raise_inconsistent_grade_naming_both(
    text: str, by_name: str, by_code: str
) -> None:
    with pytest.raises(InconsistentGrade) as caught:
        Grade.parse(text)
    error = caught.value
    assert isinstance(error, InvalidGrade)
    assert error.code == "grade.inconsistent"
    assert error.value == text
    for message in (error.message_en, error.message_id):
        assert by_name in message
        assert by_code in message
        assert Grade.parse(by_name).pangkat in message


def test_a_pangkat_with_an_impossible_golongan_is_invalid_not_inconsistent() -> None:
    with pytest.raises(InvalidGrade) as caught:
        Grade.parse("Pengatur (II/e)")
    assert type(caught.value) is InvalidGrade
    assert caught.value.component == "ruang"


def test_grade_errors_survive_pickling() -> None:
    with pytest.raises(InconsistentGrade) as caught:
        Grade.parse("Penata (III/a)")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is InconsistentGrade
    assert (copy.code, copy.message_id, copy.value) == (
        "grade.inconsistent",
        caught.value.message_id,
        "Penata (III/a)",
    )


# ---------------------------------------------------------------------------
# Grade: properties
# ---------------------------------------------------------------------------

grades_st = st.sampled_from(Grade.all())


@st.composite
def random_case(draw: st.DrawFn, text: str) -> str:
    upper = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if u else c.lower() for c, u in zip(text, upper, strict=True))


spaces_st = st.sampled_from(["", " ", "  ", NBSP, "\t", f" {NBSP} ", "\u200b"])
gaps_st = st.sampled_from([" ", "  ", NBSP, "\t", f"{NBSP} "])


@st.composite
def wild_code(draw: st.DrawFn, grade: Grade) -> str:
    golongan = draw(st.sampled_from([grade.roman, str(grade.golongan)]))
    separator = draw(st.sampled_from(["/", "-", ".", "\u2013", " ", ""]))
    if separator.strip():
        separator = draw(spaces_st) + separator + draw(spaces_st)
    prefix = draw(st.sampled_from(["", "Gol. ", "gol ", "Golongan "]))
    return draw(random_case(prefix + golongan)) + separator + draw(random_case(grade.ruang))


@st.composite
def wild_name(draw: st.DrawFn, grade: Grade) -> str:
    name = grade.pangkat
    if name.endswith(" Tingkat I"):
        variant = draw(st.sampled_from(TINGKAT_VARIANTS))
        name = name.removesuffix("Tingkat I") + variant
    words = draw(random_case(name)).split(" ")
    return "".join(word + draw(gaps_st) for word in words[:-1]) + words[-1]


@st.composite
def wild_grade(draw: st.DrawFn, grade: Grade) -> str:
    code, name = draw(wild_code(grade)), draw(wild_name(grade))
    form = draw(
        st.sampled_from(
            ["{c}", "{n}", "{n} ({c})", "{n}, {c}", "{c} - {n}", "{c} ({n})", "{n} {c}", "{n}/{c}"]
        )
    )
    return draw(spaces_st) + form.format(c=code, n=name) + draw(spaces_st)


@given(grades_st)
def test_parse_of_str_of_a_grade_is_that_grade(grade: Grade) -> None:
    assert Grade.parse(str(grade)) == grade


@given(grades_st)
def test_parse_of_the_pangkat_of_a_grade_is_that_grade(grade: Grade) -> None:
    assert Grade.parse(grade.pangkat) == grade


@given(st.data(), grades_st)
def test_parse_of_any_wild_variant_of_a_grade_is_that_grade(
    data: st.DataObject, grade: Grade
) -> None:
    text = data.draw(wild_grade(grade))
    assert Grade.parse(text) == grade


@given(grades_st, grades_st)
def test_ordering_agrees_with_golongan_then_ruang(a: Grade, b: Grade) -> None:
    key_a, key_b = (a.golongan, a.ruang), (b.golongan, b.ruang)
    assert (a < b) == (key_a < key_b)
    assert (a <= b) == (key_a <= key_b)
    assert (a == b) == (key_a == key_b)
    assert Grade.all().index(a) < Grade.all().index(b) or not a < b


grade_alphabet = "iIvVxX012345abcdefzABE /-.,()\u00a0\u2013\t" + "pjrnutgmdkPJRNUTGMDK"


@given(
    st.one_of(
        st.text(max_size=150),
        st.text(alphabet=grade_alphabet, max_size=30),
        st.builds(
            lambda a, b: a + b, st.sampled_from(list(PANGKAT.values())), st.text(max_size=12)
        ),
    )
)
def test_parse_of_arbitrary_text_returns_a_grade_or_raises_invalid_grade(text: str) -> None:
    result = attempt(Grade.parse, text)
    if isinstance(result, ValidationError):
        assert isinstance(result, InvalidGrade)
        assert result.code in {"grade.format", "grade.inconsistent"}
        assert result.value == text
        assert longest_shared_run(text, result.message_en) <= 40
        assert longest_shared_run(text, result.message_id) <= 40
    else:
        assert result in Grade.all()


# ---------------------------------------------------------------------------
# Education
# ---------------------------------------------------------------------------

EDUCATION_SPELLINGS = {
    Education.SD: ["SD", "sd", "MI"],
    Education.SMP: ["SMP", "SLTP", "smp", "MTs"],
    Education.SLTA: ["SLTA", "SMA", "SMU", "SMK", "MA", "sma", "SLTA/Sederajat", "SMA sederajat"],
    Education.D1: ["D1", "D-1", "D-I", "D I", "DI", "Diploma I", "Diploma 1"],
    Education.D2: ["D2", "D-2", "D-II", "D II", "DII", "Diploma II"],
    Education.D3: ["D3", "D-3", "D III", "D-III", "DIII", "Diploma III", "diploma 3", "D.III"],
    Education.D4: ["D4", "D-4", "D IV", "D-IV", "DIV", "Diploma IV", "d.iv", "Sarjana Terapan"],
    Education.S1: ["S1", "S-1", "S.1", "s 1", "S-I", "Sarjana", "SARJANA", "Strata 1", "strata-1"],
    Education.S2: ["S2", "S-2", "S.2", "s 2", "S-II", "Magister", "Strata 2"],
    Education.S3: ["S3", "S-3", "S.3", "S-III", "Doktor", "Doktoral", "Strata 3", "Strata Tiga"],
    Education.PROFESI: ["Profesi", "PROFESI", "Dokter", "dokter gigi", "Apoteker"],
}


@pytest.mark.parametrize(
    ("text", "level"),
    [(text, level) for level, texts in EDUCATION_SPELLINGS.items() for text in texts],
)
def test_every_common_spelling_of_an_education_level_is_read(text: str, level: Education) -> None:
    assert Education.parse(text) is level
    assert Education.parse(f"  {text.upper()}{NBSP}") is level
    assert Education.parse(text.lower()) is level


FIELDS_OF_STUDY = [
    "Keperawatan",
    "Teknik Sipil",
    "Hukum",
    "Kebidanan",
    "(Akuntansi)",
    ", Pendidikan Guru SD",
]


@given(
    st.sampled_from(
        [(text, level) for level, texts in EDUCATION_SPELLINGS.items() for text in texts]
    ),
    st.sampled_from(FIELDS_OF_STUDY),
)
def test_a_field_of_study_after_the_level_is_read_past(
    spelled: tuple[str, Education], field: str
) -> None:
    text, level = spelled
    assert Education.parse(f"{text} {field}") is level


def test_every_education_level_parses_from_its_own_value() -> None:
    for level in Education:
        assert Education.parse(level.value) is level
        assert Education.parse(str(level)) is level


def test_doktor_is_a_doctorate_and_dokter_a_physician() -> None:
    assert Education.parse("Doktor") is Education.S3
    assert Education.parse("Dokter") is Education.PROFESI
    assert entry_grade("Doktor") == Grade(3, "c")
    assert entry_grade("Dokter") == Grade(3, "b")


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Ners",
        "S4",
        "S-0",
        "D5",
        "Diploma",
        "Strata",
        "dr",
        "dr.",
        "SMA/SMK",
        "SMA/SMK Teknik",
        "Teknik Sipil",
        "Keperawatan S-1",
        "TK",
        "x" * 500,
    ],
)
def test_an_unknown_education_level_raises_unknown_education(text: str) -> None:
    with pytest.raises(UnknownEducation) as caught:
        Education.parse(text)
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.code == "education.unknown"
    assert error.value == text
    assert "expected" in error.message_en
    assert "seharusnya" in error.message_id
    assert longest_shared_run(text, error.message_en) <= 40


@pytest.mark.parametrize("value", [None, 1, b"S1"])
def test_education_parse_of_a_non_str_raises_unknown_education(value: object) -> None:
    with pytest.raises(UnknownEducation):
        Education.parse(value)  # type: ignore[arg-type]


@given(st.text(max_size=120))
def test_education_parse_of_arbitrary_text_only_raises_unknown_education(text: str) -> None:
    result = attempt(Education.parse, text)
    if isinstance(result, ValidationError):
        assert isinstance(result, UnknownEducation)
        assert result.code == "education.unknown"
    else:
        assert result in Education


# ---------------------------------------------------------------------------
# Entry grade by education
# ---------------------------------------------------------------------------

EXPECTED_ENTRY = {
    Education.SD: ("I/a", Status.SEC),
    Education.SMP: ("I/c", Status.OPEN),
    Education.SLTA: ("II/a", Status.SEC),
    Education.D1: ("II/a", Status.SEC),
    Education.D2: ("II/b", Status.SEC),
    Education.D3: ("II/c", Status.SEC),
    Education.D4: ("III/a", Status.SEC),
    Education.S1: ("III/a", Status.SEC),
    Education.S2: ("III/b", Status.SEC),
    Education.PROFESI: ("III/b", Status.SEC),
    Education.S3: ("III/c", Status.SEC),
}


def test_the_entry_grade_table_covers_every_education_level() -> None:
    assert set(ENTRY_GRADES) == set(Education)


@pytest.mark.parametrize(("level", "expected"), list(EXPECTED_ENTRY.items()))
def test_the_entry_grade_of_each_level_has_its_grade_status_and_basis(
    level: Education, expected: tuple[str, Status]
) -> None:
    figure = ENTRY_GRADES[level]
    assert (str(figure.value), figure.status) == expected
    assert figure.basis is not None
    assert figure.basis.instrument == "pp-98-2000"
    assert entry_grade_figure(level) is figure


@pytest.mark.parametrize(
    ("text", "level"),
    [(text, level) for level, texts in EDUCATION_SPELLINGS.items() for text in texts],
)
def test_entry_grade_reads_every_spelling_of_the_education(text: str, level: Education) -> None:
    assert str(entry_grade(text)) == EXPECTED_ENTRY[level][0]


def test_s1_and_d4_enter_at_iii_a() -> None:
    assert entry_grade("S1") == entry_grade("D-IV") == Grade(3, "a")


def test_smp_is_open_because_sources_conflict() -> None:
    assert SMP_ENTRY_GRADE is ENTRY_GRADES[Education.SMP]
    assert SMP_ENTRY_GRADE.status is Status.OPEN
    assert SMP_ENTRY_GRADE.value == Grade(1, "c")
    assert "I/b" in SMP_ENTRY_GRADE.note
    assert "I/c" in SMP_ENTRY_GRADE.note
    assert entry_grade("SLTP") == Grade(1, "c")


@pytest.mark.parametrize(
    "overrides",
    [
        {"SMP": "I/b"},
        {"sltp": "1b"},
        {Education.SMP: Grade(1, "b")},
        {Education.SMP: "Juru Muda Tingkat I"},
        {"S1": "III/b", "SMP": "I/b"},
    ],
)
def test_the_smp_row_can_be_overridden_and_the_figure_says_so(
    overrides: dict[Education | str, Grade | str],
) -> None:
    assert entry_grade("SMP", overrides=overrides) == Grade(1, "b")
    figure = entry_grade_figure("SMP", overrides=overrides)
    assert figure.value == Grade(1, "b")
    assert figure.status is Status.USER
    assert figure.basis == SMP_ENTRY_GRADE.basis
    assert SMP_ENTRY_GRADE.value == Grade(1, "c")


def test_an_override_of_another_level_leaves_the_row_unchanged() -> None:
    figure = entry_grade_figure("S2", overrides={"SMP": "I/b"})
    assert figure is ENTRY_GRADES[Education.S2]
    assert entry_grade("S2", overrides={}) == Grade(3, "b")


def test_overrides_accept_typed_mappings_of_either_key_kind() -> None:
    by_text: dict[str, str] = {"D3": "II/d"}
    by_level: dict[Education, Grade] = {Education.D3: Grade(2, "d")}
    assert entry_grade("D3", overrides=by_text) == entry_grade(Education.D3, overrides=by_level)


def test_an_override_with_an_unknown_level_or_grade_is_rejected() -> None:
    with pytest.raises(UnknownEducation):
        entry_grade("S1", overrides={"SMPX": "I/b"})
    with pytest.raises(InvalidGrade):
        entry_grade("S1", overrides={"SMP": "I/e"})


def test_entry_grade_of_an_unknown_level_raises_unknown_education() -> None:
    with pytest.raises(UnknownEducation):
        entry_grade("Ners")


# ---------------------------------------------------------------------------
# Tracks
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "track", "status"),
    [
        ("I/a", Track.II, Status.INF),
        ("I/d", Track.II, Status.INF),
        ("II/a", Track.II, Status.SEC),
        ("II/d", Track.II, Status.SEC),
        ("III/a", Track.III, Status.SEC),
        ("III/d", Track.III, Status.SEC),
    ],
)
def test_the_track_follows_the_golongan_and_golongan_i_joins_track_ii(
    grade: str, track: Track, status: Status
) -> None:
    assert Track.for_grade(grade) is track
    assert Track.for_grade(Grade.parse(grade)) is track
    figure = Track.for_grade_figure(grade)
    assert (figure.value, figure.status) == (track, status)
    assert figure.basis == Citation("perlan-1-2021")


@pytest.mark.parametrize("grade", ["IV/a", "IV/e", "Pembina Utama"])
def test_golongan_iv_has_no_track(grade: str) -> None:
    with pytest.raises(NoTrack) as caught:
        Track.for_grade(grade)
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.code == "track.none"
    assert error.value == grade
    assert "golongan IV" in error.message_en
    assert "golongan IV" in error.message_id
    assert Track.for_grade_figure(grade).value is None


def test_track_rules_cover_every_golongan() -> None:
    assert sorted(TRACK_RULES) == [1, 2, 3, 4]
    assert TRACK_RULES[1].note
    assert TRACK_RULES[4].note


def test_track_for_text_that_is_not_a_grade_raises_invalid_grade() -> None:
    with pytest.raises(InvalidGrade):
        Track.for_grade("Penata Sekali")


def test_a_track_prints_as_its_numeral_and_has_an_indonesian_title() -> None:
    assert (str(Track.II), str(Track.III)) == ("II", "III")
    assert Track.III.title == "Pelatihan Dasar CPNS Golongan III"
    assert Track.II.title == "Pelatihan Dasar CPNS Golongan II"


@pytest.mark.parametrize(
    ("text", "track"),
    [
        ("III", Track.III),
        ("3", Track.III),
        ("golongan III", Track.III),
        ("Golongan 3", Track.III),
        ("Gol. III", Track.III),
        ("gol.iii", Track.III),
        ("II", Track.II),
        ("2", Track.II),
        ("Gol. II", Track.II),
        (" gol  ii ", Track.II),
        ("Pelatihan Dasar CPNS Golongan II", Track.II),
        ("Latsar CPNS Golongan III", Track.III),
    ],
)
def test_track_parse_reads_the_usual_forms(text: str, track: Track) -> None:
    assert Track.parse(text) is track


@given(st.sampled_from(Track))
def test_track_parse_of_its_str_and_title_round_trips(track: Track) -> None:
    assert Track.parse(str(track)) is track
    assert Track.parse(track.title) is track


@pytest.mark.parametrize(
    "text", ["", "I", "IV", "golongan IV", "4", "1", "V", "III/a", "Penata", "tiga", None, 3]
)
def test_track_parse_rejects_anything_else_with_invalid_track(text: object) -> None:
    with pytest.raises(InvalidTrack) as caught:
        Track.parse(text)  # type: ignore[arg-type]
    assert caught.value.code == "track.format"
    assert caught.value.value == text
    assert caught.value.message_en != caught.value.message_id


@given(st.text(max_size=120))
def test_track_parse_of_arbitrary_text_only_raises_invalid_track(text: str) -> None:
    result = attempt(Track.parse, text)
    if isinstance(result, ValidationError):
        assert isinstance(result, InvalidTrack)
        assert result.code == "track.format"
    else:
        assert result in Track


# ---------------------------------------------------------------------------
# The documentation agrees with the data
# ---------------------------------------------------------------------------

DOC = grades.__doc__ or ""


def test_the_documented_pangkat_table_lists_every_grade() -> None:
    rows = re.findall(r"^(I{1,3}V?/[a-e]|IV/[a-e])\s{2,}(\S.*?)\s*$", DOC, re.MULTILINE)
    assert [(Grade.parse(code), name) for code, name in rows] == [
        (grade, grade.pangkat) for grade in Grade.all()
    ]


def test_the_documented_entry_grade_table_matches_the_data() -> None:
    names = "|".join(level.value for level in Education)
    rows = re.findall(
        rf"^({names})\s{{2,}}(\S.*?)\s{{2,}}(\S+)\s{{2,}}(\S+)\s*$", DOC, re.MULTILINE
    )
    assert {row[0] for row in rows} == {level.value for level in Education}
    for value, spellings, grade, status in rows:
        level = Education(value)
        assert str(ENTRY_GRADES[level].value) == grade
        assert ENTRY_GRADES[level].status.value == status
        for spelling in spellings.split(", "):
            assert Education.parse(spelling) is level


def test_every_exception_has_its_stable_code() -> None:
    assert InvalidGrade.code == "grade.format"
    assert InconsistentGrade.code == "grade.inconsistent"
    assert UnknownEducation.code == "education.unknown"
    assert InvalidTrack.code == "track.format"
    assert NoTrack.code == "track.none"
    for cls in (InvalidGrade, UnknownEducation, InvalidTrack, NoTrack):
        assert issubclass(cls, ValidationError)
    assert issubclass(InconsistentGrade, InvalidGrade)


def test_the_public_names_are_exported() -> None:
    assert set(grades.__all__) >= {
        "Education",
        "Grade",
        "Track",
        "entry_grade",
        "entry_grade_figure",
        "ENTRY_GRADES",
        "TRACK_RULES",
        "SMP_ENTRY_GRADE",
    }
    for name in grades.__all__:
        assert hasattr(grades, name)


def test_the_public_classes_and_functions_belong_to_the_package() -> None:
    # defined in submodules, they carry the package's name (tracebacks, pickles, the API
    # reference), their annotations resolve there, and their methods' doctests are found there
    for name in grades.__all__:
        value = getattr(grades, name)
        if not (isinstance(value, type) or inspect.isfunction(value)):
            continue
        assert value.__module__ == "pelatihan.grades", name
        typing.get_type_hints(value)
        for member in vars(value).values() if isinstance(value, type) else ():
            function = getattr(member, "__func__", member)
            if inspect.isfunction(function) and function.__qualname__.startswith(f"{name}."):
                assert function.__module__ == "pelatihan.grades", (name, function.__name__)


@given(st.sampled_from(Grade.all()), st.sampled_from(Grade.all()))
def test_grades_compare_by_golongan_then_ruang(first: Grade, second: Grade) -> None:
    key = (first.golongan, first.ruang), (second.golongan, second.ruang)
    assert (first < second, first <= second, first > second, first >= second) == (
        key[0] < key[1],
        key[0] <= key[1],
        key[0] > key[1],
        key[0] >= key[1],
    )
    assert (first == second) == (key[0] == key[1])


def test_a_grade_does_not_compare_with_other_things() -> None:
    with pytest.raises(TypeError):
        _ = Grade(3, "a") < (3, "b")  # type: ignore[operator]
