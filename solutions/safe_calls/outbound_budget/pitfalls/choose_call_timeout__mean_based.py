"""Pitfall: sizing the call timeout from the mean latency.

Rejected by: test_budget_comes_from_the_tail_not_the_mean
Why it is wrong: the timeout is how long we are willing to wait, not how long calls usually take; a
budget near the mean times out every healthy call in the slow tail (here 5 %), and retries add load.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def choose_call_timeout(
    samples: Sequence[float],
    *,
    q: float = 99.0,
    margin: float = 1.2,
    floor: float = 1.0,
    ceiling: float = 120.0,
) -> float:
    if not samples:
        raise ValueError("empty sample")
    return min(ceiling, max(floor, statistics.fmean(samples) * margin))
