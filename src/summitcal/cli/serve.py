"""``summitcal serve``: the page and the feeds over HTTP, with uvicorn."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitcal.cli._common import add_catalog_arguments, load_from_args

if TYPE_CHECKING:
    from summitcal.web.guard import ConnectionLimits
    from summitcal.web.server import FeedServer

SERVE_EXAMPLE = """\
Example:
  summitcal serve --port 8000
  (then subscribe to webcal://127.0.0.1:8000/feeds/all.ics)
  summitcal serve --seeds my-seeds/ --reload-interval 30
  (picks up edits to my-seeds/ that load cleanly; so does `kill -HUP <pid>`)
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


def _positive(kind: type[int] | type[float]) -> Any:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value

    return parse


# The limits' options: (group, ((flag, type, default, help), ...)).
_TUNING: tuple[tuple[str, tuple[tuple[str, type[int] | type[float], Any, str], ...]], ...] = (
    (
        "connection limits",
        (
            ("--header-timeout", float, 10.0, "time a client has to send a request's headers"),
            ("--keep-alive-timeout", int, 5, "time an idle connection is kept open"),
            (
                "--max-connections",
                int,
                None,
                "most open connections (default: 1000, or 64 below the open-file limit)",
            ),
        ),
    ),
    (
        "custom feeds and the page, rendered on demand",
        (
            ("--render-workers", int, 2, "renders at once"),
            ("--render-timeout", float, 10.0, "longest render, queueing included; then 503"),
        ),
    ),
)


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
    for group, options in _TUNING:
        arguments = s.add_argument_group(group)
        for flag, kind, default, help_text in options:
            arguments.add_argument(
                flag,
                type=_positive(kind),
                default=default,
                metavar="N" if kind is int and not flag.endswith("timeout") else "SECONDS",
                help=help_text + (" (default: %(default)s)" if default is not None else ""),
            )
    s.add_argument(
        "--render-mode",
        choices=["process", "thread"],
        default="process",
        help="render custom feeds and the page in worker processes or in threads "
        "(default: %(default)s)",
    )
    s.add_argument(
        "--http",
        choices=["auto", "h11", "httptools"],
        default="auto",
        help="uvicorn's HTTP protocol: auto is httptools (a C parser, about twice as fast) "
        "when installed, else h11 (default: %(default)s)",
    )
    s.add_argument(
        "--access-log",
        action="store_true",
        help="log a line per request (off by default: it costs about three quarters of the "
        "304s and half the full feeds served a second)",
    )
    s.add_argument(
        "--asgi-only",
        action="store_true",
        help="answer every request through the ASGI app (by default, with httptools, "
        "what is in memory is answered straight from the HTTP parser, in the same bytes)",
    )
    s.add_argument(
        "--reload-interval",
        type=_positive(float),
        metavar="SECONDS",
        help="look for changes to --seeds this often and reload the catalogue when it "
        "loads cleanly (SIGHUP reloads at any time)",
    )
    s.set_defaults(handler=run_serve)


def _install_hint() -> str:
    """How to install uvicorn into the Python that runs summitcal, wherever that is."""
    python = shlex.quote(sys.executable)
    import summitcal

    root = Path(summitcal.__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "src" / "summitcal").is_dir():
        # A source checkout (installed with pip install -e): install the extra from it.
        return f"{python} -m pip install -e {shlex.quote(str(root) + '[serve]')}"
    return f"{python} -m pip install 'summitcal[serve]'"


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn  # noqa: F401 - only to know it is there
    except ImportError:
        print(
            "summitcal: error: serving needs uvicorn, which this Python lacks; "
            f"install it with: {_install_hint()}",
            file=sys.stderr,
        )
        return 2
    from summitcal.web.run import event_loop_factory, http_protocol, serve, uvicorn_config

    try:
        http = http_protocol(args.http)
    except ImportError:
        print(
            "summitcal: error: --http httptools needs httptools, which this Python lacks; "
            f"install it with: {_install_hint()}",
            file=sys.stderr,
        )
        return 2
    app = _app(args)
    config = uvicorn_config(
        app,
        host=args.host,
        port=args.port,
        limits=_limits(args),
        http=http,
        access_log=args.access_log,
        direct=not args.asgi_only,
    )
    watch = [Path(p) for p in args.seeds or ()]
    run = serve(
        app,
        config,
        load=lambda: load_from_args(args),
        watch=watch,
        reload_interval=args.reload_interval,
    )
    # uvicorn re-raises the Ctrl-C it has handled; that is a normal stop, not an error.
    # On uvloop when it is installed, as uvicorn's own loop="auto" would choose.
    with (
        contextlib.suppress(KeyboardInterrupt),
        asyncio.Runner(loop_factory=event_loop_factory()) as runner,
    ):
        runner.run(run)
    return 0


def _app(args: argparse.Namespace) -> FeedServer:
    """The feed server over the catalogue the arguments name, with their render policy."""
    from summitcal.web.server import RenderPolicy, create_app

    policy = RenderPolicy(
        mode=args.render_mode, workers=args.render_workers, timeout=args.render_timeout
    )
    return create_app(
        load_from_args(args), clock=_real_clock, base_url=args.base_url, renders=policy
    )


def _limits(args: argparse.Namespace) -> ConnectionLimits:
    """The connection limits the arguments set (the default cap unless one is given)."""
    from summitcal.web.guard import ConnectionLimits

    return ConnectionLimits(
        header_timeout=args.header_timeout,
        keep_alive_timeout=args.keep_alive_timeout,
        **({"max_connections": args.max_connections} if args.max_connections else {}),
    )


def _real_clock() -> datetime:
    return datetime.now(UTC)
