"""Pitfall: retrying every failure, 4xx included, and charging them all to the throttle.

Rejected by: test_a_client_error_is_not_retried_and_costs_no_budget
Why it is wrong: a 422 fails identically on every attempt, so retries only add load and latency, and
charging client errors to the budget lets one user's bad requests switch off retries for everyone.
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
        except Exception:
            throttle.on_failure()
            if retries >= retries_allowed(signals()) or not throttle.retry_permitted():
                raise
            await sleep(backoff(retries))
            retries += 1
        else:
            throttle.on_success()
            return result
