"""The resolver: date phrases as news writes them, anchored to absolute spans.

:func:`resolve` reads one phrase ("from Sunday to Wednesday", "May last year", "9 a.m. on
Monday Beijing time") against the publication date of the article it came from and the
sentence around it, and returns a :class:`Resolution`: the span, its TIMEX3 value and type,
a mod and a zone where they apply, and a one-line explanation.  :func:`scan` finds every
phrase the same grammar knows in running text.

Conventions (which Friday "on Friday" means, and so on) are in docs/resolver.md.  Each
ambiguity that a caller may want settled differently is a keyword argument:
``direction`` (read from the sentence by default) and ``order`` (for ``11/02/2025``).

Example::

    >>> from datetime import date
    >>> r = resolve("from Sunday to Wednesday", reference=date(2025, 2, 9),
    ...             context="The minister will travel from Sunday to Wednesday.")
    >>> r.timex, r.span.granularity.value
    ('2025-02-09/2025-02-12', 'day')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from summitcal.errors import PhraseError
from summitcal.resolver.anchor import anchor_parts, duration_value
from summitcal.resolver.explain import Why, words
from summitcal.resolver.grammar import RawMatch, matches, parse, rules
from summitcal.resolver.names import false_friend
from summitcal.resolver.phrase import (
    DayOfMonth,
    DayRange,
    Direction,
    HolidayRef,
    MonthDay,
    MonthRef,
    NumericDate,
    NumericOrder,
    Phrase,
    Relative,
    SeasonRef,
    Shift,
    Weekday,
    WeekendRef,
    YearRef,
)
from summitcal.resolver.tense import REACH, read_cue, within_reach
from summitcal.resolver.text import normalize
from summitcal.span.span import DateSpan, Mod

__all__ = [
    "Direction",
    "Duration",
    "NoSpanError",
    "NumericOrder",
    "Phrase",
    "PhraseMatch",
    "Resolution",
    "TimexType",
    "needs_direction",
    "resolve",
    "resolve_in_context",
    "scan",
]


class TimexType(enum.StrEnum):
    """The TIMEX3 type of a resolved phrase (compares equal to its name)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


_TIMEX_TYPES = {t.value: t for t in TimexType}
_DIRECTION_WORDS = {d: d.value for d in Direction}  # an enum's .value is a slow lookup


class NoSpanError(PhraseError):
    """Raised by :attr:`Resolution.span` for a duration or a set, which lie nowhere."""


@attrs.frozen
class Duration:
    """An amount of time ("for three days"): a count of calendar units.

    Attributes:
        unit: ``minute``, ``hour``, ``day``, ``week``, ``month``, ``quarter`` or ``year``.
        count: How many.
    """

    unit: str
    count: int

    @property
    def timex(self) -> str:
        """The ISO 8601 / TIMEX3 duration value (``P3D``, ``P2W``, ``P10Y``, ``PT48H``)."""
        return duration_value(self.unit, self.count)

    def as_relativedelta(self) -> relativedelta:
        """The duration as a ``dateutil`` relativedelta, to add to dates."""
        if self.unit == "quarter":
            return relativedelta(months=3 * self.count)
        return relativedelta(**{f"{self.unit}s": self.count})


