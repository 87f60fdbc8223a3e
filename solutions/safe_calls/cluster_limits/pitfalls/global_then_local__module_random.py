"""Pitfall: the jitter is drawn from the module-level `random`, not from the rng it was given.

Rejected by: test_the_jitter_comes_from_the_given_rng
Why it is wrong: the poll schedule can no longer be reproduced (a seeded rng in a test or a replayed
incident gives a different schedule every run), and the caller's choice of generator is ignored.
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
            raise VendorBudgetExhausted(f"no global token within {deadline_s:g} s")
        await sleep(min(remaining, poll_s * random.uniform(0.5, 1.5)))
