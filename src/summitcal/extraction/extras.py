"""TimeML expressions that the resolver's grammar does not cover, found in running text.

The resolver's grammar (:mod:`summitcal.resolver.grammar`) reads calendar phrases.  TimeML
also tags a few things that are not positions on the calendar, or that only make sense in
a whole article, and this module finds them with the resolver's vocabulary:

* vague references: "now", "currently" (``PRESENT_REF``), "recently", "in the past"
  (``PAST_REF``), "in the future", "soon", "the coming months" (``FUTURE_REF``);
* recurrences beyond "every week": "every six months" (``P6M``), "each September"
  (``XXXX-09``), "every summer" (``XXXX-SU``), "annual" (``P1Y``), "twice a year"
  (``P1Y``, freq ``2X``), "every few months" (``PXM``);
* unspecified amounts: "several months" (``PXM``), "a few seconds" (``PTXS``), "for
  decades" (``PXDE``);
* the periods of financial news: "third-quarter", "the latest quarter", "a year earlier"
  (the quarter under discussion, or the same quarter a year before);
* narrative anchors, whose day is the one the article is talking about: "the next day",
  "the previous day", "two days later", "a week later", "that evening", "later in the
  day", "noon two days later", "later that year".

Each finding is an :class:`Extra`; :mod:`summitcal.extraction.core` merges them with the
grammar's matches (an extra wins a tie) and :mod:`summitcal.extraction.narrative` resolves
the anchored ones.

Example::

    >>> [(e.rule, e.value) for e in find_extras("talks resume every six months")]
    [('set', 'P6M')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from datetime import time

import attrs

from summitcal.resolver.anchor import duration_value
from summitcal.resolver.grammar import word_trie
from summitcal.resolver.grammar.readers import clock_of, clock_word
from summitcal.resolver.lexicon import lexicon

__all__ = [
    "Extra",
    "alternation",
    "clock_pattern",
    "clock_time",
    "find_extras",
]


@functools.cache
def clock_pattern() -> str:
    """A clock time in normalised text: "9 a.m.", "3:30 p.m.", "20:19", "noon"."""
    return (
        r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
        rf"|(?:[01]?\d|2[0-3]):[0-5]\d|{alternation(lexicon().clock_words)}"
    )


@attrs.frozen(kw_only=True)
class Extra:
    """A TimeML expression found outside the grammar.

    Attributes:
        start: Offset of the expression in the text.
        end: Offset one past its end.
        rule: ``ref``, ``set``, ``duration``, ``age``, ``century``, ``coarse`` or
            ``narrative``.
        type: The TIMEX3 type.
        value: The TIMEX3 value for ``ref``, ``set`` and ``duration``; ``""`` for a
            narrative expression, whose value depends on the date under discussion.
        freq: A SET's ``freq`` ("twice a year": ``2X``).
        days: For ``narrative``: days after (negative: before) the date under discussion.
        part: For ``narrative``: a TIMEX3 part of day ("EV" for "that evening").
        weekday: For ``narrative``: "that Tuesday", "the same Monday" name the day of
            that weekday nearest the date under discussion (Monday = 0).
        clock: For ``narrative``: a clock time ("noon two days later").
        apposition: For ``narrative``: "the day before" and "the day after" right after
            a day and a comma restate that day ("on Sunday, the day before the summit").
        unit: For ``coarse``: the unit of the reference date it names (``century`` or
            ``decade``); its mod is in ``value``.  For ``narrative``: ``year`` for "that
            year", "later that year" (the year under discussion).
    """

    start: int
    end: int
    rule: str
    type: str
    value: str = ""
    freq: str | None = None
    days: int = 0
    part: str | None = None
    clock: time | None = None
    apposition: bool = False
    unit: str = ""
    weekday: int | None = None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (a trie), spaces matching any white space."""
    return word_trie(words)


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = lexicon()
    num = alternation([*lex.cardinals, "a", "an", "one"]) + r"|\d+"
    units = alternation(lexicon().amount_units)
    months = alternation(lex.months)
    weekdays = alternation(lex.weekdays)
    seasons = alternation(lex.seasons)
    parts = alternation(lex.parts_of_day)
    clock = f"(?P<clock>{clock_pattern()})"
    b, e = r"(?<![\w-])", r"(?![\w-])"
    return (
        # TimeML reads "now" as the present wherever it stands ("is now set", "now that"),
        # and "current" before a noun ("the current crisis"), but for the nouns it makes
        # ("current account", "a current of", "currents").
        (
            "present",
            re.compile(
                rf"{b}(?:right\s+now|currently|nowadays|these\s+days|now"
                r"|current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|of|and|in|to)\b))"
                r"(?![\w-])"
            ),
        ),
        # "recent" before a noun is a past reference; with a plural unit the two are one
        # ("in recent weeks").
        (
            "past",
            re.compile(
                rf"{b}(?:recently"
                rf"|recent(?:\s+(?:days|weeks|months|years|decades))?(?=\s+[a-z]|[\s,.;:]|$)"
                rf"|(?<=in\s)the\s+past(?!\s+(?:{num}|few|several))|(?<=in\s)past\s+years){e}"
            ),
        ),
        (
            "future",
            re.compile(
                rf"{b}(?:(?:(?<=in\s)|(?<=into\s)|(?<=about\s)|(?<=for\s))the\s+"
                r"(?:near\s+|distant\s+)?future"
                rf"|(?<!as\s)soon(?!\s+as|\s+after|er)"
                r"|(?<=in\s)the\s+(?:near|short|long)\s+term"
                rf"|(?:the\s+|(?<=in\s))coming\s+(?:days|weeks|months|quarters|years)){e}"
            ),
        ),
        (
            "set-every",
            re.compile(
                rf"{b}(?:every|each)\s+(?:(?P<n>{num}|few|other|couple\s+of)\s+)?"
                rf"(?:(?P<unit>{units})|(?P<month>{months})|(?P<season>{seasons})"
                rf"|(?P<wd>{weekdays})){e}"
            ),
        ),
        ("set-adj", re.compile(rf"{b}(?P<adj>annual|annually|yearly|biannual){e}")),
        (
            "set-times",
            re.compile(
                rf"{b}(?P<times>once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each)\s+"
                rf"(?P<unit>day|week|month|year){e}"
            ),
        ),
        (
            "vague-duration",
            re.compile(
                rf"{b}(?:(?:several|a\s+few|a\s+couple\s+of|many"
                r"|the\s+(?:next|past|last|previous|coming)\s+(?:few|several))\s+"
                rf"(?P<unit>{units})"
                r"|(?<=over\s)the\s+(?P<over>years|decades)"
                r"|(?:(?<=for\s)|(?<=over\s)|(?<=in\s))"
                r"(?P<bare>centuries|decades|years|months|weeks|hours|minutes)"
                rf"(?!\s+(?:ago|later|earlier|before|after|of|to|from)))(?=[\s,.;:!?\"')]|$)"
            ),
        ),
        # Counted amounts the grammar leaves out: "20 more years", "an additional year",
        # "eight trading days", "2 1/2 years", "three and a half hours".
        (
            "counted",
            re.compile(
                rf"{b}(?:(?P<n>{num}|\d+)\s+(?:more|additional|extra|further|trading|business"
                rf"|working)|an?\s+(?:additional|extra|further))\s+(?P<unit>{units}){e}"
                rf"|{b}(?P<whole>\d+\s+1/2|(?:{num}|\d+)\s+and\s+a\s+half)\s+"
                rf"(?P<half>years|months|days|hours|minutes){e}"
            ),
        ),
        # Years spoken as broadcasts write them: "nineteen ninety-six", "the year two
        # thousand".
        (
            "spoken-year",
            re.compile(
                rf"{b}(?:(?P<smonth>{months})\s+|the\s+(?P<sseason>{seasons})\s+of\s+)?"
                r"(?:(?P<hi>nineteen|twenty)\s+(?P<tens>twenty|thirty|forty|fifty|sixty"
                r"|seventy|eighty|ninety)(?:[\s-](?P<ones>one|two|three|four|five|six|seven"
                r"|eight|nine))?"
                r"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<small>one|two|three|four"
                rf"|five|six|seven|eight|nine|ten))?){e}"
            ),
        ),
        # An age is a duration on the adjective alone: "the <52-year-old> minister".
        # An ordinal century: "the 21st century" is ``20``.
        ("century", re.compile(rf"{b}the\s+(?P<nth>\d{{1,2}})(?:st|nd|rd|th)\s+century{e}")),
        ("age", re.compile(rf"{b}(?P<age>\d{{1,3}}|{num})-year-old(?!\w)")),
        # "year-end" is the grammar's (a relative unit with mod END), as the resolver reads it.
        (
            "coarse",
            re.compile(rf"{b}(?P<fz>early|mid|late)[\s-]+(?P<cunit>century|decade){e}"),
        ),
        # The periods of financial news: a report is about a quarter, and "a year earlier",
        # "the year-ago quarter" or "the latest period" name that quarter or the same one a
        # year before; "third-quarter" is an adjective naming one.
        (
            "period",
            re.compile(
                rf"{b}(?:the\s+(?:(?P<year>\d{{4}})|year[\s-](?:ago|earlier))\s+"
                r"(?P<ordinal>first|second|third|fourth)\s+quarter"
                r"|(?P<ago>a\s+year\s+(?:earlier|ago|before)"
                r"|the\s+year[\s-](?:ago|earlier)\s+(?:quarter|period)"
                r"|the\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+"
                r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)"
                r"|the\s+quarter\s+a\s+year\s+(?:ago|earlier)|year[\s-](?:ago|earlier))"
                r"|(?P<latest>the\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?(?:quarter|period))"
                r"|(?P<current>the\s+current\s+(?:fiscal\s+)?quarter)"
                r"|the\s+(?P<written>\d{4})\s+(?:quarter|period)"
                r"|(?P<same>the\s+(?:same|fiscal)\s+(?:quarter|period)"
                r"|the\s+quarter(?!\s+(?:of|century|mile|final|point)))"
                r"|(?P<nth>first|second|third|fourth)-quarter"
                r"|(?P<ended>the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b))"
                r"|(?P<whole>(?:(?:earlier|later)\s+in\s+)?the\s+(?:full\s+|fiscal\s+|current\s+)*year"
                r"(?![\w-]|\s+(?:ago|earlier|before|after|that|when|which|in\s+which|two|\d)\b))"
                rf"){e}"
            ),
        ),
        (
            "narrative",
            re.compile(
                rf"{b}(?:{clock}\s+)?(?:"
                r"(?P<prev>the\s+(?:previous|preceding)\s+day"
                r"|(?P<before>the\s+day\s+before)(?!\s+yesterday))"
                r"|(?P<next>the\s+(?:next|following)\s+day"
                r"|(?P<after>the\s+day\s+after)(?!\s+tomorrow))"
                rf"|(?P<n>{num})\s+(?P<step>days?|weeks?)\s+(?P<dir>later|earlier|afterwards)"
                rf"|(?P<follow>the\s+following|the\s+next)\s+(?P<fpart>{parts})"
                r"|(?P<tyear>(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that|that\s+same|the\s+same)"
                r"\s+year)"
                rf"|(?:that|that\s+same|the\s+same)\s+(?P<tpart>day|{parts})"
                rf"|(?:that|the\s+same)\s+(?P<wday>{weekdays})"
                rf"|later\s+(?:that|the\s+same)\s+(?P<lpart>day|{parts})"
                r"|(?P<lday>later\s+in\s+the\s+day)"
                rf"|(?:(?<=in\s)|(?<=until\s)|(?<=during\s)|(?<=by\s))the\s+(?P<bpart>{parts})"
                rf"){e}"
            ),
        ),
    )


