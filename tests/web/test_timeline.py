"""The text and SVG timelines: lanes, close-ups, status styles, today marker, determinism."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.web.timeline import (
    OTHER_LANE,
    YEAR_WIDTH,
    describe_event,
    lanes,
    render_svg,
    render_text,
    status_style,
    strips,
)

SITE_SEEDS = Path(__file__).parents[1] / "data" / "site"
SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2025, 2, 9)


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(SITE_SEEDS)


def test_lanes_hold_top_level_events_by_series(cat: Catalog) -> None:
    by_key = {lane.key: [e.id for e in lane.events] for lane in lanes(cat)}
    assert list(by_key) == ["ai-summit", "waic", "other"]
    # Parts and side events are not in lanes: they go in the summit's close-up.
    assert "paris-science-days-2025" not in by_key["ai-summit"]
    assert "ai-action-summit-2025" in by_key["ai-summit"]
    assert by_key["other"] == ["called-off-forum-2024", "rumoured-meeting-2025"]


def test_strip_zooms_on_the_summit_and_its_parts(cat: Catalog) -> None:
    (strip,) = strips(cat)
    assert strip.parent.id == "ai-action-summit-2025"
    assert (strip.first, strip.last) == (date(2025, 2, 6), date(2025, 2, 11))
    assert {e.id for e in strip.events} == {
        "ai-action-summit-2025",
        "paris-science-days-2025",
        "paris-cultural-weekend-2025",
        "paris-side-reception-2025",
    }


def test_a_part_whose_parent_is_filtered_out_goes_back_to_its_lane(cat: Catalog) -> None:
    only_parts = cat.filter(predicate=lambda e: e.id != "ai-action-summit-2025")
    ids = [e.id for lane in lanes(only_parts) for e in lane.events]
    assert "paris-science-days-2025" in ids
    assert strips(only_parts) == ()


def test_statuses_map_to_four_styles(cat: Catalog) -> None:
    styles = {e.id: status_style(e.status) for e in cat}
    assert styles["ai-action-summit-2025"] == "firm"
    assert styles["ai-impact-summit-2026"] == "firm"  # scheduled
    assert styles["ai-summit-2027"] == "soft"  # announced
    assert styles["waic-2026"] == "soft"  # tentative
    assert styles["rumoured-meeting-2025"] == "doubt"
    assert styles["called-off-forum-2024"] == "off"


# --- text -----------------------------------------------------------------------------


def test_text_timeline_fits_the_width_and_marks_status(cat: Catalog) -> None:
    text = render_text(cat, today=TODAY, width=72)
    lines = text.splitlines()
    assert all(len(line) <= 72 for line in lines)
    chart = {line.split()[0]: line for line in lines[3:6]}
    assert set(chart) == {"ai-summit", "waic", "other"}
    assert "#" in chart["ai-summit"]
    assert "o" in chart["ai-summit"]
    assert "x" in chart["other"]
    assert "?" in chart["other"]
    assert lines[1].startswith("today")
    assert "v today (2025-02-09)" in text
    # The today marker sits in the 2025 column range, after the 2025 year tick.
    assert lines[1].index("v") >= lines[0].index("2025")


def test_text_timeline_lists_parts_under_their_summit(cat: Catalog) -> None:
    lines = render_text(cat, today=TODAY, width=120).splitlines()
    summit = next(i for i, line in enumerate(lines) if "AI Action Summit" in line)
    science = next(i for i, line in enumerate(lines) if "Science days" in line)
    assert science == summit + 1
    indent = len(lines[science]) - len(lines[science].lstrip())
    assert indent > len(lines[summit]) - len(lines[summit].lstrip())
    assert any("Cultural weekend [tentative]" in line for line in lines)


def test_text_timeline_rejects_a_tiny_width(cat: Catalog) -> None:
    with pytest.raises(ValueError, match="too narrow"):
        render_text(cat, today=TODAY, width=20)


# --- SVG ------------------------------------------------------------------------------


def _svg_tree(cat: Catalog, today: date = TODAY) -> ET.Element:
    return ET.fromstring(render_svg(cat, today=today))


def test_svg_is_well_formed_and_accessible(cat: Catalog) -> None:
    root = _svg_tree(cat)
    assert root.get("role") == "img"
    inline = ET.fromstring(render_svg(cat, today=TODAY, role="figure"))
    assert inline.get("role") == "figure"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.find(f"{SVG}title") is not None
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text
    assert "2025-02-09" in desc.text
    assert root.get("aria-labelledby") == "tl-title tl-desc"


def test_every_event_has_a_linked_mark_with_a_text_alternative(cat: Catalog) -> None:
    root = _svg_tree(cat)
    links = root.findall(f".//{SVG}a")
    by_target: dict[str, list[ET.Element]] = {}
    for a in links:
        by_target.setdefault(a.get("href", ""), []).append(a)
    assert set(by_target) == {f"#ev-{e.id}" for e in cat}
    for event in cat:
        for a in by_target[f"#ev-{event.id}"]:
            assert a.get("aria-label") is None  # named by its title, which holds it all
            title = a.find(f"{SVG}title")
            assert title is not None
            assert title.text == describe_event(event)


def test_status_classes_on_marks(cat: Catalog) -> None:
    root = _svg_tree(cat)
    classes = {a.get("href"): a.get("class", "") for a in root.iter(f"{SVG}a")}
    assert classes["#ev-ai-safety-summit-2023"] == "tl-firm"
    assert classes["#ev-ai-summit-2027"] == "tl-soft tl-band"  # a year: a faint band
    assert classes["#ev-called-off-forum-2024"] == "tl-off"
    assert classes["#ev-rumoured-meeting-2025"] == "tl-doubt"


def test_today_marker_moves_with_the_clock(cat: Catalog) -> None:
    def today_x(day: date) -> float:
        root = _svg_tree(cat, day)
        line = next(e for e in root.iter(f"{SVG}line") if e.get("class") == "tl-today")
        return float(line.get("x1", "nan"))

    assert today_x(date(2025, 2, 9)) < today_x(date(2026, 11, 25))


def test_today_outside_the_data_widens_the_axis(cat: Catalog) -> None:
    svg = render_svg(cat, today=date(2031, 5, 1))
    years = re.findall(r'class="tl-axis">(\d{4})<', svg)
    assert years[0] == "2023"
    assert years[-1] == "2033"  # two and a half years past today, to centre it


def test_the_axis_runs_past_the_last_event_and_today(cat: Catalog) -> None:
    """Room after the last event and after today, so a page can centre today's line."""
    ends = {}
    for day in (date(2025, 2, 9), date(2026, 12, 7), date(2027, 12, 31)):
        root = _svg_tree(cat, day)
        ends[day.year] = root.get("data-last-year")
        desc = root.find(f"{SVG}desc")
        assert desc is not None
        assert desc.text
        assert "from 2023 to 2027;" in desc.text  # the events' years, not the axis's
    # The last event is in 2027: a year after it, or the year two and a half years after
    # today, whichever is later.
    assert ends == {2025: "2028", 2026: "2029", 2027: "2030"}
    late = render_svg(cat, today=date(9999, 6, 1))
    assert 'data-last-year="9999"' in late


