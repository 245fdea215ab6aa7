"""``extract``: every temporal expression in an article, found and resolved.

Extraction sits on top of the resolver.  The resolver's grammar finds the calendar phrases
(:func:`summitcal.resolver.grammar.matches`) and :func:`summitcal.resolver.resolve` values
each one against the publication date, with the direction read from the tense of its
sentence.  This module adds what a whole article needs and one phrase does not:

* sentences (:mod:`.sentences`), so each phrase is read in its own sentence;
* TimeML's extents and conventions: prepositions stay outside ("within <six months>"),
  amount words go inside with a mod ("<about ten weeks>", APPROX), and a range is tagged
  as its two ends ("<Feb. 6>-<7>"), the second anchored on the first;
* the expressions of :mod:`.extras` (vague references, more sets, unspecified amounts);
* narrative anchoring (:mod:`.narrative`): "the next day" and a bare "at 11 p.m." take
  their day from the date the article is talking about.

Only the stretches of text around a calendar word or a digit are handed to the grammar, so
that long articles cost little more than their dated sentences.

Example::

    >>> from datetime import date
    >>> [(m.text, m.timex) for m in extract("Ministers met on Friday. They meet again "
    ...     "next week.", reference=date(2025, 2, 9))]
    [('Friday', '2025-02-07'), ('next week', '2025-W07')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time

import attrs

from summitcal.errors import PhraseError, TimexError
from summitcal.extraction.extras import (
    CLOCK,
    DURATION_MODS,
    OUTSIDE_MODS,
    Extra,
    alternation,
    clock_time,
    find_extras,
)
from summitcal.extraction.mention import Mention, TimexType
from summitcal.extraction.narrative import Narrative
from summitcal.resolver import Resolution, resolve_match
from summitcal.resolver.anchor import duration_value
from summitcal.resolver.grammar import RawMatch, RuleKind, matches
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.phrase import Offset, YearRef
from summitcal.resolver.text import ABBREVIATIONS, Sentence, normalize, split_sentences
from summitcal.span.span import DateSpan, Granularity, Mod

__all__ = ["extract"]

# How far around a trigger word the grammar looks.  Phrases are dense in trigger words
# ("from Tuesday, February 11, to Thursday, February 13"); the words a phrase may have
# before or after its last trigger ("the beginning of", "the first half of") fit in this.
_MARGIN = 24
# How much further a window may reach for white space.  No date phrase runs this far past
# a trigger without a space (the longest, "2025-02-11T09:30:00+08:00", holds triggers all
# along), so inside a long token a window ends where the phrase would have to.
_SNAP = 32
_YEAR_IN_TEXT = re.compile(r"(?<!\d)\d{4}(?!\d)")


# "Thursday's briefing", "this year's edition", "Last July's": the grammar reads the
# phrase once the possessive is blanked out (same length, so offsets hold).
@functools.cache
def _possessive() -> re.Pattern[str]:
    lex = lexicon()
    names = alternation([*lex.weekday_names, *_one_word(lex.day_words), *lex.month_names])
    units = "(?<!new )year|week|weekend|month|quarter|spring|summer|autumn|winter"
    return re.compile(rf"\b((?:{names})|{units})'s\b")


def _one_word(words: Iterable[str]) -> list[str]:
    return [w for w in words if " " not in w]


# A month, or a month and day(s), with nothing that counts from a reference ("in March",
# "1 and 2 November", "July 6 to 8"; not "last March", "next July").
@functools.cache
def _bare_month() -> re.Pattern[str]:
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(
        rf"(?:(?:{_words('month')})\s+)?(?:(?:early|mid|late)[\s-]+)?"
        rf"(?:{day}\s*(?:-|and|to)?\s*)*(?:{alternation(lexicon().months)})\.?"
        rf"(?:\s+{day}(?:\s*(?:-|and|to|through)\s*{day})?)?"
    )


#: The rules whose phrase is a range of days, tagged as its two ends.
_RANGES = (RuleKind.MONTH_DAY_RANGE, RuleKind.WEEKDAY_RANGE)
_SEPARATOR = re.compile(r"\s*(?:-|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*")


@functools.cache
def _trigger() -> re.Pattern[str]:
    """Words (and digit shapes) without which no temporal expression can stand."""
    lex = lexicon()
    words: set[str] = set()
    words |= set(lex.weekdays) | set(lex.months) | set(lex.seasons)
    words |= set(lex.units) | set(lex.parts_of_day) | set(lex.day_parts)
    words |= set(lex.clock_words) | set(lex.sets)
    words |= {w for name in lex.holidays for w in name.split() if len(w) > 3}
    words |= set(_one_word(lex.day_words)) | {"weekend", "weekends"}
    words |= {"now", "currently", "nowadays", "recently", "past", "future", "soon", "coming"}
    words |= {"annual", "annually", "once", "twice", "thrice", "seconds", "second"}
    words |= {"centuries", "century", "half", "q1", "q2", "q3", "q4", "h1", "h2"}
    words |= {"twenties", "thirties", "forties", "fifties", "sixties", "seventies"}
    words |= {"eighties", "nineties", "noon", "day", "days"}
    # Digits only where they can be part of a date or time: a year, a numeric date or
    # clock time, an ordinal day, a decade; "28 countries" or "90 percent" start nothing.
    digits = (
        r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\d[/.:-]\d|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
        r"|\d(?:st|nd|rd|th)\b|\d0'?s\b"
    )
    return re.compile(rf"{digits}|(?<![\w])(?:{alternation(words)})(?!\w)")


def _windows(norm: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Stretches of a sentence around its trigger words, merged, snapped to spaces.

    Each trigger's stretch reaches ``_MARGIN`` characters either side of it, then on to
    the nearest white space, but at most ``_SNAP`` characters further: a window ends at
    most ``_MARGIN + _SNAP`` characters from a trigger, and each trigger looks at no more
    than ``2 * _SNAP`` characters, so the cost is linear in the sentence whatever its
    tokens (a JSON dump or a list of addresses is one token without white space).
    """
    out: list[tuple[int, int]] = []
    first, last = sentence.start, sentence.end
    for m in _trigger().finditer(norm, first, last):
        lo = max(first, m.start() - _MARGIN)
        hi = min(last, m.end() + _MARGIN)
        if not out or lo > out[-1][1]:  # a window merged into the last needs no edge
            edge = max(first, lo - _SNAP)
            while lo > edge and not norm[lo - 1].isspace():
                lo -= 1
        edge = min(last, hi + _SNAP)
        while hi < edge and not norm[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


@attrs.frozen
class _Candidate:
    start: int
    end: int
    rank: int  # lower wins a tie of position and length: extras before grammar rules
    raw: RawMatch | None = None
    extra: Extra | None = None


def _candidates(text: str, norm: str, sentence: Sentence) -> list[_Candidate]:
    found: dict[tuple[int, int, int], _Candidate] = {}
    for lo, hi in _windows(norm, sentence):
        for e in find_extras(norm, lo, hi):
            found.setdefault((e.start, e.end, 0), _Candidate(e.start, e.end, 0, extra=e))
        for raw in matches(norm, lo, hi):
            if not _plausible(text, norm, raw):
                continue
            found.setdefault((raw.start, raw.end, 1), _Candidate(raw.start, raw.end, 1, raw=raw))
    return sorted(found.values(), key=lambda c: (c.start, c.start - c.end, c.rank))


_COUNT_BEFORE = re.compile(
    r"(?:[$€£¥]|\b(?:about|some|over|nearly|almost|than|around|roughly|of|to|and|the\s+top)\s+)$"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b(?!')")
_ORDINAL_WORD = re.compile(r"the\s+[a-z]+$")


def _in_name(text: str, raw: RawMatch) -> bool:
    """Whether one calendar word is part of a name: "the Sunday Courier", "April Okoro",
    "the 2030 Agenda".

    A bare weekday, month or year followed straight away by a capitalised word that is
    not itself calendar vocabulary, and not introduced by a preposition, names something
    else.
    """
    after = _CAPITALISED_AFTER.match(text, raw.end)
    if after is None or raw.preposition is not None:
        return False
    if normalize(after.group(1)) in _calendar_words():
        return False
    before = normalize(text[max(0, raw.start - 12) : raw.start])
    return not _preposition_before().search(before)


_CAPITALISED_AFTER = re.compile(r"[ \t]([A-Z][a-z]+)\b")


@functools.cache
def _preposition_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words('date')})\s+$")


@functools.cache
def _leading_preposition() -> re.Pattern[str]:
    return re.compile(rf"(?:{_words('amount')})\s+")


def _words(use: str) -> str:
    """One of the lexicon's lists of prepositions, as an alternation in its order."""
    return "|".join(lexicon().prepositions[use])


@functools.cache
def _calendar_words() -> frozenset[str]:
    lex = lexicon()
    words = set(lex.weekdays) | set(lex.months) | set(lex.seasons) | set(lex.zones)
    return frozenset(words | {"local", "time"})


def _plausible(text: str, norm: str, raw: RawMatch) -> bool:
    """Whether a grammar match in running text is a temporal expression at all.

    The resolver's grammar reads one phrase that a caller says is a date; in running text
    a few of its patterns also match ordinary words, and these checks keep them out.
    """
    core = raw.phrase.core
    kind = raw.rule.kind
    if (kind is RuleKind.WEEKDAY or kind is RuleKind.MONTH) and _in_name(text, raw):
        return False
    if isinstance(core, YearRef) and raw.preposition is None and raw.phrase.mod is None:
        if norm[max(0, raw.start - 4) : raw.start] == "the " and _in_name(text, raw):
            return False
        # A bare four-digit number: a year ("the 2025 edition", "compared with 2023")
        # unless it reads as a count ("2000 delegates", "about 2000").
        head = norm[max(0, raw.start - 14) : raw.start]
        return not (_COUNT_BEFORE.search(head) or _NOUN_AFTER.match(norm, raw.end))
    if kind is RuleKind.DAY_OF_MONTH:
        # "on the 11th" is a day; "the first such text", "the Third Forum" are not.
        words = norm[raw.start : raw.end]
        if "month" in words:
            return True
        return raw.preposition is not None and not _ORDINAL_WORD.fullmatch(words)
    if kind is RuleKind.WEEKEND:
        # "a weekend summit" is no particular weekend.
        return norm[max(0, raw.start - 2) : raw.start] != "a "
    return True


def _reference_day(reference: date | datetime) -> date:
    if isinstance(reference, datetime):
        if reference.utcoffset() is None:
            raise PhraseError("", "the reference datetime must be timezone-aware", 0)
        return reference.date()
    if isinstance(reference, date):
        return reference
    raise PhraseError("", f"the reference must be a date, not {type(reference).__name__}", 0)


def _mod_pattern(words: str) -> re.Pattern[str]:
    spaced = words.replace(" ", r"\s+")
    return re.compile(rf"(?<![\w-])({spaced})\s+$")


_INSIDE_MODS = tuple(
    (_mod_pattern(w), Mod(m)) for w, m in sorted(DURATION_MODS.items(), key=lambda x: -len(x[0]))
)
_OUTSIDE_MODS = tuple(
    (_mod_pattern(w), None if m is None else Mod(m))
    for w, m in sorted(OUTSIDE_MODS.items(), key=lambda x: -len(x[0]))
)


_THE_BEFORE = re.compile(r"(?<![\w-])the\s+(?:(?:whole|entire|full)\s+)?$")


def _duration_extent(text: str, start: int, end: int) -> tuple[int, Mod | None]:
    """Move a duration's start past a preposition and over an amount word before it."""
    m = _leading_preposition().match(normalize(text[start:end]))
    if m is not None and start + m.end() < end:
        start += m.end()
    window = max(0, start - 24)
    before = normalize(text[window:start])
    if normalize(text[start : start + 4]) == "the ":
        return start, None  # "about the next 12 months": "about" is not an amount here
    the = _THE_BEFORE.search(before)
    if the is not None and "-" not in text[start:end]:
        return window + the.start(), None  # "for the whole week", "over the six days"
    for pattern, mod in _OUTSIDE_MODS:  # "a little over": said before, kept outside
        if pattern.search(before):
            return start, mod
    for pattern, mod in _INSIDE_MODS:
        found = pattern.search(before)
        if found is not None:
            return window + found.start(1), mod
    return start, None


def _trim_end(text: str, start: int, end: int, zone_at: int | None = None) -> int:
    """Leave a full stop and a zone phrase out of a phrase.

    "on Friday." ends before the dot (an abbreviation's own dot stays: "Feb.", "a.m."),
    and "20:19 Beijing time" ends before the zone, which TimeML keeps outside the tag:
    ``zone_at`` is where the zone's words (and a comma before them) start, if the
    phrase ends with a zone the grammar read.
    """
    if zone_at is not None and start < zone_at < end:
        end = zone_at
    piece = normalize(text[start:end])
    if len(piece) > 1 and piece.endswith(".") and not piece.endswith(("a.m.", "p.m.")):
        words = piece[:-1].split()
        if words and words[-1] not in ABBREVIATIONS:
            end -= 1
    return end


def _trailing_zone(norm: str, raw: RawMatch) -> tuple[int, int] | None:
    """(end of the phrase, where its trailing zone's words start), if it ends with a zone."""
    zone = raw.part("zn", "zno")
    if zone is None or zone[1] != raw.end:
        return None
    at = zone[0]
    while at > raw.start and norm[at - 1].isspace():
        at -= 1
    if at > raw.start and norm[at - 1] == ",":
        at -= 1
    return raw.end, at


@functools.cache
def _clock_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w:])(?:{CLOCK})")


