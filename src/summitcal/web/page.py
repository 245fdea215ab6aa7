"""The one HTML page, the same for the static site and for the feed server."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import FeedLink, available_feeds, feed_events
from summitcal.web.links import SiteLinks
from summitcal.web.markup import esc
from summitcal.web.page_assets import PAGE_CSP, PAGE_CSS, SCRIPT_PATH
from summitcal.web.page_events import list_html
from summitcal.web.page_now import now_html
from summitcal.web.page_sections import (
    counts_html,
    custom_form,
    feed_html,
    search_html,
    series_html,
    timeline_html,
)

__all__ = ["render_page"]


def _as_written(catalog: Catalog, feeds: Iterable[FeedLink]) -> list[FeedLink]:
    """``feeds`` with each named feed's count set to what its file holds.

    A feed leaves undated events out unless its spec keeps them, so the count of the
    events a spec selects can be larger than the feed; the page shows the feed's.
    """
    written = {spec.name: len(feed_events(catalog, spec)) for spec, _ in available_feeds(catalog)}
    return [attrs.evolve(f, count=written.get(f.name, f.count)) for f in feeds]


def render_page(
    catalog: Catalog,
    *,
    today: date,
    base_url: str | None,
    feeds: Iterable[FeedLink],
    custom_feed: bool = False,
) -> str:
    """The HTML page: what is on now, the timeline, the series, subscribe links, and
    every event with its sources.

    The page loads one script, :data:`SCRIPT_PATH` (see :func:`site_script`), which moves
    the "today" marks to the reader's date, opens the timeline there and runs the search;
    without it the page is whole, as of ``today``.

    Args:
        catalog: The events to show.
        today: The date the page is written for (the fallback "today").
        base_url: The site's absolute root, for the subscribe links; None for a site
            whose address is not known, which offers downloads only.
        feeds: The named feeds to offer; a named feed's count is shown as the number of
            events its file holds.
        custom_feed: Whether to offer the form for ``feeds/custom.ics`` (the server has
            it; a static site does not).

    Returns:
        A complete HTML5 document; the same arguments give the same text.

    Raises:
        FeedError: If ``base_url`` is given and is not a usable http(s) URL.
    """
    links = SiteLinks.from_url(base_url) if base_url is not None else None
    shown = _as_written(catalog, feeds)
    return (
        f'<!DOCTYPE html>\n<html lang="en" data-built="{today.isoformat()}">\n'
        + _head()
        + "<body>\n"
        + _header(catalog, shown)
        + "<main>\n"
        + f"{now_html(catalog, today)}\n{search_html()}\n{timeline_html(catalog, today)}\n"
        + f"{series_html(catalog)}\n"
        + _subscribe(shown, links)
        + (custom_form(catalog) if custom_feed else "")
        + "\n"
        + _all_events(catalog, links)
        + "</main>\n"
        + _footer(today)
        + "</body>\n</html>\n"
    )


def _head() -> str:
    return f"""<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(PAGE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>summitcal: the AI-summit calendar</title>
<link rel="alternate" type="text/calendar" title="All events" href="feeds/all.ics">
<style>{PAGE_CSS.strip()}</style>
<script src="{SCRIPT_PATH}" defer></script>
</head>
"""


def _header(catalog: Catalog, feeds: Sequence[FeedLink]) -> str:
    return f"""<header>
<h1>summitcal</h1>
<p class="lede">The international AI-summit series and related events as calendars you can
subscribe to.</p>
{counts_html(catalog, feeds)}
<nav class="jump" aria-label="On this page"><a href="#now-h">Now</a>
<a href="#timeline-h">Timeline</a> <a href="#series-h">Series</a>
<a href="#subscribe-h">Subscribe</a> <a href="#events-h">All events</a></nav>
</header>
"""


_SUBSCRIBE = """\
<p class="lede">"Subscribe" opens Apple Calendar or Outlook; Google Calendar adds the feed by
its URL; a download is a one-off copy. Subscribed calendars update by themselves.</p>
"""
_DOWNLOAD_ONLY = """\
<p class="lede">A download is a one-off copy of a feed. This copy of the site
was built without the web address it is served from, so it has no subscribe links: a
calendar subscribes to a feed by its full address (build with
<code>summitcal build --base-url</code> to offer them).</p>
"""


def _subscribe(feeds: Sequence[FeedLink], links: SiteLinks | None) -> str:
    feed_items = "\n".join(feed_html(f, links) for f in feeds)
    return f"""<section aria-labelledby="subscribe-h">
<h2 id="subscribe-h">Subscribe</h2>
{_SUBSCRIBE if links is not None else _DOWNLOAD_ONLY}<ul class="feeds">
{feed_items}
</ul>
</section>
"""


def _all_events(catalog: Catalog, links: SiteLinks | None) -> str:
    return f"""<section aria-labelledby="events-h">
<h2 id="events-h">All events</h2>
<p class="hint">Each with its dates in words and as TIMEX3, its place and people, its parts,
the values its sources disagree on, its sources, and a way to add it to a calendar.</p>
{list_html(catalog, links)}
</section>
"""


def _footer(today: date) -> str:
    return f"""<footer>
<p>Data: <a href="events.json">events.json</a> · All events:
<a href="feeds/all.ics">all.ics</a> · Built for {today.isoformat()}; the "today" marks follow
your device's date.</p>
</footer>
"""
