"""Foreign feeds read back: recurrences, alarms, places, zones and titles."""

from __future__ import annotations

from datetime import date, time

import pytest
from icalendar import Calendar

from summitcal.ical.read import MAX_OCCURRENCES, read_calendar
from summitcal.ical.write import to_ical
from summitcal.models.events import Status

SOURCE = "https://example.org/feed.ics"


def feed(*vevents: str, extra: str = "") -> str:
    """A calendar holding these VEVENT bodies (lines joined with CRLF)."""
    body = "".join(f"BEGIN:VEVENT\r\n{v.strip()}\r\nEND:VEVENT\r\n" for v in vevents)
    body = body.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\n"
    return f"{head}{extra}{body}END:VCALENDAR\r\n"


WEEKLY = """UID:weekly@example.org
SUMMARY:Weekly sync
DTSTART;TZID=Europe/Paris:20250303T100000
DTEND;TZID=Europe/Paris:20250303T110000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/Paris:20250310T100000
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:soon
END:VALARM"""

MOVED = """UID:weekly@example.org
RECURRENCE-ID;TZID=Europe/Paris:20250317T100000
SUMMARY:Weekly sync (in the big room)
DTSTART;TZID=Europe/Paris:20250318T140000
DTEND;TZID=Europe/Paris:20250318T150000"""

ENDLESS = """UID:daily@example.org
SUMMARY:Stand-up
DTSTART;VALUE=DATE:20250301
RRULE:FREQ=DAILY"""


class TestRecurrences:
    def test_each_occurrence_is_an_event(self) -> None:
        """COUNT=4 less one EXDATE, with one occurrence moved: three events, not one."""
        result = read_calendar(feed(WEEKLY, MOVED), source_url=SOURCE)
        days = [(e.when.first, e.when.start_time, e.title) for e in result.events]
        assert days == [
            (date(2025, 3, 3), time(10), "Weekly sync"),
            (date(2025, 3, 18), time(14), "Weekly sync (in the big room)"),
            (date(2025, 3, 24), time(10), "Weekly sync"),
        ]
        assert all(e.when.zone == "Europe/Paris" for e in result.events)
        (series,) = result.recurrences
        assert series.rule == "FREQ=WEEKLY;COUNT=4"
        assert series.left_out == 0
        assert series.ids == tuple(e.id for e in result.events)

    def test_ids_follow_the_recurrence_id(self) -> None:
        """A moved occurrence keeps the id of the slot it was moved from."""
        ids = [e.id for e in read_calendar(feed(WEEKLY, MOVED), source_url=SOURCE).events]
        assert ids[1].endswith("-20250317t1000")
        assert len(set(ids)) == 3

    def test_a_rule_without_end_needs_a_horizon(self) -> None:
        """Without a horizon it is reported, not cut down to its first day."""
        result = read_calendar(feed(ENDLESS), source_url=SOURCE)
        assert result.events == ()
        (skip,) = [s for s in result.skipped if s.what == "RRULE"]
        assert "repeats without end" in skip.reason

    def test_the_horizon_bounds_the_occurrences(self) -> None:
        result = read_calendar(feed(ENDLESS), source_url=SOURCE, horizon=date(2025, 3, 10))
        assert [e.when.first.day for e in result.events] == list(range(1, 11))
        assert result.recurrences[0].left_out is None  # no end: the rest has no number

    def test_a_bounded_rule_past_the_horizon_counts_the_rest(self) -> None:
        result = read_calendar(feed(WEEKLY), source_url=SOURCE, horizon=date(2025, 3, 20))
        assert [e.when.first for e in result.events] == [date(2025, 3, 3), date(2025, 3, 17)]
        assert result.recurrences[0].left_out == 1
        assert "1 more left out" in str(result.recurrences[0])

    def test_a_long_series_is_capped(self) -> None:
        result = read_calendar(feed(ENDLESS), source_url=SOURCE, horizon=date(2030, 1, 1))
        assert len(result.events) == MAX_OCCURRENCES

    def test_alarms_are_reported_once(self) -> None:
        result = read_calendar(feed(WEEKLY), source_url=SOURCE)
        alarms = [s for s in result.skipped if s.what == "VALARM"]
        assert len(alarms) == 1
        assert alarms[0].reason == "alarms are not read"
        assert not [s for s in result.skipped if s.what in ("RRULE", "EXDATE")]


def test_an_alarm_on_a_single_event_is_reported() -> None:
    single = WEEKLY.replace("RRULE:FREQ=WEEKLY;COUNT=4\n", "").replace(
        "EXDATE;TZID=Europe/Paris:20250310T100000\n", ""
    )
    result = read_calendar(feed(single), source_url=SOURCE)
    assert len(result.events) == 1
    assert ("VALARM", "alarms are not read") in {(s.what, s.reason) for s in result.skipped}


