"""Pitfall: cleaning up with pop(dependency), forgetting what the key held before.

Rejected by: test_nested_overrides_restore_the_outer_one
Why it is wrong: if an outer block or a fixture had already overridden the same dependency, the inner
block's cleanup deletes that too, and the rest of the outer block runs against the real dependency.
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
        app.dependency_overrides.pop(dependency, None)
