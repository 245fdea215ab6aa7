"""`summitcal import FILE.ics`: foreign events as candidate catalogue records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar

from summitcal import load_catalog
from summitcal.cli import main
from summitcal.cli._common import EMPTY_SELECTION
from summitcal.ical.read import read_calendar
from tests.ical.test_ical_read_foreign import ENDLESS, MOVED, PLACED, SOURCE, WEEKLY, feed

TALK = """UID:talk@example.org
SUMMARY:Talk "AI & \\\\ law"
DTSTART:20250305T140000Z
DURATION:PT90M
ATTENDEE:mailto:someone@example.org"""


@pytest.fixture
def ics(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "meetings.ics"
    path.parent.mkdir()
    path.write_bytes(feed(WEEKLY, MOVED, PLACED, TALK).encode("utf-8"))
    return path


def _import(
    capsys: pytest.CaptureFixture[str], *argv: str, now: datetime | None = None
) -> tuple[int, str, str]:
    code = main(["import", *argv], now=now)
    out, err = capsys.readouterr()
    return code, out, err


def test_records_load_as_the_events_read(
    capsys: pytest.CaptureFixture[str], ics: Path, tmp_path: Path
) -> None:
    """The records are valid seeds: loaded, they give the events read, titles untouched."""
    code, out, _ = _import(capsys, str(ics), "--source-url", SOURCE, "--horizon", "2025-12-31")
    assert code == 0
    records = tmp_path / "candidates.toml"
    records.write_text(out, "utf-8")
    loaded = {e.id: e for e in load_catalog(records)}
    read = read_calendar(ics, source_url=SOURCE).events
    assert set(loaded) == {e.id for e in read}
    for event in read:
        mine = loaded[event.id]
        assert (mine.title, mine.when, mine.status) == (event.title, event.when, event.status)
        assert mine.place == event.place
    assert 'title = "Talk \\"AI & \\\\ law\\""' in out  # quote and backslash escaped


def test_a_records_own_location_is_written_as_the_loader_reads_it(tmp_path: Path) -> None:
    """`location` beside `when` and `zone`, escaped as TOML: loaded, the same event."""
    from summitcal.cli._seedtoml import event_record
    from summitcal.models.events import Event, EventKind, Source, Status
    from summitcal.span.span import DateSpan

    for location in ("Room 4", 'Hall "B", 3rd floor \\ east', "Salle 北"):
        event = Event(
            id="sync",
            kind=EventKind.MEETING,
            title="Sync",
            when=DateSpan.at(date(2027, 1, 5), time(15), end=time(16), zone="UTC"),
            status=Status.TENTATIVE,
            sources=[Source(url=SOURCE)],
            location=location,
        )
        records = tmp_path / "one.toml"
        records.write_text(event_record(event), "utf-8")
        assert load_catalog(records).get("sync") == event


def test_a_zone_without_place_is_kept_as_the_records_own(
    capsys: pytest.CaptureFixture[str], ics: Path
) -> None:
    """No country is made up from a zone: the record keeps the zone, UTC as well."""
    _, out, err = _import(capsys, str(ics), "--source-url", SOURCE, "--horizon", "2025-12-31")
    assert 'zone = "Europe/Paris"' in out
    assert 'zone = "UTC"' in out  # the talk
    assert "inferred" not in out
    assert out.count("[event.place]") == 1  # the one LOCATION that names its country
    assert "has no country" not in err


def test_what_is_not_read_is_said(capsys: pytest.CaptureFixture[str], ics: Path) -> None:
    _, _, err = _import(capsys, str(ics), "--source-url", SOURCE)
    assert "VEVENT weekly@example.org: VALARM: alarms are not read" in err
    assert "VEVENT talk@example.org: ATTENDEE: no matching event field" in err
    assert "FREQ=WEEKLY;COUNT=4: 3 occurrences read" in err


def test_the_horizon_defaults_to_a_year_from_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "daily.ics"
    path.write_text(feed(ENDLESS), "utf-8")
    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    _, out, err = _import(capsys, str(path), "--source-url", SOURCE, now=now)
    assert out.count("[[event]]") == 366  # 2025-03-01 .. 2026-03-01
    assert "more left out" in err
    _, out, _ = _import(capsys, str(path), "--source-url", SOURCE, "--horizon", "2025-03-02")
    assert out.count("[[event]]") == 2


def test_out_writes_once_and_replaces_only_its_own(
    capsys: pytest.CaptureFixture[str], ics: Path, tmp_path: Path
) -> None:
    target = tmp_path / "candidates.toml"
    argv = [str(ics), "--source-url", SOURCE, "--out", str(target)]
    assert _import(capsys, *argv)[0] == 0
    assert target.read_text("utf-8").startswith("# Candidate catalogue records")
    assert _import(capsys, *argv)[0] == 0
    target.write_text("# my own records\n", "utf-8")
    code, _, err = _import(capsys, *argv)
    assert code == 1
    assert "not written by summitcal" in err
    before = ics.read_bytes()
    for extra in ([], ["--force"]):  # its own input is never written over, forced or not
        assert _import(capsys, str(ics), "--source-url", SOURCE, "--out", str(ics), *extra)[0] == 1
        assert ics.read_bytes() == before


def test_nothing_read_is_an_empty_selection(capsys: pytest.CaptureFixture[str], ics: Path) -> None:
    """Without a source to cite, no event can be read: said, and nothing written."""
    single = ics.with_name("nourl.ics")
    single.write_text(feed(TALK), "utf-8")
    code, out, err = _import(capsys, str(single))
    assert (code, out) == (EMPTY_SELECTION, "")
    assert "no http(s) URL to cite" in err


def test_a_file_that_is_not_a_calendar_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.ics"
    path.write_text("hello", "utf-8")
    code, _, err = _import(capsys, str(path))
    assert code == 1
    assert err.startswith("summitcal: error: ")
    assert str(path) in err
    assert err.count("\n") == 1


# --- import, then load, then write: what the calendar said comes back ---------------------

IN_UTC = """UID:utc@example.org
SUMMARY:  Weekly sync\u0020
DTSTART:20270105T150000Z
DTEND:20270105T160000Z
LOCATION:Grand Palais, Paris, France
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:soon
END:VALARM"""

IN_NEW_YORK = """UID:york@example.org
SUMMARY:Call with New York
DTSTART;TZID=America/New_York:20270106T090000
DTEND;TZID=America/New_York:20270106T093000"""

IN_PARIS = """UID:paris@example.org
SUMMARY:Atelier
DTSTART;TZID=Europe/Paris:20270107T093000
DTEND;TZID=Europe/Paris:20270107T120000
LOCATION:Grand Palais, Paris, France"""


def _round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, *extra: str
) -> tuple[dict[str, dict[str, object]], str, str]:
    """``text`` imported, then written by ``summitcal ics --seeds``: each VEVENT's
    properties by SUMMARY, the records, and what the import said on stderr."""
    source = tmp_path / "in.ics"
    source.write_text(text, "utf-8")
    records = tmp_path / "in.toml"
    code, _, err = _import(
        capsys, str(source), "--source-url", SOURCE, "--out", str(records), *extra
    )
    assert code == 0, err
    assert main(["ics", "--seeds", str(records)]) == 0
    written = Calendar.from_ical(capsys.readouterr().out.encode("utf-8"))
    props = ("DTSTART", "DTEND", "LOCATION", "DESCRIPTION")
    out = {str(v["SUMMARY"]): {k: v.get(k) for k in props} for v in written.walk("VEVENT")}
    return out, records.read_text("utf-8"), err


def _as_read(text: str) -> dict[str, dict[str, object]]:
    """The same properties of ``text`` as the input gives them."""
    props = ("DTSTART", "DTEND", "LOCATION")
    return {
        str(v["SUMMARY"]): {k: v.get(k) for k in props}
        for v in Calendar.from_ical(text).walk("VEVENT")
    }


def _moment(prop: object) -> tuple[object, str | None]:
    """A DTSTART or DTEND as its value and its TZID (``None`` for UTC or a date)."""
    value = prop.dt  # type: ignore[attr-defined]
    return value, prop.params.get("TZID")  # type: ignore[attr-defined]


def test_times_zones_locations_and_titles_survive_the_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """UTC and IANA zones, a place's LOCATION and a title with its white space, as given."""
    text = feed(IN_UTC, IN_NEW_YORK, IN_PARIS)
    back, records, _ = _round_trip(capsys, tmp_path, text)
    given = _as_read(text)
    assert set(back) == set(given) == {"  Weekly sync ", "Call with New York", "Atelier"}
    for title, props in given.items():
        for name in ("DTSTART", "DTEND"):
            assert _moment(back[title][name]) == _moment(props[name]), (title, name)
        location, again = props["LOCATION"], back[title]["LOCATION"]
        assert (again and str(again)) == (location and str(location)), title
    assert back["  Weekly sync "]["DTSTART"].dt.tzinfo is not None  # type: ignore[attr-defined]
    assert str(back["Call with New York"]["DTSTART"].params["TZID"]) == "America/New_York"  # type: ignore[attr-defined]
    assert 'title = "  Weekly sync "' in records


