"""Pitfall: the source note's jitter, 2**attempt plus a random second on top.

Rejected by: test_full_jitter_stays_under_the_ceiling, test_full_jitter_uses_the_whole_interval
Why it is wrong: it overshoots the ceiling (8.4 s at attempt 3) and keeps clients within one second of
each other; full jitter draws the whole delay uniformly from [0, ceiling].
"""

from __future__ import annotations

import random

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    return min(cap, base * 2**attempt) + rng.uniform(0, 1)
