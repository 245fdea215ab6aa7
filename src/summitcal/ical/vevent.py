"""One event as a VEVENT: its UID, its status, its text (summary, description,
categories), its URL and the JSON payload that lets a reader restore it exactly.

The rules each property follows are written down once, in :mod:`summitcal.ical.write`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime

from icalendar import Event as VEvent

from summitcal.errors import FeedError
from summitcal.ical.text import Text, TextList
from summitcal.ical.times import event_times, is_undated
from summitcal.models.events import Event, Role, Status
from summitcal.models.revision import Revision
from summitcal.models.serialize import event_to_dict
from summitcal.span.words import dates_note
from summitcal.text import UNSAFE

__all__ = [
    "STATUS_MAP",
    "UID_DOMAIN",
    "checked_times",
    "event_payload",
    "event_uid",
    "safe_uri",
    "vevent",
]

#: Every UID is ``<event id>@summitcal``.
UID_DOMAIN = "summitcal"

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


def event_uid(event_id: str) -> str:
    """The UID of the event with ``event_id``: ``"ai-action-summit-2025@summitcal"``."""
    return f"{event_id}@{UID_DOMAIN}"


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


def safe_uri(url: str) -> str:
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


def checked_times(event: Event) -> tuple[date, date] | tuple[datetime, datetime]:
    """:func:`event_times` of the event, its error naming the event."""
    try:
        return event_times(event.when)
    except FeedError as exc:
        raise FeedError(f"event {event.id!r}", f"{exc.target}: {exc.reason}") from None


def vevent(
    event: Event, revision: Revision, parents: Mapping[str, str], *, embed_data: bool
) -> VEvent:
    """The VEVENT of ``event`` at ``revision``; ``parents`` gives titles by event id (for
    "Part of:"), and ``embed_data`` adds the ``X-SUMMITCAL-EVENT`` payload."""
    undated = is_undated(event.when)
    start, end = checked_times(event)
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
        vevent.add("URL", safe_uri(event.url))
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
