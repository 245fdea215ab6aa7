"""resolve_match: a phrase the grammar found in running text, anchored without a second
parse, gives what resolve_in_context gives for the same words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from summitcal.errors import PhraseError
from summitcal.resolver import Resolution, resolve_in_context, resolve_match
from summitcal.resolver.grammar import matches
from summitcal.resolver.text import normalize

REF = date(2025, 2, 12)
TEXTS = [
    "The envoy arrived in Paris on Sunday and will leave on Wednesday.",
    "The session is in the evening, starting at 8:30 p.m. Seoul time.",
    "Talks ran from Feb. 6-7, and resume in two weeks.",
    "Theresa May said so on Friday.",
    "Ministers met on Monday at 3 p.m. and again the day after tomorrow.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_as_resolving_the_words(text: str) -> None:
    for match in matches(normalize(text)):
        found = _outcome(resolve_match, match, text, reference=REF)
        words = _outcome(resolve_in_context, text, match.start, match.end, reference=REF)
        assert found == words


def _outcome(call: Callable[..., Resolution], *args: object, **kwargs: object) -> object:
    try:
        return call(*args, **kwargs)
    except PhraseError as exc:
        return exc.args


def test_a_body_after_a_preposition_that_opens_with_one_is_read_alone() -> None:
    text = "Talks start tonight, starting at 8:30 p.m."
    (match,) = [m for m in matches(normalize(text)) if m.preposition == "starting"]
    assert match.reread
    assert text[match.start : match.end] == "at 8:30 p.m."
