"""The tense reader against a plain reading of its own rules.

:mod:`summitcal.resolver.tense` looks cues up through tables and skips work it can rule
out cheaply.  The reading below does none of that: it tries every cue at every word,
longest first, cuts the clause at every mark, and sorts what it found.  Both must give the
same direction and the same cue for any sentence and any phrase position.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.phrase import Direction
from summitcal.resolver.tense import _NOUNS_AFTER, Cue, read_cue, read_direction
from summitcal.resolver.text import normalize

_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_KINDS = ("none", "reporting", "past", "present", "future")  # where words repeat, first wins
_MARKS = (";", " but ", " while ", " whereas ", ", and ", ", which ", ", who ")
_GLUE = {"on", "in", "at", "from", "by", "the", "early", "late", "mid", "last", "next"}
_GLUE |= {"this", "to", "until", "through"}
_TOWARD = {"future": Direction.FUTURE, "present": Direction.FUTURE, "past": Direction.PAST}
_TOWARD |= {"reporting": Direction.PAST, "-ed": Direction.PAST}
_NOUN_PLANS = {"plans", "plan", "aims", "hopes"}
_LEADING = {"on", "in", "at", "by", "since", "until", "till", "through", "during", "from"}
# A clock and its zone between "until" and the date moved to ("until 5 p.m. EST Nov. 9").
_CLOCK_BEFORE = r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\s*(?:[a-z]{2,5}\b\s*)?,?\s*$"


def _every_cue() -> list[tuple[list[str], str]]:
    lex = lexicon()
    listed = {
        "none": lex.tense_none,
        "reporting": lex.tense_reporting,
        "past": lex.tense_past,
        "present": lex.tense_present,
        "future": lex.tense_future,
    }
    cues = [(cue.split(), kind) for kind in _KINDS for cue in listed[kind]]
    return sorted(cues, key=lambda cue: -len(cue[0]))  # a stable sort keeps _KINDS order


def _found(words: list[str], before: bool, lead: str = "") -> list[Cue]:
    lex = lexicon()
    found = []
    i = 0
    while i < len(words):
        w = words[i]
        hit = next((c for c in _every_cue() if words[i : i + len(c[0])] == c[0]), None)
        if hit is not None:
            seq, kind = hit
            participle = kind in ("reporting", "past")
            passive = participle and i > 0 and words[i - 1] in lex.passive_aux
            prev = words[i - 1] if i > 0 else ""
            # "will hit", "the left"; "never met" stays the past
            one_past = kind == "past" and len(seq) == 1 and prev not in ("not", "never")
            bare = (kind == "present" or one_past) and prev in lex.not_finite_after
            # "Spring Festival travel", "a hotel stay": a noun
            bare = bare or (
                kind == "present"
                and seq == [w]
                and w in _NOUNS_AFTER
                and (prev if i > 0 else lead) in _NOUNS_AFTER[w]
            )
            noun = kind == "future" and seq[0] in _NOUN_PLANS and prev.endswith("ed")
            if not passive and not bare and not noun and kind != "none":
                gap = len(words) - i - len(seq) if before else i
                found.append(Cue(" ".join(seq), _TOWARD[kind], kind, gap, before))
            i += len(seq)
            continue
        plain = i == 0 or words[i - 1] not in lex.passive_before
        adverb = i > 1 and words[i - 1].endswith("ly") and words[i - 2] in lex.passive_before
        plain = plain and not adverb
        if len(w) > 4 and w.endswith("ed") and w not in lex.not_past and plain:
            gap = len(words) - i - 1 if before else i
            found.append(Cue(w, Direction.PAST, "-ed", gap, before))
        i += 1
    return found


def _joins(norm: str, k: int) -> bool:
    lex = lexicon()
    word = _WORD.match(norm, k + 5)
    dates = {*lex.weekdays, *lex.months, *lex.seasons}
    return word is not None and word.group() not in _GLUE and word.group() not in dates


_POINTS_AT = {"day", "week", "month", "year", "time", "morning", "afternoon", "evening"}
_POINTS_AT |= {"night", "weekend", "period", "quarter", "season", "date", "same"}


def _that_opens(norm: str, k: int) -> bool:
    lex = lexicon()
    word = _WORD.match(norm, k + 6)
    dates = {*lex.weekdays, *lex.months, *lex.seasons}
    return word is None or (word.group() not in _POINTS_AT and word.group() not in dates)


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = 0, len(norm)
    relative = False
    for mark in _MARKS:
        if (k := norm.rfind(mark, lo, start)) >= 0:
            lo = k + len(mark)
            relative = mark in (", which ", ", who ")
        if (k := norm.find(mark, end, hi)) >= 0:
            hi = k
    if relative and (k := norm.find(",", end, hi)) >= 0:
        hi = k
    # A "that" opening a clause: the nearest one each side, as for "and" below.
    k = norm.rfind(" that ", lo, start)
    while k >= 0 and not _that_opens(norm, k):
        k = norm.rfind(" that ", lo, k)
    k_hi = norm.find(" that ", end, hi)
    while k_hi >= 0 and not _that_opens(norm, k_hi):
        k_hi = norm.find(" that ", k_hi + 1, hi)
    lo, hi = (k + 6 if k >= 0 else lo), (k_hi if k_hi >= 0 else hi)
    # An "and" that joins clauses: the nearest one each side (leftwards, one "and" found
    # ends before the next is looked for, so " and and " holds one).
    k = norm.rfind(" and ", lo, start)
    while k >= 0 and not _joins(norm, k):
        k = norm.rfind(" and ", lo, k)
    k_hi = norm.find(" and ", end, hi)
    while k_hi >= 0 and not _joins(norm, k_hi):
        k_hi = norm.find(" and ", k_hi + 1, hi)
    return (k + 5 if k >= 0 else lo), (k_hi if k_hi >= 0 else hi)


def _trailer(norm: str, end: int) -> int | None:
    """Where a closing reporting clause starts (its comma): the earliest comma after the
    phrase followed by at most six words, a reporting verb, at most three words and the
    end, or a semicolon."""
    verbs = {v for v in [*lexicon().tense_reporting, "says", "say"] if " " not in v}
    for k in (i for i in range(end, len(norm)) if norm[i] == ","):
        tail = norm[k + 1 :]
        semi = tail.find(";")
        rest = (tail[:semi] if semi >= 0 else tail.strip().rstrip(".!?\"')")).split()
        if not rest or norm[k + 1 : k + 2] not in (" ", "\t", "\n"):
            continue
        for at, word in enumerate(rest):
            fits = word in verbs and at <= 6 and len(rest) - at - 1 <= 3
            if fits and all(re.fullmatch(r"[\w'.-]+", w) for w in rest):
                return k
    return None


def _reference(context: str, start: int, end: int) -> tuple[Direction, Cue | None]:
    norm = normalize(context)
    cut = _trailer(norm, end)
    if cut is not None:
        norm = norm[:cut]
    phrase_start = start
    before = _WORD.findall(norm, 0, start)
    spaced = norm[:start] != norm[:start].rstrip()  # the word before ends before the phrase
    if spaced and before and before[-1] in _LEADING and norm[:start].rstrip().endswith(before[-1]):
        start = norm.rindex(before[-1], 0, start)  # "on Friday": the verb is as near
    possessive = norm.startswith("'s", end) and norm[start:end].split()[-1:] in [
        [day] for day in lexicon().weekdays
    ]
    spans = [_clause(norm, start, end), (0, len(norm))]
    found: list[Cue] = []
    for lo, hi in spans:
        found = _found(_WORD.findall(norm, lo, start), True)
        phrase_words = norm[start:end].split()
        last = phrase_words[-1] if phrase_words else ""
        found += _found(_WORD.findall(norm, end, hi), False, last)
        if found:
            break
    found.sort(key=lambda cue: (cue.distance, not cue.before, cue.words, cue.kind))
    # One finite verb a clause: after a future verb before the phrase, an -ed form is a
    # participle unless it stands right before the phrase.
    future = next((c for c in found if c.kind == "future" and c.before), None)
    if future is not None:
        found = [
            c
            for c in found
            if c.kind != "-ed" or (c.before and not 0 < c.distance < future.distance)
        ]
    nearer = False  # a cue other than a reporting verb before the phrase, nearer
    for cue in found:
        if cue.kind == "reporting" and cue.before and cue.distance < 4 and not nearer:
            return Direction.PAST, cue
        nearer = nearer or (cue.kind != "reporting" and cue.before)
    strong = [cue for cue in found if cue.kind != "reporting"]
    best = strong or found  # else the nearest reporting verb
    if possessive and (not best or best[0].kind == "present"):
        return Direction.PAST, Cue("possessive day", Direction.PAST, "possessive", 0, False)
    deferral = best and best[0].kind in ("past", "-ed") and best[0].before
    if deferral and best[0].words in lexicon().deferrals:
        # A verb that moves a date, and "until", "to"... right before the phrase, with at
        # most a clock (and its zone) between, all within 40 characters.
        head = norm[:phrase_start]
        clock = re.search(_CLOCK_BEFORE, head)
        cut = clock.start() if clock is not None else len(head)
        word = re.search(r"(until|till|to)\s+$", head[:cut])
        verb_at = norm.rfind(best[0].words, max(0, phrase_start - 120), phrase_start)
        # Another verb in -ing between them parts them; after a determiner it is a noun.
        ing = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )\b[a-z]{2,}ing\b")
        parted = (
            verb_at < 0 or ing.search(norm, verb_at + len(best[0].words), phrase_start) is not None
        )
        if (
            not parted
            and word is not None
            and word.start() >= phrase_start - 40
            and not (
                word.start() and (head[word.start() - 1].isalnum() or head[word.start() - 1] == "_")
            )
        ):
            cue = best[0]
            return Direction.FUTURE, Cue(
                cue.words, Direction.FUTURE, "deferral", cue.distance, cue.before
            )
    if deferral and best[0].words in lexicon().intentions:
        # A verb of intending, and an infinitive between it and the phrase.
        verb_at = norm.rfind(best[0].words, max(0, phrase_start - 120), phrase_start)
        determiners = "the|a|an|this|that|these|those|its|their|his|her|our|my|your"
        infinitive = re.compile(rf"\bto\s+(?!(?:{determiners})\b)[a-z]+\b")
        if verb_at >= 0 and infinitive.search(norm, verb_at + len(best[0].words), phrase_start):
            cue = best[0]
            return Direction.FUTURE, Cue(
                cue.words, Direction.FUTURE, "intention", cue.distance, cue.before
            )
    return (best[0].direction, best[0]) if best else (Direction.NEAREST, None)


def _cue_words() -> list[str]:
    lex = lexicon()
    return [
        *lex.tense_future,
        *lex.tense_present,
        *lex.tense_past,
        *lex.tense_reporting,
        *lex.tense_none,
    ]


def _other_words() -> list[str]:
    lex = lexicon()
    words = sorted(lex.not_past | lex.passive_before | lex.passive_aux)
    words += ["and", " and ", "; ", " but ", " while ", " whereas ", ", which ", ", who "]
    words += ["when", ",", ".", "—", "Friday", "May", "spring", "on", "next", "the"]
    words += ["talks", "signed", "voted", "co-hosted", "won't", "ministers'", "3pm", "U.S."]
    words += ["İzmir", "\t", "’s", "'s", "ed", "and and", " and  and ", " that ", "that day"]
    words += ["extended", "postponed", "until", "to", "into", "5 p.m.", "10:30am EST,", "run-until"]
    words += ["never", "not", "hit", "keeping", ", then", "moved", "adjourned"]
    words += ["travel", "festival", "hotel stay", "holiday", "agreed", "to meet", "to the"]
    return words


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[str, int, int]:
    word = st.one_of(st.sampled_from(_cue_words()), st.sampled_from(_other_words()))
    words = draw(st.lists(word, max_size=16))
    spaces = draw(st.lists(st.sampled_from([" ", " ", ", ", "  ", ""]), min_size=len(words)))
    text = "".join(w + s for w, s in zip(words, spaces, strict=False))
    text = draw(st.sampled_from([text, text.upper(), text.capitalize()]))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=400, deadline=None)
@given(_sentences())
def test_reads_as_the_plain_rules_do(case: tuple[str, int, int]) -> None:
    context, start, end = case
    expected = _reference(context, start, end)
    assert read_direction(context, start, end) == expected
    cue = expected[1]
    assert read_cue(context, start, end) == (expected[0], None if cue is None else cue.words)


@pytest.mark.parametrize("mark", _MARKS)
def test_every_clause_mark_hides_a_nearer_cue(mark: str) -> None:
    """'was' after the mark is nearer than 'will', but in another clause."""
    context = f"Talks will go on in Geneva on Friday{mark}it was a surprise"
    start = context.index("on Friday")
    expected = _reference(context, start, start + 9)
    assert expected[1] is not None
    assert expected[1].words == "will"
    assert read_direction(context, start, start + 9) == expected


def test_the_plain_rules_read_known_sentences() -> None:
    """The reference itself reads the documented cases as the docs say."""
    said = "The minister said on Friday that the talks will resume."
    assert _reference(said, 18, 27)[1] == Cue("said", Direction.PAST, "reporting", 0, True)
    passive = "The results will be announced on Friday."
    assert _reference(passive, 30, 39)[0] is Direction.FUTURE
    joined = "The envoy arrived on Sunday and will leave on Wednesday."
    assert _reference(joined, 43, 55)[1] == Cue("will", Direction.FUTURE, "future", 1, True)
    assert _reference("Talks on Friday.", 6, 15) == (Direction.NEAREST, None)


@pytest.mark.parametrize(
    ("sentence", "phrase", "direction"),
    [
        # "hit" is past and present alike: after "will" or "to" it is the present; "the
        # left" is no verb (the -ed form "marched" decides).
        ("The storm will hit the coast on Friday.", "on Friday", Direction.FUTURE),
        ("The storm hit the coast on Friday.", "on Friday", Direction.PAST),
        ("Forecasters expect it to hit on Friday.", "on Friday", Direction.FUTURE),
        ("The left marched on Friday.", "on Friday", Direction.PAST),
        # A date that a verb moves something to lies ahead; the verb governs no other,
        # nor one a comma or an -ing form parts from it.
        ("Officials extended the curfew until Monday.", "Monday", Direction.FUTURE),
        ("It extended its offer until 5 p.m. EST Nov. 9.", "Nov. 9", Direction.FUTURE),
        ("The court adjourned the case to March 3.", "March 3", Direction.FUTURE),
        ("They extended the show, keeping it open until Saturday.", "Saturday", Direction.PAST),
        ("The judge adjourned the hearing until March 3.", "March 3", Direction.FUTURE),
        (
            "It extended its offer of $18 a share, or $576 million, until Nov. 6.",
            "Nov. 6",
            Direction.FUTURE,
        ),
        ("Officials extended the curfew on Monday.", "Monday", Direction.PAST),
        ("The shop was closed until Friday.", "Friday", Direction.PAST),
        ("Police suspended the search until Friday.", "Friday", Direction.PAST),
        ("The Dow extended its losing streak through Friday.", "Friday", Direction.PAST),
        # A noun in the form of a present cue ("Spring Festival travel") tells nothing.
        ("The Spring Festival travel rush ended on Friday.", "Spring Festival", Direction.PAST),
        # A date after an infinitive that a verb of intending leads to is the plan's.
        ("The two sides agreed to meet again on Saturday.", "Saturday", Direction.FUTURE),
        ("OPEC+ agreed to raise output in April.", "April", Direction.FUTURE),
        ("They agreed on Monday to cut tariffs.", "Monday", Direction.PAST),
        ("They agreed to the deal on Friday.", "Friday", Direction.PAST),
        # After "never" or "not", a past form is still the past.
        ("The two leaders never met on Friday.", "on Friday", Direction.PAST),
    ],
)
def test_verbs_read_as_documented(sentence: str, phrase: str, direction: Direction) -> None:
    start = sentence.index(phrase)
    assert read_direction(sentence, start, start + len(phrase))[0] is direction
    assert _reference(sentence, start, start + len(phrase))[0] is direction
