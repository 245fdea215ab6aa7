"""Newswire conventions: amounts that are no times, the periods of financial news,
counted and spoken amounts, vague references, and names that end in a noun."""

from __future__ import annotations

from datetime import date
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal import extract, resolve
from summitcal.errors import PhraseError
from summitcal.extraction import extras
from summitcal.extraction.extras import find_extras
from summitcal.extraction.quantities import age, measured_rate, per_unit
from summitcal.resolver.text import normalize

REF = date(2024, 10, 24)


def found(text: str, reference: date = REF) -> list[tuple[str, str]]:
    return [(m.text, m.timex) for m in extract(text, reference=reference)]


@pytest.mark.parametrize(
    "text",
    [
        "The board raised its quarterly dividend to 40 cents.",
        "Annual sales reached $3 billion.",
        "Average daily volume was 90 million shares.",
        "The lender will save $400 million a year in costs.",
        "The carrier flies four times to Perth, up from three flights a week.",
        "The ambassador, 61 years old, retires in spring.",
        "Output has grown 7% annually since the reform.",
        "The island imports three-quarters of its grain.",
        "Officials expect exports to fall further.",
        "The index closed at 2031.4 after a quiet session.",
    ],
)
def test_amounts_are_no_times(text: str) -> None:
    """Rates, ages, fractions, figures and verbs keep the calendar word out; whatever
    else the sentence dates is not their doing."""
    amounts = ("quarterly", "Annual", "daily", "a year", "a week", "61 years", "annually")
    words = {t for t, _ in found(text)}
    assert not words & {*amounts, "three-quarters", "fall", "2031"}


