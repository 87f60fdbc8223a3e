"""Tests for async_cache: awaited results cached, one shared in-flight call per key, failures never cached."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from katas.core_python.wrapping_callables.async_cache import async_cache

pytestmark = pytest.mark.looptime


class UpstreamDown(Exception):
    """The fake upstream failed."""


class Upstream:
    """A slow async lookup that counts its calls; it fails while `failing` is set."""

    def __init__(self, latency: float = 1.0) -> None:
        self.latency = latency
        self.calls = 0
        self.failing = False

    async def lookup(self, user_id: int, *, region: str = "eu") -> str:
        """Look a user up (slowly)."""
        self.calls += 1
        await asyncio.sleep(self.latency)
        if self.failing:
            raise UpstreamDown(f"lookup {user_id} failed")
        return f"user-{user_id}@{region}"


async def test_second_await_reuses_the_result() -> None:
    upstream = Upstream()
    cached = async_cache(upstream.lookup)
    first = await cached(1)
    try:
        second = await cached(1)
    except RuntimeError as exc:
        if "already awaited" not in str(exc):
            raise
        pytest.fail(
            f"the second await failed with {exc!r}: something cached the coroutine object (that is what "
            "functools.lru_cache does on an async def), and a coroutine can be awaited only once. Cache the "
            "awaited result instead."
        )
    assert (first, second) == ("user-1@eu", "user-1@eu"), f"expected 'user-1@eu' twice, got {(first, second)}"
    assert upstream.calls == 1, (
        f"the second call of the same key must come from the cache; upstream ran {upstream.calls}x"
    )


async def test_concurrent_callers_share_one_call() -> None:
    upstream = Upstream(latency=1.0)
    cached = async_cache(upstream.lookup)
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(cached(7))
        b = tg.create_task(cached(7))
    assert (a.result(), b.result()) == ("user-7@eu", "user-7@eu"), "both callers must get the value"
    assert upstream.calls == 1, (
        f"two concurrent callers of one key hit the upstream {upstream.calls} times: a cache filled only "
        "after the await finishes misses every call that arrives meanwhile (a thundering herd on a cold "
        "key). Store a shared task/future per key before awaiting it."
    )
    assert loop.time() - start == pytest.approx(1.0, abs=1e-3), (
        "both answers are ready after one latency (1 s)"
    )


async def test_failures_are_not_cached() -> None:
    upstream = Upstream()
    cached = async_cache(upstream.lookup)
    upstream.failing = True
    with pytest.raises(UpstreamDown):
        await cached(3)
    upstream.failing = False
    try:
        got = await cached(3)
    except UpstreamDown:
        pytest.fail(
            "the upstream has recovered, but the cache replayed the old failure: drop the key when the call "
            "raises, or one blip poisons that key until the process restarts"
        )
    assert got == "user-3@eu" and upstream.calls == 2, (
        f"expected a fresh call returning 'user-3@eu'; got {got!r}"
    )


async def test_concurrent_callers_share_the_failure() -> None:
    upstream = Upstream()
    cached = async_cache(upstream.lookup)
    upstream.failing = True
    first = asyncio.create_task(cached(4))
    second = asyncio.create_task(cached(4))
    await asyncio.wait({first, second}, timeout=5)
    outcomes = [
        type(t.exception()).__name__ if t.done() and not t.cancelled() else "not finished"
        for t in (first, second)
    ]
    assert outcomes == ["UpstreamDown", "UpstreamDown"] and upstream.calls == 1, (
        f"two concurrent callers of a failing key got {outcomes} and the upstream ran {upstream.calls}x; "
        "expected one call whose UpstreamDown reaches both: the error of the shared in-flight call goes to "
        "every caller waiting for it (a lock per key instead makes each waiter call the failing upstream again)"
    )


async def test_keys_and_cache_clear() -> None:
    upstream = Upstream()
    cached = async_cache(upstream.lookup)
    assert await cached(1, region="us") == "user-1@us"
    assert await cached(2, region="us") == "user-2@us"
    assert upstream.calls == 2, (
        f"different arguments are different keys; upstream ran {upstream.calls}x, expected 2"
    )
    assert await cached(1, region="us") == "user-1@us" and upstream.calls == 2, "a repeated key is a hit"
    got = await cached(1, region="eu")
    assert got == "user-1@eu", (
        f"cached(1, region='eu') after cached(1, region='us') returned {got!r}: the key left out the keyword "
        "arguments, so a call that differs only in a keyword was served another call's result. The key is "
        "the positional arguments plus the keyword arguments."
    )
    assert upstream.calls == 3, (
        f"a different keyword value is a different key; upstream ran {upstream.calls}x"
    )

    calls: list[tuple[str, str, str]] = []

    async def report(day: str, *, team: str, fmt: str) -> str:
        calls.append((day, team, fmt))
        await asyncio.sleep(1.0)
        return f"{day}/{team}.{fmt}"

    cached_report = async_cache(report)
    assert await cached_report("mon", team="ops", fmt="csv") == "mon/ops.csv"
    assert await cached_report("mon", fmt="csv", team="ops") == "mon/ops.csv"
    assert len(calls) == 1, (
        f"report('mon', team='ops', fmt='csv') and report('mon', fmt='csv', team='ops') are the same call, but "
        f"the function ran {len(calls)}x: the key kept the keyword arguments in the order the caller wrote "
        "them. Keyword order carries no meaning; sort the keyword items (by name) before building the key."
    )

    cached.cache_clear()  # type: ignore[attr-defined]
    assert await cached(1, region="us") == "user-1@us"
    assert upstream.calls == 4, (
        f"after cache_clear() the key must be fetched again; upstream ran {upstream.calls}x, expected 4"
    )


async def test_cancelled_caller_does_not_cancel_the_others() -> None:
    upstream = Upstream(latency=1.0)
    cached = async_cache(upstream.lookup)
    impatient = asyncio.create_task(cached(9))
    patient = asyncio.create_task(cached(9))
    await asyncio.sleep(0.5)
    impatient.cancel()
    await asyncio.sleep(0.25)
    latecomer = asyncio.create_task(cached(9))
    await asyncio.wait({impatient, patient, latecomer}, timeout=5)
    assert impatient.cancelled(), "the cancelled caller must end cancelled"
    assert not patient.cancelled() and patient.done(), (
        "cancelling one caller cancelled the shared call for every other caller waiting on it: awaiting a "
        "task from a task that gets cancelled cancels the awaited task too. Wrap it in asyncio.shield()."
    )
    assert patient.result() == "user-9@eu" and latecomer.result() == "user-9@eu", (
        "the other callers still get the result"
    )
    assert upstream.calls == 1, (
        f"the upstream ran {upstream.calls}x for one key: a cancelled caller only stops waiting. The shared "
        "call, and its key in the cache, must carry on, so the patient caller and a latecomer arriving "
        "meanwhile (after the cancellation, before the result) share it; only a call that itself failed is "
        "forgotten"
    )


def test_decorated_function_is_still_async() -> None:
    cached = async_cache(Upstream().lookup)
    assert inspect.iscoroutinefunction(cached), (
        "the decorated function must still be a coroutine function (an `async def` wrapper)"
    )
    assert cached.__name__ == "lookup" and cached.__doc__ == "Look a user up (slowly).", "use functools.wraps"
    assert callable(getattr(cached, "cache_clear", None)), (
        "the decorated function needs a cache_clear() method"
    )
