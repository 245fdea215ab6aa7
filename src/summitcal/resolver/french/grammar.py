"""Reading French date phrases: one phrase whole (:func:`parse`), or every phrase in
running text (:func:`matches`).

Example::

    >>> phrase, start, end = parse("le 9 février 2025")
    >>> phrase.core, (start, end)
    (MonthDay(month=2, day=9, year=2025, year_step=None, weekday=None), (3, 17))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from summitcal.errors import PhraseError
from summitcal.resolver.french.builders import NoParse
from summitcal.resolver.french.lexicon import fold, french
from summitcal.resolver.french.rules import FrenchRule, rules
from summitcal.resolver.memo import per_phrase_parse
from summitcal.resolver.phrase import DayWord, HolidayRef, Phrase

__all__ = ["Match", "matches", "parse"]

# What may surround a phrase handed over alone: spaces and punctuation.
_EDGES = " \t\n,;:!?«»\"'()[]—-"


@per_phrase_parse
def parse(text: str) -> tuple[Phrase, int, int]:
    """Read ``text`` as one French date phrase (the whole text must be the phrase).

    Returns:
        The phrase, and where its own words start and end in ``text`` (a preposition
        before them, such as "le", "en" or "à", and the surrounding spaces and
        punctuation are left out).

    Raises:
        PhraseError: If no French rule reads the whole text, or its words name no date;
            the position points at the first word the grammar does not know.
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text), "a phrase is a string", 0)
    norm = fold(text)
    lo, hi = _bounds(norm)
    body = norm[lo:hi]
    reasons: list[str] = []
    for candidate in (body, body.rstrip(".")) if body.endswith(".") else (body,):
        for rule in rules():
            m = rule.pattern.fullmatch(candidate)
            if m is None:
                continue
            try:
                phrase = rule.build(m)
            except NoParse as exc:
                reasons.append(str(exc))
                continue
            return _as_written(phrase, m, text, lo), lo + m.start("c"), lo + m.end("c")
    reason = reasons[0] if reasons else "no French date phrase reads these words"
    raise PhraseError(text, reason, _unknown_word(norm, lo, hi))


def _as_written(phrase: Phrase, m: re.Match[str], text: str, shift: int) -> Phrase:
    """``phrase`` with its holiday or day word as ``text`` writes it (the match read the
    folded text), for explanations that name the French words."""
    core = phrase.core
    if isinstance(core, HolidayRef):
        start, end = m.span("hol")
        return attrs.evolve(phrase, core=attrs.evolve(core, name=text[shift + start : shift + end]))
    if isinstance(core, DayWord) and "dw" in m.re.groupindex and m.group("dw"):
        start, end = m.span("dw")
        return attrs.evolve(phrase, core=attrs.evolve(core, word=text[shift + start : shift + end]))
    if isinstance(core, DayWord) and core.word.startswith("this "):
        start, end = m.span("c")
        return attrs.evolve(phrase, core=attrs.evolve(core, word=text[shift + start : shift + end]))
    return phrase


def _bounds(norm: str) -> tuple[int, int]:
    lo, hi = 0, len(norm)
    while lo < hi and norm[lo] in _EDGES:
        lo += 1
    while hi > lo and norm[hi - 1] in _EDGES and norm[hi - 1] not in "'-":
        hi -= 1
    return lo, hi


_WORD = re.compile(r"[\w'-]+")


@functools.cache
def _known_words() -> frozenset[str]:
    lex = french()
    words: set[str] = set()
    for table in (
        lex.weekdays,
        lex.months,
        lex.day_words,
        lex.parts_of_day,
        lex.clock_words,
        lex.seasons,
        lex.units,
        lex.relative,
        lex.cardinals,
        lex.ordinals,
        lex.holidays,
        lex.zones,
    ):
        for key in table:
            words.update(_WORD.findall(key))
    return frozenset(words)


def _unknown_word(norm: str, lo: int, hi: int) -> int:
    """Where the first word no French rule knows starts (``lo`` if all are known)."""
    known = _known_words()
    for m in _WORD.finditer(norm, lo, hi):
        word = m.group()
        if not word.isdigit() and word not in known and len(word) > 3:
            return m.start()
    return lo


@attrs.frozen
class Match:
    """A French phrase found in running text.

    Attributes:
        start: Where the phrase starts (its preposition left out).
        end: Where it ends.
        rule: The rule's name.
        phrase: What it means.
        parts: For a phrase naming two days ("les 15 et 16 mars", "de mercredi à
            samedi"), where each of them is written; otherwise empty.
        preposition: The preposition before it, folded, if any.
    """

    start: int
    end: int
    rule: str
    phrase: Phrase
    parts: tuple[tuple[int, int], ...] = ()
    preposition: str | None = None


def matches(text: str) -> Iterator[Match]:
    """Every French date phrase in ``text``, left to right, without overlaps.

    Where phrases overlap, the longest wins ("du dimanche au mercredi" over "dimanche"),
    and among equals the earlier rule.  Names are not checked here (see
    :mod:`.names`).
    """
    norm = fold(text)
    found: list[tuple[int, int, int, re.Match[str], Phrase, FrenchRule]] = []
    for index, rule in enumerate(rules()):
        if not rule.in_text:
            continue
        for m in rule.in_text_pattern.finditer(norm):
            start, end = m.span()
            try:
                phrase = rule.build(m)
            except NoParse:
                continue
            found.append((start, -(end - start), index, m, _as_written(phrase, m, text, 0), rule))
    found.sort(key=lambda item: item[:3])
    last_end = -1
    for start, size, _, m, phrase, rule in found:
        if start < last_end:
            continue
        last_end = start - size
        parts = tuple(m.span(g) for g in ("a", "b") if g in m.re.groupindex and m.group(g))
        prep = m.group("prep")
        yield Match(
            m.start("c"), m.end("c"), rule.name, phrase, parts, None if prep is None else prep
        )
