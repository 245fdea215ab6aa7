"""Hypothesis properties of the resolver."""

from __future__ import annotations

import contextlib
from datetime import date, time, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.errors import AmbiguousHolidayError, PhraseError
from summitcal.resolver import Direction, Resolution, resolve, scan
from summitcal.span.span import DateSpan, Granularity, Mod, PartOfDay, _agree
from tests.strategies import days_between, edge_days

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
SOUP = (
    *WEEKDAYS,
    *MONTHS,
    "may",
    "the",
    "of",
    "last",
    "next",
    "this",
    "in",
    "on",
    "ago",
    "31",
    "29",
    "2024",
    "12/13/2025",
    "11",
    "-",
    "to",
    "and",
    "quarter",
    "week",
    "a.m.",
    "9",
    "GMT",
    "Beijing",
    "time",
    "early",
    "mid",
    "Easter",
    "Christmas",
    "summer",
    "Q5",
)
references = days_between(1990, 2049)
directions = st.sampled_from([Direction.PAST, Direction.FUTURE, Direction.NEAREST])
prefixes = st.sampled_from(["", "on ", "last ", "next ", "this "])


@given(references, st.integers(0, 6), directions, prefixes)
def test_weekday_falls_on_that_weekday(
    ref: date, wd: int, direction: Direction, prefix: str
) -> None:
    """Whatever the reference and direction, 'Friday' resolves to a Friday."""
    span = resolve(prefix + WEEKDAYS[wd], reference=ref, direction=direction).span
    assert span.first == span.last
    assert span.first.weekday() == wd
    assert abs((span.first - ref).days) <= 13


@given(references, st.integers(0, 6), st.integers(0, 6), directions)
def test_weekday_range_is_ordered_and_ends_on_the_named_day(
    ref: date, a: int, b: int, direction: Direction
) -> None:
    span = resolve(f"from {WEEKDAYS[a]} to {WEEKDAYS[b]}", reference=ref, direction=direction).span
    assert span.first <= span.last
    assert (span.first.weekday(), span.last.weekday()) == (a, b)
    assert span.day_count <= 7


@given(references, st.integers(1, 12), st.integers(1, 28), directions)
def test_month_day_is_that_day_within_a_year(
    ref: date, month: int, day: int, direction: Direction
) -> None:
    span = resolve(f"{MONTHS[month - 1]} {day}", reference=ref, direction=direction).span
    assert (span.first.month, span.first.day) == (month, day)
    assert abs((span.first - ref).days) <= 366
    if direction is Direction.PAST:
        assert span.first <= ref
    if direction is Direction.FUTURE:
        assert span.first >= ref


@given(
    references,
    st.sampled_from(
        [
            "May last year",
            "the third quarter",
            "early 2024",
            "Feb 28 to March 2",
            "next week",
            "in two weeks",
            "mid-February",
            "Christmas",
            "the first half of 2025",
            "this summer",
        ]
    ),
    directions,
)
def test_first_never_after_last(ref: date, phrase: str, direction: Direction) -> None:
    span = resolve(phrase, reference=ref, direction=direction).span
    assert span.first <= span.last


@given(references, st.sampled_from(["said", "will say", "is saying", "noted", "plans"]))
def test_explicit_date_ignores_the_sentence(ref: date, verb: str) -> None:
    """An explicit date does not depend on the tense or other words of the sentence."""
    context = f"The committee {verb} its verdict on 11 February 2025."
    assert resolve("11 February 2025", reference=ref, context=context).timex == "2025-02-11"


@settings(deadline=None)  # a soup may be the first to need a pattern compiled
@given(
    references,
    st.text(max_size=80),
    st.sampled_from(["on Friday", "Friday", "February 11", "last year", "9 a.m. on Monday"]),
    st.lists(st.lists(st.sampled_from(SOUP), min_size=1, max_size=4).map(" ".join), max_size=4),
)
def test_same_inputs_same_result(ref: date, context: str, phrase: str, others: list[str]) -> None:
    """Resolving again gives an equal result, whatever was resolved in between and with the
    caches emptied: nothing but the inputs matters."""
    from summitcal.resolver import clear_caches

    a = resolve(phrase, reference=ref, context=context or None)
    for other in others:
        with contextlib.suppress(PhraseError):
            resolve(other, reference=ref, context=context or None)
    clear_caches()
    b = resolve(phrase, reference=ref, context=context or None)
    assert a == b
    assert (a.explanation, a.span) == (b.explanation, b.span)


def _holiday_words() -> list[str]:
    from summitcal.resolver.lexicon import lexicon

    names = list(lexicon().holidays)
    words = {w for name in names for w in name.split()}
    return sorted(words | {w.replace("'", "") for w in words} | {"Holiday", "Holidays", "Week"})


