"""Exercise 3 of timeout_layers: a bounded wait for admission, then an independent budget for the call.

Brief: katas/safe_calls/timeout_layers/README.md. Run: `kata run admission_gate`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any


class Overloaded(Exception):
    """Could not start within the admission (queue) budget. The caller should fail fast; never retried."""


class AdmissionGate:
    """Admission control for one vendor: a rate limiter, then one of `slots` slots, then the call.

    Two deadlines with different starting points: waiting for admission may take at most `queue_budget`
    seconds from arrival; the call itself may take at most `call_budget` seconds from admission.
    """

    def __init__(
        self,
        *,
        slots: int,
        limiter: AbstractAsyncContextManager[Any],
        queue_budget: float,
        call_budget: float,
    ) -> None:
        """Create the gate (inside a running event loop: asyncio primitives belong to one loop)."""
        raise NotImplementedError

    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        """Wait at most queue_budget for the limiter and then a slot, else raise Overloaded (chained to the
        TimeoutError). Then run the body under call_budget (the body sees the builtin TimeoutError when it
        runs out), and always give the slot back, however the body ends.
        """
        raise NotImplementedError

    @property
    def in_use(self) -> int:
        """Slots currently held."""
        raise NotImplementedError
