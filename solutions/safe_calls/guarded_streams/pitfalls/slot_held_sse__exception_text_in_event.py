"""Pitfall: `{"error": str(e)}` in the error event (note 07 §8).

Rejected by: test_upstream_failure_becomes_one_error_event
Why it is wrong: exception text carries internal host names, vendor messages and sometimes secrets, and
it is not a contract a client can branch on. Send a stable code; log the details server-side.
"""

from __future__ import annotations

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


class _ExceptionText(_Relay):
    def _error_event(self, code: str, error: BaseException) -> ServerSentEvent:
        return ServerSentEvent(event="error", data={"error": str(error)})


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_ExceptionText(upstream, upstream_url, idle_s), Depends(slots.hold))
