"""``propose_many``: proposals over a stream of articles, lazily, in input order.

Like :func:`~summitcal.extraction.many.extract_many`, it takes any iterable and holds one
article at a time; the catalogue's gazetteer is built once for the whole stream.  An
article whose reading raises yields a result with ``error`` set, and the stream goes on.
For archives beyond one machine, see examples/dask_pipeline.py.

Example::

    >>> from datetime import date
    >>> docs = [("Envoys met in Rome on Friday.", date(2031, 5, 4))]
    >>> [p.event.when.timex for r in propose_many(docs, catalog=[]) for p in r.proposals]
    ['2031-05-02']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

import attrs

from summitcal.catalog.catalog import Catalog
from summitcal.errors import SummitcalError
from summitcal.models.events import Event
from summitcal.models.parts import Source
from summitcal.proposals.core import Proposer, proposer
from summitcal.proposals.proposal import Proposal

__all__ = ["Article", "ArticleProposals", "propose_many"]


@attrs.frozen(kw_only=True)
class Article:
    """An article to read: its text, publication date, source and an optional id."""

    text: str
    reference: date | datetime
    source: Source | None = None
    id: str = ""


@attrs.frozen(kw_only=True)
class ArticleProposals:
    """The result for one article: its id (its position, as a string, when it had
    none), the proposals, and the error's message if reading it failed."""

    id: str
    proposals: tuple[Proposal, ...] = ()
    error: str | None = None


ArticleLike = Article | tuple[str, date | datetime] | tuple[str, date | datetime, Source | None]


def _as_article(item: ArticleLike, position: int) -> Article:
    if isinstance(item, Article):
        return item if item.id else attrs.evolve(item, id=str(position))
    if isinstance(item, tuple) and len(item) in (2, 3):
        given = item[2] if len(item) == 3 else None
        return Article(text=item[0], reference=item[1], source=given, id=str(position))
    raise TypeError(f"article #{position}: expected an Article or (text, reference[, source])")


def _run(reader: Proposer, article: Article) -> ArticleProposals:
    try:
        found = reader.propose(article.text, article.reference, article.source)
    except SummitcalError as exc:
        return ArticleProposals(id=article.id, error=str(exc))
    except Exception as exc:  # a fault of ours: one article's, not the stream's
        return ArticleProposals(id=article.id, error=f"{type(exc).__name__} while proposing: {exc}")
    return ArticleProposals(id=article.id, proposals=tuple(found))


def propose_many(
    articles: Iterable[ArticleLike], *, catalog: Catalog | Iterable[Event] | None = None
) -> Iterator[ArticleProposals]:
    """Propose from each article of a stream, lazily, results in input order.

    Args:
        articles: :class:`Article` objects or ``(text, reference[, source])`` tuples;
            any iterable, consumed as results are asked for.
        catalog: As for :func:`~summitcal.proposals.core.propose`.

    Yields:
        One :class:`ArticleProposals` per article, in input order.

    Raises:
        TypeError: If an item is neither an Article nor a tuple of the right shape.
    """
    reader = proposer(catalog)
    for i, item in enumerate(articles):
        yield _run(reader, _as_article(item, i))
