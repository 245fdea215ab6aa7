"""The time type: :class:`DateSpan` (inclusive first and last days, a granularity, optional
clock times and zone) and its TIMEX3 values.

Modules: :mod:`~summitcal.span.span` (the span), :mod:`~summitcal.span.units` (granularities,
mods and the calendar unit of each), :mod:`~summitcal.span.timex` (TIMEX3 values read and
written), :mod:`~summitcal.span.zones` (IANA zones from the pinned tzdata),
:mod:`~summitcal.span.words` (spans in words).
"""

from summitcal.span.span import (
    DateSpan,
    Granularity,
    Mod,
    PartOfDay,
    Season,
    half_of,
    month_end,
    quarter_of,
)

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
