"""The Chinese lunisolar calendar as data: lunar month starts and the Qingming solar term.

``data/lunar.toml`` is written by scripts/generate_lunar_calendar.py (lunardate, checked
against lunar-python) and read here on first use only, so a program that never meets a
lunar holiday never reads it.

Example::

    >>> lunar_day(2025, 8, 15)  # the Mid-Autumn Festival of 2025
    datetime.date(2025, 10, 6)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from summitcal.resolver.lexicon import load_data

__all__ = ["LunarRangeError", "lunar_day", "qingming"]


class LunarRangeError(LookupError):
    """A year outside the shipped table."""


@functools.cache
def _table() -> tuple[dict[int, tuple[date, ...]], dict[int, date]]:
    data = load_data("lunar.toml")
    starts = {int(y): tuple(days) for y, days in data["month_starts"].items()}
    terms = {int(y): day for y, day in data["qingming"].items()}
    return starts, terms


def _covered(table: Mapping[int, object], year: int) -> None:
    if year not in table:
        raise LunarRangeError(f"the lunar table covers {min(table)}-{max(table)}, not {year}")


def lunar_day(year: int, month: int, day: int) -> date:
    """The Gregorian date of day ``day`` of ordinary lunar month ``month`` of lunar year
    ``year`` (the lunar year that starts in Gregorian ``year``).

    Raises:
        LunarRangeError: If the year is outside the table.
    """
    starts, _ = _table()
    _covered(starts, year)
    first = starts[year][month - 1]
    return date.fromordinal(first.toordinal() + day - 1)


def qingming(year: int) -> date:
    """The day of the Qingming solar term (Beijing date) in ``year``.

    Raises:
        LunarRangeError: If the year is outside the table.
    """
    _, terms = _table()
    _covered(terms, year)
    return terms[year]
