"""The ASGI feed server, called directly: routes, validators, 304s, gzip, errors, fuzzing."""

from __future__ import annotations

import asyncio
import gzip
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import custom_feed_spec, get_feed_spec, render_feed
from summitcal.web.http import declares_body, drain_body
from summitcal.web.server import FeedServer, accepts_gzip, create_app
from summitcal.web.site import has_calendar
from tests.catalog.test_catalog import GOOD_EVENT, write

SITE_SEEDS = Path(__file__).parents[1] / "data" / "site"
NOW = datetime(2025, 2, 9, 12, tzinfo=UTC)


class Reply:
    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.status = status
        self.header_list = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers]
        self.headers = dict(self.header_list)
        self.body = body


def call(
    app: FeedServer,
    path: str,
    *,
    method: str = "GET",
    query: bytes = b"",
    headers: Sequence[tuple[str, str]] = (),
    root_path: str = "",
    raw_headers: Sequence[tuple[bytes, bytes]] = (),
) -> Reply:
    """One raw ASGI HTTP request, exactly as given (no client adds headers)."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "root_path": root_path,
        "query_string": query,
        "headers": [(k.lower().encode(), v.encode("latin-1")) for k, v in headers]
        + list(raw_headers),
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start, body = sent
    assert start["type"] == "http.response.start"
    assert body["type"] == "http.response.body"
    return Reply(start["status"], start["headers"], body["body"])


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(SITE_SEEDS)


@pytest.fixture(scope="module")
def app(cat: Catalog) -> FeedServer:
    return create_app(cat, clock=lambda: NOW)


# --- routes ---------------------------------------------------------------------------


def test_named_feeds_are_the_rendered_bytes(app: FeedServer, cat: Catalog) -> None:
    for name in ("all", "ai-summits", "paris-2025"):
        r = call(app, f"/feeds/{name}.ics")
        assert r.status == 200
        assert r.headers["content-type"] == "text/calendar; charset=utf-8"
        assert r.body == render_feed(cat, get_feed_spec(name))
        assert r.headers["content-length"] == str(len(r.body))


def test_page_and_data(app: FeedServer) -> None:
    page = call(app, "/", headers=[("host", "cal.example.org")])
    assert page.status == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert b'href="webcal://cal.example.org/feeds/all.ics"' in page.body
    assert b"Today, 9 Feb 2025" in page.body
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert call(app, "/index.html").body == call(app, "/").body
    data = call(app, "/events.json")
    assert data.headers["content-type"] == "application/json"
    assert data.body.startswith(b"[")
    svg = call(app, "/timeline.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert b'role="figure"' in svg.body


def test_the_page_script_and_each_events_calendar_are_served(app: FeedServer, cat: Catalog) -> None:
    from summitcal.web.site import PAGE_CSP, SCRIPT_PATH, event_calendar, has_calendar, site_script

    page = call(app, "/")
    assert page.headers["content-security-policy"] == PAGE_CSP
    assert f'src="{SCRIPT_PATH}"'.encode() in page.body
    script = call(app, "/" + SCRIPT_PATH)
    assert script.status == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.body == site_script()
    dated = next(e for e in cat if has_calendar(e))
    one = call(app, f"/events/{dated.id}.ics")
    assert one.status == 200
    assert one.headers["content-type"] == "text/calendar; charset=utf-8"
    assert one.body == event_calendar(cat, dated)
    assert f'href="events/{dated.id}.ics"'.encode() in page.body
    assert call(app, "/events/no-such-event.ics").status == 404


def test_an_undated_event_has_no_calendar_of_its_own(tmp_path: Path) -> None:
    from summitcal.web.site import has_calendar

    text = GOOD_EVENT.replace('when = "2031-03-04/2031-03-05"', 'when = "2031-03"')
    undated = load_catalog(write(tmp_path, text))
    (event,) = undated
    assert not has_calendar(event)
    assert call(create_app(undated, clock=lambda: NOW), f"/events/{event.id}.ics").status == 404


def test_the_clock_moves_the_today_marker(cat: Catalog) -> None:
    now = [NOW]
    app = create_app(cat, clock=lambda: now[0])
    first = call(app, "/").body
    now[0] = datetime(2026, 3, 1, tzinfo=UTC)
    later = call(app, "/").body
    assert b"Today, 9 Feb 2025" in first
    assert b"Today, 1 Mar 2026" in later


def test_a_forged_host_cannot_inject_markup(app: FeedServer) -> None:
    r = call(app, "/", headers=[("host", 'evil"><script>alert(1)</script>')])
    assert r.status == 200
    assert b"<script>" not in r.body
    assert b"webcal://127.0.0.1:8000/feeds/all.ics" in r.body


@pytest.mark.parametrize("host", ["evil.example:99999", "h.test:65536", "[::1]:100000"])
def test_a_host_with_an_impossible_port_falls_back_to_the_server_address(
    app: FeedServer, host: str
) -> None:
    r = call(app, "/", headers=[("host", host)])
    assert r.status == 200
    assert b"webcal://127.0.0.1:8000/feeds/all.ics" in r.body
    assert call(app, "/", headers=[("host", "h.test:65535")]).status == 200


def test_a_configured_base_url_wins_over_the_host(cat: Catalog) -> None:
    app = create_app(cat, clock=lambda: NOW, base_url="https://cal.example.org/sub/")
    r = call(app, "/", headers=[("host", "elsewhere.test")])
    assert b"webcal://cal.example.org/sub/feeds/all.ics" in r.body
    assert b"elsewhere.test" not in r.body
    feed = call(app, "/feeds/all.ics").body.replace(b"\r\n ", b"")
    assert b"https://cal.example.org/sub/feeds/all.ics" in feed


def test_mounted_under_a_root_path(app: FeedServer) -> None:
    # Servers differ: some give the full path, some the path below root_path.
    full = call(app, "/cal/feeds/all.ics", root_path="/cal")
    below = call(app, "/feeds/all.ics", root_path="/cal")
    assert full.status == below.status == 200
    assert full.body == below.body
    page = call(app, "/cal/", root_path="/cal", headers=[("host", "h.test")])
    assert b'href="webcal://h.test/cal/feeds/all.ics"' in page.body
    assert b'href="feeds/all.ics"' in page.body  # downloads stay relative


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/nope.ics",
        "/feeds/all.ICS",
        "/feeds/all",
        "/feeds/",
        "/feeds/../pyproject.toml",
        "/../../etc/passwd",
        "/feeds/..%2f..%2fetc%2fpasswd.ics",
        "/src/summitcal/server.py",
        "/index.htm",
        "//feeds/all.ics",
        "/feeds/all.ics/",
    ],
)
def test_unknown_paths_are_404(app: FeedServer, path: str) -> None:
    r = call(app, path)
    assert r.status == 404
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.body == b"not found\n"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_other_methods_are_405_with_allow(app: FeedServer, method: str) -> None:
    r = call(app, "/feeds/all.ics", method=method)
    assert r.status == 405
    assert r.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("query", [b"", b"foo=1", b"from=nonsense"])
def test_other_methods_on_a_custom_feed_are_405_whatever_the_query(
    app: FeedServer, query: bytes
) -> None:
    r = call(app, "/feeds/custom.ics", method="PUT", query=query)
    assert r.status == 405
    assert r.headers["allow"] == "GET, HEAD"
    assert call(app, "/feeds/nope.ics", method="PUT").status == 404


def test_head_has_the_headers_without_the_body(app: FeedServer) -> None:
    get = call(app, "/feeds/all.ics")
    head = call(app, "/feeds/all.ics", method="HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.headers == get.headers


# --- validators and 304 ---------------------------------------------------------------


def test_strong_etag_from_the_bytes(app: FeedServer) -> None:
    import hashlib

    r = call(app, "/feeds/all.ics")
    etag = r.headers["etag"]
    assert not etag.startswith("W/")
    assert etag == '"' + hashlib.sha256(r.body).hexdigest()[:32] + '"'
    assert call(app, "/feeds/ai-summits.ics").headers["etag"] != etag


def test_last_modified_is_the_newest_revision_of_the_feeds_events(app: FeedServer) -> None:
    all_lm = parsedate_to_datetime(call(app, "/feeds/all.ics").headers["last-modified"])
    assert all_lm == datetime(2025, 2, 12, 9, 30, tzinfo=UTC)
    waic = call(app, "/feeds/waic.ics")
    assert parsedate_to_datetime(waic.headers["last-modified"]) == datetime(2024, 6, 1, tzinfo=UTC)
    # A feed none of whose events has a revision has no Last-Modified (never the clock).
    assert "last-modified" not in call(app, "/feeds/un.ics").headers


def test_last_modified_does_not_follow_the_clock(cat: Catalog) -> None:
    a = create_app(cat, clock=lambda: NOW)
    b = create_app(cat, clock=lambda: datetime(2030, 1, 1, tzinfo=UTC))
    assert (
        call(a, "/feeds/all.ics").headers["last-modified"]
        == call(b, "/feeds/all.ics").headers["last-modified"]
    )


def test_if_none_match(app: FeedServer) -> None:
    etag = call(app, "/feeds/all.ics").headers["etag"]
    for value in (etag, f'"nope", {etag}', f"W/{etag}", "*"):
        r = call(app, "/feeds/all.ics", headers=[("if-none-match", value)])
        assert r.status == 304, value
        assert r.body == b""
        assert r.headers["etag"] == etag
        assert "content-length" not in r.headers
    assert call(app, "/feeds/all.ics", headers=[("if-none-match", '"other"')]).status == 200
    head = call(app, "/feeds/all.ics", method="HEAD", headers=[("if-none-match", etag)])
    assert head.status == 304


def test_if_modified_since(app: FeedServer) -> None:
    lm = call(app, "/feeds/all.ics").headers["last-modified"]
    assert call(app, "/feeds/all.ics", headers=[("if-modified-since", lm)]).status == 304
    later = "Thu, 01 Jan 2026 00:00:00 GMT"
    assert call(app, "/feeds/all.ics", headers=[("if-modified-since", later)]).status == 304
    earlier = "Wed, 12 Feb 2025 09:29:59 GMT"
    assert call(app, "/feeds/all.ics", headers=[("if-modified-since", earlier)]).status == 200
    for junk in ("yesterday", "", "Mon, 99 Foo 2025 99:99:99 GMT", "0" * 5000):
        r = call(app, "/feeds/all.ics", headers=[("if-modified-since", junk)])
        assert r.status == 200, junk


def test_if_none_match_takes_precedence_over_if_modified_since(app: FeedServer) -> None:
    lm = call(app, "/feeds/all.ics").headers["last-modified"]
    r = call(
        app, "/feeds/all.ics", headers=[("if-none-match", '"stale"'), ("if-modified-since", lm)]
    )
    assert r.status == 200


def test_cache_control_on_feeds(app: FeedServer) -> None:
    assert call(app, "/feeds/all.ics").headers["cache-control"] == "public, max-age=3600"
    assert call(app, "/feeds/nope.ics").headers["cache-control"] == "no-store"


# --- gzip -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, False),
        ("", False),
        ("gzip", True),
        ("br, gzip;q=0.5", True),
        ("gzip;q=0", False),
        ("GZIP", True),
        ("*", True),
        ("*;q=0", False),
        ("identity", False),
        ("gzip;q=abc", False),
        ("deflate, *;q=0.1", True),
    ],
)
def test_accepts_gzip(value: str | None, expected: bool) -> None:
    assert accepts_gzip(value) is expected


def test_gzip_only_when_asked_and_always_vary(app: FeedServer) -> None:
    plain = call(app, "/feeds/all.ics")
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    zipped = call(app, "/feeds/all.ics", headers=[("accept-encoding", "gzip, br")])
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(zipped.body) == plain.body
    assert len(zipped.body) < len(plain.body)
    # Another representation, another strong tag; each revalidates on its own.
    assert zipped.headers["etag"] != plain.headers["etag"]
    again = call(
        app,
        "/feeds/all.ics",
        headers=[("accept-encoding", "gzip"), ("if-none-match", zipped.headers["etag"])],
    )
    assert again.status == 304


def test_gzip_bytes_are_deterministic(cat: Catalog) -> None:
    a = create_app(cat, clock=lambda: NOW)
    b = create_app(cat, clock=lambda: NOW)
    ae = [("accept-encoding", "gzip")]
    assert call(a, "/feeds/all.ics", headers=ae).body == call(b, "/feeds/all.ics", headers=ae).body


# --- the custom feed ------------------------------------------------------------------


def test_custom_feed_selects_like_custom_feed_spec(app: FeedServer, cat: Catalog) -> None:
    r = call(app, "/feeds/custom.ics", query=b"series=ai-summit&country=fr&from=2025-01-01")
    assert r.status == 200
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    spec = custom_feed_spec(series=["ai-summit"], country=["FR"], start=date(2025, 1, 1))
    assert r.body == render_feed(cat, spec)
    assert b"AI Action Summit" in r.body
    assert b"AI Safety Summit" not in r.body


def test_custom_feed_queries_are_normalised(app: FeedServer) -> None:
    a = call(app, "/feeds/custom.ics", query=b"kind=summit&series=ai-summit,waic")
    b = call(app, "/feeds/custom.ics", query=b"series=waic&series=ai-summit&kind=summit&kind=")
    assert a.status == b.status == 200
    assert a.body == b.body
    assert a.headers["etag"] == b.headers["etag"]


def test_custom_feed_cache_is_bounded(cat: Catalog) -> None:
    app = create_app(cat, clock=lambda: NOW, custom_cache_size=3)
    for day in range(1, 10):
        assert call(app, "/feeds/custom.ics", query=f"from=2024-01-0{day}".encode()).status == 200
    assert len(app.state.pool.cache) == 3


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (b"series=nope", "no such series"),
        (b"kind=party", "kind 'party': unknown value"),
        (b"country=XX", "country"),
        (b"country=France", "country"),
        (b"from=2025-02-30", "not a real date"),
        (b"from=yesterday", "YYYY-MM-DD"),
        (b"from=20250209", "YYYY-MM-DD"),
        (b"to=2024-01-01&from=2025-01-01", "after the end"),
        (b"from=2024-01-01&from=2024-02-01", "more than once"),
        (b"from=2024-01-01&from=2024-01-01", "more than once"),
        (b"to=2024-01-01,2024-01-01", "more than once"),
        (b"colour=red", "unknown parameter"),
        (b"series=%ff", "UTF-8"),
        (b"series=\xff", "UTF-8"),
        (b"series=" + b"a" * 3000, "longer than"),
        (b"&".join([b"kind=summit"] * 60), "too many"),
        (b"series=<script>", "not a series"),
    ],
)
def test_bad_custom_queries_are_400_with_a_plain_reason(
    app: FeedServer, query: bytes, words: str
) -> None:
    r = call(app, "/feeds/custom.ics", query=query)
    assert r.status == 400
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    text = r.body.decode("utf-8")
    assert text.startswith("bad request: ")
    assert words in text
    assert "Traceback" not in text
    assert "<script>" not in text or "'<script>'" in text  # echoed as quoted text only


# --- robustness -----------------------------------------------------------------------


def test_huge_and_odd_headers_do_not_break_anything(app: FeedServer) -> None:
    etag = call(app, "/feeds/all.ics").headers["etag"]
    huge = [
        ("if-none-match", '"x", ' * 5000 + etag),
        ("accept-encoding", "gzip;" * 10000),
        ("host", "h" * 100000),
        ("x-anything", "\x00\x01\xff"),
    ]
    r = call(app, "/feeds/all.ics", headers=huge)
    assert r.status == 200  # an oversized If-None-Match is ignored, not trusted
    assert call(app, "/", raw_headers=[(b"host", b"\xff\xfe")]).status == 200


def test_lifespan_is_acknowledged(cat: Catalog) -> None:
    app = create_app(cat, clock=lambda: NOW)  # its own: shutdown stops the render workers
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app({"type": "lifespan"}, receive, send))
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_through_an_http_client(app: FeedServer) -> None:
    async def run() -> tuple[int, int, str]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            first = await client.get("/feeds/all.ics")
            second = await client.get(
                "/feeds/all.ics", headers={"if-none-match": first.headers["etag"]}
            )
            return first.status_code, second.status_code, first.text

    first, second, text = asyncio.run(run())
    assert (first, second) == (200, 304)
    assert text.startswith("BEGIN:VCALENDAR")


_path_chars = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60
)
_query_bytes = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.tuples(
            st.sampled_from(["series", "kind", "country", "from", "to", "x", "", "from[]"]),
            st.text(max_size=30),
        ),
        max_size=8,
    ).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs).encode("utf-8")),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(["/", "/feeds/", "/feeds/custom.ics", "/events.json", ""]),
    tail=_path_chars,
    query=_query_bytes,
    method=st.sampled_from(["GET", "HEAD", "POST", "DELETE", "BREW"]),
    header=st.binary(max_size=200),
)
def test_fuzzed_requests_never_fail(
    app: FeedServer, prefix: str, tail: str, query: bytes, method: str, header: bytes
) -> None:
    r = call(
        app,
        prefix + tail,
        method=method,
        query=query,
        raw_headers=[(b"if-modified-since", header), (b"if-none-match", header)],
    )
    assert r.status in {200, 304, 400, 404, 405}, r.body
    assert b"Traceback" not in r.body


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=_query_bytes)
def test_fuzzed_custom_queries_are_200_or_400(app: FeedServer, query: bytes) -> None:
    r = call(app, "/feeds/custom.ics", query=query)
    assert r.status in {200, 400}, r.body
    if r.status == 200:
        assert r.body.startswith(b"BEGIN:VCALENDAR")


def test_serve_without_uvicorn_says_how_to_install_it_into_this_python(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import summitcal
    from summitcal.cli import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    # This test runs from a source checkout: the hint installs the extra from it.
    assert main(["serve", "--seeds", str(SITE_SEEDS)]) == 2
    err = capsys.readouterr().err
    checkout = Path(summitcal.__file__).resolve().parents[2]
    assert f"{sys.executable} -m pip install -e '{checkout}[serve]'" in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    # Installed from a package index: the extra by name, for the same interpreter.
    installed = tmp_path / "site-packages" / "summitcal" / "__init__.py"
    monkeypatch.setattr(summitcal, "__file__", str(installed))
    assert main(["serve", "--seeds", str(SITE_SEEDS)]) == 2
    assert f"{sys.executable} -m pip install 'summitcal[serve]'" in capsys.readouterr().err


def _fake_serve(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace the uvicorn loop of `summitcal serve` with a recorder."""
    import summitcal.web.run

    seen: dict[str, Any] = {}

    async def serve(app: FeedServer, config: Any, **kw: Any) -> None:
        seen.update(app=app, config=config, **kw)
        app.close()

    monkeypatch.setattr(summitcal.web.run, "serve", serve)
    return seen


