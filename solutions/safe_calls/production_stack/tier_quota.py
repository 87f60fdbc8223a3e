"""Reference solution: tier_quota."""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Protocol

import redis.asyncio
from fastapi import Depends, FastAPI, Header, HTTPException

TIER_LIMITS: dict[str, int] = {"free": 10, "pro": 100, "enterprise": 1000}


@dataclass(eq=False)
class QuotaExceeded(Exception):
    retry_after: int


class CounterStore(Protocol):
    async def incr(self, key: str, ttl_s: int) -> int: ...


class MemoryCounterStore:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._counts: dict[str, tuple[int, float]] = {}  # key -> (count, expires_at)

    async def incr(self, key: str, ttl_s: int) -> int:
        now = self._clock()
        count, expires_at = self._counts.get(key, (0, now + ttl_s))
        if now >= expires_at:
            count, expires_at = 0, now + ttl_s
        self._counts[key] = (count + 1, expires_at)
        return count + 1


class RedisCounterStore:
    def __init__(self, redis: redis.asyncio.Redis) -> None:
        self._redis = redis

    async def incr(self, key: str, ttl_s: int) -> int:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, ttl_s, nx=True)  # only a key without a TTL (a new one) gets one
            count, _ = await pipe.execute()
        return int(count)


class FixedWindowQuota:
    def __init__(
        self,
        store: CounterStore,
        *,
        window_s: int = 60,
        limits: Mapping[str, int] = TIER_LIMITS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store, self.window_s, self.limits, self.clock = store, window_s, limits, clock

    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        now = self.clock()
        window = int(now // self.window_s)
        limit = self.limits.get(tier, self.limits["free"])
        count = await self.store.incr(f"quota:{scope}:{key}:{window}", self.window_s)
        if count > limit:
            raise QuotaExceeded(math.ceil((window + 1) * self.window_s - now))
        return limit - count


def quota_dependency(quota: FixedWindowQuota, *, scope: str) -> Callable[..., Awaitable[None]]:
    async def enforce(x_user_id: Annotated[str, Header()], x_tier: Annotated[str, Header()] = "free") -> None:
        try:
            await quota.hit(x_user_id, x_tier, scope)
        except QuotaExceeded as exc:
            raise HTTPException(
                429,
                detail=f"{x_tier} tier quota for {scope} is used up",
                headers={"Retry-After": str(exc.retry_after)},
            ) from None

    return enforce


def create_app(quota: FixedWindowQuota) -> FastAPI:
    app = FastAPI()

    @app.get("/chat", dependencies=[Depends(quota_dependency(quota, scope="chat"))])
    async def chat() -> dict[str, str]:
        return {"route": "chat"}

    @app.get("/search", dependencies=[Depends(quota_dependency(quota, scope="search"))])
    async def search() -> dict[str, str]:
        return {"route": "search"}

    return app
