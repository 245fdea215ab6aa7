"""Unit tests of the resolver: API shape, conventions per category, errors, scanning, CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from summitcal.cli import main
from summitcal.errors import PhraseError
from summitcal.resolver import (
    Direction,
    NoSpanError,
    NumericOrder,
    TimexType,
    resolve,
    resolve_in_context,
    scan,
)
from summitcal.span.span import Granularity, Mod

SUNDAY = date(2025, 2, 9)  # a Sunday in ISO week 2025-W06


def value(phrase: str, context: str | None = None, **kw: object) -> str:
    return resolve(phrase, reference=kw.pop("reference", SUNDAY), context=context, **kw).timex  # type: ignore[arg-type]


class TestWeekdays:
    def test_past_tense_takes_latest_on_or_before(self) -> None:
        """'said on Friday' is the Friday before publication."""
        assert value("on Friday", "The regulator said on Friday it would appeal.") == "2025-02-07"

    def test_future_tense_counts_publication_day(self) -> None:
        """A future Sunday published on a Sunday is that same day."""
        assert value("on Sunday", "The talks will open on Sunday.") == "2025-02-09"

    def test_future_tense_takes_earliest_on_or_after(self) -> None:
        assert value("on Friday", "The board will vote on Friday.") == "2025-02-14"

    def test_last_is_strictly_before(self) -> None:
        assert value("last Sunday", "Voters went to the polls last Sunday.") == "2025-02-02"

    def test_next_is_following_iso_week(self) -> None:
        """Published Wednesday; 'next Friday' skips this week's Friday."""
        wed = date(2025, 2, 12)
        assert value("next Friday", "It opens next Friday.", reference=wed) == "2025-02-21"

    def test_this_is_same_iso_week(self) -> None:
        wed = date(2025, 2, 12)
        assert value("this Monday", "It was signed this Monday.", reference=wed) == "2025-02-10"

    def test_nearest_without_context_ties_go_to_past(self) -> None:
        """Wednesday is 4 days back from Sunday and 3 ahead; Thursday is 3 and 4."""
        assert value("Wednesday") == "2025-02-12"
        assert value("Thursday") == "2025-02-06"

    def test_weekday_range_from_seed_article_kind(self) -> None:
        r = resolve(
            "from Sunday to Wednesday",
            reference=SUNDAY,
            context="Vineyard inspectors plan to tour the valley from Sunday to Wednesday.",
        )
        assert r.timex == "2025-02-09/2025-02-12"
        assert r.span.day_count == 4
        assert "publication day" in r.explanation

    def test_range_end_is_first_named_day_after_start(self) -> None:
        assert value("Friday through Monday", "Stores will close Friday through Monday.") == (
            "2025-02-14/2025-02-17"
        )


class TestMonthDays:
    def test_pair_of_days(self) -> None:
        assert value("February 10 and 11", "The forum runs on February 10 and 11.") == (
            "2025-02-10/2025-02-11"
        )

    def test_past_month_day_goes_back_a_year_when_after_publication(self) -> None:
        assert value("March 3", "The deal was signed on March 3.") == "2024-03-03"

    def test_future_month_day_goes_forward_a_year_when_before_publication(self) -> None:
        assert value("January 20", "The law will take effect on January 20.") == "2026-01-20"

    def test_cross_month_range(self) -> None:
        assert value("Dec 30 to Jan 2", "The office will be shut Dec 30 to Jan 2.") == (
            "2025-12-30/2026-01-02"
        )

    def test_day_of_month_past_goes_to_previous_month(self) -> None:
        assert value("on the 20th", "The fund was launched on the 20th.") == "2025-01-20"


class TestUnits:
    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("last month", "2025-01"),
            ("next week", "2025-W07"),
            ("earlier this week", "2025-W06"),
            ("this year", "2025"),
            ("two weeks ago", "2025-W04"),
            ("three months ago", "2024-11"),
            ("in six months", "2025-08"),
            ("yesterday", "2025-02-08"),
            ("the day after tomorrow", "2025-02-11"),
        ],
    )
    def test_relative_units_keep_their_granularity(self, phrase: str, expected: str) -> None:
        assert value(phrase) == expected

    def test_previous_year_counts_from_a_year_in_the_sentence(self) -> None:
        ctx = "The treaty was drafted in 2019 and ratified the following year."
        assert value("the following year", ctx) == "2020"

    def test_previous_year_without_a_year_in_the_sentence(self) -> None:
        assert value("the previous year", "Sales fell compared with the previous year.") == ("2024")

    def test_month_by_tense(self) -> None:
        assert value("in May", "The leaders met in May.") == "2024-05"
        assert value("in May", "The leaders will meet in May.") == "2025-05"

    def test_a_week_from_a_weekday(self) -> None:
        assert value("a week from Monday", "The vote will be held a week from Monday.") == (
            "2025-02-17"
        )


