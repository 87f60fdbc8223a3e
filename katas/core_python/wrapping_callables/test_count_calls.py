"""Tests for count_calls: a wrapper forwards everything, counts per function, and keeps the metadata."""

from __future__ import annotations

import inspect

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from katas.core_python.wrapping_callables.count_calls import count_calls


class Boom(Exception):
    """Raised by the wrapped function on purpose."""


def add(a: int, b: int = 10) -> int:
    """Add two numbers."""
    return a + b


def test_result_and_exceptions_pass_through() -> None:
    counted = count_calls(add)
    got = counted(1, 2)
    assert got == 3, (
        f"the decorated add(1, 2) returned {got!r}, expected 3: the wrapper must `return` the wrapped "
        "call's result, or every caller silently gets None"
    )
    error = Boom("the very same object")

    def explode() -> None:
        raise error

    counted_explode = count_calls(explode)
    with pytest.raises(Boom) as caught:
        counted_explode()
    assert caught.value is error, "the wrapper must let the original exception object through untouched"
    assert counted.call_count == 1, f"add was called once, call_count says {counted.call_count!r}"
    assert counted_explode.call_count == 1, (
        f"a call that raised still counts as a call; call_count says {counted_explode.call_count!r}"
    )


def test_keyword_arguments_are_forwarded() -> None:
    counted = count_calls(add)
    got = counted(1, b=2)
    assert got == 3, (
        f"add(1, b=2) through the wrapper returned {got!r}, expected 3: keyword arguments were not "
        "forwarded. A general wrapper takes *args, **kwargs and passes both on."
    )


def test_metadata_is_kept() -> None:
    counted = count_calls(add)
    assert counted.__name__ == "add", (
        f"__name__ is {counted.__name__!r}, not 'add': copy the metadata with functools.wraps, or logs, "
        "tracebacks and routers all see the wrapper instead of your function"
    )
    assert counted.__qualname__ == add.__qualname__ and counted.__doc__ == add.__doc__, (
        "__qualname__ and __doc__ must be the wrapped function's (functools.wraps copies them)"
    )
    assert getattr(counted, "__wrapped__", None) is add, (
        "__wrapped__ must point at the original function: functools.wraps sets it, and inspect.signature "
        "and FastAPI follow it to find the real parameters"
    )
    assert inspect.signature(counted) == inspect.signature(add), (
        f"inspect.signature shows {inspect.signature(counted)}, expected {inspect.signature(add)}"
    )


def test_each_function_has_its_own_counter() -> None:
    first = count_calls(add)
    second = count_calls(add)
    assert first.call_count == 0 and second.call_count == 0, "call_count starts at 0 before any call"
    for _ in range(3):
        first(1)
    second(1)
    assert (first.call_count, second.call_count) == (3, 1), (
        f"one wrapper was called 3 times and the other once, call_count says "
        f"{(first.call_count, second.call_count)}: two decorated functions share one counter. Keep the "
        "count on the wrapper (or in its closure), not in a module-level global."
    )


def test_fastapi_still_sees_the_signature() -> None:
    app = FastAPI()

    @app.get("/items/{item_id}")
    @count_calls
    def read(item_id: int, q: str = "x") -> dict[str, object]:
        return {"item_id": item_id, "q": q}

    response = TestClient(app).get("/items/3?q=a")
    assert response.status_code == 200, (
        f"FastAPI answered {response.status_code} ({response.text[:200]}): it saw (*args, **kwargs) as "
        "required query parameters. functools.wraps exposes the real signature through __wrapped__."
    )
    assert response.json() == {"item_id": 3, "q": "a"}, f"the endpoint returned {response.json()!r}"
    assert read.call_count == 1, f"the endpoint ran once, call_count says {read.call_count!r}"
