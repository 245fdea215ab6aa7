"""Scoring ``extract`` on a directory of TimeML articles (the development corpus).

Example::

    >>> report = evaluate(sorted(Path("tests/data/articles").glob("*.tml")))
    >>> print(report.total.summary())  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import attrs

from summitcal.extraction.core import extract
from summitcal.extraction.mention import Mention
from summitcal.extraction.score import Scores, score
from summitcal.extraction.timeml import TimeMLDocument, TimeMLError, read_timeml

__all__ = ["Evaluation", "evaluate"]

Extractor = Callable[[str, date], Sequence[Mention]]


def _default(text: str, reference: date) -> list[Mention]:
    return extract(text, reference=reference)


@attrs.frozen
class Evaluation:
    """Scores of a corpus: the micro-averaged total and each document's own."""

    total: Scores
    documents: tuple[tuple[str, Scores], ...]


def evaluate(paths: Sequence[str | Path], extractor: Extractor = _default) -> Evaluation:
    """Run ``extractor`` on each TimeML file against its DCT and score it.

    Raises:
        TimeMLError: If a file is not TimeML or has no DCT.
    """
    total = Scores()
    per_doc: list[tuple[str, Scores]] = []
    for path in paths:
        doc: TimeMLDocument = read_timeml(path)
        if doc.dct is None:
            raise TimeMLError(str(path), "no DCT to resolve against")
        s = score(doc.timexes, extractor(doc.text, doc.dct))
        per_doc.append((doc.docid, s))
        total += s
    return Evaluation(total, tuple(per_doc))
