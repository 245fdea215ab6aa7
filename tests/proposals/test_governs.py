"""Which trigger a date governs, and the kind it names."""

from __future__ import annotations

from summitcal.models.kinds import EventKind
from summitcal.proposals.governs import govern
from summitcal.proposals.triggers import find_triggers


def _govern(sentence: str, phrase: str) -> list[tuple[str, EventKind, bool]]:
    start = sentence.index(phrase)
    found = govern(sentence, start, start + len(phrase), find_triggers(sentence))
    return [(g.trigger.text, g.kind, g.during) for g in found]


def test_the_nearest_trigger() -> None:
    sentence = "The mayor will travel to Quito on Monday for a conference."
    assert _govern(sentence, "Monday") == [("travel", EventKind.VISIT, False)]


def test_a_verb_that_takes_an_object_takes_its_kind() -> None:
    sentence = "On Thursday Kenya will host a side event."
    assert _govern(sentence, "Thursday") == [("host", EventKind.SIDE_EVENT, False)]


def test_a_passive_verb_takes_the_noun_before_it() -> None:
    sentence = "The charter, which was published on Tuesday, runs to ten pages."
    assert _govern(sentence, "Tuesday") == [("published", EventKind.DECLARATION, False)]


def test_a_reporting_verb_takes_only_what_is_said_in() -> None:
    said_in = "The ministry said in a statement on Friday that it would attend."
    assert _govern(said_in, "Friday")[0][1] is EventKind.DECLARATION
    said = "Ahead of the summit, the minister said on Friday that he was hopeful."
    assert _govern(said, "Friday")[0][1] is EventKind.REMARK


def test_nothing_within_reach() -> None:
    sentence = "On Friday the weather in the capital was mild and dry for most of the long day."
    assert _govern(sentence, "Friday") == []


def test_a_verb_before_during_is_a_second_event() -> None:
    sentence = "They signed an accord during the premier's visit to Chile in March."
    assert _govern(sentence, "March") == [
        ("visit", EventKind.VISIT, False),
        ("signed", EventKind.DECLARATION, True),
    ]


def test_a_determiner_makes_a_verb_form_no_trigger() -> None:
    sentence = "Delegates thanked the host on Sunday."
    assert _govern(sentence, "Sunday") == []


def test_a_noun_gives_way_to_the_verb_that_names_the_event() -> None:
    sentence = "The minister addressed the opening session on Monday."
    assert _govern(sentence, "Monday") == [("addressed", EventKind.SPEECH, False)]
    hosted = "The city hosted the opening session on Monday."
    assert _govern(hosted, "Monday")[0][1] is EventKind.MEETING


def test_a_participle_after_a_name_leaves_the_verb_its_kind() -> None:
    sentence = "They discussed the Nairobi Compute Fund launched last year."
    assert _govern(sentence, "last year") == [("launched", EventKind.INITIATIVE, False)]
    active = "Kenya launched a panel last year."
    assert _govern(active, "last year")[0][1] is EventKind.BODY


def test_an_ing_form_after_a_preposition_qualifies_a_noun() -> None:
    sentence = "The mayor will host a dinner for visiting envoys on Friday."
    assert _govern(sentence, "Friday")[0][1] is EventKind.RECEPTION


def test_speaking_to_a_gathering_is_a_speech() -> None:
    sentence = (
        "The premier told the opening ceremony of the Harbour Forum on Friday that it mattered."
    )
    assert _govern(sentence, "Friday") == [("told", EventKind.SPEECH, False)]
