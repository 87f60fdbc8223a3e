"""Pitfall: each FixedWindowQuota counts in its own dict, ignoring the shared store.

Rejected by: test_pods_sharing_a_store_share_one_budget
Why it is wrong: the load balancer spreads one user across all pods, so a budget kept inside each pod is
multiplied by the number of pods: ten pods, ten times the quota. User quotas must live in shared storage.
"""

from __future__ import annotations

import math

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import FixedWindowQuota as _Reference
from solutions.safe_calls.production_stack.tier_quota import QuotaExceeded


class FixedWindowQuota(_Reference):
    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        counts: dict[str, int] = self.__dict__.setdefault("_local", {})
        now = self.clock()
        window = int(now // self.window_s)
        limit = self.limits.get(tier, self.limits["free"])
        name = f"quota:{scope}:{key}:{window}"
        counts[name] = counts.get(name, 0) + 1
        if counts[name] > limit:
            raise QuotaExceeded(math.ceil((window + 1) * self.window_s - now))
        return limit - counts[name]