# The words before a phrase's first clock time that name its day ("Saturday, from").
_DAY_BEFORE_CLOCK = re.compile(r"(?P<day>.*?[^\s,])\s*,?\s+(?:from\s+|at\s+|between\s+)?$")


def _is_relative(kind: TimexType, text: str) -> bool:
    return kind in (TimexType.DATE, TimexType.TIME) and not _YEAR_IN_TEXT.search(text)


def _halves(norm: str, raw: RawMatch) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A range's two ends as the grammar found them, when TimeML tags them apart.

    A range joined by "&", or by a word that runs into its neighbours ("6to7"), stays
    one expression.
    """
    halves = raw.halves()
    if halves is None:
        return None
    sep = _SEPARATOR.match(norm, halves[0][1])
    return halves if sep is not None and sep.end() == halves[1][0] else None


class _Builder:
    """Turns accepted candidates of one document into mentions, in text order."""

    def __init__(self, text: str, norm: str, reference: date, narrative: bool) -> None:
        self.text = text
        self.norm = norm
        # The current grammar match's end and where its trailing zone starts, if any.
        self.zone: tuple[int, int] | None = None
        self.reference = reference
        self.mentions: list[Mention] = []
        self.story = Narrative(reference, enabled=narrative)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.story.saw(mention, len(self.mentions) - 1)
        if self.opens_line(mention.start):
            self.story.saw_heading(mention, len(self.mentions) - 1)

    def opens_line(self, at: int) -> bool:
        """Whether only white space stands between the start of its line and ``at``."""
        # Read back over the white space alone: a text without line breaks is not
        # searched back to its start for every mention.
        text = self.text
        while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
            at -= 1
        return at == 0 or text[at - 1] == "\n"

    def grammar(self, cand: _Candidate, sentence: Sentence, index: int) -> bool:
        assert cand.raw is not None
        self.zone = _trailing_zone(self.norm, cand.raw)
        try:
            # This occurrence, read in its own clause (not the first like it in the sentence).
            res = resolve_match(
                cand.raw,
                self.text,
                reference=self.reference,
                sentence=(sentence.start, sentence.end),
            )
        except PhraseError:
            return False
        kind = res.type
        core = cand.raw.phrase.core
        if isinstance(core, Offset) and self._offset(cand, core, res, index):
            return True
        if kind is TimexType.DURATION:
            start, mod = _duration_extent(self.text, cand.start, cand.end)
            self._one(start, cand.end, res, kind, index, mod=mod or res.mod)
            return True
        span = res.resolved_span
        if (
            span is not None
            and span.granularity in (Granularity.DAY, Granularity.MONTH)
            and _is_relative(kind, self.text[cand.start : cand.end])
            and _bare_month().fullmatch(normalize(self.text[cand.start : cand.end]))
        ):
            span = self.story.in_year(span, index)
        if span is not None and span.is_timed and self._clocks(cand, res, span, index):
            return True
        if (
            span is not None
            and cand.raw.rule.kind in _RANGES
            and span.granularity is Granularity.DAY
            and span.first != span.last
        ):
            parts = _halves(self.norm, cand.raw)
            if parts is not None:
                (a0, a1), (b0, b1) = parts
                first = DateSpan.day(span.first, zone=span.zone)
                last = DateSpan.day(span.last, zone=span.zone)
                self._one(a0, a1, res, kind, index, span=first)
                self._one(b0, b1, res, kind, index, span=last, anchor=len(self.mentions) - 1)
                return True
        self._one(cand.start, cand.end, res, kind, index, span=span)
        return True

    def _offset(self, cand: _Candidate, core: Offset, res: Resolution, index: int) -> bool:
        """TimeML's reading of "in two weeks", "five years from now", "a decade ago".

        The amount after "in" or before "from now" is a DURATION (the point it leads to
        is implied, not written); "from now" is a PRESENT_REF of its own; "a decade ago"
        is the decade.
        """
        raw = cand.raw
        assert raw is not None
        # "in two weeks" and "two weeks from now" or "hence", not "two weeks ago".
        ago = raw.part("od")
        if ago is None:
            amount = raw.part("amtb")
        else:
            amount = None if self.norm[ago[0] : ago[1]] == "ago" else raw.part("amta")
        if amount is not None:
            value = duration_value(core.unit, abs(core.count))
            dur = attrs.evolve(res, timex=value, type=TimexType.DURATION)
            self._one(amount[0], amount[1], dur, TimexType.DURATION, index)
            now = raw.part("now")
            if now is not None:
                now_at = now[0]
                self.add(
                    Mention(
                        start=now_at,
                        end=now_at + 3,
                        text=self.text[now_at : now_at + 3],
                        type=TimexType.DATE,
                        timex="PRESENT_REF",
                        relative=True,
                        sentence=index,
                        rule="ref",
                        explanation="ref: a vague reference to the present",
                    )
                )
            return True
        span = res.resolved_span
        unit = raw.part("ua")
        if unit is not None and "decade" in self.norm[unit[0] : unit[1]] and span is not None:
            decade = DateSpan.unit(Granularity.DECADE, span.first)
            self._one(cand.start, cand.end, res, TimexType.DATE, index, span=decade)
            return True
        return False

    def _clocks(self, cand: _Candidate, res: Resolution, span: DateSpan, index: int) -> bool:
        """Clock times as TimeML tags them.

        "Saturday, from 9 a.m. to 5 p.m." is a day and two times; "Monday at 3 p.m." a
        day and a time; a bare "at 11 p.m." is on the date under discussion.  "9:30 a.m.
        tomorrow" stays one TIME.
        """
        raw = cand.raw
        assert raw is not None
        clocks = self._tagged_clocks(raw)
        if not clocks:
            return False
        day_part = _DAY_BEFORE_CLOCK.match(normalize(self.text[cand.start : clocks[0].start()]))
        if day_part is None and len(clocks) == 1 and self._zoned(raw, clocks[0], res, index):
            return True
        if day_part is None:
            if raw.rule.kind is RuleKind.CLOCK_TIME and self._story_clock(cand, res, span, index):
                return True
            if len(clocks) < 2:
                return False
        day_index: int | None = None
        if day_part is not None:
            day_span = DateSpan.day(span.first)
            end = cand.start + day_part.end("day")
            self._one(cand.start, end, res, TimexType.DATE, index, span=day_span)
            day_index = len(self.mentions) - 1
        for k, clock in enumerate(clocks[:2]):
            at = clock_time(clock.group())
            assert at is not None
            one = DateSpan.at(span.last if k else span.first, at, zone=span.zone)
            self._one(*clock.span(), res, TimexType.TIME, index, span=one, anchor=day_index)
            if day_index is None:
                day_index = len(self.mentions) - 1
        return True

    def _tagged_clocks(self, raw: RawMatch) -> list[re.Match[str]]:
        """The clock times of a match that TimeML tags, each as written ("14:30" of
        "14:30 hrs"; not "0800" of "0800 GMT", nor "9.30 a.m.")."""
        clocks = (_clock_re().match(self.norm, start) for start, _ in raw.clocks())
        return [clock for clock in clocks if clock is not None]

    def _zoned(self, raw: RawMatch, clock: re.Match[str], res: Resolution, index: int) -> bool:
        """ "20:19 Beijing time on Monday": the zone stays outside, so a time and a day."""
        zone, day = raw.part("znp"), raw.part("core")
        if zone is None or day is None or self.norm[clock.end() : zone[0]].strip():
            return False
        span = res.resolved_span
        assert span is not None
        timed = DateSpan.at(span.first, span.start_time or time(), zone=span.zone)
        self._one(raw.start, clock.end(), res, TimexType.TIME, index, span=timed)
        day_span = DateSpan.day(span.first, zone=span.zone)
        self._one(day[0], raw.end, res, TimexType.DATE, index, span=day_span)
        return True

    def _story_clock(self, cand: _Candidate, res: Resolution, span: DateSpan, index: int) -> bool:
        """A clock time alone, on the day the story is at (or a heading's time stamp)."""
        moved: tuple[DateSpan, int | None] | None = self.story.clock(span, index)
        if self.opens_line(cand.start) and self.story.enabled:
            moved = self.story.stamp(span)  # a live report's or schedule's time
        if moved is None:
            return False
        self._one(cand.start, cand.end, res, TimexType.TIME, index, span=moved[0], anchor=moved[1])
        return True

    def _one(
        self,
        start: int,
        end_: int,
        res: Resolution,
        kind: TimexType,
        index: int,
        *,
        span: DateSpan | None = None,
        mod: Mod | None = None,
        anchor: int | None = None,
    ) -> None:
        zone = self.zone
        end = _trim_end(self.text, start, end_, zone[1] if zone and zone[0] == end_ else None)
        words = self.text[start:end]
        relative = _is_relative(kind, words) or anchor is not None
        self.add(
            Mention(
                start=start,
                end=end,
                text=words,
                type=kind,
                timex=span.timex if span is not None else res.timex,
                mod=mod if mod is not None else (span.mod if span is not None else res.mod),
                span=span,
                anchor=anchor,
                relative=relative,
                sentence=index,
                rule=res.rule,
                explanation=res.explanation,
            )
        )

    def extra(self, extra: Extra, index: int) -> bool:
        words = self.text[extra.start : extra.end]
        if extra.rule == "coarse":
            unit = {"century": Granularity.CENTURY, "decade": Granularity.DECADE}.get(
                extra.unit, Granularity.YEAR
            )
            span = DateSpan.unit(unit, self.reference, mod=Mod(extra.value))
            self.add(
                Mention(
                    start=extra.start,
                    end=extra.end,
                    text=words,
                    type=TimexType.DATE,
                    timex=span.timex,
                    mod=span.mod,
                    span=span,
                    relative=True,
                    sentence=index,
                    rule="coarse",
                    explanation=f"coarse: the publication date's {extra.unit}, {extra.value}",
                )
            )
            return True
        if extra.rule == "narrative":
            last = self.mentions[-1].end if self.mentions else 0
            gap = self.text[last : extra.start] if self.mentions else None
            try:
                span, anchor, how = self.story.resolve(extra, index, gap)
            except TimexError:
                return False  # a day outside the calendar: left out, as what does not resolve
            self.add(
                Mention(
                    start=extra.start,
                    end=extra.end,
                    text=words,
                    type=TimexType(extra.type),
                    timex=span.timex,
                    span=span,
                    anchor=anchor,
                    relative=True,
                    sentence=index,
                    rule="narrative",
                    explanation=how,
                )
            )
            return True
        start, mod = extra.start, None
        if extra.rule == "duration":
            start, mod = _duration_extent(self.text, extra.start, extra.end)
        how = {
            "ref": "a vague reference to the present, past or future",
            "set": "a recurrence",
            "duration": "an unspecified amount of time",
            "age": "an age, the duration of a life so far",
            "century": "a century named by its ordinal",
        }[extra.rule]
        self.add(
            Mention(
                start=start,
                end=extra.end,
                text=self.text[start : extra.end],
                type=TimexType(extra.type),
                timex=extra.value,
                mod=mod,
                freq=extra.freq,
                relative=extra.rule == "ref",
                sentence=index,
                rule=extra.rule,
                explanation=f"{extra.rule}: {how}",
            )
        )
        return True


def _accepted(norm: str, sentence: Sentence, builder: _Builder, index: int) -> Iterator[None]:
    taken_until = sentence.start
    for cand in _candidates(builder.text, norm, sentence):
        if cand.start < taken_until:
            continue
        ok = (
            builder.extra(cand.extra, index)
            if cand.extra is not None
            else builder.grammar(cand, sentence, index)
        )
        if ok:
            taken_until = cand.end
            yield None


def extract(
    text: str,
    *,
    reference: date | datetime,
    narrative: bool = True,
) -> list[Mention]:
    """Find and resolve every temporal expression in ``text``.

    Args:
        text: An article (plain text; paragraphs separated by blank lines).
        reference: The publication date (a ``date``, or an aware ``datetime`` whose own
            date is used).  Relative expressions count from it.
        narrative: Whether "the next day", "two days later" and bare clock times take
            their day from the date the text is talking about (default) rather than from
            the publication date.

    Returns:
        The mentions in text order, without overlaps.  Each has offsets into ``text``,
        its TIMEX3 type and value, a mod where one applies, and an explanation.

    Raises:
        PhraseError: If ``reference`` is not a date or an aware datetime.
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text)[:40], "the text to extract from must be a string", 0)
    norm = _possessive().sub(lambda m: m.group(1) + "  ", normalize(text))
    builder = _Builder(text, norm, _reference_day(reference), narrative)
    for index, sentence in enumerate(split_sentences(text)):
        for _ in _accepted(norm, sentence, builder, index):
            pass
    return builder.mentions
