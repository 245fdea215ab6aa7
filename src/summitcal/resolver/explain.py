"""Explanations kept in parts and put into words only when read.

Every resolution explains the rule and the anchor it used ("weekday, past ('said'):
latest Friday on or before 2025-02-09").  Most callers never read it, and writing dates
into text costs more than the date arithmetic behind them, so anchoring returns the
parts and :func:`words` joins them on first reading.

Example::

    >>> label = ("{} ('{}')", "past", "said")
    >>> words(("{}: latest {} on or before {}", label, "Friday", "2025-02-09"))
    "past ('said'): latest Friday on or before 2025-02-09"
"""

from __future__ import annotations

from typing import Any

__all__ = ["CUED", "Why", "words"]

#: The head of a direction read from a cue: ``(CUED, "past", "said")``.
CUED = "{} ('{}')"

#: An explanation: its words, or its parts ``(head, *args)``.  The head is a
#: ``str.format`` template, or a function of the args' words; an arg may be parts again.
Why = str | tuple[Any, ...]


def words(why: Why) -> str:
    """The explanation ``why`` in words (the same text an f-string of its parts gives)."""
    if isinstance(why, str):
        return why
    head, *args = why
    said = [words(arg) if type(arg) is tuple else arg for arg in args]
    return str(head.format(*said) if isinstance(head, str) else head(*said))
