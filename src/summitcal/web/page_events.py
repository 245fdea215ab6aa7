"""The page's list of all events: each an anchored entry with its dates, facts, sources,
the values its sources disagree on, and links to add it to a calendar."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from summitcal.catalog.catalog import Catalog
from summitcal.errors import TimexError
from summitcal.models.events import Alternative, Event, Status
from summitcal.span.span import DateSpan
from summitcal.span.words import human_dates, short_day
from summitcal.text import one_line
from summitcal.web.lanes import status_style, top_events
from summitcal.web.links import SiteLinks, event_ics_path, google_template_link
from summitcal.web.markup import esc, link

__all__ = ["list_html"]


def _search_text(event: Event, catalog: Catalog) -> str:
    """What the search box looks through for ``event``: its words, not its markup."""
    words = [event.title, *event.aliases, event.description, event.kind.value]
    words.append(event.where(region=True, country_names=True) or "")
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
                refs.append(link(url, urlsplit(url).hostname or url))
        note = f" {esc(alt.note)}" if alt.note else ""
        cited = f" Sources: {', '.join(refs)}." if refs else ""
        items.append(
            f"<li><b>{esc(alt.field)}</b>: {esc(_alternative_value(alt))} "
            f"<i>({esc(alt.status.value)})</i>.{note}{cited}</li>"
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
        said = f" “{esc(source.phrase)}”" if source.phrase else ""
        extra = (
            f' <span class="meta">{esc(" · ".join(about))}{said}</span>' if about or said else ""
        )
        items.append(f'<li id="src-{event.id}-{n}">{link(source.url, text)}{extra}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def _event_links(events: Iterable[Event]) -> str:
    return ", ".join(f'<a href="#ev-{e.id}">{esc(e.title)}</a>' for e in events)


def _facts_html(event: Event, catalog: Catalog, kids: Sequence[Event]) -> str:
    """The event's facts as a definition list: each row only when there is something."""
    rows: list[tuple[str, str]] = []
    if event.aliases:
        rows.append(("Also known as", esc(", ".join(event.aliases))))
    where = event.where(region=True, country_names=True)
    if where is not None:
        rows.append(("Place", esc(where)))
    if event.series:
        named = [
            f'<a href="#series-{esc(s)}">{esc(catalog.series[s].title)}</a>'
            if s in catalog.series
            else esc(s)
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
            role = ", ".join(p for p in (actor.role.value, actor.title) if p)
            people.append(f'{esc(actor.name)} <span class="meta-i">({esc(role)})</span>')
        rows.append(("Who", "; ".join(people)))
    if event.outcomes:
        rows.append(
            ("Outcomes", "<ul>" + "".join(f"<li>{esc(o)}</li>" for o in event.outcomes) + "</ul>")
        )
    if event.url:
        rows.append(("Official page", link(event.url, event.url)))
    if event.alternatives:
        rows.append(("Sources differ on", _alternatives_html(event)))
    rows.append(("Sources", _sources_html(event)))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _calendar_html(event: Event, links: SiteLinks | None) -> str:
    """The "add to calendar" links: the event's own file and Google's template (which
    links back to the entry when the site's address is known)."""
    page_url = links.https(f"#ev-{event.id}") if links is not None else None
    google = google_template_link(event, page_url=page_url)
    if google is None and event.status is Status.UNREPORTED:
        return (
            f'<p class="hint">Planned for {esc(human_dates(event.when))}; no report that it '
            "took place has been found, so it is in no calendar.</p>"
        )
    if google is None:
        return (
            '<p class="hint">Known only as '
            f"{esc(human_dates(event.when))}: it joins the calendars once its days are known.</p>"
        )
    # Each name starts with the visible words (WCAG 2.5.3) and tells the links apart.
    label = esc(event.title)
    return (
        '<p class="buttons add">'
        f'<a class="button" href="{esc(event_ics_path(event.id))}" download '
        f'aria-label="Add to calendar (.ics): {label}">Add to calendar (.ics)</a>'
        f'<a class="button" href="{esc(google)}" rel="noopener" '
        f'aria-label="Google Calendar: {label}">Google Calendar</a></p>'
    )


def _event_html(
    event: Event,
    catalog: Catalog,
    children: Mapping[str, Sequence[Event]],
    links: SiteLinks | None,
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
    desc = f'<p class="desc">{esc(event.description)}</p>' if event.description else ""
    parts = [
        f'<li class="event st-{style}" id="ev-{event.id}" data-status="{event.status.value}" '
        f'data-search="{esc(_search_text(event, catalog))}">',
        f'<article aria-labelledby="h-{event.id}">',
        f'<{h} id="h-{event.id}"><span class="title">{esc(event.title)}</span></{h}>',
        f'<span class="badge">{event.status.label}</span>',
        f'<span class="meta"><time class="when" datetime="{datetime_attr}">'
        f"{esc(human_dates(when))}</time> TIMEX3 <code>{esc(when.timex)}</code> · "
        f"{esc(event.kind.value)}</span>",
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


def list_html(catalog: Catalog, links: SiteLinks | None) -> str:
    children: dict[str, list[Event]] = {}
    for e in catalog:
        if e.parent is not None and e.parent in catalog:
            children.setdefault(e.parent, []).append(e)
    out: list[str] = []
    year: int | None = None
    for e in top_events(catalog):
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
