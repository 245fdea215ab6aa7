"""``extract``: every temporal expression in an article, found and resolved.

Extraction sits on top of the resolver.  The resolver's grammar finds the calendar phrases
(:func:`summitcal.resolver.grammar.matches`) and :func:`summitcal.resolver.resolve` values
each one against the publication date, with the direction read from the tense of its
sentence.  This module adds what a whole article needs and one phrase does not:

* sentences (:mod:`.sentences`), so each phrase is read in its own sentence;
* TimeML's extents and conventions: prepositions stay outside ("within <six months>"),
  amount words go inside with a mod ("<about ten weeks>", APPROX), and a range is tagged
  as its two ends ("<Feb. 6>-<7>"), the second anchored on the first;
* the expressions of :mod:`.extras` (vague references, more sets, unspecified amounts);
* narrative anchoring (:mod:`.narrative`): "the next day" and a bare "at 11 p.m." take
  their day from the date the article is talking about.

Only the stretches of text around a calendar word or a digit are handed to the grammar, so
that long articles cost little more than their dated sentences.  This module finds the
candidates and takes them in order; :mod:`.builder` turns each into mentions, with the
extents of :mod:`.extents`.

Example::

    >>> from datetime import date
    >>> [(m.text, m.timex) for m in extract("Ministers met on Friday. They meet again "
    ...     "next week.", reference=date(2025, 2, 9))]
    [('Friday', '2025-02-07'), ('next week', '2025-W07')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import NamedTuple

from summitcal.errors import PhraseError
from summitcal.extraction.builder import Builder, Candidate
from summitcal.extraction.extents import prepositions
from summitcal.extraction.extras import (
    find_extras,
)
from summitcal.extraction.languages import extract_in
from summitcal.extraction.mention import Mention
from summitcal.extraction.quantities import age, measured_rate, per_unit
from summitcal.resolver.detect import detect_text
from summitcal.resolver.grammar import RawMatch, RuleKind, matches
from summitcal.resolver.grammar.fragments import led_by_first_character, word_trie
from summitcal.resolver.languages import ENGLISH, check, language
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.phrase import YearRef
from summitcal.resolver.text import Sentence, normalize, split_sentences

__all__ = ["extract"]


# How far around a trigger word the grammar looks.  Phrases are dense in trigger words
# ("from Tuesday, February 11, to Thursday, February 13"); the words a phrase may have
# before or after its last trigger ("the beginning of", "the first half of") fit in this.
_MARGIN = 24
# How much further a window may reach for white space.  No date phrase runs this far past
# a trigger without a space (the longest, "2025-02-11T09:30:00+08:00", holds triggers all
# along), so inside a long token a window ends where the phrase would have to.
_SNAP = 32


# "Thursday's briefing", "this year's edition", "Last July's": the grammar reads the
# phrase once the possessive is blanked out (same length, so offsets hold).
@functools.cache
def _possessive_words() -> frozenset[str]:
    """The calendar words after which "'s" is blanked out (weekdays, one-word day words,
    months, units), each one run of letters."""
    lex = lexicon()
    names = [*lex.weekday_names, *_one_word(lex.day_words), *lex.month_names]
    units = ["year", "week", "weekend", "month", "quarter", "spring", "summer", "autumn", "winter"]
    return frozenset([*names, *units])


_APOSTROPHE_S = re.compile(r"'s\b")
_WORD_RUN = re.compile(r"\w*+\Z")  # the run of word characters that ends where searched


def _blank_possessives(norm: str) -> str:
    """``norm`` with the "'s" after each calendar word (a whole word) blanked out: the
    same length.  "New Year's" keeps its "'s", a holiday's name.

    Each "'s" is found first (a literal, found quickly) and the word before it looked up:
    a pattern of the words followed by "'s" would be tried at every letter of the text.
    """
    words = _possessive_words()
    reach = max(map(len, words)) + 1  # a longer run is no calendar word
    cuts = []
    for m in _APOSTROPHE_S.finditer(norm):
        at = m.start()
        run = _WORD_RUN.search(norm, max(0, at - reach), at)
        assert run is not None  # (an empty run ends there too)
        word = norm[run.start() : at]
        if word in words and not (word == "year" and norm.endswith("new ", 0, run.start())):
            cuts.append(at)
    if not cuts:
        return norm
    parts: list[str] = []
    pos = 0
    for at in cuts:
        parts += (norm[pos:at], "  ")
        pos = at + 2
    parts.append(norm[pos:])
    return "".join(parts)


def _one_word(words: Iterable[str]) -> list[str]:
    return [w for w in words if " " not in w]


@functools.cache
def _trigger_words() -> frozenset[str]:
    """Words without which no temporal expression can stand (besides digits)."""
    lex = lexicon()
    words: set[str] = set()
    words |= set(lex.weekdays) | set(lex.months) | set(lex.seasons)
    words |= set(lex.units) | set(lex.parts_of_day) | set(lex.day_parts)
    words |= set(lex.clock_words) | set(lex.sets)
    words |= {w for name in lex.holidays for w in name.split() if len(w) > 3}
    words |= set(_one_word(lex.day_words)) | {"weekend", "weekends"}
    words |= {"now", "currently", "nowadays", "recently", "past", "future", "soon", "coming"}
    words |= {"current", "recent", "period", "term", "nineteen"}
    words |= {"annual", "annually", "once", "twice", "thrice", "seconds", "second"}
    words |= {"centuries", "century", "half", "q1", "q2", "q3", "q4", "h1", "h2"}
    words |= set(lex.decades) | {"noon", "day", "days"}
    return frozenset(words)


# The digit shapes a temporal expression may start from: a year (from 1500, not inside a
# longer number), a numeric date or clock time, an ordinal day, a decade; "28 countries"
# or "90 percent" start nothing.  The years by their first digit, the other shapes by
# what follows any digit; the scans and the plain pattern are both made from these.
_YEARS = {"1": r"[5-9]\d\d", "2": r"0\d\d"}
_AFTER_A_DIGIT = (r"[/.:-]\d", r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", r"(?:st|nd|rd|th)\b", r"0'?s\b")


def _digit_branches() -> dict[str, list[str]]:
    """The digit shapes by first digit, 0 to 9 (each a regex of what follows it)."""
    branches: dict[str, list[str]] = {}
    for digit in "0123456789":
        year = _YEARS.get(digit)
        branches[digit] = [rf"(?<!\d.){year}(?!\d)"] if year else []
        branches[digit] += _AFTER_A_DIGIT
    return branches


#: The digit shapes, in their plain form (any decimal digit, as ``\d`` reads them).
_DIGIT_SHAPES = rf"(?<!\d)(?:{'|'.join(d + rest for d, rest in _YEARS.items())})(?!\d)" + "".join(
    rf"|\d{after}" for after in _AFTER_A_DIGIT
)


@functools.cache
def _trigger() -> re.Pattern[str]:
    """Trigger words (:func:`_trigger_words`) and digit shapes without which no temporal
    expression can stand: the definition of a trigger (see :func:`_triggers_in`)."""
    return re.compile(rf"{_DIGIT_SHAPES}|(?<![\w])(?:{word_trie(_trigger_words())})(?!\w)")


#: A decimal digit other than 0-9 ("２", "٣"): led by a character class of everything but
#: ASCII, so that a scan skips ASCII text at once.
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")


class _Scans(NamedTuple):
    """The trigger pattern in the parts that :func:`_triggers_in` scans for apart."""

    digits: re.Pattern[str]  # the digit shapes, each branch led by its digit
    words: re.Pattern[str]  # a non-word character, then a trigger word (group 1)
    longest: int  # the length of the longest trigger word
    open_ends: frozenset[str]  # the non-word characters a trigger word may end with


@functools.cache
def _scans() -> _Scans:
    words = _trigger_words()
    # (A word that opened with a digit would meet the digit shapes at one position.)
    assert all(word[0].isalpha() for word in words)
    return _Scans(
        re.compile(led_by_first_character(_digit_branches())),
        re.compile(rf"\W({word_trie(words)})(?!\w)"),
        max(map(len, words)),
        frozenset(word[-1] for word in words if not re.match(r"\w", word[-1])),
    )


def _triggers_in(norm: str, first: int, last: int) -> list[tuple[int, int]]:
    """Where :func:`_trigger` matches in ``norm[first:last]`` (as ``finditer`` finds them).

    The words are scanned for as a non-word character followed by a word, and the digit
    shapes (from the digits 0 to 9) apart: the regex engine skips quickly to the few
    positions where each can start, where the whole pattern would be tried at every
    letter.  When the two scans could disagree with one pass of the whole pattern (a
    match of one inside a match of the other, a word that ends with the character the
    next one needs before it, such as "workers'", or a digit of another script), the
    whole pattern is scanned instead.
    """
    # (isascii() is read from a flag of the string: no scan.)
    if norm.isascii() or _OTHER_DIGIT.search(norm, first, last) is None:
        found = _split_scans(norm, first, last)
        if found is not None:
            return found
    return [m.span() for m in _trigger().finditer(norm, first, last)]


def _split_scans(norm: str, first: int, last: int) -> list[tuple[int, int]] | None:
    """The triggers of ``norm[first:last]`` by the word scan and the digit scan, in order;
    ``None`` where the two could disagree with one pass of the whole pattern."""
    scans = _scans()
    # The word scan starts one character early, so that it can read the one before the
    # first word.  A word at the very start of the text has none: a space is put before
    # the text's head (long enough to show what follows the longest word), and the same
    # pattern read there.
    words = [m.span(1) for m in scans.words.finditer(norm, first - 1 if first else 0, last)]
    if first == 0:
        opening = scans.words.match(" " + norm[: min(last, scans.longest + 1)])
        if opening is not None:
            words.insert(0, (opening.start(1) - 1, opening.end(1) - 1))
    digits = [m.span() for m in scans.digits.finditer(norm, first, last)]
    both = sorted(words + digits) if digits else words
    if any(b[0] < a[1] for a, b in itertools.pairwise(both)) or any(
        norm[end - 1] in scans.open_ends for _, end in words
    ):
        return None
    return both


def _triggers_by_sentence(norm: str, sentences: list[Sentence]) -> list[list[tuple[int, int]]]:
    """:func:`_triggers_in` for each sentence, taken from one scan of the whole text.

    Within a sentence whose edges are white space (or the text's ends) the whole text's
    scan finds what the sentence's own would, unless a match runs over an edge ("7" at
    the end of one paragraph and "am" opening the next): such a sentence is scanned on
    its own, as is every one where the whole text's scan gives no answer.  One scan
    saves a pair of scans per sentence.
    """
    found = None
    if norm.isascii() or _OTHER_DIGIT.search(norm) is None:
        found = _split_scans(norm, 0, len(norm))
    if found is None:
        return [_triggers_in(norm, s.start, s.end) for s in sentences]
    out = []
    k, n, size = 0, len(found), len(norm)
    for sentence in sentences:
        first, last = sentence.start, sentence.end
        while k < n and found[k][0] < first:
            k += 1
        # (The matches do not overlap: only the last to start before the sentence can
        # run into it.)
        crossing = k > 0 and found[k - 1][1] > first
        j = k
        while j < n and found[j][0] < last:
            j += 1
        mine = found[k:j]
        edged = (first == 0 or norm[first - 1].isspace()) and (last == size or norm[last].isspace())
        if crossing or not edged or (mine and mine[-1][1] > last):
            mine = _triggers_in(norm, first, last)
        out.append(mine)
        k = j
    return out


def _windows(
    norm: str, sentence: Sentence, triggers: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Stretches of a sentence around its trigger words (``triggers``, as
    :func:`_triggers_in` finds them), merged, snapped to spaces.

    Each trigger's stretch reaches ``_MARGIN`` characters either side of it, then on to
    the nearest white space, but at most ``_SNAP`` characters further: a window ends at
    most ``_MARGIN + _SNAP`` characters from a trigger, and each trigger looks at no more
    than ``2 * _SNAP`` characters, so the cost is linear in the sentence whatever its
    tokens (a JSON dump or a list of addresses is one token without white space).
    """
    out: list[tuple[int, int]] = []
    first, last = sentence.start, sentence.end
    for start, end in triggers:
        lo = max(first, start - _MARGIN)
        hi = min(last, end + _MARGIN)
        if not out or lo > out[-1][1]:  # a window merged into the last needs no edge
            edge = max(first, lo - _SNAP)
            while lo > edge and not norm[lo - 1].isspace():
                lo -= 1
        edge = min(last, hi + _SNAP)
        while hi < edge and not norm[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _candidates(
    text: str, norm: str, sentence: Sentence, triggers: list[tuple[int, int]]
) -> list[Candidate]:
    found: dict[tuple[int, int, int], Candidate] = {}
    for lo, hi in _windows(norm, sentence, triggers):
        for e in find_extras(norm, lo, hi):
            if e.rule == "set" and measured_rate(norm, e.start, e.end):
                continue
            if e.rule == "ref" and _capitalised_within(text, e.start, e.end):
                continue  # "the Summit of the Future", "the Pact for the Future"
            found.setdefault((e.start, e.end, 0), Candidate(e.start, e.end, 0, extra=e))
        for raw in matches(norm, lo, hi):
            if not _plausible(text, norm, raw):
                continue
            found.setdefault((raw.start, raw.end, 1), Candidate(raw.start, raw.end, 1, raw=raw))
    return sorted(found.values(), key=lambda c: (c.start, c.start - c.end, c.rank))


def _capitalised_within(text: str, start: int, end: int) -> bool:
    """Whether a word after the first of ``text[start:end]`` has a capital: a name."""
    return any(word[:1].isupper() for word in text[start:end].split()[1:])


_COUNT_BEFORE = re.compile(
    r"(?:[$€£¥]|\b(?:about|some|over|nearly|almost|than|around|roughly|of|to|and|the\s+top)\s+)$"
)


# "three-quarters of its food": a fraction, not nine months.
_FRACTION = re.compile(r"-quarters?\b(?!\s+of\s+an?\s+(?:year|century|hour))")


# "a quarter" is three months only where time is spoken of: "for a quarter", "it took a
# quarter", "give it a quarter", "a quarter earlier"; elsewhere it is a fraction ("a
# quarter of the staff", "prices dropped a quarter"), a coin or a clock's ("a quarter to 8").
_A_QUARTER = re.compile(r"(?:a|one)\s+quarter")
_TIME_BEFORE = re.compile(
    r"\b(?:for|in|within|over|after|about|nearly|almost|than|took|take|takes|taking"
    r"|lasted|lasts|last|spent|spend|waited|wait|give\s+it|gave\s+it)\s+$"
)
_TIME_AFTER = re.compile(
    r"\s+(?:ago|earlier|later|before|after|from\s+now|or\s+(?:so|two|more))\b"
    r"(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b)"
)


# Quarters of something ("three quarters of the vote"): the amount is the quarters alone.
_QUARTERS = re.compile(r"[a-z0-9]+\s+quarters?")
_OF_AFTER = re.compile(r"\s+of\b")


# "half an hour", "a quarter of a century": a fraction of the amount, which the grammar
# does not read; the amount alone ("an hour") would be a wrong value.
_FRACTION_BEFORE = re.compile(r"\b(?:half|halves|quarters?|thirds?)\s+(?:of\s+)?$")


# A race time or a game clock, not a time of day: "won in 2:05:09", "3:43.73", "with 2:15
# left".
_NO_CLOCK_AFTER = re.compile(r"[:.]\d|\s+(?:left|remaining|to\s+go|to\s+play)\b")


_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z]+s\b(?!')|(?:people|men|women|children|staff|police|troops|personnel)\b)"
)
_NUMBER_JOINED = re.compile(r"\d[./]$")
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:from|between)\s+([12]\d{3})\s+(?:to|and|until|through)\s+$")
#: How many years the two ends of a range of years may lie apart.
_YEARS_APART = 200
_JOINED_NUMBER = re.compile(r"[./]\d")


