"""Text normalisation that keeps character positions.

The grammar matches lower-case text with one kind of dash and one kind of apostrophe.
Every character maps to exactly one character, so a position in the normalised text is the
same position in the original, and errors and scan matches can point into what the caller
gave.

Sentences are found here too, by one rule: a sentence ends at ``.``, ``!`` or ``?`` (and
any closing quote or bracket) before white space and the start of a new sentence (an
opening quote or bracket, then a capital or a digit), or at a blank line.
:func:`split_sentences` applies it to a whole article and knows the exceptions
(abbreviations, initials, "a.m." before a weekday); :func:`sentence_around` applies it
quickly around one phrase, as far as the tense reader reaches.

Example::

    >>> normalize("Feb. 6–7")
    'feb. 6-7'
    >>> [s.text for s in split_sentences("He left on Feb. 6. She stayed.")]
    ['He left on Feb. 6.', 'She stayed.']
"""

from __future__ import annotations

import functools
import re

import attrs

from summitcal._unchecked import unchecked

__all__ = [
    "ABBREVIATIONS",
    "CharMap",
    "Sentence",
    "normalize",
    "sentence_around",
    "split_sentences",
]

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_SPACES = "\u00a0\u2007\u2009\u200a\u202f\u3000\t\r\n"


class CharMap:
    """A map of characters to characters, applied to a text of any length.

    ``str.translate`` looks every character of the text up in its table: quick for a
    phrase, but 10 ms for 200 KB of news, a tenth of extracting from it.  For a whole
    article, replacing each mapped character that occurs, in C, takes a hundredth of
    that; so texts from ``LONG`` characters on take that way.  The result is the same.
    """

    LONG = 512

    def __init__(self, mapping: dict[str, str]) -> None:
        # Replaced one after another, a character mapped to another mapped one would go
        # on to the third, where str.translate stops at the second.
        chained = set(mapping) & set("".join(mapping.values()))
        if chained:
            raise ValueError(f"characters both mapped and mapped to: {''.join(sorted(chained))}")
        self.table: dict[int, str] = {ord(char): to for char, to in mapping.items()}
        self.pairs = tuple(mapping.items())

    def __call__(self, text: str) -> str:
        if len(text) < self.LONG:
            return text.translate(self.table)
        for char, to in self.pairs:
            if char in text:
                text = text.replace(char, to)
        return text


_UNIFY = CharMap(
    {
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_SPACES, " "),
    }
)


def normalize(text: str) -> str:
    """Lower-case ``text`` and unify dashes, quotes and spaces, one character for one.

    Characters whose lower-case form is longer than one character (such as ``İ``) are
    kept as they are, so the length never changes.
    """
    lowered = text.lower()
    if lowered.isascii():
        # The common case: of the characters to unify, only these four are ASCII, so
        # for most phrases there is nothing to do.
        if "\t" in lowered or "\n" in lowered or "\r" in lowered or "`" in lowered:
            return _UNIFY(lowered)
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _UNIFY(lowered)


# Words that end with a full stop without ending the sentence (lower-case, no dot).
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof gen sen rep gov lt col capt sgt st jr sr rev fr pres amb "
    "no nos vs etc inc corp ltd co bros dept univ est approx fig al cf ie eg "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun"
)
#: Words (lower-case, without their dot) that a full stop follows without ending a sentence.
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

# Dotted abbreviations: "U.S.", "U.K.", "a.m.", "p.m.", "e.g.", "i.e.".
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_CLOCK_ENDS = ("a.m.", "p.m.")

# The one sentence-end rule, in its parts: the marks that end a sentence, what may close it
# and open the next, and the next one's first character; or a blank line.
_ENDS = ".!?"
_CLOSERS = "\"')]\u201d\u2019"
_OPENERS = "\"'([\u201c\u2018"
_START = "A-Z0-9"
_AFTER_LINE_BREAK = r"[ \t]*\n"  # what makes a line break a blank line
_BLANK_LINE = rf"\n{_AFTER_LINE_BREAK}"


