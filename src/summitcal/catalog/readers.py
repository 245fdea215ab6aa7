"""One record of a catalogue file into its model: an event (with its dates, place, zone,
location, actors, sources and alternatives), a series, or a revision.

Each reader reads every field before refusing anything, collecting the errors in the
:class:`~summitcal.catalog.fields.Record`; :mod:`summitcal.catalog.records` reads a
file's records with them (its docstring lists what is refused).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from summitcal.catalog.fields import ALTERNATIVE_FIELDS, EVENT_FIELDS, Record, RecordFailed
from summitcal.errors import TimexError
from summitcal.models.events import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Series,
    Source,
    SourceKind,
    Status,
    check_alias,
    check_calendar_span,
    check_location,
)
from summitcal.models.revision import Revision
from summitcal.span.span import DateSpan, Mod

__all__ = ["read_event", "read_revision", "read_series"]


def _read_span(rec: Record, field: str, value: str, mod: Mod | None, zone: str | None) -> DateSpan:
    """The span of a TIMEX3 value, which a calendar must be able to hold."""
    try:
        span = DateSpan.from_timex(value, mod=mod, zone=zone)
    except TimexError as exc:
        raise rec.error(field, exc.reason) from None
    except ValueError as exc:
        raise rec.error(field, str(exc)) from None
    rec.build(field, lambda: check_calendar_span(span))
    return span


def _read_when(rec: Record, zone: str | None) -> DateSpan:
    """The record's span, from ``when`` and/or ``when_phrase``, checked against each other.

    Raises:
        SeedError: If neither is given.
        RecordFailed: If either failed (noted).
    """
    mark = len(rec.errors)
    mod = rec.attempt(lambda: rec.enum("when_mod", Mod))
    value = rec.attempt(lambda: rec.text("when"))
    span = None
    if value is not None:
        span = rec.attempt(lambda: _read_span(rec, "when", value, mod, zone))
    resolved = rec.attempt(lambda: _read_phrase(rec, zone, span))
    if len(rec.errors) > mark:
        raise RecordFailed
    if span is None and resolved is None:
        raise rec.error("when", "missing: give `when`, `when_phrase`, or both")
    return span or resolved  # type: ignore[return-value]


def _read_phrase(rec: Record, zone: str | None, when: DateSpan | None) -> DateSpan | None:
    """The span ``when_phrase`` resolves to (``None`` if there is none), which must agree
    with ``when`` if that was read."""
    phrase = rec.table("when_phrase")
    if phrase is None:
        return None
    phrase.check_fields(("text", "published", "context"))
    values = phrase.read(
        {
            "text": lambda: phrase.text("text", required=True),
            "published": lambda: phrase.get("published", date, required=True),
            "context": lambda: phrase.text("context"),
        }
    )
    text, published = values["text"], values["published"]
    resolved = _resolve_phrase(phrase, text, published, values["context"], zone)
    if when is not None and (resolved.first, resolved.last) != (when.first, when.last):
        raise rec.error(
            "when_phrase",
            f"{text!r} published {published} resolves to {resolved.timex}, "
            f"but `when` says {when.timex}",
        )
    if "when" not in rec.data:  # else `when`, the same days, had this check
        rec.build("when_phrase", lambda: check_calendar_span(resolved))
    return resolved


def _resolve_phrase(
    rec: Record, text: str, published: date, context: str | None, zone: str | None
) -> DateSpan:
    try:
        from summitcal.resolver import resolve
    except ImportError as exc:  # pragma: no cover - only in a broken install
        raise rec.error("text", f"the resolver is unavailable: {exc}") from None
    try:
        resolution = resolve(text, reference=published, context=context)
    except ValueError as exc:
        raise rec.error("text", str(exc)) from None
    span: DateSpan = resolution.span
    return span.with_zone(zone) if zone else span


def _read_place(rec: Record) -> Place | None:
    place = rec.table("place")
    if place is None:
        return None
    place.check_fields(("country", "city", "venue", "region", "zone", "lat", "lon", "virtual"))
    values = place.read(
        {
            "country": lambda: place.country("country", required=True),
            "city": lambda: place.text("city"),
            "venue": lambda: place.text("venue"),
            "region": lambda: place.text("region"),
            "zone": lambda: place.zone("zone"),
            "lat": lambda: _float(place, "lat"),
            "lon": lambda: _float(place, "lon"),
            "virtual": lambda: place.get("virtual", bool) or False,
        }
    )
    return place.build(None, lambda: Place(**values))


def _float(rec: Record, field: str) -> float | None:
    value = rec.get(field, (int, float))
    return None if value is None else float(value)


def _read_actor(rec: Record) -> Actor:
    rec.check_fields(("name", "kind", "role", "country", "title", "note"))
    values = rec.read(
        {
            "name": lambda: rec.text("name", required=True),
            "kind": lambda: rec.enum("kind", ActorKind, required=True),
            "role": lambda: rec.enum("role", Role, required=True),
            "country": lambda: rec.country("country"),
            "title": lambda: rec.text("title"),
            "note": lambda: rec.text("note"),
        }
    )
    return rec.build(None, lambda: Actor(**values))


def _read_source(rec: Record) -> Source:
    rec.check_fields(("url", "publisher", "title", "published", "phrase", "kind"))
    values = rec.read(
        {
            "url": lambda: rec.url("url", required=True),
            "publisher": lambda: rec.text("publisher"),
            "title": lambda: rec.text("title"),
            "published": lambda: rec.get("published", date),
            "phrase": lambda: rec.text("phrase"),
            "kind": lambda: rec.enum("kind", SourceKind),
        }
    )
    return rec.build(None, lambda: Source(**values))


def _alternative_value(rec: Record, field: str, zone: str | None) -> str:
    """The alternative's ``value``, checked as the field it stands for is."""
    value = rec.text("value", required=True)
    assert value is not None
    if field == "when":
        _read_span(rec, "value", value, None, zone)
    elif field in ("kind", "status"):
        rec.enum("value", EventKind if field == "kind" else Status)
    elif field == "url":
        rec.url("value")
    elif field == "country":
        rec.country("value")
    elif field == "zone":
        rec.zone("value")
    return value


