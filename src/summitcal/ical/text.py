r"""iCalendar TEXT values, escaped and unescaped correctly in one pass.

icalendar 7.3's own escaper first turns a literal backslash followed by ``N`` into a line
break (it reads ``\N`` as an already-escaped newline), so ``C:\News`` would come back as
``C:`` and a new line.  Its parser is right (it unescapes in a single pass), so only the
emitting side is replaced here: :class:`Text` and :class:`TextList` are drop-in property
values whose ``to_ical`` escapes with :func:`escape_text`.

Line breaks: iCalendar text has one escape for a line break (``\n``) and none for a lone
carriage return, so CRLF and CR become LF, and control characters (RFC 5545 forbids the
C0 ones in text), lone surrogates and U+FFFE/U+FFFF are dropped.  :func:`clean_text`
(from :mod:`summitcal.text`, the rule every output shares) is that normalisation;
everything else round-trips exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from icalendar import vText

from summitcal.text import clean_text

__all__ = ["Text", "TextList", "clean_text", "escape_text", "unescape_text"]

_ESCAPES = re.compile(r"[\\;,\n]")
_ESCAPED = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
_UNESCAPES = re.compile(r"\\([\\;,nN])")


def escape_text(text: str) -> str:
    r"""The RFC 5545 TEXT form of ``text`` (after :func:`clean_text`).

    Example::

        >>> escape_text("C:\\News; a, b\nc")
        'C:\\\\News\\; a\\, b\\nc'
    """
    return _ESCAPES.sub(lambda m: _ESCAPED[m.group()], clean_text(text))


def unescape_text(text: str) -> str:
    r"""The value of an escaped TEXT form; the inverse of :func:`escape_text`."""
    return _UNESCAPES.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


class Text(vText):
    """A TEXT property value that escapes correctly (see the module docstring)."""

    __slots__ = ()

    def to_ical(self) -> bytes:
        return escape_text(str(self)).encode("utf-8")


class TextList(vText):
    """A comma-separated list of TEXT values (CATEGORIES), each escaped correctly."""

    __slots__ = ("items",)

    items: tuple[str, ...]

    def __new__(cls, items: Iterable[str]) -> TextList:
        values = tuple(items)
        self = super().__new__(cls, ",".join(values))
        self.items = values
        return self

    def to_ical(self) -> bytes:
        return ",".join(escape_text(i) for i in self.items).encode("utf-8")
