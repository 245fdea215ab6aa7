"""Named calendar feeds, defined as data, and ad-hoc ones built from filters.

The named feeds live in ``data/feeds.toml`` (``all``, ``ai-summits``, ``waic``, ``china``,
``un``, ``paris-2025``...).  A :class:`FeedSpec` says which events a feed holds
(:class:`FeedCriteria`, the same criteria as :meth:`summitcal.catalog.catalog.Catalog.filter`,
plus ``within``: an event and all its parts) and how the calendar is named.
:func:`render_feed` turns a catalogue and a spec into the feed's bytes, using the
catalogue's revisions for SEQUENCE and LAST-MODIFIED.

Example::

    >>> spec = get_feed_spec("ai-summits")
    >>> data = render_feed(load_catalog(), spec)
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import tomllib
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.criteria import Criteria
from summitcal.errors import FeedError, QueryError
from summitcal.models.events import Event, is_valid_id

__all__ = [
    "FeedCriteria",
    "FeedLink",
    "FeedSpec",
    "available_feeds",
    "custom_feed_spec",
    "describe_criteria",
    "feed_events",
    "feed_links",
    "feed_specs",
    "get_feed_spec",
    "is_summitcal_calendar",
    "render_feed",
]

_CRITERIA_KEYS = ("series", "kind", "country", "status", "tag", "year", "start", "end", "within")
_FEED_KEYS = ("name", "title", "description", "include_undated", *_CRITERIA_KEYS)


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


@attrs.frozen(kw_only=True)
class FeedSpec:
    """A calendar feed: which events, and how the calendar presents itself.

    Attributes:
        name: A slug (``"ai-summits"``); the calendar UID derives from it.
        title: The calendar's name in clients.
        description: What the calendar holds.
        criteria: Which events.
        include_undated: Also hold events known only to the month or coarser.
    """

    name: str
    title: str
    description: str = ""
    criteria: FeedCriteria = attrs.field(factory=FeedCriteria)
    include_undated: bool = False

    def __attrs_post_init__(self) -> None:
        if not is_valid_id(self.name):
            raise FeedError(self.name, "a feed name is lower-case words of a-z, 0-9 and '-'")
        if not self.title.strip():
            raise FeedError(self.name, "a feed needs a title")

    @property
    def uid(self) -> str:
        """The calendar's UID: ``"<name>.feed@summitcal"``, the same for ever."""
        from summitcal.ical.write import UID_DOMAIN

        return f"{self.name}.feed@{UID_DOMAIN}"

    @property
    def filename(self) -> str:
        """``"<name>.ics"``."""
        return f"{self.name}.ics"

    def select(self, catalog: Catalog) -> Catalog:
        """The events of ``catalog`` this feed holds (undated ones included; the
        iCalendar layer leaves them out unless ``include_undated``)."""
        return self.criteria.select(catalog)


@functools.cache
def feed_specs() -> tuple[FeedSpec, ...]:
    """The named feeds, in the order ``data/feeds.toml`` lists them.

    Raises:
        FeedError: If the file is malformed (a broken install or a bad edit).
    """
    label = "summitcal/data/feeds.toml"
    text = importlib.resources.files("summitcal").joinpath("data/feeds.toml").read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedError(label, f"not valid TOML: {exc}") from None
    specs: list[FeedSpec] = []
    for i, item in enumerate(data.get("feed", [])):
        unknown = sorted(set(item) - set(_FEED_KEYS))
        if unknown:
            raise FeedError(label, f"feed #{i}: unknown keys {', '.join(unknown)}")
        try:
            spec = FeedSpec(
                name=item["name"],
                title=item["title"],
                description=item.get("description", ""),
                include_undated=bool(item.get("include_undated", False)),
                criteria=FeedCriteria(**{k: item[k] for k in _CRITERIA_KEYS if k in item}),
            )
        except KeyError as exc:
            raise FeedError(label, f"feed #{i}: missing {exc}") from None
        if any(s.name == spec.name for s in specs):
            raise FeedError(label, f"feed #{i}: duplicate name {spec.name!r}")
        specs.append(spec)
    return tuple(specs)


def get_feed_spec(name: str) -> FeedSpec:
    """The named feed ``name``.

    Raises:
        FeedError: If there is no such feed (the message lists the names).
    """
    for spec in feed_specs():
        if spec.name == name:
            return spec
    names = ", ".join(s.name for s in feed_specs())
    raise FeedError(name, f"unknown feed (named feeds: {names})")


