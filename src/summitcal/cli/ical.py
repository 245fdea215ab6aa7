"""``summitcal ics`` (a calendar feed) and ``summitcal revisions`` (keep SEQUENCE in step)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from summitcal.cli._common import (
    add_allow_empty_argument,
    add_catalog_arguments,
    add_filter_arguments,
    add_force_argument,
    catalogue_paths,
    load_from_args,
    output_path,
    refuse_empty,
)
from summitcal.errors import FeedError, SeedError

ICS_EXAMPLE = """\
Example:
  summitcal ics --feed ai-summits --out ai-summits.ics
  summitcal ics --country FR --year 2025 > france-2025.ics
  summitcal ics --feed all --include-undated --out all.ics
  summitcal ics --event ai-action-summit-2025 --out paris.ics
  summitcal ics --event ai-action-summit-2025 --with-parts --out paris-all.ics
  summitcal ics --list-feeds
"""

REVISIONS_EXAMPLE = """\
Example:
  summitcal revisions --check
  summitcal revisions --update
  summitcal revisions --update --seeds my-events/
"""

_FILTERS = ("series", "kind", "country", "status", "tag", "year", "start", "end")


def register(sub: Any) -> None:
    _register_ics(sub)
    _register_revisions(sub)


def _register_ics(sub: Any) -> None:
    p = sub.add_parser(
        "ics",
        help="write an iCalendar feed (a named feed or your own filters)",
        description=(
            "Write an iCalendar feed of catalogue events: a named feed (--feed) or the "
            "events the filters select. Events known only to the month or coarser are "
            "left out unless --include-undated. Writes to stdout unless --out."
        ),
        epilog=ICS_EXAMPLE,
    )
    add_catalog_arguments(p)
    add_filter_arguments(p)
    p.add_argument("--feed", metavar="NAME", help="a named feed (see --list-feeds)")
    p.add_argument("--within", metavar="ID", help="an event with all its parts")
    p.add_argument(
        "--event",
        metavar="ID",
        help="one event (by id, alias or title), to add to a calendar; written even when "
        "known only to the month or coarser",
    )
    p.add_argument(
        "--with-parts", action="store_true", help="with --event: its parts too, and theirs"
    )
    p.add_argument(
        "--include-undated",
        action="store_true",
        help="also list events known only to the month or coarser (as tentative spans)",
    )
    p.add_argument("--title", help="the calendar's name (filters only)")
    p.add_argument("--url", help="where the feed will be published (written into it)")
    p.add_argument(
        "--out",
        metavar="FILE",
        type=output_path,
        help="write here, atomically (default: stdout); an existing file is replaced "
        "only if summitcal wrote it",
    )
    add_force_argument(p, "the --out file")
    add_allow_empty_argument(p)
    p.add_argument("--list-feeds", action="store_true", help="list the named feeds and exit")
    p.set_defaults(handler=run_ics)


def _register_revisions(sub: Any) -> None:
    r = sub.add_parser(
        "revisions",
        help="check or update the SEQUENCE records (revisions.toml) of a catalogue",
        description=(
            "Compare each event's content digest with its record in revisions.toml. "
            "--check (the default) exits 1 if any record is missing or stale; --update "
            "bumps the sequence of changed events, starts new ones at 0, drops records of "
            "removed events, and stamps changes with the current time."
        ),
        epilog=REVISIONS_EXAMPLE,
    )
    r.add_argument(
        "--seeds",
        metavar="DIR",
        help="the catalogue directory whose revisions.toml to use (default: the shipped one)",
    )
    mode = r.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="report problems (default)")
    mode.add_argument("--update", action="store_true", help="rewrite revisions.toml")
    r.set_defaults(handler=run_revisions)


def run_ics(args: argparse.Namespace) -> int:
    from summitcal.feeds.feeds import (
        custom_feed_spec,
        feed_events,
        feed_specs,
        get_feed_spec,
        render_feed,
    )

    if args.list_feeds:
        for spec in feed_specs():
            sys.stdout.write(f"{spec.name:<12}  {spec.title}\n")
        return 0
    filters = {k: getattr(args, k) for k in _FILTERS if getattr(args, k) not in (None, [])}
    if args.with_parts and args.event is None:
        raise FeedError("--with-parts", "goes with --event ID")
    if args.event is not None:
        if filters or args.within or args.feed:
            raise FeedError(args.event, "give --event alone, without --feed, --within or filters")
        return _one_event(args)
    if args.feed is not None:
        if filters or args.within or args.title:
            raise FeedError(args.feed, "give either --feed or filters, not both")
        spec = get_feed_spec(args.feed)
    else:
        spec = custom_feed_spec(**filters, within=args.within, title=args.title)
    catalog = load_from_args(args)
    include_undated = True if args.include_undated else None
    status = refuse_empty(
        feed_events(catalog, spec, include_undated=include_undated),
        args,
        "no calendar written",
    )
    if status is not None:
        return status
    _write(args, render_feed(catalog, spec, include_undated=include_undated, url=args.url))
    return 0


def _one_event(args: argparse.Namespace) -> int:
    """``ics --event ID [--with-parts]``: one event's calendar, named after it.

    The event was asked for by name, so it is written even when its dates are coarse
    (as a tentative span, as --include-undated does); its parts are left out when coarse
    unless --include-undated is given.
    """
    from summitcal.cli.catalog import find_event
    from summitcal.feeds.feeds import custom_feed_spec, feed_events

    catalog = load_from_args(args)
    event = find_event(catalog, args.event)
    if args.with_parts:
        spec = custom_feed_spec(within=event.id)
        include_undated = args.include_undated or None
        family = list(feed_events(catalog, spec, include_undated=include_undated))
        # The event itself is kept even when coarse: it was asked for.
        chosen = family if event in family else [event, *family]
    else:
        chosen = [event]
    status = refuse_empty(chosen, args, "no calendar written")
    if status is not None:
        return status
    from summitcal.ical.write import UID_DOMAIN, to_ical

    data = to_ical(
        chosen,
        name=args.title or event.title,
        uid=f"{event.id}{'.parts' if args.with_parts else ''}.event@{UID_DOMAIN}",
        include_undated=True,
        revisions=catalog.revisions,
        url=args.url,
    )
    _write(args, data)
    return 0


def _write(args: argparse.Namespace, data: bytes) -> None:
    """The calendar to --out (only over a file summitcal wrote, unless --force) or stdout."""
    from summitcal.feeds.feeds import is_summitcal_calendar
    from summitcal.publish import write_file

    if args.out:
        write_file(
            args.out,
            data,
            is_ours=is_summitcal_calendar,
            catalogue=catalogue_paths(args),
            force=args.force,
        )
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def run_revisions(args: argparse.Namespace) -> int:
    from summitcal.catalog.load import load_catalog, shipped_seeds_path
    from summitcal.catalog.revisions import (
        REVISIONS_FILE,
        check_revisions,
        format_revisions,
        read_revisions,
        update_revisions,
    )

    folder = Path(args.seeds) if args.seeds else shipped_seeds_path()
    if not folder.is_dir():
        raise SeedError(str(folder), "revisions need a catalogue directory")
    target = folder / REVISIONS_FILE
    # The catalogue is read without its revisions file, so that a record of a removed
    # event (which load_catalog rejects) can still be dropped by --update.
    files = [f for f in sorted(folder.glob("*.toml")) if f.name != REVISIONS_FILE]
    if not files:
        raise SeedError(str(folder), "no *.toml catalogue files in this directory")
    catalog = load_catalog(files)
    records = read_revisions(target) if target.exists() else {}
    if args.update:
        from summitcal.atomic import atomic_write_bytes

        updated = update_revisions(catalog, records, now=args.now)
        text = format_revisions(updated)
        old = target.read_text("utf-8") if target.exists() else None
        if text != old:
            atomic_write_bytes(target, text.encode("utf-8"))
        changed = sum(1 for r in updated if records.get(r.id) != r)
        dropped = len(set(records) - {r.id for r in updated})
        print(f"{target}: {len(updated)} events, {changed} updated, {dropped} dropped")
        return 0
    problems = check_revisions(catalog, records)
    for problem in problems:
        print(f"{target}: {problem}", file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} revision record(s) out of step: run `summitcal revisions --update`",
            file=sys.stderr,
        )
        return 1
    print(f"{target}: {len(records)} events, all in step")
    return 0
