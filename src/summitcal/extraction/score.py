"""Scoring extracted temporal expressions against a gold annotation, TempEval-3 style.

The measures are those of the TempEval-3 TIMEX3 task:

* **strict span match**: a system span and a gold span have exactly the same offsets;
* **relaxed span match**: they share at least one character;
* precision = matched / system spans, recall = matched / gold spans, F1 their harmonic mean;
* **value accuracy**: of the relaxed matches, the share whose TIMEX3 values are equal;
* **value F1**: the attribute F1 of TempEval-3, counting a system span as correct only when
  it matches a gold span (relaxed) *and* has the same value: precision = correct / system
  spans, recall = correct / gold spans.

Each gold span matches at most one system span and the reverse: exact matches are paired
first, then the remaining spans by largest overlap (ties to the earliest).

Example::

    >>> s = score([(0, 6, "DATE", "2025-02-07")], [(0, 6, "DATE", "2025-02-07")])
    >>> s.strict.f1, s.value_accuracy
    (1.0, 1.0)

Scores add up (``a + b``), so a corpus is scored by summing its documents (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import attrs

__all__ = ["PRF", "Scores", "SpanLike", "score"]


class _Annotated(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def timex(self) -> str: ...


#: A span to score: an object with ``start``, ``end``, ``timex`` (and optionally ``type``
#: with a ``.value`` or a string), or a tuple ``(start, end, type, value)``.
SpanLike = _Annotated | tuple[int, int, str, str]


def _norm(item: SpanLike) -> tuple[int, int, str, str]:
    if isinstance(item, tuple):
        return item
    kind = getattr(item, "type", "")
    return item.start, item.end, str(getattr(kind, "value", kind)), item.timex


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen
class PRF:
    """Precision, recall and F1 of one measure."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, system: int, gold: int) -> PRF:
        p, r = _ratio(correct, system), _ratio(correct, gold)
        return cls(p, r, _f1(p, r))

    def __str__(self) -> str:
        return f"P={100 * self.precision:.1f} R={100 * self.recall:.1f} F1={100 * self.f1:.1f}"


@attrs.frozen(kw_only=True)
class Scores:
    """Counts of one or more scored documents, and the measures derived from them.

    Attributes:
        gold: Gold spans.
        system: System spans.
        strict_matches: Pairs with identical offsets.
        relaxed_matches: Pairs that overlap (strict ones included).
        value_correct: Relaxed pairs whose values are equal.
        type_correct: Relaxed pairs whose types are equal.
    """

    gold: int = 0
    system: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in attrs.fields(Scores)}
        )

    @property
    def strict(self) -> PRF:
        """Strict span precision, recall and F1."""
        return PRF.of(self.strict_matches, self.system, self.gold)

    @property
    def relaxed(self) -> PRF:
        """Relaxed span precision, recall and F1."""
        return PRF.of(self.relaxed_matches, self.system, self.gold)

    @property
    def value(self) -> PRF:
        """TempEval-3 value (attribute) precision, recall and F1."""
        return PRF.of(self.value_correct, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches with the right value."""
        return _ratio(self.value_correct, self.relaxed_matches)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches with the right type."""
        return _ratio(self.type_correct, self.relaxed_matches)

    def summary(self) -> str:
        """The measures on a few lines, percentages with one decimal."""
        return (
            f"gold {self.gold}, system {self.system}\n"
            f"strict span   {self.strict}\n"
            f"relaxed span  {self.relaxed}\n"
            f"value         {self.value}  accuracy={100 * self.value_accuracy:.1f}\n"
            f"type accuracy {100 * self.type_accuracy:.1f}"
        )


def pair(
    gold: Sequence[tuple[int, int, str, str]], system: Sequence[tuple[int, int, str, str]]
) -> list[tuple[int, int]]:
    """Pair gold and system spans one-to-one: exact matches first, then by overlap.

    Returns:
        ``(gold_index, system_index)`` pairs, sorted.
    """
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    exact = {(s[0], s[1]): j for j, s in reversed(list(enumerate(system)))}
    for i, g in enumerate(gold):
        j = exact.get((g[0], g[1]))
        if j is not None and j not in used_s:
            pairs.append((i, j))
            used_g.add(i)
            used_s.add(j)
    candidates: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, s in enumerate(system):
            if j in used_s:
                continue
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if overlap > 0:
                candidates.append((-overlap, i, j))
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_s:
            pairs.append((i, j))
            used_g.add(i)
            used_s.add(j)
    return sorted(pairs)


def score(gold: Iterable[SpanLike], system: Iterable[SpanLike]) -> Scores:
    """Score one document's system spans against its gold spans.

    Args:
        gold: The gold spans (e.g. :attr:`TimeMLDocument.timexes`).
        system: The system's spans (e.g. the mentions :func:`extract` returns).

    Returns:
        The counts; see :class:`Scores` for the measures.
    """
    g = [_norm(x) for x in gold]
    s = [_norm(x) for x in system]
    pairs = pair(g, s)
    return Scores(
        gold=len(g),
        system=len(s),
        strict_matches=sum(1 for i, j in pairs if g[i][:2] == s[j][:2]),
        relaxed_matches=len(pairs),
        value_correct=sum(1 for i, j in pairs if g[i][3] == s[j][3]),
        type_correct=sum(1 for i, j in pairs if g[i][2] == s[j][2]),
    )
