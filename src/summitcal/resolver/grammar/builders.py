"""The builders: what a rule's match means, as a typed core (see :mod:`..phrase`).

Each builder reads a match's named groups (see :mod:`.readers`) and returns a
:class:`~summitcal.resolver.phrase.Core`, or raises :class:`.readers.NoParse` when the
words make no date ("February 30", "the past decade" as a point).  Builders know the
English table's group names; another language's table brings builders of its own, or
reuses these where its groups are named alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from summitcal.resolver.grammar.fragments import squash
from summitcal.resolver.grammar.readers import (
    NoParse,
    check_day,
    count_of,
    day_of,
    group,
    month_of,
    unit_of,
    unmarked,
    weekday_of,
    year_of,
)
from summitcal.resolver.lexicon import Lexicon, holiday_key
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
    NthWeekday,
    NumericDate,
    NumericRange,
    Offset,
    QuarterRef,
    Relative,
    SeasonRef,
    SetCore,
    Shift,
    VagueRef,
    Weekday,
    WeekendRef,
    YearRef,
)

__all__ = ["Builder"]

Builder = Callable[[re.Match[str], Lexicon], Core]


def build_iso(m: re.Match[str], lex: Lexicon) -> Core:
    y, mo, d = m.group("iy"), m.group("im"), group(m, "id")
    try:
        if d is None:
            date(int(y), int(mo), 1)
            return MonthRef(month=int(mo), year=int(y))
        return Explicit(date(int(y), int(mo), int(d)))
    except ValueError as exc:
        raise NoParse(f"not a calendar date: {exc}") from None


def build_numeric(m: re.Match[str], lex: Lexicon) -> Core:
    return NumericDate(int(m.group("na")), int(m.group("nb")), int(m.group("ny")))


def build_numeric_short(m: re.Match[str], lex: Lexicon) -> Core:
    return NumericDate(int(m.group("na")), int(m.group("nb")), None)


def build_numeric_range(m: re.Match[str], lex: Lexicon) -> Core:
    """ "5.8. - 16.8.", "5/8/2025 - 16/8/2025"."""
    years = [None if y is None else int(y) for y in (group(m, "ny"), group(m, "ny2"))]
    start = NumericDate(int(m.group("na")), int(m.group("nb")), years[0])
    return NumericRange(start, NumericDate(int(m.group("nc")), int(m.group("nd")), years[1]))


_NARRATIVE_WORDS = {
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "after": 1,
    "same": 0,
    "that": 0,
}


def build_narrative(m: re.Match[str], lex: Lexicon) -> Core:
    word = group(m, "nw") or group(m, "nw2") or group(m, "nw3")
    if word is not None:  # "the next day", "the week before", "that day"
        return Narrative(group(m, "nu") or "day", _NARRATIVE_WORDS[word])
    unit, per = unit_of(m, lex, "r")
    if unit in ("hour", "minute"):
        raise NoParse(f"a count of {unit}s later needs a clock, not a calendar")
    count = count_of(m, lex, "r") * per
    if unit == "decade":
        unit, count = "year", 10 * count
    return Narrative(unit, -count if m.group("rdir") in ("earlier", "before") else count)


def build_vague(m: re.Match[str], lex: Lexicon) -> Core:
    ago = group(m, "vago") is not None
    return VagueRef("PAST_REF" if ago else "FUTURE_REF")


def _monthday(m: re.Match[str], lex: Lexicon, s: str, ys: str | None = None) -> MonthDay:
    month, day = month_of(m, lex, s), day_of(m, lex, s)
    year, step = year_of(m, s if ys is None else ys)
    check_day(month, day, year, m.start("body"))
    wd = group(m, "wdw") or group(m, "wdw_ab")
    weekday = lex.weekdays[wd] if wd is not None else None
    return MonthDay(month, day, year, step, weekday)


def build_md(m: re.Match[str], lex: Lexicon) -> Core:
    md = _monthday(m, lex, "")
    if md.year is not None:
        day = date(md.year, md.month, md.day)
        if md.weekday is not None and day.weekday() != md.weekday:
            raise NoParse(f"{day} is not a {lex.weekday_names[md.weekday].title()}")
        return Explicit(day)
    return md


def build_cross(m: re.Match[str], lex: Lexicon) -> Core:
    a, b = _monthday(m, lex, "a"), _monthday(m, lex, "b")
    if a.year is None and b.year is not None:
        year = b.year - (1 if a.month > b.month else 0)
        a = MonthDay(a.month, a.day, year, a.year_step, a.weekday)
    return DayRange(a, b)


def build_range(m: re.Match[str], lex: Lexicon) -> Core:
    month = month_of(m, lex, "")
    year, step = year_of(m, "")
    da, db = day_of(m, lex, "a"), day_of(m, lex, "b")
    if db <= da:
        raise NoParse(f"a range of days ends ({db}) before it starts ({da})")
    check_day(month, db, year)
    a = MonthDay(month=month, day=da, year=year, year_step=step)
    return DayRange(a, MonthDay(month, db, year, step))


def _week_step(m: re.Match[str]) -> int | None:
    wk = group(m, "wk")
    if wk is None:
        return None
    return {"next": 1, "last": -1, "this": 0, "the following": 1, "the previous": -1}[squash(wk)]


def build_wd_range(m: re.Match[str], lex: Lexicon) -> Core:
    rel = group(m, "wrel")
    week = _week_step(m)
    start = Weekday(weekday_of(m, lex, "a"), rel=squash(rel) if rel else None, week=week)
    return DayRange(start, Weekday(weekday_of(m, lex, "b")))


def build_weekday(m: re.Match[str], lex: Lexicon) -> Core:
    rel = group(m, "wrel")
    return Weekday(weekday_of(m, lex, ""), squash(rel) if rel else None, _week_step(m))


def build_part_of_weekday(m: re.Match[str], lex: Lexicon) -> Core:
    """ "late Thursday", "early Friday morning": the weekday (the rule's "early"/"late"
    gives the mod).  A clock time is exact: "late Thursday at 11 p.m." is left to the
    plain weekday and its clock."""
    if group(m, "ckp") is not None or group(m, "ckt") is not None:
        raise NoParse("'early' or 'late' goes with a day or a part of it, not a clock time")
    return build_weekday(m, lex)


def build_day_word(m: re.Match[str], lex: Lexicon) -> Core:
    word = squash(m.group("dword"))
    return DayWord(lex.day_words[word], word)


def build_shift(m: re.Match[str], lex: Lexicon) -> Core:
    unit, per = unit_of(m, lex, "s")
    if unit not in ("day", "week"):
        raise NoParse(f"a shift from a day counts days or weeks, not {unit}s")
    days = count_of(m, lex, "s") * per * (7 if unit == "week" else 1)
    if m.group("sdir") == "before":
        days = -days
    word = group(m, "sw")
    base: Weekday | DayWord
    base = DayWord(lex.day_words[word], word) if word else Weekday(weekday_of(m, lex, ""))
    return Shift(base, days)


def build_ordinal_day(m: re.Match[str], lex: Lexicon) -> Core:
    day = day_of(m, lex, "")
    return DayOfMonth(day)


def build_weekday_day(m: re.Match[str], lex: Lexicon) -> Core:
    """ "Friday the 13th", "Tuesday, the 14th"."""
    return DayOfMonth(day_of(m, lex, ""), weekday_of(m, lex, ""))


def build_month(m: re.Match[str], lex: Lexicon) -> Core:
    year, step = year_of(m, "")
    rel = group(m, "mrel")
    rel_step = {"last": -1, "next": 1, "this": 0}[rel] if rel else None
    return MonthRef(month_of(m, lex, ""), year, step, rel_step)


def build_year(m: re.Match[str], lex: Lexicon) -> Core:
    year, _ = year_of(m, "")
    assert year is not None
    return YearRef(year)


def build_year_end(m: re.Match[str], lex: Lexicon) -> Core:
    """ "year-end": the publication year (the rule gives the mod END)."""
    return Relative("year", 0)


def build_relative(m: re.Match[str], lex: Lexicon) -> Core:
    rel = group(m, "rel")
    if rel is None:  # "the end of the year": the reference's own unit
        if group(m, "fz") is None:
            raise NoParse("'the year' alone names no particular year")
        return Relative(m.group("unit_t"), 0)
    word = squash(rel)
    step = lex.relative[word]
    if word in ("the last", "the past") and m.group("unit") == "decade":
        raise NoParse("'the past decade' is a length of time")
    anchored = word in ("the previous", "the following") and m.group("unit") == "year"
    if group(m, "within") is not None and step != 0:
        raise NoParse("'earlier'/'later' go with 'this'")
    return Relative(m.group("unit"), step, anchored=anchored)


def build_two_over(m: re.Match[str], lex: Lexicon) -> Core:
    """ "the week after next" (+2), "the month before last" (-2)."""
    return Relative(m.group("unit"), 2 if m.group("beyond").startswith("after") else -2)


def build_offset(m: re.Match[str], lex: Lexicon) -> Core:
    s = "a" if group(m, "na") is not None else "b"
    unit, per = unit_of(m, lex, s)
    count = count_of(m, lex, s) * per
    if unit == "decade":
        unit, count = "year", count * 10
    if unit in ("hour", "minute"):
        raise NoParse(f"an offset in {unit}s needs a clock, not a calendar")
    if s == "a" and m.group("od") == "ago":
        count = -count
    return Offset(unit, count)


def build_holiday(m: re.Match[str], lex: Lexicon) -> Core:
    name = squash(m.group("hol"))
    holiday = lex.holiday_keys.get(holiday_key(name))
    if holiday is None:  # the pattern and the table are built from the same names
        raise NoParse(f"no holiday is called {name!r}")
    year, step = year_of(m, "")
    rel = group(m, "hrel")
    rel_step = {"last": -1, "next": 1, "this": 0}[rel] if rel else None
    return HolidayRef(holiday, name, year=year, year_step=step, rel=rel_step)


def build_season(m: re.Match[str], lex: Lexicon) -> Core:
    year, step = year_of(m, "")
    then = group(m, "ys2")
    # "the winter of 2023-24": the winter that starts in 2023
    if then is not None and (
        year is None or lex.seasons[m.group("sea")] != "WI" or int(then) % 100 != (year + 1) % 100
    ):
        raise NoParse("only a winter spans two years, the one after the other")
    rel = group(m, "srel")
    rel_step = None
    if rel is not None and squash(rel) != "the":
        rel_step = lex.relative[squash(rel)]
    return SeasonRef(lex.seasons[m.group("sea")], year=year, year_step=step, rel=rel_step)


_ORDINAL_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL_PARTS |= {"fourth": 4, "4th": 4, "final": 4, "latter": 2}
#: Words that name a half only: "the last half of 1989" is the second.
_HALF_PARTS = {"last": 2}


def _part_of_year(m: re.Match[str], p: str) -> tuple[int, int | None, int | None]:
    """(which part, explicit year, step from the reference year) of a quarter (groups
    named with ``p`` = "q") or a half ("h"): "Q3 2024", "2024 Q3", "the third quarter of
    next year", "the first half of the year"."""
    year, step = year_of(m, "")
    if year is None and step is None:
        year, step = year_of(m, "2")
    if group(m, f"{p}y") is not None:
        year = int(m.group(f"{p}y"))
    n = group(m, f"{p}n") or group(m, f"{p}n2")
    part = int(n) if n else {**_ORDINAL_PARTS, **_HALF_PARTS}[m.group(f"{p}o")]
    if group(m, f"{p}the") is not None:  # "of the year": the reference's own
        step = 0
    return part, year, step


