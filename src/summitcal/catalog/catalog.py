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

Loading reads every file and every record, then raises one
:class:`~summitcal.errors.SeedErrors` listing every problem, each a
:class:`~summitcal.errors.SeedError` naming the file, the record and the field: unknown
fields (a typo is never ignored), wrong types, ids that are not lower-case words joined by
'-', duplicate ids, unknown parents or series, parent cycles, days that end before they
start or on 9999-12-31 (no calendar entry can end the day after), unknown country codes
or time zones, URLs that are not http(s), events without sources, alternatives that name
an unknown field or hold a value their field cannot, and a date phrase that disagrees with
the absolute date given beside it.  Files that could exhaust the TOML parser are refused
unread (see :mod:`summitcal.catalog.tomlsafe`).
"""

from __future__ import annotations

import enum
import importlib.resources
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import attrs

from summitcal.catalog.search import matches
from summitcal.catalog.tomlsafe import MAX_FILE_BYTES, read_toml
from summitcal.errors import QueryError, SeedError, SeedErrors, SummitcalError, TimexError
from summitcal.models.events import (
    Actor,
    ActorKind,
    Alternative,
    AlternativeStatus,
    Event,
    EventKind,
    Place,
    Role,
    Source,
    SourceKind,
    Status,
    check_calendar_span,
    is_valid_id,
    is_web_url,
)
from summitcal.span.span import DateSpan, Mod

__all__ = [
    "ALTERNATIVE_FIELDS",
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


class _RecordFailed(Exception):
    """A record (or a table inside it) is unusable; its errors are already noted."""


class _Record:
    """One TOML table being converted, remembering where it came from for errors.

    A record and the tables inside it share one list of errors, so that every field of
    every record is read and every defect noted before the loader gives up.  The field
    readers (:meth:`get`, :meth:`text`...) raise a :class:`SeedError` for their field;
    :meth:`attempt` notes it and carries on with the next field, and :meth:`finish` ends
    the record if anything in it failed.
    """

    def __init__(
        self,
        path: str,
        record: str,
        data: Mapping[str, Any],
        prefix: str = "",
        errors: list[SeedError] | None = None,
    ) -> None:
        self.path = path
        self.record = record
        self.data = data
        self.prefix = prefix
        self.errors: list[SeedError] = [] if errors is None else errors
        self._mark = len(self.errors)  # errors before this table are not its own

    @property
    def failed(self) -> bool:
        """Whether anything in this table was refused."""
        return len(self.errors) > self._mark

    def error(self, field: str | None, reason: str) -> SeedError:
        name = f"{self.prefix}{field}" if field else (self.prefix.rstrip(".") or None)
        return SeedError(self.path, reason, record=self.record, field=name)

    def attempt(self, read: Callable[[], _E]) -> _E | None:
        """``read()``, or ``None`` with its error noted if it refuses."""
        try:
            return read()
        except SeedError as exc:
            self.errors.append(exc)
        except _RecordFailed:
            pass  # noted where it was found
        return None

    def read(self, readers: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
        """Each field's value by :meth:`attempt`, then :meth:`finish`.

        Raises:
            _RecordFailed: If any field, or anything earlier in this table, failed.
        """
        values = {name: self.attempt(reader) for name, reader in readers.items()}
        self.finish()
        return values

    def finish(self) -> None:
        """Raise :class:`_RecordFailed` if anything in this table failed."""
        if self.failed:
            raise _RecordFailed

    def check_fields(self, allowed: Iterable[str]) -> None:
        """Note each field not in ``allowed``: a typo is never ignored."""
        allowed = set(allowed)
        for key in self.data:
            if key not in allowed:
                reason = f"unknown field (allowed: {', '.join(sorted(allowed))})"
                self.errors.append(self.error(key, reason))

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

    def ident(self, field: str) -> str:
        """A required event or series id (see :func:`~summitcal.models.events.is_valid_id`)."""
        value = self.text(field, required=True)
        assert value is not None
        if not is_valid_id(value):
            raise self.error(field, "must be lower-case words of a-z and 0-9 joined by '-'")
        return value

    def url(self, field: str, *, required: bool = False) -> str | None:
        """A web address (see :func:`~summitcal.models.events.is_web_url`)."""
        value = self.text(field, required=required)
        if value is not None:
            _check_url(self, field, value)
        return value

    def urls(self, field: str) -> tuple[str, ...]:
        values = self.texts(field)
        for i, value in enumerate(values):
            _check_url(self, f"{field}[{i}]", value)
        return values

    def country(self, field: str, *, required: bool = False) -> str | None:
        """An ISO 3166-1 alpha-2 country code."""
        from summitcal.models.countries import is_country

        value = self.text(field, required=required)
        if value is not None and not is_country(value):
            raise self.error(field, f"{value!r} is not an ISO 3166-1 alpha-2 code")
        return value

    def zone(self, field: str) -> str | None:
        """An IANA time zone key."""
        from summitcal.span.zones import is_zone

        value = self.text(field)
        if value is not None and not is_zone(value):
            raise self.error(field, f"unknown IANA time zone {value!r}")
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

    def each(self, field: str, read: Callable[[_Record], _E]) -> tuple[_E, ...]:
        """``read`` applied to each table of the array ``field``; each failure is noted,
        and the tables that read cleanly are returned."""
        value = self.get(field, list) or []
        out = []
        for i, item in enumerate(value):
            where = f"{self.prefix}{field}[{i}]"
            if not isinstance(item, dict):
                self.errors.append(self.error(f"{field}[{i}]", f"expected a table, got {item!r}"))
                continue
            table = _Record(self.path, self.record, item, f"{where}.", self.errors)
            result = table.attempt(partial(read, table))
            if result is not None:
                out.append(result)
        return tuple(out)

    def table(self, field: str) -> _Record | None:
        value = self.get(field, dict)
        if value is None:
            return None
        return _Record(self.path, self.record, value, f"{self.prefix}{field}.", self.errors)

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


def _check_url(rec: _Record, field: str, value: str) -> None:
    if not is_web_url(value):
        raise rec.error(field, f"{value!r} is not an http(s) URL with a host")


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
    "url": "official page (http or https)",
    "sources": "array of tables {url, publisher?, title?, published?, phrase?}",
    "alternatives": "array of tables {field, value, status, note?, sources?}",
}

ALTERNATIVE_FIELDS: dict[str, str] = {
    "when": "a TIMEX3 value, as for the event's `when`",
    "kind": "one of EventKind's values",
    "status": "one of Status's values",
    "title": "another name or title",
    "url": "another official page (http or https)",
    "country": "an ISO 3166-1 alpha-2 code, as for place.country",
    "zone": "an IANA time zone, as for place.zone",
    "city": "text, as for place.city",
    "region": "text, as for place.region",
    "venue": "text, as for place.venue ('unknown' when nobody says)",
    "exact-dates": "text: what is said of the days when `when` is coarse",
    "official-name": "text: the official name, when the title is descriptive",
    "english-wording": "text: how a statement reads in English",
    "signatory": "text: a signatory that not every source lists",
    "non-signatory": "text: a party said not to have signed",
    "signatory-count": "text: a count of signatories ('61', '28 countries')",
    "proposed-year": "text: when a proposed event would take place",
    "initiative": "text: an initiative said to have come out of the event",
    "held": "text: whether the event took place ('unknown' when no report says)",
}
"""The fields an alternative may name, and what its ``value`` must then be.

