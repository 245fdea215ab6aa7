"""Matching with the catalogue, and the relation: no false agreement."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from summitcal.models.events import Actor, ActorKind, Event, EventKind, Place, Role, Source, Status
from summitcal.proposals.matching import Clues, best_match, kinds_alike, relate
from summitcal.proposals.proposal import Relation
from summitcal.span.span import DateSpan, Granularity
from tests.strategies import days_between

SOURCE = Source(url="https://example.org/a")


def _event(ident: str, kind: EventKind, title: str, when: str, **more: object) -> Event:
    return Event(
        id=ident,
        kind=kind,
        title=title,
        when=DateSpan.from_timex(when),
        status=Status.CONFIRMED,
        sources=[SOURCE],
        **more,  # type: ignore[arg-type]
    )


FORUM = _event(
    "harbour-forum-2031",
    EventKind.FORUM,
    "Harbour Forum on Machine Learning",
    "2031-04-02/2031-04-04",
    aliases=("the Harbour meeting",),
    place=Place(country="CL", city="Valparaíso"),
)
TALK = _event(
    "rivera-keynote-2031",
    EventKind.SPEECH,
    "Keynote at the Harbour Forum",
    "2031-04-03",
    actors=(Actor(name="Lucía Rivera", kind=ActorKind.PERSON, role=Role.SPEAKER),),
)
CATALOG = (FORUM, TALK)


def _clues(kind: EventKind, when: str, sentence: str) -> Clues:
    return Clues(kind, DateSpan.from_timex(when), sentence)


def test_named_by_its_title_or_an_alias() -> None:
    found = best_match(
        _clues(EventKind.FORUM, "2031-04", "The Harbour Forum on Machine Learning opens."), CATALOG
    )
    assert found is not None
    assert found.event is FORUM
    assert found.named
    alias = best_match(
        _clues(EventKind.MEETING, "2031-04-02", "The Harbour meeting began."), CATALOG
    )
    assert alias is not None
    assert alias.event is FORUM


def test_pointed_to_by_kind_days_and_an_actor() -> None:
    clues = _clues(EventKind.SPEECH, "2031-04-03", "Rivera spoke to delegates.")
    found = best_match(clues, CATALOG)
    assert found is not None
    assert found.event is TALK
    assert not found.named


def test_no_match_for_another_kind_or_far_days() -> None:
    trip = _clues(EventKind.VISIT, "2031-04-02", "The Harbour Forum on Machine Learning trip.")
    assert best_match(trip, CATALOG) is None
    later = _clues(EventKind.FORUM, "2031-09-01", "The Harbour Forum on Machine Learning opens.")
    assert best_match(later, CATALOG) is None


def test_relations() -> None:
    month = _event("m", EventKind.FORUM, "M", "2031-04")
    days = DateSpan.from_timex("2031-04-02/2031-04-04")
    assert relate(days, None, month)[0] is Relation.REFINES
    assert relate(DateSpan.from_timex("2031"), None, FORUM)[0] is Relation.AGREES
    assert relate(DateSpan.from_timex("2031-04-03"), None, FORUM)[0] is Relation.AGREES
    relation, diffs = relate(DateSpan.from_timex("2031-04-03/2031-04-05"), None, FORUM)
    assert relation is Relation.CONFLICTS
    assert [(d.field, d.catalog, d.article) for d in diffs] == [
        ("when", "2031-04-02/2031-04-04", "2031-04-03/2031-04-05")
    ]
    relation, diffs = relate(days, Place(country="PE", city="Lima"), FORUM)
    assert relation is Relation.CONFLICTS
    assert diffs[0].field == "place"


def test_kinds_alike() -> None:
    assert kinds_alike(EventKind.SUMMIT, EventKind.CONFERENCE)
    assert not kinds_alike(EventKind.VISIT, EventKind.SUMMIT)


_GRANULARITIES = st.sampled_from([Granularity.DAY, Granularity.MONTH, Granularity.YEAR])


@st.composite
def spans(draw: st.DrawFn) -> DateSpan:
    first = draw(days_between(2029, 2033))
    granularity = draw(_GRANULARITIES)
    if granularity is Granularity.DAY:
        length = draw(st.integers(0, 6))
        last = first + timedelta(days=length)
        return DateSpan.day(first) if length == 0 else DateSpan.days(first, last)
    return DateSpan.unit(granularity, first)


@given(spans(), spans())
def test_no_false_agreement(article: DateSpan, catalogue: DateSpan) -> None:
    """A relation of agreement or refinement always shares days with the event."""
    event = Event(
        id="e",
        kind=EventKind.MEETING,
        title="E",
        when=catalogue,
        status=Status.CONFIRMED,
        sources=[SOURCE],
    )
    relation, differences = relate(article, None, event)
    if relation in (Relation.AGREES, Relation.REFINES):
        assert article.overlaps(catalogue.first, catalogue.last)
    if relation is Relation.CONFLICTS:
        assert differences
    assert date(2029, 1, 1) <= article.first