class TestCoarse:
    def test_fuzzy_parts_carry_a_mod_and_narrow_the_days(self) -> None:
        r = resolve("late May", reference=SUNDAY, context="It will open in late May.")
        assert (r.timex, r.mod) == ("2025-05", Mod.END)
        assert (r.span.first, r.span.last) == (date(2025, 5, 21), date(2025, 5, 31))

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("Q3 2024", "2024-Q3"),
            ("the third quarter", "2025-Q3"),
            ("the second half of 2026", "2026-H2"),
            ("this summer", "2025-SU"),
            ("the 1980s", "198"),
            ("autumn 2023", "2023-FA"),
        ],
    )
    def test_coarse_units(self, phrase: str, expected: str) -> None:
        assert value(phrase) == expected

    def test_winter_is_named_by_the_year_it_starts(self) -> None:
        assert value("next winter") == "2025-WI"

    @pytest.mark.parametrize(
        ("phrase", "mod"),
        [
            ("the early 1980s", Mod.START),
            ("the late 1980s", Mod.END),
            ("the mid-1980s", Mod.MID),
            ("early 1980s", Mod.START),
            ("1980s", None),
        ],
    )
    def test_decades_with_or_without_the(self, phrase: str, mod: Mod | None) -> None:
        r = resolve(phrase, reference=SUNDAY)
        assert (r.timex, r.mod) == ("198", mod)

    def test_end_with_a_hyphen_is_the_end_of_the_unit(self) -> None:
        r = resolve("end-March", reference=SUNDAY, context="A deal is due by end-March.")
        assert (r.timex, r.mod) == ("2025-03", Mod.END)
        text = "The talks end March 3 and resume by end-June."
        assert [m.text for m in scan(text)] == ["March 3", "end-June"]

    def test_two_digit_decade_still_needs_the(self) -> None:
        """'in her 90s' is an age: a two-digit decade is read only as "the '90s"."""
        with pytest.raises(PhraseError):
            resolve("90s", reference=SUNDAY)


class TestNarrativeAndVague:
    def test_clock_range_before_the_day(self) -> None:
        r = resolve(
            "from 9 a.m. to 5 p.m. on Monday",
            reference=SUNDAY,
            context="Polling stations will be open from 9 a.m. to 5 p.m. on Monday.",
        )
        assert (r.timex, r.type) == ("2025-02-10T09:00/2025-02-10T17:00", TimexType.TIME)

    def test_next_day_counts_from_the_anchor(self) -> None:
        """'The next day' follows the day the story is at; without one, publication."""
        monday = date(2025, 2, 3)
        assert value("the next day", anchor=monday) == "2025-02-04"
        assert value("the following day") == "2025-02-10"
        assert value("the previous day", anchor=monday) == "2025-02-02"
        assert value("the day before", anchor=monday) == "2025-02-02"

    def test_counts_later_keep_their_unit(self) -> None:
        monday = date(2025, 2, 3)
        assert value("two days later", anchor=monday) == "2025-02-05"
        assert value("two weeks later", anchor=monday) == "2025-W08"

    def test_the_unit_before_or_after_counts_from_the_anchor(self) -> None:
        assert value("the year before", anchor=date(2019, 5, 1)) == "2018"
        assert value("the week after", anchor=date(2025, 1, 1)) == "2025-W02"

    def test_story_relative_days_are_not_scanned(self) -> None:
        """Only a reader of the whole text knows the story's day; scan leaves them out."""
        text = "They met on Monday, signed the deal the next day and left two days later."
        assert "narrative day" not in [m.rule for m in scan(text)]

    def test_scan_reads_no_story_day_as_an_amount(self) -> None:
        """'the next day' in running text is neither a narrative day nor a P1D duration;
        'the past week' stays an amount."""
        text = "Crews left the next day, stayed the following day and rested the past week."
        assert [(m.text, m.rule) for m in scan(text)] == [("the past week", "duration")]

    def test_local_time_alone_names_no_zone(self) -> None:
        r = resolve("at 3 p.m. local time", reference=SUNDAY)
        assert (r.timex, r.zone) == ("2025-02-09T15:00", None)

    def test_the_day_before_yesterday_is_still_a_day_word(self) -> None:
        """The narrative reading must not take 'the day before' out of it."""
        assert value("the day before yesterday", anchor=date(2020, 1, 1)) == "2025-02-07"

    def test_anchor_never_moves_publication_relative_phrases(self) -> None:
        assert value("yesterday", anchor=date(2025, 1, 1)) == "2025-02-08"

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("a few days ago", "PAST_REF"),
            ("several weeks ago", "PAST_REF"),
            ("in a few months", "FUTURE_REF"),
            ("the coming weeks", "FUTURE_REF"),
            ("the past months", "PAST_REF"),
        ],
    )
    def test_vague_amounts_have_a_side_and_no_span(self, phrase: str, expected: str) -> None:
        r = resolve(phrase, reference=SUNDAY)
        assert (r.timex, r.type) == (expected, TimexType.DATE)
        with pytest.raises(NoSpanError):
            _ = r.span

    def test_yearless_numeric_date_needs_an_order(self) -> None:
        ctx = "Security was tightened after 9/11."
        with pytest.raises(PhraseError, match="order"):
            resolve("9/11", reference=SUNDAY, context=ctx)
        with pytest.raises(PhraseError, match="order"):
            resolve("25/12", reference=SUNDAY)  # one reading only, but still no year
        month_first = NumericOrder.MONTH_FIRST
        assert value("9/11", ctx, order=month_first) == "2024-09-11"
        assert value("9/11", ctx, order=NumericOrder.DAY_FIRST) == "2024-11-09"

    def test_yearless_numeric_date_is_not_scanned(self) -> None:
        """In running text '24/7' or '3/4' are not dates."""
        assert [m.text for m in scan("The desk is staffed 24/7 and 9/11 is a name.")] == []


