"""Pitfall: GET the count, compare, then SET count + 1: a read followed by a separate write.

Rejected by: test_concurrent_pods_never_overshoot
Why it is wrong: two pods read the same count before either writes it back, so both think they are under
the limit; under concurrency far more than `limit` calls get through. Counting must be one atomic step.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.fixed_window import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.fixed_window import FixedWindowLimiter as _Reference


class FixedWindowLimiter(_Reference):
    async def try_acquire(self) -> bool:
        key = self.key_at(self.clock())
        count = int(await self.redis.get(key) or 0)
        if count >= self.limit:
            return False
        await self.redis.set(key, count + 1, ex=self.window_s)
        return True
