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

import json
import os
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar, runtime_checkable

from icalendar import Calendar, Timezone, vDuration
from icalendar import Event as VEvent

from summitcal.atomic import atomic_write_bytes
from summitcal.errors import FeedError
from summitcal.ical.text import Text, TextList
from summitcal.models.events import Event, Role, Status
from summitcal.models.revision import Revision, derived_revision
from summitcal.models.serialize import event_to_dict
from summitcal.span.span import DateSpan
from summitcal.span.words import dates_note
from summitcal.span.zones import get_zone
from summitcal.text import UNSAFE, one_line

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
    "to_ical",
    "write_calendar",
]

#: Fixed, without a version: a release must not change the bytes of unchanged feeds
#: (clients would re-download everything and ETags would churn for nothing).
PRODID = "-//summitcal//summitcal//EN"
#: Every UID is ``<event id>@summitcal``.
UID_DOMAIN = "summitcal"
#: How long a timed event without an end time is taken to last.
DEFAULT_DURATION = timedelta(hours=1)
#: REFRESH-INTERVAL and X-PUBLISHED-TTL: a hint; clients poll at their own pace anyway.
DEFAULT_REFRESH = timedelta(hours=12)

#: Our statuses as iCalendar's VEVENT STATUS.
STATUS_MAP: Mapping[Status, str] = {
    Status.CONFIRMED: "CONFIRMED",
    Status.SCHEDULED: "CONFIRMED",
    Status.ANNOUNCED: "TENTATIVE",
    Status.TENTATIVE: "TENTATIVE",
    Status.UNCONFIRMED: "TENTATIVE",
    Status.UNREPORTED: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}

_STATUS_TEXT = {
    Status.CONFIRMED: "confirmed",
    Status.SCHEDULED: "scheduled (officially dated)",
    Status.ANNOUNCED: "announced; the exact dates are not yet official",
    Status.TENTATIVE: "tentative; reported as planned, not officially fixed",
    Status.UNCONFIRMED: "UNCONFIRMED; reported by sources that could not be corroborated",
    Status.UNREPORTED: (
        "NO REPORT IT TOOK PLACE; it was planned for these dates, which have passed, and "
        "no report from after them has been found"
    ),
    Status.CANCELLED: "CANCELLED",
}

_HOST_ROLES = (Role.HOST, Role.CO_HOST, Role.CHAIR, Role.CO_CHAIR, Role.ORGANISER)

_Moment = TypeVar("_Moment", date, datetime)

#: The last day a VTIMEZONE can be built up to: icalendar searches for transitions in
#: steps of up to 64 days, which must not pass 9999-12-31.
_LAST_ZONE_DAY = date.max - timedelta(days=65)


@runtime_checkable
class HasRevisions(Protocol):
    """Events that carry their own revisions by event id, as a
    :class:`~summitcal.catalog.catalog.Catalog` does: :func:`to_ical` uses them when it is
    given no ``revisions``."""

    @property
    def revisions(self) -> Mapping[str, Revision]: ...


def event_uid(event_id: str) -> str:
    """The UID of the event with ``event_id``: ``"ai-action-summit-2025@summitcal"``."""
    return f"{event_id}@{UID_DOMAIN}"


def is_undated(span: DateSpan) -> bool:
    """Whether ``span`` is known only to the month or coarser (left out of feeds by
    default)."""
    return span.granularity.is_coarse


def event_times(span: DateSpan) -> tuple[date, date] | tuple[datetime, datetime]:
    """DTSTART and DTEND for ``span``: the one place days become iCalendar times.

    Returns:
        Two dates, the first day and the day *after* the last (iCalendar's DTEND is
        exclusive), for all-day spans, for parts of a day and for clock times without a
        zone; two aware datetimes for clock times with a zone (the end is the end time,
        else the start plus :data:`DEFAULT_DURATION`).

    Raises:
        FeedError: If the end would fall after 9999-12-31, the last day iCalendar (and
            Python) can write: a span of days ending on that day, or a time on it whose
            default hour runs past midnight.  The target is the span's TIMEX3 value.

    Example::

        >>> event_times(DateSpan.days(date(2025, 2, 10), date(2025, 2, 11)))
        (datetime.date(2025, 2, 10), datetime.date(2025, 2, 12))
    """
    if span.is_timed and span.zone is not None:
        start = span.start_datetime()
        end = span.end_datetime() if span.end_time is not None else start
        if end <= start:  # no end, or an instant: give it the default length
            end = _later(span, start, DEFAULT_DURATION)
        if span.zone in ("UTC", "Etc/UTC"):
            return start.astimezone(UTC), end.astimezone(UTC)
        return start, end
    return span.first, _later(span, span.last, timedelta(days=1))


