"""Output that cannot be turned against its reader, whatever the catalogue's texts hold.

* The SVG timeline is well-formed XML (an XML parser reads it) for any title, lane title,
  place or description, control characters, lone surrogates and U+FFFE/U+FFFF included.
* The text timeline sends no control character to the terminal.
* A URL holding ``\\N``, ``\\;`` or ``\\,`` reads back the same in icalendar and vobject.
* Events at the very end of 9999 give a typed FeedError naming the event, not a traceback;
  foreign feeds whose dates overflow are skipped with a reason.
* Zone keys without a slash (``Singapore``) come from the pinned tzdata, not the machine.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.dom.minidom
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from summitcal.catalog.catalog import Catalog
from summitcal.errors import FeedError
from summitcal.ical.read import read_calendar
from summitcal.ical.write import event_payload, to_ical
from summitcal.models import Revision, Series
from summitcal.models.events import Place, Status
from summitcal.span.span import DateSpan
from summitcal.web.timeline import render_svg, render_text
from tests.ical.test_ical import _simple as _event
from tests.interop.test_interop import _venv_python

ROOT = Path(__file__).parents[2]
TODAY = date(2025, 2, 9)
_NOON = datetime(2025, 2, 9, 12, tzinfo=UTC)

# Everything XML 1.0 forbids, and what a terminal would act on, among ordinary text.
_NASTY = "\x00\x07\x08\x0b\x0c\x1b\x1c\x1f\x7f\x85\x9b\ud800\udfff\ufffe\uffff\r"
_PIECES = st.one_of(
    st.sampled_from(list(_NASTY)),
    st.sampled_from(["\x1b[2J", "\x1b]0;owned\x07", "<", "&", "]]>", "<!--", '"', "'", "é"]),
    st.characters(),
)
HOSTILE = st.lists(_PIECES, min_size=1, max_size=20).map("".join)
NONBLANK = HOSTILE.filter(lambda s: bool(s.strip()))


@st.composite
def hostile_catalogs(draw: st.DrawFn) -> Catalog:
    """A summit with a part (so the close-up strip is drawn), both with hostile texts."""
    place = Place(country="FR", city=draw(NONBLANK), venue=draw(NONBLANK))
    summit = _event(
        "summit-2025",
        title=draw(NONBLANK),
        when=DateSpan.days(date(2025, 2, 10), date(2025, 2, 11)),
        place=place,
        description=draw(HOSTILE),
        series=["s"],
        status=draw(st.sampled_from(Status)),
    )
    part = _event(
        "part-2025",
        title=draw(NONBLANK),
        when=DateSpan.day(date(2025, 2, 10)),
        parent="summit-2025",
        series=["s"],
    )
    series = {"s": Series(id="s", title=draw(NONBLANK), description=draw(HOSTILE))}
    return Catalog(events=[summit, part, _event("other-2024", title=draw(NONBLANK))], series=series)


# --- SVG and terminal ------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(hostile_catalogs())
def test_svg_is_well_formed_xml_whatever_the_texts(cat: Catalog) -> None:
    svg = render_svg(cat, today=TODAY)
    # Parsed from UTF-8 bytes, as a browser or an XML tool gets the file.
    doc = xml.dom.minidom.parseString(svg.encode("utf-8"))
    assert doc.documentElement.tagName == "svg"


def test_svg_keeps_the_text_around_a_control_character() -> None:
    """A vertical tab (one was enough to break the file) goes; the title stays."""
    cat = Catalog(events=[_event(title="Paris\x0b summit \x1b[31mred")])
    svg = render_svg(cat, today=TODAY)
    xml.dom.minidom.parseString(svg.encode("utf-8"))
    assert "Paris summit [31mred" in svg


@settings(max_examples=100, deadline=None)
@given(hostile_catalogs())
def test_text_timeline_sends_no_control_character_to_the_terminal(cat: Catalog) -> None:
    out = render_text(cat, today=TODAY, width=100)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", out)
    out.encode("utf-8")  # no lone surrogate either


def test_text_timeline_drops_an_escape_sequence() -> None:
    cat = Catalog(events=[_event(title="Summit\x1b]0;owned\x07\x1b[2J\u009b2J", series=[])])
    out = render_text(cat, today=TODAY, width=100)
    assert "Summit]0;owned[2J2J" in out
    assert "\x1b" not in out
    assert "\x9b" not in out


# --- iCalendar text ----------------------------------------------------------------------


@pytest.mark.parametrize("title", ["a\ufffeb\uffff", "a\x85b\x9b\x7f"])
def test_forbidden_characters_leave_the_summary_but_read_back(title: str) -> None:
    """The summary drops them; the embedded JSON escapes them, so the event reads back."""
    event = _event(title=title)
    data = to_ical([event], name="t")
    (vevent,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "ab"
    assert read_calendar(data).events == (event,)
    assert json.loads(event_payload(event))["title"] == title


def test_a_lone_surrogate_is_a_typed_error_or_left_out() -> None:
    """No UTF-8 file can hold a lone surrogate (only code can make one: TOML cannot).
    Its content digest cannot be taken, so without a recorded revision the feed refuses
    it; with one, the summary drops it and reading back skips the event, saying why."""
    event = _event("lone-2025", title="a\ud800b")
    with pytest.raises(FeedError) as info:
        to_ical([event], name="t")
    assert info.value.target == "event 'lone-2025'"
    assert "surrogate" in info.value.reason
    revision = Revision(id=event.id, sequence=0, digest="sha256:0", modified=_NOON)
    data = to_ical([event], name="t", revisions={event.id: revision})
    (vevent,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "ab"
    result = read_calendar(data)
    assert result.events == ()
    assert "surrogate" in result.skipped[0].reason


# --- URLs ----------------------------------------------------------------------------------

BACKSLASH_URL = "https://example.org/a\\Nb\\;c\\,d"


def _url_lines(data: bytes, name: bytes = b"URL:") -> list[str]:
    lines = data.replace(b"\r\n ", b"").split(b"\r\n")  # unfolded
    return [line.decode() for line in lines if line.startswith(name)]


def test_backslash_in_a_url_is_percent_encoded() -> None:
    data = to_ical([_event(url=BACKSLASH_URL)], name="t")
    assert _url_lines(data) == ["URL:https://example.org/a%5CNb%5C;c%5C%2Cd"]
    (vevent,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(vevent["URL"]) == "https://example.org/a%5CNb%5C;c%5C%2Cd"
    assert not vevent.errors
    assert read_calendar(data).events[0].url == BACKSLASH_URL  # the event itself is exact


@pytest.mark.parametrize(
    ("url", "written"),
    [
        (
            'https://example.org/a b"c<d>e{f}g|h^i`j',
            "https://example.org/a%20b%22c%3Cd%3Ee%7Bf%7Dg%7Ch%5Ei%60j",
        ),
        ("https://example.org/caf\u00e9?q=\u5317", "https://example.org/caf%C3%A9?q=%E5%8C%97"),
        ("https://example.org/100%25/50%/%zz", "https://example.org/100%25/50%25/%25zz"),
        ("https://example.org/\r\nATTENDEE:x", "https://example.org/%0D%0AATTENDEE:x"),
        ("https://example.org/a?b=1;c=2&e=[4]#f~g!h$i'j(k)l*m+n@o", None),
        ("https://example.org/a?b=1,2", "https://example.org/a?b=1%2C2"),
        ("https://example.org/\ud800", "https://example.org/%ED%A0%80"),
    ],
)
def test_url_values_hold_only_what_rfc3986_allows_raw(url: str, written: str | None) -> None:
    event = _event(url=url)
    revision = Revision(id=event.id, sequence=0, digest="sha256:0", modified=_NOON)
    data = to_ical([event], name="t", url=url, revisions={event.id: revision})
    want = written or url
    assert _url_lines(data) == [f"URL:{want}", f"URL:{want}"]
    assert _url_lines(data, b"SOURCE") == [f"SOURCE;VALUE=URI:{want}"]


_VOBJECT = """
import json, sys, vobject
cal = vobject.readOne(sys.stdin.read())
print(json.dumps([cal.url.value, [e.url.value for e in cal.vevent_list]]))
"""


@pytest.mark.interop
def test_backslash_url_reads_the_same_in_icalendar_and_vobject() -> None:
    data = to_ical([_event(url=BACKSLASH_URL)], name="t", url=BACKSLASH_URL)
    cal = Calendar.from_ical(data)
    by_icalendar = [str(cal["URL"]), [str(e["URL"]) for e in cal.walk("VEVENT")]]
    proc = subprocess.run(
        [str(_venv_python()), "-c", _VOBJECT],
        input=data.decode(),
        capture_output=True,
        check=True,
        text=True,
    )
    assert json.loads(proc.stdout) == by_icalendar
    assert by_icalendar[1] == ["https://example.org/a%5CNb%5C;c%5C%2Cd"]


# --- the end of 9999 -----------------------------------------------------------------------

_LAST_DAY = date(9999, 12, 31)


@pytest.mark.parametrize(
    "when",
    [
        DateSpan.day(_LAST_DAY),
        DateSpan.days(date(9999, 12, 20), _LAST_DAY),
        DateSpan.from_timex("9999"),
        DateSpan.at(_LAST_DAY, time(23, 30), zone="UTC"),
        DateSpan.at(_LAST_DAY, time(23, 30), zone="Asia/Tokyo"),
        DateSpan.at(_LAST_DAY, time(23, 30), zone="America/New_York"),
    ],
    ids=str,
)
def test_events_at_the_end_of_9999_give_a_typed_error(when: DateSpan) -> None:
    with pytest.raises(FeedError) as info:
        to_ical([_event("y9999-end", when=when)], name="t", include_undated=True)
    assert info.value.target == "event 'y9999-end'"
    assert "9999" in info.value.reason


@pytest.mark.parametrize(
    "when",
    [
        DateSpan.day(date(9999, 12, 30)),
        DateSpan.at(_LAST_DAY, time(22, 30), zone="UTC"),
        DateSpan.at(_LAST_DAY, time(22, 30), zone="Asia/Tokyo"),
        DateSpan.at(_LAST_DAY, time(23, 30), end=time(23, 59), zone="Europe/Paris"),
    ],
    ids=str,
)
def test_what_fits_in_9999_is_written_and_reads_back(when: DateSpan) -> None:
    event = _event("y9999-ok", when=when)
    assert read_calendar(to_ical([event], name="t")).events == (event,)


def test_timelines_draw_events_at_the_end_of_9999() -> None:
    cat = Catalog(events=[_event(when=DateSpan.day(_LAST_DAY)), _event("y-2025")])
    xml.dom.minidom.parseString(render_svg(cat, today=TODAY).encode("utf-8"))
    assert "9999" in render_text(cat, today=TODAY, width=100)


def _foreign(start: str, end: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:far@example.org\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:Far\r\n{start}\r\n{end}\r\n"
        "URL:https://example.org/far\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("DTSTART;VALUE=DATE:99991231", "DURATION:P2D"),
        ("DTSTART:99991231T230000Z", "DURATION:PT2H"),
        ("DTSTART;VALUE=DATE:00010101", "DURATION:-P1D"),
        ("DTSTART:99991231T230000Z", "DTEND;TZID=America/New_York:99991231T230000"),
    ],
)
def test_foreign_dates_that_overflow_are_skipped_with_a_reason(start: str, end: str) -> None:
    result = read_calendar(_foreign(start, end), source_url="https://example.org/")
    assert result.events == ()
    (skip,) = [s for s in result.skipped if s.what == "VEVENT"]
    assert "out of range" in skip.reason


# --- zones ---------------------------------------------------------------------------------

_ZONES_FEED = """
import sys
from datetime import UTC, date, datetime, time, timedelta
from summitcal.ical.write import to_ical
from summitcal.models.events import Event, EventKind, Source, Status
from summitcal.span.span import DateSpan
events = [
    Event(id=f"z-{i}", kind=EventKind.MEETING, title=key, status=Status.CONFIRMED,
          when=DateSpan.at(date(2025, 3, 1), time(9), zone=key),
          sources=[Source(url="https://example.org/z")])
    for i, key in enumerate(sys.argv[1:])
]
sys.stdout.buffer.write(to_ical(events, name="zones"))
"""
_KEYS = ["Singapore", "EST5EDT", "GMT", "Japan", "Asia/Singapore"]


def _zones_feed(tzpath: Path | None) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONTZPATH"}
    if tzpath is not None:
        env["PYTHONTZPATH"] = str(tzpath)
    proc = subprocess.run(
        [sys.executable, "-c", _ZONES_FEED, *_KEYS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    )
    return proc.stdout


def test_zone_keys_without_a_slash_do_not_depend_on_the_system_database(
    tmp_path: Path,
) -> None:
    """A system database whose Singapore, EST5EDT, GMT and Japan are New York's changes
    nothing: those keys come from the pinned tzdata like the others."""
    import tzdata

    new_york = Path(tzdata.__file__).parent / "zoneinfo" / "America" / "New_York"
    for key in _KEYS:
        fake = tmp_path / key
        fake.parent.mkdir(parents=True, exist_ok=True)
        fake.write_bytes(new_york.read_bytes())
    with_fake = _zones_feed(tmp_path)
    assert with_fake == _zones_feed(None)
    assert b"TZID:Singapore" in with_fake


def test_get_zone_reads_keys_without_a_slash_from_tzdata(tmp_path: Path) -> None:
    """Even when the system database (first on TZPATH) says otherwise."""
    import zoneinfo

    import tzdata

    from summitcal.span.zones import get_zone

    new_york = Path(tzdata.__file__).parent / "zoneinfo" / "America" / "New_York"
    (tmp_path / "Singapore").write_bytes(new_york.read_bytes())
    winter = datetime(2025, 1, 15, 12, tzinfo=UTC)  # read as a wall time by utcoffset
    zoneinfo.reset_tzpath(to=[str(tmp_path)])
    zoneinfo.ZoneInfo.clear_cache()
    get_zone.cache_clear()
    try:
        assert zoneinfo.ZoneInfo("Singapore").utcoffset(winter) == timedelta(hours=-5)
        assert get_zone("Singapore").utcoffset(winter) == timedelta(hours=8)
        for key in ("UTC", "GMT", "EST5EDT", "Japan", "America/Argentina/Buenos_Aires"):
            assert get_zone(key).key == key
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        get_zone.cache_clear()