class TestTense:
    def test_irregular_past_forms_are_past(self) -> None:
        """'got under way' carries no -ed word and no auxiliary: the verb alone is past."""
        ctx = "Voting got under way on Saturday amid heavy security."
        assert value("on Saturday", ctx, reference=date(2025, 2, 12)) == "2025-02-08"

    def test_a_passive_reporting_verb_dates_nothing(self) -> None:
        """'will be announced on Friday' is future: the passive 'announced' is no saying."""
        ctx = "The results will be announced on Friday."
        assert value("on Friday", ctx, reference=date(2025, 2, 12)) == "2025-02-14"
        said = "The results were announced on Friday."
        assert value("on Friday", said, reference=date(2025, 2, 12)) == "2025-02-07"

    def test_a_cue_between_a_reporting_verb_and_the_phrase_decides(self) -> None:
        """'told reporters, would reopen on Monday': the saying is past, the reopening not."""
        ctx = "The plant, the spokesman told reporters, would reopen on Monday."
        assert value("on Monday", ctx, reference=date(2025, 6, 11)) == "2025-06-16"
        told = "The spokesman told reporters on Monday the plant would reopen."
        assert value("on Monday", told, reference=date(2025, 6, 11)) == "2025-06-09"

    def test_present_plans_point_ahead(self) -> None:
        ctx = "Officials expect the vote on Monday."
        assert value("on Monday", ctx, reference=date(2025, 6, 11)) == "2025-06-16"

    @pytest.mark.parametrize(
        ("ctx", "expected"),
        [
            # present-tense verbs of the calendar point ahead
            ("Finance ministers meet on Monday in Brussels.", "2025-06-16"),
            ("The trial resumes on Monday.", "2025-06-16"),
            ("Ferries stay docked on Monday as the storm passes.", "2025-06-16"),
            ("The appeal hearing has been postponed to Monday.", "2025-06-16"),
            ("Applications close on Monday.", "2025-06-16"),
            # "close to" is no cue: 'were' decides
            ("Shares were close to records on Monday.", "2025-06-09"),
            # an adjective in -ed is no past: 'is expected to' decides
            ("The bank is expected to keep rates unchanged on Monday.", "2025-06-16"),
            # a present form after "to" or an auxiliary: the words before give the tense
            ("The board did not meet on Monday.", "2025-06-09"),
            ("Talks had been expected to conclude on Monday.", "2025-06-09"),
        ],
    )
    def test_present_forms_and_their_exceptions(self, ctx: str, expected: str) -> None:
        assert value("on Monday", ctx, reference=date(2025, 6, 11)) == expected

    def test_present_reporting_verb_is_present(self) -> None:
        """'..., the clerk says' is said now; it makes the date no past one."""
        ctx = "The rule applies from March 3, the clerk says."
        assert value("March 3", ctx, reference=date(2025, 2, 12)) == "2025-03-03"
        assert value("March 3", "The rule applied from March 3.") == "2024-03-03"


