"""The names an article's events are found by: places (venues, cities, countries) and
actors (people with their offices, countries, organisations).

A :class:`Gazetteer` is built from three lists: the catalogue's own places and actors
(when there is a catalogue), the country list the models ship
(:func:`summitcal.models.countries.countries`) with the other names of
``data/places.toml`` and its adjectives (which give a person's country only), and that
file's cities where an event is likely.

Example::

    >>> g = Gazetteer.build(None)
    >>> [(p.text, p.place.city, p.place.country) for p in g.places("Talks in Geneva.")]
    [('Geneva', 'Geneva', 'CH')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.models.countries import countries
from summitcal.models.kinds import ActorKind
from summitcal.models.parts import Place
from summitcal.proposals.vocabulary import data, phrase_pattern

__all__ = ["FoundActor", "FoundPlace", "Gazetteer"]


@attrs.frozen
class FoundPlace:
    """A place named in the text: where, its words, the place, and how precise
    (``"venue"``, ``"city"`` or ``"country"``)."""

    start: int
    end: int
    text: str
    place: Place
    level: str


@attrs.frozen
class FoundActor:
    """An actor named in the text: where, the name, its kind, the office written before a
    person's name, and the country it stands for, where known."""

    start: int
    end: int
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = None


_NAME = r"[A-Z][\w.-]*"
_PERSON_NAME = (
    rf"(?:{_NAME}(?:[ \t]+(?!(?:of|and|the|at|in|on|to|for|from|has|had|is|will)\b){_NAME}){{0,2}})"
)


def _venue_names(venue: str) -> list[str]:
    """The names a catalogue venue is written by ("Bletchley Park Mansion, Bletchley
    Park" gives both; "Palais des Nations (Room XI)" its building)."""
    bare = re.sub(r"\s*\([^)]*\)", "", venue)
    return [part.strip() for part in bare.split(",") if len(part.strip()) > 3]


