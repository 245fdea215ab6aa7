"""Load test of the feed server: throughput, stalls, a big catalogue, held connections.

Runs ``summitcal serve`` in a subprocess on a free loopback port and measures it with a
minimal HTTP/1.1 keep-alive client over asyncio streams (so the figures measure the
server, not a heavy client library); for ``throughput``, with wrk instead when it is
installed (``--client``), since a Python client tops out below what nginx serves.
Every scenario is bounded in requests and in time, and the script stops by itself.
Sections (``--only`` picks some):

* ``throughput``: 50 concurrent keep-alive connections on /feeds/all.ics: full
  responses (200), then 304 revalidations by If-None-Match and by If-Modified-Since;
  then, if nginx is installed, the same against nginx serving a ``summitcal build`` of
  the same catalogue (one worker, loopback), and the ratio;
* ``stall``: one client fetching /feeds/all.ics in a loop, alone, then while 1 and then 4
  other clients ask for custom feeds with distinct filter sets (each a fresh ``from=``
  date, so none is cached); the full feed's p50/p99 are printed side by side;
* ``big``: a generated 30,000-event catalogue; a custom feed of all of it is asked for,
  and /events.json and /feeds/all.ics are fetched alongside: they must not wait for it;
* ``slow``: 3,000 connections that send half a request line and then nothing; how many
  are still open after the header timeout, and the full feed's latency meanwhile.

Usage::

    python bench/bench_server.py [--only stall,slow] [--requests 2000] [--seconds 15]
    python bench/bench_server.py --only throughput --serve-args "--http h11"
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

SECTIONS = ("throughput", "stall", "big", "slow")
FULL = b"GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\n\r\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User and system CPU of process ``pid`` and of every process under it, in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        used[child] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += used.get(current, 0.0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


class _Listening:
    """A subprocess listening on ``self.port``, stopped by its pid when the block ends."""

    port: int
    proc: subprocess.Popen[bytes]

    def _wait_for_port(self, seconds: float) -> bool:
        """Wait until the port accepts; ``False`` (the process then stopped) if it exits
        or ``seconds`` pass first."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return True
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    return False
                time.sleep(0.1)

    def __exit__(self, *_: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Server(_Listening):
    """``summitcal serve`` in a subprocess."""

    def __init__(self, extra: Sequence[str], startup: float = 30.0) -> None:
        self.port = free_port()
        self.argv = [sys.executable, "-m", "summitcal", "serve", "--port", str(self.port)]
        self.argv += extra
        self.startup = startup

    def __enter__(self) -> Server:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(self.argv, env=env, stdout=self.log, stderr=self.log)
        if not self._wait_for_port(self.startup):
            raise SystemExit("the server did not start")
        return self

    def log_lines(self) -> list[str]:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").splitlines()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, dict[str, str]]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    body = await reader.readexactly(length) if length else b""
    return status, body, headers


class Tally:
    """Latencies and statuses of one stream of requests."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.errors: list[str] = []

    def line(self) -> str:
        if not self.latencies:
            return "no responses"
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000
        p99 = lat[max(0, int(len(lat) * 0.99) - 1)] * 1000
        codes = " ".join(f"{k}x{v}" for k, v in sorted(self.statuses.items()))
        top = lat[-1] * 1000
        return f"n {len(lat):>6}  p50 {p50:8.2f}  p99 {p99:8.2f}  max {top:8.2f} ms  [{codes}]" + (
            f"  errors {len(self.errors)}" if self.errors else ""
        )


async def client(
    port: int,
    requests: Sequence[bytes] | bytes,
    tally: Tally,
    budget: list[int],
    deadline: float,
    stop: asyncio.Event | None = None,
) -> None:
    """Send requests one after the other on one keep-alive connection until the shared
    budget or the deadline runs out (or ``stop`` is set); reconnect after a close."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = 0
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            if stop is not None and stop.is_set():
                return
            budget[0] -= 1
            request = requests if isinstance(requests, bytes) else requests[i % len(requests)]
            i += 1
            t0 = time.perf_counter()
            writer.write(request)
            await writer.drain()
            try:
                status, _body, headers = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
                tally.errors.append(repr(exc))
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            tally.latencies.append(time.perf_counter() - t0)
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if headers.get("connection") == "close":
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


def custom_requests(offset: int, count: int) -> list[bytes]:
    """Distinct custom-feed queries: every one a different ``from=`` day, all of them
    before the first event, so each is a full-size feed that no cache holds."""
    first = date(1900, 1, 1) + timedelta(days=offset * count)
    return [
        f"GET /feeds/custom.ics?from={first + timedelta(days=i)} HTTP/1.1\r\n"
        "Host: bench\r\n\r\n".encode()
        for i in range(count)
    ]


async def stall(port: int, hammers: int, requests: int, seconds: float, round_: int) -> str:
    """The full feed's latency for ``seconds`` (or ``requests``), with ``hammers`` clients
    asking for distinct custom feeds meanwhile."""
    feed, custom = Tally(), Tally()
    deadline = time.perf_counter() + seconds + 0.5
    stop = asyncio.Event()
    budget = [requests]
    tasks = [
        asyncio.create_task(
            client(port, custom_requests(round_ * 4 + h, 2000), custom, [2000], deadline, stop)
        )
        for h in range(hammers)
    ]
    if hammers:
        await asyncio.sleep(0.5)  # let the hammers get going
    await client(port, FULL, feed, budget, deadline)
    stop.set()
    await asyncio.gather(*tasks)
    extra = f"   custom: {custom.line()}" if hammers else ""
    return f"  all.ics with {hammers} custom clients: {feed.line()}{extra}"


def revalidations(etag: str, last_modified: str | None) -> list[tuple[str, bytes]]:
    """The full-feed request and the conditional ones that a 304 answers."""
    out = [("full feed (200)", FULL)]
    cond = f"GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\nIf-None-Match: {etag}\r\n\r\n"
    out.append(("If-None-Match (304)", cond.encode()))
    if last_modified:
        ims = "GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\n"
        out.append(
            ("If-Modified-Since (304)", f"{ims}If-Modified-Since: {last_modified}\r\n\r\n".encode())
        )
    return out


async def first_response(port: int) -> tuple[int, dict[str, str]]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(FULL)
    _status, body, headers = await read_response(reader)
    writer.close()
    return len(body), headers


def run_wrk(port: int, request: bytes, seconds: float) -> tuple[float, str, int]:
    """Responses a second, a summary line and the responses in all, from wrk (1 thread,
    50 connections)."""
    lines = request.decode("latin-1").split("\r\n")
    path = lines[0].split()[1]
    argv = ["wrk", "-t1", "-c50", f"-d{max(1, round(seconds))}s", "--latency"]
    for line in lines[1:]:
        if ":" in line and not line.lower().startswith("host:"):
            argv += ["-H", line]
    out = subprocess.run(
        [*argv, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    total = int(re.search(r"(\d+) requests in", out)[1])  # type: ignore[index]
    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    line = f"p50 {pct.get('50', '?'):>8}  p99 {pct.get('99', '?'):>8}"
    if bad:
        line += f"  non-2xx/3xx {bad[1]}"
    if errors:
        line += f"  socket errors: {errors[1]}"
    return rps, line, total


async def run_python_client(
    port: int, request: bytes, requests: int, seconds: float
) -> tuple[float, str, int]:
    tally, budget = Tally(), [requests * 10]
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(client(port, request, tally, budget, deadline) for _ in range(50)))
    done = len(tally.latencies)
    return done / (time.perf_counter() - start), tally.line(), done


def measure(
    port: int, pid: int, label: str, use_wrk: bool, requests: int, seconds: float
) -> dict[str, float]:
    """Print and return responses a second for the full feed and its revalidations, and
    print the server's CPU time per response (process ``pid`` and those under it), which
    a busy machine distorts far less than responses a second."""
    size, headers = asyncio.run(first_response(port))
    print(f"  {label}: /feeds/all.ics {size} bytes, etag {headers.get('etag')}")
    out, cpu = {}, {}
    for name, request in revalidations(headers["etag"], headers.get("last-modified")):
        before = cpu_seconds(pid)
        if use_wrk:
            rps, line, done = run_wrk(port, request, seconds)
        else:
            rps, line, done = asyncio.run(run_python_client(port, request, requests, seconds))
        cpu[name] = (cpu_seconds(pid) - before) / max(done, 1) * 1e6
        out[name] = rps
        print(f"    {name:<24} {rps:7.0f} responses/s  {cpu[name]:6.1f} us CPU each  {line}")
    full = out["full feed (200)"]
    for name, rps in out.items():
        if rps is not full:
            print(
                f"    {name}: costs {full / rps:.2f} of a full response "
                f"({cpu[name] / cpu['full feed (200)']:.2f} of its server CPU)"
            )
    return out


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
    )


NGINX_CONF = """\
# One worker on loopback serving a summitcal build (what docs/server.md recommends).
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{
        text/html html;
        text/calendar ics;
        application/json json;
        image/svg+xml svg;
        text/javascript js;
    }}
    charset utf-8;
    charset_types text/calendar application/json image/svg+xml text/javascript;
    sendfile on;
    tcp_nopush on;
    etag on;
    gzip on;
    gzip_vary on;
    gzip_types text/calendar application/json image/svg+xml text/javascript;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        add_header Cache-Control "public, max-age=3600";
    }}
}}
"""


class Nginx(_Listening):
    """nginx in a subprocess serving ``site``."""

    def __init__(self, binary: str, site: Path, tmp: Path) -> None:
        self.port = free_port()
        conf = tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, site=site, port=self.port), encoding="utf-8")
        self.argv = [binary, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")]

    def __enter__(self) -> Nginx:
        self.proc = subprocess.Popen(self.argv, stderr=subprocess.PIPE)
        if not self._wait_for_port(10):
            err = self.proc.stderr.read().decode() if self.proc.stderr else ""
            raise RuntimeError(f"nginx did not start: {err.strip()}")
        return self


def nginx_comparison(
    serve_figures: dict[str, float], use_wrk: bool, requests: int, seconds: float
) -> None:
    binary = find_nginx()
    if binary is None:
        print("nginx: not installed, comparison skipped (apt-get install nginx-light)")
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        tmp.chmod(0o755)  # nginx's worker may run as another user (nobody, under root)
        site = tmp / "site"
        subprocess.run(
            [sys.executable, "-m", "summitcal", "build", str(site)], check=True, capture_output=True
        )
        try:
            with Nginx(binary, site, tmp) as nginx:
                figures = measure(
                    nginx.port, nginx.proc.pid, "nginx, static build", use_wrk, requests, seconds
                )
        except RuntimeError as exc:
            print(f"nginx: {exc}; comparison skipped")
            return
    for name, rps in serve_figures.items():
        if name in figures:
            print(f"  summitcal serve / nginx, {name}: {rps / figures[name]:.2f}x")


def throughput(port: int, pid: int, client_choice: str, requests: int, seconds: float) -> None:
    use_wrk = client_choice == "wrk" or (
        client_choice == "auto" and shutil.which("wrk") is not None
    )
    print(f"  client: {'wrk, 1 thread' if use_wrk else 'asyncio streams'}, 50 connections")
    figures = measure(port, pid, "summitcal serve", use_wrk, requests, seconds)
    nginx_comparison(figures, use_wrk, requests, seconds)


def write_big_catalogue(folder: Path, count: int) -> None:
    """``count`` plain events, one a day from 1990, in one TOML file."""
    lines = []
    day = date(1990, 1, 1)
    for i in range(count):
        lines += [
            "[[event]]",
            f'id = "bench-event-{i}"',
            'kind = "conference"',
            f'title = "Bench conference {i}"',
            f'when = "{day + timedelta(days=i)}"',
            'status = "confirmed"',
            "[[event.sources]]",
            f'url = "https://example.org/{i}"',
            "",
        ]
    (folder / "events.toml").write_text("\n".join(lines), encoding="utf-8")


async def big_one(port: int, query: str, seconds: float) -> tuple[Tally, Tally, float]:
    """One custom feed, with /events.json and /feeds/all.ics fetched while it renders."""
    whole, others = Tally(), Tally()
    deadline = time.perf_counter() + seconds
    stop = asyncio.Event()

    async def the_big_one() -> None:
        request = f"GET /feeds/custom.ics?{query} HTTP/1.1\r\nHost: bench\r\n\r\n"
        await client(port, request.encode(), whole, [1], deadline)
        stop.set()

    async def alongside() -> None:
        reqs = [b"GET /events.json HTTP/1.1\r\nHost: bench\r\n\r\n", FULL]
        await client(port, reqs, others, [200], deadline, stop)

    t0 = time.perf_counter()
    await asyncio.gather(the_big_one(), alongside())
    return whole, others, time.perf_counter() - t0


async def big(port: int, seconds: float) -> None:
    """A custom feed of everything, then one of about 4,000 events (within the size
    budget)."""
    for label, query in (
        ("everything", "from=1990-01-02"),
        ("4,017 events", "from=1990-01-02&to=2000-12-31"),
    ):
        whole, others, took = await big_one(port, query, seconds)
        print(f"  custom feed of {label}: {whole.line()}  ({took:.1f} s)")
        print(f"    events.json + all.ics meanwhile: {others.line()}")


async def slow(port: int, pid: int, connections: int, hold: float) -> None:
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    t0 = time.perf_counter()
    for _ in range(connections):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as exc:
            print(f"  could not open more than {len(opened)} connections: {exc}")
            break
        writer.write(b"GET /feeds/all.ics HTTP/1.1\r\nHost: ben")
        opened.append((reader, writer))
    print(
        f"  {len(opened)} incomplete requests sent in {time.perf_counter() - t0:.1f} s;"
        f" server RSS {rss_mib(pid):.1f} MiB"
    )
    feed = Tally()
    await client(port, FULL, feed, [200], time.perf_counter() + 10)
    print(f"  all.ics meanwhile: {feed.line()}")
    await asyncio.sleep(max(0.0, hold - (time.perf_counter() - t0)))
    still = 0
    for reader, _writer in opened:
        # A closed connection reads EOF at once; one still held times out.
        try:
            data = await asyncio.wait_for(reader.read(1), 0.001)
            still += 0 if data == b"" else 1
        except TimeoutError:
            still += 1
        except ConnectionError:
            pass
    for _reader, writer in opened:
        writer.close()
    print(f"  still open after {hold:.0f} s: {still} of {len(opened)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--requests", type=int, default=20_000, help="per scenario, at most")
    parser.add_argument("--seconds", type=float, default=5.0, help="per scenario, at most")
    parser.add_argument("--big-events", type=int, default=30_000)
    parser.add_argument("--connections", type=int, default=3000)
    parser.add_argument("--hold", type=float, default=15.0, help="seconds before counting")
    parser.add_argument("--serve-args", default="", help="extra arguments for summitcal serve")
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator for throughput: wrk when installed (auto), or the asyncio one",
    )
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    extra = args.serve_args.split()
    if {"throughput", "stall"} & wanted:
        with Server(extra) as server:
            print(f"summitcal serve on 127.0.0.1:{server.port} (shipped catalogue)")
            if "throughput" in wanted:
                throughput(server.port, server.proc.pid, args.client, args.requests, args.seconds)
            if "stall" in wanted:
                for round_, hammers in enumerate((0, 1, 4)):
                    line = asyncio.run(
                        stall(server.port, hammers, args.requests, args.seconds, round_)
                    )
                    print(line)
            print(f"  server RSS after load: {rss_mib(server.proc.pid):.1f} MiB")
    if "slow" in wanted:
        with Server(extra) as server:
            print(f"summitcal serve on 127.0.0.1:{server.port}: slow clients")
            asyncio.run(slow(server.port, server.proc.pid, args.connections, args.hold))
            tracebacks = sum("Traceback" in line for line in server.log_lines())
            print(f"  server log: {len(server.log_lines())} lines, {tracebacks} tracebacks")
    if "big" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            write_big_catalogue(Path(tmp), args.big_events)
            t0 = time.perf_counter()
            with Server([*extra, "--seeds", tmp], startup=300) as server:
                print(
                    f"summitcal serve with {args.big_events} events:"
                    f" started in {time.perf_counter() - t0:.1f} s"
                )
                asyncio.run(big(server.port, max(args.seconds, 60)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
