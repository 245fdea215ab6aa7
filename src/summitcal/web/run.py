"""Running the feed server under uvicorn: connection limits, quiet refusals, reloads.

uvicorn (0.55, with its h11 or its httptools protocol) limits neither the time a client
may take to send its request headers nor, for httptools, their size, and its
``limit_concurrency`` cannot help against idle connections:
:func:`~summitcal.web.guard.guarded_protocol` adds a header deadline, a cap on open
connections and the head-size limit (:mod:`summitcal.web.guard` says how).  Refusals are
logged once, with a count, at most every ``log_every`` seconds
(:class:`~summitcal.web.guard.RateLimitedLog`); so is the event loop's "out of file
descriptors" accept error, which asyncio otherwise logs with a traceback for every try,
many times a second.

Either protocol works: httptools (a C parser) when it is installed, which with uvloop
serves the full feed about twice as fast as h11 (docs/server.md).

:func:`serve` runs a :class:`~summitcal.web.server.FeedServer` with these limits, and
reloads its catalogue on SIGHUP and, if asked, every ``reload_interval`` seconds when
the watched seed files change.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitcal.catalog.catalog import Catalog
from summitcal.web.guard import ConnectionLimits, RateLimitedLog, guarded_protocol

if TYPE_CHECKING:
    import uvicorn

    from summitcal.web.server import FeedServer

__all__ = [
    "HTTP_PROTOCOLS",
    "ConnectionLimits",
    "RateLimitedLog",
    "event_loop_factory",
    "guarded_protocol",
    "http_protocol",
    "seed_fingerprint",
    "serve",
    "uvicorn_config",
]

log = logging.getLogger("summitcal.web.server")
ACCEPT_ERROR = "socket.accept() out of system resource"

#: The HTTP protocols :func:`guarded_protocol` wraps; "auto" is httptools when importable.
HTTP_PROTOCOLS = ("auto", "h11", "httptools")


def http_protocol(choice: str = "auto") -> str:
    """The uvicorn HTTP protocol ``choice`` names: ``"auto"`` is ``"httptools"`` (its C
    parser, about twice as fast) when it is installed, else ``"h11"`` (pure Python).

    Raises:
        ValueError: For a name not in :data:`HTTP_PROTOCOLS`.
        ImportError: For ``"httptools"`` when it is not installed.
    """
    if choice not in HTTP_PROTOCOLS:
        raise ValueError(f"unknown HTTP protocol {choice!r} (one of {', '.join(HTTP_PROTOCOLS)})")
    if choice == "h11":
        return choice
    try:
        import httptools  # noqa: F401 - only to know it is there
    except ImportError:
        if choice == "httptools":
            raise
        return "h11"
    return "httptools"


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop when it is installed (what uvicorn's ``loop="auto"`` picks),
    else ``None`` (asyncio's own)."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def uvicorn_config(
    app: Any,
    *,
    host: str,
    port: int,
    limits: ConnectionLimits,
    log_level: str = "info",
    http: str = "auto",
    access_log: bool = False,
    direct: bool = True,
) -> uvicorn.Config:
    """The uvicorn configuration for ``app`` under ``limits``.

    ``http`` is ``"auto"``, ``"h11"`` or ``"httptools"`` (see :func:`http_protocol`);
    ``access_log`` turns on uvicorn's line per request, which costs about three quarters
    of the 304s and half the full feeds served a second (docs/server.md).  With
    ``direct``, an ``app`` with an ``answer_now`` method (a
    :class:`~summitcal.web.server.FeedServer`) has what it serves from memory answered
    straight from the httptools parser (:mod:`summitcal.web.direct`); without, every
    request goes through ASGI.
    """
    import copy

    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    # uvicorn's own log set-up, with our logger beside its own (same handler and format).
    log_config = copy.deepcopy(LOGGING_CONFIG)
    log_config["loggers"]["summitcal"] = {"handlers": ["default"], "level": "INFO"}
    refusals = RateLimitedLog(limits.log_every)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(
            limits,
            refusals,
            http_protocol(http),
            getattr(app, "answer_now", None) if direct else None,
        ),
        lifespan="on",
        log_config=log_config,
        log_level=log_level,
        access_log=access_log,
        timeout_keep_alive=limits.keep_alive_timeout,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        backlog=limits.backlog,
    )


def quiet_accept_errors(loop: asyncio.AbstractEventLoop, refusals: RateLimitedLog) -> None:
    """Log the loop's out-of-descriptors accept errors rate-limited, without tracebacks."""

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") == ACCEPT_ERROR:
            exc = context.get("exception")
            refusals.note(f"cannot accept connections: {getattr(exc, 'strerror', exc)}")
            return
        if _late_accept_retry(context):
            # After an accept error asyncio retries accepting a second later; a server
            # closed meanwhile leaves that retry a closed socket (fd -1). Nothing is lost.
            log.debug("accept retry after the server closed: %s", context.get("exception"))
            return
        loop.default_exception_handler(context)

    loop.set_exception_handler(handler)


