"""Pitfall: polling every poll_s exactly, with no jitter.

Rejected by: test_pods_poll_out_of_step
Why it is wrong: every waiting caller on every pod hits Redis at the same instants, in synchronised waves,
and the first token freed goes to whoever wins that race; jitter spreads the load and the chances.
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
    while not await limiter.try_acquire():
        remaining = deadline - clock()
        if remaining <= 0:
            raise VendorBudgetExhausted("no global token in time")
        await sleep(min(remaining, poll_s))
