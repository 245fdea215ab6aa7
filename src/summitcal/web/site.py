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
from datetime import date, datetime, timedelta
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.errors import FeedError, TimexError
from summitcal.feeds.feeds import FeedLink, available_feeds, feed_events, feed_links, render_feed
from summitcal.ical.write import event_times, is_undated, to_ical
from summitcal.models.events import Alternative, Event, EventKind
from summitcal.models.serialize import events_json
from summitcal.publish import publish_tree
from summitcal.span.span import DateSpan
from summitcal.span.words import human_dates, short_day
from summitcal.text import clean_text, one_line
from summitcal.web.timeline import lanes, render_svg, status_style

__all__ = [
    "PAGE_CSP",
    "SCRIPT_PATH",
    "SiteLinks",
    "build_site",
    "event_calendar",
    "event_ics_path",
    "google_template_link",
    "relative_words",
    "render_page",
    "site_files",
    "site_script",
    "upcoming_and_recent",
]

GOOGLE_ADD_BY_URL = "https://calendar.google.com/calendar/r?cid="
#: The page needs only its own inline style, its one same-origin script file (no inline
#: script, no network: the search reads the page itself), same-origin pictures and forms.
#: The server sends it as a header; the static page carries it in a meta element, for
#: hosts that send no header of their own.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; "
    "form-action 'self'"
)
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
:root{--ink:#1d2733;--muted:#4f5a68;--accent:#1f5fae;--line:#d9dee5;--bg:#fff;--soft:#f4f6f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);
background:var(--bg)}
main,header,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:24px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:1.1rem;margin:20px 0 8px}
h4,h5,h6{font-size:1rem;margin:0}
a{color:var(--accent)}
code{font-size:.9em}
.lede{color:var(--muted);margin:0 0 8px}
.counts{margin:0 0 8px}
.now{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 32px}
.now ol{list-style:none;padding:0;margin:0}
.now-item{padding:6px 0;border-bottom:1px solid var(--line)}
.rel{font-weight:600;margin-left:6px}
.feeds{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px;
padding:0;margin:0;list-style:none}
.feed{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--soft)}
.feed h3{margin:0 0 4px}
.feed p{margin:0 0 8px;color:var(--muted);font-size:.95rem}
.buttons{display:flex;flex-wrap:wrap;gap:6px}
.button{display:inline-block;padding:6px 10px;border-radius:6px;border:1px solid var(--accent);
text-decoration:none;font-size:.9rem;background:#fff;color:var(--accent);font-family:inherit;
cursor:pointer}
.button.primary{background:var(--accent);color:#fff}
.url{display:block;margin-top:6px;font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}
.search input{font:inherit;padding:6px 8px;width:min(100%,28rem);border:1px solid var(--muted);
border-radius:6px}
.search label{display:block;margin-bottom:4px}
.results{padding-left:20px}
.results .meta{display:inline;margin-left:8px}
.tl-tools{display:flex;gap:6px;margin:0 0 8px}
.timeline-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px;
-webkit-overflow-scrolling:touch}
.timeline-scroll svg{display:block;max-width:none;height:auto}
.vt-box{display:none;max-height:70vh;overflow-y:auto;border:1px solid var(--line);
border-radius:8px;padding:0 12px}
.vt h3{margin:12px 0 4px;font-size:1rem}
.vt ol{list-style:none;margin:0;padding:0 0 0 14px;border-left:3px solid var(--line)}
.vt-item{position:relative;padding:4px 0}
.vt-item::before{content:"";position:absolute;left:-21px;top:11px;width:11px;height:11px;
border-radius:50%;border:2px solid var(--accent);background:var(--accent)}
.vt-item.st-soft::before,.vt-item.st-doubt::before{background:#fff;border-style:dashed}
.vt-item.st-off::before{background:#ddd;border-color:#888}
.vt-today{color:#b03024;font-weight:600;padding:4px 0;border-top:2px dashed #b03024}
.key{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:8px 0;
font-size:.9rem}
.sw{display:inline-block;width:20px;height:11px;border:2px solid #1f5fae;border-radius:3px;
margin-right:6px;vertical-align:-1px;background:#1f5fae}
.sw.soft{background:#fff;border-style:dashed}.sw.doubt{background:#fff;border-color:#8a5a00;
border-style:dotted}.sw.off{background:#ddd;border-color:#888}.sw.band{opacity:.4}
.sw.today{width:0;border-width:0 0 0 2px;border-color:#b03024;border-style:dashed}
.hint{font-size:.85rem;color:var(--muted)}
.series{list-style:none;padding:0;margin:0;display:grid;
grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
.series>li{border:1px solid var(--line);border-radius:8px;padding:12px}
.series h3{margin:0 0 4px}
.series ol{padding-left:18px;margin:6px 0 0;font-size:.95rem}
.events{list-style:none;padding:0;margin:0}
.events li>ul{list-style:none;margin:6px 0 0;padding:0 0 0 18px;
border-left:3px solid var(--line)}
.event{padding:10px 0;border-bottom:1px solid var(--line)}
.events li>ul>.event{border-bottom:0;padding:8px 0 4px}
.event:target>article{background:#fff6e0;outline:2px solid #e6b84c}
.event h4,.event h5,.event h6{display:inline}
.when{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:6px}
.title{font-weight:600}
.meta{display:block;font-size:.9rem;color:var(--muted)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;
font-size:.92rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.facts ul,.facts ol{margin:0;padding-left:18px}
.desc{margin:4px 0;max-width:75ch}
.badge{display:inline-block;font-size:.75rem;padding:0 6px;border-radius:10px;
border:1px solid currentColor;margin-left:6px;vertical-align:1px;font-weight:400}
.st-firm .badge{color:#1f5fae}.st-soft .badge{color:#1f5fae;border-style:dashed}
.st-doubt .badge{color:#7a4f00;border-style:dotted}.st-off .badge{color:#5f5f5f}
.st-off .title{text-decoration:line-through}
form.custom{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end}
form.custom label{display:flex;flex-direction:column;font-size:.9rem}
form.custom select,form.custom input{font:inherit;padding:4px}
footer{margin-top:40px;padding-bottom:40px;color:var(--muted);font-size:.9rem}
.jump{display:flex;flex-wrap:wrap;gap:4px 16px;font-weight:600}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.4rem}
.feeds{grid-template-columns:1fr}.feed p{font-size:.85rem}.url{display:none}
.timeline-scroll,.tl-tools,.tl-svg-link{display:none}.vt-box{display:block}
.facts{grid-template-columns:1fr}.facts dt{margin-top:4px}}
"""

#: How many events each of the "coming up" and "recently" lists holds.
NOW_COUNT = 5
#: Where the page's script is, relative to the site root (a same-origin file: the
#: content-security policy allows no inline script).
SCRIPT_PATH = "assets/site.js"
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render?action=TEMPLATE"


def _e(text: str) -> str:
    """``text`` for HTML: without the characters no output may carry, then escaped."""
    return escape(clean_text(text), quote=True)


def _link_target(url: str) -> str | None:
    """``url`` when it is one a reader may follow (http, https or mailto), else None."""
    return url if urlsplit(url).scheme.lower() in LINK_SCHEMES else None


def _link(url: str, text: str) -> str:
    """A link to ``url`` showing ``text``, or ``text`` alone when ``url`` is no link."""
    href = _link_target(url)
    if href is None:
        return _e(text)
    return f'<a href="{_e(href)}" rel="noopener">{_e(text)}</a>'


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def site_script() -> bytes:
    """The page's script (served at :data:`SCRIPT_PATH`), as the package ships it."""
    return (resources.files("summitcal.web") / "site_assets" / "site.js").read_bytes()


def event_ics_path(event_id: str) -> str:
    """Where the site keeps the calendar file of one event, relative to its root."""
    return f"events/{event_id}.ics"


def event_calendar(catalog: Catalog, event: Event, *, url: str | None = None) -> bytes:
    """The calendar file of ``event`` alone: the same VEVENT (and UID) as in the feeds.

    Raises:
        FeedError: If the event's end falls after 9999-12-31.
    """
    return to_ical(
        [event],
        name=event.title,
        uid=f"{event.id}.event@summitcal",
        include_undated=True,
        revisions=catalog.revisions,
        url=url,
    )


def has_calendar(event: Event) -> bool:
    """Whether the site offers ``event`` alone as a calendar entry: only dated events,
    as the feeds hold them."""
    return not is_undated(event.when)


# --- words and links for one event ----------------------------------------------------


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


def google_template_link(event: Event, *, page_url: str) -> str | None:
    """Google Calendar's "add this event" link, or None for an undated event.

    Timed events carry their zone (``ctz``); all-day ones their days, the end exclusive.
    """
    if not has_calendar(event):
        return None
    start, end = event_times(event.when)
    if isinstance(start, datetime) and isinstance(end, datetime):
        utc = start.utcoffset() == timedelta(0) and event.when.zone in ("UTC", "Etc/UTC")
        fmt = "%Y%m%dT%H%M%S" + ("Z" if utc else "")
        dates = f"{start.strftime(fmt)}/{end.strftime(fmt)}"
    else:
        dates = f"{start.strftime('%Y%m%d')}/{end.strftime('%Y%m%d')}"
    query: list[tuple[str, str]] = [("text", clean_text(event.title)), ("dates", dates)]
    details = clean_text(event.description)
    query.append(("details", (details + "\n\n" if details else "") + page_url))
    if event.place is not None:
        query.append(("location", clean_text(event.place.label_with(country_names=True))))
    if event.when.is_timed and event.when.zone:
        query.append(("ctz", event.when.zone))
    return GOOGLE_TEMPLATE + "&" + urlencode(query, quote_via=quote)


def _search_text(event: Event, catalog: Catalog) -> str:
    """What the search box looks through for ``event``: its words, not its markup."""
    words = [event.title, *event.aliases, event.description, event.kind.value]
    if event.place is not None:
        words.append(event.place.label_with(region=True, country_names=True))
    words += [a.name for a in event.actors]
    words += [catalog.series[s].title for s in event.series if s in catalog.series]
    return " ".join(one_line(w) for w in words if w)


def _alternative_value(alt: Alternative) -> str:
    """An alternative's value in words; a date (field ``when``) as the page writes dates."""
    if alt.field == "when":
        try:
            return f"{human_dates(DateSpan.from_timex(alt.value))} ({alt.value})"
        except TimexError:
            pass
    return alt.value


def _alternatives_html(event: Event) -> str:
    """The values sources disagree on, each with its status, note and sources."""
    numbers = {s.url: n for n, s in enumerate(event.sources, 1)}
    items = []
    for alt in event.alternatives:
        refs = []
        for url in alt.sources:
            n = numbers.get(url)
            if n is not None:
                refs.append(f'<a href="#src-{event.id}-{n}">[{n}]</a>')
            else:
                refs.append(_link(url, urlsplit(url).hostname or url))
        note = f" {_e(alt.note)}" if alt.note else ""
        cited = f" Sources: {', '.join(refs)}." if refs else ""
        items.append(
            f"<li><b>{_e(alt.field)}</b>: {_e(_alternative_value(alt))} "
            f"<i>({_e(alt.status.value)})</i>.{note}{cited}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def _sources_html(event: Event) -> str:
    """The sources, numbered, each a link where its URL is one a reader may follow."""
    items = []
    for n, source in enumerate(event.sources, 1):
        text = source.title or source.publisher or urlsplit(source.url).hostname or source.url
        about = [p for p in (source.publisher if source.title else None,) if p]
        if source.published is not None:
            about.append(short_day(source.published))
        if source.kind is not None:
            about.append(source.kind.value)
        said = f" “{_e(source.phrase)}”" if source.phrase else ""
        extra = f' <span class="meta">{_e(" · ".join(about))}{said}</span>' if about or said else ""
        items.append(f'<li id="src-{event.id}-{n}">{_link(source.url, text)}{extra}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def _event_links(events: Iterable[Event]) -> str:
    return ", ".join(f'<a href="#ev-{e.id}">{_e(e.title)}</a>' for e in events)


def _facts_html(event: Event, catalog: Catalog, kids: Sequence[Event]) -> str:
    """The event's facts as a definition list: each row only when there is something."""
    rows: list[tuple[str, str]] = []
    if event.aliases:
        rows.append(("Also known as", _e(", ".join(event.aliases))))
    if event.place is not None:
        rows.append(("Place", _e(event.place.label_with(region=True, country_names=True))))
    if event.series:
        named = [
            f'<a href="#series-{_e(s)}">{_e(catalog.series[s].title)}</a>'
            if s in catalog.series
            else _e(s)
            for s in event.series
        ]
        rows.append(("Series", ", ".join(named)))
    if event.parent is not None and event.parent in catalog:
        rows.append(("Part of", _event_links([catalog.get(event.parent)])))
    if kids:
        rows.append(("Parts", _event_links(kids)))
    if event.actors:
        people = []
        for actor in event.actors:
            role = ", ".join(p for p in (actor.role.value.replace("-", " "), actor.title) if p)
            people.append(f'{_e(actor.name)} <span class="meta-i">({_e(role)})</span>')
        rows.append(("Who", "; ".join(people)))
    if event.outcomes:
        rows.append(
            ("Outcomes", "<ul>" + "".join(f"<li>{_e(o)}</li>" for o in event.outcomes) + "</ul>")
        )
    if event.url:
        rows.append(("Official page", _link(event.url, event.url)))
    if event.alternatives:
        rows.append(("Sources differ on", _alternatives_html(event)))
    rows.append(("Sources", _sources_html(event)))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _calendar_html(event: Event, links: SiteLinks) -> str:
    """The "add to calendar" links: the event's own file and Google's template."""
    google = google_template_link(event, page_url=links.https(f"#ev-{event.id}"))
    if google is None:
        return (
            '<p class="hint">Known only as '
            f"{_e(human_dates(event.when))}: it joins the calendars once its days are known.</p>"
        )
    # Each name starts with the visible words (WCAG 2.5.3) and tells the links apart.
    label = _e(event.title)
    return (
        '<p class="buttons add">'
        f'<a class="button" href="{_e(event_ics_path(event.id))}" download '
        f'aria-label="Add to calendar (.ics): {label}">Add to calendar (.ics)</a>'
        f'<a class="button" href="{_e(google)}" rel="noopener" '
        f'aria-label="Google Calendar: {label}">Google Calendar</a></p>'
    )


def _event_html(
    event: Event,
    catalog: Catalog,
    children: Mapping[str, Sequence[Event]],
    links: SiteLinks,
    level: int = 4,
) -> str:
    """One event's anchored entry, with its parts nested below it."""
    style = status_style(event.status)
    when = event.when
    datetime_attr = when.first.isoformat()
    if when.last != when.first:
        datetime_attr += "/" + when.last.isoformat()
    kids = children.get(event.id, ())
    h = f"h{min(level, 6)}"
    desc = f'<p class="desc">{_e(event.description)}</p>' if event.description else ""
    parts = [
        f'<li class="event st-{style}" id="ev-{event.id}" data-status="{event.status.value}" '
        f'data-search="{_e(_search_text(event, catalog))}">',
        f'<article aria-labelledby="h-{event.id}">',
        f'<{h} id="h-{event.id}"><span class="title">{_e(event.title)}</span></{h}>',
        f'<span class="badge">{event.status.value}</span>',
        f'<span class="meta"><time class="when" datetime="{datetime_attr}">'
        f"{_e(human_dates(when))}</time> TIMEX3 <code>{_e(when.timex)}</code> · "
        f"{_e(event.kind.value.replace('-', ' '))}</span>",
        desc,
        _facts_html(event, catalog, kids),
        _calendar_html(event, links),
        "</article>",
    ]
    if kids:
        parts.append('<ul aria-label="Parts and side events">')
        parts += [_event_html(k, catalog, children, links, level + 1) for k in kids]
        parts.append("</ul>")
    parts.append("</li>")
    return "".join(parts)


# --- the sections ---------------------------------------------------------------------


def _top_events(catalog: Catalog) -> list[Event]:
    """The events that are not part of another event of the catalogue, in date order."""
    return [e for e in catalog if e.parent is None or e.parent not in catalog]


def _list_html(catalog: Catalog, links: SiteLinks) -> str:
    children: dict[str, list[Event]] = {}
    for e in catalog:
        if e.parent is not None and e.parent in catalog:
            children.setdefault(e.parent, []).append(e)
    out: list[str] = []
    year: int | None = None
    for e in _top_events(catalog):
        if e.when.first.year != year:
            if year is not None:
                out.append("</ul>")
            year = e.when.first.year
            out.append(f'<h3 id="year-{year}">{year}</h3><ul class="events">')
        out.append(_event_html(e, catalog, children, links))
    if year is not None:
        out.append("</ul>")
    else:
        out.append("<p>No events.</p>")
    return "\n".join(out)


def _now_item(event: Event, today: date, shown: bool = True) -> str:
    """One line of "coming up" or "recently": when, what, where, and how far off."""
    style = status_style(event.status)
    place = f'<span class="meta">{_e(event.place.label)}</span>' if event.place else ""
    # Relative words would mislead for a date known only as "2027" or "July".
    rel = (
        ""
        if event.when.granularity.is_coarse
        else f'<span class="rel">{relative_words(event.when.first, event.when.last, today)}</span>'
    )
    return (
        f'<li class="now-item st-{style}" data-first="{event.when.first.isoformat()}" '
        f'data-last="{event.when.last.isoformat()}"{"" if shown else " hidden"}>'
        f'<span class="when">{_e(human_dates(event.when))}</span>'
        f'<a href="#ev-{event.id}">{_e(event.title)}</a>'
        f'<span class="badge">{event.status.value}</span>{rel}{place}</li>'
    )


def upcoming_and_recent(
    catalog: Catalog, today: date, limit: int | None = NOW_COUNT
) -> tuple[list[Event], list[Event]]:
    """The next ``limit`` events not over by ``today`` (soonest first) and the last
    ``limit`` that are (latest first), all of them for ``limit=None``; parts are left to
    their summit."""
    top = _top_events(catalog)
    upcoming = [e for e in top if e.when.last >= today]
    past = sorted((e for e in top if e.when.last < today), key=lambda e: (e.when.last, e.id))
    return upcoming[:limit], past[::-1][:limit]


def _now_html(catalog: Catalog, today: date) -> str:
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
        f'<p class="hint">As of {_e(short_day(today))}, when the page was built; with scripts '
        "on, the lists follow your device's date.</p>"
        '<div class="now">'
        + column("upcoming", "Coming up", upcoming, "Nothing announced yet.")
        + column("recent", "Recently", recent, "Nothing yet.")
        + "</div></section>"
    )


def _search_html() -> str:
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
    top = sorted(_top_events(catalog), key=lambda e: e.sort_key, reverse=True)
    out: list[str] = []
    year: int | None = None
    mark_placed = False
    mark = (
        '<li class="vt-today" id="vt-today">'
        f'<span class="vt-label">Today, {_e(short_day(today))}</span></li>'
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
            f'<span class="when">{_e(human_dates(e.when))}</span> '
            f'<a href="#ev-{e.id}">{_e(e.title)}</a> '
            f'<span class="badge">{e.status.value}</span></li>'
        )
    if not mark_placed:
        out.append(mark if year is not None else f"<ol>{mark}")
    out.append("</ol>")
    return (
        '<div class="vt-box" role="region" aria-label="Timeline, newest first" tabindex="0">'
        '<div class="vt">' + "".join(out) + "</div></div>"
    )


def _timeline_html(catalog: Catalog, today: date) -> str:
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


def _series_html(catalog: Catalog) -> str:
    """Each series with its events, latest first."""
    top = _top_events(catalog)
    items = []
    for lane in lanes(catalog):
        events = [e for e in top if e in lane.events][::-1]
        series = catalog.series.get(lane.key)
        about = (
            f"<p class='hint'>{_e(series.description)}</p>" if series and series.description else ""
        )
        entries = "".join(
            f'<li><span class="when">{_e(human_dates(e.when))}</span>'
            f'<a href="#ev-{e.id}">{_e(e.title)}</a></li>'
            for e in events
        )
        items.append(
            f'<li id="series-{_e(lane.key)}"><h3>{_e(lane.title)}</h3>'
            f"<p class='meta'>{_plural(len(events), 'event')}, besides their parts</p>"
            f"{about}<ol reversed>{entries}</ol></li>"
        )
    return (
        '<section aria-labelledby="series-h"><h2 id="series-h">Series</h2>'
        f'<ul class="series">{"".join(items)}</ul></section>'
    )


def _counts_html(catalog: Catalog, feeds: Sequence[FeedLink]) -> str:
    """What the catalogue holds and what its feeds hold, each count saying what it counts."""
    total = len(catalog)
    undated = sum(1 for e in catalog if not has_calendar(e))
    text = f"{_plural(total, 'event')} in the catalogue, each listed below with its sources."
    if undated:
        verb = "is" if undated == 1 else "are"
        text += (
            f" {total - undated} {'is' if total - undated == 1 else 'are'} dated to the day "
            f"or closer; {undated} known only to the month or coarser {verb} left out of the "
            "calendar feeds until the days are known."
        )
    everything = next((f for f in feeds if f.name == "all"), None)
    if everything is not None:
        text += f" The “{_e(everything.title)}” feed holds {_plural(everything.count, 'event')}."
    return f'<p class="counts">{text}</p>'


def _feed_html(feed: FeedLink, links: SiteLinks) -> str:
    return (
        f'<li class="feed" id="feed-{_e(feed.name)}"><h3>{_e(feed.title)}</h3>'
        f"<p>{_e(feed.description)} ({_plural(feed.count, 'event')} in the feed)</p>"
        '<div class="buttons">'
        f'<a class="button primary subscribe-webcal" href="{_e(links.webcal(feed.path))}">'
        "Subscribe</a>"
        f'<a class="button subscribe-google" href="{_e(links.google(feed.path))}" '
        'rel="noopener">Add to Google Calendar</a>'
        f'<a class="button download" href="{_e(feed.path)}" download>Download .ics</a>'
        "</div>"
        f'<code class="url">{_e(links.https(feed.path))}</code></li>'
    )


def _custom_form(catalog: Catalog) -> str:
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
    base_url: str,
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
        base_url: The site's absolute root, for the subscribe links.
        feeds: The named feeds to offer; a named feed's count is shown as the number of
            events its file holds.
        custom_feed: Whether to offer the form for ``feeds/custom.ics`` (the server has
            it; a static site does not).

    Returns:
        A complete HTML5 document; the same arguments give the same text.

    Raises:
        FeedError: If ``base_url`` is not a usable http(s) URL.
    """
    links = SiteLinks.from_url(base_url)
    shown = _as_written(catalog, feeds)
    feed_items = "\n".join(_feed_html(f, links) for f in shown)
    custom = _custom_form(catalog) if custom_feed else ""
    return f"""<!DOCTYPE html>
<html lang="en" data-built="{today.isoformat()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(PAGE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>summitcal: the AI-summit calendar</title>
<link rel="alternate" type="text/calendar" title="All events" href="feeds/all.ics">
<style>{PAGE_CSS.strip()}</style>
<script src="{SCRIPT_PATH}" defer></script>
</head>
<body>
<header>
<h1>summitcal</h1>
<p class="lede">The international AI-summit series and related events as calendars you can
subscribe to.</p>
{_counts_html(catalog, shown)}
<nav class="jump" aria-label="On this page"><a href="#now-h">Now</a>
<a href="#timeline-h">Timeline</a> <a href="#series-h">Series</a>
<a href="#subscribe-h">Subscribe</a> <a href="#events-h">All events</a></nav>
</header>
<main>
{_now_html(catalog, today)}
{_search_html()}
{_timeline_html(catalog, today)}
{_series_html(catalog)}
<section aria-labelledby="subscribe-h">
<h2 id="subscribe-h">Subscribe</h2>
<p class="lede">"Subscribe" opens Apple Calendar or Outlook; Google Calendar adds the feed by
its URL; a download is a one-off copy. Subscribed calendars update by themselves.</p>
<ul class="feeds">
{feed_items}
</ul>
</section>
{custom}
<section aria-labelledby="events-h">
<h2 id="events-h">All events</h2>
<p class="hint">Each with its dates in words and as TIMEX3, its place and people, its parts,
the values its sources disagree on, its sources, and a way to add it to a calendar.</p>
{_list_html(catalog, links)}
</section>
</main>
<footer>
<p>Data: <a href="events.json">events.json</a> · All events:
<a href="feeds/all.ics">all.ics</a> · Built for {today.isoformat()}; the "today" marks follow
your device's date.</p>
</footer>
</body>
</html>
"""


# --- the static site ------------------------------------------------------------------


def site_files(catalog: Catalog, *, base_url: str, today: date) -> dict[str, bytes]:
    """Every file of the static site, by path relative to its root, in path order.

    ``index.html``, its script (:data:`SCRIPT_PATH`), ``events.json``, ``timeline.svg``,
    ``feeds/<name>.ics`` for each named feed of :mod:`summitcal.feeds.feeds`, and
    ``events/<id>.ics`` for each dated event (its "add to calendar" file).

    Raises:
        FeedError: For a bad base URL, or a feed that cannot be built.
    """
    links = SiteLinks.from_url(base_url)  # fail before any work
    files: dict[str, bytes] = {}
    feeds = feed_links(catalog)
    for spec, _events in available_feeds(catalog):
        path = f"feeds/{spec.name}.ics"
        files[path] = render_feed(catalog, spec, url=links.https(path))
    for event in catalog:
        if has_calendar(event):
            path = event_ics_path(event.id)
            files[path] = event_calendar(catalog, event, url=links.https(path))
    page = render_page(catalog, today=today, base_url=base_url, feeds=feeds)
    files[SCRIPT_PATH] = site_script()
    files["index.html"] = page.encode("utf-8")
    files["events.json"] = events_json(catalog)
    files["timeline.svg"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + render_svg(catalog, today=today, role="figure")
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
