"""Reading the direction of a phrase from the tense of its sentence.

The cue words are data (``data/tense.toml``).  The phrase itself is masked out, a
preposition right before it is counted with it ("on Friday"), and the phrase's clause is
found: marks such as ";", " but ", ", and " and a clause-joining "and" end it, and so does
a "that" opening a clause ("briefed reporters on Friday that the plant is safe": 'is' is
not the phrase's verb); a clause opened by ", which" or ", who" ends at its comma.  Then:

1. a reporting verb right before the phrase ("said on Friday", "told reporters on
   Sunday") means PAST: the phrase dates the saying;
2. otherwise the nearest future, present or past cue decides (present counts as FUTURE:
   on or after the publication date); a verb ending in *-ed* counts as a past cue unless
   a passive or a plan precedes it ("will be published", "is to be signed"), and a
   present-tense cue only as a finite verb (not after "to", "did", "will"...: "expected
   to conclude");
3. otherwise a reporting verb anywhere means PAST;
4. no cue at all means NEAREST;
5. a weekday in the possessive ("Thursday's close") lies behind unless a future or past
   cue decides ("ahead of Friday's vote").

A listed past form or a reporting verb after "be" is a participle ("to be unveiled"), an
-ed form after an auxiliary and an adverb a state ("are fully booked"), a present form
after a determiner a noun ("the close"), and a present or a one-word past form after a
modal, "to" or "not" no finite verb ("will hit", "did not meet"): none is a cue.  A
reporting clause that closes the sentence after a comma ("..., the council announced.")
is not read at all: it dates the saying, not the phrase before it.

Example::

    >>> read_direction("The delegation will travel on Friday.", 28, 37)[0]
    <Direction.FUTURE: 'future'>
"""

from __future__ import annotations

import functools
import re

import attrs

from summitcal.resolver.clauses import clause
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.phrase import Direction
from summitcal.resolver.text import normalize

__all__ = ["REACH", "Cue", "read_cue", "read_direction", "within_reach"]

#: How many words may sit between a reporting verb and the phrase it dates.
_REPORTING_REACH = 4

#: How many characters either side of a phrase its sentence is read, for the tense and
#: for anything else the resolver reads around a phrase.  A cue further away says nothing
#: about the phrase, and a bounded reach keeps the cost of one phrase bounded however long
#: its sentence ("in May and in June and ..." without a full stop), so reading every
#: phrase of a text costs time linear in the text.
REACH = 400


