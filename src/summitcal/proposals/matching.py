"""Matching a proposal with the catalogue, and its relation to the event it matches.

An event is the proposal's when the article names it, or when everything else points to
it:

* **named**: the sentence holds one of the event's names (its title or an alias, folded:
  case, accents and "artificial intelligence" for "AI" do not count; the years in a name
  do not either, since the dates decide): its words in a row, or all of three or more in
  any order; the kinds must be alike (a trip is not the summit it is for), and the dates
  must overlap, or both give days at most 45 days apart (a disagreement, not another
  event);
* **pointed to**: the dates overlap, the kind is the same or alike, and an actor (in the
  sentence, or in the one before for a sentence that names none), the place of the
  event, or half the uncommon words of a name (not "AI", "summit", "governance"...) or
  three of its words in a row ("AI development plan") are in the sentence; the article's
  dates must be a month or finer unless a name or the place is there too, or the event's
  own days are as coarse;
* **alone**: failing both, the one catalogue event of the same kind within the article's
  days, a week at most, and not in another country than the article's place (when there
  is exactly one).

Among candidates the best score wins (of two names alike, the one nearer the trigger):
name, then dates (the same days beat holding one
another, which beats overlapping, which beats near), kind, actors, place; then a firm
status over an unconfirmed one, and the closer span.

The relation (:func:`relate`) compares days: a span holding the catalogue's (or the same
days) *agrees*; one inside it *refines* it when the article gives days and the
catalogue only a month or coarser and *agrees* when it is one day of a longer event ("the
summit opened on Monday"); anything else *conflicts* on ``when`` (among them a range of
days inside the catalogue's other range of days); a place in the article that names
another city or country than the event's conflicts on ``place``.  So a proposal that
agrees or refines always overlaps its event's days.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.search import fold
from summitcal.models.events import Event
from summitcal.models.kinds import EventKind, Status
from summitcal.models.parts import Place
from summitcal.proposals.proposal import Difference, Relation
from summitcal.proposals.vocabulary import data
from summitcal.span.span import DateSpan

__all__ = ["Candidate", "Clues", "best_match", "kinds_alike", "relate"]

#: Kinds that one article may call by each other's names.
_GROUPS: tuple[frozenset[EventKind], ...] = (
    frozenset(
        {
            EventKind.SUMMIT,
            EventKind.SUMMIT_PART,
            EventKind.CONFERENCE,
            EventKind.FORUM,
            EventKind.LEADERS_SESSION,
            EventKind.MINISTERIAL_SESSION,
        }
    ),
    frozenset(
        {
            EventKind.MEETING,  # what a gathering is called when nothing names its kind
            EventKind.SUMMIT,
            EventKind.CONFERENCE,
            EventKind.LEADERS_SESSION,
            EventKind.MINISTERIAL_SESSION,
            EventKind.FORUM,
            EventKind.RECEPTION,
            EventKind.SIDE_EVENT,
        }
    ),
    frozenset({EventKind.SIDE_EVENT, EventKind.CONFERENCE, EventKind.FORUM}),
    frozenset({EventKind.DECLARATION, EventKind.COMMITMENTS, EventKind.ANNOUNCEMENT}),
    frozenset({EventKind.INITIATIVE, EventKind.PLAN, EventKind.BODY, EventKind.ANNOUNCEMENT}),
    frozenset({EventKind.SPEECH, EventKind.REMARK, EventKind.PRESS_BRIEFING}),
    frozenset({EventKind.RELEASE, EventKind.ANNOUNCEMENT, EventKind.REPORT}),
)

_WORD = re.compile(r"\w+")
_AI = re.compile(r"\bartificial[\s-]+intelligence\b")

#: How far apart (in days) an article's days and a named event's may be for the article
#: to disagree with the catalogue rather than speak of another event.
_CONFLICT_GAP = 45


#: Each kind's alike kinds (its groups' members), made once: matching asks for every
#: pair of a proposal and a catalogue event.
_ALIKE: dict[EventKind, frozenset[EventKind]] = {
    kind: frozenset().union(*(g for g in _GROUPS if kind in g)) for kind in EventKind
}


def kinds_alike(a: EventKind, b: EventKind) -> bool:
    """Whether an article may call an event of kind ``a`` one of kind ``b``."""
    return a is b or b in _ALIKE[a]


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(data("triggers")["names"]["stop_words"])


@functools.lru_cache(maxsize=16384)
def _words(text: str, *, numbers: bool = False) -> tuple[str, ...]:
    """The folded words of ``text`` without stop words, and without numbers unless
    ``numbers``."""
    folded = _AI.sub("ai", fold(text))
    stop = _stop_words()
    return tuple(w for w in _WORD.findall(folded) if w not in stop and (numbers or not w.isdigit()))


@functools.cache
def _generic_words() -> frozenset[str]:
    return frozenset(data("triggers")["names"]["generic_words"])


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The words a name is found by: its words without the years, since the dates
    decide which edition; but a name of common words alone ("2027 AI summit") keeps
    its numbers, or it would name every AI summit."""
    words = _words(name)
    if all(w in _generic_words() for w in words):
        folded = _AI.sub("ai", fold(name))
        return tuple(w for w in _WORD.findall(folded) if w not in _stop_words())
    return tuple(words)


