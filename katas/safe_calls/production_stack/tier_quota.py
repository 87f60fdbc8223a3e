"""Exercise 2 of production_stack: per-user, per-endpoint quotas by tier, shared by every pod.

Brief: katas/safe_calls/production_stack/README.md. Run: `kata run tier_quota`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio
from fastapi import FastAPI

TIER_LIMITS: dict[str, int] = {"free": 10, "pro": 100, "enterprise": 1000}


@dataclass(eq=False)
class QuotaExceeded(Exception):
    """A key used up its budget for the current window; `retry_after` is whole seconds to the window's end."""

    retry_after: int


class CounterStore(Protocol):
    async def incr(self, key: str, ttl_s: int) -> int:
        """Atomically add one to `key` and return the new count; the TTL is set only when the key is created."""
        raise NotImplementedError


class MemoryCounterStore:
    """In-process CounterStore with an injectable clock (one pod only: each pod would count alone)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        """Keep counters in memory; a key expires `ttl_s` seconds (by `clock`) after it was created."""
        raise NotImplementedError

    async def incr(self, key: str, ttl_s: int) -> int:
        """Add one and return the new count; an expired key starts again at 1 with a fresh TTL."""
        raise NotImplementedError


class RedisCounterStore:
    """CounterStore on `redis.asyncio` (fakeredis in tests): one counter for every pod."""

    def __init__(self, redis: redis.asyncio.Redis) -> None:
        """Remember the client; every call must be awaited (never a blocking client in async code)."""
        raise NotImplementedError

    async def incr(self, key: str, ttl_s: int) -> int:
        """INCR the key and give it a TTL only when this INCR created it; later hits never refresh it."""
        raise NotImplementedError


class FixedWindowQuota:
    """Per-key, per-scope fixed-window budget by tier."""

    def __init__(
        self,
        store: CounterStore,
        *,
        window_s: int = 60,
        limits: Mapping[str, int] = TIER_LIMITS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Count in `store`; windows are `window_s` long; an unknown tier gets the "free" limit."""
        raise NotImplementedError

    async def hit(self, key: str, tier: str, scope: str = "default") -> int:
        """Count one request of `key` on `scope`; return the budget left in this window, or raise QuotaExceeded.

        The window a request belongs to is `int(now // window_s)`; put it in the counter's key. With a limit
        of 10, hits 1..10 return 9..0 and hit 11 raises QuotaExceeded(retry_after=ceil(window end - now)).
        """
        raise NotImplementedError


def quota_dependency(quota: FixedWindowQuota, *, scope: str) -> Callable[..., Awaitable[None]]:
    """A FastAPI dependency reading the X-User-Id and X-Tier headers (tier defaults to "free").

    Over budget it raises HTTPException 429 with a `Retry-After` header in whole seconds and a detail that
    names the tier.
    """
    raise NotImplementedError


def create_app(quota: FixedWindowQuota) -> FastAPI:
    """GET /chat and GET /search, each guarded by `quota_dependency` with its own scope ("chat", "search")."""
    raise NotImplementedError
