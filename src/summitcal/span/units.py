"""Calendar units: granularities, TIMEX3 mods, parts of the day and seasons, and the unit of
a granularity that holds a given day.

Each granularity has one :class:`Unit` record in ``_UNITS``: how to find the unit that
contains a day (its bounds), the unit's TIMEX3 label, and how START, MID and END cut it
into thirds.  The conventions are those written down in :mod:`summitcal.span.span`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date

import attrs

from summitcal.errors import TimexError

__all__ = [
    "CALENDAR",
    "Granularity",
    "Mod",
    "PartOfDay",
    "Season",
    "Unit",
    "day_shifted",
    "half_of",
    "month_end",
    "narrowed",
    "quarter_of",
    "unit_bounds",
    "unit_label",
    "unit_of",
]


class Granularity(enum.Enum):
    """How precisely a span is known, from finest to coarsest."""

    TIME = "time"
    PART_OF_DAY = "part-of-day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def is_coarse(self) -> bool:
        """Whether this is a month or coarser: a span known only that precisely has no
        days a calendar could show (feeds leave such spans out by default)."""
        return _ORDER.index(self) >= _ORDER.index(Granularity.MONTH)


_ORDER = tuple(Granularity)


class Mod(enum.Enum):
    """TIMEX3 ``mod`` values.

    ``START``, ``MID`` and ``END`` narrow a span to the first, middle or last part of its
    unit ("early May", "mid-2024", "late February"); the others qualify it.
    """

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"

    @property
    def narrows(self) -> bool:
        """Whether this mod selects a part of the span's unit (START, MID, END)."""
        return self in _THIRDS


_THIRDS = (Mod.START, Mod.MID, Mod.END)


class PartOfDay(enum.Enum):
    """TIMEX3 parts of the day."""

    MORNING = "MO"
    MIDDAY = "MI"
    AFTERNOON = "AF"
    EVENING = "EV"
    NIGHT = "NI"
    DAYTIME = "DT"


