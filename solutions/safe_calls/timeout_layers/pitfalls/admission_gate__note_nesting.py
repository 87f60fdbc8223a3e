"""Pitfall: the note's nesting, with the queue timeout's `async with` enclosing the call.

Rejected by: test_a_call_may_outlive_the_queue_budget, test_the_call_budget_starts_at_admission
Why it is wrong: the admission deadline keeps running after the call has started, so every call is capped
at the queue budget (5 s) instead of its call budget (30 s): slow but healthy vendor calls die at t=5.
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
        async with asyncio.timeout(self.queue_budget), self._limiter:
            await self._slots.acquire()
            self._in_use += 1
            try:
                async with asyncio.timeout(self.call_budget):
                    yield
            finally:
                self._in_use -= 1
                self._slots.release()
