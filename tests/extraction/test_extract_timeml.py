"""Reading and writing TimeML: offsets, the DCT, escaping, and a round trip of the corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summitcal.extraction.mention import Mention, TimexType
from summitcal.extraction.timeml import TimeMLError, parse_timeml, read_timeml, to_timeml
from summitcal.span.span import Mod

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.tml"))

SMALL = """<?xml version="1.0" ?>
<TimeML><DOCID>small</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-22" functionInDocument="CREATION_TIME">
2024-05-22</TIMEX3></DCT>
<TEXT>Ministers met <TIMEX3 tid="t1" type="DATE" value="2024-05-21" temporalFunction="true"
 anchorTimeID="t0">yesterday</TIMEX3> &amp; agreed to meet <TIMEX3 tid="t2" type="SET"
 value="P1Y" freq="2X">twice a year</TIMEX3>, <EVENT eid="e1">talks</EVENT> lasting
<TIMEX3 tid="t3" type="DURATION" value="PT2H" mod="APPROX">about two hours</TIMEX3>.</TEXT>
</TimeML>"""


def test_offsets_point_at_the_tagged_words_in_the_plain_text() -> None:
    doc = parse_timeml(SMALL)
    assert doc.docid == "small"
    assert doc.dct == date(2024, 5, 22)
    assert "<" not in doc.text
    assert "&amp;" not in doc.text
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "yesterday",
        "twice a year",
        "about two hours",
    ]
    yesterday, twice, hours = doc.timexes
    assert yesterday.temporal_function
    assert yesterday.anchor_tid == "t0"
    assert twice.type is TimexType.SET
    assert twice.freq == "2X"
    assert hours.mod == "APPROX"
    assert hours.value == "PT2H"
    # Text of other tags (EVENT) is kept, the tag dropped.
    assert "talks lasting" in doc.text.replace("\n", " ")


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ("<TimeML><TEXT>open", "not well-formed"),
        ("<TimeML><TITLE>x</TITLE></TimeML>", "no <TEXT>"),
        ('<TimeML><TEXT><TIMEX3 tid="t1" type="DATE">May</TIMEX3></TEXT></TimeML>', "no value"),
        (
            '<TimeML><TEXT><TIMEX3 tid="t1" type="EVENT" value="x">May</TIMEX3></TEXT></TimeML>',
            "unknown type",
        ),
        (
            '<TimeML><DCT><TIMEX3 tid="t0" value="soon" functionInDocument="CREATION_TIME">'
            "x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>",
            "DCT value",
        ),
    ],
)
def test_malformed_documents_raise_a_typed_error(xml: str, reason: str) -> None:
    with pytest.raises(TimeMLError, match=reason):
        parse_timeml(xml, source="bad.tml")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match=r"nope\.tml"):
        read_timeml(tmp_path / "nope.tml")


def test_docid_defaults_to_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-story.tml"
    path.write_text("<TimeML><TEXT>nothing dated</TEXT></TimeML>", encoding="utf-8")
    doc = read_timeml(path)
    assert doc.docid == "my-story"
    assert doc.dct is None
    assert doc.timexes == ()


def test_written_timeml_reads_back_to_the_same_text_and_spans() -> None:
    text = 'Talks <ended> "Friday" & resume in about two weeks.'
    friday = text.index("Friday")
    weeks = text.index("about two weeks")
    mentions = [
        Mention(
            start=weeks,
            end=weeks + 15,
            text="about two weeks",
            type=TimexType.DURATION,
            timex="P2W",
            mod=Mod.APPROX,
        ),
        Mention(
            start=friday,
            end=friday + 6,
            text="Friday",
            type=TimexType.DATE,
            timex="2025-02-07",
            relative=True,
        ),
    ]
    xml = to_timeml(text, mentions, dct=date(2025, 2, 9), docid="d&1", title="A <title>")
    doc = parse_timeml(xml)
    assert doc.text == text
    assert doc.dct == date(2025, 2, 9)
    assert doc.docid == "d&1"
    assert doc.title == "A <title>"
    got = [(t.start, t.end, t.type, t.value, t.mod, t.anchor_tid) for t in doc.timexes]
    assert got == [
        (friday, friday + 6, TimexType.DATE, "2025-02-07", None, "t0"),
        (weeks, weeks + 15, TimexType.DURATION, "P2W", "APPROX", None),
    ]


def test_narrative_anchor_becomes_the_anchor_tid() -> None:
    text = "On Friday they met; the next day they left."
    a = Mention(start=3, end=9, text="Friday", type=TimexType.DATE, timex="2025-02-07")
    b_start = text.index("the next day")
    b = Mention(
        start=b_start,
        end=b_start + 12,
        text="the next day",
        type=TimexType.DATE,
        timex="2025-02-08",
        anchor=0,
        relative=True,
    )
    doc = parse_timeml(to_timeml(text, [a, b], dct=date(2025, 2, 9)))
    assert doc.timexes[1].anchor_tid == "t1"


def test_overlapping_or_misplaced_mentions_cannot_be_written() -> None:
    text = "last Friday"
    whole = Mention(start=0, end=11, text=text, type=TimexType.DATE, timex="2025-02-07")
    part = Mention(start=5, end=11, text="Friday", type=TimexType.DATE, timex="2025-02-07")
    with pytest.raises(TimeMLError, match="overlaps"):
        to_timeml(text, [whole, part], dct=date(2025, 2, 9))
    with pytest.raises(TimeMLError, match="not at"):
        to_timeml("next Friday", [whole], dct=date(2025, 2, 9))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_dev_article_round_trips(path: Path) -> None:
    doc = read_timeml(path)
    assert doc.dct is not None
    assert doc.docid == path.stem
    assert doc.timexes, "every article has temporal expressions"
    assert len({t.tid for t in doc.timexes}) == len(doc.timexes)
    mentions = [
        Mention(
            start=t.start,
            end=t.end,
            text=t.text,
            type=t.type,
            timex=t.value,
            mod=Mod(t.mod) if t.mod else None,
            freq=t.freq,
        )
        for t in doc.timexes
    ]
    again = parse_timeml(to_timeml(doc.text, mentions, dct=doc.dct, docid=doc.docid))
    assert again.text == doc.text
    assert [(t.start, t.end, t.value, t.mod) for t in again.timexes] == [
        (t.start, t.end, t.value, t.mod) for t in doc.timexes
    ]