#: Holiday names cut into words, with and without their apostrophes ("new", "year's",
#: "years", "china's", "chinas"), for soups that come near a name without being one.
HOLIDAY_SOUP = st.lists(st.sampled_from(_holiday_words()), min_size=1, max_size=5).map(" ".join)
#: Reference dates at and near the ends of the calendar, and ordinary ones.
edge_references = st.one_of(st.sampled_from([date.min, date.max]), edge_days, references)
#: Text of every kind: random characters, the vocabulary soup, the holiday soup.
any_text = st.one_of(
    st.text(max_size=40), st.lists(st.sampled_from(SOUP), max_size=6).map(" ".join), HOLIDAY_SOUP
)


@settings(max_examples=300)
@given(any_text, edge_references)
def test_random_text_raises_only_phrase_error(text: str, ref: date) -> None:
    """Anything that is no date phrase raises PhraseError, never another exception, at
    any reference date."""
    with contextlib.suppress(PhraseError):
        resolve(text, reference=ref)


@settings(max_examples=200)
@given(HOLIDAY_SOUP, edge_references, st.sampled_from(["", "They will meet on ", "It was "]))
def test_holiday_soup_raises_only_phrase_error(text: str, ref: date, lead: str) -> None:
    with contextlib.suppress(PhraseError):
        resolve(text, reference=ref, context=f"{lead}{text}." if lead else None)


def test_every_holiday_name_resolves_with_and_without_apostrophes() -> None:
    from summitcal.resolver.lexicon import lexicon

    lex = lexicon()
    for spelt, holiday in lex.holidays.items():
        variants = {spelt, spelt.replace("'", ""), spelt.title()}
        if spelt in lex.homographs:  # "thanksgiving" in lower case is a word
            variants = {spelt.title(), spelt.replace("'", "").title()}
        for variant in variants:
            if holiday.rule == "ambiguous":  # "Independence Day": which country's?
                with pytest.raises(AmbiguousHolidayError):
                    resolve(variant, reference=date(2025, 7, 1))
            else:
                assert resolve(variant, reference=date(2025, 7, 1)).timex


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_scan_never_fails_and_matches_are_in_order(text: str) -> None:
    last = -1
    for m in scan(text):
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end


@given(references, st.integers(1, 30), st.sampled_from(["days", "weeks", "months", "years"]))
def test_ago_and_in_are_symmetric(ref: date, n: int, unit: str) -> None:
    back = resolve(f"{n} {unit} ago", reference=ref).span
    ahead = resolve(f"in {n} {unit}", reference=ref).span
    assert back.first <= ref <= ahead.last
    assert back.granularity is ahead.granularity


def test_reference_is_the_only_clock() -> None:
    """The same phrase against two references moves with the reference."""
    a = resolve("tomorrow", reference=date(2020, 1, 1)).span.first
    b = resolve("tomorrow", reference=date(2030, 1, 1)).span.first
    assert (a, b) == (date(2020, 1, 2), date(2030, 1, 2))
    assert b - a == timedelta(days=3653)


@given(
    days_between(1900, 2100),
    st.integers(min_value=-240, max_value=240),
)
def test_month_arithmetic_agrees_with_dateutil(day: date, months: int) -> None:
    """The resolver's own month steps clip to the month's end exactly as dateutil does."""
    from dateutil.relativedelta import relativedelta

    from summitcal.resolver.anchor import add_months

    assert add_months(day, months) == day + relativedelta(months=months)


@settings(max_examples=200)
@given(
    days_between(1995, 2045),
    st.sampled_from([Direction.PAST, Direction.FUTURE, Direction.NEAREST]),
    st.sampled_from(["February 29", "December 31", "Christmas", "the Spring Festival", "May"]),
)
def test_yearly_choice_follows_the_direction(ref: date, direction: Direction, text: str) -> None:
    """A yearly phrase read in the past starts on or before the reference; in the future
    it starts (or, for a month, ends) on or after it; nearest stays within a year."""
    leap = ref.year % 4 == 0 and (ref.year % 100 != 0 or ref.year % 400 == 0)
    if direction is Direction.NEAREST and text == "February 29" and not leap:
        with pytest.raises(PhraseError):  # no 29 February in the reference's year
            resolve(text, reference=ref, direction=direction)
        return
    span = resolve(text, reference=ref, direction=direction).span
    if direction is Direction.PAST:
        assert span.first <= ref
    elif direction is Direction.FUTURE:
        assert (span.last if text == "May" else span.first) >= ref
    else:
        assert abs((span.first - ref).days) <= 366 + 31


