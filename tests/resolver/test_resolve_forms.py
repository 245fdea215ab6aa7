"""The date forms of agendas, chat and wire copy, one group of tests per form: clock
styles, clock ranges, open intervals, ordinal weekdays, holidays, numeric dates, counted
ranges and seasons (the conventions are in docs/resolver.md)."""

from __future__ import annotations

from datetime import date

import pytest

from summitcal.errors import AmbiguousHolidayError, PhraseError, UnlistedLocalHolidayError
from summitcal.extraction import extract
from summitcal.resolver import NumericOrder, resolve, scan

REF = date(2026, 3, 11)  # a Wednesday


def _got(phrase: str, context: str | None = None, **kw: object) -> tuple[str, str, str | None]:
    r = resolve(phrase, reference=kw.pop("reference", REF), context=context, **kw)  # type: ignore[arg-type]
    return r.timex, str(r.type), r.mod and r.mod.value


# --- clock styles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("6p", "2026-03-11T18:00"),
        ("11:40a", "2026-03-11T11:40"),
        ("08h15", "2026-03-11T08:15"),
        ("21.05", "2026-03-11T21:05"),
        ("eleven fifteen", "2026-03-11T11:15"),
        ("seven forty-five pm", "2026-03-11T19:45"),
        ("half past four", "2026-03-11T04:30"),
        ("a quarter to twelve", "2026-03-11T11:45"),
        ("twenty past 6pm", "2026-03-11T18:20"),
        ("4 o'clock", "2026-03-11T04:00"),
        ("at 9 tonight", "2026-03-11T21:00"),
        ("7 this evening", "2026-03-11T19:00"),
        ("half past six in the evening", "2026-03-11T18:30"),
        ("10 tomorrow morning", "2026-03-12T10:00"),
        ("17h45 on Friday", "2026-03-13T17:45"),
        ("5p tomorrow", "2026-03-12T17:00"),
        # Spelled-out clocks with a day after them: the day's patterns carry the clock.
        ("a quarter to eight tomorrow morning", "2026-03-12T07:45"),
        ("ten thirty tonight", "2026-03-11T22:30"),
        ("half past nine on Friday", "2026-03-13T09:30"),
        # A part of the day gives a bare hour its half of the day; after midnight in a
        # night, the day after the one named.
        ("at 5 this evening", "2026-03-11T17:00"),
        ("at 3 this afternoon", "2026-03-11T15:00"),
        ("at 12 tonight", "2026-03-12T00:00"),
        ("half past twelve tonight", "2026-03-12T00:30"),
        ("1am tonight", "2026-03-12T01:00"),
        ("1am last night", "2026-03-11T01:00"),
        ("2:30 Friday night", "2026-03-14T02:30"),
    ],
)
def test_clock_styles_read_as_written(phrase: str, value: str) -> None:
    assert _got(phrase, f"The shuttle leaves {phrase}.") == (value, "TIME", None)


def test_a_zone_on_a_clock_in_a_new_style_is_kept() -> None:
    r = resolve("20h00 CET", reference=REF)
    assert (r.timex, r.zone) == ("2026-03-11T20:00", "CET")


@pytest.mark.parametrize(
    "phrase",
    [
        *("17", "at 9", "9 to", "half past", "13 o'clock", "3 p.m. tonight"),
        # An hour the part of the day does not hold: noon or midnight, or a slip.
        *("at 11 this afternoon", "at 12 this morning", "at 2 this evening"),
    ],
)
def test_an_hour_with_nothing_to_make_it_one_is_refused(phrase: str) -> None:
    with pytest.raises(PhraseError):
        resolve(phrase, reference=REF)


def test_new_clock_styles_are_not_looked_for_in_running_text() -> None:
    from summitcal.resolver import scan

    text = "Turnout rose to 61.45 and the 6p coin was withdrawn at half past nine."
    assert [m.text for m in scan(text)] == []


