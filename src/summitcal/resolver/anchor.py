"""Anchoring: a parsed phrase, a reference date and a direction give an absolute span.

Every rule here is one of the conventions written in docs/resolver.md; each returns the
span and a short explanation of the rule and the anchor used.  Nothing here reads the clock.

Example::

    >>> anchor(parse("on Friday")[0], date(2025, 2, 9), Direction.PAST).span.first
    datetime.date(2025, 2, 7)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

import attrs
from dateutil.easter import easter

from summitcal.errors import PhraseError
from summitcal.resolver.explain import Why, words
from summitcal.resolver.lexicon import Holiday, lexicon
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
    NumericDate,
    NumericOrder,
    Offset,
    Phrase,
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
from summitcal.span.span import DateSpan, Granularity, Mod, PartOfDay, Season, month_end

__all__ = ["ORDER_HINT", "Anchored", "Parts", "anchor", "anchor_parts", "duration_value"]

#: How an error about an all-numeric date tells the caller to settle the order (the
#: command line words it as its own options).
ORDER_HINT = "pass order=NumericOrder.DAY_FIRST or MONTH_FIRST"

_UNIT_GRANULARITY = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
}
# TIMEX3 duration letters by unit ("T" before a letter: a time unit, after the "T").
_DURATION_LETTERS = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
# Units written as a multiple of another: a quarter is three months, and so on.
_MULTIPLES = {
    "quarter": (3, "M"),
    "fortnight": (2, "W"),
    "decade": (10, "Y"),
    "century": (100, "Y"),
}


def duration_value(unit: str, count: int | None) -> str:
    """The ISO 8601 / TIMEX3 duration of ``count`` units (``None``: an unspecified amount):
    ``P3D``, ``P18M``, ``PT48H``, ``PXM`` (quarters as months, decades as years).

    >>> duration_value("hour", 2), duration_value("month", None), duration_value("quarter", 1)
    ('PT2H', 'PXM', 'P3M')
    """
    letter = _DURATION_LETTERS[unit]
    if count is not None and unit in _MULTIPLES:
        times, base = _MULTIPLES[unit]
        return f"P{times * count}{base}"
    amount = "X" if count is None else str(count)
    return f"PT{amount}{letter[1]}" if letter.startswith("T") else f"P{amount}{letter}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clipped to the end of a shorter month (as dateutil)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:  # 31 March + 1 month: the last day of April
        return month_end(year, month)


_from_ordinal = date.fromordinal
# A season's first month and name by its code (an enum's properties are slow lookups).
_SEASONS = {season.value: (season.first_month, season.name.lower()) for season in Season}


def _plus(day: date, days: int) -> date:
    """``day`` moved by whole days (by its ordinal: a timedelta costs three times more)."""
    return _from_ordinal(day.toordinal() + days)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Fail(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Anchored(NamedTuple):
    """The outcome of anchoring (a named tuple: one is made per phrase).

    Attributes:
        span: The span (``None`` for a duration, a set or a vague reference).
        value: The TIMEX3 value.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        why: The rule and the anchor, in parts (see :mod:`~summitcal.resolver.explain`).
        duration: For a duration: (unit, count), e.g. ("day", 3).
    """

    span: DateSpan | None
    value: str
    type: str
    why: Why
    duration: tuple[str, int] | None = None

    @property
    def explanation(self) -> str:
        """The rule and the anchor, in a few words."""
        return words(self.why)


#: The fields of an :class:`Anchored`, as a plain tuple.
Parts = tuple[DateSpan | None, str, str, Why, tuple[str, int] | None]


class _Ctx:
    """What anchoring needs besides the phrase (a plain class: one is made per phrase)."""

    __slots__ = ("context_year", "direction", "label", "narrative", "order", "reference")

    def __init__(
        self,
        reference: date,
        direction: Direction,  # never AUTO here
        order: NumericOrder | None,
        context_year: int | None,
        label: Why,  # the direction as explained: "past ('said')"
        narrative: date,  # the day the story is at ("the next day" counts from it)
    ) -> None:
        self.reference = reference
        self.narrative = narrative
        self.direction = direction
        self.order = order
        self.context_year = context_year
        self.label = label


# --- choosing among yearly occurrences -----------------------------------------------------


def _pick_yearly(
    make: Callable[[int], tuple[date, date]],
    ctx: _Ctx,
    *,
    future_by_last: bool,
) -> tuple[date, date, Why]:
    """Choose the occurrence of a yearly thing that the direction points to.

    PAST: the latest whose first day is on or before the reference.  FUTURE: the earliest
    whose first day (or, with ``future_by_last``, last day) is on or after it.  NEAREST: the
    one in the reference's year, unless it lies more than six months away, then the one in
    the adjacent year on the reference's side.
    """
    ref = ctx.reference

    def occurrence(y: int) -> tuple[date, date] | None:
        try:
            return make(y)
        except (ValueError, _Fail):  # 29 February in a common year, a table gap
            return None

    # Occurrences are made only as far as the choice needs, up to four years either side
    # (29 February comes round once in four).
    if ctx.direction is Direction.PAST:
        # Every occurrence of year y starts within y, so none of the year after the
        # reference's can start on or before it.
        for y in range(ref.year, ref.year - 5, -1):
            found = occurrence(y)
            if found is not None and found[0] <= ref:
                return found[0], found[1], ("latest on or before {}", ref)
    elif ctx.direction is Direction.FUTURE:
        for y in range(ref.year - 1, ref.year + 5):
            found = occurrence(y)
            if found is not None and (found[1] if future_by_last else found[0]) >= ref:
                return found[0], found[1], ("earliest on or after {}", ref)
    else:
        own = occurrence(ref.year)
        if own is not None and own[0].year == ref.year:
            first, last = own
            # (An adjacent year without the day, 29 February, keeps the same year's.)
            if first > add_months(ref, 6) and (other := occurrence(ref.year - 1)):
                return *other, ("nearest to {} (over six months ahead: year before)", ref)
            if last < add_months(ref, -6) and (other := occurrence(ref.year + 1)):
                return *other, ("nearest to {} (over six months back: year after)", ref)
            return first, last, ("nearest to {} (same year)", ref)
    raise _Fail("no occurrence near the reference date")


def _with_year(
    make: Callable[[int], tuple[date, date]],
    year: int | None,
    step: int | None,
    ctx: _Ctx,
    *,
    future_by_last: bool,
) -> tuple[date, date, Why]:
    if year is not None:
        first, last = make(year)
        return first, last, ("year {} given", year)
    if step is not None:
        first, last = make(ctx.reference.year + step)
        return first, last, ("publication year {:+d}", step) if step else "publication year"
    return _pick_yearly(make, ctx, future_by_last=future_by_last)


def _direction_word(ctx: _Ctx) -> Why:
    return ctx.label


# --- weekdays ------------------------------------------------------------------------------


def _weekday_day(w: Weekday, ctx: _Ctx) -> tuple[date, Why]:
    ref = ctx.reference
    name = _WEEKDAYS[w.weekday]
    monday = _plus(ref, -ref.weekday())
    rel = w.rel
    if w.week is not None:
        day = _plus(monday, 7 * w.week + w.weekday)
        return day, ("{} of the ISO week {:+d} from {}", name, w.week, ref)
    if rel == "next":
        return _plus(monday, 7 + w.weekday), ("{} of the ISO week after {}'s", name, ref)
    if rel == "this":
        return _plus(monday, w.weekday), ("{} of {}'s ISO week", name, ref)
    back = (ref.weekday() - w.weekday) % 7
    ahead = (w.weekday - ref.weekday()) % 7
    if rel in ("last", "past"):
        back = back or 7
        return _plus(ref, -back), ("latest {} before {}", name, ref)
    if rel in ("coming", "this coming", "the coming"):
        ahead = ahead or 7
        return _plus(ref, ahead), ("earliest {} after {}", name, ref)
    if back == 0:
        return ref, ("{}: {} = publication day {}", ctx.label, name, ref)
    d = ctx.direction
    if d is Direction.PAST or (d is Direction.NEAREST and back <= ahead):
        return _plus(ref, -back), ("{}: latest {} on or before {}", ctx.label, name, ref)
    return _plus(ref, ahead), ("{}: earliest {} on or after {}", ctx.label, name, ref)


def _day_of(core: Weekday | MonthDay | DayWord, ctx: _Ctx) -> tuple[date, Why]:
    if isinstance(core, Weekday):
        return _weekday_day(core, ctx)
    if isinstance(core, DayWord):
        return _plus(ctx.reference, core.offset), ("{} from {}", core.word, ctx.reference)
    first, _, how = _with_year(
        lambda y: (date(y, core.month, core.day),) * 2,
        core.year,
        core.year_step,
        ctx,
        future_by_last=False,
    )
    return first, ("{}: {}", ctx.label, how)


# --- the cores --------------------------------------------------------------------------------


def _range(core: DayRange, ctx: _Ctx) -> tuple[DateSpan, Why]:
    a, b = core.start, core.end
    if isinstance(a, Weekday) and isinstance(b, Weekday):
        first, how = _weekday_day(a, ctx)
        last = _plus(first, (b.weekday - first.weekday()) % 7)
        return DateSpan.days(first, last), (
            "weekday range, {}; {}: first on or after it",
            how,
            _WEEKDAYS[b.weekday],
        )
    assert isinstance(a, MonthDay)
    assert isinstance(b, MonthDay)

    def make(y: int) -> tuple[date, date]:
        first = date(y, a.month, a.day)
        last = date(y + (1 if b.month < a.month else 0), b.month, b.day)
        return first, last

    if b.year is not None and a.year is not None:
        first, last = date(a.year, a.month, a.day), date(b.year, b.month, b.day)
        how = "years given"
    else:
        first, last, how = _with_year(make, a.year, a.year_step, ctx, future_by_last=False)
    if last < first:
        raise _Fail(f"the range ends ({last}) before it starts ({first})")
    return DateSpan.days(first, last), ("day range, {}: {}", _direction_word(ctx), how)


def _numeric(core: NumericDate, ctx: _Ctx) -> tuple[DateSpan, Why]:
    a, b = core.first, core.second
    if ctx.order is NumericOrder.DAY_FIRST:
        day, month, how = a, b, "day first (as asked)"
    elif ctx.order is NumericOrder.MONTH_FIRST:
        day, month, how = b, a, "month first (as asked)"
    elif a > 12 and b <= 12:
        day, month, how = a, b, "day first (only reading)"
    elif b > 12 and a <= 12:
        day, month, how = b, a, "month first (only reading)"
    else:
        raise _Fail(f"ambiguous numeric date: {a}/{b} reads day-first or month-first; {ORDER_HINT}")
    if core.year is None:
        if ctx.order is None:
            raise _Fail(
                f"a numeric date without a year ({a}/{b}) is read only with an explicit "
                f"order: {ORDER_HINT}"
            )
        try:
            date(2024, month, day)  # 29 February exists in some year
        except ValueError as exc:
            raise _Fail(f"not a calendar date: {exc}") from None
        first, how_year = _day_of(MonthDay(month=month, day=day), ctx)
        return DateSpan.day(first), ("numeric day, {}; {}", how, how_year)
    try:
        return DateSpan.day(date(core.year, month, day)), ("numeric date, {}", how)
    except ValueError as exc:
        raise _Fail(f"not a calendar date: {exc}") from None


def _month_span(month: int, year: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def _month(core: MonthRef, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
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
        first, _, how = _with_year(
            lambda y: _month_span(core.month, y),
            core.year,
            core.year_step,
            ctx,
            future_by_last=True,
        )
    span = DateSpan.unit(Granularity.MONTH, first, mod=mod)
    return span, ("month, {}: {}", _direction_word(ctx), how)


def _holiday_span(h: Holiday, year: int) -> tuple[date, date]:
    if h.rule == "fixed":
        first = date(year, h.month, h.day)
    elif h.rule == "easter":
        first = _plus(easter(year), h.offset)
    elif h.rule == "nth":
        if h.n > 0:  # the n-th such weekday of the month
            start = date(year, h.month, 1)
            first = _plus(start, (h.weekday - start.weekday()) % 7 + 7 * (h.n - 1))
        else:  # counted from the month's end: -1 is the last
            end = _month_span(h.month, year)[1]
            first = _plus(end, -((end.weekday() - h.weekday) % 7 + 7 * (-h.n - 1)))
    else:
        table = lexicon().spring_festival
        if year not in table:
            raise _Fail(f"the Spring Festival table covers {min(table)}-{max(table)}, not {year}")
        first = table[year]
    return first, _plus(first, h.days - 1)


def _holiday(core: HolidayRef, ctx: _Ctx) -> tuple[DateSpan, Why]:
    def make(y: int) -> tuple[date, date]:
        return _holiday_span(core.holiday, y)

    how: Why
    if core.rel is not None and core.year is None:
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
        first, last, how = _with_year(make, core.year, core.year_step, ctx, future_by_last=False)
    return DateSpan.days(first, last), (
        "holiday ({}), {}: {}",
        core.name,
        _direction_word(ctx),
        how,
    )


def _season(core: SeasonRef, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    month, name = _SEASONS[core.season]
    ref = ctx.reference
    how: Why

    def make(y: int) -> tuple[date, date]:  # three months from the first (plain arithmetic)
        ey, em = (y + 1, month - 10) if month > 10 else (y, month + 2)
        return date(y, month, 1), month_end(ey, em)

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
        first, _, how = _with_year(make, core.year, core.year_step, ctx, future_by_last=True)
    span = DateSpan.unit(Granularity.SEASON, first, mod=mod)
    return span, ("season ({}), {}: {}", name, _direction_word(ctx), how)


def _year_of(year: int | None, step: int | None, ctx: _Ctx) -> tuple[int, Why]:
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
        return _plus(day, count)
    if unit == "week":
        return _plus(day, 7 * count)
    return add_months(day, _UNIT_MONTHS[unit] * count)


def _relative(core: Relative, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    g = _UNIT_GRANULARITY[core.unit]
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


def _offset(core: Offset, ctx: _Ctx) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    day = _moved(ref, core.unit, core.count)
    g = _UNIT_GRANULARITY[core.unit]
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


def _narrative(core: Narrative, ctx: _Ctx) -> tuple[DateSpan, Why]:
    day = _moved(ctx.narrative, core.unit, core.count)
    g = _UNIT_GRANULARITY[core.unit]
    whose = "the publication date" if ctx.narrative == ctx.reference else "the story's day"
    return DateSpan.unit(g, day), (
        "{:+d} {}(s) from {} ({}), kept at {} granularity",
        core.count,
        core.unit,
        ctx.narrative,
        whose,
        g.value,
    )


def _weekend(core: WeekendRef, ctx: _Ctx) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    how: Why
    saturday = _plus(ref, 5 - ref.weekday())
    if core.step is not None:
        day = _plus(saturday, 7 * core.step)
        how = ("weekend of the ISO week {:+d} from {}'s", core.step, ref)
    elif ctx.direction is Direction.PAST:
        day = saturday if ref >= saturday else _plus(saturday, -7)
        how = ("past: latest weekend starting on or before {}", ref)
    else:
        day = saturday if ref <= _plus(saturday, 1) else _plus(saturday, 7)
        how = ("{}: the weekend of {}'s week", ctx.direction.value, ref)
    return DateSpan.unit(Granularity.WEEKEND, day), how


def _explicit(core: Explicit, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.day(core.day), "explicit date"


_DAY_LABELS = {Weekday: "weekday", DayWord: "day word", MonthDay: "month-day"}


def _checked_day(core: Weekday | DayWord | MonthDay, ctx: _Ctx) -> tuple[date, Why]:
    day, how = _day_of(core, ctx)
    if isinstance(core, MonthDay) and core.weekday is not None and day.weekday() != core.weekday:
        raise _Fail(f"{day} is a {_WEEKDAYS[day.weekday()]}, not a {_WEEKDAYS[core.weekday]}")
    return day, ("{}, {}", _DAY_LABELS[type(core)], how)


def _single_day(
    core: Weekday | DayWord | MonthDay, ctx: _Ctx, mod: Mod | None
) -> tuple[DateSpan, Why]:
    day, how = _checked_day(core, ctx)
    return DateSpan.day(day), how


def _shift(core: Shift, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    day, how = _day_of(core.base, ctx)
    return DateSpan.day(_plus(day, core.days)), (
        "{:+d} days from {} ({})",
        core.days,
        day,
        how,
    )


def _year(core: YearRef, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.unit(Granularity.YEAR, date(core.year, 1, 1), mod=mod), "explicit year"


def _quarter(core: QuarterRef, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    year, how = _year_of(core.year, core.year_step, ctx)
    day = date(year, 3 * core.quarter - 2, 1)
    return DateSpan.unit(Granularity.QUARTER, day, mod=mod), ("quarter, {}", how)


def _half(core: HalfRef, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    year, how = _year_of(core.year, core.year_step, ctx)
    day = date(year, 6 * core.half - 5, 1)
    return DateSpan.unit(Granularity.HALF, day, mod=mod), ("half year, {}", how)


def _decade(core: Decade, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    return DateSpan.unit(Granularity.DECADE, date(core.first_year, 1, 1), mod=mod), "decade"


def _no_mod(rule: Callable[[Any, _Ctx], tuple[DateSpan, Why]]) -> _Rule:
    return lambda core, ctx, mod: rule(core, ctx)


_Rule = Callable[[Any, _Ctx, Mod | None], tuple[DateSpan, Why]]


def _span_of(core: Core, ctx: _Ctx, mod: Mod | None) -> tuple[DateSpan, Why]:
    rule = _RULES.get(type(core))
    if rule is None:  # durations and sets have no span
        raise AssertionError(f"no span rule for {core!r} at {ctx.reference}")
    return rule(core, ctx, mod)


def _day_of_month(core: DayOfMonth, ctx: _Ctx) -> tuple[DateSpan, Why]:
    ref = ctx.reference
    candidates = [add_months(ref.replace(day=1), k) for k in (-1, 0, 1)]

    def on(first: date) -> date | None:
        try:
            return first.replace(day=core.day)
        except ValueError:
            return None

    this = on(candidates[1])
    if ctx.direction is Direction.PAST and (this is None or this > ref):
        day, how = on(candidates[0]), "past: previous month (the day is after publication)"
    elif ctx.direction is Direction.FUTURE and (this is None or this < ref):
        day, how = on(candidates[2]), "future: next month (the day is before publication)"
    else:
        day, how = this, "publication month"
    if day is None:
        raise _Fail(f"that month has no day {core.day}")
    return DateSpan.day(day), ("day of the month, {}", how)


#: The anchoring rule of each kind of core (a table, not a chain of type tests).
_RULES: dict[type, _Rule] = {
    Explicit: _explicit,
    NumericDate: _no_mod(_numeric),
    Weekday: _single_day,
    DayWord: _single_day,
    MonthDay: _single_day,
    Shift: _shift,
    DayOfMonth: _no_mod(_day_of_month),
    DayRange: _no_mod(_range),
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
}


def _duration(core: DurationCore, reference: date) -> Parts:
    value = duration_value(core.unit, core.count)
    how = ("duration of {} {}(s)", core.count, core.unit)
    return None, value, "DURATION", how, (core.unit, core.count)


def _set(core: SetCore, reference: date) -> Parts:
    return None, core.value, "SET", "recurrence", None


def _vague(core: VagueRef, reference: date) -> Parts:
    side = "before" if core.value == "PAST_REF" else "after"
    how = ("an unspecified amount {} {}: no calendar value, only a side", side, reference)
    return None, core.value, "DATE", how, None


#: The cores that lie nowhere in time, each with how it is anchored.
_SPANLESS: dict[type, Callable[[Any, date], Parts]] = {
    DurationCore: _duration,
    SetCore: _set,
    VagueRef: _vague,
}


# --- entry point --------------------------------------------------------------------------------


def anchor(
    phrase: Phrase,
    reference: date,
    direction: Direction,
    *,
    order: NumericOrder | None = None,
    context_year: int | None = None,
    label: Why | None = None,
    text: str = "",
    narrative: date | None = None,
) -> Anchored:
    """Anchor ``phrase`` to ``reference`` in ``direction``.

    Args:
        phrase: What the grammar parsed.
        reference: The publication date.
        direction: PAST, FUTURE or NEAREST (AUTO must be decided before).
        order: How to read an all-numeric date.
        context_year: A year named elsewhere in the sentence ("the following year").
        label: How to name the direction in explanations (default: its value).
        text: The phrase as written, for error messages.
        narrative: The day the story is at, from which "the next day" and "two days
            later" count (default: ``reference``).

    Raises:
        PhraseError: If the phrase names no real date (an ambiguous numeric date, a day
            the month lacks, a weekday that does not match the date).
    """
    return Anchored(
        *anchor_parts(phrase, reference, direction, order, context_year, label, text, narrative)
    )


def anchor_parts(
    phrase: Phrase,
    reference: date,
    direction: Direction,
    order: NumericOrder | None,
    context_year: int | None,
    label: Why | None,
    text: str,
    narrative: date | None,
) -> Parts:
    """:func:`anchor` with every argument in place, giving the fields of its
    :class:`Anchored` as a plain tuple (the resolver's path: one per phrase)."""
    if direction is Direction.AUTO:
        raise ValueError("decide the direction before anchoring")
    ctx = _Ctx(
        reference,
        direction,
        order,
        context_year,
        label or direction.value,
        narrative if narrative is not None else reference,
    )
    core = phrase.core
    rule = _RULES.get(type(core))
    if rule is None:  # a duration, a set or a vague reference: no span
        return _SPANLESS[type(core)](core, reference)
    try:
        kind = "DATE"
        if phrase.part_of_day is None and phrase.start_time is None:
            span, how = rule(core, ctx, phrase.mod)
        else:
            kind = "TIME"
            if type(core) in _DAY_LABELS:  # a plain day: no need to build its span first
                assert isinstance(core, (Weekday, DayWord, MonthDay))
                day, how = _checked_day(core, ctx)
            else:
                day_span, how = _span_of(core, ctx, phrase.mod)
                if day_span.first != day_span.last:
                    raise _Fail("a time of day needs a single day")
                day = day_span.first
            if phrase.part_of_day is not None:
                span = DateSpan.part(day, PartOfDay(phrase.part_of_day))
            else:
                assert phrase.start_time is not None
                span = DateSpan.at(day, phrase.start_time, end=phrase.end_time)
        if phrase.mod is not None and not phrase.mod.narrows:
            span = attrs.evolve(span, mod=phrase.mod)
        if phrase.zone is not None:
            span = span.with_zone(phrase.zone)
            how = ("{}; zone {} kept, date not shifted", how, phrase.zone)
    except _Fail as exc:
        raise PhraseError(text, exc.reason, 0) from None
    except ValueError as exc:
        raise PhraseError(text, str(exc), 0) from None
    return span, span.timex, kind, how, None
