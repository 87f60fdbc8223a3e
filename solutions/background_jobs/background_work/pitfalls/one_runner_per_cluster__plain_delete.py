"""Pitfall: release with a plain DEL, whoever holds the lock now.

Rejected by: test_a_late_release_leaves_the_new_holders_lock_alone
Why it is wrong: if our lock expired mid-job and another replica took it, our late DEL removes THEIR
lock, and a third replica starts the job while the second is still running it.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.one_runner_per_cluster import *  # the rest is the reference
from solutions.background_jobs.background_work.one_runner_per_cluster import RedisLockStore as _Reference


class RedisLockStore(_Reference):
    async def release(self, key: str, owner: str) -> None:
        await self._redis.delete(key)