# --- clock ranges -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("1-2pm", "2026-03-11T13:00/2026-03-11T14:00"),
        ("from 7 to 9 pm", "2026-03-11T19:00/2026-03-11T21:00"),
        ("between 10 and 11", "2026-03-11T10:00/2026-03-11T11:00"),
        ("08:30-12:15", "2026-03-11T08:30/2026-03-11T12:15"),
        ("from 11pm to 1am", "2026-03-11T23:00/2026-03-12T01:00"),
        ("from 6pm to midnight", "2026-03-11T18:00/2026-03-12T00:00"),
        ("2-5pm on Friday", "2026-03-13T14:00/2026-03-13T17:00"),
        ("Thursday 8pm to Saturday 6am", "2026-03-12T20:00/2026-03-14T06:00"),
        ("the night of Friday to Saturday", "2026-03-13TNI"),
        ("between 1 and 3 pm on Friday", "2026-03-13T13:00/2026-03-13T15:00"),
        ("Friday between 10am and noon", "2026-03-13T10:00/2026-03-13T12:00"),
        # A part of the day gives both bare hours their half of the day.
        ("from 9 to 11 tonight", "2026-03-11T21:00/2026-03-11T23:00"),
        ("from 2 to 4 this afternoon", "2026-03-11T14:00/2026-03-11T16:00"),
        ("from 10 to 2 tonight", "2026-03-11T22:00/2026-03-12T02:00"),
        # 12 before an am end is midnight; two bare hours from 12 are noon onwards.
        ("12-2am", "2026-03-11T00:00/2026-03-11T02:00"),
        ("from 12 to 2", "2026-03-11T12:00/2026-03-11T14:00"),
        # A bare end that would come before a marked start takes pm.
        ("from 9am to 5", "2026-03-11T09:00/2026-03-11T17:00"),
        ("between 2pm and 4", "2026-03-11T14:00/2026-03-11T16:00"),
        ("from 10pm to 2", "2026-03-11T22:00/2026-03-12T02:00"),
        # 24-hour clocks and a clock word keep their hours.
        ("from 18:00 to 08:00", "2026-03-11T18:00/2026-03-12T08:00"),
        ("12-midnight", "2026-03-11T12:00/2026-03-12T00:00"),
        ("from noon to 2", "2026-03-11T12:00/2026-03-11T14:00"),
    ],
)
def test_clock_ranges(phrase: str, value: str) -> None:
    assert _got(phrase, f"The line will be shut {phrase}.")[:2] == (value, "TIME")


def test_and_joins_two_clocks_before_a_day_only_after_between() -> None:
    """Without "between", "9 a.m. and 5 p.m. on Monday" are two times, not a range."""
    with pytest.raises(PhraseError):
        resolve("9 a.m. and 5 p.m. on Monday", reference=REF)


def test_a_range_keeps_its_zone() -> None:
    r = resolve("0900-1100 GMT", reference=REF)
    assert (r.timex, r.zone) == ("2026-03-11T09:00/2026-03-11T11:00", "Etc/GMT")


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("3-1", "United won 3-1 at home."),
        ("from 4 to 6", "Membership grew from 4 to 6 countries."),
        ("the night of Friday to Sunday", "It rained the night of Friday to Sunday."),
    ],
)
def test_numbers_that_count_are_no_clock_range(phrase: str, context: str) -> None:
    with pytest.raises(PhraseError):
        resolve(phrase, reference=REF, context=context)


# --- open intervals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "context", "want"),
    [
        (
            "till Monday",
            "The bridge stays shut till Monday.",
            ("2026-03-16", "DATE", "ON_OR_BEFORE"),
        ),
        ("by Thursday", "Send the forms by Thursday.", ("2026-03-12", "DATE", "ON_OR_BEFORE")),
        ("before 7am", "Queues formed before 7am.", ("2026-03-11T07:00", "TIME", "BEFORE")),
        ("after Easter", "Works resume after Easter.", ("2026-04-05", "DATE", "AFTER")),
        ("since January", "Prices have climbed since January.", ("2026-01", "DATE", "ON_OR_AFTER")),
        (
            "starting Monday",
            "Fares will go up starting Monday.",
            ("2026-03-16", "DATE", "ON_OR_AFTER"),
        ),
        ("from next month", "Rules tighten from next month.", ("2026-04", "DATE", "ON_OR_AFTER")),
        (
            "no later than June 1",
            "Bids are due no later than June 1.",
            ("2026-06-01", "DATE", "ON_OR_BEFORE"),
        ),
        (
            "by the end of the quarter",
            "It will be done by the end of the quarter.",
            ("2026-03-31", "DATE", "ON_OR_BEFORE"),
        ),
        (
            "before the end of the week",
            "A deal is due before the end of the week.",
            ("2026-03-15", "DATE", "BEFORE"),
        ),
    ],
)
def test_an_interval_end_keeps_its_value_and_takes_a_mod(
    phrase: str, context: str, want: tuple[str, str, str]
) -> None:
    assert _got(phrase, context) == want


