"""Pitfall: the rank is round(q / 100 * n) instead of ceil(q / 100 * n).

Rejected by: test_nearest_rank_percentile
Why it is wrong: rounding down a fractional rank picks a sample below the q-th percentile: with 10 samples,
p94 becomes the 9th value, so more than 6 % of calls are slower than the "p94" budget.
"""

from __future__ import annotations

from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("percentile of an empty sample")
    if not 0 < q <= 100:
        raise ValueError(f"q must be in (0, 100], got {q}")
    ordered = sorted(samples)
    return ordered[max(1, round(q / 100 * len(ordered))) - 1]
