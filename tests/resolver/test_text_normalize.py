"""normalize: one character for one, whatever the text's length (a whole article takes
another way through it than a phrase)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitcal.resolver import text as text_module
from summitcal.resolver.text import normalize


def one_by_one(text: str) -> str:
    """The definition, a character at a time."""
    out = []
    for char in text:
        low = char.lower()
        low = low if len(low) == 1 else char
        unified = text_module._UNIFY.table.get(ord(low))
        out.append(low if unified is None else str(unified))
    return "".join(out)


CHARS = st.sampled_from(
    [chr(code) for code in text_module._UNIFY.table]
    + list("aZ 9.,'\"-\u0130\u00c9\u00e9\u4e2d\u00df")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=40), st.integers(min_value=0, max_value=3))
def test_every_length_gives_the_character_by_character_reading(
    chars: list[str], repeat: int
) -> None:
    text = "".join(chars) * (1 + repeat * 20)  # phrases, and texts past the long-text length
    got = normalize(text)
    assert len(got) == len(text)
    assert got == one_by_one(text)


def test_an_article_is_unified_like_a_phrase() -> None:
    sentence = "\u201cTalks ended\u00a0on Feb.\u20096\u20137,\u201d she said.\nIt\u2019s over.\t"
    article = sentence * 100
    assert len(article) > text_module.CharMap.LONG
    assert normalize(article) == normalize(sentence) * 100
    assert normalize(sentence) == '"talks ended on feb. 6-7," she said. it\'s over. '


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("a\u00e9\u00e0\uff11\u3000 x\u00e7"), max_size=30))
def test_a_char_map_gives_what_str_translate_gives_at_any_length(piece: str) -> None:
    mapping = {"\u00e9": "e", "\u00e0": "a", "\uff11": "1", "\u3000": " ", "\u00e7": "c"}
    char_map = text_module.CharMap(mapping)
    table = str.maketrans(mapping)
    for text in (piece, piece * (text_module.CharMap.LONG // max(1, len(piece)) + 1)):
        assert char_map(text) == text.translate(table)


def test_a_char_map_refuses_characters_mapped_on_in_a_chain() -> None:
    """Replaced one after another, "a" would become "c"; str.translate makes it "b"."""
    with pytest.raises(ValueError, match="both mapped and mapped to: b"):
        text_module.CharMap({"a": "b", "b": "c"})
