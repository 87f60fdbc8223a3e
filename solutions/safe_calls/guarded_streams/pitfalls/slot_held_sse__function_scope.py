"""Pitfall: `Depends(slots.hold, scope="function")` (or `async with sem: return StreamingResponse(...)`).

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: the slot is released when the path operation returns, before a single byte of the stream
is sent, so the "limit" does not limit concurrent upstream streams at all (FastAPI 0.106-0.117 did this
to every yield-dependency; 0.118 restored exit-after-response, and scope="function" opts back into it).
"""

from __future__ import annotations

import httpx
from fastapi import Depends, FastAPI

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_Relay(upstream, upstream_url, idle_s), Depends(slots.hold, scope="function"))