def test_serve_runs_uvicorn_with_the_app_and_its_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from summitcal.cli import main
    from summitcal.web.run import guarded_protocol

    seen = _fake_serve(monkeypatch)
    argv = ["serve", "--port", "8123", "--seeds", str(SITE_SEEDS), "--keep-alive-timeout", "3"]
    assert main([*argv, "--reload-interval", "30"], now=NOW) == 0
    assert isinstance(seen["app"], FeedServer)
    config = seen["config"]
    assert (config.host, config.port) == ("127.0.0.1", 8123)
    assert config.timeout_keep_alive == 3
    assert config.h11_max_incomplete_event_size == 16384
    assert config.http.__qualname__ == guarded_protocol.__qualname__ + ".<locals>.Guarded"
    assert seen["reload_interval"] == 30.0
    assert seen["watch"] == [SITE_SEEDS]
    assert len(seen["load"]()) == len(seen["app"].catalog)


@pytest.mark.parametrize(
    ("argv", "http", "access_log", "direct"),
    [
        ([], "httptools", False, True),  # the test extra installs httptools
        (["--http", "h11"], "h11", False, False),
        (["--http", "httptools", "--access-log"], "httptools", True, True),
        (["--asgi-only"], "httptools", False, False),
    ],
)
def test_serve_picks_the_http_protocol_the_access_log_and_direct_replies(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], http: str, access_log: bool, direct: bool
) -> None:
    from summitcal.cli import main

    seen = _fake_serve(monkeypatch)
    assert main(["serve", "--seeds", str(SITE_SEEDS), *argv], now=NOW) == 0
    assert seen["config"].http.http_name == http
    assert seen["config"].access_log is access_log
    answers = getattr(seen["config"].http, "_answer_now", ())
    assert answers == ((seen["app"].answer_now,) if direct else ())


