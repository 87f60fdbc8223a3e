"""Pitfall: letting only the lifespan scope through, so websocket connections are counted as requests.

Rejected by: test_websockets_pass_through_uncounted
Why it is wrong: a websocket can stay open for hours; each one holds an HTTP admission slot all that time,
so a few chat clients make the pod answer 503 to every ordinary request.
"""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Ref


class InFlightLimiter(_Ref):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" or scope["path"] in self.exempt_paths:
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