A field that stands for an event's own field has its value checked as that field is; the
others are facets of the event that have no field of their own, and take any text.  A
name outside this list is refused, so that a typo (``whenn``) is never kept; add a new
facet here."""


def _read_span(rec: _Record, field: str, value: str, mod: Mod | None, zone: str | None) -> DateSpan:
    """The span of a TIMEX3 value, which a calendar must be able to hold."""
    try:
        span = DateSpan.from_timex(value, mod=mod, zone=zone)
    except TimexError as exc:
        raise rec.error(field, exc.reason) from None
    except ValueError as exc:
        raise rec.error(field, str(exc)) from None
    rec.build(field, lambda: check_calendar_span(span))
    return span


def _read_when(rec: _Record, zone: str | None) -> DateSpan:
    """The record's span, from ``when`` and/or ``when_phrase``, checked against each other.

    Raises:
        SeedError: If neither is given.
        _RecordFailed: If either failed (noted).
    """
    mark = len(rec.errors)
    mod = rec.attempt(lambda: rec.enum("when_mod", Mod))
    value = rec.attempt(lambda: rec.text("when"))
    span = None
    if value is not None:
        span = rec.attempt(lambda: _read_span(rec, "when", value, mod, zone))
    resolved = rec.attempt(lambda: _read_phrase(rec, zone, span))
    if len(rec.errors) > mark:
        raise _RecordFailed
    if span is None and resolved is None:
        raise rec.error("when", "missing: give `when`, `when_phrase`, or both")
    return span or resolved  # type: ignore[return-value]


def _read_phrase(rec: _Record, zone: str | None, when: DateSpan | None) -> DateSpan | None:
    """The span ``when_phrase`` resolves to (``None`` if there is none), which must agree
    with ``when`` if that was read."""
    phrase = rec.table("when_phrase")
    if phrase is None:
        return None
    phrase.check_fields(("text", "published", "context"))
    values = phrase.read(
        {
            "text": lambda: phrase.text("text", required=True),
            "published": lambda: phrase.get("published", date, required=True),
            "context": lambda: phrase.text("context"),
        }
    )
    text, published = values["text"], values["published"]
    resolved = _resolve_phrase(phrase, text, published, values["context"], zone)
    if when is not None and (resolved.first, resolved.last) != (when.first, when.last):
        raise rec.error(
            "when_phrase",
            f"{text!r} published {published} resolves to {resolved.timex}, "
            f"but `when` says {when.timex}",
        )
    if "when" not in rec.data:  # else `when`, the same days, had this check
        rec.build("when_phrase", lambda: check_calendar_span(resolved))
    return resolved


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
    values = place.read(
        {
            "country": lambda: place.country("country", required=True),
            "city": lambda: place.text("city"),
            "venue": lambda: place.text("venue"),
            "region": lambda: place.text("region"),
            "zone": lambda: place.zone("zone"),
            "lat": lambda: _float(place, "lat"),
            "lon": lambda: _float(place, "lon"),
            "virtual": lambda: place.get("virtual", bool) or False,
        }
    )
    return place.build(None, lambda: Place(**values))


def _float(rec: _Record, field: str) -> float | None:
    value = rec.get(field, (int, float))
    return None if value is None else float(value)


def _read_actor(rec: _Record) -> Actor:
    rec.check_fields(("name", "kind", "role", "country", "title", "note"))
    values = rec.read(
        {
            "name": lambda: rec.text("name", required=True),
            "kind": lambda: rec.enum("kind", ActorKind, required=True),
            "role": lambda: rec.enum("role", Role, required=True),
            "country": lambda: rec.country("country"),
            "title": lambda: rec.text("title"),
            "note": lambda: rec.text("note"),
        }
    )
    return rec.build(None, lambda: Actor(**values))


def _read_source(rec: _Record) -> Source:
    rec.check_fields(("url", "publisher", "title", "published", "phrase", "kind"))
    values = rec.read(
        {
            "url": lambda: rec.url("url", required=True),
            "publisher": lambda: rec.text("publisher"),
            "title": lambda: rec.text("title"),
            "published": lambda: rec.get("published", date),
            "phrase": lambda: rec.text("phrase"),
            "kind": lambda: rec.enum("kind", SourceKind),
        }
    )
    return rec.build(None, lambda: Source(**values))


def _alternative_value(rec: _Record, field: str, zone: str | None) -> str:
    """The alternative's ``value``, checked as the field it stands for is."""
    value = rec.text("value", required=True)
    assert value is not None
    if field == "when":
        _read_span(rec, "value", value, None, zone)
    elif field in ("kind", "status"):
        rec.enum("value", EventKind if field == "kind" else Status)
    elif field == "url":
        rec.url("value")
    elif field == "country":
        rec.country("value")
    elif field == "zone":
        rec.zone("value")
    return value


