"""Pitfall: retry_after truncated with int() (kept at least 1) instead of rounded up.

Rejected by: test_retry_after_is_rounded_up_to_whole_seconds
Why it is wrong: with 3 tokens per 10 s a token frees every 3.33 s; a client told "3" comes back before
one is free and is rejected again. Rounding down turns every Retry-After into a wasted round trip.
"""

from __future__ import annotations

import asyncio

from aiolimiter import AsyncLimiter

from solutions.safe_calls.retry_discipline.hard_reject import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.hard_reject import RateLimited


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    if max_wait <= 0:
        if limiter.has_capacity():
            await limiter.acquire()
            return
    else:
        try:
            async with asyncio.timeout(max_wait):
                await limiter.acquire()
            return
        except TimeoutError:
            pass
    raise RateLimited(retry_after=max(1, int(limiter.time_period / limiter.max_rate)))
