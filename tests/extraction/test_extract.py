"""extract(): what it finds in running text, how it values it, and where it anchors it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from summitcal import PhraseError, extract
from summitcal.extraction import Mention, TimexType, extract_many
from summitcal.extraction.evaluate import evaluate
from summitcal.extraction.many import in_order
from summitcal.span.span import Mod

SUNDAY = date(2025, 2, 9)
ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.tml"))

# Floors for the dev corpus, a little below what was measured (strict F1 96.8, relaxed F1
# 97.6, value accuracy 94.0, value F1 91.7).
FLOORS = {"strict_f1": 0.95, "relaxed_f1": 0.96, "value_accuracy": 0.92, "value_f1": 0.90}


def found(text: str, reference: date = SUNDAY) -> list[tuple[str, str, str]]:
    return [(m.text, m.type.value, m.timex) for m in extract(text, reference=reference)]


def test_offsets_point_into_the_text_and_mentions_are_ordered() -> None:
    text = "Officials said on Friday that talks would resume next week."
    mentions = extract(text, reference=SUNDAY)
    assert [m.text for m in mentions] == ["Friday", "next week"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert mentions[0].start < mentions[1].start
    assert all(m.explanation for m in mentions)


def test_tense_of_each_sentence_sets_the_direction() -> None:
    assert found("Ministers met on Friday.") == [("Friday", "DATE", "2025-02-07")]
    assert found("Ministers will meet on Friday.") == [("Friday", "DATE", "2025-02-14")]


def test_prepositions_stay_outside_and_amount_words_inside_with_a_mod() -> None:
    (m,) = extract("The review will take about ten weeks.", reference=SUNDAY)
    assert (m.text, m.timex, m.mod) == ("about ten weeks", "P10W", Mod.APPROX)
    (w,) = extract("A decision is due within six months.", reference=SUNDAY)
    assert (w.text, w.type, w.timex) == ("six months", TimexType.DURATION, "P6M")


def test_a_range_is_two_timexes_the_second_anchored_on_the_first() -> None:
    mentions = extract("The summit was held on Feb. 6-7 in Paris.", reference=SUNDAY)
    assert [(m.text, m.timex) for m in mentions] == [("Feb. 6", "2025-02-06"), ("7", "2025-02-07")]
    assert mentions[1].anchor == 0


def test_vague_references_sets_and_unspecified_amounts() -> None:
    text = (
        "Now the group meets every six months. It recently met twice a year, "
        "and the plan took several months."
    )
    assert found(text) == [
        ("Now", "DATE", "PRESENT_REF"),
        ("every six months", "SET", "P6M"),
        ("recently", "DATE", "PAST_REF"),
        ("twice a year", "SET", "P1Y"),
        ("several months", "DURATION", "PXM"),
    ]
    twice = extract(text, reference=SUNDAY)[3]
    assert twice.freq == "2X"


def test_in_two_weeks_is_a_duration_and_a_decade_ago_a_decade() -> None:
    assert found("The rules take effect in two weeks.") == [("two weeks", "DURATION", "P2W")]
    assert found("Five years from now, nobody will ask.") == [
        ("Five years", "DURATION", "P5Y"),
        ("now", "DATE", "PRESENT_REF"),
    ]
    assert found("The idea was born a decade ago.") == [("a decade ago", "DATE", "201")]


def test_each_clause_of_a_sentence_sets_its_own_direction() -> None:
    """Published on a Wednesday: 'landed' dates Sunday, 'will' dates Friday."""
    text = "The trade envoy landed in Oslo on Sunday and will fly home on Friday."
    assert found(text, reference=date(2025, 2, 12)) == [
        ("Sunday", "DATE", "2025-02-09"),
        ("Friday", "DATE", "2025-02-14"),
    ]


def test_a_repeated_day_is_read_where_it_stands() -> None:
    text = "The union struck on Monday, while the board will reply on Monday."
    assert [m.timex for m in extract(text, reference=date(2025, 2, 12))] == [
        "2025-02-10",
        "2025-02-17",
    ]


def test_the_next_day_is_a_narrative_day_never_a_duration() -> None:
    text = "The ferry sank on March 2. Divers reached it the following day."
    mentions = extract(text, reference=SUNDAY)
    assert [(m.text, m.type.value, m.timex) for m in mentions] == [
        ("March 2", "DATE", "2024-03-02"),
        ("the following day", "DATE", "2024-03-03"),
    ]


def test_narrative_expressions_follow_the_date_under_discussion() -> None:
    text = "Talks opened on Feb. 3. The next day, delegates left at 11 p.m."
    mentions = extract(text, reference=SUNDAY)
    assert [(m.text, m.timex, m.anchor) for m in mentions] == [
        ("Feb. 3", "2025-02-03", None),
        ("The next day", "2025-02-04", 0),
        ("11 p.m.", "2025-02-04T23:00", 1),
    ]
    plain = extract(text, reference=SUNDAY, narrative=False)
    # Without narrative anchoring both count from the publication date.
    assert plain[1].timex == "2025-02-10"
    assert plain[2].timex == "2025-02-09T23:00"


def test_apposition_restates_the_day() -> None:
    text = "Leaders arrived on Sunday, the day before the summit opened."
    assert found(text, date(2025, 2, 11))[1] == ("the day before", "DATE", "2025-02-09")


def test_day_and_clock_times_are_separate_timexes() -> None:
    text = "The museum opens to the public on Saturday, from 9 a.m. to 5 p.m."
    assert found(text, date(2024, 7, 5)) == [
        ("Saturday", "DATE", "2024-07-06"),
        ("9 a.m.", "TIME", "2024-07-06T09:00"),
        ("5 p.m.", "TIME", "2024-07-06T17:00"),
    ]
    assert found("He will brief reporters at 9:30 a.m. tomorrow.")[0][1:] == (
        "TIME",
        "2025-02-10T09:30",
    )


def test_a_clock_range_after_between_is_two_times_on_its_day() -> None:
    text = "The clinic opens between 2pm and 4pm on Monday."
    assert found(text, date(2026, 2, 12)) == [
        ("2pm", "TIME", "2026-02-16T14:00"),
        ("4pm", "TIME", "2026-02-16T16:00"),
    ]


def test_zone_words_and_full_stops_stay_outside() -> None:
    text = "It was released at 20:19 Beijing time on Monday. It ends in late July."
    texts = [t for t, _, _ in found(text, date(2025, 1, 22))]
    assert texts == ["20:19", "Monday", "late July"]


def test_names_counts_and_ordinals_are_not_dates() -> None:
    text = (
        "Theresa May said 2000 delegates came to the Third Forum, "
        "the first such meeting since Fridays for Future began."
    )
    assert found(text) == []


def test_possessive_days_are_found() -> None:
    assert found("Thursday's briefing ran late.", date(2025, 2, 8)) == [
        ("Thursday", "DATE", "2025-02-06")
    ]


def test_reference_may_be_an_aware_datetime_but_not_a_naive_one() -> None:
    aware = datetime(2025, 2, 9, 23, 0, tzinfo=UTC)
    assert found("It ended yesterday.", aware.date()) == [("yesterday", "DATE", "2025-02-08")]
    assert extract("It ended yesterday.", reference=aware)[0].timex == "2025-02-08"
    with pytest.raises(PhraseError, match="timezone-aware"):
        extract("It ended yesterday.", reference=datetime(2025, 2, 9))  # noqa: DTZ001
    with pytest.raises(PhraseError, match="must be a date"):
        extract("It ended yesterday.", reference="2025-02-09")  # type: ignore[arg-type]


def test_extraction_is_deterministic() -> None:
    text = Path(ARTICLES[0]).read_text(encoding="utf-8")
    assert extract(text, reference=SUNDAY) == extract(text, reference=SUNDAY)


def test_empty_and_dateless_texts_give_nothing() -> None:
    assert extract("", reference=SUNDAY) == []
    assert extract("Delegates from 28 countries signed it.", reference=SUNDAY) == []


def test_extract_many_streams_in_order_and_reports_bad_documents() -> None:
    consumed: list[int] = []

    def docs():  # type: ignore[no-untyped-def]
        for i, text in enumerate(["It ended on Friday.", "Talks resume next week."]):
            consumed.append(i)
            yield (text, SUNDAY)
        yield ("Talks end today.", "not a date")

    stream = extract_many(docs())
    first = next(stream)
    assert consumed == [0]  # lazy: nothing read ahead
    assert [m.timex for m in first.mentions] == ["2025-02-07"]
    rest = list(stream)
    assert [r.id for r in rest] == ["1", "2"]
    assert rest[1].error is not None
    assert rest[1].mentions == ()


def test_extract_many_goes_on_past_a_document_that_fails_in_any_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summitcal.extraction import many

    real = many.extract

    def failing(text: str, *, reference: date) -> list[Mention]:
        if "broken" in text:
            raise RuntimeError("the extractor broke")
        return real(text, reference=reference)

    monkeypatch.setattr(many, "extract", failing)
    docs = [("It ended on Friday.", SUNDAY), ("A broken one.", SUNDAY), ("It ends today.", SUNDAY)]
    results = list(extract_many(docs))
    assert [r.id for r in results] == ["0", "1", "2"]
    assert results[1].error == "RuntimeError while extracting: the extractor broke"
    assert results[1].mentions == ()
    assert [m.timex for m in results[2].mentions] == ["2025-02-09"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("The next day it rained.", date(9999, 12, 31), []),
        ("The following day it rained.", date(9999, 12, 31), []),
        ("The day before, it rained.", date(1, 1, 1), []),
        ("They left that evening and returned the next day.", date.max, ["9999-12-31TEV"]),
        ("It rained next week.", date(9999, 12, 31), []),
        ("The next day it rained.", date(9999, 12, 30), ["9999-12-31"]),
    ],
)
def test_days_outside_the_calendar_are_left_out(
    text: str, reference: date, expected: list[str]
) -> None:
    assert [m.timex for m in extract(text, reference=reference)] == expected
    (result,) = extract_many([(text, reference)])
    assert result.error is None


def test_extract_many_on_a_process_pool_gives_the_same_results() -> None:
    docs = [(Path(p).read_text(encoding="utf-8"), SUNDAY, p.stem) for p in ARTICLES[:4]]
    serial = [r.mentions for r in extract_many(docs)]
    pooled = list(extract_many(docs, processes=2, chunk=3))
    assert [r.id for r in pooled] == [p.stem for p in ARTICLES[:4]]
    assert [r.mentions for r in pooled] == serial


def test_mention_rejects_offsets_that_disagree_with_its_text() -> None:
    with pytest.raises(ValueError, match="characters long"):
        Mention(start=0, end=3, text="Friday", type=TimexType.DATE, timex="2025-02-07")


def test_dev_corpus_scores_stay_above_their_floors() -> None:
    total = evaluate(ARTICLES).total
    measured = {
        "strict_f1": total.strict.f1,
        "relaxed_f1": total.relaxed.f1,
        "value_accuracy": total.value_accuracy,
        "value_f1": total.value.f1,
    }
    print("\ndev corpus:", total.summary().replace("\n", " | "))
    assert len(ARTICLES) >= 20
    for name, floor in FLOORS.items():
        assert measured[name] >= floor, f"{name} {measured[name]:.3f} fell below {floor}"


def test_an_age_is_a_duration_on_the_adjective() -> None:
    assert found("The panel was chaired by a 64-year-old economist.") == [
        ("64-year-old", "DURATION", "P64Y")
    ]


def test_calendar_words_inside_names_are_not_dates() -> None:
    assert found("The Tuesday Gazette said talks had stalled, according to June Park.") == []
    assert found("Delegates studied the 2030 Agenda again.") == []
    # After a preposition the weekday is a day even before a capitalised word.
    assert found("Talks end on Friday Brussels time.")[0][:2] == ("Friday", "DATE")


def test_a_possessive_after_year_or_month_words_stays_outside() -> None:
    assert found("This year's forum opens in March, after New Year's Day.") == [
        ("This year", "DATE", "2025"),
        ("March", "DATE", "2025-03"),
        ("New Year's Day", "DATE", "2026-01-01"),
    ]


def test_a_bare_month_takes_the_year_its_sentence_wrote_out() -> None:
    text = "In 2021 the forum met on 3 and 4 May, and again in October. It meets in May."
    assert [(t, v) for t, _, v in found(text)] == [
        ("2021", "2021"),
        ("3", "2021-05-03"),
        ("4 May", "2021-05-04"),
        ("October", "2021-10"),
        ("May", "2025-05"),
    ]
    # A phrase counting from the publication date ends the written year's reach.
    later = found("Rome hosted it in 2021; last month it met from March 2 to 4.")
    assert [v[:4] for _, _, v in later] == ["2021", "2025", "2024", "2024"]


def test_clock_times_opening_lines_are_on_their_heading_or_the_publication_date() -> None:
    live = "Live coverage\n\nThe vote was held on Friday.\n\n9:15 – Doors open.\n\n11:40 – Keynote."
    assert [v for t, _, v in found(live) if ":" in t] == ["2025-02-09T09:15", "2025-02-09T11:40"]
    schedule = "Programme\n\nMonday, March 3\n10:00 Opening\n\nTuesday, March 4\n9:30 Panels"
    assert [v for _, _, v in found(schedule)] == [
        "2025-03-03",
        "2025-03-03T10:00",
        "2025-03-04",
        "2025-03-04T09:30",
    ]


def test_that_weekday_is_read_from_the_date_under_discussion() -> None:
    got = found("The minister spoke on March 3. That Tuesday she flew home.")
    assert got == [("March 3", "DATE", "2024-03-03"), ("That Tuesday", "DATE", "2024-03-05")]


def test_ordinal_centuries_and_present_now() -> None:
    got = found("The treaty shaped the 21st century, the envoy said, now a commonplace view.")
    assert got == [("the 21st century", "DATE", "20"), ("now", "DATE", "PRESENT_REF")]
    # TimeML reads "now" as the present wherever it stands, aspect included.
    assert found("The text had now been agreed.") == [("now", "DATE", "PRESENT_REF")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year of an edition before a name is a year; a listed name is none
        ("Delegates flew in for the 2031 Global Water Forum.", [("2031", "DATE", "2031")]),
        ("The 2030 Agenda sets seventeen goals.", []),
        ("The current dispute is costly.", [("current", "DATE", "PRESENT_REF")]),
        ("The current account deficit widened.", []),
        ("Prices fell in recent weeks.", [("recent weeks", "DATE", "PAST_REF")]),
        ("A recent survey found support.", [("recent", "DATE", "PAST_REF")]),
        ("Sun Microsystems said its sales rose.", []),
        ("Prices rose for a couple of years.", [("a couple of years", "DURATION", "P2Y")]),
        ("Shares of Sun slipped.", []),
    ],
)
def test_reference_words_and_a_days_short_form(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """Words that point at the present or the past; "Sun" alone is a company, not Sunday."""
    assert found(text) == expected


class TestPeriodsOfFinancialNews:
    """An earnings report is about a quarter: its "year-ago" words name that quarter a
    year before, and "the latest period" the quarter itself."""

    REPORTED = date(2023, 10, 26)  # a Thursday in the fourth quarter

    def values(self, text: str) -> list[tuple[str, str]]:
        return [(m.text, m.timex) for m in extract(text, reference=self.REPORTED)]

    def test_a_year_earlier_is_the_same_quarter_of_the_year_before(self) -> None:
        text = (
            "Kestrel Mills posted third-quarter profit of $12 million, up from $9 million a "
            "year earlier. Sales in the latest period rose 4% from the year-ago quarter."
        )
        assert self.values(text) == [
            ("third-quarter", "2023-Q3"),
            ("a year earlier", "2022-Q3"),
            ("the latest period", "2023-Q3"),
            ("the year-ago quarter", "2022-Q3"),
        ]

    def test_without_a_quarter_a_year_ago_is_the_year_before(self) -> None:
        assert self.values("Rents were lower a year ago.") == [("a year ago", "2022")]

    def test_a_quarter_not_yet_begun_is_last_years(self) -> None:
        january = date(2024, 1, 18)
        got = [
            (m.text, m.timex)
            for m in extract("Its fourth-quarter loss widened.", reference=january)
        ]
        assert got == [("fourth-quarter", "2023-Q4")]

    def test_a_quarter_with_its_year_written_out(self) -> None:
        assert self.values("Output fell from the 2021 second quarter.") == [
            ("the 2021 second quarter", "2021-Q2")
        ]

    def test_the_latest_the_current_and_a_written_years_quarter(self) -> None:
        """ "The latest quarter" has ended; "the current quarter" is the publication's."""
        text = (
            "Dunmore Freight expects fourth-quarter growth. In the latest quarter, revenue "
            "rose; the current quarter looks weaker than the 2022 quarter."
        )
        assert self.values(text) == [
            ("fourth-quarter", "2023-Q4"),
            ("the latest quarter", "2023-Q3"),
            ("the current quarter", "2023-Q4"),
            ("the 2022 quarter", "2022-Q4"),
        ]