def _alternative_field(rec: _Record) -> str:
    field = rec.text("field", required=True)
    assert field is not None
    if field not in ALTERNATIVE_FIELDS:
        known = ", ".join(ALTERNATIVE_FIELDS)
        raise rec.error("field", f"unknown field {field!r} for an alternative (known: {known})")
    return field


def _read_alternative(rec: _Record, zone: str | None) -> Alternative:
    rec.check_fields(("field", "value", "status", "note", "sources"))
    field = rec.attempt(lambda: _alternative_field(rec))
    values = rec.read(
        {
            # Without a known field there is nothing to check the value against.
            "value": lambda: _alternative_value(rec, field, zone) if field else None,
            "status": lambda: rec.enum("status", AlternativeStatus, required=True),
            "note": lambda: rec.text("note") or "",
            "sources": lambda: rec.urls("sources"),
        }
    )
    return rec.build(None, lambda: Alternative(field=field, **values))  # type: ignore[arg-type]


def _read_sources(rec: _Record) -> tuple[Source, ...]:
    if not rec.data.get("sources"):  # sources that are all refused are not "none"
        raise rec.error("sources", "every event needs at least one source")
    return rec.each("sources", _read_source)


def _read_event(rec: _Record) -> Event:
    rec.check_fields(EVENT_FIELDS)
    place = rec.attempt(lambda: _read_place(rec))
    # A refused place leaves no zone: `when` is then read as zone-free, which refuses no
    # value that a zone would allow, so no error is made up.
    zone = place.zone if place else None
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "kind": lambda: rec.enum("kind", EventKind, required=True),
            "title": lambda: rec.text("title", required=True),
            "status": lambda: rec.enum("status", Status, required=True),
            "when": lambda: _read_when(rec, zone),
            "sources": lambda: _read_sources(rec),
            "description": lambda: rec.text("description") or "",
            "series": lambda: rec.texts("series"),
            "parent": lambda: rec.text("parent"),
            "actors": lambda: rec.each("actors", _read_actor),
            "outcomes": lambda: rec.texts("outcomes"),
            "tags": lambda: rec.texts("tags"),
            "aliases": lambda: rec.texts("aliases"),
            "url": lambda: rec.url("url"),
            "alternatives": lambda: rec.each(
                "alternatives", lambda alt: _read_alternative(alt, zone)
            ),
        }
    )
    return rec.build(None, lambda: Event(place=place, **values))


