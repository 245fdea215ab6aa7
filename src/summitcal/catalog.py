"""Load, validate and query the curated catalogue of events.

The catalogue is TOML data: one file per family of events (``seeds/*.toml`` in the source
tree, shipped inside the wheel).  A file holds any of three arrays of tables:

``[[series]]``
    ``id``, ``title``, ``description``: the series that events belong to.
``[[event]]``
    One event: see :data:`EVENT_FIELDS` and the README for every field.
``[[revision]]``
    ``id``, ``sequence``, ``digest``, ``modified``: the published revision of an event,
    which the iCalendar layer turns into SEQUENCE and LAST-MODIFIED.

Every problem raises :class:`~summitcal.errors.SeedError` naming the file, the record and
the field: unknown fields (a typo is never ignored), wrong types, duplicate ids, unknown
parents or series, days that end before they start, unknown country codes or time zones,
events without sources, and a date phrase that disagrees with the absolute date given
beside it.
"""

from __future__ import annotations

import enum
import importlib.resources
import os
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs

from summitcal.errors import QueryError, SeedError, SummitcalError, TimexError
from summitcal.models import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    Status,
    is_valid_id,
)
from summitcal.span import DateSpan

__all__ = [
    "EVENT_FIELDS",
    "Catalog",
    "Revision",
    "Series",
    "UnknownEventError",
    "load_catalog",
    "read_records",
    "shipped_seeds_path",
]

StrPath = str | os.PathLike[str]
_E = TypeVar("_E")
_EnumT = TypeVar("_EnumT", bound=enum.Enum)


class UnknownEventError(SummitcalError, KeyError):
    """No event in the catalogue has the id asked for."""

    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        super().__init__(f"no event with id {event_id!r}")

    def __str__(self) -> str:
        return f"no event with id {self.event_id!r}"


@attrs.frozen(kw_only=True)
class Series:
    """A series of events, such as the AI-summit series or WAIC."""

    id: str
    title: str
    description: str = ""


@attrs.frozen(kw_only=True)
class Revision:
    """The published revision of one event.

    Attributes:
        id: The event's id.
        sequence: How many times its published content has changed (iCalendar SEQUENCE).
        digest: The content digest the sequence was recorded for.
        modified: When that content was published (UTC); iCalendar LAST-MODIFIED.
    """

    id: str
    sequence: int
    digest: str
    modified: datetime


# --- reading records -------------------------------------------------------------------