class TestGoverningVerb:
    """The phrase takes its direction from the verb of its own clause."""

    @pytest.mark.parametrize(
        ("phrase", "ctx", "reference", "expected"),
        [
            # a complement clause after the phrase is not its clause: 'is' is no cue
            (
                "on Friday",
                "The ministry briefed at its weekly news conference on Friday that the plant "
                "is safe.",
                date(2025, 2, 9),
                "2025-02-07",
            ),
            # nor is a relative clause's verb outside it, nor the main verb outside the commas
            (
                "on Saturday",
                "The ferry line, which was halted on Saturday, is expected to restart soon.",
                date(2024, 11, 5),
                "2024-11-02",
            ),
            # a participle after 'be' is no past form: 'are set to' decides
            (
                "on Thursday",
                "New trams are set to be unveiled on Thursday.",
                date(2020, 10, 5),
                "2020-10-08",
            ),
            # after a determiner a present form is a noun ('the close'): 'were' decides
            (
                "Thursday",
                "Prices at the close Thursday were mixed.",
                date(2025, 3, 3),
                "2025-02-27",
            ),
            # the dates of markets: what is payable lies ahead, whoever declared it
            (
                "Dec. 7",
                "Directors declared a dividend payable Dec. 7.",
                date(2025, 10, 27),
                "2025-12-07",
            ),
        ],
    )
    def test_the_clause_and_its_verb(
        self, phrase: str, ctx: str, reference: date, expected: str
    ) -> None:
        assert value(phrase, ctx, reference=reference) == expected

    def test_an_adverb_between_auxiliary_and_participle_keeps_it_no_past(self) -> None:
        """'are fully booked' is a state now: the festival ahead, not last year's."""
        ctx = "Ferries are fully booked for the Spring Festival."
        assert value("the Spring Festival", ctx, reference=date(2025, 1, 10)) == "2025-01-29"

    def test_a_closing_reporting_clause_dates_only_the_saying(self) -> None:
        """'..., the council announced.' is not the verb of 'on Monday' before it."""
        ctx = "Residents cast ballots on Monday, the council announced."
        r = resolve("on Monday", reference=date(2025, 3, 8), context=ctx)
        assert (r.timex, r.direction) == ("2025-03-10", Direction.NEAREST)

    def test_a_weak_cue_does_not_send_a_near_date_most_of_a_year_away(self) -> None:
        """'said' or 'is' before "Nov. 17", three weeks off: that Nov. 17, not last year's;
        an explicit past or a verb of the calendar keeps its reading."""
        monday = date(2025, 10, 27)
        said = "Directors said holders receive the payment Nov. 17."
        assert value("Nov. 17", said, reference=monday) == "2025-11-17"
        held = "The fair was held on Nov. 17."
        assert value("Nov. 17", held, reference=monday) == "2024-11-17"
        ends = "The fiscal year ends Sept. 30."
        assert value("Sept. 30", ends, reference=date(2024, 10, 2)) == "2025-09-30"

    def test_this_weekday_follows_the_tense_out_of_its_week(self) -> None:
        """Published on a Sunday, "will travel this Friday" is the coming Friday."""
        sunday = date(2025, 2, 9)
        ahead = "The minister will travel to Geneva this Friday."
        assert value("this Friday", ahead, reference=sunday) == "2025-02-14"
        back = "The minister travelled to Geneva this Friday."
        assert value("this Friday", back, reference=sunday) == "2025-02-07"
        wednesday = date(2025, 2, 12)
        assert value("this Friday", back, reference=wednesday) == "2025-02-07"
        assert value("this Friday", ahead, reference=wednesday) == "2025-02-14"

    def test_a_possessive_weekday_lies_behind_unless_a_future_cue_says(self) -> None:
        """'Thursday's close' is a day that has been; 'ahead of Friday's vote' is not."""
        monday = date(2025, 3, 3)
        r = resolve(
            "Thursday", reference=monday, context="The bonds are priced above Thursday's close."
        )
        assert (r.timex, r.direction) == ("2025-02-27", Direction.PAST)
        assert "possessive day" in r.explanation
        ahead = "Traders sold ahead of Friday's vote."
        assert value("Friday", ahead, reference=monday) == "2025-03-07"


class TestHolidaysAndTimes:
    def test_spring_festival_comes_from_the_shipped_table(self) -> None:
        assert (
            value(
                "the Spring Festival",
                "Families will gather for the Spring Festival.",
                reference=date(2026, 1, 5),
            )
            == "2026-02-17"
        )

    def test_easter_and_thanksgiving(self) -> None:
        assert value("Easter", "Shops will close at Easter.") == "2025-04-20"
        assert value("Thanksgiving", "Flights will be full at Thanksgiving.") == "2025-11-27"

    def test_golden_week_is_seven_days(self) -> None:
        r = resolve(
            "Golden Week", reference=date(2025, 9, 1), context="Trains will be busy in Golden Week."
        )
        assert r.timex == "2025-10-01/2025-10-07"

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("New Years", "2025-01-01"),
            ("new years day", "2025-01-01"),
            ("New  Year's", "2025-01-01"),
            ("Chinas National Day", "2025-10-01"),
            ("Chinas National Day Holiday", "2025-10-01/2025-10-07"),
            ("chinas national day holidays", "2025-10-01/2025-10-07"),
            ("Chinas National Day Week", "2025-10-01/2025-10-07"),
            ("China's National Day week", "2025-10-01/2025-10-07"),
        ],
    )
    def test_holiday_names_with_or_without_their_apostrophe(self, name: str, expected: str) -> None:
        assert value(name, reference=date(2025, 7, 1)) == expected

    def test_clock_time_on_a_weekday(self) -> None:
        r = resolve(
            "9 a.m. on Monday", reference=SUNDAY, context="Polls will open at 9 a.m. on Monday."
        )
        assert (r.timex, r.type) == ("2025-02-10T09:00", TimexType.TIME)
        assert r.span.granularity is Granularity.TIME

    def test_part_of_day(self) -> None:
        assert value("Tuesday evening", "The vote will come Tuesday evening.") == "2025-02-11TEV"

    def test_zone_is_kept_and_never_moves_the_date(self) -> None:
        r = resolve("at 11 pm Paris time", reference=SUNDAY)
        assert (r.timex, r.zone) == ("2025-02-09T23:00", "Europe/Paris")
        assert r.span.start_datetime().tzinfo is not None


