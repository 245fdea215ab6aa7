"""Sentence splitting with offsets."""

from __future__ import annotations

from pathlib import Path

from summitcal.extraction.timeml import read_timeml
from summitcal.resolver.text import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_split_at_stops_and_keep_their_offsets() -> None:
    text = "  Talks ended. Did they agree?  Yes!\n\nA new paragraph"
    got = split_sentences(text)
    assert [s.text for s in got] == ["Talks ended.", "Did they agree?", "Yes!", "A new paragraph"]
    for s in got:
        assert text[s.start : s.end] == s.text


def test_abbreviations_initials_and_numbers_do_not_end_a_sentence() -> None:
    assert texts("Mr. Lee met Dr. Kim on Feb. 6 in the U.S. capital. It rained.") == [
        "Mr. Lee met Dr. Kim on Feb. 6 in the U.S. capital.",
        "It rained.",
    ]
    assert texts("J. R. Doe said growth was 3.5 per cent. Few agreed.") == [
        "J. R. Doe said growth was 3.5 per cent.",
        "Few agreed.",
    ]


def test_clock_abbreviation_goes_on_before_a_weekday_and_ends_before_a_sentence() -> None:
    assert texts("They meet at 9 a.m. Tuesday in Paris.") == [
        "They meet at 9 a.m. Tuesday in Paris."
    ]
    assert texts("They met at 9 a.m. The talks ran late.") == [
        "They met at 9 a.m.",
        "The talks ran late.",
    ]


def test_clock_abbreviation_goes_on_before_a_zone() -> None:
    for text in (
        "The report comes out at 8:30 a.m. ET on Friday.",
        "Polls closed at 8 p.m. Paris time on Sunday.",
        "Trading resumes at 9 a.m. Hong Kong Time after the holiday.",
    ):
        assert texts(text) == [text]
    # A zone's name must end where a word ends: "Ethics" opens a sentence.
    assert texts("They met at 9 a.m. Ethics came up later.") == [
        "They met at 9 a.m.",
        "Ethics came up later.",
    ]


def test_a_clock_before_a_zone_dates_with_the_weekday_after_it() -> None:
    from datetime import date

    from summitcal.extraction import extract

    text = "The jobs report will be released at 8:30 a.m. ET on Friday."
    found = extract(text, reference=date(2025, 3, 9))
    assert [(m.text, m.timex) for m in found] == [
        ("8:30 a.m.", "2025-03-14T08:30"),
        ("Friday", "2025-03-14"),
    ]


def test_a_day_written_with_its_full_stop_goes_on_into_its_month() -> None:
    assert texts("The shop closed on 26. Feb. 2018 for good.") == [
        "The shop closed on 26. Feb. 2018 for good."
    ]
    assert texts("Prices rose 12. Sales fell.") == ["Prices rose 12.", "Sales fell."]
    # Without a year after the month, the number ends its sentence.
    assert texts("The toll rose to 26. March was the worst month.") == [
        "The toll rose to 26.",
        "March was the worst month.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert texts('"We are ready." The minister left.') == ['"We are ready."', "The minister left."]


def test_lower_case_after_a_stop_does_not_start_a_sentence() -> None:
    assert texts("Prices rose approx. three per cent in Jan. and fell.") == [
        "Prices rose approx. three per cent in Jan. and fell."
    ]


def test_no_gold_timex_is_cut_by_a_sentence_boundary() -> None:
    for path in sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.tml")):
        doc = read_timeml(path)
        sentences = split_sentences(doc.text)
        for t in doc.timexes:
            assert any(s.start <= t.start and t.end <= s.end for s in sentences), (
                path.stem,
                t.text,
            )
