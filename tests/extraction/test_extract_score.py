"""The TempEval-3 style scorer: strict and relaxed span matching, values, micro sums."""

from __future__ import annotations

import pytest

from summitcal.extraction.score import Scores, pair, score


def test_exact_overlapping_and_missing_spans_count_apart() -> None:
    gold = [(0, 6, "DATE", "2025-02-07"), (10, 25, "DURATION", "P2W"), (30, 35, "DATE", "2025")]
    system = [
        (0, 6, "DATE", "2025-02-07"),  # exact, right value
        (16, 25, "DURATION", "P3W"),  # overlaps "about two weeks", wrong value
        (40, 44, "DATE", "2024"),  # spurious
        (50, 55, "SET", "P1Y"),  # spurious
    ]
    s = score(gold, system)
    assert (s.gold, s.system) == (3, 4)
    assert s.strict_matches == 1
    assert s.relaxed_matches == 2
    assert s.value_correct == 1
    assert s.strict.precision == pytest.approx(1 / 4)
    assert s.strict.recall == pytest.approx(1 / 3)
    assert s.relaxed.f1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert s.value_accuracy == pytest.approx(1 / 2)
    # TempEval-3 attribute F1 is value accuracy times relaxed F1.
    assert s.value.f1 == pytest.approx(s.value_accuracy * s.relaxed.f1)


def test_one_system_span_cannot_match_two_gold_spans() -> None:
    # "Feb. 6-7" tagged as one span against gold "Feb. 6" and "7".
    gold = [(0, 6, "DATE", "2025-02-06"), (7, 8, "DATE", "2025-02-07")]
    s = score(gold, [(0, 8, "DATE", "2025-02-06/2025-02-07")])
    assert s.relaxed_matches == 1
    assert s.strict_matches == 0
    assert s.value_correct == 0


def test_exact_matches_are_paired_before_overlaps() -> None:
    gold = [(0, 10, "DATE", "a"), (5, 10, "DATE", "b")]
    system = [(5, 10, "DATE", "b"), (0, 4, "DATE", "a")]
    assert pair(gold, system) == [(0, 1), (1, 0)]
    assert score(gold, system).strict_matches == 1


def test_empty_sides_give_zero_not_an_error() -> None:
    assert score([], []).strict.f1 == 0.0
    assert score([(0, 1, "DATE", "x")], []).relaxed.recall == 0.0
    assert score([], [(0, 1, "DATE", "x")]).value_accuracy == 0.0


def test_scores_add_up_as_a_micro_average() -> None:
    a = score([(0, 3, "DATE", "x")], [(0, 3, "DATE", "x")])
    b = score([(0, 3, "DATE", "y"), (5, 8, "DATE", "z")], [(0, 3, "DATE", "q")])
    total = a + b
    assert total == Scores(
        gold=3, system=2, strict_matches=2, relaxed_matches=2, value_correct=1, type_correct=2
    )
    assert total.strict.recall == pytest.approx(2 / 3)
    assert "strict span" in total.summary()


def test_objects_with_start_end_type_and_timex_are_scored() -> None:
    from summitcal.extraction.mention import Mention, TimexType

    m = Mention(start=0, end=3, text="May", type=TimexType.DATE, timex="2025-05")
    s = score([m], [(0, 3, "DATE", "2025-05")])
    assert s.value_correct == 1
    assert s.type_correct == 1
