"""Extraction in a language other than English, through the registry's interface.

English has its own extractor (:mod:`.core`: windows around trigger words, TimeML extras,
clock times and their days).  Another language gives its sentences, its candidate phrases
(:func:`~summitcal.resolver.languages.Language` ``scan``) and the ends of its ranges, and
this module resolves each phrase in its own sentence and tags it as TimeML does:

* a range of days is two expressions, its ends, the second anchored on the first
  (2月10日至11日: <2月10日> and <11日>);
* the end of a range written apart from its start (24日晚至26日: <24日晚>, then <26日>) is
  the first day so numbered on or after the start, anchored on it;
* a holiday with its year (今年春节) is the year and the holiday, as two expressions;
* "the next day" (次日) counts from the last day the text named, when ``narrative`` is on.

Offsets are character offsets into the text as given.
"""

from __future__ import annotations

import bisect
from datetime import date

from summitcal.errors import PhraseError
from summitcal.extraction.mention import Mention, TimexType
from summitcal.resolver import Resolution, resolve_in_context
from summitcal.resolver.languages import Language
from summitcal.resolver.phrase import (
    DayOfMonth,
    Decade,
    Explicit,
    HolidayRef,
    Narrative,
    Relative,
    YearRef,
)
from summitcal.resolver.resolution import PhraseMatch
from summitcal.span.span import DateSpan, Granularity

__all__ = ["extract_in"]

# What joins a range's end to its start when TimeML tags them apart (24日晚至26日).
_JOINS = frozenset({"至", "到", "-", "~", "～", "—", "－", "–", "au", "à", "to"})


#: The granularities of a span that lies on one day.
_DAY_LEVEL = frozenset({Granularity.DAY, Granularity.PART_OF_DAY, Granularity.TIME})


class _Document:
    """The mentions of one text, built in order."""

    def __init__(self, text: str, reference: date, language: Language, narrative: bool) -> None:
        self.text = text
        self.reference = reference
        self.language = language
        self.narrative = narrative
        self.mentions: list[Mention] = []
        # The last day named so far (kept as mentions are added: a text of many
        # "the next day" and no day is not read back to its start for each).
        self._story_day: date | None = None
        sentences = language.split_sentences(text)
        self.bounds = [(s.start, s.end) for s in sentences] or [(0, len(text))]
        self.starts = [lo for lo, _ in self.bounds]

    def sentence(self, at: int) -> int:
        return max(0, bisect.bisect_right(self.starts, at) - 1)

    def story_day(self) -> date | None:
        """The last single day the text named (the day "次日" counts from), by its date,
        a part of it or a clock time on it ("demain matin")."""
        return self._story_day

    def add(
        self,
        start: int,
        end: int,
        res: Resolution,
        span: DateSpan | None,
        *,
        anchor: int | None = None,
        relative: bool = True,
        whole: DateSpan | None = None,
    ) -> None:
        if span is not None and span.granularity in _DAY_LEVEL:
            self._story_day = span.last
        self.mentions.append(
            Mention(
                start=start,
                end=end,
                text=self.text[start:end],
                type=res.type,
                timex=span.timex if span is not None else res.timex,
                mod=res.mod if span is None else span.mod or res.mod,
                span=span,
                anchor=anchor,
                relative=relative,
                sentence=self.sentence(start),
                rule=res.rule,
                explanation=res.explanation,
                range=whole,
            )
        )

    def take(self, match: PhraseMatch) -> None:
        index = self.sentence(match.start)
        lo, hi = self.bounds[index]
        if not lo <= match.start < match.end <= hi:
            lo, hi = 0, len(self.text)
        core = match.phrase.core
        story = self.story_day() if self.narrative and isinstance(core, Narrative) else None
        try:
            res = resolve_in_context(
                self.text,
                match.start,
                match.end,
                reference=self.reference,
                sentence=(lo, hi),
                anchor=story,
                lang=self.language.code,
                # As the scan read it: with a zone word it found outside the phrase.
                parsed=(match.phrase, 0, match.end - match.start),
            )
        except PhraseError:
            return
        if (
            self._range_end(match, res)
            or self._range(match, res)
            or self._dated_holiday(match, res)
        ):
            return
        fixed = isinstance(core, (Explicit, YearRef, Decade)) or res.type is TimexType.DURATION
        self.add(match.start, match.end, res, res.resolved_span, relative=not fixed)

    def _range(self, match: PhraseMatch, res: Resolution) -> bool:
        span = res.resolved_span
        if span is None or span.granularity is not Granularity.DAY or span.first == span.last:
            return False
        ends = self.language.range_ends(self.text, match)
        if ends is None:
            return False
        (a0, a1), (b0, b1) = ends
        self.add(a0, a1, res, DateSpan.day(span.first, zone=span.zone), whole=span)
        first = len(self.mentions) - 1
        last = DateSpan.day(span.last, zone=span.zone)
        self.add(b0, b1, res, last, anchor=first, whole=span)
        return True

    def _range_end(self, match: PhraseMatch, res: Resolution) -> bool:
        """24日晚至26日: 26日 is the first day 26 on or after the start's day."""
        core = match.phrase.core
        if not isinstance(core, DayOfMonth) or not self.mentions:
            return False
        previous = self.mentions[-1]
        joined = self.text[previous.end : match.start].strip()
        if joined not in _JOINS or previous.span is None:
            return False
        start = previous.span.first
        day = _on_or_after(start, core.day)
        if day is None:
            return False
        span = DateSpan.day(day, zone=previous.span.zone)
        self.add(match.start, match.end, res, span, anchor=len(self.mentions) - 1)
        return True

    def _dated_holiday(self, match: PhraseMatch, res: Resolution) -> bool:
        """今年春节: the year and the holiday, each its own expression."""
        core = match.phrase.core
        span = res.resolved_span
        if not isinstance(core, HolidayRef) or (core.year is None and core.year_step is None):
            return False
        cut = self._year_and_holiday(match)
        if cut is None or span is None:
            return False
        year = DateSpan.unit(Granularity.YEAR, date(span.first.year, 1, 1))
        (y0, y1), (h0, h1) = cut
        self.add(y0, y1, res, year, relative=core.year is None)
        self.add(h0, h1, res, span)
        return True

    def _year_and_holiday(self, match: PhraseMatch) -> tuple[tuple[int, int], ...] | None:
        """Where a dated holiday splits into a year and the holiday, in either order (the
        language's grammar reads each part), if it does."""
        words = match.text
        for cut in range(1, len(words)):
            parts = []
            for lo, hi in ((0, cut), (cut, len(words))):
                try:
                    parts.append(self.language.parse(words[lo:hi])[0].core)
                except PhraseError:
                    break
            if len(parts) == 2 and {type(p) for p in parts} & {HolidayRef}:
                other = next(p for p in parts if not isinstance(p, HolidayRef))
                if isinstance(other, (YearRef, Relative)):
                    start = match.start
                    return (start, start + cut), (start + cut, match.end)
        return None


def _on_or_after(start: date, number: int) -> date | None:
    """The first day numbered ``number`` on or after ``start`` (this month or the next)."""
    for months in (0, 1):
        year, month = divmod(start.month - 1 + months, 12)
        try:
            day = date(start.year + year, month + 1, number)
        except ValueError:
            continue
        if day >= start:
            return day
    return None


def extract_in(text: str, reference: date, language: Language, narrative: bool) -> list[Mention]:
    """Every temporal expression of ``text`` in ``language``, resolved against
    ``reference`` (see the module docstring)."""
    doc = _Document(text, reference, language, narrative)
    for match in language.scan(text):
        doc.take(match)
    return doc.mentions
