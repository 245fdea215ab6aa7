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
    assert dev.precision >= 0.83
    assert dev.recall >= 0.87
    assert dev.match_accuracy >= 0.85
    assert dev.date_accuracy >= 0.85
    assert dev.right >= 67


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


def test_an_annotation_may_name_its_article(tmp_path: Path) -> None:
    article = tmp_path / "elsewhere.txt"
    article.write_text("Delegates gathered for the AI Seoul Summit on Tuesday.", "utf-8")
    (tmp_path / "one.toml").write_text(
        f'published = 2024-05-23\npublisher = "Harbour Wire"\nsource_file = "{article}"\n\n'
        '[[event]]\nkind = "summit"\ntitle = "AI Seoul Summit"\nstart = "2024-05-21"\n'
        'end = "2024-05-21"\nmatch = "ai-seoul-summit-2024"\nrelation = "agrees"\n'
        'trigger = "Summit"\ndate_phrase = "on Tuesday"\n',
        "utf-8",
    )
    (scores,) = score_directory(tmp_path).values()
    assert (scores.gold, scores.paired, scores.right) == (1, 1, 1)