def _count(word: str | None, default: int | None = 1) -> int | None:
    if word is None:
        return default
    word = re.sub(r"\s+", " ", word)
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one"):
        return 1
    if word in ("few", "couple of"):
        return None if word == "few" else 2
    if word == "other":
        return 2
    return lexicon().cardinals.get(word, default)


def clock_time(text: str | None) -> time | None:
    """The time a :func:`clock_pattern` match names (``None`` for ``None``)."""
    if text is None:
        return None
    lex = lexicon()
    if text in lex.clock_words:
        return clock_word(text, lex)
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am|pm)?", text)
    assert m is not None
    return clock_of(int(m.group(1)), int(m.group(2) or 0), m.group(3))


_ORDINALS = ("first", "second", "third", "fourth")


# A sentence that reports on months or a whole year rather than a quarter: its "a year
# earlier" is that span a year before, which TimeML values as the year.
_LONGER_PERIOD = re.compile(
    r"\b(?:(?:six|nine|twelve|\d+)\s+months|(?:full|fiscal)\s+year|for\s+the\s+year\b)"
)


#: How far either side of a phrase its sentence is read for a longer period: a text
#: without full stops is not read whole for every phrase in it.
_PERIOD_REACH = 400


def _sentence_around(norm: str, start: int, end: int) -> str:
    """The text between the full stops (or line breaks) around ``start..end``, at most
    :data:`_PERIOD_REACH` characters either side: narrower than
    :func:`summitcal.resolver.text.sentence_around`, which reads across a line break, so
    a figure on the line before does not make "a year earlier" a year."""
    reach_lo, reach_hi = max(0, start - _PERIOD_REACH), end + _PERIOD_REACH
    lo = max(norm.rfind(". ", reach_lo, start), norm.rfind("\n", reach_lo, start)) + 1
    hi = norm.find(". ", end, reach_hi)
    return norm[max(lo, reach_lo) : min(len(norm), reach_hi) if hi < 0 else hi]


