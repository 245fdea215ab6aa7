"""``propose``: the events a news article reports, dated, drafted and matched.

For each date of the article (:mod:`.dates`) that is not the date of a cited report or an
interview (:func:`~summitcal.proposals.triggers.not_event_cue`) or a dateline, the
trigger it governs (a stay, "was in Seoul", counts as a trip)
(:mod:`.governs`) makes an event of a kind; the sentence gives its actors and place
(:mod:`.gazetteer`, :mod:`.draft`), its tense the status (:mod:`.status`); the catalogue
is searched for it (:mod:`.matching`) and a confidence given (:mod:`.confidence`).  A
sentence without a date of its own that names a catalogue event takes the days of the
sentence before, when they overlap the event's ("Leaders met on Tuesday evening. That
session endorsed the Seoul Declaration.").  An
event the article dates more than once is proposed once: the best-founded proposal is
kept and the others are counted in its explanation.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import overload

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.load import load_catalog
from summitcal.catalog.search import fold
from summitcal.errors import PhraseError
from summitcal.extraction.core import extract
from summitcal.models.events import Event
from summitcal.models.kinds import EventKind
from summitcal.models.parts import Source
from summitcal.proposals.confidence import assess
from summitcal.proposals.dates import Dated, dated_mentions
from summitcal.proposals.draft import event_id, pick_place, roles, source, title
from summitcal.proposals.gazetteer import Gazetteer
from summitcal.proposals.governs import REACH, Governed, govern, kind_of
from summitcal.proposals.matching import Clues, best_match, relate
from summitcal.proposals.proposal import Evidence, Proposal, Relation, Span
from summitcal.proposals.status import read_status
from summitcal.proposals.triggers import Trigger, find_triggers, is_dateline, not_event_cue
from summitcal.resolver.clauses import clause
from summitcal.resolver.text import Sentence, normalize, split_sentences

__all__ = ["Proposer", "propose"]


@attrs.frozen
class Proposer:
    """Proposals against one catalogue (``None`` or empty: every proposal is new), with
    its gazetteer built once."""

    events: tuple[Event, ...]
    gazetteer: Gazetteer

    @classmethod
    def build(cls, catalog: Catalog | Iterable[Event] | None) -> Proposer:
        events = tuple(catalog or ())
        return cls(events, Gazetteer.build(Catalog(events)))

    def propose(
        self, text: str, reference: date | datetime, source: Source | None = None
    ) -> list[Proposal]:
        """The proposals of one article (see :func:`propose`)."""
        mentions = extract(text, reference=reference)
        day = reference.date() if isinstance(reference, datetime) else reference
        publisher = source.publisher if source is not None else None
        out: list[Proposal] = []
        sentences = split_sentences(text)
        before = {b.start: a.text for a, b in itertools.pairwise(sentences)}
        last: dict[int, Dated] = {}  # a sentence's start -> its last date that may be an event's
        for dated in dated_mentions(text, mentions, sentences):
            sentence = dated.sentence
            if is_dateline(text, dated.start, dated.end) or not_event_cue(
                text, sentence.start, dated.start, publisher
            ):
                continue
            last[sentence.start] = dated
            lo, hi = dated.start - sentence.start, dated.end - sentence.start
            triggers = find_triggers(sentence.text) + self._stays(sentence.text)
            for governed in govern(sentence.text, lo, hi, sorted(triggers, key=_at)):
                context = before.get(sentence.start, "")
                out.append(self._proposal(dated, governed, day, source, context))
        for previous, sentence in itertools.pairwise(sentences):
            carried = last.get(previous.start)
            if sentence.start not in last and carried is not None:
                out.extend(self._carried(carried, sentence, day, source))
        return _merged(out)

    def _carried(
        self, dated: Dated, sentence: Sentence, day: date, given: Source | None
    ) -> list[Proposal]:
        """The catalogue events a sentence without a date names, dated by the sentence
        before ("Leaders met on Tuesday evening. That session endorsed the Seoul
        Declaration."): only days (a month or coarser says too little), only events the
        sentence names, with overlapping days, and one per trigger."""
        if dated.span.granularity.is_coarse:
            return []
        out = []
        triggers = find_triggers(sentence.text)
        for trigger in triggers:
            if trigger.weak:
                continue
            kind, noun = kind_of(sentence.text, trigger, triggers)
            governed = Governed(trigger, kind, REACH / 2, noun, carried=True)
            found = self._proposal(dated, governed, day, given, dated.sentence.text, sentence)
            if found is not None:
                out.append(found)
        return out

    def _stays(self, text: str) -> list[Trigger]:
        """ "be in <a place>" ("would be in France", "was in Seoul"): a stay, a visit."""
        out = []
        for place in self.gazetteer.places(text):
            m = _BE_IN.search(text, max(0, place.start - 20), place.start)
            if m is not None and m.end() == place.start:
                words = text[m.start() : place.end]
                out.append(Trigger(m.start(), place.end, words, EventKind.VISIT, verb=True))
        return out

    @overload
    def _proposal(
        self, dated: Dated, governed: Governed, day: date, given: Source | None, context: str
    ) -> Proposal: ...

    @overload
    def _proposal(
        self,
        dated: Dated,
        governed: Governed,
        day: date,
        given: Source | None,
        context: str,
        elsewhere: Sentence,
    ) -> Proposal | None: ...

    def _proposal(
        self,
        dated: Dated,
        governed: Governed,
        day: date,
        given: Source | None,
        context: str,
        elsewhere: Sentence | None = None,
    ) -> Proposal | None:
        """The proposal of a trigger and the date that dates it; the trigger is in
        ``elsewhere`` when the date is carried from the sentence before (and then only
        an event the sentence names is proposed)."""
        sentence = elsewhere or dated.sentence
        text = sentence.text
        lo, hi = dated.start - dated.sentence.start, dated.end - dated.sentence.start
        trigger = governed.trigger
        norm = normalize(text)
        own = clause(norm, trigger.start, trigger.end)
        clause_lo = own[0] if elsewhere else min(clause(norm, lo, hi)[0], own[0])
        found_actors = self.gazetteer.actors(text)
        actors = roles(found_actors, trigger, governed.kind, clause_lo, text)
        found_place = pick_place(self.gazetteer.places(text), text, trigger, own)
        place = found_place.place if found_place is not None else None
        span = dated.span
        status, status_reason = read_status(dated.sentence.text, lo, hi, span, day)
        names = tuple(a.name for a in actors)
        candidate = best_match(
            Clues(governed.kind, span, text, names, place, context, trigger.start), self.events
        )
        if elsewhere is not None and (
            candidate is None
            or not candidate.named
            or not span.overlaps(candidate.event.start, candidate.event.end)
        ):
            return None
        if candidate is not None:
            matched = candidate.event
            relation, differences = relate(span, place, matched)
            kind, name, ident, match = matched.kind, matched.title, matched.id, matched.id
        else:
            relation, differences, match = Relation.NEW, (), None
            kind = governed.kind
            name = title(kind, text, trigger, governed.object_noun, actors, place, span.first)
            ident = event_id(name, span.first)
        assessment = assess(governed, span, candidate, relation, status_reason)
        event = Event(
            id=ident,
            kind=kind,
            title=name,
            when=span,
            status=status,
            sources=[source(given, day, dated.phrase)],
            place=place,
            actors=actors,
        )
        spans = [Span(dated.start, dated.end, dated.phrase, "date")]
        for t, role in ((trigger, "trigger"), (governed.object_noun, "trigger")):
            if t is not None:
                spans.append(Span(sentence.start + t.start, sentence.start + t.end, t.text, role))
        named = {a.name for a in actors}
        spans += [
            Span(sentence.start + a.start, sentence.start + a.end, text[a.start : a.end], "actor")
            for a in found_actors
            if a.name in named
        ]
        if found_place is not None:
            s, e = sentence.start + found_place.start, sentence.start + found_place.end
            spans.append(Span(s, e, found_place.text, "place"))
        evidence = Evidence(
            start=sentence.start,
            end=sentence.end,
            text=text,
            spans=tuple(sorted(set(spans), key=lambda x: (x.start, x.end, x.role))),
        )
        return Proposal(
            event=event,
            evidence=evidence,
            match=match,
            relation=relation,
            differences=differences,
            confidence=assessment.confidence,
            explanation=assessment.explanation,
        )


_BE_IN = re.compile(r"\b(?:be|is|are|was|were|been|being)\s+(?:\w+ly\s+)?in\s+(?:the\s+)?")


def _at(trigger: Trigger) -> int:
    return trigger.start


def _key(p: Proposal) -> tuple[str, ...]:
    if p.match is not None:
        return ("match", p.match)
    when = p.event.when
    return (
        "new",
        p.event.kind.value,
        fold(p.event.title),
        when.first.isoformat(),
        when.last.isoformat(),
    )


def _merged(proposals: Sequence[Proposal]) -> list[Proposal]:
    """One proposal per event: the most confident (then the most precise) of those that
    date the same event."""
    groups: dict[tuple[str, ...], list[Proposal]] = {}
    for p in proposals:
        groups.setdefault(_key(p), []).append(p)
    out = []
    for group in groups.values():
        best = max(group, key=lambda p: (p.confidence, -p.event.when.day_count, -p.evidence.start))
        if len(group) > 1:
            more = f"; dated {len(group) - 1} more time(s) in the article"
            best = attrs.evolve(best, explanation=best.explanation + more)
        out.append(best)
    return sorted(out, key=lambda p: (p.evidence.start, p.event.when.first, p.event.id))


@functools.cache
def _shipped() -> Proposer:
    return Proposer.build(load_catalog())


def proposer(catalog: Catalog | Iterable[Event] | None = None) -> Proposer:
    """The :class:`Proposer` of ``catalog``: the shipped catalogue's (built once) for
    ``None``."""
    return _shipped() if catalog is None else Proposer.build(catalog)


def propose(
    text: str,
    *,
    reference: date | datetime,
    catalog: Catalog | Iterable[Event] | None = None,
    source: Source | None = None,
) -> list[Proposal]:
    """The events ``text`` reports, each drafted, dated and matched with the catalogue.

    A pure function of the article and the catalogue: nothing reads the clock.

    Args:
        text: The article.
        reference: Its publication date (an aware datetime is read as its date).
        catalog: The catalogue to match against: ``None`` for the shipped one, a
            :class:`~summitcal.catalog.catalog.Catalog` (or any events) of your own, or
            an empty one for none (every proposal is then new).
        source: The article as a source (url, publisher, title); each draft's source
            is built from it, with the publication date and the date phrase.  Without
            it the draft cites :data:`~summitcal.proposals.draft.UNKNOWN_URL`.

    Returns:
        One :class:`~summitcal.proposals.proposal.Proposal` per event, in the order the
        article first dates them.

    Raises:
        PhraseError: For a text that is no string or a reference that is no date.

    Example::

        >>> from datetime import date
        >>> [p] = propose("The ministers will meet in Nairobi on Tuesday.",
        ...               reference=date(2031, 3, 2), catalog=[])
        >>> p.event.kind.value, p.event.when.timex, p.relation.value
        ('meeting', '2031-03-04', 'new')
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text)[:40], "the article must be a string")
    return proposer(catalog).propose(text, reference, source)
