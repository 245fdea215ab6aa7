"""The fixed-expression table reads every phrase exactly as the grammar's patterns do."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.errors import PhraseError
from summitcal.resolver import clear_caches, grammar
from summitcal.resolver.grammar import fragments
from summitcal.resolver.grammar.fixed import fixed_phrases, fixed_table, one_word_prepositions
from summitcal.resolver.grammar.match import bounds, parse_by_rules
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.text import normalize


def _by_rules(text: str) -> object:
    """What the patterns alone make of ``text`` (as parse would, without the table)."""
    norm = normalize(text)
    lo, hi = bounds(norm)
    try:
        if lo >= hi:
            raise PhraseError(text, "empty phrase", 0)
        return parse_by_rules(text, norm, lo, hi)
    except PhraseError as exc:
        return ("error", str(exc), exc.position)


def _parsed(text: str) -> object:
    clear_caches()
    try:
        return grammar.parse(text)
    except PhraseError as exc:
        return ("error", str(exc), exc.position)


def _grammar_prepositions() -> list[str]:
    return [p for p in fragments.prepositions(lexicon()).split("|") if "\\" not in p]


def test_prepositions_are_the_grammars_single_words() -> None:
    assert one_word_prepositions() == {p for p in _grammar_prepositions() if " " not in p}


def test_every_entry_with_every_preposition_reads_as_by_the_patterns() -> None:
    table = fixed_table()
    assert len(table) > 1000
    for key in table:
        for prep in ("", *_grammar_prepositions()):
            text = f"{prep} {key}".strip()
            assert _parsed(text) == _by_rules(text), text


def test_listed_phrases_the_grammar_refuses_stay_out_of_the_table() -> None:
    table = fixed_table()
    for phrase in fixed_phrases(lexicon()):
        if phrase not in table:
            read = _by_rules(phrase)
            # Refused, or read with a preposition of its own ("from Monday to Tuesday").
            assert isinstance(read, tuple)
            assert read[0] == "error" or read[1] > 0, phrase


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("On Friday", "friday"),
        ("last year", "last year"),
        ("from Sunday to Wednesday", "sunday to wednesday"),
        ("three days ago,", "three days ago"),
        ("  late May ", "late may"),
        ("in the spring", "the spring"),
        ("Monday morning", "monday morning"),
    ],
)
def test_common_phrases_come_from_the_table(text: str, key: str) -> None:
    """The table is used (the very object it holds comes back), at the right place."""
    clear_caches()
    phrase, start, end = grammar.parse(text)
    assert grammar.is_fixed(text)
    assert phrase is fixed_table()[key][0]
    assert normalize(text)[start:end] == key


WORDS = [
    *lexicon().weekday_names,
    "May",
    "march",
    "Christmas",
    "summer",
    "last",
    "next",
    "this",
    "the",
    "year",
    "week",
    "ago",
    "two",
    "days",
    "from",
    "to",
    "on",
    "in",
    "about",
    "late",
    "morning",
    ".",
    ",",
    "11",
    "",
]


@pytest.mark.parametrize("text", ["Friday morning Beijing time", "on Friday.", "May 2024", "x"])
def test_other_phrases_go_through_the_patterns(text: str) -> None:
    assert not grammar.is_fixed(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.sampled_from([" ", "  "]))
def test_any_text_reads_as_by_the_patterns(words: list[str], space: str) -> None:
    text = space.join(words)
    assert _parsed(text) == _by_rules(text)
