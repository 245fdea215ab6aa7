"""Foreign VEVENTs mapped field by field into events (see :mod:`summitcal.ical.read` for
the mapping), and what a feed holds that is not read (:class:`Skipped`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import re
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
from icalendar import Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from summitcal.ical.vevent import UID_DOMAIN
from summitcal.models.countries import country_name, is_country
from summitcal.models.events import (
    Event,
    EventKind,
    Place,
    Source,
    Status,
    check_location,
    is_valid_id,
)
from summitcal.span.span import DateSpan
from summitcal.span.zones import get_zone, is_zone

__all__ = ["Skipped", "uid_to_id", "zone_country"]

_UID_SUFFIX = f"@{UID_DOMAIN}"
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
# Properties that make a series of occurrences; they are read by the expansion.
_RECURRENCE = frozenset({"RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID"})


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


_FLOATING = (
    "the clock time is kept without a zone (a calendar shows it as the whole day until "
    "the record is given a zone)"
)


class _Skip(Exception):
    """A VEVENT that cannot become an event (the message says why)."""


def uid_to_id(uid: str) -> str:
    """The event id for a UID: the local part of ``<id>@summitcal``, else a hashed slug."""
    if uid.endswith(_UID_SUFFIX) and is_valid_id(uid[: -len(_UID_SUFFIX)]):
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
    """The IANA key of ``dt``'s zone: its own, or the one its Windows name stands for."""
    from icalendar.timezone import tzids_from_tzinfo

    key = getattr(dt.tzinfo, "key", None)
    names = [key] if isinstance(key, str) else list(tzids_from_tzinfo(dt.tzinfo))
    for name in names:
        for candidate in (name, WINDOWS_TO_OLSON.get(name)):
            if candidate and is_zone(candidate):
                return candidate
    return None


def _span(comp: Component, notes: list[tuple[str, str]]) -> DateSpan:
    """The span of ``comp``'s dates; a zone that cannot be kept as it is is noted in
    ``notes`` as ``(property, what became of it)``."""
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
    tzid = start_prop.params.get("TZID")
    if start.tzinfo is not None:
        zone = _zone_key(start)
        if zone is None:
            start = start.astimezone(UTC)
            zone = "UTC"
            notes.append(("DTSTART", f"TZID {tzid!r} is not an IANA zone: the times are in UTC"))
        elif getattr(start.tzinfo, "key", None) != zone:  # a Windows name: the same clock
            start = start.astimezone(get_zone(zone))
    elif tzid is not None:
        notes.append(
            (
                "DTSTART",
                f"TZID {tzid!r} is neither an IANA zone nor defined in the feed: {_FLOATING}",
            )
        )
    else:
        notes.append(("DTSTART", f"a time without a zone (floating): {_FLOATING}"))
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


def _report_unread(comp: Component, where: str, skipped: list[Skipped]) -> None:
    """List the properties and parts (alarms...) of ``comp`` that no event field holds."""
    for name in _properties(comp):
        if name not in _MAPPED and name not in _RECURRENCE and name != "GEO":
            skipped.append(Skipped(where, name, "no matching event field"))
    for part in comp.subcomponents:
        reason = "alarms are not read" if part.name == "VALARM" else "parts of events are not read"
        skipped.append(Skipped(where, part.name or "component", reason))


@functools.cache
def _countries_by_name() -> dict[str, str]:
    codes = (a + b for a in string.ascii_uppercase for b in string.ascii_uppercase)
    return {country_name(c): c for c in codes if is_country(c)}


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Zone key -> ISO country code, from the pinned tz database's ``zone.tab``."""
    text = importlib.resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {row[2]: row[0] for row in rows if len(row) >= 3}


def zone_country(zone: str | None) -> str | None:
    """The ISO code of the country whose time zone ``zone`` is (``zone.tab``), if any:
    none for UTC."""
    return _zone_countries().get(zone) if zone else None


def _coordinates(geo: Any) -> tuple[float | None, float | None]:
    return (float(geo.latitude), float(geo.longitude)) if geo is not None else (None, None)


def _place(location: str, zone: str | None, geo: Any) -> Place | None:
    """The place ``location`` names, if its last part is a country's name and the place
    writes back as the same text; else ``None``."""
    parts = [p.strip() for p in location.split(",")]
    country = _countries_by_name().get(parts[-1])
    if country is None:
        return None
    lat, lon = _coordinates(geo)
    try:
        place = Place(
            country=country,
            city=parts[-2] if len(parts) >= 2 else None,
            venue=", ".join(parts[:-2]) or None,
            zone=zone if zone and zone != "UTC" else None,
            lat=lat,
            lon=lon,
        )
    except ValueError:  # GEO out of range
        return None
    return place if place.label_with(region=True, country_names=True) == location else None


