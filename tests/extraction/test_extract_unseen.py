"""extract() on the held-out TimeML corpus (tests/data/articles_unseen), written apart from
the extractor: floors a little under what is measured now (strict span F1 95.7, relaxed
span F1 97.5, value accuracy 92.7, value F1 90.3; when first scored: 92.5, 95.5, 88.7,
84.7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitcal.extraction.evaluate import evaluate
from summitcal.extraction.score import Scores

UNSEEN = sorted((Path(__file__).parents[1] / "data" / "articles_unseen").glob("*.tml"))
FLOORS = {"strict_f1": 0.94, "relaxed_f1": 0.96, "value_accuracy": 0.91, "value_f1": 0.88}


@pytest.fixture(scope="module")
def total() -> Scores:
    assert len(UNSEEN) == 12, "the held-out corpus has twelve articles"
    return evaluate(UNSEEN).total


def test_span_scores_stay_above_their_floors(total: Scores) -> None:
    assert total.strict.f1 >= FLOORS["strict_f1"], total.strict
    assert total.relaxed.f1 >= FLOORS["relaxed_f1"], total.relaxed


def test_value_scores_stay_above_their_floors(total: Scores) -> None:
    assert total.value_accuracy >= FLOORS["value_accuracy"], total.value_accuracy
    assert total.value.f1 >= FLOORS["value_f1"], total.value


def test_every_gold_tag_is_counted(total: Scores) -> None:
    """The corpus is read whole: 340 gold TIMEX3 in the twelve articles."""
    assert total.gold == 340