def test_since_looks_back_and_a_deadline_ahead() -> None:
    # "since Friday" read on a Wednesday: the Friday before, whatever the sentence says.
    assert _got("since Friday", "Lines will be long since Friday.")[0] == "2026-03-06"
    # "until Friday" with no tense: the Friday ahead; a past tense still puts it back.
    assert _got("until Friday")[0] == "2026-03-13"
    assert _got("until Friday", "The port was closed until Friday.")[0] == "2026-03-06"


def test_a_range_after_from_is_no_open_interval() -> None:
    assert _got("from Monday to Thursday", "Talks will run from Monday to Thursday.")[2] is None


@pytest.mark.parametrize("phrase", ["since then", "until further notice", "after that"])
def test_an_interval_with_no_anchor_is_refused(phrase: str) -> None:
    with pytest.raises(PhraseError):
        resolve(phrase, reference=REF)


# --- ordinal and relative weekdays --------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "context", "value"),
    [
        ("Tuesday after next", "Let's meet Tuesday after next.", "2026-03-24"),
        ("the Monday before last", "The vote was held the Monday before last.", "2026-02-23"),
        (
            "the second Wednesday of June 2019",
            "It opened on the second Wednesday of June 2019.",
            "2019-06-12",
        ),
        (
            "the fourth Thursday in November",
            "Parades will march on the fourth Thursday in November.",
            "2026-11-26",
        ),
        (
            "the last Monday of the month",
            "Bins are collected on the last Monday of the month.",
            "2026-03-30",
        ),
        (
            "the first Friday of next month",
            "The panel will sit on the first Friday of next month.",
            "2026-04-03",
        ),
        (
            "the last Saturday in February",
            "The derby was played on the last Saturday in February.",
            "2026-02-28",
        ),
        ("the 20", "moving the party to the 20", "2026-03-20"),
        ("the 2", "the invoice was paid on the 2", "2026-03-02"),
    ],
)
def test_ordinal_and_relative_weekdays(phrase: str, context: str, value: str) -> None:
    assert _got(phrase, context)[:2] == (value, "DATE")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The vote will be held on Friday after next.", ("Friday after next", "2026-03-27")),
        (
            "Rent is due on the last Friday of the month.",
            ("the last Friday of the month", "2026-03-27"),
        ),
        (
            "They met on the third Tuesday of September 2014.",
            ("the third Tuesday of September 2014", "2014-09-16"),
        ),
        ("The fair opens on the first Monday in May.", ("the first Monday in May", "2026-05-04")),
        (
            "Storms will hit during the night of Friday to Saturday.",
            ("the night of Friday to Saturday", "2026-03-13TNI"),
        ),
    ],
)
def test_ordinal_weekdays_are_found_in_running_text(text: str, found: tuple[str, str]) -> None:
    """Whole, not as the bare weekday inside them (which named another day)."""
    assert [(m.text, m.timex) for m in extract(text, reference=REF)] == [found]


def test_a_fifth_weekday_the_month_lacks_is_refused() -> None:
    with pytest.raises(PhraseError, match="no fifth Monday"):
        resolve("the fifth Monday of February 2026", reference=REF)


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("the 4th", "Officers of the 4th Brigade marched."),
        ("the 12", "He beat the 12 others."),
        ("the 38", "Commuters who boarded the 38 were late."),
        ("the 7", "We missed the 7 and walked."),
        ("the 9", "She rode the 9 tram to the harbour."),
    ],
)
def test_a_number_after_the_that_names_or_counts_is_no_day(phrase: str, context: str) -> None:
    with pytest.raises(PhraseError):
        resolve(phrase, reference=REF, context=context)


@pytest.mark.parametrize(
    ("phrase", "context", "value"),
    [
        ("the 24th", "They will take the 24th for the vote.", "2026-03-24"),
        ("the 20", "the board will take it up on the 20", "2026-03-20"),
    ],
)
def test_a_day_near_a_verb_of_boarding_stays_a_day(phrase: str, context: str, value: str) -> None:
    """Only a bare number right after the verb, or before a line's noun, is a line."""
    assert _got(phrase, context)[:2] == (value, "DATE")


