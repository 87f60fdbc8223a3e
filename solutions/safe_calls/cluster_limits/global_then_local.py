"""Reference solution: global_then_local."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

import httpx

from katas.safe_calls.cluster_limits.pod_guard import PodGuard


class TryAcquire(Protocol):
    async def try_acquire(self) -> bool: ...


class VendorBudgetExhausted(Exception):
    """The global vendor quota had no room before the deadline."""


async def acquire_within(
    limiter: TryAcquire,
    *,
    deadline_s: float,
    rng: random.Random,
    clock: Callable[[], float],
    poll_s: float = 0.1,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    deadline = clock() + deadline_s
    while not await limiter.try_acquire():
        remaining = deadline - clock()
        if remaining <= 0:
            raise VendorBudgetExhausted(f"no global token within {deadline_s:g} s")
        await sleep(min(remaining, poll_s * rng.uniform(0.5, 1.5)))


class Pod:
    def __init__(
        self,
        *,
        guard: PodGuard,
        global_limiter: TryAcquire,
        client: httpx.AsyncClient,
        deadline_s: float,
        rng: random.Random,
        clock: Callable[[], float],
    ) -> None:
        self.guard = guard
        self.global_limiter = global_limiter
        self.client = client
        self.deadline_s = deadline_s
        self.rng = rng
        self.clock = clock

    async def call(self, payload: Mapping[str, Any]) -> Any:
        async with self.guard.slot():  # local admission first: a refused request spends no vendor quota
            await acquire_within(
                self.global_limiter, deadline_s=self.deadline_s, rng=self.rng, clock=self.clock
            )
            response = await self.client.post("/v1/complete", json=dict(payload))
            response.raise_for_status()
            return response.json()
