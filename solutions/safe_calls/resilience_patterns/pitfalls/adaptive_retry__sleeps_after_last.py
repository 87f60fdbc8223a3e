"""Pitfall: sleeping after every failed attempt, the last one included.

Rejected by: test_backoff_before_each_retry_and_never_after_the_last
Why it is wrong: the backoff after the final attempt delays nothing but the error: the caller waits the
longest delay of the schedule for an answer that was already known.
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
            throttle.on_failure()
            await sleep(backoff(retries))
            if retries >= retries_allowed(signals()) or not throttle.retry_permitted():
                raise
            retries += 1
        else:
            throttle.on_success()
            return result