def test_a_location_without_country_keeps_its_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'Room 4' in UTC, with no zone, and in a zone with a country: the record's own
    location, written back as LOCATION:Room 4 exactly; no place is made up from a zone."""
    paris = IN_PARIS.replace("Grand Palais, Paris, France", "Room 4")
    utc = IN_UTC.replace("Grand Palais, Paris, France", "Room 4")
    floating = "UID:f@example.org\nSUMMARY:Floating\nDTSTART:20270106T090000\nLOCATION:Room 4"
    back, records, err = _round_trip(capsys, tmp_path, feed(paris, utc, floating))
    for title in ("Atelier", "  Weekly sync ", "Floating"):
        assert str(back[title]["LOCATION"]) == "Room 4", title
        assert "Location:" not in str(back[title]["DESCRIPTION"]), title
    assert records.count('location = "Room 4"') == 3
    assert "[event.place]" not in records
    assert "LOCATION" not in err
    assert records.count("# its location is kept as written, without a place") == 3
    assert "where one is known (its zone is France's)" in records
    assert back["Atelier"]["DTSTART"].params["TZID"] == "Europe/Paris"  # type: ignore[attr-defined]
    loaded = load_catalog(tmp_path / "in.toml")
    assert {e.location for e in loaded} == {"Room 4"}


def test_the_repro_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The whole VEVENT as reported: UTC times and LOCATION:Room 4 come back as given."""
    text = feed(
        "UID:r@example.org\nSUMMARY:S\nDTSTART:20270105T150000Z\n"
        "DTEND:20270105T160000Z\nLOCATION:Room 4"
    )
    back, records, _ = _round_trip(capsys, tmp_path, text)
    assert str(back["S"]["LOCATION"]) == "Room 4"
    assert back["S"]["DTSTART"].dt == datetime(2027, 1, 5, 15, tzinfo=UTC)  # type: ignore[attr-defined]
    assert back["S"]["DTEND"].dt == datetime(2027, 1, 5, 16, tzinfo=UTC)  # type: ignore[attr-defined]
    assert 'zone = "UTC"\nlocation = "Room 4"\n' in records


