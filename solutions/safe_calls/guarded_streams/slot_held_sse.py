"""Reference solution: slot_held_sse."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass
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


@dataclass
class _Relay:
    """The upstream's `data:` payloads as native SSE events, ending in `[DONE]` or one error event."""

    upstream: httpx.AsyncClient
    url: str
    idle_s: float

    async def events(self, payload: dict[str, Any]) -> AsyncGenerator[ServerSentEvent, None]:
        try:
            async with self.upstream.stream("POST", self.url, json={**payload, "stream": True}) as response:
                if response.status_code != 200:
                    status = httpx.HTTPError(f"upstream answered {response.status_code}")
                    yield self._error_event("upstream_status", status)
                    return
                lines = with_deadlines(
                    response.aiter_lines(),
                    first_item_s=self.idle_s,
                    idle_s=self.idle_s,
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
        except StreamTimeout as exc:
            yield self._error_event("upstream_idle", exc)
            return
        except httpx.HTTPError as exc:
            yield self._error_event("upstream_error", exc)
            return
        yield ServerSentEvent(raw_data="[DONE]")

    def _error_event(self, code: str, error: BaseException) -> ServerSentEvent:
        """The client gets a stable code it can branch on; `error` itself is for the logs, never the wire."""
        return _error(code)


def _app(relay: _Relay, *dependencies: Any) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/stream", response_class=EventSourceResponse, dependencies=list(dependencies))
    async def chat_stream(payload: dict[str, Any]) -> AsyncIterator[ServerSentEvent]:
        async with aclosing(relay.events(payload)) as events:  # a client that leaves closes the upstream
            async for event in events:
                yield event

    return app


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_Relay(upstream, upstream_url, idle_s), Depends(slots.hold))
