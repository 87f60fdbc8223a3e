"""Pitfall: reading the whole upstream answer (`await response.aread()`), then sending it as events.

Rejected by: test_slot_is_held_for_the_whole_stream
Why it is wrong: the client sees nothing until the model has finished, which defeats streaming: time to
first token becomes the whole generation time, and proxies and users time out on long answers.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import httpx
from fastapi import Depends, FastAPI
from fastapi.sse import ServerSentEvent

from solutions.safe_calls.guarded_streams.slot_held_sse import *  # the rest is the reference
from solutions.safe_calls.guarded_streams.slot_held_sse import StreamSlots, _app, _Relay


class _BufferedRelay(_Relay):
    async def events(self, payload: dict[str, Any]) -> AsyncGenerator[ServerSentEvent, None]:
        try:
            async with self.upstream.stream("POST", self.url, json={**payload, "stream": True}) as response:
                if response.status_code != 200:
                    yield self._error_event("upstream_status", httpx.HTTPError("status"))
                    return
                body = (await response.aread()).decode()  # the whole answer before the first event
        except httpx.HTTPError as exc:
            yield self._error_event("upstream_error", exc)
            return
        for line in body.splitlines():
            if line.startswith("data:") and line[5:].strip() != "[DONE]":
                yield ServerSentEvent(raw_data=line[5:].removeprefix(" "))
        yield ServerSentEvent(raw_data="[DONE]")


def create_app(
    *, slots: StreamSlots, upstream: httpx.AsyncClient, upstream_url: str, idle_s: float = 30.0
) -> FastAPI:
    return _app(_BufferedRelay(upstream, upstream_url, idle_s), Depends(slots.hold))
