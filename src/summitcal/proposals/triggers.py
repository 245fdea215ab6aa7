"""Triggers: the words that make a dated mention an event, and the kind each names.

The vocabulary is ``data/triggers.toml``: nouns that name an event ("summit", "side
event", "press conference"), and the forms of verbs that report one ("will travel",
"held", "put forward").  A verb marked ``object`` takes its kind from a noun of its clause
("host a side event"), one marked ``subject`` from the noun before it ("the summit will
take place"); a ``weak`` verb ("said", "told") dates something said, and a
proposal resting on it alone is uncertain.

Example::

    >>> [(t.text, t.kind.value) for t in find_triggers("Ministers held talks in Rome.")]
    [('held', 'meeting'), ('talks', 'meeting')]
"""

from __future__ import annotations

import functools
import re

import attrs

from summitcal.models.kinds import EventKind
from summitcal.proposals.vocabulary import data, phrase_pattern

__all__ = ["Trigger", "find_triggers", "is_dateline", "not_event_cue", "tentative_cue"]


@attrs.frozen
class Trigger:
    """A trigger found in a text: where, its words, the kind it names, and whether it is
    a verb, one that takes its kind from its object, or a weak (reporting) one."""

    start: int
    end: int
    text: str
    kind: EventKind
    verb: bool = False
    takes_object: bool = False
    weak: bool = False
    of_subject: bool = False


@attrs.frozen
class _Vocabulary:
    pattern: re.Pattern[str]
    nouns: dict[str, EventKind]
    verbs: dict[str, tuple[EventKind, bool, bool, bool]]  # form -> kind, object, weak, subject


def _key(words: str) -> str:
    return " ".join(words.lower().split())


@functools.cache
def _vocabulary() -> _Vocabulary:
    table = data("triggers")
    nouns = {_key(w): EventKind(k) for w, k in table["nouns"].items()}
    verbs: dict[str, tuple[EventKind, bool, bool, bool]] = {}
    for entry in table["verbs"].values():
        kind = EventKind(entry["kind"])
        flags = (bool(entry.get("object")), bool(entry.get("weak")), bool(entry.get("subject")))
        for form in entry["forms"]:
            verbs.setdefault(_key(form), (kind, *flags))
    return _Vocabulary(phrase_pattern([*nouns, *verbs]), nouns, verbs)


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every trigger in ``text[start:end]``, in order, with offsets into ``text``.

    A word that is both a noun and a verb form ("visit", "address") is read as a verb
    after "to", "will", "would" or a pronoun, and as a noun otherwise; a word that is
    only a noun is no trigger there ("to plan the summit").
    """
    vocab = _vocabulary()
    found = []
    for m in vocab.pattern.finditer(text, start, len(text) if end is None else end):
        key = _key(m.group())
        verb = vocab.verbs.get(key)
        noun = vocab.nouns.get(key)
        if verb is not None and (noun is None or _verb_position(text, m.start())):
            kind, takes_object, weak, of_subject = verb
            found.append(
                Trigger(m.start(), m.end(), m.group(), kind, True, takes_object, weak, of_subject)
            )
        elif noun is not None and not _verb_position(text, m.start()):
            # a noun's word in a verb's place ("to plan the summit") is no event
            found.append(Trigger(m.start(), m.end(), m.group(), noun))
    return found


_BEFORE_VERB = re.compile(
    r"(?:\b(?:to|will|would|shall|can|may|must|did|does|do|he|she|they|we|i|also|not)\s+)$",
    re.IGNORECASE,
)


def _verb_position(text: str, at: int) -> bool:
    return _BEFORE_VERB.search(text[max(0, at - 12) : at]) is not None


@functools.cache
def _not_event() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = data("triggers")["not_event"]
    return phrase_pattern(table["before"]), phrase_pattern(table["outlets"])


_REPORTED_TO = re.compile(r"\b(?:told|said\s+to|interviewed\s+by|speaking\s+to)\s+$", re.I)


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[\w .'-]+)?,\s*$")
_AFTER_DATELINE = re.compile(r"^[\s,]*(?:\d{4}\s*)?(?:\([^)]{1,60}\)\s*)?[-–—]")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a wire story's dateline ("GENEVA, Nov
    3 (Agency) -"): the date of filing, not of an event."""
    line = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE.match(text[line:start])) and bool(
        _AFTER_DATELINE.match(text[end : end + 70])
    )


def not_event_cue(text: str, lo: int, start: int, publisher: str | None = None) -> str | None:
    """The words before a date at ``start`` (read from ``lo``) that make it the date of a
    cited report or of an interview rather than of an event, or ``None``.

    "according to Reuters on February 5", "citing a report on Monday", "told the Daily
    on Sunday" (a news outlet, or the article's own ``publisher``, right after a
    reporting verb).
    """
    before_pattern, outlets = _not_event()
    window_start = max(lo, start - 60)
    window = text[window_start:start]
    for m in before_pattern.finditer(window):
        # The cue reaches the date: no clause mark between them.
        between = window[m.end() :]
        if not re.search(r"[,;:]|\b(?:that|and|but)\b", between) and len(between.split()) <= 5:
            return m.group()
    names = [outlets]
    if publisher:
        names.append(phrase_pattern([publisher]))
    for pattern in names:
        for m in pattern.finditer(window):
            head = window[: m.start()]
            head = re.sub(r"\bthe\s+$", "", head, flags=re.I)
            tail = window[m.end() :]
            if _REPORTED_TO.search(head) and len(tail.split()) <= 2:
                return f"{head.split()[-1] if head.split() else ''} {m.group()}".strip()
    return None


@functools.cache
def _tentative() -> re.Pattern[str]:
    return phrase_pattern(data("triggers")["tentative"]["words"])


def tentative_cue(text: str) -> str | None:
    """A word of ``text`` that makes a planned event tentative ("expected", "could")."""
    m = _tentative().search(text)
    return None if m is None else m.group()
