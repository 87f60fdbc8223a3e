"""Reference solution: admission_gate."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any


class Overloaded(Exception):
    """Could not start within the admission (queue) budget. The caller should fail fast; never retried."""


class AdmissionGate:
    def __init__(
        self,
        *,
        slots: int,
        limiter: AbstractAsyncContextManager[Any],
        queue_budget: float,
        call_budget: float,
    ) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._limiter = limiter
        self._in_use = 0
        self.queue_budget = queue_budget
        self.call_budget = call_budget

    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            try:
                async with asyncio.timeout(self.queue_budget):  # measured from arrival...
                    await stack.enter_async_context(self._limiter)
                    await self._slots.acquire()
            except TimeoutError as exc:
                raise Overloaded(f"not admitted within {self.queue_budget:g} s") from exc
            self._in_use += 1
            try:
                async with asyncio.timeout(self.call_budget):  # ...and this one from admission
                    yield
            finally:
                self._in_use -= 1
                self._slots.release()

    @property
    def in_use(self) -> int:
        return self._in_use
