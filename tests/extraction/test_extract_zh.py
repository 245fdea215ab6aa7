"""extract() on Chinese articles (tests/data/zh/articles, written apart from the
extractor): floors at what it measures now (strict span F1 98.9, relaxed span F1 98.9,
value accuracy 100.0, value F1 98.9; before Chinese was read: nothing found), and the
TimeML conventions of Chinese extents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summitcal.extraction import extract
from summitcal.extraction.evaluate import evaluate
from summitcal.extraction.score import Scores
from summitcal.extraction.timeml import parse_timeml, to_timeml
from summitcal.span.span import Mod

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "zh" / "articles").glob("*.tml"))
FLOORS = {"strict_f1": 0.98, "relaxed_f1": 0.98, "value_accuracy": 1.0, "value_f1": 0.98}


@pytest.fixture(scope="module")
def total() -> Scores:
    assert len(ARTICLES) == 4, "the development corpus has four articles"
    return evaluate(ARTICLES).total


def test_span_scores_stay_above_their_floors(total: Scores) -> None:
    assert total.strict.f1 >= FLOORS["strict_f1"], total.strict
    assert total.relaxed.f1 >= FLOORS["relaxed_f1"], total.relaxed


def test_value_scores_stay_above_their_floors(total: Scores) -> None:
    assert total.value_accuracy >= FLOORS["value_accuracy"], total.value_accuracy
    assert total.value.f1 >= FLOORS["value_f1"], total.value


def test_every_gold_tag_is_counted(total: Scores) -> None:
    assert total.gold == 43


TEXT = "气象台预计，24日晚至26日有暴雨。今年春节来得较晚，为期两天的论坛于3月5日至7日举行。"


def _found() -> list[tuple[str, str, int | None]]:
    return [(m.text, m.timex, m.anchor) for m in extract(TEXT, reference=date(2024, 1, 20))]


def test_range_ends_are_two_expressions_the_second_anchored_on_the_first() -> None:
    found = _found()
    assert found[:2] == [("24日晚", "2024-01-24TEV", None), ("26日", "2024-01-26", 0)]
    assert found[-2:] == [("3月5日", "2024-03-05", None), ("7日", "2024-03-07", 5)]


def test_a_dated_holiday_is_its_year_and_the_holiday() -> None:
    assert _found()[2:4] == [("今年", "2024", None), ("春节", "2024-02-10", None)]


def test_offsets_are_character_offsets_and_timeml_round_trips() -> None:
    mentions = extract(TEXT, reference=date(2024, 1, 20))
    assert all(TEXT[m.start : m.end] == m.text for m in mentions)
    doc = parse_timeml(to_timeml(TEXT, mentions, dct=date(2024, 1, 20), docid="zh"))
    assert doc.text == TEXT
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [
        (m.start, m.end, m.timex) for m in mentions
    ]


def test_a_zone_word_stays_outside_the_expression() -> None:
    text = "北京时间10日上午，中国队以2比0战胜对手。"
    (m,) = extract(text, reference=date(2025, 6, 10))
    assert (m.text, m.timex) == ("10日上午", "2025-06-10TMO")
    assert m.span is not None
    assert m.span.zone == "Asia/Shanghai"  # kept, though the zone word stays outside


def test_words_that_hold_a_unit_are_no_amounts() -> None:
    """70周年 (an anniversary), 18周岁 (an age), 3年级 (a school year); 已过去 is a verb."""
    text = "建校70周年之际，18周岁的3年级学生说，距上次夺冠已过去5年。"
    assert [(m.text, m.timex) for m in extract(text, reference=date(2025, 6, 10))] == [
        ("5年", "P5Y")
    ]


def test_every_monday_is_a_set_but_once_a_week_is_not_a_monday() -> None:
    text = "该线路每周一次往返，每周一发车。"
    found = [(m.text, m.timex) for m in extract(text, reference=date(2024, 6, 5))]
    assert found == [("每周", "P1W"), ("每周一", "XXXX-WXX-1")]


def test_a_year_before_the_mid_autumn_festival_reads_and_mid_year_is_its_middle() -> None:
    """中 after a year is its middle, as the pattern reads it (the table lacked it)."""
    found = [
        (m.text, m.timex)
        for m in extract("今年中秋节与国庆节恰逢同一天。", reference=date(2025, 1, 1))
    ]
    assert ("中秋节", "2025-10-06") in found
    (mid,) = extract("今年中，两国将举行会谈。", reference=date(2025, 1, 1))
    assert (mid.text, mid.timex, mid.mod) == ("今年中", "2025", Mod.MID)
