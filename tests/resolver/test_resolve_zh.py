"""The Chinese development cases (tests/data/zh/resolve_zh.toml), scored as the held-out
English files are (the same ``_right``), and the Chinese grammar piece by piece.

The cases were written apart from the grammar (tests/data/README-languages.md).  Scored
once before the Chinese grammar existed: 13/160 (the reject cases only, by the English
grammar refusing what it could not read); with it: 160/160.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summitcal.errors import PhraseError
from summitcal.resolver import Direction, resolve, scan
from summitcal.resolver.chinese import parse, split_sentences
from summitcal.resolver.chinese.aspect import read_cue
from summitcal.resolver.chinese.numerals import number
from tests.resolver.test_resolve_unseen import _right

CASES = Path(__file__).parents[1] / "data" / "zh" / "resolve_zh.toml"
#: The development figure: every case right.
DEV_FIGURE = 160


def _cases() -> list[dict[str, Any]]:
    with CASES.open("rb") as handle:
        return list(tomllib.load(handle)["case"])


def test_development_cases_stay_at_their_figure() -> None:
    """Accuracy on the 160 development cases; prints it per category and the misses."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in _cases():
        ok = _right(case)
        if not ok:
            print(f"missed [{case['category']}] {case['phrase']!r} in {case.get('context')!r}")
        for key in (case["category"], "ALL"):
            tally[key][0] += ok
            tally[key][1] += 1
    for key in sorted(tally, key=lambda k: (k == "ALL", k)):
        good, total = tally[key]
        print(f"{key:<14} {good:>4}/{total:<4} {100 * good / total:5.1f}%")
    good, total = tally["ALL"]
    assert total == 160, "the development file lost cases"
    assert good >= DEV_FIGURE, f"{good}/{total}, under the development figure {DEV_FIGURE}"


@pytest.mark.parametrize(
    ("text", "value"),
    [("二〇二五", 2025), ("十一", 11), ("二十三", 23), ("两", 2), ("一百二十", 120), ("48", 48)],
)
def test_numerals(text: str, value: int) -> None:
    assert number(text) == value


def test_a_numeral_that_is_none_is_an_error() -> None:
    with pytest.raises(ValueError, match="not a numeral"):
        number("三天")


# --- direction: the cue of the verb the phrase modifies ---------------------------------------


def _cue(sentence: str, phrase: str) -> tuple[Direction, str | None]:
    at = sentence.index(phrase)
    return read_cue(sentence, at, at + len(phrase))


def test_a_cue_right_before_the_phrase_decides() -> None:
    assert _cue("代表团将于周四抵达，此前双方已完成筹备。", "周四") == (Direction.FUTURE, "将于")


def test_an_aspect_marker_after_the_verb_decides() -> None:
    assert _cue("两国外长星期四已经通电话。", "星期四") == (Direction.PAST, "已经")


def test_a_future_clause_elsewhere_is_not_the_phrases() -> None:
    sentence = "外交部发言人周三宣布，应中方邀请，冰岛外长将于下周访华。"
    assert _cue(sentence, "周三") == (Direction.NEAREST, None)


def test_a_phrase_before_a_reporting_verb_dates_the_saying() -> None:
    """The 将 of the reported clause is not the phrase's (商务部周五表示将…)."""
    assert _cue("商务部周五表示将加大支持力度。", "周五") == (Direction.NEAREST, None)
    assert _cue("周五，商务部表示将加大支持力度。", "周五") == (Direction.NEAREST, None)
    assert _cue("商务部周五表示了关切。", "周五") == (Direction.PAST, "了")


def test_a_phrase_alone_in_its_clause_takes_the_next_clauses_verb() -> None:
    assert _cue("上周三，国际能源署发布了一份报告。", "上周三") == (Direction.PAST, "了")
    assert _cue("元宵节当晚，西安城墙将举办灯会。", "元宵节") == (Direction.FUTURE, "将")


def test_words_holding_a_cue_character_are_no_cue() -> None:
    """为了 (in order to), 将近 (nearly), 虚拟 (virtual) are no aspect words."""
    assert _cue("为了迎接周五的比赛，球队进行虚拟训练。", "周五") == (Direction.NEAREST, None)


# --- parsing and scanning -----------------------------------------------------------------------


def test_parse_leaves_prepositions_and_localisers_out() -> None:
    text = "于6月18日起"
    _, start, end = parse(text)
    assert text[start:end] == "6月18日"


