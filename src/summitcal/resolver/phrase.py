"""Parsed, unresolved date phrases: what the grammar produces and the anchor consumes.

A phrase says *what* the words mean ("the Friday of the week after", "May of the year
before") without knowing *when*; only :func:`summitcal.resolver.anchor.anchor` turns it into
a :class:`~summitcal.span.span.DateSpan`, given a reference date and a direction.  Keeping the
two apart lets a caller parse once and anchor to several references.

Example::

    >>> Weekday(weekday=4)          # "on Friday"
    Weekday(weekday=4, rel=None, week=None)
"""

from __future__ import annotations

import enum
from datetime import date, time

import attrs

from summitcal.resolver.lexicon import Holiday
from summitcal.span.span import Mod

__all__ = [
    "Core",
    "DayOfMonth",
    "DayRange",
    "DayWord",
    "Decade",
    "Direction",
    "DurationCore",
    "Explicit",
    "HalfRef",
    "HolidayRef",
    "MonthDay",
    "MonthRef",
    "Narrative",
    "NthWeekday",
    "NumericDate",
    "NumericOrder",
    "NumericRange",
    "Offset",
    "Phrase",
    "QuarterRef",
    "Relative",
    "SeasonRef",
    "SetCore",
    "Shift",
    "VagueRef",
    "Weekday",
    "WeekendRef",
    "YearRef",
]


class Direction(enum.Enum):
    """Which way a phrase without a year (or a bare weekday) points from the reference.

    ``AUTO`` reads it from the context sentence's tense; ``PAST`` takes the latest
    occurrence on or before the reference, ``FUTURE`` the earliest on or after it, and
    ``NEAREST`` the closest (see docs/resolver.md for each kind of phrase).
    """

    AUTO = "auto"
    PAST = "past"
    FUTURE = "future"
    NEAREST = "nearest"


class NumericOrder(enum.Enum):
    """How to read an all-numeric date such as ``11/02/2025``."""

    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


# --- cores: the calendar meaning of the words --------------------------------------------


@attrs.frozen
class Explicit:
    """A full date with its year ("11 February 2025", "2025-02-11")."""

    day: date


@attrs.frozen
class NumericDate:
    """``a/b/yyyy`` (or ``a/b``): which of ``a`` and ``b`` is the day depends on the order.

    Without a year the date is read only with an explicit order, and placed by tense like
    "February 11".
    """

    first: int
    second: int
    year: int | None


@attrs.frozen
class NumericRange:
    """Two numeric dates joined by a dash ("5.8. - 16.8."): read in one order, the end is
    the first such day on or after the start."""

    start: NumericDate
    end: NumericDate


@attrs.frozen
class MonthDay:
    """A day of a month, with or without a year ("February 11", "Feb 11, 2025")."""

    month: int
    day: int
    year: int | None = None
    year_step: int | None = None  # "February 11 last year": -1
    weekday: int | None = None  # "Tuesday, February 11": checked when the year is known


@attrs.frozen
class DayOfMonth:
    """A day of the reference month, or the month the tense points to ("on the 11th").

    With a ``weekday`` ("Friday the 13th"), the day of the nearest month, in the tense's
    direction, on which that day of the month falls on that weekday.  With ``closest``
    (Chinese news's bare 9日), NEAREST reads the closer of the latest such day on or
    before the reference and the earliest on or after it, rather than the reference's
    month.
    """

    day: int
    weekday: int | None = None
    closest: bool = False
    month_step: int | None = None  # 上月28日: the day of the month before the reference's


@attrs.frozen
class Weekday:
    """A weekday: bare, or with ``last``/``next``/``this``/``coming``/``past``.

    ``week`` is the step for "Friday next week" (+1) or "Friday last week" (-1).
    """

    weekday: int
    rel: str | None = None
    week: int | None = None


@attrs.frozen
class NthWeekday:
    """The ``n``-th weekday of a month, or counted from its end (-1: the last): "the
    third Tuesday of September 2014", "the last Friday of the month", "the first Monday
    in May".  The month is placed as a month name (or "next month") is."""

    n: int
    weekday: int
    month: MonthRef | Relative


@attrs.frozen
class DayWord:
    """``today`` (0), ``tomorrow`` (+1), ``the day before yesterday`` (-2)..."""

    offset: int
    word: str = "today"


@attrs.frozen
class Shift:
    """A day phrase moved by whole days: "a week from Monday" is Monday + 7."""

    base: Weekday | DayWord | MonthDay
    days: int


