"""Time words that measure a quantity rather than name a time: rates and ages.

In running text "a year", "annual" and "52 years" often qualify an amount: "$1.76 a
year", "four flights a week", "the quarterly dividend", "sales rose 8% annually", "52
years old".  None of these is a time the article talks about, and TimeML leaves them
untagged; the checks here let extraction tell them from "for a year", "annual workshops"
or "renewed annually".

Example::

    >>> text = "The fund pays $2 a year."
    >>> per_unit(text, text.index("a year"), text.index("."))
    True
"""

from __future__ import annotations

import functools
import re

from summitcal.resolver.lexicon import lexicon

__all__ = ["age", "measured_rate", "per_unit"]

# A number as quantities write it: "700", "$1.76", "8.5%", "two", "million".
_AMOUNT = r"(?:[$€£¥]?\d[\d,.]*%?|million|billion|trillion|percent|cents?|dollars|euros|yuan)"
_PER_UNIT = re.compile(r"(?:a|an|per)\s+(?:day|week|month|quarter|year)")
_AFTER_PER = re.compile(r"\s+(?:ago|earlier|later|before|after|old|from|since)\b")
_OLD = re.compile(r"\s+old\b")
_WORD = re.compile(r"[\w$€£¥%.,-]+")


@functools.cache
def _amount() -> re.Pattern[str]:
    # "a" and "an" count one in "a week" but are no amount before a rate ("an annual
    # fixture").
    counts = [w for w in lexicon().cardinals if w not in ("a", "an")]
    words = "|".join(sorted(counts, key=len, reverse=True))
    return re.compile(rf"(?:{_AMOUNT}|{words})", re.IGNORECASE)


def _words_before(text: str, start: int, count: int) -> list[str]:
    """Up to ``count`` words right before ``start``, nearest first, within the clause."""
    head = text[max(0, start - 60) : start]
    head = re.split(r"[;:()\"]|[,.!?]\s", head)[-1]
    return [w.rstrip(".,").lower() for w in reversed(_WORD.findall(head))][:count]


def _is_amount(word: str) -> bool:
    return bool(word) and _amount().fullmatch(word) is not None


def per_unit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, "a week" or "per year", divides an amount written just
    before it ("$2 million a year", "four flights a week") rather than naming a span."""
    if _PER_UNIT.fullmatch(text[start:end].lower()) is None or _AFTER_PER.match(text, end):
        return False
    before = _words_before(text, start, 2)
    if not before:
        return False
    if _is_amount(before[0]):
        return True
    # "four flights a week": a plural noun counted by the word before it.
    return len(before) == 2 and before[0].endswith("s") and _is_amount(before[1])


def measured_rate(text: str, start: int, end: int) -> bool:
    """Whether the rate word ``text[start:end]`` ("annual", "quarterly", "daily") measures
    an amount: before a measured noun ("the quarterly dividend", "average daily volume",
    "annual sales"; one adjective may come between) or right after a quantity ("rise 8.5%
    annually", "10,000 units annually")."""
    word = text[start:end].lower()
    if " " in word:
        return False
    following = re.findall(r"[a-z]+", text[end : end + 40].lower())[:2]
    measures = lexicon().measures
    # "of" only right after the word: "its initial quarterly of five cents".
    second = following[1] if len(following) > 1 and following[1] != "of" else ""
    if following and (following[0] in measures or second in measures):
        return True
    return any(_is_amount(w) for w in _words_before(text, start, 3))


def age(text: str, end: int) -> bool:
    """Whether the amount of time ending at ``end`` is somebody's age ("52 years old")."""
    return _OLD.match(text, end) is not None
