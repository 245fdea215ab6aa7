"""The runnable examples run, and do what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from icalendar import Calendar

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_quickstart(tmp_path: Path) -> None:
    """The tour prints the Paris dates, resolves the trip and writes a calendar file."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    assert "AI Action Summit: 2025-02-10/2025-02-11 (day)" in out
    assert "'from Sunday to Wednesday' -> 2025-02-09/2025-02-12" in out
    assert "'May last year' -> 2024-05" in out
    calendar = Calendar.from_ical((tmp_path / "ai-summits.ics").read_bytes())
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert "ai-action-summit-2025@summitcal" in uids
    assert f"wrote ai-summits.ics: {len(uids)} events" in out
