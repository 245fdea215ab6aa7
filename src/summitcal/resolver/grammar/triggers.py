"""Triggers: a cheap test of which rules can match a text at all.

Each rule lists words of which every text it matches holds at least one (and some a second
such list, see :class:`~.rules.Rule`).  :class:`Triggers` turns a table's lists into one bit
mask per word, so that the rules worth trying on a text are found from its words alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summitcal.resolver.grammar.fragments import CLOCK, DECORATIONS, decoration_words
from summitcal.resolver.grammar.rules import Rule

__all__ = ["Triggers", "keys", "second_keys", "tokens", "words_of"]

# Apostrophes go (so "new year's" and "new years" give the same words); the text's words
# are then runs of letters, single digits (a trigger "#" stands for any digit) and the
# signs "-", "&", "/", "." and ":".
_TOKEN = re.compile(r"[a-z]+|[0-9]|[-&/.:]")
_DIGITS = tuple("0123456789")

#: The trigger that stands for any digit.
DIGIT = frozenset("#")


def words_of(norm: str) -> list[str]:
    """The trigger words of normalised text in order, repeats and all: runs of letters,
    each digit alone, and the signs ``- & / . :``."""
    return _TOKEN.findall(norm.replace("'", ""))


def tokens(norm: str) -> set[str]:
    """The trigger words of normalised text (:func:`words_of`, as a set)."""
    return set(words_of(norm))


def keys(words: object) -> frozenset[str]:
    """One necessary word per entry: the longest word of each name in ``words``."""
    assert isinstance(words, (list, tuple, set, frozenset, dict))
    return frozenset(max(_name_words(w), key=len) for w in words)


def _name_words(name: object) -> list[str]:
    """The trigger words of one name of a list ("new year's" -> new, years)."""
    return _TOKEN.findall(str(name).replace("'", ""))


def second_keys(words: object, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """A second necessary word per entry, for a rule's ``also``: the longest word of each
    name in ``words`` other than its key (:func:`keys`) and not ``common``, or the key
    when there is none.  Words that are no name's key are taken first.

    A rule whose names' keys are common words ("national" of "national day") then passes
    only a text that also holds a second word of one of them.  The two sets are tested
    apart, so a word in both (a key, and another name's second word) would let a text
    through on that word alone; and a second word that every text holds ("the" of "the
    ascension") would let every text through."""
    assert isinstance(words, (list, tuple, set, frozenset, dict))
    named = [_name_words(name) for name in words]
    firsts = {max(found, key=len) for found in named}
    seconds = set()
    for found in named:
        key = max(found, key=len)
        rest = [word for word in found if word != key and word not in common]
        unkeyed = [word for word in rest if word not in firsts]
        seconds.add(max(unkeyed or rest or [key], key=len))
    return frozenset(seconds)


def _masks(words: Iterable[tuple[int, frozenset[str]]]) -> dict[str, int]:
    """Trigger word -> bit mask of the rules (by index) it is a trigger of."""
    masks: dict[str, int] = {}
    for i, triggers in words:
        for trigger in triggers:
            for word in _DIGITS if trigger == "#" else (trigger,):
                masks[word] = masks.get(word, 0) | (1 << i)
    return masks


class Triggers:
    """The rules of one table that can match a text, found from the text's words."""

    __slots__ = (
        "_above",
        "_by_mask",
        "_clock_bit",
        "_clock_word",
        "_day_level",
        "_free",
        "_rule_bits",
        "_rules",
        "_table",
    )

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self._rules = rules
        first = _masks((i, rule.triggers) for i, rule in enumerate(rules))
        second = _masks((i, rule.also) for i, rule in enumerate(rules) if rule.also is not None)
        # The rules whose patterns come in variants by the decorations a text may hold
        # (see fragments.compose), and the words that tell which it may hold: their bits
        # stand above the rules' (a word's first mask holds them; no second set bars them).
        self._day_level = sum(1 << i for i, rule in enumerate(rules) if rule.day_level)
        made = next((rule.fragments for rule in rules if rule.fragments is not None), None)
        # (Without fragments a rule has one pattern, whatever the text holds.)
        zones, clock_words = decoration_words(made) if made else ((), ())
        self._clock_word = re.compile("|".join(map(re.escape, clock_words)) or "(?!)")
        above = self._above = len(rules)
        self._clock_bit = CLOCK << above
        self._rule_bits = (1 << above) - 1
        for word, signal in _decoration_tokens(zones).items():
            first[word] = first.get(word, 0) | signal << above
        # Trigger word -> masks of the rules it is a first and a second trigger of; and
        # the bits of the rules that have no second set (always let through by it).
        self._table = {w: (first.get(w, 0), second.get(w, 0)) for w in {*first, *second}}
        self._free = sum(1 << i for i, rule in enumerate(rules) if rule.also is None)
        self._free |= _SIGNALS << above
        # The rule subsets met so far, with the decorations their text may hold (at most
        # one entry per pair), not results.
        self._by_mask: dict[int, tuple[tuple[Rule, re.Pattern[str]], ...]] = {}

    def candidates(
        self, norm: str, words: list[str] | None = None
    ) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
        """The rules that can match somewhere in ``norm``, in priority order, with their
        compiled patterns (``words``: its trigger words, :func:`words_of` it, if the
        caller has them)."""
        key = self._read(norm, words)
        found = self._by_mask.get(key)
        if found is None:
            mask, held = key & self._rule_bits, self._held(key)
            chosen = [r for i, r in enumerate(self._rules) if mask >> i & 1]
            found = self._by_mask[key] = tuple((r, r.pattern_for(held)) for r in chosen)
        return found

    def decorations(self, norm: str) -> int:
        """The decorations (:data:`~.fragments.CLOCK`, :data:`~.fragments.ZONE`) that the
        day-level patterns are made with for ``norm``."""
        return self._held(self._read(norm))

    def _read(self, norm: str, words: list[str] | None = None) -> int:
        """The bits of the rules that can match ``norm`` and, above them, what its tokens
        tell of its decorations (see _decoration_tokens)."""
        table, mask2 = self._table, self._free
        mask = 0
        for word in words_of(norm) if words is None else words:
            bits = table.get(word)
            if bits is not None:
                mask |= bits[0]
                mask2 |= bits[1]
        mask &= mask2
        clock = self._clock_bit
        if mask & self._day_level and not mask & clock and self._clock_word.search(norm):
            # A clock word, which may stand inside a token ("noon-midnight").
            mask |= clock
        return mask

    def _held(self, key: int) -> int:
        """The decorations that the day-level patterns are made with, from :meth:`_read`."""
        signals = key >> self._above
        if not key & self._day_level or signals & _ZONED == _ZONED:
            return DECORATIONS  # only the day-level patterns come in variants
        return signals & CLOCK


# What a token tells of the decorations, in bits above the rules': a digit may start a
# clock time; a zone word needs both its longest and its last token (see _decoration_tokens).
_LONGEST, _LAST = 2, 4
_ZONED = _LONGEST | _LAST
_SIGNALS = CLOCK | _ZONED


def _decoration_tokens(zones: Iterable[str]) -> dict[str, int]:
    """Token -> what it tells of the decorations a text holding it may hold.

    A digit may start a clock time.  A zone word stands after white space and ends where
    a word does, with white space between its words (at each of its places in
    fragments.compose), so a text it is in holds each of its tokens as a token of its
    own: its longest and its last among them.
    """
    signals = dict.fromkeys(_DIGITS, CLOCK)
    for zone in zones:
        tokens = _TOKEN.findall(zone.replace("'", ""))
        for token, signal in ((max(tokens, key=len), _LONGEST), (tokens[-1], _LAST)):
            signals[token] = signals.get(token, 0) | signal
    return signals