def test_a_range_is_two_expressions_and_one_span() -> None:
    """TimeML's two TIMEX3s for "from Sunday to Wednesday", each carrying the whole range."""
    mentions = extract("The envoy travels from Sunday to Wednesday.", reference=SUNDAY)
    assert [(m.text, m.timex) for m in mentions] == [
        ("Sunday", "2025-02-09"),
        ("Wednesday", "2025-02-12"),
    ]
    assert {m.range.timex for m in mentions if m.range is not None} == {"2025-02-09/2025-02-12"}
    assert mentions[1].to_dict()["range"] == {
        "timex": "2025-02-09/2025-02-12",
        "first": "2025-02-09",
        "last": "2025-02-12",
    }
    (single,) = extract("The envoy arrives on Sunday.", reference=SUNDAY)
    assert single.range is None
    assert "range" not in single.to_dict()


def test_iso_dates_with_slashes_and_clocks_are_found_whole() -> None:
    text = (
        "The notice, dated 2025/03/15, was filed at 2024-05-21T14:00Z and logged "
        "2024-05-21T14:00:30."
    )
    assert found(text) == [
        ("2025/03/15", "DATE", "2025-03-15"),
        ("2024-05-21T14:00Z", "TIME", "2024-05-21T14:00"),
        ("2024-05-21T14:00:30", "TIME", "2024-05-21T14:00:30"),
    ]


