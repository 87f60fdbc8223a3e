"""Pitfall: `{"error": str(e)}` in the error event (note 07 §8).

Rejected by: test_upstream_failure_becomes_one_error_event
Why it is wrong: exception text carries internal host names, vendor messages and sometimes secrets, and
it is not a contract a client can branch on. Send a stable code; log the details server-side.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/stream", response_class=EventSourceResponse, dependencies=[Depends(slots.hold)])
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        try:
            async with upstream.stream("POST", upstream_url, json={**payload, "stream": True}) as response:
                response.raise_for_status()
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
                        yield ServerSentEvent(raw_data=data)
        except (StreamTimeout, httpx.HTTPError) as exc:
            yield ServerSentEvent(event="error", data={"error": str(exc)})
            return
        yield ServerSentEvent(raw_data="[DONE]")

    return app
