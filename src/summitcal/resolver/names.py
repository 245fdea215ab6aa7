"""False friends: calendar words that are part of a name, or ordinary words, in context.

Three checks, each on the original text (capitals matter here):

* the reject list (``data/rejects.toml``): "Fridays for Future", "Summer Davos", "Windows
  2000"... a match that overlaps one is no date;
* homographs written in lower case: "may", "march", "sat" alone are a verb or a noun;
* any date right before a capitalised noun that ends names ("the March 23 Movement",
  "the 6th of October Bridge", "The Sunday Courier"; ``[name_heads]`` in the same file);
* a bare month, season, holiday or year beside a capitalised word that is neither the
  start of a sentence nor a calendar or function word: "Theresa May", "April Ryan",
  "Spring Airlines", "Vision 2030".

Example::

    >>> false_friend("Theresa May said so.", 8, 11, bare=True, kind="month")
    "part of the name 'Theresa May'"
"""

from __future__ import annotations

import functools
import re

from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.memo import per_phrase
from summitcal.resolver.text import normalize

__all__ = ["Hits", "false_friend", "names_sharing_a_word"]

#: How far (in characters) around a phrase to look for a listed name.
_REACH = 40
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'-]*)")


_TOKEN = re.compile(r"[\w']+")
#: Every ASCII byte that _TOKEN does not take (all but letters, digits, "_" and "'") as a
#: space: what ``split`` then leaves are its words.
_TOKEN_BYTES = bytes(c if chr(c).isalnum() or c in (39, 95) else 32 for c in range(128)) + bytes(
    range(128, 256)
)
# What follows a verb "fall" or "spring" after "to": a word of its own in lower case
# ("apart", "further", "below"), but not "of", "and" or "or" that continue a season.
_VERB_COMPLEMENT = re.compile(r"[ \t]+(?!(?:of|and|or)\b)[a-z]")


@functools.lru_cache(maxsize=1024)
def _reject_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the listed ``names``, longest first (as a table of subsets)."""
    words = sorted(names, key=lambda w: (-len(w), w))
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


@functools.cache
def _names_by_word() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each word of a listed name -> the names holding it, each with a probe: its longest
    other word, which must appear near the phrase for the name to be there."""
    index: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(lexicon().rejects):
        words = list(dict.fromkeys(_TOKEN.findall(name)))
        # A name that overlaps a date phrase shares a calendar word or number with it, never
        # only "the" or "on" (the phrase's own preposition is outside it): those are no keys.
        for word in (w for w in words if w not in lexicon().function_words):
            others = [w for w in words if w != word]
            index.setdefault(word, []).append((name, max(others, key=len) if others else ""))
    return {word: tuple(names) for word, names in index.items()}


#: The listed names that share a word with a phrase, each with its probe word.
Hits = tuple[tuple[str, str], ...]


def names_sharing_a_word(phrase: str) -> Hits:
    """The listed names (each with its probe word) that share a word with ``phrase``."""
    index = _names_by_word()
    norm = normalize(phrase)
    if norm.isascii():  # the words of _TOKEN, found faster in bytes
        words = norm.encode().translate(_TOKEN_BYTES).decode().split()
    else:
        words = _TOKEN.findall(norm)
    hits = [index[w] for w in words if w in index]
    if len(hits) < 2:
        return hits[0] if hits else ()
    return tuple(name for found in hits for name in found)


#: :func:`names_sharing_a_word`, kept per phrase: news repeats its phrases, and most share
#: no word with a name.
_names_sharing_a_word = per_phrase()(names_sharing_a_word)


def _listed_name(text: str, start: int, end: int, hits: Hits | None = None) -> str | None:
    """The listed name that overlaps ``text[start:end]``, as written there, if any
    (``hits``: the names that share a word with that phrase, when known)."""
    if hits is None:
        hits = _names_sharing_a_word(text[start:end])
    if not hits:
        return None
    # A name can only overlap the phrase if it shares a word with it, and names are short:
    # only the neighbourhood is searched, and only for names whose probe word is there (a
    # substring test each, far cheaper than trying a pattern at every position).
    lo = max(0, start - _REACH)
    window = normalize(text[lo : end + _REACH])
    names = [name for name, probe in hits if probe in window]
    if not names:
        return None
    for m in _reject_pattern(tuple(sorted(set(names)))).finditer(window):
        m_start, m_end = m.start() + lo, m.end() + lo
        if m_start < end and start < m_end:
            return text[m_start:m_end]
    return None