def _period(m: re.Match[str]) -> Extra:
    """A period of financial news: ``value`` says which (see Narrative.period_of), ``days``
    holds a quarter's number and ``unit`` a year written out, or ``year`` for "a year
    earlier" in a sentence about months or a year."""
    if m.group("ordinal"):  # "the 1988 third quarter", "the year-ago third quarter"
        kind = "nth-year" if m.group("year") else "nth-ago"
        nth = _ORDINALS.index(m.group("ordinal")) + 1
    else:
        kind = next(
            k
            for k in ("ago", "same", "nth", "latest", "current", "written", "ended", "whole")
            if m.group(k)
        )
        nth = _ORDINALS.index(m.group("nth")) + 1 if kind == "nth" else 0
    if kind == "ended":  # "the year ended March 31": TimeML's year-long duration
        return Extra(start=m.start(), end=m.end(), rule="duration", type="DURATION", value="P1Y")
    unit = m.group("year") or m.group("written") or ""
    bare = kind == "ago" and not re.search(r"quarter|period", m.group())
    if bare and _LONGER_PERIOD.search(_sentence_around(m.string, m.start(), m.end())):
        unit = "year"
    return Extra(
        start=m.start(),
        end=m.end(),
        rule="period",
        type="DATE",
        value=kind,
        days=nth,
        unit=unit,
    )


