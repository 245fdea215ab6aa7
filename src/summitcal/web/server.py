"""The feed server: a plain ASGI application serving the page, the feeds and the data.

Routes (below the mount point, ``scope["root_path"]``)::

    /                   the HTML page (timeline, list, subscribe links); also /index.html
    /feeds/<name>.ics   every named feed of summitcal.feeds.feeds (all.ics among them)
    /feeds/custom.ics   ?series=..&kind=..&country=..&from=YYYY-MM-DD&to=YYYY-MM-DD
    /events.json        every event, as event_to_dict objects
    /events/<id>.ics    one dated event alone, as the static site writes it
    /assets/site.js     the page's script
    /timeline.svg       the timeline picture

What calendar clients rely on: ``text/calendar; charset=utf-8``; a strong ETag computed
from the bytes; a Last-Modified taken from the data (the newest revision among the
feed's events, never the clock) so it cannot go backwards while the data does not;
304 answers to If-None-Match and to If-Modified-Since (Apple sends only the latter);
HEAD; Cache-Control; gzip only for clients that accept it, with ``Vary: Accept-Encoding``.
Bad requests get a 400 with a one-line plain-text reason, unknown paths 404 and other
methods on a route 405 with ``Allow``; nothing on disk is reachable through a URL, since
every body is built in memory.

Every named feed and ``events.json`` are rendered once, when the app is created (or a
catalogue is swapped in by :meth:`FeedServer.reload`), and served from memory.  Custom
feeds, the page and the SVG are rendered on demand, off the event loop, by a
:class:`~summitcal.web.pool.RenderPool` within a time and size budget; past it, or
when its queue is full, the answer is 503 with Retry-After.  The page and the timeline
depend on "today", which comes from the injected ``clock``.

Example (uvicorn, or mount it in any ASGI framework)::

    app = create_app(load_catalog(), clock=lambda: datetime.now(UTC))
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Mapping
from datetime import datetime

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.criteria import Criteria
from summitcal.catalog.load import load_catalog
from summitcal.errors import BadRequest, SummitcalError
from summitcal.feeds.feeds import FeedSpec
from summitcal.web.http import (
    Receive,
    Reply,
    Resource,
    Scope,
    Send,
    accepts_gzip,
    conditional,
    declares_body,
    drain_body,
    lifespan,
    local_path,
    plain,
    request_headers,
    send_reply,
)
from summitcal.web.pool import Job, RenderPolicy, RenderPool
from summitcal.web.query import VALUE_RE, custom_query, one_date, usable_host
from summitcal.web.render import (
    RenderRefused,
    event_resource,
    events_resource,
    named_feeds,
    page_script,
)
from summitcal.web.site import SCRIPT_PATH, has_calendar

__all__ = ["FeedServer", "RenderPolicy", "Resource", "accepts_gzip", "create_app"]

Clock = Callable[[], datetime]

log = logging.getLogger(__name__)

ALLOW = "GET, HEAD"


@attrs.frozen
class _State:
    """One catalogue and everything served from it; replaced whole by a reload."""

    catalog: Catalog
    feeds: Mapping[str, Resource]
    events: Resource
    script: Resource
    pool: RenderPool
    #: Each event's calendar file, made when first asked for (a revalidation then costs
    #: a lookup, not a rendering).
    event_files: dict[str, Resource] = attrs.field(factory=dict)


def _build(catalog: Catalog, base_url: str | None, policy: RenderPolicy) -> _State:
    return _State(
        catalog,
        named_feeds(catalog, base_url),
        events_resource(catalog),
        page_script(),
        RenderPool(catalog, policy),
    )


# --- the app --------------------------------------------------------------------------


class FeedServer:
    """The ASGI application.  Build it with :func:`create_app`."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        clock: Clock,
        base_url: str | None = None,
        renders: RenderPolicy | None = None,
        body_timeout: float = 10.0,
    ) -> None:
        self.clock = clock
        self.base_url = base_url
        self.renders = renders or RenderPolicy()
        self.body_timeout = body_timeout
        # Checked (and the named feeds rendered) now, not per request.
        self.state = _build(catalog, base_url, self.renders)
        self._started = False
        self._reloading = False

    @property
    def catalog(self) -> Catalog:
        """The catalogue being served."""
        return self.state.catalog

    # ASGI entry point
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await lifespan(receive, send, self._startup, self._shutdown)
            return
        if kind != "http":  # websockets and anything newer: refuse politely
            if kind == "websocket":
                await send({"type": "websocket.close", "code": 1003})
            return
        try:
            reply = await drain_body(
                receive, timeout=self.body_timeout, expect_body=declares_body(scope)
            )
        except ConnectionAbortedError:
            return  # the client is gone (or the server refused its body): nothing to say
        if reply is None:
            try:
                reply = await self.respond(scope)
            except Exception:  # a bug; the client gets no detail, the log gets the traceback
                log.exception("error answering %s %s", scope.get("method"), scope.get("path"))
                reply = plain(500, "internal error")
        await send_reply(send, reply)

    async def _startup(self) -> None:
        self._started = True
        self.state.pool.start()

    async def _shutdown(self) -> None:
        self.close()

    def close(self) -> None:
        """Stop the render workers."""
        self.state.pool.close()

    async def respond(self, scope: Scope) -> Reply:
        """Status, headers and body for one HTTP request (the body already read)."""
        path = local_path(scope)
        method = scope.get("method", "GET")
        headers = request_headers(scope)
        state = self.state  # one catalogue for the whole request, even across a reload
        route = _route(state, path)
        reply = _answer(state, route, method, headers)
        if reply is not None:
            return reply
        # What is left is rendered by the pool: the page, the SVG and custom feeds.
        assert route is not None
        try:
            resource = await self._render(state, route, scope)
        except RenderRefused as exc:
            return plain(
                exc.status, f"unavailable: {exc.reason}", ("retry-after", str(exc.retry_after))
            )
        except SummitcalError as exc:  # ours, or the feeds layer refused the parameters
            return plain(400, f"bad request: {exc}")
        return _answered(method, resource, headers)

    def answer_now(self, method: str, path: str, headers: Mapping[str, str]) -> Reply | None:
        """The reply to a bodiless request that can be answered without waiting, or ``None``.

        Everything served from memory is answered here: the named feeds, ``events.json``,
        the script and the single-event files (each made the first time it is asked
        for), and every 404 and 405.  What the render pool makes (the page, the SVG and
        custom feeds) gives ``None``: it is answered through the ASGI entry point.  The
        HTTP protocol of :func:`~summitcal.web.run.serve` calls this as soon as a
        request's headers are parsed, so these replies cost no ASGI round trip; the
        answers are the same either way.

        Args:
            method: The request method.
            path: The path below the mount point (see :func:`~summitcal.web.http.local_path`).
            headers: Request headers by lower-case name (see
                :func:`~summitcal.web.http.request_headers`).
        """
        state = self.state
        return _answer(state, _route(state, path), method, headers)

    async def _render(self, state: _State, route: str, scope: Scope) -> Resource:
        """What the render pool makes for ``route``: a custom feed, the page or the SVG."""
        if route == "feed:custom":
            spec = self._custom_spec(state, bytes(scope.get("query_string", b"")))
            return await state.pool.render(("feed", spec.criteria.query), ("feed", spec))
        today = self.clock().date()
        base = self._base_url(scope) if route == "page" else ""
        job: Job = ("page", route, today, base)
        return await state.pool.render(job, job)

    # --- resources built on demand ----------------------------------------------------

    def _base_url(self, scope: Scope) -> str:
        if self.base_url is not None:
            return self.base_url
        host = request_headers(scope).get("host", "")
        if not usable_host(host):
            server = scope.get("server") or ("localhost", None)
            host = str(server[0]) + (f":{server[1]}" if server[1] else "")
            if not usable_host(host):
                host = "localhost"
        scheme = "https" if scope.get("scheme") == "https" else "http"
        root = str(scope.get("root_path") or "")
        if not re.fullmatch(r"(/[A-Za-z0-9._~-]+)*/?", root):
            root = ""
        return f"{scheme}://{host}{root.rstrip('/')}/"

    def _custom_spec(self, state: _State, raw_query: bytes) -> FeedSpec:
        """The custom feed a query string asks for.

        Raises:
            BadRequest: For a query string that is malformed (see
                :func:`~summitcal.web.query.custom_query`).
            QueryError: For criteria that name nothing real (a 400 as well).
        """
        from summitcal.feeds.feeds import custom_feed_spec

        query = custom_query(raw_query)
        start, end = one_date(query, "from"), one_date(query, "to")
        for value in (*query["series"], *query["kind"], *query["country"]):
            if not VALUE_RE.fullmatch(value):
                raise BadRequest(f"{value[:40]!r} is not a series, kind or country code")
        Criteria.parse({"series": query["series"]}).check_series(state.catalog.series)
        countries = tuple(sorted({c.upper() for c in query["country"]}))
        return custom_feed_spec(
            series=query["series"] or None,
            kind=query["kind"] or None,
            country=countries or None,
            start=start,
            end=end,
        )

    # --- swapping in a new catalogue --------------------------------------------------

    async def reload(self, load: Callable[[], Catalog]) -> bool:
        """Load a catalogue with ``load`` and serve it, if it loads and renders cleanly.

        The loading and rendering run in a thread; requests keep being answered from the
        current catalogue until the new one is complete, then switch at once.  A failure
        is logged as one line and changes nothing.  Returns whether a new catalogue is
        now served (``False`` also when it equals the current one).
        """
        if self._reloading:
            log.warning("a reload is already running; this one is skipped")
            return False
        self._reloading = True
        old = self.state
        try:
            new = await asyncio.to_thread(self._load, load, old)
        except Exception as exc:  # whatever the loader raises, the server keeps serving
            log.error(
                "reload failed; still serving the previous catalogue (%d events): %s",
                len(old.catalog),
                _one_line(exc),
            )
            return False
        finally:
            self._reloading = False
        if new is None:
            log.info("reload: the catalogue is unchanged (%d events)", len(old.catalog))
            return False
        self.state = new
        if self._started:
            new.pool.start()
        old.pool.close()
        log.info("reloaded the catalogue: %d events (was %d)", len(new.catalog), len(old.catalog))
        return True

    def _load(self, load: Callable[[], Catalog], old: _State) -> _State | None:
        catalog = load()
        if catalog == old.catalog:
            return None
        return _build(catalog, self.base_url, self.renders)