@attrs.frozen(kw_only=True, repr=False)
class Resolution:
    """A resolved phrase.

    Attributes:
        text: The phrase as given.
        timex: The TIMEX3 value (``2025-02-09/2025-02-12``, ``2024-05``, ``P3D``).
        type: The TIMEX3 type: DATE, TIME, DURATION or SET.
        mod: The TIMEX3 mod (START, MID, END...), if one applies.
        zone: The IANA zone a zone word named, if any (it never moves the dates).
        explanation: The rule and the anchor used, in a few words.
        direction: The direction used (PAST, FUTURE or NEAREST).
        rule: The grammar rule that matched.
        duration: For a DURATION, the amount; ``None`` otherwise.
    """

    text: str
    timex: str
    type: TimexType
    mod: Mod | None
    zone: str | None
    # The explanation, in parts until it is first read (most callers never read it; see
    # summitcal.resolver.explain); compared in words.
    _why: Why = attrs.field(alias="explanation", eq=words)
    direction: Direction
    rule: str
    duration: Duration | None = None
    resolved_span: DateSpan | None = attrs.field(default=None, repr=False)

    @property
    def explanation(self) -> str:
        """The rule and the anchor used, in a few words."""
        why = self._why
        if isinstance(why, str):
            return why
        said = words(why)
        _set_why(self, said)
        return said

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN)
        return f"Resolution({shown})"

    @property
    def span(self) -> DateSpan:
        """The span of days (and times).

        Raises:
            NoSpanError: For a DURATION or a SET, which have no position in time.
        """
        if self.resolved_span is None:
            raise NoSpanError(
                self.text, f"{self.timex} ({self.type}) has no span; see .timex/.duration", 0
            )
        return self.resolved_span

    @property
    def value(self) -> str:
        """Alias of :attr:`timex`."""
        return self.timex


_SHOWN = ("text", "timex", "type", "mod", "zone", "explanation", "direction", "rule", "duration")
_RESOLUTION_FIELDS = (
    "text",
    "timex",
    "type",
    "mod",
    "zone",
    "_why",
    "direction",
    "rule",
    "duration",
    "resolved_span",
)
# The slot setters of Resolution, to build one per phrase without the frozen class's
# __setattr__ guard (see _finish).
(
    _set_text,
    _set_timex,
    _set_type,
    _set_mod,
    _set_zone,
    _set_why,
    _set_direction,
    _set_rule,
    _set_duration,
    _set_span,
) = (Resolution.__dict__[name].__set__ for name in _RESOLUTION_FIELDS)


_new = object.__new__


@attrs.frozen
class PhraseMatch:
    """A date phrase found in running text by :func:`scan`.

    Attributes:
        start: Where the phrase starts in the text (a leading "on"/"in" left out).
        end: Where it ends.
        text: The phrase as written.
        rule: The grammar rule that matched.
        phrase: The parsed, unresolved meaning; resolve it with :func:`resolve`.
    """

    start: int
    end: int
    text: str
    rule: str
    phrase: Phrase


# --- false friends ----------------------------------------------------------------------------


def _kind_and_bare(phrase: Phrase, rule: str) -> tuple[str, bool]:
    core = phrase.core
    kind = type(core)
    if kind is Weekday:  # the commonest first
        assert isinstance(core, Weekday)
        return "weekday", core.rel is None and core.week is None and _plain(phrase)
    if kind is MonthRef:
        assert isinstance(core, MonthRef)
        bare = core.year is None and core.year_step is None and core.rel is None
        return "month", bare and _plain(phrase)
    if kind is SeasonRef or kind is HolidayRef:
        assert isinstance(core, (SeasonRef, HolidayRef))
        name = "season" if kind is SeasonRef else "holiday"
        return name, core.rel is None and core.year is None and _plain(phrase)
    if kind is YearRef:
        return "year", _plain(phrase)
    return rule, False


def _plain(phrase: Phrase) -> bool:
    return phrase.mod is None and phrase.start_time is None and phrase.part_of_day is None


def _check_names(text: str, start: int, end: int, phrase: Phrase, whole: str) -> None:
    kind, bare = _kind_and_bare(phrase, phrase.rule)
    reason = false_friend(text, start, end, bare=bare, kind=kind)
    if reason is not None:
        raise PhraseError(whole, reason, max(0, start))


# --- scanning ---------------------------------------------------------------------------------


def _priority() -> dict[str, int]:
    order: dict[str, int] = {}
    for i, rule in enumerate(rules()):
        order.setdefault(rule.name, i)
    return order


