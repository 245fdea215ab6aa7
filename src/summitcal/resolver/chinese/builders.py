"""The meaning of a Chinese match: its groups read into a :class:`Phrase` of the shared cores.

Each builder takes a match of its rule (see :mod:`.patterns`) and returns the phrase, or
``None`` when the words turn out not to be a date (a bare 一日, a year written as a count,
2030年前).  The cores are the English grammar's own, so anchoring is shared.
"""

from __future__ import annotations

import re
from datetime import date, time

from summitcal.resolver.chinese.numerals import number
from summitcal.resolver.chinese.vocabulary import vocabulary
from summitcal.resolver.grammar.readers import group
from summitcal.resolver.grammar.rules import RuleKind as K
from summitcal.resolver.phrase import (
    Core,
    DayOfMonth,
    DayRange,
    DayWord,
    Decade,
    DurationCore,
    Explicit,
    HalfRef,
    HolidayRef,
    MonthDay,
    MonthRef,
    Narrative,
    Offset,
    Phrase,
    QuarterRef,
    Relative,
    SeasonRef,
    SetCore,
    VagueRef,
    Weekday,
    WeekendRef,
    YearRef,
)
from summitcal.span.span import Mod

__all__ = [
    "build_clock",
    "build_date",
    "build_date_range",
    "build_day_word",
    "build_decade",
    "build_duration",
    "build_holiday",
    "build_month",
    "build_narrative",
    "build_offset",
    "build_relative",
    "build_set",
    "build_short_season",
    "build_vague",
    "build_weekday",
    "build_weekday_range",
    "build_weekend",
    "build_year",
    "build_year_part",
]

Match = re.Match[str]

#: The English words for a day word's distance, for explanations ("yesterday (昨天)").
_DAY_NAMES = {
    0: "today",
    -1: "yesterday",
    1: "tomorrow",
    -2: "the day before yesterday",
    2: "the day after tomorrow",
    -3: "three days before",
    3: "three days after",
}


def _phrase(m: Match, core: Core, kind: K, mod: Mod | None = None) -> Phrase | None:
    """The phrase of ``core`` with what the match adds to a day: a part of the day, a
    clock time, a zone; ``None`` for a clock that no day has (25时)."""
    v = vocabulary()
    zone_word = group(m, "zone")
    zone = v.zones[zone_word] if zone_word else None
    pod_word = group(m, "pod")
    part, pm = v.parts_of_day[pod_word] if pod_word else ("", False)
    hour_text = group(m, "hh")
    start = None
    if hour_text is not None:
        hour = number(hour_text)
        minute = 30 if group(m, "half") else number(group(m, "mi") or "0")
        if pm and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            return None
        start, part = time(hour, minute), ""
    return Phrase(
        core=core, rule=kind.value, mod=mod, part_of_day=part or None, start_time=start, zone=zone
    )


def _year_of(m: Match, suffix: str = "") -> tuple[int | None, int | None]:
    """The year a match names: (a year written out, a step from the publication year)."""
    written = group(m, "y" + suffix)
    if written is not None:
        return number(written), None
    word = group(m, "yw" + suffix)
    return None, (vocabulary().year_words[word] if word else None)


def _mod(word: str | None, table: dict[str, str]) -> Mod | None:
    return Mod(table[word]) if word else None


def _small_numeral_day(m: Match, suffix: str) -> bool:
    """Whether a day without its month is 一日...九日 in characters: "一日三餐", "一日游"
    are no dates (Xinhua writes the days of the month in digits)."""
    text = group(m, "d" + suffix) or ""
    return not text.isdigit() and number(text) < 10


def _day_core(m: Match, s: str, weekday: int | None) -> MonthDay | DayOfMonth | Explicit | None:
    year, step = _year_of(m, s)
    month_text = group(m, "m" + s)
    day = number(group(m, "d" + s) or "")
    month_word = group(m, "mw" + s)
    if month_word is not None:  # 上月28日, 本月10号
        if not 1 <= day <= 31:
            return None
        return DayOfMonth(day, month_step=vocabulary().month_words[month_word])
    if month_text is None:
        if year is not None or step is not None or m.group().rstrip().endswith("号"):
            return None
        if _small_numeral_day(m, s):
            return None
        return DayOfMonth(day, closest=True) if 1 <= day <= 31 else None
    month = number(month_text)
    try:
        date(2024 if year is None else year, month, day)
    except ValueError:
        return None
    if year is not None and weekday is None:
        return Explicit(date(year, month, day))
    return MonthDay(month, day, year=year, year_step=step, weekday=weekday)


def build_date(m: Match) -> Phrase | None:
    bw = group(m, "bw")
    core = _day_core(m, "a", vocabulary().weekdays[bw] if bw else None)
    if core is None:
        return None
    kind = {Explicit: K.EXPLICIT_DATE, DayOfMonth: K.DAY_OF_MONTH}.get(type(core), K.MONTH_DAY)
    return _phrase(m, core, kind)