def test_every_year_has_the_same_width(catalog: Catalog) -> None:
    """No squeezed axis: the empty years 2018-2022 are as wide as the busy ones."""
    svg = render_svg(catalog, today=TODAY)
    xs = [float(x) for x in re.findall(r'x="([\d.]+)" y="[\d.]+" class="tl-axis"', svg)]
    assert len(xs) >= 10
    steps = {round(b - a, 1) for a, b in itertools.pairwise(xs)}
    assert steps == {YEAR_WIDTH}


def test_svg_describes_its_axis_for_a_page_script(cat: Catalog) -> None:
    """The root says where the axis starts and how wide a year is, so that a script can
    put "today" at the reader's date with the same arithmetic as here."""
    root = _svg_tree(cat, TODAY)
    assert (root.get("data-first-year"), root.get("data-last-year")) == ("2023", "2028")
    assert root.get("data-today") == "2025-02-09"
    x0 = float(root.get("data-axis-x", "nan"))
    width = float(root.get("data-year-width", "nan"))
    now = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tl-now")
    line = now.find(f"{SVG}line")
    assert line is not None
    # 9 Feb 2025 is day 40 of a 365-day year, the third year of the axis.
    assert float(line.get("x1", "nan")) == pytest.approx(x0 + 2 * width + 39 * width / 365, abs=0.1)
    assert "Today, 9 Feb 2025" in "".join(now.itertext())


def test_lane_titles_are_one_group_drawn_over_the_marks(cat: Catalog) -> None:
    """The page keeps that group in view while the picture scrolls sideways."""
    root = _svg_tree(cat, TODAY)
    children = list(root)
    pins = [i for i, el in enumerate(children) if el.get("class") == "tl-pin"]
    assert len(pins) == 1
    lanes_at = [i for i, el in enumerate(children) if el.get("class") == "tl-lane"]
    assert max(lanes_at) < pins[0]
    titles = [t.text or "" for t in children[pins[0]].iter(f"{SVG}text")]
    assert len(titles) == len(lanes(cat))
    for title, lane in zip(titles, lanes(cat), strict=True):
        assert lane.title.startswith(title.rstrip("…"))


