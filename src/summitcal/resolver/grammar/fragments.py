"""Pattern fragments: the pieces of regex that the rule tables are written with.

Each fragment is built from the lexicon's word lists ("feb(?:ruary)?", the weekdays, the
clock words), and most take a group-name suffix so that one pattern can hold two of them
("the 6th to the 7th": ``dna``, ``dnb``).  :func:`compose` adds to a rule's core what may
stand around it: a leading preposition and, for a day, clock times, a part of the day and
a zone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from summitcal.resolver.lexicon import Lexicon

__all__ = [
    "CLOCK",
    "DECORATIONS",
    "ZONE",
    "Fragments",
    "compose",
    "decoration_words",
    "led_by_first_character",
    "word_trie",
]


def alt(words: object) -> str:
    """An alternation of ``words``, spaces as ``\\s+``, apostrophes optional."""
    assert isinstance(words, (list, tuple, set, frozenset, dict))
    return word_trie(map(str, words), optional_apostrophe=True)


def word_trie(words: Iterable[str], *, optional_apostrophe: bool = False) -> str:
    """A regex alternation of ``words`` written as a trie (see :func:`_built_trie`); the
    rule tables ask for the same few word lists many times, so each is built once."""
    return _built_trie(frozenset(words), optional_apostrophe)


@functools.lru_cache(maxsize=512)
def _built_trie(words: frozenset[str], optional_apostrophe: bool) -> str:
    """A regex alternation of ``words`` written as a trie, spaces matching any white space.

    "feb(?:ruary)?" rather than "february|feb": at each position the engine follows one
    branch per next letter instead of trying every word in turn, and a longer word is
    still tried before its prefix, as a longest-first list would be.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    chars = {" ": r"\s+", "'": "'?"} if optional_apostrophe else {" ": r"\s+"}
    return _trie(root, chars)


def led_by_first_character(branches: dict[str, list[str]]) -> str:
    r"""An alternation in which every branch opens with one literal character: for each
    first character, the alternation of what may follow it (each a regex).

    Python's regex engine reads a pattern whose top-level branches all open with a literal
    as a set of possible first characters, and in a search skips every position whose
    character is not one of them without trying a branch; a pattern that opens with a
    lookbehind or a character class is tried in full at every position.

    Example::

        >>> led_by_first_character({"a": ["m", "pr"], "1": [r"\d"]})
        '(?:a(?:m|pr)|1(?:\\d))'
    """
    parts = [f"{_escaped(first)}(?:{'|'.join(rests)})" for first, rests in branches.items()]
    return f"(?:{'|'.join(parts)})"


def _trie(node: dict[str, Any], chars: dict[str, str]) -> str:
    parts = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        # A chain of nodes with one branch each and no word ending in them is written out
        # in one go rather than by a call per letter: the text is the same, as such a
        # node adds nothing around its letter.
        run = [chars.get(ch) or _escaped(ch)]
        while len(child) == 1 and "" not in child:
            ((ch, child),) = child.items()
            run.append(chars.get(ch) or _escaped(ch))
        parts.append("".join(run) + _trie(child, chars))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if "" in node else body


_escaped = functools.cache(re.escape)


def prepositions(lex: Lexicon) -> str:
    """The prepositions a phrase may have before it ("on", "as of"), in the lexicon's
    order, as an alternation."""
    return "|".join(word.replace(" ", r"\s+") for word in lex.prepositions["phrase"])


def squash(text: str) -> str:
    return " ".join(text.split())


