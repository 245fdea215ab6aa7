"""Fixed expressions: the closed-class date phrases, looked up instead of matched.

Most date phrases in news are a few words from closed lists: "on Friday", "last year",
"next week", "Christmas", "this summer", "early next month".  The grammar reads them like
any other phrase, but trying its patterns costs about as much as all the rest of
resolving.  So :func:`summitcal.resolver.grammar.parse` has the grammar read the phrases
listed here once (those with the same first word together, when the first of them is
needed) and keeps what the grammar made of each in a table keyed by the normalised words;
a phrase outside the table goes through the patterns.  Every meaning comes from the
grammar itself: this module only lists words.

The phrases are listed without a preposition.  One of :func:`one_word_prepositions` before a listed
phrase ("on Friday", "in the spring") is looked up without it; the tests check, for every
listed phrase and each of these prepositions, that the patterns read the pair the same way.

Example::

    >>> from summitcal.resolver.lexicon import lexicon
    >>> "last year" in fixed_phrases(lexicon())
    True
"""

from __future__ import annotations

import functools
from collections import defaultdict

from summitcal.errors import PhraseError
from summitcal.resolver.grammar.match import parse_by_rules
from summitcal.resolver.lexicon import Lexicon, lexicon
from summitcal.resolver.phrase import Phrase

__all__ = ["fixed_phrases", "one_word_prepositions"]


@functools.cache
def one_word_prepositions() -> frozenset[str]:
    """The grammar's single-word prepositions ("as of" and the like go through the
    patterns)."""
    return frozenset(w for w in lexicon().prepositions["phrase"] if " " not in w)


# The words the grammar puts before or after a calendar word (see grammar.english).
_WEEKDAY_RELS = ("last", "next", "this", "coming", "past", "this coming", "the coming")
_WEEK_STEPS = ("next", "last", "this", "the following", "the previous")
_YEAR_RELS = ("last", "next", "this")
_SEASON_RELS = ("this", "last", "next", "the coming", "coming", "the past", "past", "the")
_WEEKEND_RELS = ("this", "last", "next", "the coming", "coming", "past", "the")
_UNITS = ("week", "month", "year", "quarter", "decade")


def fixed_phrases(lex: Lexicon) -> list[str]:
    """The listed phrases, normalised (lower case, single spaces), in a fixed order.

    Some may be no date at all to the grammar ("the year"); the table leaves those out.
    """
    phrases: list[str] = [*lex.day_words, "weekend", *(f"{r} weekend" for r in _WEEKEND_RELS)]
    for day in lex.weekdays:
        phrases.append(day)
        phrases += [f"{rel} {day}" for rel in _WEEKDAY_RELS]
        phrases += [f"{day} {step} week" for step in _WEEK_STEPS]
    for month in lex.months:
        phrases.append(month)
        phrases += [f"{rel} {month}" for rel in _YEAR_RELS]
        phrases += [f"{month} {rel} year" for rel in _YEAR_RELS]
    for holiday in lex.holidays:
        phrases.append(holiday)
        phrases += [f"{rel} {holiday}" for rel in _YEAR_RELS]
    for season in lex.seasons:
        phrases.append(season)
        phrases += [f"{rel} {season}" for rel in _SEASON_RELS]
    units = [f"{rel} {unit}" for rel in lex.relative for unit in _UNITS]
    units += [f"{side} this {unit}" for side in sorted(lex.within) for unit in _UNITS]
    phrases += units
    # "early next year", "mid-2025" is digits; "the end of this month", "late last week"
    near = [f"{rel} {unit}" for rel in _YEAR_RELS for unit in ("week", "month", "year")]
    for fuzzy in lex.fuzzy:
        phrases += [f"{fuzzy} {phrase}" for phrase in near]
        phrases += [f"{fuzzy} {season}" for season in lex.seasons]
    phrases += [f"mid-{phrase}" for phrase in near]
    phrases += _spelt_out(lex)
    phrases += _month_days(lex)
    return list(dict.fromkeys(phrases))


