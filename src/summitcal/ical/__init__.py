"""Events to and from iCalendar (RFC 5545) through the ``icalendar`` package.

Modules: :mod:`~summitcal.ical.write` (events to deterministic bytes: the calendar),
:mod:`~summitcal.ical.vevent` (one event's VEVENT: its UID, status, text and payload),
:mod:`~summitcal.ical.times` (DTSTART and DTEND, and the VTIMEZONEs),
:mod:`~summitcal.ical.read` (a foreign or our own calendar back to events),
:mod:`~summitcal.ical.text` (TEXT values: escaping and cleaning).
"""

from summitcal.ical.read import MAX_OCCURRENCES, ReadResult, Recurrence, Skipped, read_calendar
from summitcal.ical.write import (
    DEFAULT_DURATION,
    DEFAULT_REFRESH,
    PRODID,
    STATUS_MAP,
    UID_DOMAIN,
    event_payload,
    event_times,
    event_uid,
    is_undated,
    to_ical,
    write_calendar,
)

__all__ = [
    "DEFAULT_DURATION",
    "DEFAULT_REFRESH",
    "MAX_OCCURRENCES",
    "PRODID",
    "STATUS_MAP",
    "UID_DOMAIN",
    "ReadResult",
    "Recurrence",
    "Skipped",
    "event_payload",
    "event_times",
    "event_uid",
    "is_undated",
    "read_calendar",
    "to_ical",
    "write_calendar",
]
