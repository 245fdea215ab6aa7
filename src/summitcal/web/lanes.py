"""The timeline's model: lanes of top-level events by series, and close-up strips.

Both timelines (:mod:`summitcal.web.timeline_text` and :mod:`summitcal.web.timeline_svg`)
and the page draw from these: one *lane* per series (plus one for events outside any
series), holding the events that are not part of another event, and one *strip* per
event that has parts or side events.  Status is reduced to four drawing styles.
"""

from __future__ import annotations

from datetime import date

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event, Status
from summitcal.span.words import human_dates

__all__ = [
    "OTHER_LANE",
    "Lane",
    "Strip",
    "describe_event",
    "is_top",
    "lanes",
    "status_style",
    "strips",
    "top_events",
    "year_range",
]

#: The lane that holds events outside any series.
OTHER_LANE = "other"


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
    where = event.where()
    if where is not None:
        parts.append(where)
    parts.append(event.status.label)
    return ", ".join(parts)


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


def is_top(event: Event, catalog: Catalog) -> bool:
    """Whether ``event`` is not part of another event of ``catalog``."""
    return event.parent is None or event.parent not in catalog


def lanes(catalog: Catalog) -> tuple[Lane, ...]:
    """The lanes of ``catalog``: its series in order of their first event, then the rest.

    Only events that are not part of another event of the catalogue are in lanes; an event
    of several series appears in each of their lanes.  Series without events are left out.
    """
    top = [e for e in catalog if is_top(e, catalog)]
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
        if not is_top(event, catalog):
            continue
        family = _descendants(catalog, event.id)
        if not family:
            continue
        members = tuple(sorted([event, *family], key=lambda e: e.sort_key))
        first = min(e.when.first for e in members)
        last = max(e.when.last for e in members)
        out.append(Strip(event, members, first, last))
    return tuple(out)


def year_range(catalog: Catalog, today: date) -> tuple[int, int]:
    """The first and last year of any event of ``catalog``, and of ``today``."""
    years = [today.year]
    for e in catalog:
        years += [e.when.first.year, e.when.last.year]
    return min(years), max(years)


def top_events(catalog: Catalog) -> list[Event]:
    """The events that are not part of another event of the catalogue, in date order."""
    return [e for e in catalog if is_top(e, catalog)]
