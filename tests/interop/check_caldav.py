"""Upload iCalendar files to a running Radicale server and read them back with `caldav`.

Runs in the interop environment.  Usage: ``python check_caldav.py BASE_URL FILE...``
where BASE_URL is the server's root (``http://127.0.0.1:PORT``).  Each file is PUT as a
whole calendar to ``/summitcal/<file stem>/``; the events are then listed through the
caldav client.  Prints JSON: ``{file: {"status": int, "error": str | null, "events":
{uid: {"summary", "description", "location", "start", "end"}}}}``.
"""

from __future__ import annotations

import json
import sys
import traceback
import urllib.request
from pathlib import Path
from typing import Any

from check_python import norm

USER = "summitcal"


def put(url: str, data: bytes) -> int:
    request = urllib.request.Request(
        url, data=data, method="PUT", headers={"Content-Type": "text/calendar; charset=utf-8"}
    )
    import base64

    token = base64.b64encode(f"{USER}:x".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def read(base: str, url: str) -> dict[str, Any]:
    import caldav

    with caldav.DAVClient(url=base, username=USER, password="x") as client:
        calendar = client.calendar(url=url)
        out = {}
        for item in calendar.events():
            comp = item.icalendar_component

            def text(name: str, comp: Any = comp) -> str | None:
                return str(comp[name]) if name in comp else None

            out[str(comp["UID"])] = {
                "summary": text("SUMMARY"),
                "description": text("DESCRIPTION"),
                "location": text("LOCATION"),
                "start": norm(comp["DTSTART"].dt),
                "end": norm(comp["DTEND"].dt) if "DTEND" in comp else None,
            }
        return out


def main(base: str, paths: list[str]) -> None:
    report: dict[str, Any] = {}
    for path in paths:
        url = f"{base}/{USER}/{Path(path).stem}/"
        entry: dict[str, Any] = {"status": None, "error": None, "events": {}}
        try:
            entry["status"] = put(url, Path(path).read_bytes())
            if entry["status"] in (200, 201, 204):
                entry["events"] = read(base, url)
        except Exception as exc:  # a finding to report, not to hide
            entry["error"] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        report[path] = entry
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2:])
