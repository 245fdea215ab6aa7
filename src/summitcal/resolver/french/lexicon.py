"""The French vocabulary, read once from the TOML files in ``resolver/data/fr``.

Words live in data, the grammar in code.  French is matched lower-cased with its accents
folded (:func:`fold`: "février" and "fevrier" alike, one character for one, so offsets in
the folded text are offsets in the original); the tense reader keeps the accents, which
tell a participle ("adopté") from a present ("adopte").

Example::

    >>> fold("Le 9 Février, à 15 h")
    'le 9 fevrier, a 15 h'
    >>> french().months["fevr"]
    2
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from summitcal.resolver.lexicon import Holiday, load_data, read_holidays
from summitcal.resolver.text import CharMap, normalize

__all__ = ["FrenchLexicon", "fold", "french"]

_FOLD = CharMap(
    {
        **dict.fromkeys("àâä", "a"),
        **dict.fromkeys("éèêë", "e"),
        **dict.fromkeys("îï", "i"),
        **dict.fromkeys("ôö", "o"),
        **dict.fromkeys("ùûü", "u"),
        "ÿ": "y",
        "ç": "c",
    }
)


def fold(text: str) -> str:
    """``text`` lower-cased, with one kind of dash, apostrophe and space, and accents
    folded; the same length as ``text``."""
    norm = normalize(text)
    return norm if norm.isascii() else _FOLD(norm)


@attrs.frozen(kw_only=True)
class FrenchLexicon:
    """Every French word list (keys folded, abbreviations without their dot)."""

    weekdays: dict[str, int]
    months: dict[str, int]
    day_words: dict[str, int]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    seasons: dict[str, str]
    units: dict[str, tuple[str, int]]
    relative: dict[str, int]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    holidays: dict[str, Holiday]
    zones: dict[str, str]
    #: The tense words, with their accents (see data/fr/tense.toml).
    tense: dict[str, Any]
    rejects: tuple[str, ...]
    places: frozenset[str]
    planet: frozenset[str]
    suffixes: frozenset[str]
    function_words: frozenset[str]
    titles: frozenset[str]


def _load(name: str) -> dict[str, Any]:
    return load_data(f"fr/{name}")


def _folded(table: dict[str, Any]) -> dict[str, Any]:
    return {fold(key).rstrip("."): value for key, value in table.items()}


@functools.cache
def french() -> FrenchLexicon:
    """The French vocabulary, read on first call and cached."""
    cal = _load("calendar.toml")
    nums = _load("numbers.toml")
    names = _load("names.toml")
    holidays = {fold(n): h for n, h in read_holidays(_load("holidays.toml")).items()}
    return FrenchLexicon(
        weekdays=_folded(cal["weekdays"]),
        months=_folded(cal["months"]),
        day_words=_folded(cal["day_words"]),
        parts_of_day=_folded(cal["parts_of_day"]),
        clock_words=_folded(cal["clock_words"]),
        seasons=_folded(cal["seasons"]),
        units={fold(k): (v[0], int(v[1])) for k, v in cal["units"].items()},
        relative=_folded(cal["relative"]),
        cardinals=_folded(nums["cardinals"]),
        ordinals=_folded(nums["ordinals"]),
        holidays=holidays,
        zones=_folded(_load("zones.toml")["zones"]),
        tense=_load("tense.toml"),
        rejects=tuple(fold(n) for n in names["names"]["phrases"]),
        places=frozenset(fold(w) for w in names["places"]["words"]),
        planet=frozenset(fold(w) for w in names["planet"]["words"]),
        suffixes=frozenset(fold(w) for w in names["suffixes"]["words"]),
        function_words=frozenset(fold(w) for w in names["function_words"]["words"]),
        titles=frozenset(fold(w) for w in names["titles"]["words"]),
    )