@pytest.mark.parametrize(
    "text",
    [
        "A quarter of the staff left.",
        "Sales rose by a quarter.",
        "She paid a quarter for the gum.",
        "Three quarters of voters agreed.",
        "Half of the staff left.",
        "The talks took half a week.",
        "He was knocked out in the 3rd round.",
        "May I ask one more question?",
        '"May we begin," the chair said.',
        "Shares fell on the 3rd straight day.",
        "Prices dropped a quarter.",
        "The third session of the 14th National People's Congress opened.",
        "At the 12th meeting of the Standing Committee, delegates voted.",
        "The Spring Festival Gala drew 1.7 billion viewers.",
        "The quake killed 2000 people.",
        "Trump proclaimed a National Day of Prayer.",
        "She won the marathon in 2:05:09.",
        "They scored with 2:15 left on the clock.",
    ],
)
def test_fractions_and_coins_are_no_amounts_of_time(text: str) -> None:
    """ "a quarter" is three months only where time is spoken of, and the unit of a
    fraction ("half an hour") is no amount alone: nothing here is an amount of time."""
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year of a numeric date read as no date (its order unknown), or of a version,
        # is no year alone.
        ("The plant closed on 12.05.2024 after talks.", []),
        ("Version 2.1.2024 shipped.", []),
        ("The fair runs 5.8.2025 - 16.8.2025.", [("16.8.2025", "2025-08-16")]),
        # A day written with its full stop, in running text.
        ("The shop closed on 26. Feb. 2018 for good.", [("26. Feb. 2018", "2018-02-26")]),
        # A range's last year is no count, though "to" and "and" often lead to one.
        ("The talks ran from 2023 to 2024.", [("2023", "2023"), ("2024", "2024")]),
        ("It grew between 2019 and 2021.", [("2019", "2019"), ("2021", "2021")]),
        ("The index rose to 2024 points.", []),
    ],
)
def test_numbers_joined_into_dates_and_ranges_of_years(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell for a quarter, then recovered.", [("a quarter", "P3M")]),
        ("Margins were wider a quarter earlier.", [("a quarter", "P3M")]),
        ("Output shrank for three quarters.", [("three quarters", "P9M")]),
        # A fraction of a unit, as the next unit down.
        ("The queue moved in half an hour.", [("half an hour", "PT30M")]),
        ("It took three quarters of an hour.", [("three quarters of an hour", "PT45M")]),
        ("The party ruled for half a century.", [("half a century", "P50Y")]),
        ("Talks lasted an hour and a half.", [("an hour and a half", "PT90M")]),
        ("Growth slowed over two and a half years.", [("two and a half years", "P30M")]),
        # A range's end clock that would come before its start is on the next day.
        (
            "The curfew runs from 10pm to 6am.",
            [("10pm", "2024-10-24T22:00"), ("6am", "2024-10-25T06:00")],
        ),
        ("Shops open from 9am to 5pm.", [("9am", "2024-10-24T09:00"), ("5pm", "2024-10-24T17:00")]),
        (
            "They met at 6pm. At 5pm they left.",
            [("6pm", "2024-10-24T18:00"), ("5pm", "2024-10-24T17:00")],
        ),
        # A fraction before a preposition leaves the amount after it whole.
        ("Sales fell by half over the past five years.", [("the past five years", "P5Y")]),
        ("Give it a quarter and we will know.", [("a quarter", "P3M")]),
        ("The motion was carried at a quarter past 3pm.", [("3pm", "2024-10-24T15:00")]),
        # An index "from 1800 to 1950" is no range of years.
        ("The index rose from 1800 to 1950 points.", [("1800", "1800")]),
        # "after next" before a unit or a possessive is no weekday's week.
        (
            "They meet the Friday after next week's summit.",
            [("Friday", "2024-10-25"), ("next week", "2024-W44")],
        ),
        # A clock before a zone written out keeps the day after it.
        (
            "The offer will expire at 5 p.m. New York City time on Feb. 12.",
            [("5 p.m.", "2025-02-12T17:00"), ("Feb. 12", "2025-02-12")],
        ),
        # A season before a capitalised word names something; "May said" is a person.
        ("She presented her Autumn Budget on Wednesday.", [("Wednesday", "2024-10-23")]),
        ("May said on Monday she had secured changes.", [("Monday", "2024-10-21")]),
        # "May" before a pronoun is the month where a word leads to it.
        ("In May we met twice.", [("May", "2024-05")]),
    ],
)
def test_quarters_and_fractions_of_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency will hold annual workshops.", [("annual", "P1Y")]),
        ("Ministers will meet daily until the deal is done.", [("daily", "P1D")]),
        (
            "The fund will report quarterly results on Tuesday.",
            [("quarterly", "P3M"), ("Tuesday", "2024-10-29")],
        ),
        ("The panel sat for a year.", [("a year", "P1Y")]),
        ("From spring to fall, the talks went on.", [("spring", "2024-SP"), ("fall", "2024-FA")]),
    ],
)
def test_recurrences_and_spans_stay(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lease may run for 20 more years.", [("20 more years", "P20Y")]),
        ("It can be extended for an additional year.", [("an additional year", "P1Y")]),
        ("Shares recovered eight trading days later.", [("eight trading days", "P8D")]),
        ("They lived in the camps for 2 1/2 years.", [("2 1/2 years", "P2Y6M")]),
        ("The vote took three and a half hours.", [("three and a half hours", "PT3H30M")]),
        ("The city fell in nineteen seventy-nine.", [("nineteen seventy-nine", "1979")]),
        ("The goal is set for the year two thousand.", [("the year two thousand", "2000")]),
        (
            "Revenue for the year ended June 30 rose.",
            [("the year", "P1Y"), ("June 30", "2024-06-30")],
        ),
        ("Sales for the full year were flat.", [("the full year", "2024")]),
        ("The forum will meet in coming weeks.", [("coming weeks", "FUTURE_REF")]),
        ("Growth should slow in the near term.", [("the near term", "FUTURE_REF")]),
        ("Few dared to talk about the future.", [("the future", "FUTURE_REF")]),
        ("Deliveries will resume over the next few days.", [("the next few days", "PXD")]),
    ],
)
def test_counted_spoken_and_vague(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_name_with_future_in_it_is_no_reference() -> None:
    assert found("Delegates signed the Pact for the Future.") == []


def test_a_year_earlier_follows_the_period_reported_on() -> None:
    """ "A year earlier" is the quarter a year before when the story reports a quarter, and
    the year before when it reports months or a whole year."""
    text = (
        "Third-quarter profit rose to $5 million from $4 million a year earlier. "
        "For the nine months, profit was $12 million against $9 million a year earlier."
    )
    assert [v for _, v in found(text)] == ["2024-Q3", "2023-Q3", "P9M", "2023"]


def test_a_quarter_still_running_is_not_the_period_reported_on() -> None:
    text = (
        "Third-quarter sales rose. The firm expects fourth-quarter sales to slow. "
        "Sales were higher than a year ago."
    )
    assert found(text)[-1] == ("a year ago", "2023-Q3")


def test_quantity_checks() -> None:
    text = "It pays $2 a year, for a year, to 52 years old members."
    assert per_unit(text, 11, 17)
    assert not per_unit(text, 23, 29)
    assert age(text, 42)
    assert not age(text, 29)
    rate = "Profits doubled annually. The firm holds an annual meeting of staff."
    assert not measured_rate(rate, 16, 24)
    assert not measured_rate(rate, rate.index("annual "), rate.index("annual ") + 6)
    assert measured_rate("Sales rose 8.5% annually.", 17, 25)


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("March 23", "Fighters of the March 23 Movement took the town."),
        ("6th of October", "Traffic on the 6th of October Bridge stopped."),
        ("Sunday", "The Sunday Courier broke the story."),
        ("July 14", "The parade went down July 14 Avenue."),
    ],
)
def test_a_date_before_a_name_noun_is_part_of_the_name(phrase: str, context: str) -> None:
    with pytest.raises(PhraseError, match="part of a name"):
        resolve(phrase, reference=REF, context=context)


