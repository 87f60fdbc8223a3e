"""Pitfall: sorting the caller's list in place to find the percentile.

Rejected by: test_order_of_samples_does_not_matter
Why it is wrong: the caller's latency window is silently reordered (a ring buffer or a time-ordered log
is now garbage). Sort a copy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("empty sample")
    samples.sort()  # type: ignore[attr-defined]
    return samples[math.ceil(q / 100 * len(samples)) - 1]
