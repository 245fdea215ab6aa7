"""Feeds as specs: the named feeds of ``data/feeds.toml`` and ad-hoc ones built from
filters, each a :class:`FeedSpec` saying which events it holds and how the calendar is
named.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import tomllib
from collections.abc import Iterable
from datetime import date

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.errors import FeedError
from summitcal.feeds.criteria import _CRITERIA_KEYS, FeedCriteria, _strings, describe_criteria
from summitcal.models.events import is_valid_id

__all__ = ["FeedSpec", "custom_feed_spec", "feed_specs", "get_feed_spec"]

_FEED_KEYS = ("name", "title", "description", "include_undated", *_CRITERIA_KEYS)


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