# --- holidays -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "context", "value"),
    [
        ("Bastille Day", "Paris will hold its parade on Bastille Day.", "2026-07-14"),
        ("Ash Wednesday", "Lent began on Ash Wednesday.", "2026-02-18"),
        ("Whit Monday", "Shops will shut on Whit Monday.", "2026-05-25"),
        ("Orthodox Easter", "Serbs will mark Orthodox Easter.", "2026-04-12"),
        ("Mother's Day", "Cards sell out before Mother's Day.", "2026-05-10"),
        ("Mother's Day", "British florists will be busy before Mother's Day.", "2026-03-15"),
        ("Thanksgiving", "Canadians will travel home for Thanksgiving.", "2026-10-12"),
        ("Independence Day", "Pakistan will mark Independence Day.", "2026-08-14"),
        ("Independence Day", "Americans will grill on Independence Day.", "2026-07-04"),
        ("Labour Day", "Kiwis will get a day off on Labour Day.", "2026-10-26"),
        ("Dragon Boat Festival", "Races will be rowed at the Dragon Boat Festival.", "2026-06-19"),
        ("Eid al-Adha", "Pilgrims will gather for Eid al-Adha.", "2026-05-27"),
        ("Yom Kippur", "Roads will empty on Yom Kippur.", "2026-09-21"),
        ("Passover", "Families will gather at Passover.", "2026-04-02"),
        ("Diwali", "Sweet shops will be busy before Diwali.", "2026-11-08"),
        ("Eid al-Fitr 2023", "Markets closed for Eid al-Fitr 2023.", "2023-04-21"),
        # The days after US Thanksgiving (26 November 2026).
        ("Black Friday", "Shoppers will queue on Black Friday.", "2026-11-27"),
        ("Cyber Monday", "Sites will slash prices on Cyber Monday.", "2026-11-30"),
    ],
)
def test_holidays_by_rule_and_by_calendar(phrase: str, context: str, value: str) -> None:
    assert _got(phrase, context)[:2] == (value, "DATE")


def test_hanukkah_is_its_eight_days() -> None:
    r = resolve("Hanukkah", reference=REF, context="Lights will burn through Hanukkah.")
    assert r.timex == "2026-12-05/2026-12-12"
    assert r.span.day_count == 8


@pytest.mark.parametrize(
    ("phrase", "context", "reference", "value"),
    [
        # 1 Ramadan 1446 was 1 March 2025 and Eid al-Fitr 30 March (Umm al-Qura).
        (
            "Ramadan",
            "Markets will open late during Ramadan.",
            date(2025, 2, 9),
            "2025-03-01/2025-03-29",
        ),
        # 1 Ramadan 1445: 11 March 2024; Eid al-Fitr: 10 April 2024.
        (
            "the holy month of Ramadan",
            "Shops closed early in the holy month of Ramadan.",
            date(2024, 6, 1),
            "2024-03-11/2024-04-09",
        ),
        # 1 Ramadan 1420 was 9 December 1999 and Eid al-Fitr 8 January 2000.
        ("Ramadan 1999", None, REF, "1999-12-09/2000-01-07"),
    ],
)
def test_ramadan_is_its_month_to_the_day_before_eid(
    phrase: str, context: str | None, reference: date, value: str
) -> None:
    assert _got(phrase, context, reference=reference)[:2] == (value, "DATE")


def test_ramadan_in_a_year_of_two_eids_ends_before_the_eid_after_it() -> None:
    """2033 holds two Eids al-Fitr (2 January and 23 December): Ramadan 2033, which
    begins on 23 November, ends before the second."""
    r = resolve("Ramadan 2033", reference=REF)
    assert r.timex == "2033-11-23/2033-12-22"
    assert r.span.day_count in (29, 30)


@pytest.mark.parametrize(
    ("phrase", "context", "reference", "value"),
    [
        # Eid al-Fitr fell on 2 January and 23 December 2033 (1 Shawwal 1454 and 1455).
        ("next Eid al-Fitr", None, date(2033, 1, 3), "2033-12-23"),
        ("Eid al-Fitr", "Shops will shut for Eid al-Fitr.", date(2033, 6, 1), "2033-12-23"),
        ("Eid al-Fitr", "Shops shut for Eid al-Fitr.", date(2033, 6, 1), "2033-01-02"),
        # Eid al-Adha: 10 January and 31 December 2006.
        ("last Eid al-Adha", None, date(2007, 1, 1), "2006-12-31"),
        # Ramadan began on 5 January and 26 December 2030.
        ("Ramadan", "Muslims will observe Ramadan.", date(2030, 6, 1), "2030-12-26/2031-01-23"),
    ],
)
def test_a_feast_that_falls_twice_in_a_year_is_chosen_among_both(
    phrase: str, context: str | None, reference: date, value: str
) -> None:
    assert _got(phrase, context, reference=reference)[0] == value


