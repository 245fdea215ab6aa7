"""Reading and writing TimeML documents with inline TIMEX3 tags.

A TimeML file carries a document creation time (the DCT, ``functionInDocument=
"CREATION_TIME"``), an optional title, and a ``<TEXT>`` body in which temporal expressions
are wrapped in ``<TIMEX3>`` tags.  :func:`parse_timeml` turns one into the plain text of the
body and the tagged spans with their character offsets into that text; :func:`to_timeml`
does the reverse for the mentions that :func:`summitcal.extraction.extract` finds::

    >>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-09" '
    ...     'functionInDocument="CREATION_TIME">2025-02-09</TIMEX3></DCT><TEXT>On '
    ...     '<TIMEX3 tid="t1" type="DATE" value="2025-02-07">Friday</TIMEX3>.</TEXT></TimeML>')
    >>> doc.text, doc.timexes[0].start, doc.timexes[0].value
    ('On Friday.', 3, '2025-02-07')

Other inline tags (``EVENT``, ``SIGNAL``...) are read through: their text is kept, the tags
are dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import attrs

from summitcal.errors import SummitcalError
from summitcal.extraction.mention import Mention, TimexType

__all__ = ["GoldTimex", "TimeMLDocument", "TimeMLError", "parse_timeml", "read_timeml", "to_timeml"]


class TimeMLError(SummitcalError, ValueError):
    """A TimeML document is malformed or cannot be written.

    Attributes:
        source: The file name (or ``"<string>"``).
        reason: What is wrong.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@attrs.frozen(kw_only=True)
class GoldTimex:
    """A ``TIMEX3`` tag of a TimeML body, with offsets into the body's plain text.

    Attributes mirror :class:`~summitcal.extraction.Mention` where they overlap (``start``,
    ``end``, ``text``, ``type``, ``timex``) so that gold and system spans score alike.
    """

    start: int
    end: int
    text: str
    type: TimexType
    timex: str
    tid: str
    mod: str | None = None
    freq: str | None = None
    anchor_tid: str | None = None
    temporal_function: bool = False

    @property
    def value(self) -> str:
        """The TIMEX3 value (the same as ``timex``)."""
        return self.timex


@attrs.frozen(kw_only=True)
class TimeMLDocument:
    """A parsed TimeML document.

    Attributes:
        docid: The ``DOCID`` (or the file stem, or ``""``).
        dct: The document creation time's day, if the document has a DCT.
        title: The ``TITLE`` text, if any.
        text: The plain text of ``<TEXT>``, every tag removed, whitespace as it stands.
        timexes: The ``TIMEX3`` tags of the body, in text order.
    """

    docid: str
    dct: date | None
    title: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


def _timex_type(source: str, raw: str | None, tid: str) -> TimexType:
    try:
        return TimexType(raw or "")
    except ValueError:
        raise TimeMLError(source, f"TIMEX3 {tid} has an unknown type {raw!r}") from None


def _dct(source: str, root: ET.Element) -> date | None:
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            value = el.get("value") or ""
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                raise TimeMLError(source, f"the DCT value {value!r} is not a date") from None
    return None


def parse_timeml(xml: str | bytes, *, source: str = "<string>") -> TimeMLDocument:
    """Parse a TimeML document.

    Args:
        xml: The document.
        source: A name for error messages (a file path).

    Returns:
        The document's plain body text and its TIMEX3 spans (offsets into that text).

    Raises:
        TimeMLError: If the XML is malformed, has no ``<TEXT>``, or a TIMEX3 in the body
            lacks a type or value.
    """
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise TimeMLError(source, f"not well-formed XML: {exc}") from None
    body = root if root.tag == "TEXT" else root.find(".//TEXT")
    if body is None:
        raise TimeMLError(source, "no <TEXT> element")
    text, found = _flatten(body)
    timexes = _gold_timexes(source, text, found)
    docid_el = root.find(".//DOCID")
    title_el = root.find(".//TITLE")
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(
        docid=(docid_el.text or "").strip() if docid_el is not None else "",
        dct=_dct(source, root),
        title=(title_el.text or "").strip() if title_el is not None else None,
        text=text,
        timexes=tuple(timexes),
    )