def _read_series(rec: _Record) -> Series:
    rec.check_fields(("id", "title", "description"))
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "title": lambda: rec.text("title", required=True),
            "description": lambda: rec.text("description") or "",
        }
    )
    return Series(**values)


def _read_revision(rec: _Record) -> Revision:
    rec.check_fields(("id", "sequence", "digest", "modified"))
    values = rec.read(
        {
            "id": lambda: rec.ident("id"),
            "sequence": lambda: _sequence(rec),
            "digest": lambda: rec.text("digest", required=True),
            "modified": lambda: _modified(rec),
        }
    )
    return Revision(**values)


def _sequence(rec: _Record) -> int:
    sequence: int = rec.get("sequence", int, required=True)
    if sequence < 0:
        raise rec.error("sequence", "must be 0 or more")
    return sequence


def _modified(rec: _Record) -> datetime:
    modified: datetime = rec.get("modified", datetime, required=True)
    if modified.tzinfo is None:
        raise rec.error("modified", "must be a UTC offset date-time, such as 2025-02-09T00:00:00Z")
    return modified.astimezone(UTC)


_TOP_LEVEL = {"series": _read_series, "event": _read_event, "revision": _read_revision}


@attrs.frozen
class _Entry:
    """One top-level record of a file: its name for errors, the id it claims (a string,
    even if refused), and its model, or ``None`` if it was refused."""

    record: str
    id: str | None
    model: Any


@attrs.frozen
class _FileRecords:
    """What one file holds: its entries by top-level key, and the errors found."""

    entries: dict[str, list[_Entry]]
    errors: list[SeedError]


