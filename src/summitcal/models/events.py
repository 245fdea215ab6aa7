"""Typed event models: events, places, actors, sources, and the doubts attached to them.

All models are frozen, slotted attrs classes; collections are tuples, so an event is
hashable and can be shared freely.  Use :func:`attrs.evolve` to make a changed copy.

An :class:`Event` says *what* happened (``kind``, ``title``), *when* (a
:class:`~summitcal.span.span.DateSpan`), *where* (a :class:`Place`), *who* took part and in
which role (:class:`Actor`), how sure we are (:class:`Status`, plus any
:class:`Alternative` values that sources disagree on or that nobody has confirmed), and
*who says so* (:class:`Source`, at least one per event).
"""

from __future__ import annotations

import enum
import re
import urllib.parse
from collections.abc import Iterable
from datetime import date, time
from typing import Any

import attrs

from summitcal.span.span import DateSpan

__all__ = [
    "LAST_CALENDAR_DAY",
    "Actor",
    "ActorKind",
    "Alternative",
    "AlternativeStatus",
    "Event",
    "EventKind",
    "Place",
    "Role",
    "Series",
    "Source",
    "SourceKind",
    "Status",
    "check_calendar_span",
    "check_location",
    "is_valid_id",
    "is_web_url",
]

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_COUNTRY_RE = re.compile(r"[A-Z]{2}", re.ASCII)
# Whitespace (Unicode's too) and control characters, which no URL holds as such.
_NOT_IN_URL_RE = re.compile(r"[\s\x00-\x1f\x7f]")
# What a location, one line of text, may not hold: control characters (C0 with TAB and
# line breaks, DEL, C1), lone surrogates, U+FFFE and U+FFFF.
_NOT_IN_LOCATION_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

LAST_CALENDAR_DAY = date(9999, 12, 30)
"""The last day an event may end on: a calendar entry ends at the day after its last day
(iCalendar's exclusive DTEND), and 9999-12-31 has no day after it in Python's dates."""


class EventKind(enum.Enum):
    """What sort of thing an event is."""

    SUMMIT = "summit"
    SUMMIT_PART = "summit-part"  # a programme block: science days, cultural weekend, a track
    LEADERS_SESSION = "leaders-session"
    MINISTERIAL_SESSION = "ministerial-session"
    SIDE_EVENT = "side-event"
    CONFERENCE = "conference"
    FORUM = "forum"
    MEETING = "meeting"
    RECEPTION = "reception"
    VISIT = "visit"  # a visit or a delegation's trip
    SPEECH = "speech"
    PRESS_BRIEFING = "press-briefing"
    REMARK = "remark"  # something said on the record outside a speech
    DECLARATION = "declaration"  # declarations, statements, communiqués
    COMMITMENTS = "commitments"  # voluntary pledges (e.g. companies' safety commitments)
    INITIATIVE = "initiative"  # initiatives, plans, proposals
    PLAN = "plan"
    REPORT = "report"
    RESOLUTION = "resolution"
    RELEASE = "release"  # a product or model release
    ANNOUNCEMENT = "announcement"
    BODY = "body"  # the founding or launch of a body (advisory body, network)


class Status(enum.Enum):
    """How settled an event is.

    ``CONFIRMED``: it happened, or its date is officially fixed, as sources state.
    ``SCHEDULED``: officially dated, still in the future.
    ``ANNOUNCED``: officially announced, but its date is known only coarsely.
    ``TENTATIVE``: reported as planned, not officially fixed.
    ``CANCELLED``: called off.
    ``UNCONFIRMED``: reported by sources we could not corroborate; never shown as fact.
    ``UNREPORTED``: it was scheduled or announced, its dates have passed, and no report
    that it took place has been found (as against ``CONFIRMED``, which for a past event
    means a report after it says it was held).
    """

    CONFIRMED = "confirmed"
    SCHEDULED = "scheduled"
    ANNOUNCED = "announced"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"
    UNCONFIRMED = "unconfirmed"
    UNREPORTED = "unreported"

    @property
    def is_firm(self) -> bool:
        """Whether the event may be presented as established fact."""
        return self in (Status.CONFIRMED, Status.SCHEDULED)

    @property
    def label(self) -> str:
        """The status in a calendar reader's words (``"no report it took place"``)."""
        return _STATUS_LABELS.get(self, self.value)


_STATUS_LABELS = {Status.UNREPORTED: "no report it took place"}


class SourceKind(enum.Enum):
    """What sort of publisher a source is, for how much a fact may rest on it.

    ``OFFICIAL``: the organiser, a government, a parliament, an intergovernmental body, or
    the actor itself (its release, transcript or record).
    ``WIRE``: a news agency's story (state agencies included), wherever it is printed.
    ``PRESS``: a newspaper, broadcaster or magazine writing its own story.
    ``SECONDARY``: everything else: wikis, aggregators, reposts, blogs, listings.  A fact
    whose only sources are secondary may not be presented as established.
    """

    OFFICIAL = "official"
    WIRE = "wire"
    PRESS = "press"
    SECONDARY = "secondary"


