"""French names that look like dates: streets, titles, people, brands, the planet Mars.

French writes its days, months, seasons and parts of the day in lower case, so a
capitalised one in running text is a name ("Avril Lemoine", "la planète Mars", "Le
Printemps" the department store, "Pic du Midi"), unless it opens the sentence.  Besides:

* the listed names of ``data/fr/names.toml`` ("Journal du dimanche", "Septembre noir");
* a street, square or station ("rue du 8 Mai 1945", "place du 14 Juillet");
* a title in quotation marks (« Mercredi », "Demain"): a short quotation that holds the
  phrase;
* a day or month followed by "noir" or "gras" ("Jeudi noir");
* "Mars" beside the words of space flight ("rover", "sonde", "sur Mars");
* a holiday word that is a first name or a surname ("Noël Le Graët", "le sélectionneur
  Noël").

Example::

    >>> refuse("Le rover a roulé sur la planète Mars.", 33, 37, bare=True)
    "part of the name 'planète Mars'"
"""

from __future__ import annotations

import bisect
import functools
import re

from summitcal.resolver.french.lexicon import fold, french
from summitcal.resolver.grammar.fragments import word_trie
from summitcal.resolver.memo import per_phrase
from summitcal.resolver.phrase import (
    DayWord,
    HolidayRef,
    MonthRef,
    Phrase,
    SeasonRef,
    Weekday,
)

__all__ = ["is_bare", "names", "refuse"]

_REACH = 40
# What opens a sentence (or a headline, a quotation, a dateline's story) before a word.
_OPENERS = '.!?:;«"“(—–-\n'
# What a quoted sentence holds and a title seldom does: a comma, a full stop, a verb.
_SAID = re.compile(
    r"[,.!?;]|(?<![\w'])(?:est|sont|a|ont|sera|seront|va|vont|était|avait|serons|allons)(?![\w'])",
    re.IGNORECASE,
)
_QUOTES = {"«": "»", "“": "”", '"': '"'}
_WORDS = re.compile(r"[\w'-]+")


def is_bare(phrase: Phrase) -> bool:
    """Whether the phrase is one calendar word with nothing to fix it (no number, year,
    modifier, part of the day or clock time): only such phrases can be names."""
    if phrase.mod or phrase.start_time or phrase.part_of_day:
        return False
    core = phrase.core
    if isinstance(core, Weekday):
        return core.rel is None and core.week is None
    if isinstance(core, (MonthRef, SeasonRef, HolidayRef)):
        return core.rel is None and core.year is None and core.year_step is None
    return isinstance(core, DayWord)


def names(text: str, start: int, end: int, phrase: Phrase) -> str | None:
    """The French :data:`~summitcal.resolver.resolve.NameCheck`: why ``text[start:end]``,
    read as ``phrase``, is a name here, or ``None``."""
    bare = is_bare(phrase) or (phrase.rule == "clock time" and _is_clock_word(text, start, end))
    core = phrase.core
    return refuse(
        text,
        start,
        end,
        bare=bare,
        holiday=isinstance(core, HolidayRef),
        day=isinstance(core, (Weekday, DayWord)),
    )


def _is_clock_word(text: str, start: int, end: int) -> bool:
    return fold(text[start:end]).strip() in french().clock_words


@functools.cache
def _listed() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{word_trie(french().rejects)})(?![\w-])")


@functools.cache
def _place_before() -> re.Pattern[str]:
    places = word_trie(french().places)
    return re.compile(rf"(?<![\w-])(?:{places})\s+(?:du|de\s+la|des|de|d'|de\s+l')\s*$")


#: The text :func:`refuse` reads, folded once: extraction asks about every phrase of an
#: article in turn, and folding the whole article each time made it quadratic.
_folded = per_phrase(maxsize=2)(fold)


def refuse(
    text: str, start: int, end: int, *, bare: bool, holiday: bool = False, day: bool = False
) -> str | None:
    """Why ``text[start:end]`` is no date here, or ``None`` if nothing speaks against it.

    Args:
        text: The original text (a sentence, or the phrase alone).
        start: Where the phrase starts.
        end: Where it ends.
        bare: Whether the phrase is one calendar word alone (see :func:`is_bare`).
        holiday: Whether it is a holiday's name (written with a capital as a date too).
        day: Whether it is a weekday or a day word, which may open a sentence before a
            name ("Jeudi Emmanuel Macron a reçu...").
    """
    folded = _folded(text)
    lo = max(0, start - _REACH)
    for m in _listed().finditer(folded, lo, min(len(text), end + _REACH)):
        if m.start() < end and start < m.end():
            return f"part of the name {text[m.start() : m.end()]!r}"
    if _place_before().search(folded, max(0, start - 30), start):
        return f"part of a place name ({text[max(0, start - 30) : end].strip()!r})"
    title = _quoted(text, start, end)
    if title is not None:
        return f"inside the title {title!r}"
    if not bare:
        return None
    word = text[start:end].strip()
    if fold(word) == "ete" and _after_auxiliary(folded, start):
        return f"{word!r} after an auxiliary is the participle of 'être', not the summer"
    after = _WORDS.match(folded, _skip_spaces(folded, end))
    if after is not None and after.group() in french().suffixes:
        return f"part of the name {text[start : after.end()]!r}"
    if word == "Mars":  # the month is written in lower case
        if _planet_near(folded, start, end):
            return "the planet Mars, not the month"
        if re.match(r"\s+[a-zà-ÿ]", text[end : end + 3]):
            # "Mars a racheté...": the month opens a sentence with "En mars," or "Mars,"
            return "'Mars' as the subject of a verb is the company, not the month"
    if _capitalised(word):
        if holiday:
            return _person(text, start, end)
        if not _opens_sentence(text, start):
            return f"{word!r} with a capital in running French is a name, not a date"
        return None if day else _person(text, start, end)
    return None


