"""What extraction finds: a :class:`Mention`, one temporal expression in a text.

A mention records where the words are (``start``/``end`` character offsets into the text
it came from), what kind of TIMEX3 they are, and the TIMEX3 value they resolve to::

    >>> m = Mention(start=3, end=9, text="Friday", type=TimexType.DATE, timex="2025-02-07")
    >>> m.text, m.timex
    ('Friday', '2025-02-07')
"""

from __future__ import annotations

from typing import Any

import attrs

# The library's one TIMEX3 type enum lives with the resolver; it is re-exported here so
# that ``summitcal.extraction.mention.TimexType`` keeps working.
from summitcal.resolver import TimexType
from summitcal.span.span import DateSpan, Mod

__all__ = ["Mention", "TimexType"]


def _check_offsets(inst: Mention, _attr: attrs.Attribute[Any], end: int) -> None:
    if inst.start < 0 or end <= inst.start:
        raise ValueError(f"a mention needs 0 <= start < end, got {inst.start}..{end}")
    if len(inst.text) != end - inst.start:
        raise ValueError(f"text {inst.text!r} is not {end - inst.start} characters long")


@attrs.frozen(kw_only=True)
class Mention:
    """One temporal expression found in a text, with its TIMEX3 annotation.

    Attributes:
        start: Offset of the first character in the text.
        end: Offset one past the last character (``text == source[start:end]``).
        text: The words as they stand in the text.
        type: DATE, TIME, DURATION or SET.
        timex: The TIMEX3 value: ``2025-02-07``, ``2025-W06``, ``P3D``, ``XXXX-WXX-1``,
            ``PRESENT_REF``...
        mod: The TIMEX3 ``mod`` where one applies (``START``, ``APPROX``...).
        freq: The TIMEX3 ``freq`` of a SET ("twice a year": ``2X``).
        span: The resolved days for DATE and TIME values that name a stretch of the
            calendar; ``None`` for durations, sets and the ``*_REF`` values.
        anchor: The index (in the same result list) of the mention this one is anchored
            to when the narrative sets the date ("the next day"); ``None`` when it is
            anchored to the publication date or not relative at all.
        relative: Whether the value depended on a reference date (TIMEX3
            ``temporalFunction``).
        sentence: The index of the sentence the mention lies in.
        rule: The name of the grammar rule that matched.
        explanation: Why the value is what it is, in words.
        range: For either end of a range ("from Sunday to Wednesday", which TimeML tags
            as two expressions), the whole range as one span; ``None`` otherwise.
    """

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str
    type: TimexType
    timex: str
    mod: Mod | None = None
    freq: str | None = None
    span: DateSpan | None = None
    anchor: int | None = None
    relative: bool = False
    sentence: int = 0
    rule: str = ""
    explanation: str = ""
    range: DateSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the mention (``span`` as its first and last days)."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type.value,
            "timex": self.timex,
        }
        if self.mod is not None:
            out["mod"] = self.mod.value
        if self.freq is not None:
            out["freq"] = self.freq
        if self.span is not None:
            out["first"] = self.span.first.isoformat()
            out["last"] = self.span.last.isoformat()
            if self.span.zone is not None:
                out["zone"] = self.span.zone
        if self.anchor is not None:
            out["anchor"] = self.anchor
        out["relative"] = self.relative
        out["sentence"] = self.sentence
        out["rule"] = self.rule
        out["explanation"] = self.explanation
        if self.range is not None:
            out["range"] = {
                "timex": self.range.timex,
                "first": self.range.first.isoformat(),
                "last": self.range.last.isoformat(),
            }
        return out
