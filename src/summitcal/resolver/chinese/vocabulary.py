"""The Chinese vocabulary, read once from ``resolver/data/zh/*.toml`` on first use."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from summitcal.resolver.lexicon import Holiday, load_data, read_holidays

__all__ = ["Vocabulary", "vocabulary"]


@attrs.frozen(kw_only=True)
class Vocabulary:
    """Every Chinese word list the grammar, the aspect reader and the name checks use."""

    weekday_heads: tuple[str, ...]
    weekdays: dict[str, int]
    week_steps: dict[str, int]
    day_words: dict[str, int]
    day_parts: dict[str, tuple[int, str]]
    year_words: dict[str, int]
    month_words: dict[str, int]
    #: part of the day -> (TIMEX3 code, whether a clock time after it is p.m.)
    parts_of_day: dict[str, tuple[str, bool]]
    month_parts: dict[str, str]
    year_parts: dict[str, str]
    halves: dict[str, int]
    seasons: dict[str, str]
    season_letters: dict[str, str]
    units: dict[str, str]
    offset_sides: dict[str, int]
    amount_mods: dict[str, str]
    vague: dict[str, str]
    #: Days counted from the day the story is at (次日 = the next day).
    narrative: dict[str, int]
    separators: tuple[str, ...]
    zones: dict[str, str]
    holidays: dict[str, Holiday]
    #: Holiday names that are also given names or parts of place names (国庆, 五一).
    bare_holidays: frozenset[str]
    ahead: tuple[str, ...]
    back: tuple[str, ...]
    reporting: tuple[str, ...]
    not_cues: tuple[str, ...]
    names: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    surnames: frozenset[str]


def _load(name: str) -> dict[str, Any]:
    return load_data(f"zh/{name}")


@functools.cache
def vocabulary() -> Vocabulary:
    """The Chinese vocabulary (read and cached on first call)."""
    cal = _load("calendar.toml")
    hol = _load("holidays.toml")
    aspect = _load("aspect.toml")
    names = _load("names.toml")
    holidays = read_holidays(hol, lists=("names", "bare"))
    bare = {name for entry in hol.values() for name in entry.get("bare", ())}
    return Vocabulary(
        weekday_heads=tuple(cal["weekdays"]["heads"]),
        weekdays=dict(cal["weekdays"]["days"]),
        week_steps=dict(cal["week_steps"]),
        day_words=dict(cal["day_words"]),
        day_parts={k: (int(v["offset"]), v["part"]) for k, v in cal["day_parts"].items()},
        year_words=dict(cal["year_words"]),
        month_words=dict(cal["month_words"]),
        parts_of_day={k: (v["part"], bool(v["pm"])) for k, v in cal["parts_of_day"].items()},
        month_parts=dict(cal["month_parts"]),
        year_parts=dict(cal["year_parts"]),
        halves=dict(cal["halves"]),
        seasons=dict(cal["seasons"]),
        season_letters=dict(cal["season_letters"]),
        units=dict(cal["units"]),
        offset_sides=dict(cal["offset_sides"]),
        amount_mods=dict(cal["amount_mods"]),
        vague=dict(cal["vague"]),
        narrative=dict(cal["narrative"]),
        separators=tuple(cal["ranges"]["separators"]),
        zones=dict(cal["zones"]),
        holidays=holidays,
        bare_holidays=frozenset(bare),
        ahead=tuple(aspect["ahead"]["cues"]),
        back=tuple(aspect["back"]["cues"]),
        reporting=tuple(aspect["reporting"]["verbs"]),
        not_cues=tuple(aspect["not_cues"]["words"]),
        names=tuple(names["names"]["phrases"]),
        place_suffixes=tuple(names["place_suffixes"]["words"]),
        surnames=frozenset(names["surnames"]["chars"]),
    )
