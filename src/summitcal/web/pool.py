"""Rendering off the event loop: a bounded pool of workers that hold the catalogue.

A custom feed of the shipped catalogue costs 40-90 ms of pure-Python CPU, and one of a
30,000-event catalogue many seconds; done on the event loop, every other client waits for
it.  :class:`RenderPool` runs such renders elsewhere, within a budget
(:class:`RenderPolicy`): a bounded number at once, a bounded queue behind them, a time
limit and a size limit.  Past any of these the request gets
:class:`~summitcal.web.render.RenderRefused` (503 with Retry-After) at once rather
than a growing wait.  Finished renders are kept in a :class:`ResultCache` bounded in
entries and in bytes; identical requests in flight share one render.

Processes, not threads, by default: a render in a thread holds the GIL for most of its
run, and the event loop then waits for the GIL at each of its own steps.  On a 2-core
machine, with four clients asking for distinct custom feeds, the full feed's median
latency was 17.8 ms (p99 99 ms) with threads and 0.25 ms (p99 0.8 ms) with processes
(``bench/bench_server.py``; ``docs/server.md`` has the table).  The worker processes
are spawned once (not forked from a process that runs an event loop), receive the
catalogue once, and run at a lower CPU priority, so that the event loop comes first.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import functools
import logging
import multiprocessing
import os
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from types import FrameType
from typing import Literal

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.feeds.feeds import FeedSpec, feed_links
from summitcal.web.http import Resource
from summitcal.web.render import RenderRefused, custom_feed, page

__all__ = ["RenderPolicy", "RenderPool", "ResultCache"]

log = logging.getLogger("summitcal.web.server")

#: What a worker is asked to do: a custom feed, or the page or SVG for a day and base URL.
Job = tuple[Literal["feed"], FeedSpec] | tuple[Literal["page"], str, date, str]


@attrs.frozen
class RenderPolicy:
    """How on-demand renders (custom feeds, the page, the SVG) are run.

    Attributes:
        mode: ``"process"`` (worker processes holding a copy of the catalogue) or
            ``"thread"`` (threads of this process: no extra processes, but renders then
            compete with the event loop for the GIL).
        workers: Renders running at once.
        queue: Renders that may wait for a worker; one more is refused at once.
        timeout: Seconds a request waits for its render, queueing included; past it the
            request is refused (and, with processes, the render is stopped).
        retry_after: Seconds announced in the refusals' Retry-After.
        max_events: Most events in a custom feed rendered on demand.
        max_bytes: Largest custom feed rendered on demand.
        cache_entries: Most renders kept.
        cache_bytes: Most bytes of renders kept (body plus gzip form).
        nice: How much lower the worker processes' CPU priority is (``os.nice``).
    """

    mode: Literal["process", "thread"] = "process"
    workers: int = attrs.field(default=2, validator=attrs.validators.ge(1))
    queue: int = attrs.field(default=8, validator=attrs.validators.ge(0))
    timeout: float = attrs.field(default=10.0, validator=attrs.validators.gt(0))
    retry_after: int = attrs.field(default=5, validator=attrs.validators.ge(0))
    max_events: int = attrs.field(default=5000, validator=attrs.validators.ge(0))
    max_bytes: int = attrs.field(default=16 << 20, validator=attrs.validators.ge(0))
    cache_entries: int = attrs.field(default=128, validator=attrs.validators.ge(0))
    cache_bytes: int = attrs.field(default=64 << 20, validator=attrs.validators.ge(0))
    nice: int = attrs.field(default=10, validator=attrs.validators.ge(0))


class ResultCache:
    """A thread-safe LRU of resources, bounded in entries and in bytes."""

    def __init__(self, entries: int, max_bytes: int) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Hashable, Resource] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Resource | None:
        with self._lock:
            res = self._items.get(key)
            if res is not None:
                self._items.move_to_end(key)
            return res

    def put(self, key: Hashable, res: Resource) -> None:
        size = len(res.body) + len(res.gzipped)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old.body) + len(old.gzipped)
            self._items[key] = res
            self.bytes += size
            while self._items and (len(self._items) > self.entries or self.bytes > self.max_bytes):
                _, gone = self._items.popitem(last=False)
                self.bytes -= len(gone.body) + len(gone.gzipped)


class _Worker:
    """What a worker holds: the catalogue, its feed links and the size budget."""

    def __init__(self, catalog: Catalog, policy: RenderPolicy) -> None:
        self.catalog = catalog
        self.links = feed_links(catalog)
        self.policy = policy

    def run(self, job: Job) -> Resource:
        if job[0] == "feed":
            return custom_feed(
                self.catalog,
                job[1],
                max_events=self.policy.max_events,
                max_bytes=self.policy.max_bytes,
            )
        _, which, today, base = job
        return page(self.catalog, self.links, which, today, base)


_WORKER: _Worker | None = None  # in a worker process: set once by _init_process


class _Expired(Exception):
    pass


def _init_process(catalog: Catalog, policy: RenderPolicy) -> None:
    global _WORKER
    _WORKER = _Worker(catalog, policy)
    # Ctrl-C goes to the whole process group; the server shuts the pool down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if policy.nice:
        os.nice(policy.nice)


def _expire(signum: int, frame: FrameType | None) -> None:
    raise _Expired


def _run_in_process(job: Job) -> Resource:
    assert _WORKER is not None, "the worker was not initialised"
    timeout = _WORKER.policy.timeout
    # A render past its time is abandoned by the request; stop it too, to free the worker.
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return _WORKER.run(job)
    except _Expired:
        raise RenderRefused(f"the render took longer than {timeout:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _ping() -> int:
    return os.getpid()


class RenderPool:
    """Runs renders for one catalogue off the event loop, within a :class:`RenderPolicy`.

    Workers start on first use or on :meth:`start`; :meth:`close` stops them.  Usable from
    any event loop (and from several in turn, as tests do).
    """

    def __init__(self, catalog: Catalog, policy: RenderPolicy) -> None:
        self.catalog = catalog
        self.policy = policy
        self.cache = ResultCache(policy.cache_entries, policy.cache_bytes)
        self._executor: cf.Executor | None = None
        self._target: Callable[[Job], Resource] = _run_in_process
        self._lock = threading.RLock()
        self._inflight: dict[Hashable, cf.Future[Resource]] = {}
        self._waiters: dict[Hashable, int] = {}
        self._pending = 0
        self._closed = False

    def _pool(self) -> cf.Executor:
        if self._closed:
            raise RenderRefused("the server is shutting down")
        if self._executor is None:
            p = self.policy
            if p.mode == "process":
                self._executor = cf.ProcessPoolExecutor(
                    p.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_process,
                    initargs=(self.catalog, p),
                )
            else:
                self._executor = cf.ThreadPoolExecutor(p.workers, "summitcal-render")
                self._target = _Worker(self.catalog, p).run
        return self._executor

    def start(self) -> None:
        """Start every worker now, so that the first requests do not wait for them."""
        with self._lock:
            pool = self._pool()
            if self.policy.mode == "process":
                # One task per worker: a process pool spawns a worker for each task that
                # finds none idle.
                for _ in range(self.policy.workers):
                    pool.submit(_ping)

    def close(self) -> None:
        """Stop the workers; renders still queued are dropped, running ones finish."""
        with self._lock:
            self._closed = True
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)

    @property
    def pending(self) -> int:
        """Renders running or queued."""
        return self._pending

    async def render(self, key: Hashable, job: Job) -> Resource:
        """The resource for ``job``, from the cache or from a worker.

        Raises:
            RenderRefused: When the queue is full, the render is over its size budget, or
                it is not done within ``policy.timeout`` seconds.
        """
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        future = self._submit(key, job)
        try:
            return await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(future)), self.policy.timeout
            )
        except TimeoutError:
            raise RenderRefused(f"the render took longer than {self.policy.timeout:g} s") from None
        except BrokenProcessPool:
            raise RenderRefused("a render worker stopped; it is being replaced") from None
        finally:
            self._leave(key, future)

    def _submit(self, key: Hashable, job: Job) -> cf.Future[Resource]:
        with self._lock:
            future = self._inflight.get(key)
            if future is None:
                limit = self.policy.workers + self.policy.queue
                if self._pending >= limit:
                    raise RenderRefused(
                        f"{self._pending} renders are running or queued (the limit is {limit})",
                        retry_after=self.policy.retry_after,
                    )
                pool = self._pool()
                future = pool.submit(self._target, job)
                self._pending += 1
                self._inflight[key] = future
                future.add_done_callback(functools.partial(self._finished, key, pool))
            self._waiters[key] = self._waiters.get(key, 0) + 1
            return future

    def _leave(self, key: Hashable, future: cf.Future[Resource]) -> None:
        with self._lock:
            left = self._waiters.get(key, 1) - 1
            if left:
                self._waiters[key] = left
                return
            self._waiters.pop(key, None)
        # Nobody waits for it any more: drop it if it has not started.
        future.cancel()

    def _finished(self, key: Hashable, pool: cf.Executor, future: cf.Future[Resource]) -> None:
        # Runs in a pool thread; the result is cached even if its request gave up, so a
        # retry after Retry-After finds it.
        with self._lock:
            self._pending -= 1
            if self._inflight.get(key) is future:
                del self._inflight[key]
            if future.cancelled():
                return
            broken = isinstance(future.exception(), BrokenProcessPool)
            if broken and self._executor is pool:
                # A worker died (killed, out of memory): the next render starts new ones.
                self._executor = None
                log.warning("a render worker stopped; starting new workers")
        if broken:
            pool.shutdown(wait=False, cancel_futures=True)
        elif future.exception() is None:
            self.cache.put(key, future.result())
