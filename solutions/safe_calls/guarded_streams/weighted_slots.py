"""Reference solution: weighted_slots."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class WeightedSemaphore:
    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self._capacity = capacity
        self._available = capacity
        self._waiters: deque[tuple[int, asyncio.Future[None]]] = deque()

    @property
    def available(self) -> int:
        return self._available

    def _check(self, weight: int) -> None:
        if not 0 < weight <= self._capacity:
            raise ValueError(f"weight must be in 1..{self._capacity}, got {weight}")

    async def acquire(self, weight: int = 1) -> None:
        self._check(weight)
        if not self._waiters and weight <= self._available:  # fast path only when nobody queues
            self._available -= weight
            return
        entry = (weight, asyncio.get_running_loop().create_future())
        self._waiters.append(entry)
        try:
            await entry[1]
        except asyncio.CancelledError:
            if entry[1].done() and not entry[1].cancelled():
                self.release(weight)  # granted and cancelled in the same tick: give it all back
            else:
                self._waiters.remove(entry)
                self._grant()  # we may have been the head that blocked everyone
            raise

    def release(self, weight: int = 1) -> None:
        if weight <= 0 or self._available + weight > self._capacity:
            raise ValueError(f"cannot release {weight}: {self._available}/{self._capacity} already free")
        self._available += weight
        self._grant()

    def _grant(self) -> None:
        while self._waiters and self._waiters[0][0] <= self._available:
            weight, future = self._waiters.popleft()
            self._available -= weight  # subtract and resolve in the same step
            future.set_result(None)

    @asynccontextmanager
    async def hold(self, weight: int = 1) -> AsyncIterator[None]:
        await self.acquire(weight)
        try:
            yield
        finally:
            self.release(weight)
