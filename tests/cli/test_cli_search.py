"""Word search (summitcal.catalog.search), the logic behind `list --q` and `show`'s proposals."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from summitcal import load_catalog
from summitcal.catalog.search import find, fold, matches, nearest_ids, recent, search, upcoming
from summitcal.models.events import Actor, ActorKind, Event, EventKind, Place, Role, Source, Status
from summitcal.span.span import DateSpan

EVENT = Event(
    id="demo-dinner-2031",
    kind=EventKind.RECEPTION,
    title="Dîner à l'Élysée",
    aliases=("State dinner",),
    when=DateSpan.days(date(2031, 3, 4), date(2031, 3, 4)),
    status=Status.CONFIRMED,
    sources=[Source(url="https://example.org/d")],
    description="Leaders dined after the plenary.",
    actors=[
        Actor(name="Søren Kierkegaard", kind=ActorKind.PERSON, role=Role.HOST, title="Chancellor")
    ],
    place=Place(country="FR", city="Paris", venue="Palais de l'Élysée", region="Île-de-France"),
)


@pytest.mark.parametrize(
    "query",
    [
        "elysee",  # the title, without accents
        "DÎNER",  # the title, in capitals
        "state dinner",  # an alias
        "plenary",  # the description
        "kierkegaard",  # an actor
        "chancellor",  # an actor's office
        "ile-de-france",  # the region
        "france",  # the country's name
        "FR paris",  # the country's code, and the city
        "demo dinner 2031",  # the id's words
        "sta din",  # word beginnings
        "",  # no words: no criterion
    ],
)
def test_matches(query: str) -> None:
    assert matches(EVENT, query)


@pytest.mark.parametrize(
    "query",
    [
        "elysee berlin",  # every word must be found
        "lysee",  # inside a word, not at its start
        "dinners",  # longer than the word
        "soren",  # ø has no accent to drop: it is another letter
    ],
)
def test_does_not_match(query: str) -> None:
    assert not matches(EVENT, query)


def test_an_events_own_location_is_searched() -> None:
    located = attrs.evolve(load_catalog().get("ai-action-summit-2025"), place=None)
    located = attrs.evolve(located, location="Salle Gaveau")
    assert matches(located, "gaveau")


def test_fold() -> None:
    assert fold("Élysée") == fold("ELYSEE") == "elysee"
    assert fold("Straße") == "strasse"  # case folding, beyond lower-casing


def test_search_keeps_the_order_given() -> None:
    other = attrs.evolve(EVENT, id="other-2030", title="Another Élysée meeting")
    assert search([EVENT, other], "elysee") == [EVENT, other]
    assert search([other, EVENT], "elysee") == [other, EVENT]
    assert search([EVENT, other], "another") == [other]


def test_find_by_id_alias_or_title() -> None:
    assert find([EVENT], "demo-dinner-2031") is EVENT
    assert find([EVENT], "  STATE DINNER ") is EVENT
    assert find([EVENT], "diner a l'elysee") is EVENT
    assert find([EVENT], "dinner") is None


def test_find_refuses_a_name_shared_by_two_events() -> None:
    twin = attrs.evolve(EVENT, id="twin-2031")
    assert find([EVENT, twin], "State dinner") is None
    assert find([EVENT, twin], "twin-2031") is twin


def test_nearest_ids_on_the_shipped_catalogue() -> None:
    catalog = load_catalog()
    assert nearest_ids(catalog, "ai-action-summit-2026")[0] == "ai-action-summit-2025"
    assert "ai-safety-summit-2023" in nearest_ids(catalog, "bletchley park sumit")
    assert nearest_ids(catalog, "qqqqqqqq") == []


def _on(first: date, last: date, name: str) -> Event:
    return attrs.evolve(EVENT, id=name, when=DateSpan.days(first, last))


def test_upcoming_and_recent_split_at_the_day() -> None:
    day = date(2031, 3, 10)
    past = _on(date(2031, 3, 1), date(2031, 3, 9), "past")
    ongoing = _on(date(2031, 3, 9), date(2031, 3, 11), "ongoing")
    today = _on(day, day, "today")
    later = _on(date(2031, 4, 1), date(2031, 4, 1), "later")
    older = _on(date(2031, 2, 1), date(2031, 2, 2), "older")
    events = [later, today, older, past, ongoing]
    assert [e.id for e in upcoming(events, day)] == ["ongoing", "today", "later"]
    assert [e.id for e in upcoming(events, day, 2)] == ["ongoing", "today"]
    assert [e.id for e in recent(events, day)] == ["past", "older"]
    assert [e.id for e in recent(events, day, 1)] == ["past"]


def test_the_catalogue_filter_takes_the_same_words() -> None:
    from summitcal import load_catalog

    shipped = load_catalog()
    by_filter = [e.id for e in shipped.filter(q="vance")]
    assert by_filter == [e.id for e in search(shipped, "vance")]
    assert "jd-vance-paris-summit-speech-2025" in by_filter
    assert [e.id for e in shipped.filter(q="vance", kind="summit")] == []


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    from datetime import date

    from summitcal import QueryError, load_catalog

    with pytest.raises(QueryError, match="after the end"):
        load_catalog().filter(start=date(2025, 1, 1), end=date(2024, 1, 1))