def _where(
    comp: Component, location: str | None, zone: str | None, notes: list[tuple[str, str]]
) -> Place | None:
    """The place of ``comp`` from its LOCATION and GEO, noting in ``notes`` what it cannot
    hold as written.  A LOCATION that is no place is the event's own location (see
    :func:`_own_location`), and no place is made up for it: not even from the zone's
    country, which need not be where the event is ("Online")."""
    geo = comp.get("GEO")
    if location is None:
        if geo is not None:
            notes.append(("GEO", "no place to hold it (no LOCATION)"))
        return None
    place = _place(location, zone, geo)
    if place is None and geo is not None:
        named = _countries_by_name().get(location.split(",")[-1].strip())
        why = "names no place that writes back as it" if named else "names no country"
        notes.append(("GEO", f"no place to hold it (LOCATION {why})"))
    return place


def _own_location(location: str, notes: list[tuple[str, str]]) -> str | None:
    """``location``, which is no place, as the event's own location: exactly as written.
    One that cannot be (a line break or another control character in it) is ``None``,
    noted, and kept in the description instead."""
    try:
        check_location(location)
    except ValueError as exc:
        notes.append(("LOCATION", f"kept in the description: it {exc}"))
        return None
    return location


def _foreign_event(
    comp: Component,
    where: str,
    source_url: str | None,
    skipped: list[Skipped],
    *,
    event_id: str | None = None,
    report: bool = True,
) -> Event:
    """The event a foreign VEVENT maps to (see the module's rules).

    Args:
        event_id: The id to give it (default: from its UID).
        report: List in ``skipped`` the properties and parts that are not read (off for
            the occurrences of a series, whose components were listed once).  What is
            read but not kept as written (a LOCATION kept in the description, a time
            without a zone...) is always listed.
    """
    notes: list[tuple[str, str]] = []
    uid = _text(comp, "UID")
    if uid is None:
        raise _Skip("no UID")
    title = _title(comp)
    when = _dates(comp, notes)
    url, cite = _citation(comp, source_url, notes)
    status_text = (_text(comp, "STATUS") or "").upper()
    status = _STATUS.get(status_text, Status.TENTATIVE)
    kind, tags = _kind_and_tags(comp)
    place, own_location, description = _place_and_text(comp, when.zone, notes)
    parent_uid = _text(comp, "RELATED-TO")
    skipped.extend(Skipped(where, what, reason) for what, reason in notes)
    if report:
        _report_unread(comp, where, skipped)
    try:
        return Event(
            id=event_id or uid_to_id(uid),
            kind=kind,
            title=title,
            when=when,
            status=status,
            sources=[Source(url=cite)],
            place=place,
            location=own_location,
            description=description,
            parent=uid_to_id(parent_uid) if parent_uid else None,
            tags=tags,
            url=url,
        )
    except ValueError as exc:
        raise _Skip(str(exc)) from None


def _dates(comp: Component, notes: list[tuple[str, str]]) -> DateSpan:
    """:func:`_span` of ``comp``, or a :class:`_Skip` saying why its dates are unusable."""
    try:
        return _span(comp, notes)
    except OverflowError:  # a DURATION or a change of zone past 9999 or before year 1
        raise _Skip("unusable dates: out of range (before year 1 or after 9999)") from None
    except (ValueError, TypeError, AttributeError) as exc:
        raise _Skip(f"unusable dates: {exc}") from None


def _citation(
    comp: Component, source_url: str | None, notes: list[tuple[str, str]]
) -> tuple[str | None, str]:
    """The event's own http(s) URL, if it has one, and the URL to cite as its source:
    that one, else ``source_url``; a :class:`_Skip` if there is neither."""
    url = _text(comp, "URL")
    if url is not None and not url.startswith(("http://", "https://")):
        notes.append(("URL", "not an http(s) URL"))
        url = None
    cite = url or source_url
    if cite is None:
        raise _Skip("no http(s) URL to cite as its source (pass source_url)")
    return url, cite


def _kind_and_tags(comp: Component) -> tuple[EventKind, tuple[str, ...]]:
    """The first CATEGORIES value that is an event kind (else a meeting), and the other
    values as tags, each once."""
    kinds = {k.value: k for k in EventKind}
    categories = _categories(comp)
    kind = next((kinds[c] for c in categories if c in kinds), EventKind.MEETING)
    return kind, tuple(dict.fromkeys(c for c in categories if c != kind.value))


def _place_and_text(
    comp: Component, zone: str | None, notes: list[tuple[str, str]]
) -> tuple[Place | None, str | None, str]:
    """The place, the event's own location and the description: a LOCATION that is
    neither a place nor a location the event can hold is added to the description."""
    description = _text(comp, "DESCRIPTION") or ""
    location = _text(comp, "LOCATION")
    place = _where(comp, location, zone, notes)
    own_location = None
    if location and place is None:
        own_location = _own_location(location, notes)
        if own_location is None:
            description = f"{description}\n\nLocation: {location}".strip()
    return place, own_location, description


def _title(comp: Component) -> str:
    """SUMMARY exactly as written, white space and all."""
    value = comp.get("SUMMARY")
    if isinstance(value, list):  # a property given twice: take the first
        value = value[0]
    if value is None:
        raise _Skip("no SUMMARY")
    title = str(value)
    if not title.strip():
        raise _Skip("SUMMARY is empty")
    return title