class Season(enum.Enum):
    """Meteorological seasons, by their TIMEX3 codes."""

    SPRING = "SP"
    SUMMER = "SU"
    AUTUMN = "FA"
    WINTER = "WI"

    @property
    def first_month(self) -> int:
        """The month the season starts in (winter starts in December)."""
        return {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[self.value]


# Each month's season code: a season's three months from its first.
_SEASON_OF_MONTH = {(s.first_month + k - 1) % 12 + 1: s.value for s in Season for k in range(3)}


def quarter_of(month: int) -> int:
    """The calendar quarter (1-4) that ``month`` (1-12) falls in."""
    return (month - 1) // 3 + 1


def half_of(month: int) -> int:
    """The calendar half (1 or 2) that ``month`` (1-12) falls in."""
    return 1 if month <= 6 else 2


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` (1-12) in ``year``."""
    # Plain arithmetic: calendar.monthrange works out a weekday it is not asked for.
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return date(year, 2, 29)
    return date(year, month, _MONTH_DAYS[month])


#: The days a span can hold: those of ``datetime.date``, the years a TIMEX3 value writes.
CALENDAR = "0001-01-01 to 9999-12-31"


def day_shifted(day: date, days: int) -> date:
    """``day`` moved by ``days`` days (negative: back).

    Raises:
        TimexError: If that leaves the :data:`CALENDAR`.
    """
    try:
        return date.fromordinal(day.toordinal() + days)
    except ValueError:
        raise TimexError(f"{day.isoformat()} {days:+d} days", f"not in {CALENDAR}") from None


# --- the units: bounds, labels and thirds, one function per kind ----------------------
# Days are counted by ordinals where a unit is measured in days (weeks): it is cheaper
# than timedelta arithmetic.  Labels slice ISO strings where they can, since isoformat
# pads the year to four digits as TIMEX3 does.

_Bounds = tuple[date, date]


def _one_day(day: date) -> _Bounds:
    return day, day


def _week(day: date) -> _Bounds:
    monday = day.toordinal() - day.weekday()
    return date.fromordinal(monday), date.fromordinal(monday + 6)


def _weekend(day: date) -> _Bounds:
    saturday = day.toordinal() - day.weekday() + 5
    return date.fromordinal(saturday), date.fromordinal(saturday + 1)


def _month(day: date) -> _Bounds:
    return date(day.year, day.month, 1), month_end(day.year, day.month)


def _season(day: date) -> _Bounds:
    # December belongs to the winter that starts in it: Dec, Jan, Feb -> 0; Mar-May -> 1...
    first_month = (12, 3, 6, 9)[(day.month % 12) // 3]
    year = day.year if day.month != 1 and day.month != 2 else day.year - 1
    end_month, end_year = first_month + 2, year
    if end_month > 12:
        end_month -= 12
        end_year += 1
    return date(year, first_month, 1), month_end(end_year, end_month)


def _quarter(day: date) -> _Bounds:
    q0 = 3 * quarter_of(day.month) - 2
    return date(day.year, q0, 1), month_end(day.year, q0 + 2)


def _half(day: date) -> _Bounds:
    h0 = 6 * half_of(day.month) - 5
    return date(day.year, h0, 1), month_end(day.year, h0 + 5)


def _year(day: date) -> _Bounds:
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _decade(day: date) -> _Bounds:
    y0 = day.year - day.year % 10
    return date(max(y0, 1), 1, 1), date(y0 + 9, 12, 31)


def _century(day: date) -> _Bounds:
    y0 = day.year - day.year % 100  # TIMEX3-style: 20 is 2000 to 2099
    return date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31)


def _day_label(day: date) -> str:
    return day.isoformat()


def _week_label(day: date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def _weekend_label(day: date) -> str:
    return f"{_week_label(day)}-WE"


def _month_label(day: date) -> str:
    return day.isoformat()[:7]


def _season_label(day: date) -> str:
    year = day.year - 1 if day.month < 3 else day.year  # December's winter starts in it
    return f"{year:04d}-{_SEASON_OF_MONTH[day.month]}"


def _quarter_label(day: date) -> str:
    return f"{day.year:04d}-Q{quarter_of(day.month)}"


def _half_label(day: date) -> str:
    return f"{day.year:04d}-H{half_of(day.month)}"


def _year_label(day: date) -> str:
    return day.isoformat()[:4]


def _decade_label(day: date) -> str:
    return f"{day.year // 10:03d}"


def _century_label(day: date) -> str:
    return f"{day.year // 100:02d}"


def _days_of_month(first: date, last: date, index: int) -> _Bounds:
    cuts = (1, 11, 21)
    start = date(first.year, first.month, cuts[index])
    end = last if index == 2 else date(first.year, first.month, cuts[index + 1] - 1)
    return start, end


def _months(first: date, last: date, index: int) -> _Bounds:
    # A third of the unit's months, counted from its first (months as one number).
    size = ((last.year - first.year) * 12 + last.month - first.month + 1) // 3
    lo = first.year * 12 + first.month - 1 + index * size
    hi = lo + size - 1
    return date(lo // 12, lo % 12 + 1, 1), month_end(hi // 12, hi % 12 + 1)


def _days_of_week(first: date, last: date, index: int) -> _Bounds:
    lo, hi = ((0, 1), (2, 4), (5, 6))[index]
    monday = first.toordinal()
    return date.fromordinal(monday + lo), date.fromordinal(monday + hi)


def _no_thirds(first: date, last: date, index: int) -> _Bounds:
    raise ValueError("a weekend has no early, middle or late part")


def _years(first: date, last: date, index: int) -> _Bounds:
    # Thirds of the years, the middle third taking the remainder.
    years = last.year - first.year + 1
    third = years * 3 // 10 if years == 10 else years // 3
    lo, hi = (
        (first.year, first.year + third),
        (first.year + third + 1, last.year - third - 1),
        (last.year - third, last.year),
    )[index]
    return date(max(lo, 1), 1, 1), date(hi, 12, 31)


@attrs.frozen
class Unit:
    """What one granularity's calendar unit is.

    Attributes:
        bounds: The first and last day of the unit that contains a day.
        label: The TIMEX3 value of the unit that contains a day (``None`` for clock times
            and parts of the day, whose values are not a unit's).
        thirds: The first, middle or last part (0, 1, 2) of the unit ``first..last``.
    """

    bounds: Callable[[date], _Bounds]
    label: Callable[[date], str] | None
    thirds: Callable[[date, date, int], _Bounds]


_UNITS: dict[Granularity, Unit] = {
    # Finer than a day, the narrowing is that of years: only DateSpan.unit asks for it,
    # and its checks take what comes back.
    Granularity.TIME: Unit(_one_day, None, _years),
    Granularity.PART_OF_DAY: Unit(_one_day, None, _years),
    Granularity.DAY: Unit(_one_day, _day_label, _years),
    Granularity.WEEKEND: Unit(_weekend, _weekend_label, _no_thirds),
    Granularity.WEEK: Unit(_week, _week_label, _days_of_week),
    Granularity.MONTH: Unit(_month, _month_label, _days_of_month),
    Granularity.SEASON: Unit(_season, _season_label, _months),
    Granularity.QUARTER: Unit(_quarter, _quarter_label, _months),
    Granularity.HALF: Unit(_half, _half_label, _months),
    Granularity.YEAR: Unit(_year, _year_label, _months),
    Granularity.DECADE: Unit(_decade, _decade_label, _years),
    Granularity.CENTURY: Unit(_century, _century_label, _years),
}


def unit_of(granularity: Granularity) -> Unit:
    """The calendar unit of ``granularity``."""
    return _UNITS[granularity]


def unit_bounds(granularity: Granularity, day: date) -> tuple[date, date]:
    """First and last day of the calendar unit of ``granularity`` that contains ``day``.

    Raises:
        ValueError: If the unit runs outside the calendar.
    """
    return _UNITS[granularity].bounds(day)


def unit_label(granularity: Granularity, day: date) -> str:
    """The TIMEX3 value of the unit of ``granularity`` that contains ``day``."""
    label = _UNITS[granularity].label
    if label is None:
        raise AssertionError(f"no unit label for {granularity}")
    return label(day)


def narrowed(first: date, last: date, mod: Mod, granularity: Granularity) -> tuple[date, date]:
    """The part of the unit ``first..last`` that START, MID or END selects.

    The unit is cut into thirds along its natural sub-units, so that the parts read the
    way people use the words: a month into days 1-10, 11-20 and 21 to the end; a year into
    January-April, May-August and September-December; quarters and seasons into their
    three months; a week into Monday-Tuesday, Wednesday-Friday and the weekend; decades
    and centuries into years.

    Raises:
        ValueError: For a weekend, which has no thirds.
    """
    return _UNITS[granularity].thirds(first, last, _THIRDS.index(mod))
