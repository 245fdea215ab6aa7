"""The built and the served page in a real browser (headless Chromium).

Chromium is driven from the command line (``--dump-dom`` for the DOM after parsing,
``--screenshot`` for the picture), so no browser download or driver is needed.  Without
Chromium these tests fail, saying how to install it.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import os
import re
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
from typing import Any

import httpx
import pytest

from summitcal import load_catalog
from summitcal.span.words import relative_to, short_day
from summitcal.web.site import build_site
from summitcal.web.timeline import render_svg

pytestmark = pytest.mark.browser

SITE_SEEDS = Path(__file__).parents[1] / "data" / "site"
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
    # The reader's zone is fixed, so that the tests know which day the page's script sees.
    env = {**os.environ, "TZ": "UTC"}
    return subprocess.run(command, capture_output=True, timeout=90, check=True, env=env)


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


@contextlib.contextmanager
def _serve_directory(root: Path) -> Iterator[str]:
    """``root`` served by http.server on a free loopback port, for as long as it is open."""
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
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The static site, built with a test base URL, served by http.server."""
    root = tmp_path_factory.mktemp("site") / "public"
    build_site(
        load_catalog(SITE_SEEDS),
        root,
        base_url="https://cal.example.org/summits/",
        today=date(2025, 2, 9),
    )
    with _serve_directory(root) as url:
        yield url


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
    assert svgs[0]["role"] == "figure"  # it holds links: not an img, which is a leaf
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


# --- the page's script, measured in the browser ---------------------------------------

#: The build date of the probed site: long before any reader's day.
BUILT = date(2025, 2, 9)
AXE = Path(__file__).parents[1] / "interop" / "node_modules" / "axe-core" / "axe.min.js"
#: Run after the page's own script (deferred scripts run in order): what the reader
#: sees, a search, two year steps, then axe-core; the findings go into the DOM as JSON.
PROBE_JS = r"""
(function () {
  "use strict";
  function rect(el) {
    if (!el) return null;
    var r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
  }
  function shown(sel) {
    var el = document.querySelector(sel);
    return !!el && getComputedStyle(el).display !== "none" && !el.closest("[hidden]");
  }
  function ids(sel) {
    return Array.prototype.map.call(document.querySelectorAll(sel), function (a) {
      return a.getAttribute("href").slice(1);
    });
  }
  var out = { readerDay: document.documentElement.dataset.readerDay };
  var box = document.querySelector(".timeline-scroll");
  var line = document.querySelector(".tl-now line");
  out.timeline = {
    shown: shown(".timeline-scroll"),
    box: rect(box),
    today: rect(line),
    todayX: line && Number(line.getAttribute("x1")),
    label: document.querySelector(".tl-now text").textContent,
    pin: document.querySelector(".tl-pin").getAttribute("transform"),
    scrollLeft: box.scrollLeft,
    clientLeft: box.clientLeft,
    clientWidth: box.clientWidth,
    titles: Number(document.querySelector(".timeline-scroll svg").dataset.axisX)
  };
  var mark = document.getElementById("vt-today");
  var before = mark.previousElementSibling, after = mark.nextElementSibling;
  out.vertical = {
    shown: shown(".vt-box"),
    label: mark.textContent,
    before: before && before.dataset.last,
    after: after && after.dataset.last,
    box: rect(document.querySelector(".vt-box")),
    mark: rect(mark)
  };
  out.now = {
    upcoming: ids("#upcoming-list .now-item:not([hidden]) a"),
    recent: ids("#recent-list .now-item:not([hidden]) a"),
    rel: Array.prototype.map.call(document.querySelectorAll(".now-item"), function (li) {
      return [li.querySelector("a").getAttribute("href").slice(4),
        li.querySelector(".rel").textContent];
    }),
    top: rect(document.getElementById("now-h")).top
  };
  out.page = {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth
  };
  out.search = { shown: shown("#search") };
  var input = document.getElementById("q");
  input.value = "elysee DINNER";
  input.dispatchEvent(new Event("input"));
  out.search.dinner = ids("#search-results a");
  out.search.status = document.getElementById("search-status").textContent;
  input.value = "no such words anywhere";
  input.dispatchEvent(new Event("input"));
  out.search.none = document.getElementById("search-status").textContent;
  input.value = "summit";
  input.dispatchEvent(new Event("input"));
  out.search.summit = ids("#search-results a").length;
  if (out.timeline.shown) {
    var start = box.scrollLeft;
    document.querySelector('.tl-tools [data-step="-1"]').click();
    out.timeline.stepBack = start - box.scrollLeft;
    document.querySelector('.tl-tools [data-step="0"]').click();
    out.timeline.backToToday = box.scrollLeft - start;
    // "A year on" until there is nowhere further to go: then it says so, and stays put.
    var on = document.querySelector('.tl-tools [data-step="1"]');
    var clicks = 0;
    out.timeline.onDisabledAtToday = on.getAttribute("aria-disabled");
    while (on.getAttribute("aria-disabled") !== "true" && clicks < 100) {
      on.click();
      clicks += 1;
    }
    out.timeline.yearsOn = clicks;
    out.timeline.leftToScroll = box.scrollWidth - box.clientWidth - box.scrollLeft;
    var end = box.scrollLeft;
    on.click();
    out.timeline.movedAtEnd = box.scrollLeft - end;
    out.timeline.backDisabled =
      document.querySelector('.tl-tools [data-step="-1"]').getAttribute("aria-disabled");
    document.querySelector('.tl-tools [data-step="0"]').click();
  }
  function done(result) {
    var pre = document.createElement("pre");
    pre.id = "probe-result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  window.axe.run(document, { resultTypes: ["violations"] }).then(function (res) {
    out.axe = res.violations.map(function (v) {
      return { id: v.id, impact: v.impact, nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }) };
    });
    done(out);
  }, function (err) {
    out.axeError = String(err);
    done(out);
  });
})();
"""


