"""The anchoring rule of each kind of core (see docs/resolver.md for the conventions)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
from dateutil.easter import EASTER_ORTHODOX, easter

from summitcal.resolver.anchor_base import (
    SEASONS,
    UNIT_GRANULARITY,
    WEEKDAY_NAMES,
    Context,
    Failure,
    Parts,
    add_months,
    duration_value,
    plus_days,
)
from summitcal.resolver.anchor_days import (
    day_of_month,
    day_range,
    direction_word,
    near_instead,
    numeric_date,
    numeric_range,
    shifted_day,
    single_day,
    with_year,
)
from summitcal.resolver.astronomy import season_days
from summitcal.resolver.calendars import CalendarError, feast_days
from summitcal.resolver.explain import Why
from summitcal.resolver.lexicon import Holiday
from summitcal.resolver.phrase import (
    Core,
    DayOfMonth,
    DayRange,
    DayWord,
    Decade,
    Direction,
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
from summitcal.span.span import DateSpan, Granularity, Mod, month_end
from summitcal.span.units import narrowed

__all__ = ["RULES", "SPANLESS", "astronomical_value", "counted_interval", "span_of"]


# --- the cores --------------------------------------------------------------------------------


def _month_span(month: int, year: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def _month(core: MonthRef, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    how: Why
    if core.rel is not None:
        if core.rel == 0:
            year, how = ref.year, "publication year"
        elif core.rel < 0:
            year = ref.year if core.month < ref.month else ref.year - 1
            how = ("latest before {}", ref)
        else:
            year = ref.year if core.month > ref.month else ref.year + 1
            how = ("earliest after {}", ref)
        first = date(year, core.month, 1)
    else:
        first, _, how = with_year(
            lambda y: _month_span(core.month, y),
            core.year,
            core.year_step,
            ctx,
            future_by_last=True,
        )
    span = DateSpan.unit(Granularity.MONTH, first, mod=mod)
    return span, ("month, {}: {}", direction_word(ctx), how)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of the month, or counted from its end when
    ``n`` is negative (-1: the last); it may fall outside the month for a fifth."""
    if n > 0:
        start = date(year, month, 1)
        return plus_days(start, (weekday - start.weekday()) % 7 + 7 * (n - 1))
    end = _month_span(month, year)[1]
    return plus_days(end, -((end.weekday() - weekday) % 7 + 7 * (-n - 1)))


_COUNTS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


def _nth(core: NthWeekday, ctx: Context) -> tuple[DateSpan, Why]:
    month, how = span_of(core.month, ctx, None)
    first = month.first
    day = nth_weekday(first.year, first.month, core.weekday, core.n)
    name = WEEKDAY_NAMES[core.weekday]
    if day.month != first.month:
        raise Failure(f"{first:%B %Y} has no {_COUNTS[core.n]} {name}")
    return DateSpan.day(day), ("the {} {} of the {}", _COUNTS[core.n], name, how)


def _holiday_span(h: Holiday, year: int) -> tuple[date, date]:
    if h.rule == "fixed":
        first = date(year, h.month, h.day)
    elif h.rule == "easter":
        first = plus_days(easter(year), h.offset)
    elif h.rule == "nth":  # "offset" days on: Black Friday follows Thanksgiving
        first = plus_days(nth_weekday(year, h.month, h.weekday, h.n), h.offset)
    elif h.rule == "lunar":  # a day of the lunar year; its first without month and day
        first = plus_days(_lunar("day", year, h.month or 1, h.day or 1), h.offset)
    elif h.rule == "solar-term":
        first = _lunar("qingming", year)
    elif h.rule == "orthodox":
        first = plus_days(easter(year, EASTER_ORTHODOX), h.offset)
    elif h.rule == "calendar":
        return _in_year(h, year)[0]
    else:
        raise AssertionError(f"holiday {h.key!r} has no rule the resolver knows: {h.rule!r}")
    return first, plus_days(first, h.days - 1)


