"""Pitfall: adding every call to the log, granted or not.

Rejected by: test_denied_calls_are_not_recorded
Why it is wrong: denied callers that retry keep adding entries, so the window never drains: under steady
retries the limiter denies everyone forever, even though the vendor receives nothing.
"""

from __future__ import annotations

import redis.asyncio

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference

_RECORD_ALL = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - window))
local count = redis.call('ZCARD', key)
redis.call('ZADD', key, now, ARGV[4])
redis.call('PEXPIRE', key, math.ceil(window * 1000))
if count >= tonumber(ARGV[3]) then return 0 end
return 1
"""


class SlidingWindowLimiter(_Reference):
    def __init__(self, redis: redis.asyncio.Redis, name: str, **kwargs: object) -> None:
        super().__init__(redis, name, **kwargs)  # type: ignore[arg-type]
        self._script = redis.register_script(_RECORD_ALL)
