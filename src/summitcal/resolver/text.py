"""Text normalisation that keeps character positions.

The grammar matches lower-case text with one kind of dash and one kind of apostrophe.
Every character maps to exactly one character, so a position in the normalised text is the
same position in the original, and errors and scan matches can point into what the caller
gave.

Example::

    >>> normalize("Feb. 6–7")
    'feb. 6-7'
"""

from __future__ import annotations

__all__ = ["normalize"]

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_SPACES = "\u00a0\u2007\u2009\u200a\u202f\u3000\t\r\n"

_TABLE = str.maketrans(
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
        # The common case: of the characters to unify, only these four are ASCII, and
        # str.translate is slow, so it runs only when one of them is there.
        if "\t" in lowered or "\n" in lowered or "\r" in lowered or "`" in lowered:
            return lowered.translate(_TABLE)
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_TABLE)
