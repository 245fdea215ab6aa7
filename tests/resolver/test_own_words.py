"""What a phrase's own words give, read once: the same language, parse and nearby names
that the separate readers give, for every phrase of the English case files."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from summitcal.errors import AmbiguousHolidayError, PhraseError
from summitcal.resolver import clear_caches, resolve
from summitcal.resolver.anchor_rules import counted_interval
from summitcal.resolver.detect import own_language
from summitcal.resolver.grammar import parse
from summitcal.resolver.grammar.match import bounds, parse_by_rules, read_by_rules
from summitcal.resolver.memo import Refusal
from summitcal.resolver.names import names_sharing_a_word
from summitcal.resolver.own_words import english_reading, own_reading
from summitcal.resolver.phrase import DurationCore
from summitcal.resolver.text import normalize

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = ("resolve_cases.toml", "resolve_unseen.toml", "resolve_unseen2.toml")
PHRASES = sorted(
    {
        case["phrase"]
        for name in FILES
        for case in tomllib.loads((DATA / name).read_text(encoding="utf-8"))["case"]
        if case["phrase"].isascii()
    }
)
# Phrases whose words say nothing of their language, French ones, and ones with an
# elision, besides the case files'.
EXTRA = ["2025", "11/02/2025", "le 9 février 2025", "l'an dernier", "vendredi", "Q3", "mon"]


def _parsed(text: str) -> tuple[object, int, int] | tuple[str, int]:
    try:
        return parse.__wrapped__(text)  # type: ignore[attr-defined, no-any-return]
    except PhraseError as exc:
        return exc.reason, exc.position


@pytest.mark.parametrize("text", PHRASES + EXTRA)
def test_the_reading_is_what_the_separate_readers_give(text: str) -> None:
    clear_caches()
    own, read, hits = own_reading(text)
    assert own == own_language(text)
    if own not in (None, "en"):
        assert (read, hits) == (None, None)  # not read by the English grammar
        return
    english = english_reading(text)
    assert english == ("en", read, hits)
    expected = _parsed(text)
    if isinstance(read, Refusal):
        assert (read.reason, read.position) == expected
        assert hits is None
    else:
        assert read == expected
        assert hits == names_sharing_a_word(text[read[1] : read[2]])


def test_a_fixed_expression_in_french_words_is_french() -> None:
    # The English table lists Bastille Day's French name: its words tell French.
    assert own_reading("le quatorze juillet")[:2] == ("fr", None)
    assert own_reading("on Bastille Day")[0] == "en"


def test_a_counted_interval_needs_a_count_of_one_or_more() -> None:
    for count in (0, -3):
        assert (
            counted_interval(DurationCore(unit="day", count=count, side=-1), date(2024, 3, 1))
            is None
        )


@pytest.mark.parametrize("text", ["Boeing 737", "COVID-19", "", "   ", "February 30", "at 25:00"])
def test_a_refusal_is_the_exception_parse_by_rules_raises(text: str) -> None:
    norm = normalize(text)
    lo, hi = bounds(norm)
    read = read_by_rules(text, norm, lo, hi)
    assert isinstance(read, Refusal)
    with pytest.raises(PhraseError) as caught:
        parse_by_rules(text, norm, lo, hi)
    assert (caught.value.reason, caught.value.position) == (read.reason, read.position)


def test_resolve_refuses_a_kept_refusal_afresh_each_time() -> None:
    clear_caches()
    errors = []
    for _ in range(2):
        with pytest.raises(PhraseError) as caught:
            resolve("Boeing 737", reference=date(2025, 2, 9))
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert (errors[0].reason, errors[0].position) == (errors[1].reason, errors[1].position)


@pytest.mark.parametrize("lang", [None, "en"])
def test_both_paths_resolve_alike(lang: str | None) -> None:
    day = date(2025, 2, 9)
    sentence = "Officials said on Friday that the talks would resume next week."
    for phrase in ("on Friday", "next week", "Feb. 6-7", "May last year"):
        got = resolve(phrase, reference=day, context=sentence, lang=lang)
        assert got == resolve(phrase, reference=day, context=sentence, lang="en")


# --- holidays by country -------------------------------------------------------------------


def test_the_first_country_named_decides_a_holiday() -> None:
    day = date(2025, 2, 9)
    canada = resolve(
        "Thanksgiving", reference=day, context="Thanksgiving in Canada, not the United States."
    )
    states = resolve(
        "Thanksgiving", reference=day, context="Thanksgiving in the United States, not Canada."
    )
    assert canada.span.first.month == 10
    assert states.span.first.month == 11


def test_a_holiday_with_no_default_and_no_country_is_ambiguous() -> None:
    with pytest.raises(AmbiguousHolidayError):
        resolve("Independence Day", reference=date(2025, 2, 9), context="On Independence Day.")


# --- counted intervals ---------------------------------------------------------------------

UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


@given(
    reference=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    unit=st.sampled_from(["day", "week", "month", "quarter", "year"]),
    count=st.integers(min_value=1, max_value=40),
    side=st.sampled_from([-1, 1]),
)
def test_a_counted_interval_steps_as_relativedelta_does(
    reference: date, unit: str, count: int, side: int
) -> None:
    core = DurationCore(unit=unit, count=count, side=side)
    span = counted_interval(core, reference)
    assert span is not None
    step = (
        relativedelta(months=3 * count)
        if unit == "quarter"
        else relativedelta(**{UNITS[unit]: count})
    )
    one = timedelta(days=1)
    if side < 0:
        assert (span.first, span.last) == (reference - step + one, reference)
    else:
        assert (span.first, span.last) == (reference, reference + step - one)


def test_a_counted_interval_past_the_calendar_is_none() -> None:
    core = DurationCore(unit="year", count=5, side=1)
    assert counted_interval(core, date(9998, 6, 1)) is None
