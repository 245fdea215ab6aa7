"""Holidays whose day depends on the country: the country the sentence names decides.

"Independence Day" is 4 July in the United States, 15 August in India and 16 September
in Mexico; "Thanksgiving" is in November in the United States and in October in Canada.
The holiday table (``data/holidays.toml``) gives each country's reading, and where one
dominates (US Thanksgiving) a default; ``data/countries.toml`` the words that name each
country.  The first country named in the sentence that has a reading wins; with none,
the default, or :class:`~summitcal.errors.AmbiguousHolidayError`; a sentence that names
another country (one with no reading of that holiday) raises
:class:`~summitcal.errors.UnlistedLocalHolidayError` rather than give another country's
day.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import attrs

from summitcal.errors import AmbiguousHolidayError, UnlistedLocalHolidayError
from summitcal.resolver.lexicon import holiday_key, lexicon
from summitcal.resolver.phrase import HolidayRef

__all__ = ["local_holiday"]


@functools.cache
def _country_pattern(key: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """:func:`_patterns` of the countries with a reading of the holiday ``key``."""
    return _patterns(tuple(sorted(lexicon().holiday_countries[key])))


@functools.cache
def _patterns(codes: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """A pattern of the words that name any of the countries ``codes``, and one for each
    country (to tell, where the first matches, which of them it names)."""
    countries = lexicon().countries
    words = sorted({w for code in codes for w in countries[code]}, key=lambda w: (-len(w), w))
    each = {code: re.compile(_alternation(countries[code])) for code in codes}
    return re.compile(_alternation(words)), each


def _alternation(words: Iterable[str]) -> str:
    """A pattern of any of ``words`` standing as words (not after a dot: "U.S.A")."""
    return rf"(?<![\w.])(?:{'|'.join(map(re.escape, words))})(?![\w])"


def _first_country(context: str, key: str) -> str | None:
    """The first country with a reading of the holiday ``key`` that the sentence names (of
    two named at the same place, the first code)."""
    anywhere, each = _country_pattern(key)
    m = anywhere.search(context)
    if m is None:
        return None
    at = m.start()
    return min(code for code, pattern in each.items() if pattern.match(context, at))


def local_holiday(core: HolidayRef, context: str | None, text: str) -> HolidayRef:
    """``core`` with the reading of the country its sentence names, when its day depends
    on the country.

    Raises:
        AmbiguousHolidayError: If the name has no default reading and the sentence names
            none of the countries that have one.
        UnlistedLocalHolidayError: If the sentence names none of those countries but
            another one, whose day for the holiday the table does not hold.
    """
    key = holiday_key(core.name)
    readings = lexicon().holiday_countries.get(key)
    if readings is None:
        return core
    # One search for the countries with a reading of this holiday: the first named wins.
    code = _first_country(context, key) if context else None
    if code is not None:
        return attrs.evolve(core, holiday=readings[code])
    # Another country named alone has its own day, which the table does not hold.
    other = _other_country(context, readings) if context else None
    if other is not None:
        raise UnlistedLocalHolidayError(text, core.name, other, tuple(sorted(readings)))
    if core.holiday.rule == "ambiguous":
        raise AmbiguousHolidayError(text, core.name, tuple(sorted(readings)))
    return core


def _other_country(context: str, readings: Mapping[str, object]) -> str | None:
    """The first listed country the sentence names that has no reading of the holiday
    (called once none with a reading is named)."""
    anywhere, each = _patterns(tuple(lexicon().countries))
    for m in anywhere.finditer(context):
        named = [code for code, pattern in each.items() if pattern.match(context, m.start())]
        if named and not any(code in readings for code in named):
            return min(named)
    return None
