"""Pitfall: releasing the semaphore in a `finally` that also runs when the caller was rejected.

Rejected by: test_the_next_wave_gets_exactly_the_slots
Why it is wrong: each rejection "returns" a slot it never took, so the semaphore's count grows past its
size; after one burst the pod admits far more than it can handle.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from solutions.safe_calls.cluster_limits.pod_guard import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.pod_guard import Overloaded
from solutions.safe_calls.cluster_limits.pod_guard import PodGuard as _Reference


class PodGuard(_Reference):
    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        try:
            try:
                await asyncio.wait_for(self._slots.acquire(), self.queue_budget)
            except TimeoutError as exc:
                self.stats.rejected += 1
                self.stats.rejected_at.append(asyncio.get_running_loop().time())
                raise Overloaded("no slot") from exc
            self._held += 1
            self.stats.started += 1
            self.stats.peak = max(self.stats.peak, self._held)
            yield
        finally:
            self._held = max(0, self._held - 1)
            self._slots.release()
