"""A running server keeps its catalogue until a reload that loads cleanly swaps in another."""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from summitcal import load_catalog
from summitcal.web.server import FeedServer, RenderPolicy, create_app
from tests.web.test_server import NOW, SITE_SEEDS, call

OLD, NEW = b"AI Action Summit", b"AI Action Summit (renamed)"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SITE_SEEDS, folder)
    return folder


def rename(seeds: Path) -> None:
    file = seeds / "catalog.toml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace('"AI Action Summit"', '"AI Action Summit (renamed)"', 1))


def app_on(seeds: Path) -> FeedServer:
    return create_app(load_catalog(seeds), clock=lambda: NOW, renders=RenderPolicy(mode="thread"))


def test_edits_are_served_only_after_a_reload(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = app_on(seeds)
    rename(seeds)
    assert NEW not in call(app, "/feeds/all.ics").body  # the startup copy, until asked
    with caplog.at_level(logging.INFO, "summitcal"):
        assert asyncio.run(app.reload(lambda: load_catalog(seeds))) is True
    assert NEW in call(app, "/feeds/all.ics").body
    assert NEW in call(app, "/events.json").body
    assert "reloaded the catalogue" in caplog.text


@pytest.mark.parametrize("breakage", ["bad toml", "removed"])
def test_a_failed_reload_keeps_the_old_catalogue_and_logs_one_line(
    seeds: Path, caplog: pytest.LogCaptureFixture, breakage: str
) -> None:
    app = app_on(seeds)
    before = call(app, "/feeds/all.ics")
    if breakage == "removed":
        shutil.rmtree(seeds)
    else:
        with (seeds / "catalog.toml").open("a", encoding="utf-8") as f:
            f.write("\n[[event]\nid = \n")
    with caplog.at_level(logging.INFO, "summitcal"):
        assert asyncio.run(app.reload(lambda: load_catalog(seeds))) is False
    after = call(app, "/feeds/all.ics")
    assert after.body == before.body
    assert after.headers["etag"] == before.headers["etag"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    message = errors[0].getMessage()
    assert "\n" not in message
    assert str(seeds) in message
    assert errors[0].exc_info is None


def test_an_unchanged_catalogue_is_not_swapped(seeds: Path) -> None:
    app = app_on(seeds)
    state = app.state
    assert asyncio.run(app.reload(lambda: load_catalog(seeds))) is False
    assert app.state is state


def _serve(seeds: Path, *extra: str) -> tuple[subprocess.Popen[bytes], int]:
    argv = [sys.executable, "-m", "summitcal", "serve", "--port", "0", "--seeds", str(seeds)]
    proc = subprocess.Popen([*argv, *extra], stderr=subprocess.PIPE)
    assert proc.stderr is not None
    for line in proc.stderr:
        if found := re.search(rb"running on http://127\.0\.0\.1:(\d+)", line):
            return proc, int(found[1])
    raise AssertionError("the server did not start")


def _wait_for(port: int, text: bytes, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/feeds/all.ics", timeout=5) as r:
            if text in r.read():
                return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["SIGHUP", "--reload-interval"])
def test_serve_reloads_on_sighup_or_on_a_change(seeds: Path, how: str) -> None:
    extra = ("--reload-interval", "0.2") if how != "SIGHUP" else ()
    proc, port = _serve(seeds, "--render-mode", "thread", *extra)
    try:
        assert _wait_for(port, OLD, 5)
        rename(seeds)
        if how == "SIGHUP":
            proc.send_signal(signal.SIGHUP)
        assert _wait_for(port, NEW)
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    assert b"reloaded the catalogue" in err
    assert b"Traceback" not in err
