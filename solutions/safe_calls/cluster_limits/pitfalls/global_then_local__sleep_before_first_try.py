"""Pitfall: the poll loop sleeps first and tries after, so even a free token costs a 50-150 ms wait.

Rejected by: test_the_first_try_is_immediate
Why it is wrong: every request pays a poll interval of latency when the quota has room (the usual case),
and the pod holds its local slot that much longer for nothing.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

from solutions.safe_calls.cluster_limits.global_then_local import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.global_then_local import TryAcquire, VendorBudgetExhausted


async def acquire_within(
    limiter: TryAcquire,
    *,
    deadline_s: float,
    rng: random.Random,
    clock: Callable[[], float],
    poll_s: float = 0.1,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    deadline = clock() + deadline_s
    while True:
        remaining = deadline - clock()
        await sleep(min(remaining, poll_s * rng.uniform(0.5, 1.5)))
        if await limiter.try_acquire():
            return
        if clock() >= deadline:
            raise VendorBudgetExhausted(f"no global token within {deadline_s:g} s")
