"""Pitfall: the stats live on the class, so every PodGuard shares one GuardStats.

Rejected by: test_each_guard_keeps_its_own_stats
Why it is wrong: two guards (two vendors, or one per test) report each other's starts and rejections, so
the dashboard of one pod's protection is fiction.
"""

import asyncio

from solutions.safe_calls.cluster_limits.pod_guard import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.pod_guard import GuardStats
from solutions.safe_calls.cluster_limits.pod_guard import PodGuard as _PodGuard


class PodGuard(_PodGuard):
    stats = GuardStats()

    def __init__(self, *, slots: int, queue_budget: float) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._held = 0
        self.queue_budget = queue_budget
