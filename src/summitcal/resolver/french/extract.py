"""French phrases in running text: found (:func:`find`), resolved where they stand
(:func:`resolve_at`), and tagged as TimeML tags them (:func:`timexes`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import attrs

from summitcal.errors import PhraseError
from summitcal.resolver.french.grammar import Match, matches
from summitcal.resolver.french.lexicon import fold
from summitcal.resolver.french.names import names
from summitcal.resolver.phrase import (
    Direction,
    DurationCore,
    Narrative,
    NumericOrder,
    Phrase,
    YearRef,
)
from summitcal.resolver.resolution import PhraseMatch, Resolution
from summitcal.resolver.resolve import resolve_in_context

__all__ = ["Timex", "find", "range_ends", "resolve_at", "scan", "timexes"]

#: Prepositions before a bare year that make it a date ("en 2019", "depuis 2020"); a year
#: with none is more often a number ("2019 voix").
_YEAR_PREPOSITIONS = frozenset(
    {"en", "depuis", "d'ici", "avant", "apres", "jusqu'en", "des", "a partir de", "pour", "vers"}
)
#: Words after "le 11" that leave it a day of the month ("se réunira le 28 pour désigner").
_AFTER_DAY = frozenset(
    {"a", "au", "aux", "et", "ou", "pour", "dans", "en", "par", "avec", "sur", "contre"}
    | {"puis", "mais"}
)


def _kept(text: str, match: Match) -> bool:
    """Whether a match found in running text is a date there (not a name, a count or a
    bare number)."""
    phrase = match.phrase
    core = phrase.core
    if isinstance(core, YearRef) and phrase.mod is None:
        prep = " ".join((match.preposition or "").split())
        if prep not in _YEAR_PREPOSITIONS and not text[match.start : match.end].startswith("l'"):
            return False
    if match.rule == "day of the month":
        after = text[match.end : match.end + 12].lstrip()
        word = fold(after.split(" ", 1)[0]) if after else "."
        if after and word not in _AFTER_DAY and after[0] not in ",.;:)»-":
            return False
    if isinstance(core, DurationCore) and core.count == 1 and core.unit == "day":
        return False  # "un jour": some day, no amount
    return names(text, match.start, match.end, phrase) is None


def _found(text: str) -> Iterator[Match]:
    for match in matches(text):
        if _kept(text, match):
            yield match


def find(text: str) -> Iterator[tuple[int, int]]:
    """The French date phrases in ``text``, as ``(start, end)`` offsets, left to right.

    Each is a phrase :func:`~summitcal.resolver.french.parse` reads whole, its
    preposition left out ("en <mai dernier>", "à <15 h 30>"); a phrase that names two
    days is given whole ("du <dimanche au mercredi>", "les <15 et 16 mars>"), and
    :func:`timexes` tags its days apart.  Names ("rue du Quatre-Septembre", "la planète
    Mars"), bare numbers and scores are left out.

    Example::

        >>> text = "Le sommet s'est ouvert lundi et s'achèvera mardi 11 février."
        >>> [text[s:e] for s, e in find(text)]
        ['lundi', 'mardi 11 février']
    """
    for match in _found(text):
        yield match.start, match.end


def scan(text: str) -> Iterator[PhraseMatch]:
    """The phrases of :func:`find`, as the registry's
    :class:`~summitcal.resolver.resolution.PhraseMatch` (offsets, words, rule, meaning)."""
    for match in _found(text):
        start, end = match.start, match.end
        yield PhraseMatch(start, end, text[start:end], match.rule, match.phrase)


def range_ends(text: str, match: PhraseMatch) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two days of a range as TimeML tags them ("les <15> et <16 mars>", "du
    <dimanche> au <mercredi>"), as offsets into ``text``; ``None`` for a phrase that names
    no two days."""
    for found in matches(text[match.start : match.end]):
        if found.parts and found.start == 0:
            (a0, a1), (b0, b1) = found.parts
            return (match.start + a0, match.start + a1), (match.start + b0, match.start + b1)
    return None


def resolve_at(
    text: str,
    start: int,
    end: int,
    *,
    reference: date | datetime,
    parsed: tuple[Phrase, int, int] | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
) -> Resolution:
    """Resolve the French phrase at ``text[start:end]``, read in its own sentence.

    Args:
        text: A sentence or a whole article.
        start: Where the phrase starts.
        end: Where it ends.
        reference: The publication date.
        parsed: The phrase as already parsed (offsets within ``text[start:end]``);
            parsed here if not given.
        direction: As for :func:`~summitcal.resolver.french.resolve`.
        order: As for :func:`~summitcal.resolver.french.resolve` (day first by default).
        anchor: The day the story is at ("le lendemain" counts from it).

    Raises:
        PhraseError: If the phrase is no date there, or the offsets lie outside the text.
    """
    return resolve_in_context(
        text,
        start,
        end,
        reference=reference,
        direction=direction,
        order=order,
        anchor=anchor,
        lang="fr",
        parsed=parsed,
    )


@attrs.frozen
class Timex:
    """A temporal expression of a French text, as TimeML tags it.

    Attributes:
        start: Where it starts in the text.
        end: Where it ends.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        timex: The TIMEX3 value.
        mod: The TIMEX3 mod, if any.
    """

    start: int
    end: int
    type: str
    timex: str
    mod: str | None = None


def timexes(text: str, *, reference: date | datetime) -> list[Timex]:
    """Every temporal expression in the French ``text``, resolved and tagged as TimeML
    tags them: prepositions outside, a phrase that names two days as two tags ("les
    <15> et <16 mars>", "de <mercredi> à <samedi>"), and a clock time without a day on
    the day the article last named.

    Args:
        text: An article (or any French text).
        reference: Its publication date.

    Returns:
        The tags, in text order.  A phrase that cannot be resolved where it stands is
        left out.
    """
    found: list[Timex] = []
    story_day: date | None = None
    for match in _found(text):
        phrase = match.phrase
        try:
            res = resolve_at(
                text,
                match.start,
                match.end,
                reference=reference,
                parsed=(phrase, 0, match.end - match.start),
                # a clock time alone ("à 21 heures") is on the day the text last named
                anchor=story_day if isinstance(phrase.core, Narrative) else None,
            )
        except PhraseError:
            continue
        kind = str(res.type)
        mod = None if res.mod is None else res.mod.value
        if match.parts and res.resolved_span is not None:
            span = res.resolved_span
            (a0, a1), (b0, b1) = match.parts
            found.append(Timex(a0, a1, kind, span.first.isoformat()))
            found.append(Timex(b0, b1, kind, span.last.isoformat()))
            story_day = span.last  # as extraction: the story is at the range's last day
            continue
        value = res.timex
        day_span = res.resolved_span
        if day_span is not None and day_span.first == day_span.last:
            story_day = day_span.first
        found.append(Timex(match.start, match.end, kind, value, mod))
    return found
