import datetime
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pelatihan import Calendar, Phase, Schedule, plan_schedule, strategies
from pelatihan.io.svg import COLOURS, label_text, schedule_to_svg, write_svg
from pelatihan.training import PhaseKind, Setting

SVG = "{http://www.w3.org/2000/svg}"


def test_blended_plan_draws_one_bar_per_phase_coloured_by_setting() -> None:
    plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
    root = ET.fromstring(schedule_to_svg(plan))
    bars = [r for r in root.iter(f"{SVG}rect") if (r.get("class") or "").startswith("phase")]
    assert len(bars) == 4
    assert [b.get("fill") for b in bars] == [
        COLOURS[Setting.OUT_OF_CLASS],
        COLOURS[Setting.OUT_OF_CLASS],
        COLOURS[Setting.OUT_OF_CLASS],
        COLOURS[Setting.IN_CLASS],
    ]


def test_closed_days_are_marked_with_their_names() -> None:
    plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
    svg = schedule_to_svg(plan)
    closed = [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("class") == "closed"]
    expected = plan.calendar.closures_between(plan.phases[0].start, plan.phases[-1].end)
    assert len(closed) == len(expected)
    assert "2024-06-17: Hari Raya Idul Adha" in svg


def test_same_schedule_gives_identical_svg_and_write_svg_writes_it(tmp_path: Path) -> None:
    plan = plan_schedule(datetime.date(2019, 10, 17), "III", "klasikal")
    target = tmp_path / "plan.svg"
    write_svg(plan, target, title="Angkatan XII")
    assert target.read_text(encoding="utf-8") == schedule_to_svg(plan, title="Angkatan XII")
    assert "<title>Angkatan XII</title>" in target.read_text(encoding="utf-8")


def test_names_are_escaped() -> None:
    plan = plan_schedule(datetime.date(2019, 10, 17), "III", "klasikal")
    svg = schedule_to_svg(plan, title="<script>alert(1)</script> & co")
    assert "<script>" not in svg
    ET.fromstring(svg)


def test_empty_schedule_is_refused() -> None:
    with pytest.raises(ValueError, match="nothing to draw"):
        schedule_to_svg(Schedule([], calendar=Calendar()))


@settings(max_examples=20, deadline=None)
@given(strategies.schedules())
def test_any_planned_schedule_draws_well_formed_svg(schedule: Schedule) -> None:
    root = ET.fromstring(schedule_to_svg(schedule))
    assert root.tag == f"{SVG}svg"


def _texts_of(root: ET.Element) -> list[str]:
    return [
        element.text or ""
        for element in root.iter()
        if element.tag in (f"{SVG}text", f"{SVG}title")
    ]


@settings(deadline=None)
@given(
    labels=st.lists(st.text(), min_size=1, max_size=3),
    title=st.text(),
)
def test_any_names_give_svg_that_parses_and_reads_back_escaped(
    labels: list[str], title: str
) -> None:
    start = datetime.date(2024, 4, 22)
    phases = [
        Phase(
            PhaseKind.KLASIKAL,
            start + datetime.timedelta(days=7 * n),
            start + datetime.timedelta(days=7 * n + 4),
            label=label,
        )
        for n, label in enumerate(labels)
    ]
    svg = schedule_to_svg(Schedule(phases, calendar=Calendar()), title=title)
    root = ET.fromstring(svg)
    texts = _texts_of(root)
    assert texts[:2] == [label_text(title), label_text(title)]
    for label in labels:
        shown = label_text(label or "klasikal")
        assert any(text.startswith(f"{shown} (") and text.endswith(" days)") for text in texts)
    for text in texts:
        assert all(ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cs") for ch in text)


def test_control_characters_in_a_name_are_escaped_visibly() -> None:
    plan = plan_schedule(datetime.date(2019, 10, 17), "III", "klasikal")
    svg = schedule_to_svg(plan, title="Angkatan\x00\x1b[2J\u202eI\ufffe\udcff")
    root = ET.fromstring(svg)
    assert _texts_of(root)[0] == "Angkatan\\x00\\x1b[2J\\u202eI\\ufffe\\udcff"
