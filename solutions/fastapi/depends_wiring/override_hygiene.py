"""Reference solution: override_hygiene."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pytest
from fastapi import FastAPI

T = TypeVar("T")
Overrides = dict[Callable[..., Any], Callable[..., Any]]
_MISSING: Any = object()


@contextmanager
def override_dependency(
    app: FastAPI, dependency: Callable[..., Any], replacement: Callable[..., Any]
) -> Iterator[None]:
    overrides = app.dependency_overrides
    previous = overrides.get(dependency, _MISSING)
    overrides[dependency] = replacement
    try:
        yield
    finally:
        if previous is _MISSING:
            overrides.pop(dependency, None)
        else:
            overrides[dependency] = previous


def constant(value: T) -> Callable[[], T]:
    def dependency() -> T:
        return value

    return dependency


@pytest.fixture
def isolated_overrides(app: FastAPI) -> Iterator[Overrides]:
    snapshot = dict(app.dependency_overrides)
    try:
        yield app.dependency_overrides
    finally:
        app.dependency_overrides.clear()
        app.dependency_overrides.update(snapshot)
