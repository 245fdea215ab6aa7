"""The connection guard of the feed server: a header deadline, a cap on open connections
and, for httptools, a limit on the size of a request head, over uvicorn's protocols.

uvicorn (0.55, with its h11 or its httptools protocol) limits idle time *between*
requests (``timeout_keep_alive``) but not the time a client may take to send its request
headers: a connection that sends half a request line and then nothing is held forever,
and data that trickles in resets no timer we could use.  Its ``limit_concurrency`` is
checked only once headers are complete, so it cannot help against such connections
either (it would answer 503 to the legitimate requests instead).  So
:func:`guarded_protocol` subclasses uvicorn's protocol class, which
``uvicorn.Config(http=...)`` accepts, to add, independently of the application:

* a header deadline: a request's headers must be complete within ``header_timeout``
  seconds of the connection opening (or of the previous response ending), however the
  bytes trickle in; past it the connection is closed;
* a cap on open connections: past ``max_connections``, the connection that has waited
  longest for its request headers is closed to make room (so that a flood of idle
  connections cannot lock legitimate clients out), or the new one if all are busy.

Each kind of refusal is logged once, with a count, at most every ``log_every`` seconds
(:class:`RateLimitedLog`; :func:`summitcal.web.run.quiet_accept_errors` logs the event
loop's "out of file descriptors" accept error the same way).
The default cap stays below the process's open-file limit, so that it refuses first.
uvicorn limits the size of an incomplete request head for h11 only
(``h11_max_incomplete_event_size``); the httptools protocol gets the same limit here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, ClassVar

import attrs

__all__ = ["ConnectionLimits", "RateLimitedLog", "guarded_protocol"]

log = logging.getLogger("summitcal.web.server")

#: Descriptors kept free beside the connections: listening socket, log files, workers' pipes.
FD_RESERVE = 64


def _default_cap() -> int:
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 1000
    if soft == resource.RLIM_INFINITY:
        return 1000
    return max(16, min(1000, soft - FD_RESERVE))


@attrs.frozen
class ConnectionLimits:
    """Limits on the connections ``serve`` accepts.

    Attributes:
        header_timeout: Seconds a connection has to complete a request's headers, from
            its opening or from the end of the previous response.
        keep_alive_timeout: Seconds an idle keep-alive connection is kept (uvicorn's
            ``timeout_keep_alive``).
        max_connections: Most connections open at once (default: 1,000, or fewer to stay
            64 below the open-file limit).
        max_header_bytes: Most bytes of a request head still incomplete (uvicorn's
            ``h11_max_incomplete_event_size`` for h11, our own count for httptools);
            past it the answer is 400 and the connection is closed.
        backlog: Connections the kernel may queue before they are accepted.
        log_every: Seconds between two log lines about the same kind of refusal.
    """

    header_timeout: float = attrs.field(default=10.0, validator=attrs.validators.gt(0))
    keep_alive_timeout: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    max_connections: int = attrs.field(factory=_default_cap, validator=attrs.validators.ge(1))
    max_header_bytes: int = attrs.field(default=16384, validator=attrs.validators.ge(1024))
    backlog: int = attrs.field(default=256, validator=attrs.validators.ge(1))
    log_every: float = attrs.field(default=10.0, validator=attrs.validators.ge(0))


class RateLimitedLog:
    """Logs a recurring event once, then at most once every ``every`` seconds with a count.

    Times come from ``now`` (the event loop's monotonic clock, by default).
    """

    def __init__(self, every: float, now: Callable[[], float] | None = None) -> None:
        self.every = every
        self._now = now
        self._last: dict[str, float] = {}
        self._count: dict[str, int] = {}

    def note(self, message: str) -> None:
        now = self._now() if self._now else asyncio.get_running_loop().time()
        last = self._last.get(message)
        if last is not None and now - last < self.every:
            self._count[message] = self._count.get(message, 0) + 1
            return
        more = self._count.pop(message, 0)
        suffix = f" ({more} more since the last report)" if more else ""
        log.warning("%s%s", message, suffix)
        self._last[message] = now


class _Guard(asyncio.Protocol):
    """The header deadline and the connection cap, over either uvicorn HTTP protocol.

    Mixed in before the protocol class, which provides what is declared below; the
    protocol says, in :meth:`_awaiting_head`, whether a request head is still pending.
    """

    # Shared by every connection of one server, set by guarded_protocol.
    _limits: ClassVar[ConnectionLimits]
    _refusals: ClassVar[RateLimitedLog]
    # Connections waiting for request headers (new or idle), the longest-waiting first.
    _waiting: ClassVar[dict[_Guard, None]]
    #: Which uvicorn protocol this is ("h11" or "httptools").
    http_name: ClassVar[str]

    # Provided by the uvicorn protocol.
    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    connections: set[Any]

    _deadline: asyncio.TimerHandle | None = None

    def _awaiting_head(self) -> bool:
        raise NotImplementedError

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        limits = self._limits
        if len(self.connections) > limits.max_connections:
            victim = next(iter(self._waiting), None)
            if victim is None:
                self._refusals.note(
                    f"refused a connection: {limits.max_connections} connections are busy"
                )
                self.transport.abort()
                return
            self._refusals.note(
                f"{limits.max_connections} connections open: closed the one that had "
                "waited longest for its request"
            )
            victim._stop_waiting()
            victim.transport.abort()
        self._track()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._track()

    def on_response_complete(self) -> None:
        # The deadline for the next request starts now.  A request answered within the
        # read that brought it (summitcal.web.direct) never stopped the one before.
        self._stop_waiting()
        super().on_response_complete()  # type: ignore[misc]
        self._track()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def _track(self) -> None:
        if not self._awaiting_head():
            self._stop_waiting()
        elif self._deadline is None and not self.transport.is_closing():
            self._deadline = self.loop.call_later(self._limits.header_timeout, self._too_slow)
            self._waiting[self] = None

    def _stop_waiting(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
            self._waiting.pop(self, None)

    def _too_slow(self) -> None:
        self._deadline = None
        self._waiting.pop(self, None)
        self._refusals.note(
            "closed a connection that sent no complete request in "
            f"{self._limits.header_timeout:g} s"
        )
        self.transport.close()


class _HeadSizeLimit(_Guard):
    """The request-head size limit for uvicorn's httptools protocol, which uvicorn
    applies to h11 only: mixed in before :class:`_Guard` and the protocol class."""

    # Provided by the httptools protocol.
    cycle: Any
    send_400_response: Callable[[str], None]

    # Bytes received since a request head began, while it is incomplete.
    _head_bytes = 0
    _in_head = False

    def _awaiting_head(self) -> bool:
        # httptools makes a new cycle once a head is complete (on_headers_complete),
        # so a head is pending while the latest cycle is answered (or none yet).
        return self.cycle is None or self.cycle.response_complete

    def on_message_begin(self) -> None:
        super().on_message_begin()  # type: ignore[misc]
        self._in_head = True
        self._head_bytes = 0

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()  # type: ignore[misc]

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._in_head:
            return
        # Counted by whole reads: a head begun late in a read counts that read
        # whole (the size h11 limits is likewise that of its unparsed buffer).
        self._head_bytes += len(data)
        limits = self._limits
        if self._head_bytes > limits.max_header_bytes and not self.transport.is_closing():
            self._stop_waiting()
            self._refusals.note(f"refused a request head over {limits.max_header_bytes} bytes")
            if self._awaiting_head():
                self.send_400_response("Request head too large.")
            else:  # a pipelined head behind a response under way: no room to say so
                self.transport.close()


def guarded_protocol(
    limits: ConnectionLimits,
    refusals: RateLimitedLog,
    http: str = "h11",
    answer_now: Callable[..., Any] | None = None,
) -> type[asyncio.Protocol]:
    """uvicorn's ``http`` protocol ("h11" or "httptools") with a header deadline and a
    connection cap (see above); with httptools, also the request-head size limit, which
    uvicorn applies to h11 only, and, given ``answer_now``
    (:meth:`~summitcal.web.server.FeedServer.answer_now`), the replies written straight
    from the parser of :mod:`summitcal.web.direct`."""
    waiting: dict[_Guard, None] = {}
    if http == "h11":
        import h11
        from uvicorn.protocols.http.h11_impl import H11Protocol

        class Guarded(_Guard, H11Protocol):
            def _awaiting_head(self) -> bool:
                # h11 has not seen a whole request head, and no response is under way.
                return self.conn.their_state is h11.IDLE and (
                    self.cycle is None or self.cycle.response_complete
                )

    elif http == "httptools":
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        from summitcal.web.direct import DirectReplies

        class Guarded(_HeadSizeLimit, DirectReplies, HttpToolsProtocol):  # type: ignore[no-redef]
            _answer_now = () if answer_now is None else (answer_now,)

    else:
        raise ValueError(f"no guarded protocol for {http!r}")
    Guarded._limits = limits
    Guarded._refusals = refusals
    Guarded._waiting = waiting
    Guarded.http_name = http
    return Guarded
