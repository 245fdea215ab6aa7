"""Revisions: the SEQUENCE and LAST-MODIFIED of each published event, kept in step with it.

Calendar clients replace a subscribed event only when its SEQUENCE grows (or its
LAST-MODIFIED moves), so the number must change whenever the event's published content
does, and must never depend on someone remembering to bump it.  The mechanism:

* :func:`content_digest` hashes the canonical JSON of everything the event publishes
  (:func:`summitcal.models.serialize.event_to_dict`, sorted keys, fixed separators): the same
  data the VEVENT is built from.
* ``seeds/revisions.toml`` records, per event id, the ``sequence``, the ``digest`` it was
  recorded for and the UTC time ``modified`` that content was first published.
* :func:`update_revisions` compares digests: an unchanged event keeps its record, a
  changed one gets ``sequence + 1`` and ``modified = now``, a new one starts at 0.
* :func:`check_revisions` lists every event whose record is missing or stale; the test
  suite runs it on the shipped catalogue, so changed content cannot ship with an old
  SEQUENCE.

Catalogues without revisions (users' own) get :func:`derived_revision`: sequence 0 and a
modification time taken from the data (the latest source publication date at 00:00 UTC,
else 1970-01-01), so their feeds are reproducible too and never dated in the future.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import attrs

from summitcal.errors import SeedError
from summitcal.models.events import Event
from summitcal.models.revision import (
    UNDATED_MODIFIED,
    Revision,
    content_digest,
    derived_modified,
    derived_revision,
)

__all__ = [
    "REVISIONS_FILE",
    "UNDATED_MODIFIED",
    "RevisionProblem",
    "check_revisions",
    "content_digest",
    "derived_modified",
    "derived_revision",
    "format_revisions",
    "read_revisions",
    "update_revisions",
]

#: The file, inside a catalogue directory, that holds its revision records.
REVISIONS_FILE = "revisions.toml"


@attrs.frozen
class RevisionProblem:
    """An event whose recorded revision is missing or out of step with its content.

    Attributes:
        id: The event id.
        reason: ``"missing"``, ``"stale"`` (the digest differs) or ``"orphan"`` (a record
            for an event that no longer exists).
    """

    id: str
    reason: str

    def __str__(self) -> str:
        text = {
            "missing": "has no revision record",
            "stale": "changed since its revision was recorded",
            "orphan": "has a revision record but no event",
        }[self.reason]
        return f"{self.id}: {text}"


def check_revisions(
    events: Iterable[Event], revisions: Mapping[str, Revision]
) -> tuple[RevisionProblem, ...]:
    """Every event whose record is missing or stale, and every orphan record, by id."""
    problems = []
    seen = set()
    for event in events:
        seen.add(event.id)
        record = revisions.get(event.id)
        if record is None:
            problems.append(RevisionProblem(event.id, "missing"))
        elif record.digest != content_digest(event):
            problems.append(RevisionProblem(event.id, "stale"))
    problems += [RevisionProblem(i, "orphan") for i in revisions if i not in seen]
    return tuple(sorted(problems, key=lambda p: p.id))


def update_revisions(
    events: Iterable[Event], revisions: Mapping[str, Revision], *, now: datetime
) -> tuple[Revision, ...]:
    """The revision records for ``events``, brought up to date; sorted by id.

    Args:
        events: The catalogue's events.
        revisions: The records so far (records of events not in ``events`` are dropped).
        now: When the changes are published (aware); stored in UTC, to the second.

    Returns:
        One record per event: unchanged when its digest matches, ``sequence + 1`` and
        ``modified = now`` when it does not, sequence 0 and ``now`` for a new event.

    Raises:
        ValueError: If ``now`` is naive.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    out = []
    for event in events:
        digest = content_digest(event)
        old = revisions.get(event.id)
        if old is not None and old.digest == digest:
            out.append(old)
        else:
            sequence = 0 if old is None else old.sequence + 1
            out.append(Revision(id=event.id, sequence=sequence, digest=digest, modified=stamp))
    return tuple(sorted(out, key=lambda r: r.id))


_HEADER = """\
# Published revisions of the catalogue's events: iCalendar SEQUENCE and LAST-MODIFIED.
# Kept by `summitcal revisions --update`; do not edit by hand. A record's digest is the
# hash of the event's published content: when it changes, the sequence grows.
"""


def format_revisions(revisions: Iterable[Revision]) -> str:
    """The TOML text of a revisions file, records sorted by id (same records, same text)."""
    parts = [_HEADER]
    for r in sorted(revisions, key=lambda r: r.id):
        modified = r.modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(
            f"\n[[revision]]\nid = {json.dumps(r.id)}\nsequence = {r.sequence}\n"
            f"digest = {json.dumps(r.digest)}\nmodified = {modified}\n"
        )
    return "".join(parts)


def read_revisions(path: str | Path) -> dict[str, Revision]:
    """The records of a revisions file, by id, validated as the catalogue loader does
    but without requiring their events (so records of removed events can be dropped).

    Raises:
        SeedError: Naming the file, record and field of a malformed record.
    """
    from summitcal.catalog.records import read_records  # the loader's own record validation

    label = str(path)
    parsed = read_records(Path(path), label)
    if parsed["event"] or parsed["series"]:
        raise SeedError(label, "a revisions file holds only [[revision]] tables")
    out: dict[str, Revision] = {}
    for record, revision in parsed["revision"]:
        if revision.id in out:
            raise SeedError(label, "duplicate revision id", record=record, field="id")
        out[revision.id] = revision
    return out
