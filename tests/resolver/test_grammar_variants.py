"""The day-level patterns made for a text without clock times or zone words (see
fragments.compose) find what the whole patterns find there, with the same groups."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.resolver.grammar import rules
from summitcal.resolver.grammar.fixed import fixed_phrases
from summitcal.resolver.grammar.fragments import CLOCK, DECORATIONS, ZONE
from summitcal.resolver.grammar.match import _triggers
from summitcal.resolver.grammar.rules import Rule
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.text import normalize

DATA = Path(__file__).resolve().parents[1] / "data"
DAY_RULES = [rule for rule in rules() if rule.day_level]


def held(norm: str) -> int:
    """The decorations ``norm`` may hold, as the trigger table tells them."""
    return _triggers().decorations(norm)


def readings(pattern: re.Pattern[str], norm: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    """Each match's span and the groups that took part."""
    return [
        (m.span(), {k: v for k, v in m.groupdict().items() if v is not None})
        for m in pattern.finditer(norm)
    ]


def same_as_whole(rule: Rule, norm: str) -> None:
    variant = rule.pattern_for(held(norm))
    assert readings(variant, norm) == readings(rule.pattern, norm), (rule.name, norm)
    whole = rule.pattern.fullmatch(norm)
    part = variant.fullmatch(norm)
    assert (part and part.span()) == (whole and whole.span()), (rule.name, norm)


def test_a_text_without_decorations_gets_a_shorter_pattern() -> None:
    weekday = next(rule for rule in DAY_RULES if rule.name == "weekday")
    assert held("on friday, delegates said") == 0
    assert held("we meet on friday") == 0  # "et" is a zone word, but not inside a word
    assert held("friday at 9 a.m.") == CLOCK
    assert held("friday at noon") == CLOCK
    assert held("friday 0800 hrs") == CLOCK
    assert held("friday at noon beijing time") == CLOCK | ZONE
    assert held("friday, u.s. local time") == CLOCK | ZONE
    assert len(weekday.pattern_for(0).pattern) < len(weekday.pattern.pattern) / 3
    assert weekday.pattern_for(DECORATIONS) is weekday.pattern


def _case_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATA.glob("resolve_*.toml")):
        for case in tomllib.loads(path.read_text("utf-8"))["case"]:
            texts.append(case["phrase"])
            if case.get("context"):
                texts.append(case["context"])
    return texts


@pytest.mark.parametrize("rule", DAY_RULES, ids=lambda rule: rule.name)
def test_variants_read_the_cases_and_fixed_phrases_as_the_whole_pattern(rule: Rule) -> None:
    for text in [*fixed_phrases(lexicon()), *_case_texts()]:
        same_as_whole(rule, normalize(text))


_lex = lexicon()
_WORDS = sorted(
    {
        *_lex.weekdays,
        *_lex.months,
        *_lex.parts_of_day,
        *_lex.clock_words,
        *_lex.zones,
        *_lex.day_words,
        *_lex.holidays,
        "local time",
        "on",
        "at",
        "from",
        "to",
        "the",
        "of",
        "9",
        "14:30",
        "0800",
        "a.m.",
        "p.m.",
        "11th",
        "2025",
        "-",
        ",",
        "hrs",
    }
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), st.sampled_from([" ", ""]))
def test_variants_match_as_the_whole_pattern_on_any_words(words: list[str], glue: str) -> None:
    # Words run together as well as apart: a clock or zone word inside another word must
    # still count.
    text = glue.join(words)
    for rule in DAY_RULES:
        same_as_whole(rule, normalize(text))