def scan(text: str) -> Iterator[PhraseMatch]:
    """Find the date phrases in running ``text``, left to right, without overlaps.

    Where phrases overlap, the longest wins ("from Sunday to Wednesday" over "Sunday").
    Names and ordinary words that look like dates ("Theresa May", "officials may meet")
    are skipped, as is a bare four-digit number with no preposition before it.

    Example::

        >>> [m.text for m in scan("Talks ran from Sunday to Wednesday, officials said.")]
        ['Sunday to Wednesday']
    """
    norm = normalize(text)
    priority = _priority()
    found: list[RawMatch] = []
    for raw in matches(norm):
        if isinstance(raw.phrase.core, YearRef) and raw.preposition is None and not raw.phrase.mod:
            continue
        kind, bare = _kind_and_bare(raw.phrase, raw.rule.name)
        if false_friend(text, raw.start, raw.end, bare=bare, kind=kind) is not None:
            continue
        found.append(raw)
    found.sort(key=lambda r: (r.start, -(r.end - r.start), priority[r.rule.name]))
    last_end = -1
    for raw in found:
        if raw.start < last_end:
            continue
        last_end = raw.end
        yield PhraseMatch(raw.start, raw.end, text[raw.start : raw.end], raw.rule.name, raw.phrase)


# --- resolving --------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\w/-])(1[6-9]\d\d|20\d\d)(?![\w/])")


def _reference_date(text: str, reference: date | datetime) -> date:
    if type(reference) is date:  # the common case, decided by one type test
        return reference
    if isinstance(reference, datetime):
        if reference.tzinfo is None or reference.utcoffset() is None:
            raise PhraseError(text, "the reference datetime must be timezone-aware", 0)
        return reference.date()
    if isinstance(reference, date):
        return reference
    raise PhraseError(text, f"the reference must be a date, not {type(reference).__name__}", 0)


def _locate(text: str, context: str) -> tuple[int, int] | None:
    phrase = text.strip()
    at = context.find(phrase)
    if at < 0:
        at = normalize(context).find(normalize(phrase))
    return (at, at + len(phrase)) if at >= 0 and phrase else None


def _context_year(context: str, start: int, end: int) -> int | None:
    before = list(_YEAR.finditer(context, 0, start))
    if before:
        return int(before[-1].group(1))
    after = list(_YEAR.finditer(context, end))
    return int(after[0].group(1)) if after else None


def needs_direction(phrase: Phrase) -> bool:
    """Whether the phrase's value can depend on the direction (past or future) at all.

    "on Friday", "May", "February 11", "the fall" and "the weekend" can; explicit dates,
    years, quarters, "last week", "three days ago", "May 2024", "next Friday", durations
    and sets cannot, so their sentence's tense is not read.
    """
    test = _NEEDS_DIRECTION.get(type(phrase.core))
    return test is not None and test(phrase.core)


def _yearless(core: MonthDay) -> bool:
    return core.year is None and core.year_step is None


def _unplaced(core: MonthRef | HolidayRef | SeasonRef) -> bool:
    return core.rel is None and core.year is None and core.year_step is None


def _range_needs(core: DayRange) -> bool:
    first = core.start
    if type(first) is Weekday:
        return _bare_weekday(first)
    if type(first) is MonthDay:  # a year on the first day fixes both
        return _yearless(first)
    return False


def _shift_needs(core: Shift) -> bool:
    base = core.base
    if type(base) is MonthDay:
        return _yearless(base)
    return type(base) is Weekday and _bare_weekday(base)


def _bare_weekday(core: Weekday) -> bool:
    # "last/next/this/coming Friday", "Friday next week" are placed by their words.
    return core.week is None and core.rel is None


#: For each kind of core whose value may depend on the direction, whether this one does
#: (a table by type, not a chain of type tests).
_NEEDS_DIRECTION: dict[type, Callable[[Any], bool]] = {
    Weekday: _bare_weekday,
    MonthDay: _yearless,
    MonthRef: _unplaced,
    HolidayRef: _unplaced,
    SeasonRef: _unplaced,
    DayRange: _range_needs,
    Shift: _shift_needs,
    NumericDate: lambda core: core.year is None,
    WeekendRef: lambda core: core.step is None,
    DayOfMonth: lambda core: True,
}

# Compared with once per phrase: module names are cheaper than enum lookups (see anchor).
_AUTO, _NEAREST = Direction.AUTO, Direction.NEAREST

