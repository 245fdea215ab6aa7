"""``propose`` and ``propose_many`` end to end, on sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.catalog.catalog import Catalog
from summitcal.errors import PhraseError
from summitcal.models.events import Event, EventKind, Source, Status
from summitcal.proposals import Article, Relation, propose, propose_many
from summitcal.proposals.draft import UNKNOWN_URL
from summitcal.span.span import DateSpan

PUBLISHED = date(2031, 3, 12)  # a Wednesday
SOURCE = Source(url="https://example.org/story", publisher="Lakeside Post")

ARTICLE = (
    "NAIROBI, March 12 (Lakeside Post) - The Chilean foreign minister will travel to "
    "Kenya from Sunday to Tuesday for talks on data centres. "
    "Ministers signed a charter on Monday in Nairobi. "
    "According to the Andes Courier on March 2, the trip was planned for months. "
    "The envoy told the Lakeside Post on Tuesday that she was hopeful."
)


def _one(found: list, kind: EventKind):  # type: ignore[no-untyped-def]
    (hit,) = [p for p in found if p.event.kind is kind]
    return hit


def test_a_trip_as_one_range_with_its_source() -> None:
    found = propose(ARTICLE, reference=PUBLISHED, catalog=[], source=SOURCE)
    trip = _one(found, EventKind.VISIT)
    assert trip.event.when.timex == "2031-03-16/2031-03-18"
    assert trip.event.status is Status.SCHEDULED
    assert trip.relation is Relation.NEW
    assert trip.match is None
    (source,) = trip.event.sources
    assert (source.url, source.publisher, source.published, source.phrase) == (
        "https://example.org/story",
        "Lakeside Post",
        PUBLISHED,
        "Sunday to Tuesday",
    )
    roles = {s.role for s in trip.evidence.spans}
    assert {"date", "trigger"} <= roles
    for span in trip.evidence.spans:
        assert ARTICLE[span.start : span.end] == span.text


def test_a_past_event_with_its_place() -> None:
    found = propose(ARTICLE, reference=PUBLISHED, catalog=[], source=SOURCE)
    charter = _one(found, EventKind.DECLARATION)
    assert charter.event.when.timex == "2031-03-10"
    assert charter.event.status is Status.CONFIRMED
    assert charter.event.place is not None
    assert charter.event.place.city == "Nairobi"


def test_dateline_cited_report_and_interview_are_no_events() -> None:
    found = propose(ARTICLE, reference=PUBLISHED, catalog=[], source=SOURCE)
    dated = {s.text for p in found for s in p.evidence.spans if s.role == "date"}
    assert not dated & {"March 12", "March 2"}
    assert all(p.event.when.timex != "2031-03-11" for p in found)  # "told ... on Tuesday"


def test_without_a_source_the_draft_cites_a_reserved_address() -> None:
    (p, *_) = propose(ARTICLE, reference=PUBLISHED, catalog=[])
    assert p.event.sources[0].url == UNKNOWN_URL


def _catalogue(when: str) -> Catalog:
    event = Event(
        id="nairobi-data-talks-2031",
        kind=EventKind.VISIT,
        title="Chilean foreign minister's trip to Kenya",
        when=DateSpan.from_timex(when),
        status=Status.ANNOUNCED,
        sources=[Source(url="https://example.org/earlier")],
    )
    return Catalog([event])


@pytest.mark.parametrize(
    ("when", "relation"),
    [
        ("2031-03", Relation.REFINES),
        ("2031-03-16/2031-03-18", Relation.AGREES),
        ("2031-03-17/2031-03-19", Relation.CONFLICTS),
    ],
)
def test_relation_to_a_catalogue_of_ones_own(when: str, relation: Relation) -> None:
    found = propose(ARTICLE, reference=PUBLISHED, catalog=_catalogue(when), source=SOURCE)
    trip = _one(found, EventKind.VISIT)
    assert trip.match == "nairobi-data-talks-2031"
    assert trip.relation is relation
    assert trip.event.title == "Chilean foreign minister's trip to Kenya"
    assert (trip.relation is Relation.AGREES) == (trip.differences == ())


def test_the_shipped_catalogue_by_default() -> None:
    text = "Delegates gathered in Seoul for the AI Seoul Summit on Tuesday and Wednesday."
    (summit,) = propose(text, reference=date(2024, 5, 23))
    assert summit.match == "ai-seoul-summit-2024"
    assert summit.relation is Relation.AGREES
    assert summit.event.status is Status.CONFIRMED


def test_an_event_dated_twice_is_proposed_once() -> None:
    text = (
        "The AI Seoul Summit opened on Tuesday. "
        "On Wednesday the AI Seoul Summit closed with a statement of intent."
    )
    found = propose(text, reference=date(2024, 5, 23))
    assert [p.match for p in found].count("ai-seoul-summit-2024") == 1


def test_an_aware_datetime_reference_and_bad_input() -> None:
    moment = datetime(2031, 3, 12, 9, 0, tzinfo=UTC)
    assert propose(ARTICLE, reference=moment, catalog=[])
    with pytest.raises(PhraseError):
        propose(b"bytes", reference=PUBLISHED, catalog=[])  # type: ignore[arg-type]


def test_propose_many_is_lazy_in_order_and_survives_a_bad_article() -> None:
    pulled: list[int] = []

    def articles():  # type: ignore[no-untyped-def]
        for i, text in enumerate([ARTICLE, None, "Nothing dated here."]):
            pulled.append(i)
            yield Article(text=text, reference=PUBLISHED, source=SOURCE)  # type: ignore[arg-type]

    stream = propose_many(articles(), catalog=[])
    first = next(stream)
    assert pulled == [0]
    assert first.id == "0"
    assert first.proposals
    assert first.error is None
    second, third = list(stream)
    assert second.error is not None
    assert not second.proposals
    assert (third.id, third.proposals, third.error) == ("2", (), None)
    with pytest.raises(TypeError):
        list(propose_many([object()], catalog=[]))  # type: ignore[list-item]


_WHEN = st.sampled_from(
    [
        "on Monday",
        "on Friday",
        "next week",
        "in May",
        "last year",
        "from Monday to Thursday",
        "on March 3",
        "in 2030",
        "next month",
        "earlier this month",
    ]
)
_WHAT = st.sampled_from(
    [
        "The AI Action Summit took place",
        "Leaders will meet at the AI Seoul Summit",
        "The World AI Conference opens",
        "China put forward the Global AI Governance Initiative",
        "The UN adopted a resolution",
        "Zhang Guoqing will travel to France",
        "The Bletchley Declaration was published",
        "Envoys held talks in Geneva",
    ]
)


@settings(max_examples=60, deadline=None)
@given(_WHAT, _WHEN, st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31)))
def test_no_false_agreement_on_any_article(what: str, when: str, published: date) -> None:
    """Whatever the article, an agreeing or refining proposal shares days with its event."""
    from summitcal import load_catalog

    catalog = {e.id: e for e in load_catalog()}
    for p in propose(f"{what} {when}.", reference=published):
        assert 0.0 <= p.confidence <= 1.0
        if p.relation in (Relation.AGREES, Relation.REFINES):
            event = catalog[p.match]  # type: ignore[index]
            assert p.event.when.overlaps(event.start, event.end)


def test_a_named_event_in_a_sentence_without_a_date_takes_the_days_before() -> None:
    text = (
        "Leaders met by video link on Tuesday evening. "
        "That session endorsed the Seoul Declaration and a statement on safety institutes."
    )
    found = propose(text, reference=date(2024, 5, 23))
    declaration = next(p for p in found if p.match == "seoul-declaration-2024")
    assert declaration.relation is Relation.AGREES
    assert declaration.evidence.text.startswith("That session")
    assert "dated by the sentence before" in declaration.explanation
    later = "Leaders met by video link on Tuesday evening. Weeks later, nothing was endorsed."
    assert all(
        p.match != "seoul-declaration-2024" for p in propose(later, reference=date(2024, 5, 23))
    )


def test_a_carried_date_never_makes_a_disagreement() -> None:
    """Days carried from another sentence name an event only where they overlap it."""
    text = "Envoys met in Oslo on Friday. The Seoul Declaration was cited often."
    assert all(
        p.match != "seoul-declaration-2024" for p in propose(text, reference=date(2024, 6, 9))
    )


def test_the_same_day_is_the_day_the_article_last_gave() -> None:
    text = (
        "Leaders met by video link on Tuesday evening. "
        "That session endorsed the Seoul Declaration. "
        "The same day, sixteen companies signed up to the Frontier AI Safety Commitments."
    )
    found = propose(text, reference=date(2024, 5, 23))
    pledges = next(p for p in found if p.match == "frontier-ai-safety-commitments-2024")
    assert pledges.event.when.timex == "2024-05-21"
    assert pledges.relation is Relation.AGREES
