"""Pitfall: per-call retries from the signals only, with no pod-wide budget.

Rejected by: test_a_pod_wide_budget_stops_a_retry_storm
Why it is wrong: when the vendor goes down, every in-flight request retries at once: 100 requests become
400 vendor calls, right when the vendor is least able to take them (a retry storm). A shared token
bucket (gRFC A6) caps retries for the whole pod.
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
            if retries >= retries_allowed(signals()):
                raise
            await sleep(backoff(retries))
            retries += 1
        else:
            throttle.on_success()
            return result
