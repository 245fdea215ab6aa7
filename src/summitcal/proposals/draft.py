"""The draft event of a proposal, in the catalogue's model: a title in the catalogue's
style, an id, the actors with their roles, the place, and the article as its source.

Titles: a name the article writes in capitals around the trigger ("the Global Initiative
for AI Governance", a side event "titled" something in quotes) is the title; otherwise
one is made from the noun and the words that qualify it ("follow-up workshop"), or the
kind, and who did it, as the catalogue words them: "Zhang Guoqing's trip to France",
"China's side event", "Foreign Ministry press conference, 7 February 2025", "Follow-up
workshop in Shanghai".

Roles: the actor nearest before the trigger in its clause is its subject, and the kind
gives the role (a trip's person heads the delegation, a host hosts, a briefing has a
spokesperson...); other people named with an office in the sentence attend.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from summitcal.models.countries import country_name
from summitcal.models.kinds import ActorKind, EventKind, Role
from summitcal.models.parts import Actor, Place, Source
from summitcal.proposals.gazetteer import FoundActor, FoundPlace
from summitcal.proposals.triggers import Trigger
from summitcal.proposals.vocabulary import data

__all__ = ["UNKNOWN_URL", "event_id", "pick_place", "roles", "source", "title"]

#: The address a draft's source gets when the caller gives none: a reserved domain
#: (RFC 2606), so that nobody takes it for the article's page.
UNKNOWN_URL = "https://example.invalid/article"

_SUBJECT_ROLE = {
    EventKind.VISIT: Role.DELEGATION_HEAD,
    EventKind.SPEECH: Role.SPEAKER,
    EventKind.REMARK: Role.SPEAKER,
    EventKind.PRESS_BRIEFING: Role.SPOKESPERSON,
    EventKind.DECLARATION: Role.SIGNATORY,
    EventKind.COMMITMENTS: Role.SIGNATORY,
    EventKind.INITIATIVE: Role.PROPOSER,
    EventKind.PLAN: Role.PROPOSER,
    EventKind.REPORT: Role.AUTHOR,
    EventKind.RELEASE: Role.ANNOUNCER,
    EventKind.ANNOUNCEMENT: Role.ANNOUNCER,
    EventKind.RESOLUTION: Role.SPONSOR,
}
_HOSTING = re.compile(r"\b(?:co-)?host|\bhold|\bheld|\bconvene|\borganis|\borganiz", re.I)

_LABEL = {
    EventKind.SIDE_EVENT: "side event",
    EventKind.PRESS_BRIEFING: "press conference",
    EventKind.SUMMIT_PART: "summit session",
    EventKind.LEADERS_SESSION: "leaders' session",
    EventKind.MINISTERIAL_SESSION: "ministers' session",
    EventKind.REMARK: "remarks",
    EventKind.VISIT: "trip",
    EventKind.RELEASE: "release",
}


def _label(kind: EventKind) -> str:
    return _LABEL.get(kind, kind.value.replace("-", " "))


def subject(
    actors: Sequence[FoundActor], trigger: Trigger, lo: int, sentence: str
) -> FoundActor | None:
    """The actor nearest before ``trigger`` after ``lo`` (its clause's start), leaving
    out places written as such ("travel to Kenya")."""
    before = [
        a
        for a in actors
        if lo <= a.start
        and a.end <= trigger.start
        and not _LOCATIVE.search(sentence[max(0, a.start - 12) : a.start])
    ]
    if not before:
        return None
    return before[-1]


def roles(
    actors: Sequence[FoundActor], trigger: Trigger, kind: EventKind, lo: int, sentence: str
) -> tuple[Actor, ...]:
    """The actors of the event and their roles (see the module's docstring)."""
    who = subject(actors, trigger, lo, sentence)
    out: list[Actor] = []
    seen: set[str] = set()
    if who is not None:
        role = _SUBJECT_ROLE.get(kind, Role.ATTENDEE)
        if _HOSTING.match(trigger.text):
            role = Role.HOST
        if kind is EventKind.VISIT and who.kind is not ActorKind.PERSON:
            role = Role.DELEGATE
        out.append(_actor(who, role))
        seen.add(who.name)
    for actor in actors:
        if actor.kind is ActorKind.PERSON and actor.title and actor.name not in seen:
            out.append(_actor(actor, Role.ATTENDEE))
            seen.add(actor.name)
    return tuple(out)


def _actor(found: FoundActor, role: Role) -> Actor:
    return Actor(
        name=found.name, kind=found.kind, role=role, country=found.country, title=found.title
    )


def _words_apart(sentence: str, trigger: Trigger, place: FoundPlace) -> float:
    """Words between the trigger and the place; a comma between them parts them."""
    if place.start >= trigger.end:
        between = sentence[trigger.end : place.start]
    else:
        between = sentence[place.end : trigger.start]
    return float("inf") if "," in between else len(between.split())


_LOCATIVE = re.compile(r"\b(?:in|at|to|inside|from)\s+(?:the\s+)?$", re.I)


#: How many words from its trigger a place may be and still be the event's.
PLACE_REACH = 8


def pick_place(
    places: Sequence[FoundPlace], sentence: str, trigger: Trigger, clause: tuple[int, int]
) -> FoundPlace | None:
    """The place of the event: of the places written after "in", "at" or "to" in the
    trigger's clause, at most :data:`PLACE_REACH` words from the trigger and with no
    comma between (or the place a stay names, "be in France"), the most precise nearest
    the trigger."""
    located = [
        p
        for p in places
        if (trigger.start <= p.start and p.end <= trigger.end)
        or (
            _LOCATIVE.search(sentence[max(0, p.start - 12) : p.start])
            and clause[0] <= p.start < clause[1]
            and _words_apart(sentence, trigger, p) <= PLACE_REACH
        )
    ]
    if not located:
        return None
    rank = {"venue": 0, "city": 1, "country": 2}
    return min(located, key=lambda p: (rank[p.level], abs(p.start - trigger.start)))


_CAPITAL_RUN = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|AI)(?:\s+(?:(?:of|for|on|and|in|the|de|du|des|la|le)\s+)*"
    r"(?:[A-Z0-9][\w'’.-]*))*"
)
_TITLED = re.compile(r"\b(?:titled|called|named|entitled)\s+[\"“']([^\"”']{4,120})[\"”']", re.I)


def _written_name(sentence: str, trigger: Trigger) -> str | None:
    """The capitalised name that holds the trigger noun, if the article writes one."""
    if trigger.verb:
        return None
    for m in _CAPITAL_RUN.finditer(sentence):
        if m.start() <= trigger.start and trigger.end <= m.end() and " " in m.group():
            name = re.sub(r"^(?:The|A|An|\d{4})\s+", "", m.group())
            if len(name.split()) >= 2 and name[0].isupper():
                return name
    return None


def title(
    kind: EventKind,
    sentence: str,
    trigger: Trigger,
    noun: Trigger | None,
    actors: Sequence[Actor],
    place: Place | None,
    day: date,
) -> str:
    """A title in the catalogue's style (see the module's docstring)."""
    titled = _TITLED.search(sentence)
    if titled is not None and kind in (
        EventKind.SIDE_EVENT,
        EventKind.CONFERENCE,
        EventKind.FORUM,
        EventKind.MEETING,
        EventKind.REPORT,
    ):
        return titled.group(1).strip()
    for t in (noun, trigger):
        if t is not None and (name := _written_name(sentence, t)):
            return name
    who = actors[0].name if actors else None
    where = (place.city or country_name(place.country)) if place is not None else None
    label = _noun_phrase(sentence, noun or trigger) or _label(kind)
    if kind is EventKind.VISIT:
        to = f" to {where}" if where else ""
        return f"{who}'s trip{to}" if who else f"Trip{to}"
    if kind is EventKind.PRESS_BRIEFING:
        stamp = f"{day.day} {day.strftime('%B')} {day.year}"
        return f"{who} press conference, {stamp}" if who else f"Press conference, {stamp}"
    if who:
        at = f" in {where}" if where and kind not in (EventKind.REMARK,) else ""
        return f"{who}'s {label}{at}"
    at = f" in {where}" if where else ""
    return f"{label[0].upper()}{label[1:]}{at}"


@functools.cache
def _not_in_phrase() -> frozenset[str]:
    return frozenset(data("triggers")["titles"]["not_in_phrase"])


def _noun_phrase(sentence: str, trigger: Trigger) -> str | None:
    """The words the article names a new event by: the trigger noun and up to three
    words before it that qualify it ("a follow-up workshop", "the bilateral dialogue"),
    lower case; ``None`` for a verb."""
    if trigger.verb:
        return None
    words = sentence[: trigger.start].split()
    kept: list[str] = []
    for word in reversed(words[-3:]):
        bare = word.strip("\"“”'’(),")
        if bare != word or bare.lower() in _not_in_phrase() or not bare.replace("-", "").isalpha():
            break
        kept.insert(0, bare)
    phrase = " ".join([*kept, trigger.text])
    return phrase if kept else None


def event_id(text: str, day: date) -> str:
    """An id for a new event: the title's words in ASCII, at most six, and the year."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'s", ""))
    words = [w for w in words if w not in ("the", "a", "an", "of", "s")][:6]
    year = str(day.year)
    if not words or words[-1] != year:
        words.append(year)
    return "-".join(words)


def source(given: Source | None, reference: date, phrase: str) -> Source:
    """The article as a source: the caller's url, publisher and title, the publication
    date, and the date as the article wrote it."""
    if given is None:
        return Source(url=UNKNOWN_URL, published=reference, phrase=phrase)
    return Source(
        url=given.url,
        publisher=given.publisher,
        title=given.title,
        published=given.published or reference,
        phrase=phrase,
        kind=given.kind,
    )