def _feast_after(calendar: str, event: str, day: date) -> date:
    """The first day of ``event`` after ``day``: in its year, or the next (a month of
    the Islamic year may run into January)."""
    for year in (day.year, day.year + 1):
        for found in feast_days(calendar, event, year):
            if found > day:
                return found
    raise CalendarError(f"the {calendar} calendar gives no date for {event} after {day}")


def _lunar(what: str, *args: int) -> date:
    """A date of the lunar table (read on first use: English news rarely needs it)."""
    from summitcal.resolver import lunar

    try:
        return lunar.lunar_day(*args) if what == "day" else lunar.qingming(*args)
    except lunar.LunarRangeError as exc:
        raise Failure(str(exc)) from None


def _holiday(core: HolidayRef, ctx: Context) -> tuple[DateSpan, Why]:
    def make(y: int) -> tuple[date, date]:
        return _holiday_span(core.holiday, y)

    how: Why
    named_year = core.year if core.year is not None else ctx.reference.year + (core.year_step or 0)
    if core.holiday.rule == "calendar" and not _once_a_year(core.holiday, named_year):
        first, last, how = _uneven_holiday(core, ctx, named_year)
    elif core.rel is not None and core.year is None:
        ref = ctx.reference
        if core.rel == 0:
            first, last = make(ref.year)
            how = "publication year"
        elif core.rel < 0:
            first, last = next(s for s in (make(ref.year), make(ref.year - 1)) if s[0] < ref)
            how = ("latest before {}", ref)
        else:
            first, last = next(s for s in (make(ref.year), make(ref.year + 1)) if s[0] > ref)
            how = ("earliest after {}", ref)
    else:
        # A holiday of several days still under way is the one ahead ("will fast during
        # Ramadan", read in Ramadan).
        lasting = _lasting(core.holiday)
        first, last, how = with_year(make, core.year, core.year_step, ctx, future_by_last=lasting)
    return DateSpan.days(first, last), (
        "holiday ({}), {}: {}",
        core.name,
        direction_word(ctx),
        how,
    )


#: How many years either side of the reference an uneven holiday is looked for in.
_UNEVEN_REACH = 2


def _occurrences(h: Holiday, year: int) -> list[tuple[date, date]]:
    """The days of each occurrence of a holiday of another calendar that starts in
    ``year``: a feast of the Islamic year, 11 days shorter than the Gregorian, falls twice
    in some years (Eid al-Fitr: 2 January and 23 December 2033) and in none at all in
    others; a year outside the calendar's tables has none."""
    try:
        days = feast_days(h.calendar, h.event, year)
        if h.until:  # to the day before the next such feast (Ramadan: Eid al-Fitr)
            return [(d, plus_days(_feast_after(h.calendar, h.until, d), -1)) for d in days]
    except CalendarError as exc:
        raise Failure(str(exc)) from None
    return [(d, plus_days(d, h.days - 1)) for d in days]


def _in_year(h: Holiday, year: int) -> list[tuple[date, date]]:
    """:func:`_occurrences`, refused when there is none."""
    found = _occurrences(h, year)
    if not found:
        raise Failure(f"the {h.calendar} calendar gives no date for {h.event} in {year}")
    return found


def _lasting(h: Holiday) -> bool:
    """Whether the holiday lasts several days (Hanukkah, Ramadan)."""
    return h.days > 1 or bool(h.until)


@functools.lru_cache(maxsize=256)
def _once_a_year(h: Holiday, year: int) -> bool:
    """Whether the holiday falls once in each year around ``year`` (the yearly choice
    of every other holiday then applies)."""
    reach = range(year - _UNEVEN_REACH, year + _UNEVEN_REACH + 1)
    return all(len(_occurrences(h, y)) == 1 for y in reach)


