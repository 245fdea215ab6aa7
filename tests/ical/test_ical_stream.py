"""The feed written a VEVENT at a time is the feed of one Calendar holding every VEVENT,
byte for byte, and a file is replaced only by a whole feed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given, settings

from summitcal import load_catalog
from summitcal.atomic import atomic_write_chunks
from summitcal.errors import FeedError
from summitcal.ical import write
from summitcal.ical.times import is_undated, vtimezones
from summitcal.ical.vevent import vevent
from summitcal.ical.write import iter_ical, to_ical, write_calendar
from summitcal.models.events import Event
from summitcal.models.revision import Revision, derived_revision
from summitcal.span.span import DateSpan
from tests.ical.test_ical_properties import event_lists

URL = "https://example.org/all.ics"


def whole_calendar(
    events: list[Event],
    *,
    include_undated: bool,
    embed_data: bool,
    revisions: Mapping[str, Revision],
) -> bytes:
    """The feed as one icalendar Calendar with every VEVENT added, serialised at once."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    titles = {e.id: e.title for e in ordered}
    chosen = [e for e in ordered if include_undated or not is_undated(e.when)]
    cal = write._calendar(
        "Summits", "summits.feed@summitcal", "All of them.", URL, write.DEFAULT_REFRESH
    )
    for tz in vtimezones(chosen):
        cal.add_component(tz)
    latest: datetime | None = None
    for event in chosen:
        revision = revisions.get(event.id) or derived_revision(event)
        latest = revision.modified if latest is None else max(latest, revision.modified)
        cal.add_component(vevent(event, revision, titles, embed_data=embed_data))
    if latest is not None:
        cal.add("LAST-MODIFIED", latest)
    data: bytes = cal.to_ical()
    return data


def streamed(events: list[Event], **options: object) -> bytes:
    return to_ical(events, name="Summits", description="All of them.", url=URL, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("include_undated", [False, True])
@pytest.mark.parametrize("embed_data", [True, False])
def test_the_shipped_catalogue_gives_the_bytes_of_one_whole_calendar(
    include_undated: bool, embed_data: bool
) -> None:
    catalog = load_catalog()
    events = list(catalog)
    expected = whole_calendar(
        events, include_undated=include_undated, embed_data=embed_data, revisions=catalog.revisions
    )
    got = streamed(
        events,
        include_undated=include_undated,
        embed_data=embed_data,
        revisions=catalog.revisions,
    )
    assert got == expected
    assert got.count(b"BEGIN:VEVENT") > 10


@settings(max_examples=40, deadline=None)
@given(event_lists())
def test_any_events_give_the_bytes_of_one_whole_calendar(evs: list[Event]) -> None:
    expected = whole_calendar(evs, include_undated=True, embed_data=True, revisions={})
    assert streamed(evs, include_undated=True) == expected


def test_no_events_give_the_calendar_alone() -> None:
    expected = whole_calendar([], include_undated=False, embed_data=True, revisions={})
    assert streamed([]) == expected
    assert b"LAST-MODIFIED" not in expected


def test_pieces_are_the_head_each_event_and_the_end() -> None:
    events = list(load_catalog())
    pieces = list(iter_ical(events, name="Summits", include_undated=True))
    assert len(pieces) == len(events) + 2
    assert pieces[0].startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(p.startswith(b"BEGIN:VEVENT\r\n") for p in pieces[1:-1])
    assert pieces[-1] == b"END:VCALENDAR\r\n"


def test_write_calendar_writes_the_feed_and_a_bad_event_keeps_the_old_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    events = list(load_catalog())
    target = tmp_path / "all.ics"
    write_calendar(events, target, name="Summits", include_undated=True)
    assert target.read_bytes() == to_ical(events, name="Summits", include_undated=True)
    before = target.read_bytes()
    # The last event in date order cannot be written: its end falls after 9999-12-31.
    late = attrs.evolve(events[0], id="too-late", when=DateSpan.day(date(9999, 12, 31)))
    with pytest.raises(FeedError, match="too-late"):
        write_calendar([*events, late], target, name="Summits", include_undated=True)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["all.ics"]


def test_a_stream_that_fails_half_way_keeps_the_old_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "all.ics"
    atomic_write_chunks(target, [b"old ", b"feed"])
    assert target.read_bytes() == b"old feed"

    def pieces() -> Iterator[bytes]:
        yield b"BEGIN:VCALENDAR\r\n"
        raise FeedError("event 'x'", "cannot be written")

    with pytest.raises(FeedError):
        atomic_write_chunks(target, pieces())
    assert target.read_bytes() == b"old feed"
    assert [p.name for p in tmp_path.iterdir()] == ["all.ics"]
