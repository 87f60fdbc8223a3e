"""Pitfall: `Depends(marker, max_concurrency=limit)` as the only limit (new in current FastAPI).

Rejected by: test_full_pod_answers_503_at_the_queue_timeout
Why it is wrong: it holds the slot for the whole request, but the wait for a slot has no bound: the second
caller queues until the first stream ends (here a minute) instead of getting a fast 503 it can retry
elsewhere. A queue without a timeout turns overload into latency for everyone.
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


class StreamSlots(StreamSlots):  # type: ignore[no-redef]
    def __init__(self, limit: int, *, queue_timeout_s: float, retry_after_s: int = 1) -> None:
        super().__init__(limit, queue_timeout_s=queue_timeout_s, retry_after_s=retry_after_s)
        self.limit = limit


async def _marker() -> AsyncIterator[None]:
    yield


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    app = FastAPI()

    limit = getattr(slots, "limit", 1)

    @app.post(
        "/v1/chat/stream",
        response_class=EventSourceResponse,
        dependencies=[Depends(_marker, max_concurrency=limit)],
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
