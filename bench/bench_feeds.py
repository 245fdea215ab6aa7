"""Feed building speed and memory: summitcal's to_ical against bare icalendar.

Builds synthetic catalogues of N events (all-day and zoned timed events, places, sources,
actors) and, for each N, times

* ``summitcal``: :func:`summitcal.ical.write.to_ical` over the events;
* ``bare``: the same VEVENTs built by hand with icalendar 7 (``Calendar.new``,
  ``Event.new``, the same properties, the same JSON payload, the zones added with
  ``add_missing_timezones``), as a user of icalendar alone would write it;

and prints seconds, the ratio, microseconds per event, peak traced memory (tracemalloc,
measured in a second run so that tracing does not distort the times) and the feed size.
The target is a ratio of at most 1.5, growing linearly with N.

With ``--file``, each feed is written to a file instead, each (who, N) in a fresh process
(``--repeat`` times, in turn, medians printed): ``bare`` writes its bytes, ``summitcal``
calls :func:`summitcal.ical.write.write_calendar` (which also syncs the file to disk).  It
prints the seconds of the writing alone and their CPU time (which a busy machine
distorts less), each with its ratio to bare, the peak resident memory of the process
(``ru_maxrss``) and how much of it the events themselves took (resident memory once they
are built).

Usage: ``python bench/bench_feeds.py [--sizes 1000 10000 100000] [--file [--repeat N]]``
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as VEvent

from summitcal.ical.write import to_ical, write_calendar
from summitcal.models.events import Actor, ActorKind, Event, EventKind, Place, Role, Source, Status
from summitcal.models.serialize import event_to_dict
from summitcal.span.span import DateSpan
from summitcal.span.zones import get_zone

ZONES = ["Europe/Paris", "Asia/Shanghai", "America/New_York", "Asia/Kolkata"]


def synthetic(n: int, seed: int = 7) -> list[Event]:
    """``n`` varied events; the same list for the same ``n`` and seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        first = date(2020, 1, 1) + timedelta(days=rng.randrange(3650))
        zone = rng.choice(ZONES)
        if rng.random() < 0.3:
            when = DateSpan.at(first, clock(rng.randrange(8, 20)), end=clock(21), zone=zone)
        else:
            when = DateSpan.days(first, first + timedelta(days=rng.randrange(4)), zone=zone)
        out.append(
            Event(
                id=f"event-{i}",
                kind=rng.choice(list(EventKind)),
                title=f"Meeting number {i}; on AI, governance and safety",
                when=when,
                status=rng.choice(list(Status)),
                sources=[
                    Source(
                        url=f"https://example.org/news/{i}",
                        publisher="Example News",
                        title=f"Report {i}",
                        published=first - timedelta(days=3),
                    )
                ],
                place=Place(country="FR", city="Paris", venue="Hall", zone=zone),
                description="A synthetic event.\nIt has two lines, commas; and semicolons.",
                series=("ai-summit",),
                actors=[Actor(name="France", kind=ActorKind.COUNTRY, role=Role.HOST)],
                outcomes=("A statement",),
                tags=("bench", "synthetic"),
            )
        )
    return out


