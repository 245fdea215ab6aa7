"""Mentions from accepted candidates: a grammar match anchored and tagged as TimeML tags
it (a range as two ends, clock times and their day, "in two weeks"), and the extras."""

from __future__ import annotations

import re
from datetime import date, time

import attrs

from summitcal.errors import PhraseError, TimexError
from summitcal.extraction.extents import (
    DAY_BEFORE_CLOCK,
    RANGES,
    bare_month,
    clock_re,
    duration_extent,
    halves,
    is_relative,
    trailing_zone,
    trim_end,
)
from summitcal.extraction.extras import (
    Extra,
    clock_time,
)
from summitcal.extraction.mention import Mention, TimexType
from summitcal.extraction.narrative import Narrative
from summitcal.resolver import Resolution, resolve_match
from summitcal.resolver.anchor import duration_value
from summitcal.resolver.anchor_base import plus_days
from summitcal.resolver.grammar import RawMatch, RuleKind
from summitcal.resolver.phrase import Offset
from summitcal.resolver.text import Sentence, normalize
from summitcal.span.span import DateSpan, Granularity, Mod

__all__ = ["Builder", "Candidate"]

#: What joins the two clocks of a range in normalised text: "10pm to 6am", "9pm-3am".
_RANGE_JOIN = re.compile(r"\s*(?:-|to|until|till|through)\s*")


@attrs.frozen
class Candidate:
    start: int
    end: int
    rank: int  # lower wins a tie of position and length: extras before grammar rules
    raw: RawMatch | None = None
    extra: Extra | None = None


class Builder:
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

    def grammar(self, cand: Candidate, sentence: Sentence, index: int) -> bool:
        assert cand.raw is not None
        self.zone = trailing_zone(self.norm, cand.raw)
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
            start, mod = duration_extent(self.text, cand.start, cand.end)
            self._one(start, cand.end, res, kind, index, mod=mod or res.mod)
            return True
        span = res.resolved_span
        if (
            span is not None
            and span.granularity in (Granularity.DAY, Granularity.MONTH)
            and is_relative(kind, self.text[cand.start : cand.end])
            and bare_month().fullmatch(normalize(self.text[cand.start : cand.end]))
        ):
            span = self.story.in_year(span, index)
        if span is not None and span.is_timed and self._clocks(cand, res, span, index):
            return True
        if (
            span is not None
            and cand.raw.rule.kind in RANGES
            and span.granularity is Granularity.DAY
            and span.first != span.last
        ):
            parts = halves(self.norm, cand.raw)
            if parts is not None:
                (a0, a1), (b0, b1) = parts
                first = DateSpan.day(span.first, zone=span.zone)
                last = DateSpan.day(span.last, zone=span.zone)
                self._one(a0, a1, res, kind, index, span=first, whole=span)
                self._one(
                    b0, b1, res, kind, index, span=last, anchor=len(self.mentions) - 1, whole=span
                )
                return True
        # The resolution's mod: "late Thursday" has END on the day, which the day's span
        # cannot narrow to.
        self._one(cand.start, cand.end, res, kind, index, span=span, mod=res.mod)
        return True

    def _offset(self, cand: Candidate, core: Offset, res: Resolution, index: int) -> bool:
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

    def _clocks(self, cand: Candidate, res: Resolution, span: DateSpan, index: int) -> bool:
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
        # "between 2pm and 4pm on Monday": the "between" of a clock range is no day.
        between = raw.part("btp")
        lead = between[1] if between is not None and between[0] == cand.start else cand.start
        day_part = DAY_BEFORE_CLOCK.match(normalize(self.text[lead : clocks[0].start()]))
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
        clocks = (clock_re().match(self.norm, start) for start, _ in raw.clocks())
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

    def _story_clock(self, cand: Candidate, res: Resolution, span: DateSpan, index: int) -> bool:
        """A clock time alone, on the day the story is at (or a heading's time stamp)."""
        moved: tuple[DateSpan, int | None] | None = self.story.clock(span, index)
        if self.opens_line(cand.start) and self.story.enabled:
            moved = self.story.stamp(span)  # a live report's or schedule's time
        if moved is None:
            return False
        timed = self._overnight(cand.start, moved[0], index)
        self._one(cand.start, cand.end, res, TimexType.TIME, index, span=timed, anchor=moved[1])
        return True

    def _overnight(self, start: int, span: DateSpan, index: int) -> DateSpan:
        """A clock that ends a range begun by the clock before it ("from 10pm to 6am") on
        the day after, where it would otherwise come before its start."""
        if not self.mentions:
            return span
        before = self.mentions[-1]
        at, begun = span.start_time, before.span.start_time if before.span else None
        if (
            before.type is TimexType.TIME
            and before.sentence == index
            and before.span is not None
            and before.span.first == span.first
            and at is not None
            and begun is not None
            and at <= begun
            and _RANGE_JOIN.fullmatch(self.norm, before.end, start)
        ):
            return DateSpan.at(plus_days(span.first, 1), at, zone=span.zone)
        return span

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
        whole: DateSpan | None = None,
    ) -> None:
        zone = self.zone
        end = trim_end(self.text, start, end_, zone[1] if zone and zone[0] == end_ else None)
        words = self.text[start:end]
        relative = is_relative(kind, words) or anchor is not None
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
                range=whole,
            )
        )

    def extra(self, extra: Extra, index: int) -> bool:
        if extra.rule == "coarse":
            return self._coarse(extra, index)
        if extra.rule == "narrative":
            return self._narrative(extra, index)
        if extra.rule == "period":
            return self._period(extra, index)
        start, mod = extra.start, None
        if extra.rule == "duration":
            start, mod = duration_extent(self.text, extra.start, extra.end)
        how = {
            "ref": "a vague reference to the present, past or future",
            "set": "a recurrence",
            "duration": "an unspecified amount of time",
            "age": "an age, the duration of a life so far",
            "century": "a century named by its ordinal",
            "year": "a year spoken in words",
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

    def _coarse(self, extra: Extra, index: int) -> bool:
        """A coarse part of the publication date's century or decade: "mid-century"."""
        words = self.text[extra.start : extra.end]
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

    def _period(self, extra: Extra, index: int) -> bool:
        """A period of financial news: "third-quarter", "a year earlier"."""
        try:
            span, how = self.story.period_of(extra)
        except (TimexError, ValueError, OverflowError):
            # A quarter or year before the year 1: left out, as what does not resolve.
            return False
        self.add(
            Mention(
                start=extra.start,
                end=extra.end,
                text=self.text[extra.start : extra.end],
                type=TimexType.DATE,
                timex=span.timex,
                span=span,
                relative=True,
                sentence=index,
                rule="period",
                explanation=f"period: {how}",
            )
        )
        return True

    def _narrative(self, extra: Extra, index: int) -> bool:
        """A day of the story: "the next day", "two days later"."""
        words = self.text[extra.start : extra.end]
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
