"""Anchoring single days: choosing among yearly occurrences, and weekdays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from summitcal.resolver.anchor_base import WEEKDAY_NAMES, Context, Failure, add_months, plus_days
from summitcal.resolver.explain import Why
from summitcal.resolver.phrase import (
    DayWord,
    Direction,
    MonthDay,
    Weekday,
)

__all__ = ["day_of", "direction_word", "weekday_day", "with_year"]


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
    raise Failure("no occurrence near the reference date")


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
        return plus_days(monday, w.weekday), ("{} of {}'s ISO week", name, ref)
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
