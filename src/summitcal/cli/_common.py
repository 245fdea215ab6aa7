"""Arguments that several commands share: which catalogue, and which events of it."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sized
from datetime import date
from pathlib import Path

from summitcal.catalog.catalog import Catalog
from summitcal.catalog.criteria import Criteria
from summitcal.catalog.load import load_catalog, shipped_seeds_path
from summitcal.errors import SeedError
from summitcal.models.events import EventKind, Status

__all__ = [
    "EMPTY_SELECTION",
    "add_allow_empty_argument",
    "add_catalog_arguments",
    "add_filter_arguments",
    "add_force_argument",
    "catalogue_paths",
    "iso_date",
    "load_from_args",
    "refuse_empty",
    "select",
]

#: Exit status of a command whose filters selected no event (1 is an error, 2 a usage error).
EMPTY_SELECTION = 3


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


def add_force_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """``--force``: replace ``what`` even when summitcal did not write it."""
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"replace {what} even if summitcal did not write it (never the catalogue, "
        "the current directory or its parents, or your home)",
    )


def add_lang_argument(parser: argparse.ArgumentParser, whose: str) -> None:
    """``--lang``: the language of the text read, an ISO 639-1 code."""
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=f"{whose} language as an ISO 639-1 code: en, zh or fr (default: detected, "
        "Chinese by its script, French from English by its words)",
    )


def add_allow_empty_argument(parser: argparse.ArgumentParser) -> None:
    """``--allow-empty``: an empty selection is not a failure."""
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help=f"exit 0 when the filters select no event (otherwise {EMPTY_SELECTION})",
    )


def refuse_empty(events: Sized, args: argparse.Namespace, what: str) -> int | None:
    """Say on stderr that nothing was selected and return the exit status, unless allowed.

    Returns:
        ``EMPTY_SELECTION`` when ``events`` is empty and ``--allow-empty`` was not given
        (the caller then writes nothing), else None.
    """
    if len(events) or getattr(args, "allow_empty", False):
        return None
    print(
        f"summitcal: no events match the filters; {what} (--allow-empty to write it anyway)",
        file=sys.stderr,
    )
    return EMPTY_SELECTION


def output_path(text: str) -> str:
    """An argparse type for an output file: a path that names something (an empty one
    would otherwise quietly mean standard output)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no file (leave --out out for stdout)")
    return text


def catalogue_paths(args: argparse.Namespace) -> tuple[Path, ...]:
    """Every catalogue file or folder the command may read, shipped one included.

    The shipped catalogue is always listed, read or not: no command writes into it.
    """
    paths = [Path(p) for p in (getattr(args, "seeds", None) or ())]
    with contextlib.suppress(SeedError):  # a broken install has nothing there to protect
        paths.append(shipped_seeds_path())
    return tuple(paths)


def load_from_args(args: argparse.Namespace) -> Catalog:
    """The catalogue the arguments name."""
    return load_catalog(args.seeds, include_shipped=args.with_shipped)


def select(catalog: Catalog, args: argparse.Namespace) -> Catalog:
    """The events of ``catalog`` that the filter arguments select."""
    # The series first, as Catalog.filter checks them: they are the catalogue's.
    Criteria.parse({"series": args.series}).check_series(catalog.series)
    return catalog.select(criteria_from_args(args))


def criteria_from_args(args: argparse.Namespace) -> Criteria:
    """The :class:`Criteria` the filter arguments give.

    Raises:
        QueryError: For a country code that does not exist, a year outside 1..9999 or
            ``--from`` after ``--to`` (kinds and statuses are argparse choices).
    """
    return Criteria.parse(
        {
            "series": args.series,
            "kind": args.kind,
            "country": args.country,
            "status": args.status,
            "tag": args.tag,
            "year": args.year,
            "start": args.start,
            "end": args.end,
            "q": getattr(args, "q", None),
        }
    )
