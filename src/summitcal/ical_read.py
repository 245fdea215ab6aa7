"""Reading iCalendar feeds back into events: ours exactly, foreign ones as far as they map.

A VEVENT written by summitcal carries the event as JSON (``X-SUMMITCAL-EVENT``), so reading
it gives back the very event written.  Any other VEVENT is mapped field by field:

* id: the UID's local part when the UID is ``<id>@summitcal``; otherwise a slug of the UID
  with a short hash of it (stable, and distinct for distinct UIDs).
* title from SUMMARY; dates from DTSTART and DTEND (exclusive for dates) or DURATION;
  a time with a known IANA zone keeps it, other zones become UTC, floating times stay
  zone-less; description from DESCRIPTION; url from URL.
* status: CONFIRMED, TENTATIVE and CANCELLED map to ours; no STATUS reads as
  ``unconfirmed``, since a foreign feed is one uncorroborated source.
* kind: the first CATEGORIES value that is an event kind, else ``meeting``; the other
  categories become tags.
* the source is the event's URL, else the ``source_url`` given to :func:`read_calendar`.
* LOCATION has no country, so it cannot become a place: it is added to the description.

Whatever cannot be mapped is listed in :attr:`ReadResult.skipped`: whole components
(VTODO, events without UID, SUMMARY, DTSTART or a source) and single properties (GEO,
RRULE...).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import attrs
from icalendar import Calendar, Component

from summitcal.catalog import Revision
from summitcal.errors import FeedError
from summitcal.ical_text import unescape_text
from summitcal.models import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    Status,
)
from summitcal.revisions import content_digest
from summitcal.span import DateSpan, Mod
from summitcal.zones import is_zone

__all__ = ["ReadResult", "Skipped", "read_calendar"]

_UID_SUFFIX = "@summitcal"
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_STATUS = {"CONFIRMED": Status.CONFIRMED, "TENTATIVE": Status.TENTATIVE}
_STATUS["CANCELLED"] = Status.CANCELLED
# Properties a foreign VEVENT may carry that the mapping uses or that carry no content.
_MAPPED = frozenset(
    {
        "UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "DESCRIPTION", "URL", "STATUS",
        "CATEGORIES", "LOCATION", "RELATED-TO", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP",
        "CREATED", "TRANSP", "CLASS", "X-SUMMITCAL-EVENT",
    }
)  # fmt: skip


@attrs.frozen
class Skipped:
    """Something in a feed that was not read.

    Attributes:
        where: The component (``"VTODO"``, ``"VEVENT foo@example.org"``).
        what: The component name, or the property left out (``"GEO"``).
        reason: Why.
    """

    where: str
    what: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}: {self.reason}"


@attrs.frozen
class ReadResult:
    """What :func:`read_calendar` found.

    Attributes:
        events: The events read, in date order.
        revisions: SEQUENCE and LAST-MODIFIED (else DTSTAMP) of each event, by id.
        skipped: Components and properties not read, and why.
        name: The calendar's name (NAME or X-WR-CALNAME), if it has one.
    """

    events: tuple[Event, ...]
    revisions: Mapping[str, Revision]
    skipped: tuple[Skipped, ...]
    name: str | None = None


def _load(source: bytes | str | os.PathLike[str]) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str) and source.lstrip().startswith("BEGIN:"):
        return source.encode("utf-8"), "<text>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise FeedError(str(path), f"cannot read: {exc.strerror or exc}") from None


def read_calendar(
    source: bytes | str | os.PathLike[str], *, source_url: str | None = None
) -> ReadResult:
    """Read a feed: summitcal's own exactly, foreign ones as far as they map.

    Args:
        source: The feed's bytes, its text (a string starting with ``BEGIN:``), or a path.
        source_url: An http(s) URL to cite as the source of foreign events that have no
            URL of their own (events need a source); without it such events are skipped.

    Returns:
        A :class:`ReadResult`; every VEVENT is either in ``events`` or in ``skipped``.

    Raises:
        FeedError: If the source cannot be read or is not iCalendar data.

    Example::

        >>> result = read_calendar(to_ical(events, name="Summits"))
        >>> result.events == tuple(sorted(events, key=lambda e: e.sort_key))
        True
    """
    data, label = _load(source)
    try:
        parsed = Calendar.from_ical(data, multiple=True)
    except ValueError as exc:
        raise FeedError(label, f"not iCalendar data: {exc}") from None
    calendars = [c for c in parsed if c.name == "VCALENDAR"]
    if not calendars:
        raise FeedError(label, "no VCALENDAR in it")
    events: dict[str, Event] = {}
    revisions: dict[str, Revision] = {}
    skipped: list[Skipped] = []
    name: str | None = None
    for cal in calendars:
        if name is None:
            raw_name = cal.get("NAME") or cal.get("X-WR-CALNAME")
            name = str(raw_name) if raw_name is not None else None
        for comp in cal.subcomponents:
            if comp.name == "VTIMEZONE":
                continue
            if comp.name != "VEVENT":
                kind = comp.name or "component"
                skipped.append(Skipped(kind, kind, "only VEVENTs are read"))
                continue
            where = f"VEVENT {comp.get('UID', '(no UID)')}"
            try:
                event = _read_vevent(comp, where, source_url, skipped)
                revision = _revision(comp, event)
            except _Skip as exc:
                skipped.append(Skipped(where, "VEVENT", str(exc)))
                continue
            if event.id in events:
                skipped.append(Skipped(where, "VEVENT", "a second event with the same UID"))
                continue
            events[event.id] = event
            revisions[event.id] = revision
    ordered = tuple(sorted(events.values(), key=lambda e: e.sort_key))
    return ReadResult(
        events=ordered,
        revisions={k: revisions[k] for k in sorted(revisions)},
        skipped=tuple(skipped),
        name=name,
    )


class _Skip(Exception):
    """A VEVENT that cannot become an event (the message says why)."""


def _revision(comp: Component, event: Event) -> Revision:
    """SEQUENCE and LAST-MODIFIED (else DTSTAMP, else the event's first day) of ``comp``.

    Raises:
        _Skip: If the event's text cannot be digested (a lone surrogate, which only an
            escape in the embedded JSON can bring).
    """
    sequence = comp.get("SEQUENCE")
    try:
        digest = content_digest(event)
    except UnicodeEncodeError:
        raise _Skip("its text holds a lone surrogate, which UTF-8 cannot carry") from None
    return Revision(
        id=event.id,
        sequence=int(sequence) if sequence is not None else 0,
        digest=digest,
        modified=_modified(comp, event),
    )


def _modified(comp: Component, event: Event) -> datetime:
    stamp = comp.get("LAST-MODIFIED") or comp.get("DTSTAMP")
    value = stamp.dt if stamp is not None else None
    if isinstance(value, datetime):
        try:
            return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        except OverflowError:  # late on 9999-12-31 west of UTC: no UTC instant exists
            pass
    return datetime.combine(event.when.first, time(0), tzinfo=UTC)


def _read_vevent(
    comp: Component, where: str, source_url: str | None, skipped: list[Skipped]
) -> Event:
    own = comp.get("X-SUMMITCAL-EVENT")
    uid = _text(comp, "UID")
    if own is not None and uid is not None and uid.endswith(_UID_SUFFIX):
        try:
            data = json.loads(unescape_text(str(own)))
            return event_from_dict({**data, "id": uid[: -len(_UID_SUFFIX)]})
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            skipped.append(
                Skipped(where, "X-SUMMITCAL-EVENT", f"unreadable ({exc}); read as foreign")
            )
    return _foreign_event(comp, where, source_url, skipped)


# --- summitcal's own events -------------------------------------------------------------


def _opt(mapping: Mapping[str, Any], key: str) -> Any:
    return mapping.get(key)


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The event that :func:`summitcal.serialize.event_to_dict` described (``start``,
    ``end`` and the empty values may be left out, as the feed's payload does).

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
            )
            for s in data["sources"]
        ],
        place=place,
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


# --- foreign events ----------------------------------------------------------------------


def uid_to_id(uid: str) -> str:
    """The event id for a UID: the local part of ``<id>@summitcal``, else a hashed slug."""
    if uid.endswith(_UID_SUFFIX) and _ID_RE.fullmatch(uid[: -len(_UID_SUFFIX)]):
        return uid[: -len(_UID_SUFFIX)]
    slug = "-".join(re.findall(r"[a-z0-9]+", uid.lower(), re.ASCII))[:48].strip("-")
    digest = hashlib.sha256(uid.encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}" if slug else f"event-{digest}"


def _text(comp: Component, name: str) -> str | None:
    value = comp.get(name)
    if value is None:
        return None
    if isinstance(value, list):  # a property given twice: take the first
        value = value[0]
    text = str(value).strip()
    return text or None


def _zone_key(dt: datetime) -> str | None:
    key = getattr(dt.tzinfo, "key", None)
    if isinstance(key, str) and is_zone(key):
        return key
    return None


def _span(comp: Component) -> DateSpan:
    start_prop = comp.get("DTSTART")
    if start_prop is None:
        raise _Skip("no DTSTART")
    start = start_prop.dt
    end_prop = comp.get("DTEND")
    duration = comp.get("DURATION")
    end = end_prop.dt if end_prop is not None else None
    if end is None and duration is not None:
        end = start + duration.dt
    if not isinstance(start, datetime):
        if end is not None and isinstance(end, datetime):
            raise _Skip("DTSTART is a date but DTEND a date-time")
        last = end - timedelta(days=1) if end is not None and end > start else start
        return DateSpan.days(start, last)
    if end is not None and not isinstance(end, datetime):
        raise _Skip("DTSTART is a date-time but DTEND a date")
    zone: str | None = None
    if start.tzinfo is not None:
        zone = _zone_key(start)
        if zone is None:
            start = start.astimezone(UTC)
            zone = "UTC"
    if end is not None:
        if (end.tzinfo is None) != (start.tzinfo is None):
            raise _Skip("DTSTART and DTEND mix floating and zoned times")
        if end.tzinfo is not None:
            end = end.astimezone(start.tzinfo)
        if end < start:
            raise _Skip("ends before it starts")
    return DateSpan.at(
        start.date(),
        start.time().replace(tzinfo=None),
        end=end.time().replace(tzinfo=None) if end is not None else None,
        last=end.date() if end is not None else None,
        zone=zone,
    )


def _categories(comp: Component) -> list[str]:
    values = comp.get("CATEGORIES")
    if values is None:
        return []
    props = values if isinstance(values, list) else [values]
    out: list[str] = []
    for prop in props:
        out += [str(c).strip() for c in getattr(prop, "cats", [prop]) if str(c).strip()]
    return out


def _properties(comp: Component) -> Iterator[str]:
    yield from sorted({str(k).upper() for k in comp})


def _foreign_event(
    comp: Component, where: str, source_url: str | None, skipped: list[Skipped]
) -> Event:
    uid = _text(comp, "UID")
    if uid is None:
        raise _Skip("no UID")
    title = _text(comp, "SUMMARY")
    if title is None:
        raise _Skip("no SUMMARY")
    try:
        when = _span(comp)
    except OverflowError:  # a DURATION or a change of zone past 9999 or before year 1
        raise _Skip("unusable dates: out of range (before year 1 or after 9999)") from None
    except (ValueError, TypeError, AttributeError) as exc:
        raise _Skip(f"unusable dates: {exc}") from None
    url = _text(comp, "URL")
    if url is not None and not url.startswith(("http://", "https://")):
        skipped.append(Skipped(where, "URL", "not an http(s) URL"))
        url = None
    cite = url or source_url
    if cite is None:
        raise _Skip("no http(s) URL to cite as its source (pass source_url)")
    status_text = (_text(comp, "STATUS") or "").upper()
    status = _STATUS.get(status_text, Status.UNCONFIRMED)
    kinds = {k.value: k for k in EventKind}
    categories = _categories(comp)
    kind = next((kinds[c] for c in categories if c in kinds), EventKind.MEETING)
    tags = tuple(dict.fromkeys(c for c in categories if c != kind.value))
    description = _text(comp, "DESCRIPTION") or ""
    location = _text(comp, "LOCATION")
    if location:
        description = f"{description}\n\nLocation: {location}".strip()
    parent_uid = _text(comp, "RELATED-TO")
    for name in _properties(comp):
        if name not in _MAPPED:
            skipped.append(Skipped(where, name, "no matching event field"))
    try:
        return Event(
            id=uid_to_id(uid),
            kind=kind,
            title=title,
            when=when,
            status=status,
            sources=[Source(url=cite)],
            description=description,
            parent=uid_to_id(parent_uid) if parent_uid else None,
            tags=tags,
            url=url,
        )
    except ValueError as exc:
        raise _Skip(str(exc)) from None
