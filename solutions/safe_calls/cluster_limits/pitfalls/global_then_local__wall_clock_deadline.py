"""Pitfall: the note's wait_and_acquire: a deadline measured with time.time() instead of the given clock.

Rejected by: test_the_deadline_runs_on_the_given_clock, test_acquire_within_never_reads_the_wall_clock
Why it is wrong: the deadline then depends on a clock the caller does not control (and each pod's wall
clock differs); under virtual time it never expires and the wait spins until something else kills it.
"""

from __future__ import annotations

import asyncio
import random
import time
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
    deadline = time.time() + deadline_s
    while not await limiter.try_acquire():
        if time.time() >= deadline:
            raise VendorBudgetExhausted("no global token in time")
        await sleep(poll_s * rng.uniform(0.5, 1.5))
