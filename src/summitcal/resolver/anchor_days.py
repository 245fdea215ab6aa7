"""Anchoring days: choosing among yearly occurrences, weekdays, and the cores that name a
day or a range of days ("Feb. 6-7", "11/02/2025", "two days after Friday")."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from summitcal.resolver.anchor_base import (
    ORDER_HINT,
    WEEKDAY_NAMES,
    Context,
    Failure,
    add_months,
    plus_days,
)
from summitcal.resolver.explain import CUED, Why
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.phrase import (
    DayOfMonth,
    DayRange,
    DayWord,
    Direction,
    MonthDay,
    NumericDate,
    NumericOrder,
    NumericRange,
    Shift,
    Weekday,
)
from summitcal.span.span import DateSpan, Mod

__all__ = [
    "DAY_LABELS",
    "checked_day",
    "day_of",
    "day_of_month",
    "day_range",
    "direction_word",
    "near_instead",
    "numeric_date",
    "numeric_range",
    "shifted_day",
    "single_day",
    "weekday_day",
    "with_year",
]


# --- choosing among yearly occurrences -----------------------------------------------------


def _pick_yearly(
    make: Callable[[int], tuple[date, date]],
    ctx: Context,
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
        except (ValueError, Failure):  # 29 February in a common year, a table gap
            return None

    # Occurrences are made only as far as the choice needs, up to four years either side
    # (29 February comes round once in four).
    if ctx.direction is Direction.PAST:
        # Every occurrence of year y starts within y, so none of the year after the
        # reference's can start on or before it.
        for y in range(ref.year, ref.year - 5, -1):
            found = occurrence(y)
            if found is not None and found[0] <= ref:
                near = near_instead(found, functools.partial(occurrence, y + 1), ctx)
                if near is not None:
                    return near
                return found[0], found[1], ("latest on or before {}", ref)
    elif ctx.direction is Direction.FUTURE:
        for y in range(ref.year - 1, ref.year + 5):
            found = occurrence(y)
            if found is not None and (found[1] if future_by_last else found[0]) >= ref:
                near = near_instead(found, functools.partial(occurrence, y - 1), ctx)
                if near is not None:
                    return near
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
    raise Failure("no occurrence near the reference date")


@functools.cache
def _weak_words() -> frozenset[str]:
    # The present of a calendar verb ("ends", "opens") is a schedule and stays strong.
    return frozenset(lexicon().tense_reporting) | {"is", "are"}


def is_weak_cue(label: Why) -> bool:
    """Whether the direction ``label`` came from a reporting verb or a bare "is"/"are":
    cues that say little of when the thing itself happens."""
    return (
        type(label) is tuple and len(label) == 3 and label[0] == CUED and label[2] in _weak_words()
    )


#: A weak cue's occurrence this far away (days) gives way to one on the other side...
_FAR = 240
#: ...that lies this near.
_NEAR = 92


def near_instead(
    found: tuple[date, date],
    other_side: Callable[[], tuple[date, date] | None],
    ctx: Context,
) -> tuple[date, date, Why] | None:
    """The occurrence on the other side of the reference, when the direction came from a
    weak cue (a reporting verb, or "is") and would reach most of a
    year away for a day or month a few weeks off ("payable Nov. 17", "shares were sold in
    September", read from "said" or "is"); ``None`` otherwise."""
    if not is_weak_cue(ctx.label):  # the common case: nothing more is made
        return None
    other = other_side()
    if other is None:
        return None
    ref = ctx.reference
    far = min(abs((found[0] - ref).days), abs((found[1] - ref).days))
    near = min(abs((other[0] - ref).days), abs((other[1] - ref).days))
    if far > _FAR and near <= _NEAR:
        return (
            other[0],
            other[1],
            ("{}, but a weak cue: the occurrence {} days from {}", ctx.label, near, ref),
        )
    return None


def with_year(
    make: Callable[[int], tuple[date, date]],
    year: int | None,
    step: int | None,
    ctx: Context,
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


def direction_word(ctx: Context) -> Why:
    return ctx.label


# --- weekdays ------------------------------------------------------------------------------


def weekday_day(w: Weekday, ctx: Context) -> tuple[date, Why]:
    ref = ctx.reference
    name = WEEKDAY_NAMES[w.weekday]
    monday = plus_days(ref, -ref.weekday())
    rel = w.rel
    if w.week is not None:
        day = plus_days(monday, 7 * w.week + w.weekday)
        return day, ("{} of the ISO week {:+d} from {}", name, w.week, ref)
    if rel == "next":
        return plus_days(monday, 7 + w.weekday), ("{} of the ISO week after {}'s", name, ref)
    if rel == "this":
        # The day of the publication's ISO week; but read ahead of a Sunday's news, "this
        # Friday" is the coming one, and read back it is never a day still to come.
        day = plus_days(monday, w.weekday)
        if ctx.direction is Direction.FUTURE and day < ref:
            return plus_days(day, 7), ("{}: the {} after {}", ctx.label, name, ref)
        if ctx.direction is Direction.PAST and day > ref:
            return plus_days(day, -7), ("{}: the {} before {}", ctx.label, name, ref)
        return day, ("{} of {}'s ISO week", name, ref)
    back = (ref.weekday() - w.weekday) % 7
    ahead = (w.weekday - ref.weekday()) % 7
    if rel in ("last", "past"):
        back = back or 7
        return plus_days(ref, -back), ("latest {} before {}", name, ref)
    if rel in ("coming", "this coming", "the coming"):
        ahead = ahead or 7
        return plus_days(ref, ahead), ("earliest {} after {}", name, ref)
    if back == 0:
        return ref, ("{}: {} = publication day {}", ctx.label, name, ref)
    d = ctx.direction
    if d is Direction.PAST or (d is Direction.NEAREST and back <= ahead):
        return plus_days(ref, -back), ("{}: latest {} on or before {}", ctx.label, name, ref)
    return plus_days(ref, ahead), ("{}: earliest {} on or after {}", ctx.label, name, ref)


def day_of(core: Weekday | MonthDay | DayWord, ctx: Context) -> tuple[date, Why]:
    if isinstance(core, Weekday):
        return weekday_day(core, ctx)
    if isinstance(core, DayWord):
        return plus_days(ctx.reference, core.offset), ("{} from {}", core.word, ctx.reference)
    first, _, how = with_year(
        lambda y: (date(y, core.month, core.day),) * 2,
        core.year,
        core.year_step,
        ctx,
        future_by_last=False,
    )
    return first, ("{}: {}", ctx.label, how)


# --- days and ranges of days ------------------------------------------------------------


def day_range(core: DayRange, ctx: Context) -> tuple[DateSpan, Why]:
    a, b = core.start, core.end
    if isinstance(a, DayOfMonth) and isinstance(b, DayOfMonth):
        return _days_of_month(a, b, ctx)
    if isinstance(a, Weekday) and isinstance(b, Weekday):
        first, how = weekday_day(a, ctx)
        last = plus_days(first, (b.weekday - first.weekday()) % 7)
        return DateSpan.days(first, last), (
            "weekday range, {}; {}: first on or after it",
            how,
            WEEKDAY_NAMES[b.weekday],
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
        first, last, how = with_year(make, a.year, a.year_step, ctx, future_by_last=False)
    if last < first:
        raise Failure(f"the range ends ({last}) before it starts ({first})")
    return DateSpan.days(first, last), ("day range, {}: {}", direction_word(ctx), how)


def _days_of_month(a: DayOfMonth, b: DayOfMonth, ctx: Context) -> tuple[DateSpan, Why]:
    """10日至12日: the start as a day of the month, the end the first day numbered so on
    or after it."""
    start, how = day_of_month(a, ctx)
    first = start.first
    last = first.replace(day=b.day) if b.day >= first.day else None
    if last is None:
        try:
            last = add_months(first.replace(day=1), 1).replace(day=b.day)
        except ValueError:
            raise Failure(f"the month after {first} has no day {b.day}") from None
    return DateSpan.days(first, last), ("day range, {}; the end on or after it", how)


def numeric_range(core: NumericRange, ctx: Context) -> tuple[DateSpan, Why]:
    """ "5.8. - 16.8.": the start as a numeric date is read; the end, in the same order,
    is the first such day on or after it (or on its own year, if it has one)."""
    start, how = numeric_date(core.start, ctx)
    first = start.first
    day, month, _ = _day_and_month(core.end, ctx)
    year = core.end.year if core.end.year is not None else first.year
    try:
        last = date(year, month, day)
        if core.end.year is None and last < first:
            last = date(year + 1, month, day)
    except ValueError as exc:
        raise Failure(f"not a calendar date: {exc}") from None
    if last < first:
        raise Failure(f"the range ends ({last}) before it starts ({first})")
    return DateSpan.days(first, last), ("numeric range, {}; end first on or after it", how)


def _day_and_month(core: NumericDate, ctx: Context) -> tuple[int, int, str]:
    """(day, month, how) of a numeric date, by the order asked for or the only reading."""
    a, b = core.first, core.second
    if ctx.order is NumericOrder.DAY_FIRST:
        return a, b, "day first (as asked)"
    if ctx.order is NumericOrder.MONTH_FIRST:
        return b, a, "month first (as asked)"
    if a > 12 and b <= 12:
        return a, b, "day first (only reading)"
    if b > 12 and a <= 12:
        return b, a, "month first (only reading)"
    raise Failure(f"ambiguous numeric date: {a}/{b} reads day-first or month-first; {ORDER_HINT}")


def numeric_date(core: NumericDate, ctx: Context) -> tuple[DateSpan, Why]:
    a, b = core.first, core.second
    day, month, how = _day_and_month(core, ctx)
    if core.year is None:
        if ctx.order is None:
            raise Failure(
                f"a numeric date without a year ({a}/{b}) is read only with an explicit "
                f"order: {ORDER_HINT}"
            )
        try:
            date(2024, month, day)  # 29 February exists in some year
        except ValueError as exc:
            raise Failure(f"not a calendar date: {exc}") from None
        first, how_year = day_of(MonthDay(month=month, day=day), ctx)
        return DateSpan.day(first), ("numeric day, {}; {}", how, how_year)
    try:
        return DateSpan.day(date(core.year, month, day)), ("numeric date, {}", how)
    except ValueError as exc:
        raise Failure(f"not a calendar date: {exc}") from None


DAY_LABELS = {Weekday: "weekday", DayWord: "day word", MonthDay: "month-day"}


def checked_day(core: Weekday | DayWord | MonthDay, ctx: Context) -> tuple[date, Why]:
    day, how = day_of(core, ctx)
    if isinstance(core, MonthDay) and core.weekday is not None and day.weekday() != core.weekday:
        raise Failure(
            f"{day} is a {WEEKDAY_NAMES[day.weekday()]}, not a {WEEKDAY_NAMES[core.weekday]}"
        )
    return day, ("{}, {}", DAY_LABELS[type(core)], how)


def single_day(
    core: Weekday | DayWord | MonthDay, ctx: Context, mod: Mod | None
) -> tuple[DateSpan, Why]:
    day, how = checked_day(core, ctx)
    return DateSpan.day(day), how


def shifted_day(core: Shift, ctx: Context, mod: Mod | None) -> tuple[DateSpan, Why]:
    day, how = day_of(core.base, ctx)
    return DateSpan.day(plus_days(day, core.days)), (
        "{:+d} days from {} ({})",
        core.days,
        day,
        how,
    )


#: How far "Friday the 13th" is looked for, in months either side of the reference.
WEEKDAY_DAY_REACH = 12

_ORDINAL_ENDS = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def weekday_day_of_month(core: DayOfMonth, ctx: Context) -> tuple[DateSpan, Why]:
    """ "Friday the 13th": PAST, the latest such day on or before the reference; FUTURE,
    the earliest on or after it; NEAREST, the closest (a tie goes to the past); each
    within :data:`WEEKDAY_DAY_REACH` months of the reference."""
    assert core.weekday is not None
    ref = ctx.reference
    name = WEEKDAY_NAMES[core.weekday]
    words = f"{name} the {core.day}{_ORDINAL_ENDS.get(core.day, 'th')}"
    lo, hi = add_months(ref, -WEEKDAY_DAY_REACH), add_months(ref, WEEKDAY_DAY_REACH)
    direction = ctx.direction
    if direction is Direction.PAST:
        hi, side = ref, "before"
    elif direction is Direction.FUTURE:
        lo, side = ref, "after"
    else:
        side = "either side of"
    first = ref.replace(day=1)
    found: list[date] = []
    for k in range(-WEEKDAY_DAY_REACH, WEEKDAY_DAY_REACH + 1):
        try:
            day = add_months(first, k).replace(day=core.day)
        except ValueError:  # a month without that day
            continue
        if lo <= day <= hi and day.weekday() == core.weekday:
            found.append(day)
    if not found:
        raise Failure(
            f"no {words} falls within {WEEKDAY_DAY_REACH} months {side} {ref} "
            f"(day {core.day} is never a {name} in that time)"
        )
    how: Why
    if direction is Direction.PAST:
        day = found[-1]
        how = ("{}: the latest {} on or before {}", ctx.label, words, ref)
    elif direction is Direction.FUTURE:
        day = found[0]
        how = ("{}: the earliest {} on or after {}", ctx.label, words, ref)
    else:
        # The closest; on a tie the earlier (the past), as for a bare weekday.
        day = min(found, key=lambda d: abs(d.toordinal() - ref.toordinal()))
        how = ("{}: the {} nearest {}", ctx.label, words, ref)
    return DateSpan.day(day), ("weekday and day of the month, {}", how)


def day_of_month(core: DayOfMonth, ctx: Context) -> tuple[DateSpan, Why]:
    if core.weekday is not None:
        return weekday_day_of_month(core, ctx)
    ref = ctx.reference
    if core.month_step is not None:
        return _in_month(core.day, core.month_step, ref)
    candidates = [add_months(ref.replace(day=1), k) for k in (-1, 0, 1)]

    def on(first: date) -> date | None:
        try:
            return first.replace(day=core.day)
        except ValueError:
            return None

    this = on(candidates[1])
    if core.closest and ctx.direction is Direction.NEAREST:
        return _closest_day(core.day, [on(c) for c in candidates], ctx)
    if ctx.direction is Direction.PAST and (this is None or this > ref):
        day, how = on(candidates[0]), "past: previous month (the day is after publication)"
    elif ctx.direction is Direction.FUTURE and (this is None or this < ref):
        day, how = on(candidates[2]), "future: next month (the day is before publication)"
    else:
        day, how = this, "publication month"
    if day is None:
        raise Failure(f"that month has no day {core.day}")
    return DateSpan.day(day), ("day of the month, {}", how)


def _in_month(number: int, step: int, ref: date) -> tuple[DateSpan, Why]:
    """The day numbered ``number`` of the month ``step`` months from the reference's."""
    first = add_months(ref.replace(day=1), step)
    try:
        day = first.replace(day=number)
    except ValueError:
        raise Failure(f"{first:%Y-%m} has no day {number}") from None
    return DateSpan.day(day), ("day of the month, the month {:+d} from {}", step, ref)


def _closest_day(number: int, days: list[date | None], ctx: Context) -> tuple[DateSpan, Why]:
    """The day numbered ``number`` closest to the reference: the latest on or before it
    or the earliest on or after it (a tie to the past), among the three months around."""
    ref = ctx.reference
    before = [d for d in days if d is not None and d <= ref]
    after = [d for d in days if d is not None and d >= ref]
    if not before and not after:
        raise Failure(f"no day {number} in the months around {ref}")
    near = [before[-1]] if before else []
    near += [after[0]] if after else []
    day = min(near, key=lambda d: abs(d.toordinal() - ref.toordinal()))
    return DateSpan.day(day), (
        "day of the month, {}: the day {} closest to {}",
        ctx.label,
        number,
        ref,
    )