class TestExplicitAndNumeric:
    def test_explicit_forms(self) -> None:
        for phrase in (
            "2025-02-11",
            "Feb 11, 2025",
            "11 February 2025",
            "Tuesday, February 11, 2025",
        ):
            assert value(phrase) == "2025-02-11"

    def test_numeric_needs_an_order_when_ambiguous(self) -> None:
        with pytest.raises(PhraseError, match="ambiguous"):
            resolve("03/04/2025", reference=SUNDAY)
        assert value("03/04/2025", order=NumericOrder.DAY_FIRST) == "2025-04-03"
        assert value("03/04/2025", order=NumericOrder.MONTH_FIRST) == "2025-03-04"
        assert value("12/25/2024") == "2024-12-25"

    def test_wrong_weekday_for_the_date_is_an_error(self) -> None:
        with pytest.raises(PhraseError, match="not a Monday"):
            resolve("Monday, February 11, 2025", reference=SUNDAY)


class TestDurationsAndSets:
    def test_duration_has_no_span(self) -> None:
        r = resolve("for three days", reference=SUNDAY)
        assert (r.timex, r.type) == ("P3D", TimexType.DURATION)
        assert r.duration is not None
        assert SUNDAY + r.duration.as_relativedelta() == SUNDAY + timedelta(days=3)
        with pytest.raises(NoSpanError):
            _ = r.span

    def test_wire_service_clock_times(self) -> None:
        """'0800 GMT' and '1430 hrs' are clock times; four digits alone stay a year."""
        r = resolve("0800 GMT", reference=SUNDAY)
        assert (r.timex, r.type, r.zone) == ("2025-02-09T08:00", TimexType.TIME, "Etc/GMT")
        assert resolve("1430 hrs", reference=SUNDAY).timex == "2025-02-09T14:30"
        assert resolve("in 1930", reference=SUNDAY).timex == "1930"

    def test_length_of_a_thing_named(self) -> None:
        """A caller may hand over the noun phrase; in running text only 'five-day' is."""
        r = resolve("a five-day visit", reference=SUNDAY)
        assert (r.timex, r.type) == ("P5D", TimexType.DURATION)
        assert [m.text for m in scan("She began a five-day visit.")] == ["five-day"]

    def test_set(self) -> None:
        r = resolve("every Friday", reference=SUNDAY)
        assert (r.timex, r.type) == ("XXXX-WXX-5", TimexType.SET)
        with pytest.raises(PhraseError):
            _ = r.span


class TestDirectionArgument:
    def test_explicit_direction_overrides_the_sentence(self) -> None:
        ctx = "The minister said she would attend on Friday."
        assert value("on Friday", ctx, direction=Direction.FUTURE) == "2025-02-14"
        assert value("on Friday", ctx, direction=Direction.PAST) == "2025-02-07"

    @pytest.mark.parametrize("wrong", ["past", None, ["past"], 1])
    def test_a_direction_that_is_no_direction_is_refused_by_name(self, wrong: object) -> None:
        with pytest.raises(TypeError, match="direction is a Direction"):
            resolve("on Friday", reference=SUNDAY, direction=wrong)  # type: ignore[arg-type]

    def test_explanation_names_the_deciding_cue(self) -> None:
        r = resolve("on Friday", reference=SUNDAY, context="The court ruled on Friday.")
        assert r.direction is Direction.PAST
        assert "'ruled'" in r.explanation

    def test_aware_datetime_reference_uses_its_local_date(self) -> None:
        late = datetime(2025, 2, 9, 23, 30, tzinfo=timezone(timedelta(hours=8)))
        assert value("tomorrow", reference=late) == "2025-02-10"

    def test_naive_datetime_reference_is_refused(self) -> None:
        with pytest.raises(PhraseError, match="aware"):
            resolve("tomorrow", reference=datetime(2025, 2, 9, 12))  # noqa: DTZ001


