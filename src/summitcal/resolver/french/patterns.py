"""The French grammar's pattern pieces, built from the vocabulary.

Every pattern reads folded text (see :func:`~summitcal.resolver.french.lexicon.fold`):
lower case, no accents, one kind of apostrophe and dash.  Each piece is a regular
expression source; the rules (:mod:`.rules`) put them together.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from summitcal.resolver.french.lexicon import FrenchLexicon, french
from summitcal.resolver.grammar.fragments import word_trie

__all__ = ["Pieces", "alt", "pieces"]


def alt(words: Iterable[str]) -> str:
    """An alternation of ``words``, a longer word before its prefix, spaces matching any
    white space (:func:`~summitcal.resolver.grammar.fragments.word_trie`)."""
    return word_trie(words)


@attrs.frozen
class Pieces:
    """The pattern pieces of the French grammar (sources, not compiled)."""

    lex: FrenchLexicon
    weekday: str
    month: str
    day: str
    year: str
    count: str
    unit: str
    season: str
    part: str
    zone: str
    holiday: str
    relative: str
    clock: str
    day_word: str
    preposition: str


#: Prepositions that may open a phrase and stay outside it ("en mai", "à la mi-juillet",
#: "d'ici à la fin de l'année", "le 10 février": TimeML leaves them out).
_PREPOSITIONS = (
    "au cours du",
    "au cours de",
    "au cours des",
    "lors du",
    "lors de",
    "d'ici a",
    "d'ici",
    "a partir du",
    "a partir de",
    "a compter du",
    "a compter de",
    "jusqu'au",
    "jusqu'a",
    "jusqu'en",
    "depuis",
    "des",
    "du",
    "au",
    "aux",
    "en",
    "a",
    "dans",
    "pendant",
    "durant",
    "pour",
    "vers",
    "avant",
    "apres",
    "entre",
    "de",
    "sur",
    "courant",
    "ce",
)


@functools.cache
def pieces() -> Pieces:
    """The pieces, built on first use."""
    lex = french()
    full_months = [m for m in lex.months if len(m) > 4 or m in ("mars", "mai", "juin", "aout")]
    short_months = [m + "." for m in lex.months if m not in full_months]
    small = [w for w, n in lex.cardinals.items() if n <= 31]
    days = ["1er", "1re", "premier", *small]
    return Pieces(
        lex=lex,
        weekday=alt(lex.weekdays),
        month=alt([*full_months, *short_months]),
        day=rf"(?:[12]\d|3[01]|0?[1-9])(?!\d)|{alt(days)}",
        year=r"(?:1[6-9]|20)\d\d(?!\d)",
        count=rf"\d+|{alt(lex.cardinals)}|quelques",
        unit=alt(lex.units),
        season=alt(lex.seasons),
        part=alt(lex.parts_of_day),
        zone=alt(lex.zones),
        holiday=alt(lex.holidays),
        relative=alt(lex.relative),
        # "15 h 30", "15h30", "15 heures", "8 h", "15:30", "midi"
        clock=(
            r"(?:(?P<h>[01]?\d|2[0-3])\s*(?:heures?|h)(?![a-z])(?:\s*(?P<mi>[0-5]\d)(?!\d))?"
            r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d))"
            # "8 heures du soir": the evening's hours count from noon
            r"(?:\s+(?:du|de\s+l')\s*(?P<ampm>matin|apres-midi|soir))?"
            rf"|(?P<cw>{alt(lex.clock_words)})"
        ),
        day_word=alt(lex.day_words),
        # "le"/"les" stay outside before a day number ("le <10 février>", "les <15> et
        # <16 mars>") and a weekday; before a time noun they are its determiner, inside
        # the phrase ("<le début de l'année>").
        preposition=(
            rf"{alt(_PREPOSITIONS)}|le(?=\s+(?:\d|1er|(?:premier|{alt(small)})\s|{alt(lex.weekdays)}))"
            r"|les(?=\s+\d)"
        ),
    )