def _alternative_field(rec: Record) -> str:
    field = rec.text("field", required=True)
    assert field is not None
    if field not in ALTERNATIVE_FIELDS:
        known = ", ".join(ALTERNATIVE_FIELDS)
        raise rec.error("field", f"unknown field {field!r} for an alternative (known: {known})")
    return field


def _read_alternative(rec: Record, zone: str | None) -> Alternative:
    rec.check_fields(("field", "value", "status", "note", "sources"))
    field = rec.attempt(lambda: _alternative_field(rec))
    values = rec.read(
        {
            # Without a known field there is nothing to check the value against.
            "value": lambda: _alternative_value(rec, field, zone) if field else None,
            "status": lambda: rec.enum("status", AlternativeStatus, required=True),
            "note": lambda: rec.text("note") or "",
            "sources": lambda: rec.urls("sources"),
        }
    )
    return rec.build(None, lambda: Alternative(field=field, **values))  # type: ignore[arg-type]


def _read_sources(rec: Record) -> tuple[Source, ...]:
    if not rec.data.get("sources"):  # sources that are all refused are not "none"
        raise rec.error("sources", "every event needs at least one source")
    return rec.each("sources", _read_source)


def _read_zone(rec: Record, place: Place | None) -> str | None:
    """The zone of the event's times: its place's, else its own ``zone``, given once."""
    zone = rec.zone("zone")
    if zone is not None and place is not None and place.zone is not None:
        raise rec.error("zone", f"the place gives the zone ({place.zone}): give it there only")
    return zone or (place.zone if place else None)


def _read_aliases(rec: Record) -> tuple[str, ...]:
    """The event's other names: each one line of text, not its title, none twice."""
    values = rec.texts("aliases")
    title = rec.data.get("title")
    refused = []
    for i, alias in enumerate(values):
        try:
            check_alias(alias, title if isinstance(title, str) else None, values[:i])
        except ValueError as exc:
            refused.append(rec.error(f"aliases[{i}]", str(exc)))
    if refused:  # every refused alias is reported, the last as this field's error
        rec.errors.extend(refused[:-1])
        raise refused[-1]
    return values


def _read_location(rec: Record, place: Place | None) -> str | None:
    """The event's own ``location``: one line of text, for an event without a place."""
    location = rec.get("location", str)
    if location is None:
        return None
    rec.build("location", lambda: check_location(location))
    if place is not None or "place" in rec.data:
        raise rec.error(
            "location", "the event has a place, which gives its location: give one or the other"
        )
    return location  # type: ignore[no-any-return]


def read_event(rec: Record) -> Event:
    rec.check_fields(EVENT_FIELDS)
    place = rec.attempt(lambda: _read_place(rec))
    # A refused place or zone leaves no zone: `when` is then read as zone-free, which
    # refuses no value that a zone would allow, so no error is made up.
    zone = rec.attempt(lambda: _read_zone(rec, place))
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "kind": lambda: rec.enum("kind", EventKind, required=True),
            "title": lambda: rec.text("title", required=True),
            "status": lambda: rec.enum("status", Status, required=True),
            "when": lambda: _read_when(rec, zone),
            "location": lambda: _read_location(rec, place),
            "sources": lambda: _read_sources(rec),
            "description": lambda: rec.text("description") or "",
            "series": lambda: rec.texts("series"),
            "parent": lambda: rec.text("parent"),
            "actors": lambda: rec.each("actors", _read_actor),
            "outcomes": lambda: rec.texts("outcomes"),
            "tags": lambda: rec.texts("tags"),
            "aliases": lambda: _read_aliases(rec),
            "url": lambda: rec.url("url"),
            "alternatives": lambda: rec.each(
                "alternatives", lambda alt: _read_alternative(alt, zone)
            ),
        }
    )
    return rec.build(None, lambda: Event(place=place, **values))


def read_series(rec: Record) -> Series:
    rec.check_fields(("id", "title", "description"))
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "title": lambda: rec.text("title", required=True),
            "description": lambda: rec.text("description") or "",
        }
    )
    return Series(**values)


def read_revision(rec: Record) -> Revision:
    rec.check_fields(("id", "sequence", "digest", "modified"))
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "sequence": lambda: _sequence(rec),
            "digest": lambda: rec.text("digest", required=True),
            "modified": lambda: _modified(rec),
        }
    )
    return Revision(**values)


def _sequence(rec: Record) -> int:
    sequence: int = rec.get("sequence", int, required=True)
    if sequence < 0:
        raise rec.error("sequence", "must be 0 or more")
    return sequence


def _modified(rec: Record) -> datetime:
    modified: datetime = rec.get("modified", datetime, required=True)
    if modified.tzinfo is None:
        raise rec.error("modified", "must be a UTC offset date-time, such as 2025-02-09T00:00:00Z")
    return modified.astimezone(UTC)