_NO_CUE, _NO_CONTEXT = "{} (no tense cue)", "{} (no context)"


def _ruled(rule: str, how: str) -> str:
    """An explanation led by its rule's name ("weekday, past ..."), once."""
    return how if how.startswith(rule) else f"{rule}: {how}"


#: The explanation's word for a phrase whose value no direction could change.
NOT_NEEDED = "no direction needed"


def _finish(
    text: str,
    phrase: Phrase,
    p_start: int,
    p_end: int,
    ref: date,
    context: str | None,
    where: tuple[int, int] | None,
    direction: Direction,
    order: NumericOrder | None,
    anchor: date | datetime | None,
) -> Resolution:
    """Check names, read the direction and anchor a parsed phrase.

    ``where`` is where the phrase (stripped) sits in ``context``, if it was found there.
    """
    if context is not None and where is not None:
        # The phrase's own words, placed in the sentence (parse gave them in ``text``).
        shift = where[0] - (len(text) - len(text.lstrip()))
        kind, bare = _kind_and_bare(phrase, phrase.rule)
        reason = false_friend(context, shift + p_start, shift + p_end, bare=bare, kind=kind)
        if reason is not None:
            raise PhraseError(text, reason, 0)
    else:
        _check_names(text, p_start, p_end, phrase, text)
    used = direction
    label: Why
    if direction is _AUTO:
        if not needs_direction(phrase):
            used, label = _NEAREST, NOT_NEEDED
        elif context:
            start, end = where if where is not None else (len(context), len(context))
            used, cue = read_cue(context, start, end)
            word = _DIRECTION_WORDS[used]
            label = ("{} ('{}')", word, cue) if cue is not None else (_NO_CUE, word)
        else:
            used = _NEAREST
            label = (_NO_CONTEXT, _DIRECTION_WORDS[used])
    else:
        label = _DIRECTION_WORDS[used]
    context_year = None
    core = phrase.core
    if context and type(core) is Relative and core.anchored:
        start, end = where if where is not None else (len(context), len(context))
        context_year = _context_year(context, start, end)
    story_day = None if anchor is None else _reference_date(text, anchor)
    span, value, kind, why, duration = anchor_parts(
        phrase, ref, used, order, context_year, label, text, story_day
    )
    # The Resolution is made straight into its slots (its fields are all derived here, so
    # the frozen class's guard has nothing to protect; one is made per phrase).
    rule = phrase.rule
    made: Resolution = _new(Resolution)
    _set_text(made, text)
    _set_timex(made, value)
    _set_type(made, _TIMEX_TYPES[kind])
    _set_mod(made, None if span is None else span.mod)
    _set_zone(made, None if span is None else span.zone)
    _set_why(made, (_ruled, rule, why))
    _set_direction(made, used)
    _set_rule(made, rule)
    _set_duration(made, None if duration is None else Duration(*duration))
    _set_span(made, span)
    return made


