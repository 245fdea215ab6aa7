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

The parts: :mod:`~summitcal.web.lanes` (the lanes and strips),
:mod:`~summitcal.web.timeline_text`, :mod:`~summitcal.web.timeline_layout` (where the
SVG's parts go), :mod:`~summitcal.web.svg` (the SVG writer and marks) and
:mod:`~summitcal.web.timeline_svg`.  Their public names are importable from here.

Example::

    >>> from datetime import date
    >>> cat = load_catalog()
    >>> print(render_text(cat, today=date(2025, 2, 9), width=100))   # doctest: +SKIP
    >>> svg = render_svg(cat, today=date(2025, 2, 9))
"""

from __future__ import annotations

from summitcal.span.words import human_dates
from summitcal.web.lanes import OTHER_LANE, Lane, Strip, describe_event, lanes, status_style, strips
from summitcal.web.svg import SVG_STYLE
from summitcal.web.timeline_layout import YEAR_WIDTH, year_widths
from summitcal.web.timeline_svg import render_svg
from summitcal.web.timeline_text import render_text

__all__ = [
    "OTHER_LANE",
    "SVG_STYLE",
    "YEAR_WIDTH",
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
