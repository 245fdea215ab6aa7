"""Events as iCalendar feeds (RFC 5545, with RFC 7986 calendar properties).

:func:`to_ical` turns events into deterministic bytes: the same events (and revisions)
give the same bytes on every run, machine and ``PYTHONHASHSEED``.  :func:`write_calendar`
writes them atomically; :func:`summitcal.ical.read.read_calendar` reads a feed back.

What each event becomes (the rules, written down once):

* ``UID`` is ``<id>@summitcal``: ids never change, so neither do UIDs.
* ``SEQUENCE``, ``LAST-MODIFIED`` and ``DTSTAMP`` come from the event's
  :class:`~summitcal.models.revision.Revision` (``seeds/revisions.toml`` for the shipped
  catalogue).  Without one: sequence 0, and both times 00:00 UTC of the latest source
  publication date, else 1970-01-01 (:mod:`summitcal.models.revision`).  There is
  no METHOD, so DTSTAMP may be, and is, the last modification: never the clock.
* Days: an all-day event has ``DTSTART;VALUE=DATE`` and an *exclusive* ``DTEND`` (the day
  after the last day), never a TZID.  :func:`event_times` is the one place this happens.
* Times: a timed event carries ``TZID`` with a VTIMEZONE in the file (built from the pinned
  ``tzdata``, bounded to the years used, sorted by TZID), or UTC.  A timed event without
  an end lasts :data:`DEFAULT_DURATION`.  A clock time without a zone is never written as
  floating time: the event becomes all-day and the description states the local time.
  Parts of a day ("morning") are all-day too, with the part named in the description.
* Events known only to the month or coarser (a month, season, quarter, half, year...) are
  left out unless ``include_undated=True``; then they span the whole unit, are
  ``TENTATIVE``, and say so in the summary and the description.  Weeks and weekends are
  written as the days they cover.
* ``STATUS``: confirmed and scheduled events are ``CONFIRMED``; announced, tentative and
  unconfirmed ones ``TENTATIVE``; cancelled ones ``CANCELLED`` (:data:`STATUS_MAP`).
  Unconfirmed events also say "(unconfirmed)" in their summary.
* ``LOCATION``: the place's label (venue, city, region, the country's name); for an
  event without a place, its own ``location`` exactly as it is ("Room 4").
* ``DESCRIPTION``: the account, status, dates where vague, hosts, outcomes, disputed or
  unconfirmed values (labelled), and the sources with their URLs.  Also ``GEO``,
  ``URL``, ``CATEGORIES`` (kind, series, tags), ``RELATED-TO;RELTYPE=PARENT`` for parts
  and side events, and ``TRANSP:TRANSPARENT`` (a subscribed summit never makes its
  reader look busy).
* ``X-SUMMITCAL-EVENT``: the event as JSON (:func:`summitcal.models.serialize.event_to_dict`),
  so that :func:`~summitcal.ical.read.read_calendar` gives back exactly the events written.

Text is escaped by :mod:`summitcal.ical.text` (icalendar 7.3 mangles a literal
backslash followed by ``N``); CR and CRLF become LF, as iCalendar has no escape for CR.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Protocol, runtime_checkable

from icalendar import Calendar, vDuration

from summitcal.atomic import atomic_write_chunks
from summitcal.errors import FeedError
from summitcal.ical.text import Text
from summitcal.ical.times import DEFAULT_DURATION, event_times, is_undated, vtimezones
from summitcal.ical.vevent import (
    STATUS_MAP,
    UID_DOMAIN,
    checked_times,
    event_payload,
    event_uid,
    safe_uri,
    vevent,
)
from summitcal.models.events import Event
from summitcal.models.revision import Revision, derived_revision
from summitcal.text import one_line

__all__ = [
    "DEFAULT_DURATION",
    "DEFAULT_REFRESH",
    "PRODID",
    "STATUS_MAP",
    "UID_DOMAIN",
    "HasRevisions",
    "event_payload",
    "event_times",
    "event_uid",
    "is_undated",
    "iter_ical",
    "to_ical",
    "write_calendar",
]

#: Fixed, without a version: a release must not change the bytes of unchanged feeds
#: (clients would re-download everything and ETags would churn for nothing).
PRODID = "-//summitcal//summitcal//EN"
#: REFRESH-INTERVAL and X-PUBLISHED-TTL: a hint; clients poll at their own pace anyway.
DEFAULT_REFRESH = timedelta(hours=12)


@runtime_checkable
class HasRevisions(Protocol):
    """Events that carry their own revisions by event id, as a
    :class:`~summitcal.catalog.catalog.Catalog` does: :func:`to_ical` uses them when it is
    given no ``revisions``."""

    @property
    def revisions(self) -> Mapping[str, Revision]: ...


def to_ical(
    events: Iterable[Event],
    *,
    name: str,
    description: str | None = None,
    uid: str | None = None,
    include_undated: bool = False,
    revisions: Mapping[str, Revision] | None = None,
    url: str | None = None,
    refresh: timedelta = DEFAULT_REFRESH,
    embed_data: bool = True,
) -> bytes:
    """The events as one deterministic iCalendar feed.

    Args:
        events: The events, in any order (they are written in date order, then by id).
        name: The calendar's name (NAME and X-WR-CALNAME), one line.
        description: What the calendar holds (DESCRIPTION and X-WR-CALDESC).
        uid: The calendar's stable UID (RFC 7986); default ``<slug of name>.feed@summitcal``.
        include_undated: Also write events known only to the month or coarser.
        revisions: SEQUENCE and LAST-MODIFIED per event id (default: the events' own when
            they carry them, as a :class:`~summitcal.catalog.catalog.Catalog` does: see
            :class:`HasRevisions`); events without one get a revision derived from their
            data (:func:`summitcal.models.revision.derived_revision`).
        url: Where the feed is published (URL and SOURCE), if known.
        refresh: The REFRESH-INTERVAL and X-PUBLISHED-TTL hint.
        embed_data: Carry each event as JSON (``X-SUMMITCAL-EVENT``) so that
            :func:`~summitcal.ical.read.read_calendar` can restore it exactly; about half
            of a feed's bytes.

    Returns:
        The feed, UTF-8, CRLF line ends, lines folded at 75 octets.

    Raises:
        FeedError: If two events share an id (their UIDs would collide) or ``name`` is
            empty; or, with the target ``event '<id>'``, if an event's end would fall
            after 9999-12-31 (:func:`event_times`) or its text holds a lone surrogate and
            it has no recorded revision.

    Example::

        >>> data = to_ical(load_catalog(), name="AI summits")
        >>> data.startswith(b"BEGIN:VCALENDAR")
        True
    """
    return b"".join(
        iter_ical(
            events,
            name=name,
            description=description,
            uid=uid,
            include_undated=include_undated,
            revisions=revisions,
            url=url,
            refresh=refresh,
            embed_data=embed_data,
        )
    )


_END = b"END:VCALENDAR\r\n"


def iter_ical(
    events: Iterable[Event],
    *,
    name: str,
    description: str | None = None,
    uid: str | None = None,
    include_undated: bool = False,
    revisions: Mapping[str, Revision] | None = None,
    url: str | None = None,
    refresh: timedelta = DEFAULT_REFRESH,
    embed_data: bool = True,
) -> Iterator[bytes]:
    """The feed of :func:`to_ical` in pieces, made as they are asked for: the calendar's
    own lines and time zones, then each VEVENT, then its end.  Joined, they are
    :func:`to_ical`'s bytes; memory holds one VEVENT at a time rather than the feed.

    The arguments are those of :func:`to_ical`, and so are the errors, raised in the same
    order: every event's revision and times are checked before the first piece.
    """
    title = one_line(name)  # some clients show names verbatim: one line
    if not title:
        raise FeedError("<calendar>", "a feed needs a non-empty name")
    ordered = _ordered(events, title)
    titles = {e.id: e.title for e in ordered}
    chosen = [e for e in ordered if include_undated or not is_undated(e.when)]
    if revisions is None and isinstance(events, HasRevisions):
        revisions = events.revisions
    cal = _calendar(title, uid or _default_uid(title), description, url, refresh)
    for tz in vtimezones(chosen):
        cal.add_component(tz)
    # The calendar's LAST-MODIFIED, the latest of its events', comes before them.
    records = revisions or {}
    chosen_revisions = []
    for event in chosen:
        chosen_revisions.append(records.get(event.id) or _derived_revision(event))
        checked_times(event)
    if chosen_revisions:
        cal.add("LAST-MODIFIED", max(r.modified for r in chosen_revisions))
    head: bytes = cal.to_ical()
    # A component's bytes are its lines, each ended by CRLF, its subcomponents' among
    # them: the calendar's without its END line, then each VEVENT's, then that line.
    assert head.endswith(_END)
    yield head[: -len(_END)]
    for event, revision in zip(chosen, chosen_revisions, strict=True):
        yield vevent(event, revision, titles, embed_data=embed_data).to_ical()
    yield _END


def _ordered(events: Iterable[Event], title: str) -> list[Event]:
    """The events in date order, then by id; a :class:`FeedError` if two share an id."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    ids = [e.id for e in ordered]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise FeedError(title, f"duplicate event ids (UIDs would collide): {', '.join(dupes)}")
    return ordered