# What half a unit adds to a whole count of it ("2 1/2 years": P2Y6M).
_HALVES = {"year": ("Y", "6M"), "month": ("M", "15D"), "day": ("D", "T12H")}
_HALF_TIMES = {"hour": ("H", "30M"), "minute": ("M", "30S")}


def _counted(m: re.Match[str]) -> Extra:
    """An amount the grammar leaves out: "20 more years", "2 1/2 years"."""
    if m.group("half"):
        whole = m.group("whole").split()[0]
        n = int(whole) if whole.isdigit() else _count(whole)
        unit = lexicon().amount_units[m.group("half")]
        if unit in _HALVES:
            letter, half = _HALVES[unit]
            value = f"P{n}{letter}{half}"
        else:
            letter, half = _HALF_TIMES[unit]
            value = f"PT{n}{letter}{half}"
    else:
        unit = lexicon().amount_units[m.group("unit")]
        value = duration_value(unit, _count(m.group("n")))
    return Extra(start=m.start(), end=m.end(), rule="duration", type="DURATION", value=value)


_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _spoken_year(m: re.Match[str]) -> str:
    """The year "nineteen ninety-six" or "the year two thousand and one" says."""
    if m.group("tens") is None:
        small = m.group("small")
        return str(2000 + (_ONES.index(small) + 1 if small else 0))
    century = 1900 if m.group("hi") == "nineteen" else 2000
    ones = _ONES.index(m.group("ones")) + 1 if m.group("ones") else 0
    return str(century + (_TENS.index(m.group("tens")) + 2) * 10 + ones)