@attrs.frozen
class Fragments:
    """Pattern fragments built from the lexicon (each takes a group-name suffix)."""

    lex: Lexicon
    #: Whether the clock takes the styles of agendas and chat ("7p", "15h30", "19.45",
    #: "half past nine", "11 o'clock", a bare hour before "tonight" or in a range): the
    #: patterns that read one phrase handed over whole; running text is searched without.
    loose: bool = False

    def _named(self, group: str, words: dict[str, int], full: tuple[str, ...]) -> str:
        # A dot may follow an abbreviation ("Feb."), never a full name (a sentence's end).
        abbreviations = [w for w in words if w not in full]
        return rf"(?:(?P<{group}>{alt(full)})|(?P<{group}_ab>{alt(abbreviations)})\.?)"

    def wd(self, s: str) -> str:
        return self._named(f"wd{s}", self.lex.weekdays, self.lex.weekday_names)

    def mon(self, s: str) -> str:
        return self._named(f"mon{s}", self.lex.months, self.lex.month_names)

    def day(self, s: str, suffix: str = "?") -> str:
        words = alt(self.lex.ordinals)
        return rf"(?:(?P<dn{s}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th){suffix}|(?P<dw{s}>{words}))"

    def year(self, s: str) -> str:
        return rf"(?P<y{s}>(?:1[6-9]|20|21)\d\d)"

    def year_q(self, s: str) -> str:
        """A year qualifier: "2024", "last year", "next year", "this year"."""
        return rf"(?:{self.year(s)}|(?P<yr{s}>last|next|this|the\s+same)\s+year)"

    def num(self, s: str) -> str:
        return rf"(?P<n{s}>\d{{1,3}}|{alt(self.lex.cardinals)})"

    def units(self, s: str) -> str:
        return rf"(?P<u{s}>{alt(self.lex.units)})"

    def fuzz(self) -> str:
        # "end-March", "end-2024" (finance copy): "end" only with its hyphen, for "the
        # talks end March 3" is a verb before a date.
        return rf"(?:(?P<fz>{alt(self.lex.fuzzy)})(?:\s*-\s*|\s+)|(?P<fzh>end)-)?"

    def clock(self, s: str, zones: bool = True) -> str:
        """A clock time; without ``zones``, for a text that holds no zone word."""
        zone = rf"|\s+{self.zones()}" if zones else ""
        return (
            rf"(?P<ck{s}>(?P<ch{s}>1[0-2]|0?[1-9])(?:[:.](?P<cm{s}>[0-5]\d))?\s*"
            rf"(?P<ap{s}>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
            # "14:30", and the wire services' "0800 GMT" or "1430 hrs": four digits only
            # before a zone word or "hrs" (alone they would as often be a year)
            rf"|(?P<hh{s}>[01]?\d|2[0-3])(?::|(?<=\d\d)(?=[0-5]\d(?:\s*(?:hrs|h)\b{zone})))"
            rf"(?P<mm{s}>[0-5]\d)(?:\s*(?:hrs|h)\b)?"
            rf"|(?P<cw{s}>{alt(self.lex.clock_words)}){self._loose_clock(s) if self.loose else ''})"
        )

    def _loose_clock(self, s: str) -> str:
        """The clock styles of a phrase read whole (see ``loose``), as more alternatives
        of :meth:`clock`; groups as there, with the suffix ``s``."""
        lex = self.lex
        ap = r"a\.?\s?m\b\.?|p\.?\s?m\b\.?"
        words = alt(lex.clock_hours)
        hour = rf"1[0-2]|0?[1-9]|{words}"
        # A bare hour is a clock only where a part of the day or a range says so ("at 8
        # tonight", "3-4pm", "from 9 to 11"); a range's end follows its separator.
        bare = (
            ""
            if s.endswith(("e", "b"))
            else rf"(?=\s*(?:-|to|and|until|till)\s*(?:\d|noon|midnight|{words})"
            r"|\s+(?:tonight|(?:this|tomorrow|in\s+the)\s+(?:morning|afternoon|evening)"
            r"|at\s+night))"
        )
        return (
            rf"|(?P<lh{s}>1[0-2]|0?[1-9])(?::(?P<lm{s}>[0-5]\d))?(?P<la{s}>[ap])\b"
            rf"|(?P<xh{s}>[01]?\d|2[0-3])[h.](?P<xm{s}>[0-5]\d)\b"
            rf"|(?P<qh{s}>[01]\d|2[0-3])(?P<qm{s}>[0-5]\d)(?=\s*-\s*[012]\d[0-5]\d\b)"
            rf"|(?P<fr{s}>{alt(lex.clock_fractions)})\s+(?P<fd{s}>past|after|to|before)\s+"
            rf"(?P<fh{s}>{hour})(?:\s*(?P<fa{s}>{ap}))?"
            rf"|(?P<oh{s}>{hour})\s+o'?\s?clock\b(?:\s*(?P<oa{s}>{ap}))?"
            rf"|(?P<wh{s}>{words})\s+(?P<wm{s}>{alt(lex.clock_minutes)})\b(?:\s*(?P<wa{s}>{ap}))?"
            rf"|(?P<bh{s}>1[0-2]|0?[1-9])\b{bare}"
        )

    def zones(self) -> str:
        """Any zone word, as a whole word (no group)."""
        return rf"(?:{alt(self.lex.zones)})\b"

    def zone(self, s: str) -> str:
        # "local time" alone names no zone: it is read, and the zone stays unknown.
        return rf"(?P<zn{s}>(?P<zone{s}>{alt(self.lex.zones)})|local\s+time)"

    def prepositions(self) -> str:
        """The grammar's preposition slot, as an alternation (no group)."""
        return prepositions(self.lex)

    def pod(self) -> str:
        return rf"(?P<pod>{alt(self.lex.parts_of_day)})"


