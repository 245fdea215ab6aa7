"""The page's other sections: search, the timeline (a picture on wide screens, a list
newest first on phones), the series, the counts, the feeds and the custom-feed form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import FeedLink
from summitcal.models.events import EventKind
from summitcal.span.words import human_dates, short_day
from summitcal.web.lanes import lanes, status_style, top_events
from summitcal.web.links import SiteLinks, has_calendar
from summitcal.web.markup import esc, plural
from summitcal.web.timeline_svg import render_svg

__all__ = [
    "counts_html",
    "custom_form",
    "feed_html",
    "search_html",
    "series_html",
    "timeline_html",
]


def search_html() -> str:
    # Hidden until the script shows it: without a script the box could do nothing.
    return (
        '<section id="search" aria-labelledby="search-h" hidden>'
        '<h2 id="search-h">Find an event</h2>'
        '<form class="search" role="search" action="#">'
        '<label for="q">Words from a title, another name, a place, a person or a country, '
        "or a description</label>"
        '<input id="q" name="q" type="search" autocomplete="off" spellcheck="false"></form>'
        '<p id="search-status" role="status" aria-live="polite"></p>'
        '<ol id="search-results" class="results"></ol></section>'
    )


def _vertical_html(catalog: Catalog, today: date) -> str:
    """The timeline for narrow screens: the events newest first, "today" among them."""
    top = sorted(top_events(catalog), key=lambda e: e.sort_key, reverse=True)
    out: list[str] = []
    year: int | None = None
    mark_placed = False
    mark = (
        '<li class="vt-today" id="vt-today">'
        f'<span class="vt-label">Today, {esc(short_day(today))}</span></li>'
    )
    for e in top:
        if e.when.first.year != year:
            if year is not None:
                out.append("</ol>")
            year = e.when.first.year
            out.append(f'<h3 aria-hidden="true">{year}</h3><ol>')
        if not mark_placed and e.when.last < today:
            out.append(mark)
            mark_placed = True
        style = status_style(e.status)
        out.append(
            f'<li class="vt-item st-{style}" data-last="{e.when.last.isoformat()}">'
            f'<span class="when">{esc(human_dates(e.when))}</span> '
            f'<a href="#ev-{e.id}">{esc(e.title)}</a> '
            f'<span class="badge">{e.status.label}</span></li>'
        )
    if not mark_placed:
        out.append(mark if year is not None else f"<ol>{mark}")
    out.append("</ol>")
    return (
        '<div class="vt-box" role="region" aria-label="Timeline, newest first" tabindex="0">'
        '<div class="vt">' + "".join(out) + "</div></div>"
    )


def timeline_html(catalog: Catalog, today: date) -> str:
    svg = render_svg(catalog, today=today, role="figure")
    key = "".join(
        f'<li><span class="sw {cls}"></span>{words}</li>'
        for cls, words in (
            ("firm", "confirmed or scheduled"),
            ("soft", "announced or tentative"),
            ("doubt", "unconfirmed"),
            ("off", "cancelled"),
            ("band", "date known only roughly"),
            ("today", "today"),
        )
    )
    return (
        '<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>'
        '<p class="hint">One lane per series, every year the same width; parts and side '
        "events are in close-ups under their summit. Select a mark to go to its entry.</p>"
        '<div class="tl-tools" hidden>'
        '<button class="button" type="button" data-step="-1">◀ A year back</button>'
        '<button class="button" type="button" data-step="0">Today</button>'
        '<button class="button" type="button" data-step="1">A year on ▶</button></div>'
        '<div class="timeline-scroll" role="region" aria-label="Timeline picture" '
        f'tabindex="0">\n{svg}</div>'
        f"{_vertical_html(catalog, today)}"
        f'<ul class="key" aria-label="Key to the timeline">{key}</ul>'
        '<p class="hint tl-svg-link"><a href="timeline.svg">The timeline as an SVG file</a></p>'
        "</section>"
    )


def series_html(catalog: Catalog) -> str:
    """Each series with its events, latest first."""
    top = top_events(catalog)
    items = []
    for lane in lanes(catalog):
        events = [e for e in top if e in lane.events][::-1]
        series = catalog.series.get(lane.key)
        about = (
            f"<p class='hint'>{esc(series.description)}</p>"
            if series and series.description
            else ""
        )
        entries = "".join(
            f'<li><span class="when">{esc(human_dates(e.when))}</span>'
            f'<a href="#ev-{e.id}">{esc(e.title)}</a></li>'
            for e in events
        )
        items.append(
            f'<li id="series-{esc(lane.key)}"><h3>{esc(lane.title)}</h3>'
            f"<p class='meta'>{plural(len(events), 'event')}, besides their parts</p>"
            f"{about}<ol reversed>{entries}</ol></li>"
        )
    return (
        '<section aria-labelledby="series-h"><h2 id="series-h">Series</h2>'
        f'<ul class="series">{"".join(items)}</ul></section>'
    )


def counts_html(catalog: Catalog, feeds: Sequence[FeedLink]) -> str:
    """What the catalogue holds and what its feeds hold, each count saying what it counts."""
    total = len(catalog)
    undated = sum(1 for e in catalog if not has_calendar(e))
    text = f"{plural(total, 'event')} in the catalogue, each listed below with its sources."
    if undated:
        verb = "is" if undated == 1 else "are"
        text += (
            f" {total - undated} {'is' if total - undated == 1 else 'are'} dated to the day "
            f"or closer; {undated} known only to the month or coarser {verb} left out of the "
            "calendar feeds until the days are known."
        )
    everything = next((f for f in feeds if f.name == "all"), None)
    if everything is not None:
        text += f" The “{esc(everything.title)}” feed holds {plural(everything.count, 'event')}."
    return f'<p class="counts">{text}</p>'


def feed_html(feed: FeedLink, links: SiteLinks | None) -> str:
    """A feed's entry: subscribe links when the site's address is known, and a download."""
    buttons = f'<a class="button download" href="{esc(feed.path)}" download>Download .ics</a>'
    url = ""
    if links is not None:
        buttons = (
            f'<a class="button primary subscribe-webcal" href="{esc(links.webcal(feed.path))}">'
            "Subscribe</a>"
            f'<a class="button subscribe-google" href="{esc(links.google(feed.path))}" '
            'rel="noopener">Add to Google Calendar</a>' + buttons
        )
        url = f'<code class="url">{esc(links.https(feed.path))}</code>'
    return (
        f'<li class="feed" id="feed-{esc(feed.name)}"><h3>{esc(feed.title)}</h3>'
        f"<p>{esc(feed.description)} ({plural(feed.count, 'event')} in the feed)</p>"
        f'<div class="buttons">{buttons}</div>{url}</li>'
    )


def custom_form(catalog: Catalog) -> str:
    series = "".join(
        f'<option value="{esc(k)}">{esc(s.title)}</option>' for k, s in catalog.series.items()
    )
    kinds = "".join(f'<option value="{k.value}">{k.value}</option>' for k in EventKind)
    return (
        '<section aria-labelledby="custom-h"><h2 id="custom-h">Your own feed</h2>'
        '<p class="lede">Pick what you follow and get a calendar of just that.</p>'
        '<form class="custom" action="feeds/custom.ics" method="get">'
        f'<label>Series<select name="series"><option value="">any</option>{series}</select>'
        "</label>"
        f'<label>Kind<select name="kind"><option value="">any</option>{kinds}</select></label>'
        '<label>Country<input name="country" size="4" maxlength="2" placeholder="FR"></label>'
        '<label>From<input name="from" type="date"></label>'
        '<label>To<input name="to" type="date"></label>'
        '<button class="button primary" type="submit">Download</button></form></section>'
    )