@pytest.mark.parametrize("phrase", ["Eid al-Fitr 2033", "Ramadan 2030"])
def test_a_feast_named_with_a_year_it_falls_twice_in_is_refused(phrase: str) -> None:
    with pytest.raises(PhraseError, match="falls twice in 20"):
        resolve(phrase, reference=REF)


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("the Mid-Autumn holiday", "Trains were full over the Mid-Autumn holiday."),
        ("Mid-Autumn Day", "Lanterns lit the river on Mid-Autumn Day."),
    ],
)
def test_the_mid_autumn_holiday_is_the_festival_not_the_season(phrase: str, context: str) -> None:
    # The 15th day of the 8th lunar month of 2025 was 6 October.
    assert _got(phrase, context, reference=date(2025, 11, 1))[:2] == ("2025-10-06", "DATE")
    found = extract(context, reference=date(2025, 11, 1))
    assert [(m.text, m.timex) for m in found] == [(phrase, "2025-10-06")]


@pytest.mark.parametrize(
    ("phrase", "context"),
    [
        ("Independence Day", "Fireworks will mark Independence Day."),
        ("Labour Day", "Unions will march on Labour Day."),
        ("Vesak", "Monks will lead prayers on Vesak."),
    ],
)
def test_a_holiday_that_differs_by_country_needs_one(phrase: str, context: str) -> None:
    with pytest.raises(AmbiguousHolidayError, match="say which") as caught:
        resolve(phrase, reference=REF, context=context)
    assert len(caught.value.countries) >= 2


@pytest.mark.parametrize(
    ("phrase", "context", "country"),
    [
        ("National Day", "Singapore will celebrate National Day.", "SG"),
        ("Golden Week", "Japan's Golden Week will be busy.", "JP"),
        ("Mother's Day", "Mexicans will buy flowers for Mother's Day.", "MX"),
        ("Memorial Day", "South Korea will mark Memorial Day.", "KR"),
        ("Labor Day", "Filipinos will rest on Labor Day.", "PH"),
        ("Golden Week", "The Japanese will travel during Golden Week.", "JP"),
    ],
)
def test_a_holiday_of_a_country_the_table_does_not_hold_is_refused(
    phrase: str, context: str, country: str
) -> None:
    """Another country's day is never given for the one the sentence names."""
    with pytest.raises(UnlistedLocalHolidayError, match="does not hold") as caught:
        resolve(phrase, reference=REF, context=context)
    assert caught.value.country == country


@pytest.mark.parametrize(
    ("phrase", "context", "value"),
    [
        ("Thanksgiving", "Turkey prices will rise ahead of Thanksgiving.", "2026-11-26"),
        ("Mother's Day", "Italian restaurants will be packed on Mother's Day.", "2026-05-10"),
        ("Memorial Day", "French fries will sell out on Memorial Day.", "2026-05-25"),
    ],
)
def test_an_adjective_or_a_word_of_another_sense_names_no_country(
    phrase: str, context: str, value: str
) -> None:
    assert _got(phrase, context)[0] == value


def test_a_holiday_of_several_days_under_way_is_the_one_ahead() -> None:
    context = "Restaurants will shorten their hours during Ramadan."
    assert _got("Ramadan", context, reference=date(2025, 3, 10))[0] == "2025-03-01/2025-03-29"


@pytest.mark.parametrize(
    "context",
    [
        "Shops will shut on National Day.",
        "Japanese and Chinese tourists will travel over National Day.",
    ],
)
def test_a_country_with_a_reading_named_anywhere_keeps_it(context: str) -> None:
    assert _got("National Day", context)[0] == "2026-10-01"


def test_a_holiday_outside_its_calendars_years_is_refused() -> None:
    with pytest.raises(PhraseError, match="no date for diwali"):
        resolve("Diwali 1995", reference=REF)


def test_thanksgiving_in_lower_case_is_a_word() -> None:
    with pytest.raises(PhraseError):
        resolve("thanksgiving", reference=REF, context="They gave thanksgiving for the rain.")


