"""The catalogue: an ordered, validated collection of events, and its query.

Build one with :func:`summitcal.catalog.load.load_catalog`; narrow it with
:meth:`Catalog.filter`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TypeVar

import attrs

from summitcal.catalog.criteria import Criteria
from summitcal.errors import UnknownEventError
from summitcal.models.events import Event, EventKind, Series, Status
from summitcal.models.revision import Revision

__all__ = ["Catalog"]

_EnumT = TypeVar("_EnumT", bound=enum.Enum)


def _in_date_order(events: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: e.sort_key))


@attrs.frozen
class Catalog:
    """An ordered, validated collection of events, with the series they belong to.

    Iterates in date order (then id).  Build one with :func:`load_catalog`; narrow it with
    :meth:`filter`, which returns another catalogue.
    """

    events: tuple[Event, ...] = attrs.field(converter=_in_date_order)
    series: Mapping[str, Series] = attrs.field(factory=dict)
    revisions: Mapping[str, Revision] = attrs.field(factory=dict)
    _by_id: Mapping[str, Event] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.events})

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._by_id

    def get(self, event_id: str) -> Event:
        """The event with ``event_id``.

        Raises:
            UnknownEventError: (a ``KeyError``) if there is none.
        """
        try:
            return self._by_id[event_id]
        except KeyError:
            raise UnknownEventError(event_id) from None

    def children(self, event_id: str) -> tuple[Event, ...]:
        """The events whose parent is ``event_id``, in date order."""
        return tuple(e for e in self.events if e.parent == event_id)

    def filter(
        self,
        *,
        series: str | Iterable[str] | None = None,
        kind: str | EventKind | Iterable[str | EventKind] | None = None,
        country: str | Iterable[str] | None = None,
        status: str | Status | Iterable[str | Status] | None = None,
        tag: str | Iterable[str] | None = None,
        year: int | None = None,
        start: date | None = None,
        end: date | None = None,
        parent: str | None = None,
        q: str | None = None,
        predicate: Callable[[Event], bool] | None = None,
    ) -> Catalog:
        """The events that match every criterion given (each accepts one value or several):
        :meth:`select` with the :class:`~summitcal.catalog.criteria.Criteria` they make.

        Args:
            series: Series ids; an event matches if it belongs to any of them.
            kind: Event kinds (``"summit"`` or :class:`EventKind`).
            country: ISO alpha-2 codes of the event's place.
            status: Statuses.
            tag: Tags; an event matches if it has any of them.
            year: Events that touch this calendar year.
            start: Events that end on or after this day.
            end: Events that start on or before this day.
            parent: Events that are parts of this event.
            q: Words that must all begin a word of the event's id, title, aliases,
                description, actors or place, in any case, accents optional
                (:func:`summitcal.catalog.search.matches`).
            predicate: Any further test.

        Raises:
            QueryError: (a ``ValueError``) for a series, kind, status or country code that
                does not exist, a year outside 1..9999, or a ``start`` after ``end``.
        """

        # The series first, as they are the catalogue's: then the values themselves.
        Criteria.parse({"series": series}).check_series(self.series)
        criteria = Criteria.parse(
            {
                "series": series,
                "kind": kind,
                "country": country,
                "status": status,
                "tag": tag,
                "year": year,
                "start": start,
                "end": end,
                "parent": parent,
                "q": q,
            }
        )
        return self.select(criteria, predicate)

    def select(
        self, criteria: Criteria, predicate: Callable[[Event], bool] | None = None
    ) -> Catalog:
        """The events that match ``criteria`` (and ``predicate``, if given).

        Raises:
            QueryError: For a series the catalogue does not have.
        """
        criteria.check_series(self.series)
        keep = criteria.predicate()
        return attrs.evolve(
            self,
            events=[e for e in self.events if keep(e) and (predicate is None or predicate(e))],
        )
