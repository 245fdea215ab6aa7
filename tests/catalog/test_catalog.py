"""Loading, validating and querying catalogues (shipped or the user's own)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from summitcal import (
    Catalog,
    EventKind,
    Granularity,
    SeedError,
    Status,
    UnknownEventError,
    load_catalog,
)
from summitcal.errors import QueryError

SERIES = """
[[series]]
id = "demo"
title = "Demo series"
"""

GOOD_EVENT = """
[[event]]
id = "demo-summit-2031"
kind = "summit"
title = "Demo Summit"
when = "2031-03-04/2031-03-05"
status = "scheduled"
series = ["demo"]

[event.place]
city = "Nairobi"
country = "KE"
zone = "Africa/Nairobi"

[[event.sources]]
url = "https://example.org/demo-summit"
publisher = "Example"
"""

CHILD_EVENT = """
[[event]]
id = "demo-side-event"
kind = "side-event"
title = "Demo side event"
when = "2031-03-05"
status = "scheduled"
parent = "demo-summit-2031"

[[event.sources]]
url = "https://example.org/side"
"""


def write(tmp_path: Path, *texts: str, name: str = "events.toml") -> Path:
    (tmp_path / "series.toml").write_text(SERIES, "utf-8")
    (tmp_path / name).write_text("\n".join(texts), "utf-8")
    return tmp_path


def load_error(tmp_path: Path, *texts: str) -> SeedError:
    with pytest.raises(SeedError) as info:
        load_catalog(write(tmp_path, *texts))
    return info.value


class TestValidCatalog:
    def test_loads_a_users_directory(self, tmp_path: Path) -> None:
        """A directory of TOML files loads into typed events."""
        cat = load_catalog(write(tmp_path, GOOD_EVENT, CHILD_EVENT))
        event = cat.get("demo-summit-2031")
        assert event.kind is EventKind.SUMMIT
        assert event.when.timex == "2031-03-04/2031-03-05"
        assert event.when.zone == "Africa/Nairobi"
        assert event.place is not None
        assert event.place.label == "Nairobi, KE"
        assert [e.id for e in cat.children("demo-summit-2031")] == ["demo-side-event"]

    def test_iterates_in_date_order(self, tmp_path: Path) -> None:
        """Iteration follows the dates, whatever the order in the files."""
        early = GOOD_EVENT.replace("demo-summit-2031", "early").replace(
            "2031-03-04/", "2030-01-01/"
        )
        cat = load_catalog(write(tmp_path, GOOD_EVENT, early))
        assert [e.id for e in cat] == ["early", "demo-summit-2031"]

    def test_single_file(self, tmp_path: Path) -> None:
        """A single file can hold series and events together."""
        path = tmp_path / "one.toml"
        path.write_text(SERIES + GOOD_EVENT, "utf-8")
        assert len(load_catalog(path)) == 1

    def test_user_records_can_use_shipped_series(self, tmp_path: Path) -> None:
        """With include_shipped, a user's event may join a shipped series and parent."""
        path = tmp_path / "mine.toml"
        path.write_text(
            GOOD_EVENT.replace('["demo"]', '["ai-summit"]').replace(
                'status = "scheduled"', 'status = "scheduled"\nparent = "ai-safety-summit-2023"'
            ),
            "utf-8",
        )
        cat = load_catalog(path, include_shipped=True)
        assert cat.get("demo-summit-2031").parent == "ai-safety-summit-2023"
        assert "ai-safety-summit-2023" in cat

    def test_timed_when(self, tmp_path: Path) -> None:
        """A timed value keeps its clock times, local to the place's zone."""
        text = GOOD_EVENT.replace('"2031-03-04/2031-03-05"', '"2031-03-04T09:30/2031-03-04T11:00"')
        event = load_catalog(write(tmp_path, text)).get("demo-summit-2031")
        assert event.when.granularity is Granularity.TIME
        assert event.when.start_datetime().isoformat() == "2031-03-04T09:30:00+03:00"

    def test_when_mod(self, tmp_path: Path) -> None:
        """when_mod narrows a coarse value ("late 2031")."""
        text = GOOD_EVENT.replace('"2031-03-04/2031-03-05"', '"2031"\nwhen_mod = "END"')
        event = load_catalog(write(tmp_path, text)).get("demo-summit-2031")
        assert (event.when.first, event.when.last) == (date(2031, 9, 1), date(2031, 12, 31))


