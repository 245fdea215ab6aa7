"""The resolver's vocabulary, read once from the TOML files in ``resolver/data``.

Words live in data, grammar lives in code: :mod:`summitcal.resolver.grammar` builds its
patterns from the word lists here.  :func:`lexicon` reads and checks the files on first
use and caches the result, so importing the package costs nothing.

Example::

    >>> lexicon().weekdays["fri"]
    4
"""

from __future__ import annotations

import functools
import pkgutil
import tomllib
from typing import Any

import attrs

__all__ = ["Holiday", "Lexicon", "holiday_key", "lexicon", "load_data", "read_holidays"]


@attrs.frozen(kw_only=True)
class Holiday:
    """A holiday's rule, as ``holidays.toml`` gives it.

    Attributes:
        key: The holiday's id (``"christmas"``).
        rule: ``fixed``, ``easter``, ``orthodox``, ``nth``, ``lunar``, ``calendar``; or
            ``ambiguous`` for a name whose day depends on a country none of whose
            readings dominates ("Independence Day").
        month: For ``fixed`` and ``nth``.
        day: For ``fixed``.
        days: How many days the holiday lasts (1 for most).
        offset: For ``easter`` and ``orthodox``: days from Easter Sunday; for ``nth`` and
            ``lunar``, days from the day the rule gives.
        weekday: For ``nth``: Monday = 0.
        n: For ``nth``: 1 = first, -1 = last.
        calendar: For ``calendar``: ``islamic``, ``hebrew``, ``chinese``, ``hindu`` or
            ``buddhist``.
        event: For ``calendar``: the day's name in that calendar (``eid_al_fitr``).
        until: For ``calendar``: the feast of the same calendar whose day ends the
            holiday, which lasts to the day before it (Ramadan, to Eid al-Fitr); ``""``
            for a holiday of ``days`` days.
        country: The ISO 3166 code of the country whose day this is, if it depends on
            the country.
        default: Whether this country's reading is taken when no country is named.
    """

    key: str
    rule: str
    month: int = 0
    day: int = 0
    days: int = 1
    offset: int = 0
    weekday: int = 0
    n: int = 0
    calendar: str = ""
    event: str = ""
    until: str = ""
    country: str = ""
    default: bool = False


