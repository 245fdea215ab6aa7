"""TIMEX3 values: reading one into a span's fields, and writing a span's fields as one.

:meth:`DateSpan.from_timex <summitcal.span.span.DateSpan.from_timex>` and
:attr:`DateSpan.timex <summitcal.span.span.DateSpan.timex>` are the public pair; the
functions here are their two halves.  The values are those of the TimeML annotation
guidelines, with the conventions written down in :mod:`summitcal.span.span`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, time

from summitcal.errors import TimexError
from summitcal.span.units import (
    Granularity,
    Mod,
    PartOfDay,
    Season,
    narrowed,
    unit_bounds,
    unit_label,
)

__all__ = ["Parsed", "TimexType", "format_timex", "parse_timex"]


class TimexType(enum.StrEnum):
    """The TIMEX3 type of a value (compares equal to its name)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


def _clock(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def format_timex(
    first: date,
    last: date,
    g: Granularity,
    start_time: time | None,
    end_time: time | None,
    part_of_day: PartOfDay | None,
    mod: Mod | None,
) -> str:
    """The TIMEX3 value of the span with these fields (see :attr:`DateSpan.timex`)."""
    if g is Granularity.DAY and mod is None:  # the commonest: one day or a run of days
        return first.isoformat() if first == last else f"{first}/{last}"
    if g is Granularity.TIME:
        assert start_time is not None
        start = f"{first.isoformat()}T{_clock(start_time)}"
        if end_time is None:
            return start
        return f"{start}/{last.isoformat()}T{_clock(end_time)}"
    if g is Granularity.PART_OF_DAY:
        assert part_of_day is not None
        return f"{first.isoformat()}T{part_of_day.value}"
    head = unit_label(g, first)
    if mod is not None and mod.narrows:
        return head
    if g is Granularity.DAY:
        return head if first == last else f"{head}/{last.isoformat()}"
    tail = unit_label(g, last)
    return head if head == tail else f"{head}/{tail}"


# --- reading --------------------------------------------------------------------------

#: A value read: granularity, first and last day, start and end time, part of the day,
#: and whether the fields came from one value (and so need no further checks).
Parsed = tuple[Granularity, date, date, time | None, time | None, PartOfDay | None, bool]

_One = tuple[Granularity, date, date, time | None, PartOfDay | None]


def _within_a_day(g: Granularity, n: list[int], groups: tuple[str, ...]) -> _One:
    day = date(n[0], n[1], n[2])
    if g is Granularity.TIME:
        return g, day, day, time(n[3], n[4], n[5] or 0), None
    if g is Granularity.PART_OF_DAY:
        return g, day, day, None, PartOfDay(groups[3])
    return g, day, day, None, None


# The day each unit's value starts its unit from, out of the value's numbers and groups.
_UnitDay = Callable[[list[int], tuple[str, ...]], date]
_PATTERNS: tuple[tuple[re.Pattern[str], Granularity, _UnitDay | None], ...] = tuple(
    (re.compile(p, re.ASCII), g, day)
    for p, g, day in (
        (r"(\d{4})-(\d{2})-(\d{2})", Granularity.DAY, None),
        (r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?", Granularity.TIME, None),
        (r"(\d{4})-(\d{2})-(\d{2})T(MO|MI|AF|EV|NI|DT)", Granularity.PART_OF_DAY, None),
        (r"(\d{4})-W(\d{2})", Granularity.WEEK, lambda n, _: date.fromisocalendar(n[0], n[1], 1)),
        (
            r"(\d{4})-W(\d{2})-WE",
            Granularity.WEEKEND,
            lambda n, _: date.fromisocalendar(n[0], n[1], 1),
        ),
        (r"(\d{4})-(\d{2})", Granularity.MONTH, lambda n, _: date(n[0], n[1], 1)),
        (
            r"(\d{4})-(SP|SU|FA|WI)",
            Granularity.SEASON,
            lambda n, groups: date(n[0], Season(groups[1]).first_month, 1),
        ),
        (r"(\d{4})-Q([1-4])", Granularity.QUARTER, lambda n, _: date(n[0], 3 * n[1] - 2, 1)),
        (r"(\d{4})-H([12])", Granularity.HALF, lambda n, _: date(n[0], 6 * n[1] - 5, 1)),
        (r"(\d{4})", Granularity.YEAR, lambda n, _: date(n[0], 1, 1)),
        (r"(\d{3})", Granularity.DECADE, lambda n, _: date(max(n[0] * 10, 1), 1, 1)),
        (r"(\d{2})", Granularity.CENTURY, lambda n, _: date(max(n[0] * 100, 1), 1, 1)),
    )
)


def _parse_one(value: str) -> _One:
    for pattern, g, unit_day in _PATTERNS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        groups = m.groups()
        n = [int(x) if x and x.isdigit() else 0 for x in groups]
        if unit_day is None:
            return _within_a_day(g, n, groups)
        first, last = unit_bounds(g, unit_day(n, groups))
        return g, first, last, None, None
    raise TimexError(value, "not a TIMEX3 date or time value this library resolves")


def parse_timex(value: str, mod: Mod | None) -> Parsed:
    """The fields of the span the TIMEX3 ``value`` (or ``first/last`` range) names.

    A narrowing ``mod`` narrows the days of a single value.

    Raises:
        TimexError: If the value is malformed, or the mod or range does not fit it.
        ValueError: If the value names an impossible date.
    """
    head, sep, tail = value.partition("/")
    a = _parse_one(head)
    narrows = mod is not None and mod.narrows
    if not sep:
        g, first, last, start, part = a
        if narrows:
            assert mod is not None
            if g in (Granularity.DAY, Granularity.TIME, Granularity.PART_OF_DAY):
                raise TimexError(value, f"{mod.name} needs a unit coarser than a day")
            first, last = narrowed(first, last, mod, g)
        return g, first, last, start, None, part, True
    b = _parse_one(tail)
    if a[0] is not b[0] or a[0] is Granularity.PART_OF_DAY:
        raise TimexError(value, "a range joins two values of one kind (not parts of day)")
    if narrows:
        assert mod is not None
        raise TimexError(value, f"{mod.name} applies to one unit, not a range")
    return a[0], a[1], b[2], a[3], b[3], None, False
