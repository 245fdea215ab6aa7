"""Which trigger a date governs, and the kind of event that makes.

A date dates the trigger nearest to it in its sentence, counted in words, where a comma
between them (outside quotation marks) counts as three words more, a clause break (";",
" but ", ", which") as eight, a trigger outside the date's clause (the resolver's
reading of clauses, which splits "..., and members travelled") eight more, and a trigger
after the date one more (news writes "held talks on Monday" more often than "on Monday,
talks"), three more after "for" (a purpose: "will travel on Sunday for talks" is a
trip). A noun's own relative clause dates it ("the summit, which ran on Monday"). A
trigger further than :data:`REACH` words away governs nothing.

The kind: a noun's own, unless the noun is the object of a verb that names the event
itself ("addressed the opening session" is a speech, "will travel to the summit" a
trip, "told the opening plenary" a speech); a verb's own unless it takes an object ("host", "hold",
"release", "put forward"), whose kind is that of the nearest noun trigger in the same
clause within a few words (before it, for a passive verb, "the declaration, which was
published", and for a verb whose subject is the event, "the summit, ..., will take
place"; none after a name, "the Cooperation Organization proposed last year", where the
name is the event and the verb gives its kind); a weak verb ("said") followed by a noun
of what is said in ("said in a statement", "told a press conference") takes the noun's.
A verb form after a determiner is a noun ("the host") and is no trigger, nor is an -ing
form after a preposition ("for visiting leaders").

A second event: when the governed trigger opens the sentence with "during" (or "on the
sidelines of", "at", "in his"...: "In his speech on Saturday, the premier proposed..."),
a verb of the main clause is another event within those days ("During the visit in May,
the two sides signed a statement"); so is a verb at most three words before "during"
("they signed an accord during the visit in May")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from summitcal.models.kinds import EventKind
from summitcal.proposals.triggers import Trigger
from summitcal.resolver.clauses import clause
from summitcal.resolver.text import normalize

__all__ = ["REACH", "Governed", "govern", "kind_of"]

#: The furthest a trigger may be from its date, in words (with the penalties above).
REACH = 14
_OBJECT_REACH = 8

_CLAUSE_BREAK = re.compile(r";|\bbut\b|,\s*(?:which|who|while|whereas)\b|\s[–—]\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that)\s+$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|with|by|from|among|about)\s+$", re.I)
_DURING = re.compile(
    r"\b(?:during|on the sidelines of|at|on the margins of|in (?:his|her|its|their|the))"
    r"\s+(?:\S+\s+){0,4}$",
    re.I,
)


# "<verb> ... during <the noun's words>": the verb's event lies inside the noun's days.
_OWN_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\s+(?:[\w,]+\s+){0,5}$", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_PURPOSE = re.compile(r"\bfor\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# A name after a determiner right before a participle ("the Cooperation Organization
# proposed"), not a relative clause's subject ("the initiative that Xi unveiled").
_NAME_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[A-Z][\w-]*\s+){1,6}$")
# An object after a verb ("France released a declaration"): an active verb, no participle.
_OBJECT_AFTER = re.compile(r"\s+(?:an?\b|the\b|its\b|their\b|his\b|her\b|our\b|[A-Z])")
_DURING_WORD = re.compile(r"\b(?:during|sidelines)\b", re.I)
_VERB_DURING = re.compile(r"\b(?:during|on the sidelines of)\s+(?:\S+\s+){0,5}$", re.I)


@attrs.frozen
class Governed:
    """A trigger a date governs, the kind of event it names, its distance in words, and
    whether it is a second event within the days of another (``during``) or the date is
    the sentence before's (``carried``)."""

    trigger: Trigger
    kind: EventKind
    distance: float
    object_noun: Trigger | None = None
    during: bool = False
    carried: bool = False


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split()) if b > a else 0


def _commas(text: str) -> int:
    """The commas of ``text`` outside quotation marks (a quoted title's commas part
    nothing)."""
    return _QUOTED.sub("", text).count(",")


