"""Pitfall: releasing the lock after the job, but not in `finally`.

Rejected by: test_a_failing_job_still_releases_the_lock
Why it is wrong: a job that raises keeps the lock until its TTL runs out, so every replica skips the
retry or the next run: one failure turns into a silent outage of the schedule.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from solutions.background_jobs.background_work.one_runner_per_cluster import *  # the rest is the reference
from solutions.background_jobs.background_work.one_runner_per_cluster import LockStore, T


def single_flight(
    job: Callable[[], Awaitable[T]], *, store: LockStore, key: str, owner: str, ttl_ms: int
) -> Callable[[], Awaitable[T | None]]:
    async def run() -> T | None:
        if not await store.acquire(key, owner, ttl_ms):
            return None
        result = await job()
        await store.release(key, owner)
        return result

    return run
