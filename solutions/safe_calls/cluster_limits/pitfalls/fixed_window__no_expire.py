"""Pitfall: INCR without EXPIRE.

Rejected by: test_window_keys_expire
Why it is wrong: every window leaves a key behind forever; with a 1 s window that is 86,400 dead keys per
limiter per day, until Redis runs out of memory.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.fixed_window import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.fixed_window import FixedWindowLimiter as _Reference


class FixedWindowLimiter(_Reference):
    async def try_acquire(self) -> bool:
        return int(await self.redis.incr(self.key_at(self.clock()))) <= self.limit
