"""``summitcal next`` (also ``upcoming``) and ``summitcal recent``: what is coming, and
what has just happened, seen from a day.

The day is ``--as-of`` or today (``args.now``, read once by :func:`summitcal.cli.main`);
the choice of events is :func:`summitcal.catalog.search.upcoming` and
:func:`summitcal.catalog.search.recent`, which take that day as an argument.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from summitcal.catalog.search import recent, upcoming
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
from summitcal.span.words import relative_to

NEXT_EXAMPLE = """\
Example:
  summitcal next
  summitcal next --kind summit -n 3
  summitcal upcoming --as-of 2026-01-01 --series ai-summit
"""

RECENT_EXAMPLE = """\
Example:
  summitcal recent
  summitcal recent --as-of 2025-02-14 -n 10
"""


def _arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_arguments(parser)
    add_filter_arguments(parser)
    add_query_argument(parser)
    parser.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="the day to look from (default: today)"
    )
    parser.add_argument(
        "-n", type=_count, default=5, metavar="N", help="at most N events (default: 5)"
    )
    add_allow_empty_argument(parser)
    add_wide_argument(parser)


def _count(text: str) -> int:
    """argparse type: a count of one or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser(
        "next",
        aliases=["upcoming"],
        help="what is coming: the next events, with how far away they are",
        description="The events under way or still ahead on --as-of (default: today), "
        "soonest first, each with how far away it is ('in 3 weeks'). The filters and --q "
        "narrow them as for list.",
        epilog=NEXT_EXAMPLE,
    )
    _arguments(p)
    p.set_defaults(handler=run_next)

    r = sub.add_parser(
        "recent",
        help="what just happened: the latest events, with how long ago",
        description="The events over before --as-of (default: today), the most recently "
        "ended first, each with how long ago it ended ('2 days ago').",
        epilog=RECENT_EXAMPLE,
    )
    _arguments(r)
    r.set_defaults(handler=run_recent)


def _run(args: argparse.Namespace, *, ahead: bool) -> int:
    as_of = args.as_of or args.now.date()
    pool = list(select(load_from_args(args), args))
    events = (upcoming if ahead else recent)(pool, as_of, args.n)
    status = refuse_empty(events, args, "nothing listed")
    if status is not None:
        return status
    rows = (event_row(e, relative_to(e.when, as_of)) for e in events)
    sys.stdout.write(format_rows(rows, table_width(args)))
    return 0


def run_next(args: argparse.Namespace) -> int:
    return _run(args, ahead=True)


def run_recent(args: argparse.Namespace) -> int:
    return _run(args, ahead=False)
