"""Arguments that several commands share: which catalogue, and which events of it."""

from __future__ import annotations

import argparse
from datetime import date

from summitcal.catalog import Catalog, load_catalog
from summitcal.models import EventKind, Status

__all__ = ["add_catalog_arguments", "add_filter_arguments", "iso_date", "load_from_args", "select"]


def iso_date(text: str) -> date:
    """argparse type: an ISO date (``2025-02-09``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def year(text: str) -> int:
    """argparse type: a calendar year from 1 to 9999."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 1 <= value <= 9999:
        raise argparse.ArgumentTypeError(f"year {value} is outside 1..9999")
    return value


def add_catalog_arguments(parser: argparse.ArgumentParser) -> None:
    """``--seeds PATH`` (repeatable) and ``--with-shipped``."""
    parser.add_argument(
        "--seeds",
        action="append",
        metavar="PATH",
        help="a catalogue file or directory of your own (repeatable; default: the shipped one)",
    )
    parser.add_argument(
        "--with-shipped",
        action="store_true",
        help="load the shipped catalogue as well as --seeds",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The event filters: series, kind, country, status, tag, year, from, to."""
    parser.add_argument("--series", action="append", help="series id (repeatable)")
    parser.add_argument(
        "--kind",
        action="append",
        choices=[k.value for k in EventKind],
        metavar="KIND",
        help="event kind (repeatable): " + ", ".join(k.value for k in EventKind),
    )
    parser.add_argument("--country", action="append", help="ISO country code (repeatable)")
    parser.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in Status],
        help="status (repeatable)",
    )
    parser.add_argument("--tag", action="append", help="tag (repeatable)")
    parser.add_argument("--year", type=year, help="events that touch this year")
    parser.add_argument("--from", dest="start", type=iso_date, help="events ending on/after DATE")
    parser.add_argument("--to", dest="end", type=iso_date, help="events starting on/before DATE")


def load_from_args(args: argparse.Namespace) -> Catalog:
    """The catalogue the arguments name."""
    return load_catalog(args.seeds, include_shipped=args.with_shipped)


def select(catalog: Catalog, args: argparse.Namespace) -> Catalog:
    """The events of ``catalog`` that the filter arguments select."""
    return catalog.filter(
        series=args.series,
        kind=args.kind,
        country=args.country,
        status=args.status,
        tag=args.tag,
        year=args.year,
        start=args.start,
        end=args.end,
    )