def _late_accept_retry(context: dict[str, Any]) -> bool:
    """Whether ``context`` is asyncio's accept retry failing on a socket already closed."""
    handle = context.get("handle")
    callback = getattr(handle, "_callback", None)
    return isinstance(context.get("exception"), ValueError) and (
        getattr(callback, "__name__", "") == "_start_serving"
    )


def seed_fingerprint(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every catalogue file under ``paths``.

    A change in any of them (or a file added or removed) changes the fingerprint; a path
    that cannot be read gives an entry of its own, so a deleted directory counts too.
    """
    out: list[tuple[str, int, int]] = []
    for base in paths:
        try:
            files = sorted(base.glob("*.toml")) if base.is_dir() else [base]
            for file in files:
                st = file.stat()
                out.append((str(file), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(base), -1, -1))
    return tuple(out)


async def _watch(
    app: FeedServer, load: Callable[[], Catalog], paths: Sequence[Path], every: float
) -> None:
    seen = seed_fingerprint(paths)
    while True:
        await asyncio.sleep(every)
        now = seed_fingerprint(paths)
        if now != seen:
            seen = now  # a broken edit is reported once, not at every look
            log.info("the seed files changed; reloading")
            await app.reload(load)


async def serve(
    app: FeedServer,
    config: uvicorn.Config,
    *,
    load: Callable[[], Catalog] | None = None,
    watch: Sequence[Path] = (),
    reload_interval: float | None = None,
) -> None:
    """Serve ``app`` with uvicorn until it is stopped (SIGINT or SIGTERM).

    Args:
        app: The feed server.
        config: From :func:`uvicorn_config`.
        load: Loads the catalogue afresh; with it, SIGHUP reloads (where signals exist).
        watch: Seed files and directories whose changes trigger a reload.
        reload_interval: Seconds between two looks at ``watch``; ``None``: never look.
    """
    import uvicorn

    loop = asyncio.get_running_loop()
    quiet_accept_errors(loop, RateLimitedLog(10.0))
    tasks: set[asyncio.Task[Any]] = set()

    def reload_now() -> None:
        assert load is not None
        log.info("SIGHUP: reloading the catalogue")
        task = loop.create_task(app.reload(load))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    if load is not None and hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, reload_now)
    if load is not None and reload_interval is not None:
        tasks.add(loop.create_task(_watch(app, load, watch, reload_interval)))
    http = getattr(config.http, "http_name", config.http)
    event_loop = "uvloop" if type(loop).__module__.startswith("uvloop") else "asyncio"
    access = "on" if config.access_log else "off"
    # Direct replies need httptools and stand aside for the access log (summitcal.web.direct).
    direct = "on" if getattr(config.http, "_answer_now", ()) and not config.access_log else "off"
    log.info(
        "HTTP protocol %s, event loop %s, access log %s, direct replies %s",
        http,
        event_loop,
        access,
        direct,
    )
    try:
        await uvicorn.Server(config).serve()
    finally:
        for task in tasks:
            task.cancel()
        if load is not None and hasattr(signal, "SIGHUP"):
            loop.remove_signal_handler(signal.SIGHUP)
        app.close()