class TestValidationErrors:
    @pytest.mark.parametrize(
        ("mutation", "field", "message"),
        [
            (("title = ", "titel = "), "titel", "unknown field"),
            (('kind = "summit"', 'kind = "sumit"'), "kind", "unknown value 'sumit'"),
            (('status = "scheduled"', 'status = "maybe"'), "status", "unknown value 'maybe'"),
            (('"2031-03-04/2031-03-05"', '"2031-03-05/2031-03-04"'), "when", "before it starts"),
            (('"2031-03-04/2031-03-05"', '"2031-02-30"'), "when", "day is out of range"),
            (('"2031-03-04/2031-03-05"', "2031"), "when", "expected str"),
            (('country = "KE"', 'country = "XK"'), "place.country", "ISO 3166-1"),
            (('zone = "Africa/Nairobi"', 'zone = "Africa/Atlantis"'), "place.zone", "time zone"),
            (('series = ["demo"]', 'series = ["demos"]'), "series", "unknown series 'demos'"),
            (
                ('url = "https://example.org/demo-summit"', 'url = "example.org"'),
                "sources[0].url",
                "http",
            ),
            (
                ('publisher = "Example"', 'publisher = "Example"\nauthor = "x"'),
                "sources[0].author",
                "unknown field",
            ),
            (('id = "demo-summit-2031"', 'id = "Demo Summit"'), "id", "lower-case"),
        ],
    )
    def test_bad_record(
        self, tmp_path: Path, mutation: tuple[str, str], field: str | None, message: str
    ) -> None:
        """Each defect names the file, the record and the field."""
        old, new = mutation
        assert old in GOOD_EVENT
        error = load_error(tmp_path, GOOD_EVENT.replace(old, new, 1))
        assert message in str(error)
        assert error.path.endswith("events.toml")
        assert error.field == field
        assert error.record in ("demo-summit-2031", "Demo Summit")

    def test_missing_sources(self, tmp_path: Path) -> None:
        """An event without sources is refused."""
        text = GOOD_EVENT.split("[[event.sources]]")[0]
        error = load_error(tmp_path, text)
        assert (error.record, error.field) == ("demo-summit-2031", "sources")

    def test_missing_when(self, tmp_path: Path) -> None:
        """An event without any date is refused."""
        error = load_error(tmp_path, GOOD_EVENT.replace('when = "2031-03-04/2031-03-05"\n', ""))
        assert error.field == "when"

    def test_duplicate_ids_across_files(self, tmp_path: Path) -> None:
        """The same id in two files names both."""
        write(tmp_path, GOOD_EVENT)
        (tmp_path / "more.toml").write_text(GOOD_EVENT, "utf-8")
        with pytest.raises(SeedError) as info:
            load_catalog(tmp_path)
        assert "duplicate event id" in str(info.value)
        assert "events.toml" in str(info.value)
        assert info.value.path.endswith("more.toml")

    def test_unknown_parent(self, tmp_path: Path) -> None:
        """A parent must exist."""
        error = load_error(tmp_path, CHILD_EVENT)
        assert (error.record, error.field) == ("demo-side-event", "parent")

    def test_parent_cycle(self, tmp_path: Path) -> None:
        """Parents may not form a loop."""
        a = CHILD_EVENT.replace("demo-side-event", "a").replace("demo-summit-2031", "b")
        b = CHILD_EVENT.replace("demo-side-event", "b").replace("demo-summit-2031", "a")
        error = load_error(tmp_path, a, b)
        assert "cycle" in error.reason

    def test_not_toml(self, tmp_path: Path) -> None:
        """A syntax error names the file."""
        error = load_error(tmp_path, "[[event]\nid = ")
        assert "not valid TOML" in error.reason

    def test_unknown_top_level_key(self, tmp_path: Path) -> None:
        """A misspelt array name is refused, not ignored."""
        error = load_error(tmp_path, GOOD_EVENT.replace("[[event]]", "[[events]]", 1))
        assert "unknown top-level key 'events'" in error.reason

    def test_lat_without_lon(self, tmp_path: Path) -> None:
        """Coordinates come in pairs."""
        error = load_error(tmp_path, GOOD_EVENT.replace('zone = "Africa/Nairobi"', "lat = 1.0"))
        assert error.field == "place"
        assert "lat and lon" in error.reason

    def test_revision_for_unknown_event(self, tmp_path: Path) -> None:
        """A revision must belong to an event."""
        rev = (
            '[[revision]]\nid = "ghost"\nsequence = 0\ndigest = "x"\n'
            "modified = 2025-01-01T00:00:00Z\n"
        )
        error = load_error(tmp_path, GOOD_EVENT, rev)
        assert (error.record, error.field) == ("ghost", "id")

    def test_missing_path(self, tmp_path: Path) -> None:
        """A path that does not exist is a SeedError naming it."""
        with pytest.raises(SeedError, match="no such file"):
            load_catalog(tmp_path / "nope.toml")

    def test_empty_directory(self, tmp_path: Path) -> None:
        """A directory without catalogue files is an error, not an empty catalogue."""
        with pytest.raises(SeedError, match=r"no \*\.toml"):
            load_catalog(tmp_path)


