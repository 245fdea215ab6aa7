"""The whole-text scans written for speed find what their plain forms find.

The trigger scan and the sentence boundaries are written with every branch opening on a
literal character (the regex engine then skips positions that cannot start a match), the
boundaries with the next sentence's start checked in the same pattern; the possessive
blanking finds each "'s" first and looks the word before it up.  Their plain forms,
written here as the definitions, must give the same results on any text.
"""

from __future__ import annotations

import importlib
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.extraction import core, extras
from summitcal.extraction.extras import alternation
from summitcal.extraction.timeml import read_timeml
from summitcal.resolver import text as text_module
from summitcal.resolver.lexicon import lexicon
from summitcal.resolver.text import Sentence, normalize, split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"
_NEEDLES = {word for words in extras._needs().values() for word in words}

_PLAIN_DIGITS = (
    r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\d[/.:-]\d|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\d(?:st|nd|rd|th)\b|\d0'?s\b"
)


def _plain_trigger() -> re.Pattern[str]:
    return re.compile(rf"{_PLAIN_DIGITS}|(?<![\w])(?:{alternation(core._trigger_words())})(?!\w)")


def _plain_split(text: str) -> list[tuple[int, int, str]]:
    """Sentences by the rule in its plain form: end marks and closers before white space,
    then the next sentence's start checked apart; or a blank line."""
    t = text_module
    ends, closers, openers = t._any(t._ENDS), t._any(t._CLOSERS), t._any(t._OPENERS)
    next_start = re.compile(rf"\s+{openers}*[{t._START}]")
    cuts = []
    for m in re.finditer(rf"{ends}+{closers}*(?=\s)|\n[ \t]*\n", text):
        if m.group().startswith("\n"):
            cuts.append(m.start())
            continue
        if not next_start.match(text, m.end()):
            continue
        dot = m.start() if text[m.start()] == "." else -1
        single = len(m.group().rstrip(t._CLOSERS)) == 1
        if dot >= 0 and single and t._is_abbreviation(text, dot, m.end()):
            continue
        cuts.append(m.end())
    out, pos = [], 0
    for cut in [*cuts, len(text)]:
        chunk = text[pos:cut]
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            out.append((start, start + len(chunk.strip()), chunk.strip()))
        pos = cut
    return out


def _plain_blanking(norm: str) -> str:
    lex = lexicon()
    names = alternation([*lex.weekday_names, *core._one_word(lex.day_words), *lex.month_names])
    units = "(?<!new )year|week|weekend|month|quarter|spring|summer|autumn|winter"
    return re.sub(rf"\b((?:{names})|{units})'s\b", lambda m: m.group(1) + "  ", norm)


def _spans(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos)]


# Pieces that make the branches meet their edges: words of the lists and their parts,
# digits, signs, apostrophes, white space, letters that join a word.
_WORDS = sorted(core._trigger_words())
_PIECES = st.sampled_from(
    [
        *_WORDS[::3],
        "monday",
        "mondays",
        "weekend",
        "september",
        "new year",
        "year",
        "may",
        "sept",
        "'s",
        "'",
        "s",
        "x",
        "_",
        "é",
        "1",
        "9",
        "2024",
        "1999",
        "0",
        "/",
        ".",
        ":",
        "-",
        " ",
        "\n",
        "\t",
        "!",
        "?",
        '"',
        ")",
        "A",
        "a.m.",
        "pm",
        "th",
        "workers'",
        "workers'day",
        "２",
        "０２４",
        "٣",
        "١٢/",
        "!!!",
        "...",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_the_split_trigger_scans_find_what_one_scan_finds(text: str, cut: int, end: int) -> None:
    first, last = min(cut, len(text)), max(min(cut, len(text)), len(text) - end)
    one_scan = _spans(_plain_trigger(), text[:last], first)
    assert core._triggers_in(text, first, last) == one_scan


def test_a_trigger_word_opening_the_text_is_found_as_by_one_scan() -> None:
    for word in _WORDS:
        for text in (word, f"{word} of", f"{word}x", f"{word}s day", f"{word}_1"):
            one_scan = _spans(_plain_trigger(), text)
            assert core._triggers_in(text, 0, len(text)) == one_scan, text


def _per_sentence(text: str) -> tuple[str, list[list[tuple[int, int]]]]:
    """The triggers of each sentence of ``text`` by one plain scan of it, and the text as
    extraction reads it."""
    norm = core._blank_possessives(normalize(text))
    plain = _plain_trigger()
    spans = [_spans(plain, norm[: s.end], s.start) for s in split_sentences(text)]
    return norm, spans


# Sentences whose ends meet triggers: end marks, blank lines, capitals and digits on both
# sides of a break, a clock mark opening the next sentence.
_SENTENCE_PIECES = st.sampled_from(
    [
        ". ",
        "! ",
        "? ",
        ".\n\n",
        "\n\n",
        " ",
        "7",
        "2024",
        "Am",
        "am",
        "PM",
        "May",
        "may",
        "Monday",
        "1st",
        "x",
        "A",
        '"',
        ")",
        "'s",
        "today",
        "2:30",
        "workers'",
        "--",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=16).map("".join))
def test_one_scan_of_the_text_gives_each_sentence_its_triggers(text: str) -> None:
    norm, expected = _per_sentence(text)
    assert core._triggers_by_sentence(norm, split_sentences(text)) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=16).map("".join), st.lists(st.integers(0, 60)))
