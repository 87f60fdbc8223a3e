"""Pitfall: counting and rejecting the probe endpoints like any other request.

Rejected by: test_probes_pass_while_the_pod_is_full
Why it is wrong: a full pod answers its liveness probe with 503, Kubernetes concludes it is dead and
restarts it, dropping every in-flight request: overload misread as death.
"""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Reference


class InFlightLimiter(_Reference):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
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