def _later(span: DateSpan, value: _Moment, step: timedelta) -> _Moment:
    """``value + step``, or a :class:`FeedError` if that is past the year 9999."""
    try:
        return value + step
    except OverflowError:
        reason = f"its iCalendar end ({value.isoformat()} + {step}) would fall after 9999-12-31"
        raise FeedError(span.timex, reason) from None


def _summary(event: Event, undated: bool) -> str:
    summary = event.title
    if event.status is Status.UNCONFIRMED:
        summary += " (unconfirmed)"
    if event.status is Status.UNREPORTED:
        # Never "not yet known": the dates are past, and what is missing is any report.
        summary += f" (planned for {event.when.timex}; no report it took place)"
    elif undated:
        summary += f" (exact dates not yet known: {event.when.timex})"
    return summary


def _description(event: Event, parents: Mapping[str, str]) -> str:
    blocks: list[str] = []
    if event.description:
        blocks.append(event.description)
    head = [f"Status: {_STATUS_TEXT[event.status]}."]
    note = dates_note(event.when)
    if note:
        head.append(note)
    if event.parent is not None:
        head.append(f"Part of: {parents.get(event.parent, event.parent)}.")
    hosts = [a for a in event.actors if a.role in _HOST_ROLES]
    if hosts:
        head.append("Hosts: " + "; ".join(f"{a.name} ({a.role.value})" for a in hosts) + ".")
    blocks.append("\n".join(head))
    if event.outcomes:
        blocks.append("Outcomes:\n" + "\n".join(f"- {o}" for o in event.outcomes))
    if event.alternatives:
        lines = []
        for alt in event.alternatives:
            label = "CONFLICTING" if alt.status.value == "conflict" else "UNCONFIRMED"
            line = f"- {label} {alt.field}: {alt.value}"
            if alt.note:
                line += f" ({alt.note})"
            if alt.sources:
                line += " Sources: " + " ".join(alt.sources)
            lines.append(line)
        blocks.append("Disputed or unconfirmed values:\n" + "\n".join(lines))
    lines = []
    for s in event.sources:
        who = ": ".join(p for p in (s.publisher, s.title) if p)
        when = f" (published {s.published.isoformat()})" if s.published else ""
        lines.append(f"- {who + ' ' if who else ''}<{s.url}>{when}")
    blocks.append("Sources:\n" + "\n".join(lines))
    return "\n\n".join(blocks)


# What RFC 3986 does not allow raw in a URI: anything but unreserved and reserved
# characters, and "%" unless it starts a percent-encoded octet.  Also the comma, which it
# allows: vobject reads a VCALENDAR's URL and SOURCE as TEXT, and keeps what precedes the
# first comma only.
_URI_UNSAFE = re.compile(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+;=%]")


def _safe_uri(url: str) -> str:
    """``url`` as a URI value that every parser reads the same: what RFC 3986 does not
    allow raw (space, controls, ``"``, ``<``, a backslash, non-ASCII...) and the comma
    are percent-encoded as UTF-8.

    A backslash above all: icalendar reads ``\\N`` in a URI as a line break and ``\\;``
    as ``;``, vobject reads them literally.  Encoded controls mean no URL can break its
    content line; a lone surrogate becomes the three octets that stand for it, so that
    writing never fails.
    """
    return _URI_UNSAFE.sub(lambda m: _percent(m.group()), url)


