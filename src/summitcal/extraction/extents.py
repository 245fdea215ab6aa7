"""TimeML's extents: where a tag starts and ends ("within <six months>", "<about ten
weeks>", a range as its two ends, a zone left outside), read from the grammar's match."""

from __future__ import annotations

import functools
import re

from summitcal.extraction.extras import (
    alternation,
    clock_pattern,
)
from summitcal.extraction.mention import TimexType
from summitcal.resolver.grammar import RawMatch, RuleKind
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.text import ABBREVIATIONS, normalize
from summitcal.span.span import Mod

__all__ = [
    "DAY_BEFORE_CLOCK",
    "RANGES",
    "bare_month",
    "clock_re",
    "duration_extent",
    "halves",
    "is_relative",
    "prepositions",
    "trailing_zone",
    "trim_end",
]


def prepositions(use: str) -> str:
    """One of the lexicon's lists of prepositions, as an alternation in its order."""
    return "|".join(lexicon().prepositions[use])


_YEAR_IN_TEXT = re.compile(r"(?<!\d)\d{4}(?!\d)")


# A month, or a month and day(s), with nothing that counts from a reference ("in March",
# "1 and 2 November", "July 6 to 8"; not "last March", "next July").
@functools.cache
def bare_month() -> re.Pattern[str]:
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(
        rf"(?:(?:{prepositions('month')})\s+)?(?:(?:early|mid|late)[\s-]+)?"
        rf"(?:{day}\s*(?:-|and|to)?\s*)*(?:{alternation(lexicon().months)})\.?"
        rf"(?:\s+{day}(?:\s*(?:-|and|to|through)\s*{day})?)?"
    )


#: The rules whose phrase is a range of days, tagged as its two ends.
RANGES = (RuleKind.MONTH_DAY_RANGE, RuleKind.WEEKDAY_RANGE)


_SEPARATOR = re.compile(r"\s*(?:-|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*")


@functools.cache
def _leading_preposition() -> re.Pattern[str]:
    return re.compile(rf"(?:{prepositions('amount')})\s+")


def _mod_pattern(words: str) -> re.Pattern[str]:
    spaced = words.replace(" ", r"\s+")
    return re.compile(rf"(?<![\w-])({spaced})\s+$")


@functools.cache
def _inside_mods() -> tuple[tuple[re.Pattern[str], Mod], ...]:
    mods = sorted(lexicon().amount_mods.items(), key=lambda x: -len(x[0]))
    return tuple((_mod_pattern(w), Mod(m)) for w, m in mods)


@functools.cache
def _outside_mods() -> tuple[tuple[re.Pattern[str], Mod | None], ...]:
    mods = sorted(lexicon().outside_mods.items(), key=lambda x: -len(x[0]))
    return tuple((_mod_pattern(w), Mod(m) if m else None) for w, m in mods)


_THE_BEFORE = re.compile(r"(?<![\w-])the\s+(?:(?:whole|entire|full)\s+)?$")


def duration_extent(text: str, start: int, end: int) -> tuple[int, Mod | None]:
    """Move a duration's start past a preposition and over an amount word before it."""
    m = _leading_preposition().match(normalize(text[start:end]))
    if m is not None and start + m.end() < end:
        start += m.end()
    window = max(0, start - 24)
    before = normalize(text[window:start])
    if normalize(text[start : start + 4]) == "the ":
        return start, None  # "about the next 12 months": "about" is not an amount here
    the = _THE_BEFORE.search(before)
    if the is not None and "-" not in text[start:end]:
        return window + the.start(), None  # "for the whole week", "over the six days"
    for pattern, mod in _outside_mods():  # "a little over": said before, kept outside
        if pattern.search(before):
            return start, mod
    for pattern, mod in _inside_mods():
        found = pattern.search(before)
        if found is not None:
            return window + found.start(1), mod
    return start, None


def trim_end(text: str, start: int, end: int, zone_at: int | None = None) -> int:
    """Leave a full stop and a zone phrase out of a phrase.

    "on Friday." ends before the dot (an abbreviation's own dot stays: "Feb.", "a.m."),
    and "20:19 Beijing time" ends before the zone, which TimeML keeps outside the tag:
    ``zone_at`` is where the zone's words (and a comma before them) start, if the
    phrase ends with a zone the grammar read.
    """
    if zone_at is not None and start < zone_at < end:
        end = zone_at
    if end - start < 2 or text[end - 1] != ".":  # normalising never makes a dot
        return end
    piece = normalize(text[start:end])
    if not piece.endswith(("a.m.", "p.m.")):
        words = piece[:-1].split()
        if words and words[-1] not in ABBREVIATIONS:
            end -= 1
    return end


def trailing_zone(norm: str, raw: RawMatch) -> tuple[int, int] | None:
    """(end of the phrase, where its trailing zone's words start), if it ends with a zone."""
    zone = raw.part("zn", "zno")
    if zone is None or zone[1] != raw.end:
        return None
    at = zone[0]
    while at > raw.start and norm[at - 1].isspace():
        at -= 1
    if at > raw.start and norm[at - 1] == ",":
        at -= 1
    return raw.end, at


@functools.cache
def clock_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w:])(?:{clock_pattern()})")


# The words before a phrase's first clock time that name its day ("Saturday, from").
DAY_BEFORE_CLOCK = re.compile(r"(?P<day>.*?[^\s,])\s*,?\s+(?:from\s+|at\s+|between\s+)?$")


def is_relative(kind: TimexType, text: str) -> bool:
    return kind in (TimexType.DATE, TimexType.TIME) and not _YEAR_IN_TEXT.search(text)


def halves(norm: str, raw: RawMatch) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A range's two ends as the grammar found them, when TimeML tags them apart.

    A range joined by "&", or by a word that runs into its neighbours ("6to7"), stays
    one expression.
    """
    halves = raw.halves()
    if halves is None:
        return None
    sep = _SEPARATOR.match(norm, halves[0][1])
    return halves if sep is not None and sep.end() == halves[1][0] else None
