"""A small SVG writer for the timeline: escaped text, stable numbers, and event marks.

Texts pass through :func:`summitcal.text.clean_text` before they are escaped, so that no
title can make the SVG ill-formed XML; coordinates are written with at most one decimal,
so that output bytes are stable.
"""

from __future__ import annotations

from summitcal.models.events import Event
from summitcal.web.lanes import describe_event, status_style
from summitcal.web.markup import esc

__all__ = ["CHAR_W", "SVG_STYLE", "SvgWriter", "esc", "num", "short"]

#: The average advance of a 12 px sans-serif character, for packing labels.
CHAR_W = 6.6

SVG_STYLE = """
.tl-bg{fill:#fff}.tl-lane-alt{fill:#f4f6f9}.tl-grid{stroke:#c9ced6;stroke-width:1}
.tl-axis{font:600 13px system-ui,sans-serif;fill:#333}
.tl-lane-title{font:600 13px system-ui,sans-serif;fill:#1d2733}
.tl-label{font:12px system-ui,sans-serif;fill:#1d2733}
.tl-small{font:11px system-ui,sans-serif;fill:#555}
.tl-heading{font:600 14px system-ui,sans-serif;fill:#1d2733}
.tl-mark{stroke:#1f5fae;stroke-width:2}
.tl-firm .tl-mark{fill:#1f5fae}
.tl-soft .tl-mark{fill:#fff;stroke-dasharray:4 2}
.tl-doubt .tl-mark{fill:#fff;stroke:#8a5a00;stroke-dasharray:1.5 2.5}
.tl-off .tl-mark{fill:#ddd;stroke:#888}
.tl-off .tl-label{text-decoration:line-through;fill:#777}
.tl-strike{stroke:#888;stroke-width:2}
.tl-band .tl-mark{fill-opacity:.25}
.tl-today{stroke:#c0392b;stroke-width:2;stroke-dasharray:6 3}
.tl-today-label{font:600 12px system-ui,sans-serif;fill:#c0392b}
a:focus .tl-mark,a:hover .tl-mark{stroke:#e67e22;stroke-width:3}
"""


def num(value: float) -> str:
    """A coordinate with at most one decimal, so output bytes are stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def short(title: str, limit: int = 30) -> str:
    """``title`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


class SvgWriter:
    """Elements appended as lines of text, in drawing order."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def add(self, text: str) -> None:
        """Append raw markup (the caller has escaped what needs it)."""
        self._lines.append(text)

    def getvalue(self) -> str:
        """Everything written so far, one element a line."""
        return "\n".join(self._lines)

    def text(self, x: float, y: float, cls: str, content: str, extra: str = "") -> None:
        self.add(f'<text x="{num(x)}" y="{num(y)}" class="{cls}"{extra}>{esc(content)}</text>')

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        self.add(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" class="{cls}"/>'
        )

    def rect(self, cls: str, x: float, y: float, width: float, height: float) -> None:
        self.add(
            f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(width)}" '
            f'height="{num(height)}"/>'
        )

    def mark(
        self,
        event: Event,
        x1: float,
        x2: float,
        y: float,
        label: str | None = None,
        place: str = "right",
    ) -> None:
        """One event: a link to its list entry, holding the shape and its label.

        ``place`` puts the label to the ``right`` of the shape, to its ``left``, or
        ``inside`` it (for wide bands).
        """
        style = status_style(event.status)
        band = " tl-band" if event.when.granularity.is_coarse else ""
        alt = esc(describe_event(event))
        # The name comes from <title> alone: an aria-label would have to hold the
        # visible (shortened) label word for word (WCAG 2.5.3), which a cut title cannot.
        self.add(f'<a href="#ev-{event.id}" class="tl-{style}{band}"><title>{alt}</title>')
        h = 12 if not band else 18  # a band holds its label
        self.add(
            f'<rect class="tl-mark" x="{num(x1)}" y="{num(y - h / 2)}" '
            f'width="{num(max(x2 - x1, 6))}" height="{h}" rx="3"/>'
        )
        if style == "off":
            self.line(x1 - 2, y + h / 2 + 1, x1 + max(x2 - x1, 6) + 2, y - h / 2 - 1, "tl-strike")
        if label:
            self._label(x1, x2, y, label, place)
        self.add("</a>")

    def _label(self, x1: float, x2: float, y: float, label: str, place: str) -> None:
        hidden = ' aria-hidden="true"'
        if place == "left":
            self.text(x1 - 5, y + 4, "tl-label", label, hidden + ' text-anchor="end"')
        elif place == "inside":
            self.text(x1 + 6, y + 4, "tl-label", label, hidden)
        else:
            self.text(max(x2, x1 + 6) + 5, y + 4, "tl-label", label, hidden)
