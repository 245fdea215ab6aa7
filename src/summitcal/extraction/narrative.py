"""Narrative anchoring: the day an article is talking about.

News copy moves its story along with words that name no day of their own: "the next day",
"the previous day", "two days later", "that evening", "later in the day", or a bare clock
time ("at 11 p.m.").  TimeML anchors each of these on the date under discussion: the last
single day the text has named, or the publication date before any has been named.
:class:`Narrative` follows that date through one document, in text order::

    >>> from datetime import date
    >>> story = Narrative(date(2025, 2, 9))
    >>> story.current
    datetime.date(2025, 2, 9)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs

from summitcal.extraction.extras import Extra
from summitcal.extraction.mention import Mention, TimexType
from summitcal.span.span import DateSpan, Granularity, PartOfDay, day_shifted

__all__ = ["Narrative"]

_ONE_DAY = (Granularity.DAY, Granularity.TIME, Granularity.PART_OF_DAY)
_COARSE = (Granularity.DECADE, Granularity.CENTURY)
_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DEICTIC = re.compile(
    r"\b(?:last|next|this|ago|coming|past|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE
)


class Narrative:
    """The date under discussion in one document.

    Args:
        reference: The publication date, the anchor until the text names a day.
        enabled: When false, every narrative expression counts from the publication date
            and clock times stay on the day the resolver gave them.
    """

    def __init__(self, reference: date, *, enabled: bool = True) -> None:
        self.reference = reference
        self.enabled = enabled
        self.current = reference
        self.index: int | None = None  # the mention that named it; None: the publication date
        self.sentence = -1  # the sentence it was named in
        self.end = -1  # where that mention ends in the text
        self.heading: tuple[date, int] | None = None  # the last day that opened a line
        self.year: tuple[int, int] | None = None  # the last year written out, its sentence
        self.period: DateSpan | None = None  # the last ended quarter named: reported on
        self.named: DateSpan | None = None  # the last quarter named, ended or not

    def saw_heading(self, mention: Mention, index: int) -> None:
        """Note a mention that opens a line: a single day there heads what follows it
        (a schedule's "Saturday, July 26"), as the clock times under it are on that day."""
        span = mention.span
        if (
            self.enabled
            and span is not None
            and mention.type is TimexType.DATE
            and span.granularity is Granularity.DAY
        ):
            self.heading = (span.first, index)

    def stamp(self, span: DateSpan) -> tuple[DateSpan, int | None]:
        """A clock time that opens a line (a live report's "10:30 –" or a schedule's
        "9:00 Opening ceremony"): on the day heading it, or on the publication date."""
        if self.heading is None:
            day, index = self.reference, None
        else:
            day, index = self.heading
        return attrs.evolve(span, first=day, last=day), index

    def saw(self, mention: Mention, index: int) -> None:
        """Note a mention; a single day it names becomes the date under discussion, and
        a year written out in it the year under discussion."""
        span = mention.span
        if (
            self.enabled
            and span is not None
            and span.granularity not in _COARSE
            and _YEAR_WRITTEN.search(mention.text)
        ):
            self.year = (span.last.year, mention.sentence)
        elif self.year is not None and mention.relative and _DEICTIC.search(mention.text):
            self.year = None  # "last month", "this year": the publication date again
        if (
            self.enabled
            and span is not None
            and span.granularity is Granularity.QUARTER
            and mention.rule != "period"
        ):
            self.named = span
        if self.named is span and span is not None and span.last < self.reference:
            # Only a quarter that has ended is reported on; "fourth-quarter sales are
            # expected to fall" looks ahead and leaves the period as it was.
            self.period = span
        if (
            self.enabled
            and span is not None
            and mention.type in (TimexType.DATE, TimexType.TIME)
            and span.granularity in _ONE_DAY
            and span.first == span.last
        ):
            self.current = span.first
            self.index = index
            self.sentence = mention.sentence
            self.end = mention.end

    def focus(self, sentence: int) -> tuple[date, int | None]:
        """The date under discussion for a phrase in ``sentence``, and its mention.

        A day named in this sentence or the one before stays in focus; further back, the
        article has moved on and the publication date is the anchor again.
        """
        if self.index is not None and sentence - self.sentence <= 1:
            return self.current, self.index
        return self.reference, None

    def resolve(
        self, extra: Extra, sentence: int, gap: str | None = None
    ) -> tuple[DateSpan, int | None, str]:
        """The span of a narrative expression, the mention it is anchored to, and why.

        Args:
            extra: The expression.
            sentence: The index of its sentence.
            gap: The text between the last dated mention and the expression; a comma
                alone makes "the day before" an apposition that restates that day.

        Returns:
            The span; the index of the anchoring mention (``None`` for the publication
            date); an explanation.

        Raises:
            TimexError: If the day lies outside the calendar ("the next day" from
                9999-12-31).
        """
        current, index = self.focus(sentence)
        if extra.unit == "year":
            return self._that_year(current, index, sentence)
        days = extra.days
        if extra.apposition and index is not None and gap is not None and gap.strip() == ",":
            days = 0
        day = day_shifted(current, days)
        if extra.weekday is not None:
            # "that Tuesday": the Tuesday nearest the date under discussion.
            ahead = (extra.weekday - day.weekday()) % 7
            day = day_shifted(day, ahead if ahead <= 3 else ahead - 7)
        if extra.clock is not None:
            span = DateSpan.at(day, extra.clock)
        elif extra.part is not None:
            span = DateSpan.part(day, PartOfDay(extra.part))
        else:
            span = DateSpan.day(day)
        base = "the publication date" if index is None else "the date under discussion"
        shift = f"{days:+d} day(s) from " if days else ""
        if extra.apposition and days == 0:
            shift = "in apposition to "
        how = f"narrative: {shift}{base} ({current.isoformat()})"
        return span, index, how

    def _that_year(
        self, current: date, index: int | None, sentence: int
    ) -> tuple[DateSpan, int | None, str]:
        """ "That year", "later that year": the year last written out, within two
        sentences; else the year of the date under discussion."""
        if self.enabled and self.year is not None and sentence - self.year[1] <= 2:
            year, how = self.year[0], "the year written before"
        else:
            year = current.year
            how = (
                "the year of the publication date" if index is None else "the year under discussion"
            )
        return DateSpan.unit(Granularity.YEAR, date(year, 1, 1)), index, f"narrative: {how}"

    def period_of(self, extra: Extra) -> tuple[DateSpan, str]:
        """The span of a period of financial news, and why.

        ``extra.value`` says which: ``nth``, quarter ``extra.days`` of the publication
        year (of the year before when that quarter has not begun), which becomes the
        quarter under discussion; ``nth-ago``, that quarter a year before; ``nth-year``,
        quarter ``extra.days`` of the year ``extra.unit``; ``current``, the quarter of
        the publication date; ``latest``, the quarter under discussion if it has ended,
        else the last quarter ended; ``written``, the quarter under discussion in the
        year ``extra.unit``; ``same``, the quarter
        under discussion (else the last quarter ended before publication); ``whole``, the
        year of the quarter under discussion (else the publication year); ``ago``, that
        quarter a year before (else the year before publication's), or the year before
        when ``extra.unit`` is ``year`` (the sentence reports on months or a year).
        """
        ref = self.reference
        month = (extra.days - 1) * 3 + 1
        if extra.value in ("nth", "nth-ago"):
            year = ref.year if month <= ref.month else ref.year - 1
            if extra.value == "nth-ago":
                year -= 1
            span = DateSpan.unit(Granularity.QUARTER, date(year, month, 1))
            if extra.value == "nth":
                self.named = span
                if span.last < ref:  # only an ended quarter is the period reported on
                    self.period = span
            return span, "that quarter of the publication year" + (
                ", a year before" if extra.value == "nth-ago" else ""
            )
        if extra.value == "nth-year":
            return DateSpan.unit(Granularity.QUARTER, date(int(extra.unit), month, 1)), "as written"
        period = self.period if self.enabled else None
        current = DateSpan.unit(Granularity.QUARTER, ref)
        ended = DateSpan.unit(Granularity.QUARTER, current.first - timedelta(days=1))
        if extra.value == "current":
            return current, "the quarter of the publication date"
        if extra.value == "latest":  # the period reported on, if it has ended
            if period is not None and period.last < ref:
                return period, "the quarter under discussion"
            return ended, "the last quarter ended"
        if extra.value == "written":  # "the 1988 quarter": the quarter last named, then
            year = int(extra.unit)
            period = self.named if self.enabled else None
            if period is None:
                return DateSpan.unit(Granularity.YEAR, date(year, 1, 1)), "the year written"
            start = period.first.replace(year=year)
            return DateSpan.unit(Granularity.QUARTER, start), "the quarter under discussion"
        if extra.value == "whole":  # "for the year", "the fiscal year": the year reported on
            if period is not None:
                return DateSpan.unit(Granularity.YEAR, period.first), "the year under discussion"
            return DateSpan.unit(Granularity.YEAR, ref), "the year of the publication date"
        if extra.value == "same":
            if period is not None:
                return period, "the quarter under discussion"
            return ended, "the last quarter ended"
        if extra.unit == "year":  # "for the nine months ... a year earlier"
            year = (period.first if period is not None else ref).year - 1
            why = "the year before the year under discussion"
            return DateSpan.unit(Granularity.YEAR, date(year, 1, 1)), why
        if period is not None:
            before = period.first.replace(year=period.first.year - 1)
            why = "the quarter under discussion, a year before"
            return DateSpan.unit(Granularity.QUARTER, before), why
        why = "the year before publication"
        return DateSpan.unit(Granularity.YEAR, date(ref.year - 1, 1, 1)), why

    def in_year(self, span: DateSpan, sentence: int) -> DateSpan:
        """A month or a month and day without a year ("on 1 and 2 November", "in March"),
        moved into the year the same sentence has written out before it ("In 2023 ...
        on 1 and 2 November"); unchanged when there is none, or when a phrase counting
        from the publication date ("last month") came in between."""
        if not self.enabled or self.year is None or sentence != self.year[1]:
            return span
        year = self.year[0]
        if span.first.year == year or span.first.year != span.last.year:
            return span
        try:
            return attrs.evolve(
                span, first=span.first.replace(year=year), last=span.last.replace(year=year)
            )
        except ValueError:  # 29 February in a common year: the resolver's reading stands
            return span

    def clock(self, span: DateSpan, sentence: int) -> tuple[DateSpan, int] | None:
        """A bare clock time moved onto the date under discussion, with its anchor.

        Returns:
            ``None`` when no day is in focus (the publication date stands).
        """
        current, index = self.focus(sentence)
        if not self.enabled or index is None:
            return None
        moved = attrs.evolve(span, first=current, last=current)
        return moved, index
