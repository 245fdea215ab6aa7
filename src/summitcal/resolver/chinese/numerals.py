"""Chinese numerals as news writes them: ``二〇二五`` (digit by digit), ``十一``, ``二十三``,
``两``, ``一百``, and Arabic digits (full-width ones are made ASCII by the normaliser).

Example::

    >>> number("二〇二五"), number("十一"), number("两"), number("48")
    (2025, 11, 2, 48)
"""

from __future__ import annotations

from summitcal.resolver.grammar.readers import refuse_long_number

__all__ = ["DIGITS", "number"]

#: The characters of a Chinese numeral (for patterns).
DIGITS = "〇零一二两三四五六七八九十百"

_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_VALUES |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def number(text: str) -> int:
    """The value of a numeral written in Arabic digits or Chinese characters.

    A numeral without 十 or 百 is read digit by digit (``二〇二五`` = 2025, ``九三`` = 93);
    with them, as a count (``二十三`` = 23, ``一百二十`` = 120).

    Raises:
        ValueError: If ``text`` is not a numeral.
        NoParse: If it is longer than a date's number ever is (see
            :func:`~summitcal.resolver.grammar.readers.refuse_long_number`).
    """
    refuse_long_number(text)
    if text.isdigit() and text.isascii():
        return int(text)
    if not text or any(c not in DIGITS for c in text):
        raise ValueError(f"not a numeral: {text!r}")
    if "十" not in text and "百" not in text:
        value = 0
        for c in text:
            value = value * 10 + _VALUES[c]
        return value
    total, current = 0, 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES[c]
    return total + current
