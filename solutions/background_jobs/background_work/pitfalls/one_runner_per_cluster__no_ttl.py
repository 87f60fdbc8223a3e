"""Pitfall: SET NX without an expiry.

Rejected by: test_a_crashed_holder_cannot_block_forever
Why it is wrong: a replica that crashes (OOM kill, node loss) while holding the lock never releases it,
and the job silently never runs again on any replica until someone deletes the key by hand.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.one_runner_per_cluster import *  # the rest is the reference
from solutions.background_jobs.background_work.one_runner_per_cluster import RedisLockStore as _Reference


class RedisLockStore(_Reference):
    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool:
        return bool(await self._redis.set(key, owner, nx=True))
