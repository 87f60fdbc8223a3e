"""Reference solution: shared_breaker."""

from __future__ import annotations

import redis.asyncio

from katas.safe_calls.resilience_patterns.circuit_breaker import CircuitOpen as CircuitOpen
from katas.safe_calls.resilience_patterns.circuit_breaker import State as State


class SharedCircuitBreaker:
    def __init__(
        self,
        redis: redis.asyncio.Redis,
        name: str,
        *,
        failure_threshold: int = 5,
        failure_window_s: int = 60,
        open_s: int = 30,
        probe_lease_s: int = 10,
        success_threshold: int = 1,
    ) -> None:
        self.redis = redis
        self.failure_threshold = failure_threshold
        self.failure_window_s = failure_window_s
        self.open_s = open_s
        self.probe_lease_s = probe_lease_s
        self.success_threshold = success_threshold
        prefix = f"breaker:{name}"
        self.k_open = f"{prefix}:open"  # exists while OPEN; its TTL is the open period
        self.k_tripped = f"{prefix}:tripped"  # exists from the trip until recovery: OPEN or HALF_OPEN
        self.k_failures = f"{prefix}:failures"  # CLOSED: failures in the current window
        self.k_successes = f"{prefix}:successes"  # HALF_OPEN: probe successes so far
        self.k_probe = f"{prefix}:probe"  # the half-open probe lease

    async def state(self) -> State:
        is_open, tripped = await self.redis.exists(self.k_open), await self.redis.exists(self.k_tripped)
        if is_open:
            return State.OPEN
        return State.HALF_OPEN if tripped else State.CLOSED

    async def before_call(self) -> None:
        state = await self.state()
        if state is State.CLOSED:
            return
        if state is State.HALF_OPEN and await self.redis.set(
            self.k_probe, "1", nx=True, px=self.probe_lease_s * 1000
        ):
            return
        key = self.k_open if state is State.OPEN else self.k_probe
        left_ms = await self.redis.pttl(key)
        raise CircuitOpen(max(left_ms, 0) / 1000)

    async def record_success(self) -> None:
        if await self.state() is not State.HALF_OPEN:
            return
        if await self.redis.incr(self.k_successes) >= self.success_threshold:
            await self.redis.delete(self.k_tripped, self.k_successes, self.k_failures, self.k_probe)
        else:
            await self.redis.delete(self.k_probe)  # the next probe may go

    async def record_failure(self) -> None:
        state = await self.state()
        if state is State.OPEN:
            return  # a late answer from before the trip: the open period is already running
        if state is State.CLOSED:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.incr(self.k_failures)
                pipe.expire(self.k_failures, self.failure_window_s, nx=True)  # the window starts once
                failures, _ = await pipe.execute()
            if failures < self.failure_threshold:
                return
        await self._trip()

    async def _trip(self) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(self.k_tripped, "1")
            pipe.set(self.k_open, "1", ex=self.open_s)
            pipe.delete(self.k_failures, self.k_successes, self.k_probe)
            await pipe.execute()