@functools.cache
def _calendar_words() -> frozenset[str]:
    lex = lexicon()
    words = set(lex.weekdays) | set(lex.months) | set(lex.seasons) | set(lex.parts_of_day)
    words |= {w for name in lex.holidays for w in name.split()}
    words |= {w for zone in lex.zones for w in zone.split()}
    return frozenset(words)


#: A range of two bare numbers, which only its words make a span of hours.
_BARE_RANGE = re.compile(r"(?:from|between)\s+\d{1,2}\s*(?:-|to|and|until|till)\s*\d{1,2}")


def _counted(text: str, start: int, end: int, after: re.Match[str] | None) -> str | None:
    """Why "from 9 to 11" counts things here ("grew from 9 to 11 pupils"): two bare
    numbers before a word (``after``) that is no function word nor a calendar word."""
    if _BARE_RANGE.fullmatch(text[start:end].strip().lower()) is None:
        return None
    if after is None:
        return None
    word = after.group(1).lower()
    if word in lexicon().function_words or word in _calendar_words():
        return None
    return f"two bare numbers before {word!r} count {word!r}, not hours"


def _numbered_name(text: str, start: int, end: int, after: re.Match[str] | None) -> str | None:
    """Why "the 3rd" is no day here: a capitalised word after it (``after``) that is no
    calendar word makes it part of a name ("the 3rd Battalion", "the 24th Congress"); a
    plural after a bare number counts ("the 12 others"); a bare number after a verb of
    boarding, or before the noun of a line, is a bus or train ("take the 24", "the 24
    bus")."""
    bare = text[end - 1].isdigit()
    if bare and (route := _route(text, start, after)) is not None:
        return route
    if after is None:
        return None
    word = after.group(1)
    if word.lower() in _calendar_words() or word.lower() in lexicon().function_words:
        return None
    if word[0].isupper():
        return f"a number before {word!r} names something"
    if bare and len(word) > 3 and word.endswith("s"):
        return f"a number before {word!r} counts {word!r}"
    return None


def _route(text: str, start: int, after: re.Match[str] | None) -> str | None:
    """Why a bare "the 24" is a line here: the verb before it or the noun after it."""
    lex = lexicon()
    if after is not None and after.group(1).lower() in lex.route_nouns:
        return f"a number before {after.group(1)!r} names a line"
    before = _word_before(text, start)
    if before is not None and before[0].lower() in lex.route_verbs:
        return f"a number after {before[0]!r} names a line"
    return None


def _word_before(text: str, start: int) -> tuple[str, int] | None:
    """The word right before ``start`` and where it starts, if spaces separate them.

    The word is the longest run of word characters (letters, digits, ``_ ' . -``) ending
    where the spaces begin, from its first ASCII letter on.  Walking back by hand is
    cheaper than a pattern anchored at the end, which would be tried at every position.
    """
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == start:
        return None
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_'.-"):
        i -= 1
    for k in range(i, j):
        if text[k].isascii() and text[k].isalpha():
            return text[k:j], k
    return None


def _sentence_start(text: str, index: int) -> bool:
    head = text[:index].rstrip()
    return not head or head[-1] in ".!?:;\"'(\n[-"


# What follows a day's short form in a dateline or a schedule: its period, a comma, or the
# day of the month ("Sun., Oct. 22", "Sun, 22 Oct", "Sun 22").
_AFTER_SHORT_DAY = re.compile(r"[.,]|\s*\d")


#: "of" and a capitalised word after a holiday's name: a longer name ("National Day of
#: Prayer").
_OF_A_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")

#: Pronouns after which "May" asks or wishes ("May I ask", "May they prosper").
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


@functools.cache
def _reporting_verbs() -> frozenset[str]:
    """One-word reporting verbs ("said", "told"): a month before one is a person ("May
    said on Monday")."""
    return frozenset(v for v in lexicon().tense_reporting if " " not in v) | {"says"}


