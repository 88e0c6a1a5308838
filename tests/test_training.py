import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import ValidationError
from pelatihan.training import InvalidMethod, InvalidPhaseKind, Method, PhaseKind, Setting


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("klasikal", Method.KLASIKAL),
        ("Klasikal", Method.KLASIKAL),
        ("classroom", Method.KLASIKAL),
        ("blended", Method.BLENDED),
        ("Blended Learning", Method.BLENDED),
        ("blended-learning", Method.BLENDED),
        ("distance", Method.DISTANCE),
        ("Distance Learning", Method.DISTANCE),
        ("PJJ", Method.DISTANCE),
        ("  pembelajaran  jarak jauh ", Method.DISTANCE),
    ],
)
def test_method_parse_accepts_common_spellings(text: str, method: Method) -> None:
    assert Method.parse(text) is method


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("MOOC", PhaseKind.MOOC),
        ("e-learning", PhaseKind.ELEARNING),
        ("E Learning", PhaseKind.ELEARNING),
        ("LMS", PhaseKind.ELEARNING),
        ("distance learning", PhaseKind.DISTANCE),
        ("Klasikal", PhaseKind.KLASIKAL),
        ("on campus", PhaseKind.KLASIKAL),
        ("Habituasi", PhaseKind.HABITUASI),
        ("aktualisasi", PhaseKind.HABITUASI),
        ("off-campus", PhaseKind.HABITUASI),
    ],
)
def test_phase_kind_parse_accepts_common_spellings(text: str, kind: PhaseKind) -> None:
    assert PhaseKind.parse(text) is kind


def test_only_klasikal_phases_are_in_class() -> None:
    assert [k for k in PhaseKind if k.setting is Setting.IN_CLASS] == [PhaseKind.KLASIKAL]
    assert Setting.IN_CLASS.label_id == "dalam kelas"
    assert Setting.OUT_OF_CLASS.label == "out of class"


def test_unknown_method_is_a_bilingual_validation_error() -> None:
    with pytest.raises(InvalidMethod) as caught:
        Method.parse("hybrid")
    assert caught.value.code == "method.format"
    assert "klasikal" in caught.value.message_id
    assert isinstance(caught.value, ValidationError)


@given(st.sampled_from(list(Method)))
def test_method_parse_round_trips_its_value(method: Method) -> None:
    assert Method.parse(method.value) is method
    assert Method.parse(method.value.upper()) is method
    assert Method.parse(method) is method


@given(st.sampled_from(list(PhaseKind)))
def test_phase_kind_parse_round_trips_its_value(kind: PhaseKind) -> None:
    assert PhaseKind.parse(kind.value) is kind
    assert PhaseKind.parse(kind) is kind


JUNK = st.one_of(
    st.text(), st.text(min_size=1000), st.none(), st.integers(), st.binary(), st.floats()
)


@given(JUNK)
def test_method_parse_raises_only_invalid_method_with_a_short_message(value: object) -> None:
    message = ""
    try:
        Method.parse(value)
    except InvalidMethod as caught:
        message = caught.message_en
    assert len(message) < 200  # the input is shortened in messages


@given(JUNK)
def test_phase_kind_parse_raises_only_invalid_phase_kind_with_a_short_message(
    value: object,
) -> None:
    message = ""
    try:
        PhaseKind.parse(value)
    except InvalidPhaseKind as caught:
        message = caught.message_en
    assert len(message) < 200