def test_times_without_a_usable_zone_are_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A floating time, and a TZID that names no zone: the clock time is kept, the record
    asks for a zone, and the import says so; calendars get the day."""
    floating = "UID:f@example.org\nSUMMARY:Floating\nDTSTART:20270106T090000"
    custom = "UID:c@example.org\nSUMMARY:Custom zone\nDTSTART;TZID=My Zone:20270107T090000"
    back, records, err = _round_trip(capsys, tmp_path, feed(floating, custom))
    assert "VEVENT f@example.org: DTSTART: a time without a zone (floating)" in err
    assert "VEVENT c@example.org: DTSTART: TZID 'My Zone' is neither an IANA zone" in err
    assert records.count("# its times have no zone: give one (zone = ...)") == 2
    assert 'when = "2027-01-06T09:00"' in records
    assert back["Floating"]["DTSTART"].dt == date(2027, 1, 6)  # type: ignore[attr-defined]
    assert "09:00" in str(back["Floating"]["DESCRIPTION"])


def test_a_series_location_is_said_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A LOCATION no location can hold (a line break in it) is said once for the series;
    'Room 4' is kept as written by every occurrence."""
    weekly = IN_UTC.replace("Grand Palais, Paris, France", "Room 4\\nBuilding B")
    weekly = weekly.replace("BEGIN:VALARM", "RRULE:FREQ=WEEKLY;COUNT=3\nBEGIN:VALARM")
    back, _, err = _round_trip(capsys, tmp_path, feed(weekly))
    assert len(back) == 1  # three occurrences, one SUMMARY
    assert err.count("LOCATION: kept in the description: it holds '\\n'") == 1
    kept = weekly.replace("Room 4\\nBuilding B", "Room 4")
    _, records, err = _round_trip(capsys, tmp_path, feed(kept))
    assert records.count('location = "Room 4"') == 3
    assert "LOCATION" not in err
