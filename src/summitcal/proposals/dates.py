"""The dated mentions of an article that may date an event: one per date, a range as one.

Extraction tags a range's two ends apart ("from <Sunday> to <Wednesday>") and gives each
the whole range (:attr:`~summitcal.extraction.mention.Mention.range`); here they are one
:class:`Dated`, whose phrase runs from the first end to the second.  Durations, sets and
the vague ``*_REF`` values date no event and are left out.  "The same day", which
extraction reads as the publication date when the sentence before it gives no day, is
the day the article last gave, a few sentences back at most.  A date's sentence is read
within 400 characters either side of it, as the resolver reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from summitcal.extraction.mention import Mention, TimexType
from summitcal.resolver.tense import within_reach
from summitcal.resolver.text import Sentence
from summitcal.span.span import DateSpan

__all__ = ["Dated", "dated_mentions"]


@attrs.frozen
class Dated:
    """A date of the article: its days, the phrase as written (``start``/``end`` into
    the article), the mentions it is made of, and the sentence that holds it."""

    span: DateSpan
    start: int
    end: int
    phrase: str
    mentions: tuple[Mention, ...]
    sentence: Sentence


def _sentence_of(sentences: Sequence[Sentence], at: int) -> Sentence:
    for s in sentences:
        if s.start <= at < s.end:
            return s
    return min(sentences, key=lambda s: min(abs(s.start - at), abs(s.end - at)))


def _near(sentence: Sentence, start: int, end: int) -> Sentence:
    """The sentence, cut to :data:`~summitcal.resolver.tense.REACH` characters either
    side of the date at ``start..end`` (article offsets), as the resolver reads it: so a
    text without full stops costs time in proportion to its length."""
    lo, hi = within_reach(
        sentence.text, 0, len(sentence.text), start - sentence.start, end - sentence.start
    )
    if (lo, hi) == (0, len(sentence.text)):
        return sentence
    return Sentence(sentence.start + lo, sentence.start + hi, sentence.text[lo:hi])


def dated_mentions(
    text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence]
) -> list[Dated]:
    """The dates of ``text`` that may date an event, in order."""
    out: list[Dated] = []
    for m in mentions:
        if m.type not in (TimexType.DATE, TimexType.TIME) or m.span is None:
            continue
        previous = out[-1] if out else None
        if (
            m.range is not None
            and previous is not None
            and previous.span == m.range
            and 0 <= m.start - previous.end <= 12
        ):
            out[-1] = attrs.evolve(
                previous,
                end=m.end,
                phrase=text[previous.start : m.end],
                mentions=(*previous.mentions, m),
            )
            continue
        span = m.range if m.range is not None else m.span
        sentence = _near(_sentence_of(sentences, m.start), m.start, m.end)
        if _SAME_DAY.fullmatch(m.text) and m.anchor is None and previous is not None:
            span = _same_day(previous, sentence, sentences) or span
        out.append(Dated(span, m.start, m.end, m.text, (m,), sentence))
    return out


# "The same day", "that same day": the day the article last gave, when extraction,
# finding none in the sentence before, fell back on the publication date.
_SAME_DAY = re.compile(r"(?:the|that)\s+(?:very\s+|same\s+)?day", re.I)

#: How many sentences back "the same day" may find its day.
_SAME_DAY_REACH = 3


def _same_day(
    previous: Dated, sentence: Sentence, sentences: Sequence[Sentence]
) -> DateSpan | None:
    """The day of ``previous`` when it is a single day at most a few sentences back."""
    if previous.span.first != previous.span.last:
        return None
    starts = [s.start for s in sentences]
    back = sum(previous.sentence.start <= at < sentence.start for at in starts)
    if back > _SAME_DAY_REACH:
        return None
    return DateSpan.day(previous.span.first, zone=previous.span.zone)