class TestRejects:
    @pytest.mark.parametrize(
        ("phrase", "context"),
        [
            ("Fridays for Future", "Fridays for Future staged a march in Berlin."),
            ("Summer Davos", "Summer Davos opens in Tianjin."),
            ("May", "Theresa May said the vote would go ahead."),
            ("may", "Officials may meet again soon."),
            ("2000", "The plant still runs Windows 2000 machines."),
            ("Chapter 11", "The airline filed for Chapter 11 protection."),
            ("April", "April Ryan asked the first question."),
            ("fall", "Shares could fall further if the merger stalls."),
            ("spring", "Hikers rested by a warm spring below the pass."),
            ("March", "Broadcasters sold every slot for March Madness."),
            ("Easter", "A new film retells the Easter Rising."),
        ],
    )
    def test_false_friends_raise(self, phrase: str, context: str) -> None:
        with pytest.raises(PhraseError):
            resolve(phrase, reference=SUNDAY, context=context)

    @pytest.mark.parametrize(
        "context",
        [
            "The new tariff applies from spring.",
            "Ferry services run in summer and spring.",
            "Sales slow every spring.",
            "The plant reopens by spring.",
        ],
    )
    def test_a_lower_case_season_after_a_time_word_is_a_date(self, context: str) -> None:
        assert resolve("spring", reference=SUNDAY, context=context).timex.endswith("-SP")

    def test_error_points_at_the_offending_word(self) -> None:
        with pytest.raises(PhraseError) as info:
            resolve("Friday blah", reference=SUNDAY)
        assert info.value.position == 7

    def test_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError):
            resolve("no date here", reference=SUNDAY)


class TestScan:
    def test_finds_phrases_in_running_text(self) -> None:
        text = (
            "The envoy will fly out from Sunday to Wednesday; the ministry said on Friday "
            "that talks in May last year had gone well, and Theresa May agreed."
        )
        found = [m.text for m in scan(text)]
        assert found == ["Sunday to Wednesday", "Friday", "May last year"]

    def test_offsets_point_into_the_original_text(self) -> None:
        text = "Markets close early on Christmas Eve\u2014and reopen Dec. 27."
        for m in scan(text):
            assert text[m.start : m.end] == m.text
        assert [m.rule for m in scan(text)] == ["holiday", "month-day"]

    def test_full_match_resolve_agrees_with_scan(self) -> None:
        text = "The summit is set to open in mid-February in Paris."
        (m,) = scan(text)
        assert resolve(m.text, reference=SUNDAY, context=text).timex == "2025-02"


