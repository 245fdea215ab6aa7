"""The languages the resolver reads, and how a language plugs in.

A language is named by its ISO 639-1 code and implemented by a module (a package) listed
in :data:`MODULES`; it is imported on first use only, so a program that reads English
never loads another language.  English is the resolver's own grammar
(:mod:`summitcal.resolver.grammar`, :mod:`.tense`, :mod:`.names`), wrapped here under the
same interface; its path through :func:`~summitcal.resolver.resolve` is unchanged.

The interface: a language module exposes these functions (see
:mod:`summitcal.resolver.chinese` for one):

``parse(text: str) -> tuple[Phrase, int, int]``
    Read ``text`` as one date phrase, whole, into the shared
    :class:`~summitcal.resolver.phrase.Phrase` model (the cores of :mod:`.phrase`, so
    that the one anchoring core, :mod:`.anchor`, places it), with where the phrase
    starts and ends in ``text`` (prepositions around it left out).  Raise
    :class:`~summitcal.errors.PhraseError` when it is no date phrase.  ``Phrase.rule`` is
    a :class:`~summitcal.resolver.grammar.RuleKind` value ("weekday", "month-day"...):
    explanations are in English.
``scan(text: str) -> Iterator[PhraseMatch]``
    The candidate phrases of running text, left to right, without overlaps, names that
    look like dates left out; offsets are character offsets into ``text``.
``read_cue(context: str, start: int, end: int) -> tuple[Direction, str | None]``
    The direction (PAST, FUTURE or NEAREST) that the sentence ``context`` gives the
    phrase at ``context[start:end]``, and the cue word that decided it, as written in
    the original (it is quoted in the explanation: "future ('将于')").
``false_friend(text: str, start: int, end: int, phrase: Phrase) -> str | None``
    Why ``text[start:end]`` is a name here rather than a date (a brand, a title, a place,
    a person), or ``None``.
``split_sentences(text: str) -> list[Sentence]``
    The sentences of a text, with offsets (:class:`~summitcal.resolver.text.Sentence`).
``range_ends(text: str, match: PhraseMatch) -> tuple[tuple[int, int], tuple[int, int]] | None``
    For a match that is a range of days, the offsets of its two ends as TimeML tags
    them; ``None`` otherwise.

A new language is one line in :data:`MODULES` (``"fr": "summitcal.resolver.french"`` is
there already: French is offered as soon as its package is installed), its code in
:data:`BUNDLED` once it ships inside this package (so that no look-up is made for it), and,
where it should be told from English without being asked, its words in
``data/languages.toml`` (read by :mod:`.detect`).

Example::

    >>> language("zh").code
    'zh'
    >>> language("de")
    Traceback (most recent call last):
    ...
    summitcal.errors.UnsupportedLanguageError: language 'de' is not supported (supported: ...)
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from summitcal.errors import UnsupportedLanguageError
from summitcal.resolver.phrase import Direction, Phrase
from summitcal.resolver.resolution import PhraseMatch
from summitcal.resolver.text import Sentence

__all__ = ["BUNDLED", "ENGLISH", "MODULES", "Language", "available", "check", "language"]

ENGLISH = "en"

#: Each language's code and the module that implements it (English: the resolver's own).
MODULES: dict[str, str] = {
    "en": "summitcal.resolver.english",
    "fr": "summitcal.resolver.french",
    "zh": "summitcal.resolver.chinese",
}

Ends = tuple[tuple[int, int], tuple[int, int]]


class Language(NamedTuple):
    """A language's functions, as its module exposes them (see the module docstring).

    (A named tuple: the registry is imported with the resolver, and a named tuple costs
    less to define than a class with generated methods.)
    """

    code: str
    parse: Callable[[str], tuple[Phrase, int, int]]
    scan: Callable[[str], Iterator[PhraseMatch]]
    read_cue: Callable[[str, int, int], tuple[Direction, str | None]]
    false_friend: Callable[[str, int, int, Phrase], str | None]
    split_sentences: Callable[[str], list[Sentence]]
    range_ends: Callable[[str, PhraseMatch], Ends | None]


_FUNCTIONS = ("parse", "scan", "read_cue", "false_friend", "split_sentences", "range_ends")


#: The languages shipped in this package (the others are looked for on first use).
BUNDLED = frozenset({"en", "fr", "zh"})


@functools.cache
def available() -> tuple[str, ...]:
    """The codes whose module is installed, sorted (a listed language whose package is
    not there is not offered; asked once a process, since every phrase asks)."""
    return tuple(
        sorted(code for code, name in MODULES.items() if code in BUNDLED or _installed(name))
    )


def _installed(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def check(code: object) -> str:
    """``code`` if it names a language the resolver reads.

    Raises:
        UnsupportedLanguageError: Otherwise, naming the languages there are.
    """
    if code in available():  # every available code is in MODULES, and a string
        assert isinstance(code, str)
        return code
    raise UnsupportedLanguageError(code, available())


@functools.cache
def language(code: str) -> Language:
    """The language ``code`` (an ISO 639-1 code), its module imported on first use.

    Raises:
        UnsupportedLanguageError: If the resolver does not read that language.
    """
    module: Any = importlib.import_module(MODULES[check(code)])
    return Language(code, *(getattr(module, name) for name in _FUNCTIONS))
