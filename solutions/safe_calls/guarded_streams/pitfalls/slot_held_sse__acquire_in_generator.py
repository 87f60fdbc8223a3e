"""Pitfall: taking the slot inside the body generator (`async with sem:` around the relay, as note 07 §4/§6 do).

Rejected by: test_full_pod_answers_503_at_the_queue_timeout
Why it is wrong: by the time the generator runs, the 200 and its headers are on their way, so a full pod
can no longer answer 503: the caller gets 200 with an empty or broken body (HTTPException raised inside
a stream cannot change the status), and the upstream bookkeeping happens after the point of no return.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines
from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _error


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/stream", response_class=EventSourceResponse)
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        async with asynccontextmanager(slots.hold)():
            try:
                async with upstream.stream(
                    "POST", upstream_url, json={**payload, "stream": True}
                ) as response:
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
