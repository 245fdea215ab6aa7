"""Open intervals: a phrase after "until", "by", "before", "after", "since", "from" or
"starting" is one end of an interval.

TIMEX3 gives such a phrase its own value and type, with a mod for the open side:
"until Friday" is Friday, ``ON_OR_BEFORE``; "after 5pm" is 17:00, ``AFTER``; "since March"
is the month, ``ON_OR_AFTER`` (the words are in ``data/prepositions.toml``).  "By the end
of the month" is a point, the month's last day, rather than the month with the mod END:
mods do not stack.  The side also points the phrase: "since" always looks back, and a
deadline ("until", "by") or a start ("from", "starting") with no tense looks ahead.
"""

from __future__ import annotations

import attrs

from summitcal.resolver.explain import Why
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.memo import per_phrase
from summitcal.resolver.phrase import DayRange, Direction, Phrase
from summitcal.span.span import DateSpan, Granularity, Mod

__all__ = ["bound_direction", "bounded", "open_bound"]

_DEADLINES = frozenset({Mod.ON_OR_BEFORE, Mod.BEFORE})


def open_bound(text: str, start: int, phrase: Phrase) -> tuple[str, Mod] | None:
    """The preposition before the phrase (``text[:start]``) that makes it an interval's
    end, and the mod it gives; ``None`` when there is none, or when the phrase is a range
    of its own ("from Sunday to Wednesday", "from 9 to 11")."""
    found = _bound_of(text[:start])
    if found is None or phrase.end_time is not None or type(phrase.core) is DayRange:
        return None
    return found


@per_phrase(maxsize=256)
def _bound_of(head: str) -> tuple[str, Mod] | None:
    """The open bound a phrase's leading words ("until ") make, if any (kept: news
    repeats its prepositions)."""
    word = " ".join(head.lower().split())
    mod = lexicon().open_bounds.get(word)
    return None if mod is None else (word, Mod(mod))


def bound_direction(bound: tuple[str, Mod], used: Direction) -> Direction:
    """The direction of an interval's end: "since" is behind; a deadline or a start with
    no tense ("until Friday", "starting Monday" alone) ahead, as notices and schedules
    write them; otherwise the tense's."""
    word, mod = bound
    if word == "since":
        return Direction.PAST
    if mod is not Mod.AFTER and used is Direction.NEAREST:
        return Direction.FUTURE
    return used


def bounded(span: DateSpan, bound: tuple[str, Mod], why: Why) -> tuple[DateSpan, str, Why] | None:
    """The span with the interval's mod, its TIMEX3 value and explanation; ``None`` when
    the phrase already has a mod of its own ("since early March" stays early March)."""
    word, mod = bound
    if span.mod is not None and not (
        span.mod is Mod.END and mod in _DEADLINES and span.granularity is not Granularity.DAY
    ):
        return None
    if span.mod is Mod.END:  # "by the end of the month": its last day
        span = DateSpan.days(span.last, span.last, zone=span.zone)
    span = attrs.evolve(span, mod=mod)
    return span, span.timex, ("{}; open interval: {} ('{}')", why, mod.value, word)
