"""Pitfall: `Depends(slots.hold, scope="function")` (or `async with sem: return StreamingResponse(...)`).

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: the slot is released when the path operation returns, before a single byte of the stream
is sent, so the "limit" does not limit concurrent upstream streams at all (FastAPI 0.106-0.117 did this
to every yield-dependency; 0.118 restored exit-after-response, and scope="function" opts back into it).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _error


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    @app.post(
        "/v1/chat/stream",
        response_class=EventSourceResponse,
        dependencies=[Depends(slots.hold, scope="function")],
    )
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        try:
            async with upstream.stream("POST", upstream_url, json={**payload, "stream": True}) as response:
                if response.status_code != 200:
                    yield _error("upstream_status")
                    return
                lines = with_deadlines(
                    response.aiter_lines(),
                    first_item_s=idle_s,
                    idle_s=idle_s,
                    total_s=600.0,
                    is_progress=lambda line: line.startswith("data:"),
                )
                async for line in lines:
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].removeprefix(" ")
                    if data == "[DONE]":
                        break
                    yield ServerSentEvent(raw_data=data)
        except StreamTimeout:
            yield _error("upstream_idle")
            return
        except httpx.HTTPError:
            yield _error("upstream_error")
            return
        yield ServerSentEvent(raw_data="[DONE]")

    return app