def build_date_range(m: Match) -> Phrase | None:
    start = _day_core(m, "a", None)
    if start is None:
        return None
    day = number(group(m, "db") or "")
    month_b = group(m, "mb")
    if isinstance(start, DayOfMonth):
        if month_b is not None or not 1 <= day <= 31:
            return None
        return _phrase(m, DayRange(start, DayOfMonth(day, closest=True)), K.MONTH_DAY_RANGE)
    if isinstance(start, Explicit):
        first = start.day
        start = MonthDay(first.month, first.day, year=first.year)
    year_b = group(m, "yb")
    month = number(month_b) if month_b else start.month
    year = number(year_b) if year_b else start.year
    if month_b is None and day < start.day:  # 1月30日至2日: the elided month is the next
        month = month % 12 + 1
    if year is not None and year_b is None and month < start.month:
        year += 1
    try:
        date(2024 if year is None else year, month, day)
    except ValueError:
        return None
    end = MonthDay(month, day, year=year, year_step=start.year_step)
    return _phrase(m, DayRange(start, end), K.MONTH_DAY_RANGE)


def build_month(m: Match) -> Phrase | None:
    year, step = _year_of(m)
    month = number(m.group("m"))
    mod = _mod(group(m, "mp"), vocabulary().month_parts)
    return _phrase(m, MonthRef(month, year=year, year_step=step), K.MONTH, mod)


def build_year_part(m: Match) -> Phrase | None:
    v = vocabulary()
    year, step = _year_of(m)
    half, quarter, season = group(m, "half"), group(m, "q"), group(m, "sea")
    if half is not None:
        return _phrase(m, HalfRef(v.halves[half], year=year, year_step=step), K.HALF_YEAR)
    if quarter is not None:
        q = number(quarter)
        return _phrase(m, QuarterRef(q, year=year, year_step=step), K.QUARTER)
    if season is not None:
        core = SeasonRef(v.seasons[season], year=year, year_step=step)
        return _phrase(m, core, K.SEASON)
    mod = _mod(group(m, "yp"), v.year_parts)
    if year is not None:
        return _phrase(m, YearRef(year), K.YEAR, mod)
    return _phrase(m, Relative("year", step or 0), K.RELATIVE_UNIT, mod)


def build_year(m: Match) -> Phrase | None:
    year, step = _year_of(m)
    mod = _mod(group(m, "yp"), vocabulary().year_parts)
    if year is not None:
        return _phrase(m, YearRef(year), K.YEAR, mod) if 1000 <= year <= 2999 else None
    return _phrase(m, Relative("year", step or 0), K.RELATIVE_UNIT, mod)


_SEASON_STEP = {"今": 0, "去": -1, "明": 1}


def build_short_season(m: Match) -> Phrase | None:
    core = SeasonRef(vocabulary().season_letters[m.group("sc")], rel=_SEASON_STEP[m.group("sl")])
    return _phrase(m, core, K.SEASON)


def build_decade(m: Match) -> Phrase | None:
    tens = number(m.group("dec"))
    century = group(m, "c")
    if century is not None:
        first = (number(century) - 1) * 100 + tens
    else:  # 90年代: the 1990s; 20年代: the 2020s
        first = (1900 if tens >= 30 else 2000) + tens
    return _phrase(m, Decade(first), K.DECADE)


def _weekday(m: Match, s: str = "") -> Weekday:
    v = vocabulary()
    step = group(m, "ws" + s)
    week = v.week_steps[step] if step else None
    return Weekday(v.weekdays[m.group("wd" + s)], week=week)


def build_weekday_range(m: Match) -> Phrase | None:
    end = _weekday(m, "b")
    return _phrase(m, DayRange(_weekday(m, "a"), Weekday(end.weekday)), K.WEEKDAY_RANGE)


def build_weekday(m: Match) -> Phrase | None:
    return _phrase(m, _weekday(m), K.WEEKDAY)


def build_weekend(m: Match) -> Phrase | None:
    step = group(m, "ws")
    return _phrase(m, WeekendRef(vocabulary().week_steps[step] if step else None), K.WEEKEND)


def build_relative(m: Match) -> Phrase | None:
    v = vocabulary()
    week = group(m, "ws")
    if week is not None:
        return _phrase(m, Relative("week", v.week_steps[week]), K.RELATIVE_UNIT)
    word = group(m, "mw")
    if word is not None:
        mod = _mod(group(m, "mp"), v.month_parts)
        return _phrase(m, Relative("month", v.month_words[word]), K.RELATIVE_UNIT, mod)
    part = m.group("mpart")
    mod = _mod(part if part in v.month_parts else part[1:], v.month_parts)  # 月中旬: 中旬
    return _phrase(m, Relative("month", 0), K.RELATIVE_UNIT, mod)


