r"""Catalogue text made safe for every output: iCalendar, SVG/XML, HTML and the terminal.

Titles and other texts come from catalogue files and from code, so they may hold anything
a Python string can.  One rule serves every output, because each of them has a reason to
refuse the same characters:

* control characters other than TAB and LF (C0, DEL and C1): RFC 5545 forbids the C0
  ones in TEXT, XML 1.0 forbids C0 outright (a parser stops at the first), and in a
  terminal ESC (or the one-character CSI, U+009B) starts a sequence that drives it;
* lone surrogates: UTF-8 cannot encode them, so no file can hold them;
* U+FFFE and U+FFFF: not characters at all, and not allowed in XML 1.0.

Line breaks are kept but normalised: CRLF and CR become LF (iCalendar has an escape for
LF and none for CR).  This module imports nothing from summitcal, so every layer can use it.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "clean_text", "one_line"]

#: Each character that :func:`clean_text` removes (see the module docstring).  For an
#: output that has an escape for them instead: the JSON a feed embeds escapes them, so
#: that the event reads back exactly.
UNSAFE: re.Pattern[str] = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    r"""``text`` as every output can carry it: CRLF and CR become LF, and control
    characters other than TAB and LF, lone surrogates, U+FFFE and U+FFFF are removed.

    Example::

        >>> clean_text("a\r\nb\rc\x00d\x1b[2Je\ufffe")
        'a\nb\ncd[2Je'
    """
    return UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    r""":func:`clean_text` of ``text`` on one line: every run of white space (line
    breaks, tabs and the controls Python counts as space, such as VT and FS, included)
    becomes one space, and the ends are trimmed.

    Example::

        >>> one_line(" Paris\r\n\tsummit\x0bday\x07 ")
        'Paris summit day'
    """
    # Split first, so that a vertical tab between two words still separates them.
    return " ".join(word for word in map(clean_text, text.split()) if word)