def within_reach(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``lo..hi``, a stretch of ``text`` that holds the phrase at ``start..end``, cut to
    :data:`REACH` characters either side of the phrase (at a space, where there is one,
    so that no word is read in part)."""
    if start - lo >= REACH:
        lo = start - REACH
        space = text.find(" ", lo, start)
        lo = lo if space < 0 else space + 1
    if hi - end >= REACH:
        hi = end + REACH
        space = text.rfind(" ", end, hi)
        hi = hi if space < 0 else space
    return lo, hi


@attrs.frozen
class Cue:
    """A cue found in the sentence: its words, its direction, and how far from the phrase.

    ``distance`` counts the words between the cue and the phrase; ``before`` says which
    side of the phrase the cue is on.
    """

    words: str
    direction: Direction
    kind: str  # "future", "present", "past", "reporting", "-ed", "deferral", "intention"
    distance: int
    before: bool


_KIND_DIRECTION = {
    "future": Direction.FUTURE,
    "present": Direction.FUTURE,
    "past": Direction.PAST,
    "reporting": Direction.PAST,
    "-ed": Direction.PAST,
    "possessive": Direction.PAST,
    "deferral": Direction.FUTURE,
    "intention": Direction.FUTURE,
}


#: Present cues that are nouns after these words ("Spring Festival travel", "a hotel
#: stay"): the season's or the holiday's travel, not a verb of the sentence.
_HOLIDAY_NOUNS = frozenset(
    {"festival", "holiday", "holidays", "thanksgiving", "christmas", "easter", "summer"}
    | {"winter", "business", "air", "rail", "road", "leisure", "hotel", "overnight"}
    | {"week", "weekend", "season", "year", "day", "ramadan", "eid", "diwali"}
)
_NOUNS_AFTER = {"travel": _HOLIDAY_NOUNS, "stay": _HOLIDAY_NOUNS, "stays": _HOLIDAY_NOUNS}

#: Words after which a past form is still the past ("never met", "not once took").
_FINITE_AFTER = frozenset({"not", "never"})


# A cue as the search knows it: (how many words, its words, its kind).
_Cue = tuple[int, str, str]
# A cue of two words or more, under its first two: (the words after those two, the cue).
_Entry = tuple[list[str], _Cue]


@attrs.frozen
class _Start:
    """The cues that start with one word.

    ``longer`` maps the second word to the cues of two or more words, longest first;
    ``single`` is the cue of this word alone, if any.
    """

    longer: dict[str, tuple[_Entry, ...]]
    single: _Cue | None


@attrs.frozen
class _Words:
    """The lexicon's tense words, arranged once for the search."""

    starts: dict[str, _Start]
    not_past: frozenset[str]
    passive_before: frozenset[str]
    passive_aux: frozenset[str]
    not_finite_after: frozenset[str]
    weekdays: frozenset[str]


@functools.cache
def _words() -> _Words:
    """The tense words, read from the lexicon on first use."""
    lex = lexicon()
    # Where the same words are two kinds ("wrote"), the kind listed first wins.
    cues: list[tuple[list[str], str]] = []
    for kind, listed in (
        ("none", lex.tense_none),
        ("reporting", lex.tense_reporting),
        ("past", lex.tense_past),
        ("present", lex.tense_present),
        ("future", lex.tense_future),
    ):
        cues.extend((cue.split(), kind) for cue in listed)
    longer: dict[str, dict[str, list[_Entry]]] = {}
    single: dict[str, _Cue] = {}
    for seq, kind in cues:
        if len(seq) == 1:
            single.setdefault(seq[0], (1, seq[0], kind))
        else:
            entry = (seq[2:], (len(seq), " ".join(seq), kind))
            longer.setdefault(seq[0], {}).setdefault(seq[1], []).append(entry)
    starts = {
        first: _Start(
            {
                second: tuple(sorted(entries, key=lambda entry: -entry[1][0]))
                for second, entries in longer.get(first, {}).items()
            },
            single.get(first),
        )
        for first in sorted({*longer, *single})
    }
    return _Words(
        starts=starts,
        not_past=lex.not_past,
        passive_before=lex.passive_before,
        passive_aux=lex.passive_aux,
        not_finite_after=lex.not_finite_after,
        weekdays=frozenset(lex.weekdays),
    )


# A word: letters, with inner apostrophes or hyphens ("won't", "co-host").  The possessive
# quantifiers match the same words as plain ones (a run of letters is never given back)
# and save the engine its backtracking records.
_WORD = re.compile(r"[a-z]++(?:['-][a-z]++)*+")


#: Future cues whose first word is as often a noun: after a verb in -ed ("announced plans
#: to acquire") they are its object, not a verb of their own.
_NOUN_PLANS = frozenset({"plans", "plan", "aims", "hopes"})


# A cue as found: (distance, not before, words, kind); tuples sort nearest first, and the
# side before the phrase first at equal distance.
_Found = tuple[int, bool, str, str]


def _side(
    words: list[str], before: bool, found: list[_Found], table: _Words, lead: str = ""
) -> None:
    """Append the cues among ``words`` (one side of the phrase) to ``found``.

    Read left to right, a word starts the longest cue it can, unless it lies inside a cue
    already found; a word of five letters or more in -ed that starts none is a past cue,
    unless it is a known non-verb or follows a passive or a plan ("will be published").
    ``lead`` is the word before the first one (the phrase's last word, after it).
    """
    starts = table.starts
    n = len(words)
    after = not before
    free = 0  # words before this one belong to a cue already found
    for i, w in enumerate(words):
        start = starts.get(w)
        if start is not None:
            if i < free:
                continue
            cue = start.single
            if start.longer and i + 1 < n:
                for rest, longer in start.longer.get(words[i + 1], ()):
                    if not rest or words[i + 2 : i + longer[0]] == rest:
                        cue = longer
                        break
            if cue is not None:
                size, joined, kind = cue
                free = i + size
                if i and kind in ("reporting", "past") and words[i - 1] in table.passive_aux:
                    continue  # "will be announced", "to be unveiled": a participle, no cue
                if (
                    kind == "present"
                    and w in _NOUNS_AFTER
                    and (words[i - 1] if i else lead) in _NOUNS_AFTER[w]
                ):
                    continue  # "the Spring Festival travel rush": a noun, no verb
                if (
                    i
                    and (kind == "present" or (kind == "past" and size == 1))
                    and words[i - 1] in table.not_finite_after
                    and not (kind == "past" and words[i - 1] in _FINITE_AFTER)
                ):
                    # "expected to conclude", "did not meet", "will hit", "the left": not
                    # this verb's tense, or no verb
                    continue
                if i and kind == "future" and w in _NOUN_PLANS and words[i - 1].endswith("ed"):
                    continue  # "announced plans to acquire": a noun, the verb before decides
                if kind == "none":
                    continue  # "close to": words that hold a cue but are none
                found.append((n - i - size if before else i, after, joined, kind))
                continue
        # A past form in -ed, of five letters or more.  Most words do not end in "d", and
        # indexing is cheaper than a method call: the last letter is tested first.
        if (
            w[-1] == "d"
            and len(w) > 4
            and w[-2] == "e"
            and i >= free
            and w not in table.not_past
            and (i == 0 or words[i - 1] not in table.passive_before)
            # "are fully booked": an adverb between the auxiliary and the participle
            and not (i > 1 and words[i - 1].endswith("ly") and words[i - 2] in table.passive_before)
        ):
            found.append((n - i - 1 if before else i, after, w, "-ed"))


def _cues(norm: str, start: int, end: int, lo: int, hi: int) -> list[_Found]:
    """The cues on both sides of the phrase, within ``norm[lo:hi]``.

    A cue after the phrase beats one before it only when it is strictly nearer, so when a
    non-reporting cue sits right before the phrase ("met on Friday") the side after is not
    read at all.  (Reporting verbs do not change this: right before the phrase they decide
    anyway, and elsewhere they count only when there is no other cue.)
    """
    table = _words()
    found: list[_Found] = []
    # An empty side costs nothing: the phrase often opens or closes its clause.
    words = _WORD.findall(norm, lo, start) if lo < start else None
    if words:
        _side(words, True, found, table)
        if found and found[-1][0] == 0 and found[-1][3] != "reporting":
            return found
    words = _WORD.findall(norm, end, hi) if end < hi else None
    if words:
        lead = ""
        if words[0] in _NOUNS_AFTER:  # "Spring Festival travel": the phrase's last word
            tail = norm[max(start, end - 16) : end].split()
            lead = tail[-1] if tail else ""
        _side(words, False, found, table, lead)
    return found


def read_direction(context: str, start: int, end: int) -> tuple[Direction, Cue | None]:
    """The direction the sentence gives to the phrase at ``context[start:end]``.

    The sentence is read within :data:`REACH` characters of the phrase.

    Args:
        context: The sentence.
        start: Where the phrase starts in ``context``.
        end: Where it ends.

    Returns:
        The direction and the cue that decided it (``None`` when no cue was found and the
        direction is NEAREST).
    """
    direction, found = _read(context, start, end)
    return direction, None if found is None else _cue(found)


def read_cue(context: str, start: int, end: int) -> tuple[Direction, str | None]:
    """As :func:`read_direction`, but the deciding cue as its words alone (no
    :class:`Cue` is built: the resolver needs only the words, for its explanation)."""
    direction, found = _read(context, start, end)
    return direction, None if found is None else found[2]


@functools.cache
def _reporting_trailer() -> re.Pattern[str]:
    """A reporting clause that closes the sentence, or its part before a semicolon, after a
    comma ("..., the electoral commission confirmed."; "..., Lipper says; ..."): the phrase
    before it is not its verb's."""
    # "says" is a present cue elsewhere, but closing a sentence it only dates the saying.
    reporting = [*lexicon().tense_reporting, "says", "say"]
    verbs = "|".join(re.escape(v) for v in reporting if " " not in v)
    return re.compile(
        rf",\s+(?:[\w'.-]+\s+){{0,6}}?(?:{verbs})(?:\s+[\w'.-]+){{0,3}}?"
        r"\s*(?:[.!?\"')]*\s*$|;)"
    )


#: What stands right before a date moved to by the verb that moves it: "until", "to" and
#: at most a clock time with its zone ("until 5 p.m. EST Nov. 9"), read in normalised text.
_MOVED_TO = re.compile(
    r"\b(?:until|till|to)\s+"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\s*(?:[a-z]{2,5}\b\s*)?,?\s*)?$"
)


