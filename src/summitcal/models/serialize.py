"""Events as plain JSON-ready dictionaries (for ``list --format json`` and ``events.json``),
and back.

One function, :func:`event_to_dict`, so that the CLI, the static site and the server all
describe an event the same way; :func:`events_json` is the ``events.json`` file they share.
Its inverse, :func:`event_from_dict`, reads the description back (the feeds' payload).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from summitcal.models.events import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    SourceKind,
    Status,
)
from summitcal.span.span import DateSpan, Mod

__all__ = ["event_from_dict", "event_to_dict", "events_json"]


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None}


def event_to_dict(event: Event) -> dict[str, Any]:
    """A JSON-ready description of ``event``; dates are ISO strings, ``end`` inclusive.

    Keys: ``id``, ``title``, ``kind``, ``status``, ``start``, ``end``, ``timex``,
    ``granularity``, ``series``, ``parent``, ``location``, ``place``, ``description``,
    ``actors``, ``outcomes``, ``tags``, ``aliases``, ``url``, ``sources``, ``alternatives``;
    plus ``start_time``/``end_time``/``zone`` for timed events and ``mod`` where one applies.

    ``location`` is the place's label for an event with a place, else the event's own
    :attr:`~summitcal.models.events.Event.location`; without either it is left out, so
    that the data (and content digest) of an event without one are as they always were.
    """
    when = event.when
    place = event.place
    return _drop_none(
        {
            "id": event.id,
            "title": event.title,
            "kind": event.kind.value,
            "status": event.status.value,
            "start": when.first.isoformat(),
            "end": when.last.isoformat(),
            "timex": when.timex,
            "granularity": when.granularity.value,
            "mod": when.mod.value if when.mod else None,
            "start_time": when.start_time.isoformat("minutes") if when.start_time else None,
            "end_time": when.end_time.isoformat("minutes") if when.end_time else None,
            "zone": when.zone,
            "series": list(event.series),
            "parent": event.parent,
            "location": place.label if place else event.location,
            "place": _drop_none(
                {
                    "venue": place.venue,
                    "city": place.city,
                    "region": place.region,
                    "country": place.country,
                    "zone": place.zone,
                    "lat": place.lat,
                    "lon": place.lon,
                    "virtual": place.virtual or None,
                }
            )
            if place
            else None,
            "description": event.description,
            "actors": [
                _drop_none(
                    {
                        "name": a.name,
                        "kind": a.kind.value,
                        "role": a.role.value,
                        "country": a.country,
                        "title": a.title,
                        "note": a.note,
                    }
                )
                for a in event.actors
            ],
            "outcomes": list(event.outcomes),
            "tags": list(event.tags),
            "aliases": list(event.aliases),
            "url": event.url,
            "sources": [
                _drop_none(
                    {
                        "url": s.url,
                        "publisher": s.publisher,
                        "title": s.title,
                        "published": s.published.isoformat() if s.published else None,
                        "phrase": s.phrase,
                        "kind": s.kind.value if s.kind else None,
                    }
                )
                for s in event.sources
            ],
            "alternatives": [
                {
                    "field": a.field,
                    "value": a.value,
                    "status": a.status.value,
                    "note": a.note,
                    "sources": list(a.sources),
                }
                for a in event.alternatives
            ],
        }
    )


def _opt(mapping: Mapping[str, Any], key: str) -> Any:
    return mapping.get(key)


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The event that :func:`summitcal.models.serialize.event_to_dict` described (``start``,
    ``end`` and the empty values may be left out, as the feed's payload does).

    ``location`` is the event's own only when there is no ``place``; beside a place it is
    the place's label, derived, and not read.

    Raises:
        ValueError, KeyError, TypeError: If ``data`` is not such a description.
    """
    mod = Mod(data["mod"]) if data.get("mod") else None
    when = DateSpan.from_timex(data["timex"], mod=mod, zone=_opt(data, "zone"))
    if "start" in data and when.first.isoformat() != data["start"]:
        raise ValueError(f"timex {data['timex']} does not start on {data['start']}")
    if "end" in data and when.last.isoformat() != data["end"]:
        raise ValueError(f"timex {data['timex']} does not end on {data['end']}")
    place_data = data.get("place")
    place = None
    if place_data is not None:
        place = Place(
            country=place_data["country"],
            city=_opt(place_data, "city"),
            venue=_opt(place_data, "venue"),
            region=_opt(place_data, "region"),
            zone=_opt(place_data, "zone"),
            lat=_opt(place_data, "lat"),
            lon=_opt(place_data, "lon"),
            virtual=bool(place_data.get("virtual", False)),
        )
    return Event(
        id=data["id"],
        kind=EventKind(data["kind"]),
        title=data["title"],
        when=when,
        status=Status(data["status"]),
        sources=[
            Source(
                url=s["url"],
                publisher=_opt(s, "publisher"),
                title=_opt(s, "title"),
                published=date.fromisoformat(s["published"]) if s.get("published") else None,
                phrase=_opt(s, "phrase"),
                kind=SourceKind(s["kind"]) if s.get("kind") else None,
            )
            for s in data["sources"]
        ],
        place=place,
        location=_opt(data, "location") if place is None else None,
        description=data.get("description", ""),
        series=data.get("series", ()),
        parent=_opt(data, "parent"),
        actors=[
            Actor(
                name=a["name"],
                kind=ActorKind(a["kind"]),
                role=Role(a["role"]),
                country=_opt(a, "country"),
                title=_opt(a, "title"),
                note=_opt(a, "note"),
            )
            for a in data.get("actors", ())
        ],
        outcomes=data.get("outcomes", ()),
        tags=data.get("tags", ()),
        aliases=data.get("aliases", ()),
        url=_opt(data, "url"),
        alternatives=[
            Alternative(
                field=a["field"],
                value=a["value"],
                status=AlternativeStatus(a["status"]),
                note=a.get("note", ""),
                sources=a.get("sources", ()),
            )
            for a in data.get("alternatives", ())
        ],
    )


def events_json(events: Iterable[Event]) -> bytes:
    """``events`` as a UTF-8 JSON array of :func:`event_to_dict` objects, in the order
    given (a :class:`~summitcal.catalog.catalog.Catalog` iterates in date order), indented, with a
    final newline."""
    data = [event_to_dict(e) for e in events]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