def _route(state: _State, path: str) -> str | None:
    """The route ``path`` names, if any: ``feed:`` or ``event:`` and a name, or a word."""
    if path.startswith("/feeds/") and path.endswith(".ics"):
        name = path[len("/feeds/") : -len(".ics")]
        return "feed:" + name if name == "custom" or name in state.feeds else None
    if path in ("/", "/index.html"):
        return "page"
    if path == "/timeline.svg":
        return "svg"
    if path == "/events.json":
        return "events"
    if path == "/" + SCRIPT_PATH:
        return "script"
    if path.startswith("/events/") and path.endswith(".ics"):
        event_id = path[len("/events/") : -len(".ics")]
        catalog = state.catalog
        if event_id in catalog and has_calendar(catalog.get(event_id)):
            return "event:" + event_id
    return None


def _answer(
    state: _State, route: str | None, method: str, headers: Mapping[str, str]
) -> Reply | None:
    """The reply to a request for ``route`` (see :func:`_route`) when nothing need be
    rendered for it, else ``None``."""
    if route is None:
        return plain(404, "not found")
    if method not in ("GET", "HEAD"):
        return plain(405, f"method {method[:20]} not allowed", ("allow", ALLOW))
    resource = _in_memory(state, route)
    return None if resource is None else _answered(method, resource, headers)


