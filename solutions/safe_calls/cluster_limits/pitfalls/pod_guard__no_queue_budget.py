"""Pitfall: waiting for a slot without a queue budget ("the semaphore will let them through eventually").

Rejected by: test_a_burst_fails_fast_beyond_capacity
Why it is wrong: the burst drains in waves of 50 for 300 s; callers wait minutes instead of failing fast,
memory and open requests pile up, and health checks queue behind them until the pod is killed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from solutions.safe_calls.cluster_limits.pod_guard import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.pod_guard import PodGuard as _Reference


class PodGuard(_Reference):
    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            self._held += 1
            self.stats.started += 1
            self.stats.peak = max(self.stats.peak, self._held)
            try:
                yield
            finally:
                self._held -= 1
        await asyncio.sleep(0)
