"""Named calendar feeds, defined as data, and ad-hoc ones built from filters.

The named feeds live in ``data/feeds.toml`` (``all``, ``ai-summits``, ``waic``, ``china``,
``un``, ``paris-2025``...).  A :class:`FeedSpec` says which events a feed holds
(:class:`FeedCriteria`, the same criteria as :meth:`summitcal.catalog.catalog.Catalog.filter`,
plus ``within``: an event and all its parts) and how the calendar is named.
:func:`render_feed` turns a catalogue and a spec into the feed's bytes, using the
catalogue's revisions for SEQUENCE and LAST-MODIFIED.

The criteria live in :mod:`summitcal.feeds.criteria` and the specs in
:mod:`summitcal.feeds.specs`; this module re-exports their names.

Example::

    >>> spec = get_feed_spec("ai-summits")
    >>> data = render_feed(load_catalog(), spec)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.errors import FeedError, QueryError
from summitcal.feeds.criteria import FeedCriteria, describe_criteria
from summitcal.feeds.specs import FeedSpec, custom_feed_spec, feed_specs, get_feed_spec
from summitcal.models.events import Event

__all__ = [
    "FeedCriteria",
    "FeedLink",
    "FeedSpec",
    "available_feeds",
    "custom_feed_spec",
    "describe_criteria",
    "feed_events",
    "feed_links",
    "feed_specs",
    "get_feed_spec",
    "is_summitcal_calendar",
    "render_feed",
]


@attrs.frozen
class FeedLink:
    """A named feed as a page lists it.

    Attributes:
        name: The feed's name; its file is ``feeds/<name>.ics``.
        title: Its human title.
        description: One or two sentences.
        count: How many events it holds.
    """

    name: str
    title: str
    description: str
    count: int

    @property
    def path(self) -> str:
        """The feed's path relative to the site root."""
        return f"feeds/{self.name}.ics"


def available_feeds(catalog: Catalog) -> tuple[tuple[FeedSpec, Catalog], ...]:
    """The named feeds that apply to ``catalog``, with their events.

    A named feed that refers to a series or event ``catalog`` lacks (a catalogue of your
    own, say) is left out rather than failing the whole site.
    """
    out = []
    for spec in feed_specs():
        try:
            out.append((spec, spec.select(catalog)))
        except (FeedError, QueryError):
            continue
    return tuple(out)


def feed_links(catalog: Catalog) -> tuple[FeedLink, ...]:
    """The named feeds that apply to ``catalog``, as a page lists them."""
    return tuple(
        FeedLink(spec.name, spec.title, spec.description, len(events))
        for spec, events in available_feeds(catalog)
    )


def feed_events(
    catalog: Catalog, spec: FeedSpec, *, include_undated: bool | None = None
) -> tuple[Event, ...]:
    """The events that feed ``spec`` over ``catalog`` would hold, in date order.

    Args:
        include_undated: Overrides ``spec.include_undated`` when given.

    Raises:
        QueryError: If the spec names a series the catalogue lacks.
        FeedError: If it names an event the catalogue lacks.
    """
    from summitcal.ical.write import is_undated

    undated = spec.include_undated if include_undated is None else include_undated
    return tuple(e for e in spec.select(catalog) if undated or not is_undated(e.when))


def is_summitcal_calendar(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file, begin a calendar summitcal wrote."""
    from summitcal.ical.write import PRODID

    return head.startswith(b"BEGIN:VCALENDAR\r\n") and f"PRODID:{PRODID}".encode() in head


def render_feed(
    catalog: Catalog,
    spec: FeedSpec,
    *,
    include_undated: bool | None = None,
    url: str | None = None,
) -> bytes:
    """The calendar bytes of feed ``spec`` over ``catalog``.

    Args:
        catalog: The catalogue; its revisions give SEQUENCE and LAST-MODIFIED.
        spec: The feed.
        include_undated: Overrides ``spec.include_undated`` when given.
        url: Where the feed is published, written as the calendar's URL and SOURCE.

    Raises:
        QueryError: If the spec names a series the catalogue lacks.
        FeedError: If it names an event the catalogue lacks.
    """
    from summitcal.ical.write import to_ical

    events: Iterable[Event] = spec.select(catalog)
    return to_ical(
        events,
        name=spec.title,
        description=spec.description or None,
        uid=spec.uid,
        include_undated=spec.include_undated if include_undated is None else include_undated,
        revisions=catalog.revisions,
        url=url,
    )
