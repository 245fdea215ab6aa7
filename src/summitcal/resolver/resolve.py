"""Resolving: :func:`resolve` one phrase, :func:`resolve_in_context` one occurrence in a
text, :func:`resolve_match` a phrase :func:`scan` or the grammar already parsed, and
:func:`scan` running text for phrases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import attrs

from summitcal._unchecked import unchecked
from summitcal.errors import PhraseError
from summitcal.resolver.anchor import anchor_parts
from summitcal.resolver.anchor_base import SEASON_MODELS
from summitcal.resolver.anchor_rules import counted_interval
from summitcal.resolver.bounds import bound_direction, bounded, open_bound
from summitcal.resolver.countries import local_holiday
from summitcal.resolver.detect import context_language, detect, detect_text
from summitcal.resolver.explain import CUED, Why
from summitcal.resolver.grammar import RawMatch, matches, parse, rules
from summitcal.resolver.languages import ENGLISH, Language, available, check, language
from summitcal.resolver.memo import Refusal
from summitcal.resolver.names import Hits, false_friend
from summitcal.resolver.needs import DIRECTION_TESTS
from summitcal.resolver.own_words import english_reading, own_reading
from summitcal.resolver.phrase import (
    Direction,
    DurationCore,
    HolidayRef,
    MonthRef,
    NumericOrder,
    Phrase,
    Relative,
    SeasonRef,
    Weekday,
    YearRef,
)
from summitcal.resolver.resolution import Duration, PhraseMatch, Resolution, TimexType
from summitcal.resolver.tense import REACH, read_cue, within_reach
from summitcal.resolver.text import normalize, sentence_around

__all__ = [
    "kind_and_bare",
    "resolve",
    "resolve_in_context",
    "resolve_match",
    "resolve_parsed",
    "scan",
]


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


#: The kind of a phrase for the name checks, and whether it is one bare calendar word.
kind_and_bare = _kind_and_bare


def _plain(phrase: Phrase) -> bool:
    return phrase.mod is None and phrase.start_time is None and phrase.part_of_day is None


def _check_names(
    text: str, start: int, end: int, phrase: Phrase, whole: str, hits: Hits | None = None
) -> None:
    kind, bare = _kind_and_bare(phrase, phrase.rule)
    reason = false_friend(text, start, end, bare=bare, kind=kind, hits=hits)
    if reason is not None:
        raise PhraseError(whole, reason, max(0, start))


# --- scanning ---------------------------------------------------------------------------------


def _priority() -> dict[str, int]:
    order: dict[str, int] = {}
    for i, rule in enumerate(rules()):
        order.setdefault(rule.name, i)
    return order


def scan(text: str, *, lang: str | None = None) -> Iterator[PhraseMatch]:
    """Find the date phrases in running ``text``, left to right, without overlaps.

    Where phrases overlap, the longest wins ("from Sunday to Wednesday" over "Sunday").
    Names and ordinary words that look like dates ("Theresa May", "officials may meet")
    are skipped, as is a bare four-digit number with no preposition before it.

    ``lang`` is the text's ISO 639-1 code (``en``, ``zh``, ``fr``: see
    :mod:`~summitcal.resolver.languages`); by default it is detected from the text.
    An unsupported code raises :class:`~summitcal.errors.UnsupportedLanguageError`.

    Example::

        >>> [m.text for m in scan("Talks ran from Sunday to Wednesday, officials said.")]
        ['Sunday to Wednesday']
    """
    code = _text_language(text, lang)
    if code != ENGLISH:
        return language(code).scan(text)
    return _scan_english(text)


def _scan_english(text: str) -> Iterator[PhraseMatch]:
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


# --- languages --------------------------------------------------------------------------------


def _phrase_language(text: str, context: str | None, lang: str | None) -> str:
    """The language to read a phrase in: ``lang`` checked, or detected."""
    return detect(text, context) if lang is None else check(lang)


def _text_language(text: str, lang: str | None) -> str:
    """The language to read a running text in: ``lang`` checked, or detected."""
    return detect_text(text) if lang is None else check(lang)


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


_NO_CUE, _NO_CONTEXT = "{} (no tense cue)", "{} (no context)"


def _ruled(rule: str, how: str) -> str:
    """An explanation led by its rule's name ("weekday, past ..."), once."""
    return how if how.startswith(rule) else f"{rule}: {how}"


#: The explanation's head for a direction an interval's end gives ("since": past).
_BOUND = "{} (an interval's end after '{}')"

#: The explanation's word for a phrase whose value no direction could change.
NOT_NEEDED = "no direction needed"

#: Each direction's word ("past"): a dict lookup costs less than the enum's ``value``,
#: a property called in Python.
_WORD_OF = {d: d.value for d in Direction}