@attrs.frozen
class Clues:
    """What the article says of one event: kind, days, the sentence, the actors' names,
    the place (where it gave one), the sentence before (whose people a pronoun may
    stand for), and where the trigger is in the sentence."""

    kind: EventKind
    span: DateSpan
    sentence: str
    actors: tuple[str, ...] = ()
    place: Place | None = None
    context: str = ""
    at: int = 0


@attrs.frozen
class Candidate:
    """A catalogue event that matches, its score, whether the article names it, and the
    reasons, in words."""

    event: Event
    score: float
    named: bool
    reasons: tuple[str, ...]


@attrs.frozen
class _Cover:
    """How much of an event's names a sentence holds: the best share of a name's words,
    whether it holds one whole (see :func:`_name_cover`), which name, and the best share
    of a name's uncommon words (those not in ``generic_words``; 1 when three of its
    words stand in a row)."""

    share: float = 0.0
    whole: bool = False
    name: str | None = None
    uncommon: float = 0.0


def _run_of_three(own: Sequence[str], folded: str) -> bool:
    """Whether three words or more of a name stand in a row in the sentence, the kind's
    noun among them ("its AI development plan" in "New Generation AI Development
    Plan")."""
    if len(own) < 3:
        return False
    return any(
        f" {' '.join(own[i:j])} " in folded
        for i in range(len(own))
        for j in range(i + 3, len(own) + 1)
    )


def _name_cover(words: frozenset[str], folded: str, event: Event) -> _Cover:
    """How much of the event's names ``words`` hold; a name is held whole when its words
    stand in a row, or when three words or more all stand in any order ("the Global
    Initiative for AI Governance")."""
    best = _Cover()
    uncommon = 0.0
    for name in (event.title, *event.aliases):
        own = _name_words(name)
        if not own or (len(own) == 1 and len(own[0]) < 4):
            continue
        share = sum(w in words for w in own) / len(own)
        whole = share == 1.0 and (len(own) >= 3 or f" {' '.join(own)} " in folded)
        rare = [w for w in own if w not in _generic_words() and not w.isdigit()]
        if rare:
            uncommon = max(uncommon, sum(w in words for w in rare) / len(rare))
        if _run_of_three(own, folded):
            uncommon = 1.0
        if (whole, share) > (best.whole, best.share):
            best = _Cover(share, whole, name)
    return attrs.evolve(best, uncommon=uncommon)


def _date_fit(article: DateSpan, event: DateSpan, gap: int) -> tuple[float, str]:
    """How well the dates agree, ``gap`` (:func:`_gap`) the days between them."""
    if (article.first, article.last) == (event.first, event.last):
        return 3.0, "the same days"
    if _within(article, event) or _within(event, article):
        return 2.0, "dates hold one another"
    if gap == 0:
        return 1.0, "dates overlap"
    return max(0.0, 1.0 - gap / 60), f"dates {gap} days apart"


def _within(inner: DateSpan, outer: DateSpan) -> bool:
    return outer.first <= inner.first and inner.last <= outer.last


def _gap(a: DateSpan, b: DateSpan) -> int:
    if a.overlaps(b.first, b.last):
        return 0
    return min(abs((a.first - b.last).days), abs((b.first - a.last).days))


def _person_keys(name: str) -> Iterable[str]:
    parts = _words(name)
    yield " ".join(parts)
    if len(parts) >= 2:
        yield parts[-1]  # "Macron"
        yield parts[0]  # "Xi", "Zhang": family names first


def _days(article: DateSpan, event: Event) -> bool:
    """Whether both give days, so that dates a few weeks apart disagree rather than
    name two events."""
    return not article.granularity.is_coarse and not event.when.granularity.is_coarse


def _actors_found(words: frozenset[str], folded: str, event: Event) -> int:
    count = 0
    for actor in event.actors:
        keys = list(_person_keys(actor.name))
        if any(k and (k in words or f" {k} " in folded) for k in keys):
            count += 1
    return count


def _place_found(folded: str, event: Event, found: Place | None) -> bool:
    """Whether the sentence names the event's city or venue, or the article's place for
    the event lies in the country of an event that gives no city."""
    place = event.place
    if place is None:
        return False
    if found is not None and place.city is None and found.country == place.country:
        return True
    names = [n for n in (place.city, place.venue) if n]
    return any(f" {' '.join(_words(n))} " in folded for n in names if _words(n))


