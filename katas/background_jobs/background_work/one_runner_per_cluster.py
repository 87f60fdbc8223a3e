"""Exercise 5 of background_work: of all replicas firing the same schedule, only one runs the job.

Brief: katas/background_jobs/background_work/README.md. Run: `kata run one_runner_per_cluster`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

import redis.asyncio

T = TypeVar("T")


class LockStore(Protocol):
    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool:
        """Take the lock `key` for `owner` for at most `ttl_ms` milliseconds; True if we hold it now."""
        raise NotImplementedError

    async def release(self, key: str, owner: str) -> None:
        """Give the lock back, if (and only if) `owner` still holds it."""
        raise NotImplementedError


class RedisLockStore:
    """A LockStore on redis.asyncio, shared by every replica."""

    def __init__(self, redis: redis.asyncio.Redis) -> None:
        """Keep the client (one per replica; all talk to the same Redis)."""
        raise NotImplementedError

    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool:
        """Take the lock if nobody holds it, atomically (one command: no window between "is it free?"
        and "it's mine"), with an expiry of `ttl_ms` so a crashed holder cannot keep it forever.
        Return whether we hold it now."""
        raise NotImplementedError

    async def release(self, key: str, owner: str) -> None:
        """Delete the lock only if `owner` still holds it, checking and deleting in one transaction (our
        lock may have expired and been taken by another replica in the meantime)."""
        raise NotImplementedError


def single_flight(
    job: Callable[[], Awaitable[T]], *, store: LockStore, key: str, owner: str, ttl_ms: int
) -> Callable[[], Awaitable[T | None]]:
    """Wrap a scheduled job: when called, run `job` only if the lock `key` can be taken for `owner`, and
    return its result; otherwise return None at once. The lock is released however the job ends, and
    the job's exception propagates."""
    raise NotImplementedError
