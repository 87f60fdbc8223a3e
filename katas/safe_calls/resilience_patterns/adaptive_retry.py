"""Exercise 5 of resilience_patterns: retry only while the pod's live signals and a retry budget allow it.

Brief: katas/safe_calls/resilience_patterns/README.md. Run: `kata run adaptive_retry`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Signals:
    """The pod's live health, read at the moment a retry is considered."""

    breaker_open: bool  # the (shared) circuit breaker is failing fast
    queue_wait_s: float  # how long recent requests waited to start
    error_rate: float  # share of recent vendor calls that failed, 0..1
    slot_pressure: float  # share of outbound slots in use, 0..1


def retries_allowed(s: Signals) -> int:
    """How many retries are safe right now (0-3), with strict thresholds:

    0 if the breaker is open, if queue_wait_s > 2.0, or if slot_pressure > 0.9; else 1 if
    error_rate > 0.5; 2 if error_rate > 0.2; otherwise 3.
    """
    raise NotImplementedError


class RetryThrottle:
    """A pod-wide retry budget, after gRPC's retry throttling (gRFC A6): every vendor failure costs a
    token, every success earns back `token_ratio`, and retries are allowed only while the bucket is
    more than half full. One instance is shared by every call in the pod."""

    def __init__(self, *, max_tokens: float = 10.0, token_ratio: float = 0.1) -> None:
        """Start with a full bucket (`max_tokens`)."""
        raise NotImplementedError

    @property
    def tokens(self) -> float:
        """Tokens in the bucket now."""
        raise NotImplementedError

    def on_success(self) -> None:
        """Add `token_ratio`, capped at `max_tokens`."""
        raise NotImplementedError

    def on_failure(self) -> None:
        """Remove one token, floored at zero."""
        raise NotImplementedError

    def retry_permitted(self) -> bool:
        """True while tokens > max_tokens / 2."""
        raise NotImplementedError


async def call_adaptively(
    fn: Callable[[], Awaitable[T]],
    *,
    throttle: RetryThrottle,
    signals: Callable[[], Signals],
    is_retryable: Callable[[BaseException], bool],
    backoff: Callable[[int], float],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Call `fn`, retrying only while every one of these says yes, decided at the moment of each failure:

    - the failure `is_retryable` (a non-retryable one propagates at once and leaves the throttle alone);
    - the number of retries made so far is below `retries_allowed(signals())`, read fresh each time;
    - `throttle.retry_permitted()` after charging this failure to it.
    A success earns the throttle `on_success()`; a retryable failure costs `on_failure()`. Before retry
    number k (0-based) sleep `backoff(k)`; never sleep after the final attempt. The last failure propagates.
    """
    raise NotImplementedError