PLACED = """UID:placed@example.org
SUMMARY:Atelier IA (édition spéciale)
DTSTART;TZID=Europe/Paris:20250210T093000
DTEND;TZID=Europe/Paris:20250210T120000
LOCATION:Grand Palais, Paris, France
GEO:48.866;2.312
STATUS:CONFIRMED"""


class TestRoundTrip:
    def _written(self, text: str) -> dict[str, object]:
        events = read_calendar(text, source_url=SOURCE).events
        (vevent,) = Calendar.from_ical(to_ical(events, name="x")).walk("VEVENT")
        return {k: vevent.get(k) for k in ("SUMMARY", "LOCATION", "DTSTART", "DTEND", "GEO")}

    def test_a_location_naming_its_country_becomes_a_place(self) -> None:
        (event,) = read_calendar(feed(PLACED), source_url=SOURCE).events
        assert event.place is not None
        assert (event.place.venue, event.place.city, event.place.country) == (
            "Grand Palais",
            "Paris",
            "FR",
        )
        assert (event.place.lat, event.place.lon, event.place.zone) == (
            48.866,
            2.312,
            "Europe/Paris",
        )
        assert "Location:" not in event.description

    def test_location_times_zone_and_title_are_written_back(self) -> None:
        out = self._written(feed(PLACED))
        assert str(out["SUMMARY"]) == "Atelier IA (édition spéciale)"
        assert str(out["LOCATION"]) == "Grand Palais, Paris, France"
        start, end = out["DTSTART"].dt, out["DTEND"].dt  # type: ignore[attr-defined]
        assert (start.hour, start.minute, end.hour) == (9, 30, 12)
        assert str(start.tzinfo) == "Europe/Paris"

    def test_a_title_without_status_is_written_back_unchanged(self) -> None:
        """No STATUS reads as tentative: the title gets no "(unconfirmed)"."""
        text = feed(PLACED.replace("STATUS:CONFIRMED", ""))
        (event,) = read_calendar(text, source_url=SOURCE).events
        assert event.status is Status.TENTATIVE
        assert str(self._written(text)["SUMMARY"]) == "Atelier IA (édition spéciale)"

    @pytest.mark.parametrize(
        ("start", "end", "zone"),
        [
            (
                "DTSTART;TZID=Europe/Paris:20250210T093000",
                "DTEND;TZID=Europe/Paris:20250210T120000",
                "Europe/Paris",
            ),
            ("DTSTART:20250210T083000Z", "DTEND:20250210T110000Z", "UTC"),
            ("DTSTART:20250210T093000", "DTEND:20250210T120000", None),
        ],
    )
    @pytest.mark.parametrize("location", ["Room 4", "Online", "Conference room B, 3rd floor"])
    def test_a_location_without_country_is_the_events_own(
        self, start: str, end: str, zone: str | None, location: str
    ) -> None:
        """In any zone or none: kept exactly as written, and no place (no country, no
        venue) is made up for it; the GEO no place holds is said."""
        text = feed(
            PLACED.replace("Grand Palais, Paris, France", location)
            .replace("DTSTART;TZID=Europe/Paris:20250210T093000", start)
            .replace("DTEND;TZID=Europe/Paris:20250210T120000", end)
        )
        result = read_calendar(text, source_url=SOURCE)
        (event,) = result.events
        assert (event.place, event.location, event.when.zone) == (None, location, zone)
        assert "Location:" not in event.description
        said = {(s.what, s.reason) for s in result.skipped}
        assert ("GEO", "no place to hold it (LOCATION names no country)") in said
        assert "LOCATION" not in {what for what, _ in said}
        assert str(self._written(text)["LOCATION"]) == location

    def test_a_location_that_would_not_write_back_as_a_place_is_kept_as_written(self) -> None:
        text = feed(PLACED.replace("Grand Palais, Paris, France", "Paris,France"))
        result = read_calendar(text, source_url=SOURCE)
        (event,) = result.events
        assert (event.place, event.location) == (None, "Paris,France")
        said = {(s.what, s.reason) for s in result.skipped}
        assert (
            "GEO",
            "no place to hold it (LOCATION names no place that writes back as it)",
        ) in said
        assert str(self._written(text)["LOCATION"]) == "Paris,France"

    def test_a_location_of_more_than_one_line_stays_in_the_description(self) -> None:
        """No location holds a line break: the text goes to the description, and is said."""
        text = feed(PLACED.replace("Grand Palais, Paris, France", "Room 4\\nBuilding B"))
        result = read_calendar(text, source_url=SOURCE)
        (event,) = result.events
        assert (event.place, event.location) == (None, None)
        assert event.description.endswith("Location: Room 4\nBuilding B")
        (reason,) = {s.reason for s in result.skipped if s.what == "LOCATION"}
        assert reason.startswith("kept in the description: it holds '\\n' (at 6)")


