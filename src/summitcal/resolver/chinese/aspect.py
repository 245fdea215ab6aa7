"""The direction of a Chinese phrase, from aspect and time words (Chinese has no tense).

将, 将于, 即将, 计划, 拟, 预计, 定于 point ahead; 了, 已, 已经, 曾, 日前, 过 point back (the
words are data: ``data/zh/aspect.toml``).  A phrase takes the cue of the verb it modifies,
which stands in its own clause (the stretch between two of ，；：。！？):

1. a cue right before the phrase (将于周五, 已于28日, 计划礼拜六; 在 or 于 may stand
   between) decides;
2. otherwise the nearest cue after the phrase in its clause (周五发布了, 星期四已经通电话),
   then the nearest before it;
3. a phrase that is a clause of its own (上周三，国际能源署发布了...; 元宵节当晚，...将...)
   modifies the verb of the next clause, which is read instead;
4. otherwise, when the clause before ends in a verb of planning or forecasting
   (预计，星期五起...), that verb;
5. otherwise NEAREST: a reporting verb (表示, 宣布) carries no cue, and a phrase before
   one dates the saying, so 外交部发言人周三宣布，…将于下周访华 and 商务部周五表示将…
   leave 周五 and 周三 NEAREST.

A cue word inside a longer word that is no cue (为了, 将近, 虚拟, 通过) is skipped.

Example::

    >>> read_cue("国务院新闻办公室将于星期三举行新闻发布会。", 11, 14)
    (<Direction.FUTURE: 'future'>, '将于')
"""

from __future__ import annotations

import functools
import re

from summitcal.resolver.chinese.vocabulary import vocabulary
from summitcal.resolver.grammar.fragments import word_trie
from summitcal.resolver.phrase import Direction

__all__ = ["read_cue"]

_SENTENCE_ENDS = "。！？!?\n"
_CLAUSE_ENDS = "，,；;：:" + _SENTENCE_ENDS
#: What may stand between a cue and the phrase it governs (将在周五, 已于28日).
_BETWEEN = "于在从自"
#: What a phrase that is a clause of its own may carry besides itself (元宵节当晚).
_LONE_EXTRA = 4
_LOCALISERS = ("当天", "当晚", "当日", "期间", "前后", "起", "以来", "前夕", "之际", "时")


@functools.cache
def _cues() -> tuple[re.Pattern[str], dict[str, Direction], re.Pattern[str]]:
    """The cue pattern (longest first), each cue's direction, and the words that hold a
    cue's characters without being one."""
    v = vocabulary()
    kinds = dict.fromkeys(v.ahead, Direction.FUTURE) | dict.fromkeys(v.back, Direction.PAST)
    return re.compile(word_trie(kinds)), kinds, re.compile(word_trie(v.not_cues))


def _found(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The cues in ``text[lo:hi]`` as (start, end, words), left to right."""
    pattern, _, not_cues = _cues()
    blocked = [(m.start(), m.end()) for m in not_cues.finditer(text, max(0, lo - 3), hi + 3)]
    out = []
    for m in pattern.finditer(text, lo, hi):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def _bounds(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    lo = max((text.rfind(c, 0, start) for c in marks), default=-1) + 1
    ends = [k for k in (text.find(c, end) for c in marks) if k >= 0]
    return lo, min(ends, default=len(text))


def _is_lone(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the phrase is its clause, but for a localiser or a preposition."""
    rest = (text[lo:start] + text[end:hi]).strip(" 　“”\"'")
    for word in _LOCALISERS:
        rest = rest.replace(word, "")
    rest = rest.strip(_BETWEEN)
    return len(rest) <= _LONE_EXTRA and not _found(rest, 0, len(rest))


@functools.cache
def _reporting_verbs() -> re.Pattern[str]:
    return re.compile(word_trie(vocabulary().reporting))


def _reporting(text: str, lo: int, hi: int) -> tuple[Direction, str | None] | None:
    """The direction of a reporting verb in ``text[lo:hi]``, if one stands there: the
    phrase dates the saying (NEAREST; PAST when 了 or 过 follows the verb)."""
    verb = _reporting_verbs().search(text, lo, hi)
    if verb is None:
        return None
    marker = text[verb.end() : verb.end() + 1]
    return (Direction.PAST, marker) if marker in ("了", "过") else (Direction.NEAREST, None)


def read_cue(context: str, start: int, end: int) -> tuple[Direction, str | None]:
    """The direction for the phrase at ``context[start:end]`` and the cue word that gave
    it, as written (``None`` with NEAREST when no cue speaks for the phrase)."""
    _, kinds, _ = _cues()
    s_lo, s_hi = _bounds(context, start, end, _SENTENCE_ENDS)
    lo, hi = _bounds(context, start, end, _CLAUSE_ENDS)
    # 1. right before the phrase
    head = context[lo:start].rstrip(_BETWEEN + " ")
    before = _found(context, lo, start)
    if before and before[-1][1] == lo + len(head):
        return kinds[before[-1][2]], before[-1][2]
    # 2. after the phrase in its clause (up to a reporting verb), then before it
    after = _found(context, end, hi)
    said = _reporting(context, end, after[0][0] if after else hi)
    if said is not None:
        return said
    if after:
        return kinds[after[0][2]], after[0][2]
    if before:
        return kinds[before[-1][2]], before[-1][2]
    # 3. a clause of its own: the verb of the next clause
    if _is_lone(context, lo, hi, start, end) and hi < s_hi:
        n_lo, n_hi = _bounds(context, hi + 1, hi + 1, _CLAUSE_ENDS)
        following = _found(context, n_lo, min(n_hi, s_hi))
        said = _reporting(context, n_lo, following[0][0] if following else min(n_hi, s_hi))
        if said is not None:
            return said
        if following:
            return kinds[following[0][2]], following[0][2]
    # 4. a verb of planning or forecasting closing the clause before
    if lo > s_lo:
        previous = _found(context, s_lo, lo - 1)
        if previous and previous[-1][1] == lo - 1 and kinds[previous[-1][2]] is Direction.FUTURE:
            return Direction.FUTURE, previous[-1][2]
    return Direction.NEAREST, None