def _any(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


# A boundary: end marks and closers before white space and the next sentence's start, or
# a blank line.  It opens with a character class (an end mark, or a line break), which the
# regex engine scans for quickly, position by position, before it tries the rest; its
# plain form "[.!?]+...|\n[ \t]*\n" is tried in full at every position of the text.  A
# run of end marks is read from its first mark only, and whole (a later mark has the same
# text after it): a long run that ends no sentence costs one try, not one per mark.
_BOUNDARY = re.compile(
    rf"[{re.escape(_ENDS)}\n](?:(?<={_any(_ENDS)})(?<!{_any(_ENDS)}.){_any(_ENDS)}*+"
    rf"{_any(_CLOSERS)}*+(?=\s+{_any(_OPENERS)}*[{_START}])|(?<=\n){_AFTER_LINE_BREAK})"
)
# The quick reading, for one phrase (no exceptions for abbreviations): an end mark and any
# closers, then the white space before the next sentence's start.
_SENTENCE_END = re.compile(
    rf"{_any(_ENDS)}{_any(_CLOSERS)}*\s+(?={_any(_OPENERS)}*[{_START}])|{_BLANK_LINE}"
)
# What may stand before an abbreviation inside its word ("(Feb."): an opening quote or
# parenthesis.
_WORD_OPENERS = "(\"'\u201c\u2018"


@attrs.frozen
class Sentence:
    """A sentence: its offsets in the text and its words (``text[start:end]``)."""

    start: int
    end: int
    text: str


#: A sentence made without ``__init__``: split_sentences derives every field itself.
_make_sentence = unchecked(Sentence)


@functools.cache
def _month_words() -> frozenset[str]:
    from summitcal.resolver.lexicon import lexicon

    return frozenset(w.lower() for w in lexicon().months)


@functools.cache
def _day_or_month_words() -> frozenset[str]:
    from summitcal.resolver.lexicon import lexicon

    return _month_words() | {w.lower() for w in lexicon().weekdays}


#: A year after a month's name ("Feb. 2018", "March, 2024").
_YEAR_NEXT = re.compile(r"\.?,?\s+\d{4}\b")


#: The word after a clock's "a.m." or "p.m.", read where it stands (no copy of the rest).
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


@functools.cache
def _zone_next() -> re.Pattern[str]:
    """A zone's name after a clock ("8:30 a.m. ET", "8 p.m. Paris time"), any case."""
    from summitcal.resolver.grammar.fragments import alt
    from summitcal.resolver.lexicon import lexicon

    return re.compile(rf"\s+(?:{alt(lexicon().zones)})(?![A-Za-z])", re.IGNORECASE)


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    """Whether the full stop at ``dot`` belongs to a word rather than ending a sentence."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        if text[word_start - 1] in _WORD_OPENERS:
            break
        word_start -= 1
    word = text[word_start : dot + 1]
    bare = word.rstrip(".").lower()
    # (Tested by their last characters first: most full stops end a plain word.)
    if word[-4:].lower() in _CLOCK_ENDS:
        # "at 9 a.m. Tuesday" and "at 8:30 a.m. ET on Friday" go on; "at 9 a.m. The
        # talks..." ends.
        following = _NEXT_WORD.match(text, after)
        if following is None:
            return False
        return (
            following.group(1).lower() in _day_or_month_words()
            or _zone_next().match(text, after) is not None
        )
    if bare in ABBREVIATIONS:
        return True
    if len(bare) <= 2 and bare.isdigit():
        # "on 26. Feb. 2018": a day written with its full stop, as German does, goes on
        # into its month and year; "rose to 26. March was the worst month" ends.
        following = _NEXT_WORD.match(text, after)
        return (
            following is not None
            and following.group(1).lower() in _month_words()
            and _YEAR_NEXT.match(text, following.end()) is not None
        )
    # (Two dotted letters end the word or none do: read from its last four characters,
    # not from each of its characters in turn, which is quadratic in a long dotted word.)
    if word[-3:-2] == "." and _DOTTED.search(word, len(word) - 4):
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
        dot = m.start() if text[m.start()] == "." else -1
        if dot >= 0 and len(m.group().rstrip(_CLOSERS)) == 1 and _is_abbreviation(text, dot, end):
            continue
        cuts.append(end)
    sentences: list[Sentence] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        chunk = text[pos:cut]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            sentences.append(_make_sentence(start, start + len(stripped), stripped))
        pos = cut
    return sentences


def sentence_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The sentence around ``start..end`` by the quick reading, at most ``reach``
    characters either side."""
    lo = max(0, start - reach)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    after = _SENTENCE_END.search(text, end, end + reach)
    hi = after.start() + 1 if after is not None else min(len(text), end + reach)
    return lo, hi
