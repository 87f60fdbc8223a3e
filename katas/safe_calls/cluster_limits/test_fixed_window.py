"""Tests for fixed_window: one shared counter per window, for every pod. Pods are FakeAsyncRedis clients on
one FakeServer (as pods of one deployment share one Redis); the clock is injected."""

from __future__ import annotations

import asyncio

from katakit.testkit import FakeClock, redis_pods
from katas.safe_calls.cluster_limits.fixed_window import FixedWindowLimiter

START = 1_700_000_000.0  # a window boundary for window_s = 10


async def test_the_limit_holds_within_a_window() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = FixedWindowLimiter(r, "vendor", limit=3, window_s=10, clock=clock)
        got = [await limiter.try_acquire() for _ in range(4)]
    assert got == [True, True, True, False], f"limit 3 in one window: expected T, T, T, F; got {got}"


async def test_a_new_window_starts_a_new_count() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = FixedWindowLimiter(r, "vendor", limit=1, window_s=10, clock=clock)
        first = [await limiter.try_acquire(), await limiter.try_acquire()]
        clock.advance(10)
        later = await limiter.try_acquire()
    assert (first, later) == ([True, False], True), (
        f"limit 1: two calls in one window gave {first}, a call one window later gave {later}; expected "
        "[True, False] then True. The window index (floor(now / window_s)) belongs in the key."
    )
    k = limiter.key_at
    assert k(START) == k(START + 9.999) and k(START) != k(START + 10), (
        f"key_at({START}) = {k(START)!r}, key_at(+9.999) = {k(START + 9.999)!r}, key_at(+10) = {k(START + 10)!r}: "
        "the first two are the same window, the third is the next one."
    )


async def test_window_keys_expire() -> None:
    async with redis_pods(1) as (r,):
        limiter = FixedWindowLimiter(r, "vendor", limit=3, window_s=10, clock=FakeClock(START + 4))
        await limiter.try_acquire()
        ttl = await r.ttl(limiter.key_at(START + 4))
    assert 0 < ttl <= 10, (
        f"the window key's TTL is {ttl} (-1 means no expiry); expected 0 < ttl <= 10. Window keys without a "
        "TTL accumulate in Redis forever: one key per window, per limiter, for as long as the service runs."
    )


async def test_pods_share_one_count() -> None:
    clock = FakeClock(START)
    async with redis_pods(3) as pods:
        limiters = [FixedWindowLimiter(r, "vendor", limit=3, window_s=10, clock=clock) for r in pods]
        granted = [await limiters[i % 3].try_acquire() for i in range(9)]
    assert granted.count(True) == 3, (
        f"three pods took turns for 9 calls with a global limit of 3: {granted.count(True)} were granted, "
        "expected 3. The count must live in Redis, shared by every pod; a per-pod count lets N pods send N x "
        "the quota."
    )


async def test_concurrent_pods_never_overshoot() -> None:
    clock = FakeClock(START)
    async with redis_pods(4) as pods:
        limiters = [FixedWindowLimiter(r, "vendor", limit=5, window_s=10, clock=clock) for r in pods]
        granted = await asyncio.gather(*(limiters[i % 4].try_acquire() for i in range(20)))
    assert granted.count(True) == 5, (
        f"20 concurrent tries across 4 pods with limit 5: {granted.count(True)} granted, expected exactly 5. Two "
        "pods read the same count before either wrote it back: use INCR, which counts and returns the new value "
        "in one atomic step."
    )


async def test_a_boundary_lets_twice_the_limit_through() -> None:
    """Characterisation: the known weakness of fixed windows (the sliding log of the next exercise has none)."""
    clock = FakeClock(START + 9.5)
    async with redis_pods(1) as (r,):
        limiter = FixedWindowLimiter(r, "vendor", limit=3, window_s=10, clock=clock)
        before = [await limiter.try_acquire() for _ in range(3)]
        clock.advance(1.0)  # one second later, but in the next window
        after = [await limiter.try_acquire() for _ in range(3)]
    assert before + after == [True] * 6, (
        f"3 calls at t=9.5 and 3 at t=10.5 of a 10 s window with limit 3 gave {before + after}; a fixed window "
        "grants all 6 (twice the limit within one second) because the count resets at the boundary."
    )


async def test_limiters_with_different_names_are_independent() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        chat = FixedWindowLimiter(r, "chat", limit=1, window_s=10, clock=clock)
        embed = FixedWindowLimiter(r, "embed", limit=1, window_s=10, clock=clock)
        got = [await chat.try_acquire(), await embed.try_acquire()]
    assert got == [True, True], f"two vendors' limiters must not share a counter; got {got}"
