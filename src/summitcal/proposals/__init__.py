"""Proposals: the events a news article reports, drafted in the catalogue's model, dated
from the article's own words and matched with the catalogue.

:func:`propose` (one article) and :func:`propose_many` (a stream of them) return
:class:`Proposal` objects: a draft :class:`~summitcal.models.events.Event`, the evidence,
the catalogue event it is (``match``) and how it stands to it (``relation``: agrees,
refines, conflicts, new, with the ``differences``), a confidence and an explanation.

Modules: :mod:`.core` (``propose``), :mod:`.many` (``propose_many``), :mod:`.proposal`
(the result types), :mod:`.dates` (the article's dates, a range as one), :mod:`.triggers`
(event words and their kinds), :mod:`.governs` (which trigger a date dates),
:mod:`.gazetteer` (places and actors), :mod:`.draft` (titles, ids, roles, the source),
:mod:`.status` (status from tense), :mod:`.matching` (catalogue match and relation),
:mod:`.confidence`.  See docs/propose.md.
"""

from __future__ import annotations

from summitcal.proposals.core import Proposer, propose
from summitcal.proposals.many import Article, ArticleProposals, propose_many
from summitcal.proposals.proposal import Difference, Evidence, Proposal, Relation, Span

__all__ = [
    "Article",
    "ArticleProposals",
    "Difference",
    "Evidence",
    "Proposal",
    "Proposer",
    "Relation",
    "Span",
    "propose",
    "propose_many",
]
