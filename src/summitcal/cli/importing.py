"""``summitcal import FILE.ics``: a foreign calendar as candidate catalogue records.

The feed is read by :func:`summitcal.ical.read.read_calendar`; its events are written as
``[[event]]`` records of the seeds format, for a person to check and add to a catalogue.
Whatever was not read (alarms, attendees, components other than events, rules without
end past the horizon) is said on stderr, one line each, as is every recurring series
expanded.

Times keep their zone: in the place when it has one, else as the record's own ``zone``
(``zone = "UTC"``), so that ``summitcal ics --seeds`` writes them back as they were.  A
time that came without a usable zone keeps its clock time, and the record says, in a
comment above it, that it needs a zone to be written to calendars as a time.

A LOCATION that is no place ("Room 4", "Online") is the record's own ``location``,
exactly as written, so that ``summitcal ics --seeds`` writes it back as it was; a comment
above the record asks for a place where one is known.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import attrs

from summitcal.cli._common import (
    add_allow_empty_argument,
    add_force_argument,
    iso_date,
    output_path,
    refuse_empty,
)
from summitcal.cli._seedtoml import event_record
from summitcal.errors import FeedError, SeedError
from summitcal.models.events import Event

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
        type=output_path,
        help="write here (default: stdout); an existing file is replaced only if this "
        "command wrote it",
    )
    add_force_argument(p, "the --out file")
    add_allow_empty_argument(p)
    p.set_defaults(handler=run)


def candidate(event: Event, known: set[str]) -> tuple[Event, list[str]]:
    """``event`` made fit for the catalogue format, with the comments to write above it."""
    comments: list[str] = []
    if event.when.is_timed and event.when.zone is None:
        comments.append(
            "its times have no zone: give one (zone = ...) for calendars to show them as "
            "times, not as the whole day"
        )
    if event.location is not None:
        from summitcal.ical.foreign import zone_country
        from summitcal.models.countries import country_name

        country = zone_country(event.when.zone)
        hint = f" (its zone is {country_name(country)}'s)" if country else ""
        comments.append(
            f"its location is kept as written, without a place: give a place instead (with "
            f"its country) where one is known{hint}"
        )
    if event.parent is not None and event.parent not in known:
        comments.append(f"part of {event.parent}, which is not in the calendar")
        event = attrs.evolve(event, parent=None)
    return event, comments


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
        fitted, comments = candidate(event, known)
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
