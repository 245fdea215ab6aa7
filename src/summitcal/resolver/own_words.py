"""What a phrase's own words give, read once per phrase: the language they are in and,
when English may read them, the English grammar's parse.

:func:`~summitcal.resolver.resolve` asks both of every phrase whose language it detects.
Most news phrases are fixed expressions ("on Friday", "last year") whose words are
English alone: the fixed-expression table (:mod:`~.grammar.fixed`) answers both questions
for them at once, so their words are not counted against the language lists as well.
Other phrases are read as :func:`~.detect.detect` and :func:`~.grammar.parse` read them.

Example::

    >>> own_reading("on Friday")[0], own_reading("le 9 février")
    ('en', ('fr', None, None))
"""

from __future__ import annotations

import functools

from summitcal.resolver.detect import french_words, own_language
from summitcal.resolver.grammar.fixed import fixed_group, one_word_prepositions
from summitcal.resolver.grammar.match import bounds, read_by_rules
from summitcal.resolver.grammar.parse import fixed_lookup
from summitcal.resolver.languages import ENGLISH
from summitcal.resolver.memo import Parsed, Refusal, per_phrase
from summitcal.resolver.names import Hits, names_sharing_a_word
from summitcal.resolver.text import normalize

__all__ = ["OwnReading", "english_reading", "own_reading"]

#: What a phrase's own words give (see :func:`own_reading`).
OwnReading = tuple[str | None, Parsed | Refusal | None, Hits | None]


@per_phrase()
def own_reading(text: str, tell: bool = True) -> OwnReading:
    """What the words of the phrase ``text`` (not Chinese) give, as
    :func:`~.detect.detect`, :func:`~.grammar.parse` and the name checks find it: the
    language they say it is in (``en``, ``fr``, or ``None`` when they do not tell); what
    the English grammar makes of it (a :class:`~.memo.Refusal` when it refuses it;
    ``None`` for a French phrase, which it does not read); and the listed names that
    share a word with the phrase it reads (:func:`~.names.names_sharing_a_word`; ``None``
    when it reads none).  ``tell=False``: see :func:`english_reading`."""
    # (One function, kept per phrase and per ``tell``, rather than one for each: a phrase
    # read for the first time then costs one Python call fewer.)
    norm = normalize(text)
    lo, hi = bounds(norm)
    found = fixed_lookup(norm[lo:hi])
    own: str | None = ENGLISH
    if found is not None:
        (phrase, start, stop), group, key, preposition = found
        read = phrase, start + lo, stop + lo
        facts = _FACTS.get(group)
        if facts is None:
            facts = _group_facts(group)
        alone, hits = facts
        # A key holds no apostrophe (which may make a French word, "l'an"), and around it
        # there is a preposition at most: what the bounds leave out holds no letters.
        if not tell or (key in alone and (not preposition or preposition in _plain_prepositions())):
            return ENGLISH, read, hits[key]
    if tell:
        own = own_language(text)
        if own is not None and own != ENGLISH:
            return own, None, None
    if found is not None:
        return own, read, hits[key]
    ruled = read_by_rules(text, norm, lo, hi)
    if isinstance(ruled, Refusal):
        return own, ruled, None
    return own, ruled, names_sharing_a_word(text[ruled[1] : ruled[2]])


def english_reading(text: str) -> OwnReading:
    """:func:`own_reading` of a phrase known to be English (its language is not told:
    the first item is always ``en``)."""
    return own_reading(text, False)


#: Each group of the fixed-expression table read so far -> what its keys' words give.
_FACTS: dict[tuple[str, int], tuple[frozenset[str], dict[str, Hits]]] = {}


def _group_facts(group: tuple[str, int]) -> tuple[frozenset[str], dict[str, Hits]]:
    """What the words of one group of fixed expressions (see
    :func:`~.grammar.fixed.fixed_groups`) give, read with the group: the keys whose words
    tell English alone (none holds an apostrophe) - with a preposition that is no French
    word before them, a phrase holding one is English whatever its sentence - and the
    names that share a word with each."""
    # (Called for a group that exists: fixed_lookup found a phrase in it.)
    table = fixed_group(group)
    alone = frozenset(k for k in table if "'" not in k and own_language(k) == ENGLISH)
    hits = {k: names_sharing_a_word(k[start:stop]) for k, (_, start, stop) in table.items()}
    facts = _FACTS[group] = alone, hits
    return facts


@functools.cache
def _plain_prepositions() -> frozenset[str]:
    """The single-word prepositions that are no French word (all of them today: the
    test stays for a list that gains one)."""
    return one_word_prepositions() - french_words()
