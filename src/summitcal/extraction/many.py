"""``extract_many``: extraction over a stream of documents, lazily, optionally in parallel.

``extract`` is a pure function of one document, so a collection of documents is a map.
On one machine :func:`extract_many` streams: it takes any iterable (a generator reading a
directory, say) and yields one :class:`Extraction` per document, in input order, holding
only a bounded number of documents in memory.  ``processes="auto"`` spreads a stream
that proves long over every core, where that is safe (see :func:`extract_many`);
``processes=N`` asks for a pool of N from the start.  For archives larger than one
machine, see examples/dask_pipeline.py.

Example::

    >>> from datetime import date
    >>> docs = [("Talks ended on Friday.", date(2025, 2, 9))]
    >>> [m.timex for r in extract_many(docs) for m in r.mentions]
    ['2025-02-07']
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

import attrs

from summitcal.errors import SummitcalError
from summitcal.extraction.core import extract
from summitcal.extraction.mention import Mention
from summitcal.resolver.languages import check

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from multiprocessing.context import BaseContext

__all__ = ["SPREAD_AFTER", "Document", "Extraction", "extract_many", "in_order", "usable_cores"]

log = logging.getLogger(__name__)

#: Characters of text extracted in this process before the rest of a stream is spread
#: over every core: about a fifth of a second of news, ten times what starting the
#: processes costs, so a short stream never pays for them.
SPREAD_AFTER = 256 * 1024

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen(kw_only=True)
class Document:
    """A text to extract from, with its publication date and an optional id."""

    text: str
    reference: date | datetime
    id: str = ""
    #: The text's language (ISO 639-1); ``None``: the stream's, or detected.
    lang: str | None = None


@attrs.frozen(kw_only=True)
class Extraction:
    """The result for one document.

    Attributes:
        id: The document's id (its position in the input, as a string, when it had none).
        reference: The date it was resolved against.
        mentions: What was found; empty when ``error`` is set.
        error: The message of the error the document raised, if any: a typed error's
            own message, or any other exception's type and message (one bad document
            does not stop a stream).
    """

    id: str
    reference: date | datetime
    mentions: tuple[Mention, ...] = ()
    error: str | None = None


DocumentLike = Document | tuple[str, date | datetime] | tuple[str, date | datetime, str]


def _as_document(item: DocumentLike, position: int) -> Document:
    if isinstance(item, Document):
        return item if item.id else attrs.evolve(item, id=str(position))
    if isinstance(item, tuple) and len(item) in (2, 3):
        doc_id = str(item[2]) if len(item) == 3 else str(position)
        return Document(text=item[0], reference=item[1], id=doc_id)
    raise TypeError(f"document #{position}: expected a Document or (text, reference[, id])")


def _with_lang(doc: Document, lang: str | None) -> Document:
    return doc if lang is None or doc.lang is not None else attrs.evolve(doc, lang=lang)


def _run(doc: Document) -> Extraction:
    try:
        if doc.lang is None:  # detected by extract itself
            found = extract(doc.text, reference=doc.reference)
        else:
            found = extract(doc.text, reference=doc.reference, lang=doc.lang)
    except SummitcalError as exc:
        return Extraction(id=doc.id, reference=doc.reference, error=str(exc))
    except Exception as exc:  # a fault of ours: one document's, not the stream's
        error = f"{type(exc).__name__} while extracting: {exc}"
        return Extraction(id=doc.id, reference=doc.reference, error=error)
    return Extraction(id=doc.id, reference=doc.reference, mentions=tuple(found))


def extract_many(
    documents: Iterable[DocumentLike],
    *,
    processes: int | Literal["auto"] | None = None,
    executor: Executor | None = None,
    chunk: int = 64,
    lang: str | None = None,
    spread_after: int = SPREAD_AFTER,
) -> Iterator[Extraction]:
    """Extract from each document of a stream, lazily, results in input order.

    By default everything runs in this process, one document at a time as results are
    asked for.  ``processes="auto"`` reads the first documents here too, and once
    ``spread_after`` characters of text have been read, sends the rest of the stream
    over a pool of every core this process may use; a log line (INFO, logger
    ``summitcal.extraction.many``) says how many.  It does so only where starting
    processes is safe without more from the caller: on Linux, in a main process (never
    inside a worker of the caller's own pool), with no other thread in the process
    (Python's or native; the workers are forked, so they start with what is already
    loaded and need no ``if __name__ == "__main__"`` guard).  Elsewhere the stream stays
    here, and the log line says why.  ``summitcal extract`` over files uses every core
    by default.

    With a pool, documents must pickle (a :class:`Document` of ``str`` and ``date``
    always does).  An error raised by ``documents`` itself (or a malformed item) is
    raised after the results of every document before it, with a pool as without.

    Args:
        documents: :class:`Document` objects or ``(text, reference)`` /
            ``(text, reference, id)`` tuples; any iterable, consumed as results are
            asked for.
        processes: ``None`` or ``1``: in this process; ``"auto"``: as above; ``N``: on a
            pool of N workers from the start (the platform's way of starting processes).
        executor: Or an executor of your own (its workers must be able to import
            summitcal); not shut down here.
        chunk: How many documents are in flight at once with a pool (memory bound).
        lang: The language of every document (ISO 639-1: ``en``, ``zh``, ``fr``) that
            does not give its own (:attr:`Document.lang`); by default each is detected.
        spread_after: With ``processes="auto"``, the characters of text read here
            before the rest is spread (default :data:`SPREAD_AFTER`).

    Yields:
        One :class:`Extraction` per document, in input order.  A document whose
        extraction raises anything yields an extraction with ``error`` set and the
        stream goes on.

    Raises:
        TypeError: If an item is neither a Document nor a tuple of the right shape.
        UnsupportedLanguageError: If ``lang`` names a language the resolver does not read
            (a document's own unsupported ``lang`` is that document's error).
    """
    if lang is not None:
        check(lang)
    docs = (_with_lang(_as_document(item, i), lang) for i, item in enumerate(documents))
    if executor is not None:
        workers = processes if isinstance(processes, int) and processes > 1 else 2
        yield from _on_pool(executor, docs, workers, chunk)
        return
    if processes != "auto":
        if processes is None or processes <= 1:
            yield from map(_run, docs)
        else:
            yield from _on_own_pool(docs, processes, chunk, context=None)
        return
    read = 0
    for doc in docs:
        yield _run(doc)
        read += len(doc.text)
        if read >= spread_after:
            break
    else:
        return  # the whole stream was short
    workers = usable_cores()
    unsafe = _why_not_fork() if workers > 1 else "one core"
    if unsafe is not None:
        log.info("extract_many: the rest of the stream stays in this process (%s)", unsafe)
        yield from map(_run, docs)
        return
    import multiprocessing

    # The workers are forked at once, before anything else of the caller's runs.
    yield from _on_own_pool(docs, workers, chunk, multiprocessing.get_context("fork"), read)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _why_not_fork() -> str | None:
    """Why forking worker processes unasked is not safe here, or ``None`` if it is."""
    import multiprocessing

    if not sys.platform.startswith("linux"):  # macOS's system libraries do not survive it
        return f"workers are forked only on Linux, not on {sys.platform}"
    if multiprocessing.parent_process() is not None:
        return "this is a worker process"
    threads = _thread_count()
    if threads > 1:  # a thread holding a lock at the fork leaves the child stuck
        return f"{threads} threads are running"
    return None


def _thread_count() -> int:
    """The threads of this process, native ones included."""
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir())
    except OSError:
        return threading.active_count()


def _on_own_pool(
    docs: Iterator[Document],
    workers: int,
    chunk: int,
    context: BaseContext | None,
    read_here: int | None = None,
) -> Iterator[Extraction]:
    """``docs`` over a pool of ``workers`` of its own, shut down when the stream ends or is
    closed.  With ``read_here`` (the characters already read in this process: the pool
    was not asked for), every worker is started before the stream is read on, and a log
    line says so."""
    # Imported here: multiprocessing costs more to import than a short article takes to
    # read, and extraction in this process never needs it.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        if read_here is not None:
            pool.submit(int).result()  # a forking pool starts every worker on its first task
            log.info(
                "extract_many: %d characters read in this process; the rest of the stream "
                "goes over %d processes",
                read_here,
                workers,
            )
        yield from _on_pool(pool, docs, workers, chunk)
    finally:
        pool.shutdown(cancel_futures=True)


def _on_pool(
    pool: Executor, docs: Iterator[Document], workers: int, chunk: int
) -> Iterator[Extraction]:
    # Several documents per task: one round trip to a worker costs about as much as
    # extracting from a short article.
    per_task = max(1, chunk // (4 * workers))
    yield from in_order(pool, _run, docs, in_flight=-(-chunk // per_task), per_task=per_task)


def in_order(
    executor: Executor,
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    in_flight: int,
    per_task: int = 1,
) -> Iterator[R]:
    """``map(fn, items)`` on ``executor``, lazily: results in input order, with at most
    ``in_flight`` tasks of ``per_task`` items each under way besides the one whose results
    are being yielded.

    Memory holds that many items and results, however long ``items`` is (an executor's
    own ``map`` submits every item at once).  A new task goes in as each one is taken,
    so the workers never wait for a whole batch to finish.  ``fn`` must be picklable for
    a process pool.  An exception of ``fn`` is raised when its task's turn comes; one
    raised by ``items`` itself, after the results of every item before it, as ``map``
    would.
    """
    source = iter(items)
    pending: deque[Future[list[R]]] = deque()
    failure: Exception | None = None

    def submit() -> None:
        nonlocal failure
        if failure is not None:
            return
        batch: list[T] = []
        try:
            batch.extend(itertools.islice(source, per_task))
        except Exception as exc:  # raised in its turn, below
            failure = exc
        if batch:
            pending.append(executor.submit(_each, fn, batch))

    for _ in range(max(1, in_flight)):
        submit()
    try:
        while pending:
            results = pending.popleft().result()
            submit()
            yield from results
    finally:
        for future in pending:
            future.cancel()
    if failure is not None:
        raise failure


def _each(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]
