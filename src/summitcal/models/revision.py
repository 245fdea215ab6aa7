"""The published revision of an event: its SEQUENCE and LAST-MODIFIED, and the content
digest that tells when it changes.

:func:`content_digest` hashes the canonical JSON of everything the event publishes
(:func:`summitcal.models.serialize.event_to_dict`, sorted keys, fixed separators): the
same data the VEVENT is built from.  Events without a recorded :class:`Revision` get
:func:`derived_revision`: sequence 0 and a modification time taken from the data.  Keeping
the records in step with the catalogue is :mod:`summitcal.catalog.revisions`' job.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, time

import attrs

from summitcal.models.events import Event
from summitcal.models.serialize import event_to_dict

__all__ = [
    "UNDATED_MODIFIED",
    "Revision",
    "content_digest",
    "derived_modified",
    "derived_revision",
]


@attrs.frozen(kw_only=True)
class Revision:
    """The published revision of one event.

    Attributes:
        id: The event's id.
        sequence: How many times its published content has changed (iCalendar SEQUENCE).
        digest: The content digest the sequence was recorded for.
        modified: When that content was published (UTC); iCalendar LAST-MODIFIED.
    """

    id: str
    sequence: int
    digest: str
    modified: datetime


def content_digest(event: Event) -> str:
    """The digest of what ``event`` publishes: ``"sha256:"`` and 64 hex digits.

    Any change to a published field (title, dates, place, sources, actors...) changes it;
    the order of keys in memory never does.

    Example::

        >>> content_digest(event).startswith("sha256:")
        True
    """
    canonical = json.dumps(
        event_to_dict(event), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


#: What ``derived_modified`` gives for an event none of whose sources is dated.
UNDATED_MODIFIED = datetime(1970, 1, 1, tzinfo=UTC)


def derived_modified(event: Event) -> datetime:
    """When ``event`` was last changed, as far as its data says: 00:00 UTC of its latest
    source publication date, else :data:`UNDATED_MODIFIED`.

    The event's own date is never used: a future event would otherwise get a DTSTAMP in
    the future, which calendar clients treat as a sign of a broken feed.
    """
    published = [s.published for s in event.sources if s.published is not None]
    if not published:
        return UNDATED_MODIFIED
    return datetime.combine(max(published), time(0, 0), tzinfo=UTC)


def derived_revision(event: Event) -> Revision:
    """The revision of an event that has no recorded one: sequence 0, modified from data."""
    return Revision(
        id=event.id,
        sequence=0,
        digest=content_digest(event),
        modified=derived_modified(event),
    )
