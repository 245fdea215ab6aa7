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

import functools
from datetime import date, datetime, time
from typing import Any

import attrs

from summitcal._unchecked import unchecked
from summitcal.errors import TimexError
from summitcal.span.timex import format_timex, parse_timex
from summitcal.span.units import (
    CALENDAR,
    Granularity,
    Mod,
    PartOfDay,
    Season,
    day_shifted,
    half_of,
    month_end,
    narrowed,
    quarter_of,
    unit_bounds,
    unit_of,
)
from summitcal.span.zones import get_zone

__all__ = [
    "CALENDAR",
    "DateSpan",
    "Granularity",
    "Mod",
    "PartOfDay",
    "Season",
    "day_shifted",
    "half_of",
    "month_end",
    "quarter_of",
]


def _zone(zone: str | None) -> str | None:
    """``zone`` once it is known to be an IANA key (a ValueError names a bad one)."""
    if zone is not None:
        get_zone(zone)
    return zone


def _check_zone(_inst: Any, _attribute: attrs.Attribute[Any], value: str | None) -> None:
    _zone(value)


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

    def __attrs_post_init__(self) -> None:
        if type(self.first) is not date or type(self.last) is not date:
            raise ValueError("first and last must be datetime.date values (not datetimes)")
        if self.last < self.first:
            raise ValueError(f"span ends ({self.last}) before it starts ({self.first})")
        g = self.granularity
        timed = g is Granularity.TIME
        if timed:
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
        part = g is Granularity.PART_OF_DAY
        if part != (self.part_of_day is not None):
            raise ValueError("part_of_day goes with granularity PART_OF_DAY, and only with it")
        if part and self.first != self.last:
            raise ValueError("a part of day lies within one day")
        if timed or part or g is Granularity.DAY:
            return
        unit_first, unit_last = unit_bounds(g, self.first)
        if self.mod is not None and self.mod.narrows:
            if self.last > unit_last:
                raise ValueError(f"a {self.mod.name} span lies within one {g.value}")
            return
        if self.first != unit_first or (
            self.last != unit_last and self.last != unit_bounds(g, self.last)[1]
        ):
            raise ValueError(
                f"{self.first}..{self.last} does not cover whole {g.value}s; "
                "use a finer granularity or a narrowing mod"
            )

    # --- constructors ------------------------------------------------------------------
    # Each builds the span without the checks above when the fields it is given can only
    # agree (the values' types checked, the rest derived here), and with them otherwise.
    # That fast path matters: a span is made for every phrase resolved.

    @classmethod
    def day(cls, day: date, *, zone: str | None = None) -> DateSpan:
        """One whole day."""
        if type(day) is date:  # all a day needs checking; its value is at hand
            zone = zone if zone is None else _zone(zone)  # (most spans have none: no call)
            return _valued(day, day, Granularity.DAY, None, None, zone, None, None, str(day))
        return cls(first=day, last=day, zone=zone)

    @classmethod
    def days(cls, first: date, last: date, *, zone: str | None = None) -> DateSpan:
        """Whole days from ``first`` to ``last`` inclusive."""
        if type(first) is date and type(last) is date and first <= last:
            return _derived(first, last, Granularity.DAY, None, None, zone, None, None)
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
        unit = unit_of(granularity)
        if unit.label is None:
            raise ValueError(f"{granularity.name} is not a calendar unit; use at() or part()")
        try:
            first, last = unit.bounds(day)
        except ValueError:
            raise TimexError(
                f"the {granularity.value} of {day.isoformat()}", f"runs outside {CALENDAR}"
            ) from None
        narrows = mod is not None and mod.narrows
        if narrows:
            assert mod is not None
            first, last = narrowed(first, last, mod, granularity)
        if (
            type(first) is date
            and type(last) is date
            and not (narrows and granularity is Granularity.DAY)
        ):
            # The bounds were just derived from the unit: nothing left to check (a
            # narrowed day is left to the checks).  The TIMEX3 value is the unit's label,
            # narrowed or not, and cheaper to take now than to work out from the span.
            label = unit.label(day)
            zone = zone if zone is None else _zone(zone)
            return _valued(first, last, granularity, None, None, zone, None, mod, label)
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
            return _derived(day, day, Granularity.TIME, start, end, zone, None, None)
        return cls(
            first=day,
            last=last or day,
            granularity=Granularity.TIME,
            start_time=start,
            end_time=end,
            zone=zone,
        )

    @classmethod
    def part(cls, day: date, part: PartOfDay, *, zone: str | None = None) -> DateSpan:
        """A part of a day ("Monday morning")."""
        g = Granularity.PART_OF_DAY
        if type(day) is date and part is not None:
            return _derived(day, day, g, None, None, zone, part, None)
        return cls(first=day, last=day, granularity=g, part_of_day=part, zone=zone)

    # --- views -------------------------------------------------------------------------

    @property
    def day_count(self) -> int:
        """How many calendar days the span touches."""
        return (self.last - self.first).days + 1

    @property
    def is_timed(self) -> bool:
        """Whether the span carries clock times."""
        return self.granularity is Granularity.TIME

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
        return _valued(
            self.first,
            self.last,
            self.granularity,
            self.start_time,
            self.end_time,
            _zone(zone),
            self.part_of_day,
            self.mod,
            self.timex,  # the zone never changes the value
        )

    # --- TIMEX3 ------------------------------------------------------------------------

    @functools.cached_property
    def timex(self) -> str:
        """The TIMEX3 value: ``2025-02-09``, ``2025-02-09/2025-02-12``, ``2025-W07``,
        ``2025-02-10TMO``, ``2025-02-07T14:00``...  A narrowing ``mod`` is not part of the
        value (TIMEX3 keeps it in its own attribute).

        Worked out on first use and kept (it is not a field: comparison, hashing and the
        repr leave it out)."""
        return format_timex(
            self.first,
            self.last,
            self.granularity,
            self.start_time,
            self.end_time,
            self.part_of_day,
            self.mod,
        )

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
        try:
            g, first, last, start, end, part, one = parse_timex(value, mod)
            if one:  # one value's fields come from its own parse and agree
                return _unvalued(first, last, g, start, end, _zone(zone), part, mod)
            return cls(
                first=first,
                last=last,
                granularity=g,
                start_time=start,
                end_time=end,
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


_FIELDS = tuple(a.name for a in attrs.fields(DateSpan))
# The unchecked constructors: every field positionally (first, last, granularity,
# start_time, end_time, zone, part_of_day, mod), then the TIMEX3 value if it is given.
_unvalued = unchecked(DateSpan, _FIELDS)
_valued = unchecked(DateSpan, (*_FIELDS, "timex"))


def _derived(
    first: date,
    last: date,
    granularity: Granularity,
    start_time: time | None,
    end_time: time | None,
    zone: str | None,
    part_of_day: PartOfDay | None,
    mod: Mod | None,
) -> DateSpan:
    """A span made unchecked from fields derived together, with its TIMEX3 value.

    The value is worked out now: most spans made this way are the resolver's, whose value
    is always read, and setting it at once is cheaper than leaving it to the first read.
    """
    value = format_timex(first, last, granularity, start_time, end_time, part_of_day, mod)
    return _valued(
        first, last, granularity, start_time, end_time, _zone(zone), part_of_day, mod, value
    )


def _agree(span: DateSpan) -> bool:
    """Whether the validating constructor builds an equal span from ``span``'s fields, with
    the same TIMEX3 value (a check for spans made by the unchecked constructors, which set
    the value as they go; it raises ValueError if not valid)."""
    fields = {a.name: getattr(span, a.name) for a in attrs.fields(DateSpan) if a.init}
    checked = DateSpan(**fields)
    return checked == span and checked.timex == span.timex
