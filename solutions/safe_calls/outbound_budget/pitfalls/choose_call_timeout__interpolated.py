"""Pitfall: an interpolated percentile (statistics.quantiles, numpy's default) instead of nearest rank.

Rejected by: test_nearest_rank_percentile
Why it is wrong: interpolation reports latencies nobody observed (p50 of 1..10 becomes 5.5), and the
contract pinned nearest rank so budgets are reproducible from the raw samples.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("empty sample")
    if q == 100:
        return max(samples)
    return statistics.quantiles(samples, n=100, method="inclusive")[round(q) - 1]