def _score(
    clues: Clues, event: Event, words: frozenset[str], folded: str, context: frozenset[str]
) -> Candidate | None:
    alike = kinds_alike(clues.kind, event.kind)
    overlap = clues.span.overlaps(event.start, event.end)
    gap = _gap(clues.span, event.when)
    if not alike or not (overlap or gap <= _CONFLICT_GAP):
        return None  # neither named nor pointed to, whatever the sentence says
    found = _name_cover(words, folded, event)
    cover, whole, name, half = found.share, found.whole, found.name, found.uncommon >= 0.5
    named = whole and (overlap or (gap <= _CONFLICT_GAP and _days(clues.span, event)))
    actors = _actors_found(words, folded, event)
    if not actors and context:
        actors = _actors_found(context, f" {' '.join(sorted(context))} ", event)
    place = _place_found(folded, event, clues.place)
    precise = clues.span.day_count <= 31 or half or event.when.granularity.is_coarse or place
    pointed = overlap and precise and (actors > 0 or place or half)  # (kinds alike: above)
    if not (named or pointed):
        return None
    fit, fit_reason = _date_fit(clues.span, event.when, gap)
    reasons = [f"names it ('{name}')" if named else f"{round(cover * 100)}% of its name's words"]
    reasons.append(fit_reason)
    reasons.append("same kind" if clues.kind is event.kind else "a kind alike")
    if actors:
        reasons.append(f"{actors} of its actors named")
    if place:
        reasons.append("its place named")
    score = (
        3 * cover
        + fit
        + (1.0 if clues.kind is event.kind else 0.5)
        + 0.5 * min(actors, 2)
        + (0.5 if place else 0.0)
        + (0.1 if event.status.is_firm or event.status is Status.ANNOUNCED else 0.0)
        - 0.001 * abs(event.when.day_count - clues.span.day_count) / (1 + clues.span.day_count)
        - 0.0001 * min(_name_distance(clues, found.name), 1000)
    )
    return Candidate(event, score, named, tuple(reasons))


def _name_distance(clues: Clues, name: str | None) -> int:
    """How far from the trigger (``clues.at``) the sentence writes the name (its
    farthest uncommon word): of two events it names alike, the one named nearer the
    trigger is the trigger's."""
    if name is None:
        return 1000
    folded = fold(clues.sentence)
    rare = [w for w in _words(name) if w not in _generic_words()] or _words(name)
    far = 0
    for word in rare:  # the farthest of the name's words, each where nearest the trigger
        spots = [abs(m.start() - clues.at) for m in re.finditer(rf"\b{re.escape(word)}\b", folded)]
        far = max(far, min(spots, default=0))
    return far


@functools.lru_cache(maxsize=4096)
def _folded(sentence: str) -> tuple[frozenset[str], str]:
    """The sentence's words, as a set and as one string of them in order (numbers kept:
    a name of common words alone is found with its year)."""
    words = _words(sentence, numbers=True)
    return frozenset(words), f" {' '.join(words)} "


def best_match(clues: Clues, catalog: Catalog | Iterable[Event]) -> Candidate | None:
    """The catalogue event the clues point to, or ``None``."""
    words, folded = _folded(clues.sentence)
    context = _folded(clues.context)[0] if clues.context else frozenset()
    events = tuple(catalog)
    found = [c for e in events if (c := _score(clues, e, words, folded, context)) is not None]
    if not found:
        return _only_one_that_day(clues, events)
    return max(found, key=lambda c: (c.score, c.event.id))


def _only_one_that_day(clues: Clues, events: Iterable[Event]) -> Candidate | None:
    """The one catalogue event of the same kind within the article's days (a week at
    most), and in the country the article gives if it gives one, when there is exactly
    one: the clues name nothing, but nothing else fits."""
    span = clues.span
    if span.day_count > 7:
        return None
    same = [
        e
        for e in events
        if e.kind is clues.kind
        and not e.when.granularity.is_coarse
        and span.first <= e.start
        and e.end <= span.last
        and (clues.place is None or e.place is None or e.place.country == clues.place.country)
    ]
    if len(same) != 1:
        return None
    reasons = ("the only event of its kind in those days",)
    return Candidate(same[0], 3.0, False, reasons)


def relate(
    span: DateSpan, place: Place | None, event: Event
) -> tuple[Relation, tuple[Difference, ...]]:
    """How an article's days and place stand to the catalogue event's."""
    differences = []
    when = event.when
    if _within(when, span):
        relation = Relation.AGREES
    elif _within(span, when) and when.granularity.is_coarse and not span.granularity.is_coarse:
        relation = Relation.REFINES
        differences.append(Difference("when", when.timex, span.timex))
    elif _within(span, when) and span.day_count == 1:
        relation = Relation.AGREES  # one day of a longer event ("the summit opened Monday")
    else:
        relation = Relation.CONFLICTS
        differences.append(Difference("when", when.timex, span.timex))
    if place is not None and event.place is not None:
        theirs = event.place
        other_city = place.city and theirs.city and fold(place.city) != fold(theirs.city)
        if place.country != theirs.country or other_city:
            relation = Relation.CONFLICTS
            differences.append(Difference("place", theirs.label, place.label))
    return relation, tuple(differences)
