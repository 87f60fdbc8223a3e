"""Pitfall: `StreamingResponse(..., background=BackgroundTask(release))` to give the slot back.

Rejected by: test_client_lost_while_headers_are_written_releases_the_slot, test_disconnect_under_asgi_2_4_releases_the_slot_without_gc, test_testclient_leaving_the_stream_early_frees_the_slot
Why it is wrong: a background task runs only after a response that was sent to the end. When sending
fails (the client vanished while the headers were written, or a send raised under ASGI 2.4) it never
runs, and the slot leaks. Cleanup that must always happen belongs in a `finally` (a yield-dependency).
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
from starlette.background import BackgroundTask

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
        return StreamingResponse(
            _as_text(relay.events(payload)),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
            background=BackgroundTask(slot.__aexit__, None, None, None),
        )

    return app
