"""The web page and the static site: the timeline, the list, and subscribe links.

:func:`render_page` writes the one HTML page (the same for the static site and for the
feed server); :func:`site_files` lists every file of the static site as bytes, and
:func:`build_site` writes them to a directory in one swap, so that a failed build leaves
the previous site as it was.

Links: downloads are relative (``feeds/all.ics``), so the page works from any folder and
from ``file://``; subscribe links must be absolute, so they are built from a base URL:
``webcal://host/path/feeds/all.ics`` for Apple and Outlook, and Google Calendar's
add-by-URL link ``https://calendar.google.com/calendar/r?cid=<the webcal URL>``.

Example::

    >>> build_site(load_catalog(), "public", base_url="https://example.org/cal/",
    ...            today=date(2025, 2, 9))                          # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit

import attrs

from summitcal.catalog import Catalog
from summitcal.errors import FeedError
from summitcal.feeds import FeedLink, available_feeds, feed_links, render_feed
from summitcal.humanize import human_dates
from summitcal.models import Event
from summitcal.publish import publish_tree
from summitcal.serialize import events_json
from summitcal.text import clean_text
from summitcal.timeline import render_svg, status_style

__all__ = [
    "PAGE_CSP",
    "SiteLinks",
    "build_site",
    "render_page",
    "site_files",
]

GOOGLE_ADD_BY_URL = "https://calendar.google.com/calendar/r?cid="
#: The page needs only its own inline style, same-origin pictures and forms.  The server
#: sends it as a header; the static page carries it in a meta element, for hosts that
#: send no header of their own.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'"
#: The URL schemes the page makes links of; anything else is shown as plain text.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


@attrs.frozen
class SiteLinks:
    """Absolute links below one base URL.

    Attributes:
        base: The site's root, ``http(s)://host[:port]/path/``, always ending in ``/``.
    """

    base: str

    @classmethod
    def from_url(cls, url: str) -> SiteLinks:
        """Check and normalise a base URL.

        Raises:
            FeedError: If it is not an http(s) URL with a host, or has a query or fragment.
        """
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError as exc:
            raise FeedError(url, f"not a usable base URL: {exc}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FeedError(url, "the base URL must be http:// or https:// with a host name")
        if parts.query or parts.fragment:
            raise FeedError(url, "the base URL must not have a query or a fragment")
        if any(ch in url for ch in " \"'<>\\`") or not url.isprintable():
            raise FeedError(url, "the base URL has characters that need escaping")
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return cls(f"{parts.scheme}://{parts.netloc}{path}")

    def https(self, path: str) -> str:
        """The http(s) URL of ``path`` (relative to the base)."""
        return self.base + path

    def webcal(self, path: str) -> str:
        """The ``webcal://`` URL of ``path``, for Apple Calendar and Outlook."""
        return "webcal://" + self.https(path).split("://", 1)[1]

    def google(self, path: str) -> str:
        """Google Calendar's add-by-URL link for the feed at ``path``."""
        return GOOGLE_ADD_BY_URL + quote(self.webcal(path), safe="")


# --- the page -------------------------------------------------------------------------

PAGE_CSS = """
:root{--ink:#1d2733;--muted:#5b6675;--accent:#1f5fae;--line:#d9dee5;--bg:#fff;--soft:#f4f6f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);
background:var(--bg)}
main,header,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:24px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:1.1rem;margin:20px 0 8px}
a{color:var(--accent)}
.lede{color:var(--muted);margin:0 0 8px}
.feeds{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px;
padding:0;margin:0;list-style:none}
.feed{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--soft)}
.feed h3{margin:0 0 4px}
.feed p{margin:0 0 8px;color:var(--muted);font-size:.95rem}
.buttons{display:flex;flex-wrap:wrap;gap:6px}
.button{display:inline-block;padding:6px 10px;border-radius:6px;border:1px solid var(--accent);
text-decoration:none;font-size:.9rem;background:#fff}
.button.primary{background:var(--accent);color:#fff}
.url{display:block;margin-top:6px;font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}
.timeline-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px;
-webkit-overflow-scrolling:touch}
.timeline-scroll svg{display:block;max-width:none;height:auto}
.hint{font-size:.85rem;color:var(--muted)}
.events{list-style:none;padding:0;margin:0}
.events ul{list-style:none;margin:6px 0 0;padding:0 0 0 18px;border-left:3px solid var(--line)}
.event{padding:8px 0;border-bottom:1px solid var(--line)}
.events ul .event{border-bottom:0;padding:4px 0}
.event:target{background:#fff6e0}
.when{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:6px}
.title{font-weight:600}
.meta{display:block;font-size:.9rem;color:var(--muted)}
.badge{display:inline-block;font-size:.75rem;padding:0 6px;border-radius:10px;
border:1px solid currentColor;margin-left:6px;vertical-align:1px}
.st-firm .badge{color:#1f5fae}.st-soft .badge{color:#1f5fae;border-style:dashed}
.st-doubt .badge{color:#8a5a00;border-style:dotted}.st-off .badge{color:#777}
.st-off .title{text-decoration:line-through}
form.custom{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end}
form.custom label{display:flex;flex-direction:column;font-size:.9rem}
form.custom select,form.custom input{font:inherit;padding:4px}
footer{margin-top:40px;padding-bottom:40px;color:var(--muted);font-size:.9rem}
.jump{display:flex;gap:16px;font-weight:600}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.4rem}
.feeds{grid-template-columns:1fr}.feed p{font-size:.85rem}.url{display:none}}
"""


