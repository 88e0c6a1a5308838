from __future__ import annotations

import datetime
import importlib.util
import sys
import unicodedata
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pelatihan import Calendar, Phase, Schedule, plan_schedule
from pelatihan.calendar import HolidayDataWarning
from pelatihan.io import ics
from pelatihan.io.ics import phase_uid, schedule_to_ics, write_ics

HAVE_ICALENDAR = importlib.util.find_spec("icalendar") is not None
if HAVE_ICALENDAR:
    import icalendar

needs_icalendar = pytest.mark.skipif(
    not HAVE_ICALENDAR, reason="needs the optional dependency icalendar"
)

D = datetime.date
UTC = datetime.timezone.utc
STAMP = datetime.datetime(2024, 4, 1, 8, 30, tzinfo=UTC)
WIB = datetime.timezone(datetime.timedelta(hours=7))

# A 2024 blended cohort (PerLAN 1/2021 as amended), planned on the national calendar.
BLENDED_2024 = plan_schedule(D(2024, 4, 22), "III", "blended")
# A 2019 classroom cohort (PerLAN 12/2018): on campus, habituation, on campus again.
KLASIKAL_2019 = plan_schedule(D(2019, 10, 17), "III", "klasikal")


def parse(data: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def events(data: bytes) -> list[icalendar.Event]:
    return [event for event in parse(data).walk("VEVENT") if isinstance(event, icalendar.Event)]


def categories(event: icalendar.Event) -> list[str]:
    prop = event["CATEGORIES"]
    assert isinstance(prop, icalendar.prop.vCategory)
    return [str(category) for category in prop.cats]


def dates(event: icalendar.Event) -> tuple[object, object]:
    return event.decoded("DTSTART"), event.decoded("DTEND")


@needs_icalendar
def test_one_all_day_event_per_phase_with_exclusive_end() -> None:
    found = events(schedule_to_ics(BLENDED_2024, cohort_id="angkatan-1", stamp=STAMP))
    assert [dates(event) for event in found] == [
        (D(2024, 4, 22), D(2024, 5, 17)),
        (D(2024, 5, 17), D(2024, 6, 22)),
        (D(2024, 6, 24), D(2024, 8, 3)),
        (D(2024, 8, 5), D(2024, 8, 13)),
    ]
    for event, phase in zip(found, BLENDED_2024.phases, strict=True):
        assert event.decoded("DTEND") == phase.end + datetime.timedelta(days=1)
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTEND"].params["VALUE"] == "DATE"
        assert not isinstance(event.decoded("DTSTART"), datetime.datetime)


@needs_icalendar
def test_dates_are_written_as_value_date_lines() -> None:
    data = schedule_to_ics(KLASIKAL_2019, cohort_id="x", stamp=STAMP)
    lines = data.decode("utf-8").splitlines()
    assert [line for line in lines if line.startswith(("DTSTART;", "DTEND;"))] == [
        "DTSTART;VALUE=DATE:20191017",
        "DTEND;VALUE=DATE:20191112",
        "DTSTART;VALUE=DATE:20191112",
        "DTEND;VALUE=DATE:20191224",
        "DTSTART;VALUE=DATE:20191226",
        "DTEND;VALUE=DATE:20191231",
    ]


@needs_icalendar
def test_summary_names_cohort_phase_and_setting() -> None:
    found = events(
        schedule_to_ics(KLASIKAL_2019, cohort_id="2019-xii", name="Angkatan XII", stamp=STAMP)
    )
    assert [str(event["SUMMARY"]) for event in found] == [
        "Latsar CPNS Angkatan XII — On campus 1 (in class)",
        "Latsar CPNS Angkatan XII — Habituation (out of class)",
        "Latsar CPNS Angkatan XII — On campus 2 (in class)",
    ]


@needs_icalendar
def test_summary_uses_cohort_id_without_name_and_kind_without_label() -> None:
    schedule = Schedule([Phase("habituasi", D(2024, 6, 24), D(2024, 8, 2))])
    (event,) = events(schedule_to_ics(schedule, cohort_id="Angkatan 7", stamp=STAMP))
    assert str(event["SUMMARY"]) == "Latsar CPNS Angkatan 7 — Habituasi (out of class)"


@needs_icalendar
def test_description_gives_training_days_in_english_and_indonesian() -> None:
    found = events(schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP))
    habituasi = found[2]
    assert str(habituasi["DESCRIPTION"]).splitlines() == [
        "Phase 3 of 4: Habituation (out of class), 30 training days",
        "Tahap 3 dari 4: Habituasi (luar kelas), 30 hari pelatihan",
    ]
    for event, days in zip(found, BLENDED_2024.phase_days(), strict=True):
        assert f", {days} hari pelatihan" in str(event["DESCRIPTION"])
    assert "(dalam kelas), 6 hari pelatihan" in str(found[3]["DESCRIPTION"])


