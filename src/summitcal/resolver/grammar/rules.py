"""The rule record: one pattern of a grammar, its meaning and the words it needs.

A grammar is a table of :class:`Rule` records in priority order (see :mod:`.english`).
Each record says once everything about its rule: what it is (its :class:`RuleKind`), the
pattern of its core, the builder that gives the core its meaning, whether it names a day
(so that clock times, parts of the day and zones may qualify it), and the trigger words
without which a text cannot hold it.  Everything else is derived from the table: the
composed patterns (:func:`compile_table`) and the trigger masks (:mod:`.triggers`).

Another language adds its own table of the same records, with its own fragments and
builders; the kinds, the cores they build and the anchoring are shared.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable

import attrs

from summitcal.resolver.grammar.builders import Builder
from summitcal.resolver.grammar.fragments import DECORATIONS, Fragments, compose
from summitcal.span.span import Mod

__all__ = ["Rule", "RuleKind", "compile_table"]


class RuleKind(enum.Enum):
    """What a rule reads, whatever the language; its value is the English name used in
    explanations ("weekday range")."""

    EXPLICIT_DATE = "explicit date"
    NUMERIC_DATE = "numeric date"
    NUMERIC_DAY = "numeric day"
    NUMERIC_RANGE = "numeric range"
    MONTH_DAY_RANGE = "month-day range"
    WEEKDAY_RANGE = "weekday range"
    MONTH_DAY = "month-day"
    SHIFTED_DAY = "shifted day"
    WEEKDAY = "weekday"
    DAY_WORD = "day word"
    DAY_OF_MONTH = "day of the month"
    WEEKDAY_DAY_OF_MONTH = "weekday and day of the month"
    MONTH = "month"
    YEAR = "year"
    RELATIVE_UNIT = "relative unit"
    RELATIVE_OFFSET = "relative offset"
    HOLIDAY = "holiday"
    SEASON = "season"
    QUARTER = "quarter"
    HALF_YEAR = "half year"
    DECADE = "decade"
    WEEKEND = "weekend"
    CLOCK_TIME = "clock time"
    CLOCK_RANGE = "clock range"
    DAY_TIME_RANGE = "day and time range"
    NIGHT_OF = "night of a day"
    NTH_WEEKDAY = "weekday of a month"
    NARRATIVE_DAY = "narrative day"
    VAGUE_OFFSET = "vague offset"
    DURATION = "duration"
    DURATION_OF_A_THING = "duration of a thing"
    SET = "set"


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(words)


def _words_or_none(words: Iterable[str] | None) -> frozenset[str] | None:
    return None if words is None else frozenset(words)


def _name(rule: Rule) -> str:
    return rule.kind.value


@attrs.frozen
class Rule:
    """One pattern of a grammar.

    Attributes:
        kind: What the rule reads.
        core: The pattern of the phrase's core, as written in the table.
        build: Turns a match into a core meaning.
        day_level: Whether the rule names a day (so clock times and parts of day apply).
        triggers: Words of which any text the rule matches contains at least one
            (``#`` stands for a digit); a text with none of them is not tried.
        also: For some rules, a second set of such words: a text must hold one of each
            set ("February 6-7" holds a separator and a month).
        in_text: Whether the rule is looked for in running text (a yearless "9/11" is
            read only when a caller hands it over as a phrase).
        name: The name used in explanations; by default the kind's.
        mod: A mod that every match of the rule carries ("year-end": END), for a rule
            without the "early/mid/late" group.
        part: A part of the day that every match carries ("the night of Tuesday to
            Wednesday": NI).
        late: Whether the rule is tried only on a phrase the others cannot read (the
            forms of agendas and chat, "the third Tuesday of September", "13-03-2017"):
            the common phrases never pay for them.
        source: The whole pattern, decorations included (``pattern`` is it compiled); set
            by :func:`compile_table`.
        fragments: The fragments the pattern is composed with (set by
            :func:`compile_table`), for :meth:`pattern_for`.
        fuzzy: Whether the pattern has the "early/mid/late" group (read from ``source``).
        clock_only: Whether this is a clock-time or clock-range rule, whose times have
            their own groups.
        iso_clock: Whether the pattern holds an ISO 8601 clock ("T14:00", groups ``hhi``,
            ``mmi``, ``ssi`` and ``zi`` for "Z").
        two_days: Whether this is the rule of a clock on one day to a clock on another
            ("Monday 9am to Wednesday noon", groups ``ckta`` and ``cktb``).
    """

    kind: RuleKind
    core: str
    build: Builder
    day_level: bool
    triggers: frozenset[str] = attrs.field(converter=_words)
    also: frozenset[str] | None = attrs.field(default=None, converter=_words_or_none)
    in_text: bool = True
    name: str = attrs.field(default=attrs.Factory(_name, takes_self=True))
    mod: Mod | None = None
    part: str | None = None
    late: bool = False
    source: str = ""
    fragments: Fragments | None = attrs.field(default=None, eq=False, repr=False)
    fuzzy: bool = attrs.field(init=False)
    clock_only: bool = attrs.field(init=False)
    iso_clock: bool = attrs.field(init=False)
    two_days: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # Asked of every match: known once rather than from the pattern's group index (a
        # new mapping at each call).
        object.__setattr__(self, "fuzzy", "(?P<fz>" in self.source)
        object.__setattr__(
            self, "clock_only", self.kind in (RuleKind.CLOCK_TIME, RuleKind.CLOCK_RANGE)
        )
        object.__setattr__(self, "iso_clock", "(?P<hhi>" in self.source)
        object.__setattr__(self, "two_days", self.kind is RuleKind.DAY_TIME_RANGE)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use, so that a program that only ever
        reads weekdays never pays for the other rules)."""
        return _compile(self.source)

    def pattern_for(self, decorations: int) -> re.Pattern[str]:
        """The compiled pattern for a text that may hold only ``decorations`` (see
        :func:`~.fragments.compose`): on such a text it matches as :attr:`pattern` does,
        and it is a fraction of its length to compile."""
        if decorations == DECORATIONS or not self.day_level or self.fragments is None:
            return self.pattern
        return _compile_variant(self, decorations)


@functools.cache
def _compile(source: str) -> re.Pattern[str]:
    return re.compile(source)


@functools.cache
def _compile_variant(rule: Rule, decorations: int) -> re.Pattern[str]:
    assert rule.fragments is not None
    return _compile(compose(rule.fragments, rule.core, rule.day_level, decorations))


def compile_table(table: Iterable[Rule], fragments: Fragments) -> tuple[Rule, ...]:
    """The rules of ``table`` with their whole patterns: each core with what may stand
    around it (a preposition; for a day, clock times, a part of the day, a zone)."""
    return tuple(
        attrs.evolve(
            rule, source=compose(fragments, rule.core, rule.day_level), fragments=fragments
        )
        for rule in table
    )