#: What parts a verb from a date its object is moved to: another verb, in -ing ("keeping
#: it open until"); after a determiner an -ing word is a noun ("the hearing").
_PARTED = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )\b[a-z]{2,}ing\b")


#: An infinitive: "to" before a word that is no determiner or number ("to meet", not "to
#: the deal").
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your)\b)[a-z]+\b"
)


@functools.cache
def _leading() -> re.Pattern[str]:
    """A preposition that belongs with the phrase after it: TimeML leaves "on" out of "on
    Friday", but the verb before it is as near to the phrase either way."""
    words = "|".join(lexicon().prepositions["leading"])
    return re.compile(rf"\b(?:{words})\s+$")


def _read(context: str, start: int, end: int) -> tuple[Direction, _Found | None]:
    # (Most sentences lie within reach: the cut is made only for one that does not.)
    length = len(context)
    lo, hi = (
        (0, length)
        if start < REACH and length - end < REACH
        else within_reach(context, 0, length, start, end)
    )
    if lo or hi < length:
        context, start, end = context[lo:hi], start - lo, end - lo
    norm = normalize(context)
    trailer = _reporting_trailer().search(norm, end)
    size = trailer.start() if trailer is not None else len(norm)
    if trailer is not None:  # "..., the commission confirmed.": it dates the saying only
        norm = norm[:size]
    phrase_start = start
    lead = _leading().search(norm, max(0, start - 12), start)
    if lead is not None:
        start = lead.start()
    c_lo, c_hi = clause(norm, start, end)
    found = _cues(norm, start, end, c_lo, c_hi)
    if not found and (c_lo > 0 or c_hi < size):  # nothing in the clause: the sentence
        found = _cues(norm, start, end, 0, size)
    # (The "'s" is looked for first: most phrases have none, and no call is made.)
    possessive = norm.startswith("'s", end) and _is_possessive_weekday(norm, start, end)
    if not found:
        return (Direction.PAST, _POSSESSIVE) if possessive else (Direction.NEAREST, None)
    if len(found) > 1:  # one cue: nothing to sort, no verb to make a participle of
        found.sort()
        found = _participles_dropped(found)
    strong = reporting = None
    before = False  # whether a non-reporting cue was met before the phrase, nearer
    for cue in found:
        if cue[3] == "reporting":
            if not cue[1] and cue[0] < _REPORTING_REACH and not before:
                return Direction.PAST, cue  # a reporting verb right before the phrase
            reporting = reporting or cue
        else:
            before = before or not cue[1]
            strong = strong or cue
    best = strong or reporting
    assert best is not None
    if possessive and best[3] == "present":
        return Direction.PAST, _POSSESSIVE
    if (best[3] == "past" or best[3] == "-ed") and not best[1]:
        planned = _planned(norm, best[2], phrase_start)
        if planned is not None:
            return Direction.FUTURE, (best[0], best[1], best[2], planned)
    return _KIND_DIRECTION[best[3]], best