def _axe() -> bytes:
    if not AXE.exists():
        pytest.fail("axe-core is needed for the accessibility check: bash .ci/interop-setup.sh")
    return AXE.read_bytes()


@contextlib.contextmanager
def _probed(root: Path, seeds: Path | None) -> Iterator[str]:
    """The site of ``seeds`` (the shipped catalogue for None), built for a day long past,
    with a copy of its page that also loads axe-core and the probe (same-origin files, as
    the policy wants)."""
    build_site(load_catalog(seeds), root, base_url="https://cal.example.org/", today=BUILT)
    page = (root / "index.html").read_text("utf-8")
    extra = '<script src="axe.min.js" defer></script><script src="probe.js" defer></script>'
    (root / "probe.html").write_text(page.replace("</head>", extra + "</head>"), "utf-8")
    (root / "axe.min.js").write_bytes(_axe())
    (root / "probe.js").write_text(PROBE_JS, "utf-8")
    with _serve_directory(root) as url:
        yield url


@pytest.fixture(scope="module")
def probed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped catalogue's site, probed (see :func:`_probed`)."""
    with _probed(tmp_path_factory.mktemp("probed") / "public", None) as url:
        yield url


def _reader_days() -> set[str]:
    """The reader's day as the browser sees it (Chromium runs with TZ=UTC), either side
    of a midnight that may fall during the run."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    return {(now + timedelta(minutes=m)).date().isoformat() for m in (-2, 0, 2)}


def probe(url: str, size: str, tmp: Path) -> dict[str, Any]:
    """The probe's findings on the page at ``url`` in a window of ``size``."""
    args = ["--virtual-time-budget=30000", f"--window-size={size}", "--dump-dom", url]
    dom = _run(args, tmp / f"profile-probe-{size.replace(',', 'x')}").stdout.decode("utf-8")
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, flags=re.S)
    assert found, "the probe did not finish"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def _serious(result: dict[str, Any]) -> list[dict[str, Any]]:
    assert "axeError" not in result, result.get("axeError")
    return [v for v in result["axe"] if v["impact"] in ("serious", "critical")]


def _expected_now(day: str) -> tuple[list[str], list[str]]:
    from summitcal.web.site import upcoming_and_recent

    upcoming, recent = upcoming_and_recent(load_catalog(), date.fromisoformat(day))
    return [f"ev-{e.id}" for e in upcoming], [f"ev-{e.id}" for e in recent]


def _assert_today_centred(tl: dict[str, Any]) -> None:
    """The today line is within a tenth of the scroller's width of its centre, and at the
    centre of the part of it the lane titles leave."""
    box, line = tl["box"], tl["today"]
    assert abs(line["left"] - (box["left"] + box["width"] / 2)) <= box["width"] / 10, tl
    inner = box["left"] + tl["clientLeft"] + (tl["titles"] + tl["clientWidth"]) / 2
    assert line["left"] == pytest.approx(inner, abs=3), tl


