"""The timeline as an SVG document for the page: lanes over equal years, close-ups of
the days of summits with parts, a key, and a "today" line a page script may move.

The picture is laid out first (:func:`summitcal.web.timeline_layout.layout`), then drawn
in one pass; its output depends only on the catalogue and ``today``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from summitcal.catalog.catalog import Catalog
from summitcal.span.words import day_range, short_day
from summitcal.web.svg import CHAR_W, SVG_STYLE, SvgWriter, esc, num, short
from summitcal.web.timeline_layout import (
    LABEL_COL,
    PAD,
    ROW_H,
    TOP,
    YEAR_WIDTH,
    Layout,
    Legend,
    StripBox,
    layout,
)

__all__ = ["render_svg"]


def render_svg(catalog: Catalog, *, today: date, role: str = "img") -> str:
    """The timeline as a standalone, accessible, responsive SVG document.

    Args:
        catalog: The events to draw.
        today: Where the "today" marker goes.
        role: The root's ARIA role.  A page that lets readers follow the marks' links
            inlines it as ``"figure"``: an ``img`` is a leaf, so links inside it are
            nested interactive content that assistive technology may not reach.

    Returns:
        SVG text (no XML declaration, so it can be inlined in HTML as it is).  The root has
        the ``role``, a ``<title>`` and a ``<desc>``, and a ``viewBox`` so that it
        scales; each mark is a link to ``#ev-<id>`` named by its ``<title>``.  The root's
        ``data-*`` attributes describe the year axis (first and last year, where it
        starts, the width of a year) so that a page script can move the "today" marker
        (the ``tl-now`` group) to the reader's own date; the lane titles are one group,
        ``tl-pin``, drawn last, that a page may keep in view while the picture scrolls.
    """
    plan = layout(catalog, today)
    svg = SvgWriter()
    svg.rect("tl-bg", 0, 0, plan.width, plan.height)
    _draw_lanes(svg, plan)
    _draw_axis(svg, plan)
    if not plan.lanes:
        svg.text(LABEL_COL, TOP + 20, "tl-label", "No events to show.")
    _draw_today(svg, plan, today)
    _draw_lane_titles(svg, plan)
    for box in plan.strips:
        _draw_strip(svg, box, plan.width, today)
    _draw_legend(svg, plan.legend)
    return _head(plan, len(catalog), today, role) + "\n" + svg.getvalue() + "\n</svg>\n"


def _head(plan: Layout, n_events: int, today: date, role: str) -> str:
    """The root element, its title, description and style."""
    y0, y1 = plan.axis.first, plan.axis.last
    desc = (
        f"{n_events} events in {len(plan.lanes)} lanes from {plan.years[0]} to "
        f"{plan.years[1]}; "
        f"today is {today.isoformat()}. "
        "Solid marks are confirmed or scheduled, dashed hollow marks announced or tentative, "
        "dotted marks unconfirmed, struck marks cancelled; faint wide bands are dates known "
        "only to the month or coarser. The list of events beside this picture carries the "
        "same information as text."
    )
    width, height = num(plan.width), num(plan.height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="{esc(role)}" '
        'aria-labelledby="tl-title tl-desc" class="timeline" '
        f'data-first-year="{y0}" data-last-year="{y1}" data-axis-x="{LABEL_COL}" '
        f'data-year-width="{num(YEAR_WIDTH)}" data-today="{today.isoformat()}">'
        '<title id="tl-title">Timeline of the summit series</title>'
        f'<desc id="tl-desc">{esc(desc)}</desc>'
        f"<style>{SVG_STYLE.strip()}</style>"
    )


def _draw_lanes(svg: SvgWriter, plan: Layout) -> None:
    """Every other lane's shading, and each lane's marks."""
    for index, box in enumerate(plan.lanes):
        if index % 2:
            svg.rect("tl-lane-alt", 0, box.y, plan.width, box.height)
        svg.add(f'<g class="tl-lane" data-lane="{esc(box.lane.key)}">')
        for event, p, row in box.marks:
            y_mid = box.y + 4 + ROW_H / 2 + row * ROW_H
            svg.mark(event, p.x1, p.x2, y_mid, p.label, p.where)
        svg.add("</g>")


def _draw_axis(svg: SvgWriter, plan: Layout) -> None:
    """A line at each new year, down through the lanes, and the year above it."""
    axis = plan.axis
    for year in range(axis.first, axis.last + 2):
        x = axis.starts[year]
        svg.line(x, TOP - 10, x, plan.grid_bottom, "tl-grid")
        if year <= axis.last:
            svg.text(x + 6, TOP - 16, "tl-axis", str(year))


def _draw_lane_titles(svg: SvgWriter, plan: Layout) -> None:
    """The lane titles, as one group (``tl-pin``) a page may keep in view."""
    svg.add('<g class="tl-pin">')
    for index, box in enumerate(plan.lanes):
        # The title's own backing hides the marks that scroll under it on the page.
        shade = "tl-lane-alt" if index % 2 else "tl-bg"
        svg.rect(shade, 0, box.y, LABEL_COL - 6, box.height)
        svg.text(8, box.y + 17, "tl-lane-title", short(box.lane.title, 26))
    svg.add("</g>")


def _draw_today(svg: SvgWriter, plan: Layout, today: date) -> None:
    """The "today" line and its label, as one group that a page script may move."""
    tx = plan.axis.x_of(today)
    top, bottom = TOP, plan.lanes_bottom
    today_text = f"Today, {short_day(today)}"
    anchor = "end" if tx + len(today_text) * 7 > plan.width else "start"
    svg.add(f'<g class="tl-now" data-top="{num(top - 8)}" data-bottom="{num(bottom)}">')
    svg.line(tx, top - 8, tx, bottom, "tl-today")
    svg.text(
        tx + (-4 if anchor == "end" else 4),
        top - 2,
        "tl-today-label",
        today_text,
        f' text-anchor="{anchor}"',
    )
    svg.add("</g>")


def _draw_strip(svg: SvgWriter, box: StripBox, width: float, today: date) -> None:
    """A zoomed strip of days for one event and its parts."""
    strip, first, day_w = box.strip, box.first, box.day_w

    def x_at(ordinal: int) -> float:
        return box.x0 + (ordinal - first.toordinal()) * day_w

    def x_of(d: date) -> float:
        return x_at(d.toordinal())

    title = f"Close-up: {strip.parent.title}, {day_range(strip.first, strip.last)}"
    svg.text(min(box.x0, width - PAD - len(title) * 7.5), box.y + 14, "tl-heading", title)
    y = box.y + 24
    _draw_days(svg, box, y, x_at)
    row_y = y + 22
    for e in strip.events:
        x1 = x_of(e.when.first)
        x2 = x_at(e.when.last.toordinal() + 1)
        if e.when.start_time is not None:  # a timed event covers part of its day
            x1 += day_w * _day_fraction(e.when.start_time)
            end = e.when.end_time
            x2 = x_of(e.when.last) + day_w * (_day_fraction(end) if end else 1.0)
        label = short(e.title, 28)
        fits = x2 + 5 + len(label) * CHAR_W <= width - PAD
        svg.mark(e, x1 + 1, x2 - 1, row_y + ROW_H / 2, label, "right" if fits else "left")
        row_y += ROW_H
    # Drawn even when today is outside the strip (hidden), for a page script to show.
    shown = "" if first <= today <= box.last else ' visibility="hidden"'
    tx = x_of(today) + day_w / 2 if shown == "" else box.x0
    svg.add(
        f'<g class="tl-strip-now" data-first="{first.isoformat()}" data-days="{box.n_days}" '
        f'data-axis-x="{num(box.x0)}" data-day-width="{num(day_w)}">'
        f'<line x1="{num(tx)}" y1="{num(y + 14)}" x2="{num(tx)}" y2="{num(row_y)}" '
        f'class="tl-today"{shown}/></g>'
    )


def _draw_days(svg: SvgWriter, box: StripBox, y: float, x_at: Callable[[int], float]) -> None:
    """The strip's day lines, and a label on as many days as there is room for."""
    step = max(1, int(26 // box.day_w) + 1)
    bottom = y + 22 + len(box.strip.events) * ROW_H
    for i in range(box.n_days + 1):
        x = x_at(box.first.toordinal() + i)
        svg.line(x, y + 18, x, bottom, "tl-grid")
        if i < box.n_days and i % step == 0:
            d = box.first + timedelta(days=i)
            label = f"{d.strftime('%a')[:2]} {d.day}" if box.day_w >= 40 else str(d.day)
            svg.text(x + 3, y + 12, "tl-small", label)


def _day_fraction(t: time) -> float:
    return (t.hour * 60 + t.minute) / (24 * 60)


def _draw_legend(svg: SvgWriter, legend: Legend) -> None:
    """The key to the marks, where :class:`Legend` placed its entries."""
    svg.text(8, legend.y + 14, "tl-heading", "Key")
    for style, words, fine, x, y in legend.entries:
        band = "" if fine else " tl-band"
        svg.add(f'<g class="tl-{style}{band}" aria-hidden="true">')
        svg.add(
            f'<rect class="tl-mark" x="{num(x)}" y="{num(y + 4)}" width="22" height="12" rx="3"/>'
        )
        if style == "off":
            svg.line(x - 2, y + 17, x + 24, y + 3, "tl-strike")
        svg.text(x + 28, y + 14, "tl-label", words)
        svg.add("</g>")
    x, y = legend.today
    svg.line(x, y + 2, x, y + 18, "tl-today")
    svg.text(x + 6, y + 14, "tl-label", "today")
