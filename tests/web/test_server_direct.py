"""Replies written straight from the httptools parser (summitcal.web.direct): the same
bytes as the ASGI path, in order with it, and only where nothing else is needed."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from summitcal.web.http import Reply
from tests.web.test_server_limits import ConnectionLimits, Running

pytest.importorskip("httptools")

from summitcal.web.direct import ANSWERED, DirectReplies

LIMITS = ConnectionLimits(header_timeout=5)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[Running, Running]]:
    """httptools with direct replies, and httptools with every request through ASGI."""
    direct, asgi = Running(LIMITS, "httptools"), Running(LIMITS, "httptools", direct=False)
    yield direct, asgi
    direct.stop()
    asgi.stop()


def exchange(r: Running, data: bytes) -> bytes:
    """Send ``data`` and read until the server closes the connection."""
    with r.connect(data) as s:
        s.settimeout(5)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def without_date(response: bytes) -> bytes:
    return re.sub(rb"(?im)^date: [^\r\n]*\r\n", b"", response)


def request(method: str, path: str, *headers: str, version: str = "1.1", body: str = "") -> bytes:
    """One request, closing the connection after it unless a header says otherwise."""
    lines = [f"{method} {path} HTTP/{version}", "Host: t", *headers]
    if version == "1.1" and not any(h.lower().startswith("connection:") for h in headers):
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode("latin-1")


def requests(r: Running) -> list[tuple[bytes, bool]]:
    """Requests of every kind, each with whether it is answered directly."""
    feed = r.app.state.feeds["all"]
    event = next(iter(r.app.state.catalog)).id
    direct = [
        request("GET", "/feeds/all.ics"),
        request("GET", "/feeds/all.ics?utm=x"),
        request("GET", "/events.json"),
        request("GET", "/assets/site.js"),
        request("GET", f"/events/{event}.ics"),
        request("GET", "/events/no-such-event.ics"),
        request("GET", "/nowhere"),
        request("HEAD", "/feeds/all.ics"),
        request("HEAD", "/nowhere"),
        request("HEAD", "/events/no-such-event.ics"),
        request("POST", "/feeds/all.ics"),
        request("POST", "/feeds/all.ics", "Content-Length: 0"),
        request("DELETE", "/nowhere"),
        request("GET", "/feeds/all.ics", "Accept-Encoding: gzip"),
        request("GET", "/feeds/all.ics", f"If-None-Match: {feed.etag}"),
        request("GET", "/feeds/all.ics", "If-None-Match: *"),
        request(
            "GET", "/feeds/all.ics", "Accept-Encoding: gzip", f"If-None-Match: {feed.gzip_etag}"
        ),
        request("GET", "/feeds/all.ics", f"If-None-Match: {feed.gzip_etag}"),
        request("GET", "/feeds/all.ics", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT"),
        request("GET", "/feeds/all.ics", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"),
        request("GET", "/feeds/all.ics", version="1.0"),
        request("GET", "/feeds/all.ics", "Connection: keep-alive", version="1.0"),
        request("HEAD", "/nowhere", version="1.0"),
        request("GET", "http://t/feeds/all.ics"),
        request("GET", "/feeds/all.ics#top"),
    ]
    by_asgi = [
        request("GET", "/feeds/all%2Eics"),
        request("GET", "/"),
        request("HEAD", "/"),
        request("GET", "/feeds/custom.ics?series=waic"),
        request("GET", "/feeds/custom.ics?bogus=1"),
        request("POST", "/feeds/all.ics", "Content-Length: 3", body="abc"),
        request("GET", "/feeds/all.ics", "Expect: 100-continue"),
        request("POST", "/nowhere", "Expect: 100-continue", "Content-Length: 0"),
    ]
    return [(r, True) for r in direct] + [(r, False) for r in by_asgi]


def test_direct_replies_are_byte_for_byte_the_asgi_replies(
    servers: tuple[Running, Running], monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, asgi = servers
    through_asgi = counting(direct, monkeypatch)
    for data, directly in requests(direct):
        before = len(through_asgi)
        mine, theirs = exchange(direct, data), exchange(asgi, data)
        assert mine.startswith(b"HTTP/1.1 "), data
        assert without_date(mine) == without_date(theirs), data
        assert len(through_asgi) == before + (not directly), data


def counting(r: Running, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths that reach the ASGI app's respond()."""
    seen: list[str] = []
    respond = r.app.respond

    async def spy(scope: Any) -> Reply:
        seen.append(scope["path"])
        return await respond(scope)

    monkeypatch.setattr(r.app, "respond", spy)
    return seen


