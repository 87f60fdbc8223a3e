"""Pitfall: plain exponential backoff with no jitter (1, 2, 4, 8 ... seconds).

Rejected by: test_different_seeds_spread_out, test_full_jitter_uses_the_whole_interval
Why it is wrong: after an outage every client retries at the same instants, so the recovering vendor
is hit by synchronized waves (a thundering herd). Jitter spreads them out.
"""

from __future__ import annotations

import random

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    return min(cap, base * 2**attempt)
