"""Checks of a loaded catalogue beyond its format: stale statuses and thin sourcing.

A catalogue that loads cleanly can still say something that is no longer true: an event
whose last day has passed cannot still be ``scheduled``, ``announced`` or ``tentative``,
as if nothing had happened.  Once its date is past, an event is either ``confirmed`` (a
report after the event says it took place), ``cancelled``, or ``unconfirmed`` (it was
planned, and no report of it was found; the record says so in an alternative or note).

An event presented as established (``confirmed`` or ``scheduled``) must rest on at least
one source that is not ``secondary`` (see :class:`~summitcal.models.events.SourceKind`); sources
nobody has classified do not count against it.

The date is an argument: the library never reads the clock.  ``summitcal check`` passes
today by default and takes ``--as-of DATE``.

Example::

    >>> [f.record for f in audit(load_catalog(), as_of=date(2026, 12, 4))]
    []
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from summitcal.models.events import Event, SourceKind, Status

__all__ = ["FORWARD_LOOKING", "Finding", "audit", "stale_events", "thinly_sourced"]

#: The statuses that speak of an event still to come.
FORWARD_LOOKING = frozenset({Status.SCHEDULED, Status.ANNOUNCED, Status.TENTATIVE})


@attrs.frozen
class Finding:
    """Something a catalogue says that its data cannot support.

    Attributes:
        record: The event's id.
        field: The field at fault.
        message: What is wrong, and what would put it right.
    """

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"record {self.record!r}, field {self.field!r}: {self.message}"


def stale_events(events: Iterable[Event], *, as_of: date) -> tuple[Event, ...]:
    """The events whose last day is before ``as_of`` but whose status looks ahead."""
    return tuple(e for e in events if e.status in FORWARD_LOOKING and e.when.last < as_of)


def thinly_sourced(events: Iterable[Event]) -> tuple[Event, ...]:
    """The events shown as established whose every source is ``secondary``."""
    return tuple(
        e
        for e in events
        if e.status.is_firm and all(s.kind is SourceKind.SECONDARY for s in e.sources)
    )


def audit(events: Iterable[Event], *, as_of: date) -> tuple[Finding, ...]:
    """Every finding about ``events`` as of the day ``as_of``, in catalogue order."""
    events = tuple(events)
    stale = {
        e.id: (
            "status",
            f"still {e.status.value!r} though it ended on {e.when.last.isoformat()}, before "
            f"{as_of.isoformat()}: make it 'confirmed' with a report after the event, "
            "'cancelled', or 'unreported' when no report after it was found",
        )
        for e in stale_events(events, as_of=as_of)
    }
    thin = {
        e.id: (
            "sources",
            f"{e.status.value!r} on secondary sources alone: cite an official, wire or "
            "press source, or make it 'unconfirmed'",
        )
        for e in thinly_sourced(events)
    }
    return tuple(
        Finding(e.id, *found[e.id]) for e in events for found in (stale, thin) if e.id in found
    )