def bare(events: list[Event]) -> bytes:
    """The same feed, by hand, with icalendar alone."""
    cal = Calendar.new(name="Bench", prodid="-//bench//EN", uid="bench@example.org")
    for e in sorted(events, key=lambda e: e.sort_key):
        w = e.when
        if w.is_timed:
            tz = get_zone(w.zone or "UTC")
            start: date = datetime.combine(w.first, w.start_time or clock(0), tzinfo=tz)
            end: date = datetime.combine(w.last, w.end_time or clock(0), tzinfo=tz)
        else:
            start, end = w.first, w.last + timedelta(days=1)
        stamp = datetime.combine(e.sources[0].published or w.first, clock(0), tzinfo=UTC)
        sources = "\n".join(f"- {s.publisher}: {s.title} <{s.url}>" for s in e.sources)
        hosts = "; ".join(a.name for a in e.actors)
        ev = VEvent.new(
            uid=f"{e.id}@summitcal",
            stamp=stamp,
            start=start,
            end=end,
            sequence=0,
            last_modified=stamp,
            status="CONFIRMED",
            summary=e.title,
            description=f"{e.description}\n\nHosts: {hosts}\n\nSources:\n{sources}",
            location=f"{e.place.venue}, {e.place.city}" if e.place else None,
            categories=[e.kind.value, *e.series, *e.tags],
        )
        ev.add("TRANSP", "TRANSPARENT")
        ev.add("X-SUMMITCAL-EVENT", json.dumps(event_to_dict(e), ensure_ascii=False))
        cal.add_component(ev)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def ours(events: list[Event]) -> bytes:
    return to_ical(events, name="Bench")


def measure(fn: Callable[[list[Event]], bytes], events: list[Event]) -> tuple[float, int, int]:
    """Seconds (untraced), peak traced bytes, output size."""
    t0 = time.perf_counter()
    data = fn(events)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    fn(events)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, len(data)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(who: str, n: int, path: Path) -> None:
    """Write one feed to ``path`` in this process; print seconds, RSS and size as JSON."""
    events = synthetic(n)
    before = _rss_mib()
    t0, c0 = time.perf_counter(), time.process_time()
    if who == "bare":
        path.write_bytes(bare(events))
    else:
        write_calendar(events, path, name="Bench")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = path.stat().st_size
    print(json.dumps({"s": seconds, "cpu": cpu, "rss": _rss_mib(), "events": before, "size": size}))


def files(sizes: list[int], repeat: int) -> None:
    header = (
        f"{'events':>8} {'who':>9} {'seconds':>8} {'ratio':>6} {'CPU s':>7} {'ratio':>6} "
        f"{'peak RSS MiB':>13} {'of it events':>13} {'feed MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            runs: dict[str, list[dict[str, float]]] = {"bare": [], "summitcal": []}
            for rep in range(repeat):
                order = ["bare", "summitcal"] if rep % 2 == 0 else ["summitcal", "bare"]
                for who in order:
                    out = subprocess.run(
                        [sys.executable, __file__, "--child", who, str(n), f"{tmp}/{who}.ics"],
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                    runs[who].append(json.loads(out))
            base = statistics.median(r["s"] for r in runs["bare"])
            base_cpu = statistics.median(r["cpu"] for r in runs["bare"])
            for who, rows in runs.items():
                sec = statistics.median(r["s"] for r in rows)
                cpu = statistics.median(r["cpu"] for r in rows)
                print(
                    f"{n:>8} {who:>9} {sec:>8.2f} {sec / base:>6.2f} "
                    f"{cpu:>7.2f} {cpu / base_cpu:>6.2f} "
                    f"{statistics.median(r['rss'] for r in rows):>13.0f} "
                    f"{statistics.median(r['events'] for r in rows):>13.0f} "
                    f"{rows[0]['size'] / 2**20:>9.2f}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--file", action="store_true", help="write files, fresh processes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per (who, N) with --file")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        who, n, path = args.child
        child(who, int(n), Path(path))
        return
    if args.file:
        files(args.sizes, args.repeat)
        return
    header = (
        f"{'events':>8} {'who':>9} {'seconds':>8} {'us/event':>9} {'ratio':>6} "
        f"{'peak MiB':>9} {'feed MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        events = synthetic(n)
        base = measure(bare, events)
        mine = measure(ours, events)
        for who, (sec, peak, size) in (("bare", base), ("summitcal", mine)):
            ratio = sec / base[0]
            print(
                f"{n:>8} {who:>9} {sec:>8.2f} {sec / n * 1e6:>9.0f} {ratio:>6.2f} "
                f"{peak / 2**20:>9.1f} {size / 2**20:>9.2f}"
            )


if __name__ == "__main__":
    main()
