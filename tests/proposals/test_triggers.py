"""Triggers and the words that make a date no event's."""

from __future__ import annotations

import pytest

from summitcal.models.kinds import EventKind
from summitcal.proposals.triggers import find_triggers, is_dateline, not_event_cue, tentative_cue


def _kinds(text: str) -> list[tuple[str, str, bool]]:
    return [(t.text, t.kind.value, t.verb) for t in find_triggers(text)]


def test_nouns_and_verbs_with_their_kinds() -> None:
    assert _kinds("Envoys convened a forum and signed a communiqué.") == [
        ("convened", "meeting", True),
        ("forum", "forum", False),
        ("signed", "declaration", True),
        ("communiqué", "declaration", False),
    ]


def test_the_longest_phrase_wins() -> None:
    assert _kinds("A press conference followed.") == [("press conference", "press-briefing", False)]


@pytest.mark.parametrize(
    ("text", "verb"),
    [("The minister will visit Oslo.", True), ("The visit to Oslo was short.", False)],
)
def test_a_word_both_noun_and_verb_reads_by_its_place(text: str, verb: bool) -> None:
    (trigger,) = find_triggers(text)
    assert (trigger.kind, trigger.verb) == (EventKind.VISIT, verb)


def test_reporting_verbs_are_weak_and_host_takes_an_object() -> None:
    said, hosted = find_triggers("She said the city hosted it.")
    assert said.weak
    assert not said.takes_object
    assert hosted.takes_object
    assert not hosted.weak


@pytest.mark.parametrize(
    ("text", "phrase", "cue"),
    [
        ("According to the Courier on March 3, talks stalled.", "March 3", "According to"),
        ("He told Reuters on Monday that talks stalled.", "Monday", "told Reuters"),
        ("The envoy told the Lakeside Post on Monday that it went well.", "Monday", None),
        ("Ministers met on Monday, according to officials.", "Monday", None),
    ],
)
def test_cited_reports_and_interviews(text: str, phrase: str, cue: str | None) -> None:
    assert not_event_cue(text, 0, text.index(phrase)) == cue


def test_an_interview_with_the_publisher_itself() -> None:
    text = "The envoy told the Lakeside Post on Monday that it went well."
    at = text.index("Monday")
    assert not_event_cue(text, 0, at, publisher="Lakeside Post") == "told Lakeside Post"


def test_a_dateline_is_the_filing_date() -> None:
    text = "OSLO, March 4 (Northern Wire) - Delegates met on Tuesday."
    assert is_dateline(text, text.index("March 4"), text.index("March 4") + 7)
    assert not is_dateline(text, text.index("Tuesday"), text.index("Tuesday") + 7)


def test_tentative_words() -> None:
    assert tentative_cue("A second round is expected in June.") == "is expected"
    assert tentative_cue("The talks resume in May.") is None
