"""The grammar: compiled patterns that recognise date phrases, and their meanings.

Each :class:`Rule` pairs a pattern for the core of a phrase ("from Sunday to Wednesday",
"Feb. 6-7", "May last year") with a builder that turns a match into a typed
:class:`~summitcal.resolver.phrase.Core`.  Day-level rules also accept what may qualify a
day: a clock time before or after ("9 a.m. on Monday"), a part of the day ("Monday
morning") and a zone ("US local time").  Word lists come from :mod:`lexicon`; the patterns
are built and compiled on first use and cached, so importing this module is cheap.

The same compiled rules serve two uses: :func:`parse` full-matches one phrase, and
:func:`matches` finds every phrase in running text.

Example::

    >>> parse("from Sunday to Wednesday").core
    DayRange(start=Weekday(weekday=6, ...), end=Weekday(weekday=2, ...))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, time
from typing import Any

import attrs

from summitcal.errors import PhraseError
from summitcal.resolver.fixed import PREPOSITIONS, fixed_phrases
from summitcal.resolver.lexicon import Lexicon, holiday_key, lexicon
from summitcal.resolver.phrase import (
    Core,
    DayOfMonth,
    DayRange,
    DayWord,
    Decade,
    DurationCore,
    Explicit,
    HalfRef,
    HolidayRef,
    MonthDay,
    MonthRef,
    Narrative,
    NumericDate,
    Offset,
    Phrase,
    QuarterRef,
    Relative,
    SeasonRef,
    SetCore,
    Shift,
    VagueRef,
    Weekday,
    WeekendRef,
    YearRef,
)
from summitcal.resolver.text import normalize
from summitcal.span.span import Mod

__all__ = [
    "RawMatch",
    "Rule",
    "candidates",
    "is_fixed",
    "matches",
    "parse",
    "rules",
    "tokens",
    "word_trie",
]

Builder = Callable[[re.Match[str], Lexicon], Core]


class _NoParse(Exception):
    """A pattern matched but the words make no date (e.g. "February 30")."""

    def __init__(self, reason: str, offset: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


@attrs.frozen
class Rule:
    """One pattern of the grammar.

    Attributes:
        name: A short name, used in explanations ("weekday range").
        source: The pattern, decorations included (``pattern`` is it compiled).
        build: Turns a match into a core meaning.
        day_level: Whether the rule names a day (so clock times and parts of day apply).
        triggers: Words of which any text the rule matches contains at least one
            (``#`` stands for a digit); a text with none of them is not tried.
        in_text: Whether :func:`matches` looks for the rule in running text (a yearless
            "9/11" is read only when a caller hands it over as a phrase).
        also: For some rules, a second set of such words: a text must hold one of each
            set ("February 6-7" holds a separator and a month).
        fuzzy: Whether the pattern has the "early/mid/late" group (read from ``source``).
        clock_only: Whether this is the clock-time rule, whose time has its own groups.
    """

    name: str
    source: str
    build: Builder
    day_level: bool
    triggers: frozenset[str] = frozenset()
    in_text: bool = True
    also: frozenset[str] | None = None
    fuzzy: bool = attrs.field(init=False)
    clock_only: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # Asked of every match: known from the source once rather than from the pattern's
        # group index (a new mapping at each call).
        object.__setattr__(self, "fuzzy", "(?P<fz>" in self.source)
        object.__setattr__(self, "clock_only", "(?P<cho>" in self.source)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use, so that a program that only ever
        reads weekdays never pays for the other rules)."""
        return _compile(self.source)


@functools.cache
def _compile(source: str) -> re.Pattern[str]:
    return re.compile(source)


@attrs.frozen
class RawMatch:
    """A rule's match in normalised text, before name checks.

    Attributes:
        start: Where the phrase proper starts (after a leading preposition).
        end: Where it ends.
        outer_start: Where the match starts, preposition included.
        rule: The rule that matched.
        phrase: What the words mean.
        preposition: The leading preposition, if any ("on", "in").
    """

    start: int
    end: int
    outer_start: int
    rule: Rule
    phrase: Phrase
    preposition: str | None


# --- pattern fragments --------------------------------------------------------------------


def _alt(words: object) -> str:
    """An alternation of ``words``, spaces as ``\\s+``, apostrophes optional."""
    assert isinstance(words, (list, tuple, set, frozenset, dict))
    return word_trie((str(w) for w in words), optional_apostrophe=True)


def word_trie(words: Iterable[str], *, optional_apostrophe: bool = False) -> str:
    """A regex alternation of ``words`` written as a trie, spaces matching any white space.

    "feb(?:ruary)?" rather than "february|feb": at each position the engine follows one
    branch per next letter instead of trying every word in turn, and a longer word is
    still tried before its prefix, as a longest-first list would be.
    """
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    chars = {" ": r"\s+", "'": "'?"} if optional_apostrophe else {" ": r"\s+"}
    return _trie(root, chars)


def _trie(node: dict[str, Any], chars: dict[str, str]) -> str:
    parts = [
        chars.get(ch, re.escape(ch)) + _trie(child, chars)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if "" in node else body


def _squash(text: str) -> str:
    return " ".join(text.split())


@attrs.frozen
class _Frag:
    """Pattern fragments built from the lexicon (each takes a group-name suffix)."""

    lex: Lexicon

    def _named(self, group: str, words: dict[str, int], full: tuple[str, ...]) -> str:
        # A dot may follow an abbreviation ("Feb."), never a full name (a sentence's end).
        abbreviations = [w for w in words if w not in full]
        return rf"(?:(?P<{group}>{_alt(full)})|(?P<{group}_ab>{_alt(abbreviations)})\.?)"

    def wd(self, s: str) -> str:
        return self._named(f"wd{s}", self.lex.weekdays, self.lex.weekday_names)

    def mon(self, s: str) -> str:
        return self._named(f"mon{s}", self.lex.months, self.lex.month_names)

    def day(self, s: str, suffix: str = "?") -> str:
        words = _alt(self.lex.ordinals)
        return rf"(?:(?P<dn{s}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th){suffix}|(?P<dw{s}>{words}))"

    def year(self, s: str) -> str:
        return rf"(?P<y{s}>(?:1[6-9]|20|21)\d\d)"

    def year_q(self, s: str) -> str:
        """A year qualifier: "2024", "last year", "next year", "this year"."""
        return rf"(?:{self.year(s)}|(?P<yr{s}>last|next|this|the\s+same)\s+year)"

    def num(self, s: str) -> str:
        return rf"(?P<n{s}>\d{{1,3}}|{_alt(self.lex.cardinals)})"

    def units(self, s: str) -> str:
        return rf"(?P<u{s}>{_alt(self.lex.units)})"

    def fuzz(self) -> str:
        # "end-March", "end-2024" (finance copy): "end" only with its hyphen, for "the
        # talks end March 3" is a verb before a date.
        return rf"(?:(?P<fz>{_alt(self.lex.fuzzy)})(?:\s*-\s*|\s+)|(?P<fzh>end)-)?"

    def clock(self, s: str) -> str:
        return (
            rf"(?:(?P<ch{s}>1[0-2]|0?[1-9])(?:[:.](?P<cm{s}>[0-5]\d))?\s*"
            rf"(?P<ap{s}>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
            # "14:30", and the wire services' "0800 GMT" or "1430 hrs": four digits only
            # before a zone word or "hrs" (alone they would as often be a year)
            rf"|(?P<hh{s}>[01]?\d|2[0-3])(?::|(?<=\d\d)(?=[0-5]\d(?:\s*(?:hrs|h)\b|\s+{self.zones()})))"
            rf"(?P<mm{s}>[0-5]\d)(?:\s*(?:hrs|h)\b)?"
            rf"|(?P<cw{s}>{_alt(self.lex.clock_words)}))"
        )

    def zones(self) -> str:
        """Any zone word, as a whole word (no group)."""
        return rf"(?:{_alt(self.lex.zones)})\b"

    def zone(self, s: str) -> str:
        # "local time" alone names no zone: it is read, and the zone stays unknown.
        return rf"(?:(?P<zone{s}>{_alt(self.lex.zones)})|local\s+time)"

    def pod(self) -> str:
        return rf"(?P<pod>{_alt(self.lex.parts_of_day)})"


_PREPOSITIONS = (
    "on|in|at|by|since|from|until|till|during|before|after|of|through|throughout|for|"
    "around|about|as\\s+of|starting|beginning|ending|later\\s+on|as\\s+early\\s+as"
)
_RANGE_SEP = r"\s*(?:-|to|through|thru|until|till|and|&)\s*"
_FROM = r"(?:(?:from|between)\s+)?"
_WEEK_REL = r"(?:\s+(?P<wk>next|last|this|the\s+following|the\s+previous)\s+week)?"


# --- group readers ---------------------------------------------------------------------------


def _get(m: re.Match[str], name: str) -> str | None:
    """A group's text, or ``None`` when it did not take part or the rule has no such group
    (rare: asking first would cost more than the odd exception)."""
    try:
        return m.group(name)
    except IndexError:
        return None


# Group names by suffix, made once ("mon", "mon_ab"; "mona", "mona_ab"...): the readers
# below run for every phrase parsed.
_SUFFIXES = ("", "a", "b", "d", "h", "r", "s", "w", "2")
_WD_GROUPS = {s: (f"wd{s}", f"wd{s}_ab") for s in _SUFFIXES}
_MON_GROUPS = {s: (f"mon{s}", f"mon{s}_ab") for s in _SUFFIXES}
_DAY_GROUPS = {s: (f"dn{s}", f"dw{s}") for s in _SUFFIXES}
_YEAR_GROUPS = {s: (f"y{s}", f"yr{s}") for s in _SUFFIXES}
_YEAR_STEPS = {"last": -1, "next": 1, "this": 0, "the same": 0}


def _weekday(m: re.Match[str], lex: Lexicon, s: str) -> int:
    full, short = _WD_GROUPS[s]
    word = _get(m, full) or _get(m, short)
    assert word is not None
    return lex.weekdays[word]


def _month(m: re.Match[str], lex: Lexicon, s: str) -> int:
    full, short = _MON_GROUPS[s]
    word = _get(m, full) or _get(m, short)
    assert word is not None
    return lex.months[word]


def _day(m: re.Match[str], lex: Lexicon, s: str) -> int:
    number, ordinal = _DAY_GROUPS[s]
    digits = _get(m, number)
    if digits is not None:
        return int(digits)
    word = _get(m, ordinal)
    assert word is not None
    return lex.ordinals[_squash(word)]


def _year(m: re.Match[str], s: str) -> tuple[int | None, int | None]:
    """(explicit year, step from the reference year) of a year qualifier."""
    number, relative = _YEAR_GROUPS[s]
    y = _get(m, number)
    if y is not None:
        return int(y), None
    rel = _get(m, relative)
    if rel is None:
        return None, None
    return None, _YEAR_STEPS[_squash(rel)]


def _count(m: re.Match[str], lex: Lexicon, s: str) -> int:
    word = _get(m, f"n{s}")
    assert word is not None
    return int(word) if word.isdigit() else lex.cardinals[word]


def _unit(m: re.Match[str], lex: Lexicon, s: str) -> tuple[str, int]:
    word = _get(m, f"u{s}")
    assert word is not None
    return lex.units[word]


def _check_day(month: int, day: int, year: int | None, offset: int = 0) -> None:
    leap_safe = year if year is not None else 2024  # 29 February exists in some year
    try:
        date(leap_safe, month, day)
    except ValueError:
        raise _NoParse(f"month {month} has no day {day}", offset) from None


# --- builders ---------------------------------------------------------------------------------


def _b_iso(m: re.Match[str], lex: Lexicon) -> Core:
    y, mo, d = m.group("iy"), m.group("im"), _get(m, "id")
    try:
        if d is None:
            date(int(y), int(mo), 1)
            return MonthRef(month=int(mo), year=int(y))
        return Explicit(date(int(y), int(mo), int(d)))
    except ValueError as exc:
        raise _NoParse(f"not a calendar date: {exc}") from None


def _b_numeric(m: re.Match[str], lex: Lexicon) -> Core:
    return NumericDate(int(m.group("na")), int(m.group("nb")), int(m.group("ny")))


def _b_numeric_short(m: re.Match[str], lex: Lexicon) -> Core:
    return NumericDate(int(m.group("na")), int(m.group("nb")), None)


_NARRATIVE_WORDS = {
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "after": 1,
    "same": 0,
    "that": 0,
}


def _b_narrative(m: re.Match[str], lex: Lexicon) -> Core:
    word = _get(m, "nw") or _get(m, "nw2") or _get(m, "nw3")
    if word is not None:  # "the next day", "the week before", "that day"
        return Narrative(_get(m, "nu") or "day", _NARRATIVE_WORDS[word])
    unit, per = _unit(m, lex, "r")
    if unit in ("hour", "minute"):
        raise _NoParse(f"a count of {unit}s later needs a clock, not a calendar")
    count = _count(m, lex, "r") * per
    if unit == "decade":
        unit, count = "year", 10 * count
    return Narrative(unit, -count if m.group("rdir") in ("earlier", "before") else count)


def _b_vague(m: re.Match[str], lex: Lexicon) -> Core:
    ago = _get(m, "vago") is not None
    return VagueRef("PAST_REF" if ago else "FUTURE_REF")


def _monthday(m: re.Match[str], lex: Lexicon, s: str, ys: str | None = None) -> MonthDay:
    month, day = _month(m, lex, s), _day(m, lex, s)
    year, step = _year(m, s if ys is None else ys)
    _check_day(month, day, year, m.start("body"))
    wd = _get(m, "wdw") or _get(m, "wdw_ab")
    weekday = lex.weekdays[wd] if wd is not None else None
    return MonthDay(month, day, year, step, weekday)


def _b_md(m: re.Match[str], lex: Lexicon) -> Core:
    md = _monthday(m, lex, "")
    if md.year is not None:
        day = date(md.year, md.month, md.day)
        if md.weekday is not None and day.weekday() != md.weekday:
            raise _NoParse(f"{day} is not a {lex.weekday_names[md.weekday].title()}")
        return Explicit(day)
    return md


def _b_cross(m: re.Match[str], lex: Lexicon) -> Core:
    a, b = _monthday(m, lex, "a"), _monthday(m, lex, "b")
    if a.year is None and b.year is not None:
        year = b.year - (1 if a.month > b.month else 0)
        a = MonthDay(a.month, a.day, year, a.year_step, a.weekday)
    return DayRange(a, b)


def _b_range(m: re.Match[str], lex: Lexicon) -> Core:
    month = _month(m, lex, "")
    year, step = _year(m, "")
    da, db = _day(m, lex, "a"), _day(m, lex, "b")
    if db <= da:
        raise _NoParse(f"a range of days ends ({db}) before it starts ({da})")
    _check_day(month, db, year)
    a = MonthDay(month=month, day=da, year=year, year_step=step)
    return DayRange(a, MonthDay(month, db, year, step))


def _week_step(m: re.Match[str]) -> int | None:
    wk = _get(m, "wk")
    if wk is None:
        return None
    return {"next": 1, "last": -1, "this": 0, "the following": 1, "the previous": -1}[_squash(wk)]


def _b_wd_range(m: re.Match[str], lex: Lexicon) -> Core:
    rel = _get(m, "wrel")
    week = _week_step(m)
    start = Weekday(_weekday(m, lex, "a"), rel=_squash(rel) if rel else None, week=week)
    return DayRange(start, Weekday(_weekday(m, lex, "b")))


def _b_weekday(m: re.Match[str], lex: Lexicon) -> Core:
    rel = _get(m, "wrel")
    return Weekday(_weekday(m, lex, ""), _squash(rel) if rel else None, _week_step(m))


_DAY_WORDS = {
    "today": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "tonight": 0,
    "last night": -1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
}


def _b_day_word(m: re.Match[str], lex: Lexicon) -> Core:
    word = _squash(m.group("dword"))
    return DayWord(_DAY_WORDS[word], word)


def _b_shift(m: re.Match[str], lex: Lexicon) -> Core:
    unit, per = _unit(m, lex, "s")
    if unit not in ("day", "week"):
        raise _NoParse(f"a shift from a day counts days or weeks, not {unit}s")
    days = _count(m, lex, "s") * per * (7 if unit == "week" else 1)
    if m.group("sdir") == "before":
        days = -days
    word = _get(m, "sw")
    base: Weekday | DayWord
    base = DayWord(_DAY_WORDS[word], word) if word else Weekday(_weekday(m, lex, ""))
    return Shift(base, days)


def _b_ordinal_day(m: re.Match[str], lex: Lexicon) -> Core:
    day = _day(m, lex, "")
    return DayOfMonth(day)


def _b_month(m: re.Match[str], lex: Lexicon) -> Core:
    year, step = _year(m, "")
    rel = _get(m, "mrel")
    rel_step = {"last": -1, "next": 1, "this": 0}[rel] if rel else None
    return MonthRef(_month(m, lex, ""), year, step, rel_step)


def _b_year(m: re.Match[str], lex: Lexicon) -> Core:
    year, _ = _year(m, "")
    assert year is not None
    return YearRef(year)


def _b_relative(m: re.Match[str], lex: Lexicon) -> Core:
    rel = _get(m, "rel")
    if rel is None:  # "the end of the year": the reference's own unit
        if _get(m, "fz") is None:
            raise _NoParse("'the year' alone names no particular year")
        return Relative(m.group("unit_t"), 0)
    word = _squash(rel)
    step = lex.relative[word]
    if word in ("the last", "the past") and m.group("unit") == "decade":
        raise _NoParse("'the past decade' is a length of time")
    anchored = word in ("the previous", "the following") and m.group("unit") == "year"
    if _get(m, "within") is not None and step != 0:
        raise _NoParse("'earlier'/'later' go with 'this'")
    return Relative(m.group("unit"), step, anchored=anchored)


def _b_offset(m: re.Match[str], lex: Lexicon) -> Core:
    s = "a" if _get(m, "na") is not None else "b"
    unit, per = _unit(m, lex, s)
    count = _count(m, lex, s) * per
    if unit == "decade":
        unit, count = "year", count * 10
    if unit in ("hour", "minute"):
        raise _NoParse(f"an offset in {unit}s needs a clock, not a calendar")
    if s == "a" and m.group("od") == "ago":
        count = -count
    return Offset(unit, count)


def _b_holiday(m: re.Match[str], lex: Lexicon) -> Core:
    name = _squash(m.group("hol"))
    holiday = lex.holiday_keys.get(holiday_key(name))
    if holiday is None:  # the pattern and the table are built from the same names
        raise _NoParse(f"no holiday is called {name!r}")
    year, step = _year(m, "")
    rel = _get(m, "hrel")
    rel_step = {"last": -1, "next": 1, "this": 0}[rel] if rel else None
    return HolidayRef(holiday, name, year=year, year_step=step, rel=rel_step)


def _b_season(m: re.Match[str], lex: Lexicon) -> Core:
    year, step = _year(m, "")
    rel = _get(m, "srel")
    rel_step = None
    if rel is not None and _squash(rel) != "the":
        rel_step = lex.relative[_squash(rel)]
    return SeasonRef(lex.seasons[m.group("sea")], year=year, year_step=step, rel=rel_step)


_ORDINAL_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL_PARTS |= {"fourth": 4, "4th": 4, "final": 4, "latter": 2}


def _part_of_year(m: re.Match[str], p: str) -> tuple[int, int | None, int | None]:
    """(which part, explicit year, step from the reference year) of a quarter (groups
    named with ``p`` = "q") or a half ("h"): "Q3 2024", "2024 Q3", "the third quarter of
    next year", "the first half of the year"."""
    year, step = _year(m, "")
    if year is None and step is None:
        year, step = _year(m, "2")
    if _get(m, f"{p}y") is not None:
        year = int(m.group(f"{p}y"))
    n = _get(m, f"{p}n") or _get(m, f"{p}n2")
    part = int(n) if n else _ORDINAL_PARTS[m.group(f"{p}o")]
    if _get(m, f"{p}the") is not None:  # "of the year": the reference's own
        step = 0
    return part, year, step


def _b_quarter(m: re.Match[str], lex: Lexicon) -> Core:
    quarter, year, step = _part_of_year(m, "q")
    return QuarterRef(quarter, year=year, year_step=step)


def _b_half(m: re.Match[str], lex: Lexicon) -> Core:
    half, year, step = _part_of_year(m, "h")
    if half > 2:
        raise _NoParse("a year has two halves")
    return HalfRef(half, year=year, year_step=step)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6}
_DECADE_WORDS |= {"seventies": 7, "eighties": 8, "nineties": 9}


def _b_decade(m: re.Match[str], lex: Lexicon) -> Core:
    full = _get(m, "dec")
    if full is not None:
        return Decade(int(full))
    short = _get(m, "dec2")
    tens = int(short[0]) if short else _DECADE_WORDS[m.group("decw")]
    # Two-digit decades: the twenties and later are read as this century only up to the
    # current decade's tens; anything else as the 1900s ("the '90s").
    return Decade(1900 + 10 * tens if tens >= 3 else 2000 + 10 * tens)


def _b_weekend(m: re.Match[str], lex: Lexicon) -> Core:
    rel = _get(m, "werel")
    if rel is None or _squash(rel) == "the":
        return WeekendRef(None)
    return WeekendRef(lex.relative[_squash(rel)])


def _b_clock_only(m: re.Match[str], lex: Lexicon) -> Core:
    return DayWord(0, "at a clock time")


_STORY_SIDES = frozenset({"next", "following", "previous"})


def _b_duration(m: re.Match[str], lex: Lexicon) -> Core:
    if _get(m, "nh") is not None:  # "a four-day visit"
        unit, per = _unit(m, lex, "h")
        return DurationCore(unit, _count(m, lex, "h") * per)
    unit, per = _unit(m, lex, "d")
    has_count = _get(m, "nd") is not None
    side = _get(m, "dpast")
    if not has_count and side is None:
        raise _NoParse(f"'{m.group('ud')}' alone is no date")
    if not has_count and side in _STORY_SIDES and m.group("ud") == "day":
        # "the next day", "the previous day" point at a day of the story (the narrative
        # rule reads them when handed over); in running text they are no amount either.
        raise _NoParse(f"'the {side} day' is a day of the story, not an amount")
    if not has_count and m.group("ud").endswith("s"):  # "the coming weeks": no amount
        ahead = side in ("next", "coming", "following")
        return VagueRef("FUTURE_REF" if ahead else "PAST_REF")
    count = (_count(m, lex, "d") if has_count else 1) * per
    if unit == "decade":
        unit, count = "year", count * 10
    return DurationCore(unit, count)


def _b_set(m: re.Match[str], lex: Lexicon) -> Core:
    word = _get(m, "setw")
    if word is not None:
        return SetCore(lex.sets[word])
    plural = _get(m, "wdpl")
    wd = _get(m, "wd") or _get(m, "wd_ab")
    if plural is not None or wd is not None:
        index = lex.weekdays[plural[:-1]] if plural else lex.weekdays[str(wd)]
        return SetCore(f"XXXX-WXX-{index + 1}")
    unit = _get(m, "setu") or _get(m, "setu2")
    step = 2 if _get(m, "other") else 1
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[str(unit)]
    return SetCore(f"P{step}{letter}")


# --- rules --------------------------------------------------------------------------------------


def _core_patterns(f: _Frag) -> list[tuple[str, str, Builder, bool]]:
    lex = f.lex
    rel_words = _alt([w for w in lex.relative if w != "the past"])
    holiday_words = _alt(lex.holidays)
    plural_weekdays = _alt([f"{name}s" for name in lex.weekday_names])
    fuzz = f.fuzz()
    return [
        ("explicit date", r"(?P<iy>\d{4})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?", _b_iso, True),
        (
            "numeric date",
            r"(?P<na>\d{1,2})(?P<ns>[/.])(?P<nb>\d{1,2})(?P=ns)(?P<ny>\d{4})",
            _b_numeric,
            True,
        ),
        ("numeric day", r"(?P<na>\d{1,2})/(?P<nb>\d{1,2})", _b_numeric_short, True),
        (
            "month-day range",
            rf"{_FROM}{f.mon('a')}\s*{f.day('a')}(?:,?\s+{f.year('a')})?{_RANGE_SEP}"
            rf"{f.mon('b')}\s*{f.day('b')}(?:,?\s+{f.year_q('b')})?",
            _b_cross,
            False,
        ),
        (
            "month-day range",
            rf"{_FROM}(?:the\s+)?{f.day('a')}(?:\s+of)?\s+{f.mon('a')}(?:,?\s+{f.year('a')})?"
            rf"{_RANGE_SEP}(?:the\s+)?{f.day('b')}(?:\s+of)?\s+{f.mon('b')}"
            rf"(?:,?\s+{f.year_q('b')})?",
            _b_cross,
            False,
        ),
        (
            "month-day range",
            rf"{_FROM}{f.mon('')}\s*{f.day('a')}{_RANGE_SEP}(?:the\s+)?{f.day('b')}"
            rf"(?:,?\s+{f.year_q('')})?",
            _b_range,
            False,
        ),
        (
            "month-day range",
            rf"{_FROM}(?:the\s+)?{f.day('a')}{_RANGE_SEP}(?:the\s+)?{f.day('b')}(?:\s+of)?"
            rf"\s+{f.mon('')}(?:,?\s+{f.year_q('')})?",
            _b_range,
            False,
        ),
        (
            "weekday range",
            rf"{_FROM}(?:(?P<wrel>last|next|this|coming)\s+)?{f.wd('a')}{_RANGE_SEP}"
            rf"{f.wd('b')}{_WEEK_REL}",
            _b_wd_range,
            False,
        ),
        (
            "month-day",
            rf"(?:{f.wd('w')},?\s+)?(?:the\s+)?{f.mon('')}\s*(?:the\s+)?{f.day('')}"
            rf"(?:,?\s+{f.year_q('')})?",
            _b_md,
            True,
        ),
        (
            "month-day",
            rf"(?:{f.wd('w')},?\s+)?(?:the\s+)?{f.day('')}(?:\s+of)?\s+{f.mon('')}"
            rf"(?:,?\s+{f.year_q('')})?",
            _b_md,
            True,
        ),
        (
            "shifted day",
            rf"{f.num('s')}\s+{f.units('s')}\s+(?P<sdir>from|after|before)\s+"
            rf"(?:{f.wd('')}|(?P<sw>today|tomorrow|yesterday))",
            _b_shift,
            True,
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>this\s+coming|the\s+coming|coming|last|next|this|past)\s+)?"
            rf"{f.wd('')}{_WEEK_REL}",
            _b_weekday,
            True,
        ),
        (
            "day word",
            r"(?P<dword>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
            r"tomorrow|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening))",
            _b_day_word,
            True,
        ),
        (
            "day of the month",
            rf"the\s+(?:(?P<dn>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?"
            rf"|(?P<dw>{_alt(lex.ordinals)})\s+of\s+(?:this|the)\s+month)",
            _b_ordinal_day,
            True,
        ),
        (
            "month",
            rf"{fuzz}(?:(?P<mrel>last|next|this)\s+)?{f.mon('')}(?:,?\s+(?:of\s+)?{f.year_q('')})?",
            _b_month,
            False,
        ),
        ("year", rf"{fuzz}(?:the\s+year\s+(?:of\s+)?)?{f.year('')}", _b_year, False),
        (
            "relative unit",
            rf"{fuzz}(?:(?P<within>earlier|later)\s+)?(?:(?P<rel>{rel_words})\s+"
            r"(?P<unit>week|month|year|quarter|decade)|the\s+(?P<unit_t>year|month|week|quarter))",
            _b_relative,
            False,
        ),
        (
            "relative offset",
            rf"(?:{f.num('a')}\s+{f.units('a')}\s+(?P<od>ago|from\s+now|hence)"
            rf"|in\s+{f.num('b')}\s+{f.units('b')}(?:'?\s*time)?)",
            _b_offset,
            False,
        ),
        (
            "holiday",
            rf"(?:(?P<hrel>last|next|this)\s+)?(?P<hol>{holiday_words})"
            rf"(?:,?\s+(?:of\s+)?{f.year_q('')})?",
            _b_holiday,
            True,
        ),
        (
            "season",
            rf"{fuzz}(?:(?P<srel>this|last|next|the\s+coming|coming|the\s+past|past|the)\s+)?"
            rf"(?P<sea>{_alt(lex.seasons)})(?:,?\s+(?:of\s+)?{f.year_q('')})?",
            _b_season,
            False,
        ),
        (
            "quarter",
            rf"(?:q(?P<qn>[1-4])(?:\s+(?:of\s+)?{f.year_q('')})?"
            r"|(?P<qy>(?:19|20)\d\d)\s+q(?P<qn2>[1-4])"
            r"|(?:the\s+)?(?P<qo>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter"
            rf"(?:\s+of\s+(?:the\s+(?P<qthe>year)|{f.year_q('2')}))?)",
            _b_quarter,
            False,
        ),
        (
            "half year",
            rf"(?:h(?P<hn>[12])(?:\s+{f.year_q('')})?|(?P<hy>(?:19|20)\d\d)\s+h(?P<hn2>[12])"
            r"|(?:the\s+)?(?P<ho>first|second|1st|2nd|latter)\s+half"
            rf"(?:\s+of\s+(?:the\s+(?P<hthe>year)|{f.year_q('2')}))?)",
            _b_half,
            False,
        ),
        (
            "decade",
            # "the 1990s", "the early 1980s", "late 1990s", "the mid-1990s"; a two-digit
            # or spelt-out decade needs its "the" ("the '90s", "the nineties").
            rf"{fuzz}(?:(?:the\s+)?(?P<dec>(?:1[5-9]|20)\d0)'?s|the\s+(?:'?(?P<dec2>\d0)'?s"
            r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))",
            _b_decade,
            False,
        ),
        (
            "weekend",
            r"(?:(?P<werel>this|last|next|the\s+coming|coming|past|the)\s+)?weekend",
            _b_weekend,
            False,
        ),
        (
            "clock time",
            rf"(?:at\s+)?{f.clock('o')}(?:\s+{f.zone('o')})?",
            _b_clock_only,
            False,
        ),
        (
            "narrative day",
            r"(?:the\s+(?P<nw>next|following|previous|preceding|same)\s+day"
            r"|the\s+(?P<nu>day|week|month|year)\s+(?P<nw2>before|after)"
            r"(?!\s+(?:yesterday|tomorrow))|(?P<nw3>that)\s+day"
            rf"|{f.num('r')}\s+{f.units('r')}\s+(?P<rdir>later|earlier|afterwards|after|before))",
            _b_narrative,
            True,
        ),
        (
            "vague offset",
            r"(?:(?:a\s+few|several|a\s+couple\s+of|some|a\s+number\s+of|many)\s+"
            r"(?:days|weeks|months|years|decades)\s+(?:(?P<vago>ago)|from\s+now|hence)"
            r"|in\s+(?:a\s+few|several|a\s+couple\s+of)\s+(?:days|weeks|months|years)"
            r"(?:'?\s*time)?)",
            _b_vague,
            False,
        ),
        (
            "duration",
            r"(?:(?:for|within|over|during|in)\s+)?(?:the\s+(?P<dpast>past|last|next|coming|"
            rf"previous|following)\s+)?(?:{f.num('d')}\s+)?{f.units('d')}"
            rf"|{f.num('h')}-{f.units('h')}(?:-long)?",
            _b_duration,
            False,
        ),
        (
            # "a five-day visit", "a 90-day truce": the length of the thing named, when a
            # caller hands the whole noun phrase over.
            "duration of a thing",
            rf"(?:an?\s+)?{f.num('h')}-{f.units('h')}(?:-long)?\s+[a-z]+(?:-[a-z]+)?",
            _b_duration,
            False,
        ),
        (
            "set",
            rf"(?:every\s+(?:(?P<other>other)\s+)?(?:{f.wd('')}|(?P<setu>day|week|month|year))"
            rf"|each\s+(?P<setu2>day|week|month|year)|(?P<setw>{_alt(lex.sets)})"
            rf"|(?P<wdpl>{plural_weekdays}))",
            _b_set,
            False,
        ),
    ]


