"""Connection-level behaviour under a real uvicorn on 127.0.0.1: deadlines, caps, bad bodies."""

from __future__ import annotations

import asyncio
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
from tests.test_server import NOW, SITE_SEEDS

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

    def __init__(self, limits: ConnectionLimits) -> None:
        import uvicorn

        from summitcal.web.run import uvicorn_config

        self.app: FeedServer = create_app(
            load_catalog(SITE_SEEDS), clock=lambda: NOW, renders=RenderPolicy(mode="thread")
        )
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn_config(self.app, host="127.0.0.1", port=self.port, limits=limits)
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


@pytest.fixture
def serve() -> Iterator[Any]:
    running: list[Running] = []

    def start(**limits: Any) -> Running:
        running.append(Running(ConnectionLimits(**limits)))
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


@pytest.mark.parametrize("cap", [None, "1000"])
def test_at_a_low_open_file_limit_refusals_are_a_few_lines(cap: str | None) -> None:
    """300 idle connections against a process allowed 120 files: the default cap refuses
    them below the limit; a cap above it meets the limit, and the accept errors are still
    one line each ten seconds, not a traceback per try."""
    argv = [sys.executable, "-m", "summitcal", "serve", "--port", "0", "--seeds", str(SITE_SEEDS)]
    argv += ["--render-mode", "thread", *(["--max-connections", cap] if cap else [])]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, preexec_fn=_low_fd_limit)
    try:
        assert proc.stderr is not None
        port = 0
        for line in proc.stderr:
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
        status = b""
        if cap is None:  # the cap left descriptors free: a request is still answered
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(b"GET /events.json HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                while len(status) < 12 and (chunk := s.recv(12 - len(status))):
                    status += chunk
        for s in conns:
            s.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    log = err.decode()
    assert status == (b"HTTP/1.1 200" if cap is None else b""), log[:2000]
    assert "Traceback" not in log
    assert len(log.splitlines()) < 20, log[:2000]
    assert (
        ("connections are busy" in log or "waited longest" in log)
        if cap is None
        else ("cannot accept connections" in log)
    )
