"""Sentence splitting that keeps character offsets.

News copy is split at a full stop, question mark or exclamation mark (with any closing
quote or bracket after it) that is followed by white space and the start of a new sentence,
and always at a blank line (paragraph break).  Abbreviations ("Mr.", "Feb.", "U.S.",
"a.m." before a weekday or month), initials ("J. Smith") and numbers ("3.5") do not end
a sentence.  Each sentence keeps its offsets into the text, so that what is found in a
sentence can be pointed at in the article::

    >>> [s.text for s in split_sentences("He left on Feb. 6. She stayed.")]
    ['He left on Feb. 6.', 'She stayed.']
"""

from __future__ import annotations

import functools
import re

import attrs

__all__ = ["ABBREVIATIONS", "Sentence", "split_sentences"]

# Words that end with a full stop without ending the sentence (lower-case, no dot).
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof gen sen rep gov lt col capt sgt st jr sr rev fr pres amb "
    "no nos vs etc inc corp ltd co bros dept univ est approx fig al cf ie eg "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun"
)
#: Words (lower-case, without their dot) that a full stop follows without ending a sentence.
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_OPENERS = "(\"'“‘"
# Dotted abbreviations: "U.S.", "U.K.", "a.m.", "p.m.", "e.g.", "i.e.".
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_CLOCK = re.compile(r"(?:a\.m\.|p\.m\.)$", re.IGNORECASE)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9]")


@attrs.frozen
class Sentence:
    """A sentence: its offsets in the text and its words (``text[start:end]``)."""

    start: int
    end: int
    text: str


@functools.cache
def _day_or_month_words() -> frozenset[str]:
    from summitcal.resolver.lexicon import lexicon

    lex = lexicon()
    return frozenset(w.lower() for w in (*lex.weekdays, *lex.months))


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    """Whether the full stop at ``dot`` belongs to a word rather than ending a sentence."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        if text[word_start - 1] in _OPENERS:
            break
        word_start -= 1
    word = text[word_start : dot + 1]
    bare = word.rstrip(".").lower()
    if _CLOCK.search(word):
        # "at 9 a.m. Tuesday" goes on; "at 9 a.m. The talks..." ends.
        following = re.match(r"\s+([A-Za-z]+)", text[after:])
        return following is not None and following.group(1).lower() in _day_or_month_words()
    if bare in ABBREVIATIONS:
        return True
    if _DOTTED.search(word):
        # "U.S." may end a sentence, but far more often it is inside one.
        return True
    return len(bare) == 1 and bare.isalpha() and word[0].isupper()  # an initial


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; white space between them is left out.

    Args:
        text: Any text; paragraphs are separated by blank lines.

    Returns:
        The non-empty sentences in order.  ``text[s.start:s.end] == s.text`` and the text
        has no leading or trailing white space.
    """
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("\n"):
            cuts.append(m.start())
            continue
        end = m.end()
        if not _NEXT_START.match(text, end):
            continue
        dot = m.start() if text[m.start()] == "." else -1
        if dot >= 0 and len(m.group().rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, dot, end):
            continue
        cuts.append(end)
    sentences: list[Sentence] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        chunk = text[pos:cut]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            sentences.append(Sentence(start, start + len(stripped), stripped))
        pos = cut
    return sentences