class _Record:
    """One TOML table being converted, remembering where it came from for errors."""

    def __init__(self, path: str, record: str, data: Mapping[str, Any], prefix: str = "") -> None:
        self.path = path
        self.record = record
        self.data = data
        self.prefix = prefix

    def error(self, field: str | None, reason: str) -> SeedError:
        name = f"{self.prefix}{field}" if field else (self.prefix.rstrip(".") or None)
        return SeedError(self.path, reason, record=self.record, field=name)

    def check_fields(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def get(self, field: str, kind: type | tuple[type, ...], *, required: bool = False) -> Any:
        if field not in self.data:
            if required:
                raise self.error(field, "missing required field")
            return None
        value = self.data[field]
        # bool is an int subclass, and datetime a date subclass: keep them apart.
        bad_bool = isinstance(value, bool) and bool not in _as_tuple(kind)
        bad_datetime = isinstance(value, datetime) and datetime not in _as_tuple(kind)
        if not isinstance(value, kind) or bad_bool or bad_datetime:
            names = " or ".join(k.__name__ for k in _as_tuple(kind))
            raise self.error(field, f"expected {names}, got {type(value).__name__} {value!r}")
        return value

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.get(field, str, required=required)
        if value is not None and not value.strip():
            raise self.error(field, "must not be empty")
        return value  # type: ignore[no-any-return]

    def texts(self, field: str) -> tuple[str, ...]:
        values = self.get(field, list) or []
        for i, v in enumerate(values):
            if not isinstance(v, str) or not v.strip():
                raise self.error(f"{field}[{i}]", f"expected a non-empty string, got {v!r}")
        return tuple(values)

    def country(self, field: str, *, required: bool = False) -> str | None:
        """An ISO 3166-1 alpha-2 country code."""
        from summitcal.countries import is_country

        value = self.text(field, required=required)
        if value is not None and not is_country(value):
            raise self.error(field, f"{value!r} is not an ISO 3166-1 alpha-2 code")
        return value

    def enum(self, field: str, enum_type: type[_EnumT], *, required: bool = False) -> _EnumT | None:
        value = self.text(field, required=required)
        if value is None:
            return None
        try:
            return enum_type(value)
        except ValueError:
            choices = ", ".join(e.value for e in enum_type)
            raise self.error(field, f"unknown value {value!r} (one of: {choices})") from None

    def tables(self, field: str) -> list[_Record]:
        value = self.get(field, list) or []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.error(f"{field}[{i}]", f"expected a table, got {item!r}")
            out.append(_Record(self.path, self.record, item, f"{self.prefix}{field}[{i}]."))
        return out

    def table(self, field: str) -> _Record | None:
        value = self.get(field, dict)
        return None if value is None else _Record(self.path, self.record, value, f"{field}.")

    def build(self, field: str | None, factory: Callable[[], _E]) -> _E:
        """Run a model constructor, turning its ValueError into a SeedError here."""
        try:
            return factory()
        except SeedError:
            raise
        except (ValueError, TypeError) as exc:
            raise self.error(field, str(exc)) from None


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


EVENT_FIELDS: dict[str, str] = {
    "id": "stable slug; calendar UIDs derive from it",
    "kind": "one of EventKind's values",
    "title": "the event's name",
    "when": "TIMEX3 value or range: 2025-02-10/2025-02-11, 2027, 2024-05-21T20:30/...T22:12",
    "when_mod": "optional TIMEX3 mod for `when` (START, MID, END, APPROX...)",
    "when_phrase": "table {text, published, context?}: the date as a source wrote it",
    "status": "one of Status's values",
    "place": "table {country, city?, venue?, region?, zone?, lat?, lon?, virtual?}",
    "description": "a short account in the catalogue's own words",
    "series": "list of series ids",
    "parent": "id of the event this one is part of",
    "actors": "array of tables {name, kind, role, country?, title?, note?}",
    "outcomes": "list of short texts",
    "tags": "list of labels",
    "aliases": "list of other names",
    "url": "official page",
    "sources": "array of tables {url, publisher?, title?, published?, phrase?}",
    "alternatives": "array of tables {field, value, status, note?, sources?}",
}


def _read_when(rec: _Record, zone: str | None) -> DateSpan:
    """The record's span, from ``when`` and/or ``when_phrase``, checked against each other."""
    from summitcal.span import Mod

    mod = rec.enum("when_mod", Mod)
    value = rec.text("when")
    span: DateSpan | None = None
    if value is not None:
        try:
            span = DateSpan.from_timex(value, mod=mod, zone=zone)
        except TimexError as exc:
            raise rec.error("when", exc.reason) from None
        except ValueError as exc:
            raise rec.error("when", str(exc)) from None
    phrase = rec.table("when_phrase")
    if phrase is not None:
        phrase.check_fields(("text", "published", "context"))
        text = phrase.text("text", required=True)
        published = phrase.get("published", date, required=True)
        context = phrase.text("context")
        assert text is not None
        resolved = _resolve_phrase(phrase, text, published, context, zone)
        if span is None:
            span = resolved
        elif (resolved.first, resolved.last) != (span.first, span.last):
            raise rec.error(
                "when_phrase",
                f"{text!r} published {published} resolves to {resolved.timex}, "
                f"but `when` says {span.timex}",
            )
    if span is None:
        raise rec.error("when", "missing: give `when`, `when_phrase`, or both")
    return span


def _resolve_phrase(
    rec: _Record, text: str, published: date, context: str | None, zone: str | None
) -> DateSpan:
    try:
        from summitcal.resolver import resolve
    except ImportError as exc:  # pragma: no cover - only in a broken install
        raise rec.error("text", f"the resolver is unavailable: {exc}") from None
    try:
        resolution = resolve(text, reference=published, context=context)
    except ValueError as exc:
        raise rec.error("text", str(exc)) from None
    span: DateSpan = resolution.span
    return span.with_zone(zone) if zone else span


def _read_place(rec: _Record) -> Place | None:
    place = rec.table("place")
    if place is None:
        return None
    place.check_fields(("country", "city", "venue", "region", "zone", "lat", "lon", "virtual"))
    country = place.country("country", required=True)
    zone = place.text("zone")
    if zone is not None:
        from summitcal.zones import is_zone

        if not is_zone(zone):
            raise place.error("zone", f"unknown IANA time zone {zone!r}")
    return place.build(
        None,
        lambda: Place(
            country=country,  # type: ignore[arg-type]
            city=place.text("city"),
            venue=place.text("venue"),
            region=place.text("region"),
            zone=zone,
            lat=_float(place, "lat"),
            lon=_float(place, "lon"),
            virtual=place.get("virtual", bool) or False,
        ),
    )


def _float(rec: _Record, field: str) -> float | None:
    value = rec.get(field, (int, float))
    return None if value is None else float(value)


def _read_actor(rec: _Record) -> Actor:
    rec.check_fields(("name", "kind", "role", "country", "title", "note"))
    name = rec.text("name", required=True)
    kind = rec.enum("kind", ActorKind, required=True)
    role = rec.enum("role", Role, required=True)
    country = rec.country("country")
    return rec.build(
        None,
        lambda: Actor(
            name=name,  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            role=role,  # type: ignore[arg-type]
            country=country,
            title=rec.text("title"),
            note=rec.text("note"),
        ),
    )


def _read_source(rec: _Record) -> Source:
    rec.check_fields(("url", "publisher", "title", "published", "phrase"))
    url = rec.text("url", required=True)
    return rec.build(
        "url",
        lambda: Source(
            url=url,  # type: ignore[arg-type]
            publisher=rec.text("publisher"),
            title=rec.text("title"),
            published=rec.get("published", date),
            phrase=rec.text("phrase"),
        ),
    )


def _read_alternative(rec: _Record) -> Alternative:
    rec.check_fields(("field", "value", "status", "note", "sources"))
    field = rec.text("field", required=True)
    value = rec.get("value", str, required=True)
    status = rec.enum("status", AlternativeStatus, required=True)
    return rec.build(
        None,
        lambda: Alternative(
            field=field,  # type: ignore[arg-type]
            value=value,
            status=status,  # type: ignore[arg-type]
            note=rec.text("note") or "",
            sources=rec.texts("sources"),
        ),
    )


def _read_event(rec: _Record) -> Event:
    rec.check_fields(EVENT_FIELDS)
    event_id = rec.text("id", required=True)
    if event_id is not None and not is_valid_id(event_id):
        raise rec.error("id", "must be lower-case words of a-z and 0-9 joined by '-'")
    kind = rec.enum("kind", EventKind, required=True)
    title = rec.text("title", required=True)
    status = rec.enum("status", Status, required=True)
    place = _read_place(rec)
    when = _read_when(rec, place.zone if place else None)
    sources = tuple(_read_source(s) for s in rec.tables("sources"))
    if not sources:
        raise rec.error("sources", "every event needs at least one source")
    return rec.build(
        None,
        lambda: Event(
            id=event_id,  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            title=title,  # type: ignore[arg-type]
            when=when,
            status=status,  # type: ignore[arg-type]
            sources=sources,
            place=place,
            description=rec.text("description") or "",
            series=rec.texts("series"),
            parent=rec.text("parent"),
            actors=tuple(_read_actor(a) for a in rec.tables("actors")),
            outcomes=rec.texts("outcomes"),
            tags=rec.texts("tags"),
            aliases=rec.texts("aliases"),
            url=rec.text("url"),
            alternatives=tuple(_read_alternative(a) for a in rec.tables("alternatives")),
        ),
    )


def _read_series(rec: _Record) -> Series:
    rec.check_fields(("id", "title", "description"))
    return Series(
        id=rec.text("id", required=True),  # type: ignore[arg-type]
        title=rec.text("title", required=True),  # type: ignore[arg-type]
        description=rec.text("description") or "",
    )


def _read_revision(rec: _Record) -> Revision:
    rec.check_fields(("id", "sequence", "digest", "modified"))
    sequence = rec.get("sequence", int, required=True)
    if sequence < 0:
        raise rec.error("sequence", "must be 0 or more")
    modified = rec.get("modified", datetime, required=True)
    if modified.tzinfo is None:
        raise rec.error("modified", "must be a UTC offset date-time, such as 2025-02-09T00:00:00Z")
    return Revision(
        id=rec.text("id", required=True),  # type: ignore[arg-type]
        sequence=sequence,
        digest=rec.text("digest", required=True),  # type: ignore[arg-type]
        modified=modified.astimezone(UTC),
    )


def _record_name(data: Mapping[str, Any], index: int) -> str:
    value = data.get("id")
    return value if isinstance(value, str) and value else f"#{index}"


_TOP_LEVEL = {"series": _read_series, "event": _read_event, "revision": _read_revision}


def read_records(path: Path, label: str) -> dict[str, list[tuple[str, Any]]]:
    """Read and validate one catalogue file into its records, without cross-checks.

    Returns:
        ``{"series": [...], "event": [...], "revision": [...]}``, each a list of
        ``(record name, model)`` pairs in file order.

    Raises:
        SeedError: For the first defect, naming ``label``, the record and the field.
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(label, f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise SeedError(label, f"not UTF-8 text: {exc}") from None
    except OSError as exc:
        raise SeedError(label, f"cannot read: {exc.strerror or exc}") from None
    out: dict[str, list[tuple[str, Any]]] = {key: [] for key in _TOP_LEVEL}
    for key, items in data.items():
        if key not in _TOP_LEVEL:
            raise SeedError(
                label, f"unknown top-level key {key!r} (allowed: event, revision, series)"
            )
        if not isinstance(items, list):
            raise SeedError(label, f"{key!r} must be an array of tables ([[{key}]])")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise SeedError(label, f"{key}[{i}] is not a table", record=f"#{i}")
            record = _record_name(item, i)
            rec = _Record(label, record, item)
            out[key].append((record, _TOP_LEVEL[key](rec)))
    return out


# --- the catalogue ---------------------------------------------------------------------


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
    from summitcal.countries import is_country

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
            predicate: Any further test.

        Raises:
            QueryError: (a ``ValueError``) for a series, kind, status or country code that
                does not exist, or a year outside 1..9999.
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
                and (predicate is None or predicate(e))
            )

        return attrs.evolve(self, events=[e for e in self.events if keep(e)])


# --- loading ---------------------------------------------------------------------------


def shipped_seeds_path() -> Path:
    """Where the catalogue shipped with summitcal lives.

    Inside an installed wheel that is the package's ``_seeds`` folder; in a source
    checkout (editable install) it is the ``seeds/`` folder at the top of the tree.

    Raises:
        SeedError: If neither exists (a broken install).
    """
    packaged = Path(str(importlib.resources.files("summitcal").joinpath("_seeds")))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise SeedError(str(packaged), "the shipped catalogue is missing from this install")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise SeedError(str(path), "no *.toml catalogue files in this directory")
        return files
    if path.is_file():
        return [path]
    raise SeedError(str(path), "no such file or directory")


def load_catalog(
    path: StrPath | Iterable[StrPath] | None = None, *, include_shipped: bool = False
) -> Catalog:
    """Load and validate a catalogue.

    Args:
        path: A TOML file, a directory of them, or several of either.  ``None`` loads the
            catalogue shipped with summitcal.
        include_shipped: Also load the shipped catalogue, so that your own records can
            name its series and parents.

    Returns:
        The validated :class:`Catalog`.

    Raises:
        SeedError: Naming the file, the record and the field of the first problem found.

    Example::

        >>> cat = load_catalog()
        >>> cat.get("ai-action-summit-2025").when.timex
        '2025-02-10/2025-02-11'
    """
    if path is None:
        paths = [shipped_seeds_path()]
    elif isinstance(path, str | os.PathLike):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    if include_shipped and path is not None:
        paths.insert(0, shipped_seeds_path())

    events: dict[str, tuple[str, Event]] = {}
    series: dict[str, tuple[str, Series]] = {}
    revisions: dict[str, tuple[str, Revision]] = {}
    for base in paths:
        for file in _files(base):
            label = str(file)
            parsed = read_records(file, label)
            targets: tuple[tuple[dict[str, Any], str], ...] = (
                (series, "series"),
                (events, "event"),
                (revisions, "revision"),
            )
            for target, key in targets:
                for record, item in parsed[key]:
                    if item.id in target:
                        first_file = target[item.id][0]
                        raise SeedError(
                            label,
                            f"duplicate {key} id (first defined in {first_file})",
                            record=record,
                            field="id",
                        )
                    target[item.id] = (label, item)

    for event_id, (label, event) in events.items():
        if event.parent is not None and event.parent not in events:
            raise SeedError(
                label, f"unknown parent {event.parent!r}", record=event_id, field="parent"
            )
        for s in event.series:
            if s not in series:
                raise SeedError(label, f"unknown series {s!r}", record=event_id, field="series")
    for event_id, (label, _rev) in revisions.items():
        if event_id not in events:
            raise SeedError(label, "revision for an unknown event", record=event_id, field="id")
    _check_parent_cycles({i: e for i, (_, e) in events.items()}, events)

    return Catalog(
        events=[e for _, e in events.values()],
        series={k: v for k, (_, v) in sorted(series.items())},
        revisions={k: v for k, (_, v) in sorted(revisions.items())},
    )


def _check_parent_cycles(
    by_id: Mapping[str, Event], located: Mapping[str, tuple[str, Event]]
) -> None:
    for event_id in by_id:
        seen = {event_id}
        current = by_id[event_id].parent
        while current is not None:
            if current in seen:
                raise SeedError(
                    located[event_id][0],
                    "parents form a cycle",
                    record=event_id,
                    field="parent",
                )
            seen.add(current)
            current = by_id[current].parent
