"""``extract``: every temporal expression in an article, found and resolved.

Extraction sits on top of the resolver.  The resolver's grammar finds the calendar phrases
(:func:`summitcal.resolve.grammar.matches`) and :func:`summitcal.resolve.resolve` values
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
from collections.abc import Iterator
from datetime import date, datetime

import attrs

from summitcal.errors import PhraseError
from summitcal.extract.extras import DURATION_MODS, OUTSIDE_MODS, Extra, find_extras
from summitcal.extract.mention import Mention, TimexType
from summitcal.extract.narrative import Narrative
from summitcal.extract.sentences import Sentence, split_sentences
from summitcal.resolve import Resolution, resolve
from summitcal.resolve.grammar import RawMatch, matches
from summitcal.resolve.lexicon import lexicon
from summitcal.resolve.normalize import normalize
from summitcal.resolve.phrase import YearRef
from summitcal.span import DateSpan, Granularity, Mod

__all__ = ["extract"]

# How far around a trigger word the grammar looks (the longest phrases, such as "from
# Tuesday, February 11, to Thursday, February 13", fit within it on either side).
_MARGIN = 48
_LEADING_PREPOSITION = re.compile(r"(?:for|within|over|during|in|after|since|by)\s+")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)\d{4}(?!\d)")
_RANGE_SPLIT = re.compile(
    r"(?P<a>.*?[^\s,])\s*,?\s*(?:-|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)"
    r"\s*(?P<b>\S.*)"
)


def _alternation(words: object) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@functools.cache
def _trigger() -> re.Pattern[str]:
    """Words (or a digit) without which no temporal expression can stand."""
    lex = lexicon()
    words: set[str] = set()
    words |= set(lex.weekdays) | set(lex.months) | set(lex.seasons)
    words |= set(lex.units) | set(lex.parts_of_day) | set(lex.day_parts)
    words |= set(lex.clock_words) | set(lex.sets)
    words |= {w for name in lex.holidays for w in name.split() if len(w) > 3}
    words |= {"today", "tomorrow", "yesterday", "tonight", "weekend", "weekends"}
    words |= {"now", "currently", "nowadays", "recently", "past", "future", "soon", "coming"}
    words |= {"annual", "annually", "once", "twice", "thrice", "seconds", "second"}
    words |= {"centuries", "century", "half", "q1", "q2", "q3", "q4", "h1", "h2"}
    words |= {"twenties", "thirties", "forties", "fifties", "sixties", "seventies"}
    words |= {"eighties", "nineties", "noon", "day", "days"}
    return re.compile(rf"\d|(?<![\w])(?:{_alternation(words)})(?!\w)")


def _windows(norm: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Stretches of a sentence around its trigger words, merged, snapped to spaces."""
    out: list[tuple[int, int]] = []
    for m in _trigger().finditer(norm, sentence.start, sentence.end):
        lo = max(sentence.start, m.start() - _MARGIN)
        hi = min(sentence.end, m.end() + _MARGIN)
        while lo > sentence.start and not norm[lo - 1].isspace():
            lo -= 1
        while hi < sentence.end and not norm[hi].isspace():
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


def _candidates(norm: str, sentence: Sentence) -> list[_Candidate]:
    found: dict[tuple[int, int, int], _Candidate] = {}
    for lo, hi in _windows(norm, sentence):
        for e in find_extras(norm, lo, hi):
            found.setdefault((e.start, e.end, 0), _Candidate(e.start, e.end, 0, extra=e))
        for raw in matches(norm, lo, hi):
            core = raw.phrase.core
            if isinstance(core, YearRef) and raw.preposition is None and raw.phrase.mod is None:
                continue  # a bare four-digit number is more often a count than a year
            found.setdefault((raw.start, raw.end, 1), _Candidate(raw.start, raw.end, 1, raw=raw))
    return sorted(found.values(), key=lambda c: (c.start, c.start - c.end, c.rank))


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


def _duration_extent(text: str, start: int, end: int) -> tuple[int, Mod | None]:
    """Move a duration's start past a preposition and over an amount word before it."""
    m = _LEADING_PREPOSITION.match(normalize(text[start:end]))
    if m is not None and start + m.end() < end:
        start += m.end()
    window = max(0, start - 24)
    before = normalize(text[window:start])
    for pattern, mod in _OUTSIDE_MODS:  # "a little over": said before, kept outside
        if pattern.search(before):
            return start, mod
    for pattern, mod in _INSIDE_MODS:
        found = pattern.search(before)
        if found is not None:
            return window + found.start(1), mod
    return start, None


def _trim_stop(text: str, start: int, end: int) -> int:
    """Leave a sentence's full stop out of a phrase ("on Friday." ends before the dot)."""
    if end - start > 1 and text[end - 1] == ".":
        last_word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
        if len(last_word.rstrip(".")) > 4 or last_word[-1:].isdigit():
            return end - 1
    return end


def _is_relative(kind: TimexType, text: str) -> bool:
    return kind in (TimexType.DATE, TimexType.TIME) and not _YEAR_IN_TEXT.search(text)


def _split_range(
    text: str, start: int, end: int, span: DateSpan
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    m = _RANGE_SPLIT.fullmatch(normalize(text[start:end]))
    if m is None:
        return None
    a = (start, start + m.end("a"))
    b = (start + m.start("b"), end)
    return a, b


class _Builder:
    """Turns accepted candidates of one document into mentions, in text order."""

    def __init__(self, text: str, reference: date, narrative: bool) -> None:
        self.text = text
        self.reference = reference
        self.mentions: list[Mention] = []
        self.story = Narrative(reference, enabled=narrative)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.story.saw(mention, len(self.mentions) - 1)

    def grammar(self, cand: _Candidate, sentence: Sentence, index: int) -> bool:
        assert cand.raw is not None
        words = self.text[cand.start : cand.end]
        try:
            res = resolve(words, reference=self.reference, context=sentence.text)
        except PhraseError:
            return False
        kind = TimexType(res.type.value)
        if kind is TimexType.DURATION:
            start, mod = _duration_extent(self.text, cand.start, cand.end)
            self._one(start, cand.end, res, kind, index, mod=mod or res.mod)
            return True
        span = res.resolved_span
        if cand.raw.rule.name == "clock time" and span is not None and span.is_timed:
            moved = self.story.clock(span)
            if moved is not None:
                new_span, anchor = moved
                self._one(cand.start, cand.end, res, kind, index, span=new_span, anchor=anchor)
                return True
        if (
            span is not None
            and "range" in cand.raw.rule.name
            and span.granularity is Granularity.DAY
            and span.first != span.last
        ):
            parts = _split_range(self.text, cand.start, cand.end, span)
            if parts is not None:
                (a0, a1), (b0, b1) = parts
                first = DateSpan.day(span.first, zone=span.zone)
                last = DateSpan.day(span.last, zone=span.zone)
                self._one(a0, a1, res, kind, index, span=first)
                self._one(b0, b1, res, kind, index, span=last, anchor=len(self.mentions) - 1)
                return True
        self._one(cand.start, cand.end, res, kind, index, span=span)
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
        end = _trim_stop(self.text, start, end_)
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
        if extra.rule == "narrative":
            span, anchor, how = self.story.resolve(extra)
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
    for cand in _candidates(norm, sentence):
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
    builder = _Builder(text, _reference_day(reference), narrative)
    norm = normalize(text)
    for index, sentence in enumerate(split_sentences(text)):
        for _ in _accepted(norm, sentence, builder, index):
            pass
    return builder.mentions