def _calendar(
    title: str, uid: str, description: str | None, url: str | None, refresh: timedelta
) -> Calendar:
    """The VCALENDAR with its own properties (RFC 7986 and the X-WR- names), no events."""
    cal = Calendar.new(prodid=PRODID, uid=uid)
    cal.add("NAME", Text(title))
    cal.add("X-WR-CALNAME", Text(title))
    if description:
        cal.add("DESCRIPTION", Text(description))
        cal.add("X-WR-CALDESC", Text(description))
    if url:
        cal.add("URL", safe_uri(url))
        cal.add("SOURCE", safe_uri(url), parameters={"VALUE": "URI"})
    cal.add("REFRESH-INTERVAL", vDuration(refresh, params={"VALUE": "DURATION"}))
    cal.add("X-PUBLISHED-TTL", vDuration(refresh))
    return cal


def _derived_revision(event: Event) -> Revision:
    """:func:`derived_revision`, or a :class:`FeedError` for text UTF-8 cannot encode."""
    try:
        return derived_revision(event)
    except UnicodeEncodeError as exc:  # only lone surrogates fail; loaded TOML has none
        bad = exc.object[exc.start : exc.end]
        reason = f"its text holds {bad!r}, a lone surrogate, which no UTF-8 feed can carry"
        raise FeedError(f"event {event.id!r}", reason) from None