def _compose(f: _Frag, core: str, day_level: bool) -> str:
    if day_level:
        body = (
            # "9 a.m. on Monday", "from 9 a.m. to 5 p.m. on Monday" (a leading "from" is
            # the preposition)
            rf"(?:{f.clock('p')}(?:\s*(?:-|to|until|till)\s*{f.clock('pe')})?"
            rf"(?:\s+{f.zone('p')})?,?\s+(?:on\s+)?)?"
            rf"(?P<core>{core})"
            rf"(?:,?\s+(?:in\s+the\s+)?{f.pod()})?"
            rf"(?:,?\s+(?:at\s+|from\s+|around\s+)?{f.clock('t')}"
            rf"(?:\s*(?:-|to|until|till)\s*{f.clock('e')})?)?"
            rf"(?:,?\s+{f.zone('')})?"
        )
    else:
        body = core
    return rf"(?<![\w/'-])(?:(?P<prep>{_PREPOSITIONS})\s+)?(?P<body>{body})(?![\w/']|-\w)"


# --- triggers: a cheap test of which rules can match a text at all --------------------------

# Apostrophes go (so "new year's" and "new years" give the same words); the text's words
# are then runs of letters, single digits (a trigger "#" stands for any digit) and the
# signs "-", "&", "/", "." and ":".
_TOKEN = re.compile(r"[a-z]+|[0-9]|[-&/.:]")
_DIGITS = tuple("0123456789")


