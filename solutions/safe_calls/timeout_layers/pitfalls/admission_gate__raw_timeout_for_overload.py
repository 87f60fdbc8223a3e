"""Pitfall: letting the admission timeout escape as a plain TimeoutError.

Rejected by: test_no_slot_within_the_queue_budget_is_overloaded
Why it is wrong: a retry loop (and the edge) cannot tell "we are overloaded, fail fast with 503" from "the
vendor call timed out, maybe retry": both are TimeoutError. Translate at the boundary into Overloaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from solutions.safe_calls.timeout_layers.admission_gate import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.admission_gate import AdmissionGate as _Reference


class AdmissionGate(_Reference):
    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        async with asyncio.timeout(self.queue_budget) as queue, self._limiter:
            await self._slots.acquire()
            queue.reschedule(None)
            self._in_use += 1
            try:
                async with asyncio.timeout(self.call_budget):
                    yield
            finally:
                self._in_use -= 1
                self._slots.release()
