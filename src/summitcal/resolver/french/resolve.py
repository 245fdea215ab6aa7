"""Resolving one French phrase on the shared anchoring core."""

from __future__ import annotations

import re
from datetime import date, datetime

from summitcal.resolver.french.grammar import parse
from summitcal.resolver.french.lexicon import fold
from summitcal.resolver.phrase import (
    Direction,
    NumericOrder,
    Phrase,
)
from summitcal.resolver.resolution import Resolution
from summitcal.resolver.resolve import resolve_parsed

__all__ = ["resolve"]

# Words before a bare "12 heures" that make it an amount of time ("ont duré 12 heures",
# "un retard de 12 heures"): alone, or after "à", it is a clock time.
_FOR_BEFORE = re.compile(
    r"(?:^|\s)(?:pendant|durant|depuis|en|pour|dans|dure|dur[ée]|durera|dureront|durent"
    r"|environ|(?<!partir )de)\s+$"
)
_BARE_HOURS = re.compile(r"\d{1,2}\s*heures?")


def _parsed(text: str, context: str | None) -> tuple[Phrase, int, int]:
    """The phrase as parsed, or as an amount of hours where its sentence says so."""
    parsed = parse(text)
    if not context or _BARE_HOURS.fullmatch(text.strip()) is None:
        return parsed
    at = context.find(text.strip())
    if at < 0 or _FOR_BEFORE.search(fold(context[max(0, at - 16) : at])) is None:
        return parsed
    phrase, start, end = parse(f"pendant {text}")
    skip = len("pendant ")
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
    all-numeric date is read day first, as French writes it (``order`` is not used).
    Besides what ``summitcal.resolve(..., lang="fr")`` reads, a bare "12 heures" is an
    amount of time where the sentence says so ("ont duré 12 heures").

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
        direction=direction,
        order=order,
        anchor=anchor,
        lang="fr",
    )
