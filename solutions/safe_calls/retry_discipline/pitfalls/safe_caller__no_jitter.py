"""Pitfall: fixed exponential delays (1, 2, 4 s) instead of jittered ones.

Rejected by: test_backoff_is_jittered_per_seed
Why it is wrong: every client that failed together retries together; the vendor recovering from an
outage is hit by synchronized waves.
"""

from __future__ import annotations

from solutions.safe_calls.retry_discipline.safe_caller import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.safe_caller import SafeCaller as Reference


class SafeCaller(Reference):
    def _delay(self, attempt: int, exc: Exception) -> float:
        return float(2**attempt)
