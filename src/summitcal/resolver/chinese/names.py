"""Chinese names that look like dates: checked around a phrase in its text.

* listed names (``data/zh/names.toml``): brands and bodies such as 周六福, 十月稻田, 九三学社;
* titles: a phrase inside 《》 (《今日说法》, 《2046》), or inside quotation marks that hold a
  short name rather than speech (“七一勋章”);
* places: a holiday, month or weekday word right before a place or institution word
  (五一广场, 五一路);
* people: a holiday name that is also a given name (国庆, 清明, 五一), right after a family
  name and not followed by a word of the calendar (李国庆说, 王清明介绍; but 于国庆期间).

Scores (3比1) and ordinal meeting names (十一届三中全会) never match the grammar at all.

Example::

    >>> false_friend("长沙地铁五一广场站今天客流突破10万人次。", 4, 6, kind="holiday")
    "part of the place name '五一广场'"
"""

from __future__ import annotations

import functools
import re

from summitcal.resolver.chinese.vocabulary import vocabulary
from summitcal.resolver.grammar.fragments import word_trie

__all__ = ["false_friend"]

_TITLE_OPEN, _TITLE_CLOSE = "《〈", "》〉"
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
#: A quoted stretch this short, without a clause mark, is a name or a title, not speech.
_QUOTED_NAME = 12
#: What may follow a holiday name that is also a given name, for it to be the holiday.
_CALENDAR_AFTER = (
    "节",
    "期间",
    "假期",
    "长假",
    "小长假",
    "黄金周",
    "前后",
    "当天",
    "前夕",
    "以来",
    "前",
    "后",
)
_KINDS_BY_PLACE = ("holiday", "month", "weekday", "day")


@functools.cache
def _listed() -> re.Pattern[str]:
    return re.compile(word_trie(vocabulary().names))


def _listed_name(text: str, start: int, end: int) -> str | None:
    reach = 8
    for m in _listed().finditer(text, max(0, start - reach), min(len(text), end + reach)):
        if m.start() < end and start < m.end():
            return m.group()
    return None


#: How far from a phrase the marks of a title around it are looked for: further than any
#: title runs, and bounded, so that a text with many phrases and no title marks is not
#: read to its ends for each.
_TITLE_REACH = 120


def _in_title(text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - _TITLE_REACH), end + _TITLE_REACH
    opened = max(text.rfind(c, lo, start) for c in _TITLE_OPEN)
    if opened < 0 or max(text.rfind(c, opened, start) for c in _TITLE_CLOSE) >= 0:
        return False
    closes = [k for k in (text.find(c, end, hi) for c in _TITLE_CLOSE) if k >= 0]
    return bool(closes) and max(text.rfind(c, end, min(closes)) for c in _TITLE_OPEN) < 0


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    for opener, closer in _QUOTES.items():
        opened = text.rfind(opener, max(0, start - _QUOTED_NAME), start)
        if opened < 0:
            continue
        closed = text.find(closer, end, end + _QUOTED_NAME)
        if closed < 0:  # (before slicing: -1 would copy the text to its end)
            continue
        inside = text[opened + 1 : closed]
        if len(inside) <= _QUOTED_NAME and not re.search(r"[，,。；！？]", inside):
            return True
    return False


def false_friend(text: str, start: int, end: int, *, kind: str, bare: bool = True) -> str | None:
    """Why ``text[start:end]`` is not a date here, or ``None`` if nothing speaks against it.

    Args:
        text: The text around the phrase (the sentence, or the phrase alone).
        start: Where the phrase starts.
        end: Where it ends.
        kind: ``holiday``, ``month``, ``weekday``, ``day`` or another kind, to pick the
            checks that apply.
        bare: Whether the phrase is one calendar word with nothing to fix it (no year,
            no day number): only such phrases get the place and person checks.
    """
    name = _listed_name(text, start, end)
    if name is not None:
        return f"part of the name {name!r}"
    if _in_title(text, start, end):
        return "inside a title in 《》"
    if _in_quoted_name(text, start, end):
        return "inside a quoted name"
    if not bare or kind not in _KINDS_BY_PLACE:
        return None
    v = vocabulary()
    after = text[end : end + 3]
    place = next((w for w in v.place_suffixes if after.startswith(w)), None)
    if place is not None:
        return f"part of the place name {text[start:end] + place!r}"
    person = (
        kind == "holiday"
        and text[start:end] in v.bare_holidays
        and start > 0
        and text[start - 1] in v.surnames
        and not after.startswith(_CALENDAR_AFTER)
    )
    return f"a person's name ({text[start - 1 : end]!r})" if person else None
