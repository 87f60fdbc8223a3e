"""Pitfall: counting a caller as started before it holds a slot.

Rejected by: test_a_burst_fails_fast_beyond_capacity
Why it is wrong: every rejected caller is counted twice (started and rejected); dashboards then show
500 calls started during a burst in which 50 ran, hiding exactly the overload they should reveal.
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
        self.stats.started += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.queue_budget)
        except TimeoutError as exc:
            self.stats.rejected += 1
            self.stats.rejected_at.append(asyncio.get_running_loop().time())
            raise Overloaded("no slot") from exc
        self._held += 1
        self.stats.peak = max(self.stats.peak, self._held)
        try:
            yield
        finally:
            self._held -= 1
            self._slots.release()