def build_quarter(m: re.Match[str], lex: Lexicon) -> Core:
    quarter, year, step = _part_of_year(m, "q")
    return QuarterRef(quarter, year=year, year_step=step)


def build_half(m: re.Match[str], lex: Lexicon) -> Core:
    half, year, step = _part_of_year(m, "h")
    if half > 2:
        raise NoParse("a year has two halves")
    return HalfRef(half, year=year, year_step=step)


def build_decade(m: re.Match[str], lex: Lexicon) -> Core:
    full = group(m, "dec")
    if full is not None:
        return Decade(int(full))
    short = group(m, "dec2")
    tens = int(short[0]) if short else lex.decades[m.group("decw")]
    # Two-digit decades: the twenties and later are read as this century only up to the
    # current decade's tens; anything else as the 1900s ("the '90s").
    return Decade(1900 + 10 * tens if tens >= 3 else 2000 + 10 * tens)


def build_weekend(m: re.Match[str], lex: Lexicon) -> Core:
    rel = group(m, "werel")
    if rel is None or squash(rel) == "the":
        return WeekendRef(None)
    return WeekendRef(lex.relative[squash(rel)])


def build_clock_only(m: re.Match[str], lex: Lexicon) -> Core:
    return DayWord(0, "at a clock time")


def build_clock_range(m: re.Match[str], lex: Lexicon) -> Core:
    """ "3-4pm", "9:00-17:00": two bare numbers with nothing to make them clock times
    ("2-4", a score) are refused."""
    if unmarked(m, "o") and group(m, "bhoe") is not None and group(m, "zoneo") is None:
        raise NoParse("two bare numbers are no clock range")
    return build_clock_only(m, lex)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_NTH |= {"4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1}
_MONTH_STEPS = {"this": 0, "the": 0, "next": 1, "last": -1, "previous": -1, "following": 1}


def build_nth_weekday(m: re.Match[str], lex: Lexicon) -> Core:
    """ "the third Tuesday of September 2014", "the last Friday of the month", "the
    first Thursday of next month"."""
    step = group(m, "nmrel")
    month: MonthRef | Relative
    if step is not None:
        month = Relative("month", _MONTH_STEPS[step])
    else:
        year, year_step = year_of(m, "")
        month = MonthRef(month_of(m, lex, ""), year, year_step)
    return NthWeekday(_NTH[m.group("nth")], weekday_of(m, lex, ""), month)


def build_weeks_over(m: re.Match[str], lex: Lexicon) -> Core:
    """ "Friday after next": Friday of the ISO week two after the publication's; "the
    Friday before last", two before."""
    # (The words may be parted by any white space: "after  next".)
    return Weekday(weekday_of(m, lex, ""), week=2 if m.group("over").startswith("after") else -2)


def build_night_of(m: re.Match[str], lex: Lexicon) -> Core:
    """ "the night of Tuesday to Wednesday": the night of the first day, which the
    second must follow."""
    first, second = weekday_of(m, lex, ""), weekday_of(m, lex, "b")
    if (first + 1) % 7 != second:
        raise NoParse("the night of one day runs into the next")
    return Weekday(first)


_STORY_SIDES = frozenset({"next", "following", "previous"})


def build_duration(m: re.Match[str], lex: Lexicon) -> Core:
    if group(m, "nh") is not None:  # "a four-day visit"
        unit, per = unit_of(m, lex, "h")
        return DurationCore(unit, count_of(m, lex, "h") * per)
    unit, per = unit_of(m, lex, "d")
    has_count = group(m, "nd") is not None
    side = group(m, "dpast")
    if not has_count and side is None:
        raise NoParse(f"'{m.group('ud')}' alone is no date")
    if not has_count and side in _STORY_SIDES and m.group("ud") == "day":
        # "the next day", "the previous day" point at a day of the story (the narrative
        # rule reads them when handed over); in running text they are no amount either.
        raise NoParse(f"'the {side} day' is a day of the story, not an amount")
    if not has_count and m.group("ud").endswith("s"):  # "the coming weeks": no amount
        ahead = side in ("next", "coming", "following")
        return VagueRef("FUTURE_REF" if ahead else "PAST_REF")
    count = (count_of(m, lex, "d") if has_count else 1) * per
    if unit == "decade":
        unit, count = "year", count * 10
    return DurationCore(unit, count, _SIDES.get(side or "", 0))


#: A fraction of a unit, in the next unit down: "half an hour" is 30 minutes.
_SMALLER = {
    "hour": ("minute", 60),
    "day": ("hour", 24),
    "year": ("month", 12),
    "decade": ("year", 10),
    "century": ("year", 100),
}
_FRACTIONS = {
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "a quarter": Fraction(1, 4),
    "one quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "a third": Fraction(1, 3),
    "one third": Fraction(1, 3),
    "two thirds": Fraction(2, 3),
}


def build_fraction(m: re.Match[str], lex: Lexicon) -> Core:
    """ "half an hour" (PT30M), "a quarter of a century" (P25Y), "a half-day" (PT12H),
    "an hour and a half" (PT90M), "two and a half years" (P30M): an amount of the next
    unit down, which must come out whole ("half a week" is refused)."""
    word = " ".join((group(m, "fr") or group(m, "fr2") or "").split())
    unit = next(u for u in (group(m, f"fu{s}") for s in ("", "2", "3", "4", "5")) if u)
    unit = "century" if unit.startswith("centur") else unit.removesuffix("s")
    if word:
        amount = _FRACTIONS[word]
    else:  # "... and a half"
        suffix = "f" if group(m, "nf") is not None else "f2"
        whole = count_of(m, lex, suffix) if group(m, f"n{suffix}") is not None else 1
        amount = whole + Fraction(1, 2)
    smaller, per = _SMALLER[unit]
    total = amount * per
    if total.denominator != 1:
        raise NoParse(f"{amount} of a {unit} is no whole number of {smaller}s")
    return DurationCore(smaller, int(total))


#: The side of the reference an amount lies on: "the past three months", "the next week".
_SIDES = {"past": -1, "last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}


def build_set(m: re.Match[str], lex: Lexicon) -> Core:
    word = group(m, "setw")
    if word is not None:
        return SetCore(lex.sets[word])
    plural = group(m, "wdpl")
    wd = group(m, "wd") or group(m, "wd_ab")
    if plural is not None or wd is not None:
        index = lex.weekdays[plural[:-1]] if plural else lex.weekdays[str(wd)]
        return SetCore(f"XXXX-WXX-{index + 1}")
    unit = group(m, "setu") or group(m, "setu2")
    step = 2 if group(m, "other") else 1
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[str(unit)]
    return SetCore(f"P{step}{letter}")
