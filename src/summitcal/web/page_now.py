"""The page's "Now" section: what is coming up and what happened recently, with how far
off each is in words (the page's script rewrites them from the reader's date)."""

from __future__ import annotations

from datetime import date

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event
from summitcal.span.words import human_dates, short_day
from summitcal.web.lanes import status_style, top_events
from summitcal.web.markup import esc

__all__ = ["NOW_COUNT", "now_html", "relative_words", "upcoming_and_recent"]

#: How many events each of the "coming up" and "recently" lists holds.
NOW_COUNT = 5


def relative_words(first: date, last: date, today: date) -> str:
    """Where the days ``first``..``last`` stand from ``today``: "in 3 weeks", "2 days ago".

    The page's script writes the same words from the reader's own date.
    """
    ahead = (first - today).days
    since = (today - last).days
    if ahead <= 0 and since <= 0:
        return "on now"
    if ahead == 1:
        return "tomorrow"
    if ahead > 0:
        return "in " + _span_words(ahead)
    if since == 1:
        return "yesterday"
    return _span_words(since) + " ago"


def _span_words(days: int) -> str:
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 61:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


def _now_item(event: Event, today: date, shown: bool = True) -> str:
    """One line of "coming up" or "recently": when, what, where, and how far off."""
    style = status_style(event.status)
    place = f'<span class="meta">{esc(event.place.label)}</span>' if event.place else ""
    # Relative words would mislead for a date known only as "2027" or "July".
    rel = (
        ""
        if event.when.granularity.is_coarse
        else f'<span class="rel">{relative_words(event.when.first, event.when.last, today)}</span>'
    )
    return (
        f'<li class="now-item st-{style}" data-first="{event.when.first.isoformat()}" '
        f'data-last="{event.when.last.isoformat()}"{"" if shown else " hidden"}>'
        f'<span class="when">{esc(human_dates(event.when))}</span>'
        f'<a href="#ev-{event.id}">{esc(event.title)}</a>'
        f'<span class="badge">{event.status.value}</span>{rel}{place}</li>'
    )


def upcoming_and_recent(
    catalog: Catalog, today: date, limit: int | None = NOW_COUNT
) -> tuple[list[Event], list[Event]]:
    """The next ``limit`` events not over by ``today`` (soonest first) and the last
    ``limit`` that are (latest first), all of them for ``limit=None``; parts are left to
    their summit."""
    top = top_events(catalog)
    upcoming = [e for e in top if e.when.last >= today]
    past = sorted((e for e in top if e.when.last < today), key=lambda e: (e.when.last, e.id))
    return upcoming[:limit], past[::-1][:limit]


def now_html(catalog: Catalog, today: date) -> str:
    # Every event not over by the build day is in "coming up", those past the first few
    # hidden: a reader's later day may need them when the script moves the ended ones.
    upcoming, _ = upcoming_and_recent(catalog, today, limit=None)
    _, recent = upcoming_and_recent(catalog, today)

    def column(key: str, title: str, events: list[Event], none: str) -> str:
        items = "".join(_now_item(e, today, i < NOW_COUNT) for i, e in enumerate(events))
        hidden = " hidden" if events else ""
        return (
            f'<div><h3 id="{key}-h">{title}</h3><ol id="{key}-list" aria-labelledby="{key}-h" '
            f'data-show="{NOW_COUNT}"><li class="none"{hidden}>{none}</li>{items}</ol></div>'
        )

    return (
        '<section aria-labelledby="now-h"><h2 id="now-h">Now</h2>'
        f'<p class="hint">As of {esc(short_day(today))}, when the page was built; with scripts '
        "on, the lists follow your device's date.</p>"
        '<div class="now">'
        + column("upcoming", "Coming up", upcoming, "Nothing announced yet.")
        + column("recent", "Recently", recent, "Nothing yet.")
        + "</div></section>"
    )
