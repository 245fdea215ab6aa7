"""A tour of summitcal: the catalogue, the resolver and a calendar file.

Run it with ``python examples/quickstart.py [OUTPUT_DIR]``; it writes ``ai-summits.ics``
into OUTPUT_DIR (default: the current directory) and prints what it did.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import summitcal as sc


def main(out_dir: Path) -> None:
    catalog = sc.load_catalog()
    print(f"{len(catalog)} events in the shipped catalogue")

    # One summit, its dates and its parts.
    paris = catalog.get("ai-action-summit-2025")
    print(f"{paris.title}: {paris.when.timex} ({paris.when.granularity.value})")
    for part in catalog.children(paris.id):
        print(f"  {part.when.timex:<22} {part.title}")

    # Relative dates as a news report would write them, anchored to its publication day.
    published = date(2025, 2, 9)
    sentence = "The delegation will be in Paris from Sunday to Wednesday, the ministry said."
    trip = sc.resolve("from Sunday to Wednesday", reference=published, context=sentence)
    print(f"'from Sunday to Wednesday' -> {trip.timex}: {trip.explanation}")
    earlier = sc.resolve(
        "May last year", reference=published, context="The two leaders met in May last year."
    )
    print(f"'May last year' -> {earlier.timex}")

    # The summit series as a calendar file that any calendar app imports.
    summits = catalog.filter(series="ai-summit")
    path = sc.write_calendar(summits, out_dir / "ai-summits.ics", name="International AI summits")
    print(f"wrote {path.name}: {path.read_bytes().count(b'BEGIN:VEVENT')} events")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
