"""Pitfall: wrapping the acquire in asyncio.timeout(0), whatever max_wait says.

Rejected by: test_bounded_wait_takes_a_token_that_frees_in_time
Why it is wrong: a caller that allowed a short wait is rejected even though a token frees well within
it; the bounded wait is part of the contract.
"""

from __future__ import annotations

import asyncio
import math

from aiolimiter import AsyncLimiter

from solutions.safe_calls.retry_discipline.hard_reject import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.hard_reject import RateLimited


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    try:
        async with asyncio.timeout(0):
            await limiter.acquire()
    except TimeoutError:
        raise RateLimited(retry_after=max(1, math.ceil(limiter.time_period / limiter.max_rate))) from None
