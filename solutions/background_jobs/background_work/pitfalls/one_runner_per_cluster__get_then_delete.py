"""Pitfall: release reads the owner with GET, then deletes with a separate DEL (check-then-act, no transaction).

Rejected by: test_release_checks_and_deletes_atomically
Why it is wrong: between the GET and the DEL our lock can expire and another replica can take it; the DEL
then deletes the new holder's lock, and a third replica runs the job at the same time.
"""

from __future__ import annotations

from solutions.background_jobs.background_work.one_runner_per_cluster import *  # the rest is the reference
from solutions.background_jobs.background_work.one_runner_per_cluster import RedisLockStore as _Reference


class RedisLockStore(_Reference):
    async def release(self, key: str, owner: str) -> None:
        if await self._redis.get(key) in (owner, owner.encode()):
            await self._redis.delete(key)
