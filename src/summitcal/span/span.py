"""The shared time type: a resolved span of days, with a granularity and a TIMEX3 value.

A :class:`DateSpan` is what every other part of summitcal speaks.  It always has a
*first* and a *last* day, both inclusive, so "from Sunday to Wednesday" is four days and
its last day is the Wednesday (the exclusive end that iCalendar wants is computed only in
the iCalendar layer).  The *granularity* says how precisely the span is known: a span of
granularity ``MONTH`` covers a whole month (or, with a ``mod`` such as ``START``, the part
of it that "early May" means), ``WEEK`` an ISO week, ``TIME`` a clock time.

Spans convert to and from TIMEX3 values, the notation of the TimeML annotation guidelines::

    >>> DateSpan.from_timex("2025-W07")
    DateSpan(first=datetime.date(2025, 2, 10), last=datetime.date(2025, 2, 16), ...)
    >>> DateSpan.days(date(2025, 2, 9), date(2025, 2, 12)).timex
    '2025-02-09/2025-02-12'

Conventions written down once:

* Seasons are meteorological: spring is March to May, summer June to August, autumn
  (``FA``) September to November, winter (``WI``) December to February.  ``2025-WI`` is the
  winter that *starts* in December 2025.
* Halves and quarters are calendar halves and quarters.
* Weeks are ISO weeks (Monday to Sunday), and ``2025-W07`` uses the ISO week-numbering year.
* ``YYYY-Www-WE`` is the Saturday and Sunday of that ISO week.
* A decade is written with three digits (``199`` is 1990 to 1999), a century with two
  (``20`` is 2000 to 2099), as TIMEX3 does.
* Clock times are local to ``zone`` (an IANA key) when one is given; the zone never moves
  the dates.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, time
from typing import Any

import attrs

from summitcal.errors import TimexError
from summitcal.span.zones import get_zone

__all__ = [
    "DateSpan",
    "Granularity",
    "Mod",
    "PartOfDay",
    "Season",
    "half_of",
    "month_end",
    "quarter_of",
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


def quarter_of(month: int) -> int:
    """The calendar quarter (1-4) that ``month`` (1-12) falls in."""
    return (month - 1) // 3 + 1


def half_of(month: int) -> int:
    """The calendar half (1 or 2) that ``month`` (1-12) falls in."""
    return 1 if month <= 6 else 2


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


# CPython 3.11 looks an enum member up through its class at about 80 ns a time, and spans
# are made for every resolved phrase: the code below compares with these module names.
_TIME, _PART_OF_DAY, _DAY = Granularity.TIME, Granularity.PART_OF_DAY, Granularity.DAY
_WEEKEND, _WEEK, _MONTH = Granularity.WEEKEND, Granularity.WEEK, Granularity.MONTH
_SEASON, _QUARTER, _HALF = Granularity.SEASON, Granularity.QUARTER, Granularity.HALF
_YEAR, _DECADE, _CENTURY = Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY
_THIRDS = (Mod.START, Mod.MID, Mod.END)
# Each month's season code: a season's three months from its first.
_SEASON_OF_MONTH = {(s.first_month + k - 1) % 12 + 1: s.value for s in Season for k in range(3)}


# --- units: the calendar unit of a granularity that contains a given day ---------------


_from_ordinal = date.fromordinal
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` (1-12) in ``year``."""
    # Plain arithmetic: calendar.monthrange builds a weekday it is not asked for.
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
        return _from_ordinal(day.toordinal() + days)
    except ValueError:
        raise TimexError(f"{day.isoformat()} {days:+d} days", f"not in {CALENDAR}") from None


