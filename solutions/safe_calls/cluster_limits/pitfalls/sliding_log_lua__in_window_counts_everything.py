"""Pitfall: in_window() answers ZCARD, counting entries that have already left the window.

Rejected by: test_in_window_counts_only_the_current_window
Why it is wrong: the log is only trimmed when a call arrives, so an idle limiter reports its old calls as
current; a dashboard or a "calls left" header built on it says the quota is used up when it is free.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference


class SlidingWindowLimiter(_Reference):
    async def in_window(self) -> int:
        return int(await self.redis.zcard(self.key))
