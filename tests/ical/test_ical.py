"""The iCalendar layer: what each event becomes, reading back, atomic writes."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar

from summitcal import load_catalog
from summitcal.errors import FeedError
from summitcal.ical.read import read_calendar
from summitcal.ical.text import unescape_text
from summitcal.ical.write import (
    DEFAULT_DURATION,
    PRODID,
    event_payload,
    event_times,
    is_undated,
    to_ical,
    write_calendar,
)
from summitcal.models.events import Event, EventKind, Place, Source, Status
from summitcal.models.revision import Revision
from summitcal.models.serialize import event_from_dict, event_to_dict
from summitcal.span.span import DateSpan, Granularity, PartOfDay
from tests.ical_validate import feed_problems

FIXTURE = Path(__file__).parents[1] / "data" / "ical_fixture"


@pytest.fixture(scope="module")
def fixture_catalog():  # type: ignore[no-untyped-def]
    return load_catalog(FIXTURE)


def _events(data: bytes) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _simple(event_id: str = "x-2025", **changes: object) -> Event:
    base = Event(
        id=event_id,
        kind=EventKind.MEETING,
        title="A meeting",
        when=DateSpan.day(date(2025, 3, 1)),
        status=Status.CONFIRMED,
        sources=[Source(url="https://example.org/a", published=date(2025, 2, 20))],
    )
    return attrs.evolve(base, **changes)


class TestEventTimes:
    def test_all_day_end_is_exclusive(self) -> None:
        """A span of whole days ends on the day after its last day."""
        start, end = event_times(DateSpan.days(date(2025, 2, 9), date(2025, 2, 12)))
        assert (start, end) == (date(2025, 2, 9), date(2025, 2, 13))

    def test_month_end_rolls_over(self) -> None:
        """The exclusive end of a span ending on 31 December is 1 January."""
        assert event_times(DateSpan.day(date(2025, 12, 31)))[1] == date(2026, 1, 1)

    def test_timed_with_zone_is_aware(self) -> None:
        """Clock times with a zone become aware datetimes in that zone."""
        span = DateSpan.at(date(2025, 2, 10), time(19, 30), end=time(22), zone="Europe/Paris")
        start, end = event_times(span)
        assert isinstance(start, datetime)
        assert start.utcoffset() == timedelta(hours=1)
        assert (start.hour, end.hour) == (19, 22)

    def test_timed_without_end_gets_default_duration(self) -> None:
        """A time without an end lasts DEFAULT_DURATION."""
        start, end = event_times(DateSpan.at(date(2025, 2, 10), time(10), zone="Asia/Tokyo"))
        assert end - start == DEFAULT_DURATION

    def test_timed_without_zone_is_never_floating(self) -> None:
        """A clock time without a zone becomes its whole day, not a floating time."""
        assert event_times(DateSpan.at(date(2025, 3, 5), time(9))) == (
            date(2025, 3, 5),
            date(2025, 3, 6),
        )

    def test_part_of_day_is_all_day(self) -> None:
        span = DateSpan.part(date(2025, 3, 7), PartOfDay.MORNING)
        assert event_times(span) == (date(2025, 3, 7), date(2025, 3, 8))

    @pytest.mark.parametrize(
        ("timex", "undated"),
        [
            ("2025-03-07", False),
            ("2025-W12", False),
            ("2025-W12-WE", False),
            ("2026-07", True),
            ("2026-SU", True),
            ("2026-Q3", True),
            ("2026-H2", True),
            ("2027", True),
        ],
    )
    def test_undated_is_month_or_coarser(self, timex: str, undated: bool) -> None:
        assert is_undated(DateSpan.from_timex(timex)) is undated


class TestVevent:
    def test_fixture_feed_passes_own_validation(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """Every VEVENT has UID, UTC DTSTAMP, DTEND after DTSTART, declared zones."""
        data = to_ical(fixture_catalog, name="Fixture", include_undated=True)
        assert feed_problems(data) == ()

    def test_uid_survives_a_renamed_title(self) -> None:
        """The UID depends on the id only."""
        a = _events(to_ical([_simple()], name="c"))
        b = _events(to_ical([_simple(title="Renamed")], name="c"))
        assert list(a) == list(b) == ["x-2025@summitcal"]

    def test_stamps_come_from_data_not_clock(self) -> None:
        """Without a revision, DTSTAMP and LAST-MODIFIED are the latest source date."""
        event = _simple(
            sources=[
                Source(url="https://example.org/a", published=date(2025, 2, 20)),
                Source(url="https://example.org/b", published=date(2025, 2, 25)),
                Source(url="https://example.org/c"),
            ]
        )
        ev = _events(to_ical([event], name="c"))["x-2025@summitcal"]
        expected = datetime(2025, 2, 25, tzinfo=UTC)
        assert ev["DTSTAMP"].dt == expected
        assert ev["LAST-MODIFIED"].dt == expected
        assert ev["SEQUENCE"] == 0

    def test_stamp_without_dated_sources_is_never_the_event_date(self) -> None:
        """With no dated source, DTSTAMP is the fixed epoch, not the (maybe future) event day."""
        event = _simple(sources=[Source(url="https://example.org/a")])
        ev = _events(to_ical([event], name="c"))["x-2025@summitcal"]
        assert ev["DTSTAMP"].dt == datetime(1970, 1, 1, tzinfo=UTC)

    def test_revision_gives_sequence_and_modified(self) -> None:
        rev = Revision(
            id="x-2025", sequence=4, digest="d", modified=datetime(2025, 5, 1, 8, tzinfo=UTC)
        )
        ev = _events(to_ical([_simple()], name="c", revisions={"x-2025": rev}))
        assert ev["x-2025@summitcal"]["SEQUENCE"] == 4
        assert ev["x-2025@summitcal"]["DTSTAMP"].dt == datetime(2025, 5, 1, 8, tzinfo=UTC)

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (Status.CONFIRMED, "CONFIRMED"),
            (Status.SCHEDULED, "CONFIRMED"),
            (Status.ANNOUNCED, "TENTATIVE"),
            (Status.TENTATIVE, "TENTATIVE"),
            (Status.UNCONFIRMED, "TENTATIVE"),
            (Status.UNREPORTED, "TENTATIVE"),
            (Status.CANCELLED, "CANCELLED"),
        ],
    )
    def test_status_map(self, status: Status, expected: str) -> None:
        ev = _events(to_ical([_simple(status=status)], name="c"))["x-2025@summitcal"]
        assert ev["STATUS"] == expected

    def test_unconfirmed_is_labelled(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        ev = _events(to_ical(fixture_catalog, name="c"))["demo-rumour-2025@summitcal"]
        assert str(ev["SUMMARY"]).endswith("(unconfirmed)")
        description = str(ev["DESCRIPTION"])
        assert "UNCONFIRMED; reported by sources" in description
        assert "CONFLICTING when: 2025-04-09" in description
        assert "UNCONFIRMED venue: Geneva" in description

    @pytest.mark.parametrize(
        "when", [DateSpan.day(date(2025, 3, 1)), DateSpan.from_timex("2025-03")], ids=str
    )
    def test_a_past_event_without_a_report_says_so(self, when: DateSpan) -> None:
        """Not "dates not yet known": what is missing is any report that it took place."""
        event = _simple(status=Status.UNREPORTED, when=when)
        ev = _events(to_ical([event], name="c", include_undated=True))["x-2025@summitcal"]
        summary = str(ev["SUMMARY"])
        assert summary == f"A meeting (planned for {when.timex}; no report it took place)"
        assert "NO REPORT IT TOOK PLACE" in str(ev["DESCRIPTION"])
        assert "not yet known" not in summary

    def test_summit_fields(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """Dates, place, categories, hosts, outcomes and sources of a full record."""
        ev = _events(to_ical(fixture_catalog, name="c"))["demo-summit-2025@summitcal"]
        assert ev["DTSTART"].dt == date(2025, 2, 10)
        assert ev["DTEND"].dt == date(2025, 2, 12)
        assert "TZID" not in ev["DTSTART"].params
        assert str(ev["LOCATION"]) == "Grand Hall, Paris, France"
        assert (ev["GEO"].latitude, ev["GEO"].longitude) == (48.8661, 2.3125)
        assert str(ev["URL"]) == "https://example.org/demo-summit"
        assert [str(c) for c in ev["CATEGORIES"].cats] == ["summit", "demo", "leaders"]
        description = str(ev["DESCRIPTION"])
        assert "Hosts: France (host); India (co-chair)." in description
        assert "- A joint statement" in description
        assert "Example News: Summit opens <https://example.org/news/summit>" in description
        assert ev["SEQUENCE"] == 3  # from the fixture's revisions.toml

    def test_parts_point_to_parent(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        events = _events(to_ical(fixture_catalog, name="c"))
        dinner = events["demo-summit-2025-dinner@summitcal"]
        assert str(dinner["RELATED-TO"]) == "demo-summit-2025@summitcal"
        assert dinner["RELATED-TO"].params["RELTYPE"] == "PARENT"
        assert dinner["DTSTART"].params["TZID"] == "Europe/Paris"
        assert "Part of: Demo Summit." in str(dinner["DESCRIPTION"])
        assert "RELATED-TO" not in events["demo-summit-2025@summitcal"]

    def test_zone_less_time_is_stated(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        ev = _events(to_ical(fixture_catalog, name="c"))["demo-online-call-2025@summitcal"]
        assert ev["DTSTART"].dt == date(2025, 3, 5)
        assert "Time: 09:00 to 10:00, local time (zone unknown)." in str(ev["DESCRIPTION"])

    def test_utc_times_are_written_in_utc(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        data = to_ical(fixture_catalog, name="c")
        assert b"DTSTART:20250306T080000Z" in data
        assert b"TZID:UTC" not in data

    def test_undated_left_out_by_default(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        uids = set(_events(to_ical(fixture_catalog, name="c")))
        assert "demo-month-2026@summitcal" not in uids
        assert "demo-year-2027@summitcal" not in uids
        assert "demo-week-2025@summitcal" in uids

    def test_undated_included_on_request(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """Included undated events span their unit, are TENTATIVE and say so."""
        events = _events(to_ical(fixture_catalog, name="c", include_undated=True))
        year = events["demo-year-2027@summitcal"]
        assert (year["DTSTART"].dt, year["DTEND"].dt) == (date(2027, 1, 1), date(2028, 1, 1))
        assert year["STATUS"] == "TENTATIVE"
        assert "exact dates not yet known" in str(year["SUMMARY"])
        assert "known only as 2027" in str(year["DESCRIPTION"])
        late_may = events["demo-late-may-2026@summitcal"]
        assert (late_may["DTSTART"].dt, late_may["DTEND"].dt) == (
            date(2026, 5, 21),
            date(2026, 6, 1),
        )

    def test_vtimezones_sorted_and_bounded(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """One VTIMEZONE per zone used by a timed event, by TZID, covering its years."""
        cal = Calendar.from_ical(to_ical(fixture_catalog, name="c", include_undated=True))
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Asia/Tokyo", "Europe/Paris"]
        paris = zones[1].to_ical()
        assert b"20250330T020000" in paris or b"20250330T030000" in paris
        assert b"2024" not in paris
        assert b"2026" not in paris.replace(b"2026-01-01", b"")


class TestCalendar:
    def test_calendar_properties(self) -> None:
        data = to_ical([_simple()], name="My\nfeed", description="Two\nlines; and, more")
        cal = Calendar.from_ical(data)
        assert str(cal["PRODID"]) == PRODID
        assert str(cal["X-WR-CALNAME"]) == "My feed"
        # icalendar keeps X- values raw; the escaped TEXT form is what clients read.
        assert unescape_text(str(cal["X-WR-CALDESC"])) == "Two\nlines; and, more"
        assert b"X-WR-CALDESC:Two\\nlines\\; and\\, more\r\n" in data
        assert str(cal["DESCRIPTION"]) == "Two\nlines; and, more"
        assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in data
        assert b"X-PUBLISHED-TTL:PT12H\r\n" in data
        assert str(cal["UID"]) == "my-feed.feed@summitcal"
        assert cal["LAST-MODIFIED"].dt == datetime(2025, 2, 20, tzinfo=UTC)

    def test_same_input_same_bytes(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """Order of the input does not matter; the result is sorted."""
        events = list(fixture_catalog)
        a = to_ical(events, name="c", include_undated=True)
        b = to_ical(list(reversed(events)), name="c", include_undated=True)
        assert a == b

    def test_duplicate_ids_refused(self) -> None:
        with pytest.raises(FeedError, match="duplicate event ids"):
            to_ical([_simple(), _simple(title="Other")], name="c")

    def test_a_bad_feed_is_refused_before_the_disk_is_touched(self, tmp_path: Path) -> None:
        """The feed's own error, not the write's, even where the write would fail too."""
        target = tmp_path / "missing" / "c.ics"
        with pytest.raises(FeedError, match="duplicate event ids"):
            write_calendar([_simple(), _simple(title="Other")], target)
        assert list(tmp_path.iterdir()) == []

    def test_empty_name_refused(self) -> None:
        with pytest.raises(FeedError, match="non-empty name"):
            to_ical([], name=" \n ")

    def test_empty_feed_is_valid(self) -> None:
        assert feed_problems(to_ical([], name="Nothing yet")) == ()


class TestText:
    def test_backslash_n_survives(self) -> None:
        r"""A literal backslash before N or n stays two characters (icalendar 7.3's
        escaper alone would turn ``\N`` into a line break)."""
        event = _simple(title=r"C:\News \n", description=r"a\Nb")
        data = to_ical([event], name="c")
        assert b"SUMMARY:C:\\\\News \\\\n\r\n" in data
        ev = _events(data)["x-2025@summitcal"]
        assert str(ev["SUMMARY"]) == r"C:\News \n"
        assert str(ev["DESCRIPTION"]).startswith(r"a\Nb")

    def test_separators_and_breaks(self) -> None:
        event = _simple(title="a;b,c\r\nd\re\nf")
        ev = _events(to_ical([event], name="c"))["x-2025@summitcal"]
        assert str(ev["SUMMARY"]) == "a;b,c\nd\ne\nf"

    def test_no_injection(self) -> None:
        """Text shaped like content lines stays text."""
        event = _simple(title="x\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil", description="\r\nUID:y")
        data = to_ical([event], name="c")
        assert data.count(b"\r\nBEGIN:VEVENT\r\n") == 1
        assert list(_events(data)) == ["x-2025@summitcal"]
        assert feed_problems(data) == ()

    def test_url_cannot_break_the_line(self) -> None:
        event = _simple(url="https://example.org/a b\r\nX-EVIL:1")
        data = to_ical([event], name="c")
        assert b"\r\nX-EVIL" not in data
        assert str(_events(data)["x-2025@summitcal"]["URL"]).startswith("https://example.org/a%20b")


class TestReadBack:
    def test_own_feed_reads_back_exactly(self, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        result = read_calendar(to_ical(fixture_catalog, name="Fix", include_undated=True))
        assert result.events == fixture_catalog.events
        assert result.skipped == ()
        assert result.name == "Fix"
        assert result.revisions["demo-summit-2025"].sequence == 3
        assert result.revisions["demo-summit-2025"].modified == datetime(
            2025, 2, 12, 8, 30, tzinfo=UTC
        )

    def test_reads_paths_and_text(self, tmp_path: Path, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        path = write_calendar(fixture_catalog, tmp_path / "f.ics", name="Fix")
        by_path = read_calendar(path)
        assert by_path.events == read_calendar(path.read_text("utf-8")).events
        assert len(by_path.events) == len(fixture_catalog) - 3  # three undated left out

    def test_name_defaults_to_the_file_stem(self, tmp_path: Path, fixture_catalog) -> None:  # type: ignore[no-untyped-def]
        """`write_calendar(events, "ai-summits.ics")` needs no name: the file names it."""
        path = write_calendar(fixture_catalog.filter(kind="summit"), tmp_path / "ai-summits.ics")
        result = read_calendar(path)
        assert result.name == "ai-summits"
        assert [e.id for e in result.events] == ["demo-summit-2025"]
        cal = Calendar.from_ical(path.read_bytes())
        assert str(cal["UID"]) == "ai-summits.feed@summitcal"
        named = write_calendar(fixture_catalog, tmp_path / "x.ics", name="Given")
        assert read_calendar(named).name == "Given"

    @pytest.mark.parametrize(
        "when",
        [
            DateSpan.at(date(2027, 1, 5), time(15), end=time(16), zone="UTC"),
            DateSpan.at(date(2027, 1, 5), time(15), end=time(16)),
            DateSpan.at(date(2027, 1, 5), time(15), end=time(16), zone="Europe/Paris"),
            DateSpan.day(date(2027, 1, 5)),
        ],
    )
    def test_an_events_own_location_survives_the_payload(self, when: DateSpan) -> None:
        """Written as LOCATION exactly, carried in X-SUMMITCAL-EVENT, and read back."""
        event = _simple(when=when, location="Room 4; B\\N, 3rd floor")
        data = event_to_dict(event)
        assert data["location"] == "Room 4; B\\N, 3rd floor"
        assert "place" not in data
        assert event_from_dict(data) == event
        assert '"location":"Room 4; B\\\\N, 3rd floor"' in event_payload(event)
        feed = to_ical([event], name="c")
        assert str(_events(feed)["x-2025@summitcal"]["LOCATION"]) == "Room 4; B\\N, 3rd floor"
        assert read_calendar(feed).events == (event,)

    def test_a_places_label_is_no_location_of_the_events(self) -> None:
        """Beside a place, `location` is its label: derived, so neither carried nor read."""
        event = _simple(place=Place(country="FR", city="Paris"))
        assert event_to_dict(event)["location"] == "Paris, FR"
        assert '"location"' not in event_payload(event)
        assert event_from_dict(event_to_dict(event)) == event
        assert read_calendar(to_ical([event], name="c")).events == (event,)
        assert "location" not in event_to_dict(_simple())
        assert "LOCATION" not in _events(to_ical([_simple()], name="c"))["x-2025@summitcal"]

    def test_foreign_feed_maps_and_reports(self) -> None:
        foreign = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\n"
            "BEGIN:VTODO\r\nUID:todo-1\r\nSUMMARY:Do it\r\nEND:VTODO\r\n"
            "BEGIN:VEVENT\r\nUID:abc@example.org\r\nSUMMARY:Workshop\r\n"
            "DTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250303\r\n"
            "STATUS:TENTATIVE\r\nCATEGORIES:conference,ai\r\nLOCATION:Room 4\r\n"
            "GEO:1.5;2.5\r\nURL:https://example.org/w\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:t@example.org\r\nSUMMARY:Talk\r\n"
            "DTSTART:20250305T140000Z\r\nDURATION:PT90M\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:nodate@example.org\r\nSUMMARY:Undated\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n"
        )
        result = read_calendar(foreign, source_url="https://example.org/feed.ics")
        by_title = {e.title: e for e in result.events}
        workshop = by_title["Workshop"]
        assert (workshop.when.first, workshop.when.last) == (date(2025, 3, 1), date(2025, 3, 2))
        assert workshop.kind is EventKind.CONFERENCE
        assert workshop.tags == ("ai",)
        assert workshop.status is Status.TENTATIVE
        assert (workshop.place, workshop.location) == (None, "Room 4")
        assert "Location:" not in workshop.description
        assert workshop.sources[0].url == "https://example.org/w"
        talk = by_title["Talk"]
        assert talk.when.granularity is Granularity.TIME
        assert (talk.when.start_time, talk.when.end_time, talk.when.zone) == (
            time(14),
            time(15, 30),
            "UTC",
        )
        assert talk.status is Status.TENTATIVE  # no STATUS: as planned, title kept as it is
        assert talk.sources[0].url == "https://example.org/feed.ics"
        reasons = {(s.what, s.reason) for s in result.skipped}
        assert ("VTODO", "only VEVENTs are read") in reasons
        assert ("GEO", "no place to hold it (LOCATION names no country)") in reasons
        assert "LOCATION" not in {what for what, _ in reasons}  # kept as written
        assert ("VEVENT", "no DTSTART") in reasons

    def test_foreign_without_source_is_skipped(self) -> None:
        foreign = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
            "SUMMARY:S\r\nDTSTART;VALUE=DATE:20250301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        result = read_calendar(foreign)
        assert result.events == ()
        assert "no http(s) URL" in result.skipped[0].reason

    def test_not_ical_raises(self, tmp_path: Path) -> None:
        with pytest.raises(FeedError):
            read_calendar(b"hello")
        with pytest.raises(FeedError, match="cannot read"):
            read_calendar(tmp_path / "missing.ics")


class TestWrite:
    def test_failed_write_keeps_previous_file(self, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """An interrupted write (the rename fails) leaves the old file and no temp file."""
        path = tmp_path / "feed.ics"
        write_calendar([_simple()], path, name="c")
        before = path.read_bytes()

        def broken_replace(*_args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(FeedError, match="cannot write"):
            write_calendar([_simple(title="New")], path, name="c")
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]

    def test_build_error_writes_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / "feed.ics"
        path.write_bytes(b"old")
        with pytest.raises(FeedError):
            write_calendar([_simple(), _simple()], path, name="c")
        assert path.read_bytes() == b"old"


def test_location_names_region_and_country_where_the_short_label_does_not() -> None:
    """LOCATION is the long form of the place; the short label keeps the code."""
    place = Place(country="GB", city="Bletchley", venue="Bletchley Park", region="Bucks")
    event = _simple(place=place)
    ev = _events(to_ical([event], name="c"))["x-2025@summitcal"]
    assert str(ev["LOCATION"]) == "Bletchley Park, Bletchley, Bucks, United Kingdom"
    assert place.label == "Bletchley Park, Bletchley, GB"
    online = attrs.evolve(place, virtual=True)
    assert (
        online.label_with(country_names=True)
        == "Bletchley Park, Bletchley, United Kingdom (online)"
    )
