"""Reference solution: pod_guard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


class Overloaded(Exception):
    """No slot became free within the queue budget. Never retried in this pod."""


def local_rate_per_minute(gate_size: int, avg_latency_s: float, safety: float = 0.8) -> int:
    return int(gate_size * 60 * safety / avg_latency_s)


@dataclass
class GuardStats:
    started: int = 0
    rejected: int = 0
    peak: int = 0
    rejected_at: list[float] = field(default_factory=list)


class PodGuard:
    def __init__(self, *, slots: int, queue_budget: float) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._held = 0
        self.queue_budget = queue_budget
        self.stats = GuardStats()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        try:
            await asyncio.wait_for(self._slots.acquire(), self.queue_budget)
        except TimeoutError as exc:
            self.stats.rejected += 1
            self.stats.rejected_at.append(asyncio.get_running_loop().time())
            raise Overloaded(f"no slot within {self.queue_budget:g} s") from exc
        self._held += 1
        self.stats.started += 1
        self.stats.peak = max(self.stats.peak, self._held)
        try:
            yield
        finally:
            self._held -= 1
            self._slots.release()
