"""Parse iCalendar files with vobject, `ical` (Home Assistant's) and ics-py; print JSON.

Runs in the interop environment (.ci/interop-setup.sh), not summitcal's own.  Usage:
``python check_python.py FILE...``.  Output: ``{file: {parser: {"error": str | null,
"events": {uid: {"summary", "description", "location", "start", "end"}}}}}`` with dates
as ``YYYY-MM-DD`` and times as UTC ISO strings.
"""

from __future__ import annotations

import json
import sys
import traceback
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any


def norm(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "floating:" + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def with_vobject(text: str) -> dict[str, Any]:
    import vobject

    cal = vobject.readOne(text, validate=True)
    out = {}
    for ev in cal.vevent_list:

        def get(name: str, ev: Any = ev) -> Any:
            child = getattr(ev, name, None)
            return child.value if child is not None else None

        out[get("uid")] = {
            "summary": get("summary"),
            "description": get("description"),
            "location": get("location"),
            "start": norm(get("dtstart")),
            "end": norm(get("dtend")),
        }
    return out


def with_ical(text: str) -> dict[str, Any]:
    from ical.calendar_stream import IcsCalendarStream

    cal = IcsCalendarStream.calendar_from_ics(text)
    return {
        ev.uid: {
            "summary": ev.summary,
            "description": ev.description,
            "location": ev.location,
            "start": norm(ev.dtstart),
            "end": norm(ev.dtend),
        }
        for ev in cal.events
    }


def with_ics(text: str) -> dict[str, Any]:
    import ics

    cal = ics.Calendar(text)
    out = {}
    for ev in cal.events:
        if ev.all_day:
            start, end = ev.begin.date(), ev.end.date()
        else:
            start, end = ev.begin.datetime, ev.end.datetime
        out[ev.uid] = {
            "summary": ev.name,
            "description": ev.description,
            "location": ev.location,
            "start": norm(start),
            "end": norm(end),
        }
    return out


PARSERS = {"vobject": with_vobject, "ical": with_ical, "ics": with_ics}


def main(paths: list[str]) -> None:
    report: dict[str, Any] = {}
    for path in paths:
        text = Path(path).read_text("utf-8")
        report[path] = {}
        for name, parse in PARSERS.items():
            try:
                report[path][name] = {"error": None, "events": parse(text)}
            except Exception as exc:  # any failure is a finding to report, not to hide
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                report[path][name] = {"error": detail, "events": {}}
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
