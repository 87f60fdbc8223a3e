"""Pitfall: one static key per limiter, with its EXPIRE refreshed on every call.

Rejected by: test_a_new_window_starts_a_new_count
Why it is wrong: under steady traffic the TTL is pushed forward on every call, so the "window" never ends
and the limiter, once full, rejects forever (until traffic stops for a whole window).
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.fixed_window import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.fixed_window import FixedWindowLimiter as _Reference


class FixedWindowLimiter(_Reference):
    def key_at(self, now: float) -> str:
        return f"ratelimit:{self.name}"

    async def try_acquire(self) -> bool:
        key = self.key_at(self.clock())
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, self.window_s)
            count, _ = await pipe.execute()
        return int(count) <= self.limit
