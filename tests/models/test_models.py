"""The event models: validation at construction, and their small helpers."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from summitcal import (
    Actor,
    ActorKind,
    DateSpan,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    Status,
)
from summitcal.models.events import (
    LAST_CALENDAR_DAY,
    check_calendar_span,
    check_location,
    is_web_url,
)

SOURCE = Source(url="https://example.org/a", publisher="Example")


def make_event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "id": "demo-2031",
        "kind": EventKind.SUMMIT,
        "title": "Demo",
        "when": DateSpan.days(date(2031, 3, 4), date(2031, 3, 5)),
        "status": Status.SCHEDULED,
        "sources": [SOURCE],
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


class TestEvent:
    def test_is_frozen_and_hashable(self) -> None:
        """Events are immutable values; evolve makes changed copies."""
        event = make_event()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            event.title = "x"  # type: ignore[misc]
        assert hash(event) == hash(make_event())
        assert attrs.evolve(event, title="Renamed").id == event.id

    def test_needs_a_source(self) -> None:
        """An event without sources cannot be built."""
        with pytest.raises(ValueError, match="at least one source"):
            make_event(sources=[])

    def test_cannot_be_its_own_parent(self) -> None:
        """A self-parent is refused."""
        with pytest.raises(ValueError, match="own parent"):
            make_event(parent="demo-2031")

    @pytest.mark.parametrize("bad", ["Demo", "demo_2031", "-demo", "demo-", "", "démo"])
    def test_id_shape(self, bad: str) -> None:
        """Ids are lower-case ASCII words joined by single hyphens."""
        with pytest.raises(ValueError, match="lower-case"):
            make_event(id=bad)

    def test_start_end_and_roles(self) -> None:
        """start/end expose the inclusive days; actors_with filters by role."""
        host = Actor(name="Kenya", kind=ActorKind.COUNTRY, role=Role.HOST, country="KE")
        guest = Actor(name="Chile", kind=ActorKind.COUNTRY, role=Role.ATTENDEE, country="CL")
        event = make_event(actors=[host, guest])
        assert (event.start, event.end) == (date(2031, 3, 4), date(2031, 3, 5))
        assert event.actors_with(Role.HOST) == (host,)


class TestLocation:
    """An event's own location: where, as a source wrote it, for an event without place."""

    @pytest.mark.parametrize("text", ["Room 4", "Online", "Conference room B, 3rd floor", "北 1"])
    def test_one_line_of_text_is_kept_as_it_is(self, text: str) -> None:
        assert make_event(location=text).location == text
        assert make_event().location is None

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "must not be empty"),
            (" \u3000", "must not be empty"),
            ("Room\n4", "one line of text"),
            ("Room\t4", "without control characters"),
            ("Room 4\x1b[2J", "without control characters"),
            ("Room\x7f", "without control characters"),
            ("Room\x85", "without control characters"),
            ("Room \ud800", "without control characters"),
        ],
    )
    def test_refuses_what_is_not_one_line_of_text(self, text: str, message: str) -> None:
        with pytest.raises(ValueError, match=message):
            make_event(location=text)
        with pytest.raises(ValueError, match=message):
            check_location(text)

    def test_never_beside_a_place(self) -> None:
        """A place gives the location: never two to choose from."""
        with pytest.raises(ValueError, match="a place or a location, not both"):
            make_event(place=Place(country="FR"), location="Room 4")

    def test_where_is_the_place_or_else_the_location(self) -> None:
        """One line for lists, pages, search and calendar links, whichever is known."""
        placed = make_event(place=Place(country="FR", city="Paris"))
        assert placed.where() == "Paris, FR"
        assert placed.where(country_names=True) == "Paris, France"
        assert make_event(location="Room 4").where(country_names=True) == "Room 4"
        assert make_event().where() is None


class TestPlace:
    def test_label(self) -> None:
        """The label joins venue, city and country, and marks online events."""
        place = Place(country="KR", city="Seoul", venue="KIST")
        assert place.label == "KIST, Seoul, KR"
        assert attrs.evolve(place, virtual=True).label == "KIST, Seoul, KR (online)"

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"country": "UK"}, "ISO 3166-1"),
            ({"country": "fr"}, "ISO 3166-1"),
            ({"zone": "Europe/Atlantis"}, "time zone"),
            ({"lat": 10.0}, "lat and lon"),
            ({"lat": 91.0, "lon": 0.0}, "outside"),
            ({"lat": 0.0, "lon": 181.0}, "outside"),
        ],
    )
    def test_rejects(self, changes: dict[str, object], message: str) -> None:
        """Country codes, zones and coordinates are checked."""
        fields: dict[str, object] = {"country": "FR"}
        fields.update(changes)
        with pytest.raises(ValueError, match=message):
            Place(**fields)  # type: ignore[arg-type]


class TestSource:
    def test_needs_http_url(self) -> None:
        """Sources are web pages."""
        with pytest.raises(ValueError, match="http"):
            Source(url="ftp://example.org/a")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c#d", True),
        ("http://example.org:8080", True),
        ("HTTPS://Example.org", True),
        ("https://例え.jp/パス", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT://example.org/%0Aalert(1)", False),
        ("data:text/html,x", False),
        ("mailto:a@example.org", False),
        ("ftp://example.org", False),
        ("https://", False),
        ("https:///path", False),
        ("https://[::1", False),
        ("https://example.org/a b", False),
        ("https://example.org/\tb", False),
        ("https://example.org/\u2028", False),
        ("//example.org", False),
        ("", False),
    ],
)
def test_is_web_url(url: str, expected: bool) -> None:
    """http(s) with a host, no whitespace or control characters; nothing else."""
    assert is_web_url(url) is expected


def test_check_calendar_span() -> None:
    """The bound is the last day, whatever the granularity."""
    check_calendar_span(DateSpan.days(LAST_CALENDAR_DAY, LAST_CALENDAR_DAY))
    for value in ("9999", "9999-12", "9999-12-31", "9999-12-31T23:30"):
        with pytest.raises(ValueError, match="ends on 9999-12-31"):
            check_calendar_span(DateSpan.from_timex(value))


def test_firm_statuses() -> None:
    """Only confirmed and scheduled events may be shown as fact."""
    assert {s for s in Status if s.is_firm} == {Status.CONFIRMED, Status.SCHEDULED}


class TestAliases:
    """An alias is one line of text, not the title, and not given twice."""

    def _event(self, aliases: tuple[str, ...]) -> Event:
        return Event(
            id="demo",
            kind=EventKind.SUMMIT,
            title="Demo Summit",
            when=DateSpan.from_timex("2031-03-04"),
            status=Status.SCHEDULED,
            sources=[Source(url="https://example.org/d")],
            aliases=aliases,
        )

    def test_other_names_are_kept(self) -> None:
        assert self._event(("The demo", "Sommet démo")).aliases == ("The demo", "Sommet démo")

    @pytest.mark.parametrize(
        ("aliases", "message"),
        [
            (("DEMO  summit",), "aliases\\[0\\] 'DEMO  summit' is the event's title"),
            (("Démo", "demo"), "aliases\\[1\\] 'demo' is given twice"),
            (("two\nlines",), "aliases\\[0\\] holds '\\\\n'"),
            ((" ",), "must not be empty"),
        ],
    )
    def test_refused(self, aliases: tuple[str, ...], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            self._event(aliases)
