"""Connection-level behaviour under a real uvicorn on 127.0.0.1: deadlines, caps, bad bodies.

Every test that runs a server runs it twice: with uvicorn's h11 protocol and with its
httptools one (both installed by the test extra), each wrapped by guarded_protocol.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from summitcal import load_catalog
from summitcal.web.run import ConnectionLimits, RateLimitedLog, quiet_accept_errors
from summitcal.web.server import FeedServer, RenderPolicy, create_app
from tests.web.test_server import NOW, SITE_SEEDS

pytest.importorskip("uvicorn")


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        return "\n".join(
            record.getMessage() + (" TRACEBACK" if record.exc_info else "")
            for record in self.records
        )


class Running:
    """uvicorn serving the app in a thread, on a free loopback port."""

    def __init__(
        self, limits: ConnectionLimits, http: str, direct: bool = True, access_log: bool = False
    ) -> None:
        import uvicorn

        from summitcal.web.run import guarded_protocol, uvicorn_config

        self.app: FeedServer = create_app(
            load_catalog(SITE_SEEDS), clock=lambda: NOW, renders=RenderPolicy(mode="thread")
        )
        self.http = http
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn_config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            limits=limits,
            http=http,
            access_log=access_log,
        )
        assert config.http.http_name == http
        if not direct:  # every request through the ASGI app
            config.http = guarded_protocol(limits, RateLimitedLog(10), http)
        if not access_log:
            # uvicorn logs a request whenever its access logger has a handler, and pytest
            # hangs its capture handler on every logger that does not propagate: keep the
            # protocol's flag to what the configuration says, as outside the tests.
            config.http = type(
                "WithoutAccessLog",
                (config.http,),
                {"access_log": property(lambda self: False, lambda self, value: None)},
            )
        self.log = Records()
        for name in ("uvicorn.error", "summitcal"):
            logging.getLogger(name).addHandler(self.log)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.server.started

    def connect(self, data: bytes = b"") -> socket.socket:
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        if data:
            s.sendall(data)
        return s

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
        for name in ("uvicorn.error", "summitcal"):
            logging.getLogger(name).removeHandler(self.log)


@pytest.fixture(params=["h11", "httptools"])
def serve(request: pytest.FixtureRequest) -> Iterator[Any]:
    running: list[Running] = []

    def start(**limits: Any) -> Running:
        running.append(Running(ConnectionLimits(**limits), request.param))
        return running[-1]

    yield start
    for r in running:
        r.stop()


def closed_by_server(s: socket.socket, within: float) -> bool:
    s.settimeout(within)
    try:
        while s.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionError:
        pass
    return True


def get(r: Running, path: str = "/feeds/all.ics") -> bytes:
    with r.connect(f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode()) as s:
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_connections_that_never_finish_their_headers_are_closed(serve: Any) -> None:
    r = serve(header_timeout=0.3)
    idle = [r.connect(b"GET /feeds/all.ics HTTP/1.1\r\nHo") for _ in range(30)]
    silent = [r.connect() for _ in range(10)]
    t0 = time.monotonic()
    assert all(closed_by_server(s, 3) for s in idle + silent)
    assert time.monotonic() - t0 < 2
    for s in idle + silent:
        s.close()
    assert get(r).startswith(b"HTTP/1.1 200")
    assert r.log.text().count("sent no complete request") == 1  # one line, not one per close


def test_a_trickled_request_head_does_not_reset_the_deadline(serve: Any) -> None:
    r = serve(header_timeout=0.4)
    s = r.connect(b"G")
    t0 = time.monotonic()
    with pytest.raises(OSError):  # noqa: PT012 - the trickle is what is timed
        for byte in b"ET /feeds/all.ics HTTP/1.1\r\nHost: t\r\nX-Slow: 1":
            s.sendall(bytes([byte]))
            time.sleep(0.05)
            if time.monotonic() - t0 > 3:
                break
    assert time.monotonic() - t0 < 1.5
    s.close()


def test_a_full_server_closes_the_longest_waiting_connection(serve: Any) -> None:
    r = serve(max_connections=5, header_timeout=30)
    idle = [r.connect(b"GET / HTTP/1.1\r\n") for _ in range(5)]
    time.sleep(0.1)
    for _ in range(3):  # each legitimate request makes room by closing the oldest idle one
        assert get(r).startswith(b"HTTP/1.1 200")
    assert closed_by_server(idle[0], 1)
    assert not closed_by_server(idle[-1], 0.2)
    assert r.log.text().count("closed the one that had waited longest") == 1
    for s in idle:
        s.close()


def test_an_idle_keep_alive_connection_has_the_header_deadline_again(serve: Any) -> None:
    r = serve(header_timeout=0.3, keep_alive_timeout=30)
    s = r.connect(b"GET /events.json HTTP/1.1\r\nHost: t\r\n\r\n")
    s.settimeout(5)
    assert s.recv(12) == b"HTTP/1.1 200"
    t0 = time.monotonic()
    assert closed_by_server(s, 3)
    assert 0.2 < time.monotonic() - t0 < 2
    s.close()


def test_pipelined_requests_are_all_answered(serve: Any) -> None:
    r = serve(header_timeout=0.5)
    one = b"GET /events.json HTTP/1.1\r\nHost: t\r\n\r\n"
    s = r.connect(one * 3 + b"GET /feeds/all.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    s.settimeout(5)
    chunks = []
    while chunk := s.recv(65536):
        chunks.append(chunk)
    s.close()
    assert b"".join(chunks).count(b"HTTP/1.1 200 OK") == 4


def test_a_request_head_too_large_is_a_400(serve: Any) -> None:
    """Past max_header_bytes of an incomplete head, 400 and close (h11: uvicorn's own
    check; httptools: ours), whether it comes at once or in pieces."""
    r = serve(max_header_bytes=4096, header_timeout=5)
    for pieces in (1, 8):
        with r.connect(b"GET /feeds/all.ics HTTP/1.1\r\nHost: t\r\nX-Big: ") as s:
            with contextlib.suppress(OSError):  # the server may close before the last piece
                for _ in range(pieces):
                    s.sendall(b"a" * (6000 // pieces))
                    time.sleep(0.02)
            s.settimeout(5)
            reply = s.recv(4096)
            assert reply.startswith(b"HTTP/1.1 400"), reply[:80]
            assert closed_by_server(s, 2)
    # A head just below the limit, in pieces, is answered.
    s = r.connect(b"GET /events.json HTTP/1.1\r\nHost: t\r\n")
    for _ in range(3):
        s.sendall(b"X-Pad: " + b"a" * 1000 + b"\r\n")
        time.sleep(0.02)
    s.sendall(b"\r\n")
    s.settimeout(5)
    assert s.recv(12) == b"HTTP/1.1 200"
    s.close()
    assert "TRACEBACK" not in r.log.text()
    if r.http == "httptools":
        assert r.log.text().count("refused a request head over 4096 bytes") == 1


@pytest.mark.parametrize("split", [False, True])
def test_a_malformed_chunked_body_is_a_quiet_400(serve: Any, split: bool) -> None:
    r = serve()
    head = b"GET /feeds/all.ics HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
    for _ in range(5):
        s = r.connect(head if split else head + b"zz\r\nnot a chunk\r\n")
        if split:
            time.sleep(0.05)
            s.sendall(b"zz\r\nnot a chunk\r\n")
        s.settimeout(5)
        reply = s.recv(4096)
        s.close()
        assert reply.startswith(b"HTTP/1.1 400"), reply[:80]
    time.sleep(0.1)
    assert "TRACEBACK" not in r.log.text()
    assert "Exception in ASGI application" not in r.log.text()


def test_accept_errors_are_logged_once_without_a_traceback() -> None:
    handler = Records()
    logging.getLogger("summitcal").addHandler(handler)
    loop = asyncio.new_event_loop()
    try:
        ticks = iter(range(10_000))
        quiet_accept_errors(loop, RateLimitedLog(10.0, now=lambda: next(ticks) / 1000))
        error = OSError(24, "Too many open files")
        for _ in range(2048):  # what one tick of asyncio's accept loop reports at the limit
            loop.call_exception_handler(
                {"message": "socket.accept() out of system resource", "exception": error}
            )
    finally:
        loop.close()
        logging.getLogger("summitcal").removeHandler(handler)
    assert handler.text() == "cannot accept connections: Too many open files"


def _low_fd_limit() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (120, 120))


# `summitcal serve` as a command, on asyncio's loop (uvloop made unimportable) or on uvloop.
_ON_ASYNCIO = "import sys; sys.modules['uvloop'] = None; from summitcal.cli import main; main()"


def _answer(port: int) -> bytes:
    status = b""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET /events.json HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        while len(status) < 12 and (chunk := s.recv(12 - len(status))):
            status += chunk
    return status


@pytest.mark.parametrize(
    ("cap", "loop", "http"),
    [
        (None, "asyncio", "h11"),
        (None, "uvloop", "httptools"),
        ("1000", "asyncio", "h11"),
        ("1000", "asyncio", "httptools"),
        ("1000", "uvloop", "httptools"),
    ],
)
def test_at_a_low_open_file_limit_refusals_are_a_few_lines(
    cap: str | None, loop: str, http: str
) -> None:
    """300 idle connections against a process allowed 120 files: the default cap refuses
    them below the limit; a cap above it meets the limit, and then asyncio's accept
    errors are still one line each ten seconds, not a traceback per try, while uvloop
    (libuv) accepts and closes the excess connections by itself, silently.  Either way
    the server keeps answering."""
    python = [sys.executable, *(["-c", _ON_ASYNCIO] if loop == "asyncio" else ["-m", "summitcal"])]
    argv = [*python, "serve", "--port", "0", "--seeds", str(SITE_SEEDS), "--http", http]
    argv += ["--render-mode", "thread", *(["--max-connections", cap] if cap else [])]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, preexec_fn=_low_fd_limit)
    try:
        assert proc.stderr is not None
        port, startup = 0, b""
        for line in proc.stderr:
            startup += line
            if found := re.search(rb"running on http://127\.0\.0\.1:(\d+)", line):
                port = int(found[1])
                break
        conns = []
        for _ in range(300):
            try:
                conns.append(socket.create_connection(("127.0.0.1", port), timeout=2))
            except OSError:
                break
        time.sleep(1.0)
        # The cap left descriptors free: a request is still answered meanwhile.
        during = _answer(port) if cap is None else b""
        for s in conns:
            s.close()
        time.sleep(0.2)
        after = _answer(port)
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    log = (startup + err).decode()
    direct = "on" if http == "httptools" else "off"
    said = f"HTTP protocol {http}, event loop {loop}, access log off, direct replies {direct}"
    assert said in log
    assert during == (b"HTTP/1.1 200" if cap is None else b""), log[:2000]
    assert after == b"HTTP/1.1 200", log[:2000]
    assert "Traceback" not in log
    assert len(log.splitlines()) < 20, log[:2000]
    if cap is None:
        assert "connections are busy" in log or "waited longest" in log
    elif loop == "asyncio":
        assert "cannot accept connections" in log


def test_an_accept_retry_on_a_closed_server_is_not_a_traceback() -> None:
    """asyncio retries accepting a second after an accept error; if the server closed in
    between, that retry meets fd -1. It is logged at debug level, not as a traceback."""
    import asyncio

    from summitcal.web.run import RateLimitedLog, quiet_accept_errors

    def _start_serving() -> None:  # named as asyncio's own retry is
        raise AssertionError("not called")

    loop = asyncio.new_event_loop()
    try:
        seen: list[dict[str, object]] = []
        loop.default_exception_handler = seen.append  # type: ignore[method-assign,assignment]
        quiet_accept_errors(loop, RateLimitedLog(60.0, now=lambda: 0.0))
        handle = asyncio.TimerHandle(0.0, _start_serving, (), loop)
        late = {"message": "Exception in callback", "exception": ValueError("fd -1")}
        loop.call_exception_handler({**late, "handle": handle})
        assert seen == []
        other = {"message": "something else", "exception": ValueError("x")}
        loop.call_exception_handler(other)
        assert seen == [other]
    finally:
        loop.close()