def test_desktop_page_opens_on_today_at_the_readers_date(probed_site: str, tmp_path: Path) -> None:
    result = probe(probed_site + "probe.html", SIZES["desktop"], tmp_path)
    day = result["readerDay"]
    assert day in _reader_days()
    # The today mark is the reader's, not the build's.
    tl = result["timeline"]
    assert tl["shown"]
    assert tl["label"] == f"Today, {short_day(date.fromisoformat(day))}"
    # The script's arithmetic is the library's: the same x as a picture drawn for that day.
    svg_today = render_svg(load_catalog(), today=date.fromisoformat(day))
    found = re.search(r'<g class="tl-now"[^>]*>\s*<line x1="([\d.]+)"', svg_today)
    assert found
    assert tl["todayX"] == pytest.approx(float(found.group(1)), abs=0.1)
    # ... and it is in the middle of the view (of the part the lane titles leave).
    _assert_today_centred(tl)
    assert tl["scrollLeft"] > 0  # the picture did not open on its first year
    assert tl["pin"] == f"translate({tl['scrollLeft']} 0)"
    assert tl["stepBack"] > 0  # "a year back" moved the view
    assert tl["backToToday"] == 0  # "today" brought it back
    # "A year on" moves on from today, and at the end of the picture is marked disabled
    # and does nothing; "a year back" is then live.
    assert tl["onDisabledAtToday"] == "false"
    assert 1 <= tl["yearsOn"] < 10
    assert tl["leftToScroll"] <= 1
    assert tl["movedAtEnd"] == 0
    assert tl["backDisabled"] == "false"
    # The lists are the reader's: what has ended by the reader's day is "recently".
    upcoming, recent = _expected_now(day)
    assert result["now"]["upcoming"] == upcoming
    assert result["now"]["recent"] == recent
    assert result["now"]["top"] < 1000  # the first screen shows "now"
    # How far off each is, from the reader's day, in the CLI's words (coarse dates too).
    catalog = load_catalog()
    reader = date.fromisoformat(day)
    rel = result["now"]["rel"]
    assert rel
    assert rel == [[i, relative_to(catalog.get(i).when, reader)] for i, _ in rel]
    assert not result["vertical"]["shown"]
    assert result["search"]["shown"]
    # Without accents or case: "elysee DINNER" finds the Élysée dinner (and what names it).
    found = result["search"]["dinner"]
    assert "ev-paris-2025-elysee-dinner" in found
    assert len(found) < 5
    assert result["search"]["status"] == f"{len(found)} of {len(load_catalog())} events match"
    assert result["search"]["none"] == "No event matches."
    assert result["search"]["summit"] > 5
    assert _serious(result) == [], result["axe"]


def test_today_is_centred_past_the_end_of_the_built_axis(tmp_path: Path) -> None:
    """The test catalogue ends in 2027 and was built in 2025, so its axis ends with 2028:
    too soon after a reader's day from late 2026 on to centre it without the room the
    script makes after the picture."""
    with _probed(tmp_path / "public", SITE_SEEDS) as url:
        result = probe(url + "probe.html", SIZES["desktop"], tmp_path)
    _assert_today_centred(result["timeline"])
    assert result["timeline"]["movedAtEnd"] == 0
    assert _serious(result) == [], result["axe"]


def test_phone_page_has_a_vertical_timeline_at_the_readers_date(
    probed_site: str, tmp_path: Path
) -> None:
    result = probe(probed_site + "probe.html", SIZES["phone"], tmp_path)
    day = result["readerDay"]
    assert day in _reader_days()
    assert not result["timeline"]["shown"]
    vertical = result["vertical"]
    assert vertical["shown"]
    assert vertical["label"] == f"Today, {short_day(date.fromisoformat(day))}"
    # Newest first: above the mark, events not over by the reader's day; below, the past.
    assert vertical["before"] is None or vertical["before"] >= day
    assert vertical["after"] is None or vertical["after"] < day
    box, mark = vertical["box"], vertical["mark"]
    assert box["top"] <= mark["top"] <= box["bottom"]  # scrolled into its box's view
    assert result["page"]["scrollWidth"] <= result["page"]["clientWidth"]  # no sideways page
    assert _serious(result) == [], result["axe"]


def test_screenshots_of_the_readers_page(probed_site: str, tmp_path: Path) -> None:
    for name, size in SIZES.items():
        _check_png(screenshot(probed_site, tmp_path / f"now-{name}.png", size, tmp_path))


def test_the_script_runs_from_a_file_url(tmp_path: Path) -> None:
    """script-src 'self' lets a page opened from disk load its own script in Chromium."""
    root = tmp_path / "site"
    build_site(load_catalog(SITE_SEEDS), root, base_url="https://cal.example.org/", today=BUILT)
    dom = dump_dom((root / "index.html").as_uri(), tmp_path)
    assert re.search(r'<html lang="en" data-built="2025-02-09" data-reader-day="[\d-]+"', dom)
    assert '<section id="search" aria-labelledby="search-h">' in dom  # no longer hidden