def _direction(
    text: str,
    phrase: Phrase,
    context: str | None,
    where: tuple[int, int] | None,
    direction: Direction,
    other: Language | None = None,
) -> tuple[Direction, Why]:
    """The direction to use for the phrase ``text``, and its words for the explanation
    (read by the tense of English, or by ``other``'s reader)."""
    if direction is not Direction.AUTO:
        if type(direction) is not Direction:
            raise TypeError(
                f"direction is a Direction (AUTO, PAST, FUTURE or NEAREST), not {direction!r}"
            )
        return direction, _WORD_OF[direction]
    needs = DIRECTION_TESTS.get(type(phrase.core))  # needs_direction, without its call
    if needs is None or not needs(phrase.core):
        return Direction.NEAREST, NOT_NEEDED
    if not context:
        if other is None:
            return Direction.NEAREST, (_NO_CONTEXT, _WORD_OF[Direction.NEAREST])
        # Another language's phrase may point itself ("le 5 mai dernier"): its reader
        # reads the phrase alone.
        used, cue = other.read_cue(text, 0, len(text))
        word = _WORD_OF[used]
        return used, ((CUED, word, cue) if cue is not None else (_NO_CONTEXT, word))
    start, end = where if where is not None else (len(context), len(context))
    used, cue = (read_cue if other is None else other.read_cue)(context, start, end)
    word = _WORD_OF[used]
    return used, ((CUED, word, cue) if cue is not None else (_NO_CUE, word))


_make_resolution = unchecked(Resolution)
#: The TIMEX3 types by name (a dict lookup costs less than the enum's own).
_TIMEX_TYPES = {t.name: t for t in TimexType}


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
    other: Language | None = None,
    seasons: str = "meteorological",
    hits: Hits | None = None,
) -> Resolution:
    """Check names, read the direction and anchor a parsed phrase.

    ``where`` is where the phrase (stripped) sits in ``context``, if it was found there;
    ``other`` is the phrase's language when it is not English; ``hits`` are the listed
    names that share a word with an English phrase, when known.
    """
    if seasons != "meteorological" and seasons not in SEASON_MODELS:
        raise ValueError(f"seasons is one of {', '.join(SEASON_MODELS)}, not {seasons!r}")
    if other is not None:
        _check_other_names(other, text, phrase, p_start, p_end, context, where)
    elif context is not None and where is not None:
        # The phrase's own words, placed in the sentence (parse gave them in ``text``).
        shift = where[0] - (len(text) - len(text.lstrip()))
        kind, bare = _kind_and_bare(phrase, phrase.rule)
        reason = false_friend(
            context, shift + p_start, shift + p_end, bare=bare, kind=kind, hits=hits
        )
        if reason is not None:
            raise PhraseError(text, reason, 0)
    else:
        _check_names(text, p_start, p_end, phrase, text, hits)
    bound = None
    if other is None and type(phrase.core) is HolidayRef:  # "Thanksgiving" in Canada
        named = phrase.core
        local = local_holiday(named, context, text)
        if local is not named:
            phrase = attrs.evolve(phrase, core=local)
    if other is None and p_start:  # "until Friday": English prepositions open a bound
        bound = open_bound(text, p_start, phrase)
    used, label = _direction(text, phrase, context, where, direction, other)
    if bound is not None and direction is Direction.AUTO:
        pointed = bound_direction(bound, used)
        if pointed is not used:
            used, label = pointed, (_BOUND, _WORD_OF[pointed], bound[0])
    context_year = None
    core = phrase.core
    if context and type(core) is Relative and core.anchored:
        start, end = where if where is not None else (len(context), len(context))
        context_year = _context_year(context, start, end)
    story_day = None if anchor is None else _reference_date(text, anchor)
    span, value, kind, why, duration = anchor_parts(
        phrase, ref, used, order, context_year, label, text, story_day, seasons
    )
    if bound is not None and span is not None:
        made = bounded(span, bound, why)
        if made is not None:
            span, value, why = made
    # Every field is derived here: made without __init__ (see summitcal._unchecked).
    rule = phrase.rule
    return _make_resolution(
        text,
        value,
        _TIMEX_TYPES[kind],
        # "late Thursday": TIMEX3 puts the mod on the day's value, but a day has no part
        # to narrow to, so the span stays the whole day and the mod is the phrase's; an
        # amount's mod ("about two hours") is the phrase's too.
        phrase.mod if span is None else span.mod or phrase.mod,
        None if span is None else span.zone,
        (_ruled, rule, why),
        used,
        rule,
        None if duration is None else Duration(*duration),
        span,
        None if duration is None or type(core) is not DurationCore else counted_interval(core, ref),
    )


