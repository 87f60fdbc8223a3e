"""Pitfall: acquire() and release() by hand, with the release after the body instead of in `finally`.

Rejected by: test_a_call_over_budget_times_out_and_frees_its_slot
Why it is wrong: a body that raises (a timeout, a vendor error) skips the release; each failure leaks one
slot until the gate is permanently full and every caller gets Overloaded.
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
        try:
            async with asyncio.timeout(self.queue_budget):
                async with self._limiter:
                    await self._slots.acquire()
        except TimeoutError as exc:
            raise Overloaded("not admitted") from exc
        self._in_use += 1
        async with asyncio.timeout(self.call_budget):
            yield
        self._in_use -= 1
        self._slots.release()