_ORDINAL_WORD = re.compile(r"the\s+[a-z]+$")
# What an ordinal counts, when it is no day of the month: "in the 3rd round".
_COUNTED_AFTER = re.compile(
    r"\s+(?:round|floor|lap|place|time|anniversary|edition|session|plenum|congress|term"
    r"|meeting|plenary|conference|summit|forum"
    r"|grade|stage|leg|game|match|inning|innings|hole|seed|row|division|district|amendment"
    r"|century|generation|minute|hour|attempt|try|ballot|reading|straight|consecutive)s?\b"
)


#: The kinds of one calendar word that a name may hold ("the Sunday Courier", "April
#: Okoro", "the Spring Festival Gala").
_NAMEABLE = frozenset({RuleKind.WEEKDAY, RuleKind.MONTH, RuleKind.SEASON})


def _named_after(text: str, end: int) -> bool:
    """Whether a capitalised word that is no calendar word follows ``end`` ("the 14th
    National People's Congress")."""
    after = _CAPITALISED_AFTER.match(text, end)
    return after is not None and normalize(after.group(1)) not in _calendar_words()


def _in_name(text: str, raw: RawMatch) -> bool:
    """Whether one calendar word is part of a name: "the Sunday Courier", "April Okoro",
    "the Spring Festival Gala", "her Autumn Budget".

    A bare weekday, month or year followed straight away by a capitalised word that is
    not itself calendar vocabulary, and not introduced by a preposition, names something
    else.
    """
    if raw.preposition is not None or not _named_after(text, raw.end):
        return False
    before = normalize(text[max(0, raw.start - 12) : raw.start])
    return not _preposition_before().search(before)