class ActorKind(enum.Enum):
    """What sort of participant an actor is."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    COMPANY = "company"


class Role(enum.Enum):
    """The part an actor played in an event."""

    HOST = "host"
    CO_HOST = "co-host"
    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    ORGANISER = "organiser"
    SPEAKER = "speaker"
    DELEGATION_HEAD = "delegation-head"
    DELEGATE = "delegate"
    ATTENDEE = "attendee"
    SIGNATORY = "signatory"
    NON_SIGNATORY = "non-signatory"
    SPONSOR = "sponsor"  # co-sponsors of a resolution
    PROPOSER = "proposer"
    AUTHOR = "author"
    ANNOUNCER = "announcer"
    SPOKESPERSON = "spokesperson"


class AlternativeStatus(enum.Enum):
    """Why a value is kept beside the preferred one."""

    CONFLICT = "conflict"  # a source gives another value than the preferred one
    UNCONFIRMED = "unconfirmed"  # a value reported but not corroborated


def is_valid_id(value: str) -> bool:
    """Whether ``value`` is a valid event or series id: lower-case words joined by '-'."""
    return _ID_RE.fullmatch(value) is not None


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http`` or ``https`` URL with a host, and without
    whitespace or control characters.

    Only web pages are cited or linked: ``javascript:``, ``data:`` and every other scheme
    could run code or do something unexpected where a reader clicks the link.  (There is
    no contact field, so ``mailto:`` has no place either.)

    Example::

        >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
        (True, False)
    """
    if _NOT_IN_URL_RE.search(value):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname
    except ValueError:  # an unbalanced IPv6 bracket, a port out of range
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def check_calendar_span(span: DateSpan) -> None:
    """Refuse a span a calendar cannot hold.

    Raises:
        ValueError: If the span ends after :data:`LAST_CALENDAR_DAY`.
    """
    if span.last > LAST_CALENDAR_DAY:
        raise ValueError(
            f"ends on {span.last.isoformat()}; the last day an event may end on is "
            f"{LAST_CALENDAR_DAY.isoformat()}, since a calendar entry ends the day after"
        )


def check_location(value: str) -> None:
    """Refuse a text that cannot be an event's :attr:`~Event.location`: it must be one
    line of text that is not empty or white space alone, without control characters
    (tabs and line breaks included), lone surrogates, U+FFFE or U+FFFF.

    Raises:
        ValueError: Saying what is wrong with it ("must not be empty").
    """
    if not value.strip():
        raise ValueError("must not be empty")
    bad = _NOT_IN_LOCATION_RE.search(value)
    if bad is not None:
        raise ValueError(
            f"holds {bad.group()!r} (at {bad.start()}): a location is one line of text, "
            "without control characters"
        )