def _cost(
    text: str, trigger: Trigger, start: int, end: int, own: tuple[int, int] | None = None
) -> float:
    if trigger.end <= start:
        lo, hi, after = trigger.end, start, 0.0
    else:
        lo, hi, after = end, trigger.start, 1.0
    between = text[lo:hi]
    cost = _words_between(text, lo, hi) + after
    if not trigger.verb and not after and _OWN_RELATIVE.match(between):
        # "The summit, which ran on Monday": the relative clause dates its noun.
        return cost
    if _CLAUSE_BREAK.search(between):
        cost += 8
    cost += 3 * _commas(between)
    if after and _PURPOSE.search(text[max(0, trigger.start - 12) : trigger.start]):
        cost += 3  # "travel ... on Sunday for talks": the talks are what the trip is for
    if own is not None and not (own[0] <= trigger.start and trigger.end <= own[1]):
        cost += 8  # another clause of the sentence ("..., and members travelled")
    return cost


def _usable(text: str, trigger: Trigger) -> bool:
    """Whether a trigger is one: not a verb form after a determiner ("the host"), nor an
    -ing form after a preposition, where it qualifies a noun ("for visiting leaders")."""
    if not trigger.verb:
        return True
    head = text[max(0, trigger.start - 8) : trigger.start]
    if _DETERMINER_BEFORE.search(head):
        return False
    return not (trigger.text.endswith("ing") and _PREPOSITION_BEFORE.search(head))


#: The nouns a reporting verb may take its kind from: what is said in ("said in a
#: statement", "told a press conference").
_SAID_IN = frozenset(
    {EventKind.DECLARATION, EventKind.PRESS_BRIEFING, EventKind.SPEECH, EventKind.REMARK}
)


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_RELATIVE = re.compile(r"[,\s]*\b(?:which|that)\s+", re.I)


def _object_noun(text: str, verb: Trigger, nouns: Sequence[Trigger]) -> Trigger | None:
    """The noun trigger that names what ``verb`` does: after it within a few words of
    its clause, or before it when the verb is passive ("the declaration, which was
    published"), its subject is the event ("the summit will take place") or it stands
    in the noun's relative clause ("the statement that the two leaders issued")."""
    best: tuple[float, Trigger] | None = None
    head = text[max(0, verb.start - 24) : verb.start]
    if (
        _NAME_BEFORE.search(text[max(0, verb.start - 80) : verb.start])
        and verb.text.endswith("ed")
        and not _OBJECT_AFTER.match(text, verb.end)
    ):
        return None  # "the Cooperation Organization proposed last year": the name is it
    passive = _PASSIVE.search(head) is not None or verb.of_subject
    for noun in nouns:
        if noun.verb:
            continue
        if verb.weak and (noun.start < verb.end or noun.kind not in _SAID_IN):
            continue
        lo, hi = (verb.end, noun.start) if noun.start >= verb.end else (noun.end, verb.start)
        between = text[lo:hi]
        before = noun.start < verb.end
        passive_before = passive and before
        if before and (passive or _RELATIVE.search(between)):
            # "the Declaration, which was published", "the statement that Xi and Macron
            # issued": the relative clause is the noun's; its words up to "that" count.
            rel = _RELATIVE.search(between)
            between = between[: rel.start()] if rel is not None else between
            between = _PASSIVE.sub("", between)
            before = False
        elif before:
            continue  # an active verb's object follows it; a noun before is another's
        appositive = passive_before  # "the Summit, co-hosted by ..., was held"
        commas = 0 if appositive else _commas(between)
        if _CLAUSE_BREAK.search(between) or commas > 1 or _DURING_WORD.search(between):
            continue
        distance = _words_between(between, 0, len(between))
        if distance <= _OBJECT_REACH and (best is None or distance < best[0]):
            best = (distance, noun)
    return None if best is None else best[1]