_CAPITALISED_AFTER = re.compile(r"[ \t]([A-Z][a-z]+)\b")


@functools.cache
def _preposition_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{prepositions('date')})\s+$")


@functools.cache
def _calendar_words() -> frozenset[str]:
    lex = lexicon()
    words = set(lex.weekdays) | set(lex.months) | set(lex.seasons) | set(lex.zones)
    return frozenset(words | {"local", "time"})


def _plausible(text: str, norm: str, raw: RawMatch) -> bool:
    """Whether a grammar match in running text is a temporal expression at all.

    The resolver's grammar reads one phrase that a caller says is a date; in running text
    a few of its patterns also match ordinary words, and these checks keep them out.
    """
    core = raw.phrase.core
    kind = raw.rule.kind
    if kind in _NAMEABLE and _in_name(text, raw):
        return False
    if isinstance(core, YearRef) and raw.preposition is None and raw.phrase.mod is None:
        # A bare four-digit number: a year ("the 2025 edition", "the 2025 World AI
        # Conference", "compared with 2023"; names such as "the 2030 Agenda" are listed)
        # unless it reads as a count ("2000 delegates", "about 2000").
        head = norm[max(0, raw.start - 14) : raw.start]
        begun = _YEAR_RANGE_BEFORE.search(norm, max(0, raw.start - 24), raw.start)
        if begun is not None and 0 < core.year - int(begun.group(1)) <= _YEARS_APART:
            # "from 2023 to 2024", "between 2019 and 2021": a range's end, not a count
            # (an index "from 1200 to 1800" spans more years than such a range does)
            return not _NOUN_AFTER.match(norm, raw.end)
        return not (
            _COUNT_BEFORE.search(head)
            or _NOUN_AFTER.match(norm, raw.end)
            # the year of a numeric date the grammar did not read ("12.05.2024", whose
            # order is not known) or of a version ("2.1.2024"): no year alone
            or _NUMBER_JOINED.search(head)
            or _JOINED_NUMBER.match(norm, raw.end)
        )
    if kind is RuleKind.DAY_OF_MONTH:
        # "on the 11th" is a day; "the first such text", "the Third Forum", "in the 3rd
        # round" are not.
        words = norm[raw.start : raw.end]
        if "month" in words:
            return True
        return (
            raw.preposition is not None
            and not _ORDINAL_WORD.fullmatch(words)
            and not _COUNTED_AFTER.match(norm, raw.end)
            # "of the 14th National People's Congress": an ordinal in a name
            and not _named_after(text, raw.end)
        )
    if kind is RuleKind.SET and measured_rate(norm, raw.start, raw.end):
        return False
    if kind is RuleKind.DURATION and (
        age(norm, raw.end)
        or per_unit(norm, raw.start, raw.end)
        or _FRACTION.search(norm, raw.start, raw.end)
        or (
            norm.startswith(("a ", "an "), raw.start)
            and _FRACTION_BEFORE.search(norm, max(0, raw.start - 16), raw.start)
        )
        or (_QUARTERS.fullmatch(norm, raw.start, raw.end) and _OF_AFTER.match(norm, raw.end))
        or (
            _A_QUARTER.fullmatch(norm, raw.start, raw.end)
            and _TIME_BEFORE.search(norm, max(0, raw.start - 10), raw.start) is None
            and _TIME_AFTER.match(norm, raw.end) is None
        )
    ):
        return False
    if kind is RuleKind.CLOCK_TIME and _NO_CLOCK_AFTER.match(norm, raw.end):
        return False
    if kind is RuleKind.WEEKEND:
        # "a weekend summit" is no particular weekend.
        return norm[max(0, raw.start - 2) : raw.start] != "a "
    return True


