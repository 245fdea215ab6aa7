"""Hostile text: extraction's work grows linearly with the text, whatever its shape.

No test here reads a clock.  The work of one extraction is counted instead: the lines of
summitcal's own code that run (every Python loop over characters, words or mentions shows
up there) plus the characters handed to the C-level scanners (normalisation, the grammar's
and the extras' windows), which do their work outside any traced line.  For each shape the
work on ``10 * N`` characters must be at most about ten times the work on ``N``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.errors import SummitcalError
from summitcal.extraction import core, extract_many
from summitcal.extraction.core import extract
from summitcal.resolver import tense
from tests.resolver.test_resolve_properties import any_text, edge_references

REFERENCE = date(2025, 2, 9)


def _json_numbers(k: int) -> str:
    return f"0.{(k * 37) % 900 + 100},"


def _addresses(k: int) -> str:
    return f"10.{k % 250}.{(k * 7) % 250}.{(k * 13) % 250}/"


def _dated_path(k: int) -> str:
    return f"/archive/20{10 + k % 20}-{k % 12 + 1:02d}-{k % 28 + 1:02d}"


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda k: piece


#: Each shape as the piece its ``k``-th repetition adds, and what opens the text.
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "JSON number array": ("[", _json_numbers),
    "addresses joined by /": ("", _addresses),
    "URL path of dates": ("https://news.example", _dated_path),
    "run of 6-7-8-9-10-11-": ("", _repeat("6-7-8-9-10-11-")),
    "one sentence of months": ("", _repeat("in May and in June and in March 2024 and ")),
    "mixed scripts, no full stop": ("", _repeat("会谈 on Friday Москва в May 5 القمة 2024 ")),
    "repeated ranges": ("", _repeat("from Monday to Wednesday, Feb. 6-7, ")),
    "control characters and dates": ("", _repeat("\x01\x02May 5\x07 2024\x0b\x1f on Friday\x00 ")),
    "stacked possessives": ("", _repeat("Thursday's year's week's month's ")),
    "a run of end marks": ("Done", _repeat("!?.")),
    "clock times ending sentences": ("", _repeat("We start at 9 a.m. The talks go on. ")),
    "a run of French prepositions": ("", _repeat("de à en du ")),
    "Chinese dates, title marks, no full stop": ("", _repeat("《2月》上周1月")),
    "periods of financial news, no full stop": ("", _repeat("sales fell a year earlier, ")),
    "French days in quotes and days later": ("", _repeat('"lundi" deux semaines plus tard, ')),
    "Chinese dates after an open quote": ("", _repeat("“2月")),
    "French capitalised days": ("", _repeat("Il part Lundi et ")),
    "one sentence of meetings": ("", _repeat("they met on Friday and will meet on Monday and ")),
    "unpunctuated transcript": (
        "",
        _repeat("so we met on tuesday and uh then next week we talk again about the march data "),
    ),
}


def hostile(shape: str, size: int) -> str:
    """``size`` characters of the named shape."""
    opening, piece = SHAPES[shape]
    parts = [opening]
    total, k = len(opening), 0
    while total < size:
        parts.append(piece(k))
        total += len(parts[-1])
        k += 1
    return "".join(parts)[:size]


@contextmanager
def _counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Count the work done inside the block: ``[lines run, characters scanned in C]``."""
    work = [0, 0]

    def sized(fn: Callable[..., Any], measure: Callable[..., int]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            work[1] += measure(*args)
            return fn(*args)

        return wrapper

    def window(norm: str, lo: int = 0, hi: int | None = None) -> int:
        return (len(norm) if hi is None else hi) - lo

    monkeypatch.setattr(core, "matches", sized(core.matches, window))
    monkeypatch.setattr(core, "find_extras", sized(core.find_extras, window))
    for module in (core, tense, sys.modules["summitcal.resolver.resolve"]):
        monkeypatch.setattr(module, "normalize", sized(module.normalize, len))

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if "summitcal" not in frame.f_code.co_filename:
            return None
        work[0] += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        yield work
    finally:
        sys.settrace(previous)


def work_of(shape: str, size: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """The work of extracting from ``size`` characters of ``shape`` (after a warm-up, so
    that compiled patterns and caches are not counted)."""
    extract(hostile(shape, 200), reference=REFERENCE)
    text = hostile(shape, size)
    with _counted(monkeypatch) as work:
        extract(text, reference=REFERENCE)
    return sum(work)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il reviendra dans " + "1" * 4301 + " jours.", "fr"),
        ("1" * 4301 + "天前", "zh"),
        ("He returns in " + "1" * 4301 + " days.", "en"),
        ("Il reviendra dans " + "1" * 19 + " jours.", "fr"),
        ("1" * 19 + "天前", "zh"),
    ],
)
def test_a_number_longer_than_any_date_holds_is_no_date(text: str, lang: str) -> None:
    # (Python refuses to read a number of more than 4,300 digits: no such error escapes.)
    assert extract(text, reference=REFERENCE, lang=lang) == []


@pytest.mark.parametrize("shape", list(SHAPES))
def test_work_grows_linearly_with_the_text(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small = work_of(shape, 1_500, monkeypatch)
    large = work_of(shape, 15_000, monkeypatch)
    assert large <= 12 * small, f"{shape}: work {small} -> {large} ({large / small:.1f}x)"


#: Phrases that move the story's day, so that the fuzz reaches the ends of the calendar.
_NARRATIVE = st.sampled_from(
    [
        *("the next day", "the previous day", "two days later", "that evening", "that Monday"),
        *("the day before", "at 11 p.m.", "noon two days later", "New Years", "next week"),
    ]
)
_ARTICLE = st.lists(st.one_of(any_text, _NARRATIVE), max_size=8).map(". ".join)


@settings(max_examples=150, deadline=None)
@given(_ARTICLE, edge_references, st.booleans())
def test_extract_raises_nothing_but_summitcal_errors(text: str, ref: date, narrative: bool) -> None:
    try:
        mentions = extract(text, reference=ref, narrative=narrative)
    except SummitcalError:
        return
    for m in mentions:
        assert text[m.start : m.end] == m.text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_ARTICLE, edge_references), max_size=4))
def test_extract_many_yields_one_result_per_document(docs: list[tuple[str, date]]) -> None:
    assert [r.id for r in extract_many(docs)] == [str(i) for i in range(len(docs))]


def _corpus_sentences() -> list[str]:
    """Every sentence of the project's own annotated articles, in every language, with
    their tags removed: real prose whose dates are dense."""
    import re
    from pathlib import Path

    from summitcal.extraction.timeml import parse_timeml

    data = Path(__file__).parents[1] / "data"
    sentences: list[str] = []
    for path in sorted(data.glob("**/articles*/*.tml")):
        text = parse_timeml(path.read_text("utf-8"), source=str(path)).text
        sentences += [s for s in re.split(r"(?<=[.!?。])\s+", text) if s.strip()]
    return sentences


_SENTENCES = _corpus_sentences()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=12),
    st.sampled_from([" ", "\n", "\n\n", "", " — "]),
    st.dates(),
)
def test_extract_over_shuffled_corpus_sentences_gives_mentions_or_typed_errors(
    sentences: list[str], joint: str, reference: date
) -> None:
    """Sentences of real articles in any order, joined any way, read against any day:
    mentions that point into the text, or the library's own error, never a crash."""
    text = joint.join(sentences)
    try:
        mentions = extract(text, reference=reference)
    except SummitcalError:
        return
    for m in mentions:
        assert text[m.start : m.end] == m.text