def test_what_is_in_memory_never_reaches_the_asgi_app(
    servers: tuple[Running, Running], monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, asgi = servers
    seen, seen_asgi = counting(direct, monkeypatch), counting(asgi, monkeypatch)
    for path in (b"/feeds/all.ics", b"/events.json", b"/nowhere", b"/", b"/feeds/all%2Eics"):
        request = b"GET " + path + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
        exchange(direct, request)
        exchange(asgi, request)
    assert seen == ["/", "/feeds/all.ics"]  # the page is rendered; an escape is decoded
    assert len(seen_asgi) == 5


def test_with_the_access_log_on_every_request_is_logged_through_asgi(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = Running(LIMITS, "httptools", access_log=True)
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect()
    logging.getLogger("uvicorn.access").addHandler(handler)
    try:
        seen = counting(r, monkeypatch)
        reply = exchange(r, b"GET /feeds/all.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    finally:
        logging.getLogger("uvicorn.access").removeHandler(handler)
        r.stop()
    assert reply.startswith(b"HTTP/1.1 200")
    assert seen == ["/feeds/all.ics"]
    assert any("GET /feeds/all.ics" in line and "200" in line for line in lines)


def statuses_and_types(response: bytes, heads: tuple[int, ...] = ()) -> list[tuple[bytes, bytes]]:
    """(status, content type) of each response in a pipelined stream, in order; the
    replies numbered in ``heads`` answer HEAD requests (a length, but no body)."""
    out = []
    rest = response
    while rest:
        head, _, rest = rest.partition(b"\r\n\r\n")
        status = head.split(b" ", 2)[1]
        length = re.search(rb"(?im)^content-length: (\d+)", head)
        kind = re.search(rb"(?im)^content-type: ([^;\r\n]+)", head)
        bodiless = status == b"304" or len(out) in heads
        out.append((status, kind.group(1) if kind else b""))
        rest = rest[int(length.group(1)) if length and not bodiless else 0 :]
    return out


def test_pipelined_requests_keep_their_order_across_both_paths(
    servers: tuple[Running, Running],
) -> None:
    direct, _ = servers
    etag = direct.app.state.feeds["all"].etag.encode()
    host = b"Host: t\r\n"
    stream = (
        b"GET /feeds/all.ics HTTP/1.1\r\n" + host + b"If-None-Match: " + etag + b"\r\n\r\n"
        b"GET / HTTP/1.1\r\n" + host + b"\r\n"  # rendered by the pool: the long way
        b"GET /events.json HTTP/1.1\r\n" + host + b"\r\n"
        b"POST /nowhere HTTP/1.1\r\n" + host + b"Content-Length: 2\r\n\r\nhi"
        b"GET /timeline.svg HTTP/1.1\r\n" + host + b"\r\n"
        b"GET /feeds/all.ics HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n"
    )
    assert statuses_and_types(exchange(direct, stream)) == [
        (b"304", b"text/calendar"),
        (b"200", b"text/html"),
        (b"200", b"application/json"),
        (b"404", b"text/plain"),
        (b"200", b"image/svg+xml"),
        (b"200", b"text/calendar"),
    ]


def test_a_kept_alive_connection_serves_request_after_request(
    servers: tuple[Running, Running],
) -> None:
    direct, _ = servers
    with direct.connect() as s:
        s.settimeout(5)
        for _ in range(3):
            s.sendall(b"GET /events.json HTTP/1.1\r\nHost: t\r\n\r\n")
            head, _, body = read_reply(s).partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 200")
            assert body.startswith(b"[")


def read_reply(s: Any) -> bytes:
    """One whole reply (head and body) from a kept-alive connection."""
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1)
        assert chunk, "closed by the server"
        head += chunk
    found = re.search(rb"(?im)^content-length: (\d+)", head)
    length = int(found.group(1)) if found and not head.startswith(b"HTTP/1.1 304") else 0
    body = b""
    while len(body) < length:
        body += s.recv(length - len(body))
    return head + body


@pytest.mark.parametrize("direct", [True, False], ids=["direct", "asgi"])
def test_each_reply_starts_the_header_deadline_afresh(direct: bool) -> None:
    """A client that keeps asking within the deadline is never cut off, however long it
    stays (the deadline runs from the end of the previous reply)."""
    r = Running(ConnectionLimits(header_timeout=0.4, keep_alive_timeout=30), "httptools", direct)
    try:
        with r.connect() as s:
            s.settimeout(5)
            for _ in range(6):  # 1.2 s in all, three deadlines
                s.sendall(
                    request("GET", "/events.json", "Connection: keep-alive", "If-None-Match: *")
                )
                assert read_reply(s).startswith(b"HTTP/1.1 304")
                time.sleep(0.2)
        assert "sent no complete request" not in r.log.text()
    finally:
        r.stop()


@pytest.mark.parametrize("direct", [True, False], ids=["direct", "asgi"])
def test_at_the_cap_the_idle_connection_goes_not_the_one_just_answered(direct: bool) -> None:
    r = Running(ConnectionLimits(max_connections=2, header_timeout=30), "httptools", direct)
    try:
        busy = r.connect()
        busy.settimeout(5)
        idle = r.connect()
        time.sleep(0.1)
        busy.sendall(request("GET", "/events.json", "Connection: keep-alive", "If-None-Match: *"))
        assert read_reply(busy).startswith(b"HTTP/1.1 304")
        with r.connect(request("GET", "/events.json")) as third:
            third.settimeout(5)
            assert third.recv(12) == b"HTTP/1.1 200"
        idle.settimeout(2)
        assert idle.recv(1) == b""  # closed by the server
        busy.sendall(request("GET", "/events.json", "Connection: keep-alive", "If-None-Match: *"))
        assert read_reply(busy).startswith(b"HTTP/1.1 304")
        busy.close()
        idle.close()
    finally:
        r.stop()


def test_a_head_reply_has_no_body_so_the_next_reply_follows_it(
    servers: tuple[Running, Running],
) -> None:
    direct, _ = servers
    stream = request("HEAD", "/nowhere", "Connection: keep-alive") + request("GET", "/events.json")
    replies = statuses_and_types(exchange(direct, stream), heads=(0,))
    assert replies == [(b"404", b"text/plain"), (b"200", b"application/json")]


# --- when a request is left to the ASGI path: the decision alone, with stand-ins -------


class FakeParser:
    def __init__(self, method: bytes, version: str, keep_alive: bool, upgrade: bool) -> None:
        self.method, self.version = method, version
        self.keep_alive, self.upgrade = keep_alive, upgrade

    def get_method(self) -> bytes:
        return self.method

    def get_http_version(self) -> str:
        return self.version

    def should_keep_alive(self) -> bool:
        return self.keep_alive

    def should_upgrade(self) -> bool:
        return self.upgrade


class FakeTransport:
    def __init__(self) -> None:
        self.written: list[bytes] = []
        self.closed = False

    def writelines(self, parts: Any) -> None:
        self.written.append(b"".join(parts))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True


class FakeFlow:
    write_paused = False


class FakeState:
    def __init__(self) -> None:
        self.default_headers = [(b"server", b"test")]


class FakeUvicorn:
    """What DirectReplies takes from uvicorn's HttpToolsProtocol, counted."""

    def __init__(self) -> None:
        self.asgi = 0
        self.completed = 0
        self.timer_unset = 0

    def on_headers_complete(self) -> None:
        self.asgi += 1

    def on_response_complete(self) -> None:
        self.completed += 1

    def _unset_keepalive_if_required(self) -> None:
        self.timer_unset += 1


class Protocol(DirectReplies, FakeUvicorn):
    pass


def protocol(
    url: bytes = b"/feeds/all.ics",
    headers: tuple[tuple[bytes, bytes], ...] = ((b"host", b"t"),),
    method: bytes = b"GET",
    version: str = "1.1",
    keep_alive: bool = True,
    upgrade: bool = False,
) -> Protocol:
    p = Protocol()
    p.access_log = False
    p.cycle = None
    p.expect_100_continue = False
    p.flow = FakeFlow()
    p.headers = list(headers)
    p.parser = FakeParser(method, version, keep_alive, upgrade)
    p.root_path = ""
    p.server_state = FakeState()
    p.transport = FakeTransport()
    p.url = url
    return p


def answer(method: str, path: str, headers: Any) -> Reply | None:
    if path == "/rendered":
        return None
    return 200, [("content-type", "text/plain"), ("content-length", "2")], b"ok"


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Protocol, "_answer_now", (answer,))


def test_a_plain_request_is_answered_directly() -> None:
    p = protocol()
    p.on_headers_complete()
    assert (p.asgi, p.completed, p.timer_unset) == (0, 1, 1)
    assert p.cycle is ANSWERED
    assert not p.transport.closed
    assert p.transport.written == [
        b"HTTP/1.1 200 OK\r\nserver: test\r\ncontent-type: text/plain\r\n"
        b"content-length: 2\r\n\r\nok"
    ]


@pytest.mark.parametrize(
    "setup",
    [
        lambda p: setattr(p, "access_log", True),
        lambda p: setattr(p.flow, "write_paused", True),
        lambda p: setattr(p.transport, "closed", True),
        lambda p: setattr(p.parser, "upgrade", True),
        lambda p: setattr(p, "expect_100_continue", True),
        lambda p: setattr(p, "cycle", type("Busy", (), {"response_complete": False})()),
        lambda p: p.headers.append((b"content-length", b"5")),
        lambda p: p.headers.append((b"transfer-encoding", b"chunked")),
        lambda p: setattr(p, "url", b"/feeds/all%2Eics"),
        lambda p: setattr(p, "url", "/f\u00e9".encode()),
        lambda p: setattr(p, "url", b"/rendered"),
    ],
    ids=[
        "access-log",
        "write-buffer-full",
        "closing",
        "upgrade",
        "expect-100-continue",
        "response-under-way",
        "content-length",
        "chunked",
        "escape",
        "non-ascii",
        "rendered",
    ],
)
def test_what_is_left_to_the_asgi_path(setup: Any) -> None:
    p = protocol()
    setup(p)
    p.on_headers_complete()
    assert (p.asgi, p.completed, p.transport.written) == (1, 0, [])
    assert p.timer_unset == 1  # whichever path answers, no keep-alive timer runs meanwhile


def test_an_empty_body_and_a_finished_cycle_still_go_directly() -> None:
    p = protocol(headers=((b"content-length", b"0"),))
    p.cycle = type("Done", (), {"response_complete": True})()
    p.on_headers_complete()
    assert (p.asgi, p.completed) == (0, 1)


@pytest.mark.parametrize(
    ("version", "keep_alive", "extra"),
    [("1.0", True, []), ("1.1", False, []), ("1.1", True, [("connection", "close")])],
)
def test_a_connection_not_kept_alive_is_closed_after_the_reply(
    version: str, keep_alive: bool, extra: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def closing(method: str, path: str, headers: Any) -> Reply:
        return 200, [("content-length", "0"), *extra], b""

    monkeypatch.setattr(Protocol, "_answer_now", (closing,))
    p = protocol(version=version, keep_alive=keep_alive)
    p.on_headers_complete()
    assert p.transport.closed
    assert p.completed == 1
    assert p.transport.written[0].lower().count(b"connection: close") == 1


def test_the_mount_point_is_taken_off_as_the_asgi_path_takes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths: list[str] = []

    def record(method: str, path: str, headers: Any) -> Reply:
        paths.append(path)
        return 204, [], b""

    monkeypatch.setattr(Protocol, "_answer_now", (record,))
    p = protocol(url=b"/feeds/all.ics?x=1")
    p.root_path = "/cal"
    p.on_headers_complete()
    assert paths == ["/feeds/all.ics"]


def test_a_failing_answer_is_a_500_and_a_logged_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(method: str, path: str, headers: Any) -> Reply:
        raise KeyError("a bug")

    monkeypatch.setattr(Protocol, "_answer_now", (broken,))
    p = protocol()
    with caplog.at_level(logging.ERROR, "summitcal"):
        p.on_headers_complete()
    assert p.transport.written[0].startswith(b"HTTP/1.1 500 Internal Server Error\r\n")
    assert p.transport.written[0].endswith(b"\r\n\r\ninternal error\n")
    assert "error answering GET /feeds/all.ics" in caplog.text
    assert caplog.records[0].exc_info is not None
