"""Pitfall: an isolated_overrides fixture that yields a copy of app.dependency_overrides.

Rejected by: test_the_fixture_stops_leaks_between_tests
Why it is wrong: the copy looks isolated (the app's dict is untouched afterwards), but FastAPI reads the
app's own dict on every request, so the overrides a test puts into the copy never apply. Tests meant to
run against fakes hit the real dependency, and the suite stays green for the wrong reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference
from solutions.fastapi.depends_wiring.override_hygiene import Overrides


@pytest.fixture
def isolated_overrides(app: FastAPI) -> Iterator[Overrides]:
    yield dict(app.dependency_overrides)
