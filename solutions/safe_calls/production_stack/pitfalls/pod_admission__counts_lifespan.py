"""Pitfall: counting every ASGI scope, the lifespan included.

Rejected by: test_lifespan_passes_through_uncounted
Why it is wrong: the lifespan scope lasts as long as the application, so it holds one slot forever; with a
small limit the pod rejects every real request from the moment it starts.
"""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Reference


class InFlightLimiter(_Reference):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        if self._in_flight >= self.max_in_flight:
            await self._reject(send)
            return
        self._in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self._in_flight -= 1
