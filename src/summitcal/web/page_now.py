"""The page's "Now" section: what is coming up and what happened recently, with how far
off each is in words (the page's script rewrites them from the reader's date)."""

from __future__ import annotations

from datetime import date

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event
from summitcal.span.span import DateSpan
from summitcal.span.words import human_dates, relative_days, relative_to, short_day
from summitcal.web.lanes import status_style, top_events
from summitcal.web.markup import esc

__all__ = ["NOW_COUNT", "now_html", "relative_words", "upcoming_and_recent"]

#: How many events each of the "coming up" and "recently" lists holds.
NOW_COUNT = 5


def relative_words(first: date, last: date, today: date) -> str:
    """Where the days ``first``..``last`` stand from ``today``, as ``summitcal next`` and
    ``recent`` say it (:func:`~summitcal.span.words.relative_to`): "in 3 weeks" (to the
    first day), "2 days ago" (from the last), "today" or "under way".

    The page's script writes the same words from the reader's own date.
    """
    if today < first:
        return relative_days((first - today).days)
    if last < today:
        return relative_days((last - today).days)
    return "today" if first == last else "under way"


def _due_unit(span: DateSpan) -> str | None:
    """For a span known only to the month or coarser, the unit of "due this month" (or
    year, half-year...) that the CLI says while it holds the day; else None."""
    if not span.granularity.is_coarse:
        return None
    return relative_to(span, span.first).removeprefix("due this ")


def _now_item(event: Event, today: date, shown: bool = True) -> str:
    """One line of "coming up" or "recently": when, what, where, and how far off.

    The words are the CLI's for every event, a date known only as "July" or "2027"
    included (counted to its first day, from its last).
    """
    style = status_style(event.status)
    where = event.where()
    place = f'<span class="meta">{esc(where)}</span>' if where else ""
    due = _due_unit(event.when)
    extra = f' data-due="{esc(due)}"' if due else ""
    extra += "" if shown else " hidden"
    return (
        f'<li class="now-item st-{style}" data-first="{event.when.first.isoformat()}" '
        f'data-last="{event.when.last.isoformat()}"{extra}>'
        f'<span class="when">{esc(human_dates(event.when))}</span>'
        f'<a href="#ev-{event.id}">{esc(event.title)}</a>'
        f'<span class="badge">{event.status.label}</span>'
        f'<span class="rel">{esc(relative_to(event.when, today))}</span>{place}</li>'
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