def _check_other_names(
    other: Language,
    text: str,
    phrase: Phrase,
    p_start: int,
    p_end: int,
    context: str | None,
    where: tuple[int, int] | None,
) -> None:
    """Refuse a phrase that ``other``'s name checks find to be a name, in its sentence
    when it was found there."""
    if context is not None and where is not None:
        shift = where[0] - (len(text) - len(text.lstrip()))
        reason = other.false_friend(context, shift + p_start, shift + p_end, phrase)
    else:
        reason = other.false_friend(text, p_start, p_end, phrase)
    if reason is not None:
        raise PhraseError(text, reason, 0)


def resolve(
    text: str,
    *,
    reference: date | datetime,
    context: str | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
    lang: str | None = None,
    seasons: str = "meteorological",
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
        lang: The phrase's language, an ISO 639-1 code: ``en``, ``zh`` or ``fr`` (see
            :mod:`~summitcal.resolver.languages`).  By default it is detected: Chinese by
            its script, French from English by its words, a phrase without words
            ("2025") by its sentence.
        seasons: ``"meteorological"`` (spring is March to May) or ``"astronomical"``
            (from the UTC day of the equinox or solstice to the day before the next).

    Returns:
        The resolution; ``.span`` raises :class:`NoSpanError` for a DURATION or SET.

    Raises:
        PhraseError: If the text is not a date phrase, is a name or ordinary word here,
            or names no real date; ``position`` points at the offending place in ``text``.
        UnsupportedLanguageError: If ``lang`` names a language the resolver does not read.
        TypeError: If ``direction`` is not a :class:`Direction`.

    Example::

        >>> resolve("May last year", reference=date(2025, 2, 9)).timex
        '2024-05'
        >>> resolve("上周五", reference=date(2023, 7, 15)).timex
        '2023-07-07'
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text), "a phrase is a string", 0)
    read = hits = None
    if lang is None and text.isascii():  # no Han: its own words tell, or its sentence
        own, read, hits = own_reading(text)
        if own == ENGLISH or (own is not None and own in available()):  # (English always is)
            code = own
        else:
            code = context_language(text, context)
    else:
        code = _phrase_language(text, context, lang)
    # (A plain date, the common case, is told by one type test without a call.)
    ref = reference if type(reference) is date else _reference_date(text, reference)
    other = None if code == ENGLISH else language(code)
    if other is not None:
        phrase, p_start, p_end = other.parse(text)
    else:
        if read is None:
            _, read, hits = english_reading(text)
        assert read is not None  # the English grammar reads what it is handed
        if isinstance(read, Refusal):  # a kept refusal raises afresh
            raise PhraseError(text, read.reason, read.position)
        phrase, p_start, p_end = read
    where = _locate(text, context) if context else None
    return _finish(
        text,
        phrase,
        p_start,
        p_end,
        ref,
        context,
        where,
        direction,
        order,
        anchor,
        other,
        seasons,
        hits,
    )


