"""Extraction: every temporal expression in an article, found and resolved.

Modules: :mod:`.mention` (the :class:`Mention` type), :mod:`.sentences` (sentence splitting
with offsets), :mod:`.timeml` (reading and writing TimeML), :mod:`.score` (TempEval-3
style scoring).
"""

from __future__ import annotations

from summitcal.extract.core import extract
from summitcal.extract.mention import Mention, TimexType

__all__ = ["Mention", "TimexType", "extract"]
