"""Domain-free HTTP plumbing for a plain ASGI application.

What the feed server needs from HTTP and nothing about calendars: a :class:`Resource`
(a body with its gzip form and strong ETags), the conditional-GET rules that answer it
(:func:`conditional`), plain-text error replies (:func:`plain`), reading request headers
defensively (:func:`request_headers`), draining a request body within limits
(:func:`drain_body`), sending a reply (:func:`send_reply`) and acknowledging lifespan
messages (:func:`lifespan`).

A reply is a ``(status, headers, body)`` tuple with ``str`` headers, so that routing code
can be tested without an event loop.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import hashlib
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

import attrs

__all__ = [
    "MAX_BODY",
    "MAX_HEADER",
    "TEXT",
    "Reply",
    "Resource",
    "accepts_gzip",
    "conditional",
    "declares_body",
    "drain_body",
    "lifespan",
    "local_path",
    "plain",
    "request_headers",
    "send_reply",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Reply = tuple[int, list[tuple[str, str]], bytes]

TEXT = "text/plain; charset=utf-8"
#: Longest header value read; longer ones (such as a giant If-None-Match) are ignored.
MAX_HEADER = 8192
#: Most request-body bytes read (and thrown away: no route takes a body).
MAX_BODY = 65536


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


def request_headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name; repeats joined by commas, oversized ones dropped."""
    out: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers") or ():
        if len(raw_value) > MAX_HEADER:
            continue
        name = bytes(raw_name).decode("latin-1").lower()
        value = bytes(raw_value).decode("latin-1")
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def local_path(scope: Scope) -> str:
    """The request path below the mount point (``scope["root_path"]``)."""
    path = str(scope.get("path") or "/")
    root = str(scope.get("root_path") or "")
    # Servers differ on whether `path` includes `root_path`; accept both.
    if root and (path == root or path.startswith(root.rstrip("/") + "/")):
        path = path[len(root.rstrip("/")) :] or "/"
    return path


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


@functools.lru_cache(maxsize=256)
def _http_date(moment: datetime) -> str:
    """``moment`` as an HTTP date (a Last-Modified value), formatted once per value."""
    return format_datetime(moment, usegmt=True)


def _not_modified_since(if_modified_since: str, last_modified: datetime | None) -> bool:
    if last_modified is None:
        return False
    if if_modified_since == _http_date(last_modified):
        return True  # the common case: our own Last-Modified sent back, no date to parse
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False  # an unreadable date is ignored, as RFC 9110 says
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified <= since


def conditional(res: Resource, request: Mapping[str, str]) -> Reply:
    """The 200 or 304 reply to a GET of ``res``, given the request's headers.

    If-None-Match takes precedence over If-Modified-Since; gzip is chosen by
    Accept-Encoding and always announced with ``Vary``.
    """
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
        headers.append(("last-modified", _http_date(res.last_modified)))
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


def plain(status: int, message: str, *extra: tuple[str, str]) -> Reply:
    """A one-line plain-text reply, never cached."""
    body = (message + "\n").encode("utf-8", "replace")
    headers = [
        ("content-type", TEXT),
        ("content-length", str(len(body))),
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        *extra,
    ]
    return status, headers, body


def declares_body(scope: Scope) -> bool:
    """Whether the request says a body follows (a Content-Length other than 0, or a
    Transfer-Encoding); without either, HTTP/1.1 has none (RFC 9112, 6.3)."""
    for raw_name, raw_value in scope.get("headers") or ():
        name = bytes(raw_name).lower()
        if name == b"transfer-encoding" or (
            name == b"content-length" and bytes(raw_value).strip() != b"0"
        ):
            return True
    return False


async def drain_body(
    receive: Receive, *, limit: int = MAX_BODY, timeout: float, expect_body: bool = True
) -> Reply | None:
    """Read and discard the request body before answering.

    Answering before the body is read lets the server meet a broken body (a malformed
    chunk, say) after the reply has begun, and then fail inside our ``send``; reading it
    first lets the server answer 400 itself and tell us the client is gone.  A request
    that declares no body (``expect_body`` false, see :func:`declares_body`) is complete
    when it reaches the app, and is read without the timer: most of the cost of a 304.

    Returns:
        ``None`` when the body was read; a 413 or 408 reply (closing the connection) for a
        body over ``limit`` bytes or one not complete within ``timeout`` seconds.

    Raises:
        ConnectionAbortedError: When the client disconnected (nothing should be sent).
    """
    seen = 0

    async def read() -> Reply | None:
        nonlocal seen
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ConnectionAbortedError("the client disconnected")
            seen += len(message.get("body", b""))
            if seen > limit:
                return plain(413, f"a request body is limited to {limit} bytes", _CLOSE)
            if not message.get("more_body", False):
                return None

    if not expect_body:
        return await read()
    try:
        # A timer around the reads, not wait_for: no task per request (a GET's one
        # receive() is answered at once).
        async with asyncio.timeout(timeout):
            return await read()
    except TimeoutError:
        return plain(408, f"the request body did not arrive within {timeout:g} s", _CLOSE)


_CLOSE = ("connection", "close")


async def send_reply(send: Send, reply: Reply) -> None:
    """Send ``reply`` as one start and one body message."""
    status, headers, body = reply
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def lifespan(
    receive: Receive,
    send: Send,
    startup: Callable[[], Awaitable[None]],
    shutdown: Callable[[], Awaitable[None]],
) -> None:
    """Answer the lifespan protocol, running ``startup`` and ``shutdown`` at their turn."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await startup()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await shutdown()
            await send({"type": "lifespan.shutdown.complete"})
            return