def _flatten(body: ET.Element) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The plain text of ``body``, every tag removed, and each TIMEX3 tag inside it with
    its start and end offsets in that text, innermost first."""
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el is not body:
            found.append((start, length, el))

    walk(body)
    return "".join(parts), found


def _gold_timexes(
    source: str, text: str, found: list[tuple[int, int, ET.Element]]
) -> list[GoldTimex]:
    """The TIMEX3 tags ``found`` in ``text`` as gold annotations, in the order found.

    Raises:
        TimeMLError: If one lacks a value or a known type, or covers no text.
    """
    timexes: list[GoldTimex] = []
    for start, end, el in found:
        tid = el.get("tid") or f"#{len(timexes) + 1}"
        value = el.get("value")
        if not value:
            raise TimeMLError(source, f"TIMEX3 {tid} has no value")
        if end == start:
            raise TimeMLError(source, f"TIMEX3 {tid} is empty")
        timexes.append(
            GoldTimex(
                start=start,
                end=end,
                text=text[start:end],
                type=_timex_type(source, el.get("type"), tid),
                timex=value,
                tid=tid,
                mod=el.get("mod"),
                freq=el.get("freq"),
                anchor_tid=el.get("anchorTimeID"),
                temporal_function=el.get("temporalFunction") == "true",
            )
        )
    return timexes


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read and parse a TimeML file; the docid defaults to the file stem.

    Raises:
        TimeMLError: If the file cannot be read or is not valid TimeML.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TimeMLError(str(p), f"cannot read: {exc.strerror}") from None
    doc = parse_timeml(data, source=str(p))
    return doc if doc.docid else attrs.evolve(doc, docid=p.stem)


def _attrs_of(mention: Mention, index: int) -> str:
    pairs = [("tid", f"t{index + 1}"), ("type", mention.type.value), ("value", mention.timex)]
    if mention.mod is not None:
        pairs.append(("mod", mention.mod.value))
    if mention.freq is not None:
        pairs.append(("freq", mention.freq))
    if mention.relative:
        anchor = "t0" if mention.anchor is None else f"t{mention.anchor + 1}"
        pairs += [("temporalFunction", "true"), ("anchorTimeID", anchor)]
    return " ".join(f"{k}={quoteattr(v)}" for k, v in pairs)


def to_timeml(
    text: str,
    mentions: Sequence[Mention],
    *,
    dct: date,
    docid: str = "",
    title: str | None = None,
) -> str:
    """Write ``text`` as a TimeML document with each mention tagged as a TIMEX3.

    The tids are ``t1``, ``t2``... in the order of ``mentions``; the DCT is ``t0``, and a
    mention's ``anchor`` index becomes its ``anchorTimeID``.

    Raises:
        TimeMLError: If two mentions overlap or a mention's text does not stand at its
            offsets in ``text``.
    """
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    out = [
        '<?xml version="1.0" ?>\n<TimeML>\n',
        f"<DOCID>{escape(docid)}</DOCID>\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
        'temporalFunction="false" functionInDocument="CREATION_TIME">'
        f"{dct.isoformat()}</TIMEX3></DCT>\n",
    ]
    if title is not None:
        out.append(f"<TITLE>{escape(title)}</TITLE>\n")
    out.append("<TEXT>")
    pos = 0
    for i in order:
        m = mentions[i]
        if m.start < pos:
            raise TimeMLError("<output>", f"mention {m.text!r} at {m.start} overlaps another")
        if text[m.start : m.end] != m.text:
            raise TimeMLError("<output>", f"mention {m.text!r} is not at {m.start} in the text")
        out.append(escape(text[pos : m.start]))
        out.append(f"<TIMEX3 {_attrs_of(m, i)}>{escape(m.text)}</TIMEX3>")
        pos = m.end
    out.append(escape(text[pos:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)