def test_a_close_up_sits_under_its_summit(cat: Catalog) -> None:
    root = _svg_tree(cat, TODAY)
    x0 = float(root.get("data-axis-x", "nan"))
    width = float(root.get("data-year-width", "nan"))
    strip = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tl-strip-now")
    assert strip.get("data-first") == "2025-02-05"
    start = float(strip.get("data-axis-x", "nan"))
    # Paris, Feb 2025: in the 2025 column, not at the left edge of the picture.
    assert x0 + 2 * width - 400 < start < x0 + 3 * width
    line = strip.find(f"{SVG}line")
    assert line is not None
    assert line.get("visibility") is None  # 9 Feb 2025 is inside the close-up
    later = next(
        g
        for g in _svg_tree(cat, date(2026, 1, 1)).iter(f"{SVG}g")
        if g.get("class") == "tl-strip-now"
    )
    assert later.find(f"{SVG}line").get("visibility") == "hidden"  # type: ignore[union-attr]


def test_text_in_the_svg_is_escaped(cat: Catalog) -> None:
    svg = render_svg(cat, today=TODAY)
    assert "<reception>" not in svg
    assert "&lt;reception&gt;" in svg
    ET.fromstring(svg)  # would fail on a stray '&' or '<'


def test_output_is_deterministic_across_hash_seeds() -> None:
    code = (
        "from datetime import date; from summitcal import load_catalog;"
        "from summitcal.web.timeline import render_svg, render_text;"
        f"c = load_catalog({str(SITE_SEEDS)!r});"
        "print(render_svg(c, today=date(2025, 2, 9)) + render_text(c, today=date(2025, 2, 9)))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1


def test_empty_catalogue_still_draws(cat: Catalog) -> None:
    empty = cat.filter(predicate=lambda e: False)
    assert len(empty) == 0
    root = ET.fromstring(render_svg(empty, today=TODAY))
    assert root.get("role") == "img"
    assert "No events" in render_svg(empty, today=TODAY)
    assert "today (2025-02-09)" in render_text(empty, today=TODAY)


def test_shipped_catalogue_draws(catalog: Catalog) -> None:
    root = ET.fromstring(render_svg(catalog, today=TODAY))
    hrefs = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert hrefs == {f"#ev-{e.id}" for e in catalog}


@pytest.mark.parametrize("width", [40, 60, 66, 72, 80, 100, 140])
def test_year_labels_never_run_together(catalog: Catalog, width: int) -> None:
    """Each year label on the axis stands apart: no '20172018' at any width."""
    axis = render_text(catalog, today=TODAY, width=width).splitlines()[0]
    years = re.findall(r"\d+", axis)
    assert years
    assert all(len(y) == 4 for y in years)
    assert [int(y) for y in years] == sorted({int(y) for y in years})


@pytest.mark.parametrize("width", [60, 80])
def test_long_lane_names_are_whole_or_visibly_cut(catalog: Catalog, width: int) -> None:
    lines = render_text(catalog, today=TODAY, width=width).splitlines()
    names = {line.split()[0] for line in lines[3 : 3 + len(lanes(catalog))]}
    keys = {lane.key for lane in lanes(catalog)}
    for name in names:
        assert name in keys or (name.endswith("…") and any(k.startswith(name[:-1]) for k in keys))
    assert "china-ai-governance" in names  # 19 characters fit at 60 columns


def test_a_narrow_timeline_ellipsises_a_long_lane_name(catalog: Catalog) -> None:
    lines = render_text(catalog, today=TODAY, width=40).splitlines()
    assert any(line.startswith("china-ai-gov…") for line in lines)
    assert all(len(line) <= 40 for line in lines)


def test_no_lane_is_empty(catalog: Catalog) -> None:
    """The catch-all lane appears only when some event lacks a series."""
    ai = catalog.filter(series="ai-summit")
    assert all(e.series for e in ai)
    for cat_ in (catalog, ai):
        assert all(lane.events for lane in lanes(cat_))
    assert OTHER_LANE not in {lane.key for lane in lanes(ai)}
    assert "Other events" not in render_svg(ai, today=TODAY)
    assert "Other events" not in render_text(ai, today=TODAY)
