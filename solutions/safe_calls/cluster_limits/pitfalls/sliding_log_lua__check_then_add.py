"""Pitfall: the note's limiter: a pipeline that trims and counts, then a separate ZADD.

Rejected by: test_concurrent_pods_never_overshoot
Why it is wrong: between the count and the add other pods count too; all of them see room and all add.
Under concurrency the vendor gets several times the quota. The check and the add must be one atomic step.
"""

from __future__ import annotations

from solutions.safe_calls.cluster_limits.sliding_log_lua import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.sliding_log_lua import SlidingWindowLimiter as _Reference


class SlidingWindowLimiter(_Reference):
    async def try_acquire(self) -> bool:
        now = self.clock()
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(self.key, "-inf", f"({now - self.window_s}")
            pipe.zcard(self.key)
            _, count = await pipe.execute()
        if count >= self.limit:
            return False
        await self.redis.zadd(self.key, {self.new_member(): now})
        await self.redis.pexpire(self.key, int(self.window_s * 1000))
        return True
