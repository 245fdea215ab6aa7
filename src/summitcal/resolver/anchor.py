"""Anchoring: a parsed phrase, a reference date and a direction give an absolute span.

Every rule here is one of the conventions written in docs/resolver.md; each returns the
span and a short explanation of the rule and the anchor used.  Nothing here reads the clock.

Example::

    >>> from summitcal.resolver.grammar import parse
    >>> anchor(parse("on Friday")[0], date(2025, 2, 9), Direction.PAST).span.first
    datetime.date(2025, 2, 7)
"""

from __future__ import annotations

from datetime import date

import attrs

from summitcal.errors import PhraseError
from summitcal.resolver.anchor_base import (
    ORDER_HINT,
    Anchored,
    Context,
    Failure,
    Parts,
    add_months,
    duration_value,
    plus_days,
)
from summitcal.resolver.anchor_days import DAY_LABELS, checked_day
from summitcal.resolver.anchor_rules import RULES, SPANLESS, astronomical_value, span_of
from summitcal.resolver.explain import Why
from summitcal.resolver.phrase import (
    DayWord,
    Direction,
    MonthDay,
    NumericOrder,
    Phrase,
    SeasonRef,
    Weekday,
)
from summitcal.span.span import DateSpan, PartOfDay

#: The rule whose clock times lie on two days ("Monday 9am to Wednesday noon").
TIMED_RANGE = "day and time range"

__all__ = [
    "ORDER_HINT",
    "Anchored",
    "Parts",
    "add_months",
    "anchor",
    "anchor_parts",
    "duration_value",
]


# --- entry point --------------------------------------------------------------------------------


def anchor(
    phrase: Phrase,
    reference: date,
    direction: Direction,
    *,
    order: NumericOrder | None = None,
    context_year: int | None = None,
    label: Why | None = None,
    text: str = "",
    narrative: date | None = None,
) -> Anchored:
    """Anchor ``phrase`` to ``reference`` in ``direction``.

    Args:
        phrase: What the grammar parsed.
        reference: The publication date.
        direction: PAST, FUTURE or NEAREST (AUTO must be decided before).
        order: How to read an all-numeric date.
        context_year: A year named elsewhere in the sentence ("the following year").
        label: How to name the direction in explanations (default: its value).
        text: The phrase as written, for error messages.
        narrative: The day the story is at, from which "the next day" and "two days
            later" count (default: ``reference``).

    Raises:
        PhraseError: If the phrase names no real date (an ambiguous numeric date, a day
            the month lacks, a weekday that does not match the date).
    """
    return Anchored(
        *anchor_parts(phrase, reference, direction, order, context_year, label, text, narrative)
    )


def anchor_parts(
    phrase: Phrase,
    reference: date,
    direction: Direction,
    order: NumericOrder | None,
    context_year: int | None,
    label: Why | None,
    text: str,
    narrative: date | None,
    seasons: str = "meteorological",
) -> Parts:
    """:func:`anchor` with every argument in place, giving the fields of its
    :class:`Anchored` as a plain tuple (the resolver's path: one per phrase)."""
    if direction is Direction.AUTO:
        raise ValueError("decide the direction before anchoring")
    ctx = Context(
        reference,
        direction,
        order,
        context_year,
        label or direction.value,
        narrative if narrative is not None else reference,
        seasons,
    )
    core = phrase.core
    rule = RULES.get(type(core))
    if rule is None:  # a duration, a set or a vague reference: no span
        return SPANLESS[type(core)](core, reference)
    try:
        kind = "DATE"
        if phrase.part_of_day is None and phrase.start_time is None:
            span, how = rule(core, ctx, phrase.mod)
        else:
            kind = "TIME"
            last = None
            if type(core) in DAY_LABELS:  # a plain day: no need to build its span first
                assert isinstance(core, (Weekday, DayWord, MonthDay))
                day, how = checked_day(core, ctx)
            else:
                day_span, how = span_of(core, ctx, phrase.mod)
                day = day_span.first
                last = day_span.last
                if last != day and phrase.rule != TIMED_RANGE:
                    raise Failure("a time of day needs a single day")
            if phrase.part_of_day is not None:
                span = DateSpan.part(day, PartOfDay(phrase.part_of_day))
            else:
                start, end = phrase.start_time, phrase.end_time
                assert start is not None
                if end is not None and last is None and end <= start:
                    # "from 10pm to 2am": the end is the first such time after the start
                    last = plus_days(day, 1)
                span = DateSpan.at(day, start, end=end, last=last)
        if phrase.mod is not None and not phrase.mod.narrows:
            span = attrs.evolve(span, mod=phrase.mod)
        if phrase.zone is not None:
            span = span.with_zone(phrase.zone)
            how = ("{}; zone {} kept, date not shifted", how, phrase.zone)
    except Failure as exc:
        raise PhraseError(text, exc.reason, 0) from None
    except ValueError as exc:
        raise PhraseError(text, str(exc), 0) from None
    if type(core) is SeasonRef and ctx.seasons == "astronomical":
        return span, astronomical_value(core, span), kind, how, None
    return span, span.timex, kind, how, None
