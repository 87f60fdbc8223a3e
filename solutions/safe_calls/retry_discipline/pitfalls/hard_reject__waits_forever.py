"""Pitfall: a plain acquire that queues until a token frees (a waiting limiter, not a hard reject).

Rejected by: test_third_call_in_a_burst_is_rejected_at_once, test_bounded_wait_gives_up_in_time
Why it is wrong: under overload requests pile up waiting instead of being told "429, later"; the
latency grows without bound while clients time out and retry on top.
"""

from __future__ import annotations

from aiolimiter import AsyncLimiter

from solutions.safe_calls.retry_discipline.hard_reject import *  # the rest is the reference


async def start_or_reject(limiter: AsyncLimiter, *, max_wait: float = 0.0) -> None:
    await limiter.acquire()
