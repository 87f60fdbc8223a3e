"""Pitfall: a fixture whose teardown calls app.dependency_overrides.clear() instead of restoring a snapshot.

Rejected by: test_the_fixture_stops_leaks_between_tests
Why it is wrong: overrides installed before the test (a session-wide fake, another fixture's) are wiped
too, so later tests that rely on them hit the real dependency.
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
    app.dependency_overrides.clear()
