"""Where everything goes in the SVG timeline, worked out before anything is drawn.

:func:`layout` places the year axis, each lane's marks (packed into rows so that labels
do not overlap), the close-up strips under the lanes and the key, and so knows the
picture's size before :mod:`summitcal.web.timeline_svg` writes a single element.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event
from summitcal.web.lanes import Lane, Strip, lanes, strips, year_range
from summitcal.web.svg import CHAR_W, short

__all__ = [
    "DAYS_AFTER_TODAY",
    "LABEL_COL",
    "LEGEND_ENTRIES",
    "PAD",
    "ROW_H",
    "TOP",
    "YEAR_WIDTH",
    "Axis",
    "LaneBox",
    "Layout",
    "Legend",
    "Placed",
    "StripBox",
    "axis_end",
    "layout",
    "year_widths",
]

LABEL_COL = 190  # width of the lane-title column
ROW_H = 24
PAD = 16
#: Where the lanes start: the axis labels and the "today" label are above.
TOP = 44
#: The width of every year on the SVG axis: equal, so that distances read as time.
YEAR_WIDTH = 180.0
#: The axis runs at least this many days (two and a half years) past today, and a year
#: past the last event's, so that a page can scroll today to the middle of its view:
#: half of the widest view the page gives the picture (1,100 px less the lane titles)
#: is under two and a half years.
DAYS_AFTER_TODAY = 913
#: The key: each style, its words, and whether it is drawn as a mark (not a band).
LEGEND_ENTRIES: tuple[tuple[str, str, bool], ...] = (
    ("firm", "confirmed or scheduled", True),
    ("soft", "announced or tentative", True),
    ("doubt", "unconfirmed", True),
    ("off", "cancelled", True),
    ("firm", "date known only roughly", False),
)


def year_widths(lane_list: Sequence[Lane], y0: int, y1: int) -> dict[int, float]:
    """The width of each year on the SVG axis: :data:`YEAR_WIDTH` for every year.

    Equal widths keep the axis honest (a quiet stretch of years is as long as it was);
    the page opens the picture on the present instead of squeezing the past.  Within a
    year, days are evenly spaced.  ``lane_list`` is accepted for callers of the earlier
    busy-year widths and does not change the result.
    """
    del lane_list
    return dict.fromkeys(range(y0, y1 + 1), YEAR_WIDTH)


@attrs.frozen
class Axis:
    """The years ``first``..``last``, each starting at ``starts[year]``."""

    first: int
    last: int
    widths: Mapping[int, float]
    starts: Mapping[int, float]

    @classmethod
    def of(cls, lane_list: Sequence[Lane], first: int, last: int) -> Axis:
        widths = year_widths(lane_list, first, last)
        starts: dict[int, float] = {}
        edge = float(LABEL_COL)
        for year in range(first, last + 1):
            starts[year] = edge
            edge += widths[year]
        starts[last + 1] = edge
        return cls(first, last, widths, starts)

    @property
    def end(self) -> float:
        """Where the last year ends."""
        return self.starts[self.last + 1]

    def x_of(self, d: date, *, end: bool = False) -> float:
        """Where the day ``d`` starts on the axis (where it ends, with ``end=True``)."""
        if d.year > self.last:
            return self.end
        length = 366 if calendar.isleap(d.year) else 365
        # The end of a day is the start of the next, found without building that date.
        day = d.timetuple().tm_yday - (0 if end else 1)
        return self.starts[d.year] + day * self.widths[d.year] / length


@attrs.frozen
class Placed:
    """A mark's extent, where its label goes, and the space both take (lo..hi)."""

    x1: float
    x2: float
    label: str
    where: str
    lo: float
    hi: float


@attrs.frozen
class LaneBox:
    """A lane's band (``y``, ``height``) and its marks, each placed in a row."""

    lane: Lane
    y: float
    height: float
    marks: tuple[tuple[Event, Placed, int], ...]


@attrs.frozen
class StripBox:
    """A close-up strip: its days ``first``..``last`` from ``x0``, ``day_w`` wide each."""

    strip: Strip
    y: float
    first: date
    last: date
    n_days: int
    day_w: float
    x0: float

    @property
    def bottom(self) -> float:
        """The next free y below the strip."""
        return self.y + 24 + 22 + len(self.strip.events) * ROW_H + 24


@attrs.frozen
class Legend:
    """The key: its heading's y, each entry's place, the "today" entry's place."""

    y: float
    entries: tuple[tuple[str, str, bool, float, float], ...]
    today: tuple[float, float]

    @property
    def bottom(self) -> float:
        return self.today[1] + 26


