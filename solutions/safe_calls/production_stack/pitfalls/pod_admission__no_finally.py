"""Pitfall: decrementing after the wrapped app returns, without a finally.

Rejected by: test_an_app_crash_frees_the_slot
Why it is wrong: every request whose handler raises leaks its slot; after max_in_flight crashes the pod
rejects every request forever while looking perfectly alive.
"""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Reference


class InFlightLimiter(_Reference):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)
            return
        if self._in_flight >= self.max_in_flight:
            await self._reject(send)
            return
        self._in_flight += 1
        await self.app(scope, receive, send)
        self._in_flight -= 1
