"""Properties of to_ical/read_calendar over generated events and hostile text."""

from __future__ import annotations

from datetime import time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from summitcal.ical.read import read_calendar
from summitcal.ical.text import clean_text
from summitcal.ical.write import to_ical
from summitcal.models.events import Event, EventKind, Place, Source, Status
from summitcal.span.span import DateSpan
from tests.ical_validate import feed_problems
from tests.strategies import days_between

# Text with everything that breaks calendar files: the TEXT separators, backslashes before
# N/n, CR and LF, quotes, colons, content-line look-alikes and any Unicode letter.
_PIECES = st.one_of(
    st.sampled_from(["\\", "N", "n", ";", ",", ":", '"', "\r", "\n", "\r\n", "\t", " "]),
    st.sampled_from(["BEGIN:VEVENT", "END:VCALENDAR", "UID:x", "é", "北", "🗓️", "\u2028"]),
    st.characters(blacklist_categories=("Cs",)),
)
HOSTILE = st.lists(_PIECES, max_size=25).map("".join)
NONBLANK = HOSTILE.filter(lambda s: bool(s.strip()))
# One line of text: no control characters (Cc), lone surrogates or non-characters.
LOCATIONS = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=20,
).filter(lambda s: bool(s.strip()))
DAYS = days_between(1990, 2090)


@st.composite
def spans(draw: st.DrawFn) -> DateSpan:
    first = draw(DAYS)
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return DateSpan.days(first, first + timedelta(days=draw(st.integers(0, 10))))
    start = time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))
    zone = draw(st.sampled_from([None, "UTC", "Europe/Paris", "Asia/Kolkata", "America/New_York"]))
    end = draw(st.none() | st.just(time(23, 59)))
    return DateSpan.at(first, start, end=end, zone=zone)


@st.composite
def events(draw: st.DrawFn, index: int) -> Event:
    place = draw(
        st.none()
        | st.builds(Place, country=st.just("FR"), city=NONBLANK | st.none(), venue=NONBLANK)
    )
    return Event(
        id=f"event-{index}",
        kind=draw(st.sampled_from(EventKind)),
        title=draw(NONBLANK),
        when=draw(spans()),
        status=draw(st.sampled_from(Status)),
        sources=[Source(url="https://example.org/" + str(index), title=draw(NONBLANK))],
        place=place,
        location=draw(st.none() | LOCATIONS) if place is None else None,
        description=draw(HOSTILE),
        tags=draw(st.lists(NONBLANK, max_size=3)),
    )


@st.composite
def event_lists(draw: st.DrawFn) -> list[Event]:
    return [draw(events(i)) for i in range(draw(st.integers(1, 4)))]


@settings(max_examples=100, deadline=None)
@given(event_lists())
def test_round_trip_and_no_injection(evs: list[Event]) -> None:
    """Reading a feed back gives the very events written; no text adds a property or a
    component; the feed passes our own checks; titles read back as clean text."""
    data = to_ical(evs, name="Property feed")
    assert feed_problems(data) == ()
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == len(evs)
    assert read_calendar(data).events == tuple(sorted(evs, key=lambda e: e.sort_key))
    by_uid = {str(v["UID"]): v for v in Calendar.from_ical(data).walk("VEVENT")}
    for e in evs:
        vevent = by_uid[f"{e.id}@summitcal"]
        summary = str(vevent["SUMMARY"])
        assert summary.startswith(clean_text(e.title))
        assert str(vevent["DESCRIPTION"]).startswith(clean_text(e.description))
        if e.location is not None:
            assert str(vevent["LOCATION"]) == e.location
        names = {str(k) for k in vevent}
        assert names <= {
            "SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE", "LAST-MODIFIED",
            "STATUS", "DESCRIPTION", "LOCATION", "CATEGORIES", "TRANSP", "X-SUMMITCAL-EVENT",
        }  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(event_lists())
def test_bytes_depend_only_on_events(evs: list[Event]) -> None:
    assert to_ical(evs, name="x") == to_ical(list(reversed(evs)), name="x")
