"""The trigger prefilter: the words a rule needs, and the rules a text's words leave."""

from __future__ import annotations

import pytest

from summitcal.resolver.grammar import candidates, rules
from summitcal.resolver.grammar.rules import RuleKind
from summitcal.resolver.grammar.triggers import keys, second_keys
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.text import normalize


def _holiday_rule_kept(text: str, loose: bool) -> bool:
    return any(rule.kind is RuleKind.HOLIDAY for rule in candidates(normalize(text), loose))


def test_second_keys_take_another_word_than_the_key_and_never_a_common_one() -> None:
    names = {"national day", "the ascension", "christmas", "labour day in china"}
    assert keys(names) == {"national", "ascension", "christmas", "labour"}
    common = frozenset({"the", "in"})
    assert second_keys(names, common) == {"day", "ascension", "christmas", "china"}
    # Without the common words, "the" would be the second word of "the ascension".
    assert "the" in second_keys(names)


def test_second_keys_take_a_word_that_is_no_key_when_a_name_has_one() -> None:
    """ "year" is the key of "new year": as the second word of "lunar new year" it would
    pass every text with "year" in it."""
    names = {"new year", "lunar new year"}
    assert keys(names) == {"year", "lunar"}
    assert second_keys(names) == {"new"}


@pytest.mark.parametrize("loose", [False, True])
def test_every_holiday_name_leaves_the_holiday_rule_a_candidate(loose: bool) -> None:
    """Each name holds a key and a second word of the rule, as written, capitalised or
    without its apostrophe."""
    holiday = [rule for rule in rules(loose) if rule.kind is RuleKind.HOLIDAY]
    assert len(holiday) == 1
    for name in lexicon().holidays:
        for written in (name, name.title(), name.replace("'", "")):
            text = f"Markets closed for {written} 2024, officials said."
            assert _holiday_rule_kept(text, loose), written
            assert holiday[0].pattern.search(normalize(text)), written


@pytest.mark.parametrize(
    "text",
    [
        "The national security adviser spoke in March.",
        "Chinese officials met twice this year.",
        "The talks went well on Friday.",
    ],
)
def test_a_holiday_key_without_a_second_word_leaves_the_holiday_rule_out(text: str) -> None:
    assert not _holiday_rule_kept(text, loose=False)


def test_a_key_with_a_second_word_of_another_holiday_keeps_the_rule() -> None:
    """The prefilter is per rule, not per name: a key of one name and the second word of
    another are enough (the pattern then finds no holiday)."""
    assert _holiday_rule_kept("The national team played on Christmas.", loose=False)
