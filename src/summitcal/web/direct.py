"""Answering from memory straight from the HTTP parser, for uvicorn's httptools protocol.

Most of what a calendar client costs the server is the ASGI round trip, not the answer:
for a 304 revalidation of ``/feeds/all.ics`` the app's own work is a dictionary lookup
and an ETag comparison, while uvicorn builds a request-response cycle, an event and a
task, and the app awaits the (empty) body and sends two messages.  :class:`DirectReplies`
skips all that for requests the app can answer at once
(:meth:`~summitcal.web.server.FeedServer.answer_now`: the named feeds, ``events.json``,
single-event files, the script, 404 and 405): as soon as httptools has parsed a
request's headers, the reply is written to the socket, status line, uvicorn's default
headers (``server``, ``date``) and the app's headers and body, as uvicorn would write
them.  Everything else takes the ASGI path unchanged:

* requests that declare a body (the app reads it first, within its limits), upgrades,
  and those that send ``Expect: 100-continue`` (uvicorn answers the interim 100);
* requests behind a response still under way (pipelining keeps its order) or while the
  socket's write buffer is full (the ASGI path waits for the client to read);
* paths with percent-escapes or bytes beyond ASCII (uvicorn decodes those);
* everything when uvicorn's access log is on (it is the one that writes the lines);
* the page, the SVG and custom feeds, which the render pool makes.

The h11 protocol, the pure-Python fallback, always takes the ASGI path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE

from summitcal.web.http import Reply, declares_body, local_path, plain, request_headers

__all__ = ["Answer", "DirectReplies"]

log = logging.getLogger("summitcal.web.server")

#: ``FeedServer.answer_now``: (method, path below the mount point, request headers) to a
#: reply, or ``None`` for the ASGI path.
Answer = Callable[[str, str, Mapping[str, str]], Reply | None]


class _NoEvent:
    def set(self) -> None:
        pass


class _Answered:
    """Stands in uvicorn's ``protocol.cycle`` for a request answered directly: complete,
    with nothing waiting on it (so the parser's later callbacks and a lost connection
    leave it alone, as they leave a finished cycle)."""

    response_complete = True
    message_event = _NoEvent()


ANSWERED = _Answered()


class DirectReplies:
    """Mixed in before uvicorn's ``HttpToolsProtocol``: answers what ``_answer_now``
    can answer when the request's headers are complete (see the module's docstring)."""

    #: Set by :func:`~summitcal.web.guard.guarded_protocol`: the app's ``answer_now``, or
    #: nothing (always ASGI).  In a tuple, since a function kept on a class would be
    #: bound to each connection as a method.
    _answer_now: ClassVar[tuple[Answer, ...]] = ()

    # Provided by uvicorn's HttpToolsProtocol.
    access_log: bool
    cycle: Any
    expect_100_continue: bool
    flow: Any
    headers: list[tuple[bytes, bytes]]
    parser: Any
    root_path: str
    server_state: Any
    transport: Any
    url: bytes
    _unset_keepalive_if_required: Callable[[], None]
    on_response_complete: Callable[[], None]

    def on_headers_complete(self) -> None:
        # A keep-alive timer armed by a request answered earlier in the same read
        # must not run out while this one is answered the long way.
        self._unset_keepalive_if_required()
        if not self._answered_directly():
            super().on_headers_complete()  # type: ignore[misc]

    def _answered_directly(self) -> bool:
        cycle = self.cycle
        if (
            not self._answer_now
            or self.access_log
            or (cycle is not None and not cycle.response_complete)
            or self.flow.write_paused
            or self.transport.is_closing()
            or self.parser.should_upgrade()
            or self.expect_100_continue  # uvicorn answers "100 Continue" first
            or declares_body({"headers": self.headers})
        ):
            return False
        path = _plain_path(self.url)
        if path is None:
            return False
        root = self.root_path
        method = self.parser.get_method().decode("ascii")
        try:
            reply = self._answer_now[0](
                method,
                local_path({"path": root + path, "root_path": root}),
                request_headers({"headers": self.headers}),
            )
        except Exception:  # a bug: as the ASGI path, the client gets no detail, the log all
            log.exception("error answering %s %s", method, path)
            reply = plain(500, "internal error")
        if reply is None:
            return False
        if method == "HEAD":  # no body, whatever the reply (a 404's too), as uvicorn sends
            reply = (reply[0], reply[1], b"")
        keep_alive = self.parser.get_http_version() != "1.0" and self.parser.should_keep_alive()
        keep_alive = self._write(reply, keep_alive)
        self.cycle = ANSWERED
        if not keep_alive:
            self.transport.close()
        self.on_response_complete()
        return True

    def _write(self, reply: Reply, keep_alive: bool) -> bool:
        """Write ``reply`` as uvicorn would; whether the connection stays open."""
        status, headers, body = reply
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += (name, b": ", value, b"\r\n")
        says_close = False
        for name, value in headers:
            if name == "connection" and "close" in _tokens(value):
                keep_alive, says_close = False, True
            head += (name.encode("latin-1"), b": ", value.encode("latin-1"), b"\r\n")
        if not keep_alive and not says_close:
            head.append(b"connection: close\r\n")
        head.append(b"\r\n")
        self.transport.writelines((b"".join(head), body) if body else (b"".join(head),))
        return keep_alive


def _tokens(value: str) -> list[str]:
    return [token.strip().lower() for token in value.split(",")]


def _plain_path(url: bytes) -> str | None:
    """The path of a request target when it needs no decoding (no escapes, ASCII only)."""
    try:
        raw = httptools.parse_url(url).path
    except httptools.HttpParserInvalidURLError:
        return None
    if raw is None or b"%" in raw or not raw.isascii():
        return None
    return raw.decode("ascii")
