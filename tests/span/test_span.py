"""The time type: construction rules, TIMEX3 formatting and parsing, properties."""

from __future__ import annotations

import itertools
from datetime import date, time, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitcal import DateSpan, Granularity, Mod, PartOfDay, TimexError
from tests.strategies import days_between, edge_days

days = days_between(1900, 2200)

# value -> (granularity, first, last)
TIMEX_CASES = {
    "2025-02-09": (Granularity.DAY, date(2025, 2, 9), date(2025, 2, 9)),
    "2025-02-09/2025-02-12": (Granularity.DAY, date(2025, 2, 9), date(2025, 2, 12)),
    "2025-02": (Granularity.MONTH, date(2025, 2, 1), date(2025, 2, 28)),
    "2024-02": (Granularity.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
    "2025-W07": (Granularity.WEEK, date(2025, 2, 10), date(2025, 2, 16)),
    "2026-W01": (Granularity.WEEK, date(2025, 12, 29), date(2026, 1, 4)),
    "2020-W53": (Granularity.WEEK, date(2020, 12, 28), date(2021, 1, 3)),
    "2025-W06-WE": (Granularity.WEEKEND, date(2025, 2, 8), date(2025, 2, 9)),
    "2025-Q1": (Granularity.QUARTER, date(2025, 1, 1), date(2025, 3, 31)),
    "2025-Q4": (Granularity.QUARTER, date(2025, 10, 1), date(2025, 12, 31)),
    "2025-H1": (Granularity.HALF, date(2025, 1, 1), date(2025, 6, 30)),
    "2025-H2": (Granularity.HALF, date(2025, 7, 1), date(2025, 12, 31)),
    "2025-SU": (Granularity.SEASON, date(2025, 6, 1), date(2025, 8, 31)),
    "2025-SP": (Granularity.SEASON, date(2025, 3, 1), date(2025, 5, 31)),
    "2025-FA": (Granularity.SEASON, date(2025, 9, 1), date(2025, 11, 30)),
    "2023-WI": (Granularity.SEASON, date(2023, 12, 1), date(2024, 2, 29)),
    "2025": (Granularity.YEAR, date(2025, 1, 1), date(2025, 12, 31)),
    "199": (Granularity.DECADE, date(1990, 1, 1), date(1999, 12, 31)),
    "20": (Granularity.CENTURY, date(2000, 1, 1), date(2099, 12, 31)),
    "2025-02-10TMO": (Granularity.PART_OF_DAY, date(2025, 2, 10), date(2025, 2, 10)),
    "2025-02-07T14:00": (Granularity.TIME, date(2025, 2, 7), date(2025, 2, 7)),
    "2025-02-07T14:00:30": (Granularity.TIME, date(2025, 2, 7), date(2025, 2, 7)),
    "2024-05-21T20:30/2024-05-21T22:12": (Granularity.TIME, date(2024, 5, 21), date(2024, 5, 21)),
    "2025-02/2025-03": (Granularity.MONTH, date(2025, 2, 1), date(2025, 3, 31)),
    "2023/2024": (Granularity.YEAR, date(2023, 1, 1), date(2024, 12, 31)),
}


class TestFromTimex:
    @pytest.mark.parametrize(("value", "expected"), TIMEX_CASES.items())
    def test_parses_each_form(self, value: str, expected: tuple[Granularity, date, date]) -> None:
        """Every supported TIMEX3 form gives the right unit and inclusive days."""
        span = DateSpan.from_timex(value)
        assert (span.granularity, span.first, span.last) == expected

    @pytest.mark.parametrize("value", TIMEX_CASES)
    def test_round_trips(self, value: str) -> None:
        """Formatting a parsed value gives the value back."""
        assert DateSpan.from_timex(value).timex == value

    @pytest.mark.parametrize(
        "value",
        [
            "",
            "2025-13",
            "2025-02-30",
            "2025-W54",
            "2025-Q5",
            "2025-H3",
            "2025-XX",
            "XXXX-02",
            "2025-02-09T25:00",
            "2025-02-09TZZ",
            "P3D",
            "PRESENT_REF",
            "2025-02/2025-03-01",
            "2025-02-12/2025-02-09",
            "2025-02-09TMO/2025-02-10TMO",
            " 2025",
            "2025-2-9",
        ],
    )
    def test_rejects_malformed(self, value: str) -> None:
        """Malformed or unsupported values raise TimexError naming the value."""
        with pytest.raises(TimexError) as info:
            DateSpan.from_timex(value)
        assert info.value.value == value

    def test_error_is_a_value_error(self) -> None:
        """TimexError can be caught as ValueError by generic callers."""
        with pytest.raises(ValueError, match="2025-13"):
            DateSpan.from_timex("2025-13")

    def test_clock_parts(self) -> None:
        """A TIME range keeps both clock times."""
        span = DateSpan.from_timex("2024-05-21T20:30/2024-05-21T22:12", zone="Asia/Seoul")
        assert (span.start_time, span.end_time) == (time(20, 30), time(22, 12))
        assert span.start_datetime().utcoffset() == timedelta(hours=9)
        assert span.end_datetime().isoformat() == "2024-05-21T22:12:00+09:00"

    def test_part_of_day(self) -> None:
        """A part-of-day value keeps the part."""
        assert DateSpan.from_timex("2025-02-10TEV").part_of_day is PartOfDay.EVENING


class TestMods:
    @pytest.mark.parametrize(
        ("value", "mod", "first", "last"),
        [
            ("2025-05", Mod.START, date(2025, 5, 1), date(2025, 5, 10)),
            ("2025-02", Mod.MID, date(2025, 2, 11), date(2025, 2, 20)),
            ("2025-05", Mod.END, date(2025, 5, 21), date(2025, 5, 31)),
            ("2024-02", Mod.END, date(2024, 2, 21), date(2024, 2, 29)),
            ("2024", Mod.START, date(2024, 1, 1), date(2024, 4, 30)),
            ("2024", Mod.MID, date(2024, 5, 1), date(2024, 8, 31)),
            ("2024", Mod.END, date(2024, 9, 1), date(2024, 12, 31)),
            ("2025-Q3", Mod.END, date(2025, 9, 1), date(2025, 9, 30)),
            ("2025-H1", Mod.START, date(2025, 1, 1), date(2025, 2, 28)),
            ("2025-W07", Mod.END, date(2025, 2, 15), date(2025, 2, 16)),
        ],
    )
    def test_narrowing(self, value: str, mod: Mod, first: date, last: date) -> None:
        """START/MID/END select the early, middle and late part; the value stays the unit."""
        span = DateSpan.from_timex(value, mod=mod)
        assert (span.first, span.last) == (first, last)
        assert span.timex == value
        assert span.mod is mod

    def test_non_narrowing_mod_keeps_whole_unit(self) -> None:
        """APPROX qualifies the span without moving its days."""
        span = DateSpan.from_timex("2025-02", mod=Mod.APPROX)
        assert (span.first, span.last) == (date(2025, 2, 1), date(2025, 2, 28))

    def test_narrowing_a_day_is_refused(self) -> None:
        """A day has no early or late part in this model."""
        with pytest.raises(TimexError):
            DateSpan.from_timex("2025-02-09", mod=Mod.START)

    def test_narrowing_a_weekend_is_refused(self) -> None:
        """Two days have no early, middle and late thirds."""
        with pytest.raises(TimexError, match="weekend"):
            DateSpan.from_timex("2025-W06-WE", mod=Mod.MID)

    @given(day=days)
    def test_weekend_is_saturday_and_sunday(self, day: date) -> None:
        """The weekend of any day's ISO week is that week's Saturday and Sunday."""
        span = DateSpan.unit(Granularity.WEEKEND, day)
        assert (span.first.isoweekday(), span.last.isoweekday()) == (6, 7)
        assert span.first.isocalendar()[:2] == day.isocalendar()[:2]

    def test_narrowing_a_range_is_refused(self) -> None:
        """START/MID/END apply to one unit."""
        with pytest.raises(TimexError):
            DateSpan.from_timex("2025-02/2025-03", mod=Mod.END)


class TestConstruction:
    def test_last_before_first(self) -> None:
        """A span cannot end before it starts."""
        with pytest.raises(ValueError, match="before it starts"):
            DateSpan.days(date(2025, 2, 12), date(2025, 2, 9))

    def test_month_must_be_whole(self) -> None:
        """A MONTH span without a narrowing mod covers whole months."""
        with pytest.raises(ValueError, match="whole months"):
            DateSpan(first=date(2025, 2, 3), last=date(2025, 2, 28), granularity=Granularity.MONTH)

    def test_times_need_time_granularity(self) -> None:
        """Clock times belong to TIME spans only."""
        with pytest.raises(ValueError, match="TIME"):
            DateSpan(first=date(2025, 2, 3), last=date(2025, 2, 3), start_time=time(9))

    def test_end_time_before_start_on_one_day(self) -> None:
        """On a single day the end time cannot precede the start time."""
        with pytest.raises(ValueError, match="before start"):
            DateSpan.at(date(2025, 2, 3), time(10), end=time(9))

    def test_unknown_zone(self) -> None:
        """Zones are checked against the IANA database."""
        with pytest.raises(ValueError, match="Mars/Olympus"):
            DateSpan.day(date(2025, 2, 3), zone="Mars/Olympus")

    def test_datetime_is_not_a_date(self) -> None:
        """A datetime passed as a day is refused rather than silently truncated."""
        from datetime import datetime

        with pytest.raises(ValueError, match="not datetimes"):
            DateSpan(first=datetime(2025, 2, 3, 9), last=date(2025, 2, 3))  # noqa: DTZ001

    def test_zone_does_not_move_days(self) -> None:
        """with_zone changes the zone and nothing else."""
        span = DateSpan.day(date(2025, 2, 7)).with_zone("America/New_York")
        assert (span.first, span.last, span.zone) == (
            date(2025, 2, 7),
            date(2025, 2, 7),
            "America/New_York",
        )

    def test_start_datetime_needs_a_time(self) -> None:
        """Asking a date-only span for its clock start is an error, not a guess."""
        with pytest.raises(ValueError, match="no clock time"):
            DateSpan.day(date(2025, 2, 7)).start_datetime()


GRANULARITIES = [g for g in Granularity if g not in (Granularity.TIME, Granularity.PART_OF_DAY)]


class TestProperties:
    @given(
        day=days,
        granularity=st.sampled_from([g for g in GRANULARITIES if g is not Granularity.WEEKEND]),
    )
    def test_unit_contains_its_day(self, day: date, granularity: Granularity) -> None:
        """The unit built around a day contains that day, and first <= last."""
        span = DateSpan.unit(granularity, day)
        assert span.first <= day <= span.last

    @given(day=days, granularity=st.sampled_from(GRANULARITIES))
    def test_unit_round_trips(self, day: date, granularity: Granularity) -> None:
        """Every unit's TIMEX3 value parses back to the same span."""
        span = DateSpan.unit(granularity, day)
        assert DateSpan.from_timex(span.timex) == span

    @given(
        day=days,
        granularity=st.sampled_from(
            [g for g in GRANULARITIES if g not in (Granularity.DAY, Granularity.WEEKEND)]
        ),
        mod=st.sampled_from([Mod.START, Mod.MID, Mod.END]),
    )
    def test_narrowed_parts_tile_the_unit(
        self, day: date, granularity: Granularity, mod: Mod
    ) -> None:
        """START, MID and END lie inside the unit, in order, without gaps or overlaps."""
        whole = DateSpan.unit(granularity, day)
        parts = [DateSpan.unit(granularity, day, mod=m) for m in (Mod.START, Mod.MID, Mod.END)]
        assert parts[0].first == whole.first
        assert parts[2].last == whole.last
        for a, b in itertools.pairwise(parts):
            assert a.last + timedelta(days=1) == b.first
        assert DateSpan.unit(granularity, day, mod=mod).timex == whole.timex

    @given(a=days, b=days)
    def test_day_ranges_round_trip(self, a: date, b: date) -> None:
        """Any inclusive day range survives formatting and parsing."""
        first, last = min(a, b), max(a, b)
        span = DateSpan.days(first, last)
        assert DateSpan.from_timex(span.timex) == span
        assert span.day_count == (last - first).days + 1

    @given(st.text(max_size=30))
    def test_parser_raises_only_timex_error(self, text: str) -> None:
        """Arbitrary text either parses or raises TimexError, nothing else."""
        try:
            span = DateSpan.from_timex(text)
        except TimexError:
            return
        assert span.first <= span.last


def test_coarse_granularities() -> None:
    """Month and coarser are coarse; week and finer are not."""
    coarse = {g for g in Granularity if g.is_coarse}
    assert coarse == {
        Granularity.MONTH,
        Granularity.SEASON,
        Granularity.QUARTER,
        Granularity.HALF,
        Granularity.YEAR,
        Granularity.DECADE,
        Granularity.CENTURY,
    }


CALENDAR_UNITS = [g for g in Granularity if g not in (Granularity.TIME, Granularity.PART_OF_DAY)]


@given(
    edge_days,
    st.sampled_from(CALENDAR_UNITS),
)
def test_a_unit_at_the_calendar_edges_is_made_or_refused_with_a_timex_error(
    day: date, unit: Granularity
) -> None:
    """The week of 9999-12-31 ends in the year 10000 and the winter of 0001-01-01 starts
    in the year 0: refused with a TimexError (a ValueError), never another exception."""
    try:
        span = DateSpan.unit(unit, day)
    except TimexError as exc:
        refused = str(exc)
        assert "0001-01-01 to 9999-12-31" in refused
        return
    assert span.first <= span.last
    assert unit is Granularity.WEEKEND or span.first <= day <= span.last  # a week's weekend


def test_a_day_shifted_off_the_calendar_is_a_timex_error() -> None:
    from summitcal.span.span import day_shifted

    assert day_shifted(date(9999, 12, 30), 1) == date.max
    assert day_shifted(date(1, 1, 2), -1) == date.min
    with pytest.raises(TimexError, match=r"9999-12-31 \+1 days.*0001-01-01 to 9999-12-31"):
        day_shifted(date.max, 1)
    with pytest.raises(TimexError, match="0001-01-01 -3 days"):
        day_shifted(date.min, -3)


def test_the_timex_value_is_kept_but_is_no_field() -> None:
    """The value is worked out once and left out of comparison, hashing and the repr."""
    made = DateSpan(first=date(2025, 2, 10), last=date(2025, 2, 16), granularity=Granularity.WEEK)
    fast = DateSpan.unit(Granularity.WEEK, date(2025, 2, 12))
    assert made.timex == fast.timex == "2025-W07"
    assert made.timex is made.timex
    assert made == fast
    assert hash(made) == hash(fast)
    assert repr(made) == repr(fast)
    assert "timex" not in repr(made)
    with pytest.raises(AttributeError):
        made.first = date(2025, 2, 9)  # type: ignore[misc]


def test_the_zone_never_changes_the_timex_value() -> None:
    span = DateSpan.from_timex("2025-02-07T14:00/2025-02-07T15:30")
    moved = span.with_zone("Asia/Seoul")
    assert (moved.timex, moved.zone, moved.first) == (span.timex, "Asia/Seoul", span.first)
    with pytest.raises(ValueError, match="Mars/Olympus"):
        span.with_zone("Mars/Olympus")


class TestUnchecked:
    """The unchecked constructor: slots filled in order, nothing validated."""

    def test_it_fills_the_fields_and_a_cached_value(self) -> None:
        from summitcal._unchecked import unchecked

        fields = [a.name for a in attrs.fields(DateSpan)]
        make = unchecked(DateSpan, [*fields, "timex"])
        day = date(2025, 2, 9)
        span = make(day, day, Granularity.DAY, None, None, None, None, None, "given")
        assert span == DateSpan.day(day)
        assert span.timex == "given"  # taken as given: nothing is checked

    def test_it_refuses_what_it_cannot_fill(self) -> None:
        from summitcal._unchecked import unchecked

        @attrs.define(slots=False)
        class Dicts:
            a: int

        @attrs.frozen
        class Slots:
            a: int
            b: int

        with pytest.raises(TypeError, match="not a slotted attrs class"):
            unchecked(Dicts)
        with pytest.raises(TypeError, match=r"all its fields: \['b'\]"):
            unchecked(Slots, ["a"])
        with pytest.raises(TypeError, match="'c' is not a slot"):
            unchecked(Slots, ["a", "b", "c"])
        made = unchecked(Slots)(1, 2)
        assert made == Slots(1, 2)
