"""Pitfall: cleaning up with app.dependency_overrides.clear(), the note's advice.

Rejected by: test_unrelated_overrides_survive, test_nested_overrides_restore_the_outer_one
Why it is wrong: clear() also removes overrides this block never installed: another fixture's, a
session-wide one, or the outer block's in a nested override. The next test then runs against the real
dependency it was promised would be faked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI

from solutions.fastapi.depends_wiring.override_hygiene import *  # the rest is the reference


@contextmanager
def override_dependency(
    app: FastAPI, dependency: Callable[..., Any], replacement: Callable[..., Any]
) -> Iterator[None]:
    app.dependency_overrides[dependency] = replacement
    try:
        yield
    finally:
        app.dependency_overrides.clear()
