"""Chinese (``zh``): date phrases of Chinese news, read into the shared :class:`Phrase` model.

This package is a language of the registry (:mod:`summitcal.resolver.languages`): it
exposes the functions every language exposes, and the anchoring, the explanations and the
extraction around them are the English resolver's own.

* :func:`parse` reads one phrase (2025年2月10日, 上周五, 去年5月, 三天前, 中秋节...);
* :func:`scan` finds the phrases of a text, which has no spaces: every rule's pattern is
  run over it and the longest match wins where two overlap;
* :func:`read_cue` reads the direction from aspect and time words (:mod:`.aspect`);
* :func:`false_friend` refuses names that look like dates (:mod:`.names`);
* :func:`split_sentences` and :func:`range_ends` serve extraction.

Offsets are character offsets into the text as given: the normaliser maps every
character to one character (full-width digits to ASCII digits).

Example::

    >>> from datetime import date
    >>> parse("2月10日至11日")[0].core
    DayRange(start=MonthDay(month=2, day=10, ...), end=MonthDay(month=2, day=11, ...))
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summitcal.errors import PhraseError
from summitcal.resolver.chinese import names
from summitcal.resolver.chinese.aspect import read_cue
from summitcal.resolver.chinese.patterns import ZhRule, rules
from summitcal.resolver.chinese.vocabulary import vocabulary
from summitcal.resolver.grammar.readers import NoParse
from summitcal.resolver.memo import per_phrase_parse
from summitcal.resolver.phrase import (
    DayOfMonth,
    DayRange,
    HolidayRef,
    MonthRef,
    Phrase,
    Weekday,
)
from summitcal.resolver.resolution import PhraseMatch
from summitcal.resolver.text import CharMap, Sentence

__all__ = [
    "false_friend",
    "normalize",
    "parse",
    "range_ends",
    "read_cue",
    "scan",
    "split_sentences",
]

_FULL_WIDTH = CharMap({chr(0xFF10 + i): str(i) for i in range(10)} | {"\u3000": " ", "\u00a0": " "})


def normalize(text: str) -> str:
    """``text`` with full-width digits as ASCII digits, one character for one."""
    return _FULL_WIDTH(text)


# What may stand around a phrase without being part of it: prepositions before it, and
# localisers after it (6月18日起, 去年下半年以来, 2030年前, 元旦当天).
_LEADING = ("当地时间", "截至", "截止", "直到", "于", "在", "从", "自", "到", "至", "由")
_TRAILING: tuple[str, ...] = ("起", "以来", "前后", "当天", "当晚", "当日", "期间", "之前")
_TRAILING += ("之后", "以前", "以后", "同期", "前夕", "之际")
_TRAILING_AFTER_DATE = ("前", "后")
_EDGES = " \t\r\n，,。.；;：:！!？?、“”\"'"


def _matches(norm: str, lo: int, hi: int) -> Iterator[tuple[int, int, int, Phrase]]:
    """Every rule's matches in ``norm[lo:hi]`` that read as a phrase, with the rule's
    priority: (start, end, priority, phrase)."""
    for priority, rule in enumerate(rules()):
        for m in rule.pattern.finditer(norm, lo, hi):
            if m.end() > m.start():
                phrase = _built(rule, m)
                if phrase is not None:
                    yield m.start(), m.end(), priority, phrase


def _whole(norm: str, lo: int, hi: int) -> Phrase | None:
    """The phrase that ``norm[lo:hi]`` is, whole, by the first rule that reads it."""
    for rule in rules():
        m = rule.pattern.fullmatch(norm, lo, hi)
        if m is not None:
            phrase = _built(rule, m)
            if phrase is not None:
                return phrase
    return None


def _built(rule: ZhRule, m: re.Match[str]) -> Phrase | None:
    """What ``rule`` builds of its match, or ``None`` when the words name no date (a
    numeral too long for any, "10000000000000000000天前")."""
    try:
        return rule.build(m)
    except NoParse:
        return None


def _strip(norm: str, lo: int, hi: int, words: tuple[str, ...], *, leading: bool) -> int:
    for word in words:
        if leading and norm.startswith(word, lo) and lo + len(word) < hi:
            return lo + len(word)
        if not leading and norm.endswith(word, lo, hi) and hi - len(word) > lo:
            return hi - len(word)
    return lo if leading else hi


@per_phrase_parse
def parse(text: str) -> tuple[Phrase, int, int]:
    """Parse ``text`` as one Chinese date phrase (the whole text must be the phrase).

    A preposition before it (于, 在, 从, 截至, 当地时间) and a localiser after it (起, 以来,
    当天, 期间; 前 or 后 after a date) are left out of it.

    Returns:
        The phrase, and where it starts and ends in ``text``.

    Raises:
        PhraseError: If no rule reads the whole text as a date.
    """
    norm = normalize(text)
    lo, hi = 0, len(norm)
    while lo < hi and norm[lo] in _EDGES:
        lo += 1
    while hi > lo and norm[hi - 1] in _EDGES:
        hi -= 1
    for _ in range(3):  # at most a preposition, a zone word and a localiser
        phrase = _whole(norm, lo, hi)
        if phrase is not None:
            return phrase, lo, hi
        new_lo = _strip(norm, lo, hi, _LEADING, leading=True)
        new_hi = _strip(norm, new_lo, hi, _TRAILING, leading=False)
        if new_hi == hi:  # 2030年前, 周五前: "before" a date (三天前 was read whole)
            new_hi = _strip(norm, new_lo, hi, _TRAILING_AFTER_DATE, leading=False)
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    raise PhraseError(text, "not a Chinese date phrase", lo)


def _kind(phrase: Phrase) -> tuple[str, bool]:
    """The kind of a phrase for the name checks, and whether it is bare (nothing fixes it)."""
    core = phrase.core
    plain = phrase.mod is None and phrase.part_of_day is None and phrase.start_time is None
    if isinstance(core, HolidayRef):
        return "holiday", core.year is None and core.year_step is None
    if isinstance(core, MonthRef):
        return "month", plain and core.year is None and core.year_step is None
    if isinstance(core, Weekday):
        return "weekday", plain and core.week is None
    if isinstance(core, DayOfMonth):
        return "day", plain
    return phrase.rule, False


def false_friend(text: str, start: int, end: int, phrase: Phrase) -> str | None:
    """Why ``text[start:end]``, read as ``phrase``, is a name here and not a date; ``None``
    if nothing speaks against it (see :mod:`.names`)."""
    kind, bare = _kind(phrase)
    return names.false_friend(text, start, end, kind=kind, bare=bare)


def scan(text: str) -> Iterator[PhraseMatch]:
    """Find the date phrases in running Chinese ``text``, left to right, without overlaps.

    Where phrases overlap the longest wins (2月10日至11日 over 2月10日); names that look
    like dates are skipped.  A zone word before a phrase (北京时间10日上午) is left out of
    the match, as TimeML leaves it out of the expression; the phrase keeps its zone.
    """
    norm = normalize(text)
    found = sorted(_matches(norm, 0, len(norm)), key=lambda f: (f[0], f[0] - f[1], f[2]))
    last_end = -1
    for start, end, _, phrase in found:
        if start < last_end or false_friend(text, start, end, phrase) is not None:
            continue
        last_end = end
        if phrase.zone is not None:
            start += _zone_word(norm, start)
        yield PhraseMatch(start, end, text[start:end], phrase.rule, phrase)


def _zone_word(norm: str, at: int) -> int:
    """The length of the zone word at ``at`` (0 if none)."""
    return next((len(w) for w in vocabulary().zones if norm.startswith(w, at)), 0)


_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)\"']*|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Split Chinese ``text`` into sentences: at 。！？ (with any closing quote) and at line
    breaks.  Offsets are into ``text``; white space around a sentence is left out."""
    sentences: list[Sentence] = []
    pos = 0
    for cut in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        chunk = text[pos:cut]
        stripped = chunk.strip(" \t\r\n\u3000")
        if stripped:
            start = pos + chunk.index(stripped[0])
            sentences.append(Sentence(start, start + len(stripped), stripped))
        pos = cut
    return sentences


def range_ends(text: str, match: PhraseMatch) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two ends of a range as TimeML tags them (2月10日 and 11日 of 2月10日至11日),
    as offsets into ``text``; ``None`` for a phrase that is not a range."""
    if not isinstance(match.phrase.core, DayRange):
        return None
    words = match.text
    cut = min(
        (k for k in (words.find(sep, 1) for sep in vocabulary().separators) if k > 0),
        default=-1,
    )
    if cut < 0:
        return None
    sep = next(s for s in vocabulary().separators if words.startswith(s, cut))
    return (match.start, match.start + cut), (match.start + cut + len(sep), match.end)
