"""The feeds against independent parsers and a real CalDAV server.

Every named feed of the shipped catalogue, the fixture feed with undated events and the
hostile-text feed are written to a temporary folder, then read by Mozilla's ical.js
(node), vobject, `ical` (Home Assistant's), ics-py, icalendar, and a Radicale server on
loopback that receives each file by PUT and hands the events back through the `caldav`
client.  Each must return exactly the UIDs, summaries, descriptions, locations, first
and last days (or UTC instants) that the feed holds.

The checkers run in their own environment (.ci/interop-setup.sh), because caldav's
dependencies pin python-dateutil<3.  Without it these tests fail, saying so.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from summitcal import load_catalog
from summitcal.feeds.feeds import FeedSpec, feed_specs, render_feed
from summitcal.ical.text import clean_text, escape_text
from tests.ical_validate import feed_problems

pytestmark = pytest.mark.interop

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = ROOT / "tests" / "data"
SETUP_HINT = "run `bash .ci/interop-setup.sh` to install the interop checkers"
FIELDS = ("summary", "description", "location", "start", "end")


def _venv_python() -> Path:
    venv = Path(os.environ.get("SUMMITCAL_INTEROP_VENV", ROOT / ".ci" / ".interop-venv"))
    python = venv / "bin" / "python"
    if not python.exists():
        pytest.fail(f"no interop environment at {venv}: {SETUP_HINT}")
    return python


def _norm(value: Any) -> str | None:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "floating:" + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else str(value)


def _expected(data: bytes) -> dict[str, dict[str, str | None]]:
    """What every parser should find: icalendar's reading of our bytes (its parser
    unescapes in one pass, as RFC 5545 wants; the hostile test pins it to the data)."""
    out = {}
    for ev in Calendar.from_ical(data).walk("VEVENT"):
        out[str(ev["UID"])] = {
            "summary": str(ev["SUMMARY"]),
            "description": str(ev["DESCRIPTION"]),
            "location": str(ev["LOCATION"]) if "LOCATION" in ev else None,
            "start": _norm(ev["DTSTART"].dt),
            "end": _norm(ev["DTEND"].dt),
        }
    return out


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """file path -> expected events, for every feed checked."""
    folder = tmp_path_factory.mktemp("feeds")
    shipped = load_catalog()
    files = {f"{s.name}.ics": render_feed(shipped, s) for s in feed_specs()}
    for fixture, undated in (("ical_hostile", False), ("ical_fixture", True)):
        spec = FeedSpec(name=fixture.replace("_", "-"), title=f"{fixture} feed")
        files[f"{fixture}.ics"] = render_feed(
            load_catalog(DATA / fixture), spec, include_undated=undated
        )
    out = {}
    for name, data in files.items():
        assert feed_problems(data) == (), name
        path = folder / name
        path.write_bytes(data)
        out[str(path)] = _expected(data)
    return out


def _compare(name: str, got: dict[str, Any], want: dict[str, Any], text=lambda s: s) -> None:  # type: ignore[no-untyped-def]
    assert sorted(got) == sorted(want), f"{name}: UIDs differ"
    for uid, fields in want.items():
        for field in FIELDS:
            expected = fields[field]
            if field in ("summary", "description", "location") and expected is not None:
                expected = text(expected)
            assert got[uid][field] == expected, f"{name} {uid} {field}"


def test_hostile_text_reaches_the_feed_intact(feeds: dict[str, dict[str, Any]]) -> None:
    """The reference reading holds the hostile source text exactly (line breaks as LF)."""
    hostile = next(v for k, v in feeds.items() if k.endswith("ical_hostile.ics"))
    event = load_catalog(DATA / "ical_hostile").get("hostile-text-2025")
    ref = hostile["hostile-text-2025@summitcal"]
    assert ref["summary"] == clean_text(event.title)
    assert ref["description"].startswith(clean_text(event.description) + "\n\n")
    assert event.place is not None
    assert ref["location"].startswith(clean_text(event.place.venue or ""))


def test_icalendar(feeds: dict[str, dict[str, Any]]) -> None:
    """icalendar parses every feed without recording a broken property."""
    for path in feeds:
        cal = Calendar.from_ical(Path(path).read_bytes())
        assert all(not c.errors for c in cal.walk()), path


def test_icaljs(feeds: dict[str, dict[str, Any]]) -> None:
    if not (HERE / "node_modules" / "ical.js").is_dir():
        pytest.fail(f"ical.js is not installed in {HERE / 'node_modules'}: {SETUP_HINT}")
    proc = subprocess.run(
        ["node", "check_icaljs.mjs", *feeds],
        cwd=HERE,
        capture_output=True,
        check=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    for path, want in feeds.items():
        assert report[path]["error"] is None, report[path]["error"]
        _compare(f"ical.js {Path(path).name}", report[path]["events"], want)


def _ics_py_reading(text: str) -> str:
    """What ics-py 0.7 makes of our correctly escaped text: it unescapes with a chain of
    replacements, so a literal backslash before n or N comes back as a line break.  That
    is its parser's defect (the other parsers read the same bytes right); the test checks
    that this is the only difference."""
    escaped = escape_text(text)
    for old, new in (("\\;", ";"), ("\\,", ","), ("\\n", "\n"), ("\\N", "\n")):
        escaped = escaped.replace(old, new)
    for old, new in (("\\r", "\r"), ("\\R", "\r"), ("\\\\", "\\")):
        escaped = escaped.replace(old, new)
    return escaped


@pytest.mark.parametrize("parser", ["vobject", "ical", "ics"])
def test_python_parsers(feeds: dict[str, dict[str, Any]], parser: str) -> None:
    proc = subprocess.run(
        [str(_venv_python()), "check_python.py", *feeds],
        cwd=HERE,
        capture_output=True,
        check=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    text = _ics_py_reading if parser == "ics" else (lambda s: s)
    for path, want in feeds.items():
        result = report[path][parser]
        assert result["error"] is None, f"{parser} {path}: {result['error']}"
        _compare(f"{parser} {Path(path).name}", result["events"], want, text)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server on a free loopback port, no auth, temporary storage."""
    python = _venv_python()
    port = _free_port()
    storage = tmp_path_factory.mktemp("radicale")
    log = (storage / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            str(python),
            "-m",
            "radicale",
            *("--server-hosts", f"127.0.0.1:{port}"),
            *("--storage-filesystem-folder", str(storage / "collections")),
            *("--auth-type", "none", "--rights-type", "owner_only"),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("Radicale did not start: " + (storage / "server.log").read_text())
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_radicale_caldav(feeds: dict[str, dict[str, Any]], radicale: str) -> None:
    """Radicale accepts each feed by PUT, and caldav lists the same events back."""
    proc = subprocess.run(
        [str(_venv_python()), "check_caldav.py", radicale, *feeds],
        cwd=HERE,
        capture_output=True,
        check=True,
        text=True,
    )
    report = json.loads(proc.stdout)
    for path, want in feeds.items():
        entry = report[path]
        assert entry["error"] is None, entry["error"]
        assert entry["status"] in (200, 201, 204), f"{path}: HTTP {entry['status']}"
        _compare(f"radicale {Path(path).name}", entry["events"], want)