def _percent(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass"))


def _categories(event: Event) -> list[str]:
    seen: dict[str, None] = {}
    for value in (event.kind.value, *event.series, *event.tags):
        seen.setdefault(value, None)
    return list(seen)


def _vevent(
    event: Event, revision: Revision, parents: Mapping[str, str], *, embed_data: bool
) -> VEvent:
    undated = is_undated(event.when)
    try:
        start, end = event_times(event.when)
    except FeedError as exc:
        raise FeedError(f"event {event.id!r}", f"{exc.target}: {exc.reason}") from None
    status = "TENTATIVE" if undated else STATUS_MAP[event.status]
    vevent = VEvent.new(
        uid=event_uid(event.id),
        stamp=revision.modified,
        start=start,
        end=end,
        sequence=revision.sequence,
        last_modified=revision.modified,
        status=status,  # type: ignore[arg-type]
    )
    vevent.add("SUMMARY", Text(_summary(event, undated)))
    vevent.add("DESCRIPTION", Text(_description(event, parents)))
    if event.place is not None:
        vevent.add("LOCATION", Text(event.place.label_with(region=True, country_names=True)))
    elif event.location is not None:
        vevent.add("LOCATION", Text(event.location))
    if event.place is not None and event.place.lat is not None:
        vevent.add("GEO", (event.place.lat, event.place.lon))
    if event.url:
        vevent.add("URL", _safe_uri(event.url))
    vevent.add("CATEGORIES", TextList(_categories(event)))
    if event.parent is not None:
        vevent.add("RELATED-TO", event_uid(event.parent), parameters={"RELTYPE": "PARENT"})
    vevent.add("TRANSP", "TRANSPARENT")
    if embed_data:
        vevent.add("X-SUMMITCAL-EVENT", Text(event_payload(event)))
    return vevent


# Keys of event_to_dict that the payload leaves out: the UID carries the id, the TIMEX3
# value the days and granularity; the location too when it is derived from the place.
_DERIVED_KEYS = frozenset({"id", "start", "end", "granularity"})


def event_payload(event: Event) -> str:
    """The compact JSON that ``X-SUMMITCAL-EVENT`` carries: :func:`event_to_dict` without
    derived keys and empty values, in the key order of ``event_to_dict``.  ``location``
    is kept only for an event without a place: it is then the event's own."""
    derived = _DERIVED_KEYS if event.place is None else _DERIVED_KEYS | {"location"}
    data = {
        k: v for k, v in event_to_dict(event).items() if k not in derived and v not in ("", [], {})
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # JSON escapes C0 controls but not DEL, C1, lone surrogates or U+FFFE/FFFF, which the
    # TEXT value would drop: escaped, they read back exactly.
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _timezones(events: Iterable[Event]) -> list[Timezone]:
    """VTIMEZONEs for the zones of timed events, sorted by TZID, bounded to their years."""
    years: dict[str, tuple[int, int]] = {}
    for e in events:
        zone = e.when.zone
        if e.when.is_timed and zone is not None and zone not in ("UTC", "Etc/UTC"):
            lo, hi = years.get(zone, (e.when.first.year, e.when.last.year))
            years[zone] = (min(lo, e.when.first.year), max(hi, e.when.last.year))
    return [
        Timezone.from_tzinfo(
            get_zone(zone),
            zone,
            first_date=date(lo, 1, 1),
            # Up to the end of the last year; in 9999 only as far as icalendar can search.
            last_date=date(hi + 1, 1, 1) if hi < date.max.year else _LAST_ZONE_DAY,
        )
        for zone, (lo, hi) in sorted(years.items())
    ]


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
    title = one_line(name)  # some clients show names verbatim: one line
    if not title:
        raise FeedError("<calendar>", "a feed needs a non-empty name")
    ordered = sorted(events, key=lambda e: e.sort_key)
    ids = [e.id for e in ordered]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise FeedError(title, f"duplicate event ids (UIDs would collide): {', '.join(dupes)}")
    titles = {e.id: e.title for e in ordered}
    chosen = [e for e in ordered if include_undated or not is_undated(e.when)]
    if revisions is None and isinstance(events, HasRevisions):
        revisions = events.revisions
    records = revisions or {}

    cal = Calendar.new(prodid=PRODID, uid=uid or _default_uid(title))
    cal.add("NAME", Text(title))
    cal.add("X-WR-CALNAME", Text(title))
    if description:
        cal.add("DESCRIPTION", Text(description))
        cal.add("X-WR-CALDESC", Text(description))
    if url:
        cal.add("URL", _safe_uri(url))
        cal.add("SOURCE", _safe_uri(url), parameters={"VALUE": "URI"})
    cal.add("REFRESH-INTERVAL", vDuration(refresh, params={"VALUE": "DURATION"}))
    cal.add("X-PUBLISHED-TTL", vDuration(refresh))
    for tz in _timezones(chosen):
        cal.add_component(tz)
    latest: datetime | None = None
    for event in chosen:
        revision = records.get(event.id) or _derived_revision(event)
        latest = revision.modified if latest is None else max(latest, revision.modified)
        cal.add_component(_vevent(event, revision, titles, embed_data=embed_data))
    if latest is not None:
        cal.add("LAST-MODIFIED", latest)
    data: bytes = cal.to_ical()
    return data


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

    The feed is built completely before anything is written, and then replaces ``path``
    in one rename, so a failure leaves any previous file untouched.  The other arguments
    are those of :func:`to_ical`, except that ``name`` defaults to the file's stem
    (``"ai-summits"`` for ``ai-summits.ics``).

    Raises:
        FeedError: If the feed cannot be built or the file cannot be written.

    Example::

        >>> write_calendar(load_catalog().filter(series="ai-summit"), "ai-summits.ics")
        PosixPath('ai-summits.ics')
    """
    data = to_ical(
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
    try:
        return atomic_write_bytes(path, data)
    except OSError as exc:
        raise FeedError(str(path), f"cannot write: {exc.strerror or exc}") from None