# --- counted ranges -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "interval"),
    [
        ("the past 10 days", "P10D", "2026-03-02/2026-03-11"),
        ("last 3 weeks", "P3W", "2026-02-19/2026-03-11"),
        ("the next two months", "P2M", "2026-03-11/2026-05-10"),
        ("next 4 years", "P4Y", "2026-03-11/2030-03-10"),
        ("the past two quarters", "P6M", "2025-09-12/2026-03-11"),
    ],
)
def test_a_counted_range_is_a_duration_with_its_interval(
    phrase: str, value: str, interval: str
) -> None:
    r = resolve(phrase, reference=REF, context=f"Sales grew over {phrase}.")
    assert (r.timex, str(r.type)) == (value, "DURATION")
    assert r.interval is not None
    assert r.interval.timex == interval


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("half an hour", "PT30M"),
        ("a quarter of an hour", "PT15M"),
        ("a half-day", "PT12H"),
        ("a quarter of a century", "P25Y"),
        ("a year and a half", "P18M"),
        ("two and a half years", "P30M"),
        ("a decade and a half", "P15Y"),
    ],
)
def test_a_fraction_of_a_unit_is_the_next_unit_down(phrase: str, value: str) -> None:
    assert _got(phrase)[:2] == (value, "DURATION")


def test_a_fraction_that_comes_out_no_whole_amount_is_refused() -> None:
    with pytest.raises(PhraseError):
        resolve("half a week", reference=REF)


@pytest.mark.parametrize("phrase", ["the past 36 hours", "next 90 minutes", "for three days"])
def test_no_interval_under_a_day_or_for_a_bare_amount(phrase: str) -> None:
    r = resolve(phrase, reference=REF)
    assert str(r.type) == "DURATION"
    assert r.interval is None


# --- seasons ----------------------------------------------------------------------------------


def test_seasons_are_meteorological_unless_asked() -> None:
    met = resolve("summer 2026", reference=REF)
    astro = resolve("summer 2026", reference=REF, seasons="astronomical")
    assert met.timex == astro.timex == "2026-SU"
    assert (met.span.first, met.span.last) == (date(2026, 6, 1), date(2026, 8, 31))
    assert (astro.span.first, astro.span.last) == (date(2026, 6, 21), date(2026, 9, 22))


def test_the_model_moves_which_season_is_meant() -> None:
    # On 11 March 2026 meteorological winter 2025 has ended; astronomical winter has not.
    said = "Snow fell last winter, farmers said."
    assert resolve("last winter", reference=REF, context=said).timex == "2025-WI"
    astro = resolve("last winter", reference=REF, context=said, seasons="astronomical")
    assert astro.timex == "2024-WI"
    assert resolve("this spring", reference=REF, seasons="astronomical").span.first == date(
        2026, 3, 20
    )


def test_a_winter_of_two_years() -> None:
    assert resolve("the winter of 2021-22", reference=REF).timex == "2021-WI"
    with pytest.raises(PhraseError):
        resolve("the summer of 2021-22", reference=REF)


def test_an_unknown_season_model_is_refused() -> None:
    with pytest.raises(ValueError, match="astronomical"):
        resolve("summer", reference=REF, seasons="solar")


def test_a_bare_range_reads_its_end_as_pm_where_it_would_end_before_it_starts() -> None:
    assert _got("from 9 to 5")[0] == "2026-03-11T09:00/2026-03-11T17:00"
    assert _got("from 10:30 to 1")[0] == "2026-03-11T10:30/2026-03-11T13:00"


def test_a_clock_and_a_part_of_the_day_must_agree() -> None:
    assert _got("11 pm tonight")[0] == "2026-03-11T23:00"
    assert _got("9:45 tonight")[0] == "2026-03-11T21:45"
    with pytest.raises(PhraseError, match="disagree"):
        resolve("6 am tonight", reference=REF)


def test_vague_plurals_after_past_and_next() -> None:
    assert _got("the past few weeks")[0] == "PAST_REF"
    assert _got("the next several months")[0] == "FUTURE_REF"


