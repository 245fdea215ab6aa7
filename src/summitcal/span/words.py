"""Spans as words for people: the one place dates are written for reading.

Three forms, one per kind of reader:

* :func:`compact_dates`: ISO-like and narrow, for aligned tables (``summitcal list``):
  ``"2025-02-10/11"``, ``"2026-07"``.
* :func:`human_dates`: prose, for the page and the timelines: ``"10–11 Feb 2025"``,
  ``"summer 2026"``, ``"early May 2025"``.
* :func:`dates_note`: the sentence a calendar feed adds to an event's description when
  its dates or time are vaguer than the calendar can show (``None`` when they are not).
* :func:`relative_days` and :func:`relative_to`: how far a span is from a given day, for
  ``summitcal next`` and ``recent``: ``"in 3 weeks"``, ``"2 days ago"``, ``"under way"``.
  The day is always an argument: nothing here reads the clock.

Example::

    >>> span = DateSpan.from_timex("2025-02-10/2025-02-11")
    >>> compact_dates(span), human_dates(span)
    ('2025-02-10/11', '10–11 Feb 2025')
"""

from __future__ import annotations

from datetime import date

from summitcal.span.span import DateSpan
from summitcal.span.units import Granularity, Mod, half_of, quarter_of

__all__ = [
    "compact_dates",
    "dates_note",
    "day_range",
    "human_dates",
    "relative_days",
    "relative_to",
    "short_day",
]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_MOD_WORDS = {
    Mod.START: "early",
    Mod.MID: "mid-",
    Mod.END: "late",
    Mod.APPROX: "about",
    Mod.BEFORE: "before",
    Mod.AFTER: "after",
    Mod.ON_OR_BEFORE: "on or before",
    Mod.ON_OR_AFTER: "on or after",
}


# --- tables ---------------------------------------------------------------------------


def compact_dates(span: DateSpan) -> str:
    """The span for a table column: ISO days, a clock time, or the TIMEX3 value.

    Days are ``2025-02-10``, ``2025-02-10/11`` (same month) or ``2025-01-30/2025-02-02``;
    a timed span is its day and clock times (``2025-02-10 20:00-23:00``); a part of a day
    is named (``2025-02-10 evening``); anything coarser than a day is its TIMEX3 value,
    with its mod in brackets (``2025-05 (start)``).

    Example::

        >>> compact_dates(DateSpan.from_timex("2026-SU"))
        '2026-SU'
    """
    first, last = span.first, span.last
    if span.start_time is not None:
        end = f"-{span.end_time.isoformat('minutes')}" if span.end_time else ""
        return f"{first.isoformat()} {span.start_time.isoformat('minutes')}{end}"
    if span.part_of_day is not None:
        return f"{first.isoformat()} {span.part_of_day.name.lower()}"
    if span.granularity is not Granularity.DAY:
        return span.timex if span.mod is None else f"{span.timex} ({span.mod.value.lower()})"
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.isoformat()}/{last.day:02d}"
    return f"{first.isoformat()}/{last.isoformat()}"


# --- prose ----------------------------------------------------------------------------


def short_day(d: date, *, year: bool = True) -> str:
    """One day as ``"10 Feb 2025"`` (``"10 Feb"`` without the year)."""
    text = f"{d.day} {_MONTHS[d.month - 1][:3]}"
    return f"{text} {d.year}" if year else text


def day_range(first: date, last: date) -> str:
    """Inclusive days, saying the month and year once where they are shared:
    ``"10–11 Feb 2025"``, ``"30 Jan – 2 Feb 2025"``, ``"30 Dec 2024 – 2 Jan 2025"``."""
    if first == last:
        return short_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_day(last)}"
    if first.year == last.year:
        return f"{short_day(first, year=False)} – {short_day(last)}"
    return f"{short_day(first)} – {short_day(last)}"


