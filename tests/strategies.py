"""Hypothesis strategies that several test modules draw from: days and reference dates."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

__all__ = ["days_between", "edge_days"]


def days_between(first_year: int, last_year: int) -> st.SearchStrategy[date]:
    """Days from 1 January of ``first_year`` to 31 December of ``last_year``."""
    return st.dates(min_value=date(first_year, 1, 1), max_value=date(last_year, 12, 31))


#: Days near either end of the calendar, where a unit or a shift can run out of it.
edge_days = st.one_of(st.dates(max_value=date(1, 3, 31)), st.dates(min_value=date(9999, 10, 1)))
