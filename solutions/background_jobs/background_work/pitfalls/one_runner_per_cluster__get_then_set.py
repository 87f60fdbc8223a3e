"""Pitfall: GET the key, and SET it if it was empty (two commands).

Rejected by: test_of_three_replicas_only_one_runs_the_job
Why it is wrong: between the GET and the SET every other replica can GET too; when the schedule fires
on all of them at the same second, they all see the lock free and all run the job.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.one_runner_per_cluster import *  # the rest is the reference
from solutions.background_jobs.background_work.one_runner_per_cluster import RedisLockStore as _Reference


class RedisLockStore(_Reference):
    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool:
        if await self._redis.get(key) is not None:
            return False
        await self._redis.set(key, owner, px=ttl_ms)
        return True
