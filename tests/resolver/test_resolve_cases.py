"""The annotated resolver cases (tests/data/resolve_cases.toml), one test per case."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summitcal.errors import PhraseError
from summitcal.resolver import NumericOrder, resolve

CASES_FILE = Path(__file__).parents[1] / "data" / "resolve_cases.toml"
ORDERS = {"day-first": NumericOrder.DAY_FIRST, "month-first": NumericOrder.MONTH_FIRST}


def _cases() -> list[Any]:
    with CASES_FILE.open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    return [
        pytest.param(case, id=f"{i:03d}-{case['category']}-{case['phrase']}")
        for i, case in enumerate(cases)
    ]


def _resolve(case: dict[str, Any]) -> Any:
    published: date = case["published"]
    order = ORDERS[case["order"]] if "order" in case else None
    return resolve(case["phrase"], reference=published, context=case.get("context"), order=order)


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    """The phrase resolves to the annotated value, type, mod and zone (or is rejected)."""
    if case.get("reject"):
        with pytest.raises(PhraseError):
            _resolve(case)
        return
    result = _resolve(case)
    got = (result.timex, str(result.type), result.mod and result.mod.value, result.zone)
    expected = (case["value"], case.get("type", "DATE"), case.get("mod"), case.get("zone"))
    assert got == expected, result.explanation
