"""Reference solution: fixed_window."""

from __future__ import annotations

import time
from collections.abc import Callable

import redis.asyncio


class FixedWindowLimiter:
    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        limit: int,
        window_s: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.name = name
        self.limit = limit
        self.window_s = window_s
        self.clock = clock

    def key_at(self, now: float) -> str:
        return f"ratelimit:{self.name}:{int(now // self.window_s)}"

    async def try_acquire(self) -> bool:
        key = self.key_at(self.clock())
        async with self.redis.pipeline(transaction=True) as pipe:  # MULTI ... EXEC: one atomic step
            pipe.incr(key)  # INCR returns the new count: no read-then-write race between pods
            pipe.expire(key, self.window_s, nx=True)  # the TTL is set once, by the first call of the window
            count, _ = await pipe.execute()
        return int(count) <= self.limit
