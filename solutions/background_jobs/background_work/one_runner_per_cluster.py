"""Reference solution: one_runner_per_cluster."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

import redis.asyncio
from redis.exceptions import WatchError

T = TypeVar("T")


class LockStore(Protocol):
    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool: ...

    async def release(self, key: str, owner: str) -> None: ...


class RedisLockStore:
    def __init__(self, redis: redis.asyncio.Redis) -> None:
        self._redis = redis

    async def acquire(self, key: str, owner: str, ttl_ms: int) -> bool:
        return bool(await self._redis.set(key, owner, nx=True, px=ttl_ms))  # SET key owner NX PX ttl

    async def release(self, key: str, owner: str) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            try:
                await pipe.watch(key)
                holder = await pipe.get(key)
                if holder not in (owner, owner.encode()):
                    return  # expired, and perhaps another replica's now: leave it alone
                pipe.multi()
                pipe.delete(key)
                await pipe.execute()
            except WatchError:
                pass  # it changed between our check and our delete: so it is not ours any more


def single_flight(
    job: Callable[[], Awaitable[T]], *, store: LockStore, key: str, owner: str, ttl_ms: int
) -> Callable[[], Awaitable[T | None]]:
    async def run_once_per_cluster() -> T | None:
        if not await store.acquire(key, owner, ttl_ms):
            return None
        try:
            return await job()
        finally:
            await store.release(key, owner)

    return run_once_per_cluster