def test_not_a_date_is_a_phrase_error() -> None:
    with pytest.raises(PhraseError, match="not a Chinese date phrase"):
        parse("三中全会")


def test_scan_gives_character_offsets_into_the_text_as_written() -> None:
    """Full-width digits are read as digits; the offsets are the original text's."""
    text = "新规定于２０２５年３月１日起施行，为期三年。"
    found = [(m.text, text[m.start : m.end]) for m in scan(text, lang="zh")]
    assert found == [("２０２５年３月１日", "２０２５年３月１日"), ("三年", "三年")]


def test_scan_refuses_names_that_look_like_dates() -> None:
    text = "退休教师李国庆说，五一广场附近的周六福门店《今日说法》都报道过，比分3比1。"
    assert list(scan(text, lang="zh")) == []


def test_sentences_end_at_full_width_marks() -> None:
    text = "会议周五开幕。“论坛将于下周举行！”他说。"
    assert [s.text for s in split_sentences(text)] == [
        "会议周五开幕。",
        "“论坛将于下周举行！”",
        "他说。",
    ]


# --- values the development cases do not hold -----------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "context", "published", "value"),
    [
        ("十一日", "代表团将于十一日抵达。", date(2025, 2, 3), "2025-02-11"),
        ("下礼拜一", "学校下礼拜一开学。", date(2025, 2, 5), "2025-02-10"),
        ("1月30日至2日", "展会于1月30日至2日举行。", date(2025, 1, 20), "2025-01-30/2025-02-02"),
        ("28日至3日", "展会将于28日至3日举行。", date(2025, 1, 20), "2025-01-28/2025-02-03"),
        ("7日夜间", "7日夜间，台风登陆。", date(2024, 9, 8), "2024-09-07TNI"),
        ("半年后", "半年后，该系统将上线。", date(2024, 9, 2), "2025-03"),
        ("重阳节", "重阳节将至。", date(2024, 10, 5), "2024-10-11"),
        ("今天下午3时30分", "今天下午3时30分，发布会开始。", date(2024, 9, 2), "2024-09-02T15:30"),
        ("今晚8点", "演出今晚8点开始。", date(2024, 9, 2), "2024-09-02T20:00"),
        ("次日", "次日，代表团返回北京。", date(2025, 5, 12), "2025-05-13"),
        ("未来几天", "未来几天，气温将持续偏高。", date(2025, 2, 12), "FUTURE_REF"),
        ("14日凌晨3时", "地震发生在14日凌晨3时。", date(2024, 3, 14), "2024-03-14T03:00"),
        ("周五前", "项目将于周五前完成。", date(2024, 4, 17), "2024-04-19"),
        ("上月28日", "该公司已于上月28日完成交割。", date(2024, 3, 13), "2024-02-28"),
        ("周一", "比赛刚刚于周一结束。", date(2024, 4, 17), "2024-04-15"),
        ("母亲节", "母亲节将至，鲜花销量上升。", date(2024, 4, 20), "2024-05-12"),
    ],
)
def test_more_values(phrase: str, context: str, published: date, value: str) -> None:
    assert resolve(phrase, reference=published, context=context).timex == value


@pytest.mark.parametrize(
    ("phrase", "value", "mod"),
    [
        ("十多年来", "P10Y", "MORE_THAN"),
        ("一年多来", "P1Y", "MORE_THAN"),
        ("约两小时", "PT2H", "APPROX"),
        ("三天左右", "P3D", "APPROX"),
        ("近十年来", "P10Y", "LESS_THAN"),
        ("不到两周", "P2W", "LESS_THAN"),
    ],
)
def test_a_duration_keeps_its_amount_word(phrase: str, value: str, mod: str) -> None:
    r = resolve(phrase, reference=date(2019, 9, 29))
    assert (r.timex, r.mod and r.mod.value) == (value, mod)


def test_the_explanation_is_english_and_names_the_cue_as_written() -> None:
    r = resolve("周五", reference=date(2024, 9, 9), context="商务部周五发布了一批政策措施。")
    assert r.explanation == "weekday, past ('了'): latest Friday on or before 2024-09-09"


def test_a_lunar_holiday_outside_the_table_says_so() -> None:
    with pytest.raises(PhraseError, match="lunar table covers 1990-2050"):
        resolve("2060年中秋节", reference=date(2059, 1, 1))
