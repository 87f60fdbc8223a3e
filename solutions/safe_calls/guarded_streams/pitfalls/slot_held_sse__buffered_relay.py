"""Pitfall: reading the whole upstream answer (`await response.aread()`), then sending it as events.

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: the client sees nothing until the model has finished, which defeats streaming: time to
first token becomes the whole generation time, and proxies and users time out on long answers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _error


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/stream", response_class=EventSourceResponse, dependencies=[Depends(slots.hold)])
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        try:
            async with upstream.stream("POST", upstream_url, json={**payload, "stream": True}) as response:
                if response.status_code != 200:
                    yield _error("upstream_status")
                    return
                body = (await response.aread()).decode()
        except httpx.HTTPError:
            yield _error("upstream_error")
            return
        for line in body.splitlines():
            if line.startswith("data:") and line[5:].strip() != "[DONE]":
                yield ServerSentEvent(raw_data=line[5:].removeprefix(" "))
        yield ServerSentEvent(raw_data="[DONE]")

    return app
