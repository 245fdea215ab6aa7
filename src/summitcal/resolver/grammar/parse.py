"""Parsing one phrase: the fixed-expression table first, then the patterns."""

from __future__ import annotations

from summitcal.resolver.grammar.fixed import fixed_group, fixed_groups, one_word_prepositions
from summitcal.resolver.grammar.match import bounds, parse_by_rules
from summitcal.resolver.memo import per_phrase_parse
from summitcal.resolver.phrase import Phrase
from summitcal.resolver.text import normalize

__all__ = ["FixedFound", "fixed_lookup", "is_fixed", "parse"]


@per_phrase_parse
def parse(text: str) -> tuple[Phrase, int, int]:
    """Parse ``text`` as one date phrase (the whole text must be the phrase).

    Parsing is pure, and news repeats its phrases ("on Friday", "last year"), so results
    are kept in a bounded cache (:func:`~summitcal.resolver.memo.clear_caches` empties it).

    Returns:
        The phrase, and where it starts and ends in ``text`` (a leading preposition such
        as "on" and surrounding spaces or punctuation are left out).

    Raises:
        PhraseError: If no rule matches the whole text, or the words name no date; the
            position points at the first word no rule could place.
    """
    norm = normalize(text)
    lo, hi = bounds(norm)
    # A fixed expression ("last year", "on Friday") is looked up: see grammar.fixed.
    known = _fixed(norm[lo:hi])
    if known is None:
        return parse_by_rules(text, norm, lo, hi)
    phrase, start, stop = known
    return phrase, start + lo, stop + lo


def _fixed(body: str) -> tuple[Phrase, int, int] | None:
    """The fixed-expression table's reading of ``body`` (offsets within it), if any: the
    body itself, or what follows a single-word preposition."""
    found = fixed_lookup(body)
    return None if found is None else found[0]


#: A phrase found in the fixed-expression table: what the grammar reads it as (offsets
#: within the text looked up), the group it is in (see :func:`~.fixed.fixed_groups`), its
#: key there, and the single-word preposition before the key ("" if none).  A plain
#: tuple: one is made for most phrases read.
FixedFound = tuple[tuple[Phrase, int, int], tuple[str, int], str, str]


def fixed_lookup(body: str) -> FixedFound | None:
    """The fixed-expression table's reading of ``body`` (normalised, without surrounding
    spaces and punctuation), if it is there: the body itself, or what follows a
    single-word preposition."""
    head, _, rest = body.partition(" ")
    group = (head, body.count(" ") + 1)
    known = _fixed_entry(group, body)
    if known is not None:
        return known, group, body, ""
    if head in one_word_prepositions():
        group = (rest.partition(" ")[0], group[1] - 1)
        known = _fixed_entry(group, rest)
        if known is not None:
            phrase, start, stop = known
            skip = len(head) + 1
            return (phrase, start + skip, stop + skip), group, rest, head
    return None


#: The groups of the table read so far (each at most once: see fixed.fixed_group).
_READ: dict[tuple[str, int], dict[str, tuple[Phrase, int, int]]] = {}


def _fixed_entry(group: tuple[str, int], body: str) -> tuple[Phrase, int, int] | None:
    table = _READ.get(group)
    if table is None:
        # Only groups that exist are read and kept, so this holds at most one entry per
        # group, whatever text comes in.
        if group not in fixed_groups():
            return None
        table = _READ[group] = fixed_group(group)
    return table.get(body)


def is_fixed(text: str) -> bool:
    """Whether :func:`parse` reads ``text`` from the fixed-expression table (see
    :mod:`summitcal.resolver.grammar.fixed`) rather than by trying the patterns."""
    norm = normalize(text)
    lo, hi = bounds(norm)
    return _fixed(norm[lo:hi]) is not None
