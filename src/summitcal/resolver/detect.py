"""Telling the language of a phrase or a text: Chinese by its script, French from English
by their function and calendar words (``data/languages.toml``).

A phrase decides for itself when its words say which language it is in ("le 9 février
2025" inside an English sentence is French); a phrase without such words ("2025",
"15 h 30", "2046") takes the language of its sentence; with no sentence, or one that does
not say either, it is English.  Only the languages installed are offered
(:func:`~summitcal.resolver.languages.available`).

Example::

    >>> detect("2月10日至11日"), detect("on Friday")
    ('zh', 'en')
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from summitcal.resolver.languages import ENGLISH, available
from summitcal.resolver.lexicon import load_data
from summitcal.resolver.memo import per_phrase

__all__ = ["context_language", "detect", "detect_text", "french_words", "has_han", "own_language"]

#: The first character of the Han blocks (CJK Unified Ideographs, Extension A and the
#: Compatibility Ideographs).  They are tested character by character: a pattern of their
#: ranges takes longer to compile than the English path takes to resolve its first phrase.
_FIRST_HAN = "\u3400"


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (ASCII text, or text whose highest
    character comes before the Han blocks, is told at once)."""
    if text.isascii() or max(text) < _FIRST_HAN:
        return False
    return any(map(_is_han, text))


_WORD = r"[a-zà-öø-ÿœ0-9]+(?:['’][a-zà-öø-ÿœ]*)?|[a-z]'"
_PLAIN = re.compile(r"[a-zà-öø-ÿœ0-9]+")
#: How much of a long text is read to tell its language.
_SAMPLE = 1000
_CAPS = re.compile(r"\b[A-Z]{2,}\b")
_CLOCK_EN = re.compile(r"\d\s*[ap]\.m\.")


#: For ASCII text, what :data:`_PLAIN` finds is found faster in bytes: every byte that is
#: no letter or digit becomes a space, and the words are what ``split`` leaves.
_ASCII_GAPS = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


class _Lists(NamedTuple):
    """The French and the English words, and the pattern of a word."""

    french: frozenset[str]
    english: frozenset[str]
    word: re.Pattern[str]
    elided: re.Pattern[str]


@functools.cache
def _words() -> _Lists:
    """The word lists and the patterns of a word and of an elision (read on first use)."""
    data = load_data("languages.toml")
    french = frozenset(data["fr"]["words"])
    # The starts of the French words that hold an apostrophe ("l'", "aujourd'"), as written
    # at the start of a word, with either apostrophe.
    heads = sorted({w[: w.index("'")] for w in french if "'" in w})
    elided = re.compile(rf"(?<![a-zà-öø-ÿœ0-9])(?:{'|'.join(heads)})['’]")
    return _Lists(french, frozenset(data["en"]["words"]), re.compile(_WORD), elided)


def own_language(text: str) -> str | None:
    """``fr`` or ``en`` when the words of ``text`` (a phrase, or a sentence; not Chinese)
    lean one way, else ``None`` (not kept: see :func:`detect` for the kept one)."""
    lists = _words()
    low = text.lower()
    if ("'" in low or "’" in low) and lists.elided.search(low):
        return _lean(text, lists)  # "l'an", "d'ici": French words that hold an apostrophe
    # The common case: plain words, none of them French.  Capitals matter only to a text
    # that holds a French word ("ET" is a zone), which the full reading decides; an
    # apostrophe elsewhere ("it's") only parts the words.
    if low.isascii():
        words = low.encode().translate(_ASCII_GAPS).decode().split()
    else:
        words = _PLAIN.findall(low)
    if not lists.french.isdisjoint(words):
        return _lean(text, lists)
    if not lists.english.isdisjoint(words):
        return "en"
    return "en" if "m." in low and _CLOCK_EN.search(low) else None  # "3 p.m." is English


#: The language a phrase's own words tell, kept per phrase (a sentence is read afresh).
_own_language = per_phrase()(own_language)


def french_words() -> frozenset[str]:
    """The words that make a phrase or a text lean French (``data/languages.toml``)."""
    return _words().french


def _lean(text: str, lists: _Lists) -> str | None:
    """The full reading of :func:`own_language`: acronyms and zones set aside, an
    English clock mark, elided French words, then the words counted."""
    french, english, word = lists.french, lists.english, lists.word
    if _CAPS.search(text):  # "2 p.m. ET", "EST": capitals are zones and acronyms, no words
        text = _CAPS.sub(" ", text)
    low = text.lower()
    if _CLOCK_EN.search(low):  # "a.m." and "p.m." are English alone
        return "en"
    if "’" in low:
        low = low.replace("’", "'")
    elided = "'" in low
    # Without an apostrophe a word is a run of letters, found by the simpler pattern.
    words = (word if elided else _PLAIN).findall(low)
    # (An apostrophe outside any word sends a text down the longer count, which then
    # counts the English words alone: the same answer.)
    if not elided and french.isdisjoint(words):  # the common case
        return None if english.isdisjoint(words) else "en"
    lean = 0
    for word in words:
        if word in french:
            lean += 1
        elif word in english:
            lean -= 1
        elif "'" in word and word[: word.index("'") + 1] in french:  # l'an, d'ici
            lean += 1
    if lean > 0:
        return "fr"
    return "en" if lean < 0 else None


def _han_share(text: str) -> float:
    letters = sum(1 for c in text if c.isalpha())
    return sum(1 for c in text if _is_han(c)) / letters if letters else 0.0


def detect(text: str, context: str | None = None) -> str:
    """The language of the phrase ``text``, read in ``context`` when its own words do not
    tell (see the module docstring)."""
    langs = available()
    if not text.isascii() and "zh" in langs and has_han(text):
        return "zh"
    if "fr" in langs and (own := _own_language(text)) is not None:
        return own
    return context_language(text, context)


def context_language(text: str, context: str | None) -> str:
    """The language of the phrase ``text`` when its own words do not tell: its sentence's,
    or English (see the module docstring)."""
    if not context:
        return ENGLISH
    langs = available()
    # "2046", "3-1": a phrase without words is in the language of its sentence
    if "zh" in langs and has_han(context) and not any(c.isalpha() for c in text):
        return "zh"
    if "fr" in langs and (near := own_language(context)) is not None:
        return near
    return ENGLISH


def detect_text(text: str) -> str:
    """The language of a whole text: Chinese when Han characters are a fifth of its
    letters or more, else French or English by their words (the first thousand
    characters are read)."""
    sample = text[:_SAMPLE]
    langs = available()
    if "zh" in langs and has_han(sample) and _han_share(sample) >= 0.2:
        return "zh"
    if "fr" in langs:
        return own_language(sample) or ENGLISH
    return ENGLISH