def test_serve_without_httptools_runs_h11_or_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summitcal.cli import main

    seen = _fake_serve(monkeypatch)
    monkeypatch.setitem(sys.modules, "httptools", None)
    assert main(["serve", "--seeds", str(SITE_SEEDS)], now=NOW) == 0
    assert seen["config"].http.http_name == "h11"
    seen.clear()
    assert main(["serve", "--seeds", str(SITE_SEEDS), "--http", "httptools"], now=NOW) == 2
    err = capsys.readouterr().err
    assert "--http httptools needs httptools" in err
    assert "[serve]" in err
    assert seen == {}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "80000"], "port 80000 is outside 0..65535"),
        (["--port", "-1"], "port -1 is outside 0..65535"),
        (["--port", "http"], "not a port number: 'http'"),
        (["--host", ""], "not a host name or address: ''"),
        (["--host", "local host"], "not a host name or address"),
        (["--header-timeout", "0"], "must be more than 0"),
        (["--max-connections", "many"], "not a number: 'many'"),
    ],
)
def test_serve_refuses_a_bad_port_or_host_before_starting(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    """A usage error (exit 2) naming the argument, never an OverflowError from the socket."""
    from summitcal.cli import main

    seen = _fake_serve(monkeypatch)
    with pytest.raises(SystemExit) as info:
        main(["serve", *argv, "--seeds", str(SITE_SEEDS)], now=NOW)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert seen == {}


@pytest.mark.parametrize("port", ["0", "65535"])
def test_serve_accepts_the_ends_of_the_port_range(
    monkeypatch: pytest.MonkeyPatch, port: str
) -> None:
    from summitcal.cli import main

    seen = _fake_serve(monkeypatch)
    assert main(["serve", "--port", port, "--seeds", str(SITE_SEEDS)], now=NOW) == 0
    assert seen["config"].port == int(port)


# --- request bodies -------------------------------------------------------------------


def _asgi(app: FeedServer, path: str, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run one request whose receive() hands out ``messages`` in turn; what was sent."""
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    queue = iter(messages)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(queue)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_a_body_is_read_before_answering(app: FeedServer) -> None:
    chunks = [{"type": "http.request", "body": b"x" * 10, "more_body": True}] * 3
    sent = _asgi(app, "/feeds/all.ics", [*chunks, {"type": "http.request", "body": b""}])
    assert sent[0]["status"] == 200


def test_a_client_gone_while_its_body_is_read_gets_nothing(app: FeedServer) -> None:
    """What uvicorn reports after answering a malformed chunked body with 400 itself."""
    messages = [{"type": "http.request", "body": b"x", "more_body": True}]
    sent = _asgi(app, "/feeds/all.ics", [*messages, {"type": "http.disconnect"}])
    assert sent == []


def test_an_oversized_body_is_413_and_closes(app: FeedServer) -> None:
    chunk = {"type": "http.request", "body": b"x" * 40000, "more_body": True}
    sent = _asgi(app, "/feeds/all.ics", [chunk, chunk, chunk])
    assert sent[0]["status"] == 413
    assert (b"connection", b"close") in sent[0]["headers"]


def test_an_events_calendar_is_rendered_once_and_revalidated_without_rendering(
    cat: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summitcal.web.server as server

    made: list[str] = []
    real = server.event_resource

    def counted(catalog: Catalog, event: Any) -> Any:
        made.append(event.id)
        return real(catalog, event)

    monkeypatch.setattr(server, "event_resource", counted)
    fresh = create_app(cat, clock=lambda: NOW)
    dated = next(e for e in cat if has_calendar(e))
    first = call(fresh, f"/events/{dated.id}.ics")
    again = call(
        fresh, f"/events/{dated.id}.ics", headers=[("if-none-match", first.headers["etag"])]
    )
    assert (first.status, again.status, again.body) == (200, 304, b"")
    assert again.headers["etag"] == first.headers["etag"]
    assert made == [dated.id]


@pytest.mark.parametrize(
    ("headers", "declared"),
    [
        ([], False),
        ([(b"content-length", b"0")], False),
        ([(b"content-length", b"12")], True),
        ([(b"Transfer-Encoding", b"chunked")], True),
    ],
)
def test_a_request_declares_a_body_by_its_length_or_its_transfer_encoding(
    headers: list[tuple[bytes, bytes]], declared: bool
) -> None:
    assert declares_body({"headers": [(b"host", b"x"), *headers]}) is declared


def test_a_declared_body_that_never_comes_gets_a_408() -> None:
    async def never() -> dict[str, Any]:
        await asyncio.sleep(10)
        raise AssertionError("unreachable")

    reply = asyncio.run(drain_body(never, timeout=0.05))
    assert reply is not None
    assert reply[0] == 408
