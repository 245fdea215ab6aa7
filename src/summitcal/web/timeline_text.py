"""The timeline as plain text for the terminal: a chart of lanes by year, then each
lane's events, with parts and side events indented under their summit.

Every text passes through :func:`~summitcal.text.one_line`, so that no title can send a
control sequence to a terminal.  Nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event
from summitcal.span.words import human_dates
from summitcal.text import one_line
from summitcal.web.lanes import Lane, lanes, status_style, strips, year_range

__all__ = ["render_text"]

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
    lines = _chart(catalog, lane_list, today, width)
    lines.append("")
    lines.append("# confirmed/scheduled  o announced/tentative  ? unconfirmed  x cancelled")
    lines.append(f"~ date known only roughly  v today ({today.isoformat()})")
    lines += _listing(catalog, lane_list)
    return "".join(line[:width].rstrip() + "\n" for line in lines)


def _chart(catalog: Catalog, lane_list: Sequence[Lane], today: date, width: int) -> list[str]:
    """The years' axis, the "today" row, the ruler, and a row of marks per lane."""
    y0, y1 = year_range(catalog, today)
    # Lane names get up to a third of the width; longer ones end in an ellipsis.
    label_w = min(width // 3, max([len(one_line(lane.key)) for lane in lane_list] + [5]))
    cols = width - label_w - 2
    start = date(y0, 1, 1).toordinal()
    total = date(y1, 12, 31).toordinal() + 1 - start  # no date(y1 + 1, 1, 1): y1 may be 9999

    def col(d: date) -> int:
        return min(cols - 1, (d.toordinal() - start) * cols // total)

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
    lines = [
        " " * (label_w + 2) + "".join(axis).rstrip(),
        f"{'today':<{label_w}}  " + "".join(today_row).rstrip(),
        " " * (label_w + 2) + "".join(ruler),
    ]
    for lane in lane_list:
        row = _lane_row(lane, cols, range(y0, y1 + 1), col)
        lines.append(f"{_fit(one_line(lane.key), label_w):<{label_w}}  " + "".join(row).rstrip())
    return lines


def _lane_row(lane: Lane, cols: int, years: range, col: Callable[[date], int]) -> list[str]:
    """One lane's row of the chart: year ticks, and each event's mark over its days."""
    row = [" "] * cols
    for year in years:
        row[col(date(year, 1, 1))] = "|"
    for e in lane.events:
        fine = not e.when.granularity.is_coarse
        mark = _TEXT_MARK[status_style(e.status)]
        for c in range(col(e.when.first), col(e.when.last) + 1):
            ch = mark if fine or c == col(e.when.first) else "~"
            if _TEXT_PRIORITY.get(row[c], -1) < _TEXT_PRIORITY[ch]:
                row[c] = ch
    return row


def _listing(catalog: Catalog, lane_list: Sequence[Lane]) -> list[str]:
    """Each lane's events, the year shown when it changes, parts indented under them."""
    lines: list[str] = []
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
    return lines


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_entry(event: Event, indent: str, show_year: bool) -> str:
    year = str(event.when.first.year) if show_year else ""
    mark = _TEXT_MARK[status_style(event.status)]
    flag = "" if event.status.is_firm else f" [{event.status.label}]"
    place = event.where()
    where = f" - {place}" if place else ""
    text = one_line(f"{human_dates(event.when)}: {event.title}{flag}{where}")
    return f"{indent}{year:<4}  {mark} {text}"
