"""Scoring proposals against annotated articles.

A directory holds ``NN.txt`` articles (``published:``, ``publisher:`` and ``url:`` header
lines, a blank line, then the text) and ``NN.toml`` annotations: one ``[[event]]`` per
dated event (``kind``, ``title``, ``start``/``end`` or ``when``, ``match``, ``relation``,
``trigger``, ``date_phrase``) and ``[[distractor]]`` date phrases that date no event.

Each gold event is paired with at most one proposal: first one with the same catalogue
match, then one whose date evidence lies on the gold date phrase, then one with the same
days and a kind alike.  Then:

* precision = paired proposals / proposals, recall = paired gold events / gold events;
* match accuracy = paired proposals with the gold match (``None`` for a new event);
* date accuracy = paired proposals with the gold days, exactly (and, looser, overlapping);
* right = gold events proposed with the right match and a compatible date (overlapping
  days): the figure the targets count;
* false agreements = proposals marked agrees or refines whose days do not overlap the
  matched catalogue event's (the rule is that there are none), and, apart, agreements
  with a match the annotation does not give;
* distractors proposed = proposals dated by a phrase the annotation lists as no event.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.models.events import Event
from summitcal.models.parts import Source
from summitcal.proposals.core import proposer
from summitcal.proposals.matching import kinds_alike
from summitcal.proposals.proposal import Proposal, Relation
from summitcal.span.span import DateSpan

__all__ = ["Gold", "Scores", "read_article", "read_gold", "score_article", "score_directory"]

#: The annotation's kinds, as the catalogue's kinds (the annotation folds some together).
_GOLD_KINDS = {
    "side_event": "side-event",
    "press_briefing": "press-briefing",
    "statement": "declaration",
}


@attrs.frozen
class Gold:
    """One annotated event: its kind, days, match (``None`` if new), relation, and the
    places of its date phrase in the text."""

    kind: str
    span: DateSpan
    match: str | None
    relation: str
    phrases: tuple[tuple[int, int], ...]
    title: str = ""


@attrs.frozen
class Scores:
    """Counts over one or more articles (they add up)."""

    proposals: int = 0
    gold: int = 0
    paired: int = 0
    match_right: int = 0
    date_exact: int = 0
    date_overlap: int = 0
    right: int = 0
    false_agreements: int = 0
    wrong_match_agreements: int = 0
    distractors: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            *(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True))
        )

    @property
    def precision(self) -> float:
        return self.paired / self.proposals if self.proposals else 0.0

    @property
    def recall(self) -> float:
        return self.paired / self.gold if self.gold else 0.0

    @property
    def match_accuracy(self) -> float:
        return self.match_right / self.paired if self.paired else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_exact / self.paired if self.paired else 0.0


def read_article(path: Path) -> tuple[str, Source, date]:
    """The text of an annotated article, its source and its publication date."""
    raw = path.read_text("utf-8")
    head, _, text = raw.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    published = date.fromisoformat(fields["published"].strip())
    source = Source(
        url=fields.get("url", "https://example.invalid/article").strip(),
        publisher=fields.get("publisher", "").strip() or None,
        published=published,
    )
    return text, source, published


def _places(text: str, phrase: str) -> tuple[tuple[int, int], ...]:
    out = []
    for piece in (p.strip() for p in phrase.split("...")):
        if piece:
            out += [(m.start(), m.end()) for m in re.finditer(re.escape(piece), text)]
    return tuple(out)


def _gold_span(entry: dict[str, Any]) -> DateSpan:
    if "when" in entry:
        return DateSpan.from_timex(str(entry["when"]))
    first, last = date.fromisoformat(entry["start"]), date.fromisoformat(entry["end"])
    return DateSpan.day(first) if first == last else DateSpan.days(first, last)


def read_gold(path: Path, text: str) -> tuple[list[Gold], list[tuple[int, int]]]:
    """The annotated events of one article, and where its distractor phrases are."""
    data = tomllib.loads(path.read_text("utf-8"))
    events = [
        Gold(
            kind=_GOLD_KINDS.get(e["kind"], e["kind"]),
            span=_gold_span(e),
            match=e.get("match") or None,
            relation=e["relation"],
            phrases=_places(text, e["date_phrase"]),
            title=e.get("title", ""),
        )
        for e in data.get("event", ())
    ]
    distractors = [p for d in data.get("distractor", ()) for p in _places(text, d["date_phrase"])]
    return events, distractors


def _overlap(a: DateSpan, b: DateSpan) -> bool:
    return a.overlaps(b.first, b.last)


def _on(p: Proposal, places: Iterable[tuple[int, int]]) -> bool:
    dates = [s for s in p.evidence.spans if s.role == "date"]
    return any(s.start < e and b < s.end for s in dates for b, e in places)


def _kind_alike(p: Proposal, gold: Gold) -> bool:
    from summitcal.models.kinds import EventKind

    try:
        kind = EventKind(gold.kind)
    except ValueError:  # "other": any kind
        return True
    return kinds_alike(p.event.kind, kind)


def _pair(proposals: Sequence[Proposal], gold: Sequence[Gold]) -> list[tuple[Gold, Proposal]]:
    free = list(proposals)
    pairs: list[tuple[Gold, Proposal]] = []
    rules: tuple[Callable[[Gold, Proposal], bool], ...] = (
        lambda g, p: g.match is not None and p.match == g.match,
        lambda g, p: _on(p, g.phrases),
        lambda g, p: p.event.when == g.span and _kind_alike(p, g),
    )
    todo = list(gold)
    for rule in rules:
        for g in list(todo):
            found = next((p for p in free if rule(g, p)), None)
            if found is not None:
                pairs.append((g, found))
                free.remove(found)
                todo.remove(g)
    return pairs


def score_article(
    proposals: Sequence[Proposal],
    gold: Sequence[Gold],
    distractors: Sequence[tuple[int, int]],
    catalog: Catalog | Iterable[Event],
) -> Scores:
    """The counts of one article (see the module's docstring)."""
    by_id = {e.id: e for e in catalog}
    pairs = _pair(proposals, gold)
    matched = {id(p) for _, p in pairs}
    false_agreements = sum(
        p.relation in (Relation.AGREES, Relation.REFINES)
        and not _overlap(p.event.when, by_id[p.match].when)
        for p in proposals
        if p.match in by_id
    )
    wrong = sum(
        p.relation in (Relation.AGREES, Relation.REFINES) and p.match != g.match for g, p in pairs
    ) + sum(
        p.relation in (Relation.AGREES, Relation.REFINES) and id(p) not in matched
        for p in proposals
    )
    return Scores(
        proposals=len(proposals),
        gold=len(gold),
        paired=len(pairs),
        match_right=sum(p.match == g.match for g, p in pairs),
        date_exact=sum(
            p.event.when.first == g.span.first and p.event.when.last == g.span.last
            for g, p in pairs
        ),
        date_overlap=sum(_overlap(p.event.when, g.span) for g, p in pairs),
        right=sum(p.match == g.match and _overlap(p.event.when, g.span) for g, p in pairs),
        false_agreements=false_agreements,
        wrong_match_agreements=wrong,
        distractors=sum(_on(p, distractors) and id(p) not in matched for p in proposals),
    )


def _annotated(gold_path: Path) -> tuple[str, Source, date] | None:
    """The article an annotation is of: ``NN.txt`` beside ``NN.toml``, or the file its
    ``source_file`` names (a bare text, dated by the annotation's ``published`` and
    attributed to its ``publisher`` and ``url``)."""
    data = tomllib.loads(gold_path.read_text("utf-8"))
    named = data.get("source_file")
    if named:
        path = Path(named)
        path = path if path.is_absolute() else gold_path.parent / path
        published = data["published"]
        published = published if isinstance(published, date) else date.fromisoformat(published)
        source = Source(
            url=data.get("url") or "https://example.invalid/article",
            publisher=data.get("publisher"),
            published=published,
        )
        return path.read_text("utf-8"), source, published
    text_path = gold_path.with_suffix(".txt")
    return read_article(text_path) if text_path.exists() else None


def score_directory(
    directory: Path,
    catalog: Catalog | Iterable[Event] | None = None,
    *,
    min_confidence: float = 0.0,
) -> dict[str, Scores]:
    """The scores of every annotated article of ``directory`` (``NN.txt`` beside
    ``NN.toml``, or an annotation naming its ``source_file``), by annotation name,
    proposals below ``min_confidence`` left out."""
    reader = proposer(catalog)
    out = {}
    for gold_path in sorted(directory.glob("*.toml")):
        article = _annotated(gold_path)
        if article is None:
            continue
        text, source, published = article
        found = [
            p for p in reader.propose(text, published, source) if p.confidence >= min_confidence
        ]
        gold, distractors = read_gold(gold_path, text)
        out[gold_path.stem] = score_article(found, gold, distractors, reader.events)
    return out
