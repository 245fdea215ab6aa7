"""``summitcal build``, ``summitcal serve`` and ``summitcal timeline``: see and subscribe."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import UTC, datetime
from typing import Any

from summitcal.cli._common import (
    add_catalog_arguments,
    add_filter_arguments,
    load_from_args,
    select,
)

BUILD_EXAMPLE = """\
Example:
  summitcal build public/ --base-url https://calendar.example.org/
"""

SERVE_EXAMPLE = """\
Example:
  summitcal serve --port 8000
  (then subscribe to webcal://127.0.0.1:8000/feeds/all.ics)
"""

TIMELINE_EXAMPLE = """\
Example:
  summitcal timeline --width 100
  summitcal timeline --series ai-summit --format svg > summits.svg
"""


def port_number(text: str) -> int:
    """argparse type: a TCP port, 0 to 65535 (0 lets the system pick one)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0..65535")
    return port


def host_name(text: str) -> str:
    """argparse type: an address or host name to listen on (not empty, no spaces)."""
    if not text.strip() or any(ch.isspace() for ch in text):
        raise argparse.ArgumentTypeError(f"not a host name or address: {text!r}")
    return text


def register(sub: Any) -> None:
    b = sub.add_parser(
        "build",
        help="write the static site: page, timeline, feeds, events.json",
        description=(
            "Write the site as static files for any web host. The directory is replaced "
            "in one swap, so a failed build leaves the previous site as it was."
        ),
        epilog=BUILD_EXAMPLE,
    )
    add_catalog_arguments(b)
    b.add_argument("dir", help="the site's directory (created or replaced)")
    b.add_argument(
        "--base-url",
        required=True,
        help="where the site will be served from, for the subscribe links",
    )
    b.set_defaults(handler=run_build)

    s = sub.add_parser(
        "serve",
        help="serve the page and the feeds over HTTP (needs the 'serve' extra)",
        description="Run the feed server with uvicorn (pip install 'summitcal[serve]').",
        epilog=SERVE_EXAMPLE,
    )
    add_catalog_arguments(s)
    s.add_argument(
        "--host",
        type=host_name,
        default="127.0.0.1",
        help="address to listen on (default: %(default)s)",
    )
    s.add_argument(
        "--port", type=port_number, default=8000, help="port, 0..65535 (default: %(default)s)"
    )
    s.add_argument(
        "--base-url",
        help="public root for subscribe links (default: taken from each request's Host)",
    )
    s.set_defaults(handler=run_serve)

    t = sub.add_parser(
        "timeline",
        help="draw the timeline in the terminal (or as SVG)",
        description="A lane per series over the years, with parts under their summit.",
        epilog=TIMELINE_EXAMPLE,
    )
    add_catalog_arguments(t)
    add_filter_arguments(t)
    t.add_argument("--width", type=int, help="columns to fit in (default: the terminal's)")
    t.add_argument("--format", choices=("text", "svg"), default="text")
    t.set_defaults(handler=run_timeline)


def run_build(args: argparse.Namespace) -> int:
    from summitcal.site import build_site

    out = build_site(load_from_args(args), args.dir, base_url=args.base_url, today=args.now.date())
    print(f"wrote {out}")
    return 0


def _real_clock() -> datetime:
    return datetime.now(UTC)


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        print(
            "summitcal: error: serving needs uvicorn; install it with "
            "pip install 'summitcal[serve]'",
            file=sys.stderr,
        )
        return 2
    from summitcal.server import create_app

    app = create_app(load_from_args(args), clock=_real_clock, base_url=args.base_url)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    from summitcal.timeline import render_svg, render_text

    events = select(load_from_args(args), args)
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