class TestQueries:
    @pytest.fixture
    def cat(self, tmp_path: Path) -> Catalog:
        other = (
            GOOD_EVENT.replace("demo-summit-2031", "other-2032")
            .replace("2031-03-04/2031-03-05", "2032")
            .replace('status = "scheduled"', 'status = "announced"\ntags = ["future"]')
            .replace('country = "KE"', 'country = "CH"')
            .replace('zone = "Africa/Nairobi"', 'zone = "Europe/Zurich"')
        )
        return load_catalog(write(tmp_path, GOOD_EVENT, CHILD_EVENT, other))

    def test_get_unknown(self, cat: Catalog) -> None:
        """An unknown id raises a KeyError subclass naming the id."""
        with pytest.raises(UnknownEventError, match="nope") as info:
            cat.get("nope")
        assert isinstance(info.value, KeyError)

    @pytest.mark.parametrize(
        ("criteria", "expected"),
        [
            ({"series": "demo"}, ["demo-summit-2031", "other-2032"]),
            ({"kind": "side-event"}, ["demo-side-event"]),
            (
                {"kind": [EventKind.SUMMIT, "side-event"]},
                ["demo-summit-2031", "demo-side-event", "other-2032"],
            ),
            ({"country": "ch"}, ["other-2032"]),
            ({"status": Status.ANNOUNCED}, ["other-2032"]),
            ({"tag": "future"}, ["other-2032"]),
            ({"year": 2031}, ["demo-summit-2031", "demo-side-event"]),
            (
                {"start": date(2031, 3, 5), "end": date(2031, 3, 5)},
                ["demo-summit-2031", "demo-side-event"],
            ),
            ({"start": date(2031, 3, 6)}, ["other-2032"]),
            ({"parent": "demo-summit-2031"}, ["demo-side-event"]),
            ({"series": "demo", "country": "KE"}, ["demo-summit-2031"]),
        ],
    )
    def test_filter(self, cat: Catalog, criteria: dict[str, object], expected: list[str]) -> None:
        """Each criterion narrows the catalogue; several combine with AND."""
        assert [e.id for e in cat.filter(**criteria)] == expected  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("criteria", "criterion"),
        [
            ({"kind": "sumit"}, "kind"),
            ({"status": "maybe"}, "status"),
            ({"series": "demos"}, "series"),
            ({"series": ["demo", "nope"]}, "series"),
            ({"country": "XX"}, "country"),
            ({"year": 0}, "year"),
            ({"year": 10000}, "year"),
        ],
    )
    def test_filter_refuses_what_does_not_exist(
        self, cat: Catalog, criteria: dict[str, object], criterion: str
    ) -> None:
        """A criterion naming nothing real is a QueryError, never a silently empty result."""
        with pytest.raises(QueryError) as info:
            cat.filter(**criteria)  # type: ignore[arg-type]
        assert info.value.criterion == criterion
        assert isinstance(info.value, ValueError)


class TestShippedCatalog:
    def test_loads(self, catalog: Catalog) -> None:
        """The catalogue shipped with the package loads and validates."""
        assert len(catalog) > 0
        assert "ai-safety-summit-2023" in catalog

    def test_every_event_has_a_source_url(self, catalog: Catalog) -> None:
        """Every shipped event cites at least one web source."""
        for event in catalog:
            assert event.sources
            assert all(s.url.startswith(("http://", "https://")) for s in event.sources)


