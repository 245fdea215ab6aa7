"""Shared fixtures: a fixed reference date and clock, and the shipped catalogue; the
property tests' settings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import settings

# Property tests check answers, not time: speed is measured by the scripts under bench/.
# Hypothesis's default deadline (200 ms an example) would fail an example that happens to
# compile a grammar pattern on first use, on a busy machine.
settings.register_profile("summitcal", deadline=None)
settings.load_profile("summitcal")

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
