"""Pitfall: acquire in the endpoint, return a StreamingResponse, release in the body generator's `finally`.

Rejected by: test_client_lost_while_headers_are_written_releases_the_slot, test_disconnect_under_asgi_2_4_releases_the_slot_without_gc
Why it is wrong: a generator that never started never runs its `finally` (the client left while the
headers were written), and under ASGI spec 2.4 Starlette leaves the body generator suspended at `yield`
after a failed send, so the slot comes back only when the garbage collector finalises it, if ever. Each
such request shrinks the pod's capacity by one slot until it serves nothing.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from fastapi.sse import ServerSentEvent, format_sse_event

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _Relay


async def _as_text(events: AsyncGenerator[ServerSentEvent, None]) -> AsyncIterator[bytes]:
    """The reference relay's events on the wire, for a hand-made StreamingResponse."""
    async with aclosing(events):
        async for event in events:
            yield format_sse_event(data_str=event.raw_data or json.dumps(event.data), event=event.event)


SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()
    relay = _Relay(upstream, upstream_url, idle_s)

    @app.post("/v1/chat/stream")
    async def chat_stream(payload: dict[str, Any]) -> StreamingResponse:
        slot = asynccontextmanager(slots.hold)()
        await slot.__aenter__()

        async def body() -> AsyncIterator[bytes]:
            try:
                async for text in _as_text(relay.events(payload)):
                    yield text
            finally:
                await slot.__aexit__(None, None, None)

        return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)

    return app
