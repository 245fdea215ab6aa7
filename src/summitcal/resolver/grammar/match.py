"""Matching: a rule's match read as a phrase, one phrase parsed by the patterns, and
every match in running text.

:func:`matches` finds every rule's matches in normalised text (for the resolver's
:func:`~summitcal.resolver.scan` and for extraction); :func:`parse_by_rules` full-matches one
phrase, as :func:`~.parse.parse` does for a phrase the fixed table does not hold.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import time

import attrs

from summitcal._unchecked import unchecked
from summitcal.resolver.grammar.english import may_hold_styled_clock, rules
from summitcal.resolver.grammar.fragments import prepositions, squash
from summitcal.resolver.grammar.readers import (
    ClockConflict,
    NoParse,
    clock_time,
    group,
    unmarked,
    with_meridiem,
)
from summitcal.resolver.grammar.rules import Rule
from summitcal.resolver.grammar.triggers import Triggers, words_of
from summitcal.resolver.lexicon import Lexicon, lexicon
from summitcal.resolver.memo import Refusal, reading
from summitcal.resolver.phrase import Core, DayWord, MonthDay, Phrase, Shift, Weekday
from summitcal.span.span import Mod

__all__ = ["RawMatch", "candidates", "matches", "parse_by_rules", "read_by_rules"]


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
        reread: Whether the phrase's words alone would be read otherwise: after a
            preposition, a body that opens with a word the preposition slot also takes
            ("starting at 8:30 p.m.": alone, "at 8:30 p.m." has "at" for its preposition).
        groups: The pattern's match, whose groups say where the parts of the phrase lie
            (read by :meth:`part`, :meth:`clocks`, :meth:`halves`).
    """

    start: int
    end: int
    outer_start: int
    rule: Rule
    phrase: Phrase
    preposition: str | None
    reread: bool = False
    groups: re.Match[str] | None = attrs.field(default=None, eq=False, repr=False)

    def part(self, *names: str) -> tuple[int, int] | None:
        """Where the first of the named groups that took part in the match lies."""
        m = self.groups
        if m is None:
            return None
        index = m.re.groupindex
        for name in names:
            if name in index and m.start(name) >= 0:
                return m.span(name)
        return None

    def clocks(self) -> tuple[tuple[int, int], ...]:
        """Where the clock times lie, in text order ("9 a.m. to 5 p.m. on Monday")."""
        return tuple(found for name in _CLOCKS if (found := self.part(name)) is not None)

    def halves(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """A range's two ends, either side of its separator ("Feb. 6" and "7")."""
        sep = self.part("sep")
        if sep is None:
            return None
        return (self.start, sep[0]), (sep[1], self.end)


#: The clock groups of a pattern (see :func:`~.fragments.compose`), in text order.
_CLOCKS = ("ckp", "ckpe", "ckt", "cke", "cko")


@functools.cache
def _triggers(loose: bool = False) -> Triggers:
    return Triggers(rules(loose))


def _clocked(rule: Rule) -> bool:
    """Whether the rule is in the second pass for its clocks only (a day's decorations,
    or the clock rule), not for its own words."""
    return not rule.late and (rule.day_level or rule.clock_only)


@functools.cache
def _plain() -> Triggers:
    """The rules a phrase is first read with: all but the late ones."""
    return Triggers(tuple(rule for rule in rules() if not rule.late))


@functools.cache
def _second(styled: bool) -> Triggers:
    """The rules a phrase the plain ones cannot read is tried with: the late ones, and,
    for a phrase that may hold a clock in one of the styles of a phrase read whole
    (``styled``), those whose patterns these styles change."""
    return Triggers(
        tuple(
            loose
            for loose, strict in zip(rules(True), rules(), strict=True)
            if loose.late or (loose.source != strict.source and (styled or not _clocked(loose)))
        )
    )


def candidates(norm: str, loose: bool = False) -> tuple[Rule, ...]:
    """The rules that can match somewhere in ``norm``, in priority order (``loose``: of
    the table that reads a whole phrase, see :func:`~.english.rules`)."""
    return tuple(rule for rule, _ in _triggers(loose).candidates(norm))


_make_phrase = unchecked(Phrase)


def read_phrase(rule: Rule, m: re.Match[str], lex: Lexicon) -> Phrase:
    core = rule.build(m, lex)
    if rule.fuzzy:
        fz = m.group("fz")
        mod = Mod(lex.fuzzy[squash(fz)]) if fz else (Mod.END if m.group("fzh") else None)
    else:
        mod = rule.mod
    start: time | None = None
    end: time | None = None
    zone_word: str | None = None
    pod: str | None = None
    first = "o"  # the suffix of the first clock's groups
    if rule.day_level:
        # The decorations are read only when the body is more than its core.
        if m.span("core") != m.span("body"):
            start = clock_time(m, lex, "p")
            first = "p"
            if start is None:
                start, first = clock_time(m, lex, "t"), "t"
            end = clock_time(m, lex, "e") or clock_time(m, lex, "pe")
            # A pattern for a text without zone words has no zone groups (fragments.compose).
            zone_word = group(m, "zone") or group(m, "zonep")
            pod = m.group("pod")
    elif rule.clock_only:
        start = clock_time(m, lex, "o")
        zone_word = m.group("zoneo")
        if "ckoe" in m.re.groupindex:  # a clock range
            end = clock_time(m, lex, "oe")
        if "pod" in m.re.groupindex:  # "half past nine in the evening"
            pod = m.group("pod")
    elif rule.iso_clock:  # "2024-05-21T14:00:30Z"
        start = time(int(m.group("hhi")), int(m.group("mmi")), int(m.group("ssi") or 0))
        zone_word = "utc" if m.group("zi") else None
    elif rule.two_days:  # "Monday 9am to Wednesday noon"
        start, end = clock_time(m, lex, "ta"), clock_time(m, lex, "tb")
        zone_word, first = m.group("zoneo"), "ta"
    zone = lex.zones[squash(zone_word)] if zone_word else None
    part = lex.parts_of_day[pod] if pod else rule.part
    if type(core) is DayWord:
        if core.word.startswith("this "):
            part = lex.parts_of_day[core.word.split()[1]]
        elif core.word in lex.day_parts:
            part = lex.day_parts[core.word][1]
    if (
        start is not None
        and (part is not None or end is not None)
        and f"bh{first}" in m.re.groupindex
    ):
        # A phrase read whole: an hour with no am/pm takes it from what qualifies it.
        start, end, part, next_day = _read_hours(m, first, start, end, part)
        if next_day:  # "1am tonight", "at 12 tonight": the night's next day
            core = _day_after(core)
    if part is not None and start is not None:
        raise ClockConflict("a part of the day and a clock time together")
    # Every field is read here: made without __init__ (see summitcal._unchecked).
    return _make_phrase(core, rule.name, mod, part, start, end, zone)


#: The hour of the day each hour written with no am/pm (0 to 12) is in a part of the day
#: ("at 8 tonight": 20:00; "at 5 this evening": 17:00; "at 1 tonight": 01:00, of the
#: night's next day).  An hour a part of the day does not hold ("at 11 this afternoon",
#: "at 12 this morning", midnight or noon) is refused.
_BARE_HOURS = {
    "MO": {h: h for h in range(1, 12)},
    "AF": {12: 12, **{h: h + 12 for h in range(1, 7)}},
    "EV": {h: h + 12 for h in range(4, 12)},
    "NI": {**{h: h + 12 for h in range(6, 12)}, **{h: h for h in range(5)}, 12: 0},
}


def _read_hours(
    m: re.Match[str], first: str, start: time, end: time | None, part: str | None
) -> tuple[time, time | None, str | None, bool]:
    """Clock times of a phrase read whole, by what qualifies them: a part of the day
    gives an hour with no am/pm its half of the day ("at 8 tonight" is 20:00, and so is
    the end of "from 7 to 8 tonight") and agrees with one that has it ("10 pm tonight";
    the part is then said by the clock); the pm of a range's end goes to its start
    ("3-4pm", "from 8 to 10 p.m."), as the am of "12-2am" does; and a bare end before a
    bare start is pm ("from 9 to 5" ends at 17:00), where the range stays in order.  The
    last item says whether the time falls after midnight in a night ("1am tonight"), on
    the day after the one named."""
    hour = start.hour
    bare = unmarked(m, first)
    if part is not None:
        if not bare:
            if hour not in _HOURS_OF[part]:
                raise NoParse("the clock time and the part of the day disagree")
            return start, end, None, part == "NI" and hour < 5
        if part in _BARE_HOURS:
            hour = _bare_hour(part, hour)
            if end is not None and unmarked(m, _END_OF[first]):
                end = end.replace(hour=_bare_hour(part, end.hour))
        return start.replace(hour=hour), end, None, part == "NI" and hour < 5
    assert end is not None
    if bare and hour < 12 and end.hour >= 12 and hour + 12 <= end.hour:
        return start.replace(hour=hour + 12), end, None, False
    end_of = _END_OF[first]
    end_bare = unmarked(m, end_of)
    if bare and hour == 12 and end.hour < 12 and with_meridiem(m, end_of):  # "12-2am"
        return start.replace(hour=0), end, None, False
    if bare and end_bare and end.hour < hour <= 12 < end.hour + 12:
        return start, end.replace(hour=end.hour + 12), None, False
    told = with_meridiem(m, first) or group(m, f"cw{first}") is not None  # "9am", "noon"
    if end_bare and told and end.hour < 12 and end.hour <= hour < end.hour + 12:
        # "from 9am to 5", "between 2pm and 4", "from noon to 2": the end's pm keeps it
        # after the start (a 24-hour start may end the next morning: "from 18:00 to 08:00")
        return start, end.replace(hour=end.hour + 12), None, False
    return start, end, None, False


def _bare_hour(part: str, hour: int) -> int:
    """The hour of the day an hour written with no am/pm is in the part of the day."""
    found = _BARE_HOURS[part].get(hour)
    if found is None:
        raise NoParse("the clock time and the part of the day disagree")
    return found


def _day_after(core: Core) -> Core:
    """The day after the one a day phrase names, for a time after midnight in its night
    ("1am Friday night" is early on Saturday); a phrase of more than a day is refused."""
    if type(core) is Shift:
        return Shift(core.base, core.days + 1)
    if type(core) in (Weekday, DayWord, MonthDay):
        return Shift(core, 1)  # type: ignore[arg-type]
    raise NoParse("a time after midnight in a night: name the day it falls on")


#: The hours a part of the day holds, for a clock written with it ("10 pm tonight").
_HOURS_OF = {
    "MO": range(4, 12),
    "AF": range(12, 18),
    "EV": range(16, 24),
    "NI": (*range(18, 24), *range(5)),
    "DT": range(6, 19),
}

#: The suffix of a range's end clock, by its start's.
_END_OF = {"o": "oe", "p": "pe", "t": "e", "ta": "tb"}


_WORD = re.compile(r"\S+")


def bounds(norm: str) -> tuple[int, int]:
    """Where a phrase lies in normalised text: without surrounding spaces and trailing
    ``, ; : ! ?``."""
    return len(norm) - len(norm.lstrip()), len(norm.rstrip().rstrip(",;:!?").rstrip())


def parse_by_rules(text: str, norm: str, lo: int, hi: int) -> tuple[Phrase, int, int]:
    """:func:`parse` by the grammar's patterns: ``norm`` is ``text`` normalised, and the
    phrase lies within ``norm[lo:hi]`` (surrounding spaces and punctuation left out).

    Raises:
        PhraseError: As :func:`~.parse.parse`.
    """
    return reading(read_by_rules(text, norm, lo, hi), text)


def read_by_rules(text: str, norm: str, lo: int, hi: int) -> tuple[Phrase, int, int] | Refusal:
    """:func:`parse_by_rules`, giving its refusal rather than raising it (a refusal kept
    per phrase is then made without an exception)."""
    body = norm[lo:hi]
    ends: tuple[int, ...] = (hi,)
    if body.endswith(".") and not body.endswith(("a.m.", "p.m.")):
        ends = (hi, hi - 1)
    if lo >= hi:
        return Refusal("empty phrase", 0)
    lex = lexicon()
    # The clock styles of agendas and chat make every pattern that holds a clock longer:
    # they are tried second, on what the plain patterns could not read (a reading those
    # give stands).  A failure of the second pass is the more telling.
    words = words_of(body)
    tried = _plain().candidates(body, words)
    read, failure = _first_reading(tried, norm, lo, ends, lex)
    if read is not None:
        return read
    if failure is None or type(failure) is ClockConflict:
        # (Words that name no date, "February 30", no clock style changes.)
        candidates = _second(may_hold_styled_clock(words)).candidates(body, words)
        read, found = _first_reading(candidates, norm, lo, ends, lex)
        if read is not None:
            return read
        failure = found or failure
    if failure is not None:
        return Refusal(failure.reason, failure.offset)
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
    return Refusal(f"not a date phrase ({what})", min(position, max(hi - 1, 0)))


def _first_reading(
    candidates: tuple[tuple[Rule, re.Pattern[str]], ...],
    norm: str,
    lo: int,
    ends: tuple[int, ...],
    lex: Lexicon,
) -> tuple[tuple[Phrase, int, int] | None, NoParse | None]:
    """The reading of the first candidate whose pattern matches ``norm[lo:end]`` whole
    (for each end in turn) and whose words name a date; else the first such failure."""
    failure: NoParse | None = None
    for end in ends:
        for rule, pattern in candidates:
            m = pattern.fullmatch(norm, lo, end)
            if m is None:
                continue
            try:
                start, stop = m.span("body")
                return (read_phrase(rule, m, lex), start, stop), None
            except NoParse as exc:
                failure = failure or type(exc)(exc.reason, exc.offset or m.start("body"))
    return None, failure


def matches(norm: str, lo: int = 0, hi: int | None = None) -> Iterator[RawMatch]:
    """Every rule's matches in normalised text, overlapping, in no particular order.

    Matches whose words name no date (February 30, "week" alone) are left out.
    """
    lex = lexicon()
    end = len(norm) if hi is None else hi
    for rule, pattern in _triggers().candidates(norm[lo:end]):
        if not rule.in_text:
            continue
        for m in pattern.finditer(norm, lo, end):
            try:
                phrase = read_phrase(rule, m, lex)
            except NoParse:
                continue
            prep = m.group("prep")
            start = m.start("body")
            reread = prep is not None and _opens_with_preposition().match(norm, start) is not None
            yield RawMatch(start, m.end("body"), m.start(), rule, phrase, prep, reread, m)


@functools.cache
def _opens_with_preposition() -> re.Pattern[str]:
    return re.compile(rf"(?:{prepositions(lexicon())})\s")
