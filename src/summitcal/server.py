"""The feed server: a plain ASGI application serving the page, the feeds and the data.

Routes (below the mount point, ``scope["root_path"]``)::

    /                   the HTML page (timeline, list, subscribe links); also /index.html
    /feeds/<name>.ics   every named feed of summitcal.feeds (all.ics among them)
    /feeds/custom.ics   ?series=..&kind=..&country=..&from=YYYY-MM-DD&to=YYYY-MM-DD
    /events.json        every event, as event_to_dict objects
    /timeline.svg       the timeline picture

What calendar clients rely on: ``text/calendar; charset=utf-8``; a strong ETag computed
from the bytes; a Last-Modified taken from the data (the newest revision among the
feed's events, never the clock) so it cannot go backwards while the data does not;
304 answers to If-None-Match and to If-Modified-Since (Apple sends only the latter);
HEAD; Cache-Control; gzip only for clients that accept it, with ``Vary: Accept-Encoding``.
Bad requests get a 400 with a one-line plain-text reason, unknown paths 404 and other
methods 405 with ``Allow``; nothing on disk is reachable through a URL, since every body
is built in memory.

Every named feed is rendered once, when the app is created; custom feeds are rendered on
first request and kept in a bounded LRU cache keyed by the normalised query.  The page
and the timeline depend on "today", which comes from the injected ``clock``.

Example (uvicorn, or mount it in any ASGI framework)::

    app = create_app(load_catalog(), clock=lambda: datetime.now(UTC))
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl

import attrs

from summitcal.catalog import Catalog, load_catalog
from summitcal.errors import SummitcalError
from summitcal.models import EventKind

__all__ = ["FeedServer", "Resource", "create_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Clock = Callable[[], datetime]

log = logging.getLogger(__name__)

CALENDAR = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"
JSON = "application/json"
SVG = "image/svg+xml"
TEXT = "text/plain; charset=utf-8"

FEED_CACHE = "public, max-age=3600"
PAGE_CACHE = "public, max-age=300"
ALLOW = "GET, HEAD"
# The page needs only its own inline style and same-origin links.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'"

#: Longest header value read; longer ones (such as a giant If-None-Match) are ignored.
MAX_HEADER = 8192
#: Longest query string accepted for a custom feed.
MAX_QUERY = 2048
CUSTOM_PARAMS = ("series", "kind", "country", "from", "to")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_HOST_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*"
    r"|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?",
    re.ASCII,
)
_VALUE_RE = re.compile(r"[A-Za-z0-9-]{1,64}", re.ASCII)


class BadRequest(SummitcalError, ValueError):
    """A request the server answers with 400; the message is shown to the client."""


@attrs.frozen
class Resource:
    """One response body, ready to send, with its validators.

    Attributes:
        body: The bytes.
        gzipped: The same bytes gzip-compressed (deterministically: no timestamp).
        etag: A strong ETag for ``body``.
        gzip_etag: A strong ETag for ``gzipped`` (another representation, another tag).
        content_type: The Content-Type header.
        cache_control: The Cache-Control header.
        last_modified: When its data last changed (UTC, whole seconds), if known.
        extra: Further headers.
    """

    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    content_type: str
    cache_control: str
    last_modified: datetime | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls,
        body: bytes,
        content_type: str,
        cache_control: str,
        last_modified: datetime | None = None,
        extra: Iterable[tuple[str, str]] = (),
    ) -> Resource:
        """Build a resource, compressing ``body`` and hashing both forms once."""
        if last_modified is not None:
            last_modified = last_modified.astimezone(UTC).replace(microsecond=0)
        zipped = gzip.compress(body, compresslevel=6, mtime=0)
        return cls(
            body,
            zipped,
            _etag(body),
            _etag(zipped),
            content_type,
            cache_control,
            last_modified,
            tuple(extra),
        )


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _newest(catalog: Catalog) -> datetime | None:
    """The newest revision time among the catalogue's events, if any has one."""
    times = [catalog.revisions[e.id].modified for e in catalog if e.id in catalog.revisions]
    return max(times) if times else None


# --- request helpers ------------------------------------------------------------------