@attrs.frozen
class Layout:
    """The whole picture: its size, the axis, lanes, strips and key.

    ``years`` are the first and last year of the events and today; the axis runs on
    past them (see :data:`DAYS_AFTER_TODAY`).  ``grid_bottom`` is where the year lines
    end (the lanes' bottom); ``lanes_bottom`` is where the "today" line ends, below the
    "no events" line when there are no lanes.
    """

    width: float
    height: float
    years: tuple[int, int]
    axis: Axis
    lanes: tuple[LaneBox, ...]
    grid_bottom: float
    lanes_bottom: float
    strips: tuple[StripBox, ...]
    legend: Legend


def layout(catalog: Catalog, today: date) -> Layout:
    """Place every part of the timeline of ``catalog`` drawn on ``today``."""
    lane_list = lanes(catalog)
    first, last = year_range(catalog, today)
    axis = Axis.of(lane_list, first, axis_end(last, today))
    width = axis.end + PAD
    boxes, grid_bottom = _lane_boxes(lane_list, axis, width)
    lanes_bottom = grid_bottom if boxes else TOP + 30
    y = lanes_bottom + 24
    strip_boxes = []
    for strip in strips(catalog):
        box = _strip_box(strip, y, width, axis)
        strip_boxes.append(box)
        y = box.bottom
    legend = _legend(y + 8, width)
    return Layout(
        width=width,
        height=legend.bottom + PAD,
        years=(first, last),
        axis=axis,
        lanes=tuple(boxes),
        grid_bottom=grid_bottom,
        lanes_bottom=lanes_bottom,
        strips=tuple(strip_boxes),
        legend=legend,
    )


def axis_end(last: int, today: date) -> int:
    """The axis's last year: a year past ``last`` and :data:`DAYS_AFTER_TODAY` past
    ``today``, within the years Python knows."""
    room = date.fromordinal(min(today.toordinal() + DAYS_AFTER_TODAY, date.max.toordinal()))
    return min(date.max.year, max(last + 1, room.year))


def _lane_boxes(lane_list: Sequence[Lane], axis: Axis, width: float) -> tuple[list[LaneBox], float]:
    """Each lane's band and marks, from :data:`TOP` down; and the lanes' bottom."""
    out = []
    y: float = TOP
    for lane in lane_list:
        placed = [_place_label(e, axis, width - PAD) for e in lane.events]
        rows = _pack([(p.lo, p.hi) for p in placed])
        lane_h = (max(rows, default=0) + 1) * ROW_H + 8
        out.append(LaneBox(lane, y, lane_h, tuple(zip(lane.events, placed, rows, strict=True))))
        y += lane_h
    return out, y


def _place_label(event: Event, axis: Axis, right_edge: float) -> Placed:
    """Put the label inside a wide band, else right of the mark, else left of it."""
    x1 = axis.x_of(event.when.first)
    x2 = max(axis.x_of(event.when.last, end=True), x1 + 6)
    label = short(event.title)
    text_w = len(label) * CHAR_W
    if x2 - x1 >= text_w + 12:
        return Placed(x1, x2, label, "inside", x1, x2 + 4)
    if x2 + 5 + text_w <= right_edge:
        return Placed(x1, x2, label, "right", x1, x2 + 5 + text_w + 8)
    return Placed(x1, x2, label, "left", x1 - 5 - text_w - 8, x2 + 4)


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


def _strip_box(strip: Strip, y: float, width: float, axis: Axis) -> StripBox:
    """A strip's days and scale, under its summit on the year axis as near as fits.

    So it is in view when the page scrolls the picture to that year.
    """
    # A day of margin each side, where the calendar has one.
    first = _shifted(strip.first, -1)
    last = _shifted(strip.last, 1)
    n_days = (last - first).days + 1
    day_w = max(4.0, min(90.0, (width - LABEL_COL - PAD) / n_days))
    centre = (axis.x_of(strip.first) + axis.x_of(strip.last, end=True)) / 2
    x0 = max(float(LABEL_COL), min(centre - n_days * day_w / 2, width - PAD - n_days * day_w))
    return StripBox(strip, y, first, last, n_days, day_w, x0)


def _shifted(d: date, days: int) -> date:
    """``d`` moved by ``days``, but never past the first or last day Python knows."""
    ordinal = d.toordinal() + days
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))


def _legend(y: float, width: float) -> Legend:
    """The key's entries, wrapped to the picture's width."""
    top = y
    entries = []
    x: float = LABEL_COL
    for style, words, fine in LEGEND_ENTRIES:
        if x + 28 + len(words) * CHAR_W > width - PAD:
            x, y = LABEL_COL, y + 24
        entries.append((style, words, fine, x, y))
        x += 28 + len(words) * CHAR_W + 24
    if x + 60 > width - PAD:
        x, y = LABEL_COL, y + 24
    return Legend(top, tuple(entries), (x, y))
