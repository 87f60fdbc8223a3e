"""Pitfall: reading the body inside the stream with `await request.json()` instead of a body parameter.

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: on an ASGI 2.3 server (uvicorn) Starlette's streaming response listens for the client's
disconnect on `receive()`, and that listener takes the request-body message first. The read inside the
stream then waits forever: the client gets only keepalive pings, the upstream is never called, and the
request holds its slot until the client gives up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _Relay


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()
    relay = _Relay(upstream, upstream_url, idle_s)

    @app.post("/v1/chat/stream", response_class=EventSourceResponse, dependencies=[Depends(slots.hold)])
    async def chat_stream(request: Request) -> AsyncIterator[ServerSentEvent]:
        payload = await request.json()  # too late: the disconnect listener already took the body
        async for event in relay.events(payload):
            yield event

    return app
