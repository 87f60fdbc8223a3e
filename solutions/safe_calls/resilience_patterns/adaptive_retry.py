"""Reference solution: adaptive_retry."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Signals:
    breaker_open: bool
    queue_wait_s: float
    error_rate: float
    slot_pressure: float


def retries_allowed(s: Signals) -> int:
    if s.breaker_open or s.queue_wait_s > 2.0 or s.slot_pressure > 0.9:
        return 0
    if s.error_rate > 0.5:
        return 1
    return 2 if s.error_rate > 0.2 else 3


class RetryThrottle:
    def __init__(self, *, max_tokens: float = 10.0, token_ratio: float = 0.1) -> None:
        self.max_tokens = max_tokens
        self.token_ratio = token_ratio
        self._tokens = max_tokens

    @property
    def tokens(self) -> float:
        return self._tokens

    def on_success(self) -> None:
        self._tokens = min(self.max_tokens, self._tokens + self.token_ratio)

    def on_failure(self) -> None:
        self._tokens = max(0.0, self._tokens - 1)

    def retry_permitted(self) -> bool:
        return self._tokens > self.max_tokens / 2


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
            if retries >= retries_allowed(signals()) or not throttle.retry_permitted():
                raise
            await sleep(backoff(retries))
            retries += 1
        else:
            throttle.on_success()
            return result
