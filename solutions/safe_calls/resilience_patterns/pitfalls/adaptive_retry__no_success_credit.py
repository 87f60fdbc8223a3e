"""Pitfall: returning the result directly, so successes never earn the throttle its tokens back.

Rejected by: test_the_throttle_is_charged_before_it_is_asked_and_credited_on_success
Why it is wrong: the retry budget only ever drains: after a few bad minutes the pod stops retrying
for good, even once the vendor is healthy again (gRFC A6 refills the bucket with every success).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from solutions.safe_calls.resilience_patterns.adaptive_retry import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.adaptive_retry import RetryThrottle, Signals, retries_allowed

T = TypeVar("T")


async def call_adaptively(
    fn: Callable[[], Awaitable[T]],
    *,
    throttle: RetryThrottle,
    signals: Callable[[], Signals],
    is_retryable: Callable[[BaseException], bool],
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    retries = 0
    while True:
        try:
            return await fn()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            throttle.on_failure()
            if retries >= retries_allowed(signals()) or not throttle.retry_permitted():
                raise
            await sleep(backoff(retries))
            retries += 1
