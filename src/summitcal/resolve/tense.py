"""Reading the direction of a phrase from the tense of its sentence.

The cue words are data (``data/tense.toml``).  The phrase itself is masked out, then:

1. a reporting verb right before the phrase ("said on Friday", "told reporters on
   Sunday") means PAST: the phrase dates the saying;
2. otherwise the nearest future, present or past cue decides (present counts as FUTURE:
   on or after the publication date); a verb ending in *-ed* counts as a past cue unless
   a passive or a plan precedes it ("will be published", "is to be signed");
3. otherwise a reporting verb anywhere means PAST;
4. no cue at all means NEAREST.

Example::

    >>> read_direction("The delegation will travel on Friday.", 28, 37)[0]
    <Direction.FUTURE: 'future'>
"""

from __future__ import annotations

import functools
import re

import attrs

from summitcal.resolve.lexicon import lexicon
from summitcal.resolve.normalize import normalize
from summitcal.resolve.phrase import Direction

__all__ = ["Cue", "read_direction"]

_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
#: How many words may sit between a reporting verb and the phrase it dates.
_REPORTING_REACH = 4


@attrs.frozen
class Cue:
    """A cue found in the sentence: its words, its direction, and where it is."""

    words: str
    direction: Direction
    kind: str  # "future", "present", "past", "reporting", "-ed"
    word_index: int


@functools.cache
def _cue_table() -> tuple[tuple[tuple[str, ...], str], ...]:
    lex = lexicon()
    table: list[tuple[tuple[str, ...], str]] = []
    for kind, cues in (
        ("future", lex.tense_future),
        ("present", lex.tense_present),
        ("past", lex.tense_past),
        ("reporting", lex.tense_reporting),
    ):
        table += [(tuple(c.split()), kind) for c in cues]
    # Longest first, so "is set to" wins over "is".
    table.sort(key=lambda item: -len(item[0]))
    return tuple(table)


_KIND_DIRECTION = {
    "future": Direction.FUTURE,
    "present": Direction.FUTURE,
    "past": Direction.PAST,
    "reporting": Direction.PAST,
    "-ed": Direction.PAST,
}


def _cues(words: list[str]) -> list[Cue]:
    lex = lexicon()
    not_past, passive = lex.not_past, lex.passive_before
    found: list[Cue] = []
    taken = [False] * len(words)
    for seq, kind in _cue_table():
        n = len(seq)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == list(seq) and not any(taken[i : i + n]):
                found.append(Cue(" ".join(seq), _KIND_DIRECTION[kind], kind, i))
                for k in range(i, i + n):
                    taken[k] = True
    for i, w in enumerate(words):
        if taken[i] or not w.endswith("ed") or len(w) <= 4 or w in not_past:
            continue
        if i > 0 and words[i - 1] in passive:
            continue
        found.append(Cue(w, Direction.PAST, "-ed", i))
    return found


def read_direction(context: str, start: int, end: int) -> tuple[Direction, Cue | None]:
    """The direction the sentence gives to the phrase at ``context[start:end]``.

    Args:
        context: The sentence.
        start: Where the phrase starts in ``context``.
        end: Where it ends.

    Returns:
        The direction and the cue that decided it (``None`` when no cue was found and the
        direction is NEAREST).
    """
    norm = normalize(context)
    before = [m.group() for m in _WORD.finditer(norm, 0, start)]
    after = [m.group() for m in _WORD.finditer(norm, end)]
    # A marker word stands for the phrase so that cues never span it.
    words = [*before, "\x00", *after]
    here = len(before)
    cues = _cues(words)
    if not cues:
        return Direction.NEAREST, None
    reporting = [c for c in cues if c.kind == "reporting"]
    for cue in sorted(reporting, key=lambda c: here - c.word_index):
        if 0 < here - cue.word_index <= _REPORTING_REACH:
            return Direction.PAST, cue
    strong = [c for c in cues if c.kind in ("future", "present", "past", "-ed")]
    for pool in (strong, reporting):
        if pool:
            best = min(pool, key=lambda c: (abs(c.word_index - here), c.word_index > here))
            return best.direction, best
    raise AssertionError("unreachable: cues were found")
