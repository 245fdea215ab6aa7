"""Extraction: every temporal expression in an article, found and resolved.

:func:`extract` (one article) and :func:`extract_many` (a stream of them) return
:class:`Mention` objects: offsets, TIMEX3 type, value and mod, and an explanation.

Modules: :mod:`.core` (``extract``), :mod:`.many` (``extract_many``), :mod:`.mention`,
:mod:`.sentences` (sentence splitting with offsets), :mod:`.extras` (TimeML expressions
beyond the resolver's grammar), :mod:`.narrative` (the date under discussion),
:mod:`.timeml` (reading and writing TimeML), :mod:`.score` and :mod:`.evaluate`
(TempEval-3 style scoring).  See docs/extract.md.
"""

from __future__ import annotations

from summitcal.extraction.core import extract
from summitcal.extraction.many import Document, Extraction, extract_many
from summitcal.extraction.mention import Mention, TimexType

__all__ = ["Document", "Extraction", "Mention", "TimexType", "extract", "extract_many"]
