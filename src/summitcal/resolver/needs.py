"""Whether a phrase's value can depend on the direction (past or future) at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from summitcal.resolver.phrase import (
    DayOfMonth,
    DayRange,
    HalfRef,
    HolidayRef,
    MonthDay,
    MonthRef,
    NthWeekday,
    NumericDate,
    NumericRange,
    Phrase,
    QuarterRef,
    SeasonRef,
    Shift,
    Weekday,
    WeekendRef,
)

__all__ = ["DIRECTION_TESTS", "needs_direction"]


def needs_direction(phrase: Phrase) -> bool:
    """Whether the phrase's value can depend on the direction (past or future) at all.

    "on Friday", "May", "February 11", "the fall", "the weekend" and "the fourth quarter"
    can; explicit dates, years, "last week", "three days ago", "May 2024", "next Friday",
    durations and sets cannot, so their sentence's tense is not read.
    """
    test = DIRECTION_TESTS.get(type(phrase.core))
    return test is not None and test(phrase.core)


def _yearless(core: MonthDay | QuarterRef | HalfRef) -> bool:
    return core.year is None and core.year_step is None


def _unplaced(core: MonthRef | HolidayRef | SeasonRef) -> bool:
    return core.rel is None and core.year is None and core.year_step is None


def _range_needs(core: DayRange) -> bool:
    first = core.start
    if type(first) is Weekday:
        return _bare_weekday(first)
    if type(first) is MonthDay:  # a year on the first day fixes both
        return _yearless(first)
    return type(first) is DayOfMonth


def _shift_needs(core: Shift) -> bool:
    base = core.base
    if type(base) is MonthDay:
        return _yearless(base)
    return type(base) is Weekday and _bare_weekday(base)


def _bare_weekday(core: Weekday) -> bool:
    # "last/next/coming Friday", "Friday next week" are placed by their words; "this
    # Friday" by its week, unless the tense points out of it (see anchor_days).
    return core.week is None and core.rel in (None, "this")


#: For each kind of core whose value may depend on the direction, whether this one does
#: (a table by type, not a chain of type tests).
DIRECTION_TESTS: dict[type, Callable[[Any], bool]] = {
    Weekday: _bare_weekday,
    MonthDay: _yearless,
    MonthRef: _unplaced,
    HolidayRef: _unplaced,
    SeasonRef: _unplaced,
    DayRange: _range_needs,
    Shift: _shift_needs,
    NumericDate: lambda core: core.year is None,
    NumericRange: lambda core: core.start.year is None,
    WeekendRef: lambda core: core.step is None,
    DayOfMonth: lambda core: core.month_step is None,
    NthWeekday: lambda core: type(core.month) is MonthRef and _unplaced(core.month),
    # A yearless quarter or half is the publication year's, unless a past tense points
    # before one not yet begun ("profit jumped in the fourth quarter", read in January).
    QuarterRef: _yearless,
    HalfRef: _yearless,
}
