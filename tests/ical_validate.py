"""Checks of an emitted feed that icalendar's own validation does not make.

Used by the iCalendar, feed and interop tests: :func:`feed_problems` returns every rule a
feed breaks (an empty tuple for a good feed), so a failing test shows all of them at once.
"""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

ALLOWED_COMPONENTS = {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"}


def _line_problems(data: bytes) -> list[str]:
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    stack: list[bytes] = []
    for n, line in enumerate(lines, 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {n}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: a character split by folding, or not UTF-8")
        if line.startswith(b"BEGIN:"):
            stack.append(line[6:])
            if line[6:].decode("ascii", "replace") not in ALLOWED_COMPONENTS:
                problems.append(f"line {n}: unexpected component {line[6:]!r}")
        elif line.startswith(b"END:") and (not stack or stack.pop() != line[4:]):
            problems.append(f"line {n}: END without its BEGIN")
    if stack:
        problems.append(f"components left open: {stack}")
    return problems


def feed_problems(data: bytes) -> tuple[str, ...]:
    """Every rule ``data`` breaks: line syntax, one calendar, and per VEVENT a unique UID,
    DTSTAMP in UTC, DTSTART, DTEND after it of the same value type, no TZID on a DATE and
    no floating time, and every TZID declared by a VTIMEZONE (sorted, none unused)."""
    problems = _line_problems(data)
    cal = Calendar.from_ical(data)
    for prop in ("VERSION", "PRODID", "UID", "X-WR-CALNAME", "NAME"):
        if prop not in cal:
            problems.append(f"calendar: no {prop}")
    tzids = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
    if tzids != sorted(tzids) or len(set(tzids)) != len(tzids):
        problems.append(f"VTIMEZONEs not sorted and unique: {tzids}")
    used: set[str] = set()
    uids: set[str] = set()
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        where = f"VEVENT {uid or '?'}"
        if not uid:
            problems.append(f"{where}: no UID")
        elif uid in uids:
            problems.append(f"{where}: duplicate UID")
        uids.add(uid)
        stamp = ev.get("DTSTAMP")
        if stamp is None or not isinstance(stamp.dt, datetime) or stamp.dt.utcoffset() is None:
            problems.append(f"{where}: DTSTAMP missing or not UTC")
        elif stamp.dt.utcoffset().total_seconds() != 0:
            problems.append(f"{where}: DTSTAMP not UTC")
        if ev.errors:
            problems.append(f"{where}: parse errors {ev.errors}")
        if "DTSTART" not in ev or "DTEND" not in ev:
            problems.append(f"{where}: DTSTART or DTEND missing")
            continue
        start, end = ev["DTSTART"], ev["DTEND"]
        for prop in (start, end):
            value = prop.dt
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    problems.append(f"{where}: floating time {value}")
                if "TZID" in prop.params:
                    used.add(prop.params["TZID"])
            elif isinstance(value, date):
                if "TZID" in prop.params:
                    problems.append(f"{where}: TZID on a DATE value")
                if prop.params.get("VALUE") != "DATE":
                    problems.append(f"{where}: DATE without VALUE=DATE")
        if type(start.dt) is not type(end.dt):
            problems.append(f"{where}: DTSTART and DTEND of different value types")
        elif not end.dt > start.dt:
            problems.append(f"{where}: DTEND {end.dt} not after DTSTART {start.dt}")
    undeclared = used - set(tzids)
    if undeclared:
        problems.append(f"TZIDs used but not declared: {sorted(undeclared)}")
    unused = set(tzids) - used
    if unused:
        problems.append(f"VTIMEZONEs declared but not used: {sorted(unused)}")
    return tuple(problems)
