"""Pitfall: an isolated_overrides fixture that yields a fresh empty dict instead of app.dependency_overrides.

Rejected by: test_the_fixture_stops_leaks_between_tests
Why it is wrong: FastAPI reads app.dependency_overrides on every request, so what a test puts into some
other dict never reaches the app. Nothing leaks because nothing is ever installed: every test that relies
on a fake silently runs against the real dependency (the real database, the real vendor).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference
from solutions.fastapi.depends_wiring.override_hygiene import Overrides


@pytest.fixture
def isolated_overrides(app: FastAPI) -> Iterator[Overrides]:
    yield {}