def _unit_bounds(granularity: Granularity, day: date) -> tuple[date, date]:
    """First and last day of the calendar unit of ``granularity`` that contains ``day``."""
    g = granularity
    if g in (_DAY, _TIME, _PART_OF_DAY):
        return day, day
    if g is _WEEK:
        monday = day.toordinal() - day.weekday()  # by ordinals: timedeltas cost more
        return _from_ordinal(monday), _from_ordinal(monday + 6)
    if g is _WEEKEND:
        saturday = day.toordinal() - day.weekday() + 5
        return _from_ordinal(saturday), _from_ordinal(saturday + 1)
    if g is _MONTH:
        return date(day.year, day.month, 1), month_end(day.year, day.month)
    if g is _SEASON:
        # Shift by one month so that December belongs to the winter that starts in it.
        shifted = (day.month % 12) // 3  # Dec,Jan,Feb -> 0; Mar..May -> 1; ...
        year = day.year if day.month != 1 and day.month != 2 else day.year - 1
        first_month = (12, 3, 6, 9)[shifted]
        first = date(year, first_month, 1)
        end_month = first_month + 2
        end_year = year
        if end_month > 12:
            end_month -= 12
            end_year += 1
        return first, month_end(end_year, end_month)
    if g is _QUARTER:
        q0 = 3 * quarter_of(day.month) - 2
        return date(day.year, q0, 1), month_end(day.year, q0 + 2)
    if g is _HALF:
        h0 = 6 * half_of(day.month) - 5
        return date(day.year, h0, 1), month_end(day.year, h0 + 5)
    if g is _YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if g is _DECADE:
        y0 = day.year - day.year % 10
        return date(max(y0, 1), 1, 1), date(y0 + 9, 12, 31)
    # CENTURY, TIMEX3-style: 20 is 2000 to 2099.
    y0 = day.year - day.year % 100
    return date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31)


def _unit_label(granularity: Granularity, day: date) -> str:
    """The TIMEX3 value of the unit of ``granularity`` that contains ``day``."""
    g = granularity
    # ISO strings sliced: cheaper than format specs, and isoformat pads the year to four.
    if g is _DAY:
        return day.isoformat()
    if g is _MONTH:
        return day.isoformat()[:7]
    if g is _YEAR:
        return day.isoformat()[:4]
    if g is _WEEK:
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if g is _WEEKEND:
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}-WE"
    if g is _SEASON:  # December belongs to the winter that starts in it
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{_SEASON_OF_MONTH[day.month]}"
    if g is _QUARTER:
        return f"{day.year:04d}-Q{quarter_of(day.month)}"
    if g is _HALF:
        return f"{day.year:04d}-H{half_of(day.month)}"
    if g is _DECADE:
        return f"{day.year // 10:03d}"
    if g is _CENTURY:
        return f"{day.year // 100:02d}"
    raise AssertionError(f"no unit label for {g}")  # TIME and PART_OF_DAY are handled apart


