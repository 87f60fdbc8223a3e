"""Pitfall: the slot is given back after the body, but not in a `finally`.

Rejected by: test_a_failing_call_gives_its_slot_back
Why it is wrong: every vendor error or cancelled request leaks one slot; after `slots` failures the pod
rejects everything with Overloaded while doing nothing.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from solutions.safe_calls.cluster_limits.pod_guard import *  # the rest is the reference
from solutions.safe_calls.cluster_limits.pod_guard import Overloaded
from solutions.safe_calls.cluster_limits.pod_guard import PodGuard as _PodGuard


class PodGuard(_PodGuard):
    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
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
        self._held -= 1
        self._slots.release()
