"""French extraction (summitcal.resolver.french.find and timexes) on the development
TimeML articles of tests/data/fr/articles, scored with summitcal.extraction.score."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summitcal.extraction import extract
from summitcal.extraction.score import Scores, score
from summitcal.extraction.timeml import read_timeml
from summitcal.resolver.french import find, timexes

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "fr" / "articles").glob("*.tml"))

#: What the four articles measure (strict span F1, value F1): 100.0 and 100.0.
FLOORS = {"strict_f1": 1.0, "value_f1": 1.0}


@pytest.fixture(scope="module")
def total() -> Scores:
    assert len(ARTICLES) == 4
    scores = Scores()
    for path in ARTICLES:
        doc = read_timeml(path)
        assert doc.dct is not None
        scores = scores + score(doc.timexes, timexes(doc.text, reference=doc.dct))
    return scores


@pytest.mark.parametrize("lang", ["fr", None])
def test_extract_reads_the_articles_through_the_registry(lang: str | None) -> None:
    """``extract(text, lang="fr")`` (and with the language detected) tags the articles as
    :func:`timexes` does."""
    scores = Scores()
    for path in ARTICLES:
        doc = read_timeml(path)
        assert doc.dct is not None
        scores = scores + score(doc.timexes, extract(doc.text, reference=doc.dct, lang=lang))
    assert scores.strict.f1 >= FLOORS["strict_f1"], scores.strict
    assert scores.value.f1 >= FLOORS["value_f1"], scores.value


def test_every_gold_tag_is_counted(total: Scores) -> None:
    assert total.gold == 30


def test_spans_and_values_stay_above_their_floors(total: Scores) -> None:
    print(total.summary())
    assert total.strict.f1 >= FLOORS["strict_f1"], total.strict
    assert total.value.f1 >= FLOORS["value_f1"], total.value


def test_find_gives_whole_phrases_and_leaves_names_out() -> None:
    text = (
        "Les manifestants se sont rassemblés rue du Quatre-Septembre mardi, puis les 15 et "
        "16 mars devant la planète Mars du musée; le PSG a gagné 3-1 en 2019."
    )
    assert [text[s:e] for s, e in find(text)] == ["mardi", "15 et 16 mars", "2019"]


def test_a_range_is_tagged_as_its_two_days() -> None:
    text = "Les températures dépasseront 40 °C de mercredi à samedi."
    tags = timexes(text, reference=date(2019, 6, 24))
    assert [(text[t.start : t.end], t.timex) for t in tags] == [
        ("mercredi", "2019-06-26"),
        ("samedi", "2019-06-29"),
    ]


def test_a_clock_time_takes_the_day_the_article_last_named() -> None:
    text = "Le Tournoi débute vendredi 2 février. Le coup d'envoi sera donné à 21 heures."
    tags = timexes(text, reference=date(2024, 1, 29))
    assert [t.timex for t in tags] == ["2024-02-02", "2024-02-02T21:00"]


def test_timexes_and_extract_count_the_next_day_from_a_ranges_last_day() -> None:
    text = "Du 10 au 12 mars, réunion à Paris. Le lendemain, les ministres sont repartis."
    tagged = [t.timex for t in timexes(text, reference=date(2024, 3, 1))]
    extracted = [m.timex for m in extract(text, reference=date(2024, 3, 1), lang="fr")]
    assert tagged == extracted == ["2024-03-10", "2024-03-12", "2024-03-13"]