_SUFFIXES = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _month_days(lex: Lexicon) -> list[str]:
    """Days of a month without a year, as news writes them: "February 11", "Feb. 11",
    "11 February", "Feb 11th" (February 30 and the like are refused by the grammar)."""
    full = set(lex.month_names)
    months = [*lex.months, *(f"{m}." for m in lex.months if m not in full)]
    phrases = []
    for day in range(1, 32):
        for number in (str(day), f"{day}{_SUFFIXES.get(day, 'th')}"):
            for month in months:
                phrases += [f"{month} {number}", f"{number} {month}"]
    return phrases


# The words of the longer fixed expressions (see _spelt_out).
_COUNTS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNT_UNITS = ("day", "week", "month", "year")
_RANGES = ("{} to {}", "{} through {}", "from {} to {}", "from {} through {}", "between {} and {}")
_PARTS = ("morning", "afternoon", "evening", "night")
_PARTS_OF_YEAR = (
    "the first quarter",
    "the second quarter",
    "the third quarter",
    "the fourth quarter",
    "the final quarter",
    "the first half",
    "the second half",
)


def _spelt_out(lex: Lexicon) -> list[str]:
    """The longer fixed expressions, with full names only: weekday ranges ("from Sunday
    to Wednesday"), parts of days ("Monday morning"), "late May", "the end of the year",
    "the third quarter (of the year)", "three days ago" and "in two weeks"."""
    days, months = lex.weekday_names, lex.month_names
    phrases = [form.format(a, b) for a in days for b in days if a != b for form in _RANGES]
    phrases += [f"{day} {part}" for day in (*days, "yesterday", "tomorrow") for part in _PARTS]
    for fuzzy in lex.fuzzy:
        phrases += [f"{fuzzy} {month}" for month in months]
        phrases += [f"{fuzzy} the {unit}" for unit in ("week", "month", "year")]
    phrases += [f"mid-{month}" for month in months]
    phrases += [f"{part}{tail}" for part in _PARTS_OF_YEAR for tail in ("", " of the year")]
    for count in _COUNTS:
        for unit in _COUNT_UNITS:
            units = unit if count in ("a", "one") else f"{unit}s"
            phrases += [f"{count} {units} ago", f"in {count} {units}"]
    phrases += [f"a week from {day}" for day in (*days, "today", "tomorrow")]
    return phrases


@functools.cache
def fixed_groups() -> dict[tuple[str, int], tuple[str, ...]]:
    """The fixed expressions by their first word and their number of words (so that
    "Friday" is read without "Friday to Monday", which needs other rules compiled)."""
    groups: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for phrase in fixed_phrases(lexicon()):
        words = phrase.split(" ")
        groups[words[0], len(words)].append(phrase)
    return {key: tuple(phrases) for key, phrases in groups.items()}


@functools.cache
def fixed_group(group: tuple[str, int]) -> dict[str, tuple[Phrase, int, int]]:
    """What the rules make of one group of fixed expressions (see :func:`fixed_groups`).

    Each group is read when first needed, as each rule's pattern is compiled when first
    needed, so one phrase parsed does not pay for the whole table.
    """
    table: dict[str, tuple[Phrase, int, int]] = {}
    for phrase in fixed_groups()[group]:
        try:
            read = parse_by_rules(phrase, phrase, 0, len(phrase))
        except PhraseError:  # no date to the grammar ("the year"): left to the rules
            continue
        # One the rules read with a preposition of its own ("from" in "from Monday to
        # Tuesday") is left out: another before it ("about from ...") would move its body.
        # It is still found, by its remainder after that preposition.
        if read[1] == 0:
            table[phrase] = read
    return table


def fixed_table() -> dict[str, tuple[Phrase, int, int]]:
    """The whole table (every group read)."""
    return {key: read for group in fixed_groups() for key, read in fixed_group(group).items()}