def _uneven_holiday(core: HolidayRef, ctx: Context, year: int) -> tuple[date, date, Why]:
    """A holiday that falls twice in a year near the reference, or not at all: the
    occurrence the phrase names (``year``, when it names one), chosen among all of them
    rather than one a year."""
    h, ref = core.holiday, ctx.reference
    if core.year is not None or core.year_step is not None:
        found = _in_year(h, year)
        if len(found) > 1:
            days = " and ".join(f"{first:%-d %B}" for first, _ in found)
            raise Failure(f"{core.name} falls twice in {year} ({days}): say which")
        return found[0][0], found[0][1], ("year {} given", year)
    around = sorted(
        occurrence
        for y in range(ref.year - _UNEVEN_REACH, ref.year + _UNEVEN_REACH + 1)
        for occurrence in _occurrences(h, y)
    )
    rel = core.rel
    chosen: tuple[date, date] | None = None
    if rel is not None and rel < 0:  # "last Eid": strictly before
        chosen = next((o for o in reversed(around) if o[0] < ref), None)
        how: Why = ("latest before {}", ref)
    elif rel is not None and rel > 0:  # "next Eid": strictly after
        chosen = next((o for o in around if o[0] > ref), None)
        how = ("earliest after {}", ref)
    elif rel is None and ctx.direction is Direction.PAST:
        chosen = next((o for o in reversed(around) if o[0] <= ref), None)
        how = ("latest on or before {}", ref)
        after = next((o for o in around if o[0] > ref), None)
        if chosen is not None and (near := near_instead(chosen, lambda: after, ctx)):
            return near
    elif rel is None and ctx.direction is Direction.FUTURE:
        lasting = _lasting(h)  # one under way is still ahead
        chosen = next((o for o in around if (o[1] if lasting else o[0]) >= ref), None)
        how = ("earliest on or after {}", ref)
        before = next((o for o in reversed(around) if o[0] < ref), None)
        if chosen is not None and (near := near_instead(chosen, lambda: before, ctx)):
            return near
    else:  # "this Eid" (of the publication year), or no direction: the nearest
        pool = [o for o in around if o[0].year == ref.year] if rel == 0 else around
        if pool:
            chosen = min(pool, key=lambda o: abs((o[0] - ref).days))
        how = ("nearest to {}", ref)
    if chosen is not None:
        return chosen[0], chosen[1], how
    raise Failure(f"the {h.calendar} calendar gives no date for {h.event} near {ref}")


def _season(core: SeasonRef, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    month, name = SEASONS[core.season]
    ref = ctx.reference
    how: Why

    def make(y: int) -> tuple[date, date]:  # three months from the first (plain arithmetic)
        ey, em = (y + 1, month - 10) if month > 10 else (y, month + 2)
        return date(y, month, 1), month_end(ey, em)

    if ctx.seasons == "astronomical":

        def make(y: int) -> tuple[date, date]:  # equinox or solstice to the next
            return season_days(core.season, y)

    if core.rel is not None and core.year is None:
        candidates = [make(y) for y in range(ref.year - 2, ref.year + 2)]
        if core.rel == 0:
            inside = [s for s in candidates if s[0] <= ref <= s[1]]
            first = inside[0][0] if inside else make(ref.year)[0]
            how = "the one containing the publication date" if inside else "publication year"
        elif core.rel < 0:
            first = [s for s in candidates if s[1] < ref][-1][0]
            how = ("latest ended before {}", ref)
        else:
            first = next(s for s in candidates if s[0] > ref)[0]
            how = ("earliest starting after {}", ref)
    else:
        first, _, how = with_year(make, core.year, core.year_step, ctx, future_by_last=True)
    if ctx.seasons == "astronomical":
        # Days that are no calendar unit: the span is those days, the value the season's.
        days = make(first.year)
        if mod is not None and mod.narrows:
            days = narrowed(*days, mod, Granularity.SEASON)
        span = attrs.evolve(DateSpan.days(*days), mod=mod)
        return span, ("astronomical season ({}), {}: {}", name, direction_word(ctx), how)
    span = DateSpan.unit(Granularity.SEASON, first, mod=mod)
    return span, ("season ({}), {}: {}", name, direction_word(ctx), how)


def astronomical_value(core: SeasonRef, span: DateSpan) -> str:
    """The TIMEX3 value of an astronomical season's span (``2025-WI`` for 21 December
    2025 to 19 March 2026, or any part of it): the model changes the days, not the name."""
    year = span.first.year - (core.season == "WI" and span.first.month <= 6)
    return f"{year}-{core.season}"


def _year_of(year: int | None, step: int | None, ctx: Context) -> tuple[int, Why]:
    if year is not None:
        return year, ("year {} given", year)
    step = step or 0
    return ctx.reference.year + step, (
        "publication year {:+d}",
        step,
    ) if step else "publication year"


_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}