def build_day_word(m: Match) -> Phrase | None:
    v = vocabulary()
    word = group(m, "dw")
    if word is not None:
        offset = v.day_words[word]
        core = DayWord(offset, f"{_DAY_NAMES[offset]} ({word})")
        return _phrase(m, core, K.DAY_WORD)
    word = m.group("dp")
    offset, part = v.day_parts[word]
    core = DayWord(offset, f"{_DAY_NAMES[offset]} ({word})")
    phrase = _phrase(m, core, K.DAY_WORD)
    if phrase is None or phrase.start_time is not None or phrase.part_of_day is not None:
        if phrase is not None and phrase.start_time is not None and part == "NI":
            clock = phrase.start_time  # 今晚8点: an evening clock
            if clock.hour < 12:
                return Phrase(
                    core=core,
                    rule=phrase.rule,
                    start_time=clock.replace(hour=clock.hour + 12),
                    zone=phrase.zone,
                )
        return phrase
    return Phrase(core=core, rule=phrase.rule, part_of_day=part, zone=phrase.zone)


def build_clock(m: Match) -> Phrase | None:
    if not m.group() or (group(m, "pod") is None and group(m, "hh") is None):
        return None
    return _phrase(m, DayWord(0, "the publication day"), K.CLOCK_TIME)


def build_offset(m: Match) -> Phrase | None:
    v = vocabulary()
    unit = v.units[m.group("u")]
    side = v.offset_sides[m.group("side")]
    amount = m.group("n")
    if amount in ("几", "数", "多"):
        return _phrase(m, VagueRef("PAST_REF" if side < 0 else "FUTURE_REF"), K.VAGUE_OFFSET)
    if amount == "半":
        if unit != "year":
            return None
        unit, count = "month", 6
    else:
        count = number(amount)
        if unit == "year" and count >= 1000:  # 2030年前: a year, then 前 ("before")
            return None
    if unit not in ("day", "week", "month", "quarter", "year") or count == 0:
        return None
    return _phrase(m, Offset(unit, side * count), K.RELATIVE_OFFSET)


#: Half of a unit, as a whole number of a smaller one (半年 = 6 months).
_HALVES = {"year": ("month", 6), "day": ("hour", 12), "hour": ("minute", 30), "month": ("day", 15)}


#: What after a unit makes another word of it: 周年 (an anniversary), 周岁 (an age), 年级
#: (a school year), 年代 (a decade).
_NOT_AFTER_UNIT = {"周": "年岁", "年": "级代"}


def build_duration(m: Match) -> Phrase | None:
    v = vocabulary()
    word = m.group("u")
    after = m.string[m.end("u") : m.end("u") + 1]
    if after and after in _NOT_AFTER_UNIT.get(word, ""):
        return None
    unit = v.units[word]
    amount = m.group("n")
    count: int | None
    if amount in ("几", "数", "多"):
        count = None
    elif amount == "半":
        if unit not in _HALVES:
            return None
        unit, count = _HALVES[unit]
    else:
        count = number(amount)
        if unit == "year" and count >= 1000:  # a year (2019年), not an amount
            return None
        if count == 0:
            return None
    mod = _mod(group(m, "amod"), v.amount_mods)
    if (group(m, "more") or group(m, "more2")) and count is not None:
        mod = Mod.MORE_THAN  # 十多年, 10余天, 一年多: more than the count
    elif group(m, "about"):
        mod = Mod.APPROX  # 两小时左右
    return _phrase(m, DurationCore(unit, count), K.DURATION, mod)


def build_narrative(m: Match) -> Phrase | None:
    word = m.group("nw")
    return _phrase(m, Narrative("day", vocabulary().narrative[word]), K.NARRATIVE_DAY)


def build_holiday(m: Match) -> Phrase | None:
    year, step = _year_of(m)
    name = m.group("h")
    holiday = vocabulary().holidays[name]
    label = f"{holiday.key.replace('-', ' ')} ({name})"
    return _phrase(m, HolidayRef(holiday, label, year=year, year_step=step), K.HOLIDAY)


def build_vague(m: Match) -> Phrase | None:
    return _phrase(m, VagueRef(vocabulary().vague[m.group("v")]), K.VAGUE_OFFSET)


_SET_UNITS = {"天": "P1D", "日": "P1D", "周": "P1W", "星期": "P1W", "月": "P1M", "个月": "P1M"}
_SET_UNITS |= {"年": "P1Y", "季度": "P3M"}


def build_set(m: Match) -> Phrase | None:
    day = group(m, "swd")
    if day is not None:
        value = f"XXXX-WXX-{vocabulary().weekdays[day[-1]] + 1}"
    else:
        value = _SET_UNITS[m.group("su")]
    return _phrase(m, SetCore(value), K.SET)
