"""The ``summitcal`` command line: a thin shell over the library.

Each sub-command lives in its own module of this package with a ``register(subparsers)``
function; :func:`main` parses the arguments, runs the command, and turns library errors
into one line on stderr and a non-zero exit status (never a traceback).

The clock is read here and only here: commands that need "now" receive it as
``args.now``, an aware UTC datetime, which tests can pin through ``main(argv, now=...)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from summitcal.errors import SummitcalError

__all__ = ["main"]

# Sub-command modules of this package, in the order `summitcal --help` lists them.
COMMAND_MODULES = (
    "catalog",
    "agenda",
    "ical",
    "importing",
    "site",
    "serve",
    "resolve",
    "extract",
    "propose",
)


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser: its epilog is a hand-formatted "Example:" block, so line
    breaks are kept as written."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(**kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every sub-command registered."""
    from summitcal import __version__

    parser = argparse.ArgumentParser(
        prog="summitcal",
        description="The international AI-summit series as a calendar: list, resolve, export.",
    )
    parser.add_argument("--version", action="version", version=f"summitcal {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_CommandParser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"summitcal.cli.{name}").register(sub)
    return parser


#: The status of a command whose reader closed the pipe, as a shell reports a process
#: ended by SIGPIPE (128 + 13), which is what `yes | head` shows.
BROKEN_PIPE = 141


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a descriptor (a test's capture)
        pass
    finally:
        os.close(devnull)


def main(argv: Sequence[str] | None = None, *, now: datetime | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        now: The current time to use (default: the system clock, in UTC).  Tests pin it.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.now = now or datetime.now(UTC)
    try:
        status: int = args.handler(args)
        sys.stdout.flush()  # inside the try: a reader that went away is met here too
    except BrokenPipeError:  # `summitcal list | head`: the reader has all it wanted
        _silence_stdout()
        return BROKEN_PIPE
    except SummitcalError as exc:
        print(f"summitcal: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # A file that cannot be read or written: say which and why, without a traceback.
        where = f": {exc.filename}" if exc.filename else ""
        print(f"summitcal: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    return status