def test_any_stretches_get_the_triggers_a_scan_of_each_alone_finds(
    text: str, cuts: list[int]
) -> None:
    # Stretches cut anywhere (inside words, over triggers), not only at sentence ends.
    norm = core._blank_possessives(normalize(text))
    edges = sorted({0, len(norm), *(c for c in cuts if c < len(norm))})
    stretches = [Sentence(a, b, text[a:b]) for a, b in itertools.pairwise(edges)]
    expected = [_spans(_plain_trigger(), norm[: s.end], s.start) for s in stretches]
    assert core._triggers_by_sentence(norm, stretches) == expected


def test_a_trigger_over_a_sentence_break_is_read_in_each_sentence_alone() -> None:
    for text in (
        "We met at 7\n\nAm I late? Yes.",
        "It was 2024.\n\n12th May.",
        "Go 7. Am here.",
        "It rained last\n\nnight we met.",  # "last night" is one trigger, over the break
    ):
        norm, expected = _per_sentence(text)
        assert core._triggers_by_sentence(norm, split_sentences(text)) == expected, text


@pytest.mark.parametrize("path", sorted(DATA.glob("articles*/*.tml")), ids=lambda p: p.name)
def test_one_scan_of_an_article_gives_each_sentence_its_triggers(path: Path) -> None:
    text = read_timeml(path).text
    norm, expected = _per_sentence(text)
    assert core._triggers_by_sentence(norm, split_sentences(text)) == expected


def test_digits_of_other_scripts_are_triggers_as_any_digit_is() -> None:
    for text in (
        "signed on ２０２４-０３-１４ in geneva.",
        "talks resume on １４/３/２０２４.",
        "signed ١٢/٢٥/٢٠٢٤.",
        "at １０:３０ pm",
        "nights٣:1st",
    ):
        found = core._triggers_in(text, 0, len(text))
        assert found == _spans(_plain_trigger(), text), text
        assert found, text


@pytest.mark.parametrize("path", sorted(DATA.glob("articles*/*.tml")), ids=lambda p: p.name)
def test_the_split_trigger_scans_agree_on_every_sentence_of_an_article(path: Path) -> None:
    text = read_timeml(path).text
    norm = core._blank_possessives(normalize(text))
    for sentence in split_sentences(text):
        first, last = sentence.start, sentence.end
        assert core._triggers_in(norm, first, last) == [
            m.span() for m in _plain_trigger().finditer(norm, first, last)
        ]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentences_are_those_of_the_plain_rule(text: str) -> None:
    found = [(s.start, s.end, s.text) for s in split_sentences(text)]
    assert found == _plain_split(text)


def test_a_run_of_end_marks_is_read_from_its_first_mark_only() -> None:
    # A mark inside the run never starts a boundary, whatever follows the run: each run is
    # tried once (a run that ends nothing would otherwise be tried at every mark).
    for text in ("Done!!!! and more", "Done!!!! And more", 'Done?!." Then', "Done...x"):
        inside = range(5, text.index(" ") if " " in text else len(text))
        assert all(text_module._BOUNDARY.match(text, p) is None for p in inside), text
    assert text_module._BOUNDARY.match("Done!!!! And more", 4) is not None


