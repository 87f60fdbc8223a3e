"""Reference solution: slot_held_sse."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
from fastapi import Depends, FastAPI, HTTPException
from fastapi.sse import EventSourceResponse, ServerSentEvent

from katas.safe_calls.guarded_streams.stream_deadlines import StreamTimeout, with_deadlines


class StreamSlots:
    """Pod-local cap on concurrent upstream streams, with a bounded wait for a slot."""

    def __init__(self, limit: int, *, queue_timeout_s: float, retry_after_s: int = 1) -> None:
        self._semaphore = asyncio.Semaphore(limit)  # one per instance: never module-global
        self._in_use = 0
        self.queue_timeout_s = queue_timeout_s
        self.retry_after_s = retry_after_s

    @property
    def in_use(self) -> int:
        return self._in_use

    async def hold(self) -> AsyncIterator[None]:
        try:
            async with asyncio.timeout(self.queue_timeout_s):  # bounds the wait, never the stream
                await self._semaphore.acquire()
        except TimeoutError:
            raise HTTPException(
                503, "all upstream stream slots are busy", headers={"Retry-After": str(self.retry_after_s)}
            ) from None
        self._in_use += 1
        try:
            yield  # FastAPI resumes this after the response has ended, however it ended
        finally:
            self._in_use -= 1
            self._semaphore.release()


def _error(code: str) -> ServerSentEvent:
    return ServerSentEvent(event="error", data={"code": code})


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
