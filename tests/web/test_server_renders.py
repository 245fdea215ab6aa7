"""On-demand renders run off the event loop, within a budget: 503 with Retry-After past it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import summitcal.web.render
from summitcal import load_catalog
from summitcal.catalog.catalog import Catalog
from summitcal.web.server import FeedServer, RenderPolicy, create_app
from tests.web.test_server import NOW, SITE_SEEDS

THREADS = RenderPolicy(mode="thread", workers=1, queue=0, timeout=5.0)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Custom-feed renders (in threads) wait for this event, 3 s at most; counted."""
    event = threading.Event()
    real = summitcal.web.render.render_feed
    calls: list[int] = []

    def slow(catalog: Catalog, spec: Any, **kw: Any) -> bytes:
        if spec.name.startswith("custom-"):  # the named feeds, rendered at start, pass
            calls.append(1)
            event.wait(3)
        return real(catalog, spec, **kw)

    monkeypatch.setattr(summitcal.web.render, "render_feed", slow)
    event.calls = calls  # type: ignore[attr-defined]
    yield event
    event.set()


async def get(app: FeedServer, path: str, query: bytes = b"") -> tuple[int, dict[str, str]]:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], headers


def app_with(policy: RenderPolicy, catalog: Catalog | None = None) -> FeedServer:
    return create_app(catalog or load_catalog(SITE_SEEDS), clock=lambda: NOW, renders=policy)


def test_the_full_feed_is_answered_while_a_custom_feed_renders(gate: threading.Event) -> None:
    app = app_with(THREADS)

    async def run() -> list[str]:
        done: list[str] = []

        async def custom() -> None:
            await get(app, "/feeds/custom.ics", b"from=2020-01-01")
            done.append("custom")

        task = asyncio.create_task(custom())
        await asyncio.sleep(0.05)
        assert (await get(app, "/feeds/all.ics"))[0] == 200
        done.append("all")
        gate.set()
        await task
        return done

    assert asyncio.run(run()) == ["all", "custom"]
    app.close()


def test_a_full_queue_is_503_with_retry_after_at_once(gate: threading.Event) -> None:
    app = app_with(THREADS)

    async def run() -> tuple[int, dict[str, str], float]:
        first = asyncio.create_task(get(app, "/feeds/custom.ics", b"from=2020-01-01"))
        await asyncio.sleep(0.05)
        t0 = time.perf_counter()
        status, headers = await get(app, "/feeds/custom.ics", b"from=2020-01-02")
        took = time.perf_counter() - t0
        gate.set()
        assert (await first)[0] == 200
        return status, headers, took

    status, headers, took = asyncio.run(run())
    assert status == 503
    assert headers["retry-after"] == "5"
    assert took < 1
    app.close()


def test_identical_requests_in_flight_share_one_render(gate: threading.Event) -> None:
    app = app_with(THREADS)

    async def run() -> list[tuple[int, dict[str, str]]]:
        tasks = [
            asyncio.create_task(get(app, "/feeds/custom.ics", b"kind=summit")) for _ in range(3)
        ]
        await asyncio.sleep(0.05)
        gate.set()
        return await asyncio.gather(*tasks)

    assert [status for status, _ in asyncio.run(run())] == [200, 200, 200]
    assert len(gate.calls) == 1  # type: ignore[attr-defined]
    app.close()


def test_a_render_past_its_time_is_503_and_kept_for_the_retry(gate: threading.Event) -> None:
    app = app_with(attrs.evolve(THREADS, timeout=0.1))

    async def run() -> tuple[int, int]:
        late = await get(app, "/feeds/custom.ics", b"from=2020-01-01")
        gate.set()
        while app.state.pool.pending:
            await asyncio.sleep(0.01)
        again = await get(app, "/feeds/custom.ics", b"from=2020-01-01")
        return late[0], again[0]

    assert asyncio.run(run()) == (503, 200)
    app.close()


def test_a_custom_feed_over_the_size_budget_is_503() -> None:
    app = app_with(attrs.evolve(THREADS, max_events=2))
    status, headers = asyncio.run(get(app, "/feeds/custom.ics"))
    assert status == 503
    assert "retry-after" in headers
    assert asyncio.run(get(app, "/feeds/custom.ics", b"series=waic&from=2024-07-01"))[0] == 200
    app.close()


def test_a_worker_process_stops_a_render_past_its_time() -> None:
    """With processes the render itself is stopped, freeing the worker (1 s -> 0.2 s)."""
    shipped = load_catalog()
    tops = [e for e in shipped if not e.parent]
    big = Catalog(
        [attrs.evolve(e, id=f"{e.id}-{i}") for i in range(60) for e in tops],
        series=shipped.series,
    )
    policy = RenderPolicy(workers=1, timeout=0.2, max_events=10**6, max_bytes=10**9)
    app = app_with(policy, big)

    async def run() -> tuple[int, float]:
        app.state.pool.start()
        for _ in range(50):  # until the worker is up (a 503 meanwhile)
            if (await get(app, "/feeds/custom.ics", b"kind=summit"))[0] == 200:
                break
            await asyncio.sleep(0.2)
        status, _ = await get(app, "/feeds/custom.ics")
        t0 = time.perf_counter()
        while app.state.pool.pending and time.perf_counter() - t0 < 5:
            await asyncio.sleep(0.01)
        return status, time.perf_counter() - t0

    status, freed_after = asyncio.run(run())
    app.close()
    assert status == 503
    assert freed_after < 0.6  # rendering it whole takes about 1 s
