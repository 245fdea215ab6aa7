"""``summitcal import FILE.ics``: a foreign calendar as candidate catalogue records.

The feed is read by :func:`summitcal.ical.read.read_calendar`; its events are written as
``[[event]]`` records of the seeds format, for a person to check and add to a catalogue.
Whatever was not read (alarms, attendees, components other than events, rules without
end past the horizon) is said on stderr, one line each, as is every recurring series
expanded.

The catalogue format keeps a timed event's zone in its place, and a place needs a
country: an event with a zone and no place gets the zone's country from the tz
database's ``zone.tab``, said in a comment above the record; a zone with no country
(UTC) cannot be kept and is said on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.resources
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import attrs

from summitcal.cli._common import (
    add_allow_empty_argument,
    add_force_argument,
    iso_date,
    refuse_empty,
)
from summitcal.cli._seedtoml import event_record
from summitcal.errors import FeedError, SeedError
from summitcal.models.events import Event, Place

EXAMPLE = """\
Example:
  summitcal import meetings.ics --source-url https://example.org/meetings.ics
  summitcal import meetings.ics --horizon 2026-12-31 --out my-events/meetings.toml
"""

#: How every file this command writes begins (``--out`` replaces only such files).
HEADER = "# Candidate catalogue records, written by summitcal import from "
#: How far past today recurring events are read without ``--horizon``.
DEFAULT_HORIZON = timedelta(days=365)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="turn a foreign .ics calendar into candidate catalogue records",
        description="Read an iCalendar file and write its events as catalogue records "
        "(the seeds TOML format) on stdout or to --out. Recurring events become one "
        "record per occurrence up to --horizon; what is not read is said on stderr.",
        epilog=EXAMPLE,
    )
    p.add_argument("file", metavar="FILE.ics", help="the calendar to read")
    p.add_argument(
        "--source-url",
        metavar="URL",
        help="the http(s) address to cite as the source of events without a URL of "
        "their own (without it they are not read)",
    )
    p.add_argument(
        "--horizon",
        type=iso_date,
        metavar="DATE",
        help="read recurring events up to this day (default: a year from today)",
    )
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write here (default: stdout); an existing file is replaced only if this "
        "command wrote it",
    )
    add_force_argument(p, "the --out file")
    add_allow_empty_argument(p)
    p.set_defaults(handler=run)


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Zone key -> ISO country code, from the pinned tz database's ``zone.tab``."""
    text = importlib.resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {row[2]: row[0] for row in rows if len(row) >= 3}


def candidate(event: Event, known: set[str]) -> tuple[Event, list[str], list[str]]:
    """``event`` made fit for the catalogue format, with the comments to write above
    it and the warnings to say on stderr."""
    comments: list[str] = []
    warnings: list[str] = []
    zone = event.when.zone
    if zone is not None and event.place is None:
        country = _zone_countries().get(zone)
        if country is not None:
            event = attrs.evolve(event, place=Place(country=country, zone=zone))
            comments.append(f"country {country} inferred from the time zone {zone}: check it")
        else:
            warnings.append(
                f"{event.id}: its zone {zone} has no country, and the catalogue keeps a "
                "zone only in a place: the times are written without it"
            )
    if event.parent is not None and event.parent not in known:
        comments.append(f"part of {event.parent}, which is not in the calendar")
        event = attrs.evolve(event, parent=None)
    return event, comments, warnings


def run(args: argparse.Namespace) -> int:
    from summitcal.catalog.load import shipped_seeds_path
    from summitcal.ical.read import read_calendar
    from summitcal.publish import write_file

    if args.source_url is not None and not args.source_url.startswith(("http://", "https://")):
        raise FeedError(args.source_url, "--source-url must be an http(s) URL")
    horizon = args.horizon or args.now.date() + DEFAULT_HORIZON
    result = read_calendar(Path(args.file), source_url=args.source_url, horizon=horizon)
    for series in result.recurrences:
        print(f"summitcal: {args.file}: {series}", file=sys.stderr)
    for skip in result.skipped:
        print(f"summitcal: {args.file}: not read: {skip}", file=sys.stderr)
    status = refuse_empty(result.events, args, "nothing written")
    if status is not None:
        return status
    known = {e.id for e in result.events}
    records = []
    for event in result.events:
        fitted, comments, warnings = candidate(event, known)
        for warning in warnings:
            print(f"summitcal: {args.file}: {warning}", file=sys.stderr)
        records.append(event_record(fitted, comments=comments))
    name = f" ({result.name})" if result.name else ""
    text = f"{HEADER}{Path(args.file).name}{name}.\n# Check each one.\n\n" + "\n".join(records)
    if args.out:
        protected = [Path(args.file)]  # the input, and the shipped catalogue, stay as they are
        with contextlib.suppress(SeedError):
            protected.append(shipped_seeds_path())
        write_file(
            args.out,
            text.encode("utf-8"),
            is_ours=lambda head: head.startswith(HEADER.encode("utf-8")),
            catalogue=protected,
            force=args.force,
        )
    else:
        sys.stdout.write(text)
    return 0
