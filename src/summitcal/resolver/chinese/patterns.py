"""The Chinese rule table: one compiled pattern per kind of phrase, built from the vocabulary.

Chinese is written without spaces, so a phrase is found by its own shape: digits or
numerals before 年, 月, 日; a weekday head (周, 星期, 礼拜) before its day; a closed list of
words (今天, 去年, 春节...).  Each :class:`ZhRule` pairs such a pattern with the builder
that reads its groups (see :mod:`.builders`); the patterns are built and compiled on first
use and cached.

The groups a day may carry are shared: a zone before it (北京时间), a weekday in brackets
after a date (3月5日（星期三）), a part of the day and a clock time after it (10日上午10时).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

import attrs

from summitcal.resolver.chinese.numerals import DIGITS
from summitcal.resolver.chinese.vocabulary import vocabulary
from summitcal.resolver.grammar.fragments import word_trie
from summitcal.resolver.grammar.rules import RuleKind as K
from summitcal.resolver.phrase import Phrase

__all__ = ["ZhRule", "rules"]

#: A number: Arabic digits (full-width ones are made ASCII first) or a Chinese numeral.
NUM = rf"(?:[0-9]+|[{DIGITS}]+)"
#: No digit or numeral may stand right before a phrase that opens with one ("124日"),
#: nor 第 (an ordinal: 第9日 is "the ninth day", not a date).
NO_NUMBER_BEFORE = rf"(?<![0-9{DIGITS}第.])"
_DAY_NUMBER = (
    r"3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九]"
)
_MONTH_NUMBER = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
# 中 after a month or a year is "mid-" unless it starts a word (3月中国..., 今年中方...).
_MID = "中(?![国华央方心部东西南北外资欧美日韩印共英法德俄])"


def _alt(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first (so 上个月 is tried before 上月)."""
    return word_trie(words)


@attrs.frozen
class ZhRule:
    """One pattern of the Chinese grammar.

    Attributes:
        kind: What the rule reads (its value names the rule in explanations).
        source: The pattern.
        build: Reads a match's groups into a phrase's parts (see :mod:`.builders`);
            returns ``None`` when the words are not a date after all (a bare 一日).
    """

    kind: K
    source: str
    build: Callable[[re.Match[str]], Phrase | None]

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        return _compile(self.source)


@functools.cache
def _compile(source: str) -> re.Pattern[str]:
    return re.compile(source)


@attrs.frozen
class Fragments:
    """Pattern pieces from the vocabulary; each takes a group-name suffix."""

    zone: str
    parts: str
    parts_alone: str
    weekday: str
    year_word: str
    month_word: str
    separator: str

    def year(self, s: str = "") -> str:
        return rf"(?P<y{s}>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})年"

    def month(self, s: str = "") -> str:
        return rf"(?P<m{s}>{_MONTH_NUMBER})月"

    def day(self, s: str = "", *, hao: bool = False) -> str:
        # 号 for the day only after a month: a bare 3号 is a line, a building, a document.
        return rf"(?P<d{s}>{_DAY_NUMBER}){'(?:日|号)' if hao else '日'}"

    def weekday_of(self, s: str = "") -> str:
        return (
            rf"(?:(?P<ws{s}>[上本这下])个?)?(?:{self.weekday})"
            rf"(?P<wd{s}>[一二三四五六日天])(?!\d)"
        )

    def tail(self) -> str:
        """A part of the day and a clock time after a day, each optional."""
        return rf"(?:(?P<pod>{self.parts}))?(?:{_clock()})?"


@functools.cache
def fragments() -> Fragments:
    v = vocabulary()
    return Fragments(
        zone=rf"(?:(?P<zone>{_alt(v.zones)}))?",
        parts=_alt(v.parts_of_day),
        parts_alone=_alt(w for w in v.parts_of_day if w not in ("晚", "凌晨")),
        weekday=_alt(v.weekday_heads),
        year_word=_alt(v.year_words),
        month_word=_alt(v.month_words),
        separator=_alt(v.separators),
    )


