"""Pitfall: only the wait for a slot is bounded; the rate limiter is awaited before the queue budget starts.

Rejected by: test_waiting_for_a_rate_token_counts_against_the_queue_budget
Why it is wrong: when the vendor's rate budget is spent, callers queue on the limiter for as long as it
takes (a minute for a per-minute quota) instead of failing fast as Overloaded after the queue budget.
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
        async with self._limiter:
            try:
                async with asyncio.timeout(self.queue_budget):  # starts only after the limiter let us in
                    await self._slots.acquire()
            except TimeoutError as exc:
                raise Overloaded(f"no slot within {self.queue_budget:g} s") from exc
            self._in_use += 1
            try:
                async with asyncio.timeout(self.call_budget):
                    yield
            finally:
                self._in_use -= 1
                self._slots.release()
