"""Pitfall: `StreamingResponse(..., background=BackgroundTask(release))` to give the slot back.

Rejected by: test_client_lost_while_headers_are_written_releases_the_slot, test_disconnect_under_asgi_2_4_releases_the_slot_without_gc, test_testclient_leaving_the_stream_early_frees_the_slot
Why it is wrong: a background task runs only after a response that was sent to the end. When sending
fails (the client vanished while the headers were written, or a send raised under ASGI 2.4) it never
runs, and the slot leaks. Cleanup that must always happen belongs in a `finally` (a yield-dependency).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots


async def _relay(
    upstream: httpx.AsyncClient, url: str, payload: dict[str, Any], idle_s: float
) -> AsyncIterator[str]:
    """The reference relay, written for a hand-made StreamingResponse (SSE text, not ServerSentEvent)."""
    try:
        async with upstream.stream("POST", url, json={**payload, "stream": True}) as response:
            if response.status_code != 200:
                yield 'event: error\ndata: {"code": "upstream_status"}\n\n'
                return
            lines = with_deadlines(
                response.aiter_lines(),
                first_item_s=idle_s,
                idle_s=idle_s,
                total_s=600.0,
                is_progress=lambda line: line.startswith("data:"),
            )
            async for line in lines:
                if line.startswith("data:"):
                    data = line[5:].removeprefix(" ")
                    if data == "[DONE]":
                        break
                    yield f"data: {data}\n\n"
    except StreamTimeout:
        yield 'event: error\ndata: {"code": "upstream_idle"}\n\n'
        return
    except httpx.HTTPError:
        yield 'event: error\ndata: {"code": "upstream_error"}\n\n'
        return
    yield "data: [DONE]\n\n"


SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/stream")
    async def chat_stream(payload: dict[str, Any]) -> StreamingResponse:
        slot = asynccontextmanager(slots.hold)()
        await slot.__aenter__()
        return StreamingResponse(
            _relay(upstream, upstream_url, payload, idle_s),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
            background=BackgroundTask(slot.__aexit__, None, None, None),
        )

    return app
