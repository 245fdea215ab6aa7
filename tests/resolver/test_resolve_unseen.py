"""The held-out resolver cases (tests/data/resolve_unseen*.toml), scored file by file.

These sentences were written apart from the resolver and its own cases, to measure how it
carries over to unseen wording (four sets, written at different times and on different
kinds of news).  Each file is
scored as a whole: the test fails only when its overall accuracy falls under a floor, and
prints the accuracy per category and the phrases it missed (a single miss is a question
for the conventions, not necessarily a bug).
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summitcal.errors import PhraseError
from summitcal.resolver import NumericOrder, resolve

DATA = Path(__file__).parents[1] / "data"
ORDERS = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}

#: Overall accuracy the resolver must keep on each held-out file (measured after the fixes
#: of general causes: 261/261, 214/214, 152/153, 155/155; as first measured, before them:
#: 257/261, 204/214, 150/153, 154/155).  Set a
#: little under what it reaches, so that a regression shows without every new convention
#: question failing the build.
FLOOR = 0.97


def _load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open("rb") as handle:
        return list(tomllib.load(handle)["case"])


def _right(case: dict[str, Any]) -> bool:
    """Whether the resolver gives the case's value, type, mod and zone (or refuses a
    reject); where the case gives them, also the span's first and last day (``span``) and
    the interval offered beside a duration (``interval``).  A case may ask for
    astronomical seasons (``seasons``)."""
    published: date = case["published"]
    order = ORDERS[case["order"]] if "order" in case else None
    seasons = case.get("seasons", "meteorological")
    try:
        r = resolve(
            case["phrase"],
            reference=published,
            context=case.get("context"),
            order=order,
            seasons=seasons,
        )
    except PhraseError:
        return bool(case.get("reject"))
    if case.get("reject"):
        return False
    got = (r.timex, str(r.type), r.mod and r.mod.value, r.zone)
    if got != (case["value"], case.get("type", "DATE"), case.get("mod"), case.get("zone")):
        return False
    if "span" in case and f"{r.span.first}/{r.span.last}" != case["span"]:
        return False
    return "interval" not in case or (
        r.interval is not None and r.interval.timex == case["interval"]
    )


@pytest.mark.parametrize(
    "name",
    ["resolve_unseen.toml", "resolve_unseen2.toml", "resolve_unseen3.toml", "resolve_unseen4.toml"],
)
def test_accuracy_stays_above_the_floor(name: str) -> None:
    """Overall accuracy on the held-out cases is at least FLOOR; prints it per category."""
    cases = _load(name)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        ok = _right(case)
        if not ok:
            print(f"missed [{case['category']}] {case['phrase']!r} in {case.get('context')!r}")
        for key in (case["category"], "ALL"):
            tally[key][0] += ok
            tally[key][1] += 1
    for key in sorted(tally, key=lambda k: (k == "ALL", k)):
        good, total = tally[key]
        print(f"{key:<14} {good:>4}/{total:<4} {100 * good / total:5.1f}%")
    good, total = tally["ALL"]
    assert total >= 150, "the held-out file lost cases"
    assert good / total >= FLOOR, f"held-out accuracy {good}/{total} is under {FLOOR:.0%}"