def _e(text: str) -> str:
    """``text`` for HTML: without the characters no output may carry, then escaped."""
    return escape(clean_text(text), quote=True)


def _link_target(url: str) -> str | None:
    """``url`` when it is one a reader may follow (http, https or mailto), else None."""
    return url if urlsplit(url).scheme.lower() in LINK_SCHEMES else None


def _feed_html(feed: FeedLink, links: SiteLinks) -> str:
    noun = "event" if feed.count == 1 else "events"
    return (
        f'<li class="feed" id="feed-{_e(feed.name)}"><h3>{_e(feed.title)}</h3>'
        f"<p>{_e(feed.description)} ({feed.count} {noun})</p>"
        '<div class="buttons">'
        f'<a class="button primary subscribe-webcal" href="{_e(links.webcal(feed.path))}">'
        "Subscribe</a>"
        f'<a class="button subscribe-google" href="{_e(links.google(feed.path))}" '
        'rel="noopener">Add to Google Calendar</a>'
        f'<a class="button download" href="{_e(feed.path)}" download>Download .ics</a>'
        "</div>"
        f'<code class="url">{_e(links.https(feed.path))}</code></li>'
    )


def _event_html(event: Event, children: Mapping[str, Sequence[Event]]) -> str:
    style = status_style(event.status)
    when = event.when
    datetime_attr = when.first.isoformat()
    if when.last != when.first:
        datetime_attr += "/" + when.last.isoformat()
    title = _e(event.title)
    href = _link_target(event.url) if event.url else None
    if href:
        title = f'<a href="{_e(href)}" rel="noopener">{title}</a>'
    meta = [event.kind.value.replace("-", " ")]
    if event.place is not None:
        meta.append(event.place.label)
    if event.series:
        meta.append("series: " + ", ".join(event.series))
    parts = [
        f'<li class="event st-{style}" id="ev-{event.id}" data-status="{event.status.value}">',
        f'<time class="when" datetime="{_e(when.timex)}">{_e(human_dates(when))}</time>',
        f'<span class="title">{title}</span>',
        f'<span class="badge">{event.status.value}</span>',
        f'<span class="meta">{_e(" · ".join(meta))}</span>',
    ]
    kids = children.get(event.id, ())
    if kids:
        parts.append('<ul aria-label="Parts and side events">')
        parts += [_event_html(k, children) for k in kids]
        parts.append("</ul>")
    parts.append("</li>")
    return "".join(parts)


def _list_html(catalog: Catalog) -> str:
    children: dict[str, list[Event]] = {}
    top: list[Event] = []
    for e in catalog:
        if e.parent is not None and e.parent in catalog:
            children.setdefault(e.parent, []).append(e)
        else:
            top.append(e)
    out: list[str] = []
    year: int | None = None
    for e in top:
        if e.when.first.year != year:
            if year is not None:
                out.append("</ul>")
            year = e.when.first.year
            out.append(f'<h3 id="year-{year}">{year}</h3><ul class="events">')
        out.append(_event_html(e, children))
    if year is not None:
        out.append("</ul>")
    else:
        out.append("<p>No events.</p>")
    return "\n".join(out)