def test_the_week_after_next_is_one_expression() -> None:
    text = (
        "Negotiators will meet again the week after next, after talks stalled the week before last."
    )
    assert found(text) == [
        ("the week after next", "DATE", "2025-W08"),
        ("the week before last", "DATE", "2025-W04"),
    ]


def test_year_end_is_read_as_the_resolver_reads_it() -> None:
    """Extraction and the resolver agree on "year-end": the extent, the value and the mod."""
    from summitcal import resolve

    text = "The lender expects to close the sale by year-end and to list shares at the year-end."
    mentions = extract(text, reference=SUNDAY)
    assert [(m.text, m.timex, m.mod) for m in mentions] == [
        ("year-end", "2025", Mod.END),
        ("the year-end", "2025", Mod.END),
    ]
    for m in mentions:
        r = resolve(m.text, reference=SUNDAY, context=text)
        assert (r.timex, r.mod, r.rule) == (m.timex, m.mod, m.rule)


def test_early_and_late_belong_to_the_day() -> None:
    text = "The minister said late Thursday that rescuers had left early Friday morning."
    mentions = extract(text, reference=SUNDAY)
    assert [(m.text, m.timex, m.mod) for m in mentions] == [
        ("late Thursday", "2025-02-06", Mod.END),
        ("early Friday morning", "2025-02-07TMO", Mod.START),
    ]


