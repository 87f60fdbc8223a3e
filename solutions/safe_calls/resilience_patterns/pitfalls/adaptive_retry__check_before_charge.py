"""Pitfall: asking the throttle before charging this failure to it.

Rejected by: test_the_throttle_is_charged_before_it_is_asked_and_credited_on_success
Why it is wrong: the failure that brings the bucket to the half-way line still buys a retry, so under
a storm every pod spends one retry more than its budget, the very load the throttle exists to cut.
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
            result = await fn()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            permitted = throttle.retry_permitted()
            throttle.on_failure()
            if retries >= retries_allowed(signals()) or not permitted:
                raise
            await sleep(backoff(retries))
            retries += 1
        else:
            throttle.on_success()
            return result