def _set(m: re.Match[str]) -> Extra | None:
    lex = lexicon()
    g = m.groupdict()
    value: str
    freq = None
    if g.get("adj"):
        value = "P6M" if g["adj"] == "biannual" else "P1Y"
    elif g.get("times"):
        times = g["times"]
        n = {"once": 1, "twice": 2, "thrice": 3}.get(times) or _count(times.split()[0])
        value, freq = duration_value(g["unit"], 1), f"{n}X"
    elif g.get("month"):
        value = f"XXXX-{lex.months[g['month']]:02d}"
    elif g.get("season"):
        value = f"XXXX-{lex.seasons[g['season']]}"
    elif g.get("wd"):
        value = f"XXXX-WXX-{lex.weekdays[g['wd']] + 1}"
    else:
        unit = lexicon().amount_units[g["unit"]]
        value = duration_value(unit, _count(g.get("n")))
    return Extra(start=m.start(), end=m.end(), rule="set", type="SET", value=value, freq=freq)


def _narrative(m: re.Match[str]) -> Extra:
    g = m.groupdict()
    days = 0
    part = None
    if g.get("prev"):
        days = -1
    elif g.get("next"):
        days = 1
    elif g.get("dir"):
        n = _count(g["n"]) or 1
        if g["step"].startswith("week"):
            n *= 7
        days = -n if g["dir"] == "earlier" else n
    elif g.get("follow"):
        days, part = 1, lexicon().parts_of_day[g["fpart"]]
    elif g.get("lday"):
        part = "AF"
    else:
        word = g.get("tpart") or g.get("lpart") or g.get("bpart")
        if word and word != "day":
            part = lexicon().parts_of_day[word]
    weekday = lexicon().weekdays[g["wday"]] if g.get("wday") else None
    clock = clock_time(g.get("clock"))
    kind = "TIME" if part or clock else "DATE"
    return Extra(
        start=m.start(),
        end=m.end(),
        rule="narrative",
        unit="year" if g.get("tyear") else "",
        type=kind,
        days=days,
        part=None if clock else part,
        clock=clock,
        apposition=bool(g.get("before") or g.get("after")),
        weekday=weekday,
    )


#: Words one of which every match of a pattern holds: a window without any of them is not
#: searched (a pattern that begins with a number or an alternation is otherwise tried at
#: every position).  Parts of the day and weekdays are added from the lexicon.
_NEEDS = {
    "present": ("now", "current", "these"),
    "past": ("recent", "past"),
    "future": ("future", "soon", "term", "coming"),
    "set-every": ("every", "each"),
    "set-adj": ("annual", "yearly"),
    "set-times": ("once", "twice", "thrice", "times"),
    "vague-duration": (
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "centur",
    ),
    "counted": (
        "more",
        "additional",
        "extra",
        "further",
        "trading",
        "business",
        "working",
        "1/2",
        "half",
    ),
    "spoken-year": ("nineteen", "twenty", "thousand"),
    "century": ("century",),
    "age": ("-year-old",),
    "coarse": ("century", "decade"),
    "period": ("quarter", "year", "period"),
}


@functools.cache
def _needs() -> dict[str, frozenset[str]]:
    lex = lexicon()
    narrative = ("day", "week", "year", *lex.parts_of_day, *lex.weekdays)
    return {name: frozenset(words) for name, words in {**_NEEDS, "narrative": narrative}.items()}