def _narrowed(first: date, last: date, mod: Mod, granularity: Granularity) -> tuple[date, date]:
    """The part of the unit ``first..last`` that START, MID or END selects.

    The unit is cut into thirds along its natural sub-units, so that the parts read the
    way people use the words: a month into days 1-10, 11-20 and 21 to the end; a year into
    January-April, May-August and September-December; quarters and seasons into their
    three months; a week into Monday-Tuesday, Wednesday-Friday and the weekend; decades
    and centuries into years.
    """
    index = _THIRDS.index(mod)
    g = granularity
    if g is _MONTH:
        cuts = (1, 11, 21)
        start = date(first.year, first.month, cuts[index])
        end = last if index == 2 else date(first.year, first.month, cuts[index + 1] - 1)
        return start, end
    if g in (_YEAR, _HALF, _QUARTER, _SEASON):
        # A third of the unit's months, counted from its first (months as one number).
        size = ((last.year - first.year) * 12 + last.month - first.month + 1) // 3
        lo = first.year * 12 + first.month - 1 + index * size
        hi = lo + size - 1
        return date(lo // 12, lo % 12 + 1, 1), month_end(hi // 12, hi % 12 + 1)
    if g is _WEEK:
        lo, hi = ((0, 1), (2, 4), (5, 6))[index]
        monday = first.toordinal()
        return _from_ordinal(monday + lo), _from_ordinal(monday + hi)
    if g is _WEEKEND:
        raise ValueError("a weekend has no early, middle or late part")
    # DECADE and CENTURY: thirds of the years, the middle third taking the remainder.
    years = last.year - first.year + 1
    third = years * 3 // 10 if years == 10 else years // 3
    bounds = (
        (first.year, first.year + third),
        (first.year + third + 1, last.year - third - 1),
        (last.year - third, last.year),
    )[index]
    return date(max(bounds[0], 1), 1, 1), date(bounds[1], 12, 31)


# --- the span ------------------------------------------------------------------------


def _check_zone(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        get_zone(value)  # raises ValueError naming the key


@attrs.frozen(kw_only=True)
class DateSpan:
    """A resolved stretch of time: inclusive first and last days and a granularity.

    Attributes:
        first: The first day of the span.
        last: The last day of the span (inclusive).
        granularity: How precisely the span is known.
        start_time: For ``TIME`` spans, the clock time on ``first``.
        end_time: For ``TIME`` spans, the clock time on ``last``, if an end is known.
        zone: The IANA zone the days (and times) are local to, if known.
        part_of_day: For ``PART_OF_DAY`` spans, which part.
        mod: A TIMEX3 modifier. With ``START``/``MID``/``END`` the days are the narrowed
            part of the unit ("late May" is 21 to 31 May) and the TIMEX3 value stays the
            unit's (``2025-05``).

    Raises:
        ValueError: If the fields contradict each other (last before first, times on a
            span that is not ``TIME``, days that do not line up with the granularity).
    """

    first: date
    last: date
    granularity: Granularity = Granularity.DAY
    start_time: time | None = None
    end_time: time | None = None
    zone: str | None = attrs.field(default=None, validator=_check_zone)
    part_of_day: PartOfDay | None = None
    mod: Mod | None = None
    # The TIMEX3 value, computed on first use (not a field of the span's meaning: it is
    # left out of comparison, hashing, the constructor and the repr).
    _timex: str | None = attrs.field(default=None, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if type(self.first) is not date or type(self.last) is not date:
            raise ValueError("first and last must be datetime.date values (not datetimes)")
        if self.last < self.first:
            raise ValueError(f"span ends ({self.last}) before it starts ({self.first})")
        g = self.granularity
        if g is _TIME:
            if self.start_time is None:
                raise ValueError("a TIME span needs a start_time")
            if (
                self.end_time is not None
                and self.first == self.last
                and self.end_time < self.start_time
            ):
                raise ValueError(f"end time {self.end_time} is before start {self.start_time}")
        elif self.start_time is not None or self.end_time is not None:
            raise ValueError(f"clock times need granularity TIME, not {g.name}")
        if (g is _PART_OF_DAY) != (self.part_of_day is not None):
            raise ValueError("part_of_day goes with granularity PART_OF_DAY, and only with it")
        if g in (_TIME, _PART_OF_DAY, _DAY):
            if g is _PART_OF_DAY and self.first != self.last:
                raise ValueError("a part of day lies within one day")
            return
        unit_first, unit_last = _unit_bounds(g, self.first)
        if self.mod is not None and self.mod.narrows:
            if self.last > unit_last:
                raise ValueError(f"a {self.mod.name} span lies within one {g.value}")
            return
        if self.first != unit_first or (
            self.last != unit_last and self.last != _unit_bounds(g, self.last)[1]
        ):
            raise ValueError(
                f"{self.first}..{self.last} does not cover whole {g.value}s; "
                "use a finer granularity or a narrowing mod"
            )

    # --- constructors ------------------------------------------------------------------

    @classmethod
    def _trusted(
        cls,
        first: date,
        last: date,
        granularity: Granularity,
        *,
        start_time: time | None = None,
        end_time: time | None = None,
        zone: str | None = None,
        part_of_day: PartOfDay | None = None,
        mod: Mod | None = None,
        timex: str | None = None,
    ) -> DateSpan:
        """A span whose fields the caller has just derived consistently (no re-checks).

        Only for the constructors below and the resolver, which check what they take in
        and derive the rest (``timex``, the TIMEX3 value, when they have it at hand; else
        it is worked out on first use); the zone, which they do not derive, is still
        looked up.  The fields go straight into the slots (no validator, no frozen-instance
        guard); with ``__debug__`` checks on (``python -X dev`` or tests), :func:`_agree`
        can confirm that the validating constructor accepts the same fields.
        """
        if zone is not None:
            get_zone(zone)  # raises ValueError naming the key, as the validator does
        span = _new(cls)
        _set_first(span, first)
        _set_last(span, last)
        _set_granularity(span, granularity)
        _set_start_time(span, start_time)
        _set_end_time(span, end_time)
        _set_zone(span, zone)
        _set_part_of_day(span, part_of_day)
        _set_mod(span, mod)
        _set_timex(span, timex)
        return span

    @classmethod
    def day(cls, day: date, *, zone: str | None = None) -> DateSpan:
        """One whole day."""
        if type(day) is date:  # all a day needs checking; its value is at hand
            return cls._trusted(day, day, _DAY, zone=zone, timex=day.isoformat())
        return cls(first=day, last=day, zone=zone)

    @classmethod
    def days(cls, first: date, last: date, *, zone: str | None = None) -> DateSpan:
        """Whole days from ``first`` to ``last`` inclusive."""
        if type(first) is date and type(last) is date and first <= last:
            return cls._trusted(first, last, _DAY, zone=zone)
        return cls(first=first, last=last, zone=zone)

    @classmethod
    def unit(
        cls, granularity: Granularity, day: date, *, mod: Mod | None = None, zone: str | None = None
    ) -> DateSpan:
        """The whole calendar unit of ``granularity`` that contains ``day``.

        With a narrowing ``mod`` the span is that part of the unit::

            >>> DateSpan.unit(Granularity.MONTH, date(2025, 5, 1), mod=Mod.END).first
            datetime.date(2025, 5, 21)

        Raises:
            ValueError: If ``granularity`` is no calendar unit, or ``mod`` narrows a week-end.
            TimexError: If the unit runs outside the :data:`CALENDAR` (the week of
                9999-12-31 ends in 10000).
        """
        if granularity in (_TIME, _PART_OF_DAY):
            raise ValueError(f"{granularity.name} is not a calendar unit; use at() or part()")
        try:
            first, last = _unit_bounds(granularity, day)
        except ValueError:
            raise TimexError(
                f"the {granularity.value} of {day.isoformat()}", f"runs outside {CALENDAR}"
            ) from None
        narrows = mod is not None and mod.narrows
        if narrows:
            assert mod is not None
            first, last = _narrowed(first, last, mod, granularity)
        if type(first) is date and type(last) is date and not (narrows and granularity is _DAY):
            # The bounds were just derived from the unit: nothing left to check (a
            # narrowed day is left to the checks, which refuse it).  The TIMEX3 value is
            # the unit's label, narrowed or not: set now, it costs a quarter of what
            # working it out from the span later does.
            label = _unit_label(granularity, day)
            return cls._trusted(first, last, granularity, mod=mod, zone=zone, timex=label)
        return cls(first=first, last=last, granularity=granularity, mod=mod, zone=zone)

    @classmethod
    def at(
        cls,
        day: date,
        start: time,
        *,
        end: time | None = None,
        last: date | None = None,
        zone: str | None = None,
    ) -> DateSpan:
        """A clock time on ``day``, optionally until ``end`` (on ``last``, default ``day``)."""
        if (
            last is None
            and type(day) is date
            and type(start) is time
            and (end is None or (type(end) is time and start <= end))
        ):  # one day, times in order: all the checks would find
            return cls._trusted(day, day, _TIME, start_time=start, end_time=end, zone=zone)
        return cls(
            first=day,
            last=last or day,
            granularity=_TIME,
            start_time=start,
            end_time=end,
            zone=zone,
        )

    @classmethod
    def part(cls, day: date, part: PartOfDay, *, zone: str | None = None) -> DateSpan:
        """A part of a day ("Monday morning")."""
        if type(day) is date and part is not None:
            return cls._trusted(day, day, _PART_OF_DAY, part_of_day=part, zone=zone)
        return cls(first=day, last=day, granularity=_PART_OF_DAY, part_of_day=part, zone=zone)

    # --- views -------------------------------------------------------------------------

    @property
    def day_count(self) -> int:
        """How many calendar days the span touches."""
        return (self.last - self.first).days + 1

    @property
    def is_timed(self) -> bool:
        """Whether the span carries clock times."""
        return self.granularity is _TIME

    @property
    def sort_key(self) -> tuple[date, time, date]:
        """A key that orders spans by start, then by end."""
        return (self.first, self.start_time or time.min, self.last)

    def start_datetime(self) -> datetime:
        """The span's start as a datetime, aware when the span has a zone.

        Raises:
            ValueError: If the span has no clock time.
        """
        if self.start_time is None:
            raise ValueError(f"{self.timex} has no clock time")
        tz = get_zone(self.zone) if self.zone else None
        return datetime.combine(self.first, self.start_time, tzinfo=tz)

    def end_datetime(self) -> datetime:
        """The span's end as a datetime, aware when the span has a zone.

        Raises:
            ValueError: If the span has no end clock time.
        """
        if self.end_time is None:
            raise ValueError(f"{self.timex} has no end time")
        tz = get_zone(self.zone) if self.zone else None
        return datetime.combine(self.last, self.end_time, tzinfo=tz)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within the span."""
        return self.first <= day <= self.last

    def overlaps(self, first: date, last: date) -> bool:
        """Whether the span shares at least one day with ``first..last``."""
        return self.first <= last and first <= self.last

    def with_zone(self, zone: str | None) -> DateSpan:
        """The same span, local to another zone (the dates do not move)."""
        return type(self)._trusted(
            self.first,
            self.last,
            self.granularity,
            start_time=self.start_time,
            end_time=self.end_time,
            zone=zone,
            part_of_day=self.part_of_day,
            mod=self.mod,
            timex=self._timex,  # the zone never changes the value
        )

    # --- TIMEX3 ------------------------------------------------------------------------

    @property
    def timex(self) -> str:
        """The TIMEX3 value: ``2025-02-09``, ``2025-02-09/2025-02-12``, ``2025-W07``,
        ``2025-02-10TMO``, ``2025-02-07T14:00``...  A narrowing ``mod`` is not part of the
        value (TIMEX3 keeps it in its own attribute)."""
        value = self._timex
        if value is None:
            value = self._format_timex()
            _set_timex(self, value)
        return value

    def _format_timex(self) -> str:
        g = self.granularity
        first = self.first
        if g is _DAY and self.mod is None:  # the commonest: one day or a run of days
            last = self.last
            return first.isoformat() if first == last else f"{first}/{last}"
        if g is _TIME:
            assert self.start_time is not None
            start = f"{self.first.isoformat()}T{_clock(self.start_time)}"
            if self.end_time is None:
                return start
            return f"{start}/{self.last.isoformat()}T{_clock(self.end_time)}"
        if g is _PART_OF_DAY:
            assert self.part_of_day is not None
            return f"{self.first.isoformat()}T{self.part_of_day.value}"
        head = _unit_label(g, self.first)
        if self.mod is not None and self.mod.narrows:
            return head
        if g is _DAY:
            return head if self.first == self.last else f"{head}/{self.last.isoformat()}"
        tail = _unit_label(g, self.last)
        return head if head == tail else f"{head}/{tail}"

    @classmethod
    def from_timex(cls, value: str, *, mod: Mod | None = None, zone: str | None = None) -> DateSpan:
        """Parse a TIMEX3 value (or a ``first/last`` range of two) into a span.

        Args:
            value: ``2025-02-09``, ``2025-02``, ``2025-W07``, ``2025-W06-WE``, ``2025-Q1``,
                ``2025-H1``, ``2025-SU``, ``2025``, ``202`` (decade), ``20`` (century),
                ``2025-02-10TMO``, ``2025-02-07T14:00``, or two of one kind joined by ``/``.
            mod: An optional TIMEX3 mod; ``START``/``MID``/``END`` narrow the days.
            zone: An optional IANA zone the value is local to.

        Raises:
            TimexError: If the value is malformed, names an impossible date, or joins two
                values of different kinds.
        """
        if not isinstance(value, str):
            raise TimexError(repr(value), "a TIMEX3 value is a string")
        head, sep, tail = value.partition("/")
        try:
            a = _parse_one(head)
            if not sep:
                g, first, last, t_start, part = a
                if mod is not None and mod.narrows:
                    if g in (_DAY, _TIME, _PART_OF_DAY):
                        raise TimexError(value, f"{mod.name} needs a unit coarser than a day")
                    first, last = _narrowed(first, last, mod, g)
                # One value's fields come from its own parse and agree: no re-checks.
                return cls._trusted(
                    first, last, g, start_time=t_start, part_of_day=part, mod=mod, zone=zone
                )
            b = _parse_one(tail)
            if a[0] is not b[0] or a[0] is _PART_OF_DAY:
                raise TimexError(value, "a range joins two values of one kind (not parts of day)")
            if mod is not None and mod.narrows:
                raise TimexError(value, f"{mod.name} applies to one unit, not a range")
            return cls(
                first=a[1],
                last=b[2],
                granularity=a[0],
                start_time=a[3],
                end_time=b[3],
                mod=mod,
                zone=zone,
            )
        except TimexError as exc:
            if exc.value != value:
                raise TimexError(value, exc.reason) from None
            raise
        except ValueError as exc:
            raise TimexError(value, str(exc)) from None

    def __str__(self) -> str:
        return self.timex


# The slot setters of DateSpan: calling a slot's own setter skips the frozen class's
# __setattr__ guard and the generic attribute lookup of object.__setattr__ (a span is
# built for every resolved phrase).
_new = object.__new__
(
    _set_first,
    _set_last,
    _set_granularity,
    _set_start_time,
    _set_end_time,
    _set_zone,
    _set_part_of_day,
    _set_mod,
    _set_timex,
) = (
    DateSpan.__dict__[name].__set__
    for name in (
        "first",
        "last",
        "granularity",
        "start_time",
        "end_time",
        "zone",
        "part_of_day",
        "mod",
        "_timex",
    )
)


def _agree(span: DateSpan) -> bool:
    """Whether the validating constructor builds an equal span from ``span``'s fields, with
    the same TIMEX3 value (a check for spans made by the trusted constructor, which may set
    the value as it goes; it raises ValueError if not valid)."""
    fields = {a.name: getattr(span, a.name) for a in attrs.fields(DateSpan) if a.init}
    checked = DateSpan(**fields)
    return checked == span and checked.timex == span.timex


def _clock(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], Granularity], ...] = tuple(
    (re.compile(p, re.ASCII), g)
    for p, g in (
        (r"(\d{4})-(\d{2})-(\d{2})", Granularity.DAY),
        (r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?", Granularity.TIME),
        (r"(\d{4})-(\d{2})-(\d{2})T(MO|MI|AF|EV|NI|DT)", Granularity.PART_OF_DAY),
        (r"(\d{4})-W(\d{2})", Granularity.WEEK),
        (r"(\d{4})-W(\d{2})-WE", Granularity.WEEKEND),
        (r"(\d{4})-(\d{2})", Granularity.MONTH),
        (r"(\d{4})-(SP|SU|FA|WI)", Granularity.SEASON),
        (r"(\d{4})-Q([1-4])", Granularity.QUARTER),
        (r"(\d{4})-H([12])", Granularity.HALF),
        (r"(\d{4})", Granularity.YEAR),
        (r"(\d{3})", Granularity.DECADE),
        (r"(\d{2})", Granularity.CENTURY),
    )
)

_Parsed = tuple[Granularity, date, date, time | None, PartOfDay | None]


def _parse_one(value: str) -> _Parsed:
    for pattern, g in _UNIT_PATTERNS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        groups = m.groups()
        n = [int(x) if x and x.isdigit() else 0 for x in groups]
        if g in (_DAY, _TIME, _PART_OF_DAY):
            day = date(n[0], n[1], n[2])
            if g is _TIME:
                return g, day, day, time(n[3], n[4], n[5] or 0), None
            if g is _PART_OF_DAY:
                return g, day, day, None, PartOfDay(groups[3])
            return g, day, day, None, None
        if g in (_WEEK, _WEEKEND):
            monday = date.fromisocalendar(n[0], n[1], 1)
            first, last = _unit_bounds(g, monday)
        elif g is _MONTH:
            first, last = _unit_bounds(g, date(n[0], n[1], 1))
        elif g is _SEASON:
            first, last = _unit_bounds(g, date(n[0], Season(groups[1]).first_month, 1))
        elif g is _QUARTER:
            first, last = _unit_bounds(g, date(n[0], 3 * n[1] - 2, 1))
        elif g is _HALF:
            first, last = _unit_bounds(g, date(n[0], 6 * n[1] - 5, 1))
        elif g is _YEAR:
            first, last = _unit_bounds(g, date(n[0], 1, 1))
        elif g is _DECADE:
            first, last = _unit_bounds(g, date(max(n[0] * 10, 1), 1, 1))
        else:
            first, last = _unit_bounds(g, date(max(n[0] * 100, 1), 1, 1))
        return g, first, last, None, None
    raise TimexError(value, "not a TIMEX3 date or time value this library resolves")