# --- numeric dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "order", "value"),
    [
        ("25-12-2019", None, "2019-12-25"),
        ("12-25-2019", None, "2019-12-25"),
        ("04-05-2019", NumericOrder.DAY_FIRST, "2019-05-04"),
        ("04-05-2019", NumericOrder.MONTH_FIRST, "2019-04-05"),
        ("3. Okt. 2019", None, None),
        ("3. Oct. 2019", None, "2019-10-03"),
        ("21-Jan-2020", None, "2020-01-21"),
        ("9.7. - 2.8.", NumericOrder.DAY_FIRST, "2025-07-09/2025-08-02"),
        ("28.12.-3.1.", NumericOrder.DAY_FIRST, "2025-12-28/2026-01-03"),
        ("1/6/2025 - 30/6/2025", NumericOrder.DAY_FIRST, "2025-06-01/2025-06-30"),
        ("2019.07.04", None, "2019-07-04"),
        ("2019.7.4", None, "2019-07-04"),
        ("20190704", None, "2019-07-04"),
        ("20191304", None, None),
        ("12345678", None, None),
    ],
)
def test_numeric_dates_in_other_orders_and_separators(
    phrase: str, order: NumericOrder | None, value: str | None
) -> None:
    ref = date(2025, 9, 1)
    if value is None:
        with pytest.raises(PhraseError):
            resolve(phrase, reference=ref, order=order)
        return
    assert resolve(phrase, reference=ref, order=order).timex == value


def test_an_ambiguous_dashed_date_needs_an_order() -> None:
    with pytest.raises(PhraseError, match="ambiguous"):
        resolve("04-05-2019", reference=REF)
    with pytest.raises(PhraseError, match="order"):
        resolve("5.8. - 16.8.", reference=REF)


def test_the_airline_style_day_and_month() -> None:
    r = resolve("22NOV 06:15", reference=REF, context="The crew landed 22NOV 06:15, it said.")
    assert (r.timex, str(r.type)) == ("2025-11-22T06:15", "TIME")


def test_a_start_with_no_tense_looks_ahead() -> None:
    assert _got("from Monday")[:3] == ("2026-03-16", "DATE", "ON_OR_AFTER")


def test_a_name_one_country_alone_uses_is_that_countrys() -> None:
    assert _got("Vesak Day", "Temples will fill on Vesak Day.")[0] == "2026-05-31"


def test_through_ends_an_interval() -> None:
    assert _got("through Sunday", "The sale will run through Sunday.")[:3] == (
        "2026-03-15",
        "DATE",
        "ON_OR_BEFORE",
    )


def test_the_season_model_reaches_every_entry_point() -> None:
    from summitcal.resolver import resolve_in_context

    text = "Storms will hit this summer."
    at = text.index("this summer")
    r = resolve_in_context(text, at, at + 11, reference=REF, seasons="astronomical")
    assert (r.timex, r.span.first) == ("2026-SU", date(2026, 6, 21))


@pytest.mark.parametrize(
    ("phrase", "reference"),
    [("the past three months", date(1, 1, 1)), ("the next five years", date(9999, 12, 1))],
)
def test_a_counted_range_past_the_calendar_has_no_interval(phrase: str, reference: date) -> None:
    assert resolve(phrase, reference=reference).interval is None


@pytest.mark.parametrize(
    "text",
    ["Build 20190704 shipped.", "Version 2019.07.04 is out.", "Order no. 20190704 was lost."],
)
def test_compact_and_dotted_year_first_dates_are_not_looked_for_in_running_text(
    text: str,
) -> None:
    """Read when handed over alone, never found in prose, where such numbers are codes."""
    assert [m.text for m in scan(text)] == []


def test_white_space_between_the_words_changes_no_reading() -> None:
    """Every form case reads the same with its spaces doubled ("Friday after  next" was
    read as "Friday before last")."""
    import tomllib
    from pathlib import Path

    orders = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}
    forms = Path(__file__).parents[1] / "data" / "forms"
    differ = []
    for name in ("forms_dev.toml", "forms_heldout.toml", "forms_heldout2.toml"):
        for case in tomllib.loads((forms / name).read_text(encoding="utf-8"))["case"]:
            phrase = case["phrase"]
            if " " not in phrase or case.get("reject"):
                continue
            answers = []
            for written in (phrase, phrase.replace(" ", "  ")):
                context = case.get("context")
                r = resolve(
                    written,
                    reference=case["published"],
                    context=context.replace(phrase, written) if context else None,
                    order=orders.get(case.get("order", "")),
                    seasons=case.get("seasons", "meteorological"),
                )
                answers.append(r.timex)
            if answers[0] != answers[1]:
                differ.append((phrase, *answers))
    assert differ == []
