"""Finding events: by word, by name, and around a given day.

Word search (:func:`matches`, :func:`search`) reads an event's id, title, aliases,
description, actors (names and offices) and place (venue, city, region, country code
and name).  Text is compared folded: case-insensitive and accent-insensitive
(``"elysee"`` finds "Élysée"), and every query word must begin a word of the event
(``"summ"`` finds "summit", ``"vance"`` does not find "advance").

:func:`find` looks an event up by id, alias or exact title; :func:`nearest_ids` proposes
ids for a key that names none.  :func:`upcoming` and :func:`recent` take the day they are
asked about as an argument: nothing here reads the clock.

Example::

    >>> "jd-vance-paris-summit-speech-2025" in [e.id for e in search(load_catalog(), "vance")]
    True
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date

from summitcal.models.events import Event

__all__ = ["find", "fold", "matches", "nearest_ids", "query_words", "recent", "search", "upcoming"]

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` lower-cased without its accents: ``"Élysée"`` -> ``"elysee"``.

    Letters without a decomposition (``"ß"``, ``"ø"``) are case-folded only.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_words(query: str) -> tuple[str, ...]:
    """The folded words of ``query``, as :func:`matches` uses them (punctuation ignored)."""
    return tuple(_WORD.findall(fold(query)))


def _texts(event: Event) -> Iterator[str]:
    yield event.id
    yield event.title
    yield from event.aliases
    yield event.description
    for actor in event.actors:
        yield actor.name
        if actor.title:
            yield actor.title
    if event.place is not None:
        yield event.place.label_with(region=True)
        yield event.place.label_with(country_names=True)
    elif event.location is not None:
        yield event.location


def _event_words(event: Event) -> frozenset[str]:
    return frozenset(w for text in _texts(event) for w in _WORD.findall(fold(text)))


def _all_found(words: tuple[str, ...], event: Event) -> bool:
    own = _event_words(event)
    return all(any(w.startswith(q) for w in own) for q in words)


def matches(event: Event, query: str) -> bool:
    """Whether every word of ``query`` begins a word of ``event``'s searchable text.

    Args:
        event: The event.
        query: Words separated by spaces or punctuation, in any case, with or without
            accents.  A query without words (``""``) matches every event.

    Example::

        >>> matches(event, "Élysée dinner") == matches(event, "ELYSEE DIN")
        True
    """
    return _all_found(query_words(query), event)


def search(events: Iterable[Event], query: str) -> list[Event]:
    """The events that :func:`matches` ``query``, in the order given."""
    words = query_words(query)
    return [e for e in events if _all_found(words, e)]


def find(events: Iterable[Event], key: str) -> Event | None:
    """The event whose id is ``key``, else the one event with ``key`` as an alias or as
    its title (compared folded), else ``None`` (also when several share that name)."""
    pool = list(events)
    for event in pool:
        if event.id == key:
            return event
    folded = fold(key.strip())
    named = [e for e in pool if folded in {fold(n) for n in (e.title, *e.aliases)}]
    return named[0] if len(named) == 1 else None


def nearest_ids(events: Iterable[Event], key: str, n: int = 3) -> list[str]:
    """Up to ``n`` ids to propose for ``key``, best first.

    Events whose words hold every word of ``key`` (:func:`matches`) come first, then
    those whose id or an alias is spelt alike (:mod:`difflib`); within each, the ids
    closest in spelling to ``key`` lead.
    """
    pool = list(events)
    folded = fold(key)
    names: dict[str, str] = {}  # a folded id or alias -> the id it stands for
    for event in pool:
        names.setdefault(event.id, event.id)
        for alias in event.aliases:
            names.setdefault(fold(alias), event.id)
    close = {names[c] for c in difflib.get_close_matches(folded, list(names), n=n * 2)}
    found = {e.id for e in search(pool, key)} if query_words(key) else set()

    def rank(event_id: str) -> tuple[bool, float]:
        return event_id not in found, -difflib.SequenceMatcher(None, folded, event_id).ratio()

    return sorted(found | close, key=rank)[:n]


def upcoming(events: Iterable[Event], as_of: date, n: int | None = None) -> list[Event]:
    """Events not over by ``as_of`` (under way that day, or later), soonest first.

    Args:
        events: The events.
        as_of: The day asked about (the caller's "today").
        n: At most this many (default: all).
    """
    ahead = sorted((e for e in events if e.end >= as_of), key=lambda e: e.sort_key)
    return ahead if n is None else ahead[:n]


def recent(events: Iterable[Event], as_of: date, n: int | None = None) -> list[Event]:
    """Events whose last day is before ``as_of``, the most recently ended first."""
    past = sorted(
        (e for e in events if e.end < as_of), key=lambda e: (e.end, e.sort_key), reverse=True
    )
    return past if n is None else past[:n]