def _headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name; repeats joined by commas, oversized ones dropped."""
    out: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers") or ():
        if len(raw_value) > MAX_HEADER:
            continue
        name = bytes(raw_name).decode("latin-1").lower()
        value = bytes(raw_value).decode("latin-1")
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding value admits gzip (``q=0`` refuses it)."""
    if not accept_encoding:
        return False
    star: bool | None = None
    for item in accept_encoding.split(","):
        token, _, params = item.strip().partition(";")
        token = token.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if token in ("gzip", "x-gzip"):
            return q > 0
        if token == "*":
            star = q > 0
    return bool(star)


def _etag_matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match's weak comparison: any listed tag (W/ or not) equal to ours, or ``*``."""
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*":
            return True
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def _not_modified_since(if_modified_since: str, last_modified: datetime | None) -> bool:
    if last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False  # an unreadable date is ignored, as RFC 9110 says
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified <= since


def _custom_query(raw: bytes) -> dict[str, tuple[str, ...]]:
    """The custom feed's parameters, normalised: sorted unique values per known key.

    Raises:
        BadRequest: For a query that is too long, not UTF-8, or names unknown keys.
    """
    if len(raw) > MAX_QUERY:
        raise BadRequest(f"the query string is longer than {MAX_QUERY} characters")
    try:
        pairs = parse_qsl(
            raw.decode("ascii"), keep_blank_values=True, max_num_fields=50, errors="strict"
        )
    except UnicodeError:
        raise BadRequest("the query string is not valid percent-encoded UTF-8") from None
    except ValueError:
        raise BadRequest("the query string has too many parameters") from None
    values: dict[str, set[str]] = {key: set() for key in CUSTOM_PARAMS}
    for key, value in pairs:
        if key not in values:
            raise BadRequest(
                f"unknown parameter {key[:40]!r} (allowed: {', '.join(CUSTOM_PARAMS)})"
            )
        for part in value.split(","):
            part = part.strip()
            if part:
                values[key].add(part)
    return {key: tuple(sorted(found)) for key, found in values.items()}


