"""Pitfall: one budget measured from arrival, covering both the wait and the call.

Rejected by: test_the_call_budget_starts_at_admission
Why it is wrong: a caller that queued 4 s gets only 26 s for a call whose budget is 30 s, so calls fail
more often exactly when the service is busy. Admission and the call are different deadlines.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from solutions.safe_calls.timeout_layers.admission_gate import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.admission_gate import AdmissionGate as _Reference
from solutions.safe_calls.timeout_layers.admission_gate import Overloaded


class AdmissionGate(_Reference):
    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        async with asyncio.timeout(self.call_budget):
            try:
                async with asyncio.timeout(self.queue_budget), self._limiter:
                    await self._slots.acquire()
            except TimeoutError as exc:
                raise Overloaded("not admitted") from exc
            self._in_use += 1
            try:
                yield
            finally:
                self._in_use -= 1
                self._slots.release()
