"""Pitfall: decorrelated jitter without the cap.

Rejected by: test_decorrelated_jitter_bounds
Why it is wrong: each delay may triple the previous one, so without min(cap, ...) the schedule runs
away after a handful of failures.
"""

from __future__ import annotations

import random

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference


def decorrelated_jitter(
    previous: float, *, rng: random.Random, base: float = 1.0, cap: float = 32.0
) -> float:
    return rng.uniform(base, previous * 3)
