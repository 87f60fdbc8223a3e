"""Pitfall: always using your own backoff, ignoring the server's Retry-After.

Rejected by: test_retry_delay_honours_retry_after
Why it is wrong: a 429 with Retry-After: 7 tells you exactly when capacity returns; retrying earlier
burns attempts on certain rejections, and may get the key throttled harder.
"""

from __future__ import annotations

import random
from datetime import datetime

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference
from solutions.safe_calls.retry_discipline.backoff_schedule import full_jitter


def retry_delay(
    attempt: int, exc: BaseException, *, rng: random.Random, now: datetime, max_retry_after: float = 60.0
) -> float:
    return full_jitter(attempt, rng=rng)