RANGE_SEP = r"(?P<sep>\s*(?:-|to|through|thru|until|till|and|&)\s*)"
FROM = r"(?:(?:from|between)\s+)?"
WEEK_REL = r"(?:\s+(?P<wk>next|last|this|the\s+following|the\s+previous)\s+week)?"


#: The decorations of a day that a text may hold (see :func:`compose`): clock times and
#: zones.  A bit set of them picks a day-level pattern.
CLOCK = 1
ZONE = 2
DECORATIONS = CLOCK | ZONE


def compose(f: Fragments, core: str, day_level: bool, decorations: int = DECORATIONS) -> str:
    """A rule's whole pattern: ``core`` with a leading preposition and, for a day, what may
    qualify it.

    ``decorations`` leaves out the clock times or zones of a day-level pattern, for a text
    that holds none: a pattern costs in proportion to its length to compile, and the zone
    words are most of it.  The groups of what is left out are missing from the pattern;
    the readers take a missing group as one that did not take part.
    """
    body = _day(f, core, decorations) if day_level else core
    return rf"(?<![\w/'-])(?:(?P<prep>{f.prepositions()})\s+)?(?P<body>{body})(?![\w/']|-\w)"


def _day(f: Fragments, core: str, decorations: int) -> str:
    zoned = bool(decorations & ZONE)
    zone_p = rf"(?:\s+{f.zone('p')})?" if zoned else ""
    clock_p = (
        # "9 a.m. on Monday", "from 9 a.m. to 5 p.m. on Monday" (a leading "from" is the
        # preposition), "between 2 and 4 pm on Monday" ("and" joins a range after
        # "between" only: "9 a.m. and 5 p.m." alone are two times)
        rf"(?:(?P<btp>between\s+)?{f.clock('p', zoned)}"
        rf"(?:\s*(?:-|to|until|till|(?(btp)and|(?!)))\s*{f.clock('pe', zoned)})?"
        rf"{zone_p},?\s+(?:on\s+)?)?"
    )
    clock_t = (
        rf"(?:,?\s+(?:at\s+|from\s+|around\s+|(?P<btt>between\s+))?{f.clock('t', zoned)}"
        rf"(?:\s*(?:-|to|until|till|(?(btt)and|(?!)))\s*{f.clock('e', zoned)})?)?"
    )
    clocked = bool(decorations & CLOCK)
    return (
        (clock_p if clocked else "")
        + rf"(?P<core>{core})"
        + rf"(?:,?\s+(?:in\s+the\s+)?{f.pod()})?"
        + (clock_t if clocked else "")
        + (rf"(?:,?\s+{f.zone('')})?" if zoned else "")
    )


def decoration_words(f: Fragments) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the decorations (see :func:`compose`): the zone words ("local time"
    among them) and the clock words; the rest of a clock time is digits, or, in the
    loose fragments of a phrase read whole, spelled-out hours and fractions too ("a
    quarter to eight tomorrow morning")."""
    clock = tuple(f.lex.clock_words)
    if f.loose:
        clock += (*f.lex.clock_hours, *f.lex.clock_fractions)
    return (*f.lex.zones, "local time"), clock