class TestCli:
    def test_prints_span_granularity_and_explanation(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status = main(
            [
                "resolve",
                "from Sunday to Wednesday",
                "--published",
                "2025-02-09",
                "--context",
                "The delegation will travel from Sunday to Wednesday.",
            ],
            now=datetime(2026, 1, 1, tzinfo=UTC),
        )
        out = capsys.readouterr().out
        assert status == 0
        assert out.startswith("2025-02-09/2025-02-12   day   (weekday range")

    def test_json_and_day_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert (
            main(["resolve", "11/02/2025", "--published", "2025-02-09", "--day-first", "--json"])
            == 0
        )
        record = json.loads(capsys.readouterr().out)
        assert (record["value"], record["granularity"]) == ("2025-02-11", "day")

    def test_seasons_and_the_interval_of_a_counted_range(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        args = ["resolve", "summer 2025", "--published", "2025-02-09", "--json"]
        assert main([*args, "--seasons", "astronomical"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert (record["value"], record["first"]) == ("2025-SU", "2025-06-21")
        assert main(["resolve", "the past two weeks", "--published", "2025-02-09"]) == 0
        assert capsys.readouterr().out.rstrip().endswith("interval=2025-01-27/2025-02-09")

    def test_error_exit_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["resolve", "11/02/2025", "--published", "2025-02-09"]) == 1
        err = capsys.readouterr().err
        assert "ambiguous" in err
        # The command's own options are named, not the library's keyword.
        assert "--day-first or --month-first" in err
        assert "NumericOrder" not in err

    def test_vague_reference_prints_its_value(self, capsys: pytest.CaptureFixture[str]) -> None:
        """'a few days ago' has no span; the command prints PAST_REF, not an error."""
        assert main(["resolve", "a few days ago", "--published", "2025-02-09"]) == 0
        assert capsys.readouterr().out.startswith("PAST_REF   date")
        assert main(["resolve", "in a few weeks", "--published", "2025-02-09", "--json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert (record["value"], record["first"]) == ("FUTURE_REF", None)


class TestInContext:
    """resolve_in_context: one occurrence, read in its own clause."""

    def test_each_clause_gives_its_own_direction(self) -> None:
        text = "The trade envoy landed in Oslo on Sunday and will fly home on Wednesday."
        wed = date(2025, 2, 12)
        got = []
        for word in ("Sunday", "Wednesday"):
            at = text.index(word)
            r = resolve_in_context(text, at, at + len(word), reference=wed)
            got.append((r.timex, r.direction))
        assert got == [("2025-02-09", Direction.PAST), ("2025-02-12", Direction.FUTURE)]

    def test_a_repeated_phrase_is_read_where_it_stands(self) -> None:
        """resolve() finds the first "Friday"; resolve_in_context reads the second one."""
        text = "Talks stalled on Friday, but the parties will sign on Friday."
        second = text.rindex("Friday")
        r = resolve_in_context(text, second, second + 6, reference=SUNDAY)
        assert r.timex == "2025-02-14"
        first = text.index("Friday")
        assert resolve_in_context(text, first, first + 6, reference=SUNDAY).timex == "2025-02-07"

    def test_sentence_found_around_the_phrase_in_a_longer_text(self) -> None:
        text = "Crews will return next month. The bridge reopened on Monday after repairs."
        at = text.index("on Monday")
        r = resolve_in_context(text, at, at + 9, reference=SUNDAY)
        assert (r.text, r.timex) == ("on Monday", "2025-02-03")

    def test_names_are_checked_around_the_occurrence(self) -> None:
        text = "Theresa May said the vote would go ahead in May."
        name = text.index("May")
        with pytest.raises(PhraseError):
            resolve_in_context(text, name, name + 3, reference=SUNDAY)
        month = text.rindex("May")
        assert resolve_in_context(text, month, month + 3, reference=SUNDAY).timex == "2025-05"

    def test_offsets_outside_the_text_raise(self) -> None:
        with pytest.raises(PhraseError, match="outside"):
            resolve_in_context("on Friday", 3, 40, reference=SUNDAY)

    def test_and_between_two_days_is_no_clause_break(self) -> None:
        """ "met on Monday and Tuesday": both days take 'met'."""
        text = "Negotiators met on Monday and Tuesday in Geneva."
        at = text.index("Tuesday")
        assert resolve_in_context(text, at, at + 7, reference=SUNDAY).timex == "2025-02-04"


class TestDirectionNotNeeded:
    @pytest.mark.parametrize(
        ("phrase", "context"),
        [
            ("2025-02-11", "Officials said the decree was signed 2025-02-11."),
            ("in 2017", "The pact will lapse in 2017."),
            ("Q3 2024", "Sales fell in Q3 2024."),
            ("last week", "The board will review last week."),
            ("May 2024", "Voting was held in May 2024."),
        ],
    )
    def test_fixed_phrases_skip_the_tense(self, phrase: str, context: str) -> None:
        r = resolve(phrase, reference=SUNDAY, context=context)
        assert r.direction is Direction.NEAREST
        # The value is the same whichever way the sentence points.
        for way in (Direction.PAST, Direction.FUTURE):
            assert value(phrase, context, direction=way) == r.timex

    def test_bare_weekday_still_reads_the_tense(self) -> None:
        r = resolve("Friday", reference=SUNDAY, context="The court ruled Friday.")
        assert r.direction is Direction.PAST


class TestIsoForms:
    """ISO 8601 as feeds and wires write it: year-first slashes and dates with a clock."""

    def test_year_first_slashes_are_one_date(self) -> None:
        assert value("2025/03/15", "The filing is dated 2025/03/15.") == "2025-03-15"
        assert value("on 2025/3/5") == "2025-03-05"

    def test_year_first_slashes_need_a_real_day(self) -> None:
        with pytest.raises(PhraseError, match="not a calendar date"):
            resolve("2025/02/30", reference=SUNDAY)

    def test_a_date_with_its_clock_is_a_time(self) -> None:
        r = resolve("2024-05-21T14:00", reference=SUNDAY)
        assert (r.timex, r.type, r.zone) == ("2024-05-21T14:00", TimexType.TIME, None)
        assert value("2024-05-21T14:00:30") == "2024-05-21T14:00:30"

    def test_z_keeps_utc_without_moving_the_clock(self) -> None:
        r = resolve("2024-05-21T14:00Z", reference=SUNDAY)
        assert (r.timex, r.type, r.zone) == ("2024-05-21T14:00", TimexType.TIME, "UTC")

    def test_dates_without_a_clock_are_unchanged(self) -> None:
        assert value("2024-05") == "2024-05"
        assert value("2024-05-21") == "2024-05-21"


class TestTwoUnitsOver:
    """ "the week after next" and "the week before last": the ISO week two from the
    publication date's, whatever the tense."""

    def test_the_week_after_next(self) -> None:
        r = resolve(
            "the week after next",
            reference=SUNDAY,
            context="The envoy returns the week after next.",
        )
        assert (r.timex, r.direction) == ("2025-W08", Direction.NEAREST)

    def test_the_week_before_last(self) -> None:
        assert value("the week before last", "Prices peaked the week before last.") == "2025-W04"

    def test_across_the_iso_year(self) -> None:
        """Published on Monday 29 December 2025, the first day of ISO week 2026-W01."""
        assert value("the week after next", reference=date(2025, 12, 29)) == "2026-W03"
        assert value("the week before last", reference=date(2025, 12, 29)) == "2025-W51"

    def test_months_and_years_likewise(self) -> None:
        assert value("the month after next") == "2025-04"
        assert value("the year before last") == "2023"


class TestYearEnd:
    """ "year-end" is the end of the publication year, as "the end of the year" is."""

    @pytest.mark.parametrize("phrase", ["year-end", "the year-end", "year end", "the year's end"])
    def test_the_publication_year_with_mod_end(self, phrase: str) -> None:
        r = resolve(phrase, reference=SUNDAY, context=f"Debt will be repaid by {phrase}.")
        assert (r.timex, r.mod) == ("2025", Mod.END)
        same = resolve("the end of the year", reference=SUNDAY)
        assert (r.span.first, r.span.last) == (same.span.first, same.span.last)

    def test_by_stays_outside_the_phrase(self) -> None:
        (match,) = scan("The lender expects to close the sale by year-end.")
        assert match.text == "year-end"
        assert resolve("year-end", reference=SUNDAY).timex == "2025"
        # Handed over with its "by", it is a deadline: the year's last day, on or before.
        r = resolve("by year-end", reference=SUNDAY)
        assert (r.timex, r.mod) == ("2025-12-31", Mod.ON_OR_BEFORE)

    def test_a_year_ending_is_no_year_end(self) -> None:
        with pytest.raises(PhraseError):
            resolve("the year ending", reference=SUNDAY)


class TestEarlyAndLateDays:
    """ "late Thursday", "early Friday": the day as the bare weekday, mod END or START on
    the day's value (the span stays the whole day)."""

    def test_late_thursday_in_the_past(self) -> None:
        r = resolve("late Thursday", reference=SUNDAY, context="The court ruled late Thursday.")
        assert (r.timex, r.type, r.mod, r.direction) == (
            "2025-02-06",
            TimexType.DATE,
            Mod.END,
            Direction.PAST,
        )
        assert (r.span.first, r.span.last) == (date(2025, 2, 6), date(2025, 2, 6))

    def test_early_friday_in_the_future(self) -> None:
        r = resolve("early Friday", reference=SUNDAY, context="Crews will return early Friday.")
        assert (r.timex, r.mod) == ("2025-02-14", Mod.START)

    def test_late_on_thursday(self) -> None:
        r = resolve(
            "late on Thursday", reference=SUNDAY, context="Talks broke down late on Thursday."
        )
        assert (r.timex, r.mod) == ("2025-02-06", Mod.END)

    def test_early_friday_morning_is_the_morning_with_start(self) -> None:
        r = resolve(
            "early Friday morning", reference=SUNDAY, context="Troops crossed early Friday morning."
        )
        assert (r.timex, r.type, r.mod) == ("2025-02-07TMO", TimexType.TIME, Mod.START)

    def test_a_clock_time_is_not_early_or_late(self) -> None:
        with pytest.raises(PhraseError, match="clock"):
            resolve("late Thursday at 11 p.m.", reference=SUNDAY)

    def test_the_bare_weekday_is_unchanged(self) -> None:
        assert resolve("Thursday", reference=SUNDAY, context="It ruled Thursday.").mod is None


class TestWeekdayAndDayOfMonth:
    """ "Friday the 13th": the day of the month that falls on that weekday, in the nearest
    month the tense points to."""

    def test_past_takes_the_latest_on_or_before(self) -> None:
        r = resolve(
            "Friday the 13th", reference=SUNDAY, context="Shares slumped on Friday the 13th."
        )
        assert (r.timex, r.direction) == ("2024-12-13", Direction.PAST)

    def test_future_takes_the_earliest_on_or_after(self) -> None:
        """Tuesday 14 January 2025 is past; the next Tuesday the 14th is in October."""
        context = "The board will meet on Tuesday the 14th."
        assert value("Tuesday the 14th", context) == "2025-10-14"

    def test_nearest_takes_the_closest(self) -> None:
        """From Sunday 9 February 2025: Friday 13 December 2024 is 58 days back, Friday 13
        June 2025 124 days ahead."""
        r = resolve("Friday the 13th", reference=SUNDAY)
        assert (r.timex, r.direction) == ("2024-12-13", Direction.NEAREST)

    def test_the_publication_day_counts(self) -> None:
        assert (
            value(
                "Thursday the 13th", "Talks resume Thursday the 13th.", reference=date(2025, 2, 13)
            )
            == "2025-02-13"
        )

    def test_a_day_never_on_that_weekday_within_twelve_months_is_refused(self) -> None:
        with pytest.raises(PhraseError, match="no Monday the 31st falls within 12 months"):
            resolve("Monday the 31st", reference=SUNDAY, direction=Direction.PAST)

    def test_with_its_clock(self) -> None:
        r = resolve("Friday the 13th at 9 a.m.", reference=SUNDAY, direction=Direction.FUTURE)
        assert (r.timex, r.type) == ("2025-06-13T09:00", TimexType.TIME)


def test_scan_reads_no_year_in_the_whole_part_of_a_figure() -> None:
    """The grammar itself, not only extraction, leaves "2082" of "2082.1" alone."""
    from summitcal.resolver import scan

    text = "The index closed at 2082.1 points in 2024, up from 1,678.5 in May 2019."
    assert [m.text for m in scan(text)] == ["2024", "May 2019"]
