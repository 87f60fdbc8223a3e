"""Pitfall: acquire in the endpoint, return a StreamingResponse, release in the body generator's `finally`.

Rejected by: test_client_lost_while_headers_are_written_releases_the_slot, test_disconnect_under_asgi_2_4_releases_the_slot_without_gc
Why it is wrong: a generator that never started never runs its `finally` (the client left while the
headers were written), and under ASGI spec 2.4 Starlette leaves the body generator suspended at `yield`
after a failed send, so the slot comes back only when the garbage collector finalises it, if ever. Each
such request shrinks the pod's capacity by one slot until it serves nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

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

        async def body() -> AsyncIterator[str]:
            try:
                async for text in _relay(upstream, upstream_url, payload, idle_s):
                    yield text
            finally:
                await slot.__aexit__(None, None, None)

        return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)

    return app
