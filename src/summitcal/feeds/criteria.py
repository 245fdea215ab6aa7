"""Which events a feed holds: :class:`FeedCriteria`, the same criteria as
:meth:`summitcal.catalog.catalog.Catalog.filter` plus ``within`` (an event and all its
parts), and :func:`describe_criteria`, the sentence a feed's description says them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.criteria import Criteria
from summitcal.errors import FeedError

__all__ = ["FeedCriteria", "describe_criteria"]

_CRITERIA_KEYS = ("series", "kind", "country", "status", "tag", "year", "start", "end", "within")


def _strings(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(kw_only=True)
class FeedCriteria:
    """Which events a feed holds; every criterion given must match (as in
    :meth:`Catalog.filter`), and an empty one matches everything.

    Attributes:
        series: Series ids (any of them).
        kind: Event kinds (values of :class:`EventKind`).
        country: ISO alpha-2 codes of the event's place.
        status: Statuses (values of :class:`Status`).
        tag: Tags (any of them).
        year: Events that touch this year.
        start: Events that end on or after this day.
        end: Events that start on or before this day.
        within: An event id: that event, its parts, and their parts.

    Raises:
        QueryError: For an unknown kind or status, a malformed country code, a year
            outside 1..9999, or ``end`` before ``start``
            (:meth:`~summitcal.catalog.criteria.Criteria.parse`).
    """

    series: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    kind: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    country: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    status: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    tag: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    year: int | None = None
    start: date | None = None
    end: date | None = None
    within: str | None = None

    _query: Criteria = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        given: dict[str, Any] = {"year": self.year, "start": self.start, "end": self.end}
        for key in ("series", "kind", "country", "status", "tag"):
            given[key] = getattr(self, key) or None
        object.__setattr__(self, "_query", Criteria.parse(given))

    @property
    def query(self) -> Criteria:
        """The criteria as the catalogue applies them (enum members, upper-case codes)."""
        return self._query

    def as_dict(self) -> dict[str, Any]:
        """The criteria given, JSON-ready (dates as ISO strings), for naming and hashing."""
        out: dict[str, Any] = {}
        for key in _CRITERIA_KEYS:
            value = getattr(self, key)
            if value in (None, ()):
                continue
            out[key] = value.isoformat() if isinstance(value, date) else value
        return out

    def select(self, catalog: Catalog) -> Catalog:
        """The events of ``catalog`` that match.

        Raises:
            QueryError: If a series is not in ``catalog``.
            FeedError: If the ``within`` event is not in ``catalog``.
        """
        family: frozenset[str] | None = None
        if self.within is not None:
            if self.within not in catalog:
                raise FeedError("within", f"no event {self.within!r} in the catalogue")
            family = _family(catalog, self.within)
        return catalog.select(self._query, None if family is None else (lambda e: e.id in family))


def _family(catalog: Catalog, root: str) -> frozenset[str]:
    """``root`` and every event whose chain of parents reaches it."""
    children: dict[str, list[str]] = {}
    for e in catalog:
        if e.parent is not None:
            children.setdefault(e.parent, []).append(e.id)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)


def _either(values: Iterable[str]) -> str:
    """``"a"``, ``"a or b"``, ``"a, b or c"``."""
    items = list(values)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def describe_criteria(criteria: FeedCriteria) -> str:
    """A sentence saying which events ``criteria`` selects, for a feed's description.

    Example::

        >>> describe_criteria(FeedCriteria(series="ai-summit", country="FR", year=2025))
        'Events of the summitcal catalogue in the series ai-summit, held in France, in 2025.'
    """
    from summitcal.models.countries import country_name

    c = criteria
    parts: list[str] = []
    if c.within is not None:
        parts.append(f"that are {c.within} or one of its parts")
    if c.series:
        parts.append(f"in the series {_either(c.series)}")
    if c.kind:
        parts.append(f"of the kind {_either(k.replace('-', ' ') for k in c.kind)}")
    if c.country:
        parts.append(f"held in {_either(country_name(code.upper()) for code in c.country)}")
    if c.status:
        parts.append(f"with the status {_either(c.status)}")
    if c.tag:
        parts.append(f"tagged {_either(c.tag)}")
    if c.year is not None:
        parts.append(f"in {c.year}")
    if c.start is not None and c.end is not None:
        parts.append(f"between {c.start.isoformat()} and {c.end.isoformat()}")
    elif c.start is not None:
        parts.append(f"ending on or after {c.start.isoformat()}")
    elif c.end is not None:
        parts.append(f"starting on or before {c.end.isoformat()}")
    if not parts:
        return "Every event of the summitcal catalogue."
    return f"Events of the summitcal catalogue {', '.join(parts)}."