@functools.cache
def _needle_finder() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """A pattern that gives, at every position, the longest needed word (of any pattern)
    that starts there; and for each needed word, those it holds ("centuries" holds
    "centur"): every needed word in a text is held by one of those found."""
    needles = {word for words in _needs().values() for word in words}
    # (Literal words: the trie's spaces would stand for any white space.)
    assert not any(c.isspace() for word in needles for c in word)
    holds = {word: frozenset(n for n in needles if n in word) for word in needles}
    return re.compile(f"(?=({word_trie(needles)}))"), holds


def _needles_in(norm: str, lo: int, hi: int) -> set[str]:
    """The needed words that occur in ``norm[lo:hi]``: one scan of the stretch, instead
    of a substring search per word and pattern."""
    finder, holds = _needle_finder()
    found: set[str] = set()
    for m in finder.finditer(norm, lo, hi):
        found |= holds[m.group(1)]
    return found


def find_extras(norm: str, lo: int = 0, hi: int | None = None) -> Iterator[Extra]:
    """Every TimeML-only expression in ``norm[lo:hi]``, overlapping, in pattern order.

    Args:
        norm: The text, normalised with :func:`summitcal.resolver.text.normalize`
            (offsets are the same as in the original).
        lo: Where to start looking.
        hi: Where to stop (default: the end).

    Raises:
        ValueError: If ``lo`` or ``hi`` is negative (they are offsets from the start).
    """
    end = len(norm) if hi is None else hi
    if lo < 0 or end < 0:
        raise ValueError(f"find_extras reads norm[{lo}:{hi}]: offsets count from 0")
    present = None
    needs = _needs()
    for name, pattern in _patterns():
        needed = needs.get(name)
        if needed is not None:
            present = _needles_in(norm, lo, end) if present is None else present
            if needed.isdisjoint(present):
                continue
        for m in pattern.finditer(norm, lo, end):
            if name in ("present", "past", "future"):
                value = {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}
                yield Extra(
                    start=m.start(), end=m.end(), rule="ref", type="DATE", value=value[name]
                )
            elif name.startswith("set"):
                found = _set(m)
                if found is not None:
                    yield found
            elif name == "coarse":
                mod = {"early": "START", "mid": "MID", "late": "END"}[m.group("fz")]
                yield Extra(
                    start=m.start(),
                    end=m.end(),
                    rule="coarse",
                    type="DATE",
                    value=mod,
                    unit=m.group("cunit"),
                )
            elif name == "century":
                yield Extra(
                    start=m.start(),
                    end=m.end(),
                    rule="century",
                    type="DATE",
                    value=f"{int(m.group('nth')) - 1:02d}",
                )
            elif name == "age":
                years = _count(m.group("age"), None)
                if years is not None:
                    yield Extra(
                        start=m.start(),
                        end=m.end(),
                        rule="age",
                        type="DURATION",
                        value=duration_value("year", years),
                    )
            elif name == "period":
                yield _period(m)
            elif name == "counted":
                yield _counted(m)
            elif name == "spoken-year":
                spoken = _spoken_year(m)
                if m.group("smonth"):  # "January nineteen ninety-seven"
                    spoken += f"-{lexicon().months[m.group('smonth')]:02d}"
                elif m.group("sseason"):  # "the winter of nineteen ninety-four"
                    spoken += f"-{lexicon().seasons[m.group('sseason')]}"
                yield Extra(start=m.start(), end=m.end(), rule="year", type="DATE", value=spoken)
            elif name == "vague-duration":
                unit = lexicon().amount_units[m.group("unit") or m.group("bare") or m.group("over")]
                # TimeML counts "a couple of years" as two; "a few", "several" stay unknown.
                couple = re.match(r"a\s+couple\s+of\b", m.group())
                yield Extra(
                    start=m.start(),
                    end=m.end(),
                    rule="duration",
                    type="DURATION",
                    value=duration_value(unit, 2 if couple else None),
                )
            else:
                yield _narrative(m)