@pytest.mark.parametrize("path", sorted(DATA.glob("articles*/*.tml")), ids=lambda p: p.name)
def test_an_article_has_the_sentences_of_the_plain_rule(path: Path) -> None:
    text = read_timeml(path).text
    assert [(s.start, s.end, s.text) for s in split_sentences(text)] == _plain_split(text)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_possessives_are_blanked_as_by_the_plain_rule(text: str) -> None:
    assert core._blank_possessives(text) == _plain_blanking(text)


def test_a_possessive_is_blanked_after_a_whole_calendar_word_only() -> None:
    for text in (
        "monday's",
        "(monday's)",
        "x monday's",
        "1monday's",
        "_monday's",
        "émonday's",
        "xmonday's",
        "mondays's",
        "monday'sx",
        "septembers's",
        "mid-year's",
    ):
        assert core._blank_possessives(text) == _plain_blanking(text), text


def test_new_years_keeps_its_possessive() -> None:
    assert core._blank_possessives("new year's day, this year's") == "new year's day, this year  "


@pytest.mark.parametrize(("lo", "hi"), [(-6, None), (0, -1), (-1, -1)])
def test_find_extras_refuses_negative_offsets(lo: int, hi: int | None) -> None:
    with pytest.raises(ValueError, match="offsets count from 0"):
        list(extras.find_extras("talks resume every six months", lo, hi))


def _extras_everywhere(norm: str, monkeypatch: pytest.MonkeyPatch) -> list[extras.Extra]:
    """Every extra pattern's matches in ``norm``, no pattern skipped for want of a word."""
    with monkeypatch.context() as patched:
        patched.setattr(extras, "_needs", dict)
        return list(extras.find_extras(norm))


@pytest.mark.parametrize("path", sorted(DATA.glob("articles*/*.tml")), ids=lambda p: p.name)
def test_skipping_extra_patterns_by_their_words_loses_no_match(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    norm = normalize(read_timeml(path).text)
    assert list(extras.find_extras(norm)) == _extras_everywhere(norm, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*sorted(_NEEDLES), "s", " ", "-", "2", "a", "the "]), max_size=12))
def test_the_words_found_in_a_stretch_are_those_it_holds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert extras._needles_in(text, 0, len(text)) == {w for w in _NEEDLES if w in text}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", ".", "a.", "Z.", "1", "-"]), max_size=30).map("".join))
def test_a_dotted_word_is_told_from_its_last_characters(word: str) -> None:
    # The sentence splitter reads only the word's end; the plain search reads it all.
    plain = re.search(r"(?:[A-Za-z]\.){2,}$", word) is not None
    assert (text_module._DOTTED.search(word, len(word) - 4) is not None) == plain


def test_the_sentence_a_period_is_read_in_stops_at_full_stops_or_at_its_reach() -> None:
    sentence = "Sales fell 5% from a year earlier in the six months to June"
    text = f"First part. {sentence}. Next one."
    start = text.index("a year earlier")
    assert extras._sentence_around(text, start, start + 14) == f" {sentence}"
    long = "x " * 1000 + "a year earlier" + " y" * 1000  # no full stop anywhere
    at = long.index("a year")
    around = extras._sentence_around(long, at, at + 14)
    assert around == long[at - extras._PERIOD_REACH : at + 14 + extras._PERIOD_REACH]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \"«»'", max_size=40), st.integers(0, 45))
def test_quotation_marks_before_a_place_are_counted_as_count_does(text: str, at: int) -> None:
    # (The package exports a function under the module's name.)
    french_names = importlib.import_module("summitcal.resolver.french.names")
    for mark in ('"', "'"):
        assert french_names._marks_before(text, mark, at) == text.count(mark, 0, at)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n«—(ab.", max_size=20), st.integers(0, 25))
def test_a_french_word_opens_its_sentence_as_the_plain_reading_says(text: str, at: int) -> None:
    french_names = importlib.import_module("summitcal.resolver.french.names")
    head = text[:at].rstrip()
    plain = not head or head[-1] in french_names._OPENERS or head.endswith(("—", "» "))
    assert french_names._opens_sentence(text, at) == plain
