"""Pitfall: computing the retry budget once, before the first attempt (the note's usage code).

Rejected by: test_signals_are_read_again_at_each_failure
Why it is wrong: the signals change while you retry: the breaker opens, the queue backs up. A budget fixed
at the start keeps retrying into an open breaker and an overloaded pod.
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
    budget = retries_allowed(signals())
    for retry in range(budget + 1):
        try:
            result = await fn()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            throttle.on_failure()
            if retry == budget or not throttle.retry_permitted():
                raise
            await sleep(backoff(retry))
        else:
            throttle.on_success()
            return result
    raise AssertionError("unreachable")
