"""Pitfall: calling EXPIRE on every INCR (as the note's limiter effectively does), refreshing the window.

Rejected by: test_redis_window_ttl_is_set_once_not_refreshed
Why it is wrong: every hit pushes the key's expiry another full window away, so a user who keeps calling
never gets a reset, and keys for old windows linger. Set the TTL once, when INCR creates the key.
"""

from __future__ import annotations

from solutions.safe_calls.production_stack.tier_quota import *  # the rest is the reference
from solutions.safe_calls.production_stack.tier_quota import RedisCounterStore as _Reference


class RedisCounterStore(_Reference):
    async def incr(self, key: str, ttl_s: int) -> int:
        count = await self._redis.incr(key)
        await self._redis.expire(key, ttl_s)
        return int(count)