def kind_of(
    text: str, trigger: Trigger, triggers: Sequence[Trigger]
) -> tuple[EventKind, Trigger | None]:
    """The kind of event ``trigger`` names in ``text``, and the noun that names it when
    the trigger is a verb that takes its kind from one."""
    if trigger.verb and (trigger.takes_object or trigger.weak or trigger.of_subject):
        noun = _object_noun(text, trigger, triggers)
        if noun is not None:
            return noun.kind, noun
    return trigger.kind, None


_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+)?[^,;]*$")

#: The kinds of gatherings one speaks to ("told the opening plenary": a speech).
_GATHERINGS = frozenset(
    {
        EventKind.MEETING,
        EventKind.SUMMIT,
        EventKind.CONFERENCE,
        EventKind.FORUM,
        EventKind.LEADERS_SESSION,
        EventKind.MINISTERIAL_SESSION,
        EventKind.PRESS_BRIEFING,
    }
)


def _doer(text: str, trigger: Trigger, triggers: Sequence[Trigger]) -> Trigger:
    """The verb whose object the noun ``trigger`` is (or the noun it qualifies with
    "of": "the ceremony of the Conference"), when that verb names the event itself
    ("addressed the opening session": a speech; "will travel to the summit": a trip;
    "told the plenary": a speech), else the noun."""
    if trigger.verb:
        return trigger
    for head in triggers:  # "the opening ceremony of the Conference": the ceremony
        between = text[head.end : trigger.start]
        if (
            not head.verb
            and head.end <= trigger.start
            and _OF_PHRASE.match(between)
            and len(between.split()) <= 6
        ):
            trigger = head
            break
    for verb in triggers:
        told = verb.weak and trigger.kind in _GATHERINGS and verb.text.lower() == "told"
        if (
            verb.verb
            and (told or not verb.weak)
            and not verb.takes_object
            and verb.end <= trigger.start
            and len(text[verb.end : trigger.start].split()) <= 3
            and not _commas(text[verb.end : trigger.start])
        ):
            return verb
    return trigger


def govern(text: str, start: int, end: int, triggers: Sequence[Trigger]) -> list[Governed]:
    """The triggers the date at ``text[start:end]`` governs: the nearest, and a second
    event of the main clause when the nearest is in a "during" phrase; empty when no
    trigger is within reach.

    ``text`` is the sentence, and the offsets and triggers are in it.
    """
    usable = [t for t in triggers if _usable(text, t) and (t.end <= start or t.start >= end)]
    own = clause(normalize(text), start, end)
    scored = sorted(((_cost(text, t, start, end, own), t) for t in usable), key=lambda p: p[0])
    if not scored or scored[0][0] > REACH:
        return []
    cost, nearest = scored[0]
    doer = _doer(text, nearest, usable)
    kind, noun = kind_of(text, doer, usable)
    if doer.weak and doer is not nearest:
        kind, noun = EventKind.SPEECH, None  # "told the opening plenary": spoke to it
    nearest = doer
    out = [Governed(nearest, kind, cost, noun)]
    inner = _VERB_DURING.search(text[: nearest.start])
    if inner is not None:
        verbs = [
            t
            for t in usable
            if t.verb
            and not t.weak
            and t.end <= inner.start()
            and len(text[t.end : inner.start()].split()) <= 3
        ]
        if verbs:
            verb = verbs[-1]
            verb_kind, verb_noun = kind_of(text, verb, usable)
            if verb_kind is not kind:
                out.append(Governed(verb, verb_kind, cost + 2, verb_noun, True))
                return out
    head = text[: nearest.start]
    opening = _DURING.search(head)
    if opening is not None and not text[: opening.start()].strip(" ,"):
        comma = text.find(",", end)
        if comma >= 0:
            for other in usable:
                if other.verb and not other.weak and other.start > comma and other is not noun:
                    other_kind, other_noun = kind_of(text, other, usable)
                    if other_kind is not kind:
                        out.append(Governed(other, other_kind, cost + 2, other_noun, True))
                    break
    return out
