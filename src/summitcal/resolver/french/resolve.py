"""Resolving one French phrase on the shared anchoring core."""

from __future__ import annotations

import re
from datetime import date, datetime

from summitcal.resolver.french.grammar import parse
from summitcal.resolver.french.lexicon import fold
from summitcal.resolver.french.names import names
from summitcal.resolver.french.tense import read_cue
from summitcal.resolver.phrase import (
    DayOfMonth,
    DayRange,
    Direction,
    DurationCore,
    MonthDay,
    NumericOrder,
    Phrase,
)
from summitcal.resolver.resolution import Resolution
from summitcal.resolver.resolve import resolve_parsed

__all__ = ["resolve"]

# "le 5 mai dernier", "du 10 au 12 mars prochain": the words place the day themselves.
_SIDE = re.compile(r"\s(dernier|derniere|passe|passee|prochain|prochaine)s?\W*$")
# A clock time's preposition, when the caller's phrase left it out ("15 heures" in
# "à 15 heures"): without it, "15 heures" is an amount.
_AT_BEFORE = re.compile(r"(?:^|\s)(a|vers|des)\s+$")


def _side(text: str, phrase: Phrase, direction: Direction) -> Direction:
    """The direction a day's own "dernier"/"prochain" sets, when the caller set none."""
    if direction is not Direction.AUTO:
        return direction
    if not isinstance(phrase.core, (MonthDay, DayRange, DayOfMonth)):
        return direction
    m = _SIDE.search(fold(text))
    if m is None:
        return direction
    return Direction.PAST if m.group(1).startswith(("d", "pa")) else Direction.FUTURE


def _parsed(text: str, context: str | None) -> tuple[Phrase, int, int]:
    parsed = parse(text)
    core = parsed[0].core
    if not context or not isinstance(core, DurationCore) or core.unit != "hour":
        return parsed
    at = context.find(text.strip())
    before = _AT_BEFORE.search(fold(context[max(0, at - 8) : at])) if at >= 0 else None
    if before is None:
        return parsed
    word = before.group(1)
    phrase, start, end = parse(f"{word} {text}")
    skip = len(word) + 1
    return phrase, start - skip, end - skip


def resolve(
    text: str,
    *,
    reference: date | datetime,
    context: str | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
) -> Resolution:
    """Resolve one French date phrase to an absolute span.

    As :func:`summitcal.resolver.resolve`, for French: the direction comes from the
    tense of the phrase's clause in ``context`` (see
    :func:`~summitcal.resolver.french.read_direction`), names are French names, and an
    all-numeric date is read day first, as French writes it, unless ``order`` says
    otherwise.

    Raises:
        PhraseError: If the text is not a French date phrase, is a name here, or names
            no real date.

    Example::

        >>> from summitcal.resolver import french
        >>> french.resolve("vendredi dernier", reference=date(2022, 3, 11)).timex
        '2022-03-04'
    """
    parsed = _parsed(text, context) if isinstance(text, str) else parse(text)
    return resolve_parsed(
        text,
        parsed,
        reference=reference,
        context=context,
        direction=_side(text, parsed[0], direction),
        order=order or NumericOrder.DAY_FIRST,
        anchor=anchor,
        reader=read_cue,
        names=names,
    )
