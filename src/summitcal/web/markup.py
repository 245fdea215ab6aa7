"""Small helpers for the page's HTML: escaped text, links a reader may follow, plurals."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from summitcal.text import clean_text

__all__ = ["LINK_SCHEMES", "esc", "link", "link_target", "plural"]

#: The URL schemes the page makes links of; anything else is shown as plain text.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def esc(text: str) -> str:
    """``text`` for HTML: without the characters no output may carry, then escaped."""
    return escape(clean_text(text), quote=True)


def link_target(url: str) -> str | None:
    """``url`` when it is one a reader may follow (http, https or mailto), else None."""
    return url if urlsplit(url).scheme.lower() in LINK_SCHEMES else None


def link(url: str, text: str) -> str:
    """A link to ``url`` showing ``text``, or ``text`` alone when ``url`` is no link."""
    href = link_target(url)
    if href is None:
        return esc(text)
    return f'<a href="{esc(href)}" rel="noopener">{esc(text)}</a>'


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
