"""Readers of a rule's named groups: the words a match holds, as numbers.

The groups are named by the fragments (see :mod:`.fragments`): ``mon`` and ``mon_ab`` for a
month's full and short name, ``dn``/``dw`` for a day in digits or words, ``y``/``yr`` for an
explicit or relative year, each with the suffix the pattern gave it.
"""

from __future__ import annotations

import re
from datetime import date, time

from summitcal.resolver.grammar.fragments import squash
from summitcal.resolver.lexicon import Lexicon

__all__ = [
    "MAX_DIGITS",
    "ClockConflict",
    "NoParse",
    "clock_of",
    "clock_word",
    "refuse_long_number",
    "unmarked",
    "with_meridiem",
]


class NoParse(Exception):
    """A pattern matched but the words make no date (e.g. "February 30")."""

    def __init__(self, reason: str, offset: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


#: The most digits a number in a date phrase is read with (a count of days or years, a
#: year): a longer one names no date, and Python refuses to read one of thousands.
MAX_DIGITS = 18


def refuse_long_number(text: str) -> None:
    """Raise :class:`NoParse` for a number written with more than :data:`MAX_DIGITS`
    characters (before it is read: reading it would cost as much as it is long)."""
    if len(text) > MAX_DIGITS:
        raise NoParse(f"a number of {len(text)} digits counts no date")


class ClockConflict(NoParse):
    """A clock time and what qualifies it disagree as the plain patterns read it ("10 pm
    tonight", "at 8 tonight" read as a part of the day and a clock): the clock styles of a
    phrase read whole may still read it."""


def group(m: re.Match[str], name: str) -> str | None:
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


def weekday_of(m: re.Match[str], lex: Lexicon, s: str) -> int:
    full, short = _WD_GROUPS[s]
    word = group(m, full) or group(m, short)
    assert word is not None
    return lex.weekdays[word]


def month_of(m: re.Match[str], lex: Lexicon, s: str) -> int:
    full, short = _MON_GROUPS[s]
    word = group(m, full) or group(m, short)
    assert word is not None
    return lex.months[word]


def day_of(m: re.Match[str], lex: Lexicon, s: str) -> int:
    number, ordinal = _DAY_GROUPS[s]
    digits = group(m, number)
    if digits is not None:
        return int(digits)
    word = group(m, ordinal)
    assert word is not None
    return lex.ordinals[squash(word)]


def year_of(m: re.Match[str], s: str) -> tuple[int | None, int | None]:
    """(explicit year, step from the reference year) of a year qualifier."""
    number, relative = _YEAR_GROUPS[s]
    y = group(m, number)
    if y is not None:
        return int(y), None
    rel = group(m, relative)
    if rel is None:
        return None, None
    return None, _YEAR_STEPS[squash(rel)]


def count_of(m: re.Match[str], lex: Lexicon, s: str) -> int:
    word = group(m, f"n{s}")
    assert word is not None
    return int(word) if word.isdigit() else lex.cardinals[word]


def unit_of(m: re.Match[str], lex: Lexicon, s: str) -> tuple[str, int]:
    word = group(m, f"u{s}")
    assert word is not None
    return lex.units[word]


def check_day(month: int, day: int, year: int | None, offset: int = 0) -> None:
    leap_safe = year if year is not None else 2024  # 29 February exists in some year
    try:
        date(leap_safe, month, day)
    except ValueError:
        raise NoParse(f"month {month} has no day {day}", offset) from None


def clock_time(m: re.Match[str], lex: Lexicon, s: str) -> time | None:
    if group(m, f"ck{s}") is None:  # the commonest answer, in one look
        return None
    word = group(m, f"cw{s}")
    if word is not None:
        return clock_word(word, lex)
    hh24 = group(m, f"hh{s}")
    if hh24 is not None:
        return clock_of(int(hh24), int(m.group(f"mm{s}")), None)
    hour = group(m, f"ch{s}")
    if hour is None:
        # Only the patterns of a phrase read whole hold the other styles' groups.
        return _loose_clock(m, lex, s) if f"bh{s}" in m.re.groupindex else None
    return clock_of(int(hour), int(group(m, f"cm{s}") or 0), str(m.group(f"ap{s}")))


def _hour(word: str, lex: Lexicon) -> int:
    return int(word) if word.isdigit() else lex.clock_hours[squash(word)]


def _loose_clock(m: re.Match[str], lex: Lexicon, s: str) -> time | None:
    """The time of a clock written in an agenda's or chat's style ("7p", "15h30", "half
    past nine", "11 o'clock", "ten thirty", a bare "8")."""
    if (h := group(m, f"lh{s}")) is not None:
        return clock_of(int(h), int(group(m, f"lm{s}") or 0), f"{m.group(f'la{s}')}m")
    for hh, mm in (("xh", "xm"), ("qh", "qm")):
        if (h := group(m, f"{hh}{s}")) is not None:
            return time(int(h), int(m.group(f"{mm}{s}")))
    if (h := group(m, f"fh{s}")) is not None:
        hour = _hour(h, lex)
        minutes = lex.clock_fractions[squash(m.group(f"fr{s}"))]
        if m.group(f"fd{s}") in ("to", "before"):  # "a quarter to eight": 7:45
            hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
        return clock_of(hour, minutes, group(m, f"fa{s}"))
    if (h := group(m, f"oh{s}")) is not None:
        return clock_of(_hour(h, lex), 0, group(m, f"oa{s}"))
    if (h := group(m, f"wh{s}")) is not None:
        minutes = lex.clock_minutes[squash(m.group(f"wm{s}"))]
        return clock_of(_hour(h, lex), minutes, group(m, f"wa{s}"))
    bare = m.group(f"bh{s}")
    return None if bare is None else time(int(bare), 0)


def unmarked(m: re.Match[str], s: str) -> bool:
    """Whether the clock of suffix ``s``, in a phrase read whole, is an hour written with
    no am/pm and not past 12 ("8" in "at 8 tonight", "9:30", "half past nine", "11
    o'clock"): a part of the day or the range's end may still make it pm."""
    if f"bh{s}" not in m.re.groupindex:
        return False
    if m.group(f"bh{s}") is not None:
        return True
    for hour in (f"hh{s}", f"xh{s}"):  # "9:30 tonight": 24 hours only past 12
        if (written := m.group(hour)) is not None:
            return int(written) <= 12
    return any(
        group(m, f"{hour}{s}") is not None and group(m, f"{half}{s}") is None
        for hour, half in (("fh", "fa"), ("oh", "oa"), ("wh", "wa"))
    )


def with_meridiem(m: re.Match[str], s: str) -> bool:
    """Whether the clock of suffix ``s`` has its am or pm written ("9am", "7p", "nine
    pm"), not a 24-hour time or a clock word."""
    return any(group(m, f"{mark}{s}") is not None for mark in ("ap", "la", "fa", "oa", "wa"))


def clock_word(word: str, lex: Lexicon) -> time:
    """The time a clock word names ("noon")."""
    hh, mm = lex.clock_words[word].split(":")
    return time(int(hh), int(mm))


def clock_of(hour: int, minute: int, half: str | None) -> time:
    """The time of "9:30 a.m.": ``half`` is the "a.m." or "p.m." written, if any.

    The grammar's patterns only give hours 1 to 12 with a half; extraction's clock words
    may give more, which stand as written ("13 am" is 13:00).
    """
    if half is not None and half.startswith("p") and hour < 12:
        hour += 12
    if half is not None and half.startswith("a") and hour == 12:
        hour = 0
    return time(hour, minute)
