"""The resolver: date phrases as news writes them, anchored to absolute spans.

:func:`resolve` reads one phrase ("from Sunday to Wednesday", "May last year", "9 a.m. on
Monday Beijing time") against the publication date of the article it came from and the
sentence around it, and returns a :class:`Resolution`: the span, its TIMEX3 value and type,
a mod and a zone where they apply, and a one-line explanation.  :func:`scan` finds every
phrase the same grammar knows in running text.

Conventions (which Friday "on Friday" means, and so on) are in docs/resolver.md.  Each
ambiguity that a caller may want settled differently is a keyword argument:
``direction`` (read from the sentence by default) and ``order`` (for ``11/02/2025``).

What is read from a phrase's own words is kept per phrase, in bounded caches;
:func:`clear_caches` empties them.

Example::

    >>> from datetime import date
    >>> r = resolve("from Sunday to Wednesday", reference=date(2025, 2, 9),
    ...             context="The minister will travel from Sunday to Wednesday.")
    >>> r.timex, r.span.granularity.value
    ('2025-02-09/2025-02-12', 'day')
"""

from summitcal.resolver.memo import clear_caches
from summitcal.resolver.needs import needs_direction
from summitcal.resolver.phrase import Direction, NumericOrder, Phrase
from summitcal.resolver.resolution import (
    Duration,
    NoSpanError,
    PhraseMatch,
    Resolution,
    TimexType,
)
from summitcal.resolver.resolve import resolve, resolve_in_context, resolve_match, scan

__all__ = [
    "Direction",
    "Duration",
    "NoSpanError",
    "NumericOrder",
    "Phrase",
    "PhraseMatch",
    "Resolution",
    "TimexType",
    "clear_caches",
    "needs_direction",
    "resolve",
    "resolve_in_context",
    "resolve_match",
    "scan",
]