def _in_memory(state: _State, route: str) -> Resource | None:
    """The resource ``route`` names if it is served from memory, else ``None``."""
    if route.startswith("feed:"):
        return state.feeds.get(route[len("feed:") :])  # None for custom: rendered
    if route == "events":
        return state.events
    if route == "script":
        return state.script
    if route.startswith("event:"):  # one small event: rendered here, in about a ms, once
        event_id = route[len("event:") :]
        found = state.event_files.get(event_id)
        if found is None:
            found = event_resource(state.catalog, state.catalog.get(event_id))
            state.event_files[event_id] = found
        return found
    return None


def _answered(method: str, resource: Resource, headers: Mapping[str, str]) -> Reply:
    status, reply_headers, body = conditional(resource, headers)
    return status, reply_headers, b"" if method == "HEAD" else body


def _one_line(exc: BaseException) -> str:
    errors = getattr(exc, "errors", None)  # several seed errors: the first, and how many
    if isinstance(errors, tuple) and len(errors) > 1:
        return f"{errors[0]} (and {len(errors) - 1} more)"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, SummitcalError | OSError) else f"{type(exc).__name__}: {text}"


def create_app(
    catalog: Catalog | None = None,
    *,
    clock: Clock,
    base_url: str | None = None,
    custom_cache_size: int | None = None,
    renders: RenderPolicy | None = None,
) -> FeedServer:
    """The ASGI app for ``catalog`` (default: the shipped catalogue).

    Args:
        catalog: The events to serve.
        clock: Returns "now" (an aware datetime); only the page's today marker uses it.
        base_url: The public root for subscribe links; by default each request's Host
            header, scheme and ``root_path`` (checked, so a forged Host cannot inject
            markup).
        custom_cache_size: How many on-demand renders to keep (overrides
            ``renders.cache_entries``).
        renders: How custom feeds, the page and the SVG are rendered off the event loop
            (worker processes by default); see :class:`RenderPolicy`.

    Raises:
        FeedError: If a named feed cannot be built or ``base_url`` is unusable.
        SeedError: If the shipped catalogue is broken.
    """
    policy = renders or RenderPolicy()
    if custom_cache_size is not None:
        policy = attrs.evolve(policy, cache_entries=custom_cache_size)
    return FeedServer(
        catalog if catalog is not None else load_catalog(),
        clock=clock,
        base_url=base_url,
        renders=policy,
    )
