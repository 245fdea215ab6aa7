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

from collections.abc import Iterable
from datetime import date, time
from typing import Any

import attrs

from summitcal.models.checks import (
    LAST_CALENDAR_DAY,
    _non_empty,
    _tuple_of_str,
    _validate_aliases,
    _validate_id,
    _validate_location,
    check_alias,
    check_calendar_span,
    check_location,
    is_valid_id,
    is_web_url,
)
from summitcal.models.kinds import (
    ActorKind,
    AlternativeStatus,
    EventKind,
    Role,
    SourceKind,
    Status,
)
from summitcal.models.parts import Actor, Alternative, Place, Source
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
    "check_alias",
    "check_calendar_span",
    "check_location",
    "is_valid_id",
    "is_web_url",
]


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(value)


def _alternatives(value: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(value)


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
        aliases: Other names it goes by: the names the news uses ("the Paris AI summit",
            "WAIC 2025"), names in other languages where a source gives them; each one
            line of text, not the title, none given twice (see
            :func:`~summitcal.models.checks.check_alias`).
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
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_validate_aliases
    )
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