def _reference_day(reference: date | datetime) -> date:
    if isinstance(reference, datetime):
        if reference.utcoffset() is None:
            raise PhraseError("", "the reference datetime must be timezone-aware", 0)
        return reference.date()
    if isinstance(reference, date):
        return reference
    raise PhraseError("", f"the reference must be a date, not {type(reference).__name__}", 0)


def _accepted(
    norm: str,
    sentence: Sentence,
    builder: Builder,
    index: int,
    triggers: list[tuple[int, int]],
) -> Iterator[None]:
    taken_until = sentence.start
    for cand in _candidates(builder.text, norm, sentence, triggers):
        if cand.start < taken_until:
            continue
        ok = (
            builder.extra(cand.extra, index)
            if cand.extra is not None
            else builder.grammar(cand, sentence, index)
        )
        if ok:
            taken_until = cand.end
            yield None


def extract(
    text: str,
    *,
    reference: date | datetime,
    narrative: bool = True,
    lang: str | None = None,
) -> list[Mention]:
    """Find and resolve every temporal expression in ``text``.

    Args:
        text: An article (plain text; paragraphs separated by blank lines).
        reference: The publication date (a ``date``, or an aware ``datetime`` whose own
            date is used).  Relative expressions count from it.
        narrative: Whether "the next day", "two days later" and bare clock times take
            their day from the date the text is talking about (default) rather than from
            the publication date.
        lang: The text's language, an ISO 639-1 code (``en``, ``zh``, ``fr``); by
            default detected from the text (Chinese by its script, French from English
            by its words).  Offsets are character offsets into ``text`` in every
            language.

    Returns:
        The mentions in text order, without overlaps.  Each has offsets into ``text``,
        its TIMEX3 type and value, a mod where one applies, and an explanation.

    Raises:
        PhraseError: If ``reference`` is not a date or an aware datetime.
        UnsupportedLanguageError: If ``lang`` names a language the resolver does not read.
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text)[:40], "the text to extract from must be a string", 0)
    code = check(lang) if lang is not None else detect_text(text)
    if code != ENGLISH:
        return extract_in(text, _reference_day(reference), language(code), narrative)
    norm = _blank_possessives(normalize(text))
    builder = Builder(text, norm, _reference_day(reference), narrative)
    sentences = split_sentences(text)
    triggers = _triggers_by_sentence(norm, sentences)
    for index, sentence in enumerate(sentences):
        for _ in _accepted(norm, sentence, builder, index, triggers[index]):
            pass
    return builder.mentions
