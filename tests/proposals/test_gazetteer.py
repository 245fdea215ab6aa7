"""Places and actors found in sentences."""

from __future__ import annotations

from summitcal.catalog.catalog import Catalog
from summitcal.models.kinds import ActorKind
from summitcal.proposals.gazetteer import Gazetteer


def test_cities_and_countries_from_the_shipped_lists() -> None:
    g = Gazetteer.build(None)
    found = [(p.text, p.level, p.place.country) for p in g.places("From Nairobi to Brazil.")]
    assert found == [("Nairobi", "city", "KE"), ("Brazil", "country", "BR")]


def test_the_catalogue_gives_venues_and_people(catalog: Catalog) -> None:
    g = Gazetteer.build(catalog)
    (venue,) = list(g.places("Guests gathered at the Grand Palais."))
    assert (venue.level, venue.place.city, venue.place.country) == ("venue", "Paris", "FR")
    (person,) = g.actors("Later, Wu Zhaohui spoke.")
    assert person.kind is ActorKind.PERSON
    assert person.title == "Vice Minister of Science and Technology"


def test_an_office_names_a_person_and_a_country_adjective_is_not_an_actor() -> None:
    g = Gazetteer.build(None)
    actors = g.actors("Kenyan Foreign Minister Amina Odhiambo met OECD officials.")
    assert [(a.name, a.kind.value, a.title, a.country) for a in actors] == [
        ("Amina Odhiambo", "person", "Kenyan Foreign Minister", "KE"),
        ("OECD", "organisation", None, None),
    ]


def test_a_name_broken_across_a_line_or_spaced_twice_is_still_the_name() -> None:
    g = Gazetteer.build(None)
    text = "Talks moved from New\nDelhi to Hong  Kong, then to the United\nKingdom."
    assert [(p.text, p.level, p.place.country) for p in g.places(text)] == [
        ("New Delhi", "city", "IN"),
        ("Hong Kong", "city", "HK"),
        ("United Kingdom", "country", "GB"),
    ]
    assert [(a.name, a.country) for a in g.actors(text)] == [
        ("Hong Kong", "HK"),
        ("United Kingdom", "GB"),
    ]