def tokens(norm: str) -> set[str]:
    """The trigger words of normalised text: runs of letters, each digit alone, and the
    signs ``- & / . :``."""
    return set(_TOKEN.findall(norm.replace("'", "")))


def _keys(words: object) -> frozenset[str]:
    """One necessary word per entry: the longest word of each name in ``words``."""
    assert isinstance(words, (list, tuple, set, frozenset, dict))
    return frozenset(max(_TOKEN.findall(str(w).replace("'", "")), key=len) for w in words)


def _triggers(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For each rule name, words of which every text it matches has at least one."""
    months, weekdays = _keys(lex.months), _keys(lex.weekdays)
    units = _keys(lex.units)
    digit = frozenset("#")
    # A range needs its separator: more telling than its month or weekday names.
    separators = frozenset({"-", "&", "to", "through", "thru", "until", "till", "and"})
    return {
        "explicit date": frozenset({"-"}),
        "numeric date": frozenset({"/", "."}),
        "numeric day": frozenset({"/"}),
        "narrative day": units | {"that"},
        "vague offset": units,
        "month-day range": separators,
        "weekday range": separators,
        "month-day": months,
        "shifted day": units,
        "weekday": weekdays,
        "day word": _keys(_DAY_WORDS),
        "day of the month": frozenset({"the"}),
        "month": months,
        "year": digit,
        "relative unit": frozenset({"week", "month", "year", "quarter", "decade"}),
        "relative offset": units,
        "holiday": _keys(lex.holidays),
        "season": _keys(lex.seasons),
        "quarter": frozenset({"q", "quarter"}),
        "half year": frozenset({"h", "half"}),
        "decade": frozenset({"s"}) | _keys(_DECADE_WORDS),  # "1990s", "'90s", "nineties"
        "weekend": frozenset({"weekend"}),
        "clock time": frozenset({"a", "p", "am", "pm", ":", "hrs", "h"})
        | _keys(lex.clock_words)
        | _keys(lex.zones),
        "duration": units,
        "duration of a thing": units,
        "set": frozenset({"every", "each"})
        | _keys(lex.sets)
        | _keys([f"{name}s" for name in lex.weekday_names]),
    }


def _second_triggers(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For the rules tried most in vain, a second set of necessary words (one of them must
    be there too): a range needs its month or weekday besides its separator, a day of
    the month its number, a shift its day, an offset its "ago" or "in"."""
    day_numbers = frozenset("#") | _keys(lex.ordinals)
    return {
        "month-day range": _keys(lex.months),
        "weekday range": _keys(lex.weekdays),
        "month-day": day_numbers,
        "day of the month": day_numbers,
        "shifted day": _keys(lex.weekdays) | {"today", "tomorrow", "yesterday"},
        "relative offset": frozenset({"ago", "now", "hence", "in"}),
    }


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The grammar's rules in priority order, compiled on first call and cached."""
    f = _Frag(lexicon())
    triggers = _triggers(f.lex)
    second = _second_triggers(f.lex)
    return tuple(
        Rule(
            name,
            _compose(f, core, day_level),
            build,
            day_level,
            triggers[name],
            in_text=name not in _PHRASE_ONLY,
            also=second.get(name),
        )
        for name, core, build, day_level in _core_patterns(f)
    )


#: Rules read only in a phrase a caller hands over, never looked for in running text:
#: there "9/11" or "24/7" are as often names, fractions or scores as dates, "the next
#: day" needs the story's day, which only a reader of the whole text (such as
#: summitcal.extraction, with its own narrative rules) knows, and in "a five-day visit"
#: only "five-day" is the expression (TimeML leaves the article and the noun out).
_PHRASE_ONLY = frozenset({"numeric day", "narrative day", "duration of a thing"})


def _masks(words: Iterable[tuple[int, frozenset[str]]]) -> dict[str, int]:
    """Trigger word -> bit mask of the rules (by index) it is a trigger of."""
    masks: dict[str, int] = {}
    for i, triggers in words:
        for trigger in triggers:
            for word in _DIGITS if trigger == "#" else (trigger,):
                masks[word] = masks.get(word, 0) | (1 << i)
    return masks


@functools.cache
def _rule_masks() -> tuple[dict[str, tuple[int, int]], int]:
    """Trigger word -> masks of the rules it is a first and a second trigger of; and the
    bits of the rules that have no second set (always let through by it)."""
    ordered = rules()
    first = _masks((i, rule.triggers) for i, rule in enumerate(ordered))
    second = _masks((i, rule.also) for i, rule in enumerate(ordered) if rule.also is not None)
    free = sum(1 << i for i, rule in enumerate(ordered) if rule.also is None)
    table = {word: (first.get(word, 0), second.get(word, 0)) for word in {*first, *second}}
    return table, free


_BY_MASK: dict[int, tuple[tuple[Rule, re.Pattern[str]], ...]] = {}


def _candidates(norm: str) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    table, mask2 = _rule_masks()
    mask = 0
    for word in _TOKEN.findall(norm.replace("'", "")):  # as tokens(), repeats and all
        bits = table.get(word)
        if bits is not None:
            mask |= bits[0]
            mask2 |= bits[1]
    mask &= mask2
    found = _BY_MASK.get(mask)
    if found is None:  # a table of rule subsets (at most one entry per subset), not results
        chosen = [r for i, r in enumerate(rules()) if mask >> i & 1]
        found = _BY_MASK[mask] = tuple((r, r.pattern) for r in chosen)
    return found


def candidates(norm: str) -> tuple[Rule, ...]:
    """The rules that can match somewhere in ``norm``, in priority order."""
    return tuple(rule for rule, _ in _candidates(norm))


# --- decorations ------------------------------------------------------------------------------


def _clock_time(m: re.Match[str], lex: Lexicon, s: str) -> time | None:
    word = _get(m, f"cw{s}")
    if word is not None:
        hh, mm = lex.clock_words[word].split(":")
        return time(int(hh), int(mm))
    hh24 = _get(m, f"hh{s}")
    if hh24 is not None:
        return time(int(hh24), int(m.group(f"mm{s}")))
    hour = _get(m, f"ch{s}")
    if hour is None:
        return None
    minute = int(_get(m, f"cm{s}") or 0)
    pm = str(m.group(f"ap{s}")).startswith("p")
    h = int(hour) % 12 + (12 if pm else 0)
    return time(h, minute)


def _phrase(rule: Rule, m: re.Match[str], lex: Lexicon) -> Phrase:
    core = rule.build(m, lex)
    if rule.fuzzy:
        fz = m.group("fz")
        mod = Mod(lex.fuzzy[_squash(fz)]) if fz else (Mod.END if m.group("fzh") else None)
    else:
        mod = None
    start: time | None = None
    end: time | None = None
    zone_word: str | None = None
    pod: str | None = None
    if rule.day_level:
        # The decorations are read only when the body is more than its core.
        if m.span("core") != m.span("body"):
            start = _clock_time(m, lex, "p") or _clock_time(m, lex, "t")
            end = _clock_time(m, lex, "e") or _clock_time(m, lex, "pe")
            zone_word = m.group("zone") or m.group("zonep")
            pod = m.group("pod")
    elif rule.clock_only:
        start = _clock_time(m, lex, "o")
        zone_word = m.group("zoneo")
    zone = lex.zones[_squash(zone_word)] if zone_word else None
    part = lex.parts_of_day[pod] if pod else None
    if type(core) is DayWord:
        if core.word.startswith("this "):
            part = lex.parts_of_day[core.word.split()[1]]
        elif core.word in lex.day_parts:
            part = lex.day_parts[core.word][1]
    if part is not None and start is not None:
        raise _NoParse("a part of the day and a clock time together")
    return Phrase._trusted(core, rule.name, mod, part, start, end, zone)


_WORD = re.compile(r"\S+")


# --- entry points -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> tuple[Phrase, int, int]:
    """Parse ``text`` as one date phrase (the whole text must be the phrase).

    Parsing is pure, and news repeats its phrases ("on Friday", "last year"), so results
    are kept in a bounded cache (``parse.cache_clear()`` empties it).

    Returns:
        The phrase, and where it starts and ends in ``text`` (a leading preposition such
        as "on" and surrounding spaces or punctuation are left out).

    Raises:
        PhraseError: If no rule matches the whole text, or the words name no date; the
            position points at the first word no rule could place.
    """
    norm = normalize(text)
    lo, hi = _bounds(norm)
    # A fixed expression ("last year", "on Friday") is looked up: see resolver.fixed.
    known = _fixed(norm[lo:hi])
    if known is None:
        return _parse_by_rules(text, norm, lo, hi)
    phrase, start, stop = known
    return phrase, start + lo, stop + lo


def _bounds(norm: str) -> tuple[int, int]:
    """Where a phrase lies in normalised text: without surrounding spaces and trailing
    ``, ; : ! ?``."""
    return len(norm) - len(norm.lstrip()), len(norm.rstrip().rstrip(",;:!?").rstrip())


def _fixed(body: str) -> tuple[Phrase, int, int] | None:
    """The fixed-expression table's reading of ``body`` (offsets within it), if any: the
    body itself, or what follows a single-word preposition."""
    head, _, rest = body.partition(" ")
    known = _fixed_entry(head, body)
    if known is None and head in PREPOSITIONS:
        known = _fixed_entry(rest.partition(" ")[0], rest)
        if known is not None:
            phrase, start, stop = known
            skip = len(head) + 1
            return phrase, start + skip, stop + skip
    return known


def _fixed_entry(first: str, body: str) -> tuple[Phrase, int, int] | None:
    # Only groups that exist reach the cached group reader, so its cache holds at most
    # one entry per group, whatever text comes in.
    group = (first, body.count(" ") + 1)
    if group not in _fixed_groups():
        return None
    return _fixed_group(group).get(body)


def is_fixed(text: str) -> bool:
    """Whether :func:`parse` reads ``text`` from the fixed-expression table (see
    :mod:`summitcal.resolver.fixed`) rather than by trying the patterns."""
    norm = normalize(text)
    lo, hi = _bounds(norm)
    return _fixed(norm[lo:hi]) is not None


@functools.cache
def _fixed_groups() -> dict[tuple[str, int], tuple[str, ...]]:
    """The fixed expressions by their first word and their number of words (so that
    "Friday" is read without "Friday to Monday", which needs other rules compiled)."""
    groups: dict[tuple[str, int], list[str]] = {}
    for phrase in fixed_phrases(lexicon()):
        key = (phrase.partition(" ")[0], phrase.count(" ") + 1)
        groups.setdefault(key, []).append(phrase)
    return {key: tuple(phrases) for key, phrases in groups.items()}


@functools.cache
def _fixed_group(group: tuple[str, int]) -> dict[str, tuple[Phrase, int, int]]:
    """What the rules make of one group of fixed expressions (see :func:`_fixed_groups`).

    Each group is read when first needed, as each rule's pattern is compiled when first
    needed, so one phrase parsed does not pay for the whole table.
    """
    table: dict[str, tuple[Phrase, int, int]] = {}
    for phrase in _fixed_groups()[group]:
        try:
            read = _parse_by_rules(phrase, phrase, 0, len(phrase))
        except PhraseError:  # no date to the grammar ("the year"): left to the rules
            continue
        # One the rules read with a preposition of its own ("from" in "from Monday to
        # Tuesday") is left out: another before it ("about from ...") would move its body.
        # It is still found, by its remainder after that preposition.
        if read[1] == 0:
            table[phrase] = read
    return table


def _fixed_table() -> dict[str, tuple[Phrase, int, int]]:
    """The whole table (every group read)."""
    return {key: read for group in _fixed_groups() for key, read in _fixed_group(group).items()}


def _parse_by_rules(text: str, norm: str, lo: int, hi: int) -> tuple[Phrase, int, int]:
    """:func:`parse` by the grammar's patterns: ``norm`` is ``text`` normalised, and the
    phrase lies within ``norm[lo:hi]`` (surrounding spaces and punctuation left out)."""
    body = norm[lo:hi]
    ends: tuple[int, ...] = (hi,)
    if body.endswith(".") and not body.endswith(("a.m.", "p.m.")):
        ends = (hi, hi - 1)
    if lo >= hi:
        raise PhraseError(text, "empty phrase", 0)
    lex = lexicon()
    failure: _NoParse | None = None
    tried = _candidates(body)
    for end in ends:
        for rule, pattern in tried:
            m = pattern.fullmatch(norm, lo, end)
            if m is None:
                continue
            try:
                start, stop = m.span("body")
                return _phrase(rule, m, lex), start, stop
            except _NoParse as exc:
                failure = failure or _NoParse(exc.reason, exc.offset or m.start("body"))
    if failure is not None:
        raise PhraseError(text, failure.reason, failure.offset)
    # The first word no rule's pattern covers (the spans alone: no meanings are built).
    position = lo
    spans = sorted(
        (m.start(), m.end("body"))
        for rule, pattern in tried
        if rule.in_text
        for m in pattern.finditer(norm, lo, hi)
    )
    for outer_start, end in spans:
        if outer_start > position:
            break
        position = max(position, end)
    while position < hi and not norm[position].isalnum():
        position += 1
    word = _WORD.match(norm, position, hi) if position < hi else None
    what = f"unexpected {text[position : position + len(word.group())]!r}" if word else "an end"
    raise PhraseError(text, f"not a date phrase ({what})", min(position, max(hi - 1, 0)))


def matches(norm: str, lo: int = 0, hi: int | None = None) -> Iterator[RawMatch]:
    """Every rule's matches in normalised text, overlapping, in no particular order.

    Matches whose words name no date (February 30, "week" alone) are left out.
    """
    lex = lexicon()
    end = len(norm) if hi is None else hi
    for rule, pattern in _candidates(norm[lo:end]):
        if not rule.in_text:
            continue
        for m in pattern.finditer(norm, lo, end):
            try:
                phrase = _phrase(rule, m, lex)
            except _NoParse:
                continue
            prep = m.group("prep")
            yield RawMatch(m.start("body"), m.end("body"), m.start(), rule, phrase, prep)
