"""Exercise 3 of depends_wiring: dependency overrides that cannot leak from one test into the next.

Brief: katas/fastapi/depends_wiring/README.md. Run: `kata run override_hygiene`.

`app.dependency_overrides` is a plain dict on an app object that usually lives for the whole test
session. Whatever a test puts there stays until someone takes it out, so the helpers below install an
override for exactly one block (or one test) and then put back precisely what was there before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pytest
from fastapi import FastAPI

T = TypeVar("T")
Overrides = dict[Callable[..., Any], Callable[..., Any]]


@contextmanager
def override_dependency(
    app: FastAPI, dependency: Callable[..., Any], replacement: Callable[..., Any]
) -> Iterator[None]:
    """Make `app` call `replacement` wherever it would call `dependency`, for the duration of the block.

    Afterwards restore exactly the previous state, even when the block raised: if `dependency` had no
    override before, it has none after; if it had one (an outer block, another test's setup), that
    one is back. Overrides of other dependencies are never touched.
    """
    raise NotImplementedError


def constant(value: T) -> Callable[[], T]:
    """A dependency with NO parameters that returns `value` (a fake, a MagicMock, a settings object).

    FastAPI parses an override's signature like any dependency's, so a replacement must not have
    parameters of its own: `*args, **kwargs` become two required query parameters (every request is a
    422), and even a defaulted one (`lambda value=value: value`) becomes a query parameter a caller can
    set. Return a closure with an empty signature: wrapping a value in `constant()` is then always safe.
    """
    raise NotImplementedError


@pytest.fixture
def isolated_overrides(app: FastAPI) -> Iterator[Overrides]:
    """Fixture (it uses the test's `app` fixture): hand the test `app.dependency_overrides` to fill freely,
    and at teardown restore the dict to the snapshot taken before the test, whether the test passed or not.

    Yield the app's own dict, the very object FastAPI reads on each request: what a test puts into a new
    dict or a copy never reaches the app. Restore it in place (the app keeps that same dict object).
    """
    raise NotImplementedError