def _validate_location(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    try:
        check_location(value)
    except ValueError as exc:
        raise ValueError(f"{attribute.name} {value!r} {exc}") from None


def _validate_id(_inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_valid_id(value):
        raise ValueError(
            f"{attribute.name} {value!r} must be lower-case words of a-z and 0-9 joined by '-'"
        )


def _validate_country(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    from summitcal.models.countries import country_name  # the registry loads on first use

    if not _COUNTRY_RE.fullmatch(value):
        raise ValueError(f"{attribute.name} {value!r} is not an ISO 3166-1 alpha-2 code")
    country_name(value)  # raises ValueError for an unassigned code


def _validate_zone(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        from summitcal.span.zones import get_zone

        get_zone(value)


def _non_empty(_inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(value)


def _alternatives(value: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Place:
    """Where an event happened.

    Attributes:
        country: ISO 3166-1 alpha-2 code (``"FR"``).
        city: The city, if known.
        venue: The building or site, if known.
        region: A region or district, if worth naming.
        zone: The IANA time zone the event's dates and times are local to.
        lat: Latitude in degrees, when known.
        lon: Longitude in degrees, when known.
        virtual: Whether the event was held online (``city`` is then where it was
            chaired from).
    """

    country: str = attrs.field(validator=_validate_country)
    city: str | None = None
    venue: str | None = None
    region: str | None = None
    zone: str | None = attrs.field(default=None, validator=_validate_zone)
    lat: float | None = None
    lon: float | None = None
    virtual: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise ValueError(f"lat {self.lat} is outside -90..90")
        if self.lon is not None and not -180 <= self.lon <= 180:
            raise ValueError(f"lon {self.lon} is outside -180..180")

    @property
    def label(self) -> str:
        """A short one-line description: ``"Grand Palais, Paris, FR"`` (see
        :meth:`label_with`)."""
        return self.label_with()

    def label_with(self, *, region: bool = False, country_names: bool = False) -> str:
        """A one-line description: venue, city, region if asked, and the country.

        Args:
            region: Name the region too (calendar clients show LOCATION as it is).
            country_names: Write the country's English name instead of its code.

        Example::

            >>> Place(country="FR", city="Paris", region="Île-de-France").label_with(
            ...     region=True, country_names=True)
            'Paris, Île-de-France, France'
        """
        country = self.country
        if country_names:
            from summitcal.models.countries import country_name  # the registry loads on first use

            country = country_name(country)
        parts = [p for p in (self.venue, self.city, self.region if region else None, country) if p]
        text = ", ".join(parts)
        return f"{text} (online)" if self.virtual else text


@attrs.frozen(kw_only=True)
class Actor:
    """A participant and the part it played.

    Attributes:
        name: The person's, country's or organisation's name.
        kind: What sort of participant.
        role: The part played in this event.
        country: ISO alpha-2 code of the country the actor represents, where apt.
        title: A person's office at the time ("Vice Premier of the State Council").
        note: Anything a reader needs to read the role right.
    """

    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind
    role: Role
    country: str | None = attrs.field(default=None, validator=_validate_country)
    title: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from.

    Attributes:
        url: The page read: an http(s) URL (the loader also requires a host and no
            whitespace, see :func:`is_web_url`).
        publisher: Who published it.
        title: The page's title, when recorded.
        published: The page's publication date, when known.
        phrase: The date as the source wrote it, when it wrote it relatively
            ("from Sunday to Wednesday"); resolve it against ``published``.
        kind: What sort of publisher it is; None where nobody has classified it (a
            foreign calendar's link, say).  Every source of the shipped catalogue has one.
    """

    url: str = attrs.field(validator=_non_empty)
    publisher: str | None = None
    title: str | None = None
    published: date | None = None
    phrase: str | None = None
    kind: SourceKind | None = None

    def __attrs_post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"source url {self.url!r} is not an http(s) URL")


@attrs.frozen(kw_only=True)
class Alternative:
    """A value that sources give for a field besides the one the catalogue prefers.

    Attributes:
        field: The event field concerned (``"when"``, ``"signatories"``, ``"venue"``...).
        value: The other value, as text (a TIMEX3 value for ``when``).
        status: Whether it conflicts with the preferred value or is merely unconfirmed.
        note: Why it is not preferred.
        sources: http(s) URLs of the sources that give it (may be empty for "not found").
    """

    field: str = attrs.field(validator=_non_empty)
    value: str
    status: AlternativeStatus
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)


@attrs.frozen(kw_only=True)
class Event:
    """One dated item of the catalogue.

    Attributes:
        id: A stable slug (``"ai-action-summit-2025"``); it never changes once published,
            since calendar UIDs derive from it.
        kind: What sort of event.
        title: Its name.
        when: When it happened or will happen (the loader refuses a span ending after
            :data:`LAST_CALENDAR_DAY`; the output layers refuse it with their own error).
        status: How settled it is.
        sources: Where the facts come from (at least one).
        place: Where, if it has a place.
        location: Where, as a source wrote it ("Room 4", "Online"), for an event whose
            place cannot be coded (a place needs a country): one line of text (see
            :func:`check_location`).  Never beside a place, whose label is the location
            then; calendars write it as LOCATION as it is.
        description: A short account, in the catalogue's own words.
        series: Ids of the series it belongs to (``"ai-summit"``, ``"waic"``).
        parent: Id of the event this one is part of (a summit day, a side event).
        actors: Participants and their roles.
        outcomes: What came of it, in a few words each.
        tags: Free labels for filtering.
        aliases: Other names it goes by.
        url: The official page, if there is one (the loader takes only what
            :func:`is_web_url` accepts).
        alternatives: Values sources disagree on, or that are unconfirmed.
    """

    id: str = attrs.field(validator=_validate_id)
    kind: EventKind
    title: str = attrs.field(validator=_non_empty)
    when: DateSpan
    status: Status
    sources: tuple[Source, ...] = attrs.field(converter=_sources)
    place: Place | None = None
    location: str | None = attrs.field(default=None, validator=_validate_location)
    description: str = ""
    series: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    parent: str | None = None
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    outcomes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    url: str | None = None
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=_alternatives)

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise ValueError("an event needs at least one source")
        if self.parent == self.id:
            raise ValueError("an event cannot be its own parent")
        if self.place is not None and self.location is not None:
            raise ValueError("an event has a place or a location, not both")

    def where(self, *, region: bool = False, country_names: bool = False) -> str | None:
        """Where it is, in one line: its place's label (see :meth:`Place.label_with`), or
        its location as a source wrote it; ``None`` if neither is known."""
        if self.place is not None:
            return self.place.label_with(region=region, country_names=country_names)
        return self.location

    @property
    def start(self) -> date:
        """The first day."""
        return self.when.first

    @property
    def end(self) -> date:
        """The last day (inclusive)."""
        return self.when.last

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Date order; among events starting the same day the longer first (a summit
        before its first day's parts), then by clock time, then id, so that sorting is
        total and stable."""
        w = self.when
        return (w.first, -w.day_count, w.start_time or time.min, self.id)

    def actors_with(self, role: Role) -> tuple[Actor, ...]:
        """The actors who played ``role``."""
        return tuple(a for a in self.actors if a.role is role)


@attrs.frozen(kw_only=True)
class Series:
    """A series of events, such as the AI-summit series or WAIC."""

    id: str
    title: str
    description: str = ""
