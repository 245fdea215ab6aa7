"""What :func:`~summitcal.proposals.propose` returns: a :class:`Proposal`, one event an
article reports, drafted in the catalogue's model, with its evidence and its relation to
the catalogue."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from summitcal.models.events import Event

__all__ = ["Difference", "Evidence", "Proposal", "Relation", "Span"]


class Relation(enum.Enum):
    """How a proposal stands to the catalogue event it was matched with.

    ``AGREES``: the same event, with dates that hold the catalogue's or lie within them at
    the same precision or coarser.  ``REFINES``: the same event, the article more precise
    (a day range inside the catalogue's month).  ``CONFLICTS``: the same event with dates
    or a place that disagree (see the differences).  ``NEW``: no catalogue event.
    """

    AGREES = "agrees"
    REFINES = "refines"
    CONFLICTS = "conflicts"
    NEW = "new"


@attrs.frozen
class Span:
    """A stretch of the article: ``text == article[start:end]``, and what it is
    (``"trigger"``, ``"date"``, ``"actor"``, ``"place"``, ``"name"``)."""

    start: int
    end: int
    text: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "role": self.role}


@attrs.frozen(kw_only=True)
class Evidence:
    """Where the article says it: the sentence (offsets into the article) and the spans
    of the trigger, the date mention(s), the actors and the place inside it."""

    start: int
    end: int
    text: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "spans": [s.to_dict() for s in self.spans],
        }


@attrs.frozen
class Difference:
    """One field on which the article and the catalogue event differ: the field's name
    (``"when"``, ``"place"``), the catalogue's value and the article's, as text."""

    field: str
    catalog: str
    article: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "catalog": self.catalog, "article": self.article}


@attrs.frozen(kw_only=True)
class Proposal:
    """An event the article reports.

    Attributes:
        event: The event drafted from the article, in the catalogue's model (its ``when``
            is the article's own dates; its one source is the article).
        evidence: Where the article says so.
        match: The id of the catalogue event it is, or ``None``.
        relation: How it stands to that event (``NEW`` without one).
        differences: Field by field, where the article and the catalogue differ (for
            ``REFINES`` the more precise dates, for ``CONFLICTS`` what disagrees).
        confidence: How likely the proposal is right, in [0, 1].
        explanation: Why, in words.
    """

    event: Event
    evidence: Evidence
    match: str | None
    relation: Relation
    differences: tuple[Difference, ...] = ()
    confidence: float = 0.0
    explanation: str = ""

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")
        if (self.match is None) != (self.relation is Relation.NEW):
            raise ValueError("a proposal has a match unless it is new")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``summitcal propose --format json``: ``title``, ``kind``,
        ``when`` (TIMEX3), ``start``/``end`` (ISO, end inclusive), ``match``,
        ``relation``, ``confidence``, ``evidence``, ``differences``, and ``status``,
        ``place``, ``actors``, ``phrase``, ``explanation``."""
        event = self.event
        return {
            "title": event.title,
            "kind": event.kind.value,
            "when": event.when.timex,
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "status": event.status.value,
            "place": event.place.label if event.place else None,
            "actors": [
                {"name": a.name, "kind": a.kind.value, "role": a.role.value}
                | ({"title": a.title} if a.title else {})
                for a in event.actors
            ],
            "phrase": event.sources[0].phrase,
            "match": self.match,
            "relation": self.relation.value,
            "confidence": round(self.confidence, 2),
            "evidence": self.evidence.to_dict(),
            "differences": [d.to_dict() for d in self.differences],
            "explanation": self.explanation,
        }
