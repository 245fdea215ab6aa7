"""The word lists of the proposals, read once from ``data/*.toml``."""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
from collections.abc import Iterable
from typing import Any

__all__ = ["data", "phrase_pattern"]


@functools.cache
def data(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.toml`` of this package."""
    text = importlib.resources.files("summitcal.proposals").joinpath(f"data/{name}.toml")
    return tomllib.loads(text.read_text("utf-8"))


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A pattern finding any of ``phrases`` as whole words, the longest first, with any
    white space between their words."""
    ordered = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!)")  # no phrase: a pattern that never matches
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in ordered]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)
