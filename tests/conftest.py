"""Shared fixtures: a fixed reference date and clock, and the shipped catalogue."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

#: The publication date of the article the project started from (a Sunday).
REFERENCE = date(2025, 2, 9)
#: A fixed "now" for anything that would otherwise read the clock.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def reference() -> date:
    return REFERENCE


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    from summitcal import load_catalog

    return load_catalog()
