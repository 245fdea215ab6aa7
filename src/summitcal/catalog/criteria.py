"""Which events a query selects: one :class:`Criteria`, checked once where it is built.

:meth:`Criteria.parse` turns loose values (strings or members, one or several) into enum
members and upper-case country codes, or raises :class:`~summitcal.errors.QueryError`.
:meth:`summitcal.catalog.catalog.Catalog.select` applies one; the feeds, the server's
custom feed and the CLI's filters all build theirs here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs

from summitcal.catalog.search import matches
from summitcal.errors import QueryError
from summitcal.models.events import Event, EventKind, Status

__all__ = ["Criteria"]

_EnumT = TypeVar("_EnumT", bound=enum.Enum)
_T = TypeVar("_T")

#: Every criterion, in the order they are checked and shown.
CRITERIA = ("series", "kind", "country", "status", "tag", "year", "start", "end", "parent", "q")


def _values(criterion: str, value: Any, convert: Callable[[Any], _T]) -> tuple[_T, ...] | None:
    """One value or several, converted, in the order given; ``None`` stays "no criterion".

    Raises:
        QueryError: If ``convert`` refuses a value.
    """
    if value is None:
        return None
    values = [value] if isinstance(value, str | enum.Enum) else list(value)
    out = []
    for v in values:
        try:
            out.append(convert(v))
        except ValueError as exc:
            raise QueryError(criterion, v, str(exc)) from None
    return tuple(out)


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


def _same(value: Any) -> Any:
    return value


@attrs.frozen(kw_only=True)
class Criteria:
    """Which events to keep; every criterion given must match, and ``None`` is "any".

    Build one with :meth:`parse`, which checks and converts the values; hashable, so that
    equal queries are one cache key.

    Attributes:
        series: Series ids; an event matches if it belongs to any of them.
        kind: Event kinds.
        country: ISO alpha-2 codes of the event's place, upper case.
        status: Statuses.
        tag: Tags; an event matches if it has any of them.
        year: Events that touch this calendar year (1..9999).
        start: Events that end on or after this day.
        end: Events that start on or before this day.
        parent: Events that are parts of this event.
        q: Words that must all begin a word of the event
            (:func:`summitcal.catalog.search.matches`).
    """

    series: tuple[str, ...] | None = None
    kind: tuple[EventKind, ...] | None = None
    country: tuple[str, ...] | None = None
    status: tuple[Status, ...] | None = None
    tag: tuple[str, ...] | None = None
    year: int | None = None
    start: date | None = None
    end: date | None = None
    parent: str | None = None
    q: str | None = None

    @classmethod
    def parse(cls, mapping: Mapping[str, Any]) -> Criteria:
        """The criteria ``mapping`` gives (keys as the attributes; each of ``series``,
        ``kind``, ``country``, ``status`` and ``tag`` one value or several).

        Raises:
            QueryError: (a ``ValueError``) for an unknown key, kind or status, a country
                code that does not exist, a year outside 1..9999, or a ``start`` after
                ``end``.
        """
        for key in mapping:
            if key not in CRITERIA:
                raise QueryError(
                    key, mapping[key], f"unknown criterion (one of: {', '.join(CRITERIA)})"
                )
        year, start, end = mapping.get("year"), mapping.get("start"), mapping.get("end")
        criteria = cls(
            series=_values("series", mapping.get("series"), _same),
            kind=_values("kind", mapping.get("kind"), _enum_member(EventKind)),
            country=_values("country", mapping.get("country"), _country_code),
            status=_values("status", mapping.get("status"), _enum_member(Status)),
            tag=_values("tag", mapping.get("tag"), _same),
            year=year,
            start=start,
            end=end,
            parent=mapping.get("parent"),
            q=mapping.get("q"),
        )
        if year is not None and not 1 <= year <= 9999:
            raise QueryError("year", year, "must be between 1 and 9999")
        if start is not None and end is not None and start > end:
            raise QueryError("start", start.isoformat(), f"is after the end, {end.isoformat()}")
        return criteria

    def check_series(self, known: Mapping[str, object]) -> None:
        """Refuse a series not in ``known`` (a catalogue's series).

        Raises:
            QueryError: Naming the first unknown series and the known ones.
        """
        for value in self.series or ():
            if value not in known:
                names = ", ".join(sorted(known)) or "none"
                raise QueryError("series", value, f"no such series (known: {names})")

    def predicate(self) -> Callable[[Event], bool]:
        """A test of one event against every criterion."""
        series = None if self.series is None else frozenset(self.series)
        kinds = None if self.kind is None else frozenset(self.kind)
        countries = None if self.country is None else frozenset(self.country)
        statuses = None if self.status is None else frozenset(self.status)
        tags = None if self.tag is None else frozenset(self.tag)
        year, parent, q = self.year, self.parent, self.q
        lo = max(self.start or date.min, date(year, 1, 1) if year is not None else date.min)
        hi = min(self.end or date.max, date(year, 12, 31) if year is not None else date.max)

        def keep(e: Event) -> bool:
            return (
                (series is None or not series.isdisjoint(e.series))
                and (kinds is None or e.kind in kinds)
                and (countries is None or (e.place is not None and e.place.country in countries))
                and (statuses is None or e.status in statuses)
                and (tags is None or not tags.isdisjoint(e.tags))
                and e.when.overlaps(lo, hi)
                and (parent is None or e.parent == parent)
                and (q is None or matches(e, q))
            )

        return keep
