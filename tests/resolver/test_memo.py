"""What is kept per phrase: parses and refusals, and forgetting them all."""

from __future__ import annotations

from datetime import date

import pytest

from summitcal.errors import AmbiguousHolidayError, PhraseError
from summitcal.resolver import clear_caches, resolve
from summitcal.resolver.grammar import parse
from summitcal.resolver.memo import per_phrase_parse


def test_a_refusal_is_kept_and_raised_afresh_each_time() -> None:
    calls: list[str] = []

    @per_phrase_parse
    def refuse(text: str) -> tuple[object, int, int]:
        calls.append(text)
        raise PhraseError(text, "no date here", 3)

    errors = []
    for _ in range(3):
        with pytest.raises(PhraseError) as caught:
            refuse("the Sunday Times")  # type: ignore[arg-type]
        errors.append(caught.value)
    assert calls == ["the Sunday Times"]  # read once
    assert [(e.text, e.reason, e.position) for e in errors] == [
        ("the Sunday Times", "no date here", 3)
    ] * 3
    assert len({id(e) for e in errors}) == 3  # no traceback shared between callers


def test_a_narrower_error_is_raised_and_not_kept() -> None:
    calls: list[str] = []

    @per_phrase_parse
    def ambiguous(text: str) -> tuple[object, int, int]:
        calls.append(text)
        raise AmbiguousHolidayError(text, "which country?", ("US", "CA"))

    for _ in range(2):
        with pytest.raises(AmbiguousHolidayError):
            ambiguous("Thanksgiving")  # type: ignore[arg-type]
    assert calls == ["Thanksgiving", "Thanksgiving"]


def test_clear_caches_forgets_every_phrase() -> None:
    parse("on Friday")
    with pytest.raises(PhraseError):
        parse("officials may meet")
    assert parse.cache_info().currsize >= 2  # type: ignore[attr-defined]
    clear_caches()
    assert parse.cache_info().currsize == 0  # type: ignore[attr-defined]


def test_a_kept_answer_is_the_answer_read_afresh() -> None:
    """Resolving with every cache warm gives what a first reading gives, refusals too."""
    day = date(2025, 2, 9)
    phrases = ["on Friday", "Feb. 6-7", "may", "le 9 février 2025", "上周五", "Windows 2000"]

    def outcome(phrase: str) -> object:
        try:
            return resolve(phrase, reference=day, context=f"They said {phrase} here.").timex
        except PhraseError as exc:
            return (exc.reason, exc.position)

    clear_caches()
    first = [outcome(p) for p in phrases]
    assert [outcome(p) for p in phrases] == first
