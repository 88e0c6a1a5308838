import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import ValidationError
from pelatihan.provenance import Citation, Figure, Source, Status


def test_override_marks_the_value_as_supplied_by_the_user_and_keeps_the_basis() -> None:
    shipped = Figure(51, Status.SEC, Citation("perlan-12-2018"), source="two reports")
    mine = shipped.override(50, note="approved variant", source="SK BPSDM 2019")
    assert (mine.value, mine.status, mine.basis) == (50, Status.USER, shipped.basis)
    assert (mine.note, mine.source) == ("approved variant", "SK BPSDM 2019")
    assert shipped.value == 51  # frozen: the original is unchanged
    assert not mine.is_regulation
    assert Figure(1, Status.REG).is_regulation


def test_figures_are_frozen_and_hashable() -> None:
    figure = Figure(21, Status.SEC)
    with pytest.raises(AttributeError):
        figure.value = 22  # type: ignore[misc]
    assert hash(figure) == hash(Figure(21, Status.SEC))


def test_citation_of_an_unknown_instrument_shows_its_id() -> None:
    assert str(Citation("sk-bpsdm-jatim-2019", "Diktum 2")) == "sk-bpsdm-jatim-2019, Diktum 2"


def test_every_status_is_described_in_english_and_indonesian() -> None:
    for status in Status:
        english, indonesian = status.description("en"), status.description("id")
        assert english
        assert indonesian
        assert english != indonesian


def test_source_renders_address_and_what_was_read() -> None:
    assert str(Source("https://example.org/x")) == "https://example.org/x"


def test_validation_error_messages_by_language() -> None:
    error = ValidationError("bad", "salah", component="tmt", value="20151")
    assert (error.message("en"), error.message("id")) == ("bad", "salah")
    with pytest.raises(ValueError, match="unknown language"):
        error.message("jv")


@given(st.text(), st.text(), st.none() | st.text(), st.none() | st.integers() | st.text())
def test_validation_errors_survive_pickling(
    en: str, id_: str, component: str | None, value: object
) -> None:
    error = ValidationError(en, id_, component=component, value=value)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ValidationError
    assert (copy.message_en, copy.message_id, copy.component, copy.value) == (
        en,
        id_,
        component,
        value,
    )