def _case_phrases() -> list[str]:
    import tomllib
    from pathlib import Path

    phrases: list[str] = []
    for name in ("resolve_cases.toml", "resolve_unseen.toml"):
        with (Path(__file__).parents[1] / "data" / name).open("rb") as handle:
            phrases += [c["phrase"] for c in tomllib.load(handle)["case"]]
    return phrases


PIECES = st.sampled_from(
    [
        *SOUP,
        *("2025-02-11", "11/02/2025", "9/11", "15:30", "9am", "1990s", "'90s", "the 11th"),
        *("7p", "15h30", "19.45", "half past", "nine", "o'clock", "ten thirty", "3-4pm", "tonight"),
    ]
)


# No deadline: the first example compiles every rule's whole pattern (they are built lazily).
@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(_case_phrases()), st.lists(PIECES, max_size=6).map(" ".join)))
def test_trigger_words_never_hide_a_rule_that_matches(text: str) -> None:
    """The prefilter only skips work: every rule that matches anywhere is a candidate."""
    from summitcal.resolver.grammar import candidates, rules
    from summitcal.resolver.text import normalize

    norm = normalize(text)
    for loose in (False, True):  # the table searching text, and the one reading a phrase
        kept = {id(rule) for rule in candidates(norm, loose)}
        for rule in rules(loose):
            if rule.pattern.search(norm):
                assert id(rule) in kept, f"{rule.name!r} matches {text!r} but was filtered out"


# --- spans and resolutions built straight into their slots ----------------------------------

GRAINS = [g for g in Granularity if g not in (Granularity.TIME, Granularity.PART_OF_DAY)]


@settings(max_examples=300, deadline=None)
@given(
    day=days_between(1600, 2400),
    grain=st.sampled_from(GRAINS),
    mod=st.one_of(st.none(), st.sampled_from(list(Mod))),
    zone=st.sampled_from([None, "Asia/Shanghai", "Europe/Brussels"]),
)
def test_trusted_unit_spans_agree_with_the_validating_constructor(
    day: date, grain: Granularity, mod: Mod | None, zone: str | None
) -> None:
    try:
        span = DateSpan.unit(grain, day, mod=mod, zone=zone)
    except ValueError:
        return  # refused before any span was made (a narrowed weekend or day)
    assert _agree(span)


@settings(max_examples=200, deadline=None)
@given(
    first=days_between(1900, 2100),
    extra=st.integers(min_value=0, max_value=40),
    part=st.sampled_from(list(PartOfDay)),
)
def test_trusted_day_spans_agree_with_the_validating_constructor(
    first: date, extra: int, part: PartOfDay
) -> None:
    for span in (
        DateSpan.day(first),
        DateSpan.days(first, first + timedelta(days=extra)),
        DateSpan.part(first, part),
        DateSpan.day(first).with_zone("Asia/Tokyo"),
        DateSpan.at(first, time(9, 30)),
        DateSpan.at(first, time(9), end=time(17), zone="Europe/Paris"),
    ):
        assert _agree(span)


@settings(max_examples=100, deadline=None)
@given(ref=days_between(1990, 2060))
def test_resolutions_built_in_their_slots_equal_constructed_ones(ref: date) -> None:
    for phrase in ("on Friday", "early May", "for three days", "Monday morning Beijing time"):
        got = resolve(phrase, reference=ref, direction=Direction.PAST)
        fields = {a.alias: getattr(got, a.name) for a in attrs.fields(Resolution)}
        assert Resolution(**fields) == got
        assert repr(Resolution(**fields)) == repr(got)
        # The explanation is kept in parts until read: one made from its words is the same
        # resolution (equal, same hash), before and after the parts are read.
        worded = Resolution(**(fields | {"explanation": got.explanation}))
        fresh = resolve(phrase, reference=ref, direction=Direction.PAST)
        assert worded == fresh
        assert hash(worded) == hash(fresh)
        assert worded.explanation == fresh.explanation


def test_every_holiday_of_a_year_starts_within_it() -> None:
    """Choosing the latest occurrence in the past starts from the reference's own year,
    which is right only if no holiday of a year begins before that year does."""
    from summitcal.resolver.anchor_base import Failure
    from summitcal.resolver.anchor_rules import _holiday_span
    from summitcal.resolver.lexicon import lexicon

    lex = lexicon()
    every = [*lex.holidays.values()]
    every += [h for readings in lex.holiday_countries.values() for h in readings.values()]
    for holiday in every:
        if holiday.rule == "ambiguous":
            continue
        covered = 0
        for year in range(1990, 2051):
            try:
                first = _holiday_span(holiday, year)[0]
            except Failure:  # another calendar's table ends (Diwali: 2001-2035)
                assert holiday.rule == "calendar", (holiday.key, year)
                continue
            covered += 1
            assert first.year == year, (holiday.key, year)
        assert covered >= 35, holiday.key
