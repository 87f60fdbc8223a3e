"""Pitfall: removing the override after the yield, but not in `finally`.

Rejected by: test_override_is_removed_when_the_block_raises
Why it is wrong: when the block raises (a failing assertion in a test) the line after the yield never runs,
so the fake stays installed. The leak is order-dependent: the next test fails only when it runs after this
one, and passes when run alone, which is the hardest kind of failure to debug.
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
    previous = app.dependency_overrides.get(dependency)
    app.dependency_overrides[dependency] = replacement
    yield
    if previous is None:
        del app.dependency_overrides[dependency]
    else:
        app.dependency_overrides[dependency] = previous
