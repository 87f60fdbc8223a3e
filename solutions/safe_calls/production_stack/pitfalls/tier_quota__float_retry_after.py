"""Pitfall: Retry-After computed as a float (`window_end - now`), sent as "19.5".

Rejected by: test_free_tier_allows_ten_per_window_then_says_when, test_http_answers_429_with_whole_second_retry_after
Why it is wrong: RFC 9110 §10.2.3 defines Retry-After as delta-seconds (a non-negative integer) or an
HTTP-date; clients that parse it strictly ignore "19.5" and fall back to their own, usually shorter, delay.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import FixedWindowQuota as _Reference
from solutions.safe_calls.production_stack.tier_quota import QuotaExceeded


class FixedWindowQuota(_Reference):
    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        now = self.clock()
        window = int(now // self.window_s)
        limit = self.limits.get(tier, self.limits["free"])
        count = await self.store.incr(f"quota:{scope}:{key}:{window}", self.window_s)
        if count > limit:
            raise QuotaExceeded((window + 1) * self.window_s - now)  # type: ignore[arg-type]
        return limit - count
