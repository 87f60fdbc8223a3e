"""Pitfall: a hand-written 503 with `Retry-After: 1` hard-coded, ignoring `retry_after_s`.

Rejected by: test_the_503_carries_the_configured_retry_after
Why it is wrong: the operator tuned the back-off for this service (say 7 s while it sheds load); clients
told to come back in 1 s return six times too early and keep the pod saturated.
"""

from __future__ import annotations

from starlette.types import Send

from solutions.safe_calls.production_stack.pod_admission import *  # the rest is the reference
from solutions.safe_calls.production_stack.pod_admission import InFlightLimiter as _Ref


class InFlightLimiter(_Ref):
    async def _reject(self, send: Send) -> None:
        body = b"busy"
        headers = [(b"retry-after", b"1"), (b"content-length", b"4")]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})
