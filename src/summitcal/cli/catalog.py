"""``summitcal list``, ``show`` and ``check``: read the catalogue.

``list`` prints one line per event (dates, id, title, place), cut to the terminal's width
when it writes to one; ``show`` takes an id, an alias or a title, and proposes ids when
none matches.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from typing import Any

import attrs

from summitcal.catalog.search import find, nearest_ids
from summitcal.cli._common import (
    add_allow_empty_argument,
    add_catalog_arguments,
    add_filter_arguments,
    iso_date,
    load_from_args,
    refuse_empty,
    select,
)
from summitcal.cli._events import (
    add_query_argument,
    add_wide_argument,
    event_row,
    format_rows,
    table_width,
)
from summitcal.errors import QueryError, SeedError, SeedErrors
from summitcal.models.events import Event

LIST_EXAMPLE = """\
Example:
  summitcal list --series ai-summit
  summitcal list --q "vance"
  summitcal list --country FR --year 2025 --format json
"""

SHOW_EXAMPLE = """\
Example:
  summitcal show ai-action-summit-2025
  summitcal show "Bletchley Park summit"
"""

CSV_COLUMNS = ("id", "start", "end", "timex", "kind", "status", "title", "location", "series")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "list",
        help="list catalogue events in date order",
        description="List catalogue events in date order, optionally filtered or searched "
        "by word. On a terminal, titles and places are cut to its width (never the dates "
        "or the id); piped or with --wide, lines are whole.",
        epilog=LIST_EXAMPLE,
    )
    add_catalog_arguments(p)
    add_filter_arguments(p)
    add_query_argument(p)
    add_allow_empty_argument(p)
    add_wide_argument(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(handler=run_list)

    s = sub.add_parser(
        "show",
        help="show one event in full",
        description="Show one event: dates, place, actors, outcomes, doubts and sources. "
        "The event is named by its id, an alias or its title (any case, accents "
        "optional); a name that matches none is an error proposing the nearest ids.",
        epilog=SHOW_EXAMPLE,
    )
    add_catalog_arguments(s)
    s.add_argument("id", help="the event's id, one of its aliases, or its title")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(handler=run_show)

    c = sub.add_parser(
        "check",
        help="validate a catalogue and say how many events it holds",
        description="Load and validate a catalogue. Every problem is listed, each named "
        "by file, record and field, and so is every event whose status has gone stale "
        "by --as-of; the exit status is 1 when there is any.",
        epilog="Example:\n  summitcal check --seeds my-events/ --with-shipped\n"
        "  summitcal check --seeds my-events/ --format json\n",
    )
    add_catalog_arguments(c)
    c.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: a list of {file, record, field, message} on stdout ([] when clean)",
    )
    c.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="also list events whose status has gone stale by DATE, such as a past event "
        "still 'scheduled' (default: today)",
    )
    c.set_defaults(handler=run_check)


def run_list(args: argparse.Namespace) -> int:
    from summitcal.models.serialize import event_to_dict, events_json

    events = list(select(load_from_args(args), args))
    status = refuse_empty(events, args, "nothing listed")
    if status is not None:
        return status
    out = sys.stdout
    if args.format == "json":
        out.write(events_json(events).decode("utf-8"))
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for e in events:
            d = event_to_dict(e)
            writer.writerow(
                [d.get(c, "") if c != "series" else " ".join(d["series"]) for c in CSV_COLUMNS]
            )
    else:
        out.write(format_rows((event_row(e) for e in events), table_width(args)))
    return 0


def format_event(event: Event) -> str:
    """A readable multi-line account of one event."""
    w = event.when
    lines = [event.title, "=" * len(event.title)]
    lines.append(f"id:       {event.id}")
    lines.append(f"kind:     {event.kind.value}")
    lines.append(f"status:   {event.status.value}")
    when = f"{w.first.isoformat()} to {w.last.isoformat()}" if w.first != w.last else str(w.first)
    lines.append(f"when:     {when}  (TIMEX3 {w.timex}, {w.granularity.value})")
    if w.start_time:
        end = f" to {w.end_time.isoformat('minutes')}" if w.end_time else ""
        lines.append(f"time:     {w.start_time.isoformat('minutes')}{end} {w.zone or ''}".rstrip())
    where = event.where()
    if where:
        lines.append(f"where:    {where}")
    if event.series:
        lines.append(f"series:   {', '.join(event.series)}")
    if event.parent:
        lines.append(f"part of:  {event.parent}")
    if event.description:
        lines += ["", event.description]
    if event.actors:
        lines += ["", "Actors:"]
        lines += [
            f"  - {a.name} ({a.role.value}{', ' + a.title if a.title else ''})"
            for a in event.actors
        ]
    if event.outcomes:
        lines += ["", "Outcomes:"] + [f"  - {o}" for o in event.outcomes]
    if event.alternatives:
        lines += ["", "Disputed or unconfirmed:"]
        lines += [
            f"  - {a.field} = {a.value} [{a.status.value}] {a.note}".rstrip()
            for a in event.alternatives
        ]
    lines += ["", "Sources:"]
    for s in event.sources:
        lines.append(f"  - {s.publisher + ': ' if s.publisher else ''}{s.url}")
        if s.phrase:
            when = f", published {s.published.isoformat()}" if s.published else ""
            lines.append(f"    (gives the date as {s.phrase!r}{when})")
    return "\n".join(lines) + "\n"


def run_show(args: argparse.Namespace) -> int:
    from summitcal.models.serialize import event_to_dict

    event = find_event(load_from_args(args), args.id)
    if args.format == "json":
        json.dump(event_to_dict(event), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_event(event))
    return 0


def find_event(events: Iterable[Event], key: str) -> Event:
    """The event ``key`` names (:func:`summitcal.catalog.search.find`).

    Raises:
        QueryError: If none does; the message proposes the nearest ids.
    """
    pool = list(events)
    event = find(pool, key)
    if event is not None:
        return event
    near = nearest_ids(pool, key)
    hint = f"; nearest: {', '.join(near)}" if near else ""
    raise QueryError("event", key, f"no event has this id, alias or title{hint}")


def run_check(args: argparse.Namespace) -> int:
    from summitcal.catalog.audit import audit

    try:
        catalog = load_from_args(args)
    except SeedError as exc:
        errors = exc.errors if isinstance(exc, SeedErrors) else (exc,)
        return _report([_error_record(e) for e in errors], args.format)
    findings = audit(catalog, as_of=args.as_of or args.now.date())
    if findings:
        return _report([{"file": None, **attrs.asdict(f)} for f in findings], args.format)
    if args.format == "json":
        sys.stdout.write("[]\n")
        return 0
    firm = sum(1 for e in catalog if e.status.is_firm)
    print(
        f"ok: {len(catalog)} events ({firm} confirmed or scheduled), "
        f"{len(catalog.series)} series, {len(catalog.revisions)} revisions"
    )
    return 0


def _report(problems: list[dict[str, str | None]], fmt: str) -> int:
    """Write ``check``'s problems as JSON on stdout or as lines on stderr; return 1."""
    if fmt == "json":
        json.dump(problems, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 1
    for p in problems:
        where = ", ".join(
            f"{k} {p[k]!r}" if k != "file" else str(p[k])
            for k in ("file", "record", "field")
            if p[k]
        )
        print(f"summitcal: error: {where}: {p['message']}", file=sys.stderr)
    if len(problems) > 1:
        print(f"summitcal: {len(problems)} problems in the catalogue", file=sys.stderr)
    return 1


def _error_record(error: SeedError) -> dict[str, str | None]:
    """One catalogue error as ``check --format json`` lists it."""
    return {
        "file": error.path,
        "record": error.record,
        "field": error.field,
        "message": error.reason,
    }
