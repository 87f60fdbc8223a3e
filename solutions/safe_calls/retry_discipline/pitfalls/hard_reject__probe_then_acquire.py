"""Pitfall: the source note's probe: acquire under a tiny timeout to test, then acquire for real.

Rejected by: test_one_call_costs_exactly_one_token, test_third_call_in_a_burst_is_rejected_at_once
Why it is wrong: the probe's acquire is not undone, so every admitted call spends two tokens and the
service admits half the rate it promises; has_capacity() asks without taking.
"""

from __future__ import annotations

import asyncio
import math

from aiolimiter import AsyncLimiter

from solutions.safe_calls.retry_discipline.hard_reject import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.hard_reject import RateLimited


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    try:
        async with asyncio.timeout(max(max_wait, 0.001)):
            await limiter.acquire()  # "is there room?"
    except TimeoutError:
        raise RateLimited(retry_after=max(1, math.ceil(limiter.time_period / limiter.max_rate))) from None
    await limiter.acquire()  # the real call's token
