"""What anchoring shares: TIMEX3 durations, month arithmetic, the outcome of anchoring
and the context a rule reads."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from summitcal.resolver.explain import Why, words
from summitcal.resolver.phrase import (
    Direction,
    NumericOrder,
)
from summitcal.span.span import DateSpan, Granularity, Season, month_end

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = [
    "ORDER_HINT",
    "SEASONS",
    "SEASON_MODELS",
    "UNIT_GRANULARITY",
    "WEEKDAY_NAMES",
    "Anchored",
    "Context",
    "Failure",
    "Parts",
    "add_months",
    "amount_delta",
    "duration_value",
    "plus_days",
]

#: How an error about an all-numeric date tells the caller to settle the order (the
#: command line words it as its own options).
ORDER_HINT = "pass order=NumericOrder.DAY_FIRST or MONTH_FIRST"

#: The season models a caller may ask for (``resolve(..., seasons=...)``).
SEASON_MODELS = ("meteorological", "astronomical")

UNIT_GRANULARITY = {
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


def amount_delta(unit: str, count: int) -> relativedelta:
    """``count`` calendar units as a ``dateutil`` relativedelta (a quarter is three
    months)."""
    # Imported here: most phrases never need it, and it is slow to import.
    from dateutil.relativedelta import relativedelta

    if unit == "quarter":
        return relativedelta(months=3 * count)
    return relativedelta(**{f"{unit}s": count})


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
SEASONS = {season.value: (season.first_month, season.name.lower()) for season in Season}


def plus_days(day: date, days: int) -> date:
    """``day`` moved by whole days (by its ordinal: a timedelta costs three times more)."""
    return _from_ordinal(day.toordinal() + days)


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Failure(Exception):
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


class Context:
    """What anchoring needs besides the phrase (a plain class: one is made per phrase)."""

    __slots__ = (
        "context_year",
        "direction",
        "label",
        "narrative",
        "order",
        "reference",
        "seasons",
    )

    def __init__(
        self,
        reference: date,
        direction: Direction,  # never AUTO here
        order: NumericOrder | None,
        context_year: int | None,
        label: Why,  # the direction as explained: "past ('said')"
        narrative: date,  # the day the story is at ("the next day" counts from it)
        seasons: str = "meteorological",  # or "astronomical"
    ) -> None:
        self.seasons = seasons
        self.reference = reference
        self.narrative = narrative
        self.direction = direction
        self.order = order
        self.context_year = context_year
        self.label = label
