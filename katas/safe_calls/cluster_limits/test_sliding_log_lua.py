"""Tests for sliding_log_lua: trim, count and add as ONE atomic script, with a unique member per call.

Pods are FakeAsyncRedis clients on one FakeServer (Lua via lupa); the clock is injected.
"""

from __future__ import annotations

import asyncio

from katakit.testkit import FakeClock, redis_pods
from katas.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter

START = 1_700_000_000.0


async def test_concurrent_pods_never_overshoot() -> None:
    clock = FakeClock(START)
    async with redis_pods(5) as pods:
        limiters = [SlidingWindowLimiter(r, "vendor", limit=10, window_s=60, clock=clock) for r in pods]
        granted = await asyncio.gather(*(limiters[i % 5].try_acquire() for i in range(50)))
    assert granted.count(True) == 10, (
        f"50 concurrent tries across 5 pods with limit 10 per 60 s: {granted.count(True)} granted, expected "
        "exactly 10. Trimming and counting in one round trip and adding in another lets every pod see the same "
        "count: the check and the add must run as one atomic Lua script."
    )


async def test_calls_at_the_same_instant_are_all_counted() -> None:
    clock = FakeClock(START)  # frozen: every call has the same timestamp
    async with redis_pods(2) as pods:
        limiters = [SlidingWindowLimiter(r, "vendor", limit=3, window_s=60, clock=clock) for r in pods]
        granted = [await limiters[i % 2].try_acquire() for i in range(6)]
    assert granted.count(True) == 3, (
        f"6 calls at the same instant with limit 3: {granted.count(True)} granted, expected 3. Sorted-set members "
        "are unique: if the member is the timestamp, calls at the same moment overwrite each other and are "
        "counted once. Use a unique member per call (new_member()), scored by the time."
    )


async def test_the_window_slides() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = SlidingWindowLimiter(r, "vendor", limit=2, window_s=60, clock=clock)
        first = [await limiter.try_acquire(), await limiter.try_acquire()]
        clock.advance(60 - 0.001)
        just_inside = await limiter.try_acquire()
        clock.now = START + 60  # exactly one window after the first two calls
        at_the_edge = await limiter.try_acquire()
        clock.advance(0.001)
        just_after = await limiter.try_acquire()
    assert (first, just_inside, at_the_edge, just_after) == ([True, True], False, False, True), (
        f"limit 2 used at t: at t + 59.999 got {just_inside}, at exactly t + 60 got {at_the_edge}, at t + 60.001 "
        f"got {just_after}; expected False, False, then True. Every span of 60 s holds at most 2 calls; an entry "
        "scored at now - window is still in the window and leaves just after (remove scores strictly below "
        "now - window: ZREMRANGEBYSCORE key -inf '(' .. (now - window))."
    )


async def test_denied_calls_are_not_recorded() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = SlidingWindowLimiter(r, "vendor", limit=4, window_s=60, clock=clock)
        for _ in range(20):
            await limiter.try_acquire()
            clock.advance(0.5)
        counted = await limiter.in_window()
    assert counted == 4, (
        f"after 20 tries with limit 4, the window holds {counted} entries; expected 4. Recording denied calls "
        "keeps the window full forever under steady retries: add the call only when it is granted."
    )


async def test_the_log_expires() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = SlidingWindowLimiter(r, "vendor", limit=4, window_s=30, clock=clock)
        await limiter.try_acquire()
        keys = await r.keys("*")
        pttl = await r.pttl(keys[0]) if len(keys) == 1 else None
    assert pttl is not None and 29_000 < pttl <= 30_000, (
        f"after one call Redis holds keys {keys} with PTTL {pttl}; expected one key with a PTTL of about 30000 ms "
        "(the 30 s window). Set PEXPIRE on every write, or idle limiters leave their logs in Redis forever; and "
        "PEXPIRE takes milliseconds (window * 1000), or the log vanishes long before the window ends."
    )


async def test_survives_a_script_cache_flush() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = SlidingWindowLimiter(r, "vendor", limit=2, window_s=60, clock=clock)
        first = await limiter.try_acquire()
        await r.script_flush()  # a Redis restart or failover empties the script cache
        second = await limiter.try_acquire()
        third = await limiter.try_acquire()
    assert (first, second, third) == (True, True, False), (
        f"around a SCRIPT FLUSH the calls gave {(first, second, third)}; expected (True, True, False). "
        "redis-py's register_script() runs EVALSHA and reloads the script when Redis answers NOSCRIPT."
    )


async def test_in_window_counts_only_the_current_window() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        limiter = SlidingWindowLimiter(r, "vendor", limit=5, window_s=60, clock=clock)
        for _ in range(3):
            await limiter.try_acquire()
        clock.advance(30)
        await limiter.try_acquire()
        clock.advance(40)  # the first 3 calls are 70 s old, the last one 40 s: only it is in the window
        counted = await limiter.in_window()
    assert counted == 1, (
        f"3 calls at t, 1 at t + 30, then no calls until t + 70: in_window() says {counted}, expected 1. The log "
        "is trimmed only when a call arrives, so count the entries scored at or after clock() - window_s "
        "(ZCOUNT), not every entry in the set (ZCARD)."
    )


async def test_limiters_with_different_names_are_independent() -> None:
    clock = FakeClock(START)
    async with redis_pods(1) as (r,):
        chat = SlidingWindowLimiter(r, "chat", limit=1, window_s=60, clock=clock)
        embed = SlidingWindowLimiter(r, "embed", limit=1, window_s=60, clock=clock)
        got = [await chat.try_acquire(), await embed.try_acquire()]
    assert got == [True, True], (
        f"a 'chat' and an 'embed' limiter (limit 1 each) each took one call: got {got}, expected [True, True]. "
        "The sorted set's key must include the limiter's name, or every limiter shares one log and one quota."
    )
