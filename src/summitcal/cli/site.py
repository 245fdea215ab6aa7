"""``summitcal build`` and ``summitcal timeline``: the static site and the drawn timeline."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import Any

from summitcal.cli._common import (
    add_allow_empty_argument,
    add_catalog_arguments,
    add_filter_arguments,
    add_force_argument,
    catalogue_paths,
    load_from_args,
    refuse_empty,
    select,
)

BUILD_EXAMPLE = """\
Examples:
  summitcal build public/ --base-url https://calendar.example.org/
  summitcal build site/          # to open from the folder: downloads, no subscribe links
"""

TIMELINE_EXAMPLE = """\
Example:
  summitcal timeline --width 100
  summitcal timeline --series ai-summit --format svg > summits.svg
"""


def register(sub: Any) -> None:
    b = sub.add_parser(
        "build",
        help="write the static site: page, timeline, feeds, events.json",
        description=(
            "Write the site as static files for any web host. The directory is replaced "
            "in one swap, so a failed build leaves the previous site as it was; a "
            "directory holding files that build did not write is left alone."
        ),
        epilog=BUILD_EXAMPLE,
    )
    add_catalog_arguments(b)
    b.add_argument(
        "dir",
        help="the site's directory: created, or replaced when it is empty or a site "
        "that build wrote (anything else is refused)",
    )
    add_force_argument(b, "a directory")
    b.add_argument(
        "--base-url",
        metavar="URL",
        help="where the site will be served from (http(s)://host/path/), for the subscribe "
        "links, which calendars need in full. Without it every link is relative, so the "
        "site works opened from its folder or served at any address, and it offers its "
        "feeds as downloads only, with no subscribe (webcal or Google) links",
    )
    b.set_defaults(handler=run_build)

    t = sub.add_parser(
        "timeline",
        help="draw the timeline in the terminal (or as SVG)",
        description="A lane per series over the years, with parts under their summit.",
        epilog=TIMELINE_EXAMPLE,
    )
    add_catalog_arguments(t)
    add_filter_arguments(t)
    add_allow_empty_argument(t)
    t.add_argument("--width", type=int, help="columns to fit in (default: the terminal's)")
    t.add_argument("--format", choices=("text", "svg"), default="text")
    t.set_defaults(handler=run_timeline)


def run_build(args: argparse.Namespace) -> int:
    from summitcal.web.site import build_site

    out = build_site(
        load_from_args(args),
        args.dir,
        base_url=args.base_url,
        today=args.now.date(),
        catalogue=catalogue_paths(args),
        force=args.force,
    )
    print(f"wrote {out}")
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    from summitcal.web.timeline import render_svg, render_text

    events = select(load_from_args(args), args)
    status = refuse_empty(events, args, "no timeline drawn")
    if status is not None:
        return status
    today = args.now.date()
    if args.format == "svg":
        sys.stdout.write(render_svg(events, today=today))
        return 0
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    try:
        sys.stdout.write(render_text(events, today=today, width=width))
    except ValueError as exc:
        print(f"summitcal: error: {exc}", file=sys.stderr)
        return 2
    return 0
