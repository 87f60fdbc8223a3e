"""Pitfall: counting in a dict inside the process instead of in Redis.

Rejected by: test_pods_share_one_count, test_concurrent_pods_never_overshoot
Why it is wrong: each pod counts only its own calls, so N pods send N times the vendor quota, and N
changes under you with autoscaling and rolling deploys.
"""

from __future__ import annotations

from collections import Counter

from solutions.safe_calls.cluster_limits.fixed_window import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.fixed_window import FixedWindowLimiter as _Reference


class FixedWindowLimiter(_Reference):
    _counts: Counter[str]

    async def try_acquire(self) -> bool:
        counts = self.__dict__.setdefault("_counts", Counter())
        key = self.key_at(self.clock())
        counts[key] += 1
        return counts[key] <= self.limit
