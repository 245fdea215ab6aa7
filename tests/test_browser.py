"""The built and the served page in a real browser (headless Chromium).

Chromium is driven from the command line (``--dump-dom`` for the DOM after parsing,
``--screenshot`` for the picture), so no browser download or driver is needed.  Without
Chromium these tests fail, saying how to install it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from summitcal import load_catalog
from summitcal.site import build_site

pytestmark = pytest.mark.browser

SITE_SEEDS = Path(__file__).parent / "data" / "site"
PNG = b"\x89PNG\r\n\x1a\n"
SIZES = {"desktop": "1280,2000", "phone": "390,1600"}


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        pytest.fail("headless Chromium is needed: apt-get install -y chromium")
    return found


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[bytes]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=90, check=True)


def dump_dom(url: str, tmp: Path) -> str:
    return _run(["--dump-dom", url], tmp / "profile-dom").stdout.decode("utf-8")


def screenshot(url: str, out: Path, size: str, tmp: Path) -> bytes:
    _run([f"--screenshot={out}", f"--window-size={size}", url], tmp / f"profile-{out.stem}")
    return out.read_bytes()


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}

    def hrefs(self) -> list[str]:
        return [a["href"] for tag, a in self.elements if tag == "a" and "href" in a]


def _parse(dom: str) -> _Dom:
    parser = _Dom()
    parser.feed(dom)
    return parser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _check_png(data: bytes) -> None:
    assert data.startswith(PNG)
    assert len(data) > 10_000  # a blank page compresses to far less


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The static site, built with a test base URL, served by http.server."""
    root = tmp_path_factory.mktemp("site") / "public"
    build_site(
        load_catalog(SITE_SEEDS),
        root,
        base_url="https://cal.example.org/summits/",
        today=date(2025, 2, 9),
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``summitcal serve`` (uvicorn) on a free loopback port."""
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "summitcal", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--seeds", str(SITE_SEEDS)]
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"summitcal serve exited early:\n{log.read_text()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(url + "events.json", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail("summitcal serve did not answer within 30 s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _assert_page(dom: _Dom, webcal_base: str) -> None:
    catalog = load_catalog(SITE_SEEDS)
    ids = dom.ids()
    for event in catalog:
        assert f"ev-{event.id}" in ids, event.id
    hrefs = dom.hrefs()
    assert f"{webcal_base}feeds/all.ics" in hrefs
    assert "feeds/all.ics" in hrefs
    assert any(h.startswith("https://calendar.google.com/calendar/r?cid=webcal") for h in hrefs)
    svgs = [a for tag, a in dom.elements if tag == "svg"]
    assert len(svgs) == 1
    assert svgs[0]["role"] == "img"
    marks = [h for h in hrefs if h.startswith("#ev-")]
    assert {m[1:] for m in marks} <= ids


def test_built_page_in_chromium(built_site: str, tmp_path: Path) -> None:
    dom = _parse(dump_dom(built_site, tmp_path))
    _assert_page(dom, "webcal://cal.example.org/summits/")
    for name, size in SIZES.items():
        _check_png(screenshot(built_site, tmp_path / f"built-{name}.png", size, tmp_path))


def test_built_page_from_a_file_url(built_site: str, tmp_path: Path) -> None:
    # The same site opened straight from disk: relative links still work.
    root = tmp_path / "copy"
    build_site(
        load_catalog(SITE_SEEDS), root, base_url="https://cal.example.org/", today=date(2025, 2, 9)
    )
    dom = _parse(dump_dom((root / "index.html").as_uri(), tmp_path))
    _assert_page(dom, "webcal://cal.example.org/")


def test_served_page_in_chromium(served: str, tmp_path: Path) -> None:
    dom = _parse(dump_dom(served, tmp_path))
    _assert_page(dom, served.replace("http://", "webcal://"))
    forms = [a.get("action") for tag, a in dom.elements if tag == "form"]
    assert "feeds/custom.ics" in forms
    for name, size in SIZES.items():
        _check_png(screenshot(served, tmp_path / f"served-{name}.png", size, tmp_path))
    feed = httpx.get(served + "feeds/all.ics", timeout=5)
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    again = httpx.get(
        served + "feeds/all.ics", headers={"if-none-match": feed.headers["etag"]}, timeout=5
    )
    assert again.status_code == 304


def test_served_timeline_svg_renders(served: str, tmp_path: Path) -> None:
    data = screenshot(served + "timeline.svg", tmp_path / "svg.png", "1280,900", tmp_path)
    _check_png(data)