@attrs.frozen
class DayRange:
    """Two day phrases joined by "to", "through", "and", "-" (or 至, 到: 10日至12日, whose
    ends are days of the month)."""

    start: Weekday | MonthDay | DayWord | DayOfMonth
    end: Weekday | MonthDay | DayWord | DayOfMonth


@attrs.frozen
class MonthRef:
    """A month: "May", "May last year", "October 2023", "this May"."""

    month: int
    year: int | None = None
    year_step: int | None = None
    rel: int | None = None  # "last May" (-1), "next May" (+1), "this May" (0)


@attrs.frozen
class YearRef:
    """An explicit year ("2017")."""

    year: int


@attrs.frozen
class Relative:
    """A unit relative to the reference's: "last month", "next week", "this year".

    ``anchored`` marks "the previous year"/"the following year", which count from a year
    named elsewhere in the sentence when there is one.
    """

    unit: str
    step: int
    anchored: bool = False


@attrs.frozen
class WeekendRef:
    """A weekend: "this weekend" (step 0), "last weekend", "next weekend", "the weekend"."""

    step: int | None


@attrs.frozen
class Offset:
    """``count`` units before (negative) or after the reference: "three days ago"."""

    unit: str
    count: int


@attrs.frozen
class Narrative:
    """A day (or week, month, year) counted from the day the story is at, not from the
    publication date: "the next day" (day, +1), "the previous day" (day, -1), "that day"
    (day, 0), "two weeks later" (week, +2)."""

    unit: str
    count: int


@attrs.frozen
class VagueRef:
    """An unspecified amount from now: "a few days ago" (``PAST_REF``), "in a few weeks"
    (``FUTURE_REF``).  TimeML gives such phrases no calendar value, only a side."""

    value: str


@attrs.frozen
class HolidayRef:
    """A holiday, with or without a year ("Christmas", "Easter 2024", "next Christmas")."""

    holiday: Holiday
    name: str
    year: int | None = None
    year_step: int | None = None
    rel: int | None = None


@attrs.frozen
class SeasonRef:
    """A meteorological season ("this summer", "autumn 2023", "the fall")."""

    season: str  # TIMEX3 code: SP, SU, FA, WI
    year: int | None = None
    year_step: int | None = None
    rel: int | None = None


@attrs.frozen
class QuarterRef:
    """A calendar quarter of a year ("Q3", "the third quarter of 2024")."""

    quarter: int
    year: int | None = None
    year_step: int | None = None


@attrs.frozen
class HalfRef:
    """A calendar half of a year ("the first half of 2025")."""

    half: int
    year: int | None = None
    year_step: int | None = None


@attrs.frozen
class Decade:
    """A decade by its first year ("the 1990s": 1990)."""

    first_year: int


@attrs.frozen
class DurationCore:
    """An amount of time, not a position in time ("for three days": 3 days; a ``count``
    of ``None`` is an unspecified amount, 多年来: ``PXY``).

    ``side`` is -1 for the amount just past ("the past three months", "last 2 days"),
    +1 for the amount ahead ("the next five years"), 0 for a bare amount.
    """

    unit: str
    count: int | None
    side: int = 0


@attrs.frozen
class SetCore:
    """A recurrence (TIMEX3 SET): "every Friday" (``XXXX-WXX-5``), "annually" (``P1Y``)."""

    value: str


Core = (
    Explicit
    | NumericDate
    | NumericRange
    | MonthDay
    | DayOfMonth
    | Weekday
    | NthWeekday
    | DayWord
    | Shift
    | DayRange
    | MonthRef
    | YearRef
    | Relative
    | WeekendRef
    | Offset
    | Narrative
    | VagueRef
    | HolidayRef
    | SeasonRef
    | QuarterRef
    | HalfRef
    | Decade
    | DurationCore
    | SetCore
)


@attrs.frozen(kw_only=True)
class Phrase:
    """A parsed phrase: its core meaning plus what qualifies it.

    Attributes:
        core: The calendar meaning.
        rule: The grammar rule that matched (for explanations and tests).
        mod: A fuzzy part ("early", "mid-", "late") as a TIMEX3 mod.
        part_of_day: A TIMEX3 part-of-day code ("MO") for "Monday morning".
        start_time: A clock time ("9 a.m. on Monday").
        end_time: The end of a clock range ("from 9 a.m. to 11 a.m.").
        zone: The IANA zone a zone word named ("Beijing time").
    """

    core: Core
    rule: str
    mod: Mod | None = None
    part_of_day: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    zone: str | None = None
