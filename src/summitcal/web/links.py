"""The site's links: subscribe links below a base URL, each event's calendar file, and
Google Calendar's links.

Downloads are relative (``feeds/all.ics``), so the page works from any folder and from
``file://``; subscribe links must be absolute, so they are built from a base URL:
``webcal://host/path/feeds/all.ics`` for Apple and Outlook, and Google Calendar's
add-by-URL link ``https://calendar.google.com/calendar/r?cid=<the webcal URL>``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import quote, urlencode, urlsplit

import attrs

from summitcal.errors import FeedError
from summitcal.ical.write import event_times, is_undated
from summitcal.models.events import Event
from summitcal.text import clean_text

__all__ = [
    "GOOGLE_ADD_BY_URL",
    "GOOGLE_TEMPLATE",
    "SiteLinks",
    "event_ics_path",
    "google_template_link",
    "has_calendar",
]

GOOGLE_ADD_BY_URL = "https://calendar.google.com/calendar/r?cid="

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render?action=TEMPLATE"


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


def event_ics_path(event_id: str) -> str:
    """Where the site keeps the calendar file of one event, relative to its root."""
    return f"events/{event_id}.ics"


def has_calendar(event: Event) -> bool:
    """Whether the site offers ``event`` alone as a calendar entry: only dated events,
    as the feeds hold them."""
    return not is_undated(event.when)


def google_template_link(event: Event, *, page_url: str | None) -> str | None:
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
    if page_url is not None:
        details = (details + "\n\n" if details else "") + page_url
    query.append(("details", details))
    where = event.where(country_names=True)
    if where is not None:
        query.append(("location", clean_text(where)))
    if event.when.is_timed and event.when.zone:
        query.append(("ctz", event.when.zone))
    return GOOGLE_TEMPLATE + "&" + urlencode(query, quote_via=quote)
