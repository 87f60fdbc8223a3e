"""Reference solution: sliding_log_lua."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import redis.asyncio

SLIDING_WINDOW_LUA: str = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - window))
if redis.call('ZCARD', key) >= limit then
    return 0
end
redis.call('ZADD', key, now, ARGV[4])
redis.call('PEXPIRE', key, math.ceil(window * 1000))
return 1
"""


class SlidingWindowLimiter:
    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        limit: int,
        window_s: float,
        clock: Callable[[], float] = time.time,
        new_member: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.redis = redis
        self.key = f"ratelimit:sliding:{name}"
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self.new_member = new_member
        self._script = redis.register_script(SLIDING_WINDOW_LUA)  # EVALSHA, reloaded on NOSCRIPT

    async def try_acquire(self) -> bool:
        args = [repr(self.clock()), repr(self.window_s), self.limit, self.new_member()]
        return int(await self._script(keys=[self.key], args=args)) == 1

    async def in_window(self) -> int:
        return int(await self.redis.zcount(self.key, self.clock() - self.window_s, "+inf"))
