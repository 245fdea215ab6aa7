"""extract_many by default: a short stream in this process, a long one over every core,
and never a pool where starting one unasked is not safe."""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Iterator
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


def timexes(results: Iterator[many.Extraction]) -> list[tuple[str, list[str]]]:
    return [(r.id, [m.timex for m in r.mentions]) for r in results]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, Any]]:
    """The pools extract_many starts of its own: (workers, start method context)."""
    started: list[tuple[int, Any]] = []
    real = many._on_own_pool

    def spy(docs: Any, workers: int, chunk: int, context: Any) -> Any:
        started.append((workers, context))
        return real(docs, workers, chunk, context)

    monkeypatch.setattr(many, "_on_own_pool", spy)
    return started


def test_a_short_stream_stays_in_this_process(pools: list[Any]) -> None:
    docs = documents()
    assert sum(len(text) for text, _, _ in docs) < many.SPREAD_AFTER
    assert [r.error for r in extract_many(docs)] == [None] * len(docs)
    assert pools == []


@pytest.mark.skipif(not LINUX, reason="spread unasked only where workers are forked: Linux")
def test_a_long_stream_goes_over_every_core_in_input_order(
    pools: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert threading.active_count() == 1  # what makes forking safe, and so the default
    monkeypatch.setattr(many, "usable_cores", lambda: 3)
    docs = documents()
    here = timexes(extract_many(docs, processes=1))
    with caplog.at_level(logging.INFO, "summitcal.extraction.many"):
        spread = timexes(extract_many(docs, spread_after=len(docs[0][0]) + 1))
    assert spread == here
    assert [doc_id for doc_id, _ in spread] == [path.stem for path in ARTICLES]
    assert [(workers, context.get_start_method()) for workers, context in pools] == [(3, "fork")]
    # The first two documents were read here, before the stream proved long.
    chars = len(docs[0][0]) + len(docs[1][0])
    assert f"{chars} characters read in this process" in caplog.text
    assert "over 3 processes" in caplog.text


def test_nothing_is_read_ahead_before_the_stream_proves_long(pools: list[Any]) -> None:
    docs = documents()
    taken: list[int] = []

    def stream() -> Iterator[tuple[str, date, str]]:
        for i, doc in enumerate(docs):
            taken.append(i)
            yield doc

    results = extract_many(stream(), spread_after=10**9)
    next(results)
    next(results)
    assert taken == [0, 1]
    assert pools == []


@pytest.mark.parametrize("processes", [1, 0])
def test_processes_one_keeps_even_a_long_stream_here(processes: int, pools: list[Any]) -> None:
    docs = documents()[:3]
    results = list(extract_many(docs, processes=processes, spread_after=1))
    assert len(results) == 3
    assert pools == []


def test_one_core_keeps_the_stream_here(pools: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(many, "usable_cores", lambda: 1)
    assert len(list(extract_many(documents()[:3], spread_after=1))) == 3
    assert pools == []


def _extract_in_worker(docs: list[tuple[str, date, str]]) -> list[tuple[str, list[str]]]:
    return timexes(extract_many(docs, spread_after=1))


def test_inside_a_worker_of_the_callers_pool_no_pool_is_started() -> None:
    """A multiprocessing.Pool's workers are daemons, which may not have children: a pool
    started there would fail the caller's whole job."""
    docs = documents()[:3]
    with multiprocessing.get_context("fork").Pool(1) as pool:
        in_worker = pool.apply(_extract_in_worker, (docs,))
    assert in_worker == timexes(extract_many(docs, processes=1))


def test_where_forking_is_not_safe_the_default_starts_no_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Linux, one thread, a main process
    assert (many._spread_context() is not None) == LINUX

    monkeypatch.setattr(many.sys, "platform", "darwin")
    assert many._spread_context() is None
    monkeypatch.undo()

    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    assert many._spread_context() is None
    monkeypatch.undo()

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert many._spread_context() is None
    finally:
        stop.set()
        other.join()
    assert (many._spread_context() is not None) == LINUX