def _read_file(path: Path, label: str, max_bytes: int) -> _FileRecords:
    """Every record of one file, each read in full, and every error of the file."""
    out = _FileRecords({key: [] for key in _TOP_LEVEL}, [])
    try:
        data = read_toml(path, label, max_bytes=max_bytes)
    except SeedError as exc:
        out.errors.append(exc)
        return out
    for key, items in data.items():
        if key not in _TOP_LEVEL:
            reason = f"unknown top-level key {key!r} (allowed: event, revision, series)"
            out.errors.append(SeedError(label, reason))
        elif not isinstance(items, list):
            out.errors.append(SeedError(label, f"{key!r} must be an array of tables ([[{key}]])"))
        else:
            out.entries[key] = [
                _read_entry(label, key, i, item, out.errors) for i, item in enumerate(items)
            ]
    return out


def _read_entry(label: str, key: str, index: int, item: Any, errors: list[SeedError]) -> _Entry:
    if not isinstance(item, dict):
        errors.append(SeedError(label, f"{key}[{index}] is not a table", record=f"#{index}"))
        return _Entry(f"#{index}", None, None)
    claimed = item.get("id")
    record = claimed if isinstance(claimed, str) and claimed else f"#{index}"
    rec = _Record(label, record, item, errors=errors)
    model = rec.attempt(lambda: _TOP_LEVEL[key](rec))
    return _Entry(record, claimed if isinstance(claimed, str) else None, model)


def read_records(
    path: Path, label: str, *, max_bytes: int = MAX_FILE_BYTES
) -> dict[str, list[tuple[str, Any]]]:
    """Read and validate one catalogue file into its records, without cross-checks.

    Args:
        path: The file.
        label: How errors name it.
        max_bytes: The largest file accepted (see :mod:`summitcal.catalog.tomlsafe`).

    Returns:
        ``{"series": [...], "event": [...], "revision": [...]}``, each a list of
        ``(record name, model)`` pairs in file order.

    Raises:
        SeedErrors: Carrying every defect of the file, in record order, each naming
            ``label``, the record and the field.
    """
    parsed = _read_file(path, label, max_bytes)
    if parsed.errors:
        raise SeedErrors(parsed.errors)
    return {
        key: [(entry.record, entry.model) for entry in entries]
        for key, entries in parsed.entries.items()
    }


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
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    if checkout.is_dir():
        return checkout
    raise SeedError(str(packaged), "the shipped catalogue is missing from this install")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise SeedError(str(path), "no *.toml catalogue files in this directory")
        return files
    # Anything else that exists (a FIFO, a device, a broken symlink) is left to the
    # reader, which says what it is.
    if os.path.lexists(path):
        return [path]
    raise SeedError(str(path), "no such file or directory")


