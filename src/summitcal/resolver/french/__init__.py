"""French: date phrases as the French press writes them, read onto the one anchoring core.

The package is a language of the resolver: its own vocabulary (``resolver/data/fr``),
grammar, tense reader and name checks, and the shared anchoring core behind
:func:`summitcal.resolver.resolve.resolve_parsed`, so that "vendredi dernier" and "last
Friday" are placed by the same rule.  Explanations are in English and name the French
cue as written.

* :func:`parse`: one French phrase to a :class:`~summitcal.resolver.phrase.Phrase`;
* :func:`read_direction`: the direction from the tense of the phrase's clause;
* :func:`find`: the phrases in running French text, as offsets;
* :func:`resolve`: one phrase, parsed, checked for names, directed and anchored;
* :func:`timexes`: every temporal expression of an article, as TimeML tags them.

It is also a language of the registry (:mod:`summitcal.resolver.languages`), so that
``summitcal.resolve(..., lang="fr")`` and ``extract(..., lang="fr")`` read French: the
registry's functions are :func:`parse`, :func:`scan`, :func:`read_cue`,
:func:`false_friend`, :func:`split_sentences` and :func:`range_ends`.

Conventions (which Friday "vendredi" means, and so on) are in docs/french.md.

Example::

    >>> from datetime import date
    >>> from summitcal.resolver import french
    >>> r = french.resolve("du dimanche au mercredi", reference=date(2024, 10, 16),
    ...                    context="Des pluies intenses sont attendues du dimanche au mercredi.")
    >>> r.timex
    '2024-10-20/2024-10-23'
    >>> r.explanation.split(":")[0]
    "weekday range, future ('sont attendues')"
"""

from summitcal.resolver.french.extract import (
    Timex,
    find,
    range_ends,
    resolve_at,
    scan,
    timexes,
)
from summitcal.resolver.french.grammar import parse
from summitcal.resolver.french.names import names
from summitcal.resolver.french.resolve import resolve
from summitcal.resolver.french.tense import read_cue, read_direction
from summitcal.resolver.text import split_sentences

#: The registry's name for :func:`names`.
false_friend = names

__all__ = [
    "Timex",
    "false_friend",
    "find",
    "names",
    "parse",
    "range_ends",
    "read_cue",
    "read_direction",
    "resolve",
    "resolve_at",
    "scan",
    "split_sentences",
    "timexes",
]