@attrs.frozen(kw_only=True)
class Lexicon:
    """Every word list the grammar and the tense reader use (all keys lower-case)."""

    weekdays: dict[str, int]
    weekday_names: tuple[str, ...]
    months: dict[str, int]
    month_names: tuple[str, ...]
    #: "today", "the day after tomorrow"...: each with its distance from the reference day.
    day_words: dict[str, int]
    #: Named lists of prepositions (see data/prepositions.toml), in their file order.
    prepositions: dict[str, tuple[str, ...]]
    #: Prepositions that open an interval, and the TIMEX3 mod each gives ("until":
    #: ON_OR_BEFORE).
    open_bounds: dict[str, str]
    homographs: frozenset[str]
    #: Capitalised words beside a date that do not make it a name ("On", "The", "We").
    function_words: frozenset[str]
    #: Words after which a lower-case "fall" or "spring" is a season ("in spring").
    season_leads: frozenset[str]
    season_homographs: frozenset[str]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    #: Decades spelt out, by their tens ("nineties": 9).
    decades: dict[str, int]
    relative: dict[str, int]
    within: frozenset[str]
    fuzzy: dict[str, str]
    units: dict[str, tuple[str, int]]
    #: Extraction's amounts of time: the mod a word before one gives, inside the tag or
    #: outside it ("" for none), and the unit each word counts in.
    amount_mods: dict[str, str]
    outside_mods: dict[str, str]
    amount_units: dict[str, str]
    sets: dict[str, str]
    #: Nouns a rate word measures ("quarterly dividend"): no recurrence, see modifiers.toml.
    measures: frozenset[str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    day_parts: dict[str, tuple[int, str]]
    clock_words: dict[str, str]
    #: Clock times in words, read in a whole phrase only ("half past nine"): hours,
    #: minutes after a spoken hour, and parts of an hour before "past"/"to".
    clock_hours: dict[str, int]
    clock_minutes: dict[str, int]
    clock_fractions: dict[str, int]
    holidays: dict[str, Holiday]
    #: The same holidays under :func:`holiday_key` of each name: how a name the grammar
    #: matched is looked up ("New Years" for "new year's", "Chinas" for "china's").
    holiday_keys: dict[str, Holiday]
    #: Under :func:`holiday_key`, each country's reading of a name whose day depends on
    #: the country ("independence day": US, IN, MX...).
    holiday_countries: dict[str, dict[str, Holiday]]
    #: The words that name each country in a sentence (ISO 3166 code -> words).
    countries: dict[str, tuple[str, ...]]
    zones: dict[str, str]
    tense_future: tuple[str, ...]
    tense_present: tuple[str, ...]
    tense_past: tuple[str, ...]
    tense_reporting: tuple[str, ...]
    tense_none: tuple[str, ...]
    not_past: frozenset[str]
    passive_before: frozenset[str]
    #: Past forms that move a date ("extended ... until Nov. 9"): see tense.toml.
    deferrals: frozenset[str]
    #: Past forms of intending ("agreed to meet on Saturday"): see tense.toml.
    intentions: frozenset[str]
    passive_aux: frozenset[str]
    not_finite_after: frozenset[str]
    rejects: tuple[str, ...]
    #: Capitalised nouns that make the date before them part of a name ("Movement").
    name_heads: frozenset[str]
    #: Verbs before "the 24" and nouns after it that make the bare number a bus or train
    #: line ("take the 24", "the 24 bus").
    route_verbs: frozenset[str]
    route_nouns: frozenset[str]


def holiday_key(name: str) -> str:
    """A holiday name as the grammar matches it: apostrophes optional, any white space
    between words."""
    return " ".join(name.replace("'", "").split())


def read_holidays(
    table: dict[str, Any], *, lists: tuple[str, ...] = ("names",)
) -> dict[str, Holiday]:
    """The holidays of a table in the format of ``holidays.toml``, under each of their
    names (every name in the entry's ``lists`` of names)."""
    holidays: dict[str, Holiday] = {}
    for key, entry in table.items():
        fields = {k: v for k, v in entry.items() if k not in lists}
        holiday = Holiday(key=key, **fields)
        for listed in lists:
            holidays.update(dict.fromkeys(entry.get(listed, ()), holiday))
    return holidays


def load_data(name: str) -> dict[str, Any]:
    """The TOML file ``name`` of the resolver's data (``"calendar.toml"``,
    ``"fr/tense.toml"``), every language's."""
    # pkgutil rather than importlib.resources, which would cost more to import than all
    # of the resolver's data takes to read.
    data = pkgutil.get_data("summitcal.resolver", f"data/{name}")
    assert data is not None  # None only for a loader that cannot read data
    return tomllib.loads(data.decode("utf-8"))


def _names(table: dict[str, Any]) -> tuple[dict[str, int], tuple[str, ...]]:
    words: dict[str, int] = {}
    full: list[str] = []
    for full_name, entry in table.items():
        full.append(full_name)
        for word in entry["names"]:
            words[word] = int(entry["index"])
    return words, tuple(full)


def _holidays(
    table: dict[str, Any],
) -> tuple[dict[str, Holiday], dict[str, dict[str, Holiday]]]:
    """Each name's holiday (its default reading, or an ``ambiguous`` one), and each
    country's reading of the names that depend on the country."""
    holidays: dict[str, Holiday] = {}
    by_country: dict[str, dict[str, Holiday]] = {}
    for key, entry in table.items():
        fields = {k: v for k, v in entry.items() if k != "names"}
        holiday = Holiday(key=key, **fields)
        for name in entry["names"]:
            if holiday.country:
                by_country.setdefault(holiday_key(name), {})[holiday.country] = holiday
            if not holiday.country or holiday.default:
                holidays[name] = holiday
    for entry in table.values():
        for name in entry["names"]:
            readings = list(by_country.get(holiday_key(name), {}).values())
            # A name one country alone uses ("Vesak Day") is that country's.
            only = readings[0] if len(readings) == 1 else None
            holidays.setdefault(name, only or Holiday(key=holiday_key(name), rule="ambiguous"))
    return holidays, by_country


@functools.cache
def lexicon() -> Lexicon:
    """The vocabulary, read from the package data on first call and cached."""
    cal = load_data("calendar.toml")
    nums = load_data("numbers.toml")
    mods = load_data("modifiers.toml")
    seas = load_data("seasons.toml")
    hol = load_data("holidays.toml")
    tense = load_data("tense.toml")
    names = load_data("function_words.toml")
    preps = load_data("prepositions.toml")
    weekdays, weekday_names = _names(cal["weekdays"])
    months, month_names = _names(cal["months"])
    holidays, by_country = _holidays(hol)
    rejects = load_data("rejects.toml")
    return Lexicon(
        weekdays=weekdays,
        weekday_names=weekday_names,
        months=months,
        month_names=month_names,
        day_words={word: int(days) for word, days in cal["day_words"].items()},
        prepositions={use: tuple(words) for use, words in preps["prepositions"].items()},
        open_bounds=dict(preps["open_bounds"]),
        homographs=frozenset(cal["homographs"]["words"]),
        function_words=frozenset(names["function_words"]["words"]),
        season_leads=frozenset(names["season_leads"]["words"]),
        season_homographs=frozenset(cal["homographs"]["seasons"]),
        cardinals=dict(nums["cardinals"]),
        ordinals=dict(nums["ordinals"]),
        decades=dict(nums["decades"]),
        relative=dict(mods["relative"]),
        within=frozenset(mods["within"]),
        fuzzy=dict(mods["fuzzy"]),
        units={k: (v["unit"], int(v["count"])) for k, v in mods["units"].items()},
        amount_mods=dict(mods["amount_mods"]),
        outside_mods=dict(mods["outside_mods"]),
        amount_units=dict(mods["amount_units"]),
        sets=dict(mods["sets"]),
        measures=frozenset(mods["measures"]["words"]),
        seasons=dict(seas["seasons"]),
        parts_of_day=dict(seas["parts_of_day"]),
        day_parts={k: (int(v["offset"]), v["part"]) for k, v in seas["day_parts"].items()},
        clock_words=dict(seas["clock_words"]),
        # The hours of a clock in words: the cardinals "one" to "twelve".
        clock_hours={
            w: n for w, n in nums["cardinals"].items() if n <= 12 and w not in ("a", "an")
        },
        clock_minutes=dict(nums["clock_minutes"]),
        clock_fractions=dict(nums["clock_fractions"]),
        holidays=holidays,
        holiday_keys={holiday_key(name): holiday for name, holiday in holidays.items()},
        holiday_countries=by_country,
        countries={
            code: tuple(words) for code, words in load_data("countries.toml")["countries"].items()
        },
        zones=dict(load_data("zones.toml")["zones"]),
        tense_future=tuple(tense["future"]["cues"]),
        tense_present=tuple(tense["present"]["cues"]),
        tense_past=tuple(tense["past"]["cues"]),
        tense_reporting=tuple(tense["reporting"]["cues"]),
        tense_none=tuple(tense["none"]["cues"]),
        not_past=frozenset(tense["not_past"]["words"]),
        passive_before=frozenset(tense["passive_before"]["words"]),
        deferrals=frozenset(tense["deferral"]["words"]),
        intentions=frozenset(tense["intention"]["words"]),
        passive_aux=frozenset(tense["passive_aux"]["words"]),
        not_finite_after=frozenset(tense["not_finite_after"]["words"]),
        rejects=tuple(rejects["names"]["phrases"]),
        name_heads=frozenset(rejects["name_heads"]["words"]),
        route_verbs=frozenset(rejects["routes"]["verbs"]),
        route_nouns=frozenset(rejects["routes"]["nouns"]),
    )
