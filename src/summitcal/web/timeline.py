"""Timelines of the catalogue: plain text for the terminal, SVG for the page.

Both pictures show one *lane* per series (plus one for events outside any series) over the
years, with the events that are not part of another event as marks in their lanes.  Parts
and side events are drawn under their summit: the text timeline indents them beneath it,
the SVG adds a zoomed strip of days (the Paris week, say) below the lanes.  Status is
visible in both: firm events (confirmed, scheduled) are solid, announced and tentative ones
hollow and dashed, unconfirmed ones dotted, cancelled ones struck through, and dates known
only to the month or coarser are drawn as faint bands.  A "today" marker comes from the
``today`` argument; nothing here reads the clock, and the output depends only on the
catalogue and that date.

Texts pass through :func:`summitcal.text.clean_text` (the text timeline through
:func:`~summitcal.text.one_line`), so that no title can make the SVG ill-formed XML or
send a control sequence to a terminal.  Day arithmetic works on ordinals, so that events
on the last days of 9999 are drawn too.

Example::

    >>> from datetime import date
    >>> cat = load_catalog()
    >>> print(render_text(cat, today=date(2025, 2, 9), width=100))   # doctest: +SKIP
    >>> svg = render_svg(cat, today=date(2025, 2, 9))
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import Protocol

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event, Status
from summitcal.span.words import day_range, human_dates, short_day
from summitcal.text import clean_text, one_line

__all__ = [
    "Lane",
    "Strip",
    "describe_event",
    "human_dates",
    "lanes",
    "render_svg",
    "render_text",
    "status_style",
    "strips",
    "year_widths",
]

#: The lane that holds events outside any series.
OTHER_LANE = "other"


# --- words ----------------------------------------------------------------------------


def status_style(status: Status) -> str:
    """The drawing style of a status: ``firm``, ``soft``, ``doubt`` or ``off``."""
    if status.is_firm:
        return "firm"
    if status in (Status.ANNOUNCED, Status.TENTATIVE):
        return "soft"
    if status is Status.CANCELLED:
        return "off"
    return "doubt"


def describe_event(event: Event) -> str:
    """A one-line text alternative: title, dates, place and status."""
    parts = [event.title, human_dates(event.when)]
    if event.place is not None:
        parts.append(event.place.label)
    parts.append(event.status.value)
    return ", ".join(parts)


# --- structure ------------------------------------------------------------------------


@attrs.frozen
class Lane:
    """One row of the timeline: a series (or the catch-all lane) and its top events.

    Attributes:
        key: The series id, or ``"other"``.
        title: The series title.
        events: The events shown as marks, in date order.
    """

    key: str
    title: str
    events: tuple[Event, ...]


@attrs.frozen
class Strip:
    """A zoomed view of the days of one event and its parts and side events.

    Attributes:
        parent: The event zoomed on.
        events: The parent and its descendants, in date order.
        first: The first day shown.
        last: The last day shown.
    """

    parent: Event
    events: tuple[Event, ...]
    first: date
    last: date


def _is_top(event: Event, catalog: Catalog) -> bool:
    return event.parent is None or event.parent not in catalog


def lanes(catalog: Catalog) -> tuple[Lane, ...]:
    """The lanes of ``catalog``: its series in order of their first event, then the rest.

    Only events that are not part of another event of the catalogue are in lanes; an event
    of several series appears in each of their lanes.  Series without events are left out.
    """
    top = [e for e in catalog if _is_top(e, catalog)]
    out: list[Lane] = []
    for key, series in catalog.series.items():
        events = tuple(e for e in top if key in e.series)
        if events:
            out.append(Lane(key, series.title, events))
    out.sort(key=lambda lane: (lane.events[0].sort_key, lane.key))
    rest = tuple(e for e in top if not any(s in catalog.series for s in e.series))
    if rest:
        out.append(Lane(OTHER_LANE, "Other events", rest))
    return tuple(out)


def _descendants(catalog: Catalog, event_id: str) -> list[Event]:
    out: list[Event] = []
    for child in catalog.children(event_id):
        out.append(child)
        out.extend(_descendants(catalog, child.id))
    return out


def strips(catalog: Catalog) -> tuple[Strip, ...]:
    """One zoomed strip per top-level event that has parts or side events, in date order."""
    out = []
    for event in catalog:
        if not _is_top(event, catalog):
            continue
        family = _descendants(catalog, event.id)
        if not family:
            continue
        members = tuple(sorted([event, *family], key=lambda e: e.sort_key))
        first = min(e.when.first for e in members)
        last = max(e.when.last for e in members)
        out.append(Strip(event, members, first, last))
    return tuple(out)


def _year_range(catalog: Catalog, today: date) -> tuple[int, int]:
    years = [today.year]
    for e in catalog:
        years += [e.when.first.year, e.when.last.year]
    return min(years), max(years)


# --- text -----------------------------------------------------------------------------

_TEXT_MARK = {"firm": "#", "soft": "o", "doubt": "?", "off": "x"}
_TEXT_PRIORITY = {"#": 4, "o": 3, "?": 2, "x": 1, "~": 0}


def render_text(catalog: Catalog, *, today: date, width: int = 80) -> str:
    """The timeline as plain text: a chart of lanes by year, then each lane's events.

    Args:
        catalog: The events to draw.
        today: Where the "today" marker goes.
        width: The number of columns to fit in (at least 40).

    Returns:
        Lines ending in newlines, none longer than ``width``.

    Raises:
        ValueError: If ``width`` is below 40.
    """
    if width < 40:
        raise ValueError(f"width {width} is too narrow for a timeline (40 columns or more)")
    lane_list = lanes(catalog)
    y0, y1 = _year_range(catalog, today)
    # Lane names get up to a third of the width; longer ones end in an ellipsis.
    label_w = min(width // 3, max([len(one_line(lane.key)) for lane in lane_list] + [5]))
    cols = width - label_w - 2
    start = date(y0, 1, 1).toordinal()
    total = date(y1, 12, 31).toordinal() + 1 - start  # no date(y1 + 1, 1, 1): y1 may be 9999

    def col(d: date) -> int:
        return min(cols - 1, (d.toordinal() - start) * cols // total)

    lines = []
    axis = [" "] * cols
    ruler = ["-"] * cols
    for year in range(y0, y1 + 1):
        c = col(date(year, 1, 1))
        ruler[c] = "|"
        label = str(year)
        # A label needs a blank column before it, or neighbouring years run together.
        free = axis[max(c - 1, 0) : c + len(label)]
        if c + len(label) <= cols and all(ch == " " for ch in free):
            axis[c : c + len(label)] = label
    today_row = [" "] * cols
    today_row[col(today)] = "v"
    lines.append(" " * (label_w + 2) + "".join(axis).rstrip())
    lines.append(f"{'today':<{label_w}}  " + "".join(today_row).rstrip())
    lines.append(" " * (label_w + 2) + "".join(ruler))
    for lane in lane_list:
        row = [" "] * cols
        for year in range(y0, y1 + 1):
            row[col(date(year, 1, 1))] = "|"
        for e in lane.events:
            fine = not e.when.granularity.is_coarse
            mark = _TEXT_MARK[status_style(e.status)]
            for c in range(col(e.when.first), col(e.when.last) + 1):
                ch = mark if fine or c == col(e.when.first) else "~"
                if _TEXT_PRIORITY.get(row[c], -1) < _TEXT_PRIORITY[ch]:
                    row[c] = ch
        lines.append(f"{_fit(one_line(lane.key), label_w):<{label_w}}  " + "".join(row).rstrip())
    lines.append("")
    lines.append("# confirmed/scheduled  o announced/tentative  ? unconfirmed  x cancelled")
    lines.append(f"~ date known only roughly  v today ({today.isoformat()})")
    children = {s.parent.id: s for s in strips(catalog)}
    for lane in lane_list:
        lines += ["", one_line(f"{lane.title} [{lane.key}]")]
        shown: int | None = None
        for e in lane.events:
            lines.append(_text_entry(e, "  ", shown != e.when.first.year))
            shown = e.when.first.year
            strip = children.get(e.id)
            for part in strip.events if strip else ():
                if part.id != e.id:
                    lines.append(_text_entry(part, "        ", False))
    return "".join(line[:width].rstrip() + "\n" for line in lines)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_entry(event: Event, indent: str, show_year: bool) -> str:
    year = str(event.when.first.year) if show_year else ""
    mark = _TEXT_MARK[status_style(event.status)]
    flag = "" if event.status.is_firm else f" [{event.status.value}]"
    where = f" - {event.place.label}" if event.place else ""
    text = one_line(f"{human_dates(event.when)}: {event.title}{flag}{where}")
    return f"{indent}{year:<4}  {mark} {text}"


# --- SVG ------------------------------------------------------------------------------

_LABEL_COL = 190  # width of the lane-title column
_ROW_H = 24
_CHAR_W = 6.6  # average advance of a 12 px sans-serif character, for packing labels
_PAD = 16
#: The width of every year on the SVG axis: equal, so that distances read as time.
YEAR_WIDTH = 180.0

SVG_STYLE = """
.tl-bg{fill:#fff}.tl-lane-alt{fill:#f4f6f9}.tl-grid{stroke:#c9ced6;stroke-width:1}
.tl-axis{font:600 13px system-ui,sans-serif;fill:#333}
.tl-lane-title{font:600 13px system-ui,sans-serif;fill:#1d2733}
.tl-label{font:12px system-ui,sans-serif;fill:#1d2733}
.tl-small{font:11px system-ui,sans-serif;fill:#555}
.tl-heading{font:600 14px system-ui,sans-serif;fill:#1d2733}
.tl-mark{stroke:#1f5fae;stroke-width:2}
.tl-firm .tl-mark{fill:#1f5fae}
.tl-soft .tl-mark{fill:#fff;stroke-dasharray:4 2}
.tl-doubt .tl-mark{fill:#fff;stroke:#8a5a00;stroke-dasharray:1.5 2.5}
.tl-off .tl-mark{fill:#ddd;stroke:#888}
.tl-off .tl-label{text-decoration:line-through;fill:#777}
.tl-strike{stroke:#888;stroke-width:2}
.tl-band .tl-mark{fill-opacity:.25}
.tl-today{stroke:#c0392b;stroke-width:2;stroke-dasharray:6 3}
.tl-today-label{font:600 12px system-ui,sans-serif;fill:#c0392b}
a:focus .tl-mark,a:hover .tl-mark{stroke:#e67e22;stroke-width:3}
"""


def _esc(text: str) -> str:
    """``text`` as XML character data or an attribute value: cleaned, then escaped."""
    return html.escape(clean_text(text), quote=True)


def _num(value: float) -> str:
    """A coordinate with at most one decimal, so output bytes are stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _short(title: str, limit: int = 30) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class _Svg:
    """A small SVG writer: elements are appended as lines of text."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def text(self, x: float, y: float, cls: str, content: str, extra: str = "") -> None:
        self.add(f'<text x="{_num(x)}" y="{_num(y)}" class="{cls}"{extra}>{_esc(content)}</text>')

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        self.add(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" class="{cls}"/>'
        )

    def mark(
        self,
        event: Event,
        x1: float,
        x2: float,
        y: float,
        label: str | None = None,
        place: str = "right",
    ) -> None:
        """One event: a link to its list entry, holding the shape and its label.

        ``place`` puts the label to the ``right`` of the shape, to its ``left``, or
        ``inside`` it (for wide bands).
        """
        style = status_style(event.status)
        band = " tl-band" if event.when.granularity.is_coarse else ""
        alt = _esc(describe_event(event))
        # The name comes from <title> alone: an aria-label would have to hold the
        # visible (shortened) label word for word (WCAG 2.5.3), which a cut title cannot.
        self.add(f'<a href="#ev-{event.id}" class="tl-{style}{band}"><title>{alt}</title>')
        h = 12 if not band else 18  # a band holds its label
        self.add(
            f'<rect class="tl-mark" x="{_num(x1)}" y="{_num(y - h / 2)}" '
            f'width="{_num(max(x2 - x1, 6))}" height="{h}" rx="3"/>'
        )
        if style == "off":
            self.line(x1 - 2, y + h / 2 + 1, x1 + max(x2 - x1, 6) + 2, y - h / 2 - 1, "tl-strike")
        if label:
            hidden = ' aria-hidden="true"'
            if place == "left":
                self.text(x1 - 5, y + 4, "tl-label", label, hidden + ' text-anchor="end"')
            elif place == "inside":
                self.text(x1 + 6, y + 4, "tl-label", label, hidden)
            else:
                self.text(max(x2, x1 + 6) + 5, y + 4, "tl-label", label, hidden)
        self.add("</a>")


class _XOf(Protocol):
    """Where a day starts on the SVG's year axis (where it ends, with ``end=True``)."""

    def __call__(self, d: date, *, end: bool = False) -> float: ...


@attrs.frozen
class _Placed:
    """A mark's extent, where its label goes, and the space both take (lo..hi)."""

    x1: float
    x2: float
    label: str
    where: str
    lo: float
    hi: float


def _place_label(event: Event, x_of: _XOf, right_edge: float) -> _Placed:
    """Put the label inside a wide band, else right of the mark, else left of it."""
    x1 = x_of(event.when.first)
    x2 = max(x_of(event.when.last, end=True), x1 + 6)
    label = _short(event.title)
    text_w = len(label) * _CHAR_W
    if x2 - x1 >= text_w + 12:
        return _Placed(x1, x2, label, "inside", x1, x2 + 4)
    if x2 + 5 + text_w <= right_edge:
        return _Placed(x1, x2, label, "right", x1, x2 + 5 + text_w + 8)
    return _Placed(x1, x2, label, "left", x1 - 5 - text_w - 8, x2 + 4)


def _pack(items: Sequence[tuple[float, float]]) -> list[int]:
    """A row for each interval so that no two intervals in a row overlap (first fit)."""
    order = sorted(range(len(items)), key=lambda i: (items[i][0], i))
    rows_end: list[list[tuple[float, float]]] = []
    rows = [0] * len(items)
    for i in order:
        lo, hi = items[i]
        for r, taken in enumerate(rows_end):
            if all(hi <= a or lo >= b for a, b in taken):
                taken.append((lo, hi))
                rows[i] = r
                break
        else:
            rows_end.append([(lo, hi)])
            rows[i] = len(rows_end) - 1
    return rows


def year_widths(lane_list: Sequence[Lane], y0: int, y1: int) -> dict[int, float]:
    """The width of each year on the SVG axis: :data:`YEAR_WIDTH` for every year.

    Equal widths keep the axis honest (a quiet stretch of years is as long as it was);
    the page opens the picture on the present instead of squeezing the past.  Within a
    year, days are evenly spaced.  ``lane_list`` is accepted for callers of the earlier
    busy-year widths and does not change the result.
    """
    del lane_list
    return dict.fromkeys(range(y0, y1 + 1), YEAR_WIDTH)


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
    svg = _Svg()
    lane_list = lanes(catalog)
    y0, y1 = _year_range(catalog, today)
    widths = year_widths(lane_list, y0, y1)
    starts: dict[int, float] = {}
    edge = float(_LABEL_COL)
    for year in range(y0, y1 + 1):
        starts[year] = edge
        edge += widths[year]
    starts[y1 + 1] = edge
    width = edge + _PAD

    def x_of(d: date, *, end: bool = False) -> float:
        if d.year > y1:
            return starts[y1 + 1]
        length = 366 if calendar.isleap(d.year) else 365
        # The end of a day is the start of the next, found without building that date.
        day = d.timetuple().tm_yday - (0 if end else 1)
        return starts[d.year] + day * widths[d.year] / length

    top = 44
    body, pin, lanes_bottom = _draw_lanes(lane_list, x_of, top, width)
    svg.add(f'<rect class="tl-bg" x="0" y="0" width="{_num(width)}" height="HEIGHT"/>')
    svg.parts += body.parts
    for year in range(y0, y1 + 2):
        x = starts[year]
        svg.line(x, top - 10, x, lanes_bottom, "tl-grid")
        if year <= y1:
            svg.text(x + 6, top - 16, "tl-axis", str(year))
    if not lane_list:
        svg.text(_LABEL_COL, top + 20, "tl-label", "No events to show.")
        lanes_bottom = top + 30
    _draw_today(svg, x_of(today), top, lanes_bottom, width, today)
    svg.add('<g class="tl-pin">')
    svg.parts += pin.parts
    svg.add("</g>")

    y = lanes_bottom + 24
    for strip in strips(catalog):
        y = _draw_strip(svg, strip, y, width, today, x_of)
    y = _draw_legend(svg, y + 8, width)
    height = y + _PAD

    n_events = len(catalog)
    desc = (
        f"{n_events} events in {len(lane_list)} lanes from {y0} to {y1}; "
        f"today is {today.isoformat()}. "
        "Solid marks are confirmed or scheduled, dashed hollow marks announced or tentative, "
        "dotted marks unconfirmed, struck marks cancelled; faint wide bands are dates known "
        "only to the month or coarser. The list of events beside this picture carries the "
        "same information as text."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="{_esc(role)}" '
        'aria-labelledby="tl-title tl-desc" class="timeline" '
        f'data-first-year="{y0}" data-last-year="{y1}" data-axis-x="{_LABEL_COL}" '
        f'data-year-width="{_num(YEAR_WIDTH)}" data-today="{today.isoformat()}">'
        '<title id="tl-title">Timeline of the summit series</title>'
        f'<desc id="tl-desc">{_esc(desc)}</desc>'
        f"<style>{SVG_STYLE.strip()}</style>"
    )
    parts = [p.replace('height="HEIGHT"', f'height="{_num(height)}"') for p in svg.parts]
    return head + "\n" + "\n".join(parts) + "\n</svg>\n"


def _draw_lanes(
    lane_list: Sequence[Lane], x_of: _XOf, top: float, width: float
) -> tuple[_Svg, _Svg, float]:
    """The lanes' marks, their titles (apart, to be drawn on top), and the lanes' bottom."""
    body, pin = _Svg(), _Svg()
    y = top
    for index, lane in enumerate(lane_list):
        placed = [_place_label(e, x_of, width - _PAD) for e in lane.events]
        rows = _pack([(p.lo, p.hi) for p in placed])
        lane_h = (max(rows, default=0) + 1) * _ROW_H + 8
        shade = "tl-lane-alt" if index % 2 else "tl-bg"
        if index % 2:
            body.add(
                f'<rect class="tl-lane-alt" x="0" y="{_num(y)}" width="{_num(width)}" '
                f'height="{_num(lane_h)}"/>'
            )
        # The title's own backing hides the marks that scroll under it on the page.
        pin.add(
            f'<rect class="{shade}" x="0" y="{_num(y)}" width="{_LABEL_COL - 6}" '
            f'height="{_num(lane_h)}"/>'
        )
        pin.text(8, y + 17, "tl-lane-title", _short(lane.title, 26))
        body.add(f'<g class="tl-lane" data-lane="{_esc(lane.key)}">')
        for e, p, row in zip(lane.events, placed, rows, strict=True):
            y_mid = y + 4 + _ROW_H / 2 + row * _ROW_H
            body.mark(e, p.x1, p.x2, y_mid, p.label, p.where)
        body.add("</g>")
        y += lane_h
    return body, pin, y


def _draw_today(svg: _Svg, tx: float, top: float, bottom: float, width: float, today: date) -> None:
    """The "today" line and its label, as one group that a page script may move."""
    today_text = f"Today, {short_day(today)}"
    anchor = "end" if tx + len(today_text) * 7 > width else "start"
    svg.add(f'<g class="tl-now" data-top="{_num(top - 8)}" data-bottom="{_num(bottom)}">')
    svg.line(tx, top - 8, tx, bottom, "tl-today")
    svg.text(
        tx + (-4 if anchor == "end" else 4),
        top - 2,
        "tl-today-label",
        today_text,
        f' text-anchor="{anchor}"',
    )
    svg.add("</g>")


def _draw_strip(
    svg: _Svg, strip: Strip, y: float, width: float, today: date, x_main: _XOf
) -> float:
    """A zoomed strip of days for one event and its parts; returns the next free y.

    The strip sits under its summit on the year axis (as near as the picture's width
    allows), so that it is in view when the page scrolls the picture to that year.
    """
    # A day of margin each side, where the calendar has one.
    first = _shifted(strip.first, -1)
    last = _shifted(strip.last, 1)
    n_days = (last - first).days + 1
    day_w = max(4.0, min(90.0, (width - _LABEL_COL - _PAD) / n_days))
    centre = (x_main(strip.first) + x_main(strip.last, end=True)) / 2
    x0 = max(float(_LABEL_COL), min(centre - n_days * day_w / 2, width - _PAD - n_days * day_w))

    def x_at(ordinal: int) -> float:
        return x0 + (ordinal - first.toordinal()) * day_w

    def x_of(d: date) -> float:
        return x_at(d.toordinal())

    title = f"Close-up: {strip.parent.title}, {day_range(strip.first, strip.last)}"
    svg.text(min(x0, width - _PAD - len(title) * 7.5), y + 14, "tl-heading", title)
    y += 24
    step = max(1, int(26 // day_w) + 1)
    for i in range(n_days + 1):
        x = x_at(first.toordinal() + i)
        svg.line(x, y + 18, x, y + 22 + len(strip.events) * _ROW_H, "tl-grid")
        if i < n_days and i % step == 0:
            d = first + timedelta(days=i)
            label = f"{d.strftime('%a')[:2]} {d.day}" if day_w >= 40 else str(d.day)
            svg.text(x + 3, y + 12, "tl-small", label)
    row_y = y + 22
    for e in strip.events:
        x1 = x_of(e.when.first)
        x2 = x_at(e.when.last.toordinal() + 1)
        if e.when.start_time is not None:  # a timed event covers part of its day
            x1 += day_w * _day_fraction(e.when.start_time)
            end = e.when.end_time
            x2 = x_of(e.when.last) + day_w * (_day_fraction(end) if end else 1.0)
        label = _short(e.title, 28)
        fits = x2 + 5 + len(label) * _CHAR_W <= width - _PAD
        svg.mark(e, x1 + 1, x2 - 1, row_y + _ROW_H / 2, label, "right" if fits else "left")
        row_y += _ROW_H
    # Drawn even when today is outside the strip (hidden), for a page script to show.
    shown = "" if first <= today <= last else ' visibility="hidden"'
    tx = x_of(today) + day_w / 2 if shown == "" else x0
    svg.add(
        f'<g class="tl-strip-now" data-first="{first.isoformat()}" data-days="{n_days}" '
        f'data-axis-x="{_num(x0)}" data-day-width="{_num(day_w)}">'
        f'<line x1="{_num(tx)}" y1="{_num(y + 14)}" x2="{_num(tx)}" y2="{_num(row_y)}" '
        f'class="tl-today"{shown}/></g>'
    )
    return row_y + 24


def _shifted(d: date, days: int) -> date:
    """``d`` moved by ``days``, but never past the first or last day Python knows."""
    ordinal = d.toordinal() + days
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))


def _day_fraction(t: time) -> float:
    return (t.hour * 60 + t.minute) / (24 * 60)


def _draw_legend(svg: _Svg, y: float, width: float) -> float:
    """The key to the marks; returns the next free y."""
    svg.text(8, y + 14, "tl-heading", "Key")
    entries: Iterable[tuple[str, str, bool]] = (
        ("firm", "confirmed or scheduled", True),
        ("soft", "announced or tentative", True),
        ("doubt", "unconfirmed", True),
        ("off", "cancelled", True),
        ("firm", "date known only roughly", False),
    )
    x: float = _LABEL_COL
    for style, words, fine in entries:
        if x + 28 + len(words) * _CHAR_W > width - _PAD:
            x, y = _LABEL_COL, y + 24
        band = "" if fine else " tl-band"
        svg.add(f'<g class="tl-{style}{band}" aria-hidden="true">')
        svg.add(
            f'<rect class="tl-mark" x="{_num(x)}" y="{_num(y + 4)}" width="22" height="12" rx="3"/>'
        )
        if style == "off":
            svg.line(x - 2, y + 17, x + 24, y + 3, "tl-strike")
        svg.text(x + 28, y + 14, "tl-label", words)
        svg.add("</g>")
        x += 28 + len(words) * _CHAR_W + 24
    if x + 60 > width - _PAD:
        x, y = _LABEL_COL, y + 24
    svg.line(x, y + 2, x, y + 18, "tl-today")
    svg.text(x + 6, y + 14, "tl-label", "today")
    return y + 26
