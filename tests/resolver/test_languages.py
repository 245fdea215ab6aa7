"""The language plumbing: the registry, detection, the unsupported-language error, and
``lang`` on every entry point."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.errors import SummitcalError, UnsupportedLanguageError
from summitcal.extraction import extract, extract_many
from summitcal.resolver import detect as detection
from summitcal.resolver import resolve, resolve_in_context, scan
from summitcal.resolver.detect import detect, detect_text
from summitcal.resolver.languages import MODULES, available, language

DAY = date(2025, 2, 9)


def test_each_installed_language_exposes_the_interface() -> None:
    assert {"en", "zh"} <= set(available())
    for code in available():
        lang = language(code)
        assert lang.code == code
        phrase, start, end = lang.parse("2025" if code != "zh" else "2025年")
        assert (start, end) != (0, 0)
        assert phrase.rule == "year"


def test_french_plugs_in_by_its_entry() -> None:
    assert MODULES["fr"] == "summitcal.resolver.french"


CALLS: dict[str, Callable[[], object]] = {
    "resolve": lambda: resolve("Friday", reference=DAY, lang="de"),
    "resolve_in_context": lambda: resolve_in_context("On Friday.", 3, 9, reference=DAY, lang="de"),
    "scan": lambda: list(scan("On Friday.", lang="de")),
    "extract": lambda: extract("On Friday.", reference=DAY, lang="de"),
    "extract_many": lambda: list(extract_many([("On Friday.", DAY)], lang="de")),
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_an_unsupported_language_is_a_typed_error(call: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        CALLS[call]()
    error = caught.value
    assert isinstance(error, SummitcalError)
    assert isinstance(error, ValueError)
    supported = ", ".join(available())
    assert str(error) == f"language 'de' is not supported (supported: {supported})"


def test_chinese_is_told_by_its_script() -> None:
    assert detect("上周五") == "zh"
    assert detect_text("新华社北京1月26日电　春运今天启动。") == "zh"
    assert detect("on Friday") == "en"


def test_a_phrase_without_words_takes_its_sentences_language() -> None:
    assert detect("2046", "电影《2046》将在上海展映。") == "zh"
    assert detect("2046", "The film 2046 is shown again.") == "en"


def test_french_is_told_from_english_by_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """With French installed, a French phrase inside English text is read as French, and
    a phrase without words takes its sentence's language."""
    monkeypatch.setattr(detection, "available", lambda: ("en", "fr", "zh"))
    english = "The summit opens le 9 février 2025 in Paris, officials said."
    assert detect("le 9 février 2025", english) == "fr"
    assert detect("vendredi dernier") == "fr"
    assert detect("last Friday", "La réunion a eu lieu vendredi.") == "en"
    assert detect("15 h 30", "La séance reprendra à 15 h 30 dans la soirée.") == "fr"
    assert detect("15:30", "The session resumes at 15:30 in the afternoon.") == "en"
    assert detect_text("Le sommet s'est tenu à Paris les 10 et 11 février.") == "fr"


def test_a_language_not_installed_is_never_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detection, "available", lambda: ("en", "zh"))
    assert detect("le 9 février 2025") == "en"


def test_english_is_the_same_with_or_without_lang() -> None:
    context = "The minister will travel from Sunday to Wednesday."
    auto = resolve("from Sunday to Wednesday", reference=DAY, context=context)
    given = resolve("from Sunday to Wednesday", reference=DAY, context=context, lang="en")
    assert auto == given
    assert auto.timex == "2025-02-09/2025-02-12"


def test_lang_forces_the_reading() -> None:
    """A phrase of digits alone is read as Chinese when told so (2025年 needs 年)."""
    assert resolve("2025", reference=DAY).timex == "2025"
    with pytest.raises(SummitcalError, match="not a Chinese date phrase"):
        resolve("2025", reference=DAY, lang="zh")


def test_resolve_in_context_reads_a_chinese_occurrence_in_its_own_clause() -> None:
    text = "双方已于周一签署协议，周五将举行首次会议。"
    first = text.index("周一")
    second = text.index("周五")
    assert resolve_in_context(text, first, first + 2, reference=date(2021, 9, 8)).timex == (
        "2021-09-06"
    )
    assert resolve_in_context(text, second, second + 2, reference=date(2021, 9, 8)).timex == (
        "2021-09-10"
    )


def test_english_never_loads_another_language() -> None:
    """Another language's package is imported on first use only."""
    code = (
        "import sys, datetime, summitcal\n"
        "summitcal.resolve('on Friday', reference=datetime.date(2025, 2, 9))\n"
        "print(sorted(m for m in sys.modules if m.startswith('summitcal.resolver.')"
        " and ('chinese' in m or 'french' in m or 'detect' in m)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['summitcal.resolver.detect']"


def test_extract_many_reads_each_document_in_its_language() -> None:
    from summitcal.extraction import Document

    docs = [
        Document(text="2025年", reference=DAY, lang="zh"),
        Document(text="It ended on Friday.", reference=DAY),
        ("外交部发言人9日表示。", DAY),
    ]
    found = [[m.timex for m in r.mentions] for r in extract_many(docs)]
    assert found == [["2025"], ["2025-02-07"], ["2025-02-09"]]
    forced = next(extract_many([("2025", DAY)], lang="zh"))
    assert forced.mentions == ()


@pytest.mark.parametrize("phrase", ["2 p.m. ET", "9 a.m. EST", "ET", "at 10 a.m. et seq"])
def test_zone_capitals_and_clock_abbreviations_are_english(phrase: str) -> None:
    """ "ET" in capitals is a zone, not French "et"; "a.m." and "p.m." are English alone."""
    assert detect(phrase) == "en"


_FRENCH = sorted(detection._words().french)
_ENGLISH = sorted(detection._words().english)
_OTHER = ["2025", "9", "paris", "xi", "summit", "it's", "l'an", "d'ici", "s'est", "3 p.m.", "-"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_FRENCH) | st.sampled_from(_ENGLISH) | st.sampled_from(_OTHER),
        max_size=8,
    ),
    st.sampled_from([" ", ", ", " ’ ", " - "]),
)
def test_detection_reads_lower_case_text_as_the_full_count_does(
    words: list[str], joint: str
) -> None:
    """The short ways detection takes (plain words only, an apostrophe that is no French
    elision) give the answer of counting every word."""
    text = joint.join(words)
    assert detection.own_language(text) == detection._lean(text, detection._words())


def test_a_quote_that_closes_an_english_word_does_not_hide_it() -> None:
    """The full count reads "after'" as a word of its own, which no list holds; the short
    way reads the word inside the quotes."""
    assert detection._lean("'after' 2025", detection._words()) is None
    assert detection.own_language("'after' 2025") == "en"
