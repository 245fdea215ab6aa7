"""The names the docstring examples of src/summitcal use without importing them.

The examples are run as tests (``pytest --doctest-modules src/summitcal``), so that an
API change that breaks one is found; they read best without an import line each, so the
common names are given here, and each example runs in a fresh temporary folder.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _doctest_names(
    request: pytest.FixtureRequest, doctest_namespace: dict[str, object], tmp_path: Path
) -> None:
    if not isinstance(request.node, pytest.DoctestItem):
        return
    import summitcal

    request.getfixturevalue("monkeypatch").chdir(tmp_path)  # examples may write files
    catalog = _shipped()
    doctest_namespace.update(
        date=date,
        datetime=datetime,
        summitcal=summitcal,
        load_catalog=summitcal.load_catalog,
        resolve=summitcal.resolve,
        to_ical=summitcal.to_ical,
        event=catalog.get("ai-action-summit-2025"),
        events=[e for e in catalog if not e.when.granularity.is_coarse][:6],
    )


@functools.cache
def _shipped() -> Any:
    """The shipped catalogue, read once for all the examples."""
    import summitcal

    return summitcal.load_catalog()
