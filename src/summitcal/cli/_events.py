"""What ``list``, ``next`` and ``recent`` share: the word query, and the event table they
print, fitted to the terminal.

A row has fixed cells (the dates, the id, a relative date) that are never cut, a title
with an optional status flag, and a place.  When the table must fit a width, the place
gives way first, then the title; the flag (``[announced]``) stays, since it says how far
the row can be trusted.  Widths count characters, not terminal cells: a title in a wide
script may overrun by a few columns.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable

import attrs

from summitcal.models.events import Event
from summitcal.span.words import compact_dates

__all__ = [
    "Row",
    "add_query_argument",
    "add_wide_argument",
    "event_row",
    "format_rows",
    "table_width",
]

_GAP = "  "
# Below this many characters a place says nothing useful: the column is dropped instead.
_MIN_PLACE = 6
# From this much room on, titles and places share it (see _share).
_SHARE_FROM = 60


@attrs.frozen
class Row:
    """One line of the table: ``fixed`` cells, then the title (with ``flag``), then place."""

    fixed: tuple[str, ...]
    title: str
    flag: str = ""
    place: str = ""


def event_row(event: Event, *lead: str) -> Row:
    """The row of ``event``: ``lead`` cells, its compact dates and its id, then the rest."""
    flag = "" if event.status.is_firm else f" [{event.status.label}]"
    place = event.where() or ""
    return Row((*lead, compact_dates(event.when), event.id), event.title, flag, place)


def add_query_argument(parser: argparse.ArgumentParser) -> None:
    """``--q WORDS``: events whose text holds every word (``summitcal.catalog.search``)."""
    parser.add_argument(
        "--q",
        metavar="WORDS",
        help="events whose title, aliases, description, actors or place hold every word "
        "(any case, accents optional)",
    )


def add_wide_argument(parser: argparse.ArgumentParser) -> None:
    """``--wide``: never cut a line to the terminal's width."""
    parser.add_argument(
        "--wide",
        action="store_true",
        help="print full lines even on a narrow terminal (lines are never cut when piped)",
    )


def table_width(args: argparse.Namespace) -> int | None:
    """The width to fit, or ``None`` for full lines (``--wide``, or stdout not a terminal,
    so that a pipe or a file gets every character)."""
    if getattr(args, "wide", False) or not sys.stdout.isatty():
        return None
    # COLUMNS first, then the terminal itself: what `shutil` does, and what users set.
    return shutil.get_terminal_size().columns


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…" if width > 0 else ""


def _title_cell(row: Row, width: int) -> str:
    whole = row.title + row.flag
    if len(whole) <= width or width <= len(row.flag) + 3:
        return _cut(whole, width)
    return _cut(row.title, width - len(row.flag)) + row.flag


def _share(room: int, title: int, place: int) -> tuple[int, int]:
    """(title width, place width) within ``room`` characters (a place of 0 is dropped).

    A narrow line gives the title all it needs and the place what is left; a roomy one
    (``_SHARE_FROM`` or more) keeps up to a third for the place, which then says more than
    the end of one long title would.
    """
    if title + len(_GAP) + place <= room:
        return title, place
    if room >= _SHARE_FROM:
        title_w = min(title, max(room * 2 // 3, room - place - len(_GAP)))
    else:
        title_w = min(title, room)
    place_w = room - title_w - len(_GAP)
    if place_w < _MIN_PLACE:
        return min(title, max(room, 1)), 0
    return title_w, place_w


def format_rows(rows: Iterable[Row], width: int | None = None) -> str:
    """The rows as aligned text, one line each; ``"(no events)"`` when there are none.

    Args:
        rows: Rows with the same number of fixed cells.
        width: The most characters a line may take; ``None`` for no limit.  The fixed
            cells are kept whole even when they alone are wider.
    """
    rows = list(rows)
    if not rows:
        return "(no events)\n"
    fixed_w = [max(len(r.fixed[i]) for r in rows) for i in range(len(rows[0].fixed))]
    title_w = max(len(r.title + r.flag) for r in rows)
    place_w = max(len(r.place) for r in rows)
    if width is not None:
        room = width - sum(fixed_w) - len(_GAP) * len(fixed_w)
        title_w, place_w = _share(room, title_w, place_w)
    lines = []
    for r in rows:
        cells = [f"{c:<{w}}" for c, w in zip(r.fixed, fixed_w, strict=True)]
        cells.append(f"{_title_cell(r, title_w):<{title_w}}")
        if place_w:
            cells.append(_cut(r.place, place_w))
        lines.append(_GAP.join(cells).rstrip() + "\n")
    return "".join(lines)