def _custom_form(catalog: Catalog) -> str:
    from summitcal.models import EventKind

    series = "".join(
        f'<option value="{_e(k)}">{_e(s.title)}</option>' for k, s in catalog.series.items()
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


def render_page(
    catalog: Catalog,
    *,
    today: date,
    base_url: str,
    feeds: Iterable[FeedLink],
    custom_feed: bool = False,
) -> str:
    """The HTML page: subscribe links, the timeline, and the list of events.

    Args:
        catalog: The events to show.
        today: The date of the "today" marker.
        base_url: The site's absolute root, for the subscribe links.
        feeds: The named feeds to offer.
        custom_feed: Whether to offer the form for ``feeds/custom.ics`` (the server has
            it; a static site does not).

    Returns:
        A complete HTML5 document; the same arguments give the same text.

    Raises:
        FeedError: If ``base_url`` is not a usable http(s) URL.
    """
    links = SiteLinks.from_url(base_url)
    feed_items = "\n".join(_feed_html(f, links) for f in feeds)
    svg = render_svg(catalog, today=today)
    custom = _custom_form(catalog) if custom_feed else ""
    count = len(catalog)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(PAGE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>summitcal: the AI-summit calendar</title>
<link rel="alternate" type="text/calendar" title="All events" href="feeds/all.ics">
<style>{PAGE_CSS.strip()}</style>
</head>
<body>
<header>
<h1>summitcal</h1>
<p class="lede">The international AI-summit series and related events as calendars you can
subscribe to: {count} events, each with its sources.</p>
<nav class="jump" aria-label="On this page"><a href="#subscribe-h">Subscribe</a>
<a href="#timeline-h">Timeline</a> <a href="#events-h">Events</a></nav>
</header>
<main>
<section aria-labelledby="subscribe-h">
<h2 id="subscribe-h">Subscribe</h2>
<p class="lede">"Subscribe" opens Apple Calendar or Outlook; Google Calendar adds the feed by
its URL; a download is a one-off copy. Subscribed calendars update by themselves.</p>
<ul class="feeds">
{feed_items}
</ul>
</section>
{custom}
<section aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<p class="hint">One lane per series; parts and side events are shown in close-ups below the
lanes. Select a mark to jump to its entry in the list. On a small screen, scroll the
picture sideways.</p>
<div class="timeline-scroll" role="region" aria-label="Timeline picture" tabindex="0">
{svg}</div>
<p class="hint"><a href="timeline.svg">The timeline as an SVG file</a></p>
</section>
<section aria-labelledby="events-h">
<h2 id="events-h">Events</h2>
{_list_html(catalog)}
</section>
</main>
<footer>
<p>Data: <a href="events.json">events.json</a> · All events:
<a href="feeds/all.ics">all.ics</a> · Today's marker: {today.isoformat()}</p>
</footer>
</body>
</html>
"""


# --- the static site ------------------------------------------------------------------


def site_files(catalog: Catalog, *, base_url: str, today: date) -> dict[str, bytes]:
    """Every file of the static site, by path relative to its root, in path order.

    ``index.html``, ``events.json``, ``timeline.svg`` and ``feeds/<name>.ics`` for each
    named feed of :mod:`summitcal.feeds`.

    Raises:
        FeedError: For a bad base URL, or a feed that cannot be built.
    """
    links = SiteLinks.from_url(base_url)  # fail before any work
    files: dict[str, bytes] = {}
    feeds = feed_links(catalog)
    for spec, _events in available_feeds(catalog):
        path = f"feeds/{spec.name}.ics"
        files[path] = render_feed(catalog, spec, url=links.https(path))
    page = render_page(catalog, today=today, base_url=base_url, feeds=feeds)
    files["index.html"] = page.encode("utf-8")
    files["events.json"] = events_json(catalog)
    files["timeline.svg"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + render_svg(catalog, today=today)
    ).encode("utf-8")
    return dict(sorted(files.items()))


def build_site(
    catalog: Catalog,
    out_dir: str | os.PathLike[str],
    *,
    base_url: str,
    today: date,
    catalogue: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Write the static site to ``out_dir``, replacing what was there in one swap.

    The files are written to a fresh directory beside ``out_dir``, flushed, and only then
    swapped in (see :mod:`summitcal.publish`).  An existing ``out_dir`` is replaced only
    when it is empty or a site that a previous build wrote, with nothing added since: a
    directory holding anything else is refused, and nothing in it changes.

    Args:
        catalog: The events to publish.
        out_dir: The site's directory; its parent must exist.
        base_url: Where the site will be served from, for the subscribe links.
        today: The date of the timeline's "today" marker.
        catalogue: The catalogue files or folders ``catalog`` was read from: the site
            may not be, hold, or lie inside any of them.
        force: Replace a directory that holds files no build wrote (never the catalogue,
            the current directory or its parents, or the home directory).

    Returns:
        The site's directory.

    Raises:
        FeedError: For a bad base URL, a feed that cannot be built, an ``out_dir`` that
            is not a directory, is protected or holds foreign files, or files that cannot
            be written (the previous site is then left as it was).
    """
    files = site_files(catalog, base_url=base_url, today=today)
    return publish_tree(files, out_dir, catalogue=catalogue, force=force)