def _bare_abbreviation(text: str, start: int, end: int, word: str) -> bool:
    """Whether ``word`` is a weekday's short form ("Sun", "Wed") standing alone: without
    its period or a date after it, it is a name ("Sun Microsystems", "Wed" in a title)."""
    if word.lower().endswith("day") or not word[:1].isupper():
        return False
    return _AFTER_SHORT_DAY.match(text, end) is None and not text[start:end].endswith(".")


def false_friend(
    text: str, start: int, end: int, *, bare: bool, kind: str, hits: Hits | None = None
) -> str | None:
    """Why ``text[start:end]`` is not a date here, or ``None`` if nothing speaks against it.

    Args:
        text: The original text (the sentence, or the phrase alone).
        start: Where the matched phrase starts (a leading preposition included).
        end: Where it ends.
        bare: Whether the phrase is one calendar word with nothing to fix it (no day
            number, year or modifier): only such phrases get the capitalisation check.
        kind: ``month``, ``season``, ``holiday``, ``year``, ``weekday`` or another rule
            name, to pick the checks that apply.
        hits: What :func:`names_sharing_a_word` gives for the phrase, when the caller
            has it already.
    """
    # (Most phrases share no word with a name, and their caller knows it already.)
    name = None if hits == () else _listed_name(text, start, end, hits)
    if name is not None:
        return f"part of the name {name!r}"
    lex = lexicon()
    after = _WORD_AFTER.match(text, end)
    if (
        after is not None
        and after.group(1)[0].isupper()
        and after.group(1).lower() in lex.name_heads
    ):
        return f"part of a name ({text[start : after.end(1)].strip()!r})"
    if kind == "holiday" and _OF_A_NAME.match(text, end):
        # "National Day of Prayer", "Day of the Dead": a name that holds the holiday's
        return f"part of a name ({text[start:end].strip()!r} of ...)"
    if kind == "clock range":
        return _counted(text, start, end, after)
    if kind == "day of the month":
        return _numbered_name(text, start, end, after)
    if not bare:  # the checks below are for one calendar word alone
        return None
    word = text[start:end].strip().rstrip(".")
    if word.lower() in lex.homographs and word.islower():
        return f"{word!r} in lower case is an ordinary word here"
    if kind == "month" and word == "May" and after is not None:
        if after.group(1).lower() in _PRONOUNS and _word_before(text, start) is None:
            return "'May' opening a sentence before a pronoun is the verb ('May I ask...')"
        if after.group(1) in _reporting_verbs():
            return f"'May {after.group(1)}' is a person's name"
    if kind == "weekday" and _bare_abbreviation(text, start, end, word):
        return f"{word!r}, a day's short form with no date after it, is a name here"
    if kind not in ("month", "season", "holiday", "year"):
        return None
    calendar = _calendar_words()
    before = _word_before(text, start)
    if (
        kind == "season"
        and word in lex.season_homographs
        and before is not None
        and before[0].lower() not in lex.season_leads
    ):
        # "bond yields could fall further", "the hot spring": "fall" or "spring" in lower
        # case is a date after "in", "by", "every"... (or alone), not after other words.
        return f"{word!r} in lower case after {before[0]!r} is an ordinary word here"
    if (
        kind == "season"
        and word in lex.season_homographs
        and before is not None
        and before[0].lower() == "to"
        and _VERB_COMPLEMENT.match(text, end)
    ):
        # "to fall apart", "expected to fall further": the infinitive; "from spring to
        # fall," and "to fall 2025" stay seasons.
        return f"{word!r} after 'to' and before a word of its own is a verb here"
    if before is not None:
        prev, prev_start = before
        if (
            prev[0].isupper()
            and prev.lower() not in lex.function_words
            and prev.lower() not in calendar
            and not _sentence_start(text, prev_start)
        ):
            return f"part of a name ({text[prev_start:end].strip()!r})"
    if kind == "year":
        return None
    if after is not None:
        nxt = after.group(1)
        preposed = before is not None and before[0].lower() in lex.function_words
        if (
            nxt[0].isupper()
            and nxt.lower() not in calendar
            and nxt.lower() not in lex.function_words
            and not preposed
        ):
            return f"part of a name ({text[start : after.end(1)].strip()!r})"
    return None
