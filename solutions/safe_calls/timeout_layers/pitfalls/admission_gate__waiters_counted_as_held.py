"""Pitfall: in_use is incremented on arrival, before a slot is acquired, so queued callers count as holding one.

Rejected by: test_waiting_callers_hold_no_slot
Why it is wrong: in_use (what dashboards and load shedding read as "slots busy") exceeds the number of
slots under any queue, so the gauge cannot tell a full pod from an overloaded one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from solutions.safe_calls.timeout_layers.admission_gate import *  # the rest is the reference
from solutions.safe_calls.timeout_layers.admission_gate import AdmissionGate as _Reference
from solutions.safe_calls.timeout_layers.admission_gate import Overloaded


class AdmissionGate(_Reference):
    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        self._in_use += 1
        try:
            async with AsyncExitStack() as stack:
                try:
                    async with asyncio.timeout(self.queue_budget):
                        await stack.enter_async_context(self._limiter)
                        await self._slots.acquire()
                except TimeoutError as exc:
                    raise Overloaded(f"not admitted within {self.queue_budget:g} s") from exc
                try:
                    async with asyncio.timeout(self.call_budget):
                        yield
                finally:
                    self._slots.release()
        finally:
            self._in_use -= 1