class TestEventZone:
    """`zone` beside `when`: the zone of an event whose place gives none, or that has none."""

    TIMED = CHILD_EVENT.replace('when = "2031-03-05"', 'when = "2031-03-05T15:00/2031-03-05T16:00"')

    def test_an_event_without_place_keeps_its_zone(self, tmp_path: Path) -> None:
        for zone, iso in (("UTC", "+00:00"), ("Asia/Tokyo", "+09:00")):
            text = self.TIMED.replace("parent = ", f'zone = "{zone}"\nparent = ')
            event = load_catalog(write(tmp_path, GOOD_EVENT, text)).get("demo-side-event")
            assert event.place is None
            assert event.when.zone == zone
            assert event.when.start_datetime().isoformat() == f"2031-03-05T15:00:00{iso}"

    def test_a_place_without_zone_takes_the_events(self, tmp_path: Path) -> None:
        text = GOOD_EVENT.replace('zone = "Africa/Nairobi"\n', "").replace(
            'status = "scheduled"', 'status = "scheduled"\nzone = "UTC"'
        )
        event = load_catalog(write(tmp_path, text)).get("demo-summit-2031")
        assert event.place is not None
        assert (event.place.zone, event.when.zone) == (None, "UTC")

    @pytest.mark.parametrize(
        ("zone", "message"),
        [("Mars/Olympus", "unknown IANA time zone"), ("UTC", "give it there only")],
    )
    def test_a_bad_or_second_zone_is_refused(self, tmp_path: Path, zone: str, message: str) -> None:
        """Unknown, or given beside a place that gives one: never two zones to choose from."""
        text = GOOD_EVENT.replace('status = "scheduled"', f'status = "scheduled"\nzone = "{zone}"')
        error = load_error(tmp_path, text)
        assert (error.record, error.field) == ("demo-summit-2031", "zone")
        assert message in str(error)


class TestEventLocation:
    """`location`: where, as a source wrote it, for an event without a place."""

    TIMED = CHILD_EVENT.replace(
        'when = "2031-03-05"', 'when = "2031-03-05T15:00/2031-03-05T16:00"\nzone = "UTC"'
    )

    def test_an_event_without_place_keeps_its_location(self, tmp_path: Path) -> None:
        text = self.TIMED.replace("parent = ", 'location = "Room 4, 3rd floor"\nparent = ')
        event = load_catalog(write(tmp_path, GOOD_EVENT, text)).get("demo-side-event")
        assert (event.place, event.location) == (None, "Room 4, 3rd floor")
        assert load_catalog(write(tmp_path, GOOD_EVENT)).get("demo-summit-2031").location is None

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ('""', "must not be empty"),
            ('"  "', "must not be empty"),
            ('"Room\\n4"', "one line of text"),
            ('"Room\\u001b[2J4"', "without control characters"),
            ('"Room\\u00854"', "without control characters"),
            ("4", "expected str"),
            ('["Room 4"]', "expected str"),
        ],
    )
    def test_a_bad_location_is_refused(self, tmp_path: Path, value: str, message: str) -> None:
        text = CHILD_EVENT.replace("parent = ", f"location = {value}\nparent = ")
        error = load_error(tmp_path, GOOD_EVENT, text)
        assert (error.record, error.field) == ("demo-side-event", "location")
        assert message in str(error)
        assert str(tmp_path / "events.toml") in str(error)

    def test_a_location_beside_a_place_is_refused(self, tmp_path: Path) -> None:
        """The place gives the location: never two to choose from."""
        text = GOOD_EVENT.replace("series = ", 'location = "Hall 1"\nseries = ')
        error = load_error(tmp_path, text)
        assert (error.record, error.field) == ("demo-summit-2031", "location")
        assert "give one or the other" in str(error)

    def test_check_names_file_record_and_field(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        from summitcal.cli import main

        bad = CHILD_EVENT.replace("parent = ", 'location = "Room\\t4"\nparent = ')
        path = write(tmp_path, GOOD_EVENT, bad) / "events.toml"
        assert main(["check", "--seeds", str(tmp_path), "--format", "json"]) == 1
        (error,) = json.loads(capsys.readouterr().out)
        assert (error["file"], error["record"], error["field"]) == (
            str(path),
            "demo-side-event",
            "location",
        )
        assert "without control characters" in error["message"]
