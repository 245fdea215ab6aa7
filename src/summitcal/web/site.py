"""The web page and the static site: the timeline, the list, and subscribe links.

:func:`render_page` writes the one HTML page (the same for the static site and for the
feed server); :func:`site_files` lists every file of the static site as bytes, and
:func:`build_site` writes them to a directory in one swap, so that a failed build leaves
the previous site as it was.

Links: downloads are relative (``feeds/all.ics``), so the page works from any folder and
from ``file://``; subscribe links must be absolute, so they are built from a base URL:
``webcal://host/path/feeds/all.ics`` for Apple and Outlook, and Google Calendar's
add-by-URL link ``https://calendar.google.com/calendar/r?cid=<the webcal URL>``.

The page is put together in :mod:`~summitcal.web.page` from
:mod:`~summitcal.web.page_now`, :mod:`~summitcal.web.page_sections` and
:mod:`~summitcal.web.page_events`; its style and script are in
:mod:`~summitcal.web.page_assets`, its links in :mod:`~summitcal.web.links`.  Their
public names are importable from here.

Example::

    >>> build_site(load_catalog(), "public", base_url="https://example.org/cal/",
    ...            today=date(2025, 2, 9))                          # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import available_feeds, feed_links, render_feed
from summitcal.ical.write import to_ical
from summitcal.models.events import Event
from summitcal.models.serialize import events_json
from summitcal.publish import publish_tree
from summitcal.web.links import (
    GOOGLE_ADD_BY_URL,
    GOOGLE_TEMPLATE,
    SiteLinks,
    event_ics_path,
    google_template_link,
    has_calendar,
)
from summitcal.web.markup import LINK_SCHEMES
from summitcal.web.page import render_page
from summitcal.web.page_assets import PAGE_CSP, PAGE_CSS, SCRIPT_PATH, site_script
from summitcal.web.page_now import NOW_COUNT, relative_words, upcoming_and_recent
from summitcal.web.timeline_svg import render_svg

__all__ = [
    "GOOGLE_ADD_BY_URL",
    "GOOGLE_TEMPLATE",
    "LINK_SCHEMES",
    "NOW_COUNT",
    "PAGE_CSP",
    "PAGE_CSS",
    "SCRIPT_PATH",
    "SiteLinks",
    "build_site",
    "event_calendar",
    "event_ics_path",
    "google_template_link",
    "has_calendar",
    "relative_words",
    "render_page",
    "site_files",
    "site_script",
    "upcoming_and_recent",
]


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


# --- the static site ------------------------------------------------------------------


def site_files(catalog: Catalog, *, base_url: str | None = None, today: date) -> dict[str, bytes]:
    """Every file of the static site, by path relative to its root, in path order.

    ``index.html``, its script (:data:`SCRIPT_PATH`), ``events.json``, ``timeline.svg``,
    ``feeds/<name>.ics`` for each named feed of :mod:`summitcal.feeds.feeds`, and
    ``events/<id>.ics`` for each dated event (its "add to calendar" file).

    Without ``base_url`` every link is relative and the page offers downloads only (no
    subscribe links, which must be absolute), and the calendar files carry no URL: a site
    to open from its folder, or to serve at an address not yet known.

    Raises:
        FeedError: For a bad base URL, or a feed that cannot be built.
    """
    links = SiteLinks.from_url(base_url) if base_url is not None else None  # fail early

    def url(path: str) -> str | None:
        return links.https(path) if links is not None else None

    files: dict[str, bytes] = {}
    feeds = feed_links(catalog)
    for spec, _events in available_feeds(catalog):
        path = f"feeds/{spec.name}.ics"
        files[path] = render_feed(catalog, spec, url=url(path))
    for event in catalog:
        if has_calendar(event):
            path = event_ics_path(event.id)
            files[path] = event_calendar(catalog, event, url=url(path))
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
    base_url: str | None = None,
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
        base_url: Where the site will be served from, for the subscribe links; without
            it the site's links are all relative and it offers downloads only.
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