def test_a_name_noun_in_lower_case_leaves_the_date() -> None:
    r = resolve("March 23", reference=REF, context="The movement began on March 23 last year.")
    assert r.timex == "2024-03-23"


@pytest.mark.parametrize(
    ("context", "value"),
    [
        # The -ed words after "will redeem" describe nouns; the modal governs.
        ("The bank will redeem its Series B preferred shares on Oct. 31.", "2024-10-31"),
        ("The carrier will add flights by November in markets untouched by the slump.", "2024-11"),
        # Right before the phrase a participle still governs it.
        ("Officials will review the plan agreed on Monday.", "2024-10-21"),
    ],
)
def test_participles_after_a_future_verb(context: str, value: str) -> None:
    phrase = {"2024-10-31": "Oct. 31", "2024-11": "November", "2024-10-21": "Monday"}[value]
    assert resolve(phrase, reference=REF, context=context).timex == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy landed on Monday. A week later, she flew home.",
            [("Monday", "2024-10-21"), ("A week later", "2024-10-28")],
        ),
        (
            "The code was drafted in May 2021. Later that year, it was shelved.",
            [("May 2021", "2021-05"), ("Later that year", "2021")],
        ),
        (
            "The vote came on 2 July. That same day, the minister quit.",
            [("2 July", "2024-07-02"), ("That same day", "2024-07-02")],
        ),
        # With no year written before, "that year" is the year under discussion.
        ("That year the rules changed.", [("That year", "2024")]),
    ],
)
def test_relative_to_the_time_the_story_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The storm of January nineteen ninety-six was the worst.", "1996-01"),
        ("Recall the winter of nineteen eighty-two.", "1982-WI"),
        ("Orders grew in the last half of 2019.", "2019-H2"),
    ],
)
def test_whole_periods_read_as_one(text: str, expected: str) -> None:
    assert [v for _, v in found(text)] == [expected]


def test_mid_afternoon_is_the_afternoon() -> None:
    assert resolve("yesterday mid-afternoon", reference=REF).timex == "2024-10-23TAF"


@pytest.mark.parametrize(
    ("phrase", "context", "value"),
    [
        # "plans" after a verb in -ed is its object: the verb before dates the phrase.
        ("In June", "In June, the group announced plans to buy a rival.", "2024-06"),
        # A closing "X says" dates the saying only, before a semicolon too.
        ("Oct. 2", "Year to date through Oct. 2, losses reach 3%, a provider says.", "2024-10-02"),
        ("Oct. 2", "Through Oct. 2, losses reach 3%, a provider says; bonds rose.", "2024-10-02"),
    ],
)
def test_the_verb_that_dates_the_phrase(phrase: str, context: str, value: str) -> None:
    assert resolve(phrase, reference=REF, context=context).timex == value


@pytest.mark.parametrize("reference", [date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31)])
def test_periods_at_the_ends_of_the_calendar_are_left_out(reference: date) -> None:
    text = "For the year, sales fell; in the latest quarter they rose from a year earlier."
    for m in extract(text, reference=reference):
        assert m.text in text


_PIECES = [
    "the",
    "a",
    "of",
    ",",
    ".",
    "said",
    "rose",
    "in",
    "nineteen ninety-six",
    "the year two thousand",
    "2 1/2 years",
    "three and a half hours",
    "three more weeks",
    "an additional year",
    "eight trading days",
    "that Tuesday",
    "the next morning",
    "two weeks later",
    "later that year",
    "that same day",
    "recent",
    "now",
    "currently",
    "soon",
    "the near term",
    "coming months",
    "every week",
    "each September",
    "annual",
    "twice a year",
    "52-year-old",
    "the 21st century",
    "mid-decade",
    "the quarter",
    "third-quarter",
    "a year earlier",
    "the same period",
    "for the full year",
    "the year",
    "ended",
    "in the past",
    "in the future",
    "several months",
    "for decades",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_the_word_guards_only_skip_work(text: str) -> None:
    """A pattern is left out only where it could not match: the same extras either way."""
    norm = normalize(text)
    guarded = list(find_extras(norm))
    with patch.object(extras, "_needs", dict):
        assert list(find_extras(norm)) == guarded


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # A past tense points before a quarter of the publication year not yet begun.
        ("Profit jumped 50% in the fourth quarter.", date(2025, 1, 15), "2024-Q4"),
        ("The bank earned $2.9 billion in Q4.", date(2025, 1, 15), "2024-Q4"),
        # A begun quarter, or a future tense, keeps the publication year's.
        ("Profit rose in the third quarter.", date(2025, 11, 15), "2025-Q3"),
        ("Profit will rise in the fourth quarter.", date(2025, 1, 15), "2025-Q4"),
    ],
)
def test_a_quarter_reported_in_the_past_has_begun(
    text: str, reference: date, expected: str
) -> None:
    assert [timex for _, timex in found(text, reference)] == [expected]
