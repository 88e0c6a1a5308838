import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelatihan import ValidationError, legal
from pelatihan.provenance import Citation, Status

FIRST_REGIME_DAY = legal.get_regime("perlan-12-2018").in_force_from.value


def test_every_instrument_id_is_unique_and_found_by_get() -> None:
    ids = [instrument.id for instrument in legal.instruments()]
    assert len(ids) == len(set(ids))
    for instrument_id in ids:
        assert legal.get(instrument_id).id == instrument_id


def test_instruments_are_listed_oldest_first() -> None:
    years = [instrument.year for instrument in legal.instruments()]
    assert years == sorted(years)


def test_every_reference_between_instruments_names_a_known_instrument() -> None:
    for instrument in legal.instruments():
        for other in (*instrument.replaces, *instrument.amends):
            assert legal.find(other) is not None, (instrument.id, other)
            assert other != instrument.id


def test_the_domain_chain_of_latsar_regulations_is_recorded() -> None:
    assert legal.get("perlan-1-2021").replaces == ("perlan-12-2018",)
    assert legal.get("perlan-10-2021").amends == ("perlan-1-2021",)
    assert legal.get("kep-13-2022").replaces == ("kep-93-2021",)
    assert legal.get("uu-20-2023").replaces == ("uu-5-2014",)
    assert legal.get("perlan-12-2018").gazette == (
        "Berita Negara Republik Indonesia Tahun 2018 Nomor 1800"
    )
    assert legal.get("perlan-1-2021").signed == datetime.date(2021, 1, 8)


def test_short_and_full_names_follow_indonesian_citation_style() -> None:
    assert legal.get("pp-11-2017").short_name == "PP 11/2017"
    assert legal.get("perlan-12-2018").full_name == (
        "Peraturan Lembaga Administrasi Negara Nomor 12 Tahun 2018 tentang "
        "Pelatihan Dasar Calon Pegawai Negeri Sipil"
    )
    assert legal.get("kep-94-2021").short_name == "Keputusan Kepala LAN 94/K.1/PDP.07/2021"
    assert str(legal.get("uu-5-2014")) == "UU 5/2014"


def test_get_unknown_id_raises_a_validation_error_and_lookup_error() -> None:
    with pytest.raises(legal.UnknownInstrumentError) as caught:
        legal.get("perlan-3-2030")
    assert isinstance(caught.value, ValidationError)
    assert isinstance(caught.value, LookupError)
    assert caught.value.code == "legal.unknown-instrument"
    assert caught.value.value == "perlan-3-2030"
    assert "perlan-3-2030" in caught.value.message_id


def test_citation_uses_the_instrument_short_name_and_article() -> None:
    assert str(Citation("pp-11-2017", "Pasal 34 ayat (5)")) == "PP 11/2017, Pasal 34 ayat (5)"
    assert str(Citation("perlan-12-2018")) == "Peraturan LAN 12/2018"


@pytest.mark.parametrize(
    ("start", "regime_id"),
    [
        (datetime.date(2019, 10, 17), "perlan-12-2018"),  # East Java 2019 cohort
        (datetime.date(2021, 1, 7), "perlan-12-2018"),
        (datetime.date(2021, 1, 8), "perlan-1-2021"),
        (datetime.date(2021, 3, 15), "perlan-1-2021"),  # Ministry of Home Affairs 2021
        (datetime.date(2022, 3, 1), "perlan-1-2021+10-2021"),
        (datetime.date(2024, 4, 22), "perlan-1-2021+10-2021"),
    ],
)
def test_regime_on_picks_the_newest_regime_in_force(start: datetime.date, regime_id: str) -> None:
    assert legal.regime_on(start).id == regime_id


def test_regime_on_accepts_a_datetime() -> None:
    moment = datetime.datetime(2019, 10, 17, 8, 0, tzinfo=datetime.timezone.utc)
    assert legal.regime_on(moment).id == "perlan-12-2018"


def test_regime_on_before_any_regime_raises_a_bilingual_error() -> None:
    with pytest.raises(legal.NoRegimeError) as caught:
        legal.regime_on(datetime.date(2017, 8, 1))
    assert caught.value.code == "legal.no-regime"
    assert "2017-08-01" in str(caught.value)
    assert "2017-08-01" in caught.value.message_id
    assert caught.value.message_id != caught.value.message_en


def test_regime_on_boundaries_can_be_supplied_by_the_caller() -> None:
    start = datetime.date(2021, 11, 1)
    assert legal.regime_on(start).id == "perlan-1-2021"
    amended = legal.regime_on(
        start, in_force_from={"perlan-1-2021+10-2021": datetime.date(2021, 10, 1)}
    )
    assert amended.id == "perlan-1-2021+10-2021"
    assert amended.in_force_from.status is Status.USER
    assert amended.in_force_from.value == datetime.date(2021, 10, 1)
    # the shipped table is untouched
    assert legal.get_regime("perlan-1-2021+10-2021").in_force_from.status is Status.OPEN


def test_regime_on_rejects_an_unknown_regime_in_overrides() -> None:
    with pytest.raises(legal.UnknownInstrumentError):
        legal.regime_on(
            datetime.date(2022, 1, 1), in_force_from={"perlan-9-2099": FIRST_REGIME_DAY}
        )


def test_regime_boundaries_that_are_not_regulation_text_say_why() -> None:
    for regime in legal.regimes():
        figure = regime.in_force_from
        assert figure.basis is not None
        if figure.status is not Status.REG:
            assert figure.note, regime.id


def test_regime_names_use_jo_for_amendments() -> None:
    assert legal.get_regime("perlan-12-2018").name == "Peraturan LAN 12/2018"
    assert str(legal.get_regime("perlan-1-2021+10-2021")) == "Peraturan LAN 1/2021 jo. 10/2021"


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2060, 12, 31)))
def test_regime_on_is_total_and_monotonic_over_dates(day: datetime.date) -> None:
    if day < FIRST_REGIME_DAY:
        with pytest.raises(legal.NoRegimeError):
            legal.regime_on(day)
        return
    regime = legal.regime_on(day)
    assert regime.in_force_from.value <= day
    later = [r for r in legal.regimes() if regime.in_force_from.value < r.in_force_from.value]
    assert all(r.in_force_from.value > day for r in later)
