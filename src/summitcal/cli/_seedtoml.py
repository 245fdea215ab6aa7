"""Events as catalogue records: the ``[[event]]`` TOML that ``seeds/*.toml`` holds.

Only what the loader reads is written, so that :func:`summitcal.load_catalog` gives the
same events back.  Strings are TOML basic strings: ``json.dumps`` escapes quotes,
backslashes and control characters as TOML does; DEL, which TOML forbids raw, and lone
surrogates, which UTF-8 cannot carry, are escaped or replaced here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from summitcal.models.events import Event, Place

__all__ = ["event_record"]


def _string(text: str) -> str:
    safe = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    return json.dumps(safe, ensure_ascii=False).replace("\x7f", "\\u007f")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    return "[" + ", ".join(_value(v) for v in value) + "]"


def _lines(pairs: Iterable[tuple[str, Any]]) -> list[str]:
    return [f"{k} = {_value(v)}" for k, v in pairs if v not in (None, "", ())]


def _place(place: Place) -> list[str]:
    fields = ("venue", "city", "region", "country", "zone", "lat", "lon")
    lines = _lines((f, getattr(place, f)) for f in fields)
    return lines + (["virtual = true"] if place.virtual else [])


def event_record(event: Event, *, comments: Iterable[str] = ()) -> str:
    """``event`` as one ``[[event]]`` record, with ``comments`` as ``#`` lines above it.

    The event's zone is its place's when the place has that zone, else it is written
    beside ``when`` (``zone = "UTC"``), as the loader reads it; so is a ``location``,
    which an event has only without a place.
    """
    place_zone = event.place.zone if event.place is not None else None
    head = [f"# {line}" for text in comments for line in text.splitlines()]
    lines = [*head, "[[event]]"]
    lines += _lines(
        [
            ("id", event.id),
            ("kind", event.kind.value),
            ("title", event.title),
            ("when", event.when.timex),
            ("when_mod", event.when.mod.value if event.when.mod else None),
            ("zone", None if place_zone == event.when.zone else event.when.zone),
            ("location", event.location),
            ("status", event.status.value),
            ("parent", event.parent),
            ("description", event.description),
            ("tags", event.tags),
            ("url", event.url),
        ]
    )
    if event.place is not None:
        lines += ["", "[event.place]", *_place(event.place)]
    for actor in event.actors:
        lines += ["", "[[event.actors]]"]
        lines += _lines(
            [
                ("name", actor.name),
                ("kind", actor.kind.value),
                ("role", actor.role.value),
                ("country", actor.country),
                ("title", actor.title),
                ("note", actor.note),
            ]
        )
    for source in event.sources:
        lines += ["", "[[event.sources]]", *_lines([("url", source.url)])]
        lines += _lines([("publisher", source.publisher), ("title", source.title)])
        if source.published is not None:
            lines.append(f"published = {source.published.isoformat()}")
        lines += _lines(
            [("phrase", source.phrase), ("kind", source.kind.value if source.kind else None)]
        )
    for alternative in event.alternatives:
        lines += ["", "[[event.alternatives]]"]
        lines += _lines(
            [
                ("field", alternative.field),
                ("value", alternative.value),
                ("status", alternative.status.value),
                ("note", alternative.note),
                ("sources", alternative.sources),
            ]
        )
    return "\n".join(lines) + "\n"
