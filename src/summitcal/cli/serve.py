"""``summitcal serve``: the page and the feeds over HTTP, with uvicorn."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from summitcal.cli._common import add_catalog_arguments, load_from_args

SERVE_EXAMPLE = """\
Example:
  summitcal serve --port 8000
  (then subscribe to webcal://127.0.0.1:8000/feeds/all.ics)
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
