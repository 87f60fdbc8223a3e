"""Pitfall: a token bucket without its cap and floor.

Rejected by: test_throttle_arithmetic
Why it is wrong: without the cap, a long healthy period banks thousands of tokens and the next outage gets
an unlimited retry storm; without the floor, a long outage digs a hole that takes forever to refill.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.adaptive_retry import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.adaptive_retry import RetryThrottle as _Reference


class RetryThrottle(_Reference):
    def on_success(self) -> None:
        self._tokens += self.token_ratio

    def on_failure(self) -> None:
        self._tokens -= 1