class TestTitles:
    def test_a_title_is_kept_exactly(self) -> None:
        """White space around a SUMMARY is the feed's, not ours to take away."""
        text = feed(PLACED.replace("SUMMARY:Atelier", "SUMMARY:  Atelier"), extra="")
        text = text.replace("(édition spéciale)\r\n", "(édition spéciale) \r\n")
        (event,) = read_calendar(text, source_url=SOURCE).events
        assert event.title == "  Atelier IA (édition spéciale) "
        (vevent,) = Calendar.from_ical(to_ical([event], name="x")).walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "  Atelier IA (édition spéciale) "

    def test_a_summary_of_white_space_is_no_title(self) -> None:
        text = feed(PLACED.replace("SUMMARY:Atelier IA (édition spéciale)", "SUMMARY:   "))
        result = read_calendar(text, source_url=SOURCE)
        assert result.events == ()
        assert [(s.what, s.reason) for s in result.skipped] == [("VEVENT", "SUMMARY is empty")]


class TestZonesSaid:
    """A time whose zone cannot be kept as written is read, and said."""

    def _read(self, start: str, extra: str = "") -> tuple[object, list[str]]:
        vevent = f"UID:z@example.org\nSUMMARY:Call\n{start}"
        result = read_calendar(feed(vevent, extra=extra), source_url=SOURCE)
        (event,) = result.events
        return event.when, [s.reason for s in result.skipped if s.what == "DTSTART"]

    def test_utc_and_iana_zones_are_kept_unsaid(self) -> None:
        for start, zone in (
            ("DTSTART:20250106T100000Z", "UTC"),
            ("DTSTART;TZID=Asia/Tokyo:20250106T100000", "Asia/Tokyo"),
        ):
            when, said = self._read(start)
            assert (when.zone, when.start_time, said) == (zone, time(10), [])  # type: ignore[attr-defined]

    def test_a_floating_time_keeps_its_clock(self) -> None:
        when, said = self._read("DTSTART:20250106T100000")
        assert (when.zone, when.start_time) == (None, time(10))  # type: ignore[attr-defined]
        assert len(said) == 1
        assert said[0].startswith("a time without a zone (floating): the clock time is kept")

    def test_a_tzid_that_names_no_zone_keeps_its_clock(self) -> None:
        when, said = self._read("DTSTART;TZID=My Zone:20250106T100000")
        assert (when.zone, when.start_time) == (None, time(10))  # type: ignore[attr-defined]
        assert len(said) == 1
        assert said[0].startswith("TZID 'My Zone' is neither an IANA zone nor defined")

    def test_a_zone_the_feed_defines_becomes_utc(self) -> None:
        defined = WINDOWS_ZONE.replace("W. Europe Standard Time", "Office time")
        when, said = self._read(
            "DTSTART;TZID=Office time:20250106T100000", extra=defined.replace("\n", "\r\n")
        )
        assert (when.zone, when.start_time) == ("UTC", time(9))  # type: ignore[attr-defined]
        assert said == ["TZID 'Office time' is not an IANA zone: the times are in UTC"]


def test_what_a_series_does_not_keep_is_said_once() -> None:
    """A LOCATION kept in the description, a URL that is not the web: once a series."""
    weekly = WEEKLY.replace("SUMMARY:Weekly sync", "SUMMARY:Weekly sync\nLOCATION:Room\\n4")
    weekly = weekly.replace("TZID=Europe/Paris", "TZID=Etc/UTC").replace(
        "RRULE:", "URL:mailto:x@example.org\nRRULE:"
    )
    result = read_calendar(feed(weekly), source_url=SOURCE)
    assert len(result.events) == 3
    said = [(s.where, s.what) for s in result.skipped]
    assert said.count(("VEVENT weekly@example.org", "LOCATION")) == 1
    assert said.count(("VEVENT weekly@example.org", "URL")) == 1


WINDOWS_ZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


@pytest.mark.parametrize("month", [1, 7])  # winter and summer time
def test_a_windows_zone_name_becomes_its_iana_zone(month: int) -> None:
    vevent = f"""UID:w@example.org
SUMMARY:Call
DTSTART;TZID=W. Europe Standard Time:2025{month:02d}06T100000"""
    text = feed(vevent, extra=WINDOWS_ZONE.replace("\n", "\r\n"))
    (event,) = read_calendar(text, source_url=SOURCE).events
    assert (event.when.zone, event.when.start_time) == ("Europe/Berlin", time(10))
