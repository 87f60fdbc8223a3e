"""Pitfall: backing off on our own schedule even when the vendor said when to come back.

Rejected by: test_retry_after_sets_the_delay
Why it is wrong: after a 429 with Retry-After: 7, a retry at 0.8 s is certain to be rejected again; it
spends an attempt and quota for nothing.
"""

from __future__ import annotations

from solutions.safe_calls.retry_discipline.backoff_schedule import full_jitter
from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    def _delay(self, attempt: int, exc: Exception) -> float:
        return full_jitter(attempt, rng=self._rng)