@needs_icalendar
def test_training_days_are_counted_on_the_schedules_calendar() -> None:
    # 1 May 2024 is a national holiday, so the first week of May has 4 training days.
    phase = Phase("klasikal", D(2024, 4, 29), D(2024, 5, 3), label="")
    (event,) = events(schedule_to_ics(Schedule([phase]), cohort_id="a", stamp=STAMP))
    assert "Phase 1 of 1: Klasikal (in class), 4 training days" in str(event["DESCRIPTION"])
    assert phase.training_days() == 4


@needs_icalendar
def test_one_training_day_is_singular_in_english() -> None:
    phase = Phase("klasikal", D(2024, 8, 12), D(2024, 8, 12))
    (event,) = events(schedule_to_ics(Schedule([phase]), cohort_id="a", stamp=STAMP))
    assert "1 training day\n" in str(event["DESCRIPTION"])


@needs_icalendar
def test_categories_hold_setting_and_kind_and_events_are_transparent() -> None:
    found = events(schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP))
    assert [categories(event) for event in found] == [
        ["out of class", "mooc"],
        ["out of class", "elearning"],
        ["out of class", "habituasi"],
        ["in class", "klasikal"],
    ]
    assert {str(event["TRANSP"]) for event in found} == {"TRANSPARENT"}
    assert {event.decoded("SEQUENCE") for event in found} == {0}


@needs_icalendar
def test_uids_come_from_slugged_cohort_id_and_position() -> None:
    found = events(schedule_to_ics(BLENDED_2024, cohort_id="Angkatan I/2024", stamp=STAMP))
    assert [str(event["UID"]) for event in found] == [
        "angkatan-i-2024-phase-1@pelatihan",
        "angkatan-i-2024-phase-2@pelatihan",
        "angkatan-i-2024-phase-3@pelatihan",
        "angkatan-i-2024-phase-4@pelatihan",
    ]


def test_phase_uid_reduces_cohort_id_to_safe_characters() -> None:
    assert phase_uid("Angkatan I/2024", 0) == "angkatan-i-2024-phase-1@pelatihan"
    assert phase_uid("Pelatihan Dasar — Bogor, Ángkatan 3", 1) == (
        "pelatihan-dasar-bogor-angkatan-3-phase-2@pelatihan"
    )
    assert phase_uid("abc", 9) == "abc-phase-10@pelatihan"


def test_phase_uid_rejects_cohort_id_without_letters_or_digits_and_negative_index() -> None:
    with pytest.raises(ValueError, match="no letter or digit"):
        phase_uid(" / — ", 0)
    with pytest.raises(ValueError, match="starts at 0"):
        phase_uid("abc", -1)


@needs_icalendar
def test_reexport_of_changed_schedule_keeps_the_uids() -> None:
    before = events(schedule_to_ics(BLENDED_2024, cohort_id="Angkatan I", stamp=STAMP))
    moved = plan_schedule(D(2024, 7, 1), "III", "blended")
    after = events(
        schedule_to_ics(moved, cohort_id="Angkatan I", stamp=STAMP + datetime.timedelta(days=60))
    )
    assert [str(event["UID"]) for event in after] == [str(event["UID"]) for event in before]
    assert [dates(event) for event in after] != [dates(event) for event in before]


@needs_icalendar
def test_different_cohorts_get_different_uids() -> None:
    first = events(schedule_to_ics(BLENDED_2024, cohort_id="Angkatan I", stamp=STAMP))
    second = events(schedule_to_ics(BLENDED_2024, cohort_id="Angkatan II", stamp=STAMP))
    assert not {str(e["UID"]) for e in first} & {str(e["UID"]) for e in second}


