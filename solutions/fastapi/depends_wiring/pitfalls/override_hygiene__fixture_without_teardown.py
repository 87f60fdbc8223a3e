"""Pitfall: a fixture that hands out app.dependency_overrides and never restores it.

Rejected by: test_the_fixture_stops_leaks_between_tests
Why it is wrong: the app outlives the test, so every override a test installs is still there for the
next test, which then silently runs against fakes it never asked for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference
from solutions.fastapi.depends_wiring.override_hygiene import Overrides


@pytest.fixture
def isolated_overrides(app: FastAPI) -> Iterator[Overrides]:
    yield app.dependency_overrides
