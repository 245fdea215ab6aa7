"""The catalogue: an ordered, validated collection of events, and its query.

Build one with :func:`summitcal.catalog.load.load_catalog`; narrow it with
:meth:`Catalog.filter`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs

from summitcal.catalog.search import matches
from summitcal.errors import QueryError, UnknownEventError
from summitcal.models.events import Event, EventKind, Series, Status
from summitcal.models.revision import Revision

__all__ = ["Catalog"]

_EnumT = TypeVar("_EnumT", bound=enum.Enum)


def _as_set(
    criterion: str, value: Any, convert: Callable[[Any], Any] = lambda v: v
) -> frozenset[Any] | None:
    """One value or several, converted, as a set; ``None`` stays "no criterion".

    Raises:
        QueryError: If ``convert`` refuses a value.
    """
    if value is None:
        return None
    values = [value] if isinstance(value, str | enum.Enum) else list(value)
    out = set()
    for v in values:
        try:
            out.add(convert(v))
        except ValueError as exc:
            raise QueryError(criterion, v, str(exc)) from None
    return frozenset(out)


def _enum_member(enum_type: type[_EnumT]) -> Callable[[Any], _EnumT]:
    def convert(value: Any) -> _EnumT:
        try:
            return enum_type(value)
        except ValueError:
            choices = ", ".join(str(e.value) for e in enum_type)
            raise ValueError(f"unknown value (one of: {choices})") from None

    return convert


def _country_code(value: Any) -> str:
    from summitcal.models.countries import is_country

    code = str(value).upper()
    if not is_country(code):
        raise ValueError("not an ISO 3166-1 alpha-2 country code")
    return code


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
        """The events that match every criterion given (each accepts one value or several).

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

        def known_series(value: Any) -> str:
            if value not in self.series:
                known = ", ".join(sorted(self.series)) or "none"
                raise ValueError(f"no such series (known: {known})")
            return str(value)

        series_set = _as_set("series", series, known_series)
        kinds = _as_set("kind", kind, _enum_member(EventKind))
        countries = _as_set("country", country, _country_code)
        statuses = _as_set("status", status, _enum_member(Status))
        tags = _as_set("tag", tag)
        if year is not None and not 1 <= year <= 9999:
            raise QueryError("year", year, "must be between 1 and 9999")
        if start is not None and end is not None and start > end:
            raise QueryError("start", start.isoformat(), f"is after the end, {end.isoformat()}")
        lo = max(start or date.min, date(year, 1, 1) if year is not None else date.min)
        hi = min(end or date.max, date(year, 12, 31) if year is not None else date.max)

        def keep(e: Event) -> bool:
            return (
                (series_set is None or not series_set.isdisjoint(e.series))
                and (kinds is None or e.kind in kinds)
                and (countries is None or (e.place is not None and e.place.country in countries))
                and (statuses is None or e.status in statuses)
                and (tags is None or not tags.isdisjoint(e.tags))
                and e.when.overlaps(lo, hi)
                and (parent is None or e.parent == parent)
                and (q is None or matches(e, q))
                and (predicate is None or predicate(e))
            )

        return attrs.evolve(self, events=[e for e in self.events if keep(e)])
