import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

from pelatihan import Calendar, Schedule, plan_schedule, strategies
from pelatihan.io.svg import COLOURS, schedule_to_svg, write_svg
from pelatihan.training import Setting

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
