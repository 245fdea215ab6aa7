"""``extract_many``: extraction over a stream of documents, lazily, optionally in parallel.

``extract`` is a pure function of one document, so a collection of documents is a map.
On one machine :func:`extract_many` streams: it takes any iterable (a generator reading a
directory, say) and yields one :class:`Extraction` per document, in input order, holding
only a bounded number of documents in memory.  With ``processes=N`` the work is spread
over a process pool.  For archives larger than one machine, see examples/dask_pipeline.py.

Example::

    >>> from datetime import date
    >>> docs = [("Talks ended on Friday.", date(2025, 2, 9))]
    >>> [m.timex for r in extract_many(docs) for m in r.mentions]
    ['2025-02-07']
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

import attrs

from summitcal.errors import SummitcalError
from summitcal.extraction.core import extract
from summitcal.extraction.mention import Mention
from summitcal.resolver.languages import check

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["Document", "Extraction", "extract_many", "in_order"]

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
    processes: int | None = None,
    executor: Executor | None = None,
    chunk: int = 64,
    lang: str | None = None,
) -> Iterator[Extraction]:
    """Extract from each document of a stream, lazily, results in input order.

    Args:
        documents: :class:`Document` objects or ``(text, reference)`` /
            ``(text, reference, id)`` tuples; any iterable, consumed as results are
            asked for.
        processes: Run on a process pool of this many workers (``None`` or ``1``: in
            this process).
        executor: Or an executor of your own (its workers must be able to import
            summitcal); not shut down here.
        chunk: How many documents are in flight at once with a pool (memory bound).
        lang: The language of every document (ISO 639-1: ``en``, ``zh``, ``fr``) that
            does not give its own (:attr:`Document.lang`); by default each is detected.

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
    if executor is None and (processes is None or processes <= 1):
        yield from map(_run, docs)
        return
    # Imported here: multiprocessing costs more to import than a short article takes to
    # read, and extraction in this process never needs it.
    from concurrent.futures import ProcessPoolExecutor

    own = executor is None
    workers = processes or 2
    pool = executor or ProcessPoolExecutor(max_workers=workers)
    # Several documents per task: one round trip to a worker costs about as much as
    # extracting from a short article.
    per_task = max(1, chunk // (4 * workers))
    try:
        yield from in_order(pool, _run, docs, in_flight=-(-chunk // per_task), per_task=per_task)
    finally:
        if own:
            pool.shutdown(cancel_futures=True)


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
    a process pool.  An exception of ``fn`` is raised when its task's turn comes.
    """
    source = iter(items)
    pending: deque[Future[list[R]]] = deque()

    def submit() -> None:
        batch = list(itertools.islice(source, per_task))
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


def _each(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]
