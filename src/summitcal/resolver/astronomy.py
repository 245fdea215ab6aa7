"""Astronomical seasons: each runs from the UTC day of its equinox or solstice to the day
before the next one (spring from the March equinox, summer from the June solstice, autumn
from the September equinox, winter from the December solstice).

The moments come from ``ephem`` (the XEphem library's astronomy, well under a minute off
for these years), imported on first use only: the default seasons are meteorological and
need no astronomy.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

__all__ = ["season_days"]

#: Each season's starting event, as ``ephem`` names the function finding the next one,
#: and the month it falls in (the search starts at that month's first day).
_STARTS = {
    "SP": ("next_vernal_equinox", 3),
    "SU": ("next_summer_solstice", 6),
    "FA": ("next_autumnal_equinox", 9),
    "WI": ("next_winter_solstice", 12),
}
_NEXT = {"SP": ("SU", 0), "SU": ("FA", 0), "FA": ("WI", 0), "WI": ("SP", 1)}


@functools.lru_cache(maxsize=512)
def _start(code: str, year: int) -> date:
    import ephem  # type: ignore[import-untyped]

    finder, month = _STARTS[code]
    moment = getattr(ephem, finder)(ephem.Date(date(year, month, 1)))
    day: date = moment.datetime().date()
    return day


def season_days(code: str, year: int) -> tuple[date, date]:
    """The first and last day of the astronomical season ``code`` (``SP``, ``SU``, ``FA``,
    ``WI``) that starts in ``year`` (winter 2025 runs from December 2025 into 2026)."""
    following, step = _NEXT[code]
    return _start(code, year), _start(following, year + step) - timedelta(days=1)
