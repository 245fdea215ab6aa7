"""English (``en``) under the interface of :mod:`summitcal.resolver.languages`.

English is the resolver's own grammar; this module only names its functions as every
language names them, for code that works with any language (the resolver's own English
path calls them directly).
"""

from __future__ import annotations

from collections.abc import Iterator

from summitcal.resolver import names, tense
from summitcal.resolver.grammar import matches
from summitcal.resolver.grammar import parse as _parse
from summitcal.resolver.phrase import Direction, Phrase
from summitcal.resolver.resolution import PhraseMatch
from summitcal.resolver.text import Sentence, normalize
from summitcal.resolver.text import split_sentences as _split

__all__ = ["false_friend", "parse", "range_ends", "read_cue", "scan", "split_sentences"]


def parse(text: str) -> tuple[Phrase, int, int]:
    """:func:`summitcal.resolver.grammar.parse`."""
    return _parse(text)


def scan(text: str) -> Iterator[PhraseMatch]:
    """:func:`summitcal.resolver.scan` for English."""
    from summitcal.resolver.resolve import scan as _scan

    return _scan(text, lang="en")


def read_cue(context: str, start: int, end: int) -> tuple[Direction, str | None]:
    """:func:`summitcal.resolver.tense.read_cue`: the direction from the tense."""
    return tense.read_cue(context, start, end)


def false_friend(text: str, start: int, end: int, phrase: Phrase) -> str | None:
    """:func:`summitcal.resolver.names.false_friend`, with the phrase's kind."""
    from summitcal.resolver.resolve import kind_and_bare

    kind, bare = kind_and_bare(phrase, phrase.rule)
    return names.false_friend(text, start, end, bare=bare, kind=kind)


def split_sentences(text: str) -> list[Sentence]:
    """:func:`summitcal.resolver.text.split_sentences`."""
    return _split(text)


def range_ends(text: str, match: PhraseMatch) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two ends of a range as the grammar found them ("Feb. 6" and "7")."""
    for raw in matches(normalize(text), match.start, match.end):
        if (raw.start, raw.end) == (match.start, match.end):
            return raw.halves()
    return None
