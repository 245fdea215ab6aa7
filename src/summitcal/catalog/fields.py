"""The fields of a catalogue record, and reading one TOML table: every refusal noted.

A :class:`Record` is one table being converted; its field readers (:meth:`Record.text`,
:meth:`Record.enum`, :meth:`Record.each`...) raise a :class:`~summitcal.errors.SeedError`
naming the file, the record and the field, and :meth:`Record.attempt` notes it and lets
the next field be read, so that one pass reports every defect.  The catalogue's own
records are built from these in :mod:`summitcal.catalog.records`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from summitcal.errors import SeedError
from summitcal.models.events import is_valid_id, is_web_url

__all__ = ["ALTERNATIVE_FIELDS", "EVENT_FIELDS", "Record", "RecordFailed"]

_E = TypeVar("_E")
_EnumT = TypeVar("_EnumT", bound=enum.Enum)


class RecordFailed(Exception):
    """A record (or a table inside it) is unusable; its errors are already noted."""


class Record:
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
        except RecordFailed:
            pass  # noted where it was found
        return None

    def read(self, readers: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
        """Each field's value by :meth:`attempt`, then :meth:`finish`.

        Raises:
            RecordFailed: If any field, or anything earlier in this table, failed.
        """
        values = {name: self.attempt(reader) for name, reader in readers.items()}
        self.finish()
        return values

    def finish(self) -> None:
        """Raise :class:`RecordFailed` if anything in this table failed."""
        if self.failed:
            raise RecordFailed

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

    def each(self, field: str, read: Callable[[Record], _E]) -> tuple[_E, ...]:
        """``read`` applied to each table of the array ``field``; each failure is noted,
        and the tables that read cleanly are returned."""
        value = self.get(field, list) or []
        out = []
        for i, item in enumerate(value):
            where = f"{self.prefix}{field}[{i}]"
            if not isinstance(item, dict):
                self.errors.append(self.error(f"{field}[{i}]", f"expected a table, got {item!r}"))
                continue
            table = Record(self.path, self.record, item, f"{where}.", self.errors)
            result = table.attempt(partial(read, table))
            if result is not None:
                out.append(result)
        return tuple(out)

    def table(self, field: str) -> Record | None:
        value = self.get(field, dict)
        if value is None:
            return None
        return Record(self.path, self.record, value, f"{self.prefix}{field}.", self.errors)

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


def _check_url(rec: Record, field: str, value: str) -> None:
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
    "zone": "IANA time zone of `when` for an event whose place gives none (or has no place)",
    "location": "where, as a source wrote it, for an event without a place: one line of text",
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