def _default_uid(title: str) -> str:
    slug = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())
    return f"{slug or 'calendar'}.feed@{UID_DOMAIN}"


def write_calendar(
    events: Iterable[Event],
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    description: str | None = None,
    uid: str | None = None,
    include_undated: bool = False,
    revisions: Mapping[str, Revision] | None = None,
    url: str | None = None,
    refresh: timedelta = DEFAULT_REFRESH,
    embed_data: bool = True,
) -> Path:
    """Write :func:`to_ical` of ``events`` to ``path`` atomically; return the path.

    The feed goes to a temporary file one VEVENT at a time (:func:`iter_ical`: memory
    holds one event's bytes, not the feed's), which then replaces ``path`` in one rename,
    so a failure leaves any previous file untouched.  The other arguments
    are those of :func:`to_ical`, except that ``name`` defaults to the file's stem
    (``"ai-summits"`` for ``ai-summits.ics``).

    Raises:
        FeedError: If the feed cannot be built or the file cannot be written.

    Example::

        >>> write_calendar(load_catalog().filter(series="ai-summit"), "ai-summits.ics")
        PosixPath('ai-summits.ics')
    """
    chunks = iter_ical(
        events,
        name=Path(path).stem if name is None else name,
        description=description,
        uid=uid,
        include_undated=include_undated,
        revisions=revisions,
        url=url,
        refresh=refresh,
        embed_data=embed_data,
    )
    # Its checks run before its first piece: taking that piece now keeps a bad feed from
    # touching the disk, and its errors from coming out as errors of the write.
    first = next(chunks)
    try:
        return atomic_write_chunks(path, itertools.chain((first,), chunks))
    except OSError as exc:
        raise FeedError(str(path), f"cannot write: {exc.strerror or exc}") from None
