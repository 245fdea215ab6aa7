"""What the feed server renders, as :class:`~summitcal.web.http.Resource` objects.

Pure functions of the catalogue and their arguments: the named feeds and ``events.json``
(rendered once per catalogue), and the on-demand renders (a custom feed, the page, the
SVG), which :mod:`summitcal.web.pool` runs in its workers.  Nothing here reads the
clock: "today" is an argument.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from summitcal.catalog.catalog import Catalog
from summitcal.errors import SummitcalError
from summitcal.feeds.feeds import FeedLink, FeedSpec, available_feeds, render_feed
from summitcal.models.events import Event
from summitcal.web.http import Resource

__all__ = [
    "CALENDAR",
    "RenderRefused",
    "custom_feed",
    "event_resource",
    "events_resource",
    "named_feeds",
    "page",
    "page_script",
]

CALENDAR = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"
JSON = "application/json"
SVG = "image/svg+xml"
FEED_CACHE = "public, max-age=3600"
PAGE_CACHE = "public, max-age=300"
SCRIPT = "text/javascript; charset=utf-8"


class RenderRefused(SummitcalError):
    """A render the server will not do now: answered with ``status`` (503) and Retry-After.

    Attributes:
        reason: What budget was exceeded, shown to the client.
        status: The HTTP status to answer with.
        retry_after: Seconds for the Retry-After header.
    """

    def __init__(self, reason: str, *, status: int = 503, retry_after: int = 5) -> None:
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"HTTP {status}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in a worker process and re-raised here: keep the keyword arguments.
        return (_refused, (self.reason, self.status, self.retry_after))


def _refused(reason: str, status: int, retry_after: int) -> RenderRefused:
    return RenderRefused(reason, status=status, retry_after=retry_after)


def newest(catalog: Catalog) -> datetime | None:
    """The newest revision time among the catalogue's events, if any has one."""
    times = [catalog.revisions[e.id].modified for e in catalog if e.id in catalog.revisions]
    return max(times) if times else None


def attachment(name: str) -> tuple[tuple[str, str], ...]:
    # inline: a browser shows or hands the file to the calendar app; the name is for saving.
    safe = re.sub(r"[^A-Za-z0-9._-]", "-", name)[:80] or "calendar"
    return (("content-disposition", f'inline; filename="{safe}.ics"'),)


def _feed(catalog: Catalog, events: Catalog, spec: FeedSpec, url: str | None) -> Resource:
    body = render_feed(catalog, spec, url=url)
    return Resource.of(body, CALENDAR, FEED_CACHE, newest(events), attachment(spec.name))


def named_feeds(catalog: Catalog, base_url: str | None) -> dict[str, Resource]:
    """Every named feed that applies to ``catalog``, by name.

    Raises:
        FeedError: If a feed cannot be built or ``base_url`` is unusable.
    """
    from summitcal.web.site import SiteLinks

    links = SiteLinks.from_url(base_url) if base_url is not None else None
    return {
        spec.name: _feed(
            catalog, events, spec, links.https(f"feeds/{spec.name}.ics") if links else None
        )
        for spec, events in available_feeds(catalog)
    }


def page_script() -> Resource:
    """The page's one script, as the package ships it."""
    from summitcal.web.site import site_script

    return Resource.of(site_script(), SCRIPT, PAGE_CACHE)


def event_resource(catalog: Catalog, event: Event) -> Resource:
    """The calendar file of one event, as the static site writes it.

    Raises:
        FeedError: If the event's end falls after 9999-12-31.
    """
    from summitcal.web.site import event_calendar

    revision = catalog.revisions.get(event.id)
    modified = revision.modified if revision else None
    return Resource.of(
        event_calendar(catalog, event), CALENDAR, FEED_CACHE, modified, attachment(event.id)
    )


def events_resource(catalog: Catalog) -> Resource:
    """``events.json``."""
    from summitcal.models.serialize import events_json

    return Resource.of(events_json(catalog), JSON, FEED_CACHE, newest(catalog))


def custom_feed(catalog: Catalog, spec: FeedSpec, *, max_events: int, max_bytes: int) -> Resource:
    """A custom feed, within its size budget.

    Raises:
        RenderRefused: If it selects more than ``max_events`` events or its calendar is
            over ``max_bytes`` bytes.
    """
    events = spec.select(catalog)
    if len(events) > max_events:
        raise RenderRefused(
            f"this custom feed selects {len(events)} events, more than the {max_events}"
            " rendered on demand; narrow it with series=, kind=, country=, from= or to="
        )
    res = _feed(catalog, events, spec, None)
    if len(res.body) > max_bytes:
        raise RenderRefused(
            f"this custom feed is {len(res.body)} bytes, more than the {max_bytes}"
            " rendered on demand; narrow it with series=, kind=, country=, from= or to="
        )
    return res


def page(
    catalog: Catalog, feeds: tuple[FeedLink, ...], which: str, today: date, base: str
) -> Resource:
    """The HTML page (``which="page"``, links from ``base``) or the SVG timeline."""
    from summitcal.web.site import PAGE_CSP, render_page
    from summitcal.web.timeline import render_svg

    if which == "page":
        text = render_page(catalog, today=today, base_url=base, feeds=feeds, custom_feed=True)
        return Resource.of(
            text.encode("utf-8"), HTML, PAGE_CACHE, extra=[("content-security-policy", PAGE_CSP)]
        )
    svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + render_svg(
        catalog, today=today, role="figure"
    )
    return Resource.of(svg.encode("utf-8"), SVG, PAGE_CACHE)