@attrs.frozen
class Gazetteer:
    """Places and actors to find in an article's sentences."""

    venues: dict[str, Place]
    cities: dict[str, Place]
    country_names: dict[str, str]  # a name -> its code
    adjectives: dict[str, str]  # an adjective ("Chinese") -> its code
    people: dict[str, tuple[str | None, str | None]]  # a catalogue name -> (office, country)
    organisations: dict[str, ActorKind]
    _patterns: dict[str, re.Pattern[str]] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def build(cls, catalog: Catalog | None) -> Gazetteer:
        """The gazetteer of the shipped lists, with ``catalog``'s places and actors."""
        table = data("places")
        cities = {
            name: Place(country=code, city=name, zone=zone)
            for name, (code, zone) in table["cities"].items()
        }
        names = {name: code for code, name in countries().items() if "," not in name}
        names.update(table["countries"])
        venues: dict[str, Place] = {}
        people: dict[str, tuple[str | None, str | None]] = {}
        organisations = dict.fromkeys(table["organisations"]["names"], ActorKind.ORGANISATION)
        for event in catalog or ():
            place = event.place
            if place is not None:
                if place.city and place.city not in cities:
                    cities[place.city] = attrs.evolve(place, venue=None, lat=None, lon=None)
                for venue in _venue_names(place.venue or ""):
                    venues.setdefault(venue, attrs.evolve(place, venue=venue, lat=None, lon=None))
            for actor in event.actors:
                if actor.kind is ActorKind.PERSON:
                    people.setdefault(actor.name, (actor.title, actor.country))
                elif actor.kind is ActorKind.COUNTRY:
                    if actor.country:
                        names.setdefault(actor.name, actor.country)
                else:
                    organisations.setdefault(actor.name, actor.kind)
        return cls(venues, cities, names, dict(table["adjectives"]), people, organisations)

    def _pattern(self, name: str, words: Iterable[str]) -> re.Pattern[str]:
        if name not in self._patterns:
            self._patterns[name] = phrase_pattern(words, ignore_case=False)
        return self._patterns[name]

    def places(self, text: str, start: int = 0, end: int | None = None) -> list[FoundPlace]:
        """The venues, cities and countries named in ``text[start:end]``, in order; a
        city inside a venue's name ("Palais des Nations") is the venue's."""
        end = len(text) if end is None else end
        found: list[FoundPlace] = []
        taken: list[tuple[int, int]] = []
        for level, names in (("venue", self.venues), ("city", self.cities)):
            for m in self._pattern(level, names).finditer(text, start, end):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                written = _one_spaced(m)
                found.append(FoundPlace(m.start(), m.end(), written, names[written], level))
        for m in self._pattern("country", self.country_names).finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            written = _one_spaced(m)
            code = self.country_names[written]
            found.append(FoundPlace(m.start(), m.end(), written, Place(country=code), "country"))
        return sorted(found, key=lambda f: f.start)

    def actors(self, text: str, start: int = 0, end: int | None = None) -> list[FoundActor]:
        """The people (with an office written before the name, or known to the
        catalogue), organisations and countries named in ``text[start:end]``, in order;
        a country's adjective ("Chinese") is no actor, only a person's country."""
        end = len(text) if end is None else end
        found: list[FoundActor] = []
        for m in self._office_pattern().finditer(text, start, end):
            name = m.group("name").rstrip(".")
            title = " ".join(m.group("office").split())
            known = self._known_person(name)
            office, country = self.people.get(known, (None, None)) if known else (None, None)
            country = country or self._country_before(m.group("office"))
            found.append(
                FoundActor(
                    m.start("name"),
                    m.end("name"),
                    known or name,
                    ActorKind.PERSON,
                    office or title,
                    country,
                )
            )
        for m in self._pattern("people", self.people).finditer(text, start, end):
            if not _inside(found, m.start(), m.end()):
                written = _one_spaced(m)
                office, country = self.people[written]
                found.append(
                    FoundActor(m.start(), m.end(), written, ActorKind.PERSON, office, country)
                )
        for m in self._pattern("organisations", self.organisations).finditer(text, start, end):
            if not _inside(found, m.start(), m.end()):
                written = _one_spaced(m)
                found.append(FoundActor(m.start(), m.end(), written, self.organisations[written]))
        for m in self._pattern("country", self.country_names).finditer(text, start, end):
            if not _inside(found, m.start(), m.end()):
                written = _one_spaced(m)
                code = self.country_names[written]
                found.append(FoundActor(m.start(), m.end(), written, ActorKind.COUNTRY, None, code))
        return sorted(found, key=lambda f: f.start)

    def _office_pattern(self) -> re.Pattern[str]:
        if "office" not in self._patterns:
            titles = sorted(data("places")["offices"]["titles"], key=lambda t: (-len(t), t))
            offices = "|".join(re.escape(t) for t in titles)
            self._patterns["office"] = re.compile(
                rf"(?P<office>(?:[A-Z][\w.]*[ \t]+){{0,3}}?(?:{offices}))"
                rf"[ \t]+(?P<name>{_PERSON_NAME})"
            )
        return self._patterns["office"]

    def _known_person(self, name: str) -> str | None:
        """The catalogue's full name for ``name`` ("Xi" or "Xi Jinping" -> "Xi Jinping")."""
        for full in self.people:
            if full == name or full.split()[0] == name or full.endswith(" " + name):
                return full
        return None

    def _country_before(self, office: str) -> str | None:
        first = office.split()[0]
        return self.adjectives.get(first) or self.country_names.get(first)


def _inside(found: list[FoundActor], start: int, end: int) -> bool:
    return any(f.start <= start and end <= f.end for f in found) or any(
        f.start < end and start < f.end for f in found
    )


def _one_spaced(m: re.Match[str]) -> str:
    """A name as the tables hold it: the patterns let any white space part its words
    ("Hong\nKong" in a wrapped line, "New  Delhi")."""
    return " ".join(m.group().split())
