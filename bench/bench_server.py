"""Load test of the feed server: requests per second, p99 latency, errors, memory.

Starts uvicorn with the app in a subprocess on a free loopback port, then runs two
scenarios with N concurrent keep-alive clients for a bounded number of requests and a
bounded time each:

* full feeds: GET /feeds/all.ics (200, the whole body, no compression);
* revalidations: GET /feeds/all.ics with If-None-Match (304, as subscribed calendars poll).

The client is a minimal HTTP/1.1 keep-alive client over asyncio streams, so that the
figures measure the server rather than a heavy client library.  Prints the figures;
the target is at least 1,000 full-feed responses per second on a 2-core machine.

Usage::

    python bench/bench_server.py [--clients 50] [--requests 20000] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

SERVER = """
import sys, uvicorn
from datetime import UTC, datetime
from summitcal import load_catalog
from summitcal.server import create_app
app = create_app(load_catalog(), clock=lambda: datetime.now(UTC))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


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


async def client(
    port: int,
    request: bytes,
    expect: int,
    budget: list[int],
    deadline: float,
    latencies: list[float],
    errors: list[str],
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            budget[0] -= 1
            t0 = time.perf_counter()
            writer.write(request)
            await writer.drain()
            try:
                status, _body, _headers = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
                errors.append(repr(exc))
                return
            latencies.append(time.perf_counter() - t0)
            if status != expect:
                errors.append(f"status {status}")
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def scenario(
    name: str, port: int, request: bytes, expect: int, clients: int, total: int, seconds: float
) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    budget = [total]
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(
            client(port, request, expect, budget, deadline, latencies, errors)
            for _ in range(clients)
        )
    )
    elapsed = time.perf_counter() - start
    latencies.sort()
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan")
    print(
        f"{name:<22} {len(latencies):>7} responses in {elapsed:5.2f} s  "
        f"{len(latencies) / elapsed:8.0f} rps  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  "
        f"errors {len(errors)}"
    )
    if errors:
        print("  first errors:", errors[:3])


async def main_async(port: int, pid: int, args: argparse.Namespace) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\n\r\n")
    status, body, headers = await read_response(reader)
    writer.close()
    assert status == 200, status
    etag = headers["etag"]
    print(f"feed /feeds/all.ics: {len(body)} bytes, ETag {etag}")
    print(f"server RSS after start: {rss_kib(pid) / 1024:.1f} MiB")
    full = b"GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\n\r\n"
    cond = f"GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\nIf-None-Match: {etag}\r\n\r\n".encode()
    ims = (
        "GET /feeds/all.ics HTTP/1.1\r\nHost: bench\r\n"
        f"If-Modified-Since: {headers.get('last-modified', 'Thu, 01 Jan 2099 00:00:00 GMT')}"
        "\r\n\r\n"
    ).encode()
    expect_ims = 304 if "last-modified" in headers else 200
    for name, request, expect in (
        ("full feed (200)", full, 200),
        ("If-None-Match (304)", cond, 304),
        ("If-Modified-Since", ims, expect_ims),
    ):
        await scenario(name, port, request, expect, args.clients, args.requests, args.seconds)
    print(f"server RSS after load: {rss_kib(pid) / 1024:.1f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20_000, help="per scenario")
    parser.add_argument("--seconds", type=float, default=20.0, help="per scenario, at most")
    args = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.1)
        print(f"uvicorn on 127.0.0.1:{port}, {args.clients} concurrent keep-alive clients")
        asyncio.run(main_async(port, proc.pid, args))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
