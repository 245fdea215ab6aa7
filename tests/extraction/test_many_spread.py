"""extract_many over every core when asked (processes="auto"): a short stream here, a
long one over a forked pool, in input order and lazily, and never a pool where forking
unasked is not safe."""

from __future__ import annotations

import _thread
import json
import logging
import multiprocessing
import subprocess
import sys
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summitcal.extraction import extract_many, many
from summitcal.extraction.timeml import read_timeml

LINUX = sys.platform.startswith("linux")
ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.tml"))[:8]


def documents() -> list[tuple[str, date, str]]:
    out = []
    for path in ARTICLES:
        doc = read_timeml(path)
        assert doc.dct is not None
        out.append((doc.text, doc.dct, path.stem))
    return out


def timexes(results: Iterable[many.Extraction]) -> list[tuple[str, list[str], str | None]]:
    return [(r.id, [m.timex for m in r.mentions], r.error) for r in results]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pools extract_many starts of its own, by their number of workers."""
    started: list[int] = []
    real = many._on_own_pool

    def spy(docs: Any, workers: int, *args: Any) -> Any:
        started.append(workers)
        return real(docs, workers, *args)

    monkeypatch.setattr(many, "_on_own_pool", spy)
    return started


def test_by_default_even_a_long_stream_stays_in_this_process(pools: list[int]) -> None:
    assert [r.error for r in extract_many(documents(), spread_after=1)] == [None] * 8
    assert pools == []


def test_auto_keeps_a_short_stream_here(pools: list[int]) -> None:
    docs = documents()
    assert sum(len(text) for text, _, _ in docs) < many.SPREAD_AFTER
    assert len(list(extract_many(docs, processes="auto"))) == 8
    assert pools == []


@pytest.mark.parametrize("processes", [1, 0, None])
def test_one_process_asked_for_is_one(processes: int | None, pools: list[int]) -> None:
    assert len(list(extract_many(documents()[:3], processes=processes, spread_after=1))) == 3
    assert pools == []


def test_auto_where_forking_is_not_safe_stays_here_and_says_why(
    pools: list[int], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(many, "_thread_count", lambda: 3)
    monkeypatch.setattr(many.sys, "platform", "linux")
    with caplog.at_level(logging.INFO, "summitcal.extraction.many"):
        results = timexes(extract_many(documents(), processes="auto", spread_after=1))
    assert results == timexes(extract_many(documents()))
    assert pools == []
    assert "stays in this process (3 threads are running)" in caplog.text


def test_auto_on_one_core_stays_here(pools: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(many, "usable_cores", lambda: 1)
    assert len(list(extract_many(documents()[:3], processes="auto", spread_after=1))) == 3
    assert pools == []


def test_what_makes_forking_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(many.sys, "platform", "darwin")
    assert many._why_not_fork() == "workers are forked only on Linux, not on darwin"
    monkeypatch.setattr(many.sys, "platform", "linux")
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    assert many._why_not_fork() == "this is a worker process"
    monkeypatch.undo()
    monkeypatch.setattr(many.sys, "platform", "linux")
    monkeypatch.setattr(many, "_thread_count", lambda: 2)
    assert many._why_not_fork() == "2 threads are running"
    monkeypatch.setattr(many, "_thread_count", lambda: 1)
    assert many._why_not_fork() is None


@pytest.mark.skipif(not LINUX, reason="threads are counted from /proc on Linux")
def test_every_thread_is_counted_native_ones_too() -> None:
    before = many._thread_count()
    release = threading.Event()
    python_thread = threading.Thread(target=release.wait)
    python_thread.start()
    lock = _thread.allocate_lock()
    lock.acquire()
    done = _thread.allocate_lock()
    done.acquire()

    def native() -> None:  # a thread the threading module never hears of
        lock.acquire()
        done.release()

    _thread.start_new_thread(native, ())
    try:
        assert many._thread_count() == before + 2
    finally:
        release.set()
        python_thread.join()
        lock.release()
        done.acquire()


def _in_worker(docs: list[tuple[str, date, str]]) -> list[Any]:
    return timexes(extract_many(docs, processes="auto", spread_after=1))


def test_inside_a_worker_of_the_callers_pool_no_pool_is_started() -> None:
    """A multiprocessing.Pool's workers are daemons, which may not have children, and a
    ProcessPoolExecutor's would start a pool each: both stay in the worker."""
    docs = documents()[:3]
    here = timexes(extract_many(docs))
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        assert pool.apply(_in_worker, (docs,)) == here
    with ProcessPoolExecutor(1, mp_context=context) as executor:
        assert executor.submit(_in_worker, docs).result() == here


# The pooled path, in a process of its own: forking is refused (rightly) in a process
# where earlier tests left threads running, as dask's scheduler does.
POOLED = r"""
import json, logging, multiprocessing, sys, time
from datetime import date
from pathlib import Path
from summitcal.extraction import Document, extract_many, many
from summitcal.extraction.timeml import read_timeml

logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
texts = [read_timeml(Path(p)) for p in sys.argv[1:]]
docs = [(d.text, d.dct) for d in texts]
docs.insert(3, ("Talks end today.", "not a date"))  # an error, after the switch
docs.insert(5, Document(text="La réunion a eu lieu hier.", reference=date(2025, 2, 9), lang="fr"))
first = len(docs[0][0])

def out(results):
    return [(r.id, [m.timex for m in r.mentions], r.error is not None) for r in results]

taken = []
def stream():
    for i, doc in enumerate(docs):
        taken.append(i)
        yield doc

here = out(extract_many(docs))
results = extract_many(stream(), processes="auto", spread_after=first + 1, chunk=4)
got = [next(results), next(results)]
read_at_switch = len(taken)
got.append(next(results))
read_after_one_pooled = len(taken)
workers = len(multiprocessing.active_children())
got += list(results)
assert out(got) == here, (out(got), here)

# The first pool's threads are joined, but the system may list them a moment longer
# (and "auto" rightly refuses to fork meanwhile).
for _ in range(200):
    if many._thread_count() == 1:
        break
    time.sleep(0.01)
partial = extract_many(iter(docs), processes="auto", spread_after=1, chunk=4)
next(partial); next(partial); next(partial)
running = len(multiprocessing.active_children())
partial.close()
print(json.dumps({
    "ids": [r.id for r in got],
    "read_at_switch": read_at_switch,
    "read_after_one_pooled": read_after_one_pooled,
    "workers": workers,
    "running_before_close": running,
    "left_after_close": len(multiprocessing.active_children()),
}))
"""


@pytest.mark.skipif(not LINUX, reason="spread unasked only where workers are forked: Linux")
def test_auto_sends_a_long_stream_over_every_core_in_order_and_lazily() -> None:
    done = subprocess.run(
        [sys.executable, "-c", POOLED, *map(str, ARTICLES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    cores = many.usable_cores()
    assert seen["ids"] == [str(i) for i in range(len(ARTICLES) + 2)]  # positions, in order
    assert seen["read_at_switch"] == 2  # nothing read ahead before the stream proved long
    assert seen["read_after_one_pooled"] <= 2 + 4 + 1  # then at most chunk ahead
    if cores > 1:
        assert seen["workers"] == cores
        assert "characters read in this process" in done.stderr
        assert f"goes over {cores} processes" in done.stderr
        assert seen["running_before_close"] == cores
    assert seen["left_after_close"] == 0  # closing the stream early stops the pool
