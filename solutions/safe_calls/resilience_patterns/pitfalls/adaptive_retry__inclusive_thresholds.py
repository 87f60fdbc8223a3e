"""Pitfall: inclusive thresholds (>=) where the policy says strictly greater.

Rejected by: test_retries_allowed_policy
Why it is wrong: the policy's limits are the last acceptable values: a queue wait of exactly 2.0 s is still
healthy. Off-by-one thresholds quietly turn retries off (or down) at the documented operating point.
"""

from __future__ import annotations

from solutions.safe_calls.resilience_patterns.adaptive_retry import *  # the rest is the reference
from solutions.safe_calls.resilience_patterns.adaptive_retry import Signals


def retries_allowed(s: Signals) -> int:
    if s.breaker_open or s.queue_wait_s >= 2.0 or s.slot_pressure >= 0.9:
        return 0
    if s.error_rate >= 0.5:
        return 1
    return 2 if s.error_rate >= 0.2 else 3