@needs_icalendar
def test_same_stamp_gives_byte_identical_output() -> None:
    first = schedule_to_ics(BLENDED_2024, cohort_id="a", organizer="latsar@x.go.id", stamp=STAMP)
    second = schedule_to_ics(BLENDED_2024, cohort_id="a", organizer="latsar@x.go.id", stamp=STAMP)
    assert first == second


@needs_icalendar
def test_stamp_is_converted_to_utc() -> None:
    stamp = datetime.datetime(2024, 4, 1, 15, 30, 12, 999, tzinfo=WIB)
    found = events(schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=stamp))
    assert {event.decoded("DTSTAMP") for event in found} == {
        datetime.datetime(2024, 4, 1, 8, 30, 12, tzinfo=UTC)
    }
    assert b"DTSTAMP:20240401T083012Z\r\n" in schedule_to_ics(
        BLENDED_2024, cohort_id="a", stamp=stamp
    )


@needs_icalendar
def test_without_stamp_dtstamp_is_the_current_utc_time() -> None:
    before = datetime.datetime.now(UTC).replace(microsecond=0)
    (event, *_) = events(schedule_to_ics(BLENDED_2024, cohort_id="a"))
    after = datetime.datetime.now(UTC)
    stamp = event.decoded("DTSTAMP")
    assert isinstance(stamp, datetime.datetime)
    assert stamp.utcoffset() == datetime.timedelta(0)
    assert before <= stamp <= after


@needs_icalendar
def test_naive_stamp_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=datetime.datetime(2024, 4, 1))  # noqa: DTZ001


@needs_icalendar
def test_calendar_properties_follow_rfc_5545_and_name_the_calendar() -> None:
    data = schedule_to_ics(BLENDED_2024, cohort_id="a-1", name="Angkatan I", stamp=STAMP)
    calendar = parse(data)
    assert str(calendar["PRODID"]) == "-//pelatihan//Latsar CPNS schedule//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Latsar CPNS Angkatan I"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Jakarta"


@needs_icalendar
def test_names_are_written_on_one_line() -> None:
    data = schedule_to_ics(
        BLENDED_2024, cohort_id="a", name="Angkatan\n I;\x00 2024,\tBogor ", stamp=STAMP
    )
    calendar = parse(data)
    assert str(calendar["X-WR-CALNAME"]) == "Latsar CPNS Angkatan I; 2024, Bogor"
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]).startswith(
        "Latsar CPNS Angkatan I; 2024, Bogor — "
    )


@needs_icalendar
def test_calendar_name_defaults_to_cohort_id() -> None:
    calendar = parse(schedule_to_ics(BLENDED_2024, cohort_id="Angkatan 9", stamp=STAMP))
    assert str(calendar["X-WR-CALNAME"]) == "Latsar CPNS Angkatan 9"


@needs_icalendar
def test_vtimezone_for_asia_jakarta_is_present_before_the_events() -> None:
    data = schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP)
    (timezone,) = parse(data).walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Asia/Jakarta"
    (standard,) = timezone.walk("STANDARD")
    assert standard.decoded("TZOFFSETTO") == datetime.timedelta(hours=7)
    assert standard.decoded("TZOFFSETFROM") == datetime.timedelta(hours=7)
    assert str(standard["TZNAME"]) == "WIB"
    assert not timezone.walk("DAYLIGHT")
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")


@needs_icalendar
def test_vtimezone_is_built_by_hand_without_the_time_zone_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ics, "_jakarta_zone", lambda: None)
    (timezone,) = parse(schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP)).walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Asia/Jakarta"
    (standard,) = timezone.walk("STANDARD")
    assert standard.decoded("TZOFFSETTO") == datetime.timedelta(hours=7)
    assert standard.decoded("TZOFFSETFROM") == datetime.timedelta(hours=7)
    assert str(standard["TZNAME"]) == "WIB"


@needs_icalendar
def test_output_is_bytes_with_crlf_line_endings() -> None:
    data = schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP)
    assert isinstance(data, bytes)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")


@needs_icalendar
def test_organizer_is_written_as_mailto_with_common_name() -> None:
    found = events(
        schedule_to_ics(
            BLENDED_2024,
            cohort_id="a",
            organizer="BPSDM Contoh <latsar@bpsdm.example.go.id>",
            stamp=STAMP,
        )
    )
    for event in found:
        assert str(event["ORGANIZER"]) == "mailto:latsar@bpsdm.example.go.id"
        assert event["ORGANIZER"].params["CN"] == "BPSDM Contoh"


