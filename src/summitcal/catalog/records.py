"""Reading the records of one catalogue file into models, without cross-checks.

A file holds any of three arrays of tables:

``[[series]]``
    ``id``, ``title``, ``description``: the series that events belong to.
``[[event]]``
    One event: see :data:`~summitcal.catalog.fields.EVENT_FIELDS` and the README.
``[[revision]]``
    ``id``, ``sequence``, ``digest``, ``modified``: the published revision of an event,
    which the iCalendar layer turns into SEQUENCE and LAST-MODIFIED.

Every record and every field is read before anything is refused: unknown fields (a typo
is never ignored), wrong types, ids that are not lower-case words joined by '-', days
that end on 9999-12-31 (no calendar entry can end the day after), unknown country codes
or time zones, a zone given both in the place and beside it, a location that is not one
line of text or is given beside a place, URLs that are not http(s), events without
sources, alternatives that name an unknown field or hold a value their field cannot,
and a date phrase that disagrees with the absolute date given beside it.
The checks across records and files are :mod:`summitcal.catalog.load`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from summitcal.catalog.fields import Record
from summitcal.catalog.readers import read_event, read_revision, read_series
from summitcal.catalog.tomlsafe import MAX_FILE_BYTES, read_toml
from summitcal.errors import SeedError, SeedErrors

__all__ = ["read_records"]

TOP_LEVEL = {"series": read_series, "event": read_event, "revision": read_revision}


@attrs.frozen
class _Entry:
    """One top-level record of a file: its name for errors, the id it claims (a string,
    even if refused), and its model, or ``None`` if it was refused.

    ``refs`` holds, for a refused event, the parent and series it names (where they are
    strings), so that they are checked in the same run as the fault that refused it.
    """

    record: str
    id: str | None
    model: Any
    refs: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class FileRecords:
    """What one file holds: its entries by top-level key, and the errors found."""

    entries: dict[str, list[_Entry]]
    errors: list[SeedError]


def read_file(path: Path, label: str, max_bytes: int) -> FileRecords:
    """Every record of one file, each read in full, and every error of the file."""
    out = FileRecords({key: [] for key in TOP_LEVEL}, [])
    try:
        data = read_toml(path, label, max_bytes=max_bytes)
    except SeedError as exc:
        out.errors.append(exc)
        return out
    for key, items in data.items():
        if key not in TOP_LEVEL:
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
    rec = Record(label, record, item, errors=errors)
    model = rec.attempt(lambda: TOP_LEVEL[key](rec))
    refs = _references(item) if key == "event" and model is None else ()
    return _Entry(record, claimed if isinstance(claimed, str) else None, model, refs)


def _references(item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The parent and series a raw event record names, as far as they are strings."""
    parent, series = item.get("parent"), item.get("series")
    refs = [("parent", parent)] if isinstance(parent, str) else []
    members = [series] if isinstance(series, str) else series if isinstance(series, list) else []
    return (*refs, *(("series", s) for s in members if isinstance(s, str)))


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
    parsed = read_file(path, label, max_bytes)
    if parsed.errors:
        raise SeedErrors(parsed.errors)
    return {
        key: [(entry.record, entry.model) for entry in entries]
        for key, entries in parsed.entries.items()
    }