def _planned(norm: str, verb: str, start: int) -> str | None:
    """``deferral`` or ``intention`` when the past form ``verb`` before the phrase at
    ``start`` points it ahead: a date it moves something to ("extended its offer until
    Nov. 9"), or one after an infinitive it leads to ("agreed to meet again on
    Saturday"); else ``None``."""
    kind = _movers().get(verb)
    if kind is None:
        return None
    # What stands between the verb (its last place within 120 characters) and the phrase:
    # no other verb in -ing for a date moved to, an infinitive for a plan.
    at = norm.rfind(verb, max(0, start - 120), start)
    if at < 0:
        return None
    between = at + len(verb)
    if kind == "deferral":
        moved = _MOVED_TO.search(norm, max(0, start - 40), start) is not None
        return kind if moved and _PARTED.search(norm, between, start) is None else None
    return kind if _INFINITIVE.search(norm, between, start) is not None else None


@functools.cache
def _movers() -> dict[str, str]:
    """The past forms that may point a date ahead, each with its kind."""
    lex = lexicon()
    return dict.fromkeys(lex.intentions, "intention") | dict.fromkeys(lex.deferrals, "deferral")


def _participles_dropped(found: list[_Found]) -> list[_Found]:
    """The cues without the -ed forms that a future verb of the clause makes participles.

    A clause has one finite verb.  Once "will redeem" has come before the phrase, a form
    in -ed between that verb and the phrase ("will redeem Series H preferred shares on
    Oct. 31") or after the phrase ("will double its flights by August in markets
    untouched by") describes a noun; only right before the phrase does it still govern
    it ("the plan agreed on Monday").
    """
    if len(found) < 2:  # one cue: nothing for a verb to make a participle of
        return found
    for future in found:
        if future[3] == "future" and not future[1]:
            break
    else:
        return found
    return [c for c in found if c[3] != "-ed" or not (c[1] or 0 < c[0] < future[0])]


#: "Friday's close", "Tuesday's declaration": news names a day in the possessive for
#: what it did; such a day lies behind unless a future cue says otherwise ("ahead of
#: Friday's vote").  The cue reported for it.
_POSSESSIVE: _Found = (0, True, "possessive day", "possessive")


def _is_possessive_weekday(norm: str, start: int, end: int) -> bool:
    """Whether the phrase ends in a weekday followed by "'s"."""
    return norm.startswith("'s", end) and norm[start:end].rpartition(" ")[2] in _words().weekdays


def _cue(found: _Found) -> Cue:
    distance, after, words, kind = found
    return Cue(words, _KIND_DIRECTION[kind], kind, distance, not after)