def _moved(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` calendar units (days, weeks, months, quarters, years...)."""
    if unit == "day":
        return plus_days(day, count)
    if unit == "week":
        return plus_days(day, 7 * count)
    return add_months(day, _UNIT_MONTHS[unit] * count)


def _relative(core: Relative, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    g = UNIT_GRANULARITY[core.unit]
    if core.anchored and ctx.context_year is not None:
        year = ctx.context_year + core.step
        return DateSpan.unit(g, date(year, 1, 1), mod=mod), (
            "year {:+d} from {} named in the sentence",
            core.step,
            ctx.context_year,
        )
    step = core.step
    day = _moved(ref, core.unit, step)
    if step == 0:
        return DateSpan.unit(g, day, mod=mod), (
            "relative {}: the publication date's {}",
            core.unit,
            core.unit,
        )
    return DateSpan.unit(g, day, mod=mod), (
        "relative {}: {:+d} from the publication date's {}",
        core.unit,
        step,
        core.unit,
    )


def _offset(core: Offset, ctx: Context) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    day = _moved(ref, core.unit, core.count)
    g = UNIT_GRANULARITY[core.unit]
    sign = "after" if core.count > 0 else "before"
    n = abs(core.count)
    return DateSpan.unit(g, day), (
        "{} {}(s) {} {}, kept at {} granularity",
        n,
        core.unit,
        sign,
        ref,
        g.value,
    )


def _narrative(core: Narrative, ctx: Context) -> tuple[DateSpan, Why]:
    day = _moved(ctx.narrative, core.unit, core.count)
    g = UNIT_GRANULARITY[core.unit]
    whose = "the publication date" if ctx.narrative == ctx.reference else "the story's day"
    return DateSpan.unit(g, day), (
        "{:+d} {}(s) from {} ({}), kept at {} granularity",
        core.count,
        core.unit,
        ctx.narrative,
        whose,
        g.value,
    )


def _weekend(core: WeekendRef, ctx: Context) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    how: Why
    saturday = plus_days(ref, 5 - ref.weekday())
    if core.step is not None:
        day = plus_days(saturday, 7 * core.step)
        how = ("weekend of the ISO week {:+d} from {}'s", core.step, ref)
    elif ctx.direction is Direction.PAST:
        day = saturday if ref >= saturday else plus_days(saturday, -7)
        how = ("past: latest weekend starting on or before {}", ref)
    else:
        day = saturday if ref <= plus_days(saturday, 1) else plus_days(saturday, 7)
        how = ("{}: the weekend of {}'s week", ctx.direction.value, ref)
    return DateSpan.unit(Granularity.WEEKEND, day), how


def _explicit(core: Explicit, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.day(core.day), "explicit date"


def _year(core: YearRef, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.unit(Granularity.YEAR, date(core.year, 1, 1), mod=mod), "explicit year"


def _quarter(core: QuarterRef, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    year, how = _period_year(core.year, core.year_step, ctx, 3 * core.quarter - 2)
    day = date(year, 3 * core.quarter - 2, 1)
    return DateSpan.unit(Granularity.QUARTER, day, mod=mod), ("quarter, {}", how)


def _half(core: HalfRef, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    year, how = _period_year(core.year, core.year_step, ctx, 6 * core.half - 5)
    day = date(year, 6 * core.half - 5, 1)
    return DateSpan.unit(Granularity.HALF, day, mod=mod), ("half year, {}", how)


def _period_year(year: int | None, step: int | None, ctx: Context, month: int) -> tuple[int, Why]:
    """The year of a quarter or half starting in ``month``: the publication year's, unless
    a past tense points at one that has not begun yet ("profit jumped in the fourth
    quarter", read in January, is last year's)."""
    ref = ctx.reference
    if (
        year is None
        and not step
        and ctx.direction is Direction.PAST
        and date(ref.year, month, 1) > ref
    ):
        return ref.year - 1, ("{}: the latest begun before {}", ctx.label, ref)
    return _year_of(year, step, ctx)


def _decade(core: Decade, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.unit(Granularity.DECADE, date(core.first_year, 1, 1), mod=mod), "decade"


def _no_mod(rule: Callable[[Any, Context], tuple[DateSpan, Why]]) -> _Rule:
    return lambda core, ctx, mod: rule(core, ctx)


_Rule = Callable[[Any, Context, Mod | None], tuple[DateSpan, Why]]


def span_of(core: Core, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    rule = RULES.get(type(core))
    if rule is None:  # durations and sets have no span
        raise AssertionError(f"no span rule for {core!r} at {ctx.reference}")
    return rule(core, ctx, mod)


#: The anchoring rule of each kind of core (a table, not a chain of type tests).
RULES: dict[type, _Rule] = {
    Explicit: _explicit,
    NumericDate: _no_mod(numeric_date),
    NumericRange: _no_mod(numeric_range),
    Weekday: single_day,
    DayWord: single_day,
    MonthDay: single_day,
    Shift: shifted_day,
    DayOfMonth: _no_mod(day_of_month),
    DayRange: _no_mod(day_range),
    MonthRef: _month,
    YearRef: _year,
    Relative: _relative,
    Offset: _no_mod(_offset),
    HolidayRef: _no_mod(_holiday),
    SeasonRef: _season,
    QuarterRef: _quarter,
    HalfRef: _half,
    Decade: _decade,
    WeekendRef: _no_mod(_weekend),
    Narrative: _no_mod(_narrative),
    NthWeekday: _no_mod(_nth),
}


def _duration(core: DurationCore, reference: date) -> Parts:
    value = duration_value(core.unit, core.count)
    if core.count is None:
        return None, value, "DURATION", ("an unspecified number of {}s", core.unit), None
    how = ("duration of {} {}(s)", core.count, core.unit)
    return None, value, "DURATION", how, (core.unit, core.count)


def counted_interval(core: DurationCore, reference: date) -> DateSpan | None:
    """The days a counted amount covers beside the reference: the ``count`` units ending
    on it ("the past three months" read on 31 August: 1 June to 31 August), or starting
    on it ("the next five years"); ``None`` for a bare amount, a unit under a day (the
    reference has no clock), or one that would reach past the ends of the calendar."""
    unit, count = core.unit, core.count
    if not core.side or unit not in _DAYS_IN or count is None or count < 1:
        return None
    count *= core.side
    try:
        # As dateutil's relativedelta steps (whole months clipped to the end of a shorter
        # month), without building one: this runs for every amount read.
        other = _moved(reference, unit, count)
        if count < 0:
            return DateSpan.days(other + _ONE_DAY, reference)
        return DateSpan.days(reference, other - _ONE_DAY)
    except (ValueError, OverflowError):  # past the ends of the calendar: no interval
        return None


_DAYS_IN = frozenset({"day", "week", "month", "quarter", "year"})
_ONE_DAY = timedelta(days=1)


def _set(core: SetCore, reference: date) -> Parts:
    return None, core.value, "SET", "recurrence", None


def _vague(core: VagueRef, reference: date) -> Parts:
    side = "before" if core.value == "PAST_REF" else "after"
    how = ("an unspecified amount {} {}: no calendar value, only a side", side, reference)
    return None, core.value, "DATE", how, None


#: The cores that lie nowhere in time, each with how it is anchored.
SPANLESS: dict[type, Callable[[Any, date], Parts]] = {
    DurationCore: _duration,
    SetCore: _set,
    VagueRef: _vague,
}