def test_a_weekday_and_its_day_of_the_month_are_one_expression() -> None:
    text = "Markets fell on Friday the 13th, and the board will meet on Tuesday the 14th."
    assert found(text) == [
        ("Friday the 13th", "DATE", "2024-12-13"),
        ("Tuesday the 14th", "DATE", "2025-10-14"),
    ]
    # "Friday, the fourth decline": a weekday, then a count.
    assert found("Prices closed lower Friday, the fourth decline in a row.") == [
        ("Friday", "DATE", "2025-02-07")
    ]


def test_in_order_keeps_the_order_and_a_bounded_number_of_tasks_under_way() -> None:
    # Some items take longer; the results still come in input order, and no more than
    # in_flight tasks besides the one being taken are ever submitted and not yet taken.
    under_way = 0
    most = 0
    lock = threading.Lock()

    def slow_first(n: int) -> int:
        time.sleep(0.002 * (n % 5 == 0))
        return n * n

    class Counting(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal under_way, most
            with lock:
                under_way += 1
                most = max(most, under_way)
            return super().submit(fn, *args, **kwargs)

    with Counting(max_workers=3) as pool:
        results = []
        for value in in_order(pool, slow_first, range(200), in_flight=4, per_task=3):
            results.append(value)
            if len(results) % 3 == 0:  # a task's results all taken
                with lock:
                    under_way -= 1
    assert results == [n * n for n in range(200)]
    assert most <= 4 + 1


def test_in_order_raises_an_error_when_its_turn_comes() -> None:
    def fails_at_five(n: int) -> int:
        if n == 5:
            raise ValueError("five")
        return n

    with ThreadPoolExecutor(max_workers=2) as pool:
        stream = in_order(pool, fails_at_five, range(10), in_flight=3)
        assert [next(stream) for _ in range(5)] == [0, 1, 2, 3, 4]
        with pytest.raises(ValueError, match="five"):
            next(stream)


def test_in_order_raises_an_error_of_its_input_after_the_results_before_it() -> None:
    def source() -> Iterator[int]:
        yield from range(7)
        raise OSError("the disk went away")

    with ThreadPoolExecutor(max_workers=2) as pool:
        stream = in_order(pool, lambda n: n * 10, source(), in_flight=4, per_task=3)
        assert [next(stream) for _ in range(7)] == [0, 10, 20, 30, 40, 50, 60]
        with pytest.raises(OSError, match="the disk went away"):
            next(stream)


def test_a_pool_gives_every_result_before_a_malformed_document() -> None:
    docs: list[Any] = [("It ended on Friday.", SUNDAY)] * 5 + ["not a document"]
    for processes in (1, 2):
        stream = extract_many(iter(docs), processes=processes, chunk=8)
        assert [next(stream).id for _ in range(5)] == ["0", "1", "2", "3", "4"]
        with pytest.raises(TypeError, match="document #5"):
            next(stream)