#: The forms of "avoir" before "été" the participle ("a été", "n'ont pas été").
_AUXILIARY = re.compile(
    r"(?<![\w'])(?:ai|as|a|avons|avez|ont|avais|avait|avions|aviez|avaient|aurai|aura"
    r"|aurons|aurez|auront|aurais|aurait|aurions|auriez|auraient|ayant|avoir|aie|ait|aient)"
    r"(?:\s+(?:pas|plus|jamais|deja|aussi|bien|tous|toutes|toujours|souvent|-t-\w+))*\s+$"
)


def _after_auxiliary(folded: str, start: int) -> bool:
    return _AUXILIARY.search(folded, max(0, start - 40), start) is not None


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _opens_sentence(text: str, start: int) -> bool:
    # The last character before the white space ahead of ``start``, read back over that
    # white space alone (a copy of the text before it would be made for every phrase).
    k = min(start, len(text))
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k == 0 or text[k - 1] in _OPENERS or text[k - 1] == "—"


def _word_before(text: str, start: int) -> str | None:
    found = list(_WORDS.finditer(text, max(0, start - 30), start))
    if not found or text[found[-1].end() : start].strip():
        return None
    return found[-1].group()


def _person(text: str, start: int, end: int) -> str | None:
    """A capitalised calendar word that is a person's first name or surname."""
    before = _word_before(text, start)
    if before is not None:
        if fold(before) in french().titles:
            return f"a person's name after {before!r}"
        if (
            before[:1].isupper()
            and fold(before) not in french().function_words
            and not _opens_sentence(text, start - len(before) - 1)
        ):
            return f"part of a name ({text[start - len(before) - 1 : end].strip()!r})"
    nxt = _WORDS.match(text, _skip_spaces(text, end))
    if nxt is not None and _capitalised(nxt.group()):
        if fold(nxt.group()) not in french().function_words:
            return f"part of a name ({text[start : nxt.end()]!r})"
        third = _WORDS.match(text, _skip_spaces(text, nxt.end()))
        if third is not None and _capitalised(third.group()):
            return f"part of a name ({text[start : third.end()]!r})"
    return None


def _planet_near(folded: str, start: int, end: int) -> bool:
    window = folded[max(0, start - 60) : end + 60]
    words = set(_WORDS.findall(window))
    return bool(words & french().planet - {"sur", "vers", "autour"}) or bool(
        re.search(r"(?:sur|vers|autour\s+de)\s+$", folded[max(0, start - 15) : start])
    )


@functools.lru_cache(maxsize=2)
def _mark_positions(text: str, mark: str) -> list[int]:
    """Where ``mark`` stands in ``text``, in order (kept for the text being read: every
    phrase of it asks)."""
    return [m.start() for m in re.finditer(re.escape(mark), text)]


def _marks_before(text: str, mark: str, at: int) -> int:
    """How many ``mark`` characters ``text`` holds before ``at`` (as ``text.count``, which
    would read the text from its start for every phrase)."""
    return bisect.bisect_left(_mark_positions(text, mark), at)


def _quoted(text: str, start: int, end: int) -> str | None:
    """The short quotation (a title) that holds ``text[start:end]``, if any."""
    for opener, closer in _QUOTES.items():
        left = text.rfind(opener, max(0, start - 60), start)
        if left < 0:
            continue
        if opener == closer and _marks_before(text, opener, left) % 2:
            continue  # this mark closes an earlier quotation
        right = text.find(closer, end, end + 60)
        if right < 0:
            continue
        inside = text[left + 1 : right]
        if opener in inside or len(_WORDS.findall(inside)) > 6 or _SAID.search(inside):
            continue  # a quoted sentence ("« Lundi, nous partirons »"), not a title
        # A title is written with capitals ("« Dimanche en politique »"); a date inside
        # a quoted sentence is not ("« Nous partirons mardi »").
        if _capitalised(text[start:end].strip()) or not inside[: start - left - 1].strip():
            return text[left : right + 1]
    return None
