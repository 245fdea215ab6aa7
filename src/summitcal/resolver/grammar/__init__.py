"""The grammar: compiled patterns that recognise date phrases, and their meanings.

Each :class:`Rule` pairs a pattern for the core of a phrase ("from Sunday to Wednesday",
"Feb. 6-7", "May last year") with a builder that turns a match into a typed
:class:`~summitcal.resolver.phrase.Core`.  Day-level rules also accept what may qualify a
day: a clock time before or after ("9 a.m. on Monday"), a part of the day ("Monday
morning") and a zone ("US local time").  Word lists come from the lexicon; the patterns
are built and compiled on first use and cached, so importing this package is cheap.

The same compiled rules serve two uses: :func:`parse` full-matches one phrase, and
:func:`matches` finds every phrase in running text.

The modules, from the bottom up:

- :mod:`.fragments`: pattern pieces built from the lexicon, and the decorations;
- :mod:`.readers` and :mod:`.builders`: the meaning of a match's groups;
- :mod:`.rules`: the :class:`Rule` record and :class:`RuleKind`;
- :mod:`.english`: the English rule table;
- :mod:`.triggers`: which rules a text's words allow;
- :mod:`.match`: matching, and parsing by the patterns;
- :mod:`.fixed`: the fixed expressions, read once into a table;
- :mod:`.parse`: :func:`parse`, the table first, then the patterns.

Example::

    >>> parse("from Sunday to Wednesday")[0].core
    DayRange(start=Weekday(weekday=6, ...), end=Weekday(weekday=2, ...))
"""

from summitcal.resolver.grammar.english import rules
from summitcal.resolver.grammar.fragments import word_trie
from summitcal.resolver.grammar.match import RawMatch, candidates, matches
from summitcal.resolver.grammar.parse import is_fixed, parse
from summitcal.resolver.grammar.rules import Rule, RuleKind
from summitcal.resolver.grammar.triggers import tokens

__all__ = [
    "RawMatch",
    "Rule",
    "RuleKind",
    "candidates",
    "is_fixed",
    "matches",
    "parse",
    "rules",
    "tokens",
    "word_trie",
]