def _one_date(query: Mapping[str, tuple[str, ...]], key: str) -> date | None:
    given = query[key]
    if not given:
        return None
    if len(given) > 1:
        raise BadRequest(f"{key!r} is given more than once")
    text = given[0]
    if not _DATE_RE.fullmatch(text):
        raise BadRequest(f"{key!r} must be a date as YYYY-MM-DD, not {text[:40]!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRequest(f"{key!r} is not a real date: {text!r}") from None


# --- the app --------------------------------------------------------------------------


class FeedServer:
    """The ASGI application.  Build it with :func:`create_app`."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        clock: Clock,
        base_url: str | None = None,
        custom_cache_size: int = 128,
        page_cache_size: int = 16,
    ) -> None:
        from summitcal.feeds import available_feeds, feed_links, render_feed
        from summitcal.serialize import events_json
        from summitcal.site import SiteLinks

        # Checked now, not per request; without one, links follow each request's Host.
        links = SiteLinks.from_url(base_url) if base_url is not None else None
        self.catalog = catalog
        self.clock = clock
        self.base_url = base_url
        self.custom_cache_size = custom_cache_size
        self.page_cache_size = page_cache_size
        self.feed_links = feed_links(catalog)
        self.feeds: dict[str, Resource] = {}
        for spec, events in available_feeds(catalog):
            url = links.https(f"feeds/{spec.name}.ics") if links else None
            self.feeds[spec.name] = Resource.of(
                render_feed(catalog, spec, url=url),
                CALENDAR,
                FEED_CACHE,
                _newest(events),
                _attachment(spec.name),
            )
        self.events = Resource.of(events_json(catalog), JSON, FEED_CACHE, _newest(catalog))
        self._custom: OrderedDict[tuple[Any, ...], Resource] = OrderedDict()
        self._pages: OrderedDict[tuple[Any, ...], Resource] = OrderedDict()

    # ASGI entry point
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await self._lifespan(receive, send)
            return
        if kind != "http":  # websockets and anything newer: refuse politely
            if kind == "websocket":
                await send({"type": "websocket.close", "code": 1003})
            return
        try:
            status, headers, body = self.respond(scope)
        except Exception:  # a bug; the client gets no detail, the log gets the traceback
            log.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            status, headers, body = _plain(500, "internal error")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    def respond(self, scope: Scope) -> tuple[int, list[tuple[str, str]], bytes]:
        """Status, headers and body for one HTTP request (no I/O; easy to test)."""
        path = _local_path(scope)
        method = scope.get("method", "GET")
        try:
            resource = self._route(path, scope)
        except BadRequest as exc:
            return _plain(400, f"bad request: {exc}")
        except SummitcalError as exc:  # the feeds layer refused the parameters
            return _plain(400, f"bad request: {exc}")
        if resource is None:
            return _plain(404, "not found")
        if method not in ("GET", "HEAD"):
            status, headers, body = _plain(405, f"method {method[:20]} not allowed")
            return status, [*headers, ("allow", ALLOW)], body
        status, headers, body = self._conditional(resource, _headers(scope))
        return status, headers, b"" if method == "HEAD" else body

    def _route(self, path: str, scope: Scope) -> Resource | None:
        if path in ("/", "/index.html"):
            return self._page(scope, "page")
        if path == "/timeline.svg":
            return self._page(scope, "svg")
        if path == "/events.json":
            return self.events
        if path.startswith("/feeds/") and path.endswith(".ics"):
            name = path[len("/feeds/") : -len(".ics")]
            if name == "custom":
                return self._custom_feed(scope.get("query_string", b""))
            return self.feeds.get(name)
        return None

    def _conditional(
        self, res: Resource, request: Mapping[str, str]
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        zipped = accepts_gzip(request.get("accept-encoding"))
        body = res.gzipped if zipped else res.body
        etag = res.gzip_etag if zipped else res.etag
        headers = [
            ("content-type", res.content_type),
            ("etag", etag),
            ("cache-control", res.cache_control),
            ("vary", "Accept-Encoding"),
            ("x-content-type-options", "nosniff"),
        ]
        if res.last_modified is not None:
            headers.append(("last-modified", format_datetime(res.last_modified, usegmt=True)))
        inm = request.get("if-none-match")
        ims = request.get("if-modified-since")
        fresh = (
            _etag_matches(inm, etag)
            if inm is not None
            else ims is not None and _not_modified_since(ims, res.last_modified)
        )
        if fresh:
            return 304, headers, b""
        headers += list(res.extra)
        if zipped:
            headers.append(("content-encoding", "gzip"))
        headers.append(("content-length", str(len(body))))
        return 200, headers, body

    # --- resources built on demand ----------------------------------------------------

    def _base_url(self, scope: Scope) -> str:
        if self.base_url is not None:
            return self.base_url
        host = _headers(scope).get("host", "")
        if not _HOST_RE.fullmatch(host):
            server = scope.get("server") or ("localhost", None)
            host = str(server[0]) + (f":{server[1]}" if server[1] else "")
            if not _HOST_RE.fullmatch(host):
                host = "localhost"
        scheme = "https" if scope.get("scheme") == "https" else "http"
        root = str(scope.get("root_path") or "")
        if not re.fullmatch(r"(/[A-Za-z0-9._~-]+)*/?", root):
            root = ""
        return f"{scheme}://{host}{root.rstrip('/')}/"

    def _page(self, scope: Scope, which: str) -> Resource:
        from summitcal.site import render_page
        from summitcal.timeline import render_svg

        today = self.clock().date()
        base = self._base_url(scope) if which == "page" else ""
        key = (which, today, base)
        cached = self._pages.get(key)
        if cached is not None:
            self._pages.move_to_end(key)
            return cached
        if which == "page":
            text = render_page(
                self.catalog, today=today, base_url=base, feeds=self.feed_links, custom_feed=True
            )
            res = Resource.of(
                text.encode("utf-8"),
                HTML,
                PAGE_CACHE,
                extra=[("content-security-policy", PAGE_CSP)],
            )
        else:
            svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + render_svg(self.catalog, today=today)
            res = Resource.of(svg.encode("utf-8"), SVG, PAGE_CACHE)
        return _remember(self._pages, key, res, self.page_cache_size)

    def _custom_feed(self, raw_query: bytes) -> Resource:
        from summitcal.countries import is_country
        from summitcal.feeds import custom_feed_spec, render_feed

        query = _custom_query(bytes(raw_query))
        start, end = _one_date(query, "from"), _one_date(query, "to")
        if start and end and end < start:
            raise BadRequest(f"'to' ({end}) is before 'from' ({start})")
        for value in (*query["series"], *query["kind"], *query["country"]):
            if not _VALUE_RE.fullmatch(value):
                raise BadRequest(f"{value[:40]!r} is not a series, kind or country code")
        for series in query["series"]:
            if series not in self.catalog.series:
                known = ", ".join(self.catalog.series)
                raise BadRequest(f"unknown series {series!r} (known: {known})")
        kinds = {k.value for k in EventKind}
        for kind in query["kind"]:
            if kind not in kinds:
                raise BadRequest(f"unknown kind {kind!r}")
        countries = tuple(sorted({c.upper() for c in query["country"]}))
        for country in countries:
            if not is_country(country):
                raise BadRequest(f"{country!r} is not an ISO 3166-1 alpha-2 country code")
        key = (query["series"], query["kind"], countries, start, end)
        cached = self._custom.get(key)
        if cached is not None:
            self._custom.move_to_end(key)
            return cached
        try:
            spec = custom_feed_spec(
                series=query["series"] or None,
                kind=query["kind"] or None,
                country=countries or None,
                start=start,
                end=end,
            )
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        res = Resource.of(
            render_feed(self.catalog, spec),
            CALENDAR,
            FEED_CACHE,
            _newest(spec.select(self.catalog)),
            _attachment(spec.name),
        )
        return _remember(self._custom, key, res, self.custom_cache_size)


def _remember(
    cache: OrderedDict[tuple[Any, ...], Resource], key: tuple[Any, ...], res: Resource, size: int
) -> Resource:
    cache[key] = res
    while len(cache) > size:
        cache.popitem(last=False)
    return res


def _attachment(name: str) -> tuple[tuple[str, str], ...]:
    # inline: a browser shows or hands the file to the calendar app; the name is for saving.
    safe = re.sub(r"[^A-Za-z0-9._-]", "-", name)[:80] or "calendar"
    return (("content-disposition", f'inline; filename="{safe}.ics"'),)


def _local_path(scope: Scope) -> str:
    """The request path below the mount point."""
    path = str(scope.get("path") or "/")
    root = str(scope.get("root_path") or "")
    # Servers differ on whether `path` includes `root_path`; accept both.
    if root and (path == root or path.startswith(root.rstrip("/") + "/")):
        path = path[len(root.rstrip("/")) :] or "/"
    return path


def _plain(status: int, message: str) -> tuple[int, list[tuple[str, str]], bytes]:
    body = (message + "\n").encode("utf-8", "replace")
    return (
        status,
        [
            ("content-type", TEXT),
            ("content-length", str(len(body))),
            ("cache-control", "no-store"),
            ("x-content-type-options", "nosniff"),
        ],
        body,
    )


def create_app(
    catalog: Catalog | None = None,
    *,
    clock: Clock,
    base_url: str | None = None,
    custom_cache_size: int = 128,
) -> FeedServer:
    """The ASGI app for ``catalog`` (default: the shipped catalogue).

    Args:
        catalog: The events to serve.
        clock: Returns "now" (an aware datetime); only the page's today marker uses it.
        base_url: The public root for subscribe links; by default each request's Host
            header, scheme and ``root_path`` (checked, so a forged Host cannot inject
            markup).
        custom_cache_size: How many custom feeds to keep rendered.

    Raises:
        FeedError: If a named feed cannot be built or ``base_url`` is unusable.
        SeedError: If the shipped catalogue is broken.
    """
    return FeedServer(
        catalog if catalog is not None else load_catalog(),
        clock=clock,
        base_url=base_url,
        custom_cache_size=custom_cache_size,
    )
