"""Pitfall: exempting a fixed ("/health", "/ready") instead of the `exempt_paths` given.

Rejected by: test_the_configured_exempt_paths_are_the_probes
Why it is wrong: a deployment whose probes live at /livez gets them rejected with 503 when the pod is full,
and Kubernetes reads overload as death: it restarts the pod, and the load lands on the others.
"""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Ref


class InFlightLimiter(_Ref):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in ("/health", "/ready"):
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
