"""Holidays whose day depends on the country: the country the sentence names decides.

"Independence Day" is 4 July in the United States, 15 August in India and 16 September
in Mexico; "Thanksgiving" is in November in the United States and in October in Canada.
The holiday table (``data/holidays.toml``) gives each country's reading, and where one
dominates (US Thanksgiving) a default; ``data/countries.toml`` the words that name each
country.  The first country named in the sentence that has a reading wins; with none, the
default, or :class:`~summitcal.errors.AmbiguousHolidayError`.
"""

from __future__ import annotations

import functools
import re

import attrs

from summitcal.errors import AmbiguousHolidayError
from summitcal.resolver.lexicon import holiday_key, lexicon
from summitcal.resolver.phrase import HolidayRef

__all__ = ["local_holiday"]


@functools.cache
def _country_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, words))})(?![\w])"), code)
        for code, words in lexicon().countries.items()
    )


def _named_countries(context: str) -> list[str]:
    """The countries the sentence names, in the order they first appear."""
    found = []
    for pattern, code in _country_words():
        m = pattern.search(context)
        if m is not None:
            found.append((m.start(), code))
    return [code for _, code in sorted(found)]


def local_holiday(core: HolidayRef, context: str | None, text: str) -> HolidayRef:
    """``core`` with the reading of the country its sentence names, when its day depends
    on the country.

    Raises:
        AmbiguousHolidayError: If the name has no default reading and the sentence names
            none of the countries that have one.
    """
    readings = lexicon().holiday_countries.get(holiday_key(core.name))
    if readings is None:
        return core
    for code in _named_countries(context or ""):
        if code in readings:
            return attrs.evolve(core, holiday=readings[code])
    if core.holiday.rule == "ambiguous":
        raise AmbiguousHolidayError(text, core.name, tuple(sorted(readings)))
    return core