def load_catalog(
    path: StrPath | Iterable[StrPath] | None = None,
    *,
    include_shipped: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Catalog:
    """Load and validate a catalogue.

    Every file and every record is read before anything is refused, so that one call
    reports all that is wrong: first each file's own errors (in file order, then record
    order, then field order), then the checks across files: duplicate ids, unknown
    series and parents, revisions of unknown events, and parent cycles.  A record that
    is refused still counts as defined for those checks, so its children, members or
    revision are not reported again.

    Args:
        path: A TOML file, a directory of them, or several of either.  ``None`` loads the
            catalogue shipped with summitcal.
        include_shipped: Also load the shipped catalogue, so that your own records can
            name its series and parents.
        max_file_bytes: The largest file read; a file over it is refused unparsed (see
            :mod:`summitcal.catalog.tomlsafe` for this and the other limits).

    Returns:
        The validated :class:`Catalog`.

    Raises:
        SeedErrors: Always this :class:`~summitcal.errors.SeedError` subclass, even for a
            single problem.  Its ``errors`` holds one :class:`SeedError` per problem, each
            with ``path``, ``record``, ``field`` and ``reason``; the error itself reads
            as its first entry.

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

    errors: list[SeedError] = []
    files: list[tuple[str, _FileRecords]] = []
    for base in paths:
        try:
            found = _files(base)
        except SeedError as exc:
            errors.append(exc)
            continue
        for file in found:
            parsed = _read_file(file, str(file), max_file_bytes)
            errors.extend(parsed.errors)
            files.append((str(file), parsed))
    known = _Known.collect(files, errors)
    errors.extend(known.reference_errors())
    if errors:
        raise SeedErrors(errors)
    return Catalog(
        events=[e for _, e in known.events.values()],
        series={k: v for k, (_, v) in sorted(known.series.items())},
        revisions={k: v for k, (_, v) in sorted(known.revisions.items())},
    )


@attrs.define
class _Known:
    """Every id the files define, and the models that were read cleanly, by kind.

    Attributes:
        claimed: Per top-level key, each id a record claims (even a refused one).
        events, series, revisions: The clean models by id, with the file of each.
    """

    claimed: dict[str, set[str]]
    events: dict[str, tuple[str, Event]]
    series: dict[str, tuple[str, Series]]
    revisions: dict[str, tuple[str, Revision]]

    @classmethod
    def collect(cls, files: Iterable[tuple[str, _FileRecords]], errors: list[SeedError]) -> _Known:
        """Gather the files' records, noting each duplicate id in ``errors``."""
        known = cls({key: set() for key in _TOP_LEVEL}, {}, {}, {})
        first_file: dict[tuple[str, str], str] = {}
        models: dict[str, dict[str, tuple[str, Any]]] = {
            "event": known.events,
            "series": known.series,
            "revision": known.revisions,
        }
        for label, parsed in files:
            for key, entries in parsed.entries.items():
                for entry in entries:
                    if entry.id is None:
                        continue
                    if entry.id in known.claimed[key]:
                        reason = (
                            f"duplicate {key} id (first defined in {first_file[key, entry.id]})"
                        )
                        errors.append(SeedError(label, reason, record=entry.record, field="id"))
                        continue
                    known.claimed[key].add(entry.id)
                    first_file[key, entry.id] = label
                    if entry.model is not None:
                        models[key][entry.id] = (label, entry.model)
        return known

    def reference_errors(self) -> list[SeedError]:
        """Unknown series and parents, revisions of unknown events, parent cycles.

        Ids that a refused record claims count as known, so that one bad record does not
        make its children, members or revision wrong too.
        """
        errors = []
        events, series = self.claimed["event"], self.claimed["series"]
        for event_id, (label, event) in self.events.items():
            if event.parent is not None and event.parent not in events:
                reason = f"unknown parent {event.parent!r}"
                errors.append(SeedError(label, reason, record=event_id, field="parent"))
            for s in event.series:
                if s not in series:
                    reason = f"unknown series {s!r}"
                    errors.append(SeedError(label, reason, record=event_id, field="series"))
        for event_id, (label, _rev) in self.revisions.items():
            if event_id not in events:
                reason = "revision for an unknown event"
                errors.append(SeedError(label, reason, record=event_id, field="id"))
        parents = {
            i: e.parent if e.parent in self.events else None for i, (_, e) in self.events.items()
        }
        for cycle in _find_parent_cycles(parents):
            path = " -> ".join([*cycle, cycle[0]])
            errors.append(
                SeedError(
                    self.events[cycle[0]][0],
                    f"parents form a cycle: {path}",
                    record=cycle[0],
                    field="parent",
                )
            )
        return errors


def _find_parent_cycles(parents: Mapping[str, str | None]) -> list[list[str]]:
    """Each cycle of parents, once, from its member that comes first in ``parents``.

    One walk up from each event not yet seen, stopping at an event already seen: each
    parent is looked up once, so the time is linear in the number of events however
    long the chains (following every event's whole chain was quadratic: 20,000 chained
    events took 50 s).

    Args:
        parents: Each event's parent, or ``None``; every parent given is a key.
    """
    on_walk, done = 1, 2
    state: dict[str, int] = {}
    cycles = []
    for start in parents:
        walk = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = on_walk
            walk.append(node)
            node = parents.get(node)
        if node is not None and state[node] == on_walk:  # the walk came back to itself
            cycles.append(walk[walk.index(node) :])
        for seen in walk:
            state[seen] = done
    if not cycles:
        return []
    order = {event_id: i for i, event_id in enumerate(parents)}
    return [_rotate_to_first(cycle, order) for cycle in cycles]


def _rotate_to_first(cycle: list[str], order: Mapping[str, int]) -> list[str]:
    first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
    return cycle[first:] + cycle[:first]