def _unit_words(span: DateSpan) -> str:
    g, first = span.granularity, span.first
    if g is Granularity.MONTH:
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if g is Granularity.SEASON:
        return f"{_SEASONS[first.month]} {first.year}"
    if g is Granularity.QUARTER:
        return f"Q{quarter_of(first.month)} {first.year}"
    if g is Granularity.HALF:
        return f"{('first', 'second')[half_of(first.month) - 1]} half of {first.year}"
    if g is Granularity.YEAR:
        return str(first.year)
    if g is Granularity.DECADE:
        return f"the {first.year - first.year % 10}s"
    return f"the {_ordinal(first.year // 100 + 1)} century"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def human_dates(span: DateSpan) -> str:
    """The span in words, as a reader expects it: ``"10–11 Feb 2025"``, ``"July 2026"``.

    Args:
        span: Any span.

    Returns:
        A short English description; a coarse span names its unit ("summer 2026",
        "early May 2025", "2027"), a timed one its clock times and zone.

    Example::

        >>> human_dates(DateSpan.from_timex("2025-02-10/2025-02-11"))
        '10–11 Feb 2025'
    """
    g = span.granularity
    if g is Granularity.TIME:
        assert span.start_time is not None
        clock = span.start_time.strftime("%H:%M")
        if span.end_time is not None:
            clock += "–" + span.end_time.strftime("%H:%M")
        zone = f" ({span.zone})" if span.zone else ""
        return f"{day_range(span.first, span.last)}, {clock}{zone}"
    if g is Granularity.PART_OF_DAY:
        assert span.part_of_day is not None
        return f"{short_day(span.first)} ({span.part_of_day.name.lower()})"
    if g in (Granularity.DAY, Granularity.WEEK, Granularity.WEEKEND):
        text = day_range(span.first, span.last)
        if span.mod is not None and span.mod.narrows:
            return text  # the days are already the narrowed part ("early" in that week)
    else:
        text = _unit_words(span)
        if span.mod is not None and span.mod.narrows:
            word = _MOD_WORDS[span.mod]
            if text.startswith("the "):  # "the early 1990s", not "early the 1990s"
                return f"the {word}{text[4:]}" if word.endswith("-") else f"the {word} {text[4:]}"
            return f"{word}{text}" if word.endswith("-") else f"{word} {text}"
    if span.mod is not None and span.mod in _MOD_WORDS:
        text = f"{_MOD_WORDS[span.mod]} {text}"
    return text


# --- calendar descriptions ------------------------------------------------------------


def dates_note(span: DateSpan) -> str | None:
    """What a calendar entry must add in words because its DTSTART/DTEND cannot say it.

    Returns:
        For a month or coarser span, its TIMEX3 value and the days it is shown over; for
        a week or weekend, that only the week is known; for a part of a day, the part;
        for a clock time without a zone, the local time; otherwise ``None``.

    Example::

        >>> dates_note(DateSpan.from_timex("2025-W07"))
        'Dates: known only to the week (2025-W07); shown over all its days.'
    """
    g = span.granularity
    if g.is_coarse:
        mod = f", {span.mod.value.lower()}" if span.mod else ""
        return (
            f"Dates: known only as {span.timex} ({g.value}{mod}); shown over "
            f"{span.first.isoformat()} to {span.last.isoformat()}."
        )
    if g in (Granularity.WEEK, Granularity.WEEKEND):
        return f"Dates: known only to the {g.value} ({span.timex}); shown over all its days."
    if g is Granularity.PART_OF_DAY:
        assert span.part_of_day is not None
        return f"Time: {span.part_of_day.name.lower()} (local time)."
    if span.is_timed and span.zone is None:
        assert span.start_time is not None
        end = f" to {span.end_time.isoformat('minutes')}" if span.end_time else ""
        return f"Time: {span.start_time.isoformat('minutes')}{end}, local time (zone unknown)."
    return None


# --- relative to a day ----------------------------------------------------------------

# (days from which the unit is used, its length in days, its name); the first row that
# fits wins.  Weeks start at two so that "in 1 week" never hides "in 10 days".
_RELATIVE_UNITS = ((335, 365.25, "year"), (60, 30.4375, "month"), (14, 7, "week"))
# How a coarse unit is named after "due this" where its enum value reads badly.
_UNIT_NAMES = {Granularity.HALF: "half-year"}


def relative_days(days: int) -> str:
    """A distance in days as words: ``0`` -> ``"today"``, ``1`` -> ``"tomorrow"``,
    ``-1`` -> ``"yesterday"``, ``10`` -> ``"in 10 days"``, ``-21`` -> ``"3 weeks ago"``,
    ``75`` -> ``"in 2 months"``, ``400`` -> ``"in 1 year"``.

    Days count up to 13, weeks up to 59 days, months up to 334 days, then years; each is
    rounded to the nearest whole unit.
    """
    if days == 0:
        return "today"
    if abs(days) == 1:
        return "tomorrow" if days > 0 else "yesterday"
    count, unit = abs(days), "day"
    for threshold, length, name in _RELATIVE_UNITS:
        if count >= threshold:
            count, unit = max(1, round(count / length)), name
            break
    amount = f"{count} {unit}{'s' if count != 1 else ''}"
    return f"in {amount}" if days > 0 else f"{amount} ago"


def relative_to(span: DateSpan, as_of: date) -> str:
    """When ``span`` is, seen from the day ``as_of``: ``"in 3 weeks"`` (counted to its
    first day), ``"2 days ago"`` (counted from its last day), ``"today"`` for a one-day
    span on that day, ``"under way"`` for a longer one that holds it.

    A span known only to the month or coarser that holds ``as_of`` is ``"due this
    month"`` (or year, half-year...): it is not known to be under way.

    Example::

        >>> relative_to(DateSpan.from_timex("2025-02-10/2025-02-11"), date(2025, 1, 20))
        'in 3 weeks'
    """
    if as_of < span.first:
        return relative_days((span.first - as_of).days)
    if span.last < as_of:
        return relative_days((span.last - as_of).days)
    if span.granularity.is_coarse:
        return f"due this {_UNIT_NAMES.get(span.granularity, span.granularity.value)}"
    return "today" if span.first == span.last else "under way"
