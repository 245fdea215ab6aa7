"""Answers kept per phrase, and one way to forget them all.

News repeats its phrases ("on Friday", "last year"), and what is read from a phrase's own
words (its parse, its language, the listed names that share a word with it) never changes,
so the functions that read them keep their answers in bounded caches, made with
:func:`per_phrase` (:func:`per_phrase_parse` for a parser, whose refusals are kept too).
:func:`clear_caches` empties every one of them: the benchmarks call it before each pass, so
that their figures are for phrases seen for the first time.

Example::

    >>> @per_phrase(maxsize=16)
    ... def shout(text: str) -> str:
    ...     return text.upper()
    >>> shout("friday"), shout.cache_info().currsize
    ('FRIDAY', 1)
    >>> clear_caches(); shout.cache_info().currsize
    0
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from summitcal.errors import PhraseError

if TYPE_CHECKING:
    from summitcal.resolver.phrase import Phrase

__all__ = ["Refusal", "clear_caches", "per_phrase", "per_phrase_parse", "reading", "refusal"]

_F = TypeVar("_F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def per_phrase(maxsize: int = 4096) -> Callable[[_F], _F]:
    """Keep ``maxsize`` answers of the decorated function (a ``functools.lru_cache``),
    emptied by :func:`clear_caches`."""

    def wrap(function: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


class Refusal(NamedTuple):
    """A :class:`PhraseError` as kept: what a fresh one is made of."""

    reason: str
    position: int


Parsed = tuple["Phrase", int, int]


def refusal(exc: PhraseError) -> Refusal:
    """A parser's refusal, to keep; a narrower error than :class:`PhraseError` is not
    kept, but raised again."""
    if type(exc) is not PhraseError:
        raise exc
    return Refusal(exc.reason, exc.position)


def reading(kept: Parsed | Refusal, text: str) -> Parsed:
    """A kept reading of ``text``, or a fresh :class:`PhraseError` for a kept refusal."""
    if type(kept) is Refusal:
        raise PhraseError(text, kept.reason, kept.position)
    return kept  # type: ignore[return-value]


def per_phrase_parse(
    function: Callable[[str], tuple[Phrase, int, int]],
) -> Callable[[str], tuple[Phrase, int, int]]:
    """:func:`per_phrase` for a parser of one phrase, whose refusals are kept too: a
    phrase it cannot read raises, each time, a fresh :class:`PhraseError` with the
    reason and position of the first."""

    @per_phrase()
    def kept(text: str) -> Parsed | Refusal:
        try:
            return function(text)
        except PhraseError as exc:
            return refusal(exc)

    @functools.wraps(function)
    def parse(text: str) -> Parsed:
        return reading(kept(text), text)

    # As on an lru_cache: this parser's own cache, to inspect or empty alone.
    parse.cache_info = kept.cache_info  # type: ignore[attr-defined]
    parse.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
    return parse


def clear_caches() -> None:
    """Forget every answer kept per phrase (the parse caches of every language loaded,
    the languages of phrases, the names near them)."""
    for cached in _CACHES:
        cached.cache_clear()
