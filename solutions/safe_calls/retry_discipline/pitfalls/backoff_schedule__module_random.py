"""Pitfall: drawing jitter from the module-level random instead of the injected rng.

Rejected by: test_same_seed_same_delays
Why it is wrong: the schedule can no longer be reproduced from a seed, so tests become flaky and an
incident cannot be replayed; the injected Random is the contract.
"""

from __future__ import annotations

import random

from solutions.safe_calls.retry_discipline.backoff_schedule import *  # the rest is the reference


def full_jitter(attempt: int, *, rng: random.Random, base: float = 1.0, cap: float = 32.0) -> float:
    return random.uniform(0, min(cap, base * 2**attempt))
