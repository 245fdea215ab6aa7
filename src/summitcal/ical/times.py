"""Days and times as iCalendar writes them: DTSTART and DTEND for a span, and the
VTIMEZONEs a feed's timed events need.

:func:`event_times` is the one place days become iCalendar times (all-day spans get an
*exclusive* DTEND); :func:`vtimezones` builds the zones from the pinned ``tzdata``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from icalendar import Timezone

from summitcal.errors import FeedError
from summitcal.models.events import Event
from summitcal.span.span import DateSpan
from summitcal.span.zones import get_zone

__all__ = ["DEFAULT_DURATION", "event_times", "is_undated", "vtimezones"]

#: How long a timed event without an end time is taken to last.
DEFAULT_DURATION = timedelta(hours=1)

_Moment = TypeVar("_Moment", date, datetime)

#: The last day a VTIMEZONE can be built up to: icalendar searches for transitions in
#: steps of up to 64 days, which must not pass 9999-12-31.
_LAST_ZONE_DAY = date.max - timedelta(days=65)


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


def vtimezones(events: Iterable[Event]) -> list[Timezone]:
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
