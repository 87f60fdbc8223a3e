"""Pitfall: SCRIPT LOAD once, then EVALSHA with the cached SHA and no NOSCRIPT fallback.

Rejected by: test_survives_a_script_cache_flush
Why it is wrong: Redis's script cache is not durable: a restart, a failover to a replica or SCRIPT FLUSH
empties it, and every call then fails with NOSCRIPT until the pods restart. register_script() handles this.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SLIDING_WINDOW_LUA
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference


class SlidingWindowLimiter(_Reference):
    _sha: str | None = None

    async def try_acquire(self) -> bool:
        if self._sha is None:
            self._sha = await self.redis.script_load(SLIDING_WINDOW_LUA)
        args = [repr(self.clock()), repr(self.window_s), self.limit, self.new_member()]
        return int(await self.redis.evalsha(self._sha, 1, self.key, *args)) == 1
