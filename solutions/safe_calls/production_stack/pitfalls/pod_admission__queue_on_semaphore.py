"""Pitfall: waiting on a semaphore for a free slot instead of rejecting at once.

Rejected by: test_a_full_pod_rejects_at_once_with_503
Why it is wrong: admission control exists to say "no" cheaply while the pod is full. Queueing here holds
the connection, its memory and the client's patience, with no bound on the wait: overload turns into
timeouts everywhere instead of fast 503s the load balancer can route around.
"""

from __future__ import annotations

import asyncio

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Reference


class InFlightLimiter(_Reference):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        semaphore = self.__dict__.setdefault("_semaphore", asyncio.Semaphore(self.max_in_flight))
        async with semaphore:
            self._in_flight += 1
            try:
                await self.app(scope, receive, send)
            finally:
                self._in_flight -= 1
