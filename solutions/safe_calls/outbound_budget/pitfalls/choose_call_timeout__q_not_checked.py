"""Pitfall: q is never validated, so percentile(samples, 0) quietly answers the largest sample.

Rejected by: test_q_outside_the_range_is_an_error
Why it is wrong: rank ceil(0) = 0 indexes element -1, the maximum, and q=150 raises IndexError or picks
garbage: a typo in a config (q=0, q=990) becomes a silently wrong call budget instead of a startup error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from solutions.safe_calls.outbound_budget.choose_call_timeout import *  # the rest is the reference


def percentile(samples: Sequence[float], q: float) -> float:
    if not samples:
        raise ValueError("percentile of an empty sample")
    ordered = sorted(samples)
    return ordered[min(len(ordered), math.ceil(q / 100 * len(ordered))) - 1]
