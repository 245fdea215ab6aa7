"""Days of other calendars (Islamic, Hebrew, Chinese, Hindu, Buddhist) for the holidays
that follow them, from the ``holidays`` package's calendars.

That package keeps, for each calendar, the Gregorian dates of its feasts (Islamic dates
by the Umm al-Qura calendar, Hebrew dates by the fixed arithmetic calendar, Diwali as
India gazettes it...) for about 1900-2100; it is imported on first use only, so that a
program that never reads "Eid al-Fitr" never pays for it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any

__all__ = ["CalendarError", "feast_days"]

#: The package's class for each calendar the holiday table names.
_CLASSES = {
    "islamic": "_IslamicLunar",
    "hebrew": "_HebrewLunisolar",
    "chinese": "_ChineseLunisolar",
    "hindu": "_HinduLunisolar",
    "buddhist": "_BuddhistLunisolar",
}


class CalendarError(Exception):
    """A calendar has no such feast, or no date for it in the year asked for."""


@functools.cache
def _calendar(name: str) -> Any:
    import holidays.calendars

    return getattr(holidays.calendars, _CLASSES[name])()


def _dates(found: object) -> Iterable[date]:
    """The dates a calendar method gives, whatever its shape: a date, a ``(date,
    estimated)`` pair, or an iterable of either."""
    if found is None:
        return ()
    if isinstance(found, date):
        return (found,)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], bool):
        return _dates(found[0])
    assert isinstance(found, Iterable)
    return (day for item in found for day in _dates(item))


@functools.lru_cache(maxsize=1024)
def feast_days(calendar: str, event: str, year: int) -> tuple[date, ...]:
    """Every first day of ``event`` in the Gregorian ``year``, in order: none, one, or
    two for a feast of the Islamic year, which is 11 days shorter (Eid al-Fitr fell on
    2 January and 23 December 2033).

    Raises:
        CalendarError: If the calendar has no such feast.
    """
    if calendar not in _CLASSES:
        raise CalendarError(f"no calendar called {calendar!r}")
    cal = _calendar(calendar)
    method = getattr(cal, f"{event}_dates", None) or getattr(cal, f"{event}_date", None)
    if method is None:
        raise CalendarError(f"the {calendar} calendar has no feast {event!r}")
    return tuple(sorted(day for day in _dates(method(year)) if day.year == year))