def resolve_parsed(
    text: str,
    parsed: tuple[Phrase, int, int],
    *,
    reference: date | datetime,
    lang: str,
    context: str | None = None,
    where: tuple[int, int] | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
) -> Resolution:
    """Resolve a phrase that the grammar of ``lang`` has already parsed.

    As :func:`resolve`, for a caller that has parsed the phrase itself (a language's own
    reading of it, made with words of its sentence that :func:`resolve` does not see):
    the names are checked and the direction read by ``lang``'s functions, then the phrase
    is anchored by the one core.

    Args:
        text: The phrase as written.
        parsed: The phrase, and where its own words start and end in ``text`` (as a
            language's ``parse`` gives them).
        reference: As for :func:`resolve`.
        lang: The language whose name checks and tense reader apply (``en``, ``zh``,
            ``fr``).
        context: As for :func:`resolve`.
        where: Where the phrase (stripped) stands in ``context``; by default its first
            occurrence there.
        direction: As for :func:`resolve`.
        order: As for :func:`resolve`.
        anchor: As for :func:`resolve`.

    Raises:
        PhraseError: As :func:`resolve`.
        UnsupportedLanguageError: If ``lang`` names a language the resolver does not read.

    Example::

        >>> from summitcal.resolver.grammar import parse
        >>> resolve_parsed("Friday", parse("Friday"), reference=date(2025, 2, 9), lang="en",
        ...                context="They met on Friday.").timex
        '2025-02-07'
    """
    if not isinstance(text, str):
        raise PhraseError(repr(text), "a phrase is a string", 0)
    code = check(lang)
    other = None if code == ENGLISH else language(code)
    ref = _reference_date(text, reference)
    phrase, p_start, p_end = parsed
    if where is None and context:
        where = _locate(text, context)
    return _finish(
        text, phrase, p_start, p_end, ref, context, where, direction, order, anchor, other
    )


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
    lang: str | None = None,
    seasons: str = "meteorological",
    parsed: tuple[Phrase, int, int] | None = None,
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
        lang: As for :func:`resolve`; detected from the phrase and its sentence.
        seasons: As for :func:`resolve`.
        parsed: The phrase as the language's grammar already read it, with where its
            own words start and end in ``text[start:end]`` (a language's ``scan`` gives
            it, read with words around the phrase that its text alone lacks, such as a
            zone word before it); by default the text is parsed.

    Returns:
        The resolution, with ``text`` the phrase's own words.

    Raises:
        PhraseError: As :func:`resolve`; also when the offsets are not a stretch of
            ``text`` within the sentence.
        UnsupportedLanguageError: As :func:`resolve`.

    Example::

        >>> text = "The envoy arrived in Paris on Sunday and will leave on Wednesday."
        >>> resolve_in_context(text, 30, 36, reference=date(2025, 2, 12)).timex
        '2025-02-09'
    """
    lo, hi = _clause(text, start, end, sentence)
    phrase_text = text[start:end]
    code = _phrase_language(phrase_text, text[lo:hi], lang)
    ref = _reference_date(phrase_text, reference)
    other = None if code == ENGLISH else language(code)
    if parsed is None:
        parsed = parse(phrase_text) if other is None else other.parse(phrase_text)
    phrase, p_start, p_end = parsed
    return _in_clause(
        text,
        start,
        end,
        lo,
        hi,
        phrase,
        p_start,
        p_end,
        ref,
        direction,
        order,
        anchor,
        other,
        seasons,
    )


def _clause(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> tuple[int, int]:
    """The stretch of ``text`` whose tense and names are read for ``text[start:end]``."""
    if not isinstance(text, str):
        raise PhraseError(repr(text)[:40], "the text is a string", 0)
    if not 0 <= start < end <= len(text):
        raise PhraseError(text[:40], f"offsets {start}..{end} lie outside the text", 0)
    lo, hi = sentence if sentence is not None else sentence_around(text, start, end, REACH)
    if not 0 <= lo <= start < end <= hi <= len(text):
        raise PhraseError(text[start:end], f"the sentence {lo}..{hi} does not hold the phrase", 0)
    return within_reach(text, lo, hi, start, end)


def _in_clause(
    text: str,
    start: int,
    end: int,
    lo: int,
    hi: int,
    phrase: Phrase,
    p_start: int,
    p_end: int,
    ref: date,
    direction: Direction,
    order: NumericOrder | None,
    anchor: date | datetime | None,
    other: Language | None = None,
    seasons: str = "meteorological",
) -> Resolution:
    """Finish the phrase at ``text[start:end]``, parsed, against its clause ``text[lo:hi]``."""
    phrase_text = text[start:end]
    context = text[lo:hi]
    lead = len(phrase_text) - len(phrase_text.lstrip())
    at = start - lo + lead
    where = (at, at + len(phrase_text.strip()))
    return _finish(
        phrase_text,
        phrase,
        p_start,
        p_end,
        ref,
        context,
        where,
        direction,
        order,
        anchor,
        other,
        seasons,
    )


def resolve_match(
    match: RawMatch,
    text: str,
    *,
    reference: date | datetime,
    sentence: tuple[int, int] | None = None,
    direction: Direction = Direction.AUTO,
    order: NumericOrder | None = None,
    anchor: date | datetime | None = None,
    seasons: str = "meteorological",
) -> Resolution:
    """Resolve a phrase the grammar already found in ``text``, without parsing it again.

    As :func:`resolve_in_context` for ``text[match.start:match.end]``, but the meaning is
    the match's own: names are checked and the direction read around it, then it is
    anchored.  ``match`` comes from :func:`~summitcal.resolver.grammar.matches` run over
    ``text`` normalised (the offsets are the same).

    One reading differs between a match in running text and its words alone: after a
    preposition ("starting at 8:30 p.m."), a body that opens with a word the preposition
    slot also takes ("at 8:30 p.m.") is read alone with that word as its preposition.
    Such a match is read as its words alone would be, so both ways give one answer.

    Raises:
        PhraseError: As :func:`resolve_in_context` (a name here, or offsets outside the
            text).

    Example::

        >>> from summitcal.resolver.grammar import matches
        >>> text = "The envoy arrived in Paris on Sunday."
        >>> match = next(m for m in matches(normalize(text)) if m.rule.name == "weekday")
        >>> resolve_match(match, text, reference=date(2025, 2, 12)).timex
        '2025-02-09'
    """
    start, end = match.start, match.end
    lo, hi = _clause(text, start, end, sentence)
    phrase_text = text[start:end]
    ref = _reference_date(phrase_text, reference)
    if match.reread:
        phrase, p_start, p_end = parse(phrase_text)
    else:
        phrase, p_start, p_end = match.phrase, 0, end - start
    return _in_clause(
        text,
        start,
        end,
        lo,
        hi,
        phrase,
        p_start,
        p_end,
        ref,
        direction,
        order,
        anchor,
        seasons=seasons,
    )
