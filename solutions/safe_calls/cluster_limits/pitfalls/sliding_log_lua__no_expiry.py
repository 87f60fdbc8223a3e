"""Pitfall: never setting a TTL on the log.

Rejected by: test_the_log_expires
Why it is wrong: the last entries of every limiter that goes idle (a retired vendor, a renamed key, a
per-tenant limiter) stay in Redis forever.
"""

from __future__ import annotations

import redis.asyncio

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference

_NO_EXPIRY = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - tonumber(ARGV[2])))
if redis.call('ZCARD', key) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', key, now, ARGV[4])
return 1
"""


class SlidingWindowLimiter(_Reference):
    def __init__(self, redis: redis.asyncio.Redis, name: str, **kwargs: object) -> None:
        super().__init__(redis, name, **kwargs)  # type: ignore[arg-type]
        self._script = redis.register_script(_NO_EXPIRY)
