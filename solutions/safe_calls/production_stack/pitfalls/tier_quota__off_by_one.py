"""Pitfall: rejecting when the count reaches the limit (`count >= limit`), so a 10/minute tier gets 9.

Rejected by: test_free_tier_allows_ten_per_window_then_says_when
Why it is wrong: the count returned by INCR already includes this request; the 10th request is inside a
10/minute budget and only the 11th is over it. Paying customers notice a quota that is one short.
"""

from __future__ import annotations

import math

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import FixedWindowQuota as _Reference
from solutions.safe_calls.production_stack.tier_quota import QuotaExceeded


class FixedWindowQuota(_Reference):
    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        now = self.clock()
        window = int(now // self.window_s)
        limit = self.limits.get(tier, self.limits["free"])
        count = await self.store.incr(f"quota:{scope}:{key}:{window}", self.window_s)
        if count >= limit:
            raise QuotaExceeded(math.ceil((window + 1) * self.window_s - now))
        return limit - count