def resolve(
    text: str,
    *,
    reference: date | datetime,
    context: str | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
) -> Resolution:
    """Resolve one date phrase to an absolute span.

    Args:
        text: The phrase, e.g. ``"on Friday"``, ``"Feb. 6-7"``, ``"May last year"``.
        reference: The publication date of the text (a ``date``, or an aware ``datetime``
            whose own local date is used).  Never the clock.
        context: The sentence around the phrase.  Its tense decides the direction of a
            phrase without a year or week ("on Friday" in "said on Friday" is past); a year
            it names anchors "the previous year"; names around the phrase ("Theresa May")
            are recognised.  The phrase is looked for in it (the first occurrence); to
            resolve one occurrence among several, use :func:`resolve_in_context`.
        direction: ``AUTO`` (read from ``context``; NEAREST without one) or a fixed
            ``PAST``, ``FUTURE`` or ``NEAREST``.  A phrase whose value cannot depend on
            it (an explicit date, "2024", "Q3 2024", "last week") is not read: its
            ``direction`` is NEAREST and its explanation says "no direction needed".
        order: How to read an all-numeric date (``11/02/2025``); without it only an
            unambiguous one resolves, and a date without a year ("9/11") none.
        anchor: The day the story is at, for phrases that count from it rather than from
            the publication date: "the next day", "the previous day", "that day", "two
            days later".  Defaults to ``reference``.

    Returns:
        The resolution; ``.span`` raises :class:`NoSpanError` for a DURATION or SET.

    Raises:
        PhraseError: If the text is not a date phrase, is a name or ordinary word here,
            or names no real date; ``position`` points at the offending place in ``text``.

    Example::

        >>> resolve("May last year", reference=date(2025, 2, 9)).timex
        '2024-05'
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text), "a phrase is a string", 0)
    ref = _reference_date(text, reference)
    phrase, p_start, p_end = parse(text)
    where = _locate(text, context) if context else None
    return _finish(text, phrase, p_start, p_end, ref, context, where, direction, order, anchor)


# A sentence ends at . ! or ? (and any closing quote) before white space and a capital, or
# at a blank line; an abbreviation's dot ("Feb. 6") is not followed by a capital.
_SENTENCE_END = re.compile(
    r"[.!?][\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]*[A-Z0-9])|\n[ \t]*\n"
)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end``, as far as the reader reaches."""
    lo = max(0, start - REACH)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    after = _SENTENCE_END.search(text, end, end + REACH)
    hi = after.start() + 1 if after is not None else min(len(text), end + REACH)
    return lo, hi


def resolve_in_context(
    text: str,
    start: int,
    end: int,
    *,
    reference: date | datetime,
    sentence: tuple[int, int] | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
) -> Resolution:
    """Resolve the phrase at ``text[start:end]``, reading that occurrence's own clause.

    Where :func:`resolve` is given a phrase and a sentence and looks the phrase up in it,
    this takes offsets into a whole text, so a phrase written twice ("on Friday ... and
    on Friday") is read where it stands: names are checked around it, and the direction
    comes from the tense of its own clause (see :func:`~summitcal.resolver.tense.read_direction`).
    The sentence is read within :data:`~summitcal.resolver.tense.REACH` characters of the
    phrase, so one call costs the same in a short text and in a long one.

    Args:
        text: The text (a sentence or a whole article).
        start: Where the phrase starts in ``text``.
        end: Where it ends.
        reference: The publication date (a ``date`` or an aware ``datetime``).
        sentence: ``(lo, hi)``, the bounds of the phrase's sentence in ``text``, if the
            caller knows them; by default found around the phrase (at ``.``, ``!``, ``?``
            before a capital, or a blank line).
        direction: As for :func:`resolve`.
        order: As for :func:`resolve`.
        anchor: As for :func:`resolve`: the day the story is at.

    Returns:
        The resolution, with ``text`` the phrase's own words.

    Raises:
        PhraseError: As :func:`resolve`; also when the offsets are not a stretch of
            ``text`` within the sentence.

    Example::

        >>> text = "The envoy arrived in Paris on Sunday and will leave on Wednesday."
        >>> resolve_in_context(text, 30, 36, reference=date(2025, 2, 12)).timex
        '2025-02-09'
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text)[:40], "the text is a string", 0)
    if not 0 <= start < end <= len(text):
        raise PhraseError(text[:40], f"offsets {start}..{end} lie outside the text", 0)
    lo, hi = sentence if sentence is not None else _sentence_around(text, start, end)
    if not 0 <= lo <= start < end <= hi <= len(text):
        raise PhraseError(text[start:end], f"the sentence {lo}..{hi} does not hold the phrase", 0)
    lo, hi = within_reach(text, lo, hi, start, end)
    phrase_text = text[start:end]
    ref = _reference_date(phrase_text, reference)
    phrase, p_start, p_end = parse(phrase_text)
    context = text[lo:hi]
    lead = len(phrase_text) - len(phrase_text.lstrip())
    at = start - lo + lead
    where = (at, at + len(phrase_text.strip()))
    return _finish(
        phrase_text, phrase, p_start, p_end, ref, context, where, direction, order, anchor
    )