def custom_feed_spec(
    *,
    series: Iterable[str] | str | None = None,
    kind: Iterable[str] | str | None = None,
    country: Iterable[str] | str | None = None,
    status: Iterable[str] | str | None = None,
    tag: Iterable[str] | str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    within: str | None = None,
    include_undated: bool = False,
    title: str | None = None,
) -> FeedSpec:
    """An ad-hoc feed from filters; its name and UID derive from the criteria, so the same
    filters always give the same calendar.

    Raises:
        QueryError: For an unknown kind or status, a bad country code, or end before start.

    Example::

        >>> custom_feed_spec(country="FR", year=2025).name
        'custom-...'
    """
    criteria = FeedCriteria(
        series=series,
        kind=kind,
        country=[c.upper() for c in _strings(country)],
        status=status,
        tag=tag,
        year=year,
        start=start,
        end=end,
        within=within,
    )
    given = criteria.as_dict()
    canonical = json.dumps(given, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    summary = "; ".join(
        f"{k} {', '.join(map(str, v)) if isinstance(v, list | tuple) else v}"
        for k, v in given.items()
    )
    return FeedSpec(
        name=f"custom-{digest}",
        title=title or (f"summitcal: {summary}" if summary else "summitcal: all events"),
        description=describe_criteria(criteria) if summary else "",
        criteria=criteria,
        include_undated=include_undated,
    )


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


@attrs.frozen
class FeedLink:
    """A named feed as a page lists it.

    Attributes:
        name: The feed's name; its file is ``feeds/<name>.ics``.
        title: Its human title.
        description: One or two sentences.
        count: How many events it holds.
    """

    name: str
    title: str
    description: str
    count: int

    @property
    def path(self) -> str:
        """The feed's path relative to the site root."""
        return f"feeds/{self.name}.ics"


def available_feeds(catalog: Catalog) -> tuple[tuple[FeedSpec, Catalog], ...]:
    """The named feeds that apply to ``catalog``, with their events.

    A named feed that refers to a series or event ``catalog`` lacks (a catalogue of your
    own, say) is left out rather than failing the whole site.
    """
    out = []
    for spec in feed_specs():
        try:
            out.append((spec, spec.select(catalog)))
        except (FeedError, QueryError):
            continue
    return tuple(out)


def feed_links(catalog: Catalog) -> tuple[FeedLink, ...]:
    """The named feeds that apply to ``catalog``, as a page lists them."""
    return tuple(
        FeedLink(spec.name, spec.title, spec.description, len(events))
        for spec, events in available_feeds(catalog)
    )


def feed_events(
    catalog: Catalog, spec: FeedSpec, *, include_undated: bool | None = None
) -> tuple[Event, ...]:
    """The events that feed ``spec`` over ``catalog`` would hold, in date order.

    Args:
        include_undated: Overrides ``spec.include_undated`` when given.

    Raises:
        QueryError: If the spec names a series the catalogue lacks.
        FeedError: If it names an event the catalogue lacks.
    """
    from summitcal.ical.write import is_undated

    undated = spec.include_undated if include_undated is None else include_undated
    return tuple(e for e in spec.select(catalog) if undated or not is_undated(e.when))


def is_summitcal_calendar(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file, begin a calendar summitcal wrote."""
    from summitcal.ical.write import PRODID

    return head.startswith(b"BEGIN:VCALENDAR\r\n") and f"PRODID:{PRODID}".encode() in head


def render_feed(
    catalog: Catalog,
    spec: FeedSpec,
    *,
    include_undated: bool | None = None,
    url: str | None = None,
) -> bytes:
    """The calendar bytes of feed ``spec`` over ``catalog``.

    Args:
        catalog: The catalogue; its revisions give SEQUENCE and LAST-MODIFIED.
        spec: The feed.
        include_undated: Overrides ``spec.include_undated`` when given.
        url: Where the feed is published, written as the calendar's URL and SOURCE.

    Raises:
        QueryError: If the spec names a series the catalogue lacks.
        FeedError: If it names an event the catalogue lacks.
    """
    from summitcal.ical.write import to_ical

    events: Iterable[Event] = spec.select(catalog)
    return to_ical(
        events,
        name=spec.title,
        description=spec.description or None,
        uid=spec.uid,
        include_undated=spec.include_undated if include_undated is None else include_undated,
        revisions=catalog.revisions,
        url=url,
    )
