"""Pitfall: indexing the samples without sorting them first.

Rejected by: test_order_of_samples_does_not_matter
Why it is wrong: latencies arrive in completion order, not sorted; the "p99" is then whatever sample
happened to land at that index, and the budget changes from one deploy to the next.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("empty sample")
    return samples[math.ceil(q / 100 * len(samples)) - 1]
