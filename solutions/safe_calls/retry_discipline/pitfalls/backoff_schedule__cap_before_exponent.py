"""Pitfall: applying the cap to the base instead of to the exponential ceiling.

Rejected by: test_cap_bounds_late_attempts, test_full_jitter_stays_under_the_ceiling
Why it is wrong: min(cap, base) * 2**attempt grows without bound, so late retries wait for minutes or
hours instead of at most the cap.
"""

from __future__ import annotations

import random

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    return rng.uniform(0, min(cap, base) * 2**attempt)
