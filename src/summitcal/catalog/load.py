"""Loading the catalogue: finding its files, reading them, and the checks across files.

Loading reads every file and every record (:mod:`summitcal.catalog.records`), then raises
one :class:`~summitcal.errors.SeedErrors` listing every problem, each a
:class:`~summitcal.errors.SeedError` naming the file, the record and the field: each
file's own errors, then duplicate ids, unknown parents or series, revisions of unknown
events and parent cycles.  Files that could exhaust the TOML parser are refused unread
(see :mod:`summitcal.catalog.tomlsafe`).
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.records import TOP_LEVEL, FileRecords, read_file
from summitcal.catalog.tomlsafe import MAX_FILE_BYTES
from summitcal.errors import SeedError, SeedErrors
from summitcal.models.events import Event, Series
from summitcal.models.revision import Revision

__all__ = ["load_catalog", "shipped_seeds_path"]

StrPath = str | os.PathLike[str]


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
    errors: list[SeedError] = []
    files = _read_files(_paths(path, include_shipped), max_file_bytes, errors)
    known = _Known.collect(files, errors)
    errors.extend(known.reference_errors())
    if errors:
        raise SeedErrors(errors)
    return Catalog(
        events=[e for _, e in known.events.values()],
        series={k: v for k, (_, v) in sorted(known.series.items())},
        revisions={k: v for k, (_, v) in sorted(known.revisions.items())},
    )


def _paths(path: StrPath | Iterable[StrPath] | None, include_shipped: bool) -> list[Path]:
    """The files and directories to load: ``path`` (one or several), or the shipped
    catalogue; the shipped one first too when ``include_shipped``."""
    if path is None:
        paths = [shipped_seeds_path()]
    elif isinstance(path, str | os.PathLike):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    if include_shipped and path is not None:
        paths.insert(0, shipped_seeds_path())
    return paths


def _read_files(
    paths: Iterable[Path], max_file_bytes: int, errors: list[SeedError]
) -> list[tuple[str, FileRecords]]:
    """Every file under ``paths`` read with its records, by name; the errors of finding
    and reading them are added to ``errors``."""
    files: list[tuple[str, FileRecords]] = []
    for base in paths:
        try:
            found = _files(base)
        except SeedError as exc:
            errors.append(exc)
            continue
        for file in found:
            parsed = read_file(file, str(file), max_file_bytes)
            errors.extend(parsed.errors)
            files.append((str(file), parsed))
    return files


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
    refused_refs: list[tuple[str, str, tuple[tuple[str, str], ...]]] = attrs.Factory(list)

    @classmethod
    def collect(cls, files: Iterable[tuple[str, FileRecords]], errors: list[SeedError]) -> _Known:
        """Gather the files' records, noting each duplicate id in ``errors``."""
        known = cls({key: set() for key in TOP_LEVEL}, {}, {}, {})
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
                    elif entry.refs:
                        known.refused_refs.append((label, entry.record, entry.refs))
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
        # A refused event's own references are checked too: one run reports them all.
        for label, record, refs in self.refused_refs:
            for field, target in refs:
                if target not in (events if field == "parent" else series):
                    reason = f"unknown {field} {target!r}"
                    errors.append(SeedError(label, reason, record=record, field=field))
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
