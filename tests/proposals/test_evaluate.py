"""Scoring, and floors under the development figures (bench/bench_propose.py prints
them; the floors sit a little under, so that a change that loses ground fails)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summitcal.models.events import Event, EventKind, Source, Status
from summitcal.proposals import propose
from summitcal.proposals.evaluate import Scores, read_gold, score_article, score_directory
from summitcal.span.span import DateSpan

DEV = Path(__file__).parents[1] / "data" / "propose" / "dev"


@pytest.fixture(scope="module")
def dev() -> Scores:
    total = Scores()
    for scores in score_directory(DEV).values():
        total = total + scores
    return total


def test_floors_under_the_development_figures(dev: Scores) -> None:
    assert dev.gold == 93
    assert dev.precision >= 0.82
    assert dev.recall >= 0.86
    assert dev.match_accuracy >= 0.82
    assert dev.date_accuracy >= 0.86
    assert dev.right >= 64


def test_no_false_agreement_on_the_development_articles(dev: Scores) -> None:
    assert dev.false_agreements == 0


def test_a_false_agreement_is_counted(tmp_path: Path) -> None:
    """The scorer itself: a catalogue whose dates moved makes an agreement false."""
    text = "The Lakeside Forum opened in Nairobi on Monday."
    event = Event(
        id="lakeside-forum-2031",
        kind=EventKind.FORUM,
        title="Lakeside Forum",
        when=DateSpan.from_timex("2031-03-10"),
        status=Status.CONFIRMED,
        sources=[Source(url="https://example.org/f")],
    )
    found = propose(text, reference=date(2031, 3, 12), catalog=[event])
    gold_path = tmp_path / "01.toml"
    gold_path.write_text(
        '[[event]]\nkind = "forum"\ntitle = "Lakeside Forum"\nstart = "2031-03-10"\n'
        'end = "2031-03-10"\nmatch = "lakeside-forum-2031"\nrelation = "agrees"\n'
        'trigger = "opened"\ndate_phrase = "on Monday"\n',
        "utf-8",
    )
    gold, distractors = read_gold(gold_path, text)
    right = score_article(found, gold, distractors, [event])
    assert (right.paired, right.right, right.false_agreements) == (1, 1, 0)
    moved = Event(
        id=event.id,
        kind=event.kind,
        title=event.title,
        when=DateSpan.from_timex("2031-05-01"),
        status=event.status,
        sources=event.sources,
    )
    wrong = score_article(found, gold, distractors, [moved])
    assert wrong.false_agreements == 1