@needs_icalendar
@pytest.mark.parametrize(
    ("organizer", "uri"),
    [
        ("latsar@bpsdm.example.go.id", "mailto:latsar@bpsdm.example.go.id"),
        ("mailto:latsar@bpsdm.example.go.id", "mailto:latsar@bpsdm.example.go.id"),
        ("https://bpsdm.example.go.id/latsar", "https://bpsdm.example.go.id/latsar"),
    ],
)
def test_organizer_address_or_uri_is_kept(organizer: str, uri: str) -> None:
    (event, *_) = events(
        schedule_to_ics(BLENDED_2024, cohort_id="a", organizer=organizer, stamp=STAMP)
    )
    assert str(event["ORGANIZER"]) == uri
    assert "CN" not in event["ORGANIZER"].params


@needs_icalendar
def test_organizer_without_address_is_rejected() -> None:
    with pytest.raises(ValueError, match="not an address"):
        schedule_to_ics(BLENDED_2024, cohort_id="a", organizer="BPSDM Contoh", stamp=STAMP)


@needs_icalendar
def test_without_organizer_no_organizer_property() -> None:
    assert all(
        "ORGANIZER" not in event
        for event in events(schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP))
    )


@needs_icalendar
def test_empty_schedule_raises() -> None:
    with pytest.raises(ValueError, match="no phases"):
        schedule_to_ics(Schedule(()), cohort_id="a", stamp=STAMP)


@needs_icalendar
def test_phase_ending_before_it_starts_raises() -> None:
    schedule = Schedule([Phase("klasikal", D(2024, 5, 3), D(2024, 5, 2))])
    with pytest.raises(ValueError, match="phase 1 ends on 2024-05-02, before it starts"):
        schedule_to_ics(schedule, cohort_id="a", stamp=STAMP)


@needs_icalendar
def test_unusable_cohort_id_raises() -> None:
    with pytest.raises(ValueError, match="no letter or digit"):
        schedule_to_ics(BLENDED_2024, cohort_id="—", stamp=STAMP)


def test_missing_icalendar_gives_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'pelatihan\[ics\]'") as info:
        schedule_to_ics(BLENDED_2024, cohort_id="a", stamp=STAMP)
    assert str(info.value) == (
        "iCalendar export needs the optional dependency: pip install 'pelatihan[ics]'"
    )
    assert info.value.name == "icalendar"
    with pytest.raises(ModuleNotFoundError, match="optional dependency"):
        write_ics(BLENDED_2024, tmp_path / "unused.ics", cohort_id="a", stamp=STAMP)
    assert not (tmp_path / "unused.ics").exists()


@needs_icalendar
def test_write_ics_writes_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "angkatan.ics"
    write_ics(BLENDED_2024, path, cohort_id="a", name="Angkatan I", stamp=STAMP)
    assert path.read_bytes() == schedule_to_ics(
        BLENDED_2024, cohort_id="a", name="Angkatan I", stamp=STAMP
    )
    write_ics(KLASIKAL_2019, str(path), cohort_id="a", stamp=STAMP)
    assert path.read_bytes().count(b"BEGIN:VEVENT") == 3