@functools.cache
def rules() -> tuple[ZhRule, ...]:
    """The Chinese rules, in priority order (on a tie of length the earlier wins)."""
    from summitcal.resolver.chinese import builders as b

    v = vocabulary()
    f = fragments()
    ymd = (
        rf"(?:(?:(?:{f.year('a')}|(?P<ywa>{f.year_word}))?{f.month('a')})|(?P<mwa>{f.month_word}))?"
        rf"{f.day('a', hao=True)}"
    )
    bracket = rf"(?:[（(](?:{f.weekday})(?P<bw>[一二三四五六日天])[）)])?"
    end = rf"(?:(?:{f.year('b')})?{f.month('b')})?{f.day('b', hao=True)}"
    year_part = (
        rf"(?P<half>{_alt(v.halves)})|第?(?P<q>[一二三四1-4])季度|(?P<sea>{_alt(v.seasons)})"
        rf"|(?P<yp>年初|年中|年底|年末)"
    )
    holidays = _alt(v.holidays)
    units = _alt(v.units)
    return (
        ZhRule(
            K.MONTH_DAY_RANGE,
            rf"{NO_NUMBER_BEFORE}{ymd}(?:{f.separator}){end}",
            b.build_date_range,
        ),
        ZhRule(K.MONTH_DAY, rf"{NO_NUMBER_BEFORE}{f.zone}{ymd}{bracket}{f.tail()}", b.build_date),
        ZhRule(
            K.MONTH,
            rf"{NO_NUMBER_BEFORE}(?:{f.year()}|(?P<yw>{f.year_word}))?{f.month()}份?"
            rf"(?P<mp>上旬|中旬|下旬|初|{_MID}|底|末)?",
            b.build_month,
        ),
        ZhRule(
            K.HALF_YEAR,
            rf"{NO_NUMBER_BEFORE}(?:{f.year()}份?|(?P<yw>{f.year_word}))?(?:{year_part})",
            b.build_year_part,
        ),
        ZhRule(
            K.YEAR,
            rf"{NO_NUMBER_BEFORE}(?:{f.year()}|(?P<yw>{f.year_word}))份?"
            rf"(?P<yp>初|{_MID}|底|末)?",
            b.build_year,
        ),
        ZhRule(
            K.SEASON,
            rf"(?P<sl>[今去明])(?P<sc>{_alt(v.season_letters)})(?![天季])",
            b.build_short_season,
        ),
        ZhRule(
            K.DECADE,
            rf"(?:(?P<c>[0-9]{{2}}|[{DIGITS}]{{2,3}})世纪)?"
            rf"(?P<dec>[1-9]0|[一二三四五六七八九]十)年代",
            b.build_decade,
        ),
        ZhRule(
            K.WEEKDAY_RANGE,
            rf"{f.weekday_of('a')}(?:{f.separator}){f.weekday_of('b')}",
            b.build_weekday_range,
        ),
        ZhRule(K.WEEKDAY, rf"{f.zone}{f.weekday_of()}{f.tail()}", b.build_weekday),
        ZhRule(
            K.WEEKEND,
            r"(?:(?P<ws>[上本这下])个?)?(?:周|星期|礼拜)末",
            b.build_weekend,
        ),
        ZhRule(
            K.RELATIVE_UNIT,
            rf"(?P<ws>[上本这下])个?(?:{f.weekday})(?![一二三四五六日天末年])"
            rf"|(?P<mw>{f.month_word})(?P<mp>上旬|中旬|下旬|初|{_MID}|底|末)?"
            rf"|(?P<mpart>月初|月中旬|月上旬|月下旬|月中|月底|月末)",
            b.build_relative,
        ),
        ZhRule(
            K.DAY_WORD,
            rf"{f.zone}(?:(?P<dw>{_alt(v.day_words)})|(?P<dp>{_alt(v.day_parts)})){f.tail()}",
            b.build_day_word,
        ),
        ZhRule(
            K.CLOCK_TIME,
            # A part of the day alone, or a clock time, on the publication day (晚 and 凌晨
            # only before a clock: 晚 alone is "late", 凌晨 has no TIMEX3 part).
            # (Every part is optional: the lookahead keeps it from matching nothing at every
            # position of a text.)
            rf"{NO_NUMBER_BEFORE}(?={_alt(v.zones)}|{f.parts_alone}|晚|凌晨|{NUM}(?:时|点)){f.zone}"
            rf"(?:(?P<pod>{f.parts_alone}|(?:晚|凌晨)(?={NUM}(?:时|点))))?(?:{_clock()})?",
            b.build_clock,
        ),
        ZhRule(K.VAGUE_OFFSET, rf"(?P<v>{_alt(v.vague)})", b.build_vague),
        ZhRule(K.NARRATIVE_DAY, rf"(?P<nw>{_alt(v.narrative)})", b.build_narrative),
        ZhRule(
            K.RELATIVE_OFFSET,
            rf"{NO_NUMBER_BEFORE}(?P<n>{NUM}|半|几|数|多)(?P<u>{units})"
            rf"(?P<side>{_alt(v.offset_sides)})",
            b.build_offset,
        ),
        ZhRule(
            K.DURATION,
            # 过去 after 已 or 经 is the verb "has passed" (已过去5年), no part of the amount
            rf"(?:(?<![已经刚])过去|未来|今后)?(?:(?P<amod>{_alt(v.amount_mods)}))?"
            rf"{NO_NUMBER_BEFORE}(?P<n>{NUM}|半|几|数|多)(?P<more>多|余)?(?P<u>{units})"
            rf"(?P<more2>多)?(?P<about>左右)?(?P<lai>以来|来)?",
            b.build_duration,
        ),
        ZhRule(
            K.HOLIDAY,
            rf"{NO_NUMBER_BEFORE}(?:{f.year()}|(?P<yw>{f.year_word}))?(?P<h>{holidays})",
            b.build_holiday,
        ),
        ZhRule(
            K.SET,
            # 每周一 is every Monday, but 每周一次 once a week
            rf"每(?:(?P<swd>(?:{f.weekday})[一二三四五六日天])(?![次回遍个到至])"
            rf"|(?P<su>天|日|周|星期|个月|月|年|季度))",
            b.build_set,
        ),
    )


def _clock() -> str:
    return (
        rf"(?P<hh>[0-9]{{1,2}}|[{DIGITS}]{{1,3}})(?:时|点)(?!间|候|期|代)"
        rf"(?:(?P<mi>[0-9]{{1,2}}|[{DIGITS}]{{1,3}})分|(?P<half>半))?"
    )
