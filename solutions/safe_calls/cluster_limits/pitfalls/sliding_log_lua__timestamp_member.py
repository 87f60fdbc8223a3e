"""Pitfall: the timestamp as the sorted-set member (the note's f"{now}").

Rejected by: test_calls_at_the_same_instant_are_all_counted
Why it is wrong: members are unique, so calls at the same instant (common across pods, and with coarse
clocks) overwrite each other and are counted once; the limiter under-counts exactly under bursts.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference


class SlidingWindowLimiter(_Reference):
    async def try_acquire(self) -> bool:
        now = self.clock()
        args = [repr(now), repr(self.window_s), self.limit, repr(now)]
        return int(await self._script(keys=[self.key], args=args)) == 1