@st.composite
def planned_schedules(draw: st.DrawFn) -> Schedule:
    method = draw(st.sampled_from(["klasikal", "blended"]))
    if method == "klasikal":  # PerLAN 12/2018: classroom delivery only
        start = draw(st.dates(D(2019, 1, 1), D(2021, 1, 7)))
    else:  # PerLAN 1/2021 and its amendments
        start = draw(st.dates(D(2021, 1, 8), D(2026, 12, 31)))
    track = draw(st.sampled_from(["II", "III"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayDataWarning)
        return plan_schedule(start, track, method)


@needs_icalendar
@settings(max_examples=30, deadline=None)
@given(schedule=planned_schedules(), cohort_id=st.text(min_size=1, max_size=30))
def test_round_trip_event_dates_equal_phase_dates(schedule: Schedule, cohort_id: str) -> None:
    if not any(character.isascii() and character.isalnum() for character in cohort_id):
        cohort_id += "x"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HolidayDataWarning)
        data = schedule_to_ics(schedule, cohort_id=cohort_id, stamp=STAMP)
    found = events(data)
    assert [
        (event.decoded("DTSTART"), event.decoded("DTEND") - datetime.timedelta(days=1))
        for event in found
    ] == [(phase.start, phase.end) for phase in schedule.phases]
    assert [str(event["UID"]) for event in found] == [
        phase_uid(cohort_id, index) for index in range(len(schedule.phases))
    ]


def one_line(text: str) -> str:
    """What the writer makes of a name, as documented: one line, no control character."""
    kept = "".join(
        " "
        if unicodedata.category(char) == "Cc"
        else "\ufffd"
        if unicodedata.category(char) == "Cs"
        else char
        for char in text
    )
    return " ".join(kept.split())


@needs_icalendar
@settings(max_examples=40, deadline=None)
@given(
    name=st.text(),
    labels=st.lists(st.text(), min_size=1, max_size=3),
    common_name=st.text(),
    cohort_id=st.text(min_size=1),
)
@example(name="", labels=[""], common_name="\\", cohort_id="0")  # a backslash before the colon
def test_any_names_are_written_escaped_and_read_back(
    name: str, labels: list[str], common_name: str, cohort_id: str
) -> None:
    cohort_id += "x"
    start = D(2024, 4, 22)
    phases = [
        Phase(
            "klasikal",
            start + datetime.timedelta(days=7 * n),
            start + datetime.timedelta(days=7 * n + 4),
            label=label,
        )
        for n, label in enumerate(labels)
    ]
    schedule = Schedule(phases, calendar=Calendar())
    organizer = f"{common_name.replace('<', '')} <latsar@bpsdm.example.go.id>"
    data = schedule_to_ics(
        schedule, cohort_id=cohort_id, name=name, organizer=organizer, stamp=STAMP
    )
    text = data.decode("utf-8")
    assert not any(unicodedata.category(char) == "Cc" for char in text.replace("\r\n", ""))
    shown = one_line(name) or one_line(cohort_id)
    found = events(data)
    assert str(parse(data)["X-WR-CALNAME"]) == f"Latsar CPNS {shown}"
    assert [
        (event.decoded("DTSTART"), event.decoded("DTEND") - datetime.timedelta(days=1))
        for event in found
    ] == [(phase.start, phase.end) for phase in phases]
    assert [str(event["UID"]) for event in found] == [
        phase_uid(cohort_id, index) for index in range(len(phases))
    ]
    for event, label in zip(found, labels, strict=True):
        title = one_line(label)
        title = title[:1].upper() + title[1:] if title else "Klasikal"
        assert str(event["SUMMARY"]).startswith(f"Latsar CPNS {shown} — {title} (")
        assert str(event["ORGANIZER"]) == "mailto:latsar@bpsdm.example.go.id"
        cn = one_line(common_name.replace("<", ""))
        if len(cn) > 1 and cn[0] == cn[-1] == '"':
            cn = one_line(cn[1:-1].replace('\\"', '"').replace("\\\\", "\\"))
        assert event["ORGANIZER"].params.get("CN", "") == cn.replace('"', "'").replace("\\", "/")


@needs_icalendar
@pytest.mark.parametrize(
    "organizer",
    [
        "mailto:latsar@bpsdm.example.go.id\r\nATTENDEE:mailto:x@y.z",
        "latsar@bpsdm.example.go.id\nX",
        "BPSDM <latsar@bpsdm.example.go.id\x1b>",
        "mailto:latsar\u202e@bpsdm.example.go.id",
    ],
)
def test_an_organizer_address_with_a_control_character_is_refused(organizer: str) -> None:
    with pytest.raises(ValueError, match="control character or a line break"):
        schedule_to_ics(BLENDED_2024, cohort_id="a", organizer=organizer, stamp=STAMP)


@needs_icalendar
def test_a_line_break_in_the_organizers_name_becomes_a_space() -> None:
    (event, *_) = events(
        schedule_to_ics(
            BLENDED_2024,
            cohort_id="a",
            organizer="Angkatan\n1\x1b]0;x\x07 <latsar@bpsdm.example.go.id>",
            stamp=STAMP,
        )
    )
    assert event["ORGANIZER"].params["CN"] == "Angkatan 1 ]0;x"
