"""The clause of a sentence that holds a phrase, for reading the phrase's tense.

A phrase takes its direction from the verb of its own clause, so the tense reader
(:mod:`summitcal.resolver.tense`) first cuts the sentence down to that clause: at the
marks below, at an "and" that joins two clauses, at a "that" that opens one, and at the
comma that closes a ", which" or ", who" clause.
"""

from __future__ import annotations

import functools
import re

from summitcal.resolver.lexicon import lexicon

__all__ = ["clause"]

# A word: letters, with inner apostrophes or hyphens ("won't", "co-host").
_WORD = re.compile(r"[a-z]++(?:['-][a-z]++)*+")


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The prepositions that glue words after "and" to a date, and the calendar's words."""
    lex = lexicon()
    glue = frozenset(lex.prepositions["date_glue"])
    return glue, frozenset([*lex.weekdays, *lex.months, *lex.seasons])


# Where a clause ends: a semicolon; "but", "while", "whereas"; a comma before "and" or a
# relative "which"/"who"; and "and" before a word that is no part of a date ("arrived on
# Sunday and will leave on Wednesday", not "on Sunday and Monday").  Found with str.find:
# a pattern tried at every position costs more than the whole cue search.
_BREAKS = (";", " but ", " while ", " whereas ", ", and ", ", which ", ", who ")
_AND = " and "
_DATE_WORDS_AFTER_AND = frozenset({"the", "early", "late", "mid", "last", "next", "this"})


_RELATIVE = (", which ", ", who ")
# "that" opens a clause of its own ("said on Friday that talks will resume", "the plan that
# was approved on Monday") unless it points at a time ("that day", "that week").
_THAT = " that "
_THAT_POINTS_AT = frozenset(
    {"day", "week", "month", "year", "time", "morning", "afternoon", "evening", "night"}
    | {"weekend", "period", "quarter", "season", "date", "same"}
)


def _that_breaks(norm: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """``lo..hi`` narrowed to the nearest clause-opening "that" on each side."""
    k = norm.rfind(_THAT, lo, start)
    while k >= 0:
        if _opens_clause(norm, k + len(_THAT)):
            lo = k + len(_THAT)
            break
        k = norm.rfind(_THAT, lo, k)
    k = norm.find(_THAT, end, hi)
    while k >= 0:
        if _opens_clause(norm, k + len(_THAT)):
            hi = k
            break
        k = norm.find(_THAT, k + 1, hi)
    return lo, hi


def _opens_clause(norm: str, at: int) -> bool:
    """Whether the "that" whose next word starts at ``at`` opens a clause."""
    word = _WORD.match(norm, at)
    return word is None or (word.group() not in _THAT_POINTS_AT and word.group() not in _words()[1])


def _and_breaks(norm: str, at: int) -> bool:
    """Whether the "and" whose next word starts at ``at`` joins two clauses."""
    word = _WORD.match(norm, at)
    if word is None:
        return False
    w = word.group()
    glue, dates = _words()
    return w not in glue and w not in _DATE_WORDS_AFTER_AND and w not in dates


def clause(norm: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence ``norm`` that holds the phrase at ``start..end``."""
    lo, hi = 0, len(norm)
    relative = False  # whether the clause opens with ", which" or ", who"
    # Most sentences hold none of the marks: a few substring tests rule them all out (a
    # pattern search costs more); " wh" stands for the four marks that hold it.
    if ";" in norm or " but " in norm or " wh" in norm or ", and " in norm:
        for mark in _BREAKS:
            k = norm.rfind(mark, lo, start)
            if k >= 0:
                lo = k + len(mark)
                relative = mark in _RELATIVE
            k = norm.find(mark, end, hi)
            if k >= 0:
                hi = k
    if relative:  # ", which was suspended on Saturday, is expected to ...": up to the comma
        k = norm.find(",", end, hi)
        if k >= 0:
            hi = k
    if _THAT in norm:
        lo, hi = _that_breaks(norm, start, end, lo, hi)
    if _AND not in norm:  # as for the marks: most sentences hold no "and"
        return lo, hi
    k = norm.rfind(_AND, lo, start)
    while k >= 0:
        if _and_breaks(norm, k + 5):
            lo = k + 5
            break
        k = norm.rfind(_AND, lo, k)
    k = norm.find(_AND, end, hi)
    while k >= 0:
        if _and_breaks(norm, k + 5):
            hi = k
            break
        k = norm.find(_AND, k + 1, hi)
    return lo, hi
